//! Hints for numbers written as people write them: a count read as a decimal (`2.989`), a
//! fraction where a percentage was meant (`0.997`), and numbers in quotes (`"99,7%"`, `"5 755
//! ha"`), told how to write them for their field.

use crate::json::JsonType;
use crate::locale::{json_number, Locale};

/// 2.989 where a count is expected: probably 2989 written with a thousands dot.
pub(super) fn thousands_meant(value: f64) -> Option<u64> {
    let thousandths = value * 1000.0;
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "saturating; kept only for values from 1 to 1000")]
    let n = thousandths.round() as u64;
    let three_decimals = (thousandths - thousandths.round()).abs() < 1e-6 && n % 10 != 0;
    (three_decimals && (1.0..1000.0).contains(&value)).then_some(n)
}

/// 0.997 -> "99.7": the JSON number to write for a percentage.
pub(super) fn percent_literal(fraction: f64) -> String {
    json_number((fraction * 1000.0).round() / 10.0)
}

/// What a number field takes, for hints that fit it.
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NumberField {
    /// Whole numbers: `members`, `cells`, `population`, the targets and the cell kinds.
    Count,
    /// `percentOfPlan`: already a percentage.
    Percent,
    /// An indicator's `value`: its unit goes in `measure`.
    Value,
    /// `areaKm2`: in km².
    Area,
}

#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
impl NumberField {
    #[expect(clippy::case_sensitive_file_extension_comparisons, reason = "JSON paths, not file names: keys are case-sensitive")]
    fn of(path: &str) -> NumberField {
        let in_cell_kinds = path.as_bytes().windows(11).any(|w| w == b".cellKinds.");
        if in_cell_kinds {
            NumberField::Count
        } else if path.ends_with(".percentOfPlan") {
            NumberField::Percent
        } else if path.ends_with(".value") {
            NumberField::Value
        } else if path.ends_with(".areaKm2") {
            NumberField::Area
        } else {
            NumberField::Count
        }
    }
}

/// A number written as people write it, in quotes (`"99,7%"`, `"2.989"`, `"5 755 ha"`): the JSON
/// number meant, and what was done to it.
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
#[derive(Debug, PartialEq)]
struct QuotedNumber {
    /// The JSON number to write (`99.7`).
    number: String,
    /// In a field with decimals, one dot or comma before three digits (`"5.755"`) reads either
    /// way: `number` is the thousands (`5755`), this the decimal (`5.755`).
    or_decimal: Option<String>,
    decimal_comma: bool,
    /// The character that grouped thousands: `.`, `,` or a space.
    grouped_by: Option<char>,
    percent: bool,
    /// Words after the number (`ha`, `đảng viên`).
    unit: Option<String>,
}

#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
impl QuotedNumber {
    /// `None` when the text is not a number with separators, a % or a unit (`khoảng 50`, `N/A`).
    fn read(text: &str, field: NumberField) -> Option<QuotedNumber> {
        let text = text.trim();
        // The number as written: digits, dots and commas, and the spaces (a no-break space, an
        // apostrophe) between digits that group thousands; then what follows it.
        let (mut written, mut spaced, mut space_before, mut tail) = (String::new(), false, false, "");
        for (i, c) in text.char_indices() {
            match c {
                '0'..='9' | '.' | ',' => {
                    spaced |= space_before;
                    space_before = false;
                    written.push(c);
                }
                ' ' | '\u{a0}' | '\u{202f}' | '\'' => space_before = true,
                _ => {
                    tail = text.get(i..)?.trim();
                    break;
                }
            }
        }
        while matches!(written.as_bytes().last(), Some(b'.' | b',')) {
            written.pop();
        }
        let bytes = written.as_bytes();
        if !bytes.first()?.is_ascii_digit() {
            return None;
        }
        let unit = match tail.chars().next() {
            None | Some('%') => None,
            Some(c) if c.is_alphabetic() => Some(tail.to_string()),
            Some(_) => return None,
        };
        let is_separator = |b: &u8| *b == b'.' || *b == b',';
        let last = bytes.iter().rposition(is_separator);
        let last_byte = last.and_then(|i| bytes.get(i)).copied();
        let separators = bytes.iter().filter(|b| is_separator(b)).count();
        let same_as_last = bytes.iter().filter(|b| Some(**b) == last_byte).count();
        let after_last = last.map_or(0, |i| bytes.len() - i - 1);
        // Which separator is the decimal point, if any: the last one when both kinds are used (it
        // must be the only one of its kind); none when one kind is repeated; a single one
        // before three digits groups thousands in a count, and reads either way in an amount.
        let (point, either_way) = match (separators, same_as_last) {
            (0, _) => (None, false),
            (n, 1) if n > 1 => (last, false),
            (_, m) if m > 1 && m < separators => return None,
            (_, m) if m > 1 => (None, false),
            _ if field == NumberField::Percent || after_last != 3 => (last, false),
            _ => (None, field != NumberField::Count),
        };
        let number_with = |point: Option<usize>| -> String {
            let mut out = String::new();
            for (i, b) in bytes.iter().enumerate() {
                if Some(i) == point {
                    out.push('.');
                } else if b.is_ascii_digit() {
                    if out == "0" {
                        out.clear(); // no leading zeros: `03` is 3
                    }
                    out.push(char::from(*b));
                }
            }
            out
        };
        let point_byte = point.and_then(|i| bytes.get(i)).copied();
        let grouped_by = bytes.iter().find(|b| is_separator(b) && Some(**b) != point_byte && !either_way).map(|b| char::from(*b));
        Some(QuotedNumber {
            number: number_with(point),
            or_decimal: either_way.then(|| number_with(last)),
            decimal_comma: point_byte == Some(b','),
            grouped_by: grouped_by.or(spaced.then_some(' ')),
            percent: tail.starts_with('%'),
            unit,
        })
    }

    /// What to change, as a list: `không có ngoặc kép, dấu chấm thay cho dấu phẩy thập phân`.
    fn changes(&self, field: NumberField, locale: Locale) -> String {
        let vi = locale == Locale::Vi;
        let pick = |vi_words: &'static str, en_words: &'static str| if vi { vi_words } else { en_words };
        let mut out = String::from(pick("không có ngoặc kép", "without quotes"));
        let mut add = |words: &str| {
            out.push_str(", ");
            out.push_str(words);
        };
        if self.decimal_comma {
            add(pick("dấu chấm thay cho dấu phẩy thập phân", "a dot instead of the decimal comma"));
        }
        match self.grouped_by {
            Some('.') => add(pick("không có dấu chấm ngăn cách hàng nghìn", "without the thousands dots")),
            Some(',') => add(pick("không có dấu phẩy ngăn cách hàng nghìn", "without the thousands commas")),
            Some(_) => add(pick("không có dấu cách giữa các chữ số", "without the spaces between digits")),
            None => {}
        }
        if self.percent {
            add(match field {
                NumberField::Percent => pick(
                    "không có dấu % (percentOfPlan đã tính bằng phần trăm)",
                    "without the % sign (percentOfPlan is already a percentage)",
                ),
                NumberField::Value => pick("dấu % ghi vào trường \"measure\"", "the % goes in \"measure\""),
                _ => pick("không có dấu %", "without the % sign"),
            });
        }
        if let Some(unit) = &self.unit {
            let (before, after) = match field {
                NumberField::Value => (pick("đơn vị (", "the unit ("), pick(") ghi vào trường \"measure\"", ") goes in \"measure\"")),
                NumberField::Area => {
                    (pick("không kèm đơn vị (", "without the unit ("), pick("): areaKm2 đã tính bằng km²", "): areaKm2 is in km²"))
                }
                _ => (pick("không kèm chữ (", "without the words ("), ")"),
            };
            add(&crate::cat!(before, unit, after));
        }
        out
    }
}

/// For a number written in quotes, how to write it for this field: `. Hãy viết 99.7: không có
/// ngoặc kép, dấu chấm thay cho dấu phẩy thập phân, không có dấu % (…)`. Empty for other wrong
/// types.
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
pub(super) fn number_in_quotes_hint(expected: JsonType, found: &crate::json::Value, path: &str, locale: Locale) -> String {
    let crate::json::Value::String(text) = found else { return String::new() };
    if expected != JsonType::Number || !text.bytes().any(|b| b.is_ascii_digit()) {
        return String::new();
    }
    let vi = locale == Locale::Vi;
    let field = NumberField::of(path);
    let Some(q) = QuotedNumber::read(text, field) else {
        let example = match field {
            NumberField::Count => "2989",
            NumberField::Percent => "99.7",
            NumberField::Value => "5755",
            NumberField::Area => "48.93",
        };
        let say =
            if vi { ". Hãy viết một con số không có ngoặc kép, ví dụ " } else { ". Write a number without quotes, e.g. " };
        return crate::cat!(say, example);
    };
    let mut out = String::from(if vi { ". Hãy viết " } else { ". Write " });
    out.push_str(&q.number);
    if let Some(decimal) = &q.or_decimal {
        out.push_str(if vi { " nếu là số hàng nghìn, hoặc " } else { " if it is in the thousands, or " });
        out.push_str(decimal);
        out.push_str(if vi { " nếu là số thập phân" } else { " if it has decimals" });
    }
    out.push_str(": ");
    out.push_str(&q.changes(field, locale));
    out
}

/// Not in the widget's wasm (see [`Problem::located_in`](super::Problem::located_in)).
#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub(super) fn number_in_quotes_hint(_: JsonType, _: &crate::json::Value, _: &str, _: Locale) -> String {
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::{Problem, ProblemKind};

    #[test]
    fn decimals_where_counts_belong_suggest_the_count() {
        let p = Problem::at("communes[0].members", ProblemKind::NotWholeNumber { value: 2.989 });
        assert_eq!(
            p.message(Locale::Vi),
            "`communes[0].members`: cần một số nguyên, nhưng JSON đọc 2.989 là số thập phân (dấu chấm là dấu thập phân). Nếu ý là 2.989 theo cách viết tiếng Việt, hãy viết 2989"
        );
        let p = Problem::at("communes[0].members", ProblemKind::NotWholeNumber { value: 12.5 });
        assert_eq!(p.message(Locale::En), "`communes[0].members`: expected a whole number, found 12.5");
        let p = Problem::at("x", ProblemKind::PercentLooksLikeFraction { value: 0.29 });
        assert_eq!(p.message(Locale::Vi), "`x`: 0.29 nghĩa là 0,29% kế hoạch; nếu ý là 29%, hãy viết 29");
    }

    fn hint(path: &str, text: &str, locale: Locale) -> String {
        let found = crate::json::Value::String(text.into());
        Problem::at(path, ProblemKind::WrongType { expected: JsonType::Number, found }).message(locale)
    }

    #[test]
    fn numbers_in_quotes_are_told_how_to_write_them_for_their_field() {
        assert_eq!(
            hint("indicators[0].percentOfPlan", "99,7%", Locale::Vi),
            "`indicators[0].percentOfPlan`: cần một số, nhưng đang là một chuỗi chữ trong ngoặc kép (\"99,7%\"). Hãy viết 99.7: \
             không có ngoặc kép, dấu chấm thay cho dấu phẩy thập phân, không có dấu % (percentOfPlan đã tính bằng phần trăm)"
        );
        assert_eq!(
            hint("indicators[0].percentOfPlan", "99,7%", Locale::En),
            "`indicators[0].percentOfPlan`: expected a number, found a text in double quotes (\"99,7%\"). Write 99.7: without quotes, \
             a dot instead of the decimal comma, without the % sign (percentOfPlan is already a percentage)"
        );
        let cases = [
            ("communes[0].members", "2.989", "Hãy viết 2989: không có ngoặc kép, không có dấu chấm ngăn cách hàng nghìn"),
            ("communes[0].members", "2,989", "Hãy viết 2989: không có ngoặc kép, không có dấu phẩy ngăn cách hàng nghìn"),
            ("communes[0].population", "1.234.567", "Hãy viết 1234567: không có ngoặc kép, không có dấu chấm ngăn cách hàng nghìn"),
            ("communes[0].members", "2\u{a0}989", "Hãy viết 2989: không có ngoặc kép, không có dấu cách giữa các chữ số"),
            ("communes[0].members", "89 đảng viên", "Hãy viết 89: không có ngoặc kép, không kèm chữ (đảng viên)"),
            ("communes[0].cellKinds.value", "4", "Hãy viết 4: không có ngoặc kép"),
            ("communes[0].targets.met", "03", "Hãy viết 3: không có ngoặc kép"),
            ("indicators[2].percentOfPlan", "99.7 %", "Hãy viết 99.7: không có ngoặc kép, không có dấu % (percentOfPlan"),
            ("indicators[2].percentOfPlan", "102,345", "Hãy viết 102.345: không có ngoặc kép, dấu chấm thay cho dấu phẩy thập phân"),
            ("indicators[0].value", "3,2%", "Hãy viết 3.2: không có ngoặc kép, dấu chấm thay cho dấu phẩy thập phân, dấu % ghi vào trường \"measure\""),
            (
                "indicators[0].value",
                "5.755 ha",
                "Hãy viết 5755 nếu là số hàng nghìn, hoặc 5.755 nếu là số thập phân: không có ngoặc kép, đơn vị (ha) ghi vào trường \"measure\"",
            ),
            ("indicators[0].value", "1.250.000,5", "Hãy viết 1250000.5: không có ngoặc kép, dấu chấm thay cho dấu phẩy thập phân, không có dấu chấm"),
            ("indicators[0].value", "1,250,000.5", "Hãy viết 1250000.5: không có ngoặc kép, không có dấu phẩy ngăn cách hàng nghìn"),
            ("communes[0].areaKm2", "48,93 km2", "Hãy viết 48.93: không có ngoặc kép, dấu chấm thay cho dấu phẩy thập phân, không kèm đơn vị (km2): areaKm2"),
            // Not a number as written: an example for the field.
            ("communes[0].members", "khoảng 90", "Hãy viết một con số không có ngoặc kép, ví dụ 2989"),
            ("indicators[0].percentOfPlan", "~99", "Hãy viết một con số không có ngoặc kép, ví dụ 99.7"),
            ("indicators[0].percentOfPlan", "1,2,3.4,5", "Hãy viết một con số không có ngoặc kép, ví dụ 99.7"),
        ];
        for (path, text, expected) in cases {
            let m = hint(path, text, Locale::Vi);
            assert!(m.contains(&format!("(\"{text}\"). {expected}")), "{path} {text}: {m}");
        }
        // Text without digits gets no hint; other types neither.
        assert!(hint("communes[0].members", "không rõ", Locale::Vi).ends_with("(\"không rõ\")"));
        let p = Problem::at(
            "title",
            ProblemKind::WrongType { expected: JsonType::String, found: crate::json::Value::Number(crate::json::Number::U64(5)) },
        );
        assert!(p.message(Locale::En).ends_with("found a number (5)"));
    }
}
