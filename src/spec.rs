//! Step 1: JSON text -> [`Spec`], the data format v1 exactly as written, types checked.
//!
//! `json.rs` parses (it gives the line and column of a syntax error); a small walker then reads
//! the `Value` into typed structs while it knows the path of every field, so it can report *all*
//! problems at once, each with its path, in the journalist's language, and suggest the right name
//! for an unknown field. Meaning (non-negative integers, sums) is checked in `model.rs`.

use crate::json::{JsonType, Map, Value};

use crate::problem::{Problem, ProblemKind};

// With the cargo feature `schema-gen` (tests only), these types are also the source of the JSON
// Schema and the TypeScript types (see `schema_gen`): their doc comments are the descriptions
// editors show, in Vietnamese and English, and the `schemars` attributes say what `model.rs`
// checks. The attributes change nothing here; the walker below is what reads the data.
#[cfg(feature = "schema-gen")]
pub mod schema_gen;

/// The whole document. Every field is optional here; `model.rs` says what is required.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "schema-gen", derive(schemars::JsonSchema), schemars(rename_all = "camelCase", deny_unknown_fields))]
pub struct Spec {
    /// Tiêu đề / Title
    pub title: Option<String>,
    /// Phụ đề / Subtitle
    pub subtitle: Option<String>,
    /// Nguồn (hiện là 'Nguồn: …') / Source (shown as 'Source: …')
    pub source: Option<String>,
    /// Ghi chú / Note
    pub note: Option<String>,
    /// Ngôn ngữ: vi hoặc en (mặc định: lang của trang, rồi vi) / Language: vi or en (default:
    /// the page's <html lang>, else vi)
    #[cfg_attr(feature = "schema-gen", schemars(with = "Option<schema_gen::LocaleTag>"))]
    pub locale: Option<String>,
    /// Loại biểu đồ khi data-commune-chart để trống / Chart kind when data-commune-chart is empty
    #[cfg_attr(feature = "schema-gen", schemars(with = "Option<schema_gen::ChartName>"))]
    pub chart: Option<String>,
    /// Thứ tự: none (giữ nguyên), asc, desc / Order: none (yours), asc, desc
    #[cfg_attr(feature = "schema-gen", schemars(with = "Option<schema_gen::SortName>"))]
    pub sort: Option<String>,
    /// Các xã bài viết nói tới: giữ màu đậm, các xã khác nhạt đi (theo tên, không phân biệt hoa
    /// thường) / The communes the article is about: full colour, the others muted (by name,
    /// ignoring case)
    #[cfg_attr(feature = "schema-gen", schemars(length(max = MAX_COMMUNES)))]
    pub highlight: Option<Vec<String>>,
    /// Đường so sánh: none, mean (trung bình) hoặc median (trung vị) / A reference line: none,
    /// mean or median
    #[cfg_attr(feature = "schema-gen", schemars(with = "Option<schema_gen::CompareName>"))]
    pub compare: Option<String>,
    /// Chia nhóm: none, province (theo tỉnh) hoặc district (theo huyện) / Sections: none,
    /// province or district
    #[cfg_attr(feature = "schema-gen", schemars(with = "Option<schema_gen::GroupName>"))]
    pub group: Option<String>,
    /// Các xã, bắt buộc trừ khi có indicators (tối đa 10.000) / Communes, required unless there
    /// are indicators (at most 10,000)
    #[cfg_attr(feature = "schema-gen", schemars(length(max = MAX_COMMUNES)))]
    pub communes: Option<Vec<CommuneSpec>>,
    /// Kết quả so với kế hoạch (tối đa 1.000) / Results against plan (at most 1,000)
    #[cfg_attr(feature = "schema-gen", schemars(length(max = MAX_INDICATORS)))]
    pub indicators: Option<Vec<IndicatorSpec>>,
}

/// Một xã / One commune. Thiếu số liệu thì đừng ghi 0: bỏ trường đó đi, hoặc ghi null / Missing is
/// not zero: leave out (or null) a count that is unknown.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(
    feature = "schema-gen",
    derive(schemars::JsonSchema),
    schemars(rename = "commune", rename_all = "camelCase", deny_unknown_fields)
)]
pub struct CommuneSpec {
    /// Tên xã (bắt buộc) / Commune name (required)
    #[cfg_attr(feature = "schema-gen", schemars(with = "schema_gen::Name"))]
    pub name: Option<String>,
    /// Huyện / District
    pub district: Option<String>,
    /// Tỉnh / Province
    pub province: Option<String>,
    /// Số đảng viên: số nguyên ≥ 0 / Party members: whole number ≥ 0
    #[cfg_attr(feature = "schema-gen", schemars(with = "Option<schema_gen::Count>"))]
    pub members: Option<f64>,
    /// Số chi bộ: số nguyên ≥ 0 / Party cells: whole number ≥ 0
    #[cfg_attr(feature = "schema-gen", schemars(with = "Option<schema_gen::Count>"))]
    pub cells: Option<f64>,
    /// Chi bộ theo loại, theo thứ tự của bạn; cộng lại phải bằng cells / Cells by kind, in your
    /// order; must add up to cells
    #[cfg_attr(feature = "schema-gen", schemars(with = "Option<schema_gen::CellKinds>"))]
    pub cell_kinds: Option<Vec<(String, f64)>>,
    /// Kết quả thực hiện chỉ tiêu / Target fulfilment
    pub targets: Option<TargetsSpec>,
    /// Dân số: số nguyên ≥ 0 / Population: whole number ≥ 0
    #[cfg_attr(feature = "schema-gen", schemars(with = "Option<schema_gen::Count>"))]
    pub population: Option<f64>,
    /// Diện tích (km²) / Area (km²)
    #[cfg_attr(feature = "schema-gen", schemars(range(min = 0)))]
    pub area_km2: Option<f64>,
}

/// Kết quả thực hiện chỉ tiêu Nghị quyết: số chỉ tiêu ở mỗi nhóm / Target fulfilment: how many
/// targets are in each group.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(
    feature = "schema-gen",
    derive(schemars::JsonSchema),
    schemars(rename = "targets", rename_all = "camelCase", deny_unknown_fields)
)]
pub struct TargetsSpec {
    /// Đạt và vượt / Met or exceeded
    #[cfg_attr(feature = "schema-gen", schemars(with = "schema_gen::Count"))]
    pub met: Option<f64>,
    /// Đạt trên 80% / Reached above 80%
    #[cfg_attr(feature = "schema-gen", schemars(with = "schema_gen::Count"))]
    pub over80: Option<f64>,
    /// Đạt thấp, khó đạt / Low or hard to reach
    #[cfg_attr(feature = "schema-gen", schemars(with = "schema_gen::Count"))]
    pub behind: Option<f64>,
    /// Tổng số chỉ tiêu; phải bằng met + over80 + behind / Total; must equal met + over80 + behind
    #[cfg_attr(feature = "schema-gen", schemars(with = "Option<schema_gen::Count>"))]
    pub total: Option<f64>,
}

/// Một kết quả so với kế hoạch, ví dụ của một huyện trong một năm / A result against plan, e.g. a
/// district's year.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(
    feature = "schema-gen",
    derive(schemars::JsonSchema),
    schemars(rename = "indicator", rename_all = "camelCase", deny_unknown_fields)
)]
pub struct IndicatorSpec {
    /// Đơn vị báo cáo (huyện, xã) / Reporting unit
    pub unit: Option<String>,
    /// Tên chỉ tiêu (bắt buộc) / Indicator name (required)
    #[cfg_attr(feature = "schema-gen", schemars(with = "schema_gen::Name"))]
    pub name: Option<String>,
    /// Giá trị đạt được, ví dụ 5755 / Value achieved, e.g. 5755
    #[cfg_attr(feature = "schema-gen", schemars(range(min = 0)))]
    pub value: Option<f64>,
    /// Đơn vị tính, ví dụ ha / Unit of measure, e.g. ha
    pub measure: Option<String>,
    /// Phần trăm kế hoạch: 99.7 nghĩa là 99,7% / Percent of plan: 99.7 means 99.7%
    #[cfg_attr(feature = "schema-gen", schemars(range(min = 0)))]
    pub percent_of_plan: Option<f64>,
}

/// Limits that keep a browser tab responsive; each gives a clear error instead (README, docs).
/// 5 MB of JSON is about 40,000 communes written out in full.
pub const MAX_JSON_BYTES: usize = 5 * 1024 * 1024;
/// Every commune of Vietnam after the 2025 merger is 3,321; a chart of 10,000 is still drawn.
pub const MAX_COMMUNES: usize = 10_000;
pub const MAX_INDICATORS: usize = 1_000;
/// Characters in any one text (name, title, note…); a name is rarely over 40.
pub const MAX_TEXT_CHARS: usize = 1_000;

/// `$schema` is accepted (and ignored) so editors can find the JSON Schema.
pub const DOC_FIELDS: &[&str] = &[
    "$schema",
    "title",
    "subtitle",
    "source",
    "note",
    "locale",
    "chart",
    "sort",
    "highlight",
    "compare",
    "group",
    "communes",
    "indicators",
];
pub const COMMUNE_FIELDS: &[&str] = &["name", "district", "province", "members", "cells", "cellKinds", "targets", "population", "areaKm2"];
pub const TARGET_FIELDS: &[&str] = &["met", "over80", "behind", "total"];
pub const INDICATOR_FIELDS: &[&str] = &["unit", "name", "value", "measure", "percentOfPlan"];

/// Parses and type-checks. On failure, every problem found (a syntax error is always alone).
/// A leading byte-order mark is ignored.
pub fn parse(text: &str) -> Result<Spec, Vec<Problem>> {
    parse_with_locale(text).map_err(|(problems, _)| problems)
}

/// [`parse`], and on failure also the `locale` the document asks for, so its errors are said in
/// that language: read by the same parse when the text is JSON, else found by [`locale_hint`].
pub fn parse_with_locale(text: &str) -> Result<Spec, (Vec<Problem>, Option<String>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_JSON_BYTES {
        let too_large = Problem::at("", ProblemKind::TooLarge { bytes: text.len(), max: MAX_JSON_BYTES });
        return Err((vec![too_large], locale_hint(text)));
    }
    let value = crate::json::parse(text).map_err(|e| (vec![syntax_problem(text, e)], locale_hint(text)))?;
    let mut w = Walker::default();
    let spec = w.document(&value);
    if w.problems.is_empty() {
        Ok(spec)
    } else {
        Err((w.problems, spec.locale))
    }
}

/// `"locale": "…"` found in text that cannot be read as a document (not JSON, or too large), so
/// even a syntax error is said in the language the journalist asked for.
pub fn locale_hint(text: &str) -> Option<String> {
    // A byte search, not `split_once(&str)`: core's substring searcher costs 2 kB of wasm.
    const KEY: &[u8] = b"\"locale\"";
    let at = text.as_bytes().windows(KEY.len()).position(|w| w == KEY)?;
    let after = text.get(at + KEY.len()..)?.trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    let (tag, _) = after.split_once('"')?;
    (tag.len() <= 16).then(|| tag.to_string())
}

fn syntax_problem(text: &str, e: crate::json::SyntaxError) -> Problem {
    let line = e.line.max(1);
    let source_line = text.lines().nth(line - 1).unwrap_or("");
    // The parser's column is 1-based in bytes, at the offending byte; the journalist counts
    // characters: the characters before the offending one, plus one.
    let mut start = e.column.saturating_sub(1).min(source_line.len());
    while start > 0 && !source_line.is_char_boundary(start) {
        start -= 1;
    }
    let column = source_line.get(..start).map_or(1, |prefix| prefix.chars().count() + 1);
    let problem = Problem::at("", ProblemKind::Syntax { line, column, what: e.what, source_line: source_line.to_string() });
    // Natively (the CLI, tests) the error is placed where the mistake is, as the explanations
    // module says it (`explain.rs` does the same there); the reader path's wasm only needs to know
    // that the data is invalid, and does not carry that code.
    #[cfg(not(target_arch = "wasm32"))]
    let problem = problem.located_in(text);
    problem
}

#[derive(Default)]
struct Walker {
    problems: Vec<Problem>,
}

impl Walker {
    fn report(&mut self, path: &str, kind: ProblemKind) {
        self.problems.push(Problem::at(path, kind));
    }

    fn wrong_type(&mut self, path: &str, expected: JsonType, found: &Value) {
        self.report(path, ProblemKind::WrongType { expected, found: found.clone() });
    }

    /// The object at `path`, after reporting its unknown fields.
    fn object<'v>(&mut self, path: &str, v: &'v Value, known: &'static [&'static str]) -> Option<&'v Map> {
        let Value::Object(map) = v else {
            self.wrong_type(path, JsonType::Object, v);
            return None;
        };
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                self.report(&join(path, key), ProblemKind::UnknownField { field: key.clone(), known });
            }
        }
        Some(map)
    }

    fn string(&mut self, map: &Map, path: &str, key: &str) -> Option<String> {
        match map.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => {
                let chars = s.chars().count();
                if chars > MAX_TEXT_CHARS {
                    self.report(&join(path, key), ProblemKind::TooLong { chars, max: MAX_TEXT_CHARS });
                    return None;
                }
                Some(s.clone())
            }
            Some(other) => {
                self.wrong_type(&join(path, key), JsonType::String, other);
                None
            }
        }
    }

    fn number(&mut self, map: &Map, path: &str, key: &str) -> Option<f64> {
        self.number_value(&join(path, key), map.get(key)?)
    }

    fn number_value(&mut self, path: &str, v: &Value) -> Option<f64> {
        match v {
            Value::Null => None,
            Value::Number(n) => match n.as_f64() {
                f if f.is_finite() => Some(f),
                _ => {
                    self.report(path, ProblemKind::NotFinite);
                    None
                }
            },
            other => {
                self.wrong_type(path, JsonType::Number, other);
                None
            }
        }
    }

    /// A list of texts at the top level (`highlight`): each item checked as `string` checks one.
    fn strings(&mut self, map: &Map, key: &str) -> Option<Vec<String>> {
        let items = self.list(map, "", key, MAX_COMMUNES)?;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = crate::cat!(key, "[", crate::text::digits(i as u64), "]");
            match item {
                Value::String(s) if s.chars().count() > MAX_TEXT_CHARS => {
                    self.report(&path, ProblemKind::TooLong { chars: s.chars().count(), max: MAX_TEXT_CHARS });
                }
                Value::String(s) => out.push(s.clone()),
                other => self.wrong_type(&path, JsonType::String, other),
            }
        }
        Some(out)
    }

    fn list<'v>(&mut self, map: &'v Map, path: &str, key: &str, max: usize) -> Option<&'v Vec<Value>> {
        match map.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Array(items)) if items.len() > max => {
                self.report(&join(path, key), ProblemKind::TooMany { count: items.len(), max });
                None
            }
            Some(Value::Array(items)) => Some(items),
            Some(other) => {
                self.wrong_type(&join(path, key), JsonType::Array, other);
                None
            }
        }
    }

    fn document(&mut self, v: &Value) -> Spec {
        let Some(map) = self.object("", v, DOC_FIELDS) else {
            return Spec::default();
        };
        let communes = self.list(map, "", "communes", MAX_COMMUNES).map(|items| {
            items.iter().enumerate().map(|(i, c)| self.commune(&crate::cat!("communes[", crate::text::digits(i as u64), "]"), c)).collect()
        });
        let indicators = self.list(map, "", "indicators", MAX_INDICATORS).map(|items| {
            items
                .iter()
                .enumerate()
                .map(|(i, c)| self.indicator(&crate::cat!("indicators[", crate::text::digits(i as u64), "]"), c))
                .collect()
        });
        Spec {
            title: self.string(map, "", "title"),
            subtitle: self.string(map, "", "subtitle"),
            source: self.string(map, "", "source"),
            note: self.string(map, "", "note"),
            locale: self.string(map, "", "locale"),
            chart: self.string(map, "", "chart"),
            sort: self.string(map, "", "sort"),
            highlight: self.strings(map, "highlight"),
            compare: self.string(map, "", "compare"),
            group: self.string(map, "", "group"),
            communes,
            indicators,
        }
    }

    fn commune(&mut self, path: &str, v: &Value) -> CommuneSpec {
        let Some(map) = self.object(path, v, COMMUNE_FIELDS) else {
            return CommuneSpec::default();
        };
        let cell_kinds = match map.get("cellKinds") {
            None | Some(Value::Null) => None,
            Some(Value::Object(kinds)) => {
                let base = join(path, "cellKinds");
                Some(
                    kinds
                        .iter()
                        .filter_map(|(k, n)| {
                            let chars = k.chars().count();
                            if chars > MAX_TEXT_CHARS {
                                let shown: String = k.chars().take(40).collect::<String>() + "…";
                                self.report(&join(&base, &shown), ProblemKind::TooLong { chars, max: MAX_TEXT_CHARS });
                                return None;
                            }
                            Some((k.clone(), self.number_value(&join(&base, k), n)?))
                        })
                        .collect(),
                )
            }
            Some(other) => {
                self.wrong_type(&join(path, "cellKinds"), JsonType::Object, other);
                None
            }
        };
        let targets = match map.get("targets") {
            None | Some(Value::Null) => None,
            Some(t) => {
                let tp = join(path, "targets");
                self.object(&tp, t, TARGET_FIELDS).map(|tm| TargetsSpec {
                    met: self.number(tm, &tp, "met"),
                    over80: self.number(tm, &tp, "over80"),
                    behind: self.number(tm, &tp, "behind"),
                    total: self.number(tm, &tp, "total"),
                })
            }
        };
        CommuneSpec {
            name: self.string(map, path, "name"),
            district: self.string(map, path, "district"),
            province: self.string(map, path, "province"),
            members: self.number(map, path, "members"),
            cells: self.number(map, path, "cells"),
            cell_kinds,
            targets,
            population: self.number(map, path, "population"),
            area_km2: self.number(map, path, "areaKm2"),
        }
    }

    fn indicator(&mut self, path: &str, v: &Value) -> IndicatorSpec {
        let Some(map) = self.object(path, v, INDICATOR_FIELDS) else {
            return IndicatorSpec::default();
        };
        IndicatorSpec {
            unit: self.string(map, path, "unit"),
            name: self.string(map, path, "name"),
            value: self.number(map, path, "value"),
            measure: self.string(map, path, "measure"),
            percent_of_plan: self.number(map, path, "percentOfPlan"),
        }
    }
}

/// `communes[1]` + `members` -> `communes[1].members`.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        crate::cat!(path, ".", key)
    }
}

#[cfg(test)]
mod tests;
