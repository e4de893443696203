//! The chart's language: number formatting and the few words the chart itself draws.
//!
//! One formatter for every number the reader sees (axis ticks, value labels, table, summary,
//! error messages), so `2.989` / `99,7%` (vi) and `2,989` / `99.7%` (en) never disagree.

/// The languages a chart can speak. `vi` is the default of the product.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    Vi,
    En,
}

impl Locale {
    /// `"vi"`, `"vi-VN"`, `"en"`, `"en-GB"`… (case-insensitive); anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("vi") {
            Some(Locale::Vi)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Locale::En)
        } else {
            None
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Locale::Vi => "vi",
            Locale::En => "en",
        }
    }

    fn group_separator(self) -> char {
        match self {
            Locale::Vi => '.',
            Locale::En => ',',
        }
    }

    fn decimal_separator(self) -> char {
        match self {
            Locale::Vi => ',',
            Locale::En => '.',
        }
    }

    /// An integer with the locale's thousands separator: vi `2.989`, en `2,989`.
    pub fn format_int(self, value: u64) -> String {
        group_digits(&value.to_string(), self.group_separator())
    }

    /// A number with at most `max_decimals` decimals, trailing zeros dropped: vi `99,7`, `102`.
    pub fn format_decimal(self, value: f64, max_decimals: usize) -> String {
        if !value.is_finite() {
            return "–".to_string();
        }
        let fixed = format!("{:.*}", max_decimals, value.abs());
        let (int_part, frac_part) = match fixed.split_once('.') {
            Some((i, f)) => (i, f.trim_end_matches('0')),
            None => (fixed.as_str(), ""),
        };
        let mut out = String::new();
        let is_zero = int_part.chars().all(|c| c == '0') && frac_part.is_empty();
        if value < 0.0 && !is_zero {
            out.push('−');
        }
        out.push_str(&group_digits(int_part, self.group_separator()));
        if !frac_part.is_empty() {
            out.push(self.decimal_separator());
            out.push_str(frac_part);
        }
        out
    }

    /// A percentage (`value` is already in percent): vi `99,7%`, en `99.7%`.
    pub fn format_percent(self, value: f64, max_decimals: usize) -> String {
        let mut s = self.format_decimal(value, max_decimals);
        s.push('%');
        s
    }

    /// The words the chart draws or says, in this language.
    pub fn words(self) -> &'static Words {
        match self {
            Locale::Vi => &VI,
            Locale::En => &EN,
        }
    }
}

fn group_digits(digits: &str, sep: char) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Every fixed string a chart shows, per language.
pub struct Words {
    pub source_prefix: &'static str,
    pub no_data: &'static str,
    pub members: &'static str,
    pub cells: &'static str,
    pub commune: &'static str,
    pub unclassified: &'static str,
    pub and: &'static str,
}

static VI: Words = Words {
    source_prefix: "Nguồn: ",
    no_data: "không có số liệu",
    members: "Đảng viên",
    cells: "Chi bộ",
    commune: "Xã",
    unclassified: "Chưa phân loại",
    and: "và",
};

static EN: Words = Words {
    source_prefix: "Source: ",
    no_data: "no data",
    members: "Party members",
    cells: "Party cells",
    commune: "Commune",
    unclassified: "Not broken down",
    and: "and",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_use_the_locale_grouping() {
        assert_eq!(Locale::Vi.format_int(2989), "2.989");
        assert_eq!(Locale::En.format_int(2989), "2,989");
        assert_eq!(Locale::Vi.format_int(89), "89");
        assert_eq!(Locale::Vi.format_int(1_234_567), "1.234.567");
        assert_eq!(Locale::En.format_int(0), "0");
    }

    #[test]
    fn decimals_and_percentages_follow_the_locale() {
        assert_eq!(Locale::Vi.format_percent(99.7, 1), "99,7%");
        assert_eq!(Locale::En.format_percent(99.7, 1), "99.7%");
        assert_eq!(Locale::Vi.format_percent(41.935, 1), "41,9%");
        assert_eq!(Locale::Vi.format_decimal(5755.0, 1), "5.755");
        assert_eq!(Locale::Vi.format_decimal(102.0, 1), "102");
        assert_eq!(Locale::En.format_decimal(9.888, 1), "9.9");
        assert_eq!(Locale::Vi.format_decimal(-0.01, 1), "0");
        assert_eq!(Locale::Vi.format_decimal(f64::NAN, 1), "–");
    }

    #[test]
    fn tags_are_read_leniently() {
        assert_eq!(Locale::from_tag("vi-VN"), Some(Locale::Vi));
        assert_eq!(Locale::from_tag("EN_gb"), Some(Locale::En));
        assert_eq!(Locale::from_tag("fr"), None);
        assert_eq!(Locale::from_tag(""), None);
    }
}
