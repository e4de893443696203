//! Step 2: [`Spec`] -> [`Model`], the data as the charts use it. Missing is not zero: an absent
//! count stays `None` all the way to the drawing, where it is shown as "no data".

use crate::letters::{fold, Marks};
use crate::locale::Locale;
use crate::problem::{Problem, ProblemKind};
use crate::spec::{CommuneSpec, Spec};

/// Declares [`ChartKind`] from one list of kinds and their names: the enum, [`ChartKind::ALL`],
/// [`ChartKind::NAMES`], `name` and `from_name` are all made from it, and the JSON Schema's
/// `chart` enum and the TypeScript `ChartKind` are generated from `NAMES` (`spec::schema_gen`).
macro_rules! chart_kinds {
    ($($kind:ident = $name:literal),+ $(,)?) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum ChartKind {
            $($kind),+
        }

        impl ChartKind {
            /// Every kind, in the order the docs and error messages list them.
            pub const ALL: [ChartKind; ChartKind::NAMES.len()] = [$(ChartKind::$kind),+];
            /// Their names, in the same order (`data-commune-chart`, the data's `chart`).
            pub const NAMES: &'static [&'static str] = &[$($name),+];

            pub fn from_name(name: &str) -> Option<ChartKind> {
                match name.trim() {
                    $($name => Some(ChartKind::$kind),)+
                    _ => None,
                }
            }

            pub fn name(self) -> &'static str {
                match self {
                    $(ChartKind::$kind => $name),+
                }
            }
        }
    };
}

chart_kinds! {
    Members = "members",
    Cells = "cells",
    MembersPerCell = "members-per-cell",
    MembersPer1000 = "members-per-1000",
    Targets = "targets",
    Indicators = "indicators",
    Overview = "overview",
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    None,
    Asc,
    Desc,
}

/// `compare`: a reference line on single-value kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Compare {
    #[default]
    None,
    Mean,
    Median,
}

/// `group`: communes in sections by province or district.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Group {
    #[default]
    None,
    Province,
    District,
}

impl ChartKind {
    /// Whether each commune has one value (a bar, not a stack): these kinds get `compare`'s line
    /// and a rank in the readout.
    pub fn is_single_value(self) -> bool {
        matches!(self, ChartKind::Members | ChartKind::Cells | ChartKind::MembersPerCell | ChartKind::MembersPer1000)
    }

    /// A commune's value in a single-value kind (`None` for other kinds and for no data).
    pub fn value_of(self, c: &Commune) -> Option<f64> {
        match self {
            ChartKind::Members => c.members.map(|v| v as f64),
            ChartKind::Cells => c.cells.map(|v| v as f64),
            ChartKind::MembersPerCell => c.members_per_cell(),
            ChartKind::MembersPer1000 => c.members_per_1000(),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub source: Option<String>,
    pub note: Option<String>,
    /// The data's own `locale`, if it gave one; the page's language is the glue's business.
    pub locale: Option<Locale>,
    pub chart: Option<ChartKind>,
    pub sort: Sort,
    pub compare: Compare,
    pub group: Group,
    pub communes: Vec<Commune>,
    pub indicators: Vec<Indicator>,
}

impl Model {
    /// Whether the data names communes in `highlight` (then the others are muted).
    pub fn any_highlighted(&self) -> bool {
        self.communes.iter().any(|c| c.highlighted)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Commune {
    pub name: String,
    pub district: Option<String>,
    pub province: Option<String>,
    pub members: Option<u64>,
    pub cells: Option<u64>,
    /// Cell counts by kind, in the journalist's order; empty when not broken down.
    pub cell_kinds: Vec<(String, u64)>,
    pub targets: Option<Targets>,
    pub population: Option<u64>,
    pub area_km2: Option<f64>,
    /// Named in the data's `highlight`: drawn in full colour, the others muted.
    pub highlighted: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Targets {
    pub met: u64,
    pub over80: u64,
    pub behind: u64,
}

impl Targets {
    pub fn total(&self) -> u64 {
        self.met.saturating_add(self.over80).saturating_add(self.behind)
    }
}

impl Commune {
    /// Party members per party cell: `None` without both counts, or with no cells.
    pub fn members_per_cell(&self) -> Option<f64> {
        match (self.members, self.cells) {
            (Some(m), Some(n)) if n > 0 => Some(m as f64 / n as f64),
            _ => None,
        }
    }

    /// Party members per 1,000 residents: `None` without both, or with no residents.
    pub fn members_per_1000(&self) -> Option<f64> {
        match (self.members, self.population) {
            (Some(m), Some(p)) if p > 0 => Some(1000.0 * m as f64 / p as f64),
            _ => None,
        }
    }

    /// The commune's province or district, as `group` asks.
    pub fn group_name(&self, group: Group) -> Option<&str> {
        match group {
            Group::None => None,
            Group::Province => self.province.as_deref(),
            Group::District => self.district.as_deref(),
        }
    }

    /// Targets with at least one counted (a bar can be drawn).
    pub fn counted_targets(&self) -> Option<Targets> {
        self.targets.filter(|t| t.total() > 0)
    }
}

/// Data without anything `kind` draws (no commune has members, say) is a problem, found here with
/// the rest of validation, not an empty chart: layout can then never fail.
pub fn check_drawable(model: &Model, kind: ChartKind) -> Result<(), Problem> {
    let any = |has: fn(&Commune) -> bool| model.communes.iter().any(has);
    let (drawable, field, path) = match kind {
        ChartKind::Members => (any(|c| c.members.is_some()), "members", "communes"),
        ChartKind::Cells => (any(|c| c.cells.is_some()), "cells", "communes"),
        ChartKind::MembersPerCell => (any(|c| c.members_per_cell().is_some()), "members-per-cell", "communes"),
        ChartKind::MembersPer1000 => (any(|c| c.members_per_1000().is_some()), "members-per-1000", "communes"),
        ChartKind::Targets => (any(|c| c.targets.is_some()), "targets", "communes"),
        ChartKind::Overview => (any(|c| c.members.is_some() || c.cells.is_some() || c.targets.is_some()), "overview", "communes"),
        ChartKind::Indicators => (model.indicators.iter().any(|i| i.percent_of_plan.is_some()), "indicators", "indicators"),
    };
    if drawable {
        Ok(())
    } else {
        Err(Problem::at(path, ProblemKind::NothingToDraw { field }))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    pub unit: Option<String>,
    pub name: String,
    pub value: Option<f64>,
    pub measure: Option<String>,
    pub percent_of_plan: Option<f64>,
}

/// The values of `locale` and `sort` (an unknown one's error lists them; so do the JSON Schema and
/// the TypeScript types, see `spec::schema_gen`).
pub const LOCALES: &[&str] = &["vi", "en"];
pub const SORTS: &[&str] = &["none", "asc", "desc"];
pub const COMPARES: &[&str] = &["none", "mean", "median"];
pub const GROUPS: &[&str] = &["none", "province", "district"];

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
        // In range and whole: the conversion is exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_one_name_and_is_found_by_it() {
        assert_eq!(ChartKind::ALL.len(), ChartKind::NAMES.len());
        for (kind, name) in ChartKind::ALL.into_iter().zip(ChartKind::NAMES) {
            assert_eq!(kind.name(), *name);
            assert_eq!(ChartKind::from_name(&crate::cat!(" ", name, "\n")), Some(kind));
        }
        assert_eq!(ChartKind::from_name("pie"), None);
    }

    #[test]
    fn cell_kinds_keep_the_journalists_order() {
        let m = model_from_json(r#"{"communes":[{"name":"A","cells":9,"cellKinds":{"Chi bộ trường":5,"Chi bộ bản":4}}]}"#).unwrap();
        let names: Vec<&str> = m.communes[0].cell_kinds.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["Chi bộ trường", "Chi bộ bản"]);
        assert!(model_from_json(r#"{"$schema":"./commune-charts.schema.json","communes":[{"name":"A","cells":1}]}"#).is_ok());
    }

    fn errs(text: &str) -> Vec<(String, ProblemKind)> {
        model_from_json(text).unwrap_err().into_iter().map(|p| (p.path, p.kind)).collect()
    }

    #[test]
    fn missing_counts_stay_missing() {
        let m = model_from_json(r#"{"communes":[{"name":"Đức Thọ","members":2989}]}"#).unwrap();
        let c = &m.communes[0];
        assert_eq!(c.members, Some(2989));
        assert_eq!(c.cells, None);
        assert_eq!(c.targets, None);
    }

    #[test]
    fn counts_must_be_whole_and_non_negative() {
        let e = errs(r#"{"communes":[{"name":"A","members":-3},{"name":"B","cells":2.5}]}"#);
        assert_eq!(e[0], ("communes[0].members".into(), ProblemKind::Negative { value: -3.0 }));
        assert_eq!(e[1], ("communes[1].cells".into(), ProblemKind::NotWholeNumber { value: 2.5 }));
    }

    #[test]
    fn names_are_required() {
        let e = errs(r#"{"communes":[{"members":3},{"name":"  "}]}"#);
        assert_eq!(e[0], ("communes[0].name".into(), ProblemKind::Missing));
        assert_eq!(e[1], ("communes[1].name".into(), ProblemKind::EmptyText));
    }

    #[test]
    fn cell_kinds_must_add_up_to_cells() {
        let e = errs(r#"{"communes":[{"name":"A","cells":9,"cellKinds":{"Bản":4,"Khác":4}}]}"#);
        assert_eq!(e[0], ("communes[0].cellKinds".into(), ProblemKind::SumMismatch { sum: 8, expected: 9, expected_field: "cells" }));
        let m = model_from_json(r#"{"communes":[{"name":"A","cellKinds":{"Bản":4,"Khác":5}}]}"#).unwrap();
        assert_eq!(m.communes[0].cells, Some(9));
    }

    #[test]
    fn targets_total_must_match_and_groups_are_required() {
        let e = errs(r#"{"communes":[{"name":"A","targets":{"met":1,"over80":2,"behind":3,"total":7}}]}"#);
        assert_eq!(e[0], ("communes[0].targets.total".into(), ProblemKind::SumMismatch { sum: 6, expected: 7, expected_field: "total" }));
        let e = errs(r#"{"communes":[{"name":"A","targets":{"met":1,"behind":3}}]}"#);
        assert_eq!(e[0], ("communes[0].targets.over80".into(), ProblemKind::Missing));
    }

    #[test]
    fn enumerations_are_checked() {
        let e = errs(r#"{"chart":"bars","sort":"up","locale":"fr","communes":[{"name":"A"}]}"#);
        assert_eq!(e.len(), 3);
        assert!(matches!(&e[1].1, ProblemKind::UnknownKind { value, .. } if value == "bars"));
    }

    #[test]
    fn communes_are_required() {
        assert_eq!(errs("{}"), vec![("communes".into(), ProblemKind::Missing)]);
        assert_eq!(errs(r#"{"communes":[]}"#), vec![("communes".into(), ProblemKind::EmptyList)]);
    }
}
