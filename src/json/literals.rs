//! Numbers as written, with their paths: for the explanations module's preview warnings only.

use super::reader::Parser;
use super::{ErrorKind, SyntaxError, Value, MAX_DEPTH};

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

#[cfg(test)]
mod tests {
    use super::*;

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
