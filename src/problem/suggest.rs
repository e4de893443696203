//! "Did you mean": the known field name closest to a misspelt one.

/// The known name closest to `typo` (Levenshtein ignoring ASCII case, as every known name is
/// ASCII; at most 2 edits or a prefix), for "did you mean" suggestions: `member` -> `members`.
pub fn closest_name(typo: &str, known: &'static [&'static str]) -> Option<&'static str> {
    let t = typo.to_ascii_lowercase();
    let mut best: Option<(usize, &'static str)> = None;
    for &k in known {
        let kl = k.to_ascii_lowercase();
        let d = if kl == t { 0 } else { edit_distance(&t, &kl) };
        let limit = if t.chars().count() <= 4 { 1 } else { 2 };
        if (d <= limit || (t.len() >= 3 && kl.starts_with(&t))) && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, k));
        }
    }
    best.map(|(_, k)| k)
}

/// The commune name closest to `typo` (without diacritics and case first, so `Mo Si San` finds
/// `Mồ Sì San`), for a `highlight` name that matches none: the nearest within a third of its
/// letters (at least 2 edits), else none (`Hà Nội` suggests nothing among Lai Châu's communes).
pub fn closest_commune<'a>(typo: &str, names: &'a [String]) -> Option<&'a str> {
    use crate::letters::{fold, Marks};
    let (t, t_plain) = (fold(typo, Marks::Keep), fold(typo, Marks::Drop));
    let limit = (t_plain.chars().count() / 3).max(2);
    let mut best: Option<(usize, &str)> = None;
    for n in names {
        // Without marks first (a missing accent is the usual slip), then with them.
        let plain = edit_distance(&t_plain, &fold(n, Marks::Drop));
        let d = 2 * plain + usize::from(edit_distance(&t, &fold(n, Marks::Keep)) > 0);
        if plain <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, n.as_str()));
        }
    }
    best.map(|(_, n)| n)
}

/// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbours (`nmae` -> `name` is one edit) each cost 1.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let cols = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * cols];
    let at = |i: usize, j: usize| i * cols + j;
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            let v = if i == 0 || j == 0 {
                i.max(j)
            } else {
                let get = |i: usize, j: usize| d.get(at(i, j)).copied().unwrap_or(usize::MAX - 1);
                let same = a.get(i - 1) == b.get(j - 1);
                let mut v = (get(i - 1, j) + 1).min(get(i, j - 1) + 1).min(get(i - 1, j - 1) + usize::from(!same));
                if i > 1 && j > 1 && a.get(i - 1) == b.get(j - 2) && a.get(i - 2) == b.get(j - 1) {
                    v = v.min(get(i - 2, j - 2) + 1);
                }
                v
            };
            if let Some(slot) = d.get_mut(at(i, j)) {
                *slot = v;
            }
        }
    }
    d.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: &[&str] = &["name", "members", "cells", "cellKinds", "targets", "population"];

    #[test]
    fn suggests_the_nearest_field() {
        assert_eq!(closest_name("member", FIELDS), Some("members"));
        assert_eq!(closest_name("Cells", FIELDS), Some("cells"));
        assert_eq!(closest_name("cellkind", FIELDS), Some("cellKinds"));
        assert_eq!(closest_name("nmae", FIELDS), Some("name"));
        assert_eq!(closest_name("colour", FIELDS), None);
    }
}
