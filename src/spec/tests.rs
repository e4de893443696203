//! Tests of `spec`.

use super::*;
use crate::json::ErrorKind;

#[test]
fn locale_hint_reads_broken_json_too() {
    assert_eq!(locale_hint(r#"{"locale":"en","communes":[1,],}"#).as_deref(), Some("en"));
    assert_eq!(locale_hint(r#"{"locale" : "vi" "x"#).as_deref(), Some("vi"));
    assert_eq!(locale_hint(r#"{"communes":[}"#), None);
    assert_eq!(locale_hint(r#"{"locale":"en"}"#).as_deref(), Some("en"));
}

fn problems(text: &str) -> Vec<Problem> {
    match parse(text) {
        Ok(spec) => panic!("expected problems, got {spec:?}"),
        Err(p) => p,
    }
}

#[test]
fn reads_the_seed_shape() {
    let spec = parse(
        r#"{"title":"T","communes":[{"name":"Mồ Sì San","members":89,"cells":9,
           "cellKinds":{"Chi bộ bản":4,"Chi bộ đơn vị sự nghiệp":5},
           "targets":{"met":3,"over80":3,"behind":5}}]}"#,
    )
    .unwrap();
    let c = &spec.communes.unwrap()[0];
    assert_eq!(c.name.as_deref(), Some("Mồ Sì San"));
    assert_eq!(c.members, Some(89.0));
    assert_eq!(c.cell_kinds.as_ref().unwrap()[1], ("Chi bộ đơn vị sự nghiệp".to_string(), 5.0));
    assert_eq!(c.targets.as_ref().unwrap().behind, Some(5.0));
}

#[test]
fn syntax_errors_have_line_and_character_column() {
    let p = problems("{\n  \"title\": \"Đảng bộ\"\n  \"communes\": []\n}");
    assert_eq!(p.len(), 1);
    match &p[0].kind {
        ProblemKind::Syntax { line, column, source_line, .. } => {
            assert_eq!((*line, *column), (3, 3));
            assert_eq!(p[0].syntax_what(), Some(ErrorKind::ExpectedCommaOrBrace));
            assert_eq!(source_line, "  \"communes\": []");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn column_counts_characters_not_bytes() {
    let p = problems("{\"title\": \"Mồ Sì San\" x}");
    match &p[0].kind {
        ProblemKind::Syntax { line: 1, column, .. } => assert_eq!(*column, 23),
        other => panic!("{other:?}"),
    }
}

#[test]
fn unknown_fields_are_named_with_their_path_and_a_suggestion() {
    let p = problems(r#"{"communes":[{"name":"A","members":1},{"name":"B","member":2}]}"#);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].path, "communes[1].member");
    assert!(matches!(&p[0].kind, ProblemKind::UnknownField { field, .. } if field == "member"));
    assert!(p[0].message(crate::Locale::En).ends_with("Did you mean \"members\"?"));
}

#[test]
fn wrong_types_are_all_reported() {
    let p = problems(r#"{"title":5,"communes":[{"name":"A","members":"2.989"},{"name":"B","cells":[1]}]}"#);
    let paths: Vec<_> = p.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["communes[0].members", "communes[1].cells", "title"]);
    assert!(p[0].message(crate::Locale::Vi).contains("không có ngoặc kép"));
}

#[test]
fn null_is_missing_and_bom_is_ignored() {
    let spec = parse("\u{feff}{\"communes\":[{\"name\":\"A\",\"members\":null}]}").unwrap();
    assert_eq!(spec.communes.unwrap()[0].members, None);
}
