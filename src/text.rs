//! Text metrics for layout: how wide a label is, truncation with an ellipsis, word wrap.
//!
//! Layout needs widths before anything is drawn. The browser build measures with one canvas
//! context's `measureText` (and a cache) — never a DOM node per string; native builds (tests, the
//! SVG renderer) use [`ApproxMeasure`], a per-character estimate close to DejaVu Sans / system-ui.

/// Text pieces joined with `push_str`, not `format!`: `core::fmt`'s machinery (formatters,
/// padding, `Arguments` at every call site) is kilobytes of wasm that the widget does not need.
/// Every piece is a `&str`, `String` or `&String`; numbers go through [`digits`] or the locale.
#[macro_export]
macro_rules! cat {
    ($($part:expr),* $(,)?) => {{
        let mut text = String::new();
        $( text.push_str(::core::convert::AsRef::<str>::as_ref(&$part)); )*
        text
    }};
}

/// `n` in decimal digits (`2989`), without `core::fmt`.
pub fn digits(mut n: u64) -> String {
    let mut reversed = Vec::new();
    loop {
        reversed.push(char::from(b'0' + (n % 10) as u8));
        n /= 10;
        if n == 0 {
            break;
        }
    }
    reversed.iter().rev().collect()
}

/// The font stack every backend draws with. Unquoted so it is also a valid SVG attribute.
pub const FONT_FAMILY: &str = "system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, DejaVu Sans, Arial, sans-serif";

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Font {
    /// In CSS pixels; `draw.rs` scales it to device pixels.
    pub size_css: f64,
    pub bold: bool,
}

impl Font {
    pub const fn regular(size_css: f64) -> Font {
        Font { size_css, bold: false }
    }
    pub const fn bold(size_css: f64) -> Font {
        Font { size_css, bold: true }
    }
    /// The CSS `font` shorthand, for canvas `ctx.font`.
    pub fn css(&self, scale: f64) -> String {
        font_css(self.bold, self.size_css * scale)
    }
}

/// `[bold ]<size>px <FONT_FAMILY>`: the canvas `font` for measuring and for drawing alike.
pub fn font_css(bold: bool, size_css: f64) -> String {
    let mut css = String::from(if bold { "bold " } else { "" });
    css.push_str(&css_number(size_css));
    css.push_str("px ");
    css.push_str(FONT_FAMILY);
    css
}

/// A number for CSS (`12.5`, `3`, `-0.125`): at most three decimals, no exponent, 0 for NaN or
/// infinity. Numbers are written by hand so the wasm build links no float formatting (core's `{}`
/// for f64 is about 7 kB gz of wasm).
pub fn css_number(v: f64) -> String {
    // Thousandths; the saturating cast is far beyond any CSS length we write.
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "non-negative and at most 1e18")]
    let scaled = if v.is_finite() { (v.abs() * 1000.0).round().min(1e18) as u64 } else { 0 };
    let mut out = String::new();
    if v < 0.0 && scaled > 0 {
        out.push('-');
    }
    out.push_str(&digits(scaled / 1000));
    let mut frac = scaled % 1000;
    if frac > 0 {
        out.push('.');
        let mut place = 100;
        while frac > 0 {
            out.push(char::from(b'0' + u8::try_from(frac / place).unwrap_or(0)));
            frac %= place;
            place /= 10;
        }
    }
    out
}

pub trait TextMeasure {
    /// Advance width of `text` in CSS pixels.
    fn width_px(&self, text: &str, font: Font) -> f64;
}

/// Estimates widths from character classes; deterministic, so native tests and goldens are stable.
#[derive(Clone, Copy, Debug, Default)]
pub struct ApproxMeasure;

impl TextMeasure for ApproxMeasure {
    fn width_px(&self, text: &str, font: Font) -> f64 {
        let em: f64 = text.chars().map(char_em).sum();
        // Calibrated against DejaVu Sans, the widest of the usual fallbacks (measured in Chromium
        // over the seed texts: up to 6% wider than the table below, bold up to 12% more), so
        // text laid out natively for an unknown viewer's font wraps early rather than overflows.
        em * font.size_css * if font.bold { 1.19 } else { 1.06 }
    }
}

fn char_em(c: char) -> f64 {
    match c {
        '\u{300}'..='\u{36f}' | '\u{200b}'..='\u{200d}' => 0.0,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' => 0.28,
        'f' | 't' | 'r' | ' ' | '(' | ')' | '[' | ']' | '-' => 0.35,
        'm' | 'w' | 'M' | 'W' | '%' | '…' => 0.86,
        '0'..='9' => 0.6,
        c if c.is_uppercase() => 0.7,
        c if c.is_ascii() => 0.56,
        // Vietnamese letters with diacritics share the base letter's width; CJK and emoji are wide.
        c if (c as u32) < 0x2000 => 0.58,
        _ => 1.0,
    }
}

/// `text` cut to fit `max_px`, ending in `…` when cut. Never splits inside a character.
pub fn truncate(m: &dyn TextMeasure, text: &str, font: Font, max_px: f64) -> String {
    // A hair of tolerance: a column sized `widest + 12.0` and given back as `w - 12.0` can come
    // out one ulp short of `widest`, which must not truncate the widest name.
    let max_px = max_px + 1e-6;
    if m.width_px(text, font) <= max_px {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    // Largest prefix length whose text + ellipsis fits (binary search over char counts).
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars.iter().take(mid).collect::<String>() + "…";
        if m.width_px(&candidate, font) <= max_px {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let mut out: String = chars.iter().take(lo).collect::<String>().trim_end().to_string();
    out.push('…');
    out
}

/// The words of `text`, a range of numbers kept as one (`2025 – 2030`, `2020 - 2025`): a line
/// never ends with `2025 –`.
fn unbreakable_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let dash = matches!(word, "–" | "—" | "-");
        let after_number = out.last().is_some_and(|w| w.ends_with(|c: char| c.is_ascii_digit()));
        let next = words.peek().copied().filter(|w| w.starts_with(|c: char| c.is_ascii_digit()));
        match (out.last_mut(), next) {
            (Some(last), Some(next)) if dash && after_number => {
                *last = crate::cat!(last, " ", word, " ", next);
                words.next();
            }
            _ => out.push(word.to_string()),
        }
    }
    out
}

/// `text` for the DOM, where the browser wraps: a range of numbers joined by no-break spaces.
pub fn no_break_ranges(text: &str) -> String {
    let words: Vec<String> = unbreakable_words(text).iter().map(|w| w.replace(' ', "\u{a0}")).collect();
    words.join(" ")
}

/// Greedy word wrap to `max_px`; a single word wider than the line is truncated.
pub fn wrap(m: &dyn TextMeasure, text: &str, font: Font, max_px: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in unbreakable_words(text) {
        let candidate = if line.is_empty() { word.clone() } else { crate::cat!(line, " ", word) };
        if m.width_px(&candidate, font) <= max_px || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.into_iter().map(|l| truncate(m, &l, font, max_px)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: Font = Font::regular(13.0);

    #[test]
    fn year_ranges_are_not_broken_across_lines() {
        let words = unbreakable_words("Nhiệm kỳ 2025 – 2030 của xã, 2020 - 2025 và A – B");
        assert_eq!(words, ["Nhiệm", "kỳ", "2025 – 2030", "của", "xã,", "2020 - 2025", "và", "A", "–", "B"]);
        // At any width the range stays on one line.
        let title = "Kết quả thực hiện Nghị quyết Đại hội nhiệm kỳ 2025 – 2030";
        for width in [120.0, 200.0, 260.0, 330.0, 400.0] {
            let lines = wrap(&ApproxMeasure, title, F, width);
            assert!(lines.iter().any(|l| l.contains("2025 – 2030")), "{width}: {lines:?}");
        }
        // The table's caption, wrapped by the browser: no-break spaces inside the range.
        assert_eq!(no_break_ranges("Nhiệm kỳ 2020 – 2025 và A – B"), "Nhiệm kỳ 2020\u{a0}–\u{a0}2025 và A – B");
    }

    #[test]
    fn digits_are_displays() {
        for n in [0, 7, 10, 2989, 1_000_000, u64::MAX] {
            assert_eq!(digits(n), n.to_string());
        }
        assert_eq!(crate::cat!("a", String::from("b"), &String::from("c"), digits(12)), "abc12");
    }

    #[test]
    fn css_numbers_have_no_exponent_and_at_most_three_decimals() {
        let cases = [
            (0.0, "0"),
            (13.0, "13"),
            (12.5, "12.5"),
            (39.375, "39.375"),
            (34.12549, "34.125"),
            (0.05, "0.05"),
            (-3.25, "-3.25"),
            (-0.0001, "0"),
            (1e7, "10000000"),
            (f64::NAN, "0"),
            (f64::INFINITY, "0"),
            (2.0005, "2.001"),
        ];
        for (v, want) in cases {
            assert_eq!(css_number(v), want, "{v}");
        }
        assert_eq!(Font::bold(13.0).css(3.0), format!("bold 39px {FONT_FAMILY}"));
        assert_eq!(Font::regular(12.0).css(2.625), format!("31.5px {FONT_FAMILY}"));
    }

    #[test]
    fn truncation_fits_and_marks_the_cut() {
        let long = "Đảng bộ xã Mồ Sì San, huyện Phong Thổ, tỉnh Lai Châu";
        let cut = truncate(&ApproxMeasure, long, F, 120.0);
        assert!(cut.ends_with('…'));
        assert!(ApproxMeasure.width_px(&cut, F) <= 120.0);
        assert!(long.starts_with(cut.trim_end_matches('…')));
        assert_eq!(truncate(&ApproxMeasure, "Pa Vây Sử", F, 300.0), "Pa Vây Sử");
    }

    #[test]
    fn wrap_keeps_every_word_within_the_width() {
        let t = "Kết quả thực hiện Nghị quyết Đại hội Đảng bộ xã, nhiệm kỳ 2020 – 2025";
        let lines = wrap(&ApproxMeasure, t, Font::bold(18.0), 300.0);
        assert!(lines.len() >= 2);
        assert_eq!(lines.join(" "), t);
        assert!(lines.iter().all(|l| ApproxMeasure.width_px(l, Font::bold(18.0)) <= 300.0));
    }
}
