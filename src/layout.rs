//! Step 3: [`Model`] + width -> [`Layout`]: every mark to draw and one geometry per bar, in CSS
//! pixels. Drawing (`draw.rs`) and hit-testing ([`Layout::hit`]) both read this one structure,
//! the way Chart.js's bar elements serve both, so what is hovered is exactly what was drawn.

use crate::locale::Locale;
use crate::model::{ChartKind, Commune, Model, Sort};
use crate::problem::{Problem, ProblemKind};
use crate::text::{truncate, wrap, Font, TextMeasure};
use crate::theme::{Rgb, Theme};

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
    Rect { rect: Rect, color: Rgb },
    Line { x0: f64, y0: f64, x1: f64, y1: f64, color: Rgb },
    Text { x: f64, y_mid: f64, text: String, font: Font, color: Rgb, align: Align },
}

/// One bar or stacked segment: what was drawn and what a pointer or key can land on.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub row: usize,
    /// Index of the group (cell kind) in the legend; 0 for single-series bars.
    pub group: usize,
    pub rect: Rect,
    pub value: u64,
}

/// One commune's horizontal band, label and gap included, so a tap anywhere on it counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Index into `Model::communes`.
    pub commune: usize,
    pub y0: f64,
    pub y1: f64,
    /// Range into `Layout::bars`; empty for a "no data" row.
    pub bars: std::ops::Range<usize>,
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
    pub rows: Vec<Row>,
    pub bars: Vec<Bar>,
    pub legend: Vec<LegendItem>,
}

/// What a pointer position lands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub row: usize,
    pub commune: usize,
    /// The bar (segment) under the pointer, if the pointer is on one rather than on the row's label.
    pub bar: Option<usize>,
}

impl Layout {
    /// The row (and segment) at `(x, y)` in CSS pixels from the canvas's top-left.
    /// Binary search over the row bands: O(log n) at any number of communes.
    pub fn hit(&self, x: f64, y: f64) -> Option<Hit> {
        if !(0.0..self.width).contains(&x) {
            return None;
        }
        let i = self.rows.partition_point(|r| r.y1 <= y);
        let row = self.rows.get(i).filter(|r| r.y0 <= y)?;
        let bar = row
            .bars
            .clone()
            .find(|&b| self.bars.get(b).is_some_and(|bar| bar.rect.contains_x(x)));
        Some(Hit { row: i, commune: row.commune, bar })
    }
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
/// Below this width names go above their bars instead of beside them.
pub const NARROW_BELOW_PX: f64 = 520.0;
pub const MIN_WIDTH_PX: f64 = 200.0;

const LABEL_FONT: Font = Font::regular(13.0);
const VALUE_FONT: Font = Font::regular(12.0);
const TICK_FONT: Font = Font::regular(11.0);
const SUBTITLE_FONT: Font = Font::regular(14.0);
const FOOT_FONT: Font = Font::regular(12.0);

/// One row's bar segments: (group, value). `None` is "no data".
type Segments = Option<Vec<(usize, u64)>>;

/// Lays out `input.kind`. Kinds this build cannot draw yet and data without the needed field
/// are problems, not empty charts.
pub fn layout(input: &LayoutInput) -> Result<Layout, Problem> {
    let LayoutInput { model, kind, locale, theme, measure, .. } = *input;
    let width = input.width.max(MIN_WIDTH_PX);
    let words = locale.words();

    let (field, legend, segments): (&'static str, Vec<LegendItem>, Vec<Segments>) = match kind {
        ChartKind::Members => (
            "members",
            Vec::new(),
            model.communes.iter().map(|c| c.members.map(|m| vec![(0, m)])).collect(),
        ),
        ChartKind::Cells => {
            let (legend, segs) = cell_segments(&model.communes, theme, words.unclassified, words.cells);
            ("cells", legend, segs)
        }
        other => {
            return Err(Problem::at("", ProblemKind::KindNotAvailable { kind: other.name() }));
        }
    };
    if segments.iter().all(Option::is_none) {
        return Err(Problem::at("communes", ProblemKind::NothingToDraw { field }));
    }

    let mut marks = Vec::new();
    let inner = width - 2.0 * PAD;
    let narrow = width < NARROW_BELOW_PX;
    let mut y = PAD;

    // Header: title and subtitle, wrapped.
    let title_font = Font::bold(if narrow { 17.0 } else { 19.0 });
    let text_block = |y: &mut f64, text: &Option<String>, font: Font, color: Rgb, marks: &mut Vec<Mark>| {
        if let Some(t) = text {
            let line_h = (font.size_px * 1.3).round();
            for line in wrap(measure, t, font, inner) {
                marks.push(Mark::Text { x: PAD, y_mid: *y + line_h / 2.0, text: line, font, color, align: Align::Start });
                *y += line_h;
            }
            *y += 4.0;
        }
    };
    text_block(&mut y, &model.title, title_font, theme.text, &mut marks);
    text_block(&mut y, &model.subtitle, SUBTITLE_FONT, theme.muted, &mut marks);
    if model.title.is_some() || model.subtitle.is_some() {
        y += 6.0;
    }

    // Legend, flowing onto as many lines as it needs.
    if legend.len() > 1 {
        let swatch = 11.0;
        let line_h = 18.0;
        let mut x = PAD;
        for item in &legend {
            let label = truncate(measure, &item.label, LABEL_FONT, inner - swatch - 6.0);
            let w = swatch + 5.0 + measure.width_px(&label, LABEL_FONT) + 14.0;
            if x > PAD && x + w - 14.0 > PAD + inner {
                x = PAD;
                y += line_h;
            }
            let mid = y + line_h / 2.0;
            marks.push(Mark::Rect {
                rect: Rect { x0: x, y0: mid - swatch / 2.0, x1: x + swatch, y1: mid + swatch / 2.0 },
                color: item.color,
            });
            marks.push(Mark::Text { x: x + swatch + 5.0, y_mid: mid, text: label, font: LABEL_FONT, color: theme.text, align: Align::Start });
            x += w;
        }
        y += line_h + 8.0;
    }

    // Row order: the journalist's, or sorted by total with missing values last.
    let mut order: Vec<usize> = (0..model.communes.len()).collect();
    let total = |i: usize| -> Option<u64> {
        segments.get(i)?.as_ref().map(|s| s.iter().map(|(_, v)| *v).sum())
    };
    match model.sort {
        Sort::None => {}
        Sort::Asc => order.sort_by_key(|&i| (total(i).is_none(), total(i))),
        Sort::Desc => order.sort_by_key(|&i| (total(i).is_none(), std::cmp::Reverse(total(i)))),
    }

    // Horizontal scale: widest value label reserved at the right so every label fits outside.
    let max_total = order.iter().filter_map(|&i| total(i)).max().unwrap_or(0);
    let ticks = nice_ticks(max_total as f64, if narrow { 3 } else { 5 });
    let domain_max = ticks.last().copied().unwrap_or(1.0).max(1.0);
    let value_label_w = measure.width_px(&locale.format_int(max_total), VALUE_FONT) + 6.0;
    let label_col = if narrow {
        0.0
    } else {
        let widest = model.communes.iter().map(|c| measure.width_px(&c.name, LABEL_FONT)).fold(0.0, f64::max);
        (widest + 10.0).min(inner * 0.38)
    };
    let plot_x0 = PAD + label_col;
    let plot_x1 = (PAD + inner - value_label_w).max(plot_x0 + 40.0);
    let x_of_value = |v: f64| plot_x0 + (plot_x1 - plot_x0) * (v / domain_max);

    let (label_h, bar_h, gap) = if narrow { (18.0, 18.0, 10.0) } else { (0.0, 20.0, 8.0) };
    let row_h = label_h + bar_h + gap;
    let plot_y0 = y;
    let plot_y1 = y + row_h * order.len() as f64 - gap;

    // Grid first, so bars cover it. When names sit above the bars, the grid runs only beside
    // the bars, so no line crosses a name.
    let grid_spans: Vec<(f64, f64)> = if narrow {
        (0..order.len()).map(|i| {
            let bar_top = plot_y0 + row_h * i as f64 + label_h;
            (bar_top - 2.0, bar_top + bar_h + 2.0)
        }).collect()
    } else {
        vec![(plot_y0 - 2.0, plot_y1 + 2.0)]
    };
    for &t in &ticks {
        let x = x_of_value(t).round();
        let color = if t == 0.0 { theme.baseline } else { theme.grid };
        for &(y0, y1) in &grid_spans {
            marks.push(Mark::Line { x0: x, y0, x1: x, y1, color });
        }
    }

    let mut rows = Vec::with_capacity(order.len());
    let mut bars = Vec::new();
    for (row_index, &ci) in order.iter().enumerate() {
        let Some(commune) = model.communes.get(ci) else { continue };
        let top = plot_y0 + row_h * row_index as f64;
        let bar_top = top + label_h;
        let bar_mid = bar_top + bar_h / 2.0;
        if narrow {
            let name = truncate(measure, &commune.name, LABEL_FONT, inner);
            marks.push(Mark::Text { x: PAD, y_mid: top + label_h / 2.0 - 1.0, text: name, font: LABEL_FONT, color: theme.text, align: Align::Start });
        } else {
            let name = truncate(measure, &commune.name, LABEL_FONT, label_col - 10.0);
            marks.push(Mark::Text { x: plot_x0 - 8.0, y_mid: bar_mid, text: name, font: LABEL_FONT, color: theme.text, align: Align::End });
        }
        let first_bar = bars.len();
        match segments.get(ci).and_then(Option::as_ref) {
            None => marks.push(Mark::Text {
                x: plot_x0 + 6.0,
                y_mid: bar_mid,
                text: words.no_data.to_string(),
                font: VALUE_FONT,
                color: theme.muted,
                align: Align::Start,
            }),
            Some(segs) => {
                let mut acc = 0u64;
                for &(group, v) in segs {
                    let x0 = x_of_value(acc as f64);
                    acc = acc.saturating_add(v);
                    let rect = Rect { x0, y0: bar_top, x1: x_of_value(acc as f64), y1: bar_top + bar_h };
                    let color = legend.get(group).map_or(theme.bar, |l| l.color);
                    marks.push(Mark::Rect { rect, color });
                    let text = locale.format_int(v);
                    if segs.len() > 1 && v > 0 && measure.width_px(&text, VALUE_FONT) + 6.0 <= rect.width() {
                        let mid = (rect.x0 + rect.x1) / 2.0;
                        marks.push(Mark::Text { x: mid, y_mid: bar_mid, text, font: VALUE_FONT, color: theme.text_on(color), align: Align::Middle });
                    }
                    bars.push(Bar { row: row_index, group, rect, value: v });
                }
                marks.push(Mark::Text {
                    x: x_of_value(acc as f64) + 5.0,
                    y_mid: bar_mid,
                    text: locale.format_int(acc),
                    font: Font::bold(VALUE_FONT.size_px),
                    color: theme.text,
                    align: Align::Start,
                });
            }
        }
        let half_gap = gap / 2.0;
        rows.push(Row {
            commune: ci,
            y0: if row_index == 0 { top } else { top - half_gap },
            y1: top + label_h + bar_h + half_gap,
            bars: first_bar..bars.len(),
        });
    }

    // Tick labels under the plot.
    let tick_y = plot_y1 + 12.0;
    for &t in &ticks {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let text = locale.format_int(t as u64);
        marks.push(Mark::Text { x: x_of_value(t), y_mid: tick_y, text, font: TICK_FONT, color: theme.muted, align: Align::Middle });
    }
    y = tick_y + 16.0;

    // Footer: source and note.
    let source = model.source.as_ref().map(|s| format!("{}{s}", words.source_prefix));
    let foot = |y: &mut f64, text: Option<String>, marks: &mut Vec<Mark>| {
        if let Some(t) = text {
            let line_h = 16.0;
            for line in wrap(measure, &t, FOOT_FONT, inner) {
                marks.push(Mark::Text { x: PAD, y_mid: *y + line_h / 2.0, text: line, font: FOOT_FONT, color: theme.muted, align: Align::Start });
                *y += line_h;
            }
        }
    };
    foot(&mut y, model.note.clone(), &mut marks);
    foot(&mut y, source, &mut marks);

    Ok(Layout {
        kind,
        width,
        height: (y + PAD).ceil(),
        background: theme.background,
        marks,
        rows,
        bars,
        legend,
    })
}

/// Cells per commune, stacked by kind where `cellKinds` is given. The legend lists kinds in
/// first-seen order, plus "not broken down" when some communes give only a total.
fn cell_segments(communes: &[Commune], theme: &Theme, unclassified: &str, cells_word: &str) -> (Vec<LegendItem>, Vec<Segments>) {
    let mut kinds: Vec<&str> = Vec::new();
    for c in communes {
        for (k, _) in &c.cell_kinds {
            if !kinds.contains(&k.as_str()) {
                kinds.push(k);
            }
        }
    }
    if kinds.is_empty() {
        let segs = communes.iter().map(|c| c.cells.map(|n| vec![(0, n)])).collect();
        return (vec![LegendItem { label: cells_word.to_string(), color: theme.bar }], segs);
    }
    let mut legend: Vec<LegendItem> = kinds
        .iter()
        .enumerate()
        .map(|(i, k)| LegendItem {
            label: (*k).to_string(),
            color: theme.palette.get(i % theme.palette.len()).copied().unwrap_or(theme.bar),
        })
        .collect();
    let unclassified_group = legend.len();
    let mut any_unclassified = false;
    let segs = communes
        .iter()
        .map(|c| {
            let cells = c.cells?;
            if c.cell_kinds.is_empty() {
                any_unclassified = true;
                return Some(vec![(unclassified_group, cells)]);
            }
            Some(
                c.cell_kinds
                    .iter()
                    .map(|(k, n)| (kinds.iter().position(|x| x == k).unwrap_or(0), *n))
                    .collect(),
            )
        })
        .collect();
    if any_unclassified {
        legend.push(LegendItem { label: unclassified.to_string(), color: theme.unclassified });
    }
    (legend, segs)
}

/// Round tick values from 0 to at least `max`: steps of 1, 2 or 5 × 10^k, whole numbers only.
/// Of the step sizes for `target` to `target + 2` ticks, the one that wastes the least room
/// past `max` wins (77 gets 0–80, not 0–100).
pub fn nice_ticks(max: f64, target: usize) -> Vec<f64> {
    if max.is_nan() || max <= 0.0 || !max.is_finite() {
        return vec![0.0, 1.0];
    }
    let step_for = |count: usize| {
        let raw = max / count.max(1) as f64;
        let mag = 10f64.powf(raw.log10().floor());
        [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag).max(1.0)
    };
    let end = |step: f64| (max / step).ceil() * step;
    let step = (target..=target + 2)
        .map(step_for)
        .fold(None, |best: Option<f64>, s| match best {
            Some(b) if end(b) <= end(s) => Some(b),
            _ => Some(s),
        })
        .unwrap_or(1.0);
    let n = (max / step).ceil() as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::model_from_json;
    use crate::text::ApproxMeasure;

    const SEED: &str = include_str!("../tests/fixtures/seed.json");

    fn lay(json: &str, kind: ChartKind, width: f64) -> Layout {
        let model = model_from_json(json).unwrap();
        let theme = Theme::light();
        layout(&LayoutInput { model: &model, kind, locale: Locale::Vi, width, theme: &theme, measure: &ApproxMeasure }).unwrap()
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
        assert_eq!(l.rows.len(), 3);
        assert_eq!(l.bars.len(), 3);
        let w: Vec<f64> = l.bars.iter().map(|b| b.rect.width()).collect();
        assert!((w[0] / w[2] - 89.0 / 2989.0).abs() < 1e-9);
        assert!(l.bars.iter().all(|b| b.rect.x1 <= l.width - 12.0));
        let texts: Vec<&str> = l.marks.iter().filter_map(|m| match m { Mark::Text { text, .. } => Some(text.as_str()), _ => None }).collect();
        assert!(texts.contains(&"2.989"));
        assert!(texts.contains(&"Mồ Sì San"));
        assert!(texts.contains(&"Nguồn: Báo cáo tại các buổi làm việc với Đảng ủy xã"));
    }

    #[test]
    fn cells_stack_by_kind_with_a_legend() {
        let l = lay(SEED, ChartKind::Cells, 640.0);
        let labels: Vec<&str> = l.legend.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["Chi bộ bản", "Chi bộ đơn vị sự nghiệp", "Chưa phân loại"]);
        let first: Vec<&Bar> = l.bars.iter().filter(|b| b.row == 0).collect();
        assert_eq!(first.len(), 2);
        assert_eq!(first[0].rect.x1, first[1].rect.x0);
        assert_eq!((first[0].value, first[1].value), (4, 5));
    }

    #[test]
    fn missing_values_are_no_data_rows_not_zero_bars() {
        let l = lay(r#"{"communes":[{"name":"A","members":5},{"name":"B"}]}"#, ChartKind::Members, 400.0);
        assert_eq!(l.rows[1].bars.len(), 0);
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
        let names_x: Vec<f64> = l.marks.iter().filter_map(|m| match m {
            Mark::Text { x, text, .. } if text == "Pa Vây Sử" => Some(*x),
            _ => None,
        }).collect();
        assert_eq!(names_x, vec![12.0]);
    }

    #[test]
    fn sort_desc_orders_rows_and_keeps_missing_last() {
        let l = lay(
            r#"{"sort":"desc","communes":[{"name":"A","members":5},{"name":"B"},{"name":"C","members":9}]}"#,
            ChartKind::Members,
            600.0,
        );
        let order: Vec<usize> = l.rows.iter().map(|r| r.commune).collect();
        assert_eq!(order, [2, 0, 1]);
    }

    #[test]
    fn hit_test_finds_rows_segments_and_misses() {
        let l = lay(SEED, ChartKind::Cells, 640.0);
        let row = &l.rows[0];
        let seg = &l.bars[row.bars.start + 1];
        let mid_y = (seg.rect.y0 + seg.rect.y1) / 2.0;
        let hit = l.hit((seg.rect.x0 + seg.rect.x1) / 2.0, mid_y).unwrap();
        assert_eq!((hit.row, hit.commune, hit.bar), (0, 0, Some(row.bars.start + 1)));
        // On the label: the row, no segment.
        assert_eq!(l.hit(20.0, mid_y).unwrap().bar, None);
        // Bands tile the plot: the boundary between rows belongs to the lower row.
        let boundary = l.rows[1].y0;
        assert_eq!(l.hit(20.0, boundary).unwrap().row, 1);
        assert_eq!(l.hit(20.0, boundary - 0.01).unwrap().row, 0);
        // Above the plot (title), below it (ticks), and outside the canvas.
        assert_eq!(l.hit(20.0, 5.0), None);
        assert_eq!(l.hit(20.0, l.height - 1.0), None);
        assert_eq!(l.hit(-1.0, mid_y), None);
        assert_eq!(l.hit(l.width, mid_y), None);
    }

    #[test]
    fn unavailable_kinds_and_missing_fields_are_problems() {
        let model = model_from_json(r#"{"communes":[{"name":"A","members":5}]}"#).unwrap();
        let theme = Theme::light();
        let input = |kind| LayoutInput { model: &model, kind, locale: Locale::En, width: 500.0, theme: &theme, measure: &ApproxMeasure };
        let e = layout(&input(ChartKind::Cells)).unwrap_err();
        assert_eq!(e.message(Locale::En), "`communes`: no commune has the field \"cells\" that this chart needs");
        assert!(layout(&input(ChartKind::Targets)).is_err());
    }
}
