//! One panel's geometry: its header (title, legend) and its rows (names, bars, end labels), with
//! the grid, the plan line and the tick labels, between two x and from a y, in CSS px.

use super::rows::PanelData;
use super::scale::{axis, tick_anchor, Axis, Scale};
use super::sizes::*;
use super::{Align, Bar, Ctx, Mark, Names, Out, Panel, Rect, Row};
use crate::model::f64_from_len;
use crate::text::{truncate, Font, TextMeasure};

/// The panel's title and legend between `x0` and `x1` from `y`; returns where rows start.
pub(super) fn panel_header(ctx: &Ctx, p: &PanelData, x0: f64, x1: f64, mut y: f64, marks: &mut Vec<Mark>) -> f64 {
    let width = x1 - x0;
    if let Some(t) = &p.title {
        let t = truncate(ctx.measure, t, PANEL_TITLE_FONT, width);
        marks.push(Mark::Text {
            x: x0,
            y_mid: y + PANEL_TITLE_MID_PX,
            text: t,
            font: PANEL_TITLE_FONT,
            color: ctx.theme.text,
            align: Align::Start,
        });
        y += PANEL_TITLE_H_PX;
    }
    if p.legend.len() > 1 {
        let mut x = x0;
        for item in &p.legend {
            let label = truncate(ctx.measure, &item.label, LABEL_FONT, width - SWATCH_PX - LEGEND_LABEL_INSET_PX);
            let w = SWATCH_PX + SWATCH_GAP_PX + ctx.measure.width_px(&label, LABEL_FONT) + LEGEND_ITEM_GAP_PX;
            if x > x0 && x + w - LEGEND_ITEM_GAP_PX > x1 {
                x = x0;
                y += LEGEND_LINE_H_PX;
            }
            let mid = y + LEGEND_LINE_H_PX / 2.0;
            marks.push(Mark::Rect {
                rect: Rect { x0: x, y0: mid - SWATCH_PX / 2.0, x1: x + SWATCH_PX, y1: mid + SWATCH_PX / 2.0 },
                color: item.color,
            });
            marks.push(Mark::Text {
                x: x + SWATCH_PX + SWATCH_GAP_PX,
                y_mid: mid,
                text: label,
                font: LABEL_FONT,
                color: ctx.theme.text,
                align: Align::Start,
            });
            x += w;
        }
        y += LEGEND_LINE_H_PX + LEGEND_GAP_PX;
    }
    // `compare`'s label goes on its own line above the rows (drawn with the rows: it sits at
    // the line's x).
    if p.reference.is_some() {
        y += REFERENCE_LABEL_H_PX;
    }
    y
}

/// The rows, grid and axis of one panel; returns the y below its tick labels.
pub(super) fn panel_rows(ctx: &Ctx, p: &PanelData, x0: f64, x1: f64, names: Names, y: f64, out: &mut Out) -> f64 {
    let plot = Plot::new(ctx, p, x0, x1, names, y);
    let bands = grid(ctx, &plot, out);
    if p.scale == Scale::Plan {
        plan_line(ctx, p, &plot, out);
    }
    let first_mark = out.marks.len();
    let rows = rows(ctx, p, &plot, out);
    super::extras::section_heads(ctx, p, &plot, out);
    if let Some((value, label)) = &p.reference {
        super::extras::reference_line(ctx, &plot, *value, label, first_mark, out);
    }
    let bottom = tick_labels(ctx, p, &plot, bands, out);
    let reference = p.reference.as_ref().map(|r| r.0);
    out.panels.push(Panel { measure: p.measure, x0, x1, rows, legend: p.legend.clone(), ranked: p.ranked, reference });
    bottom
}

/// Where a panel's rows go: the fitted axis, each row's top and the heights of its parts, and
/// where end labels go. Shared by the grid, the plan line, the rows and the tick labels.
pub(super) struct Plot {
    /// The panel's extent, names included.
    pub(super) x0: f64,
    pub(super) x1: f64,
    pub(super) axis: Axis,
    end_font: Font,
    /// In a narrow column (a sidebar) a name and its end label may not share a line: then the
    /// end label gets a line of its own under the name, rather than both being cut.
    stack_end: bool,
    /// The first row's top (below the line of `compare`'s label, which is above it).
    pub(super) y: f64,
    /// The name's line above the bar (0 when names are beside it), the bar, the gap below.
    pub(super) label_h: f64,
    pub(super) bar_h: f64,
    pub(super) gap: f64,
    row_h: f64,
    pub(super) n: usize,
    /// Room taken before each row by `group`'s section headings (the row's own included).
    heads_before: Vec<f64>,
    /// Rows between repeated axis labels; `usize::MAX` (one axis, under the rows) unless tall.
    band_rows: usize,
    banded: bool,
}

impl Plot {
    fn new(ctx: &Ctx, p: &PanelData, x0: f64, x1: f64, names: Names, y: f64) -> Plot {
        let measure = ctx.measure;
        let width = x1 - x0;
        let end_font = Font::bold(VALUE_FONT.size_css);
        let axis = axis(ctx, p, x0, x1, names, end_font);
        let stack_end = axis.end_on_name_line
            && p.rows.iter().any(|r| {
                r.segments.is_some()
                    && measure.width_px(&r.name, LABEL_FONT) + NAME_END_GAP_PX + measure.width_px(&r.end_label, end_font) > width
            });
        let (label_h, bar_h, gap) = match axis.names {
            Names::Above if stack_end => (2.0 * LABEL_LINE_H_PX, BAR_H_NARROW_PX, ROW_GAP_NARROW_PX),
            Names::Above => (LABEL_LINE_H_PX, BAR_H_NARROW_PX, ROW_GAP_NARROW_PX),
            _ => (0.0, BAR_H_PX, ROW_GAP_PX),
        };
        let row_h = label_h + bar_h + gap;
        // A chart taller than about a screen repeats its axis labels above the rows and every
        // `band_rows` rows (about AXIS_EVERY_PX), so a reader scrolling a long chart on a phone always
        // has a scale in view (issue 16 item 11); each band is AXIS_BAND_H_PX high.
        let n = p.rows.len();
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a positive number of rows, saturating")]
        let band_rows = if row_h * f64_from_len(n) > TALL_PLOT_PX { ((AXIS_EVERY_PX / row_h) as usize).max(5) } else { usize::MAX };
        let banded = band_rows < n;
        let mut heads_before = Vec::with_capacity(if p.sections.is_empty() { 0 } else { n });
        if !p.sections.is_empty() {
            let mut room = 0.0;
            let mut next = p.sections.iter().peekable();
            for i in 0..n {
                if next.next_if(|s| s.first_row == i).is_some() {
                    room += SECTION_H_PX + if i > 0 { SECTION_GAP_PX } else { 0.0 };
                }
                heads_before.push(room);
            }
        }
        Plot { x0, x1, axis, end_font, stack_end, y, label_h, bar_h, gap, row_h, n, heads_before, band_rows, banded }
    }

    /// Row `i`'s top: the rows, the section headings and the axis bands above it.
    pub(super) fn row_top(&self, i: usize) -> f64 {
        self.y
            + self.row_h * f64_from_len(i)
            + self.heads_before.get(i).copied().unwrap_or(0.0)
            + if self.banded { AXIS_BAND_H_PX * f64_from_len(1 + i / self.band_rows) } else { 0.0 }
    }

    /// Whether a section heading sits above row `i` (the line of a reference or the plan is
    /// not drawn through it).
    pub(super) fn heading_above(&self, i: usize) -> bool {
        i > 0 && self.heads_before.get(i) != self.heads_before.get(i - 1)
    }

    /// Whether row `i` starts a group of rows between axis bands or headings (the first row does).
    pub(super) fn first_in_group(&self, i: usize) -> bool {
        i == 0 || (self.banded && i % self.band_rows == 0) || self.heading_above(i)
    }

    /// Whether row `i` ends a group of rows between axis bands or headings (the last row does).
    pub(super) fn last_in_group(&self, i: usize) -> bool {
        i + 1 == self.n || (self.banded && (i + 1) % self.band_rows == 0) || self.heading_above(i + 1)
    }

    /// A row's end label: after its bar; inside the bar's end (a long bar near the edge) when it
    /// does not fit after it; else after it, cut. Returns its text, left edge and whether inside.
    fn end_label(&self, measure: &dyn TextMeasure, total: f64, label: &str) -> (String, f64, bool) {
        let (plot_x0, x1, end_font) = (self.axis.x.range.0, self.x1, self.end_font);
        let end_x = self.axis.x.map(total);
        let w = measure.width_px(label, end_font);
        if end_x + END_LABEL_GAP_PX + w > x1 - END_LABEL_MARGIN_PX && end_x - plot_x0 >= w + END_LABEL_INSIDE_PX {
            return (label.to_string(), end_x - END_LABEL_GAP_PX - w, true);
        }
        (truncate(measure, label, end_font, x1 - end_x - (END_LABEL_GAP_PX + END_LABEL_MARGIN_PX)), end_x + END_LABEL_GAP_PX, false)
    }
}

/// The grid lines at the ticks, behind the bars; returns where each repeated band of axis
/// labels sits (above the first row, then between groups of rows).
fn grid(ctx: &Ctx, g: &Plot, out: &mut Out) -> Vec<f64> {
    let theme = ctx.theme;
    let (label_h, bar_h, names) = (g.label_h, g.bar_h, g.axis.names);
    // The lines beside the bars, one per group of rows: a band's labels sit where they would
    // pass. (Plain loops: iterator chains here cost about 1 kB of wasm.)
    let mut bands: Vec<f64> = Vec::new();
    let mut spans: Vec<(f64, f64)> = Vec::new();
    for i in 0..g.n {
        let bar_top = g.row_top(i) + label_h;
        if g.banded && g.first_in_group(i) {
            bands.push(g.row_top(i) - AXIS_BAND_H_PX / 2.0 - AXIS_LABEL_RAISE_PX);
        }
        // Grid first, so bars cover it; beside the bars only when names sit above them.
        if names == Names::Above {
            spans.push((bar_top - LINE_OVERHANG_PX, bar_top + bar_h + LINE_OVERHANG_PX));
        } else if g.first_in_group(i) {
            spans.push((bar_top - LINE_OVERHANG_PX, 0.0));
        }
        if names != Names::Above && g.last_in_group(i) {
            if let Some(span) = spans.last_mut() {
                span.1 = bar_top + bar_h + LINE_OVERHANG_PX;
            }
        }
    }
    for &t in &g.axis.ticks {
        let x = g.axis.x.map(t).round();
        let color = if t == 0.0 { theme.baseline } else { theme.grid };
        for &(y0, y1) in &spans {
            out.marks.push(Mark::Line { x0: x, y0, x1: x, y1, color });
        }
    }
    bands
}

/// The plan line at 100%: behind the bars (drawn before them) and never through text. Beside
/// the bars it runs the rows' height, joined; with names above the bars only the bars' band
/// (the names are above it); a row whose end label lies across 100% leaves a gap there.
fn plan_line(ctx: &Ctx, p: &PanelData, g: &Plot, out: &mut Out) {
    let (measure, theme) = (ctx.measure, ctx.theme);
    let (label_h, bar_h, end_font) = (g.label_h, g.bar_h, g.end_font);
    let x = g.axis.x.map(100.0).round();
    let half_gap = g.gap / 2.0;
    for (i, r) in p.rows.iter().enumerate() {
        let bar_top = g.row_top(i) + label_h;
        let label_across = !g.axis.end_on_name_line
            && r.segments.as_ref().is_some_and(|segs| {
                let (end, start, _) = g.end_label(measure, segs.iter().map(|s| s.value).sum::<f64>(), &r.end_label);
                start - PLAN_LINE_CLEARANCE_PX <= x && x <= start + measure.width_px(&end, end_font) + PLAN_LINE_CLEARANCE_PX
            });
        if label_across {
            continue;
        }
        let (y0, y1) = match g.axis.names {
            Names::Above => (bar_top - LINE_OVERHANG_PX, bar_top + bar_h + LINE_OVERHANG_PX),
            _ => (
                if g.first_in_group(i) { bar_top - PLAN_LINE_END_PX } else { bar_top - half_gap },
                bar_top + bar_h + if g.last_in_group(i) { PLAN_LINE_END_PX } else { half_gap },
            ),
        };
        out.marks.push(Mark::Line { x0: x, y0, x1: x, y1, color: theme.text });
    }
}

/// Each row's name, bar segments (with their values inside where they fit) and end label, or
/// "no data"; returns the rows' bands for hit-testing.
fn rows(ctx: &Ctx, p: &PanelData, g: &Plot, out: &mut Out) -> Vec<Row> {
    let Ctx { locale, theme, measure } = *ctx;
    let panel_index = out.panels.len();
    let (x0, x1, width, plot_x0) = (g.x0, g.x1, g.x1 - g.x0, g.axis.x.range.0);
    let (label_h, bar_h, end_font, stack_end, end_on_name_line) = (g.label_h, g.bar_h, g.end_font, g.stack_end, g.axis.end_on_name_line);
    let mut rows = Vec::with_capacity(p.rows.len());
    for (row_index, r) in p.rows.iter().enumerate() {
        let top = g.row_top(row_index);
        let bar_top = top + label_h;
        let bar_mid = bar_top + bar_h / 2.0;
        // Highlighted communes' names in bold; the others', when some are highlighted, muted.
        let name_font = if r.highlighted { LABEL_FONT_BOLD } else { LABEL_FONT };
        let ink = if r.muted { theme.muted } else { theme.text };
        let fill = |c| if r.muted { theme.muted_fill(c) } else { c };
        match g.axis.names {
            Names::Above => {
                let mut name_w = width;
                if stack_end && r.segments.is_some() {
                    let end = truncate(measure, &r.end_label, end_font, width);
                    out.marks.push(Mark::Text {
                        x: x0,
                        y_mid: top + (LABEL_LINE_H_PX + LABEL_MID_PX),
                        text: end,
                        font: end_font,
                        color: ink,
                        align: Align::Start,
                    });
                } else if end_on_name_line && r.segments.is_some() {
                    let end = truncate(measure, &r.end_label, end_font, width * 0.6);
                    name_w = width - measure.width_px(&end, end_font) - NAME_END_GAP_PX;
                    out.marks.push(Mark::Text {
                        x: x1,
                        y_mid: top + LABEL_MID_PX,
                        text: end,
                        font: end_font,
                        color: ink,
                        align: Align::End,
                    });
                }
                let name = truncate(measure, &r.name, name_font, name_w);
                out.marks.push(Mark::Text {
                    x: x0,
                    y_mid: top + LABEL_MID_PX,
                    text: name,
                    font: name_font,
                    color: ink,
                    align: Align::Start,
                });
            }
            Names::Beside(w) => {
                let name = truncate(measure, &r.name, name_font, w - NAME_PAD_PX);
                out.marks.push(Mark::Text {
                    x: plot_x0 - NAME_GAP_PX,
                    y_mid: bar_mid,
                    text: name,
                    font: name_font,
                    color: ink,
                    align: Align::End,
                });
            }
            Names::Hidden => {}
        }
        let first_bar = out.bars.len();
        match &r.segments {
            None => out.marks.push(Mark::Text {
                x: plot_x0 + NO_DATA_INSET_PX,
                y_mid: bar_mid,
                text: locale.words().no_data.to_string(),
                font: VALUE_FONT,
                color: theme.muted,
                align: Align::Start,
            }),
            Some(segs) => {
                // The end label first: drawn inside the bar's end, it takes that room from the
                // last segments' values (a 5 beside the total 31 would read 531).
                let mut total = 0.0;
                for seg in segs {
                    total += seg.value;
                }
                // (Not laid out when it goes on the name's line instead.)
                let end = (!end_on_name_line).then(|| g.end_label(measure, total, &r.end_label));
                let room_x1 = match &end {
                    Some((_, x, true)) => x - END_LABEL_GAP_PX,
                    _ => f64::INFINITY,
                };
                let mut acc = 0.0;
                for seg in segs {
                    let x_start = g.axis.x.map(acc);
                    acc += seg.value;
                    let rect = Rect { x0: x_start, y0: bar_top, x1: g.axis.x.map(acc), y1: bar_top + bar_h };
                    let color = fill(p.legend.get(seg.group).map_or(theme.bar, |l| l.color));
                    out.marks.push(Mark::Rect { rect, color });
                    if let Some(text) = &seg.inside {
                        let x1 = rect.x1.min(room_x1);
                        if measure.width_px(text, VALUE_FONT) + INSIDE_LABEL_PAD_PX <= x1 - rect.x0 {
                            out.marks.push(Mark::Text {
                                x: (rect.x0 + x1) / 2.0,
                                y_mid: bar_mid,
                                text: text.clone(),
                                font: VALUE_FONT,
                                color: theme.text_on(color),
                                align: Align::Middle,
                            });
                        }
                    }
                    out.bars.push(Bar { panel: panel_index, row: row_index, group: seg.group, rect, value: seg.value });
                }
                if let Some((text, x, inside)) = end {
                    let last = fill(segs.last().and_then(|g| p.legend.get(g.group)).map_or(theme.bar, |l| l.color));
                    let color = if inside { theme.text_on(last) } else { ink };
                    out.marks.push(Mark::Text { x, y_mid: bar_mid, text, font: end_font, color, align: Align::Start });
                }
            }
        }
        let half_gap = g.gap / 2.0;
        rows.push(Row {
            item: r.item,
            rank: r.rank,
            y0: if row_index == 0 || g.heading_above(row_index) { top } else { top - half_gap },
            // Rows tile: the last row of a group also holds the axis band below it.
            // (not across a section heading: a tap there lands on no row).
            y1: if row_index + 1 < g.n && !g.heading_above(row_index + 1) {
                g.row_top(row_index + 1) - half_gap
            } else {
                top + label_h + bar_h + half_gap
            },
            bars: first_bar..out.bars.len(),
        });
    }
    rows
}

/// The tick labels under the plot, and in each repeated band; returns the y below them.
fn tick_labels(ctx: &Ctx, p: &PanelData, g: &Plot, mut bands: Vec<f64>, out: &mut Out) -> f64 {
    let plot_y1 = g.row_top(g.n.max(1) - 1) + g.label_h + g.bar_h;
    let tick_y = plot_y1 + AXIS_LABEL_GAP_PX;
    bands.push(tick_y);
    for &band_y in &bands {
        for &t in &g.axis.ticks {
            let text = p.scale.tick_text(ctx.locale, t);
            let (x, align) = tick_anchor(g.axis.x.map(t), &text, ctx.measure, g.x0, g.x1);
            out.marks.push(Mark::Text { x, y_mid: band_y, text, font: TICK_FONT, color: ctx.theme.muted, align });
        }
    }
    tick_y + AXIS_BELOW_PX
}
