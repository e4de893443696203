//! The column names a table may use: which JSON field each one fills, in a communes table or an
//! indicators table, matched without case or diacritics (contract, section 6); a near name for a
//! typo. The playground's `fields.js`, ported (the playground's help lists these names).

use crate::letters::{fold, Marks};

/// Which table: one commune a row, or one indicator a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    Communes,
    Indicators,
}

impl TableKind {
    /// The JSON list the rows become.
    pub fn list(self) -> &'static str {
        match self {
            TableKind::Communes => "communes",
            TableKind::Indicators => "indicators",
        }
    }
}

/// What a column's cells hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    Text,
    /// A count: whole numbers only.
    Int,
    Number,
}

impl FieldType {
    pub fn name(self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::Int => "int",
            FieldType::Number => "number",
        }
    }
}

/// A JSON field, and the column names that mean it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Field {
    /// Where it goes in an item: `members`, `targets.met`.
    pub key: &'static str,
    pub table: TableKind,
    pub ty: FieldType,
    /// What it is, in Vietnamese and English messages.
    pub label: [&'static str; 2],
    pub vi: &'static [&'static str],
    pub en: &'static [&'static str],
    /// A column of this name makes the table an indicators table.
    pub marks_indicators: bool,
}

const fn field(
    key: &'static str,
    table: TableKind,
    ty: FieldType,
    label: [&'static str; 2],
    vi: &'static [&'static str],
    en: &'static [&'static str],
) -> Field {
    Field { key, table, ty, label, vi, en, marks_indicators: false }
}

const fn marking(f: Field) -> Field {
    Field { marks_indicators: true, ..f }
}

use FieldType::{Int, Number, Text};
use TableKind::{Communes as C, Indicators as I};

/// Every field, with the names that mean it, Vietnamese then English (the first is the one the
/// help shows first).
pub static FIELDS: [Field; 16] = [
    field(
        "name",
        C,
        Text,
        ["tên xã", "the commune name"],
        &[
            "Xã",
            "Tên xã",
            "Đơn vị",
            "Tên đơn vị",
            "Đảng bộ",
            "Đảng bộ xã",
            "Tên đảng bộ",
            "Xã, phường",
            "Xã/phường",
            "Phường",
            "Tên",
            "Địa phương",
        ],
        &["name", "commune", "commune name", "ward"],
    ),
    field("district", C, Text, ["huyện", "the district"], &["Huyện", "Quận/huyện", "Quận, huyện", "Tên huyện"], &["district"]),
    field(
        "province",
        C,
        Text,
        ["tỉnh", "the province"],
        &["Tỉnh", "Tỉnh/thành phố", "Tỉnh, thành phố", "Tỉnh/TP", "Tỉnh thành"],
        &["province"],
    ),
    field(
        "members",
        C,
        Int,
        ["số đảng viên", "party members"],
        &["Đảng viên", "Số đảng viên", "Tổng số đảng viên", "Số lượng đảng viên"],
        &["members", "party members", "member"],
    ),
    field(
        "cells",
        C,
        Int,
        ["số chi bộ", "party cells"],
        &[
            "Chi bộ",
            "Số chi bộ",
            "Chi bộ trực thuộc",
            "Số chi bộ trực thuộc",
            "Tổ chức đảng trực thuộc",
            "Tổ chức cơ sở đảng",
            "Chi, đảng bộ trực thuộc",
        ],
        &["cells", "party cells", "cell"],
    ),
    field(
        "targets.met",
        C,
        Int,
        ["số chỉ tiêu đạt và vượt", "targets met"],
        &["Đạt và vượt", "Chỉ tiêu đạt và vượt", "Đạt, vượt", "Đạt vượt"],
        &["met", "targets met", "met or exceeded", "targets.met"],
    ),
    field(
        "targets.over80",
        C,
        Int,
        ["số chỉ tiêu đạt trên 80%", "targets over 80%"],
        &["Đạt trên 80%", "Chỉ tiêu đạt trên 80%", "Trên 80%", "Đạt trên 80"],
        &["over80", "over 80%", "targets.over80"],
    ),
    field(
        "targets.behind",
        C,
        Int,
        ["số chỉ tiêu khó đạt", "targets behind"],
        &["Khó đạt", "Đạt thấp", "Chỉ tiêu khó đạt", "Chưa đạt", "Không đạt"],
        &["behind", "low", "targets.behind"],
    ),
    field(
        "targets.total",
        C,
        Int,
        ["tổng số chỉ tiêu", "total targets"],
        &["Tổng số chỉ tiêu", "Tổng chỉ tiêu", "Số chỉ tiêu"],
        &["total", "total targets", "targets total", "targets.total"],
    ),
    field("population", C, Int, ["dân số", "population"], &["Dân số", "Số dân", "Dân số (người)"], &["population"]),
    field(
        "areaKm2",
        C,
        Number,
        ["diện tích", "area"],
        &["Diện tích (km2)", "Diện tích", "Diện tích tự nhiên", "Diện tích tự nhiên (km2)"],
        &["areaKm2", "area", "area (km2)", "area km2"],
    ),
    field(
        "unit",
        I,
        Text,
        ["đơn vị", "the unit"],
        &["Đơn vị", "Tên đơn vị", "Xã", "Huyện", "Địa phương"],
        &["unit", "commune", "district"],
    ),
    marking(field(
        "name",
        I,
        Text,
        ["tên chỉ tiêu", "the indicator name"],
        &["Chỉ tiêu", "Tên chỉ tiêu", "Nội dung", "Nội dung chỉ tiêu"],
        &["indicator", "name", "indicator name"],
    )),
    marking(field(
        "value",
        I,
        Number,
        ["giá trị", "the value"],
        &["Giá trị", "Kết quả", "Thực hiện", "Kết quả thực hiện"],
        &["value", "result"],
    )),
    marking(field("measure", I, Text, ["đơn vị tính", "the measure"], &["Đơn vị tính", "ĐVT"], &["measure", "unit of measure"])),
    marking(field(
        "percentOfPlan",
        I,
        Number,
        ["% kế hoạch", "percent of plan"],
        &["% kế hoạch", "% so với kế hoạch", "So với kế hoạch", "Tỷ lệ so với kế hoạch", "Tỉ lệ so với kế hoạch", "Đạt % kế hoạch", "% KH"],
        &["percentOfPlan", "percent of plan", "% of plan"],
    )),
];

/// Row-number columns, skipped without a note (as normalised by [`norm_header`]; `#` is empty).
pub const IGNORED_HEADERS: [&str; 6] = ["stt", "tt", "so tt", "so thu tu", "no", ""];
/// Names of a row that sums the others (normalised).
pub const TOTAL_NAMES: [&str; 9] = ["tong", "tong cong", "cong", "tong so", "total", "toan huyen", "toan tinh", "toan xa", "chung"];

/// Lower case, no diacritics, `đ` as `d`, `²` as `2`, only letters a–z, digits and `%` kept, the
/// rest one space between words: `  ĐẢNG VIÊN (người) ` → `dang vien nguoi`.
pub fn norm_header(s: &str) -> String {
    let folded = fold(s, Marks::Drop);
    let mut out = String::with_capacity(folded.len());
    let mut gap = false;
    for c in folded.chars() {
        let c = if c == '²' { '2' } else { c };
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '%' {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// `s` without what is in parentheses (`Dân số (người, 2024)` → `Dân số  `).
fn without_parens(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest.get(open..).and_then(|r| r.find(')')) else { break };
        out.push_str(rest.get(..open).unwrap_or(""));
        out.push(' ');
        rest = rest.get(open + close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// A column name's field, and the language of the name (true: English).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Alias {
    pub field: &'static Field,
    pub english: bool,
}

fn alias(normalised: &str, table: TableKind) -> Option<Alias> {
    // The first field that has the name, its Vietnamese names before its English ones.
    FIELDS.iter().filter(|f| f.table == table).find_map(|f| {
        if f.vi.iter().any(|a| norm_header(a) == normalised) {
            Some(Alias { field: f, english: false })
        } else if f.en.iter().any(|a| norm_header(a) == normalised) {
            Some(Alias { field: f, english: true })
        } else {
            None
        }
    })
}

/// The field a column name means in a table of `table`, and its language.
pub fn lookup_header(text: &str, table: TableKind) -> Option<Alias> {
    alias(&norm_header(text), table).or_else(|| alias(&norm_header(&without_parens(text)), table))
}

/// Whether a column of this name makes the table an indicators table (English `name` does not).
pub fn marks_indicators(text: &str) -> bool {
    lookup_header(text, TableKind::Indicators).is_some_and(|a| a.field.marks_indicators && !(a.english && a.field.key == "name"))
}

/// Any other communes column whose name starts with "Chi bộ" (`Chi bộ bản`, `Chi bộ trường học`)
/// is a kind of cell, `cellKinds` in the JSON (contract, section 6).
pub fn is_cell_kind(text: &str) -> bool {
    norm_header(text).strip_prefix("chi bo ").is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
}

/// The edit distance (insertions, deletions, substitutions) between two strings.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let del = prev.get(j + 1).copied().unwrap_or(usize::MAX - 1) + 1;
            let ins = cur.get(j).copied().unwrap_or(usize::MAX - 1) + 1;
            let sub = prev.get(j).copied().unwrap_or(usize::MAX - 1) + usize::from(ca != *cb);
            cur.push(del.min(ins).min(sub));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// A known column name close to `text` (a typo), if any: within a quarter of its letters.
pub fn suggest_header(text: &str, table: TableKind) -> Option<&'static str> {
    let n = norm_header(text);
    if n.is_empty() {
        return None;
    }
    let mut best: Option<(usize, &'static str)> = None;
    for f in FIELDS.iter().filter(|f| f.table == table) {
        for a in f.vi.iter().chain(f.en.iter()) {
            let d = levenshtein(&n, &norm_header(a));
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, a));
            }
        }
    }
    best.filter(|(d, _)| *d <= (n.chars().count() / 4).max(1)).map(|(_, a)| a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str, table: TableKind) -> Option<&'static str> {
        lookup_header(text, table).map(|a| a.field.key)
    }

    #[test]
    fn column_names_without_case_diacritics_or_parentheses() {
        assert_eq!(norm_header("  ĐẢNG VIÊN (người) "), "dang vien nguoi");
        assert_eq!(norm_header("Diện tích (km²)"), "dien tich km2");
        assert_eq!(norm_header("#"), "");
        for h in ["Đảng viên", "dang vien", "ĐẢNG VIÊN", "Số đảng viên", "party members"] {
            assert_eq!(key(h, C), Some("members"), "{h}");
        }
        assert_eq!(lookup_header("Đảng viên", C).map(|a| a.english), Some(false));
        assert_eq!(lookup_header("Members", C).map(|a| a.english), Some(true));
        assert_eq!(key("Dân số (người, 2024)", C), Some("population"));
        assert_eq!(key("Đạt trên 80%", C), Some("targets.over80"));
        // "Đơn vị" is the commune in a communes table, the reporting unit in an indicators table.
        assert_eq!(key("Đơn vị", C), Some("name"));
        assert_eq!(key("Đơn vị", I), Some("unit"));
        assert_eq!(key("Ghi chú", C), None);
        // Only indicator columns make an indicators table (English "name" does not).
        assert!(marks_indicators("Chỉ tiêu"));
        assert!(marks_indicators("% kế hoạch"));
        assert!(!marks_indicators("name"));
        assert!(!marks_indicators("Đơn vị"));
        assert_eq!(suggest_header("Dang vein", C), Some("Đảng viên"));
        assert_eq!(suggest_header("Ghi chú", C), None);
        // Every known name leads back to its own field (no name is claimed twice in one table).
        for f in &FIELDS {
            for name in f.vi.iter().chain(f.en.iter()) {
                assert_eq!(lookup_header(name, f.table).map(|a| a.field), Some(f), "{name}");
            }
        }
    }

    #[test]
    fn chi_bo_columns_are_kinds_of_cells() {
        assert!(is_cell_kind("Chi bộ bản"));
        assert!(is_cell_kind("CHI BỘ TRƯỜNG HỌC"));
        assert!(!is_cell_kind("Chi bộ"));
        assert!(!is_cell_kind("Village cells"));
    }
}
