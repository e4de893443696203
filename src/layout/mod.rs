//! Step 3: [`Model`] + width -> [`Layout`]: every mark to draw and one geometry per bar, in CSS
//! pixels. Drawing (`draw.rs`) and hit-testing ([`Layout::hit`]) both read this one structure,
//! the way Chart.js's bar elements serve both, so what is hovered is exactly what was drawn.

use crate::locale::Locale;
use crate::model::{ChartKind, Commune, Model, Sort};
use crate::text::{truncate, wrap, Font, TextMeasure};
use crate::theme::{Rgb, Theme};

mod nav;
pub use nav::{Cursor, Key, HIGHLIGHT_LINE_PX, HIGHLIGHT_PAD_PX};

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

/// How a panel's axis reads.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Scale {
    /// Whole numbers from 0.
    Count,
    /// Decimals from 0 (members per cell).
    Ratio,
    /// Shares of a whole: every bar spans 0–100%.
    Share,
    /// Percent of plan, with a reference line at 100%.
    Plan,
}

struct Segment {
    group: usize,
    /// In the scale's units (a count, a ratio, a percent).
    value: f64,
    /// Text drawn inside the segment where it fits.
    inside: Option<String>,
}

struct RowData {
    item: usize,
    name: String,
    /// `None`: "no data".
    segments: Option<Vec<Segment>>,
    /// Drawn after the bar: the total, the ratio, or `5.755 ha · 99,7% kế hoạch`.
    end_label: String,
}

struct PanelData {
    measure: Measure,
    title: Option<String>,
    legend: Vec<LegendItem>,
    scale: Scale,
    rows: Vec<RowData>,
}

/// Lays out `input.kind` (never fails: data with nothing to draw is refused by
/// `model::check_drawable` before).
pub fn layout(input: &LayoutInput) -> Layout {
    let LayoutInput { model, kind, locale, theme, measure, .. } = *input;
    let width = input.width.max(MIN_WIDTH_PX);
    let inner = width - 2.0 * PAD;

    let order = commune_order(model, kind);
    let panels: Vec<PanelData> = match kind {
        ChartKind::Members => vec![bar_panel(Measure::Members, model, &order, locale, theme)],
        ChartKind::Cells => vec![bar_panel(Measure::Cells, model, &order, locale, theme)],
        ChartKind::MembersPerCell => vec![bar_panel(Measure::MembersPerCell, model, &order, locale, theme)],
        ChartKind::Targets => vec![bar_panel(Measure::Targets, model, &order, locale, theme)],
        ChartKind::Indicators => vec![indicator_panel(model, locale, theme)],
        ChartKind::Overview => {
            let mut panels: Vec<PanelData> = [Measure::Members, Measure::Cells, Measure::Targets]
                .into_iter()
                .map(|m| {
                    let mut p = bar_panel(m, model, &order, locale, theme);
                    p.title = Some(panel_title(m, locale).to_string());
                    p
                })
                .filter(|p| p.rows.iter().any(|r| r.segments.is_some()))
                .collect();
            if panels.len() == 1 {
                if let Some(p) = panels.first_mut() {
                    p.title = None;
                }
            }
            panels
        }
    };
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
            .map(|(p, (x0, x1, names))| panel_header(&ctx, p, *x0 + names.width(), *x1, y, &mut Vec::new()))
            .fold(y, f64::max);
        let mut bottom = rows_y;
        for (p, (x0, x1, names)) in panels.iter().zip(geoms) {
            panel_header(&ctx, p, x0 + names.width(), x1, y, &mut out.marks);
            bottom = bottom.max(panel_rows(&ctx, p, x0, x1, names, rows_y, &mut out));
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
            let rows_y = panel_header(&ctx, p, PAD, PAD + inner, y, &mut out.marks);
            y = panel_rows(&ctx, p, PAD, PAD + inner, names, rows_y, &mut out);
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

fn panel_title(m: Measure, locale: Locale) -> &'static str {
    let w = locale.words();
    match m {
        Measure::Members => w.members,
        Measure::Cells => w.cells,
        Measure::MembersPerCell => w.members_per_cell,
        Measure::Targets => w.targets,
        Measure::Indicators => w.indicator,
    }
}

/// The panel's title and legend between `x0` and `x1` from `y`; returns where rows start.
fn panel_header(ctx: &Ctx, p: &PanelData, x0: f64, x1: f64, mut y: f64, marks: &mut Vec<Mark>) -> f64 {
    let width = x1 - x0;
    if let Some(t) = &p.title {
        let t = truncate(ctx.measure, t, PANEL_TITLE_FONT, width);
        marks.push(Mark::Text { x: x0, y_mid: y + 9.0, text: t, font: PANEL_TITLE_FONT, color: ctx.theme.text, align: Align::Start });
        y += 22.0;
    }
    if p.legend.len() > 1 {
        let swatch = 11.0;
        let line_h = 18.0;
        let mut x = x0;
        for item in &p.legend {
            let label = truncate(ctx.measure, &item.label, LABEL_FONT, width - swatch - 6.0);
            let w = swatch + 5.0 + ctx.measure.width_px(&label, LABEL_FONT) + 14.0;
            if x > x0 && x + w - 14.0 > x1 {
                x = x0;
                y += line_h;
            }
            let mid = y + line_h / 2.0;
            marks.push(Mark::Rect {
                rect: Rect { x0: x, y0: mid - swatch / 2.0, x1: x + swatch, y1: mid + swatch / 2.0 },
                color: item.color,
            });
            marks.push(Mark::Text {
                x: x + swatch + 5.0,
                y_mid: mid,
                text: label,
                font: LABEL_FONT,
                color: ctx.theme.text,
                align: Align::Start,
            });
            x += w;
        }
        y += line_h + 8.0;
    }
    y
}

/// The rows, grid and axis of one panel; returns the y below its tick labels.
fn panel_rows(ctx: &Ctx, p: &PanelData, x0: f64, x1: f64, names: Names, y: f64, out: &mut Out) -> f64 {
    let Ctx { locale, theme, measure } = *ctx;
    let panel_index = out.panels.len();
    let width = x1 - x0;
    let max_value = p.rows.iter().filter_map(|r| r.segments.as_ref().map(|s| s.iter().map(|g| g.value).sum::<f64>())).fold(0.0, f64::max);
    let few_ticks = width < NARROW_BELOW_PX;
    let mut ticks = match p.scale {
        Scale::Count | Scale::Ratio => nice_ticks(max_value, if few_ticks { 3 } else { 5 }),
        Scale::Share => vec![0.0, 50.0, 100.0],
        Scale::Plan => nice_ticks(max_value.max(100.0), if few_ticks { 3 } else { 5 }),
    };
    // Percent of plan: just past the largest value (or 100%), ticks only where they fit.
    // (Plain loops here: iterator chains over f64 cost about 1 kB of wasm.)
    let plan_domain = max_value.max(100.0) * 1.06;
    let domain_of = |ticks: &mut Vec<f64>| {
        if p.scale == Scale::Plan {
            while ticks.len() > 1 && ticks.last().is_some_and(|t| *t > plan_domain) {
                ticks.pop();
            }
            plan_domain
        } else {
            ticks.last().copied().unwrap_or(1.0).max(f64::MIN_POSITIVE)
        }
    };
    let mut domain_max = domain_of(&mut ticks);
    let end_font = Font::bold(VALUE_FONT.size_px);
    // Each drawn row's total and end label width: the label follows its bar's end.
    let mut ends: Vec<(f64, f64)> = Vec::with_capacity(p.rows.len());
    for r in &p.rows {
        if let Some(segs) = &r.segments {
            let mut total = 0.0;
            for g in segs {
                total += g.value;
            }
            ends.push((total, measure.width_px(&r.end_label, end_font)));
        }
    }
    let widest_end = ends.iter().map(|e| e.1).fold(0.0, f64::max);
    // Long end labels (`5.755 ha · 99,7% kế hoạch`) on a phone go on the name's line, at the right.
    let end_on_name_line = names == Names::Above && widest_end > width * 0.3;
    let fit = |names: Names, domain: f64| {
        let names = match names {
            // Names get the room they want (up to half) while the bars keep 45% of the width;
            // then they give it back, down to the old 38%, before anything is cut.
            Names::Beside(want) => {
                let floor = want.min(width * 0.38);
                let mut w = want;
                while w > floor && plot_width(width - w, &ends, domain, end_on_name_line) < width * 0.45 {
                    w = (w - 8.0).max(floor);
                }
                Names::Beside(w)
            }
            n => n,
        };
        (names, plot_width(width - names.width(), &ends, domain, end_on_name_line))
    };
    let (mut names, mut plot_w) = fit(names, domain_max);
    // Fewer ticks when their labels would touch: at least 10 px between neighbours.
    let tick_text = |t: f64| match p.scale {
        Scale::Count | Scale::Ratio => locale.format_decimal(t, 1),
        Scale::Share | Scale::Plan => locale.format_percent(t, 1),
    };
    for _ in 0..3 {
        let mut widest_tick: f64 = 0.0;
        for t in &ticks {
            widest_tick = widest_tick.max(measure.width_px(&tick_text(*t), TICK_FONT));
        }
        let min_step = (widest_tick + 10.0) * domain_max / plot_w.max(1.0);
        if p.scale == Scale::Share || ticks.get(1).is_none_or(|s| *s >= min_step) {
            break;
        }
        let step = nice_step_at_least(min_step);
        let last = if p.scale == Scale::Plan { domain_max } else { (max_value / step).ceil().max(1.0) * step };
        ticks.clear();
        let mut t = 0.0;
        while t <= last + step * 1e-9 && ticks.len() < 64 {
            ticks.push(t);
            t += step;
        }
        domain_max = domain_of(&mut ticks);
        (names, plot_w) = fit(names, domain_max);
    }
    let plot_x0 = x0 + names.width();
    let plot_x1 = plot_x0 + plot_w;
    let x_of = |v: f64| plot_x0 + (plot_x1 - plot_x0) * (v / domain_max).max(0.0).min(1.0);
    // A row's end label: after its bar; inside the bar's end (a long bar near the edge) when it
    // does not fit after it; else after it, cut. Returns its text, left edge and whether inside.
    let end_label = |total: f64, label: &str| -> (String, f64, bool) {
        let end_x = x_of(total);
        let w = measure.width_px(label, end_font);
        if end_x + 5.0 + w > x1 - 6.0 && end_x - plot_x0 >= w + 10.0 {
            return (label.to_string(), end_x - 5.0 - w, true);
        }
        (truncate(measure, label, end_font, x1 - end_x - 11.0), end_x + 5.0, false)
    };

    // In a narrow column (a sidebar) a name and its end label may not share a line: then the end
    // label gets a line of its own under the name, rather than both being cut.
    let stack_end = end_on_name_line
        && p.rows.iter().any(|r| {
            r.segments.is_some() && measure.width_px(&r.name, LABEL_FONT) + 10.0 + measure.width_px(&r.end_label, end_font) > width
        });
    let (label_h, bar_h, gap) = match names {
        Names::Above if stack_end => (36.0, 18.0, 10.0),
        Names::Above => (18.0, 18.0, 10.0),
        _ => (0.0, 20.0, 8.0),
    };
    let row_h = label_h + bar_h + gap;
    // A chart taller than about a screen repeats its axis labels above the rows and every
    // `band_rows` rows (about 600 px), so a reader scrolling a long chart on a phone always has
    // a scale in view (issue 16 item 11); each band is AXIS_BAND_H_PX high.
    let n = p.rows.len();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let band_rows = if row_h * n as f64 > TALL_PLOT_PX { ((AXIS_EVERY_PX / row_h) as usize).max(5) } else { usize::MAX };
    let banded = band_rows < n;
    let row_top = |i: usize| y + row_h * i as f64 + if banded { AXIS_BAND_H_PX * (1 + i / band_rows) as f64 } else { 0.0 };
    let plot_y1 = row_top(n.max(1) - 1) + label_h + bar_h;
    // Where each band's labels sit (above the first row, then between groups of rows), and the
    // lines beside the bars, one per group of rows: a band's labels sit where they would pass.
    // (Plain loops: iterator chains here cost about 1 kB of wasm.)
    let first_in_group = |i: usize| i == 0 || (banded && i % band_rows == 0);
    let last_in_group = |i: usize| i + 1 == n || (banded && (i + 1) % band_rows == 0);
    let mut bands: Vec<f64> = Vec::new();
    let mut spans: Vec<(f64, f64)> = Vec::new();
    for i in 0..n {
        let bar_top = row_top(i) + label_h;
        if banded && first_in_group(i) {
            bands.push(row_top(i) - AXIS_BAND_H_PX / 2.0 - 1.0);
        }
        // Grid first, so bars cover it; beside the bars only when names sit above them.
        if names == Names::Above {
            spans.push((bar_top - 2.0, bar_top + bar_h + 2.0));
        } else if first_in_group(i) {
            spans.push((bar_top - 2.0, 0.0));
        }
        if names != Names::Above && last_in_group(i) {
            if let Some(span) = spans.last_mut() {
                span.1 = bar_top + bar_h + 2.0;
            }
        }
    }
    for &t in &ticks {
        let x = x_of(t).round();
        let color = if t == 0.0 { theme.baseline } else { theme.grid };
        for &(y0, y1) in &spans {
            out.marks.push(Mark::Line { x0: x, y0, x1: x, y1, color });
        }
    }

    // The plan line at 100%: behind the bars (drawn before them) and never through text. Beside
    // the bars it runs the rows' height, joined; with names above the bars only the bars' band
    // (the names are above it); a row whose end label lies across 100% leaves a gap there.
    if p.scale == Scale::Plan {
        let x = x_of(100.0).round();
        let half_gap = gap / 2.0;
        for (i, r) in p.rows.iter().enumerate() {
            let bar_top = row_top(i) + label_h;
            let label_across = !end_on_name_line
                && r.segments.as_ref().is_some_and(|segs| {
                    let (end, start, _) = end_label(segs.iter().map(|s| s.value).sum::<f64>(), &r.end_label);
                    start - 2.0 <= x && x <= start + measure.width_px(&end, end_font) + 2.0
                });
            if label_across {
                continue;
            }
            let (y0, y1) = match names {
                Names::Above => (bar_top - 2.0, bar_top + bar_h + 2.0),
                _ => (
                    if first_in_group(i) { bar_top - 4.0 } else { bar_top - half_gap },
                    bar_top + bar_h + if last_in_group(i) { 4.0 } else { half_gap },
                ),
            };
            out.marks.push(Mark::Line { x0: x, y0, x1: x, y1, color: theme.text });
        }
    }

    let mut rows = Vec::with_capacity(p.rows.len());
    for (row_index, r) in p.rows.iter().enumerate() {
        let top = row_top(row_index);
        let bar_top = top + label_h;
        let bar_mid = bar_top + bar_h / 2.0;
        match names {
            Names::Above => {
                let mut name_w = width;
                if stack_end && r.segments.is_some() {
                    let end = truncate(measure, &r.end_label, end_font, width);
                    out.marks.push(Mark::Text {
                        x: x0,
                        y_mid: top + 26.0,
                        text: end,
                        font: end_font,
                        color: theme.text,
                        align: Align::Start,
                    });
                } else if end_on_name_line && r.segments.is_some() {
                    let end = truncate(measure, &r.end_label, end_font, width * 0.6);
                    name_w = width - measure.width_px(&end, end_font) - 10.0;
                    out.marks.push(Mark::Text { x: x1, y_mid: top + 8.0, text: end, font: end_font, color: theme.text, align: Align::End });
                }
                let name = truncate(measure, &r.name, LABEL_FONT, name_w);
                out.marks.push(Mark::Text {
                    x: x0,
                    y_mid: top + 8.0,
                    text: name,
                    font: LABEL_FONT,
                    color: theme.text,
                    align: Align::Start,
                });
            }
            Names::Beside(w) => {
                let name = truncate(measure, &r.name, LABEL_FONT, w - 12.0);
                out.marks.push(Mark::Text {
                    x: plot_x0 - 8.0,
                    y_mid: bar_mid,
                    text: name,
                    font: LABEL_FONT,
                    color: theme.text,
                    align: Align::End,
                });
            }
            Names::Hidden => {}
        }
        let first_bar = out.bars.len();
        match &r.segments {
            None => out.marks.push(Mark::Text {
                x: plot_x0 + 6.0,
                y_mid: bar_mid,
                text: locale.words().no_data.to_string(),
                font: VALUE_FONT,
                color: theme.muted,
                align: Align::Start,
            }),
            Some(segs) => {
                let mut acc = 0.0;
                for seg in segs {
                    let x_start = x_of(acc);
                    acc += seg.value;
                    let rect = Rect { x0: x_start, y0: bar_top, x1: x_of(acc), y1: bar_top + bar_h };
                    let color = p.legend.get(seg.group).map_or(theme.bar, |l| l.color);
                    out.marks.push(Mark::Rect { rect, color });
                    if let Some(text) = &seg.inside {
                        if measure.width_px(text, VALUE_FONT) + 6.0 <= rect.width() {
                            out.marks.push(Mark::Text {
                                x: (rect.x0 + rect.x1) / 2.0,
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
                if !end_on_name_line {
                    let (text, x, inside) = end_label(acc, &r.end_label);
                    let last = segs.last().and_then(|g| p.legend.get(g.group)).map_or(theme.bar, |l| l.color);
                    let color = if inside { theme.text_on(last) } else { theme.text };
                    out.marks.push(Mark::Text { x, y_mid: bar_mid, text, font: end_font, color, align: Align::Start });
                }
            }
        }
        let half_gap = gap / 2.0;
        rows.push(Row {
            item: r.item,
            y0: if row_index == 0 { top } else { top - half_gap },
            // Rows tile: the last row of a group also holds the axis band below it.
            y1: if row_index + 1 < n { row_top(row_index + 1) - half_gap } else { top + label_h + bar_h + half_gap },
            bars: first_bar..out.bars.len(),
        });
    }

    // Tick labels under the plot.
    let tick_y = plot_y1 + 12.0;
    bands.push(tick_y);
    for &band_y in &bands {
        for &t in &ticks {
            let text = tick_text(t);
            let (x, align) = tick_anchor(x_of(t), &text, measure, x0, x1);
            out.marks.push(Mark::Text { x, y_mid: band_y, text, font: TICK_FONT, color: theme.muted, align });
        }
    }
    out.panels.push(Panel { measure: p.measure, x0, x1, rows, legend: p.legend.clone() });
    tick_y + 12.0
}

/// Centred under its tick, unless that would cross the panel's edge.
fn tick_anchor(x: f64, text: &str, m: &dyn TextMeasure, x0: f64, x1: f64) -> (f64, Align) {
    let half = m.width_px(text, TICK_FONT) / 2.0;
    if x + half > x1 {
        (x1, Align::End)
    } else if x - half < x0 {
        (x0, Align::Start)
    } else {
        (x, Align::Middle)
    }
}

/// Row order for commune panels: the journalist's, or sorted by the kind's main value with
/// missing values last (targets: by share met; overview: by members).
fn commune_order(model: &Model, kind: ChartKind) -> Vec<usize> {
    let key = |c: &Commune| -> Option<f64> {
        match kind {
            ChartKind::Cells => c.cells.map(|v| v as f64),
            ChartKind::MembersPerCell => c.members_per_cell(),
            ChartKind::Targets => c.counted_targets().map(|t| t.met as f64 / t.total() as f64),
            _ => c.members.map(|v| v as f64),
        }
    };
    let keys: Vec<Option<f64>> = if model.sort == Sort::None { Vec::new() } else { model.communes.iter().map(key).collect() };
    sorted_order(model.communes.len(), &keys, model.sort)
}

/// `0..n` in `sort` order of `keys` (stable; missing values last). One sort for every kind,
/// so the wasm carries one copy of the sort code: an unstable sort with the index as the last
/// key, which orders exactly as a stable sort and links no merge-sort buffer code.
fn sorted_order(n: usize, keys: &[Option<f64>], sort: Sort) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    if sort == Sort::None {
        return order;
    }
    let keyed = |i: &usize| keys.get(*i).copied().flatten();
    order.sort_unstable_by(|a, b| {
        let by_value = match (keyed(a), keyed(b)) {
            (Some(x), Some(y)) => {
                let o = x.total_cmp(&y);
                if sort == Sort::Desc {
                    o.reverse()
                } else {
                    o
                }
            }
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        by_value.then(a.cmp(b))
    });
    order
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

/// A commune panel: one row per commune in `order`.
fn bar_panel(measure: Measure, model: &Model, order: &[usize], locale: Locale, theme: &Theme) -> PanelData {
    let words = locale.words();
    let communes = order.iter().filter_map(|&i| Some((i, model.communes.get(i)?)));
    let single = |v: f64, end: String| Some((vec![Segment { group: 0, value: v, inside: None }], end));
    let (scale, legend) = match measure {
        Measure::Cells => (Scale::Count, cell_legend(&model.communes, theme, words.unclassified)),
        Measure::Targets => (
            Scale::Share,
            words.target_groups.iter().zip(theme.targets).map(|(l, color)| LegendItem { label: (*l).to_string(), color }).collect(),
        ),
        Measure::MembersPerCell => (Scale::Ratio, Vec::new()),
        _ => (Scale::Count, Vec::new()),
    };
    let rows = communes
        .map(|(item, c)| {
            let data = match measure {
                Measure::Members => c.members.and_then(|m| single(m as f64, locale.format_int(m))),
                Measure::MembersPerCell => c.members_per_cell().and_then(|r| single(r, locale.format_fixed(r, 1))),
                Measure::Cells => c.cells.map(|n| {
                    let segs = if c.cell_kinds.is_empty() {
                        let group = if legend.is_empty() { 0 } else { legend.len() - 1 };
                        vec![Segment { group, value: n as f64, inside: None }]
                    } else {
                        c.cell_kinds
                            .iter()
                            .map(|(k, v)| Segment {
                                group: legend.iter().position(|l| &l.label == k).unwrap_or(0),
                                value: *v as f64,
                                inside: (*v > 0).then(|| locale.format_int(*v)),
                            })
                            .collect()
                    };
                    (segs, locale.format_int(n))
                }),
                // No targets counted (all 0) is data, not "no data": an empty bar labelled 0.
                Measure::Targets if c.targets.is_some_and(|t| t.total() == 0) => Some((Vec::new(), locale.format_int(0))),
                Measure::Targets => c.counted_targets().map(|t| {
                    let total = t.total() as f64;
                    let segs = [t.met, t.over80, t.behind]
                        .iter()
                        .enumerate()
                        .map(|(group, &v)| Segment {
                            group,
                            value: 100.0 * v as f64 / total,
                            inside: (v > 0).then(|| locale.format_int(v)),
                        })
                        .collect();
                    (segs, locale.format_int(t.total()))
                }),
                Measure::Indicators => None,
            };
            let (segments, end_label) = match data {
                Some((s, e)) => (Some(s), e),
                None => (None, String::new()),
            };
            RowData { item, name: c.name.clone(), segments, end_label }
        })
        .collect();
    PanelData { measure, title: None, legend, scale, rows }
}

/// Cell kinds in first-seen order, then "not broken down" if some commune gives only a total.
/// With no kinds at all the legend is empty and bars take the single-series colour.
fn cell_legend(communes: &[Commune], theme: &Theme, unclassified: &str) -> Vec<LegendItem> {
    let mut legend: Vec<LegendItem> = Vec::new();
    for c in communes {
        for (k, _) in &c.cell_kinds {
            if !legend.iter().any(|l| &l.label == k) {
                let color = theme.palette.get(legend.len() % theme.palette.len()).copied().unwrap_or(theme.bar);
                legend.push(LegendItem { label: k.clone(), color });
            }
        }
    }
    if !legend.is_empty() && communes.iter().any(|c| c.cells.is_some() && c.cell_kinds.is_empty()) {
        legend.push(LegendItem { label: unclassified.to_string(), color: theme.unclassified });
    }
    legend
}

/// Results against plan: one row per indicator, bar at its percent of plan.
fn indicator_panel(model: &Model, locale: Locale, theme: &Theme) -> PanelData {
    let words = locale.words();
    let units: Vec<&str> = model.indicators.iter().filter_map(|i| i.unit.as_deref()).collect();
    let one_unit = units.windows(2).all(|w| w.first() == w.get(1)) && units.len() == model.indicators.len();
    let keys: Vec<Option<f64>> = model.indicators.iter().map(|x| x.percent_of_plan).collect();
    let order = sorted_order(model.indicators.len(), &keys, model.sort);
    let rows = order
        .iter()
        .filter_map(|&item| {
            let ind = model.indicators.get(item)?;
            let name = match (&ind.unit, one_unit) {
                (Some(u), false) => crate::cat!(u, ": ", ind.name),
                _ => ind.name.clone(),
            };
            let value = ind.value.map(|v| {
                let v = locale.format_decimal(v, 2);
                Locale::with_unit(v, ind.measure.as_ref())
            });
            let pct = ind.percent_of_plan.map(|p| crate::cat!(locale.format_plan(p), " ", words.of_plan));
            let end_label = [value, pct].into_iter().flatten().collect::<Vec<_>>().join(" · ");
            let segments = ind.percent_of_plan.map(|p| vec![Segment { group: usize::from(p < 100.0), value: p, inside: None }]);
            Some(RowData { item, name, segments, end_label })
        })
        .collect();
    let legend = vec![
        LegendItem { label: words.plan_met.to_string(), color: theme.bar },
        LegendItem { label: words.plan_below.to_string(), color: theme.below_plan },
    ];
    let title = one_unit.then(|| units.first().map(|u| (*u).to_string())).flatten();
    PanelData { measure: Measure::Indicators, title, legend, scale: Scale::Plan, rows }
}

/// The plot's width in `avail` px (names taken off): as wide as lets every end label fit after
/// its bar or inside it (`ends`: total and label width), at least 55% of `avail` (a longer label
/// is cut).
fn plot_width(avail: f64, ends: &[(f64, f64)], domain: f64, labels_elsewhere: bool) -> f64 {
    let (widest, floor) = (avail - 4.0, (avail * 0.55).min(avail - 4.0).max(40.0));
    if labels_elsewhere {
        return widest.max(floor);
    }
    let share = |value: f64| (value / domain).max(0.0).min(1.0);
    // A width fits a row when its label fits after the bar, or inside it.
    let fits = |w: f64| ends.iter().all(|&(v, lw)| w * share(v) + 12.0 + lw <= avail + 1e-6 || lw + 10.0 <= w * share(v));
    // The widest that fits: the full width, or one where some label just fits after its bar
    // (only rows near the longest give one in range). No sort: it would add 2 kB of wasm.
    if fits(widest) {
        return widest;
    }
    let mut best = floor;
    for &(v, lw) in ends {
        let w = if share(v) > 0.0 { (avail - 12.0 - lw) / share(v) } else { 0.0 };
        if w > best && w < widest && fits(w) {
            best = w;
        }
    }
    best
}

/// The smallest round step (1, 2 or 5 × 10^k, at least 1) not below `min`.
fn nice_step_at_least(min: f64) -> f64 {
    // 10^floor(log10(min)) for min >= 1 (a smaller step becomes 1 below), without libm.
    let mut mag = 1.0;
    while mag * 10.0 <= min {
        mag *= 10.0;
    }
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= min).unwrap_or(10.0 * mag).max(1.0)
}

/// Round tick values from 0 to at least `max`: steps of 1, 2 or 5 × 10^k, whole numbers only.
/// Of the step sizes for `target` to `target + 2` ticks, the one that wastes the least room
/// past `max` wins (77 gets 0–80, not 0–100).
pub fn nice_ticks(max: f64, target: usize) -> Vec<f64> {
    if max.is_nan() || max <= 0.0 || !max.is_finite() {
        return vec![0.0, 1.0];
    }
    let step_for = |count: usize| nice_step_at_least(max / count.max(1) as f64);
    let end = |step: f64| (max / step).ceil() * step;
    let step = (target..=target + 2)
        .map(step_for)
        .fold(None, |best: Option<f64>, s| match best {
            Some(b) if end(b) <= end(s) => Some(b),
            _ => Some(s),
        })
        .unwrap_or(1.0);
    let n = (max / step).ceil() as usize;
    (0..=n).map(|i| i as f64 * step).filter(|t| t.is_finite()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::model_from_json;
    use crate::text::ApproxMeasure;

    pub(super) const SEED: &str = include_str!("../../tests/fixtures/seed.json");

    pub(super) fn lay(json: &str, kind: ChartKind, width: f64) -> Layout {
        let model = model_from_json(json).unwrap();
        let theme = Theme::light();
        layout(&LayoutInput { model: &model, kind, locale: Locale::Vi, width, theme: &theme, measure: &ApproxMeasure })
    }

    #[test]
    fn ticks_are_round() {
        assert_eq!(nice_ticks(2989.0, 5), vec![0.0, 1000.0, 2000.0, 3000.0]);
        assert_eq!(nice_ticks(89.0, 5), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(nice_ticks(77.0, 3), vec![0.0, 20.0, 40.0, 60.0, 80.0]);
        assert_eq!(nice_ticks(3.0, 5), vec![0.0, 1.0, 2.0, 3.0]);
        assert_eq!(nice_ticks(0.0, 5), vec![0.0, 1.0]);
    }

    #[test]
    fn one_bar_per_commune_proportional_to_members() {
        let l = lay(SEED, ChartKind::Members, 640.0);
        assert_eq!(l.panels[0].rows.len(), 3);
        assert_eq!(l.bars.len(), 3);
        let w: Vec<f64> = l.bars.iter().map(|b| b.rect.width()).collect();
        assert!((w[0] / w[2] - 89.0 / 2989.0).abs() < 1e-9);
        assert!(l.bars.iter().all(|b| b.rect.x1 <= l.width - 12.0));
        let texts: Vec<&str> = l
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert!(texts.contains(&"2.989"));
        assert!(texts.contains(&"Mồ Sì San"));
        assert!(texts.contains(&"Nguồn: Báo cáo tại các buổi làm việc với Đảng ủy xã"));
    }

    #[test]
    fn cells_stack_by_kind_with_a_legend() {
        let l = lay(SEED, ChartKind::Cells, 640.0);
        let labels: Vec<&str> = l.panels[0].legend.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["Chi bộ bản", "Chi bộ đơn vị sự nghiệp", "Chưa phân loại"]);
        let first: Vec<&Bar> = l.bars.iter().filter(|b| b.row == 0).collect();
        assert_eq!(first.len(), 2);
        assert_eq!(first[0].rect.x1, first[1].rect.x0);
        assert_eq!((first[0].value, first[1].value), (4.0, 5.0));
    }

    #[test]
    fn missing_values_are_no_data_rows_not_zero_bars() {
        let l = lay(r#"{"communes":[{"name":"A","members":5},{"name":"B"}]}"#, ChartKind::Members, 400.0);
        assert_eq!(l.panels[0].rows[1].bars.len(), 0);
        assert!(l.marks.iter().any(|m| matches!(m, Mark::Text { text, .. } if text == "không có số liệu")));
    }

    #[test]
    fn narrow_layout_puts_names_above_bars_and_keeps_everything_inside() {
        let l = lay(SEED, ChartKind::Members, 375.0);
        for m in &l.marks {
            if let Mark::Rect { rect, .. } = m {
                assert!(rect.x0 >= 0.0 && rect.x1 <= 375.0);
            }
        }
        let names_x: Vec<f64> = l
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { x, text, .. } if text == "Pa Vây Sử" => Some(*x),
                _ => None,
            })
            .collect();
        assert_eq!(names_x, vec![12.0]);
    }

    #[test]
    fn sort_desc_orders_rows_and_keeps_missing_last() {
        let l = lay(
            r#"{"sort":"desc","communes":[{"name":"A","members":5},{"name":"B"},{"name":"C","members":9}]}"#,
            ChartKind::Members,
            600.0,
        );
        let order: Vec<usize> = l.panels[0].rows.iter().map(|r| r.item).collect();
        assert_eq!(order, [2, 0, 1]);
    }

    #[test]
    fn kinds_without_their_field_are_problems() {
        use crate::model::check_drawable;
        let model = model_from_json(r#"{"communes":[{"name":"A","members":5}]}"#).unwrap();
        let e = check_drawable(&model, ChartKind::Cells).unwrap_err();
        assert_eq!(e.message(Locale::En), "`communes`: no commune has the field \"cells\" that this chart needs");
        assert!(check_drawable(&model, ChartKind::Targets).is_err());
        assert!(check_drawable(&model, ChartKind::Indicators).is_err());
        assert!(check_drawable(&model, ChartKind::MembersPerCell).is_err());
        assert!(check_drawable(&model, ChartKind::Members).is_ok());
        // The overview draws what there is: members only, as a single panel.
        assert!(check_drawable(&model, ChartKind::Overview).is_ok());
        let theme = Theme::light();
        let input = LayoutInput {
            model: &model,
            kind: ChartKind::Overview,
            locale: Locale::En,
            width: 500.0,
            theme: &theme,
            measure: &ApproxMeasure,
        };
        assert_eq!(layout(&input).panels.len(), 1);
        // Zero is data: zero targets counted and cells of 0 are counts (drawn as 0).
        let zero = model_from_json(r#"{"communes":[{"name":"A","cells":0,"targets":{"met":0,"over80":0,"behind":0}}]}"#).unwrap();
        assert!(check_drawable(&zero, ChartKind::Targets).is_ok());
        assert!(check_drawable(&zero, ChartKind::Cells).is_ok());
        assert!(check_drawable(&zero, ChartKind::MembersPerCell).is_err());
    }

    #[test]
    fn a_plan_just_below_100_is_not_labelled_100() {
        let l = lay(r#"{"indicators":[{"name":"Lúa","value":5755,"measure":"ha","percentOfPlan":99.95}]}"#, ChartKind::Indicators, 600.0);
        assert!(texts(&l).contains(&"5.755 ha · 99,95% kế hoạch"), "{:?}", texts(&l));
    }

    #[test]
    fn the_source_label_is_written_once() {
        assert_eq!(source_line("Báo cáo của Đảng ủy xã", Locale::Vi), "Nguồn: Báo cáo của Đảng ủy xã");
        assert_eq!(source_line("Nguồn: Báo cáo", Locale::Vi), "Nguồn: Báo cáo");
        assert_eq!(source_line("NGUỒN: Báo cáo", Locale::Vi), "NGUỒN: Báo cáo");
        assert_eq!(source_line("Source: commune reports", Locale::Vi), "Source: commune reports");
        assert_eq!(source_line("source: reports", Locale::En), "source: reports");
        assert_eq!(source_line("Sources differ", Locale::En), "Source: Sources differ");
        assert_eq!(source_line("Nguồn tin: Báo Lai Châu", Locale::Vi), "Nguồn tin: Báo Lai Châu");
        let l = lay(r#"{"source":"Nguồn: Báo cáo","communes":[{"name":"A","members":5}]}"#, ChartKind::Members, 600.0);
        assert!(texts(&l).contains(&"Nguồn: Báo cáo"), "{:?}", texts(&l));
    }

    fn texts(l: &Layout) -> Vec<&str> {
        l.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn members_per_cell_has_one_decimal_and_skips_zero_cells() {
        let l = lay(
            r#"{"communes":[{"name":"A","members":89,"cells":9},{"name":"B","members":5,"cells":0},{"name":"C","cells":3},{"name":"D","members":70,"cells":2}]}"#,
            ChartKind::MembersPerCell,
            600.0,
        );
        let t = texts(&l);
        assert!(t.contains(&"9,9"), "{t:?}");
        // One decimal on every bar, so a column of them reads alike: 35,0 beside 9,9, not 35.
        assert!(t.contains(&"35,0"), "{t:?}");
        assert_eq!(t.iter().filter(|x| **x == "không có số liệu").count(), 2);
        assert_eq!(l.bars.len(), 2);
    }

    #[test]
    fn targets_are_full_width_stacks_in_group_order() {
        let l = lay(SEED, ChartKind::Targets, 640.0);
        let p = &l.panels[0];
        let labels: Vec<&str> = p.legend.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["Đạt và vượt", "Đạt trên 80%", "Khó đạt"]);
        // Pa Vây Sử: 13 / 8 / 10 of 31, every bar spans the whole plot.
        let row = &p.rows[1];
        let segs: Vec<&Bar> = l.bars[row.bars.clone()].iter().collect();
        assert_eq!(segs.iter().map(|b| b.group).collect::<Vec<_>>(), [0, 1, 2]);
        assert!((segs[0].value - 100.0 * 13.0 / 31.0).abs() < 1e-9);
        let first_row_end = l.bars[p.rows[0].bars.end - 1].rect.x1;
        assert_eq!(segs[2].rect.x1, first_row_end);
        // Đức Thọ has no targets: a "no data" row, never a zero bar.
        assert!(p.rows[2].bars.is_empty());
        let t = texts(&l);
        assert!(t.contains(&"13") && t.contains(&"31") && t.contains(&"100%"));
    }

    #[test]
    fn targets_sort_by_share_met() {
        let l = lay(&SEED.replace("\"locale\": \"vi\",", "\"locale\": \"vi\", \"sort\": \"desc\","), ChartKind::Targets, 640.0);
        let order: Vec<usize> = l.panels[0].rows.iter().map(|r| r.item).collect();
        assert_eq!(order, [1, 0, 2], "13/31 met before 3/11, no data last");
    }

    #[test]
    fn indicators_show_value_measure_and_percent_of_plan_around_a_100_line() {
        let l = lay(SEED, ChartKind::Indicators, 640.0);
        let t = texts(&l);
        assert!(t.contains(&"5.755 ha · 99,7% kế hoạch"), "{t:?}");
        assert!(t.contains(&"411 ha · 102% kế hoạch"));
        assert!(t.contains(&"Văn Lãng"), "the shared unit becomes the panel title");
        let groups: Vec<usize> = l.bars.iter().map(|b| b.group).collect();
        assert_eq!(groups, [1, 0], "under plan and over plan are told apart");
        let theme = Theme::light();
        let plan_line = |l: &Layout| -> Vec<(f64, f64, f64)> {
            l.marks
                .iter()
                .filter_map(|m| match m {
                    Mark::Line { x0, y0, y1, color, .. } if *color == theme.text => Some((*x0, *y0, *y1)),
                    _ => None,
                })
                .collect()
        };
        // The row over plan (102%): its bar covers the line, which runs its whole height.
        assert!(plan_line(&l).iter().any(|(_, y0, y1)| y1 - y0 > 20.0), "{:?}", plan_line(&l));
    }

    #[test]
    fn the_plan_line_never_crosses_text_and_stays_behind_the_bars() {
        let theme = Theme::light();
        let json = r#"{"indicators":[{"name":"Xã đạt chuẩn nông thôn mới","value":2,"measure":"xã","percentOfPlan":66.7},
            {"name":"Tổng diện tích gieo trồng","value":5755,"measure":"ha","percentOfPlan":99.7},
            {"name":"Trồng rừng mới","value":411,"measure":"ha","percentOfPlan":102},
            {"name":"Thu ngân sách","value":3.2,"measure":"tỷ đồng","percentOfPlan":250}]}"#;
        for width in [300.0, 375.0, 640.0, 1000.0] {
            let l = lay(json, ChartKind::Indicators, width);
            let lines: Vec<(usize, f64, f64, f64)> = l
                .marks
                .iter()
                .enumerate()
                .filter_map(|(i, m)| match m {
                    Mark::Line { x0, y0, y1, color, .. } if *color == theme.text => Some((i, *x0, *y0, *y1)),
                    _ => None,
                })
                .collect();
            assert!(!lines.is_empty(), "{width}: no plan line");
            let first_bar = l.marks.iter().position(|m| matches!(m, Mark::Rect { rect, .. } if *rect == l.bars[0].rect)).unwrap();
            for &(i, x, y0, y1) in &lines {
                assert!(i < first_bar, "{width}: the plan line is drawn over a bar");
                for m in &l.marks {
                    if let Mark::Text { x: tx, y_mid, text, font, align, .. } = m {
                        let w = ApproxMeasure.width_px(text, *font);
                        let left = match align {
                            Align::Start => *tx,
                            Align::Middle => tx - w / 2.0,
                            Align::End => tx - w,
                        };
                        let (top, bottom) = (y_mid - font.size_px / 2.0, y_mid + font.size_px / 2.0);
                        let crosses = left < x && x < left + w && y0 < bottom && top < y1;
                        assert!(!crosses, "{width}: the plan line at {x} crosses {text:?} ({left}..{} x {top}..{bottom})", left + w);
                    }
                }
            }
        }
    }

    /// Left and right edges of a text mark, by `ApproxMeasure`.
    fn extent(x: f64, text: &str, font: Font, align: Align) -> (f64, f64) {
        let w = ApproxMeasure.width_px(text, font);
        let left = match align {
            Align::Start => x,
            Align::Middle => x - w / 2.0,
            Align::End => x - w,
        };
        (left, left + w)
    }

    #[test]
    fn an_outlier_far_above_plan_thins_the_ticks_and_keeps_the_names_whole() {
        // Issue 16 item 2: one indicator at 250% of plan.
        let json = r#"{"indicators":[
            {"name":"Tổng diện tích gieo trồng cây hàng năm","value":5755,"measure":"ha","percentOfPlan":99.7},
            {"name":"Sản lượng lương thực có hạt bình quân","value":24500,"measure":"tấn","percentOfPlan":101.2},
            {"name":"Tỷ lệ hộ dùng nước sinh hoạt hợp vệ sinh","value":98.5,"measure":"%","percentOfPlan":100.5},
            {"name":"Thu ngân sách trên địa bàn","value":3.2,"measure":"tỷ đồng","percentOfPlan":250}]}"#;
        for width in [574.0, 700.0, 1000.0] {
            let l = lay(json, ChartKind::Indicators, width);
            let mut ticks: Vec<(f64, f64)> = l
                .marks
                .iter()
                .filter_map(|m| match m {
                    Mark::Text { x, text, font, align, .. } if *font == TICK_FONT => Some(extent(*x, text, *font, *align)),
                    _ => None,
                })
                .collect();
            ticks.sort_by(|a, b| a.0.total_cmp(&b.0));
            assert!(ticks.len() >= 2, "{width}: {ticks:?}");
            for pair in ticks.windows(2) {
                assert!(pair[1].0 - pair[0].1 >= 8.0, "{width}: tick labels {pair:?} nearly touch");
            }
            // Where the bars keep 45% of the width the names are whole (at 574 px these names
            // and the 250% row's label cannot all fit: the names give back to the old 38%).
            let names = texts(&l);
            for name in ["Tổng diện tích gieo trồng cây hàng năm", "Tỷ lệ hộ dùng nước sinh hoạt hợp vệ sinh"] {
                assert!(width < 700.0 || names.contains(&name), "{width}: {name} is cut: {names:?}");
            }
            // The bars take their share of the width: the longest ends near the right edge.
            let right = l.bars.iter().map(|b| b.rect.x1).fold(0.0, f64::max);
            assert!(right > width * 0.6, "{width}: the longest bar ends at {right}");
            for m in &l.marks {
                if let Mark::Text { x, text, font, align, .. } = m {
                    let (a, b) = extent(*x, text, *font, *align);
                    assert!(a >= 0.0 && b <= width, "{width}: {text:?} outside the chart ({a}..{b})");
                }
            }
        }
    }

    #[test]
    fn targets_all_zero_are_data_not_no_data() {
        // Issue 16 item 16: a commune that counted no targets shows 0, not "không có số liệu".
        let json = r#"{"communes":[{"name":"A","targets":{"met":0,"over80":0,"behind":0}},{"name":"B"}]}"#;
        for width in [375.0, 720.0] {
            let l = lay(json, ChartKind::Targets, width);
            let t = texts(&l);
            assert_eq!(t.iter().filter(|s| **s == "không có số liệu").count(), 1, "{width}: only B has no data: {t:?}");
            assert!(t.contains(&"0"), "{width}: A is labelled 0: {t:?}");
        }
    }

    #[test]
    fn a_tall_chart_repeats_its_axis_labels_and_no_line_crosses_them() {
        // Issue 16 item 11: 120 communes are many screens tall; a scale is always in view.
        let communes: Vec<String> = (0..120)
            .map(|i| {
                format!(
                    r#"{{"name":"Xã số {i}","members":{},"cells":{},"targets":{{"met":{},"over80":2,"behind":1}}}}"#,
                    50 + i * 7,
                    3 + i % 9,
                    i % 5
                )
            })
            .collect();
        let json = format!(r#"{{"communes":[{}]}}"#, communes.join(","));
        for (kind, width) in
            [(ChartKind::Members, 375.0), (ChartKind::Members, 1000.0), (ChartKind::Overview, 375.0), (ChartKind::Overview, 1000.0)]
        {
            let l = lay(&json, kind, width);
            let labels: Vec<(f64, f64, f64)> = l
                .marks
                .iter()
                .filter_map(|m| match m {
                    Mark::Text { x, y_mid, text, font, align, .. } if *font == TICK_FONT => {
                        let (a, b) = extent(*x, text, *font, *align);
                        Some((*y_mid, a, b))
                    }
                    _ => None,
                })
                .collect();
            let mut rows_y: Vec<f64> = labels.iter().map(|l| l.0).collect();
            rows_y.sort_by(f64::total_cmp);
            rows_y.dedup();
            let first_bar = l.bars.iter().map(|b| b.rect.y0).fold(f64::INFINITY, f64::min);
            assert!(rows_y[0] < first_bar, "{kind:?} {width}: labels above the first bar");
            for pair in rows_y.windows(2) {
                assert!(pair[1] - pair[0] <= 700.0, "{kind:?} {width}: {} px without axis labels", pair[1] - pair[0]);
            }
            for m in &l.marks {
                if let Mark::Line { x0, y0, y1, .. } = m {
                    for &(y_mid, a, b) in &labels {
                        let crosses = a < *x0 && *x0 < b && *y0 < y_mid + 5.0 && y_mid - 5.0 < *y1;
                        assert!(!crosses, "{kind:?} {width}: a line at x {x0} crosses the axis label at y {y_mid}");
                    }
                }
            }
            for b in &l.bars {
                for &(y_mid, ..) in &labels {
                    assert!(y_mid + 5.0 <= b.rect.y0 || y_mid - 5.0 >= b.rect.y1, "{kind:?} {width}: a label over a bar");
                }
            }
        }
        // A short chart keeps one axis, under its rows.
        let l = lay(SEED, ChartKind::Members, 1000.0);
        let zeros = l.marks.iter().filter(|m| matches!(m, Mark::Text { text, font, .. } if text == "0" && *font == TICK_FONT)).count();
        assert_eq!(zeros, 1);
    }

    #[test]
    fn overview_puts_panels_side_by_side_when_wide_and_stacks_them_when_narrow() {
        let wide = lay(SEED, ChartKind::Overview, 1000.0);
        assert_eq!(wide.panels.len(), 3);
        let ys: Vec<f64> = wide.panels.iter().map(|p| p.rows[0].y0).collect();
        assert!(ys.iter().all(|y| *y == ys[0]), "rows aligned across panels");
        assert!(wide.panels[0].x1 <= wide.panels[1].x0);
        for p in &wide.panels {
            let items: Vec<usize> = p.rows.iter().map(|r| r.item).collect();
            assert_eq!(items, [0, 1, 2], "one commune order for all panels");
        }
        let narrow = lay(SEED, ChartKind::Overview, 375.0);
        assert_eq!(narrow.panels.len(), 3);
        assert!(narrow.panels[1].rows[0].y0 > narrow.panels[0].rows[2].y1, "stacked");
        let h = narrow.hit(100.0, narrow.panels[2].rows[1].y0 + 30.0).unwrap();
        assert_eq!((h.panel, h.item), (2, 1));
    }

    #[test]
    fn heights_follow_the_number_of_communes() {
        let many: Vec<String> = (0..60).map(|i| format!(r#"{{"name":"Xã số {i}","members":{}}}"#, 50 + i * 7)).collect();
        let json = format!(r#"{{"communes":[{}]}}"#, many.join(","));
        let l = lay(&json, ChartKind::Members, 640.0);
        assert!(l.height > 60.0 * 25.0, "height {}", l.height);
        let few = lay(r#"{"communes":[{"name":"A","members":1}]}"#, ChartKind::Members, 640.0);
        assert!(few.height < 120.0, "height {}", few.height);
    }

    #[test]
    fn every_kind_stays_inside_its_width() {
        for kind in [
            ChartKind::Members,
            ChartKind::Cells,
            ChartKind::MembersPerCell,
            ChartKind::Targets,
            ChartKind::Indicators,
            ChartKind::Overview,
        ] {
            for width in [320.0, 375.0, 640.0, 1280.0] {
                let l = lay(SEED, kind, width);
                for m in &l.marks {
                    match m {
                        Mark::Rect { rect, .. } => assert!(rect.x0 >= 0.0 && rect.x1 <= width, "{kind:?} {width} {rect:?}"),
                        Mark::Text { x, text, font, align, .. } => {
                            let w = ApproxMeasure.width_px(text, *font);
                            let (l0, r0) = match align {
                                Align::Start => (*x, x + w),
                                Align::End => (x - w, *x),
                                Align::Middle => (x - w / 2.0, x + w / 2.0),
                            };
                            assert!(l0 >= 0.0 && r0 <= width + 0.5, "{kind:?} {width}: {text} spans {l0}..{r0}");
                        }
                        Mark::Line { .. } | Mark::Frame { .. } => {}
                    }
                }
            }
        }
    }
}
