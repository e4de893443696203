//! What each finding of the table reader says, in each locale, its place first as the
//! spreadsheet names it: `dòng 4, cột "Đảng viên": "2.98x" không phải là số` (contract, section 6).

use super::{Issue, IssueKind, Read, Style, Table};
use crate::locale::{json_number, Locale};

/// `dòng 4, cột "Đảng viên"` / `row 4, column "Đảng viên"`; `dòng 4` without a column; a column
/// without a header by its number (`cột 3`).
pub fn place(row: Option<usize>, header: Option<&str>, number: usize, locale: Locale) -> String {
    let Some(row) = row else { return String::new() };
    let (r, c) = match locale {
        Locale::Vi => ("dòng", "cột"),
        Locale::En => ("row", "column"),
    };
    match header {
        Some(h) if !h.is_empty() => format!("{r} {row}, {c} \"{h}\""),
        Some(_) => format!("{r} {row}, {c} {number}"),
        None => format!("{r} {row}"),
    }
}

/// The place of a field whose column the table lacks: by the column's usual name (and, in
/// English, what it holds).
pub fn missing_column(row: usize, field: &super::Field, locale: Locale) -> String {
    let mut out = place(Some(row), field.vi.first().copied(), 0, locale);
    match locale {
        Locale::Vi => out.push_str(" (bảng chưa có cột này)"),
        Locale::En => {
            out.push_str(" (");
            out.push_str(field.label[1]);
            out.push_str("; the table has no such column)");
        }
    }
    out
}

/// A number as read, in the locale's way (`1,234` / `1.234`).
fn shown(value: &Read, locale: Locale) -> String {
    let s = json_number(value.value);
    match locale {
        Locale::Vi => s.replace('.', ","),
        Locale::En => s,
    }
}

/// The first letter in upper case (a sentence without its place: each starts with an ASCII
/// letter; `char::to_uppercase` would link Unicode's case tables into the explanations module).
fn sentence(mut s: String) -> String {
    if let Some(first) = s.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    s
}

impl Issue {
    /// Where it is: its row and column as the spreadsheet names them (empty: the whole table).
    pub fn place(&self, table: &Table, locale: Locale) -> String {
        let column = self.col.and_then(|c| table.columns.get(c));
        place(self.row, column.map(|c| c.header.as_str()), column.map_or(0, |c| c.index + 1), locale)
    }

    /// The sentence: its place, then what is wrong (or was skipped) and how to fix it.
    pub fn message(&self, table: &Table, locale: Locale) -> String {
        let place = self.place(table, locale);
        if place.is_empty() {
            sentence(self.detail(locale))
        } else {
            format!("{place}: {}", self.detail(locale))
        }
    }

    /// [`Issue::message`] without its place.
    pub fn detail(&self, locale: Locale) -> String {
        use Locale::{En, Vi};
        match (&self.kind, locale) {
            (IssueKind::DuplicateColumn { first, second, label }, Vi) => {
                format!("cột \"{first}\" và cột \"{second}\" cùng là {}; hãy xoá bớt một cột", label[0])
            }
            (IssueKind::DuplicateColumn { first, second, label }, En) => {
                format!("columns \"{first}\" and \"{second}\" are both {}; remove one", label[1])
            }
            (IssueKind::HeaderLooksLikeData, Vi) => {
                "hàng đầu tiên phải là tên các cột, ví dụ: Xã, Đảng viên, Chi bộ; hàng này trông như số liệu".into()
            }
            (IssueKind::HeaderLooksLikeData, En) => {
                "the first row must name the columns, for example: Xã, Đảng viên, Chi bộ; this one looks like data".into()
            }
            (IssueKind::NoSeparator { pasted: true }, Vi) => "không thấy dấu tab giữa các cột. Hãy sao chép các ô trực tiếp từ Excel hoặc \
                Google Sheets (không sao chép qua Word)."
                .into(),
            (IssueKind::NoSeparator { pasted: true }, En) => {
                "no tabs between the columns. Copy the cells straight from Excel or Google Sheets (not through Word).".into()
            }
            (IssueKind::NoSeparator { pasted: false }, Vi) => "không thấy dấu phân cách giữa các cột: tệp CSV cần dấu phẩy (,) hoặc \
                dấu chấm phẩy (;) giữa các cột, tệp TSV cần dấu tab"
                .into(),
            (IssueKind::NoSeparator { pasted: false }, En) => {
                "no separator between the columns: a CSV file needs commas (,) or semicolons (;) between its columns, a TSV file tabs"
                    .into()
            }
            (IssueKind::NoNameColumn { indicators: false }, Vi) => {
                "không thấy cột tên xã; hãy đặt tên cột là \"Xã\" (hoặc \"Tên xã\", \"Đơn vị\", \"name\")".into()
            }
            (IssueKind::NoNameColumn { indicators: false }, En) => {
                "no commune name column; name it \"Xã\" (or \"Tên xã\", \"Đơn vị\", \"name\")".into()
            }
            (IssueKind::NoNameColumn { indicators: true }, Vi) => {
                "không thấy cột tên chỉ tiêu; hãy đặt tên cột là \"Chỉ tiêu\" (hoặc \"indicator\")".into()
            }
            (IssueKind::NoNameColumn { indicators: true }, En) => {
                "no indicator name column; name it \"Chỉ tiêu\" (or \"indicator\")".into()
            }
            (IssueKind::NotNumber { raw, .. }, Vi) => format!("\"{raw}\" không phải là số"),
            (IssueKind::NotNumber { raw, .. }, En) => format!("\"{raw}\" is not a number"),
            (IssueKind::NotWhole { raw, value, alt, .. }, _) => not_whole(raw, value, alt.as_ref(), locale),
            (IssueKind::MissingName { indicators: false, .. }, Vi) => "thiếu tên xã".into(),
            (IssueKind::MissingName { indicators: true, .. }, Vi) => "thiếu tên chỉ tiêu".into(),
            (IssueKind::MissingName { indicators: false, .. }, En) => "the commune has no name".into(),
            (IssueKind::MissingName { indicators: true, .. }, En) => "the indicator has no name".into(),
            (IssueKind::NoDataRows, Vi) => "bảng chỉ có hàng tên cột, chưa có hàng số liệu nào".into(),
            (IssueKind::NoDataRows, En) => "the table has only its column names, no data rows".into(),
            (IssueKind::TooManyRows { count, max }, Vi) => format!(
                "bảng có {} hàng số liệu; một biểu đồ vẽ tối đa {}, hãy chia thành nhiều biểu đồ",
                Vi.format_int(*count as u64),
                Vi.format_int(*max as u64)
            ),
            (IssueKind::TooManyRows { count, max }, En) => format!(
                "the table has {} data rows; a chart draws at most {}, split it into several charts",
                En.format_int(*count as u64),
                En.format_int(*max as u64)
            ),
            (IssueKind::TitleRow { text }, Vi) => {
                format!("\"{text}\" ở trên hàng tên cột: được đọc là tiêu đề, không phải số liệu")
            }
            (IssueKind::TitleRow { text }, En) => format!("\"{text}\" is above the column names: read as a title, not data"),
            (IssueKind::UnknownColumn { suggestion, .. }, Vi) => {
                let hint = suggestion.map(|s| format!("; có phải ý bạn là \"{s}\"?")).unwrap_or_default();
                format!("không nhận ra tên cột này nên cột bị bỏ qua{hint}")
            }
            (IssueKind::UnknownColumn { suggestion, .. }, En) => {
                let hint = suggestion.map(|s| format!("; did you mean \"{s}\"?")).unwrap_or_default();
                format!("this column's name is not recognised, so the column is skipped{hint}")
            }
            (IssueKind::TotalRow { name }, Vi) => format!("\"{name}\" trông như hàng tổng nên được bỏ qua"),
            (IssueKind::TotalRow { name }, En) => format!("\"{name}\" looks like a total row and is skipped"),
            (IssueKind::ExtraCells, Vi) => "hàng này có nhiều ô hơn hàng tên cột; các ô thừa bị bỏ qua".into(),
            (IssueKind::ExtraCells, En) => "this row has more cells than the header row; the extra cells are skipped".into(),
        }
    }
}

/// A count with decimals: what was read, and the whole number it would be in the other style.
fn not_whole(raw: &str, value: &Read, alt: Option<&Read>, locale: Locale) -> String {
    // The decimal mark that made it a decimal: the other style's thousands separator.
    let style = if alt.is_some() && raw.contains(',') { Style::Vi } else { Style::En };
    match locale {
        Locale::Vi => {
            let mark = if style == Style::Vi { "dấu phẩy" } else { "dấu chấm" };
            let hint = alt
                .map(|a| format!("; nếu ý là {}, hãy viết {} (bảng này dùng {mark} làm dấu thập phân)", a.json, a.json))
                .unwrap_or_default();
            format!("\"{raw}\" được đọc là {}, nhưng cột này cần số nguyên{hint}", shown(value, locale))
        }
        Locale::En => {
            let mark = if style == Style::Vi { "comma" } else { "point" };
            let hint = alt
                .map(|a| format!("; if you meant {}, write {} (this table uses the {mark} as its decimal mark)", a.json, a.json))
                .unwrap_or_default();
            format!("\"{raw}\" reads as {}, but this column needs a whole number{hint}", shown(value, locale))
        }
    }
}
