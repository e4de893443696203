//! Data -> rows: which panels a chart kind draws, their rows in order (the journalist's, or
//! sorted with missing values last), each row's segments, end label and legend. No geometry:
//! that is `panel.rs`, from these rows.

use super::scale::Scale;
use super::{LegendItem, Measure};
use crate::locale::Locale;
use crate::model::{f64_from_count, ChartKind, Commune, Compare, Model, Sort};
use crate::stats::{self, sorted_order};
use crate::theme::Theme;

pub(super) struct Segment {
    pub(super) group: usize,
    /// In the scale's units (a count, a ratio, a percent).
    pub(super) value: f64,
    /// Text drawn inside the segment where it fits.
    pub(super) inside: Option<String>,
}

pub(super) struct RowData {
    pub(super) item: usize,
    pub(super) name: String,
    /// `None`: "no data".
    pub(super) segments: Option<Vec<Segment>>,
    /// Drawn after the bar: the total, the ratio, or `5.755 ha · 99,7% kế hoạch`.
    pub(super) end_label: String,
    /// Drawn muted: the data highlights other communes.
    pub(super) muted: bool,
    /// Named in `highlight`: its name in bold.
    pub(super) highlighted: bool,
    /// Its rank in a single-value panel (1 = largest; ties share the best).
    pub(super) rank: Option<usize>,
}

/// A section of `group`: its heading above its first row.
pub(super) struct SectionHead {
    /// The panel's row the section starts at.
    pub(super) first_row: usize,
    /// The province or district (drawn in the panel that names rows).
    pub(super) name: String,
    /// The section's total, for counts (`Tổng: 1.234`).
    pub(super) subtotal: Option<String>,
}

pub(super) struct PanelData {
    pub(super) measure: Measure,
    pub(super) title: Option<String>,
    pub(super) legend: Vec<LegendItem>,
    pub(super) scale: Scale,
    pub(super) rows: Vec<RowData>,
    /// Sections of `group` (empty without it).
    pub(super) sections: Vec<SectionHead>,
    /// `compare`'s line: its value and its label (`Trung bình: 512`).
    pub(super) reference: Option<(f64, String)>,
    /// How many rows have a rank (the communes with a value).
    pub(super) ranked: usize,
}

/// The panels `kind` draws, each with its rows in order. The overview keeps the panels with
/// something to draw, titled, unless one is left.
pub(super) fn panels(model: &Model, kind: ChartKind, locale: Locale, theme: &Theme) -> Vec<PanelData> {
    let order = commune_order(model, kind);
    match kind {
        ChartKind::Members => vec![bar_panel(Measure::Members, model, &order, locale, theme)],
        ChartKind::Cells => vec![bar_panel(Measure::Cells, model, &order, locale, theme)],
        ChartKind::MembersPerCell => vec![bar_panel(Measure::MembersPerCell, model, &order, locale, theme)],
        ChartKind::MembersPer1000 => vec![bar_panel(Measure::MembersPer1000, model, &order, locale, theme)],
        ChartKind::Targets => vec![bar_panel(Measure::Targets, model, &order, locale, theme)],
        ChartKind::Indicators => vec![indicator_panel(model, locale, theme)],
        ChartKind::Overview => {
            // Members per 1,000 residents joins when the data gives the population of every
            // commune with members (a panel of mostly "no data" would be noise).
            let per_1000 = crate::stats::population_given(model);
            let measures: &[Measure] = if per_1000 {
                &[Measure::Members, Measure::Cells, Measure::MembersPer1000, Measure::Targets]
            } else {
                &[Measure::Members, Measure::Cells, Measure::Targets]
            };
            let mut panels: Vec<PanelData> = measures
                .iter()
                .copied()
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
    }
}

fn panel_title(m: Measure, locale: Locale) -> &'static str {
    let w = locale.words();
    match m {
        Measure::Members => w.members,
        Measure::Cells => w.cells,
        Measure::MembersPerCell => w.members_per_cell,
        Measure::MembersPer1000 => w.members_per_1000,
        Measure::Targets => w.targets,
        Measure::Indicators => w.indicator,
    }
}

/// Row order for commune panels: the journalist's, or sorted by the kind's main value with
/// missing values last (targets: by share met; overview: by members); with `group`, section
/// by section.
fn commune_order(model: &Model, kind: ChartKind) -> Vec<usize> {
    let key = |c: &Commune| -> Option<f64> {
        match kind {
            ChartKind::Targets => c.counted_targets().map(|t| f64_from_count(t.met) / f64_from_count(t.total())),
            ChartKind::Overview | ChartKind::Indicators => c.members.map(f64_from_count),
            _ => kind.value_of(c),
        }
    };
    let keys: Vec<Option<f64>> = if model.sort == Sort::None { Vec::new() } else { model.communes.iter().map(key).collect() };
    let order = sorted_order(model.communes.len(), &keys, model.sort);
    stats::sections(model, &order).into_iter().flat_map(|s| s.items).collect()
}

/// A value as its measure writes it: counts whole, ratios with one decimal. A reference line's
/// value gets one decimal more where it is not whole (`1.450`, `1.450,5`).
pub(crate) fn format_value(measure: Measure, v: f64, locale: Locale, reference: bool) -> String {
    match measure {
        Measure::MembersPerCell | Measure::MembersPer1000 if reference => locale.format_decimal(v, 2),
        Measure::MembersPerCell | Measure::MembersPer1000 => locale.format_fixed(v, 1),
        _ if reference => locale.format_decimal(v, 1),
        _ => locale.format_decimal(v, 0),
    }
}

/// The sections' headings for a panel whose rows are `rows` (already in section order).
fn section_heads(model: &Model, measure: Measure, rows: &[RowData], locale: Locale) -> Vec<SectionHead> {
    let mut heads = Vec::new();
    if model.group == crate::model::Group::None {
        return heads;
    }
    let w = locale.words();
    let name_of = |item: usize| model.communes.get(item).and_then(|c| c.group_name(model.group)).map(str::trim).filter(|n| !n.is_empty());
    let mut start = 0;
    while let Some(first) = rows.get(start) {
        let name = name_of(first.item);
        let mut end = start + 1;
        while rows.get(end).is_some_and(|r| name_of(r.item) == name) {
            end += 1;
        }
        let count = |f: fn(&Commune) -> Option<u64>| {
            let mut any = false;
            let mut sum = 0u64;
            for r in rows.get(start..end).unwrap_or_default() {
                if let Some(v) = model.communes.get(r.item).and_then(f) {
                    any = true;
                    sum = sum.saturating_add(v);
                }
            }
            any.then(|| crate::cat!(w.subtotal, ": ", locale.format_int(sum)))
        };
        let subtotal = match measure {
            Measure::Members => count(|c| c.members),
            Measure::Cells => count(|c| c.cells),
            _ => None,
        };
        let name = name.map_or_else(|| crate::stats::unnamed_section(model.group, locale), str::to_string);
        heads.push(SectionHead { first_row: start, name, subtotal });
        start = end;
    }
    heads
}
/// A commune panel: one row per commune in `order`.
fn bar_panel(measure: Measure, model: &Model, order: &[usize], locale: Locale, theme: &Theme) -> PanelData {
    let words = locale.words();
    let any_highlighted = model.any_highlighted();
    // Ranks and `compare`'s reference, once per layout (readouts read them from the rows).
    let values = measure.single_kind().map(|kind| stats::values(model, kind)).unwrap_or_default();
    let (ranks, ranked) = stats::ranks(&values);
    let reference = stats::reference(&values, model.compare).map(|v| {
        let name = if model.compare == Compare::Mean { words.mean } else { words.median };
        (v, crate::cat!(name, ": ", format_value(measure, v, locale, true)))
    });
    let communes = order.iter().filter_map(|&i| Some((i, model.communes.get(i)?)));
    let single = |v: f64, end: String| Some((vec![Segment { group: 0, value: v, inside: None }], end));
    let (scale, legend) = match measure {
        Measure::Cells => (Scale::Count, cell_legend(&model.communes, theme, words.unclassified)),
        Measure::Targets => (
            Scale::Share,
            words.target_groups.iter().zip(theme.targets).map(|(l, color)| LegendItem { label: (*l).to_string(), color }).collect(),
        ),
        Measure::MembersPerCell | Measure::MembersPer1000 => (Scale::Ratio, Vec::new()),
        _ => (Scale::Count, Vec::new()),
    };
    let rows: Vec<RowData> = communes
        .map(|(item, c)| {
            let data = match measure {
                Measure::Members => c.members.and_then(|m| single(f64_from_count(m), locale.format_int(m))),
                Measure::MembersPerCell => c.members_per_cell().and_then(|r| single(r, locale.format_fixed(r, 1))),
                Measure::MembersPer1000 => c.members_per_1000().and_then(|r| single(r, locale.format_fixed(r, 1))),
                Measure::Cells => c.cells.map(|n| {
                    let segs = if c.cell_kinds.is_empty() {
                        let group = if legend.is_empty() { 0 } else { legend.len() - 1 };
                        vec![Segment { group, value: f64_from_count(n), inside: None }]
                    } else {
                        c.cell_kinds
                            .iter()
                            .map(|(k, v)| Segment {
                                group: legend.iter().position(|l| &l.label == k).unwrap_or(0),
                                value: f64_from_count(*v),
                                inside: (*v > 0).then(|| locale.format_int(*v)),
                            })
                            .collect()
                    };
                    (segs, locale.format_int(n))
                }),
                // No targets counted (all 0) is data, not "no data": an empty bar labelled 0.
                Measure::Targets if c.targets.is_some_and(|t| t.total() == 0) => Some((Vec::new(), locale.format_int(0))),
                Measure::Targets => c.counted_targets().map(|t| {
                    let total = f64_from_count(t.total());
                    let segs = [t.met, t.over80, t.behind]
                        .iter()
                        .enumerate()
                        .map(|(group, &v)| Segment {
                            group,
                            value: 100.0 * f64_from_count(v) / total,
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
            RowData {
                item,
                name: c.name.clone(),
                segments,
                end_label,
                muted: any_highlighted && !c.highlighted,
                highlighted: c.highlighted,
                rank: ranks.get(item).copied().flatten(),
            }
        })
        .collect();
    let sections = section_heads(model, measure, &rows, locale);
    PanelData { measure, title: None, legend, scale, rows, sections, reference, ranked }
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
            Some(RowData { item, name, segments, end_label, muted: false, highlighted: false, rank: None })
        })
        .collect();
    let legend = vec![
        LegendItem { label: words.plan_met.to_string(), color: theme.bar },
        LegendItem { label: words.plan_below.to_string(), color: theme.below_plan },
    ];
    let title = one_unit.then(|| units.first().map(|u| (*u).to_string())).flatten();
    PanelData { measure: Measure::Indicators, title, legend, scale: Scale::Plan, rows, sections: Vec::new(), reference: None, ranked: 0 }
}

#[cfg(test)]
mod tests;
