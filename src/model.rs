//! Step 2: [`Spec`] -> [`Model`], the data as the charts use it. Missing is not zero: an absent
//! count stays `None` all the way to the drawing, where it is shown as "no data".

use crate::locale::Locale;
use crate::problem::{Problem, ProblemKind};

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
            ChartKind::Members => c.members.map(f64_from_count),
            ChartKind::Cells => c.cells.map(f64_from_count),
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

/// A count as an f64, exactly: counts are below 2^53 (`validate::count`). A sum of a few of
/// them (`Targets::total`) may round in its last bit, which no share or bar shows.
#[expect(clippy::cast_precision_loss, reason = "counts are below 2^53 (model::validate), exact in f64")]
pub(crate) fn f64_from_count(n: u64) -> f64 {
    n as f64
}

/// A length or an index (rows, panels, ticks, values) as an f64, exactly: what fits in memory is
/// far below 2^53.
#[expect(clippy::cast_precision_loss, reason = "lengths of data in memory are below 2^53, exact in f64")]
pub(crate) fn f64_from_len(n: usize) -> f64 {
    n as f64
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
            (Some(m), Some(n)) if n > 0 => Some(f64_from_count(m) / f64_from_count(n)),
            _ => None,
        }
    }

    /// Party members per 1,000 residents: `None` without both, or with no residents.
    pub fn members_per_1000(&self) -> Option<f64> {
        match (self.members, self.population) {
            (Some(m), Some(p)) if p > 0 => Some(1000.0 * f64_from_count(m) / f64_from_count(p)),
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

mod validate;
pub use validate::{model_from_json, validate};

#[cfg(test)]
mod tests;
