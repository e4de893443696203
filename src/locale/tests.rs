//! Tests of `locale`.

use super::*;
use crate::model::f64_from_count;

#[test]
fn case_folding_agrees_with_unicode_on_vietnamese_letters() {
    let upper = "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ";
    for c in upper.chars() {
        assert_eq!(Some(fold_case(c)), c.to_lowercase().next(), "{c}");
        assert_ne!(fold_case(c), c, "{c}");
    }
    // Wherever it changes a character, it agrees with Unicode; lower case stays.
    for c in (0..0x250).chain(0x1E00..0x1F00).filter_map(char::from_u32) {
        if fold_case(c) != c {
            assert_eq!(c.to_lowercase().collect::<String>(), fold_case(c).to_string(), "U+{:04X}", u32::from(c));
        }
        if c.is_lowercase() {
            assert_eq!(fold_case(c), c);
        }
    }
}

/// Ryu's shortest digits, made positional, equal Rust's `{}` for f64 (the shortest
/// round-trip form too) over integers, decimals, ties and tiny values, except where two
/// shortest forms are equally near (662936471232937.25 -> `…937.2` or `…937.3`): ryu takes the
/// even digit, as JavaScript and Intl.NumberFormat do (tests/web.rs holds us to Intl), core the
/// odd one.
#[test]
fn shortest_digits_match_rusts_display() {
    let mut values = vec![0.0, 0.15, 5755.25, 999.95, 0.1 + 0.2, 1e-7, 1.5e-5, 999_999_999_999_999.9, 1.5e16, 1e300, 1e-300, 5e-324];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..20_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let v = f64::from_bits(x);
        if v.is_finite() {
            values.push(v.abs());
        }
        values.push(f64_from_count(x % 100_000_000) / 1000.0);
        values.push(f64_from_count(x % 3_000) / f64_from_count((x >> 20) % 997 + 1));
    }
    for v in values {
        let display = format!("{v}");
        let (i, f) = display.split_once('.').unwrap_or((&display, ""));
        let mut buffer = ryu::Buffer::new();
        let ours = positional(buffer.format(v));
        if ours != (i.to_string(), f.to_string()) {
            // Only a tie in the last digit, resolved to even.
            let (a, b) = (ours.0.clone() + &ours.1, i.to_string() + f);
            let (a_last, b_last) = (a.bytes().last().unwrap(), b.bytes().last().unwrap());
            assert!(a.len() == b.len() && a_last % 2 == 0 && a_last.abs_diff(b_last) == 1, "{v:e}: {ours:?} vs {display}");
        }
    }
    let literals = [
        (2.989, "2.989"),
        (12.5, "12.5"),
        (0.29, "0.29"),
        (-7.25, "-7.25"),
        (1e-7, "0.0000001"),
        (-0.0, "0"),
        (1.5e16, "15000000000000000"),
        (2_077_395_710_468_448.8, "2077395710468448.8"),
        (f64::NAN, "null"),
    ];
    for (v, want) in literals {
        assert_eq!(json_number(v), want, "{v}");
    }
    let mut buffer = ryu::Buffer::new();
    assert_eq!(positional(buffer.format(662_936_471_232_937.0 + 0.25)), ("662936471232937".into(), "2".into()));
}

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
    assert_eq!(Locale::with_unit("3,2".into(), Some(&"%".into())), "3,2%");
    assert_eq!(Locale::with_unit("3,2".into(), Some(&" % ".into())), "3,2%");
    assert_eq!(Locale::with_unit("5.755".into(), Some(&"ha".into())), "5.755 ha");
    assert_eq!(Locale::with_unit("12".into(), None), "12");
    assert_eq!(Locale::Vi.format_plan(99.7), "99,7%");
    assert_eq!(Locale::Vi.format_plan(99.95), "99,95%");
    assert_eq!(Locale::En.format_plan(99.996), "99.996%");
    assert_eq!(Locale::Vi.format_plan(100.0), "100%");
    assert_eq!(Locale::Vi.format_plan(100.04), "100%");
    assert_eq!(Locale::Vi.format_fixed(35.0, 1), "35,0");
    assert_eq!(Locale::Vi.format_fixed(35.26, 1), "35,3");
    assert_eq!(Locale::En.format_fixed(2989.0, 1), "2,989.0");
    assert_eq!(Locale::Vi.format_fixed(-0.01, 1), "0,0");
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
