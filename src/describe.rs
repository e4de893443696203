//! Words for people who do not see the bars: the one-sentence summary (canvas `aria-label`) and
//! the data table (visually hidden `<table>`), both from the model, in the chart's language.

use crate::locale::Locale;
use crate::model::{ChartKind, Model};

/// "Biểu đồ số đảng viên của 3 xã: nhiều nhất là Đức Thọ (2.989), ít nhất là Pa Vây Sử (86)."
pub fn summary(model: &Model, kind: ChartKind, locale: Locale) -> String {
    let w = locale.words();
    type Value = fn(&crate::model::Commune) -> Option<u64>;
    let (what_vi, what_en, value): (&str, &str, Value) = match kind {
        ChartKind::Cells => ("số chi bộ", "Party cells", |c| c.cells),
        _ => ("số đảng viên", "Party members", |c| c.members),
    };
    let n = model.communes.len();
    let with: Vec<(&str, u64)> = model.communes.iter().filter_map(|c| Some((c.name.as_str(), value(c)?))).collect();
    let max = with.iter().max_by_key(|(_, v)| *v);
    let min = with.iter().min_by_key(|(_, v)| *v);
    let missing = n - with.len();
    let mut s = match locale {
        Locale::Vi => format!("Biểu đồ {what_vi} của {n} xã"),
        Locale::En => format!("{what_en} in {n} {}", if n == 1 { "commune" } else { "communes" }),
    };
    if let (Some((max_name, max_v)), Some((min_name, min_v))) = (max, min) {
        let (max_v, min_v) = (locale.format_int(*max_v), locale.format_int(*min_v));
        s.push_str(&match (locale, with.len() > 1) {
            (Locale::Vi, true) => format!(": nhiều nhất là {max_name} ({max_v}), ít nhất là {min_name} ({min_v})"),
            (Locale::En, true) => format!(": most in {max_name} ({max_v}), fewest in {min_name} ({min_v})"),
            (_, false) => format!(": {max_name} ({max_v})"),
        });
    }
    if missing > 0 {
        s.push_str(&format!("; {}: {}", w.no_data, locale.format_int(missing as u64)));
    }
    s.push('.');
    s
}

/// Header and rows of the data table, every number formatted for the locale; "–" where missing.
pub fn table(model: &Model, locale: Locale) -> (Vec<String>, Vec<Vec<String>>) {
    let w = locale.words();
    let fmt = |v: Option<u64>| v.map_or_else(|| "–".to_string(), |v| locale.format_int(v));
    let header = vec![w.commune.to_string(), w.members.to_string(), w.cells.to_string()];
    let rows = model
        .communes
        .iter()
        .map(|c| {
            let mut cells = fmt(c.cells);
            if !c.cell_kinds.is_empty() {
                let parts: Vec<String> = c.cell_kinds.iter().map(|(k, n)| format!("{k}: {}", locale.format_int(*n))).collect();
                cells = format!("{cells} ({})", parts.join("; "));
            }
            vec![c.name.clone(), fmt(c.members), cells]
        })
        .collect();
    (header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::model_from_json;

    #[test]
    fn summary_names_extremes_in_the_locale() {
        let m = model_from_json(include_str!("../tests/fixtures/seed.json")).unwrap();
        assert_eq!(
            summary(&m, ChartKind::Members, Locale::Vi),
            "Biểu đồ số đảng viên của 3 xã: nhiều nhất là Đức Thọ (2.989), ít nhất là Pa Vây Sử (86)."
        );
        assert_eq!(
            summary(&m, ChartKind::Cells, Locale::En),
            "Party cells in 3 communes: most in Đức Thọ (77), fewest in Mồ Sì San (9)."
        );
    }

    #[test]
    fn table_holds_every_number() {
        let m = model_from_json(r#"{"communes":[{"name":"A","members":2989,"cellKinds":{"Bản":4,"Khác":5}},{"name":"B"}]}"#).unwrap();
        let (head, rows) = table(&m, Locale::Vi);
        assert_eq!(head, ["Xã", "Đảng viên", "Chi bộ"]);
        assert_eq!(rows[0], ["A", "2.989", "9 (Bản: 4; Khác: 5)"]);
        assert_eq!(rows[1], ["B", "–", "–"]);
    }
}
