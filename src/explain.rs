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
//!   line in characters.
//! - answer: `{"warn": false, "heading", "items": [{"path", "line", "column", "endLine",
//!   "endColumn", "message", "detail", "excerpt"}], "more"}`: the alert of an invalid chart
//!   (`warn` true: preview warnings over a valid one; no items: nothing to say). `message` is
//!   the sentence the box shows (its place first), `detail` the same without the place; the
//!   span (`line`…`endColumn`, end exclusive) is the field from its key past its value, or a
//!   syntax error's character, all 0 when unknown; `more` is the
//!   "… and N more" line under the first [`MAX_SHOWN`]. Problems past those have line and column 0
//!   unless they are syntax errors (finding a place reads the text).

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
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let chars = if number("chars") > 0.0 { number("chars") as usize } else { usize::MAX };
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
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
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

/// The box for `problems` as JSON: every problem (for the error event and `problems()`), the box
/// showing the first [`MAX_SHOWN`].
/// `text`: the data the problems are about (their places are found in it), or empty.
fn answer(problems: &[Problem], text: &str, locale: Locale, warn: bool, chars: usize) -> String {
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
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // A syntax error has its place; any other problem is found from its path, for the
        // problems the box shows (each search reads the text: 10,000 problems in a big file
        // would take minutes).
        // A syntax error's span is its one character; a field's runs past its value.
        let span = match p.line_column() {
            Some((line, column)) => Some(Span { line, column, end_line: line, end_column: column + 1 }),
            None if i < MAX_SHOWN => crate::place::locate_span(text, &p.path),
            None => None,
        };
        let Span { line, column, end_line, end_column } = span.unwrap_or(Span { line: 0, column: 0, end_line: 0, end_column: 0 });
        out.push_str("{\"path\":");
        push_string(&mut out, &p.path);
        out.push_str(&format!(",\"line\":{line},\"column\":{column},\"endLine\":{end_line},\"endColumn\":{end_column},\"message\":"));
        push_string(&mut out, &p.message(locale));
        out.push_str(",\"detail\":");
        push_string(&mut out, &p.detail(locale));
        if let Some(excerpt) = p.excerpt_within(chars) {
            out.push_str(",\"excerpt\":");
            push_string(&mut out, &excerpt);
        }
        out.push('}');
    }
    out.push(']');
    if problems.len() > MAX_SHOWN {
        let n = problems.len() - MAX_SHOWN;
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

/// `s` whole as a JSON string.
fn push_string(out: &mut String, s: &str) {
    push_json_string(s, out, usize::MAX);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(request: &str) -> Value {
        json::parse(&respond(request)).unwrap()
    }

    fn messages(v: &Value) -> Vec<String> {
        match v.get("items") {
            Some(Value::Array(items)) => items
                .iter()
                .map(|i| match i.get("message") {
                    Some(Value::String(s)) => s.clone(),
                    _ => panic!("an item without a message: {i:?}"),
                })
                .collect(),
            _ => panic!("no items: {v:?}"),
        }
    }

    #[test]
    fn data_errors_say_what_the_widget_said_with_their_place() {
        let text = "{\n  \"communes\": [ {\"name\": \"A\", \"members\": 99,7} ]\n}";
        let req = format!("{{\"task\":\"data\",\"text\":{},\"kind\":\"\",\"lang\":\"en\",\"chars\":40}}", {
            let mut s = String::new();
            push_string(&mut s, text);
            s
        });
        let v = ask(&req);
        let expected = crate::prepare(text, "", "en").err().unwrap();
        let m = messages(&v);
        assert_eq!(m, expected.0.iter().map(|p| p.message(expected.1)).collect::<Vec<_>>());
        assert!(m[0].starts_with("JSON syntax error at line 2"), "{m:?}");
        assert_eq!(v.get("warn"), Some(&Value::Bool(false)));
        assert_eq!(v.get("heading"), Some(&Value::String("The chart cannot be drawn".into())));
        let Some(Value::Array(items)) = v.get("items") else { panic!() };
        assert_eq!(items[0].get("line"), Some(&Value::Number(json::Number::U64(2))));
        let Some(Value::String(excerpt)) = items[0].get("excerpt") else { panic!("no excerpt: {v:?}") };
        assert!(excerpt.ends_with('^') && excerpt.lines().next().unwrap().chars().count() <= 40, "{excerpt}");
    }

    #[test]
    fn every_problem_has_a_place_not_only_syntax_errors() {
        // Type errors, unknown fields and missing fields: the line and column of what they name
        // (the playground and the CLI jump there).
        let text = "{\n  \"communes\": [\n    {\"name\": \"A\", \"members\": \"2.989\", \"cells\": 3},\n    {\"cells\": 4}\n  ]\n}";
        let mut req = String::from("{\"task\":\"data\",\"lang\":\"en\",\"text\":");
        push_string(&mut req, text);
        req.push('}');
        let v = ask(&req);
        let Some(Value::Array(items)) = v.get("items") else { panic!("{v:?}") };
        let place = |i: usize| (items[i].get("path").cloned(), items[i].get("line").cloned(), items[i].get("column").cloned());
        let n = |v: u64| Some(Value::Number(json::Number::U64(v)));
        assert_eq!(place(0), (Some(Value::String("communes[0].members".into())), n(3), n(19)), "{v:?}");
        // The span runs past the value (`"members": "2.989"` is 18 characters), and `detail` is
        // the message without its place, for tools that show the place themselves.
        assert_eq!((items[0].get("endLine").cloned(), items[0].get("endColumn").cloned()), (n(3), n(37)));
        let (Some(Value::String(message)), Some(Value::String(detail))) = (items[0].get("message"), items[0].get("detail")) else {
            panic!()
        };
        assert_eq!(message, &format!("`communes[0].members`: {detail}"));
        assert!(!detail.contains("communes[0]"), "{detail}");
        // A fetch failure has no text to point into.
        let v = ask(r#"{"task":"fetch","lang":"en","url":"x.json","why":"status","status":404}"#);
        let Some(Value::Array(items)) = v.get("items") else { panic!("{v:?}") };
        assert_eq!(items[0].get("line").cloned(), n(0));
    }

    #[test]
    fn syntax_errors_are_shown_where_the_mistake_is() {
        // A commune not closed before the next one: shown at the end of its line, not at the `{`.
        let text = "{\n  \"communes\": [\n    { \"name\": \"Mồ Sì San\", \"members\": 10\n    { \"name\": \"Pa Vây Sử\", \"members\": 86 }\n  ]\n}";
        let mut req = String::from("{\"task\":\"data\",\"lang\":\"en\",\"text\":");
        push_string(&mut req, text);
        req.push('}');
        let v = ask(&req);
        let Some(Value::Array(items)) = v.get("items") else { panic!("{v:?}") };
        assert_eq!(items[0].get("line"), Some(&Value::Number(json::Number::U64(3))));
        assert_eq!(items[0].get("column"), Some(&Value::Number(json::Number::U64(41))));
        assert_eq!(
            messages(&v),
            ["JSON syntax error at line 3, column 41: }, is probably missing here: this { ... } is not closed before the next { opens"]
        );
        let Some(Value::String(excerpt)) = items[0].get("excerpt") else { panic!("{v:?}") };
        assert_eq!(excerpt, &format!("    {{ \"name\": \"Mồ Sì San\", \"members\": 10\n{}^", " ".repeat(40)));
    }

    #[test]
    fn the_data_locale_wins_over_the_page_and_more_than_six_are_counted() {
        let communes: Vec<String> = (0..9).map(|i| format!("{{\"name\":\"X{i}\",\"members\":-1}}")).collect();
        let text = format!("{{\"locale\":\"vi\",\"communes\":[{}]}}", communes.join(","));
        let mut req = String::from("{\"task\":\"data\",\"lang\":\"en\",\"text\":");
        push_string(&mut req, &text);
        req.push('}');
        let v = ask(&req);
        assert_eq!(messages(&v).len(), 9);
        assert_eq!(v.get("heading"), Some(&Value::String("Không vẽ được biểu đồ".into())));
        assert_eq!(v.get("more"), Some(&Value::String("… và 3 lỗi khác".into())));
    }

    #[test]
    fn fetch_and_input_failures_and_empty_text() {
        let v = ask(r#"{"task":"fetch","url":"/d.json","why":"status","status":404,"lang":"en"}"#);
        let expected = Problem::at("data-src", ProblemKind::FetchFailed { url: "/d.json".into(), why: FetchFailure::Status(404) });
        assert_eq!(messages(&v), vec![expected.message(Locale::En)]);
        let v = ask(r#"{"task":"fetch","url":"/d.json","why":"timeout","status":15,"lang":"vi"}"#);
        let expected =
            Problem::at("data-src", ProblemKind::FetchFailed { url: "/d.json".into(), why: FetchFailure::Timeout { seconds: 15 } });
        assert_eq!(messages(&v), vec![expected.message(Locale::Vi)]);
        let v = ask(r#"{"task":"input","path":"communes[0].self","why":"cycle","lang":"en"}"#);
        let expected = Problem::at("communes[0].self", ProblemKind::UnreadableValue { why: ValueTrouble::Cycle });
        assert_eq!(messages(&v), vec![expected.message(Locale::En)]);
        let v = ask(r#"{"task":"data","text":"  ","lang":"vi"}"#);
        assert_eq!(messages(&v), vec![Problem::at("", ProblemKind::NoData).message(Locale::Vi)]);
        assert_eq!(respond("not json"), "");
    }

    #[test]
    fn preview_warnings_only_when_asked_and_valid_data_says_nothing() {
        let text = r#"{"communes":[{"name":"A","members":5},{"name":"a","members":6}]}"#;
        let mut req = String::from("{\"task\":\"data\",\"lang\":\"en\",\"preview\":true,\"text\":");
        push_string(&mut req, text);
        req.push('}');
        let v = ask(&req);
        assert_eq!(v.get("warn"), Some(&Value::Bool(true)));
        let model = crate::model::model_from_json(text).unwrap();
        let expected: Vec<String> =
            crate::preview::warnings(&model, crate::ChartKind::Overview).iter().map(|w| w.message(Locale::En)).collect();
        assert!(!expected.is_empty());
        assert_eq!(messages(&v), expected);
        let v = ask(&req.replace("\"preview\":true", "\"preview\":false"));
        assert!(messages(&v).is_empty());
    }

    #[test]
    fn strings_are_escaped() {
        let mut s = String::new();
        push_string(&mut s, "a\"b\\c\nd\u{1}é");
        assert_eq!(s, "\"a\\\"b\\\\c\\nd\\u0001é\"");
        assert_eq!(json::parse(&s).unwrap(), Value::String("a\"b\\c\nd\u{1}é".into()));
    }

    // Explanations only (see `preview::number_warnings`).
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    fn preview(text: &str, lang: &str) -> Vec<String> {
        let mut req = format!("{{\"task\":\"data\",\"lang\":\"{lang}\",\"preview\":true,\"kind\":\"\",\"text\":");
        push_string(&mut req, text);
        req.push('}');
        let v = ask(&req);
        assert_eq!(v.get("warn"), Some(&Value::Bool(true)), "{v:?}");
        messages(&v)
    }

    // Explanations only (see `preview::number_warnings`).
    #[cfg(not(all(target_arch = "wasm32", feature = "web")))]
    #[test]
    fn a_thousands_dot_in_a_value_is_warned_about_in_preview() {
        let text = r#"{"chart": "indicators", "indicators": [
            {"name": "Diện tích lúa", "value": 5.755, "measure": "ha", "percentOfPlan": 99.7},
            {"name": "Ngô", "value": 12.500, "measure": "ha", "percentOfPlan": 101}]}"#;
        assert_eq!(
            preview(text, "vi"),
            [
                "`indicators[0].value`: JSON đọc 5.755 là số thập phân (dấu chấm là dấu thập phân), nên biểu đồ ghi 5,76 ha; \
                 nếu ý là 5.755 ha theo cách viết tiếng Việt, hãy viết 5755",
                "`indicators[1].value`: JSON đọc 12.500 là số thập phân (dấu chấm là dấu thập phân), nên biểu đồ ghi 12,5 ha; \
                 nếu ý là 12.500 ha theo cách viết tiếng Việt, hãy viết 12500",
            ]
        );
        assert_eq!(
            preview(text, "en")[0],
            "`indicators[0].value`: JSON reads 5.755 as a decimal (the dot is a decimal point), so the chart shows 5.76 ha; \
             if you meant 5,755 ha, write 5755"
        );
        // Not in preview: nothing to say about valid data.
        let mut req = String::from("{\"task\":\"data\",\"lang\":\"vi\",\"text\":");
        push_string(&mut req, text);
        req.push('}');
        assert!(messages(&ask(&req)).is_empty());
    }
}
