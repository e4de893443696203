//! Every size the layout uses, in CSS px, and its fonts: one list, so a change of spacing is
//! made here and nowhere else. (Shares of a width, percents and counts stay inline where they
//! are used, with their reasons.)

use crate::text::Font;

/// Below this panel width names go above their bars instead of beside them.
pub const NARROW_BELOW_PX: f64 = 520.0;
/// From this chart width the overview puts its panels side by side.
pub const SIDE_BY_SIDE_FROM_PX: f64 = 880.0;
/// Narrower charts are laid out at this width.
pub const MIN_WIDTH_PX: f64 = 200.0;
/// Plots taller than this repeat their axis labels (above the rows and every [`AXIS_EVERY_PX`]).
pub(super) const TALL_PLOT_PX: f64 = 900.0;
/// About this much plot between repeated axis labels.
pub(super) const AXIS_EVERY_PX: f64 = 600.0;
/// The height of a repeated band of axis labels between rows.
pub(super) const AXIS_BAND_H_PX: f64 = 22.0;
/// A repeated band's labels sit this far above its middle.
pub(super) const AXIS_LABEL_RAISE_PX: f64 = 1.0;
/// From the plot's bottom to the middle of the tick labels under it.
pub(super) const AXIS_LABEL_GAP_PX: f64 = 12.0;
/// From the middle of the tick labels to the panel's bottom.
pub(super) const AXIS_BELOW_PX: f64 = 12.0;
/// At least this between neighbouring tick labels: fewer ticks where they would be closer.
pub(super) const TICK_LABEL_GAP_PX: f64 = 10.0;

/// Round the chart, on every side.
pub(super) const CHART_PAD_PX: f64 = 12.0;
/// Between the title and subtitle (if any) and the first panel.
pub(super) const HEADER_GAP_PX: f64 = 8.0;
/// Below every wrapped block of text: title, subtitle, note, source.
pub(super) const TEXT_BLOCK_GAP_PX: f64 = 4.0;
/// Wrapped text's line height, in font sizes (rounded to whole px).
pub(super) const LINE_HEIGHT: f64 = 1.35;
/// Between the last panel and the note or source.
pub(super) const FOOTER_GAP_PX: f64 = 4.0;
/// Between panels side by side.
pub(super) const PANEL_GAP_PX: f64 = 28.0;
/// Between stacked panels.
pub(super) const STACKED_PANEL_GAP_PX: f64 = 20.0;

/// A panel's title line (the overview's small multiples).
pub(super) const PANEL_TITLE_H_PX: f64 = 22.0;
/// From the top of the title line to the title's middle.
pub(super) const PANEL_TITLE_MID_PX: f64 = 9.0;
/// A legend line; the legend wraps to a new one where items do not fit.
pub(super) const LEGEND_LINE_H_PX: f64 = 18.0;
/// A legend swatch's side.
pub(super) const SWATCH_PX: f64 = 11.0;
/// From a swatch to its label.
pub(super) const SWATCH_GAP_PX: f64 = 5.0;
/// After a legend item, before the next one on its line.
pub(super) const LEGEND_ITEM_GAP_PX: f64 = 14.0;
/// A legend label is cut to the panel's width less its swatch and this.
pub(super) const LEGEND_LABEL_INSET_PX: f64 = 6.0;
/// Between the legend and the rows.
pub(super) const LEGEND_GAP_PX: f64 = 8.0;

/// A bar, names beside it.
pub(super) const BAR_H_PX: f64 = 20.0;
/// Between rows, names beside the bars.
pub(super) const ROW_GAP_PX: f64 = 8.0;
/// A bar under its name (narrow panels).
pub(super) const BAR_H_NARROW_PX: f64 = 18.0;
/// Between rows, names above the bars.
pub(super) const ROW_GAP_NARROW_PX: f64 = 10.0;
/// A name's line above its bar; two when the end label has a line of its own under the name.
pub(super) const LABEL_LINE_H_PX: f64 = 18.0;
/// From the top of a name's line to the name's middle.
pub(super) const LABEL_MID_PX: f64 = 8.0;
/// The names' column is the widest name and this; a name is cut to the column less this.
pub(super) const NAME_PAD_PX: f64 = 12.0;
/// From a name's end to the plot, names beside the bars.
pub(super) const NAME_GAP_PX: f64 = 8.0;
/// The names' column narrows by this at a time while the bars lack room.
pub(super) const NAMES_STEP_PX: f64 = 8.0;
/// Between a name and its end label on one line, names above the bars.
pub(super) const NAME_END_GAP_PX: f64 = 10.0;

/// Between a bar's end and its end label, after the bar or inside it.
pub(super) const END_LABEL_GAP_PX: f64 = 5.0;
/// Kept free at the panel's right edge by an end label after its bar.
pub(super) const END_LABEL_MARGIN_PX: f64 = 6.0;
/// An end label goes inside its bar's end when the bar is longer than the label by this.
pub(super) const END_LABEL_INSIDE_PX: f64 = 10.0;
/// The room an end label after its bar takes beyond its own width, when fitting the plot.
pub(super) const END_LABEL_ROOM_PX: f64 = 12.0;
/// The plot ends at least this short of the panel's right edge.
pub(super) const PLOT_INSET_PX: f64 = 4.0;
/// The narrowest plot.
pub(super) const MIN_PLOT_W_PX: f64 = 40.0;
/// A segment's value is written inside it when the segment is wider than the text by this.
pub(super) const INSIDE_LABEL_PAD_PX: f64 = 6.0;
/// "No data" is written this far into the plot.
pub(super) const NO_DATA_INSET_PX: f64 = 6.0;
/// Grid lines (and the plan line, names above) reach this far above and below a bar.
pub(super) const LINE_OVERHANG_PX: f64 = 2.0;
/// The plan line (names beside) reaches this far past the first and last bar of a group.
pub(super) const PLAN_LINE_END_PX: f64 = 4.0;
/// The plan line leaves a gap where an end label comes within this of it.
pub(super) const PLAN_LINE_CLEARANCE_PX: f64 = 2.0;

/// The highlight frame ([`Layout::highlight`](super::Layout::highlight)): a line this thick, in
/// the theme's text colour, centred on the anchor grown by [`HIGHLIGHT_PAD_PX`] on every side. The
/// browser shows it as a positioned box with a border rather than on a canvas, from the same numbers.
pub const HIGHLIGHT_LINE_PX: f64 = 2.0;
/// How far the highlight frame's centre line lies outside the segment or row it frames.
pub const HIGHLIGHT_PAD_PX: f64 = 2.0;

/// The chart's title.
pub(super) const TITLE_FONT: Font = Font::bold(19.0);
/// The chart's title on charts narrower than [`NARROW_BELOW_PX`].
pub(super) const TITLE_FONT_NARROW: Font = Font::bold(17.0);
/// Names and legend labels.
pub(super) const LABEL_FONT: Font = Font::regular(13.0);
/// Values inside segments and "no data"; end labels are its bold.
pub(super) const VALUE_FONT: Font = Font::regular(12.0);
/// Tick labels.
pub(super) const TICK_FONT: Font = Font::regular(11.0);
/// A small multiple's title.
pub(super) const PANEL_TITLE_FONT: Font = Font::bold(14.0);
/// The subtitle.
pub(super) const SUBTITLE_FONT: Font = Font::regular(14.0);
/// The note and the source.
pub(super) const FOOT_FONT: Font = Font::regular(12.0);
/// A section heading of `group`: its line's height, and the gap above it (after the section before).
pub(super) const SECTION_H_PX: f64 = 24.0;
pub(super) const SECTION_GAP_PX: f64 = 8.0;
/// As a panel title (never above it), larger than a highlighted commune's bold name and ruled,
/// so the two are not confused.
pub(super) const SECTION_FONT: Font = Font::bold(14.0);
/// The line of `compare`'s label above the rows.
pub(super) const REFERENCE_LABEL_H_PX: f64 = 18.0;
/// A highlighted commune's name.
pub(super) const LABEL_FONT_BOLD: Font = Font::bold(13.0);
