//! Step 3: [`Model`] + width -> [`Layout`]: every mark to draw and one geometry per bar, in CSS
//! pixels. Drawing (`draw.rs`) and hit-testing ([`Layout::hit`]) both read this one structure,
//! the way Chart.js's bar elements serve both, so what is hovered is exactly what was drawn.
//!
//! Here: the output types and [`layout`] (header, the panels side by side or stacked, footer).
//! `sizes.rs`: every size, in CSS px, and the fonts. `rows.rs`: data -> rows (which panels, row order, segments, legends).
//! `scale.rs`: values -> x, round ticks, the axis fitted to a panel's width. `panel.rs`: one
//! panel's geometry (header, grid, plan line, rows, tick labels). `nav.rs`: where a pointer or a
//! key lands on the result.

use crate::locale::Locale;
use crate::model::{ChartKind, Model};
use crate::text::{wrap, Font, TextMeasure};
use crate::theme::{Rgb, Theme};

mod extras;
mod nav;
mod panel;
mod rows;
mod scale;
mod sizes;
#[cfg(test)]
mod tests;

pub use nav::{Cursor, Key};
pub use scale::nice_ticks;
use sizes::*;
pub use sizes::{HIGHLIGHT_LINE_PX, HIGHLIGHT_PAD_PX, MIN_WIDTH_PX, NARROW_BELOW_PX, SIDE_BY_SIDE_FROM_PX};

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

impl Measure {
    /// The single-value kind this panel draws (rank and `compare` apply), if it is one.
    pub fn single_kind(self) -> Option<ChartKind> {
        match self {
            Measure::Members => Some(ChartKind::Members),
            Measure::Cells => Some(ChartKind::Cells),
            Measure::MembersPerCell => Some(ChartKind::MembersPerCell),
            Measure::MembersPer1000 => Some(ChartKind::MembersPer1000),
            Measure::Targets | Measure::Indicators => None,
        }
    }
}

/// What one panel measures. A chart kind is one panel, except `overview` (three).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Members,
    Cells,
    MembersPerCell,
    MembersPer1000,
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
    /// Its rank among the panel's rows with a value (single-value panels; 1 = largest, ties
    /// share the best: 1, 2, 2, 4).
    pub rank: Option<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    pub measure: Measure,
    /// Horizontal extent, names included; hit-testing uses it to pick the panel.
    pub x0: f64,
    pub x1: f64,
    pub rows: Vec<Row>,
    pub legend: Vec<LegendItem>,
    /// How many rows are ranked, and `compare`'s reference value, if drawn.
    pub ranked: usize,
    pub reference: Option<f64>,
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

/// Lays out `input.kind` (never fails: data with nothing to draw is refused by
/// `model::check_drawable` before).
pub fn layout(input: &LayoutInput) -> Layout {
    let LayoutInput { model, kind, locale, theme, measure, .. } = *input;
    let width = input.width.max(MIN_WIDTH_PX);
    let inner = width - 2.0 * CHART_PAD_PX;

    let panels = rows::panels(model, kind, locale, theme);
    let mut out = Out { marks: Vec::new(), bars: Vec::new(), panels: Vec::new() };
    let mut y = CHART_PAD_PX;

    // Header: title and subtitle, wrapped to the width.
    let title_font = if width < NARROW_BELOW_PX { TITLE_FONT_NARROW } else { TITLE_FONT };
    let header_start = y;
    y = text_block(&mut out.marks, measure, model.title.as_deref(), title_font, theme.text, CHART_PAD_PX, inner, y);
    y = text_block(&mut out.marks, measure, model.subtitle.as_deref(), SUBTITLE_FONT, theme.muted, CHART_PAD_PX, inner, y);
    if y > header_start {
        y += HEADER_GAP_PX;
    }

    let ctx = Ctx { locale, theme, measure };
    if panels.len() > 1 && width >= SIDE_BY_SIDE_FROM_PX {
        // Small multiples side by side: names once, at the left; rows aligned across panels.
        let widest = model
            .communes
            .iter()
            .map(|c| measure.width_px(&c.name, if c.highlighted { LABEL_FONT_BOLD } else { LABEL_FONT }))
            .fold(0.0, f64::max);
        let names_w = (widest + NAME_PAD_PX).min(inner * 0.2);
        // Not `model::f64_from_len`: measured 8 B more wasm here.
        #[expect(clippy::cast_precision_loss, reason = "a count of panels")]
        let n = panels.len() as f64;
        let panel_w = (inner - names_w - PANEL_GAP_PX * (n - 1.0)) / n;
        let mut x = CHART_PAD_PX + names_w;
        let geoms: Vec<(f64, f64, Names)> = panels
            .iter()
            .enumerate()
            .map(|(i, _)| {
                let g = if i == 0 { (CHART_PAD_PX, x + panel_w, Names::Beside(names_w)) } else { (x, x + panel_w, Names::Hidden) };
                x += panel_w + PANEL_GAP_PX;
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
                y += STACKED_PANEL_GAP_PX;
            }
            let names = if width < NARROW_BELOW_PX {
                Names::Above
            } else {
                let widest = p
                    .rows
                    .iter()
                    .map(|r| measure.width_px(&r.name, if r.highlighted { LABEL_FONT_BOLD } else { LABEL_FONT }))
                    .fold(0.0, f64::max);
                Names::Beside((widest + NAME_PAD_PX).min(inner * 0.5))
            };
            let rows_y = panel::panel_header(&ctx, p, CHART_PAD_PX, CHART_PAD_PX + inner, y, &mut out.marks);
            y = panel::panel_rows(&ctx, p, CHART_PAD_PX, CHART_PAD_PX + inner, names, rows_y, &mut out);
        }
    }

    // Footer: note, then source.
    y += FOOTER_GAP_PX;
    y = text_block(&mut out.marks, measure, model.note.as_deref(), FOOT_FONT, theme.muted, CHART_PAD_PX, inner, y);
    let source = model.source.as_deref().map(|s| source_line(s, locale));
    y = text_block(&mut out.marks, measure, source.as_deref(), FOOT_FONT, theme.muted, CHART_PAD_PX, inner, y);

    Layout {
        kind,
        width,
        height: (y + CHART_PAD_PX).ceil(),
        background: theme.background,
        marks: out.marks,
        panels: out.panels,
        bars: out.bars,
    }
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
#[expect(clippy::too_many_arguments, reason = "a text's place, font and colour, each once")]
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
    let line_h = (font.size_css * LINE_HEIGHT).round();
    for line in wrap(m, t, font, width) {
        marks.push(Mark::Text { x, y_mid: y + line_h / 2.0, text: line, font, color, align: Align::Start });
        y += line_h;
    }
    y + TEXT_BLOCK_GAP_PX
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
