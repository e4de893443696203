//! What can be wrong with a chart's data, and how it is said to a journalist.
//!
//! Every stage (parse, spec, model, kind) reports [`Problem`]s: a place (JSON line/column or a
//! field path such as `communes[2].members`) and a [`ProblemKind`]. The message is made only when
//! shown, in the chart's language, so the core never holds English-only strings for errors.
//!
//! What only the explanations module needs and that came after it (placing a syntax error with
//! the whole text in view, hints for numbers in quotes; `json::number_literals` and
//! `explain::number_warnings` likewise) is under `cfg(not(all(target_arch = "wasm32", feature =
//! "web")))`: natively and in `explain/` (built without `web`) it is there, in the widget's own
//! wasm it is not. It would be dead code there anyway, but compiled into the same crate it changed
//! how the reader path's shared std code was inlined (+79 B gz measured); with the `cfg`, the
//! reader path's wasm is built as if it did not exist.

use crate::json::{ErrorKind, JsonType};
use crate::locale::{json_number, Locale};

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Field path (`communes[1].members`); empty for the document itself or a syntax error.
    pub path: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The text is not JSON, at 1-based `line` and `column` (in characters) of `source_line`.
    /// `what` is as the reader found it; [`Problem::syntax_what`] refines it from the line.
    /// What is only needed to say it (the refinement, the quoted window, the suggestions below)
    /// is worked out when the message is made, in the explanations module, so the widget's
    /// reader path does not carry that code.
    Syntax {
        line: usize,
        column: usize,
        what: ErrorKind,
        source_line: String,
    },
    /// A field not in `known` (the closest known name is suggested in the message).
    UnknownField {
        field: String,
        known: &'static [&'static str],
    },
    /// `found` where a value of type `expected` belongs (quoted in the message as compact JSON).
    WrongType {
        expected: JsonType,
        found: crate::json::Value,
    },
    Missing,
    EmptyText,
    EmptyList,
    NotWholeNumber {
        value: f64,
    },
    Negative {
        value: f64,
    },
    NotFinite,
    UnknownValue {
        value: String,
        allowed: &'static [&'static str],
    },
    /// `cellKinds` that do not add up to `cells`, or `targets` to their `total`.
    SumMismatch {
        sum: u64,
        expected: u64,
        expected_field: &'static str,
    },
    /// The chart kind needs a field that no commune has.
    NothingToDraw {
        field: &'static str,
    },
    /// A chart kind not in `allowed` (`ChartKind::NAMES`, given where it is found: this module
    /// depends on no stage of the pipeline).
    UnknownKind {
        value: String,
        allowed: &'static [&'static str],
    },
    /// The element has neither inline JSON nor `data-src`.
    NoData,
    /// Limits (see `spec::MAX_*`): the whole text, one text field, one list.
    TooLarge {
        bytes: usize,
        max: usize,
    },
    TooLong {
        chars: usize,
        max: usize,
    },
    TooMany {
        count: usize,
        max: usize,
    },
    /// `data-src` could not be fetched, or did not answer with JSON.
    FetchFailed {
        url: String,
        why: FetchFailure,
    },
    /// A value handed to `render()` / `update()` that is not JSON data (found by js/api.js while
    /// it writes the value as JSON text, at the path of the problem).
    UnreadableValue {
        why: ValueTrouble,
    },
    // Warnings: shown only in preview mode (see `preview::warnings`); the chart is still drawn.
    /// Two communes with the same name (readers cannot tell the bars apart).
    DuplicateName {
        name: String,
        first: usize,
    },
    /// Fewer party members than party cells: almost always two numbers swapped.
    FewerMembersThanCells {
        members: u64,
        cells: u64,
    },
    /// Communes that lack what this chart kind draws (they are shown as "no data").
    LacksField {
        field: &'static str,
        names: Vec<String>,
    },
    /// `percentOfPlan` such as 0.997: a fraction where a percentage (99.7) was meant.
    PercentLooksLikeFraction {
        value: f64,
    },
    /// A number written with a dot before exactly three digits (`5.755`, `12.500`, `2.000`):
    /// JSON reads a decimal, the journalist probably meant thousands (see
    /// `explain::number_warnings` for when it is said). `written` as in the text; `measure` the
    /// indicator's unit, for the drawn label.
    LooksLikeThousands {
        written: String,
        measure: Option<String>,
    },
}

/// Why `data-src` gave no data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchFailure {
    /// The server answered with this HTTP status (404, 500…).
    Status(u16),
    /// No answer at all: offline, DNS, CORS or a blocked request.
    Network,
    /// No answer within this many seconds.
    Timeout { seconds: u32 },
    /// The answer was an HTML page (an error page, or the wrong URL), not JSON.
    NotJson,
    /// The answer was empty (or only whitespace).
    Empty,
    /// The body stopped part-way (the connection was reset or closed early).
    Cut,
}

/// Why a JavaScript value cannot be read as JSON data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueTrouble {
    /// An object that contains itself (directly or further down).
    Cycle,
    /// A BigInt (`12n`): JSON has no such number.
    BigInt,
    /// Reading it threw (a getter, a proxy).
    Throws,
    /// The whole data is not an object or a string (`undefined`, a function, a number).
    NotData,
}

impl ProblemKind {
    /// Warnings are shown only in preview mode and never stop the chart.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            ProblemKind::DuplicateName { .. }
                | ProblemKind::FewerMembersThanCells { .. }
                | ProblemKind::LacksField { .. }
                | ProblemKind::PercentLooksLikeFraction { .. }
                | ProblemKind::LooksLikeThousands { .. }
        )
    }
}

/// Quotes that word processors and phone keyboards put in place of `"` and `'`.
fn is_curly_quote(c: char) -> bool {
    matches!(c, '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

impl ErrorKind {
    /// The reader found a character that cannot come at this place (not a wrong number, escape or
    /// an end too early).
    fn is_misplaced_token(self) -> bool {
        matches!(
            self,
            ErrorKind::KeyMustBeString
                | ErrorKind::ExpectedValue
                | ErrorKind::ExpectedCommaOrBrace
                | ErrorKind::ExpectedCommaOrBracket
                | ErrorKind::ExpectedColon
                | ErrorKind::TrailingCharacters
        )
    }

    /// A number written the way people write it, not the way JSON does, found from the
    /// characters around the error (`column` is 1-based, at the offending character).
    pub fn refine(self, line: &str, column: usize) -> ErrorKind {
        let chars: Vec<char> = line.chars().collect();
        let at = column.saturating_sub(1);
        let Some(&c) = chars.get(at) else { return self };
        let before: Vec<char> = chars.iter().take(at).copied().collect();
        let last = before.last().copied();
        let last_non_space = before.iter().rev().find(|c| !c.is_whitespace()).copied();
        let digit_before = |n: usize| before.len() > n && before.get(before.len() - 1 - n).is_some_and(char::is_ascii_digit);
        let number_tail: String = before.iter().rev().take_while(|c| c.is_ascii_digit() || **c == '.').collect();
        match self {
            _ if self.is_misplaced_token() && is_curly_quote(c) => ErrorKind::CurlyQuote,
            // An object opened where a field name belongs, after a comma (on this line or the one
            // before): the object before it was not closed.
            ErrorKind::KeyMustBeString if c == '{' && matches!(last_non_space, None | Some(',')) => ErrorKind::MissingBraceBeforeComma,
            ErrorKind::ExpectedCommaOrBrace if c == '{' => ErrorKind::MissingBraceAndComma,
            ErrorKind::ExpectedCommaOrBrace if c == ']' => ErrorKind::MissingBraceBeforeBracket,
            ErrorKind::KeyMustBeString | ErrorKind::ExpectedCommaOrBrace | ErrorKind::ExpectedValue
                if c.is_ascii_digit() && last_non_space == Some(',') && {
                    let trimmed = before.iter().rev().skip_while(|c| c.is_whitespace()).skip(1).copied().next();
                    trimmed.is_some_and(|d| d.is_ascii_digit())
                } =>
            {
                ErrorKind::DecimalComma
            }
            ErrorKind::ExpectedCommaOrBrace | ErrorKind::ExpectedCommaOrBracket => {
                if c == '.' && digit_before(0) && number_tail.contains('.') {
                    ErrorKind::ThousandsDot
                } else if c.is_ascii_digit() && last.is_some_and(char::is_whitespace) && last_non_space.is_some_and(|d| d.is_ascii_digit())
                {
                    ErrorKind::SpaceInNumber
                } else if (c == '%' || c.is_alphabetic()) && last_non_space.is_some_and(|d| d.is_ascii_digit()) {
                    ErrorKind::UnitAfterNumber
                } else {
                    self
                }
            }
            other => other,
        }
    }
}

impl Problem {
    pub fn at(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem { path: path.into(), kind }
    }

    /// One or two sentences: what is wrong, where, and how to fix it.
    pub fn message(&self, locale: Locale) -> String {
        let place = self.place(locale);
        let what = self.kind.describe(&self.path, locale);
        if place.is_empty() {
            what
        } else {
            format!("{place}: {what}")
        }
    }

    /// [`Problem::message`] without its place (the path, or a syntax error's line and column),
    /// for tools that show the place themselves: the playground beside a table cell, an editor.
    pub fn detail(&self, locale: Locale) -> String {
        self.kind.describe(&self.path, locale)
    }

    /// A syntax error's kind, refined from its line (`99,7` is a decimal comma, not a stray
    /// comma).
    pub fn syntax_what(&self) -> Option<ErrorKind> {
        match &self.kind {
            ProblemKind::Syntax { column, what, source_line, .. } => Some(what.refine(source_line, *column)),
            _ => None,
        }
    }

    /// This problem as the journalist should see it, with the whole `text` it was found in: a
    /// syntax error moves from where the reader stopped to where the mistake is. A missing `}`
    /// is shown at the end of the value before it (or at the comma it belongs before), not at
    /// the next line's `{`; a curly quote (“ ”) that ended a text early is shown itself, not the
    /// character after the text. Anything else comes back as it is. The explanations module
    /// calls this (whatever else shows messages should too), so the reader path never carries it.
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    pub fn located_in(self, text: &str) -> Problem {
        let (Some(what), ProblemKind::Syntax { line, column, .. }) = (self.syntax_what(), &self.kind) else { return self };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let bytes = text.as_bytes();
        let Some(at) = byte_offset(text, *line, *column) else { return self };
        // The last character before the error that is not white space (JSON's is ASCII).
        let before = bytes.get(..at).and_then(|b| b.iter().rposition(|b| !b.is_ascii_whitespace()));
        let (what, to) = match (what, before) {
            // At the comma: the `}` goes before it.
            (ErrorKind::MissingBraceBeforeComma, Some(i)) if bytes.get(i) == Some(&b',') => (what, i),
            // Just after the value the object ends with (its last character is ASCII: `"`, a
            // digit, a letter of true/false/null, `]` or `}`).
            (ErrorKind::MissingBraceAndComma | ErrorKind::MissingBraceBeforeBracket, Some(i)) => (what, i + 1),
            _ if what.is_misplaced_token() || matches!(what, ErrorKind::ControlCharacter | ErrorKind::UnexpectedEnd) => {
                // The end of the data is reported at its last character: look at all of it.
                let scanned = if what == ErrorKind::UnexpectedEnd { bytes.len() } else { at };
                match curly_quote_ending_text(bytes, scanned) {
                    Some(quote) => (ErrorKind::CurlyQuote, quote),
                    None => return self,
                }
            }
            _ => return self,
        };
        let newline = |b: &u8| *b == b'\n';
        let line_start = bytes.get(..to).and_then(|b| b.iter().rposition(newline)).map_or(0, |i| i + 1);
        let line_end = bytes.get(to..).and_then(|b| b.iter().position(newline)).map_or(bytes.len(), |i| to + i);
        let source_line = text.get(line_start..line_end).unwrap_or_default();
        let source_line = source_line.strip_suffix('\r').unwrap_or(source_line);
        let line = 1 + bytes.get(..line_start).unwrap_or_default().iter().filter(|b| newline(b)).count();
        let column = 1 + text.get(line_start..to).unwrap_or_default().chars().count();
        Problem { path: self.path, kind: ProblemKind::Syntax { line, column, what, source_line: source_line.to_string() } }
    }

    /// The widget's own wasm never says a problem: [`Problem::located_in`] is not built into it.
    #[cfg(all(target_arch = "wasm32", feature = "web"))]
    pub fn located_in(self, _text: &str) -> Problem {
        self
    }

    /// Where in the JSON text, when known (syntax errors): 1-based line and column.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        match &self.kind {
            ProblemKind::Syntax { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }

    /// The quoted source line with a caret under the column, for syntax errors.
    pub fn excerpt(&self) -> Option<String> {
        self.excerpt_within(usize::MAX)
    }

    /// [`Problem::excerpt`] in at most `max_chars` characters per line (a phone's error box):
    /// the line's indentation dropped, then a window around the caret, cut ends marked `…`, so
    /// the caret is always in view.
    pub fn excerpt_within(&self, max_chars: usize) -> Option<String> {
        let ProblemKind::Syntax { column, source_line, .. } = &self.kind else {
            return None;
        };
        if source_line.is_empty() {
            return None;
        }
        // At most EXCERPT_CHARS of the line (minified data is one very long line), then what
        // fits the box.
        let (excerpt, caret) = window_line(source_line, column.saturating_sub(1), EXCERPT_CHARS);
        let (line, at) = window_line(&excerpt, caret, max_chars);
        let pad: String = line.chars().take(at).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
        Some(format!("{line}\n{pad}^"))
    }

    fn place(&self, locale: Locale) -> String {
        match (&self.kind, locale) {
            (ProblemKind::Syntax { line, column, .. }, Locale::Vi) => {
                format!("Lỗi cú pháp JSON ở dòng {line}, cột {column}")
            }
            (ProblemKind::Syntax { line, column, .. }, Locale::En) => {
                format!("JSON syntax error at line {line}, column {column}")
            }
            _ if self.path.is_empty() => String::new(),
            _ => format!("`{}`", self.path),
        }
    }
}

/// The byte offset in `text` of the 1-based `line` and character `column` (past the line's end:
/// its end).
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
fn byte_offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let mut start = 0;
    for _ in 1..line {
        start += text.as_bytes().get(start..)?.iter().position(|b| *b == b'\n')? + 1;
    }
    let rest = text.get(start..)?;
    let end = rest.bytes().position(|b| b == b'\n').unwrap_or(rest.len());
    let in_line = rest.get(..end)?.char_indices().nth(column.saturating_sub(1)).map_or(end, |(i, _)| i);
    Some(start + in_line)
}

/// The curly quote (“ ”) that ended, in the journalist's eyes, the last text before byte `at`
/// (written `"Mồ Sì San”,` so JSON's text went on past it): the byte offset of the quote. Only a
/// quote followed by what follows a text in JSON counts (a comma then a new quote, a colon then a
/// value, `}`, `]` or the end of the line): a title such as `"Nghị quyết “Tam nông”, 2025"` is
/// left alone.
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
fn curly_quote_ending_text(bytes: &[u8], at: usize) -> Option<usize> {
    // The last text started before `at` (the text up to `at` is valid JSON so far).
    let (mut start, mut inside, mut escaped) = (None, false, false);
    for (i, b) in bytes.iter().enumerate().take(at) {
        match (inside, *b) {
            (true, _) if escaped => escaped = false,
            (true, b'\\') => escaped = true,
            (true, b'"') => inside = false,
            (false, b'"') => {
                inside = true;
                start = Some(i + 1);
            }
            _ => {}
        }
    }
    let start = start?;
    let content = bytes.get(start..at)?;
    let content = if inside { content } else { content.get(..content.iter().rposition(|b| *b == b'"')?)? };
    // “ ” „ ‟ are E2 80 9C..9F in UTF-8.
    (0..content.len())
        .find(|&i| {
            let is_quote = matches!(content.get(i..i + 3), Some([0xE2, 0x80, 0x9C..=0x9F]));
            let mut after = content.iter().skip(i + 3).skip_while(|b| matches!(b, b' ' | b'\t'));
            let next = after.next();
            let then = after.find(|b| !b.is_ascii_whitespace());
            let ends_text = match next {
                // The end of a text left open (`"Mồ Sì San”` then the end of the data).
                None => inside,
                Some(b'\n' | b'\r' | b'}' | b']') => true,
                // A new text (straight or curly quote) after a comma; any value after a colon.
                Some(b',') => matches!(then, None | Some(b'"' | 0xE2)),
                Some(b':') => matches!(then, None | Some(b'"' | 0xE2 | b'{' | b'[' | b'-' | b't' | b'f' | b'n' | b'0'..=b'9')),
                _ => false,
            };
            is_quote && ends_text
        })
        .map(|i| start + i)
}

/// The most of a line a syntax error quotes (the box on a phone narrows it further).
const EXCERPT_CHARS: usize = 122;

/// A wrong value as a message quotes it: compact JSON, at most 40 characters.
fn found_text(found: &crate::json::Value) -> String {
    let mut text = String::new();
    compact_json(found, &mut text, 40);
    if text.chars().count() > 40 {
        text = text.chars().take(39).collect::<String>() + "…";
    }
    text
}

/// `v` as compact JSON (`{"a":[1,"x"]}`), as serde_json writes it, stopping once `out` holds more
/// than `max_chars` bytes: a message quotes only the start of a wrong value, however large.
pub(crate) fn compact_json(v: &crate::json::Value, out: &mut String, max_chars: usize) {
    if out.len() > max_chars {
        return;
    }
    match v {
        crate::json::Value::Null => out.push_str("null"),
        crate::json::Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        crate::json::Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => out.push_str(&u.to_string()),
            (None, Some(i)) => out.push_str(&i.to_string()),
            (None, None) => {
                let text = crate::locale::json_number(n.as_f64());
                out.push_str(&text);
                if !text.contains('.') {
                    out.push_str(".0"); // a float stays one: `2.0`
                }
            }
        },
        crate::json::Value::String(s) => push_json_string(s, out, max_chars),
        crate::json::Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if out.len() > max_chars {
                    break;
                }
                if i > 0 {
                    out.push(',');
                }
                compact_json(item, out, max_chars);
            }
            out.push(']');
        }
        crate::json::Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if out.len() > max_chars {
                    break;
                }
                if i > 0 {
                    out.push(',');
                }
                push_json_string(key, out, max_chars);
                out.push(':');
                compact_json(item, out, max_chars);
            }
            out.push('}');
        }
    }
}

/// `s` as a JSON string, its first `max_chars` + 1 characters (`usize::MAX`: all of it).
pub(crate) fn push_json_string(s: &str, out: &mut String, max_chars: usize) {
    out.push('"');
    for c in s.chars().take(max_chars.saturating_add(1)) {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `line` in at most `max_chars` characters (at least 12) around the character at `caret`: the
/// indentation dropped first, then a window with two thirds of it before the caret; cut text
/// marked `…`. Returns the text and the caret's position in it, in characters.
pub fn window_line(line: &str, caret: usize, max_chars: usize) -> (String, usize) {
    let total = line.chars().count();
    let caret = caret.min(total);
    let max_chars = max_chars.max(12);
    if total <= max_chars {
        return (line.to_string(), caret);
    }
    let indent = line.chars().take(caret).take_while(|c| c.is_whitespace()).count();
    let (mut start, mut end) = (indent, total);
    if end - start > max_chars {
        // Room for the `…` marks.
        let room = max_chars - 2;
        start = start.max(caret.saturating_sub(room * 2 / 3));
        end = end.min(start + room);
    }
    let mut out = String::new();
    if start > indent {
        out.push('…');
    }
    out.extend(line.chars().skip(start).take(end - start));
    if end < total {
        out.push('…');
    }
    (out, caret - start + usize::from(start > indent))
}

impl JsonType {
    fn name(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (JsonType::Null, _) => "null",
            (JsonType::Bool, Locale::Vi) => "true/false",
            (JsonType::Bool, Locale::En) => "a true/false value",
            (JsonType::Number, Locale::Vi) => "một số",
            (JsonType::Number, Locale::En) => "a number",
            (JsonType::String, Locale::Vi) => "một chuỗi chữ trong ngoặc kép",
            (JsonType::String, Locale::En) => "a text in double quotes",
            (JsonType::Array, Locale::Vi) => "một danh sách [ ... ]",
            (JsonType::Array, Locale::En) => "a list [ ... ]",
            (JsonType::Object, Locale::Vi) => "một nhóm { ... }",
            (JsonType::Object, Locale::En) => "an object { ... }",
        }
    }
}

impl ProblemKind {
    /// What is wrong, for the field at `path` (a hint fits the field: `99.7` for a percentage).
    fn describe(&self, path: &str, locale: Locale) -> String {
        use Locale::{En, Vi};
        match (self, locale) {
            (ProblemKind::Syntax { column, what, source_line, .. }, _) => what.refine(source_line, *column).describe(locale).to_string(),
            (ProblemKind::UnknownField { field, known }, _) => match (closest_name(field, known), locale) {
                (Some(s), Vi) => format!("không có trường \"{field}\". Có phải ý bạn là \"{s}\"?"),
                (Some(s), En) => format!("there is no field \"{field}\". Did you mean \"{s}\"?"),
                (None, Vi) => format!("không có trường \"{field}\"; hãy xóa nó hoặc kiểm tra lại tên trường"),
                (None, En) => format!("there is no field \"{field}\"; remove it or check its name"),
            },
            (ProblemKind::WrongType { expected, found }, Vi) => {
                let hint = number_in_quotes_hint(*expected, found, path, locale);
                let found_text = found_text(found);
                let found = found.json_type();
                format!(
                    "cần {}, nhưng đang là {} ({found_text}){hint}",
                    expected.name(Vi),
                    found.name(Vi)
                )
            }
            (ProblemKind::WrongType { expected, found }, En) => {
                let hint = number_in_quotes_hint(*expected, found, path, locale);
                let found_text = found_text(found);
                let found = found.json_type();
                format!(
                    "expected {}, found {} ({found_text}){hint}",
                    expected.name(En),
                    found.name(En)
                )
            }
            (ProblemKind::Missing, Vi) => "thiếu trường bắt buộc này".to_string(),
            (ProblemKind::Missing, En) => "this required field is missing".to_string(),
            (ProblemKind::EmptyText, Vi) => "không được để trống".to_string(),
            (ProblemKind::EmptyText, En) => "must not be empty".to_string(),
            (ProblemKind::EmptyList, Vi) => "danh sách trống: cần ít nhất một xã".to_string(),
            (ProblemKind::EmptyList, En) => "the list is empty: at least one commune is needed".to_string(),
            (ProblemKind::NotWholeNumber { value }, Vi) => match thousands_meant(*value) {
                Some(n) => format!("cần một số nguyên, nhưng JSON đọc {} là số thập phân (dấu chấm là dấu thập phân). Nếu ý là {} theo cách viết tiếng Việt, hãy viết {n}", json_number(*value), Vi.format_int(n)),
                None => format!("cần một số nguyên, nhưng đang là {}", json_number(*value)),
            },
            (ProblemKind::NotWholeNumber { value }, En) => match thousands_meant(*value) {
                Some(n) => format!("expected a whole number, but JSON reads {} as a decimal. If you meant {}, write {n}, without separators", json_number(*value), En.format_int(n)),
                None => format!("expected a whole number, found {}", json_number(*value)),
            },
            (ProblemKind::Negative { value }, Vi) => {
                format!("không được âm (đang là {})", Vi.format_decimal(*value, 6))
            }
            (ProblemKind::Negative { value }, En) => {
                format!("must not be negative (found {})", En.format_decimal(*value, 6))
            }
            (ProblemKind::NotFinite, Vi) => "số quá lớn".to_string(),
            (ProblemKind::NotFinite, En) => "the number is too large".to_string(),
            (ProblemKind::UnknownValue { value, allowed }, Vi) => format!(
                "giá trị \"{value}\" không hợp lệ; dùng một trong: {}",
                allowed.join(", ")
            ),
            (ProblemKind::UnknownValue { value, allowed }, En) => format!(
                "\"{value}\" is not allowed; use one of: {}",
                allowed.join(", ")
            ),
            (ProblemKind::SumMismatch { sum, expected, expected_field }, Vi) => format!(
                "các số cộng lại bằng {}, nhưng \"{expected_field}\" là {}",
                Vi.format_int(*sum),
                Vi.format_int(*expected)
            ),
            (ProblemKind::SumMismatch { sum, expected, expected_field }, En) => format!(
                "the numbers add up to {}, but \"{expected_field}\" is {}",
                En.format_int(*sum),
                En.format_int(*expected)
            ),
            (ProblemKind::NothingToDraw { field: "indicators" }, Vi) => "biểu đồ indicators cần danh sách \"indicators\" có ít nhất một chỉ tiêu với \"percentOfPlan\" (phần trăm kế hoạch)".to_string(),
            (ProblemKind::NothingToDraw { field: "indicators" }, En) => "the indicators chart needs an \"indicators\" list with at least one indicator that has \"percentOfPlan\"".to_string(),
            (ProblemKind::NothingToDraw { field: "members-per-cell" }, Vi) => "không xã nào có cả \"members\" và \"cells\" (lớn hơn 0) để tính số đảng viên trên một chi bộ".to_string(),
            (ProblemKind::NothingToDraw { field: "members-per-cell" }, En) => "no commune has both \"members\" and \"cells\" (above 0) to divide".to_string(),
            (ProblemKind::NothingToDraw { field: "overview" }, Vi) => "không xã nào có \"members\", \"cells\" hoặc \"targets\" để vẽ".to_string(),
            (ProblemKind::NothingToDraw { field: "overview" }, En) => "no commune has \"members\", \"cells\" or \"targets\" to draw".to_string(),
            (ProblemKind::NothingToDraw { field }, Vi) => {
                format!("không xã nào có trường \"{field}\" mà biểu đồ này cần")
            }
            (ProblemKind::NothingToDraw { field }, En) => {
                format!("no commune has the field \"{field}\" that this chart needs")
            }
            (ProblemKind::NoData, Vi) => "không tìm thấy dữ liệu: thêm <script type=\"application/json\"> vào trong phần tử, hoặc thuộc tính data-src".to_string(),
            (ProblemKind::NoData, En) => "no data found: put a <script type=\"application/json\"> inside the element, or give it a data-src".to_string(),
            (ProblemKind::FetchFailed { url, why }, _) => why.describe(url, locale),
            (ProblemKind::UnreadableValue { why }, _) => why.describe(locale),
            (ProblemKind::TooLarge { bytes, max }, Vi) => format!(
                "dữ liệu quá lớn ({} byte); tối đa {} byte ({} MB) cho một biểu đồ",
                Vi.format_int(*bytes as u64),
                Vi.format_int(*max as u64),
                Vi.format_decimal(mb(*max), 1)
            ),
            (ProblemKind::TooLarge { bytes, max }, En) => format!(
                "the data is too large ({} bytes); at most {} bytes ({} MB) per chart",
                En.format_int(*bytes as u64),
                En.format_int(*max as u64),
                En.format_decimal(mb(*max), 1)
            ),
            (ProblemKind::TooLong { chars, max }, Vi) => format!(
                "chuỗi quá dài ({} ký tự); tối đa {} ký tự",
                Vi.format_int(*chars as u64),
                Vi.format_int(*max as u64)
            ),
            (ProblemKind::TooLong { chars, max }, En) => format!(
                "the text is too long ({} characters); at most {}",
                En.format_int(*chars as u64),
                En.format_int(*max as u64)
            ),
            (ProblemKind::TooMany { count, max }, Vi) => format!(
                "danh sách quá dài ({} mục); một biểu đồ vẽ tối đa {} mục, hãy chia thành nhiều biểu đồ",
                Vi.format_int(*count as u64),
                Vi.format_int(*max as u64)
            ),
            (ProblemKind::TooMany { count, max }, En) => format!(
                "the list is too long ({} items); a chart draws at most {}, split it into several charts",
                En.format_int(*count as u64),
                En.format_int(*max as u64)
            ),
            (ProblemKind::DuplicateName { name, first }, Vi) => {
                format!("tên xã \"{name}\" đã có ở communes[{first}]; người đọc sẽ không phân biệt được hai thanh")
            }
            (ProblemKind::DuplicateName { name, first }, En) => {
                format!("the name \"{name}\" is already used by communes[{first}]; readers cannot tell the two bars apart")
            }
            (ProblemKind::FewerMembersThanCells { members, cells }, Vi) => format!(
                "số đảng viên ({}) ít hơn số chi bộ ({}); có thể hai số bị đổi chỗ",
                Vi.format_int(*members),
                Vi.format_int(*cells)
            ),
            (ProblemKind::FewerMembersThanCells { members, cells }, En) => format!(
                "fewer party members ({}) than party cells ({}); the two numbers may be swapped",
                En.format_int(*members),
                En.format_int(*cells)
            ),
            (ProblemKind::LacksField { field, names }, Vi) => format!(
                "biểu đồ này cần \"{field}\", nhưng {} xã chưa có nên hiện là \"không có số liệu\": {}",
                names.len(),
                names.join(", ")
            ),
            (ProblemKind::LacksField { field, names }, En) => format!(
                "this chart needs \"{field}\", which {} so they show as \"no data\": {}",
                if names.len() == 1 { "1 commune lacks,".to_string() } else { format!("{} communes lack,", names.len()) },
                names.join(", ")
            ),
            (ProblemKind::PercentLooksLikeFraction { value }, Vi) => format!(
                "{} nghĩa là {}% kế hoạch; nếu ý là {}%, hãy viết {}",
                json_number(*value),
                Vi.format_decimal(*value, 3),
                Vi.format_decimal(value * 100.0, 1),
                percent_literal(*value)
            ),
            (ProblemKind::PercentLooksLikeFraction { value }, En) => format!(
                "{} means {}% of plan; if you meant {}%, write {}",
                json_number(*value),
                En.format_decimal(*value, 3),
                En.format_decimal(value * 100.0, 1),
                percent_literal(*value)
            ),
            #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
            (ProblemKind::LooksLikeThousands { written, measure }, _) => {
                let plain = written.replace('.', "");
                let n: u64 = plain.parse().unwrap_or(0);
                #[allow(clippy::cast_precision_loss)]
                let shown = Locale::with_unit(locale.format_decimal(n as f64 / 1000.0, 2), measure.as_ref());
                let meant = Locale::with_unit(locale.format_int(n), measure.as_ref());
                match locale {
                    Vi => crate::cat!("JSON đọc ", written, " là số thập phân (dấu chấm là dấu thập phân), nên biểu đồ ghi ", shown, "; nếu ý là ", meant, " theo cách viết tiếng Việt, hãy viết ", plain),
                    En => crate::cat!("JSON reads ", written, " as a decimal (the dot is a decimal point), so the chart shows ", shown, "; if you meant ", meant, ", write ", plain),
                }
            }
            #[cfg(all(target_arch = "wasm32", feature = "web"))]
            (ProblemKind::LooksLikeThousands { .. }, _) => String::new(),
            (ProblemKind::UnknownKind { value, allowed }, Vi) => {
                format!("không có loại biểu đồ \"{value}\"; dùng một trong: {}", allowed.join(", "))
            }
            (ProblemKind::UnknownKind { value, allowed }, En) => {
                format!("there is no chart kind \"{value}\"; use one of: {}", allowed.join(", "))
            }
        }
    }
}

impl ValueTrouble {
    fn describe(self, locale: Locale) -> String {
        use Locale::{En, Vi};
        match (self, locale) {
            (ValueTrouble::Cycle, Vi) => "giá trị này chứa lại chính đối tượng bao ngoài nó (tham chiếu vòng), nên không đọc được thành dữ liệu JSON; hãy truyền một bản sao chỉ có số và chữ",
            (ValueTrouble::Cycle, En) => "this value contains an object around it again (a cycle), so it cannot be read as JSON data; pass a copy with plain numbers and text",
            (ValueTrouble::BigInt, Vi) => "là một số BigInt, JSON không có loại số này; hãy dùng số thường (Number)",
            (ValueTrouble::BigInt, En) => "is a BigInt, which JSON has no place for; use an ordinary number",
            (ValueTrouble::Throws, Vi) => "đọc giá trị này gây lỗi (một getter hoặc Proxy ném lỗi); hãy truyền dữ liệu thuần",
            (ValueTrouble::Throws, En) => "reading this value threw an error (a getter or a Proxy); pass plain data",
            (ValueTrouble::NotData, Vi) => "dữ liệu phải là một đối tượng { \"communes\": [...] } hoặc một chuỗi JSON",
            (ValueTrouble::NotData, En) => "the data must be an object { \"communes\": [...] } or a JSON string",
        }
        .to_string()
    }
}

impl FetchFailure {
    fn describe(&self, url: &str, locale: Locale) -> String {
        use Locale::{En, Vi};
        match (self, locale) {
            (FetchFailure::Status(404), Vi) => {
                format!("không tải được dữ liệu từ {url}: máy chủ trả lời 404 (không có tệp này); kiểm tra lại đường dẫn trong data-src")
            }
            (FetchFailure::Status(404), En) => {
                format!("could not load the data from {url}: the server answered 404 (no such file); check the path in data-src")
            }
            (FetchFailure::Status(s @ (401 | 403)), Vi) => {
                format!("không tải được dữ liệu từ {url}: máy chủ trả lời {s} (không được phép đọc tệp này)")
            }
            (FetchFailure::Status(s @ (401 | 403)), En) => {
                format!("could not load the data from {url}: the server answered {s} (reading this file is not allowed)")
            }
            (FetchFailure::Status(s), Vi) if *s >= 500 => {
                format!("không tải được dữ liệu từ {url}: máy chủ gặp lỗi ({s}); thử tải lại trang sau ít phút")
            }
            (FetchFailure::Status(s), En) if *s >= 500 => {
                format!("could not load the data from {url}: the server failed ({s}); try reloading the page in a few minutes")
            }
            (FetchFailure::Status(s), Vi) => format!("không tải được dữ liệu từ {url}: máy chủ trả lời {s}"),
            (FetchFailure::Status(s), En) => format!("could not load the data from {url}: the server answered {s}"),
            (FetchFailure::Network, Vi) => {
                format!("không tải được dữ liệu từ {url}: lỗi mạng, hoặc máy chủ khác không cho trang này đọc tệp (CORS)")
            }
            (FetchFailure::Network, En) => format!(
                "could not load the data from {url}: a network error, or another server does not let this page read the file (CORS)"
            ),
            (FetchFailure::Timeout { seconds }, Vi) => {
                format!("không tải được dữ liệu từ {url}: máy chủ không trả lời sau {seconds} giây")
            }
            (FetchFailure::Timeout { seconds }, En) => {
                format!("could not load the data from {url}: no answer after {seconds} second{}", if *seconds == 1 { "" } else { "s" })
            }
            (FetchFailure::NotJson, Vi) => {
                format!("{url} trả về một trang web (HTML), không phải dữ liệu JSON; có thể đường dẫn data-src bị sai")
            }
            (FetchFailure::Cut, Vi) => {
                format!("tải dữ liệu từ {url} bị ngắt giữa chừng (mạng chập chờn hoặc máy chủ ngừng gửi); tải lại trang để thử lại")
            }
            (FetchFailure::Cut, En) => format!(
                "the download of {url} stopped part-way (an unsteady network, or the server stopped sending); reload the page to try again"
            ),
            (FetchFailure::Empty, Vi) => format!("{url} trả về nội dung trống, không có dữ liệu; kiểm tra lại tệp trên máy chủ"),
            (FetchFailure::Empty, En) => format!("{url} returned nothing (an empty file); check the file on the server"),
            (FetchFailure::NotJson, En) => {
                format!("{url} returned a web page (HTML), not JSON data; the data-src path may be wrong")
            }
        }
    }
}

#[allow(clippy::cast_precision_loss)]
fn mb(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// 2.989 where a count is expected: probably 2989 written with a thousands dot.
fn thousands_meant(value: f64) -> Option<u64> {
    let thousandths = value * 1000.0;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let n = thousandths.round() as u64;
    let three_decimals = (thousandths - thousandths.round()).abs() < 1e-6 && n % 10 != 0;
    (three_decimals && (1.0..1000.0).contains(&value)).then_some(n)
}

/// 0.997 -> "99.7": the JSON number to write for a percentage.
fn percent_literal(fraction: f64) -> String {
    json_number((fraction * 1000.0).round() / 10.0)
}

/// What a number field takes, for hints that fit it.
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NumberField {
    /// Whole numbers: `members`, `cells`, `population`, the targets and the cell kinds.
    Count,
    /// `percentOfPlan`: already a percentage.
    Percent,
    /// An indicator's `value`: its unit goes in `measure`.
    Value,
    /// `areaKm2`: in km².
    Area,
}

#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
impl NumberField {
    fn of(path: &str) -> NumberField {
        let in_cell_kinds = path.as_bytes().windows(11).any(|w| w == b".cellKinds.");
        if in_cell_kinds {
            NumberField::Count
        } else if path.ends_with(".percentOfPlan") {
            NumberField::Percent
        } else if path.ends_with(".value") {
            NumberField::Value
        } else if path.ends_with(".areaKm2") {
            NumberField::Area
        } else {
            NumberField::Count
        }
    }
}

/// A number written as people write it, in quotes (`"99,7%"`, `"2.989"`, `"5 755 ha"`): the JSON
/// number meant, and what was done to it.
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
#[derive(Debug, PartialEq)]
struct QuotedNumber {
    /// The JSON number to write (`99.7`).
    number: String,
    /// In a field with decimals, one dot or comma before three digits (`"5.755"`) reads either
    /// way: `number` is the thousands (`5755`), this the decimal (`5.755`).
    or_decimal: Option<String>,
    decimal_comma: bool,
    /// The character that grouped thousands: `.`, `,` or a space.
    grouped_by: Option<char>,
    percent: bool,
    /// Words after the number (`ha`, `đảng viên`).
    unit: Option<String>,
}

#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
impl QuotedNumber {
    /// `None` when the text is not a number with separators, a % or a unit (`khoảng 50`, `N/A`).
    fn read(text: &str, field: NumberField) -> Option<QuotedNumber> {
        let text = text.trim();
        // The number as written: digits, dots and commas, and the spaces (a no-break space, an
        // apostrophe) between digits that group thousands; then what follows it.
        let (mut written, mut spaced, mut space_before, mut tail) = (String::new(), false, false, "");
        for (i, c) in text.char_indices() {
            match c {
                '0'..='9' | '.' | ',' => {
                    spaced |= space_before;
                    space_before = false;
                    written.push(c);
                }
                ' ' | '\u{a0}' | '\u{202f}' | '\'' => space_before = true,
                _ => {
                    tail = text.get(i..)?.trim();
                    break;
                }
            }
        }
        while matches!(written.as_bytes().last(), Some(b'.' | b',')) {
            written.pop();
        }
        let bytes = written.as_bytes();
        if !bytes.first()?.is_ascii_digit() {
            return None;
        }
        let unit = match tail.chars().next() {
            None | Some('%') => None,
            Some(c) if c.is_alphabetic() => Some(tail.to_string()),
            Some(_) => return None,
        };
        let is_separator = |b: &u8| *b == b'.' || *b == b',';
        let last = bytes.iter().rposition(is_separator);
        let last_byte = last.and_then(|i| bytes.get(i)).copied();
        let separators = bytes.iter().filter(|b| is_separator(b)).count();
        let same_as_last = bytes.iter().filter(|b| Some(**b) == last_byte).count();
        let after_last = last.map_or(0, |i| bytes.len() - i - 1);
        // Which separator is the decimal point, if any: the last one when both kinds are used (it
        // must be the only one of its kind); none when one kind is repeated; a single one
        // before three digits groups thousands in a count, and reads either way in an amount.
        let (point, either_way) = match (separators, same_as_last) {
            (0, _) => (None, false),
            (n, 1) if n > 1 => (last, false),
            (_, m) if m > 1 && m < separators => return None,
            (_, m) if m > 1 => (None, false),
            _ if field == NumberField::Percent || after_last != 3 => (last, false),
            _ => (None, field != NumberField::Count),
        };
        let number_with = |point: Option<usize>| -> String {
            let mut out = String::new();
            for (i, b) in bytes.iter().enumerate() {
                if Some(i) == point {
                    out.push('.');
                } else if b.is_ascii_digit() {
                    if out == "0" {
                        out.clear(); // no leading zeros: `03` is 3
                    }
                    out.push(char::from(*b));
                }
            }
            out
        };
        let point_byte = point.and_then(|i| bytes.get(i)).copied();
        let grouped_by = bytes.iter().find(|b| is_separator(b) && Some(**b) != point_byte && !either_way).map(|b| char::from(*b));
        Some(QuotedNumber {
            number: number_with(point),
            or_decimal: either_way.then(|| number_with(last)),
            decimal_comma: point_byte == Some(b','),
            grouped_by: grouped_by.or(spaced.then_some(' ')),
            percent: tail.starts_with('%'),
            unit,
        })
    }

    /// What to change, as a list: `không có ngoặc kép, dấu chấm thay cho dấu phẩy thập phân`.
    fn changes(&self, field: NumberField, locale: Locale) -> String {
        let vi = locale == Locale::Vi;
        let pick = |vi_words: &'static str, en_words: &'static str| if vi { vi_words } else { en_words };
        let mut out = String::from(pick("không có ngoặc kép", "without quotes"));
        let mut add = |words: &str| {
            out.push_str(", ");
            out.push_str(words);
        };
        if self.decimal_comma {
            add(pick("dấu chấm thay cho dấu phẩy thập phân", "a dot instead of the decimal comma"));
        }
        match self.grouped_by {
            Some('.') => add(pick("không có dấu chấm ngăn cách hàng nghìn", "without the thousands dots")),
            Some(',') => add(pick("không có dấu phẩy ngăn cách hàng nghìn", "without the thousands commas")),
            Some(_) => add(pick("không có dấu cách giữa các chữ số", "without the spaces between digits")),
            None => {}
        }
        if self.percent {
            add(match field {
                NumberField::Percent => pick(
                    "không có dấu % (percentOfPlan đã tính bằng phần trăm)",
                    "without the % sign (percentOfPlan is already a percentage)",
                ),
                NumberField::Value => pick("dấu % ghi vào trường \"measure\"", "the % goes in \"measure\""),
                _ => pick("không có dấu %", "without the % sign"),
            });
        }
        if let Some(unit) = &self.unit {
            let (before, after) = match field {
                NumberField::Value => (pick("đơn vị (", "the unit ("), pick(") ghi vào trường \"measure\"", ") goes in \"measure\"")),
                NumberField::Area => {
                    (pick("không kèm đơn vị (", "without the unit ("), pick("): areaKm2 đã tính bằng km²", "): areaKm2 is in km²"))
                }
                _ => (pick("không kèm chữ (", "without the words ("), ")"),
            };
            add(&crate::cat!(before, unit, after));
        }
        out
    }
}

/// For a number written in quotes, how to write it for this field: `. Hãy viết 99.7: không có
/// ngoặc kép, dấu chấm thay cho dấu phẩy thập phân, không có dấu % (…)`. Empty for other wrong
/// types.
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
fn number_in_quotes_hint(expected: JsonType, found: &crate::json::Value, path: &str, locale: Locale) -> String {
    let crate::json::Value::String(text) = found else { return String::new() };
    if expected != JsonType::Number || !text.bytes().any(|b| b.is_ascii_digit()) {
        return String::new();
    }
    let vi = locale == Locale::Vi;
    let field = NumberField::of(path);
    let Some(q) = QuotedNumber::read(text, field) else {
        let example = match field {
            NumberField::Count => "2989",
            NumberField::Percent => "99.7",
            NumberField::Value => "5755",
            NumberField::Area => "48.93",
        };
        let say =
            if vi { ". Hãy viết một con số không có ngoặc kép, ví dụ " } else { ". Write a number without quotes, e.g. " };
        return crate::cat!(say, example);
    };
    let mut out = String::from(if vi { ". Hãy viết " } else { ". Write " });
    out.push_str(&q.number);
    if let Some(decimal) = &q.or_decimal {
        out.push_str(if vi { " nếu là số hàng nghìn, hoặc " } else { " if it is in the thousands, or " });
        out.push_str(decimal);
        out.push_str(if vi { " nếu là số thập phân" } else { " if it has decimals" });
    }
    out.push_str(": ");
    out.push_str(&q.changes(field, locale));
    out
}

/// Not in the widget's wasm (see [`Problem::located_in`]).
#[cfg(all(target_arch = "wasm32", feature = "web"))]
fn number_in_quotes_hint(_: JsonType, _: &crate::json::Value, _: &str, _: Locale) -> String {
    String::new()
}

impl ErrorKind {
    fn describe(self, locale: Locale) -> &'static str {
        use Locale::{En, Vi};
        match (self, locale) {
            (ErrorKind::UnexpectedEnd, Vi) => "dữ liệu kết thúc giữa chừng; có thể thiếu } hoặc ] ở cuối",
            (ErrorKind::UnexpectedEnd, En) => "the data ends too early; a closing } or ] may be missing",
            (ErrorKind::ExpectedValue, Vi) => "cần một giá trị (số, \"chuỗi\", true/false, [ ] hoặc { })",
            (ErrorKind::ExpectedValue, En) => "a value is expected here (number, \"text\", true/false, [ ] or { })",
            (ErrorKind::ExpectedCommaOrBrace, Vi) => "thiếu dấu phẩy giữa hai trường, hoặc thiếu }",
            (ErrorKind::ExpectedCommaOrBrace, En) => "a comma between two fields, or a closing }, is missing",
            (ErrorKind::ExpectedCommaOrBracket, Vi) => "thiếu dấu phẩy giữa hai phần tử, hoặc thiếu ]",
            (ErrorKind::ExpectedCommaOrBracket, En) => "a comma between two items, or a closing ], is missing",
            (ErrorKind::ExpectedColon, Vi) => "thiếu dấu hai chấm : sau tên trường",
            (ErrorKind::ExpectedColon, En) => "a colon : is missing after the field name",
            (ErrorKind::KeyMustBeString, Vi) => "tên trường phải nằm trong ngoặc kép, ví dụ \"name\"",
            (ErrorKind::KeyMustBeString, En) => "field names must be in double quotes, e.g. \"name\"",
            (ErrorKind::TrailingComma, Vi) => "thừa dấu phẩy trước } hoặc ]",
            (ErrorKind::TrailingComma, En) => "there is an extra comma before } or ]",
            (ErrorKind::TrailingCharacters, Vi) => "có ký tự thừa sau khi dữ liệu đã kết thúc",
            (ErrorKind::TrailingCharacters, En) => "there is text after the end of the data",
            (ErrorKind::InvalidNumber, Vi) => "số không hợp lệ (dùng dấu chấm cho phần thập phân, ví dụ 99.7)",
            (ErrorKind::InvalidNumber, En) => "invalid number (use a dot for decimals, e.g. 99.7)",
            (ErrorKind::InvalidEscape, Vi) => "ký tự \\ không hợp lệ trong chuỗi",
            (ErrorKind::InvalidEscape, En) => "invalid \\ escape in a text",
            (ErrorKind::ControlCharacter, Vi) => "chuỗi chưa đóng ngoặc kép, hoặc có xuống dòng trong chuỗi",
            (ErrorKind::ControlCharacter, En) => "a text is not closed with \", or contains a line break",
            (ErrorKind::DecimalComma, Vi) => {
                "số thập phân phải viết bằng dấu chấm: 99.7, không phải 99,7 (số hàng nghìn thì viết liền: 2989, không phải 2,989)"
            }
            (ErrorKind::DecimalComma, En) => {
                "write decimals with a dot: 99.7, not 99,7 (and thousands without a separator: 2989, not 2,989)"
            }
            (ErrorKind::ThousandsDot, Vi) => "không dùng dấu chấm ngăn cách hàng nghìn: viết 1234567, không phải 1.234.567",
            (ErrorKind::ThousandsDot, En) => "do not group thousands with dots: write 1234567, not 1.234.567",
            (ErrorKind::SpaceInNumber, Vi) => "không để dấu cách trong số: viết 2989, không phải 2 989",
            (ErrorKind::SpaceInNumber, En) => "no spaces inside a number: write 2989, not 2 989",
            (ErrorKind::UnitAfterNumber, Vi) => "chỉ viết con số, không kèm đơn vị hay dấu %: viết 99.7, không phải 99.7%",
            (ErrorKind::UnitAfterNumber, En) => "write the number alone, without a unit or %: 99.7, not 99.7%",
            (ErrorKind::CurlyQuote, Vi) => {
                "đây là dấu ngoặc cong (“ ” hoặc ‘ ’) do Word hay bàn phím điện thoại tự đổi; JSON chỉ nhận ngoặc kép thẳng \": hãy thay mọi dấu ngoặc cong bằng \""
            }
            (ErrorKind::CurlyQuote, En) => {
                "this is a curly quote (“ ” or ‘ ’), as Word or a phone keyboard types them; JSON needs straight double quotes \": replace every curly quote with \""
            }
            (ErrorKind::MissingBraceBeforeComma, Vi) => "có lẽ thiếu dấu } trước dấu phẩy này: nhóm { ... } chưa đóng mà nhóm sau đã mở bằng {",
            (ErrorKind::MissingBraceBeforeComma, En) => {
                "a closing } is probably missing before this comma: this { ... } is not closed before the next { opens"
            }
            (ErrorKind::MissingBraceAndComma, Vi) => "có lẽ thiếu }, ở đây: nhóm { ... } chưa đóng mà nhóm sau đã mở bằng {",
            (ErrorKind::MissingBraceAndComma, En) => "}, is probably missing here: this { ... } is not closed before the next { opens",
            (ErrorKind::MissingBraceBeforeBracket, Vi) => "có lẽ thiếu dấu } ở đây: nhóm { ... } cuối cùng chưa đóng trước dấu ]",
            (ErrorKind::MissingBraceBeforeBracket, En) => "a closing } is probably missing here: the last { ... } is not closed before the ]",
            (ErrorKind::NumberOutOfRange, Vi) => "số quá lớn",
            (ErrorKind::NumberOutOfRange, En) => "the number is too large",
            (ErrorKind::Other, Vi) => "dữ liệu không phải JSON hợp lệ",
            (ErrorKind::Other, En) => "the data is not valid JSON",
        }
    }
}

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

    fn syntax_what(text: &str) -> (ErrorKind, String) {
        let p = crate::spec::parse(text).unwrap_err().remove(0);
        let m = p.message(Locale::Vi);
        (p.syntax_what().unwrap_or_else(|| panic!("{p:?}")), m)
    }

    /// The quoted start of a wrong value reads as serde_json would write it.
    #[test]
    fn wrong_values_are_quoted_as_compact_json() {
        for text in [r#"{"a":[1,"x",null,true,-3,2.5,2.0],"b\"c":{"d":"e\\f\ng"}}"#, "0.29", "-7", r#""Xã \"Pa\" Vây""#, "[]", "{}"] {
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            let mut ours = String::new();
            compact_json(&crate::json::parse(text).unwrap(), &mut ours, 1000);
            assert_eq!(ours, theirs.to_string(), "{text}");
        }
        let big = crate::json::parse(&format!("[{}]", vec!["123456789"; 10_000].join(","))).unwrap();
        let mut ours = String::new();
        compact_json(&big, &mut ours, 40);
        assert!(ours.len() < 60 && ours.starts_with("[123456789,123456789,"), "{ours}");
    }

    #[test]
    fn numbers_written_as_people_write_them_get_their_own_message() {
        assert_eq!(syntax_what(r#"{"communes":[{"name":"A","areaKm2": 48,93}]}"#).0, ErrorKind::DecimalComma);
        assert_eq!(syntax_what("{\"a\": 99,7\n}").0, ErrorKind::DecimalComma);
        assert_eq!(syntax_what(r#"{"a": 1.234.567}"#).0, ErrorKind::ThousandsDot);
        assert_eq!(syntax_what(r#"{"a": 2 989}"#).0, ErrorKind::SpaceInNumber);
        assert_eq!(syntax_what(r#"{"a": 99.7%}"#).0, ErrorKind::UnitAfterNumber);
        assert_eq!(syntax_what(r#"[{"a": 5755ha}]"#).0, ErrorKind::UnitAfterNumber);
        assert_eq!(syntax_what(r#"{"a": 1e400}"#).0, ErrorKind::NumberOutOfRange);
        // Real missing commas stay what they are.
        assert_eq!(syntax_what("{\"a\": 1\n \"b\": 2}").0, ErrorKind::ExpectedCommaOrBrace);
        assert_eq!(syntax_what(r#"{"a": "x" "b": 2}"#).0, ErrorKind::ExpectedCommaOrBrace);
        assert!(syntax_what(r#"{"a": 99,7}"#).1.contains("99.7, không phải 99,7"));
    }

    #[test]
    fn limits_give_clear_errors() {
        let many = format!(r#"{{"communes":[{}]}}"#, vec![r#"{"name":"A","members":1}"#; 10_001].join(","));
        let p = crate::spec::parse(&many).unwrap_err();
        assert_eq!(
            p[0].message(Locale::Vi),
            "`communes`: danh sách quá dài (10.001 mục); một biểu đồ vẽ tối đa 10.000 mục, hãy chia thành nhiều biểu đồ"
        );
        let long = format!(r#"{{"communes":[{{"name":"{}","members":1}}]}}"#, "ồ".repeat(1001));
        let p = crate::spec::parse(&long).unwrap_err();
        assert_eq!(p[0].message(Locale::En), "`communes[0].name`: the text is too long (1,001 characters); at most 1,000");
        let huge = format!(r#"{{"note":"{}"}}"#, " ".repeat(6 * 1024 * 1024));
        let p = crate::spec::parse(&huge).unwrap_err();
        assert_eq!(p[0].message(Locale::Vi), "dữ liệu quá lớn (6.291.467 byte); tối đa 5.242.880 byte (5 MB) cho một biểu đồ");
        // 10,000 communes are still fine.
        let ok = format!(r#"{{"communes":[{}]}}"#, vec![r#"{"name":"A","members":1}"#; 10_000].join(","));
        assert!(crate::model::model_from_json(&ok).is_ok());
    }

    #[test]
    fn decimals_where_counts_belong_suggest_the_count() {
        let p = Problem::at("communes[0].members", ProblemKind::NotWholeNumber { value: 2.989 });
        assert_eq!(
            p.message(Locale::Vi),
            "`communes[0].members`: cần một số nguyên, nhưng JSON đọc 2.989 là số thập phân (dấu chấm là dấu thập phân). Nếu ý là 2.989 theo cách viết tiếng Việt, hãy viết 2989"
        );
        let p = Problem::at("communes[0].members", ProblemKind::NotWholeNumber { value: 12.5 });
        assert_eq!(p.message(Locale::En), "`communes[0].members`: expected a whole number, found 12.5");
        let p = Problem::at("x", ProblemKind::PercentLooksLikeFraction { value: 0.29 });
        assert_eq!(p.message(Locale::Vi), "`x`: 0.29 nghĩa là 0,29% kế hoạch; nếu ý là 29%, hãy viết 29");
    }

    #[test]
    fn syntax_columns_count_characters_and_long_lines_are_windowed() {
        let p = crate::spec::parse("{\"title\": “Mồ”}").unwrap_err().remove(0);
        assert_eq!(p.line_column(), Some((1, 11)));
        assert_eq!(p.excerpt().as_deref(), Some("{\"title\": “Mồ”}\n          ^"));
        let (what, _) = syntax_what(r#"{"communes":[{"name":"Đức Thọ","members": 89 đảng viên}]}"#);
        assert_eq!(what, ErrorKind::UnitAfterNumber);
        let long = format!(r#"{{"communes":[{}{{"name":"X","members":1,}}]}}"#, r#"{"name":"Mồ Sì San","members":89},"#.repeat(40));
        let p = crate::spec::parse(&long).unwrap_err().remove(0);
        let excerpt = p.excerpt().unwrap();
        let (quoted, caret) = excerpt.split_once('\n').unwrap();
        assert!(quoted.starts_with('…') && quoted.chars().count() <= 122, "{quoted}");
        assert_eq!(quoted.chars().nth(caret.chars().count() - 1), Some('}'), "{excerpt}");
    }

    #[test]
    fn syntax_excerpt_points_at_the_column() {
        let p = Problem::at("", ProblemKind::Syntax { line: 3, column: 5, what: ErrorKind::ExpectedValue, source_line: "  { x".into() });
        assert_eq!(p.excerpt().as_deref(), Some("  { x\n    ^"));
        assert!(p.message(Locale::Vi).starts_with("Lỗi cú pháp JSON ở dòng 3, cột 5: "));
        assert!(p.message(Locale::En).starts_with("JSON syntax error at line 3, column 5: "));
    }

    #[test]
    fn excerpts_fit_a_phone_with_the_caret_in_view() {
        let text = "{\n  \"communes\": [\n      { \"name\": \"Đức Thọ\", \"members\": 2989, \"cells\": 77, },\n  ]\n}";
        let p = crate::model::model_from_json(text).err().and_then(|p| p.into_iter().next()).unwrap();
        let full = p.excerpt().unwrap();
        assert!(full.starts_with("      { \"name\""), "{full}");
        for max in [12, 20, 40, 60] {
            let fitted = p.excerpt_within(max).unwrap();
            let (line, caret) = fitted.split_once('\n').unwrap();
            assert!(line.chars().count() <= max, "{max}: {line}");
            let at = caret.chars().count() - 1;
            assert_eq!(caret.trim_start(), "^");
            // The caret still points at the offending `}` after the comma.
            assert_eq!(line.chars().nth(at), Some('}'), "{max}: {fitted}");
        }
        // Wide enough: the line as it is, indentation included.
        assert_eq!(p.excerpt_within(200), Some(full));
    }

    /// A syntax error as the journalist sees it: place, message and quoted line (natively,
    /// `spec::parse` locates it as the explanations module does).
    fn shown(text: &str, locale: Locale) -> (usize, usize, String, String) {
        let p = crate::spec::parse(text).unwrap_err().remove(0);
        assert_eq!(p.clone().located_in(text), p, "located twice moves it again");
        let (line, column) = p.line_column().unwrap();
        (line, column, p.message(locale), p.excerpt().unwrap_or_default())
    }

    #[test]
    fn a_missing_closing_brace_is_shown_where_it_belongs() {
        // `"members": 89,` then the next commune's `{`: the reader stops at the `{` (a field name
        // was expected); the `}` belongs before the comma on the line above.
        let text = "{\"communes\": [\n  {\"name\": \"Mồ Sì San\", \"members\": 89,\n  {\"name\": \"Pa Vây Sử\", \"members\": 86}\n]}";
        let (line, column, message, excerpt) = shown(text, Locale::Vi);
        assert_eq!((line, column), (2, 38));
        assert_eq!(
            message,
            "Lỗi cú pháp JSON ở dòng 2, cột 38: có lẽ thiếu dấu } trước dấu phẩy này: nhóm { ... } chưa đóng mà nhóm sau đã mở bằng {"
        );
        assert_eq!(excerpt, format!("  {{\"name\": \"Mồ Sì San\", \"members\": 89,\n{}^", " ".repeat(37)));
        // Without the comma: `},` is missing, just after the 89.
        let (line, column, message, _) = shown(&text.replace("89,", "89"), Locale::En);
        assert_eq!((line, column), (2, 38));
        assert!(message.ends_with(": }, is probably missing here: this { ... } is not closed before the next { opens"), "{message}");
        // The last commune not closed before the list's `]`.
        let (line, column, message, _) = shown("{\"communes\": [\n  {\"name\": \"A\", \"members\": 89\n  ]\n}", Locale::Vi);
        assert_eq!((line, column), (2, 30));
        assert!(message.ends_with("có lẽ thiếu dấu } ở đây: nhóm { ... } cuối cùng chưa đóng trước dấu ]"), "{message}");
        // On one line, and with Windows line ends.
        let (line, column, message, _) = shown(r#"{"communes": [{"name": "A", "members": 1 {"name": "B"}]}"#, Locale::Vi);
        assert_eq!((line, column), (1, 41));
        assert!(message.contains("có lẽ thiếu }, ở đây"), "{message}");
        let (line, column, _, excerpt) = shown(&text.replace('\n', "\r\n"), Locale::Vi);
        assert_eq!((line, column), (2, 38));
        assert!(!excerpt.contains('\r'), "{excerpt:?}");
        // A real missing comma between fields stays one, at the next field.
        let (line, column, message, _) = shown("{\n  \"title\": \"A\"\n  \"communes\": []\n}", Locale::En);
        assert_eq!((line, column), (3, 3));
        assert!(message.ends_with("a comma between two fields, or a closing }, is missing"), "{message}");
    }

    #[test]
    fn the_reader_stops_after_the_mistake_and_located_in_moves_back_to_it() {
        // As the reader path's parse gives it (the place where the reader stopped).
        let text = "{\"communes\": [\n  {\"name\": \"A\", \"members\": 10\n  {\"name\": \"B\"}\n]}";
        let raw = Problem::at(
            "",
            ProblemKind::Syntax { line: 3, column: 3, what: ErrorKind::ExpectedCommaOrBrace, source_line: "  {\"name\": \"B\"}".into() },
        );
        assert_eq!(raw.syntax_what(), Some(ErrorKind::MissingBraceAndComma));
        let located = raw.located_in(text);
        assert_eq!(located.line_column(), Some((2, 30)));
        assert_eq!(located.excerpt().unwrap(), format!("  {{\"name\": \"A\", \"members\": 10\n{}^", " ".repeat(29)));
        // Other problems, and texts where the place cannot be found, are left alone.
        let other = Problem::at("communes[0].members", ProblemKind::Missing);
        assert_eq!(other.clone().located_in(text), other);
        let far = Problem::at("", ProblemKind::Syntax { line: 9, column: 1, what: ErrorKind::ExpectedValue, source_line: String::new() });
        assert_eq!(far.clone().located_in(text), far);
    }

    #[test]
    fn curly_quotes_are_named_and_shown() {
        let curly = "đây là dấu ngoặc cong (“ ” hoặc ‘ ’) do Word hay bàn phím điện thoại tự đổi";
        // Where a quote belongs.
        for (text, column) in [
            ("{“communes”: [{“name”: “Mồ Sì San”, “members”: 89}]}", 2),
            ("{\"title\": “Mồ”, \"communes\": []}", 11),
            ("{\"communes\": [{\"name\": ‘A’, \"members\": 1}]}", 24),
            // Ending a text opened with a straight quote: the text went on past it.
            ("{\"communes\": [{\"name\": \"Mồ Sì San”, \"members\": 89}]}", 34),
            ("{\"communes\": [{\"name”: \"Mồ Sì San\", \"members\": 89}]}", 21),
            ("{\"communes\": [{\"name\": \"Đức Thọ”}]}", 32),
            ("{\"communes\": [{\"name\": \"Đức Thọ”", 32),
        ] {
            let (line, col, message, _) = shown(text, Locale::Vi);
            assert_eq!((line, col), (1, column), "{text}");
            assert!(message.contains(curly), "{text}: {message}");
        }
        // At the end of a line: the reader stops on the next one; shown on its own line.
        let (line, column, message, excerpt) =
            shown("{\n  \"title\": \"Số đảng viên”,\n  \"communes\": [{\"name\": \"A\", \"members\": 1}]\n}", Locale::En);
        assert_eq!((line, column), (2, 25));
        assert!(message.ends_with("this is a curly quote (“ ” or ‘ ’), as Word or a phone keyboard types them; JSON needs straight double quotes \": replace every curly quote with \""), "{message}");
        assert_eq!(excerpt, format!("  \"title\": \"Số đảng viên”,\n{}^", " ".repeat(24)));
        // Curly quotes inside a text are text: valid, and a missing comma after it stays one.
        assert!(crate::spec::parse(r#"{"title": "Nghị quyết “Tam nông”, 2025", "communes": [{"name": "A", "members": 1}]}"#).is_ok());
        let (_, column, message, _) = shown(r#"{"title": "Nghị quyết “Tam nông”" "communes": []}"#, Locale::Vi);
        assert_eq!(column, 35);
        assert!(message.ends_with("thiếu dấu phẩy giữa hai trường, hoặc thiếu }"), "{message}");
        // A curly quote after a backslash is a bad escape, not a curly quote.
        assert_eq!(syntax_what(r#"{"title": "a\“b"}"#).0, ErrorKind::InvalidEscape);
    }

    fn hint(path: &str, text: &str, locale: Locale) -> String {
        let found = crate::json::Value::String(text.into());
        Problem::at(path, ProblemKind::WrongType { expected: JsonType::Number, found }).message(locale)
    }

    #[test]
    fn numbers_in_quotes_are_told_how_to_write_them_for_their_field() {
        assert_eq!(
            hint("indicators[0].percentOfPlan", "99,7%", Locale::Vi),
            "`indicators[0].percentOfPlan`: cần một số, nhưng đang là một chuỗi chữ trong ngoặc kép (\"99,7%\"). Hãy viết 99.7: \
             không có ngoặc kép, dấu chấm thay cho dấu phẩy thập phân, không có dấu % (percentOfPlan đã tính bằng phần trăm)"
        );
        assert_eq!(
            hint("indicators[0].percentOfPlan", "99,7%", Locale::En),
            "`indicators[0].percentOfPlan`: expected a number, found a text in double quotes (\"99,7%\"). Write 99.7: without quotes, \
             a dot instead of the decimal comma, without the % sign (percentOfPlan is already a percentage)"
        );
        let cases = [
            ("communes[0].members", "2.989", "Hãy viết 2989: không có ngoặc kép, không có dấu chấm ngăn cách hàng nghìn"),
            ("communes[0].members", "2,989", "Hãy viết 2989: không có ngoặc kép, không có dấu phẩy ngăn cách hàng nghìn"),
            ("communes[0].population", "1.234.567", "Hãy viết 1234567: không có ngoặc kép, không có dấu chấm ngăn cách hàng nghìn"),
            ("communes[0].members", "2\u{a0}989", "Hãy viết 2989: không có ngoặc kép, không có dấu cách giữa các chữ số"),
            ("communes[0].members", "89 đảng viên", "Hãy viết 89: không có ngoặc kép, không kèm chữ (đảng viên)"),
            ("communes[0].cellKinds.value", "4", "Hãy viết 4: không có ngoặc kép"),
            ("communes[0].targets.met", "03", "Hãy viết 3: không có ngoặc kép"),
            ("indicators[2].percentOfPlan", "99.7 %", "Hãy viết 99.7: không có ngoặc kép, không có dấu % (percentOfPlan"),
            ("indicators[2].percentOfPlan", "102,345", "Hãy viết 102.345: không có ngoặc kép, dấu chấm thay cho dấu phẩy thập phân"),
            ("indicators[0].value", "3,2%", "Hãy viết 3.2: không có ngoặc kép, dấu chấm thay cho dấu phẩy thập phân, dấu % ghi vào trường \"measure\""),
            (
                "indicators[0].value",
                "5.755 ha",
                "Hãy viết 5755 nếu là số hàng nghìn, hoặc 5.755 nếu là số thập phân: không có ngoặc kép, đơn vị (ha) ghi vào trường \"measure\"",
            ),
            ("indicators[0].value", "1.250.000,5", "Hãy viết 1250000.5: không có ngoặc kép, dấu chấm thay cho dấu phẩy thập phân, không có dấu chấm"),
            ("indicators[0].value", "1,250,000.5", "Hãy viết 1250000.5: không có ngoặc kép, không có dấu phẩy ngăn cách hàng nghìn"),
            ("communes[0].areaKm2", "48,93 km2", "Hãy viết 48.93: không có ngoặc kép, dấu chấm thay cho dấu phẩy thập phân, không kèm đơn vị (km2): areaKm2"),
            // Not a number as written: an example for the field.
            ("communes[0].members", "khoảng 90", "Hãy viết một con số không có ngoặc kép, ví dụ 2989"),
            ("indicators[0].percentOfPlan", "~99", "Hãy viết một con số không có ngoặc kép, ví dụ 99.7"),
            ("indicators[0].percentOfPlan", "1,2,3.4,5", "Hãy viết một con số không có ngoặc kép, ví dụ 99.7"),
        ];
        for (path, text, expected) in cases {
            let m = hint(path, text, Locale::Vi);
            assert!(m.contains(&format!("(\"{text}\"). {expected}")), "{path} {text}: {m}");
        }
        // Text without digits gets no hint; other types neither.
        assert!(hint("communes[0].members", "không rõ", Locale::Vi).ends_with("(\"không rõ\")"));
        let p = Problem::at(
            "title",
            ProblemKind::WrongType { expected: JsonType::String, found: crate::json::Value::Number(crate::json::Number::U64(5)) },
        );
        assert!(p.message(Locale::En).ends_with("found a number (5)"));
    }
}
