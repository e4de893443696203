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
        group_digits(&crate::text::digits(value), self.group_separator())
    }

    /// A number with at most `max_decimals` decimals, trailing zeros dropped: vi `99,7`, `102`.
    pub fn format_decimal(self, value: f64, max_decimals: usize) -> String {
        self.decimals(value, max_decimals, false)
    }

    /// A number with exactly `decimals` decimals, so a column of them reads alike: vi `35,0`
    /// beside `35,3` (members per cell), not `35`.
    pub fn format_fixed(self, value: f64, decimals: usize) -> String {
        self.decimals(value, decimals, true)
    }

    fn decimals(self, value: f64, decimals: usize, keep_zeros: bool) -> String {
        if !value.is_finite() {
            return "–".to_string();
        }
        let fixed = round_half_up(value.abs(), decimals);
        let (int_part, frac_part) = match fixed.split_once('.') {
            Some((i, f)) => (i, if keep_zeros { f } else { f.trim_end_matches('0') }),
            None => (fixed.as_str(), ""),
        };
        let mut out = String::new();
        let is_zero = int_part.chars().all(|c| c == '0') && frac_part.chars().all(|c| c == '0');
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

    /// A percentage of plan, with as many decimals as it takes (up to 4) for a value below 100 not
    /// to read as 100%: 99.95 is `99,95%`, drawn as not met, so the label agrees with the colour.
    pub fn format_plan(self, percent: f64) -> String {
        let mut decimals = 1;
        while percent < 100.0 && decimals < 4 && self.format_decimal(percent, decimals) == "100" {
            decimals += 1;
        }
        self.format_percent(percent, decimals)
    }

    /// A formatted number with its unit, by one rule: a percent sign is attached, as in the
    /// chart's own percentages (`3,2%`, not `3,2 %`); any other unit follows a space (`5.755 ha`).
    pub fn with_unit(number: String, unit: Option<&String>) -> String {
        match unit.map(|u| u.trim()) {
            None | Some("") => number,
            Some(u) if u.starts_with('%') => crate::cat!(number, u),
            Some(u) => crate::cat!(number, " ", u),
        }
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
/// (`5755.25` -> `5755.3`, where Rust's `{:.1}` gives `5755.2`). That shortest form comes from
/// ryu (`small` tables), not from core's `{}` for f64, which costs twice the wasm.
fn round_half_up(value: f64, decimals: usize) -> String {
    let mut buffer = ryu::Buffer::new();
    let (int_part, frac) = positional(buffer.format(value));
    let int_part = int_part.as_str();
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
    // ASCII digits: each byte is its character.
    let mut out: String = i.iter().map(|&d| char::from(d)).collect();
    if decimals > 0 {
        out.push('.');
        out.extend(f.iter().map(|&d| char::from(d)));
    }
    out
}

/// A number as JSON would have it written (`2.989`, `12.5`, `0.29`, `2077395710468448.8`): the
/// shortest digits that read back as the same float, never in exponent notation, for messages
/// that quote what was read.
pub fn json_number(v: f64) -> String {
    if !v.is_finite() {
        return "null".to_string();
    }
    let mut buffer = ryu::Buffer::new();
    let (int_part, frac) = positional(buffer.format(v.abs()));
    let sign = if v < 0.0 && (int_part != "0" || !frac.is_empty()) { "-" } else { "" };
    if frac.is_empty() {
        crate::cat!(sign, int_part)
    } else {
        crate::cat!(sign, int_part, ".", frac)
    }
}

/// Ryu's `1.5e16` / `1e-7` / `5755.25` as integer and fraction digits (`15000000000000000`, empty),
/// (`0`, `0000001`), (`5755`, `25`).
fn positional(shortest: &str) -> (String, String) {
    let (mantissa, exponent) = shortest.split_once('e').unwrap_or((shortest, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let (int_digits, frac_digits) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = int_digits.chars().chain(frac_digits.chars()).collect();
    let point = i32::try_from(int_digits.len()).unwrap_or(0).saturating_add(exponent);
    let len = i32::try_from(digits.len()).unwrap_or(0);
    let (int_part, frac) = if point <= 0 {
        ("0".to_string(), "0".repeat(usize::try_from(-point).unwrap_or(0)) + &digits)
    } else if point >= len {
        (digits + &"0".repeat(usize::try_from(point - len).unwrap_or(0)), String::new())
    } else {
        // ASCII digits: any split is a character boundary (checked, so no panic path is linked).
        let (i, f) = digits.split_at_checked(usize::try_from(point).unwrap_or(0)).unwrap_or((&digits, ""));
        (i.to_string(), f.to_string())
    };
    (int_part, frac.trim_end_matches('0').to_string())
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
    /// The heading of the error box (and of the command-line program's report).
    pub cannot_draw: &'static str,
    /// One preview warning, as a noun.
    pub warning: &'static str,
    /// The chart's accessible name when the data has no title.
    pub default_title: &'static str,
    /// Read by screen readers with the canvas (its `aria-describedby`).
    pub keyboard_hint: &'static str,
    /// The data table's toggle, closed and open.
    pub show_table: &'static str,
    pub hide_table: &'static str,
    /// The table's pager: its buttons, and "rows 1–100 of 3,321" around the three numbers.
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub rows_range: [&'static str; 3],
    /// The `members-per-1000` kind: party members per 1,000 residents.
    pub members_per_1000: &'static str,
    pub population: &'static str,
    /// The reference line of `compare`: `Trung bình: 512` / `Average: 512`.
    pub mean: &'static str,
    pub median: &'static str,
    /// How far a commune is from the reference, around the percentage: `cao hơn trung bình 23%`
    /// is `above[0]`, the reference's lower-case name, ` `, the percentage; `bằng trung bình`.
    pub above: &'static str,
    pub below: &'static str,
    pub equal_to: &'static str,
    /// The reference's name inside a sentence (lower case in Vietnamese: `trung bình`).
    pub mean_in_text: &'static str,
    pub median_in_text: &'static str,
    /// `Hạng 3/25` / `Rank 3 of 25`: before the rank, between it and the count.
    pub rank: [&'static str; 2],
    /// A group's subtotal row in the table and its heading: `Tổng Lai Châu`.
    pub subtotal: &'static str,
    pub province: &'static str,
    pub district: &'static str,
    /// The search box of a long chart: its label, the count of suggestions around the number,
    /// and what it says when nothing matches.
    pub find_label: &'static str,
    pub find_results: [&'static str; 2],
    pub find_none: &'static str,
    /// The summary sentence's mention of highlighted communes: `Bài viết nói về: A, B`.
    pub highlighted: &'static str,
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
    cannot_draw: "Không vẽ được biểu đồ",
    warning: "cảnh báo",
    default_title: "Biểu đồ số liệu đảng bộ xã",
    keyboard_hint: "Dùng phím mũi tên để đọc từng thanh, Esc để thoát.",
    show_table: "Xem bảng số liệu",
    hide_table: "Ẩn bảng số liệu",
    previous_page: "Trang trước",
    next_page: "Trang sau",
    rows_range: ["Hàng ", "–", " / "],
    members_per_1000: "Đảng viên trên 1.000 dân",
    population: "Dân số",
    mean: "Trung bình",
    median: "Trung vị",
    above: "cao hơn",
    below: "thấp hơn",
    equal_to: "bằng",
    mean_in_text: "trung bình",
    median_in_text: "trung vị",
    rank: ["Hạng ", "/"],
    subtotal: "Tổng",
    province: "Tỉnh",
    district: "Huyện",
    find_label: "Tìm xã",
    find_results: ["", " kết quả"],
    find_none: "Không tìm thấy xã nào",
    highlighted: "Bài viết nói về",
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
    cannot_draw: "The chart cannot be drawn",
    warning: "warning",
    default_title: "Chart of commune Party data",
    keyboard_hint: "Use the arrow keys to read each bar, Escape to leave.",
    show_table: "Show data table",
    hide_table: "Hide data table",
    previous_page: "Previous page",
    next_page: "Next page",
    rows_range: ["Rows ", "–", " of "],
    members_per_1000: "Members per 1,000 residents",
    population: "Population",
    mean: "Average",
    median: "Median",
    above: "above",
    below: "below",
    equal_to: "equal to",
    mean_in_text: "average",
    median_in_text: "median",
    rank: ["Rank ", " of "],
    subtotal: "Total",
    province: "Province",
    district: "District",
    find_label: "Find a commune",
    find_results: ["", " results"],
    find_none: "No commune found",
    highlighted: "The story is about",
};

/// `c` in lower case, for the letters of Vietnamese names: ASCII, Latin-1, the Latin Extended-A
/// pairs (Ă ă, Đ đ, Ĩ ĩ, Ũ ũ…), Ơ ơ, Ư ư and the Vietnamese block U+1EA0–U+1EF9 (Ạ ạ … Ỹ ỹ). Other
/// scripts are left as they are. Not `char::to_lowercase`: its tables cost 6.5 kB gz of wasm.
pub fn fold_case(c: char) -> char {
    let u = u32::from(c);
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 0x20,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 | 0x1EA0..=0x1EF9 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x1A0 | 0x1AF => u + 1,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

#[cfg(test)]
mod tests;
