//! JSON text -> [`Value`], or the line and column of the first syntax error and what it is.
//!
//! Why not serde_json: with `preserve_order` it brought indexmap, hashbrown and serde's
//! machinery, about 8 kB gz of the wasm, for one job. This reader gives what serde_json's
//! `from_str::<Value>` gives — the same values, objects in the order written (a repeated key keeps
//! its first place and takes the last value), the same 127 levels of nesting, and each syntax error
//! of the same kind at the same line and column — and `tests/json_oracle.rs` holds it to
//! serde_json over the hostile corpus and thousands of damaged documents. One difference, on
//! purpose: numbers are rounded correctly where serde_json without `float_roundtrip` can be one
//! unit in the last place off (`999999999999999.9` read as 10^15, `2077395710468449.0` as not
//! whole), as long as the digits fit 64 bits and the exponent is within 10^±19.
//!
//! Positions follow serde_json: `line` counts from 1, `column` is the 1-based byte column of the
//! offending byte on its line (0 for an error at the start of an empty line).

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
    #[allow(clippy::cast_precision_loss)]
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

/// What a syntax error is: the kinds the reader reports, and the refinements `problem.rs` makes
/// from the text around it (a decimal comma, a curly quote, a missing `}`…) so that a journalist
/// can act on it. Worded in `problem.rs`.
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

/// serde_json's recursion limit: the 128th nested array or object is refused.
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

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The next byte to read.
    index: usize,
    depth: u32,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.index).copied()
    }

    fn skip_whitespace(&mut self) -> Option<u8> {
        while let Some(b) = self.peek() {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.index += 1;
        }
        None
    }

    fn skip_digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.index += 1;
        }
    }

    /// An error at the byte just read (serde_json's `error`).
    fn error(&self, what: ErrorKind) -> SyntaxError {
        self.error_at(self.index, what)
    }

    /// An error at the byte about to be read (serde_json's `peek_error`).
    fn peek_error(&self, what: ErrorKind) -> SyntaxError {
        self.error_at((self.index + 1).min(self.bytes.len()), what)
    }

    fn error_at(&self, i: usize, what: ErrorKind) -> SyntaxError {
        let before = self.bytes.get(..i).unwrap_or(self.bytes);
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let line = 1 + before.iter().take(line_start).filter(|&&b| b == b'\n').count();
        SyntaxError { line, column: i - line_start, what }
    }

    fn value(&mut self) -> Result<Value, SyntaxError> {
        let Some(b) = self.skip_whitespace() else {
            return Err(self.peek_error(ErrorKind::UnexpectedEnd));
        };
        match b {
            b'n' => self.word(b"null", Value::Null),
            b't' => self.word(b"true", Value::Bool(true)),
            b'f' => self.word(b"false", Value::Bool(false)),
            b'-' => {
                self.index += 1;
                self.number(false).map(Value::Number)
            }
            b'0'..=b'9' => self.number(true).map(Value::Number),
            b'"' => {
                self.index += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' => {
                if self.depth >= MAX_DEPTH {
                    return Err(self.peek_error(ErrorKind::Other));
                }
                self.depth += 1;
                self.index += 1;
                let value = if b == b'[' { self.array().map(Value::Array) } else { self.object().map(Value::Object) };
                self.depth -= 1;
                value
            }
            _ => Err(self.peek_error(ErrorKind::ExpectedValue)),
        }
    }

    /// `null`, `true`, `false`: the first letter is known, the rest must follow.
    fn word(&mut self, word: &[u8], value: Value) -> Result<Value, SyntaxError> {
        self.index += 1;
        for expected in word.iter().skip(1) {
            let Some(b) = self.peek() else {
                return Err(self.error(ErrorKind::UnexpectedEnd));
            };
            self.index += 1;
            if b != *expected {
                return Err(self.error(ErrorKind::ExpectedValue));
            }
        }
        Ok(value)
    }

    fn array(&mut self) -> Result<Vec<Value>, SyntaxError> {
        let mut items = Vec::new();
        loop {
            let Some(b) = self.skip_whitespace() else {
                return Err(self.peek_error(ErrorKind::UnexpectedEnd));
            };
            if b == b']' {
                break;
            }
            if !items.is_empty() {
                if b != b',' {
                    return Err(self.peek_error(ErrorKind::ExpectedCommaOrBracket));
                }
                self.index += 1;
                match self.skip_whitespace() {
                    Some(b']') => return Err(self.peek_error(ErrorKind::TrailingComma)),
                    Some(_) => {}
                    None => return Err(self.peek_error(ErrorKind::UnexpectedEnd)),
                }
            }
            items.push(self.value()?);
        }
        self.index += 1;
        Ok(items)
    }

    fn object(&mut self) -> Result<Map, SyntaxError> {
        let mut entries: Vec<(String, Value)> = Vec::new();
        let mut positions: std::collections::HashMap<String, usize, foldhash::fast::FixedState> = Default::default();
        loop {
            let Some(b) = self.skip_whitespace() else {
                return Err(self.peek_error(ErrorKind::UnexpectedEnd));
            };
            if b == b'}' {
                break;
            }
            if entries.is_empty() {
                if b != b'"' {
                    return Err(self.peek_error(ErrorKind::KeyMustBeString));
                }
            } else {
                if b != b',' {
                    return Err(self.peek_error(ErrorKind::ExpectedCommaOrBrace));
                }
                self.index += 1;
                match self.skip_whitespace() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(self.peek_error(ErrorKind::TrailingComma)),
                    Some(_) => return Err(self.peek_error(ErrorKind::KeyMustBeString)),
                    None => return Err(self.peek_error(ErrorKind::UnexpectedEnd)),
                }
            }
            self.index += 1;
            let key = self.string()?;
            match self.skip_whitespace() {
                Some(b':') => self.index += 1,
                Some(_) => return Err(self.peek_error(ErrorKind::ExpectedColon)),
                None => return Err(self.peek_error(ErrorKind::UnexpectedEnd)),
            }
            let value = self.value()?;
            // A repeated key keeps its first place and takes the last value (as serde_json's
            // `preserve_order` map does).
            let earlier = if entries.len() < SCAN_KEYS_UP_TO {
                entries.iter().position(|(k, _)| *k == key)
            } else {
                if positions.is_empty() {
                    positions.extend(entries.iter().enumerate().map(|(i, (k, _))| (k.clone(), i)));
                }
                match positions.get(&key) {
                    Some(i) => Some(*i),
                    None => {
                        positions.insert(key.clone(), entries.len());
                        None
                    }
                }
            };
            match earlier.and_then(|i| entries.get_mut(i)) {
                Some((_, slot)) => *slot = value,
                None => entries.push((key, value)),
            }
        }
        self.index += 1;
        Ok(Map { entries })
    }

    /// The rest of a string whose opening quote was just read.
    fn string(&mut self) -> Result<String, SyntaxError> {
        let mut out = String::new();
        let mut start = self.index;
        loop {
            while self.peek().is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20) {
                self.index += 1;
            }
            let Some(b) = self.peek() else {
                return Err(self.error(ErrorKind::UnexpectedEnd));
            };
            // Quote and backslash are ASCII, so both ends are character boundaries.
            out.push_str(self.text.get(start..self.index).unwrap_or_default());
            self.index += 1;
            match b {
                b'"' => return Ok(out),
                b'\\' => {
                    self.escape(&mut out)?;
                    start = self.index;
                }
                _ => return Err(self.error(ErrorKind::ControlCharacter)),
            }
        }
    }

    /// The escape after a backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let Some(b) = self.peek() else {
            return Err(self.error(ErrorKind::UnexpectedEnd));
        };
        self.index += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(out),
            _ => return Err(self.error(ErrorKind::InvalidEscape)),
        };
        out.push(c);
        Ok(())
    }

    /// `\uXXXX`, and a second one after a leading surrogate; lone surrogates are refused.
    fn unicode_escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let first = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&first) {
            return Err(self.error(ErrorKind::InvalidEscape));
        }
        if !(0xD800..=0xDBFF).contains(&first) {
            out.push(char::from_u32(u32::from(first)).unwrap_or('\u{fffd}'));
            return Ok(());
        }
        for expected in [b'\\', b'u'] {
            let Some(b) = self.peek() else {
                return Err(self.error(ErrorKind::UnexpectedEnd));
            };
            self.index += 1;
            if b != expected {
                return Err(self.error(ErrorKind::InvalidEscape));
            }
        }
        let second = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&second) {
            return Err(self.error(ErrorKind::InvalidEscape));
        }
        let c = 0x1_0000 + ((u32::from(first) - 0xD800) << 10 | (u32::from(second) - 0xDC00));
        out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
        Ok(())
    }

    fn hex4(&mut self) -> Result<u16, SyntaxError> {
        let Some(digits) = self.bytes.get(self.index..self.index + 4) else {
            self.index = self.bytes.len();
            return Err(self.error(ErrorKind::UnexpectedEnd));
        };
        self.index += 4;
        let mut n: u16 = 0;
        for &d in digits {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(self.error(ErrorKind::InvalidEscape)),
            };
            n = n << 4 | u16::from(v);
        }
        Ok(n)
    }

    /// A number whose sign (if any) was just read.
    fn number(&mut self, positive: bool) -> Result<Number, SyntaxError> {
        let Some(first) = self.peek() else {
            return Err(self.error(ErrorKind::UnexpectedEnd));
        };
        self.index += 1;
        let mut significand = match first {
            b'0' => {
                if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    return Err(self.peek_error(ErrorKind::InvalidNumber));
                }
                0
            }
            b'1'..=b'9' => u64::from(first - b'0'),
            _ => return Err(self.error(ErrorKind::InvalidNumber)),
        };
        // Integer digits while they fit 64 bits; then only their count matters.
        let mut exponent: i32 = 0;
        while let Some(d) = self.peek().filter(u8::is_ascii_digit) {
            self.index += 1;
            if exponent > 0 {
                exponent = exponent.saturating_add(1);
            } else {
                match significand.checked_mul(10).and_then(|s| s.checked_add(u64::from(d - b'0'))) {
                    Some(s) => significand = s,
                    None => exponent = 1,
                }
            }
        }
        let integer = exponent == 0;
        if self.peek() == Some(b'.') {
            self.index += 1;
            let mut fraction_digits = 0;
            while let Some(d) = self.peek().filter(u8::is_ascii_digit) {
                self.index += 1;
                fraction_digits += 1;
                match significand.checked_mul(10).and_then(|s| s.checked_add(u64::from(d - b'0'))) {
                    Some(s) => {
                        significand = s;
                        exponent = exponent.saturating_sub(1);
                    }
                    None => {
                        // Digits beyond 64 bits are dropped (serde_json does the same).
                        self.skip_digits();
                        break;
                    }
                }
            }
            if fraction_digits == 0 {
                return Err(match self.peek() {
                    Some(_) => self.peek_error(ErrorKind::InvalidNumber),
                    None => self.peek_error(ErrorKind::UnexpectedEnd),
                });
            }
            return self.exponent_part(positive, significand, exponent).map(Number::F64);
        }
        if matches!(self.peek(), Some(b'e' | b'E')) || !integer {
            return self.exponent_part(positive, significand, exponent).map(Number::F64);
        }
        Ok(if positive {
            Number::U64(significand)
        } else {
            match i64::try_from(significand) {
                Ok(0) => Number::F64(-0.0),
                Ok(n) => Number::I64(-n),
                Err(_) if significand == 1 << 63 => Number::I64(i64::MIN),
                #[allow(clippy::cast_precision_loss)]
                Err(_) => Number::F64(-(significand as f64)),
            }
        })
    }

    /// An optional `e±ddd`, then the value of `significand` × 10^`exponent`.
    fn exponent_part(&mut self, positive: bool, significand: u64, exponent: i32) -> Result<f64, SyntaxError> {
        let mut exponent = exponent;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.index += 1;
            let negative = match self.peek() {
                Some(b'+') => {
                    self.index += 1;
                    false
                }
                Some(b'-') => {
                    self.index += 1;
                    true
                }
                _ => false,
            };
            let Some(first) = self.peek() else {
                return Err(self.error(ErrorKind::UnexpectedEnd));
            };
            self.index += 1;
            if !first.is_ascii_digit() {
                return Err(self.error(ErrorKind::InvalidNumber));
            }
            let mut e = i32::from(first - b'0');
            while let Some(d) = self.peek().filter(u8::is_ascii_digit) {
                self.index += 1;
                match e.checked_mul(10).and_then(|e| e.checked_add(i32::from(d - b'0'))) {
                    Some(v) => e = v,
                    None => {
                        // An exponent beyond 32 bits: infinity is an error, zero is zero.
                        if significand != 0 && !negative {
                            return Err(self.error(ErrorKind::NumberOutOfRange));
                        }
                        self.skip_digits();
                        return Ok(if positive { 0.0 } else { -0.0 });
                    }
                }
            }
            exponent = if negative { exponent.saturating_sub(e) } else { exponent.saturating_add(e) };
        }
        let f = decimal_to_f64(significand, exponent);
        if f.is_infinite() {
            return Err(self.error(ErrorKind::NumberOutOfRange));
        }
        Ok(if positive { f } else { -f })
    }
}

/// Every number of a JSON text with its path, as `spec.rs` names fields
/// (`indicators[0].value`, `communes[2].cellKinds.Chi bộ bản`), and its literal as written
/// (`5.755`, `12.500`): what the parsed value no longer holds (`12.500` is read as 12.5). A
/// repeated key gives each of its numbers, the last one last. Empty when the text is not JSON.
/// Only the explanations module calls it (its preview warnings), so the reader path's wasm does
/// not carry it.
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
pub fn number_literals(text: &str) -> Vec<(String, &str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut p = Parser { text, bytes: text.as_bytes(), index: 0, depth: 0 };
    let mut out = Vec::new();
    if p.literals(&mut String::new(), &mut out).is_err() || p.skip_whitespace().is_some() {
        out.clear();
    }
    out
}

#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
impl<'a> Parser<'a> {
    /// One value at `path`, its numbers' literals added to `out`.
    fn literals(&mut self, path: &mut String, out: &mut Vec<(String, &'a str)>) -> Result<(), SyntaxError> {
        let Some(b) = self.skip_whitespace() else {
            return Err(self.peek_error(ErrorKind::UnexpectedEnd));
        };
        if matches!(b, b'[' | b'{') {
            if self.depth >= MAX_DEPTH {
                return Err(self.peek_error(ErrorKind::Other));
            }
            self.depth += 1;
            self.index += 1;
            let close = if b == b'[' { b']' } else { b'}' };
            let mut count: u64 = 0;
            loop {
                let Some(next) = self.skip_whitespace() else {
                    return Err(self.peek_error(ErrorKind::UnexpectedEnd));
                };
                if next == close {
                    self.index += 1;
                    break;
                }
                if count > 0 {
                    if next != b',' {
                        return Err(self.peek_error(ErrorKind::Other));
                    }
                    self.index += 1;
                }
                let len = path.len();
                if b == b'[' {
                    path.push('[');
                    path.push_str(&crate::text::digits(count));
                    path.push(']');
                } else {
                    if self.skip_whitespace() != Some(b'"') {
                        return Err(self.peek_error(ErrorKind::KeyMustBeString));
                    }
                    self.index += 1;
                    let key = self.string()?;
                    if self.skip_whitespace() != Some(b':') {
                        return Err(self.peek_error(ErrorKind::ExpectedColon));
                    }
                    self.index += 1;
                    if len > 0 {
                        path.push('.');
                    }
                    path.push_str(&key);
                }
                self.literals(path, out)?;
                path.truncate(len);
                count += 1;
            }
            self.depth -= 1;
            return Ok(());
        }
        let start = self.index;
        let value = self.value()?;
        if matches!(value, Value::Number(_)) {
            out.push((path.clone(), self.text.get(start..self.index).unwrap_or_default()));
        }
        Ok(())
    }
}

/// 10^0 ..= 10^22: every one exact in an f64.
const POW10: [f64; 23] =
    [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/// `significand` × 10^`exponent`, rounded to the nearest f64: directly when both fit an f64
/// exactly (significand at most 2^53, exponent within ±22), otherwise by multiplying or dividing
/// by ten on a 128-bit integer (keeping 124 bits or more, with a sticky bit for what is dropped)
/// and rounding once. Matches Rust's own `str::parse::<f64>` (tested) except for subnormals.
#[allow(clippy::cast_precision_loss)]
fn decimal_to_f64(significand: u64, exponent: i32) -> f64 {
    let (mut s, mut e) = (significand, exponent);
    if s == 0 {
        return 0.0;
    }
    while s % 10 == 0 && e < i32::MAX {
        s /= 10;
        e += 1;
    }
    if s <= 1 << 53 && (-22..=22).contains(&e) {
        let p = POW10.get(e.unsigned_abs() as usize).copied().unwrap_or(f64::INFINITY);
        return if e >= 0 { s as f64 * p } else { s as f64 / p };
    }
    // Beyond these, the result is infinite or zero anyway.
    if e > 330 {
        return f64::INFINITY;
    }
    if e < -360 {
        return 0.0;
    }
    let (mut m, mut binary_exponent, mut sticky) = (u128::from(s), 0i32, false);
    if e > 0 {
        for _ in 0..e {
            while m > u128::MAX / 10 {
                sticky |= m & 1 == 1;
                m >>= 1;
                binary_exponent += 1;
            }
            m *= 10;
        }
    } else {
        for _ in 0..e.unsigned_abs() {
            let room = m.leading_zeros().saturating_sub(1);
            m <<= room;
            binary_exponent -= i32::try_from(room).unwrap_or(0);
            let (q, r) = div10(m);
            sticky |= r != 0;
            m = q;
        }
    }
    let f = round_to_f64(m, sticky);
    // Scaled in two steps, so each power of two is a normal f64.
    let half = binary_exponent / 2;
    f * two_pow(half) * two_pow(binary_exponent - half)
}

/// `n` / 10 and `n` % 10 by long division on 32-bit digits: no 128-bit division routine linked.
fn div10(n: u128) -> (u128, u64) {
    let (mut q, mut r) = (0u128, 0u64);
    for shift in [96u32, 64, 32, 0] {
        #[allow(clippy::cast_possible_truncation)]
        let cur = r << 32 | ((n >> shift) as u64 & 0xFFFF_FFFF);
        q |= u128::from(cur / 10) << shift;
        r = cur % 10;
    }
    (q, r)
}

/// `q` (with `sticky`: something nonzero below it) rounded to the nearest f64, ties to even.
#[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
fn round_to_f64(q: u128, sticky: bool) -> f64 {
    let bits = 128 - q.leading_zeros();
    if bits <= 53 {
        return q as f64;
    }
    let shift = bits - 53;
    let mut m = (q >> shift) as u64;
    let rest = q & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    if rest > half || (rest == half && (sticky || m & 1 == 1)) {
        m += 1;
    }
    m as f64 * two_pow(shift as i32)
}

/// 2^`n`, exactly for -1022 <= n <= 1023 (clamped beyond).
fn two_pow(n: i32) -> f64 {
    let biased = u64::try_from(n.saturating_add(1023)).unwrap_or(1).max(1).min(2046);
    f64::from_bits(biased << 52)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_rounded_correctly() {
        // Rust's own parser is correctly rounded: every case within our promise must agree.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..200_000 {
            let r = next();
            let digits = 1 + (r % 19) as u32;
            let s = next() % 10u64.pow(digits).max(1);
            let e = (next() % 640) as i32 - 330;
            let text = format!("{s}e{e}");
            let want: f64 = text.parse().unwrap();
            let got = decimal_to_f64(s, e);
            if want.is_normal() || want == 0.0 || want.is_infinite() {
                assert_eq!(got.to_bits(), want.to_bits(), "{text}");
            } else {
                assert!(got.to_bits().abs_diff(want.to_bits()) <= 1, "{text}: {got:e} vs {want:e}");
            }
        }
        for (s, e) in
            [(9_999_999_999_999_999, -1), (20_773_957_104_684_490, -1), (9_007_199_254_740_993, 0), (u64::MAX, -19), (u64::MAX, 19)]
        {
            assert_eq!(decimal_to_f64(s, e), format!("{s}e{e}").parse::<f64>().unwrap(), "{s}e{e}");
        }
        for (s, e) in [(17_976_931_348_623_157, 292), (22_250_738_585_072_014, -324), (17, 300), (123_456_789, -300)] {
            assert_eq!(decimal_to_f64(s, e), format!("{s}e{e}").parse::<f64>().unwrap(), "{s}e{e}");
        }
        assert!(decimal_to_f64(1, 400).is_infinite());
        assert_eq!(decimal_to_f64(0, 400), 0.0);
    }

    #[test]
    fn long_division_by_ten() {
        for n in [0u128, 9, 10, 11, u128::from(u64::MAX), u128::MAX, u128::MAX / 3, 1 << 127, 12_345_678_901_234_567_890_123_456_789] {
            assert_eq!(div10(n), (n / 10, (n % 10) as u64), "{n}");
        }
    }

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

    // Explanations only (see `number_warnings`).
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    #[test]
    fn number_literals_as_written_with_their_paths() {
        let text = "\u{feff}{\"communes\": [{\"name\": \"A\", \"members\": 2.000, \"targets\": {\"met\": 3}},
            {\"cellKinds\": {\"Chi b\\u1ed9 b\u{1ea3}n\": 4, \"x.y\": 1e3}}],
            \"indicators\": [{\"value\": 12.500, \"percentOfPlan\": -0.5}], \"n\": [[1], -0]}";
        let found = number_literals(text);
        let expected = [
            ("communes[0].members", "2.000"),
            ("communes[0].targets.met", "3"),
            ("communes[1].cellKinds.Chi bộ bản", "4"),
            ("communes[1].cellKinds.x.y", "1e3"),
            ("indicators[0].value", "12.500"),
            ("indicators[0].percentOfPlan", "-0.5"),
            ("n[0][0]", "1"),
            ("n[1]", "-0"),
        ];
        assert_eq!(found, expected.map(|(p, l)| (p.to_string(), l)).to_vec());
        // Repeated keys give each number, the last (the one read) last; not JSON gives nothing.
        assert_eq!(number_literals(r#"{"a": 1.0, "a": 2.50}"#), vec![("a".to_string(), "1.0"), ("a".to_string(), "2.50")]);
        for broken in ["{\"a\": 1,}", "[1}", "{\"a\": 1} x", "[1, 2", ""] {
            assert_eq!(number_literals(broken), vec![], "{broken}");
        }
    }
}
