//! Syntax errors as a journalist can act on them: the reader's [`ErrorKind`] refined from the
//! characters around it (`99,7` is a decimal comma, `“` a curly quote), moved back to the mistake
//! with the whole text in view ([`Problem::located_in`]), the quoted line with its caret, and
//! the words of each kind.

use super::{Problem, ProblemKind};
use crate::json::ErrorKind;
use crate::locale::Locale;

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

impl ErrorKind {
    pub(super) fn describe(self, locale: Locale) -> &'static str {
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
