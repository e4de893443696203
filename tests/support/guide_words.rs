//! Holding the error guides (docs/en/errors.md, docs/vi/loi.md) to the messages they quote:
//! the words two messages with different sample values share are the message's fixed words, and
//! each run of them must be in the guide. Shared by `tests/error_guides.rs` (the data's problems)
//! and `tests/error_guides_table.rs` (a table's findings).
#![allow(dead_code)]

/// A message as words: runs of letters and digits, and every other character alone.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(&text[s..i]);
        }
        out.push(&text[i..i + c.len_utf8()]);
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// Which of `a`'s tokens are in a longest common subsequence with `b`'s.
pub fn shared(a: &[&str], b: &[&str]) -> Vec<bool> {
    let mut len = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            len[i][j] = if a[i] == b[j] { len[i + 1][j + 1] + 1 } else { len[i + 1][j].max(len[i][j + 1]) };
        }
    }
    let mut out = vec![false; a.len()];
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            out[i] = true;
            i += 1;
            j += 1;
        } else if len[i + 1][j] >= len[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The runs of `tokens` where `keep` holds, without the punctuation and spaces at their ends (the
/// guides put quotes, brackets and `«…»` around what changes), and only those with a letter.
/// `words_only`: without numbers at their ends either (`15 seconds` is said `«N» seconds`).
pub fn runs(tokens: &[&str], keep: &[bool], words_only: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    for (t, k) in tokens.iter().zip(keep).chain([(&"", &false)]) {
        if *k {
            run.push_str(t);
            continue;
        }
        let trimmed = run.trim_matches(|c: char| if words_only { !c.is_alphabetic() } else { !c.is_alphanumeric() });
        if trimmed.chars().any(char::is_alphabetic) {
            out.push(trimmed.to_string());
        }
        run.clear();
    }
    out
}

/// `text` with every run of white space as one space (the guides wrap their lines).
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A guide's text on one line.
pub fn guide(path: &str) -> String {
    one_line(&std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap())
}

/// The fixed words of a message: the runs of `a`'s words that `b` (the same message with other
/// sample values) shares, without the punctuation at their ends.
pub fn fixed_words(a: &str, b: &str) -> Vec<String> {
    let words = tokens(a);
    let keep = shared(&words, &tokens(b));
    runs(&words, &keep, false)
}

/// The sample value of set `s` (0 or 1): different in every word and number from the other set's.
pub fn pick<T>(s: usize, a: T, b: T) -> T {
    if s == 0 {
        a
    } else {
        b
    }
}
