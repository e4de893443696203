//! Numbers as people write them in a spreadsheet: Vietnamese style (`2.989,5`: a dot between the
//! thousands, a comma before the decimals) or English style (`2,989.5`), and what a written number
//! says about which style a table uses. The playground's `numbers.js`, ported: its cases are the
//! tests below.
//!
//! A number is kept as JSON writes it (`2989`, `99.7`), from its digits, so no float is formatted
//! or parsed by hand: the value is the JSON reader's reading of those digits.

/// How a table writes its numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `2.989,5`
    Vi,
    /// `2,989.5`
    En,
}

impl Style {
    pub fn other(self) -> Style {
        match self {
            Style::Vi => Style::En,
            Style::En => Style::Vi,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Style::Vi => "vi",
            Style::En => "en",
        }
    }
}

/// A number read from a cell: as JSON text (`-1234.5`) and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    pub json: String,
    pub value: f64,
}

/// What [`read_number`] found.
#[derive(Clone, Debug, PartialEq)]
pub enum NumberRead {
    Number(Read),
    /// Empty, or a "no data" mark ([`MISSING_CELLS`]): not 0.
    Missing,
    /// Not a number.
    Bad,
}

/// Cells that mean "no data" (not 0), compared in lower case.
pub const MISSING_CELLS: [&str; 7] = ["-", "–", "—", "…", "...", "n/a", "na"];

/// White space as JavaScript's `\s` has it (the byte-order mark too).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// `raw` without its spaces (thousands may be grouped by any space, as Excel copies them), its
/// trailing `%` and its sign (true: negative).
fn bare(raw: &str) -> (String, bool) {
    let mut s: String = raw.chars().filter(|c| !is_space(*c)).collect();
    if s.ends_with('%') {
        s.pop();
    }
    let negative = s.starts_with(['-', '−']);
    if let Some(rest) = s.strip_prefix(['-', '−', '+']) {
        s = rest.to_string();
    }
    (s, negative)
}

/// Digits in groups of three after the first one to three, separated by `sep`.
fn grouped_ok(s: &str, sep: char) -> bool {
    let mut groups = s.split(sep);
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len()) && all_digits(first) && groups.all(|g| g.len() == 3 && all_digits(g))
}

fn all_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

fn short_and_three(a: &str, b: &str) -> bool {
    (1..=3).contains(&a.len()) && all_digits(a) && b.len() == 3 && all_digits(b)
}

/// Reads a number as a person wrote it, in `style` (which decides only a single separator before
/// exactly three digits: `2.989` is 2989 in Vietnamese style, 2.989 in English style).
pub fn read_number(raw: &str, style: Style) -> NumberRead {
    let (s, negative) = bare(raw);
    let whole: String = raw.chars().filter(|c| !is_space(*c)).collect();
    if whole.is_empty() || MISSING_CELLS.contains(&whole.to_ascii_lowercase().as_str()) {
        return NumberRead::Missing;
    }
    if !s.starts_with(|c: char| c.is_ascii_digit())
        || !s.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        || s.ends_with(['.', ','])
    {
        return NumberRead::Bad;
    }
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let (int_part, frac): (String, &str) = if dots > 0 && commas > 0 {
        let (dec, thousands) = if s.rfind('.') > s.rfind(',') { ('.', ',') } else { (',', '.') };
        let Some((int_part, frac)) = s.rsplit_once(dec) else { return NumberRead::Bad };
        if frac.contains(thousands) || !grouped_ok(int_part, thousands) {
            return NumberRead::Bad;
        }
        (int_part.replace(thousands, ""), frac)
    } else if dots + commas > 1 {
        let sep = if dots > 0 { '.' } else { ',' };
        if !grouped_ok(&s, sep) {
            return NumberRead::Bad;
        }
        (s.replace(sep, ""), "")
    } else if dots + commas == 1 {
        let one = if dots > 0 { '.' } else { ',' };
        let decimal = if style == Style::En { '.' } else { ',' };
        let Some((a, b)) = s.split_once(one) else { return NumberRead::Bad };
        if one != decimal && short_and_three(a, b) {
            (format!("{a}{b}"), "") // 2.989 (vi) or 1,234 (en): a thousands separator
        } else {
            (a.to_string(), b) // 99,7 (vi), 99.7 anywhere: decimals
        }
    } else {
        (s.clone(), "")
    };
    let int_part = int_part.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let zero = int_part.is_empty() && frac.is_empty();
    let mut json = String::with_capacity(int_part.len() + frac.len() + 3);
    if negative && !zero {
        json.push('-');
    }
    json.push_str(if int_part.is_empty() { "0" } else { int_part });
    if !frac.is_empty() {
        json.push('.');
        json.push_str(frac);
    }
    match crate::json::parse(&json) {
        Ok(crate::json::Value::Number(n)) if n.as_f64().is_finite() => NumberRead::Number(Read { value: n.as_f64(), json }),
        _ => NumberRead::Bad,
    }
}

/// What a written number says about the style, if anything. `1.234,5`, `1.234.567`, `99,7` and
/// `2.989` in a whole-number column are Vietnamese; `1,234.5`, `1,234,567`, `99.7` and `2,989`
/// in a whole-number column English; `89` says nothing, nor does `2.989` in a decimal column.
pub fn style_clue(raw: &str, whole_numbers: bool) -> Option<Style> {
    let (s, _) = bare(raw);
    let b = s.as_bytes();
    let digit_ends = b.first().is_some_and(u8::is_ascii_digit) && b.last().is_some_and(u8::is_ascii_digit) && b.len() >= 2;
    if !digit_ends || !b.iter().all(|c| c.is_ascii_digit() || *c == b'.' || *c == b',') {
        return None;
    }
    let (d, c) = (s.rfind('.'), s.rfind(','));
    let sep = match (d, c) {
        (Some(d), Some(c)) => return Some(if d > c { Style::En } else { Style::Vi }),
        (None, None) => return None,
        (Some(_), None) => '.',
        (None, Some(_)) => ',',
    };
    let by_sep = |dot_means: Style| if sep == '.' { dot_means } else { dot_means.other() };
    let parts: Vec<&str> = s.split(sep).collect();
    if parts.len() > 2 {
        return Some(by_sep(Style::Vi)); // 1.234.567: thousands
    }
    if let [a, b] = parts.as_slice() {
        if short_and_three(a, b) {
            return whole_numbers.then(|| by_sep(Style::Vi));
        }
    }
    Some(by_sep(Style::En)) // 99.7: decimals
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The answer as one value: the number, "missing" or "bad".
    fn read(raw: &str, style: Style) -> String {
        match read_number(raw, style) {
            NumberRead::Number(r) => r.json,
            NumberRead::Missing => "missing".into(),
            NumberRead::Bad => "bad".into(),
        }
    }
    use Style::{En, Vi};

    #[test]
    fn vietnamese_style() {
        for (raw, v) in [
            ("2.989", "2989"),
            ("40.065", "40065"),
            ("1.234.567", "1234567"),
            ("99,7", "99.7"),
            ("48,93", "48.93"),
            ("1.234,5", "1234.5"),
            ("12.345,678", "12345.678"),
            ("0,5", "0.5"),
        ] {
            assert_eq!(read(raw, Vi), v, "{raw}");
        }
    }

    #[test]
    fn english_style_and_the_other_styles_thousands() {
        for (raw, v) in [("1,234", "1234"), ("2,989", "2989"), ("1,234,567", "1234567"), ("99.7", "99.7"), ("1,234.5", "1234.5")] {
            assert_eq!(read(raw, En), v, "{raw}");
        }
        // The other style's thousands read as decimals: what the number style choice is for.
        assert_eq!(read("2.989", En), "2.989");
        assert_eq!(read("1,234", Vi), "1.234");
    }

    #[test]
    fn the_cell_itself_overrides_the_style() {
        assert_eq!(read("1.234,5", En), "1234.5");
        assert_eq!(read("1,234.5", Vi), "1234.5");
        assert_eq!(read("99.7", Vi), "99.7");
        assert_eq!(read("99,7", En), "99.7");
        assert_eq!(read("1.2345", Vi), "1.2345");
        assert_eq!(read("1.234.567", En), "1234567");
        assert_eq!(read("1,234,567", Vi), "1234567");
    }

    #[test]
    fn spaces_percent_signs_and_no_data_marks() {
        assert_eq!(read("40 065", Vi), "40065");
        assert_eq!(read("40\u{a0}065", Vi), "40065");
        assert_eq!(read("40\u{202f}065", En), "40065");
        assert_eq!(read("  7 ", Vi), "7");
        assert_eq!(read("99,7%", Vi), "99.7");
        assert_eq!(read("102%", En), "102");
        assert_eq!(read("-5", Vi), "-5");
        assert_eq!(read("\u{2212}5", Vi), "-5");
        assert_eq!(read("+5", Vi), "5");
        assert_eq!(read("-1.234,5", Vi), "-1234.5");
        for mark in ["", "   ", "-", "–", "—", "…", "...", "n/a", "N/A", "NA"] {
            assert_eq!(read(mark, Vi), "missing", "{mark:?}");
        }
        // Written as JSON would: no leading zeros, no trailing decimal zeros, no -0.
        assert_eq!(read("007", Vi), "7");
        assert_eq!(read("5,50", Vi), "5.5");
        assert_eq!(read("-0", Vi), "0");
        assert_eq!(read("0,0", Vi), "0");
        assert!(matches!(read_number("1.234,5", Vi), NumberRead::Number(Read { value, .. }) if value == 1234.5));
    }

    #[test]
    fn anything_else_is_not_a_number() {
        for raw in
            ["2.98x", "abc", "1.2.3", "1.23.456", "1,2,3", "1.234,5,6", "1,", "12.", ".5", ",5", "1e3", "0x10", "5-", "1 ha", "=SUM(B2:B9)"]
        {
            assert_eq!(read(raw, Vi), "bad", "{raw} (vi)");
            assert_eq!(read(raw, En), "bad", "{raw} (en)");
        }
        // Too large for a number.
        assert_eq!(read(&format!("1{}", "0".repeat(400)), Vi), "bad");
    }

    #[test]
    fn style_clues() {
        let clue = |raw: &str, whole: bool| style_clue(raw, whole).map(Style::tag);
        assert_eq!(clue("1.234,5", false), Some("vi"));
        assert_eq!(clue("1,234.5", false), Some("en"));
        assert_eq!(clue("-1.234,5", false), Some("vi"));
        assert_eq!(clue("1.234.567", true), Some("vi"));
        assert_eq!(clue("1,234,567", true), Some("en"));
        assert_eq!(clue("99,7", false), Some("vi"));
        assert_eq!(clue("99.7", false), Some("en"));
        assert_eq!(clue("99,7%", false), Some("vi"));
        assert_eq!(clue("2.989", true), Some("vi"));
        assert_eq!(clue("2,989", true), Some("en"));
        assert_eq!(clue("2.989", false), None);
        assert_eq!(clue("2,989", false), None);
        assert_eq!(clue("89", true), None);
        assert_eq!(clue("12%", false), None);
        assert_eq!(clue("x", true), None);
        assert_eq!(clue("", true), None);
    }
}
