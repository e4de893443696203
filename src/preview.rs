//! Preview warnings: valid but suspicious data, shown to the journalist in preview mode only
//! (readers never see these). [`warnings`] reads the values (duplicate names, fewer members than
//! cells…); [`number_warnings`] reads the numbers as written (a thousands dot, `5.755` for 5755).
//! Only the explanations module and the command-line program call these.

use crate::model::{ChartKind, Commune, Model};
use crate::problem::{Problem, ProblemKind};

/// Valid but suspicious data, for the journalist's preview only (readers never see these):
/// duplicate names, fewer members than cells, communes lacking what `kind` draws, and
/// percentages of plan written as fractions.
pub fn warnings(model: &Model, kind: ChartKind) -> Vec<Problem> {
    type Has = fn(&Commune) -> bool;
    let mut out = Vec::new();
    // Lower-cased once (`locale::fold_case`, for Vietnamese letters), not once per pair: that took
    // 4.7 s at 10,000 communes. The pairwise comparison left is of ready strings, which a map
    // would not beat by enough to pay for its code.
    let keys: Vec<String> = model.communes.iter().map(|c| c.name.trim().chars().map(crate::locale::fold_case).collect()).collect();
    for (i, (c, key)) in model.communes.iter().zip(&keys).enumerate() {
        if let Some(first) = keys.iter().take(i).position(|k| k == key) {
            out.push(Problem::at(
                crate::cat!("communes[", crate::text::digits(i as u64), "].name"),
                ProblemKind::DuplicateName { name: c.name.clone(), first },
            ));
        }
        if let (Some(members), Some(cells)) = (c.members, c.cells) {
            if members < cells {
                out.push(Problem::at(
                    crate::cat!("communes[", crate::text::digits(i as u64), "]"),
                    ProblemKind::FewerMembersThanCells { members, cells },
                ));
            }
        }
    }
    let lacking = |field: &'static str, has: Has| -> Option<Problem> {
        let names: Vec<String> = model.communes.iter().filter(|c| !has(c)).map(|c| c.name.clone()).collect();
        // Nobody having it is an error (nothing to draw), not a warning.
        (!names.is_empty() && names.len() < model.communes.len()).then(|| Problem::at("communes", ProblemKind::LacksField { field, names }))
    };
    let fields: &[(&'static str, Has)] = match kind {
        ChartKind::Members => &[("members", |c| c.members.is_some())],
        ChartKind::Cells => &[("cells", |c| c.cells.is_some())],
        ChartKind::MembersPerCell => &[("members", |c| c.members.is_some()), ("cells", |c| c.cells.is_some())],
        ChartKind::Targets => &[("targets", |c| c.targets.is_some())],
        ChartKind::Overview => {
            &[("members", |c| c.members.is_some()), ("cells", |c| c.cells.is_some()), ("targets", |c| c.targets.is_some())]
        }
        ChartKind::MembersPer1000 => &[("members", |c| c.members.is_some()), ("population", |c| c.population.is_some())],
        ChartKind::Indicators => &[],
    };
    out.extend(fields.iter().filter_map(|(field, has)| lacking(field, *has)));
    for (i, ind) in model.indicators.iter().enumerate() {
        if let Some(p) = ind.percent_of_plan {
            if p > 0.0 && p <= 2.0 {
                out.push(Problem::at(
                    crate::cat!("indicators[", crate::text::digits(i as u64), "].percentOfPlan"),
                    ProblemKind::PercentLooksLikeFraction { value: p },
                ));
            }
        }
    }
    out
}

/// Preview warnings that only the text can give, not the values read from it: numbers that look
/// like thousands written with a dot (`5.755` for 5755 ha), which JSON reads as decimals. The
/// rule, for few false alarms:
///
/// - an indicator's `value` written as one to three digits (the first not 0), a dot and exactly
///   three digits (`5.755`, `12.500`: the text, as `12.500` is read as 12.5), unless another
///   value of the same `measure` has three or more decimals and cannot be thousands (`0.875`,
///   `1234.567`, `2.3456`): then that column has real decimals. The chart shows at most two
///   decimals, so a third one would never be seen anyway;
/// - a count (`members`, `cells`, `population`, the targets, the cell kinds) written the same
///   way: it is accepted only when whole (`2.000`, read as 2; `2.989` is an error already).
///
/// `percentOfPlan` and `areaKm2` are left alone: 99.725% and 12.345 km² are real decimals.
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
pub fn number_warnings(text: &str, model: &Model) -> Vec<Problem> {
    let literals = crate::json::number_literals(text);
    let value_of = |path: &str| -> Option<usize> { path.strip_prefix("indicators[")?.strip_suffix("].value")?.parse().ok() };
    let measure_of = |i: usize| model.indicators.get(i).and_then(|ind| ind.measure.as_deref()).map(str::trim);
    // Measures whose values include real decimals.
    let decimal_measures: Vec<Option<&str>> = literals
        .iter()
        .filter(|(_, written)| {
            let decimals = written.split_once('.').map_or(0, |(_, f)| f.bytes().take_while(u8::is_ascii_digit).count());
            decimals >= 3 && !dot_before_three_digits(written)
        })
        .filter_map(|(path, _)| value_of(path).map(measure_of))
        .collect();
    let mut out = Vec::new();
    for (path, written) in &literals {
        if !dot_before_three_digits(written) {
            continue;
        }
        let measure = match value_of(path) {
            Some(i) if decimal_measures.contains(&measure_of(i)) => continue,
            Some(i) => model.indicators.get(i).and_then(|ind| ind.measure.clone()),
            None if is_count(path) => None,
            None => continue,
        };
        out.push(Problem::at(path.as_str(), ProblemKind::LooksLikeThousands { written: (*written).to_string(), measure }));
    }
    out
}

/// `5.755`, `12.500`, `2.000`: one to three digits, the first not 0, a dot, exactly three digits.
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
fn dot_before_three_digits(written: &str) -> bool {
    let Some((int, frac)) = written.split_once('.') else { return false };
    (1..=3).contains(&int.len())
        && !int.starts_with('0')
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.len() == 3
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// A commune's count: `communes[2].members`, `….targets.met`, `….cellKinds.Chi bộ bản`.
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
fn is_count(path: &str) -> bool {
    let Some(rest) = path.strip_prefix("communes[") else { return false };
    let Some(rest) = rest.trim_start_matches(|c: char| c.is_ascii_digit()).strip_prefix("].") else { return false };
    matches!(rest, "members" | "cells" | "population" | "targets.met" | "targets.over80" | "targets.behind" | "targets.total")
        || rest.starts_with("cellKinds.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::model_from_json;
    use crate::Locale;

    #[test]
    fn warns_about_suspicious_but_valid_data() {
        let m = model_from_json(
            r#"{"communes":[{"name":"Mồ Sì San","members":9,"cells":89},{"name":" MỒ SÌ SAN ","members":86},
               {"name":"Đức Thọ","members":2989,"cells":77}],
               "indicators":[{"name":"Diện tích","value":5755,"percentOfPlan":0.997}]}"#,
        )
        .unwrap();
        let w = warnings(&m, ChartKind::Cells);
        let kinds: Vec<_> = w.iter().map(|p| (p.path.as_str(), &p.kind)).collect();
        assert!(kinds.contains(&("communes[1].name", &ProblemKind::DuplicateName { name: "MỒ SÌ SAN".into(), first: 0 })));
        assert!(kinds.contains(&("communes[0]", &ProblemKind::FewerMembersThanCells { members: 9, cells: 89 })));
        assert!(kinds.contains(&("communes", &ProblemKind::LacksField { field: "cells", names: vec!["MỒ SÌ SAN".into()] })));
        assert!(kinds.contains(&("indicators[0].percentOfPlan", &ProblemKind::PercentLooksLikeFraction { value: 0.997 })));
        assert!(w.iter().all(|p| p.kind.is_warning()));
        let msg = w.iter().map(|p| p.message(Locale::Vi)).collect::<Vec<_>>().join("\n");
        assert!(msg.contains("số đảng viên (9) ít hơn số chi bộ (89)"), "{msg}");
        assert!(msg.contains("nếu ý là 99,7%, hãy viết 99.7"), "{msg}");
        // Members chart: every commune has members, so no "lacks" warning.
        assert!(!warnings(&m, ChartKind::Members).iter().any(|p| matches!(p.kind, ProblemKind::LacksField { .. })));
        // Clean seed data gives no warnings at all.
        let seed = model_from_json(include_str!("../tests/fixtures/seed.json")).unwrap();
        assert_eq!(warnings(&seed, ChartKind::Members), vec![]);
    }

    // Explanations only (see `number_warnings`).
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    #[test]
    fn thousands_dot_warnings_keep_to_their_rule() {
        let model = |text: &str| model_from_json(text).unwrap();
        let paths = |text: &str| -> Vec<String> { number_warnings(text, &model(text)).into_iter().map(|p| p.path).collect() };
        let one = |value: &str| format!(r#"{{"indicators": [{{"name": "A", "value": {value}, "percentOfPlan": 90}}]}}"#);
        for value in ["5.755", "12.500", "999.000", "1.001"] {
            assert_eq!(paths(&one(value)), ["indicators[0].value"], "{value}");
        }
        for value in ["0.755", "5.75", "5.7555", "1234.567", "5755", "5.755e0", "5.7"] {
            assert_eq!(paths(&one(value)), Vec::<String>::new(), "{value}");
        }
        // A column of real decimals (a value of the same measure that cannot be thousands).
        let column = r#"{"indicators": [{"name": "A", "value": 1.250, "measure": "tỷ đồng", "percentOfPlan": 90},
            {"name": "B", "value": 0.875, "measure": "tỷ đồng", "percentOfPlan": 90},
            {"name": "C", "value": 5.755, "measure": "ha", "percentOfPlan": 90}]}"#;
        assert_eq!(paths(column), ["indicators[2].value"]);
        // Counts written so read as whole numbers, so they are not errors: warned about too.
        let counts = r#"{"communes": [{"name": "A", "members": 2.000, "cells": 12, "population": 40065,
            "areaKm2": 48.930, "targets": {"met": 1.000, "over80": 0, "behind": 0}, "cellKinds": {"Chi bộ bản": 12.000}}],
            "indicators": [{"name": "B", "value": 3, "percentOfPlan": 99.725}]}"#;
        let p = number_warnings(counts, &model(counts));
        let found: Vec<&str> = p.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(found, ["communes[0].members", "communes[0].targets.met", "communes[0].cellKinds.Chi bộ bản"]);
        assert_eq!(
            p[0].message(Locale::Vi),
            "`communes[0].members`: JSON đọc 2.000 là số thập phân (dấu chấm là dấu thập phân), nên biểu đồ ghi 2; \
             nếu ý là 2.000 theo cách viết tiếng Việt, hãy viết 2000"
        );
        assert!(p.iter().all(|p| p.kind.is_warning()));
        // The seed data says nothing.
        let seed = include_str!("../tests/fixtures/seed.json");
        assert_eq!(number_warnings(seed, &model(seed)), vec![]);
    }
}
