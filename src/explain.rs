//! What a chart says when it cannot be drawn, or in preview mode, as one request and one answer.
//!
//! The reader path (the widget's wasm) only finds *that* data is invalid; the words, suggestions
//! and quoted lines of [`Problem::message`] are here, in the explanations module (`explain/`, a
//! second wasm the page fetches only for an invalid chart or in preview mode). Both sides are
//! JSON text, so the module needs no bindings:
//!
//! - request: `{"task": "data", "text", "kind", "lang", "preview", "chars"}`, or
//!   `{"task": "fetch", "url", "why", "status", "lang"}` (`data-src` failed: `why` is `status`,
//!   `network`, `timeout` (`status` = seconds), `html`, `empty` or `cut`), or
//!   `{"task": "input", "path", "why", "lang"}` (a value `render()` could not write as JSON:
//!   `cycle`, `bigint`, `throws`, `data`). `lang` is the page's; `chars` the width of a quoted
//!   line in characters. A `data` request with `"format": "csv"` or `"tsv"` is about a table
//!   (`data-src` to a CSV or TSV file): `text` is the table, converted as the `table` task does,
//!   and its problems are said by row and column (`dòng 4, cột "Đảng viên"`), the problems of the
//!   JSON made from it too (its field paths lead back to their cells), and in preview mode what
//!   the conversion skipped (a title row, an unknown column, a total row) is said as warnings.
//! - `{"task": "table", "text", "format", "style", "lang", "cells"}`: a table → the widget's
//!   JSON, or its problems (`crate::table::answer`): what `js/api.js` asks before it mounts a CSV
//!   or TSV `data-src`, and what the playground reads a pasted table with (`format` `paste`, with
//!   `cells`); `{"task": "number", "text", "style"}`: one number as a person wrote it.
//! - answer: `{"warn": false, "heading", "items": [{"path", "line", "column", "endLine",
//!   "endColumn", "message", "detail", "excerpt"}], "more"}`: the alert of an invalid chart
//!   (`warn` true: preview warnings over a valid one; no items: nothing to say). `message` is
//!   the sentence the box shows (its place first), `detail` the same without the place; the
//!   span (`line`…`endColumn`, end exclusive) is the field from its key past its value, or a
//!   syntax error's character, all 0 when unknown; `more` is the
//!   "… and N more" line under the first [`MAX_SHOWN`]. Problems past those have line and column 0
//!   unless they are syntax errors (finding a place reads the text). A table's problems also have
//!   `row` (as the spreadsheet numbers it) and `header` (the column's); their line and column are
//!   the cell's in the table's text.

use crate::json::{self, Value};
use crate::place::Span;
use crate::problem::{push_json_string, FetchFailure, Problem, ProblemKind, ValueTrouble};
use crate::{prepare, Locale};

/// The problems a box lists; the rest are counted in its last line.
pub const MAX_SHOWN: usize = 6;

/// The answer to one request (JSON text); empty when the request itself cannot be read.
pub fn respond(request: &str) -> String {
    let Ok(req) = json::parse(request) else { return String::new() };
    let text = |key: &str| match req.get(key) {
        Some(Value::String(s)) => s.as_str(),
        _ => "",
    };
    let number = |key: &str| match req.get(key) {
        Some(Value::Number(n)) => n.as_f64(),
        _ => 0.0,
    };
    let lang = Locale::from_tag(text("lang")).unwrap_or_default();
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "positive, saturating")]
    let chars = if number("chars") > 0.0 { number("chars") as usize } else { usize::MAX };
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    {
        use crate::table::{Format, Style};
        let format = Format::from_name(text("format"));
        if text("task") == "number" {
            // A number as a person wrote it (the playground's tests): `{"value"}`, `{"missing"}` or `{"bad"}`.
            let style = if text("style") == "en" { Style::En } else { Style::Vi };
            return match crate::table::read_number(text("text"), style) {
                crate::table::NumberRead::Number(n) => crate::cat!("{\"value\":", n.json, "}"),
                crate::table::NumberRead::Missing => "{\"missing\":true}".into(),
                crate::table::NumberRead::Bad => "{\"bad\":true}".into(),
            };
        }
        if text("task") == "table" {
            let style = match text("style") {
                "vi" => Some(Style::Vi),
                "en" => Some(Style::En),
                _ => None,
            };
            return crate::table::answer(text("text"), format, style, lang, matches!(req.get("cells"), Some(Value::Bool(true))));
        }
        let data = text("text");
        if text("task") == "data" && format != Format::Paste && !data.trim().is_empty() {
            let preview = matches!(req.get("preview"), Some(Value::Bool(true)));
            return table_explained(data, format, text("kind"), lang, preview);
        }
    }
    let (problems, locale) = match text("task") {
        "fetch" => (vec![fetch_problem(text("url"), text("why"), number("status"))], lang),
        "input" => (vec![input_problem(text("path"), text("why"))], lang),
        _ => {
            let data = text("text");
            if data.trim().is_empty() {
                (vec![Problem::at("", ProblemKind::NoData)], lang)
            } else {
                match prepare(data, text("kind"), lang.tag()) {
                    Err((problems, locale)) => (problems.into_iter().map(|p| p.located_in(data)).collect(), locale),
                    Ok(p) => {
                        let preview = matches!(req.get("preview"), Some(Value::Bool(true)));
                        let mut warnings = Vec::new();
                        if preview {
                            warnings = crate::preview::warnings(&p.model, p.kind);
                            #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
                            warnings.extend(crate::preview::number_warnings(data, &p.model));
                        }
                        return answer(&warnings, data, p.locale, true, chars);
                    }
                }
            }
        }
    };
    // A fetch or input failure has no text to point into (its path is data-src or the input).
    let data = if matches!(text("task"), "fetch" | "input") { "" } else { text("text") };
    answer(&problems, data, locale, false, chars)
}

fn fetch_problem(url: &str, why: &str, status: f64) -> Problem {
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "0..=65535")]
    let status = status.max(0.0).min(65_535.0) as u16;
    let why = match why {
        "timeout" => FetchFailure::Timeout { seconds: u32::from(status) },
        "html" => FetchFailure::NotJson,
        "empty" => FetchFailure::Empty,
        "cut" => FetchFailure::Cut,
        "network" => FetchFailure::Network,
        _ => FetchFailure::Status(status),
    };
    Problem::at("data-src", ProblemKind::FetchFailed { url: url.to_string(), why })
}

fn input_problem(path: &str, why: &str) -> Problem {
    let why = match why {
        "cycle" => ValueTrouble::Cycle,
        "bigint" => ValueTrouble::BigInt,
        "throws" => ValueTrouble::Throws,
        _ => ValueTrouble::NotData,
    };
    Problem::at(path, ProblemKind::UnreadableValue { why })
}

/// One problem as the box and `problems()` have it.
struct Item {
    path: String,
    span: Option<Span>,
    message: String,
    detail: String,
    excerpt: Option<String>,
    /// A table's: the row as the spreadsheet numbers it, and the column's header.
    row: Option<usize>,
    header: Option<String>,
}

/// The box for `problems` as JSON: every problem (for the error event and `problems()`), the box
/// showing the first [`MAX_SHOWN`].
/// `text`: the data the problems are about (their places are found in it), or empty.
fn answer(problems: &[Problem], text: &str, locale: Locale, warn: bool, chars: usize) -> String {
    let items: Vec<Item> = problems
        .iter()
        .enumerate()
        .map(|(i, p)| {
            // A syntax error has its place; any other problem is found from its path, for the
            // problems the box shows (each search reads the text: 10,000 problems in a big file
            // would take minutes). A syntax error's span is its one character; a field's runs
            // past its value.
            let span = match p.line_column() {
                Some((line, column)) => Some(Span { line, column, end_line: line, end_column: column + 1 }),
                None if i < MAX_SHOWN => crate::place::locate_span(text, &p.path),
                None => None,
            };
            Item {
                path: p.path.clone(),
                span,
                message: p.message(locale),
                detail: p.detail(locale),
                excerpt: p.excerpt_within(chars),
                row: None,
                header: None,
            }
        })
        .collect();
    write_answer(&items, locale, warn)
}

/// The answer: a heading, the items, and "… and N more" past [`MAX_SHOWN`].
fn write_answer(items: &[Item], locale: Locale, warn: bool) -> String {
    let mut out = String::from("{\"warn\":");
    out.push_str(if warn { "true" } else { "false" });
    out.push_str(",\"heading\":");
    let heading = match (warn, locale) {
        (false, _) => locale.words().cannot_draw,
        (true, Locale::Vi) => "Cảnh báo khi xem trước (?commune-charts-debug hoặc data-preview; bỏ data-preview trước khi đăng bài)",
        (true, Locale::En) => "Preview warnings (?commune-charts-debug or data-preview; remove data-preview before publishing)",
    };
    push_string(&mut out, heading);
    out.push_str(",\"items\":[");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let Span { line, column, end_line, end_column } = item.span.unwrap_or(Span { line: 0, column: 0, end_line: 0, end_column: 0 });
        out.push_str("{\"path\":");
        push_string(&mut out, &item.path);
        out.push_str(&format!(",\"line\":{line},\"column\":{column},\"endLine\":{end_line},\"endColumn\":{end_column},\"message\":"));
        push_string(&mut out, &item.message);
        out.push_str(",\"detail\":");
        push_string(&mut out, &item.detail);
        if let Some(excerpt) = &item.excerpt {
            out.push_str(",\"excerpt\":");
            push_string(&mut out, excerpt);
        }
        if let Some(row) = item.row {
            out.push_str(&format!(",\"row\":{row}"));
        }
        if let Some(header) = &item.header {
            out.push_str(",\"header\":");
            push_string(&mut out, header);
        }
        out.push('}');
    }
    out.push(']');
    if items.len() > MAX_SHOWN {
        let n = items.len() - MAX_SHOWN;
        out.push_str(",\"more\":");
        push_string(
            &mut out,
            &match (locale, warn) {
                (Locale::Vi, false) => format!("… và {n} lỗi khác"),
                (Locale::Vi, true) => format!("… và {n} {} khác", Locale::Vi.words().warning),
                (Locale::En, _) => format!("… and {n} more"),
            },
        );
    }
    out.push('}');
    out
}

/// What a chart whose `data-src` is a table says: the table's errors; else the problems of the
/// JSON made from it (or, in preview mode, what the conversion skipped and the preview warnings),
/// each at its row and column. The locale is the page's (a table has no `locale`).
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
fn table_explained(data: &str, format: crate::table::Format, kind: &str, lang: Locale, preview: bool) -> String {
    use crate::table::{line_column, Places};
    let table = crate::table::read(data, format, None);
    // The cell's place in the text: the first few only (each reads the text up to it).
    let span = |i: usize, start: Option<usize>, end: Option<usize>| {
        let (start, end) = (start?, end?);
        if i >= MAX_SHOWN {
            return None;
        }
        let ((line, column), (end_line, end_column)) = (line_column(data, start), line_column(data, end));
        Some(Span { line, column, end_line, end_column })
    };
    let header = |col: Option<usize>| col.and_then(|c| table.columns.get(c)).map(|c| c.header.clone());
    let issues = |errors: bool| -> Vec<Item> {
        table
            .issues
            .iter()
            .filter(|i| i.error == errors)
            .enumerate()
            .map(|(n, i)| Item {
                path: String::new(),
                span: span(n, i.start, i.end),
                message: i.message(&table, lang),
                detail: i.detail(lang),
                excerpt: None,
                row: i.row,
                header: header(i.col),
            })
            .collect()
    };
    if table.has_errors() {
        return write_answer(&issues(true), lang, false);
    }
    let places = Places::new(&table);
    let said = |problems: &[Problem], locale: Locale, first: usize| -> Vec<Item> {
        problems
            .iter()
            .enumerate()
            .map(|(n, p)| match places.of(&p.path) {
                Some(place) => Item {
                    path: p.path.clone(),
                    span: span(first + n, places.start(&place), place.end.or(places.start(&place))),
                    message: places.say(p, &place, locale),
                    detail: p.detail(locale),
                    excerpt: None,
                    row: Some(place.row),
                    header: header(place.col),
                },
                None => Item {
                    path: p.path.clone(),
                    span: None,
                    message: p.message(locale),
                    detail: p.detail(locale),
                    excerpt: None,
                    row: None,
                    header: None,
                },
            })
            .collect()
    };
    match prepare(&table.to_json(), kind, lang.tag()) {
        Err((problems, locale)) => write_answer(&said(&problems, locale, 0), locale, false),
        Ok(p) if preview => {
            let mut items = issues(false);
            let warnings = crate::preview::warnings(&p.model, p.kind);
            items.extend(said(&warnings, p.locale, items.len()));
            write_answer(&items, p.locale, true)
        }
        Ok(p) => write_answer(&[], p.locale, true),
    }
}

/// `s` whole as a JSON string.
fn push_string(out: &mut String, s: &str) {
    push_json_string(s, out, usize::MAX);
}

#[cfg(test)]
mod tests;
