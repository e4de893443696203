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
        let fixed = round_half_up(value.abs(), max_decimals);
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

/// `value` (non-negative) with `decimals` decimals, rounded as Intl.NumberFormat does: from the
/// shortest decimal that reads back as the same float (`0.15`, not 0.1499999…), ties up
/// (`5755.25` -> `5755.3`, where Rust's `{:.1}` gives `5755.2`). Rust's `Display` for f64 is
/// exactly that shortest form, never in exponent notation.
fn round_half_up(value: f64, decimals: usize) -> String {
    let long = format!("{value}");
    let (int_part, frac) = long.split_once('.').unwrap_or((long.as_str(), ""));
    let kept_frac = frac.bytes().chain(std::iter::repeat(b'0')).take(decimals);
    let mut digits: Vec<u8> = int_part.bytes().chain(kept_frac).collect();
    if frac.as_bytes().get(decimals).is_some_and(|d| *d >= b'5') {
        // Add one at the last kept digit, carrying left.
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            match digits.get_mut(i) {
                Some(d) if *d == b'9' => *d = b'0',
                Some(d) => {
                    *d += 1;
                    break;
                }
                None => break,
            }
        }
    }
    let split = digits.len().saturating_sub(decimals);
    let (i, f) = digits.split_at(split);
    let mut out = String::from_utf8_lossy(i).into_owned();
    if decimals > 0 {
        out.push('.');
        out.push_str(&String::from_utf8_lossy(f));
    }
    out
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
    pub members_per_cell: &'static str,
    pub targets: &'static str,
    /// `met`, `over80`, `behind`, in that order.
    pub target_groups: [&'static str; 3],
    pub total: &'static str,
    pub commune: &'static str,
    pub unclassified: &'static str,
    pub plan_met: &'static str,
    pub plan_below: &'static str,
    /// After a percentage of plan: `99,7% kế hoạch`.
    pub of_plan: &'static str,
    pub indicator: &'static str,
    pub unit: &'static str,
    pub value: &'static str,
    pub percent_of_plan: &'static str,
}

static VI: Words = Words {
    source_prefix: "Nguồn: ",
    no_data: "không có số liệu",
    members: "Đảng viên",
    cells: "Chi bộ",
    members_per_cell: "Đảng viên mỗi chi bộ",
    targets: "Chỉ tiêu Nghị quyết",
    target_groups: ["Đạt và vượt", "Đạt trên 80%", "Khó đạt"],
    total: "Tổng",
    commune: "Xã",
    unclassified: "Chưa phân loại",
    plan_met: "Đạt, vượt kế hoạch",
    plan_below: "Chưa đạt kế hoạch",
    of_plan: "kế hoạch",
    indicator: "Chỉ tiêu",
    unit: "Đơn vị",
    value: "Kết quả",
    percent_of_plan: "% kế hoạch",
};

static EN: Words = Words {
    source_prefix: "Source: ",
    no_data: "no data",
    members: "Party members",
    cells: "Party cells",
    members_per_cell: "Members per cell",
    targets: "Congress targets",
    target_groups: ["Met or exceeded", "Above 80%", "Behind"],
    total: "Total",
    commune: "Commune",
    unclassified: "Not broken down",
    plan_met: "Met or beat plan",
    plan_below: "Below plan",
    of_plan: "of plan",
    indicator: "Indicator",
    unit: "Unit",
    value: "Result",
    percent_of_plan: "% of plan",
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
        assert_eq!(Locale::Vi.format_decimal(5755.25, 1), "5.755,3", "ties round up, as Intl does");
        assert_eq!(Locale::En.format_decimal(9.96, 1), "10");
        assert_eq!(Locale::En.format_decimal(0.15, 1), "0.2", "rounded from the shortest decimal, as Intl does");
        assert_eq!(Locale::En.format_decimal(999.95, 1), "1,000");
        assert_eq!(Locale::En.format_decimal(1e21, 0), "1,000,000,000,000,000,000,000");
        assert_eq!(Locale::En.format_decimal(0.5, 0), "1");
    }

    #[test]
    fn tags_are_read_leniently() {
        assert_eq!(Locale::from_tag("vi-VN"), Some(Locale::Vi));
        assert_eq!(Locale::from_tag("EN_gb"), Some(Locale::En));
        assert_eq!(Locale::from_tag("fr"), None);
        assert_eq!(Locale::from_tag(""), None);
    }
}
