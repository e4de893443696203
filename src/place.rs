//! Where a problem is in the journalist's text: a field path (`communes[1].members`) → the line
//! and column of its key (or of its value in a list), else of the nearest enclosing value that
//! is there (a missing `name` points at its commune's `{`). Syntax errors carry their own place;
//! schema errors are found from a path, so the explanations module and the command-line program
//! can give every problem a `line:column` an editor can jump to. Not on the reader path: only
//! the explanations module and the CLI call it.

/// One step of a path: an object's key or a list's index.
#[derive(Debug, PartialEq)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// `communes[1].cellKinds.Chi bộ bản` → `communes`, 1, `cellKinds`, `Chi bộ bản` (a key holding
/// `.` or `[` cannot be told apart: its place is then its parent's).
fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while let Some((index, after)) = rest.split_once(']') {
            match index.parse() {
                Ok(i) => out.push(Step::Index(i)),
                Err(_) => return out,
            }
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    out
}

/// A forward reader over text already known to be JSON (it was parsed); on anything else it
/// stops (`None`) rather than guess.
struct Scan<'a> {
    text: &'a str,
    at: usize,
}

impl Scan<'_> {
    fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while self.byte().is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.space();
        let ok = self.byte() == Some(b);
        if ok {
            self.at += 1;
        }
        ok
    }

    /// A string at the cursor, decoded (escapes included), the cursor after it.
    fn string(&mut self) -> Option<String> {
        let start = self.at;
        self.at += 1;
        loop {
            match self.byte()? {
                b'\\' => self.at += 2,
                b'"' => break,
                _ => self.at += 1,
            }
        }
        self.at += 1;
        match crate::json::parse(self.text.get(start..self.at)?).ok()? {
            crate::json::Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// Past one value (nested lists and objects included).
    fn skip(&mut self) -> Option<()> {
        self.space();
        match self.byte()? {
            b'"' => self.string().map(drop),
            open @ (b'{' | b'[') => {
                self.at += 1;
                let close = if open == b'{' { b'}' } else { b']' };
                if self.eat(close) {
                    return Some(());
                }
                loop {
                    if open == b'{' {
                        self.space();
                        self.string()?;
                        if !self.eat(b':') {
                            return None;
                        }
                    }
                    self.skip()?;
                    if self.eat(close) {
                        return Some(());
                    }
                    if !self.eat(b',') {
                        return None;
                    }
                }
            }
            _ => {
                while self.byte().is_some_and(|b| !matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')) {
                    self.at += 1;
                }
                Some(())
            }
        }
    }

    /// In the object at the cursor, the place of `key`'s last occurrence (JSON keeps the last
    /// value) and of its value.
    fn find_key(&mut self, key: &str) -> Option<(usize, usize)> {
        if !self.eat(b'{') || self.eat(b'}') {
            return None;
        }
        let mut found = None;
        loop {
            self.space();
            let key_at = self.at;
            let k = self.string()?;
            if !self.eat(b':') {
                return None;
            }
            self.space();
            if k == key {
                found = Some((key_at, self.at));
            }
            self.skip()?;
            if self.eat(b'}') {
                return found;
            }
            if !self.eat(b',') {
                return found;
            }
        }
    }

    /// In the list at the cursor, the place of item `index`.
    fn find_index(&mut self, index: usize) -> Option<usize> {
        if !self.eat(b'[') || self.eat(b']') {
            return None;
        }
        for i in 0.. {
            self.space();
            if i == index {
                return Some(self.at);
            }
            self.skip()?;
            if !self.eat(b',') {
                return None;
            }
        }
        None
    }
}

/// Where a path's field is: from its key (or a list item's first character) to just past its
/// value, as 1-based lines and columns in characters (`end` is exclusive), so an editor can
/// select it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// The 1-based line and column (in characters) of `path` in `text`, or of the nearest enclosing
/// value that is there; `None` when not even the first step is (`data-src`, an empty path).
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    locate_span(text, path).map(|s| (s.line, s.column))
}

/// [`locate`], with where the field (or the nearest enclosing value) ends.
pub fn locate_span(text: &str, path: &str) -> Option<Span> {
    let mut scan = Scan { text, at: 0 };
    let mut best = None;
    for step in steps(path) {
        let place = match step {
            Step::Key(k) => scan.find_key(k),
            Step::Index(i) => scan.find_index(i).map(|at| (at, at)),
        };
        let Some((shown_at, value_at)) = place else { break };
        best = Some((shown_at, value_at));
        scan.at = value_at;
    }
    let (start, value_at) = best?;
    scan.at = value_at;
    let end = if scan.skip().is_some() { scan.at.min(text.len()) } else { start };
    let (line, column) = line_column(text, start)?;
    let (end_line, end_column) = line_column(text, end.max(start))?;
    Some(Span { line, column, end_line, end_column })
}

/// Lines and characters (not bytes: a UTF-8 continuation byte starts no character) before
/// byte `at`, 1-based.
fn line_column(text: &str, at: usize) -> Option<(usize, usize)> {
    let (mut line, mut column) = (1, 1);
    for &b in text.as_bytes().get(..at)? {
        if b == b'\n' {
            (line, column) = (line + 1, 1);
        } else if b & 0xC0 != 0x80 {
            column += 1;
        }
    }
    Some((line, column))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"title\": \"Xã\",\n  \"communes\": [\n    {\"name\": \"Mồ Sì San\", \"members\": 89},\n    {\"name\": \"Pa Vây Sử\", \"member\": 86,\n     \"cellKinds\": {\"Chi bộ bản\": \"4\"}}\n  ]\n}";

    #[test]
    fn paths_are_found_at_their_key_or_item() {
        assert_eq!(
            steps("communes[1].cellKinds.Chi bộ bản"),
            [Step::Key("communes"), Step::Index(1), Step::Key("cellKinds"), Step::Key("Chi bộ bản")]
        );
        assert_eq!(locate(TEXT, "title"), Some((2, 3)));
        assert_eq!(locate(TEXT, "communes[0].members"), Some((4, 27)), "columns count characters (Mồ Sì San)");
        assert_eq!(locate(TEXT, "communes[1].member"), Some((5, 27)));
        assert_eq!(locate(TEXT, "communes[1]"), Some((5, 5)));
        assert_eq!(locate(TEXT, "communes[1].cellKinds.Chi bộ bản"), Some((6, 20)));
    }

    #[test]
    fn a_span_runs_from_the_key_past_the_value() {
        let span = |path| locate_span(TEXT, path).map(|s| (s.line, s.column, s.end_line, s.end_column));
        // `"member": 86` on line 5, from column 27 to just past `86`.
        assert_eq!(span("communes[1].member"), Some((5, 27, 5, 39)));
        // A whole commune over two lines: its `{` to just past its `}`.
        assert_eq!(span("communes[1]"), Some((5, 5, 6, 39)));
        // A missing field: the whole object that should hold it.
        let text = "{\"communes\": [{\"name\": \"A\"},\n  {\"members\": 3}]}";
        assert_eq!(locate_span(text, "communes[1].name").map(|s| (s.line, s.column, s.end_line, s.end_column)), Some((2, 3, 2, 17)));
    }

    #[test]
    fn a_missing_field_points_at_what_holds_it() {
        // `name` missing from the second commune: its `{`.
        let text = "{\"communes\": [{\"name\": \"A\"},\n  {\"members\": 3}]}";
        assert_eq!(locate(text, "communes[1].name"), Some((2, 3)));
        assert_eq!(locate(text, "communes[5]"), Some((1, 2)), "past the end: the list's key");
        assert_eq!(locate(text, "data-src"), None);
        assert_eq!(locate(text, ""), None);
        assert_eq!(locate("not json", "communes"), None);
    }

    #[test]
    fn a_repeated_key_is_found_where_its_last_value_is() {
        let text = "{\"members\": 1,\n \"members\": \"x\"}";
        assert_eq!(locate(text, "members"), Some((2, 2)));
        // Escapes in keys are read as JSON reads them.
        assert_eq!(locate("{\"m\\u0065mbers\": 1}", "members"), Some((1, 2)));
    }
}
