//! Tests of `explain`: requests as the widget, the playground and the CLI send them.

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
    let (Some(Value::String(message)), Some(Value::String(detail))) = (items[0].get("message"), items[0].get("detail")) else { panic!() };
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
    let text =
        "{\n  \"communes\": [\n    { \"name\": \"Mồ Sì San\", \"members\": 10\n    { \"name\": \"Pa Vây Sử\", \"members\": 86 }\n  ]\n}";
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
    let expected = Problem::at("data-src", ProblemKind::FetchFailed { url: "/d.json".into(), why: FetchFailure::Timeout { seconds: 15 } });
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

/// A request about `text` (a table in `format`), as js/api.js writes it.
#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
fn table_request(task: &str, text: &str, format: &str, lang: &str, preview: bool) -> String {
    let mut req = format!("{{\"task\":\"{task}\",\"format\":\"{format}\",\"lang\":\"{lang}\",\"preview\":{preview},\"text\":");
    push_string(&mut req, text);
    req.push('}');
    req
}

#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
#[test]
fn a_table_is_converted_or_its_problems_said_by_row_and_column() {
    let csv = "\u{feff}Xã;Đảng viên;Chi bộ\r\nMồ Sì San;2.989;12\r\n";
    let v = ask(&table_request("table", csv, "csv", "vi", false));
    assert_eq!(v.get("json"), Some(&Value::String(r#"{"communes":[{"name":"Mồ Sì San","members":2989,"cells":12}]}"#.into())));
    assert_eq!(v.get("errors"), Some(&Value::Number(json::Number::U64(0))));
    // A data request about the same table: valid, nothing to say.
    assert!(messages(&ask(&table_request("data", csv, "csv", "vi", false))).is_empty());
    // The table's own errors, by row and column, with the cell's line and column in the file.
    let bad = "Xã,Đảng viên\nA,5\nB,x\n";
    let v = ask(&table_request("data", bad, "csv", "vi", false));
    assert_eq!(messages(&v), ["dòng 3, cột \"Đảng viên\": \"x\" không phải là số"]);
    let Some(Value::Array(items)) = v.get("items") else { panic!("{v:?}") };
    let n = |k: &str| items[0].get(k).cloned();
    let u = |v: u64| Some(Value::Number(json::Number::U64(v)));
    assert_eq!((n("line"), n("column"), n("endColumn"), n("row")), (u(3), u(3), u(4), u(3)));
    assert_eq!(n("header"), Some(Value::String("Đảng viên".into())));
    // The JSON's problems (a negative count; kinds of cells that do not add up), by row and column.
    let v = ask(&table_request("data", "Xã,Đảng viên,Chi bộ,Chi bộ bản\nA,-5,1,1\nB,5,3,2\n", "csv", "en", false));
    let m = messages(&v);
    assert_eq!(m.len(), 2, "{m:?}");
    assert!(m[0].starts_with("row 2, column \"Đảng viên\": "), "{m:?}");
    assert!(m[1].starts_with("row 3: "), "{m:?}");
    let Some(Value::Array(items)) = v.get("items") else { panic!("{v:?}") };
    assert_eq!(items[1].get("path"), Some(&Value::String("communes[1].cellKinds".into())));
    // Preview: what the conversion skipped is said too.
    let v = ask(&table_request("data", "Số liệu\nXã\tĐảng viên\tGhi chú\nA\t5\tx\n", "tsv", "vi", true));
    assert_eq!(v.get("warn"), Some(&Value::Bool(true)));
    let m = messages(&v);
    assert_eq!(m[0], "dòng 1: \"Số liệu\" ở trên hàng tên cột: được đọc là tiêu đề, không phải số liệu");
    assert!(m[1].starts_with("dòng 2, cột \"Ghi chú\": không nhận ra"), "{m:?}");
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
