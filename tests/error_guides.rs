//! The error guides (docs/en/errors.md, docs/vi/loi.md) say they quote every message word for
//! word: this test holds them to it. Every kind of problem is built twice, with two sets of sample
//! values (and, where its words depend on a choice such as the expected JSON type, once per
//! choice); the words the two messages share are the message's fixed words, and each run of them
//! must appear in the guide of the message's language. The sample values themselves are never
//! looked for (the guides write `«N»`, `«path»`…), so any wording change in src/problem.rs fails
//! here until the guide says the same.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use commune_charts::json::{self, ErrorKind, JsonType};
use commune_charts::model::{check_drawable, model_from_json, LOCALES, SORTS};
use commune_charts::problem::{FetchFailure, ProblemKind, ValueTrouble};
use commune_charts::spec::{COMMUNE_FIELDS, MAX_COMMUNES, MAX_INDICATORS, MAX_JSON_BYTES, MAX_TEXT_CHARS};
use commune_charts::{ChartKind, Locale, Problem};

#[path = "support/guide_words.rs"]
mod guide_words;
use guide_words::{guide, one_line, pick, runs, shared, tokens};

/// Every syntax error the reader or the refinement can name.
const SYNTAX: [ErrorKind; 21] = [
    ErrorKind::UnexpectedEnd,
    ErrorKind::ExpectedValue,
    ErrorKind::ExpectedCommaOrBrace,
    ErrorKind::ExpectedCommaOrBracket,
    ErrorKind::ExpectedColon,
    ErrorKind::KeyMustBeString,
    ErrorKind::TrailingComma,
    ErrorKind::TrailingCharacters,
    ErrorKind::InvalidNumber,
    ErrorKind::InvalidEscape,
    ErrorKind::ControlCharacter,
    ErrorKind::DecimalComma,
    ErrorKind::ThousandsDot,
    ErrorKind::SpaceInNumber,
    ErrorKind::UnitAfterNumber,
    ErrorKind::NumberOutOfRange,
    ErrorKind::CurlyQuote,
    ErrorKind::MissingBraceBeforeComma,
    ErrorKind::MissingBraceAndComma,
    ErrorKind::MissingBraceBeforeBracket,
    ErrorKind::Other,
];

/// Does not compile when `ErrorKind` gains a kind: add it to [`SYNTAX`] too.
fn _every_syntax_error_is_listed(what: ErrorKind) {
    match what {
        ErrorKind::UnexpectedEnd
        | ErrorKind::ExpectedValue
        | ErrorKind::ExpectedCommaOrBrace
        | ErrorKind::ExpectedCommaOrBracket
        | ErrorKind::ExpectedColon
        | ErrorKind::KeyMustBeString
        | ErrorKind::TrailingComma
        | ErrorKind::TrailingCharacters
        | ErrorKind::InvalidNumber
        | ErrorKind::InvalidEscape
        | ErrorKind::ControlCharacter
        | ErrorKind::DecimalComma
        | ErrorKind::ThousandsDot
        | ErrorKind::SpaceInNumber
        | ErrorKind::UnitAfterNumber
        | ErrorKind::NumberOutOfRange
        | ErrorKind::CurlyQuote
        | ErrorKind::MissingBraceBeforeComma
        | ErrorKind::MissingBraceAndComma
        | ErrorKind::MissingBraceBeforeBracket
        | ErrorKind::Other => {}
    }
}

/// Does not compile when `ProblemKind` gains a kind: add cases for it to [`cases`] too.
fn _every_problem_kind_has_cases(kind: &ProblemKind) {
    match kind {
        ProblemKind::Syntax { .. }
        | ProblemKind::UnknownField { .. }
        | ProblemKind::WrongType { .. }
        | ProblemKind::Missing
        | ProblemKind::EmptyText
        | ProblemKind::EmptyList
        | ProblemKind::NotWholeNumber { .. }
        | ProblemKind::Negative { .. }
        | ProblemKind::NotFinite
        | ProblemKind::UnknownValue { .. }
        | ProblemKind::SumMismatch { .. }
        | ProblemKind::NothingToDraw { .. }
        | ProblemKind::UnknownKind { .. }
        | ProblemKind::UnknownCommune { .. }
        | ProblemKind::NoData
        | ProblemKind::TooLarge { .. }
        | ProblemKind::TooLong { .. }
        | ProblemKind::TooMany { .. }
        | ProblemKind::FetchFailed { .. }
        | ProblemKind::UnreadableValue { .. }
        | ProblemKind::DuplicateName { .. }
        | ProblemKind::FewerMembersThanCells { .. }
        | ProblemKind::LacksField { .. }
        | ProblemKind::PercentLooksLikeFraction { .. }
        | ProblemKind::LooksLikeThousands { .. } => {}
    }
    // And when a kind gains a case of its own (a status, a trouble):
    match kind {
        ProblemKind::FetchFailed { why, .. } => match why {
            FetchFailure::Status(_)
            | FetchFailure::Network
            | FetchFailure::Timeout { .. }
            | FetchFailure::NotJson
            | FetchFailure::Empty
            | FetchFailure::Cut => {}
        },
        ProblemKind::UnreadableValue { why } => match why {
            ValueTrouble::Cycle | ValueTrouble::BigInt | ValueTrouble::Throws | ValueTrouble::NotData => {}
        },
        _ => {}
    }
}

/// One message: built from sample set 0 or 1, and from one of `choices` (0 when there are none).
struct Case {
    name: String,
    choices: usize,
    build: Box<dyn Fn(usize, usize) -> Problem>,
    /// The message ends in a list joined by `, ` whose items the guide quotes one by one.
    list: bool,
}

fn case(name: impl Into<String>, build: impl Fn(usize) -> Problem + 'static) -> Case {
    Case { name: name.into(), choices: 1, build: Box::new(move |s, _| build(s)), list: false }
}

fn choice_case(name: impl Into<String>, choices: usize, build: impl Fn(usize, usize) -> Problem + 'static) -> Case {
    Case { name: name.into(), choices, build: Box::new(build), list: false }
}

fn path(s: usize) -> &'static str {
    pick(s, "communes[3].members", "indicators[12].value")
}

fn value(json: &str) -> json::Value {
    json::parse(json).unwrap()
}

fn quoted(s: &str) -> json::Value {
    json::Value::String(s.to_string())
}

/// Every kind of problem, with each branch of its wording.
fn cases() -> Vec<Case> {
    const TYPES: [JsonType; 6] = [JsonType::Null, JsonType::Bool, JsonType::Number, JsonType::String, JsonType::Array, JsonType::Object];
    const FIELDS: [&str; 4] = ["communes[0].members", "indicators[0].percentOfPlan", "indicators[0].value", "communes[0].areaKm2"];
    let mut cases = Vec::new();
    for what in SYNTAX {
        cases.push(case(format!("Syntax {what:?}"), move |s| {
            // No source line: the kind is said as given, not refined from the line.
            let kind = ProblemKind::Syntax { line: pick(s, 3, 127), column: pick(s, 43, 9), what, source_line: String::new() };
            Problem::at("", kind)
        }));
    }
    cases.push(case("UnknownField with a suggestion", |s| {
        Problem::at(path(s), ProblemKind::UnknownField { field: pick(s, "membrs", "nmae").into(), known: COMMUNE_FIELDS })
    }));
    cases.push(case("UnknownField without one", |s| {
        Problem::at(path(s), ProblemKind::UnknownField { field: pick(s, "huyen", "qqqqqq").into(), known: COMMUNE_FIELDS })
    }));
    cases.push(choice_case("WrongType, each expected type", TYPES.len(), |s, c| {
        Problem::at(path(s), ProblemKind::WrongType { expected: TYPES[c], found: value(pick(s, "true", "[1,2]")) })
    }));
    // A number written in quotes: what to write instead, with each change the hint can list. The
    // two paths are fields of the same kind (the hint fits the field).
    let hints: [(&str, [&str; 2], [&str; 2]); 11] = [
        ("thousands dots in a count", ["communes[0].members", "communes[7].targets.met"], ["2.989", "7.654"]),
        ("thousands commas in a count", ["communes[0].cells", "communes[7].population"], ["2,989", "17,654"]),
        ("spaces in a count", ["communes[0].population", "communes[7].cellKinds.Chi bộ bản"], ["2 989", "17 654"]),
        ("words after a count", ["communes[0].members", "communes[7].cells"], ["89 đảng viên", "12 cây"]),
        ("a % in a count", ["communes[0].cells", "communes[7].targets.total"], ["12%", "7%"]),
        ("a decimal comma and a % in percentOfPlan", ["indicators[0].percentOfPlan", "indicators[7].percentOfPlan"], ["99,7%", "87,25%"]),
        ("a unit after a value, either way", ["indicators[0].value", "indicators[7].value"], ["5.755 ha", "1.234 tấn"]),
        ("a % in a value", ["indicators[0].value", "indicators[7].value"], ["12%", "7%"]),
        ("a unit after areaKm2", ["communes[0].areaKm2", "communes[7].areaKm2"], ["48,93 km2", "12,5 ha"]),
        ("thousands and decimals in a value", ["indicators[0].value", "indicators[7].value"], ["1.234,5", "76.543,25"]),
        ("thousands commas in percentOfPlan", ["indicators[0].percentOfPlan", "indicators[7].percentOfPlan"], ["1,234.5", "76,543.25"]),
    ];
    for (name, at, text) in hints {
        let mut hint = case(format!("WrongType, number in quotes: {name}"), move |s| {
            Problem::at(at[s], ProblemKind::WrongType { expected: JsonType::Number, found: quoted(text[s]) })
        });
        // The hint lists what to change, each change quoted on its own in the guides.
        hint.list = true;
        cases.push(hint);
    }
    cases.push(choice_case("WrongType, a text that is not a number, each kind of field", FIELDS.len(), |s, c| {
        Problem::at(FIELDS[c], ProblemKind::WrongType { expected: JsonType::Number, found: quoted(pick(s, "khoảng 90", "N/A 7")) })
    }));
    for (name, kind) in [("Missing", ProblemKind::Missing), ("EmptyText", ProblemKind::EmptyText), ("EmptyList", ProblemKind::EmptyList)] {
        cases.push(case(name, move |s| Problem::at(path(s), kind.clone())));
    }
    cases.push(case("NotFinite", |s| Problem::at(path(s), ProblemKind::NotFinite)));
    cases.push(case("NotWholeNumber", |s| Problem::at(path(s), ProblemKind::NotWholeNumber { value: pick(s, 2.5, 17.25) })));
    cases.push(case("NotWholeNumber, thousands meant", |s| {
        Problem::at(path(s), ProblemKind::NotWholeNumber { value: pick(s, 2.989, 17.654) })
    }));
    cases.push(case("Negative", |s| Problem::at(path(s), ProblemKind::Negative { value: pick(s, -3.0, -12.5) })));
    cases.push(case("UnknownValue", |s| {
        Problem::at(
            pick(s, "locale", "sort"),
            ProblemKind::UnknownValue { value: pick(s, "fr", "sideways").into(), allowed: pick(s, LOCALES, SORTS) },
        )
    }));
    cases.push(case("SumMismatch", |s| {
        let kind = ProblemKind::SumMismatch { sum: pick(s, 8, 31), expected: pick(s, 9, 30), expected_field: pick(s, "cells", "total") };
        Problem::at(pick(s, "communes[0].cellKinds", "communes[1].targets.total"), kind)
    }));
    // Nothing to draw: each kind's message as the model gives it, with its path.
    let nothing = model_from_json(r#"{"communes":[{"name":"A"}]}"#).unwrap();
    for kind in ChartKind::ALL {
        let problem = check_drawable(&nothing, kind).unwrap_err();
        cases.push(case(format!("NothingToDraw {}", kind.name()), move |_| problem.clone()));
    }
    cases.push(case("UnknownKind", |s| {
        Problem::at(
            pick(s, "chart", "data-commune-chart"),
            ProblemKind::UnknownKind { value: pick(s, "pie", "bars").into(), allowed: ChartKind::NAMES },
        )
    }));
    // A name close to one commune's, and one near none (two messages: with and without "did you mean").
    cases.push(case("UnknownCommune", |s| {
        Problem::at(
            pick(s, "highlight[0]", "highlight[3]"),
            ProblemKind::UnknownCommune {
                value: pick(s, "Mo Si San", "Duc Tho").into(),
                names: vec![pick(s, "Mồ Sì San", "Đức Thọ").into(), pick(s, "Pa Vây Sử", "Dào San").into()],
            },
        )
    }));
    cases.push(case("UnknownCommune without a close name", |s| {
        Problem::at(
            pick(s, "highlight[1]", "highlight[2]"),
            ProblemKind::UnknownCommune { value: pick(s, "X", "Y").into(), names: Vec::new() },
        )
    }));
    cases.push(case("NoData", |_| Problem::at("", ProblemKind::NoData)));
    cases.push(case("TooLarge", |s| Problem::at("", ProblemKind::TooLarge { bytes: pick(s, 6_000_001, 73_400_320), max: MAX_JSON_BYTES })));
    cases.push(case("TooLong", |s| Problem::at(path(s), ProblemKind::TooLong { chars: pick(s, 1_234, 56_789), max: MAX_TEXT_CHARS })));
    cases.push(case("TooMany", |s| {
        Problem::at(
            pick(s, "communes", "indicators"),
            ProblemKind::TooMany { count: pick(s, 12_345, 2_678), max: pick(s, MAX_COMMUNES, MAX_INDICATORS) },
        )
    }));
    let fetches: [(&str, FetchFailure, FetchFailure); 8] = [
        ("404", FetchFailure::Status(404), FetchFailure::Status(404)),
        ("401 or 403", FetchFailure::Status(401), FetchFailure::Status(403)),
        ("5xx", FetchFailure::Status(500), FetchFailure::Status(503)),
        ("another status", FetchFailure::Status(418), FetchFailure::Status(302)),
        ("Network", FetchFailure::Network, FetchFailure::Network),
        ("NotJson", FetchFailure::NotJson, FetchFailure::NotJson),
        ("Empty", FetchFailure::Empty, FetchFailure::Empty),
        ("Cut", FetchFailure::Cut, FetchFailure::Cut),
    ];
    for (name, a, b) in fetches {
        cases.push(case(format!("FetchFailed {name}"), move |s| {
            let url = pick(s, "https://cdn.example/xa.json", "/so-lieu/huyen.csv").to_string();
            Problem::at("data-src", ProblemKind::FetchFailed { url, why: pick(s, a.clone(), b.clone()) })
        }));
    }
    cases.push(choice_case("FetchFailed Timeout, one second or more", 2, |s, c| {
        let url = pick(s, "https://cdn.example/xa.json", "/so-lieu/huyen.csv").to_string();
        Problem::at("data-src", ProblemKind::FetchFailed { url, why: FetchFailure::Timeout { seconds: [1, 15][c] } })
    }));
    for why in [ValueTrouble::Cycle, ValueTrouble::BigInt, ValueTrouble::Throws, ValueTrouble::NotData] {
        cases.push(case(format!("UnreadableValue {why:?}"), move |s| Problem::at(path(s), ProblemKind::UnreadableValue { why })));
    }
    cases.push(case("DuplicateName", |s| {
        Problem::at(
            pick(s, "communes[4].name", "communes[17].name"),
            ProblemKind::DuplicateName { name: pick(s, "Mồ Sì San", "Đức Thọ").into(), first: pick(s, 1, 12) },
        )
    }));
    cases.push(case("FewerMembersThanCells", |s| {
        Problem::at(
            pick(s, "communes[2]", "communes[9]"),
            ProblemKind::FewerMembersThanCells { members: pick(s, 3, 12), cells: pick(s, 9, 140) },
        )
    }));
    cases.push(choice_case("LacksField, one commune or several", 2, |s, c| {
        let names: Vec<String> = match (c, s) {
            (0, 0) => vec!["Mồ Sì San".into()],
            (0, _) => vec!["Đức Thọ".into()],
            (_, 0) => vec!["Pa Vây Sử".into(), "Sì Lở Lầu".into(), "Dào San".into()],
            _ => vec!["Tung Qua Lìn".into(), "Vàng Ma Chải".into(), "Hoang Thèn".into(), "Bản Lang".into()],
        };
        Problem::at(pick(s, "communes", "indicators"), ProblemKind::LacksField { field: pick(s, "members", "percentOfPlan"), names })
    }));
    cases.push(case("PercentLooksLikeFraction", |s| {
        Problem::at(path(s), ProblemKind::PercentLooksLikeFraction { value: pick(s, 0.997, 1.2) })
    }));
    cases.push(case("LooksLikeThousands", |s| {
        let kind =
            ProblemKind::LooksLikeThousands { written: pick(s, "5.755", "12.500").into(), measure: pick(s, Some("ha".into()), None) };
        Problem::at(path(s), kind)
    }));
    cases
}

// ------------------------------------------------------------------------- comparing messages

/// `problem`'s message without its place (`` `communes[1].members`: ``): the path is a sample value
/// like any other, and the guides write `«path»`.
fn said(problem: &Problem, locale: Locale) -> String {
    let message = problem.message(locale);
    let place = format!("`{}`: ", problem.path);
    message.strip_prefix(&place).unwrap_or(&message).to_string()
}

/// What of `case`'s messages in `locale` must be in the guide: the words shared by both sample
/// sets, and the words that differ by choice only (the name of a type, the example for a field).
fn quoted_words(case: &Case, locale: Locale) -> Vec<String> {
    let mut out = Vec::new();
    for c in 0..case.choices {
        let message = said(&(case.build)(0, c), locale);
        let other_sample = said(&(case.build)(1, c), locale);
        let words = tokens(&message);
        let fixed = shared(&words, &tokens(&other_sample));
        let mut in_every_choice = fixed.clone();
        if case.choices > 1 {
            let other_choice = said(&(case.build)(0, (c + 1) % case.choices), locale);
            let by_choice = shared(&words, &tokens(&other_choice));
            let mut choice_only: Vec<bool> = fixed.iter().zip(&by_choice).map(|(f, b)| *f && !*b).collect();
            // Spaces and punctuation between two words of the choice are part of it (`a list [`).
            let mut i = 0;
            while i < words.len() {
                let gap = words[i..].iter().take_while(|w| !w.chars().any(char::is_alphanumeric)).count();
                if gap > 0 && i > 0 && choice_only[i - 1] && choice_only.get(i + gap) == Some(&true) {
                    choice_only[i..i + gap].iter_mut().for_each(|c| *c = true);
                }
                i += gap.max(1);
            }
            in_every_choice = fixed.iter().zip(&by_choice).zip(&choice_only).map(|((f, b), c)| *f && *b && !*c).collect();
            out.extend(runs(&words, &choice_only, true));
        }
        out.extend(runs(&words, &in_every_choice, false));
    }
    if case.list {
        out = out.iter().flat_map(|words| words.split(", ")).map(str::to_string).collect();
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_message_is_quoted_in_the_guide_of_its_language() {
    let cases = cases();
    assert!(cases.len() > 70, "cases went missing");
    let mut missing = Vec::new();
    for (locale, path) in [(Locale::En, "docs/en/errors.md"), (Locale::Vi, "docs/vi/loi.md")] {
        let text = guide(path);
        for case in &cases {
            for words in quoted_words(case, locale) {
                // `SHOW_QUOTED=1 cargo test --test error_guides -- --nocapture`: what is looked for.
                if std::env::var_os("SHOW_QUOTED").is_some() {
                    println!("{path} | {} | {words}", case.name);
                }
                if !text.contains(&one_line(&words)) {
                    let example = (case.build)(0, 0).message(locale);
                    missing.push(format!("{path}: {} ({example}) needs the words: {words}", case.name));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} message part(s) are not in the error guides, which quote every message word for word; \
         update the guide (or the message):\n{}",
        missing.len(),
        missing.join("\n")
    );
}

/// The comparison itself: the fixed words of a message, not its sample values.
#[test]
fn the_fixed_words_are_what_two_messages_share() {
    let case = case("t", |s| Problem::at(path(s), ProblemKind::Negative { value: pick(s, -3.0, -12.5) }));
    assert_eq!(quoted_words(&case, Locale::En), ["must not be negative (found"]);
    let choice = choice_case("c", 2, |s, c| {
        Problem::at(
            path(s),
            ProblemKind::WrongType { expected: [JsonType::Number, JsonType::Object][c], found: value(pick(s, "true", "[1]")) },
        )
    });
    let words = quoted_words(&choice, Locale::En);
    for expected in ["expected", "a number", "an object"] {
        assert!(words.iter().any(|w| w == expected), "{expected:?} not in {words:?}");
    }
}
