//! Syntax errors as the journalist sees them, from the text through `spec::parse`: the kind
//! refined from the line, the place moved back to the mistake, the message and the quoted line
//! (this module's `message`, `syntax.rs` and the words together).

use super::*;

fn syntax_what(text: &str) -> (ErrorKind, String) {
    let p = crate::spec::parse(text).unwrap_err().remove(0);
    let m = p.message(Locale::Vi);
    (p.syntax_what().unwrap_or_else(|| panic!("{p:?}")), m)
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
