//! Step 3: [`Model`] + width -> [`Layout`]: every mark to draw and one geometry per bar, in CSS
//! pixels. Drawing (`draw.rs`) and hit-testing ([`Layout::hit`]) both read this one structure,
//! the way Chart.js's bar elements serve both, so what is hovered is exactly what was drawn.

use crate::locale::Locale;
use crate::model::{ChartKind, Model};
use crate::text::{wrap, Font, TextMeasure};
use crate::theme::{Rgb, Theme};

mod nav;
mod panel;
mod rows;
mod scale;
#[cfg(test)]
mod tests;

pub use nav::{Cursor, Key, HIGHLIGHT_LINE_PX, HIGHLIGHT_PAD_PX};
pub use scale::nice_ticks;

#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }
    pub fn contains_x(&self, x: f64) -> bool {
        x >= self.x0 && x < self.x1
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Start,
    Middle,
    End,
}

/// One thing to draw. Text is positioned by its vertical centre.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    Rect {
        rect: Rect,
        color: Rgb,
    },
    Line {
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        color: Rgb,
    },
    Text {
        x: f64,
        y_mid: f64,
        text: String,
        font: Font,
        color: Rgb,
        align: Align,
    },
    /// An unfilled rectangle (highlight), `width` CSS px thick.
    Frame {
        rect: Rect,
        color: Rgb,
        width: f64,
    },
}

/// What one panel measures. A chart kind is one panel, except `overview` (three).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Members,
    Cells,
    MembersPerCell,
    Targets,
    Indicators,
}

/// One bar or stacked segment: what was drawn and what a pointer or key can land on.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub panel: usize,
    pub row: usize,
    /// Index into the panel's legend (cell kind, target group, plan met/below); 0 if single.
    pub group: usize,
    pub rect: Rect,
    /// The segment's own value (a count, a ratio, or a percent of plan).
    pub value: f64,
}

/// One row's horizontal band, name and gap included, so a tap anywhere on it counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Index into `Model::communes` (or `Model::indicators` in an indicators panel).
    pub item: usize,
    pub y0: f64,
    pub y1: f64,
    /// Range into `Layout::bars`; empty for a "no data" row.
    pub bars: std::ops::Range<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    pub measure: Measure,
    /// Horizontal extent, names included; hit-testing uses it to pick the panel.
    pub x0: f64,
    pub x1: f64,
    pub rows: Vec<Row>,
    pub legend: Vec<LegendItem>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    pub label: String,
    pub color: Rgb,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub kind: ChartKind,
    pub width: f64,
    pub height: f64,
    pub background: Rgb,
    pub marks: Vec<Mark>,
    pub panels: Vec<Panel>,
    pub bars: Vec<Bar>,
}

/// What a pointer position lands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub panel: usize,
    pub row: usize,
    /// Index into `Model::communes` (or `Model::indicators`).
    pub item: usize,
    /// The bar (segment) under the pointer, if on one rather than on the row's name or gap.
    pub bar: Option<usize>,
}

pub struct LayoutInput<'a> {
    pub model: &'a Model,
    pub kind: ChartKind,
    pub locale: Locale,
    pub width: f64,
    pub theme: &'a Theme,
    pub measure: &'a dyn TextMeasure,
}

const PAD: f64 = 12.0;
/// Below this panel width names go above their bars instead of beside them.
pub const NARROW_BELOW_PX: f64 = 520.0;
/// From this chart width the overview puts its panels side by side.
pub const SIDE_BY_SIDE_FROM_PX: f64 = 880.0;
pub const MIN_WIDTH_PX: f64 = 200.0;
/// Plots taller than this repeat their axis labels (above the rows and every AXIS_EVERY_PX).
const TALL_PLOT_PX: f64 = 900.0;
const AXIS_EVERY_PX: f64 = 600.0;
const AXIS_BAND_H_PX: f64 = 22.0;
const PANEL_GAP: f64 = 28.0;

const LABEL_FONT: Font = Font::regular(13.0);
const VALUE_FONT: Font = Font::regular(12.0);
const TICK_FONT: Font = Font::regular(11.0);
const PANEL_TITLE_FONT: Font = Font::bold(14.0);
const SUBTITLE_FONT: Font = Font::regular(14.0);
const FOOT_FONT: Font = Font::regular(12.0);

/// Lays out `input.kind` (never fails: data with nothing to draw is refused by
/// `model::check_drawable` before).
pub fn layout(input: &LayoutInput) -> Layout {
    let LayoutInput { model, kind, locale, theme, measure, .. } = *input;
    let width = input.width.max(MIN_WIDTH_PX);
    let inner = width - 2.0 * PAD;

    let panels = rows::panels(model, kind, locale, theme);
    let mut out = Out { marks: Vec::new(), bars: Vec::new(), panels: Vec::new() };
    let mut y = PAD;

    // Header: title and subtitle, wrapped to the width.
    let title_font = Font::bold(if width < NARROW_BELOW_PX { 17.0 } else { 19.0 });
    let header_start = y;
    y = text_block(&mut out.marks, measure, model.title.as_deref(), title_font, theme.text, PAD, inner, y);
    y = text_block(&mut out.marks, measure, model.subtitle.as_deref(), SUBTITLE_FONT, theme.muted, PAD, inner, y);
    if y > header_start {
        y += 8.0;
    }

    let ctx = Ctx { locale, theme, measure };
    if panels.len() > 1 && width >= SIDE_BY_SIDE_FROM_PX {
        // Small multiples side by side: names once, at the left; rows aligned across panels.
        let widest = model.communes.iter().map(|c| measure.width_px(&c.name, LABEL_FONT)).fold(0.0, f64::max);
        let names_w = (widest + 12.0).min(inner * 0.2);
        let n = panels.len() as f64;
        let panel_w = (inner - names_w - PANEL_GAP * (n - 1.0)) / n;
        let mut x = PAD + names_w;
        let geoms: Vec<(f64, f64, Names)> = panels
            .iter()
            .enumerate()
            .map(|(i, _)| {
                let g = if i == 0 { (PAD, x + panel_w, Names::Beside(names_w)) } else { (x, x + panel_w, Names::Hidden) };
                x += panel_w + PANEL_GAP;
                g
            })
            .collect();
        let rows_y = panels
            .iter()
            .zip(&geoms)
            .map(|(p, (x0, x1, names))| panel::panel_header(&ctx, p, *x0 + names.width(), *x1, y, &mut Vec::new()))
            .fold(y, f64::max);
        let mut bottom = rows_y;
        for (p, (x0, x1, names)) in panels.iter().zip(geoms) {
            panel::panel_header(&ctx, p, x0 + names.width(), x1, y, &mut out.marks);
            bottom = bottom.max(panel::panel_rows(&ctx, p, x0, x1, names, rows_y, &mut out));
        }
        y = bottom;
    } else {
        for (i, p) in panels.iter().enumerate() {
            if i > 0 {
                y += PANEL_GAP - 8.0;
            }
            let names = if width < NARROW_BELOW_PX {
                Names::Above
            } else {
                let widest = p.rows.iter().map(|r| measure.width_px(&r.name, LABEL_FONT)).fold(0.0, f64::max);
                Names::Beside((widest + 12.0).min(inner * 0.5))
            };
            let rows_y = panel::panel_header(&ctx, p, PAD, PAD + inner, y, &mut out.marks);
            y = panel::panel_rows(&ctx, p, PAD, PAD + inner, names, rows_y, &mut out);
        }
    }

    // Footer: note, then source.
    y += 4.0;
    y = text_block(&mut out.marks, measure, model.note.as_deref(), FOOT_FONT, theme.muted, PAD, inner, y);
    let source = model.source.as_deref().map(|s| source_line(s, locale));
    y = text_block(&mut out.marks, measure, source.as_deref(), FOOT_FONT, theme.muted, PAD, inner, y);

    Layout { kind, width, height: (y + PAD).ceil(), background: theme.background, marks: out.marks, panels: out.panels, bars: out.bars }
}

struct Ctx<'a> {
    locale: Locale,
    theme: &'a Theme,
    measure: &'a dyn TextMeasure,
}

struct Out {
    marks: Vec<Mark>,
    bars: Vec<Bar>,
    panels: Vec<Panel>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Names {
    /// In a column of this width left of the bars.
    Beside(f64),
    /// On their own line above each bar (narrow screens).
    Above,
    /// Not drawn: a small multiple right of the one that names the rows.
    Hidden,
}

impl Names {
    fn width(self) -> f64 {
        match self {
            Names::Beside(w) => w,
            _ => 0.0,
        }
    }
}

/// Wrapped lines of `text` from `y`; returns the y below them.
#[allow(clippy::too_many_arguments)]
fn text_block(
    marks: &mut Vec<Mark>,
    m: &dyn TextMeasure,
    text: Option<&str>,
    font: Font,
    color: Rgb,
    x: f64,
    width: f64,
    mut y: f64,
) -> f64 {
    let Some(t) = text else { return y };
    let line_h = (font.size_px * 1.35).round();
    for line in wrap(m, t, font, width) {
        marks.push(Mark::Text { x, y_mid: y + line_h / 2.0, text: line, font, color, align: Align::Start });
        y += line_h;
    }
    y + 4.0
}
/// `Nguồn: …` / `Source: …` under the chart, unless the journalist already wrote that label
/// (in either language): never `Nguồn: Nguồn: …`.
pub fn source_line(source: &str, locale: Locale) -> String {
    let source = source.trim();
    // As written, capitalised or in capitals (no case folding: its tables are not worth it here).
    let labelled = ["Nguồn", "nguồn", "NGUỒN", "Source", "source", "SOURCE"]
        .iter()
        .any(|label| source.strip_prefix(label).is_some_and(|rest| rest.is_empty() || rest.starts_with([':', ' ', '\u{a0}'])));
    if labelled {
        source.to_string()
    } else {
        crate::cat!(locale.words().source_prefix, source)
    }
}
