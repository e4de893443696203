//! The reader: JSON text to a [`Value`] byte by byte, each syntax error of `serde_json`'s kind at
//! `serde_json`'s place.

use super::number::decimal_to_f64;
use super::{ErrorKind, Map, Number, SyntaxError, Value, MAX_DEPTH, SCAN_KEYS_UP_TO};

pub(super) struct Parser<'a> {
    pub(super) text: &'a str,
    pub(super) bytes: &'a [u8],
    /// The next byte to read.
    pub(super) index: usize,
    pub(super) depth: u32,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.index).copied()
    }

    pub(super) fn skip_whitespace(&mut self) -> Option<u8> {
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

    /// An error at the byte just read (`serde_json`'s `error`).
    fn error(&self, what: ErrorKind) -> SyntaxError {
        self.error_at(self.index, what)
    }

    /// An error at the byte about to be read (`serde_json`'s `peek_error`).
    pub(super) fn peek_error(&self, what: ErrorKind) -> SyntaxError {
        self.error_at((self.index + 1).min(self.bytes.len()), what)
    }

    fn error_at(&self, i: usize, what: ErrorKind) -> SyntaxError {
        let before = self.bytes.get(..i).unwrap_or(self.bytes);
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let line = 1 + before.iter().take(line_start).filter(|&&b| b == b'\n').count();
        SyntaxError { line, column: i - line_start, what }
    }

    pub(super) fn value(&mut self) -> Result<Value, SyntaxError> {
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
        let mut positions: std::collections::HashMap<String, usize, foldhash::fast::FixedState> = std::collections::HashMap::default();
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
                if let Some(i) = positions.get(&key) {
                    Some(*i)
                } else {
                    positions.insert(key.clone(), entries.len());
                    None
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
    pub(super) fn string(&mut self) -> Result<String, SyntaxError> {
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
                if let Some(s) = significand.checked_mul(10).and_then(|s| s.checked_add(u64::from(d - b'0'))) {
                    significand = s;
                    exponent = exponent.saturating_sub(1);
                } else {
                    // Digits beyond 64 bits are dropped (serde_json does the same).
                    self.skip_digits();
                    break;
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
                #[expect(clippy::cast_precision_loss, reason = "beyond i64: rounded to the nearest f64, as serde_json does")]
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
                if let Some(v) = e.checked_mul(10).and_then(|e| e.checked_add(i32::from(d - b'0'))) {
                    e = v;
                } else {
                    // An exponent beyond 32 bits: infinity is an error, zero is zero.
                    if significand != 0 && !negative {
                        return Err(self.error(ErrorKind::NumberOutOfRange));
                    }
                    self.skip_digits();
                    return Ok(if positive { 0.0 } else { -0.0 });
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
