//! Vietnamese letters for matching names: a commune named in `highlight` is found whatever
//! Unicode form the journalist's text used (precomposed `ọ`, or `o` + U+0323 from a Mac or a
//! PDF), and the reader's search ignores the marks altogether (`dao san` finds `Dào San`).
//! Without the Unicode normalisation tables (about 30 kB of wasm): the precomposed lower-case
//! vowels Vietnamese writes are split into base, shape (â ă ơ) and tone, and combining marks
//! after a base letter are gathered the same way, so both forms give one key.

/// A lower-case vowel with marks: its code point and, packed as `base << 5 | shape << 3 | tone`,
/// the index of its base in `BASES`, its shape (1 circumflex, 2 breve, 3 horn) and its tone (1 grave, 2 acute,
/// 3 hook above, 4 tilde, 5 dot below). Generated from Unicode's decompositions (the test holds
/// it to them).
const VOWELS: &[(u16, u8)] = &[
    (0x00E0, 0o001),
    (0x00E1, 0o002),
    (0x00E2, 0o010),
    (0x00E3, 0o004),
    (0x00E8, 0o041),
    (0x00E9, 0o042),
    (0x00EA, 0o050),
    (0x00EC, 0o101),
    (0x00ED, 0o102),
    (0x00EE, 0o110),
    (0x00F2, 0o141),
    (0x00F3, 0o142),
    (0x00F4, 0o150),
    (0x00F5, 0o144),
    (0x00F9, 0o201),
    (0x00FA, 0o202),
    (0x00FB, 0o210),
    (0x00FD, 0o242),
    (0x0103, 0o020),
    (0x0115, 0o060),
    (0x0129, 0o104),
    (0x012D, 0o120),
    (0x014F, 0o160),
    (0x0169, 0o204),
    (0x016D, 0o220),
    (0x0177, 0o250),
    (0x01A1, 0o170),
    (0x01B0, 0o230),
    (0x1EA1, 0o005),
    (0x1EA3, 0o003),
    (0x1EA5, 0o012),
    (0x1EA7, 0o011),
    (0x1EA9, 0o013),
    (0x1EAB, 0o014),
    (0x1EAD, 0o015),
    (0x1EAF, 0o022),
    (0x1EB1, 0o021),
    (0x1EB3, 0o023),
    (0x1EB5, 0o024),
    (0x1EB7, 0o025),
    (0x1EB9, 0o045),
    (0x1EBB, 0o043),
    (0x1EBD, 0o044),
    (0x1EBF, 0o052),
    (0x1EC1, 0o051),
    (0x1EC3, 0o053),
    (0x1EC5, 0o054),
    (0x1EC7, 0o055),
    (0x1EC9, 0o103),
    (0x1ECB, 0o105),
    (0x1ECD, 0o145),
    (0x1ECF, 0o143),
    (0x1ED1, 0o152),
    (0x1ED3, 0o151),
    (0x1ED5, 0o153),
    (0x1ED7, 0o154),
    (0x1ED9, 0o155),
    (0x1EDB, 0o172),
    (0x1EDD, 0o171),
    (0x1EDF, 0o173),
    (0x1EE1, 0o174),
    (0x1EE3, 0o175),
    (0x1EE5, 0o205),
    (0x1EE7, 0o203),
    (0x1EE9, 0o232),
    (0x1EEB, 0o231),
    (0x1EED, 0o233),
    (0x1EEF, 0o234),
    (0x1EF1, 0o235),
    (0x1EF3, 0o241),
    (0x1EF5, 0o245),
    (0x1EF7, 0o243),
    (0x1EF9, 0o244),
];
const BASES: [char; 6] = ['a', 'e', 'i', 'o', 'u', 'y'];
/// The combining marks of shapes 1..=3 and tones 1..=5.
const SHAPE_MARKS: [char; 3] = ['\u{302}', '\u{306}', '\u{31b}'];
const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

/// A letter being read: its base, shape and tone (0: none).
#[derive(Clone, Copy)]
struct Letter {
    base: char,
    shape: u8,
    tone: u8,
}

fn split(c: char) -> Letter {
    let c = crate::locale::fold_case(c);
    let found = u16::try_from(u32::from(c)).ok().and_then(|u| VOWELS.binary_search_by_key(&u, |(cp, _)| *cp).ok());
    match found.and_then(|i| VOWELS.get(i)) {
        Some(&(_, packed)) => {
            Letter { base: BASES.get(usize::from(packed >> 5)).copied().unwrap_or(c), shape: (packed >> 3) & 3, tone: packed & 7 }
        }
        None => Letter { base: c, shape: 0, tone: 0 },
    }
}

/// How [`fold`] treats marks.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    /// Kept, in one order whatever the text's form: names match only with the same marks.
    Keep,
    /// Dropped, and `đ` read as `d`: what a reader types into a search box.
    Drop,
}

/// `s` in lower case, trimmed, runs of white space as one space, and its marks kept in one
/// canonical order or dropped.
pub fn fold(s: &str, marks: Marks) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending: Option<Letter> = None;
    let mut space = false;
    let flush = |out: &mut String, l: Option<Letter>| {
        let Some(l) = l else { return };
        out.push(if marks == Marks::Drop && l.base == 'đ' { 'd' } else { l.base });
        if marks == Marks::Keep {
            if let Some(m) = SHAPE_MARKS.get(usize::from(l.shape).wrapping_sub(1)) {
                out.push(*m);
            }
            if let Some(m) = TONE_MARKS.get(usize::from(l.tone).wrapping_sub(1)) {
                out.push(*m);
            }
        }
    };
    for c in s.chars() {
        if let (Some(l), Some(shape)) = (pending.as_mut(), SHAPE_MARKS.iter().position(|m| *m == c)) {
            l.shape = u8::try_from(shape + 1).unwrap_or(0);
            continue;
        }
        if let (Some(l), Some(tone)) = (pending.as_mut(), TONE_MARKS.iter().position(|m| *m == c)) {
            l.tone = u8::try_from(tone + 1).unwrap_or(0);
            continue;
        }
        if ('\u{300}'..='\u{36f}').contains(&c) && marks == Marks::Drop {
            continue;
        }
        flush(&mut out, pending.take());
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        pending = Some(split(c));
    }
    flush(&mut out, pending);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every lower-case Vietnamese vowel, and its capital.
    const VOWELS_VI: &str = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵ";

    #[test]
    fn both_unicode_forms_give_one_key() {
        // NFD (as from a Mac or a PDF) spelled out: o + horn + dot below; a + circumflex + acute.
        let nfd = "Xa\u{323} Pho\u{31b}\u{323}ng A\u{302}\u{301}t";
        assert_eq!(fold(nfd, Marks::Keep), fold("  xạ   PHỢNG Ất ", Marks::Keep));
        // The marks in another order (tone before shape) too.
        assert_eq!(fold("o\u{323}\u{31b}", Marks::Keep), fold("ợ", Marks::Keep));
        // Marks matter when kept: Đồng is not Dong.
        assert_ne!(fold("Đồng", Marks::Keep), fold("Dong", Marks::Keep));
        assert_ne!(fold("Mồ", Marks::Keep), fold("Mỗ", Marks::Keep));
    }

    #[test]
    fn search_drops_marks_and_reads_dj_as_d() {
        assert_eq!(fold("Xã Dào San", Marks::Drop), "xa dao san");
        assert_eq!(fold("ĐỨC THỌ", Marks::Drop), "duc tho");
        assert_eq!(fold("Pa Va\u{302}y Su\u{31b}\u{309}", Marks::Drop), "pa vay su");
        let plain: String = VOWELS_VI.chars().map(|c| fold(&c.to_string(), Marks::Drop)).collect();
        assert!(plain.chars().all(|c| "aeiouy".contains(c)), "{plain}");
        let upper: String = VOWELS_VI.chars().flat_map(char::to_uppercase).collect();
        assert_eq!(fold(&upper, Marks::Drop), fold(VOWELS_VI, Marks::Drop));
    }

    #[test]
    fn the_table_agrees_with_unicode() {
        // Each entry rebuilt as base + marks is the letter's own decomposition, kept in NFC order
        // (shape then tone, which is Unicode's canonical order for these marks).
        for &(cp, _) in VOWELS {
            let c = char::from_u32(u32::from(cp)).unwrap();
            let key = fold(&c.to_string(), Marks::Keep);
            let from_nfd = fold(&key, Marks::Keep);
            assert_eq!(key, from_nfd, "U+{cp:04X}");
            assert!(key.starts_with(|b: char| BASES.contains(&b)), "U+{cp:04X}: {key}");
        }
        for c in VOWELS_VI.chars() {
            let key = fold(&c.to_string(), Marks::Keep);
            assert_eq!(key.chars().next().map(|b| BASES.contains(&b)), Some(true), "{c}");
        }
        assert_eq!(VOWELS.windows(2).filter(|w| w[0].0 >= w[1].0).count(), 0, "sorted for binary search");
    }
}
