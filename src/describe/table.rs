//! The data table (visually hidden `<table>`, and the table toggle's): the chart's numbers as
//! text, in the chart's language, with `group`'s subtotals and `compare`'s reference as rows.

use crate::locale::Locale;
use crate::model::{f64_from_count, ChartKind, Model};

// The table's columns after the name, by code (plain loops over codes: iterator chains here
// cost about 1 kB of wasm). Columns that expand (KINDS, TARGETS) come last in any list.
const RATIO: u8 = 0;
const MEMBERS: u8 = 1;
const CELLS: u8 = 2;
const KINDS: u8 = 3;
const TARGETS: u8 = 4;
const PER_1000: u8 = 5;
const POPULATION: u8 = 6;

/// Header and rows of the data table, every number formatted for the locale; "–" where missing.
/// Indicators get their own table; communes get the columns any commune has.
pub fn table(model: &Model, kind: ChartKind, locale: Locale) -> (Vec<String>, Vec<Vec<String>>) {
    let w = locale.words();
    let dash = || "–".to_string();
    if kind == ChartKind::Indicators {
        let header = [w.unit, w.indicator, w.value, w.percent_of_plan].map(str::to_string).to_vec();
        let rows = model
            .indicators
            .iter()
            .map(|i| {
                let value = i.value.map_or_else(dash, |v| {
                    let v = locale.format_decimal(v, 2);
                    Locale::with_unit(v, i.measure.as_ref())
                });
                let pct = i.percent_of_plan.map_or_else(dash, |p| locale.format_plan(p));
                vec![i.unit.clone().unwrap_or_else(dash), i.name.clone(), value, pct]
            })
            .collect();
        return (header, rows);
    }
    // The columns the chart draws, its own measure first: a targets chart's table has no member
    // columns of dashes, and a phone shows what the chart is about without scrolling sideways.
    // (Plain loops over column codes: iterator chains here cost about 1 kB of wasm.)
    let any_population = crate::stats::population_given(model);
    let columns: &[u8] = match kind {
        ChartKind::Members => &[MEMBERS],
        ChartKind::Cells => &[CELLS, KINDS],
        ChartKind::MembersPerCell => &[RATIO, MEMBERS, CELLS],
        ChartKind::MembersPer1000 => &[PER_1000, MEMBERS, POPULATION],
        ChartKind::Targets => &[TARGETS],
        _ if any_population => &[MEMBERS, CELLS, PER_1000, TARGETS],
        _ => &[MEMBERS, CELLS, TARGETS],
    };
    // The cells chart stacks kinds of cells: one column each, in order of first appearance.
    let mut kinds: Vec<&str> = Vec::new();
    if kind == ChartKind::Cells {
        for c in &model.communes {
            for (k, _) in &c.cell_kinds {
                if !kinds.contains(&k.as_str()) {
                    kinds.push(k);
                }
            }
        }
    }
    let mut header = vec![w.commune.to_string()];
    for &col in columns {
        match col {
            RATIO => header.push(w.members_per_cell.to_string()),
            PER_1000 => header.push(w.members_per_1000.to_string()),
            POPULATION => header.push(w.population.to_string()),
            MEMBERS => header.push(w.members.to_string()),
            CELLS => header.push(w.cells.to_string()),
            KINDS => {
                for k in &kinds {
                    header.push((*k).to_string());
                }
            }
            _ => {
                for g in w.target_groups.iter().chain([&w.total]) {
                    header.push((*g).to_string());
                }
            }
        }
    }
    let int = |v: Option<u64>| v.map_or_else(dash, |v| locale.format_int(v));
    let mut rows = Vec::with_capacity(model.communes.len());
    // In `group`'s sections (the data's order within each), each followed by its subtotal.
    let order: Vec<usize> = (0..model.communes.len()).collect();
    let sections = crate::stats::sections(model, &order);
    let grouped = model.group != crate::model::Group::None;
    for c in sections.iter().flat_map(|s| s.items.iter().filter_map(|&i| model.communes.get(i)).chain(None)) {
        let mut row = vec![c.name.clone()];
        for &col in columns {
            match col {
                RATIO => row.push(c.members_per_cell().map_or_else(dash, |r| locale.format_fixed(r, 1))),
                PER_1000 => row.push(c.members_per_1000().map_or_else(dash, |r| locale.format_fixed(r, 1))),
                POPULATION => row.push(int(c.population)),
                MEMBERS => row.push(int(c.members)),
                CELLS => {
                    let mut text = int(c.cells);
                    // The overview stacks kinds too, in one column.
                    if kind == ChartKind::Overview && !c.cell_kinds.is_empty() {
                        let mut sep = " (";
                        for (k, n) in &c.cell_kinds {
                            text = crate::cat!(text, sep, k, ": ", locale.format_int(*n));
                            sep = "; ";
                        }
                        text.push(')');
                    }
                    row.push(text);
                }
                KINDS => {
                    for k in &kinds {
                        row.push(int(c.cell_kinds.iter().find(|(name, _)| name == k).map(|(_, n)| *n)));
                    }
                }
                _ => match c.targets {
                    None => {
                        for _ in 0..4 {
                            row.push(dash());
                        }
                    }
                    Some(t) => {
                        // Zero targets counted: 0 in each column, no 0/0 share.
                        let total = t.total();
                        for v in [t.met, t.over80, t.behind] {
                            row.push(if total == 0 {
                                locale.format_int(v)
                            } else {
                                crate::cat!(
                                    locale.format_int(v),
                                    " (",
                                    locale.format_percent(100.0 * f64_from_count(v) / f64_from_count(total), 1),
                                    ")"
                                )
                            });
                        }
                        row.push(locale.format_int(total));
                    }
                },
            }
        }
        rows.push(row);
    }
    if grouped {
        rows = with_subtotals(model, &sections, &header, columns, rows, locale);
    }
    // `compare`'s reference, under the communes, in the chart's own column (the overview's
    // first column is its members).
    let of = if kind == ChartKind::Overview { ChartKind::Members } else { kind };
    if of.is_single_value() {
        let values = crate::stats::values(model, of);
        if let Some(v) = crate::stats::reference(&values, model.compare) {
            let name = if model.compare == crate::model::Compare::Mean { w.mean } else { w.median };
            let per = matches!(of, ChartKind::MembersPerCell | ChartKind::MembersPer1000);
            let mut row = vec![name.to_string(), if per { locale.format_decimal(v, 2) } else { locale.format_decimal(v, 1) }];
            row.resize(header.len(), String::new());
            rows.push(row);
        }
    }
    (header, rows)
}

/// `rows` (one per commune, in `sections`' order) with a subtotal row after each section:
/// `Tổng Lai Châu`, the sums of the count columns (members, cells, population), blanks elsewhere.
fn with_subtotals(
    model: &Model,
    sections: &[crate::stats::Section],
    header: &[String],
    columns: &[u8],
    rows: Vec<Vec<String>>,
    locale: Locale,
) -> Vec<Vec<String>> {
    let w = locale.words();
    let mut out = Vec::with_capacity(rows.len() + sections.len());
    let mut rows = rows.into_iter();
    for s in sections {
        let mut sums: Vec<(u64, bool)> = Vec::new();
        for &i in &s.items {
            let Some(c) = model.communes.get(i) else { continue };
            out.extend(rows.next());
            // Column 0 is the name; the rest follow `columns`.
            let mut values: Vec<Option<u64>> = Vec::new();
            for &col in columns {
                values.push(match col {
                    MEMBERS => c.members,
                    CELLS => c.cells,
                    POPULATION => c.population,
                    _ => None,
                });
            }
            sums.resize(values.len(), (0, false));
            for (sum, v) in sums.iter_mut().zip(values) {
                if let Some(v) = v {
                    *sum = (sum.0.saturating_add(v), true);
                }
            }
        }
        // A section with no count to add up (a targets table) gets no row of blanks.
        if !sums.iter().any(|(_, any)| *any) {
            continue;
        }
        let name = s.name.clone().unwrap_or_else(|| crate::cat!("(", crate::stats::unnamed_section(model.group, locale), ")"));
        let mut row = vec![crate::cat!(w.subtotal, " ", name)];
        for (sum, any) in sums {
            row.push(if any { locale.format_int(sum) } else { String::new() });
        }
        row.resize(header.len(), String::new());
        out.push(row);
    }
    out
}
