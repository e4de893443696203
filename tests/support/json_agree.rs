//! `commune_charts::json::parse` against `serde_json`'s `from_str::<Value>` on one text: the same
//! values (numbers within 2 units in the last place where `serde_json`, without `float_roundtrip`,
//! rounds approximately), or the same kind of syntax error at the same line and column.
//! Shared by `tests/json_oracle.rs` and `tests/hostile.rs`.

use commune_charts::json::ErrorKind;
use commune_charts::json::{self, Number};

/// How a `serde_json` message reads as a [`ErrorKind`] (the mapping spec.rs used before it had its
/// own reader).
pub fn classify(msg: &str) -> ErrorKind {
    let m = msg.to_ascii_lowercase();
    if m.starts_with("eof") {
        ErrorKind::UnexpectedEnd
    } else if m.starts_with("trailing comma") {
        ErrorKind::TrailingComma
    } else if m.starts_with("trailing characters") {
        ErrorKind::TrailingCharacters
    } else if m.contains("`,` or `}`") {
        ErrorKind::ExpectedCommaOrBrace
    } else if m.contains("`,` or `]`") {
        ErrorKind::ExpectedCommaOrBracket
    } else if m.contains("expected `:`") {
        ErrorKind::ExpectedColon
    } else if m.starts_with("key must be a string") {
        ErrorKind::KeyMustBeString
    } else if m.starts_with("expected value") || m.starts_with("expected ident") {
        ErrorKind::ExpectedValue
    } else if m.contains("number out of range") {
        ErrorKind::NumberOutOfRange
    } else if m.contains("number") {
        ErrorKind::InvalidNumber
    } else if m.contains("escape") || m.contains("unicode code point") {
        ErrorKind::InvalidEscape
    } else if m.contains("control character") {
        ErrorKind::ControlCharacter
    } else {
        ErrorKind::Other
    }
}

/// Ok, or what differs.
pub fn agree(text: &str) -> Result<(), String> {
    match (json::parse(text), serde_json::from_str::<serde_json::Value>(text)) {
        (Ok(ours), Ok(theirs)) => same(&ours, &theirs, "$"),
        (Err(ours), Err(theirs)) => {
            let what = classify(&theirs.to_string());
            if (ours.line, ours.column, ours.what) == (theirs.line(), theirs.column(), what) {
                Ok(())
            } else {
                Err(format!("we say {ours:?}; serde_json says `{theirs}` ({what:?})"))
            }
        }
        (Ok(_), Err(theirs)) => Err(format!("we read it; serde_json says `{theirs}`")),
        (Err(ours), Ok(_)) => Err(format!("we say {ours:?}; serde_json reads it")),
    }
}

fn same(ours: &json::Value, theirs: &serde_json::Value, path: &str) -> Result<(), String> {
    use serde_json::Value as T;
    let ok = match (ours, theirs) {
        (json::Value::Null, T::Null) => true,
        (json::Value::Bool(a), T::Bool(b)) => a == b,
        (json::Value::String(a), T::String(b)) => a == b,
        (json::Value::Number(a), T::Number(b)) => match (*a, b.as_u64(), b.as_i64(), b.as_f64()) {
            (Number::U64(a), Some(b), _, _) => a == b,
            (Number::I64(a), None, Some(b), _) => a == b,
            (Number::F64(a), None, None, Some(b)) => a.to_bits() == b.to_bits() || ulps(a, b) <= 2,
            _ => false,
        },
        (json::Value::Array(a), T::Array(b)) => {
            if a.len() != b.len() {
                return Err(format!("{path}: {} items, serde_json {}", a.len(), b.len()));
            }
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                same(x, y, &format!("{path}[{i}]"))?;
            }
            true
        }
        (json::Value::Object(a), T::Object(b)) => {
            let (ka, kb): (Vec<&String>, Vec<&String>) = (a.keys().collect(), b.keys().collect());
            if ka != kb {
                return Err(format!("{path}: keys {ka:?}, serde_json {kb:?}"));
            }
            for (k, x) in a.iter() {
                same(x, &b[k.as_str()], &format!("{path}.{k}"))?;
            }
            true
        }
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{path}: {ours:?}, serde_json {theirs}"))
    }
}

/// Units in the last place between two finite floats of the same sign.
fn ulps(a: f64, b: f64) -> u64 {
    if a.is_sign_negative() != b.is_sign_negative() {
        return if a == 0.0 && b == 0.0 { 0 } else { u64::MAX };
    }
    a.abs().to_bits().abs_diff(b.abs().to_bits())
}
