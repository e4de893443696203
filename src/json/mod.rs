//! JSON text -> [`Value`], or the line and column of the first syntax error and what it is.
//!
//! Why not `serde_json`: with `preserve_order` it brought indexmap, hashbrown and serde's
//! machinery, about 8 kB gz of the wasm, for one job. This reader gives what `serde_json`'s
//! `from_str::<Value>` gives — the same values, objects in the order written (a repeated key keeps
//! its first place and takes the last value), the same 127 levels of nesting, and each syntax error
//! of the same kind at the same line and column — and `tests/json_oracle.rs` holds it to
//! `serde_json` over the hostile corpus and thousands of damaged documents. One difference, on
//! purpose: numbers are rounded correctly where `serde_json` without `float_roundtrip` can be one
//! unit in the last place off (`999999999999999.9` read as 10^15, `2077395710468449.0` as not
//! whole), as long as the digits fit 64 bits and the exponent is within 10^±19.
//!
//! Positions follow `serde_json`: `line` counts from 1, `column` is the 1-based byte column of the
//! offending byte on its line (0 for an error at the start of an empty line).
//!
//! The files: this one the values, the error kinds and [`parse`]; `reader.rs` the reader;
//! `number.rs` a number's digits to the nearest f64; `literals.rs` numbers as written (the
//! explanations module's preview warnings only).

#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
mod literals;
mod number;
mod reader;

#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
pub use literals::number_literals;
use reader::Parser;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// The JSON types, as named in messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonType {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl Value {
    pub fn json_type(&self) -> JsonType {
        match self {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Bool,
            Value::Number(_) => JsonType::Number,
            Value::String(_) => JsonType::String,
            Value::Array(_) => JsonType::Array,
            Value::Object(_) => JsonType::Object,
        }
    }
}

/// A JSON number as read: a non-negative integer, a negative integer, or anything else.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    U64(u64),
    I64(i64),
    F64(f64),
}

impl Number {
    #[expect(clippy::cast_precision_loss, reason = "a JSON number as an f64: beyond 2^53 it rounds, as in JavaScript")]
    pub fn as_f64(self) -> f64 {
        match self {
            Number::U64(n) => n as f64,
            Number::I64(n) => n as f64,
            Number::F64(f) => f,
        }
    }
    pub fn as_u64(self) -> Option<u64> {
        match self {
            Number::U64(n) => Some(n),
            _ => None,
        }
    }
    pub fn as_i64(self) -> Option<i64> {
        match self {
            Number::U64(n) => i64::try_from(n).ok(),
            Number::I64(n) => Some(n),
            Number::F64(_) => None,
        }
    }
}

/// An object's members in the order written, each key once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map {
    entries: Vec<(String, Value)>,
}

impl Map {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl Value {
    /// An object's member (None for other values).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(map) => map.get(key),
            _ => None,
        }
    }
}

/// What a syntax error is: the kinds the reader reports, and the refinements `problem/` makes
/// from the text around it (a decimal comma, a curly quote, a missing `}`…) so that a journalist
/// can act on it. Worded in `problem/syntax.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    UnexpectedEnd,
    ExpectedValue,
    ExpectedCommaOrBrace,
    ExpectedCommaOrBracket,
    ExpectedColon,
    KeyMustBeString,
    TrailingComma,
    TrailingCharacters,
    InvalidNumber,
    InvalidEscape,
    ControlCharacter,
    /// `99,7`: a decimal comma (the parser reads `99` then a stray `,7`).
    DecimalComma,
    /// `1.234.567`: dots grouping thousands.
    ThousandsDot,
    /// `2 989`: a space inside a number.
    SpaceInNumber,
    /// `99.7%`, `5755ha`: a unit written after the number.
    UnitAfterNumber,
    /// `1e400`: beyond what a number can hold.
    NumberOutOfRange,
    /// `“name”`: curly quotes (Word, a phone's keyboard) where JSON needs straight ones `"`.
    CurlyQuote,
    /// `"members": 89,` then `{` on the next line: the object before was not closed (its `}`
    /// belongs before the comma).
    MissingBraceBeforeComma,
    /// `"members": 89` then `{`: neither the `}` nor the comma between the two objects.
    MissingBraceAndComma,
    /// `"members": 89` then `]`: the last object of a list was not closed.
    MissingBraceBeforeBracket,
    Other,
}

/// Where and what the first syntax error is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub what: ErrorKind,
}

/// `serde_json`'s recursion limit: the 128th nested array or object is refused.
const MAX_DEPTH: u32 = 127;
/// Objects longer than this find repeated keys through a hash map instead of a scan.
const SCAN_KEYS_UP_TO: usize = 16;

pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut p = Parser { text, bytes: text.as_bytes(), index: 0, depth: 0 };
    let value = p.value()?;
    match p.skip_whitespace() {
        Some(_) => Err(p.peek_error(ErrorKind::TrailingCharacters)),
        None => Ok(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_order() {
        let v = parse(r#" {"b": [1, -2, 2.5, -0, true, null, "x\"\u00e9\ud83d\ude00"], "a": {}, "b": 3} "#).unwrap();
        let Value::Object(map) = &v else { panic!() };
        assert_eq!(map.keys().collect::<Vec<_>>(), ["b", "a"]);
        assert_eq!(map.get("b"), Some(&Value::Number(Number::U64(3))));
        let v = parse(r#"[1, -2, 2.5, -0, true, null, "x\"\u00e9\ud83d\ude00", 18446744073709551616, -9223372036854775808]"#).unwrap();
        let Value::Array(items) = v else { panic!() };
        assert_eq!(items.get(1), Some(&Value::Number(Number::I64(-2))));
        assert!(matches!(items.get(3), Some(Value::Number(Number::F64(z))) if *z == 0.0 && z.is_sign_negative()));
        assert_eq!(items.get(6), Some(&Value::String("x\"é😀".into())));
        assert_eq!(items.get(7), Some(&Value::Number(Number::F64(18_446_744_073_709_551_616.0))));
        assert_eq!(items.get(8), Some(&Value::Number(Number::I64(i64::MIN))));
    }

    #[test]
    fn errors_have_serde_json_positions() {
        let at = |text: &str| parse(text).map(|_| ()).unwrap_err();
        assert_eq!(at("{\"a\": 1,}"), SyntaxError { line: 1, column: 9, what: ErrorKind::TrailingComma });
        assert_eq!(at("[1 2]"), SyntaxError { line: 1, column: 4, what: ErrorKind::ExpectedCommaOrBracket });
        assert_eq!(at("{\n  \"a\": tru }"), SyntaxError { line: 2, column: 11, what: ErrorKind::ExpectedValue });
        assert_eq!(at(""), SyntaxError { line: 1, column: 0, what: ErrorKind::UnexpectedEnd });
        assert_eq!(at("[1e400]"), SyntaxError { line: 1, column: 6, what: ErrorKind::NumberOutOfRange });
        assert_eq!(at(&"[".repeat(200)), SyntaxError { line: 1, column: 128, what: ErrorKind::Other });
    }
}
