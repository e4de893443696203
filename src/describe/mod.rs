//! Words for people who do not see the bars: the one-sentence summary (canvas `aria-label`) and
//! the data table (visually hidden `<table>`), both from the model, in the chart's language.

use crate::locale::Locale;
use crate::model::{f64_from_count, ChartKind, Commune, Model};
use crate::text::digits;

mod table;
pub use table::table;

/// One sentence, e.g. "Biểu đồ số đảng viên của 3 xã: nhiều nhất là Đức Thọ (2.989), ít nhất là
/// Pa Vây Sử (86)." or "Pa Vây Sử có nhiều chỉ tiêu đạt và vượt nhất: 13 trên 31."
pub fn summary(model: &Model, kind: ChartKind, locale: Locale) -> String {
    let mut s = match kind {
        ChartKind::Members => extremes(model, locale, Subject::Members),
        ChartKind::Cells => extremes(model, locale, Subject::Cells),
        ChartKind::MembersPerCell => extremes(model, locale, Subject::Ratio),
        ChartKind::MembersPer1000 => extremes(model, locale, Subject::Per1000),
        ChartKind::Targets => targets_sentence(model, locale),
        ChartKind::Indicators => indicators_sentence(model, locale),
        ChartKind::Overview => {
            let mut parts = vec![extremes(model, locale, Subject::Members)];
            if model.communes.iter().any(|c| c.targets.is_some()) {
                parts.push(targets_sentence(model, locale));
            }
            parts.join(". ")
        }
    };
    // `compare`'s reference, as the line's label says it (the overview's: of its members, named).
    let of = if kind == ChartKind::Overview { ChartKind::Members } else { kind };
    if of.is_single_value() {
        let values = crate::stats::values(model, of);
        if let Some(v) = crate::stats::reference(&values, model.compare) {
            let w = locale.words();
            let name = if model.compare == crate::model::Compare::Mean { w.mean } else { w.median };
            let per = matches!(of, ChartKind::MembersPerCell | ChartKind::MembersPer1000);
            let v = if per { locale.format_decimal(v, 2) } else { locale.format_decimal(v, 1) };
            let what = if kind == ChartKind::Overview { crate::cat!(" (", w.members, ")") } else { String::new() };
            s = crate::cat!(s, ". ", name, what, ": ", v);
        }
    }
    // The communes the article is about.
    let mut sep = ". ";
    for c in model.communes.iter().filter(|c| c.highlighted) {
        s = crate::cat!(s, sep, if sep == ". " { locale.words().highlighted } else { "" }, if sep == ". " { ": " } else { "" }, c.name);
        sep = ", ";
    }
    s.push('.');
    s
}

#[derive(Clone, Copy)]
enum Subject {
    Members,
    Cells,
    Ratio,
    Per1000,
}

fn extremes(model: &Model, locale: Locale, subject: Subject) -> String {
    let value = |c: &Commune| -> Option<f64> {
        match subject {
            Subject::Members => c.members.map(f64_from_count),
            Subject::Cells => c.cells.map(f64_from_count),
            Subject::Ratio => c.members_per_cell(),
            Subject::Per1000 => c.members_per_1000(),
        }
    };
    let fmt = |v: f64| match subject {
        Subject::Ratio | Subject::Per1000 => locale.format_fixed(v, 1),
        _ => locale.format_decimal(v, 0),
    };
    let n = model.communes.len();
    let with: Vec<(&str, f64)> = model.communes.iter().filter_map(|c| Some((c.name.as_str(), value(c)?))).collect();
    let max = with.iter().copied().reduce(|a, b| if b.1 > a.1 { b } else { a });
    let min = with.iter().copied().reduce(|a, b| if b.1 < a.1 { b } else { a });
    let what = match (subject, locale) {
        (Subject::Members, Locale::Vi) => "số đảng viên",
        (Subject::Cells, Locale::Vi) => "số chi bộ",
        (Subject::Ratio, Locale::Vi) => "số đảng viên mỗi chi bộ",
        (Subject::Per1000, Locale::Vi) => "số đảng viên trên 1.000 dân",
        (Subject::Per1000, Locale::En) => "Party members per 1,000 residents",
        (Subject::Members, Locale::En) => "Party members",
        (Subject::Cells, Locale::En) => "Party cells",
        (Subject::Ratio, Locale::En) => "Members per party cell",
    };
    let mut s = match locale {
        Locale::Vi => crate::cat!("Biểu đồ ", what, " của ", digits(n as u64), " xã"),
        Locale::En => crate::cat!(what, " in ", digits(n as u64), " ", if n == 1 { "commune" } else { "communes" }),
    };
    if let (Some((max_name, max_v)), Some((min_name, min_v))) = (max, min) {
        let (max_v, min_v) = (fmt(max_v), fmt(min_v));
        s.push_str(&match (locale, with.len() > 1) {
            // Every commune the same (all 0, say): no "most in A (0), fewest in A (0)".
            (Locale::Vi, true) if max_v == min_v && with.len() == n => crate::cat!(": xã nào cũng là ", max_v),
            (Locale::Vi, true) if max_v == min_v => crate::cat!(": xã nào có số liệu cũng là ", max_v),
            (Locale::En, true) if max_v == min_v && with.len() == n => crate::cat!(": ", max_v, " in every commune"),
            (Locale::En, true) if max_v == min_v => crate::cat!(": ", max_v, " in every commune with data"),
            (Locale::Vi, true) => crate::cat!(": nhiều nhất là ", max_name, " (", max_v, "), ít nhất là ", min_name, " (", min_v, ")"),
            (Locale::En, true) => crate::cat!(": most in ", max_name, " (", max_v, "), fewest in ", min_name, " (", min_v, ")"),
            (_, false) => crate::cat!(": ", max_name, " (", max_v, ")"),
        });
    }
    let missing = n - with.len();
    if missing > 0 {
        s.push_str(&crate::cat!("; ", locale.words().no_data, ": ", locale.format_int(missing as u64)));
    }
    s
}

fn targets_sentence(model: &Model, locale: Locale) -> String {
    let best =
        model.communes.iter().filter_map(|c| Some((c.name.as_str(), c.targets?))).reduce(|a, b| if b.1.met > a.1.met { b } else { a });
    // Nobody met one (or none counted any): no "most", as with counts all alike.
    let best = best.filter(|(_, t)| t.met > 0);
    let any = model.communes.iter().any(|c| c.targets.is_some());
    match (best, locale) {
        (None, Locale::Vi) if any => "Không xã nào có chỉ tiêu đạt và vượt".to_string(),
        (None, Locale::En) if any => "No commune met or exceeded a target".to_string(),
        (Some((name, t)), Locale::Vi) => {
            crate::cat!(name, " có nhiều chỉ tiêu đạt và vượt nhất: ", locale.format_int(t.met), " trên ", locale.format_int(t.total()))
        }
        (Some((name, t)), Locale::En) => {
            crate::cat!(name, " met or exceeded the most targets: ", locale.format_int(t.met), " of ", locale.format_int(t.total()))
        }
        (None, Locale::Vi) => "Không xã nào có số liệu chỉ tiêu".to_string(),
        (None, Locale::En) => "No commune has target data".to_string(),
    }
}

fn indicators_sentence(model: &Model, locale: Locale) -> String {
    let with: Vec<(&str, f64)> = model.indicators.iter().filter_map(|i| Some((i.name.as_str(), i.percent_of_plan?))).collect();
    let n = model.indicators.len();
    let met = with.iter().filter(|(_, p)| *p >= 100.0).count();
    let lowest = with.iter().copied().reduce(|a, b| if b.1 < a.1 { b } else { a });
    let mut s = match locale {
        Locale::Vi => crate::cat!(digits(met as u64), " trên ", digits(n as u64), " chỉ tiêu đạt hoặc vượt kế hoạch"),
        Locale::En => crate::cat!(digits(met as u64), " of ", digits(n as u64), " indicators met or beat the plan"),
    };
    if let Some((name, p)) = lowest.filter(|(_, p)| *p < 100.0) {
        s.push_str(&match locale {
            Locale::Vi => crate::cat!("; thấp nhất là ", name, " (", locale.format_plan(p), " kế hoạch)"),
            Locale::En => crate::cat!("; lowest: ", name, " (", locale.format_plan(p), " of plan)"),
        });
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::model_from_json;

    use crate::test_support::SEED;

    #[test]
    fn summary_names_extremes_in_the_locale() {
        let m = model_from_json(SEED).unwrap();
        assert_eq!(
            summary(&m, ChartKind::Members, Locale::Vi),
            "Biểu đồ số đảng viên của 3 xã: nhiều nhất là Đức Thọ (2.989), ít nhất là Pa Vây Sử (86)."
        );
        assert_eq!(summary(&m, ChartKind::Cells, Locale::En), "Party cells in 3 communes: most in Đức Thọ (77), fewest in Mồ Sì San (9).");
        assert_eq!(
            summary(&m, ChartKind::MembersPerCell, Locale::Vi),
            "Biểu đồ số đảng viên mỗi chi bộ của 3 xã: nhiều nhất là Đức Thọ (38,8), ít nhất là Pa Vây Sử (7,8)."
        );
    }

    #[test]
    fn summary_of_communes_all_alike_names_no_extremes() {
        let m = model_from_json(r#"{"communes":[{"name":"A","members":0},{"name":"B","members":0},{"name":"C"}]}"#).unwrap();
        assert_eq!(
            summary(&m, ChartKind::Members, Locale::Vi),
            "Biểu đồ số đảng viên của 3 xã: xã nào có số liệu cũng là 0; không có số liệu: 1."
        );
        assert_eq!(summary(&m, ChartKind::Members, Locale::En), "Party members in 3 communes: 0 in every commune with data; no data: 1.");
        let m = model_from_json(r#"{"communes":[{"name":"A","cells":4},{"name":"B","cells":4}]}"#).unwrap();
        assert_eq!(summary(&m, ChartKind::Cells, Locale::Vi), "Biểu đồ số chi bộ của 2 xã: xã nào cũng là 4.");
    }

    #[test]
    fn targets_nobody_met_name_no_best() {
        let m = model_from_json(r#"{"communes":[{"name":"A","targets":{"met":0,"over80":0,"behind":0}},{"name":"B","targets":{"met":0,"over80":1,"behind":2}}]}"#).unwrap();
        assert!(
            summary(&m, ChartKind::Targets, Locale::Vi).contains("Không xã nào có chỉ tiêu đạt và vượt"),
            "{}",
            summary(&m, ChartKind::Targets, Locale::Vi)
        );
        assert!(summary(&m, ChartKind::Targets, Locale::En).contains("No commune met or exceeded a target"));
    }

    #[test]
    fn summary_of_targets_and_indicators() {
        let m = model_from_json(SEED).unwrap();
        assert_eq!(summary(&m, ChartKind::Targets, Locale::Vi), "Pa Vây Sử có nhiều chỉ tiêu đạt và vượt nhất: 13 trên 31.");
        assert_eq!(
            summary(&m, ChartKind::Indicators, Locale::Vi),
            "1 trên 2 chỉ tiêu đạt hoặc vượt kế hoạch; thấp nhất là Tổng diện tích gieo trồng (99,7% kế hoạch)."
        );
        assert_eq!(
            summary(&m, ChartKind::Indicators, Locale::En),
            "1 of 2 indicators met or beat the plan; lowest: Tổng diện tích gieo trồng (99.7% of plan)."
        );
    }

    #[test]
    fn summary_and_table_state_the_reference_and_the_highlighted() {
        let json = r#"{"compare":"median","highlight":["B"],"communes":[
            {"name":"A","members":10,"cells":1},{"name":"B","members":30,"cells":2},{"name":"C","members":20}]}"#;
        let m = model_from_json(json).unwrap();
        assert_eq!(
            summary(&m, ChartKind::Members, Locale::En),
            "Party members in 3 communes: most in B (30), fewest in A (10). Median: 20. The story is about: B."
        );
        assert!(summary(&m, ChartKind::Overview, Locale::Vi).ends_with(". Trung vị (Đảng viên): 20. Bài viết nói về: B."));
        let (_, rows) = table(&m, ChartKind::Overview, Locale::Vi);
        assert_eq!(rows.last().unwrap()[..2], ["Trung vị", "20"]);
        // No reference for targets; cells' is its own.
        assert!(!summary(&m, ChartKind::Targets, Locale::En).contains("Median"));
        assert!(summary(&m, ChartKind::Cells, Locale::En).contains("Median: 1.5."));
    }

    #[test]
    fn table_holds_every_number() {
        let m = model_from_json(SEED).unwrap();
        let (head, rows) = table(&m, ChartKind::Overview, Locale::Vi);
        assert_eq!(head, ["Xã", "Đảng viên", "Chi bộ", "Đạt và vượt", "Đạt trên 80%", "Khó đạt", "Tổng"]);
        assert_eq!(
            rows[0],
            ["Mồ Sì San", "89", "9 (Chi bộ bản: 4; Chi bộ đơn vị sự nghiệp: 5)", "3 (27,3%)", "3 (27,3%)", "5 (45,5%)", "11"]
        );
        assert_eq!(rows[2], ["Đức Thọ", "2.989", "77", "–", "–", "–", "–"]);
        // Each kind's table has the columns its chart draws, the drawn measure first.
        let (head, rows) = table(&m, ChartKind::Members, Locale::Vi);
        assert_eq!((head, &rows[2]), (vec!["Xã".to_string(), "Đảng viên".to_string()], &vec!["Đức Thọ".to_string(), "2.989".to_string()]));
        let (head, rows) = table(&m, ChartKind::Targets, Locale::En);
        assert_eq!(head, ["Commune", "Met or exceeded", "Above 80%", "Behind", "Total"]);
        assert_eq!(rows[0], ["Mồ Sì San", "3 (27.3%)", "3 (27.3%)", "5 (45.5%)", "11"]);
        let (head, rows) = table(&m, ChartKind::MembersPerCell, Locale::Vi);
        assert_eq!(head, ["Xã", "Đảng viên mỗi chi bộ", "Đảng viên", "Chi bộ"]);
        assert_eq!(rows[2], ["Đức Thọ", "38,8", "2.989", "77"]);
        let (head, rows) = table(&m, ChartKind::Cells, Locale::Vi);
        assert_eq!(head, ["Xã", "Chi bộ", "Chi bộ bản", "Chi bộ đơn vị sự nghiệp"]);
        assert_eq!(rows[0], ["Mồ Sì San", "9", "4", "5"]);
        assert_eq!(rows[2], ["Đức Thọ", "77", "–", "–"]);
        let (head, rows) = table(&m, ChartKind::Indicators, Locale::En);
        assert_eq!(head, ["Unit", "Indicator", "Result", "% of plan"]);
        assert_eq!(rows[0], ["Văn Lãng", "Tổng diện tích gieo trồng", "5,755 ha", "99.7%"]);
    }
}
