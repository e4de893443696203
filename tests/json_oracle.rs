#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]
//! The JSON reader (src/json.rs) against `serde_json`, the parser it replaced: the fixtures, then
//! 30,000 damaged copies of them (bytes cut, doubled or replaced by the usual JSON slips and
//! hostile tokens). Every text must give the same value, or the same syntax error at the same
//! line and column (`tests/support/json_agree.rs`). The hostile corpus goes through the same check
//! in tests/hostile.rs.

#[path = "support/json_agree.rs"]
mod json_agree;

use std::path::Path;

const TOKENS: &[&str] = &[
    ",",
    "]",
    "}",
    "{",
    "[",
    ":",
    "\"",
    "\\",
    "\\u",
    "\\ud800",
    "\\udc00",
    "\\ud83d\\ude00",
    "\\x",
    "1e400",
    "-1e400",
    "1e-400",
    "-",
    ".",
    "e",
    "E+",
    "0",
    "01",
    "-0",
    "0.",
    ".5",
    "1.5e",
    "tru",
    "nul",
    "fals",
    "null",
    "true",
    "NaN",
    "Infinity",
    "\n",
    "\r\n",
    "\t",
    " ",
    "ừ",
    "Đ",
    "😀",
    "\u{1}",
    "\u{1f}",
    "\u{7f}",
    "99,7",
    "2.989.000",
    "2 989",
    "5755 ha",
    "99.7%",
    "18446744073709551616",
    "18446744073709551615.5",
    "-9223372036854775809",
    "9007199254740993",
    "999999999999999.9",
    "2077395710468449.0",
    "1e2147483648",
    "0e999999999999",
    "123456789012345678901234567890",
    "\"a\":",
    "\"\"",
    "//",
    "/*",
    "'",
    "\u{feff}",
];

fn fixtures() -> Vec<String> {
    let mut texts = Vec::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "json") {
                if let Ok(text) = std::fs::read_to_string(&p) {
                    texts.push(text);
                }
            }
        }
    }
    texts.sort();
    assert!(texts.len() >= 20, "only {} fixtures found", texts.len());
    texts
}

#[test]
#[expect(clippy::cast_possible_truncation, reason = "random numbers (usize is 64 bits natively; low bits would do)")]
fn the_reader_agrees_with_serde_json() {
    let originals = fixtures();
    let mut failures = Vec::new();
    let mut check = |text: &str| {
        if let Err(why) = json_agree::agree(text) {
            if failures.len() < 20 {
                failures.push(format!("{why}\n  in: {}", text.chars().take(300).collect::<String>()));
            }
        }
    };
    for text in &originals {
        check(text);
    }
    let mut x: u64 = 0x853c_49e6_748f_ea9b;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let (mut errors, mut values) = (0, 0);
    for round in 0..30_000 {
        let base = &originals[round % originals.len()];
        let mut chars: Vec<char> = base.chars().collect();
        for _ in 0..=next() % 3 {
            let at = (next() as usize) % (chars.len() + 1);
            let token: Vec<char> = TOKENS[(next() as usize) % TOKENS.len()].chars().collect();
            match next() % 4 {
                0 => {
                    let end = (at + 1 + (next() as usize) % 8).min(chars.len());
                    chars.drain(at.min(end)..end);
                }
                1 => {
                    chars.splice(at..at, token);
                }
                2 => {
                    let end = (at + token.len()).min(chars.len());
                    chars.splice(at..end, token);
                }
                _ => chars.truncate(at),
            }
        }
        let text: String = chars.into_iter().collect();
        if commune_charts::json::parse(&text).is_ok() {
            values += 1;
        } else {
            errors += 1;
        }
        check(&text);
    }
    assert!(failures.is_empty(), "{} disagreements, first ones:\n{}", failures.len(), failures.join("\n"));
    // The damage must produce both outcomes, or the test proves little.
    assert!(errors > 10_000 && values > 1_000, "{errors} errors, {values} values");
}
