//! `Spec` -> `Model`: required names, whole non-negative counts, sums that add up, the values
//! of `locale`, `chart`, `sort`, `compare` and `group`, and the communes `highlight` names.

use super::{ChartKind, Commune, Compare, Group, Indicator, Model, Sort, Targets, COMPARES, GROUPS, LOCALES, SORTS};
use crate::letters::{fold, Marks};
use crate::locale::Locale;
use crate::problem::Problem;
use crate::problem::ProblemKind;
use crate::spec::{CommuneSpec, Spec};

/// Validates meaning: required names, whole non-negative counts, sums that add up.
pub fn validate(spec: &Spec) -> Result<Model, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut report = |path: String, kind: ProblemKind| problems.push(Problem::at(path, kind));

    let locale = spec.locale.as_deref().and_then(|tag| {
        let l = Locale::from_tag(tag);
        if l.is_none() {
            report("locale".into(), ProblemKind::UnknownValue { value: tag.into(), allowed: LOCALES });
        }
        l
    });
    let chart = spec.chart.as_deref().and_then(|name| {
        let k = ChartKind::from_name(name);
        if k.is_none() {
            report("chart".into(), ProblemKind::UnknownKind { value: name.into(), allowed: ChartKind::NAMES });
        }
        k
    });
    let sort = match spec.sort.as_deref().map(str::trim) {
        None | Some("none") => Sort::None,
        Some("asc") => Sort::Asc,
        Some("desc") => Sort::Desc,
        Some(other) => {
            report("sort".into(), ProblemKind::UnknownValue { value: other.into(), allowed: SORTS });
            Sort::None
        }
    };

    let compare = match spec.compare.as_deref().map(str::trim) {
        None | Some("none") => Compare::None,
        Some("mean") => Compare::Mean,
        Some("median") => Compare::Median,
        Some(other) => {
            report("compare".into(), ProblemKind::UnknownValue { value: other.into(), allowed: COMPARES });
            Compare::None
        }
    };
    let group = match spec.group.as_deref().map(str::trim) {
        None | Some("none") => Group::None,
        Some("province") => Group::Province,
        Some("district") => Group::District,
        Some(other) => {
            report("group".into(), ProblemKind::UnknownValue { value: other.into(), allowed: GROUPS });
            Group::None
        }
    };

    let mut communes = Vec::new();
    match &spec.communes {
        None if spec.indicators.is_none() => report("communes".into(), ProblemKind::Missing),
        None => {}
        Some(list) if list.is_empty() && spec.indicators.is_none() => report("communes".into(), ProblemKind::EmptyList),
        Some(list) => {
            for (i, c) in list.iter().enumerate() {
                if let Some(commune) = commune(&crate::cat!("communes[", crate::text::digits(i as u64), "]"), c, &mut report) {
                    communes.push(commune);
                }
            }
        }
    }

    // `highlight`: each name must be a commune's (as written, whatever the case, the spaces
    // around it or the Unicode form of its marks).
    if let Some(names) = &spec.highlight {
        let keys: Vec<String> = communes.iter().map(|c: &Commune| fold(&c.name, Marks::Keep)).collect();
        for (i, name) in names.iter().enumerate() {
            let key = fold(name, Marks::Keep);
            let mut found = false;
            for (c, k) in communes.iter_mut().zip(&keys) {
                if *k == key {
                    c.highlighted = true;
                    found = true;
                }
            }
            if key.is_empty() {
                report(crate::cat!("highlight[", crate::text::digits(i as u64), "]"), ProblemKind::EmptyText);
            } else if !found {
                let names = communes.iter().map(|c| c.name.clone()).collect();
                report(
                    crate::cat!("highlight[", crate::text::digits(i as u64), "]"),
                    ProblemKind::UnknownCommune { value: name.clone(), names },
                );
            }
        }
    }

    let mut indicators = Vec::new();
    for (i, ind) in spec.indicators.iter().flatten().enumerate() {
        let path = crate::cat!("indicators[", crate::text::digits(i as u64), "]");
        let name = required_text(&path, ind.name.as_deref(), &mut report);
        let value = ind.value.filter(|v| check_non_negative(&crate::cat!(path, ".value"), *v, &mut report));
        let percent_of_plan = ind.percent_of_plan.filter(|v| check_non_negative(&crate::cat!(path, ".percentOfPlan"), *v, &mut report));
        if let Some(name) = name {
            indicators.push(Indicator { unit: ind.unit.clone(), name, value, measure: ind.measure.clone(), percent_of_plan });
        }
    }

    if problems.is_empty() {
        Ok(Model {
            title: non_empty(&spec.title),
            subtitle: non_empty(&spec.subtitle),
            source: non_empty(&spec.source),
            note: non_empty(&spec.note),
            locale,
            chart,
            sort,
            compare,
            group,
            communes,
            indicators,
        })
    } else {
        Err(problems)
    }
}

#[expect(clippy::ref_option, reason = "measured: Option<&str> at the six call sites is 106 B more wasm")]
fn non_empty(s: &Option<String>) -> Option<String> {
    s.as_ref().map(|s| s.trim()).filter(|s| !s.is_empty()).map(str::to_string)
}

fn required_text(path: &str, value: Option<&str>, report: &mut impl FnMut(String, ProblemKind)) -> Option<String> {
    match value.map(str::trim) {
        None => {
            report(crate::cat!(path, ".name"), ProblemKind::Missing);
            None
        }
        Some("") => {
            report(crate::cat!(path, ".name"), ProblemKind::EmptyText);
            None
        }
        Some(s) => Some(s.to_string()),
    }
}

/// Amounts (area, indicator values, percent of plan) are ≥ 0 and below 10^15, so scales and
/// ticks stay finite.
const MAX_AMOUNT: f64 = 1e15;

fn check_non_negative(path: &str, v: f64, report: &mut impl FnMut(String, ProblemKind)) -> bool {
    if v < 0.0 {
        report(path.to_string(), ProblemKind::Negative { value: v });
        false
    } else if v >= MAX_AMOUNT {
        report(path.to_string(), ProblemKind::NotFinite);
        false
    } else {
        true
    }
}

/// Counts are whole, non-negative and below 2^53 (exact in JSON numbers and in JS).
fn count(path: &str, v: Option<f64>, report: &mut impl FnMut(String, ProblemKind)) -> Option<u64> {
    let v = v?;
    if v < 0.0 {
        report(path.to_string(), ProblemKind::Negative { value: v });
        None
    } else if v.fract() != 0.0 {
        report(path.to_string(), ProblemKind::NotWholeNumber { value: v });
        None
    } else if v > 9_007_199_254_740_991.0 {
        report(path.to_string(), ProblemKind::NotFinite);
        None
    } else {
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "in range and whole: exact")]
        Some(v as u64)
    }
}

fn commune(path: &str, c: &CommuneSpec, report: &mut impl FnMut(String, ProblemKind)) -> Option<Commune> {
    let name = required_text(path, c.name.as_deref(), report);
    let members = count(&crate::cat!(path, ".members"), c.members, report);
    let cells = count(&crate::cat!(path, ".cells"), c.cells, report);
    let population = count(&crate::cat!(path, ".population"), c.population, report);
    let area_km2 = c.area_km2.filter(|v| check_non_negative(&crate::cat!(path, ".areaKm2"), *v, report));

    let mut cell_kinds = Vec::new();
    for (kind, n) in c.cell_kinds.iter().flatten() {
        if let Some(n) = count(&crate::cat!(path, ".cellKinds.", kind), Some(*n), report) {
            cell_kinds.push((kind.clone(), n));
        }
    }
    let kinds_sum = cell_kinds.iter().fold(0u64, |s, (_, n)| s.saturating_add(*n));
    if let Some(cells) = cells {
        if !cell_kinds.is_empty() && kinds_sum != cells {
            report(crate::cat!(path, ".cellKinds"), ProblemKind::SumMismatch { sum: kinds_sum, expected: cells, expected_field: "cells" });
        }
    }
    // cellKinds without cells: the kinds give the total.
    let cells = cells.or(if cell_kinds.is_empty() { None } else { Some(kinds_sum) });

    let targets = c.targets.as_ref().and_then(|t| {
        let tp = crate::cat!(path, ".targets");
        let met = count(&crate::cat!(tp, ".met"), t.met, report);
        let over80 = count(&crate::cat!(tp, ".over80"), t.over80, report);
        let behind = count(&crate::cat!(tp, ".behind"), t.behind, report);
        let total = count(&crate::cat!(tp, ".total"), t.total, report);
        for (field, v) in [("met", t.met), ("over80", t.over80), ("behind", t.behind)] {
            if v.is_none() {
                report(crate::cat!(tp, ".", field), ProblemKind::Missing);
            }
        }
        let targets = Targets { met: met?, over80: over80?, behind: behind? };
        if let Some(total) = total {
            if total != targets.total() {
                report(
                    crate::cat!(tp, ".total"),
                    ProblemKind::SumMismatch { sum: targets.total(), expected: total, expected_field: "total" },
                );
            }
        }
        Some(targets)
    });

    Some(Commune {
        name: name?,
        district: non_empty(&c.district),
        province: non_empty(&c.province),
        members,
        cells,
        cell_kinds,
        targets,
        population,
        area_km2,
        highlighted: false,
    })
}

/// Text -> model in one call, the path every caller takes.
pub fn model_from_json(text: &str) -> Result<Model, Vec<Problem>> {
    validate(&crate::spec::parse(text)?)
}
