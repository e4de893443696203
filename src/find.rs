//! Finding a commune by name, for the search box of long charts (`web/find.rs`): names and
//! queries folded the same way (`letters::fold` without marks: lower case, Vietnamese diacritics
//! removed, `đ` → `d`, spaces collapsed), then matched and ranked. Pure: no DOM, tested natively.
//!
//! The names are folded once per data into one string ([`Finder::new`]); a keystroke only folds
//! the query and scans that string. On the reader's wasm, so: byte loops, no `str::contains`
//! (core's two-way searcher) and no `to_lowercase` (its tables).

use crate::letters::{self, Marks};
use crate::model::Commune;

/// The most suggestions a query lists.
pub const MAX_SUGGESTIONS: usize = 8;

/// `text` folded for search: lower case, marks dropped (precomposed or combining, so NFC and NFD
/// text fold alike), `đ` read as `d`, each run of white space one space and none at either end
/// (`letters::fold`, which also matches `highlight` names).
pub fn fold(text: &str) -> String {
    letters::fold(text, Marks::Drop)
}

/// Whether `word` starts a word of `name` (after a space or ASCII punctuation, or at its start).
fn starts_a_word(name: &[u8], word: &[u8]) -> bool {
    let mut prev = b' ';
    for (i, &b) in name.iter().enumerate() {
        if prev < 0x80 && !prev.is_ascii_alphanumeric() && name.get(i..).is_some_and(|rest| rest.starts_with(word)) {
            return true;
        }
        prev = b;
    }
    false
}

/// How well folded `name` matches folded `query`: 0 the name starts with it, 1 each of its
/// words starts a word of the name, 2 it is inside the name; `None` no match.
fn rank(name: &[u8], query: &[u8]) -> Option<usize> {
    if name.starts_with(query) {
        return Some(0);
    }
    let mut words = query;
    loop {
        let end = words.iter().position(|&b| b == b' ').unwrap_or(words.len());
        if !starts_a_word(name, words.get(..end).unwrap_or_default()) {
            break;
        }
        match words.get(end + 1..) {
            Some(rest) => words = rest,
            None => return Some(1),
        }
    }
    name.windows(query.len()).any(|w| w == query).then_some(2)
}

/// The names of one chart, folded once, in the chart's order: [`Finder::find`] returns their
/// positions in it.
#[derive(Clone, Debug, Default)]
pub struct Finder {
    /// Every folded name, one after another.
    folded: String,
    /// Where each folded name ends in `folded`.
    ends: Vec<usize>,
}

impl Finder {
    /// The chart's names, in its order.
    pub fn new<'a>(names: impl Iterator<Item = &'a str>) -> Finder {
        let mut f = Finder::default();
        for name in names {
            f.folded.push_str(&fold(name));
            f.ends.push(f.folded.len());
        }
        f
    }

    /// The positions of the names that match `query`, best first (the whole name starts with
    /// it, then each of its words starts a word of the name, then it is inside the name; the
    /// chart's order within each), at most [`MAX_SUGGESTIONS`]. Nothing for an empty query.
    pub fn find(&self, query: &str) -> Vec<usize> {
        let query = fold(query);
        let mut found = Vec::new();
        if query.is_empty() {
            return found;
        }
        // A pass per rank: at most three scans of the names, each a few microseconds.
        for level in 0..3 {
            let mut start = 0;
            for (i, &end) in self.ends.iter().enumerate() {
                let name = self.folded.as_bytes().get(start..end).unwrap_or_default();
                start = end;
                if found.len() < MAX_SUGGESTIONS && rank(name, query.as_bytes()) == Some(level) {
                    found.push(i);
                }
            }
        }
        found
    }

    /// How many names it holds.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// How a suggestion names a commune: as the readout's title does, its name and where it is
/// unless the name says it already (`Mồ Sì San (Phong Thổ)`), so two communes of one name in
/// different places can be told apart.
pub fn label(c: &Commune) -> String {
    let place = c.district.as_ref().or(c.province.as_ref()).map_or("", |d| d.trim());
    if place.is_empty() || c.name.as_bytes().windows(place.len()).any(|w| w == place.as_bytes()) {
        c.name.clone()
    } else {
        crate::cat!(c.name, " (", place, ")")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every letter of the Vietnamese alphabet with its tone marks, and its base letter.
    const LETTERS: [(&str, char); 17] = [
        ("aàáảãạ", 'a'),
        ("ăằắẳẵặ", 'a'),
        ("âầấẩẫậ", 'a'),
        ("b", 'b'),
        ("dđ", 'd'),
        ("eèéẻẽẹ", 'e'),
        ("êềếểễệ", 'e'),
        ("iìíỉĩị", 'i'),
        ("oòóỏõọ", 'o'),
        ("ôồốổỗộ", 'o'),
        ("ơờớởỡợ", 'o'),
        ("uùúủũụ", 'u'),
        ("ưừứửữự", 'u'),
        ("yỳýỷỹỵ", 'y'),
        ("c", 'c'),
        ("gh", 'g'),
        ("klmnpqrstvx", 'k'),
    ];

    #[test]
    fn every_vietnamese_letter_folds_to_its_base_letter_in_either_case() {
        let mut count = 0;
        for (letters, base) in LETTERS {
            for c in letters.chars() {
                let want = if base == 'g' || base == 'k' { c } else { base };
                assert_eq!(fold(&c.to_string()), want.to_string(), "{c}");
                let upper: String = c.to_uppercase().collect();
                assert_eq!(fold(&upper), want.to_string(), "{upper}");
                count += 1;
            }
        }
        // 12 vowels × 6 tones (the level tone included), and the 17 consonants.
        assert_eq!(count, 72 + 17);
        // The whole block U+1EA0–U+1EF9 folds to ASCII.
        for c in (0x1EA0..=0x1EF9).filter_map(char::from_u32) {
            assert!(fold(&c.to_string()).is_ascii(), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn decomposed_text_folds_as_precomposed() {
        // NFD: base letters followed by combining marks (U+0300–U+036F).
        let nfd = "Xa\u{303} \u{110}a\u{300}o Sa\u{306}\u{301}n Mo\u{302}\u{300} Su\u{31b}\u{309} Pha\u{323}m";
        assert_eq!(fold(nfd), "xa dao san mo su pham");
        assert_eq!(fold(nfd), fold("Xã Đào Sắn Mồ Sử Phạm"));
    }

    #[test]
    fn whitespace_runs_collapse_and_ends_are_trimmed() {
        assert_eq!(fold("  Xã\t\u{a0}Dào \n San  "), "xa dao san");
        assert_eq!(fold("   "), "");
        assert_eq!(fold("Dào-San (Lai Châu)"), "dao-san (lai chau)");
    }

    fn finder(names: &[&str]) -> Finder {
        Finder::new(names.iter().copied())
    }

    #[test]
    fn dao_san_finds_xa_dao_san() {
        let f = finder(&["Xã Mồ Sì San", "Xã Dào San", "Pa Vây Sử"]);
        assert_eq!(f.find("dao san"), vec![1]);
        assert_eq!(f.find("DÀO SAN"), vec![1]);
        assert_eq!(f.find("  dao   san "), vec![1]);
        // Each word starts a word, in any order.
        assert_eq!(f.find("san dao"), vec![1]);
        assert_eq!(f.find("xa san"), vec![0, 1]);
        assert_eq!(f.find("pa vay su"), vec![2]);
        assert_eq!(f.find("đào"), vec![1]);
        assert!(f.find("sans").is_empty());
        assert!(f.find("").is_empty());
        assert!(f.find("   ").is_empty());
    }

    #[test]
    fn whole_name_prefix_then_word_prefix_then_inside_then_chart_order() {
        let f = finder(&["Xã Lang Thang", "Langa", "Xã Nà Lang", "Lang Nhì", "Phúc Lạng"]);
        // "lang": whole-name prefix (Langa, Lang Nhì), then word prefix (Xã Lang Thang, Xã Nà
        // Lang, Phúc Lạng); "Thang" holds it only inside.
        assert_eq!(f.find("lang"), vec![1, 3, 0, 2, 4]);
        assert_eq!(f.find("ang"), vec![0, 1, 2, 3, 4]);
        let g = finder(&["Thang", "Nà Lang"]);
        assert_eq!(g.find("ang"), vec![0, 1]);
        assert_eq!(g.find("lang"), vec![1]);
        // Inside, only when the words do not all start words.
        assert_eq!(g.find("a la"), vec![1]);
        assert_eq!(finder(&["Bản Bo", "Nà Bó"]).find("bo"), vec![0, 1]);
        // A word start after punctuation.
        assert_eq!(finder(&["Dào-San"]).find("san"), vec![0]);
    }

    #[test]
    fn at_most_eight_suggestions() {
        let names: Vec<String> = (1..=3321).map(|i| format!("Xã Dào San {i}")).collect();
        let f = Finder::new(names.iter().map(String::as_str));
        assert_eq!(f.len(), 3321);
        assert_eq!(f.find("dao san"), (0..8).collect::<Vec<_>>());
        assert_eq!(f.find("dao san 17"), vec![16, 169, 170, 171, 172, 173, 174, 175]);
        assert_eq!(f.find("Xã Dào San 3321"), vec![3320]);
        // Better ranks fill the list first, wherever they are in the chart.
        let mut names = vec!["Ba Dao"; 20];
        names.push("Dao Ba");
        assert_eq!(finder(&names).find("dao").first(), Some(&20));
    }

    #[test]
    fn suggestions_name_the_place_unless_the_name_does() {
        let json = r#"{"communes": [
            {"name": "Mồ Sì San", "district": "Phong Thổ", "members": 1},
            {"name": "Xã Bản Bo (huyện Tam Đường)", "district": "Tam Đường", "members": 1},
            {"name": "Đức Thọ", "province": "Hà Tĩnh", "members": 1},
            {"name": "Pa Vây Sử", "district": " ", "members": 1}]}"#;
        let p = crate::prepare(json, "members", "vi").unwrap_or_else(|_| panic!("valid"));
        let labels: Vec<String> = p.model.communes.iter().map(label).collect();
        assert_eq!(labels, ["Mồ Sì San (Phong Thổ)", "Xã Bản Bo (huyện Tam Đường)", "Đức Thọ (Hà Tĩnh)", "Pa Vây Sử"]);
        let f = Finder::new(p.model.communes.iter().map(|c| c.name.as_str()));
        assert_eq!(f.find("si"), vec![0]);
        assert!(!f.is_empty());
    }
}
