//! Tests of `model`.

use super::*;

#[test]
fn every_kind_has_one_name_and_is_found_by_it() {
    assert_eq!(ChartKind::ALL.len(), ChartKind::NAMES.len());
    for (kind, name) in ChartKind::ALL.into_iter().zip(ChartKind::NAMES) {
        assert_eq!(kind.name(), *name);
        assert_eq!(ChartKind::from_name(&crate::cat!(" ", name, "\n")), Some(kind));
    }
    assert_eq!(ChartKind::from_name("pie"), None);
}

#[test]
fn cell_kinds_keep_the_journalists_order() {
    let m = model_from_json(r#"{"communes":[{"name":"A","cells":9,"cellKinds":{"Chi bộ trường":5,"Chi bộ bản":4}}]}"#).unwrap();
    let names: Vec<&str> = m.communes[0].cell_kinds.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, ["Chi bộ trường", "Chi bộ bản"]);
    assert!(model_from_json(r#"{"$schema":"./commune-charts.schema.json","communes":[{"name":"A","cells":1}]}"#).is_ok());
}

fn errs(text: &str) -> Vec<(String, ProblemKind)> {
    model_from_json(text).unwrap_err().into_iter().map(|p| (p.path, p.kind)).collect()
}

#[test]
fn missing_counts_stay_missing() {
    let m = model_from_json(r#"{"communes":[{"name":"Đức Thọ","members":2989}]}"#).unwrap();
    let c = &m.communes[0];
    assert_eq!(c.members, Some(2989));
    assert_eq!(c.cells, None);
    assert_eq!(c.targets, None);
}

#[test]
fn counts_must_be_whole_and_non_negative() {
    let e = errs(r#"{"communes":[{"name":"A","members":-3},{"name":"B","cells":2.5}]}"#);
    assert_eq!(e[0], ("communes[0].members".into(), ProblemKind::Negative { value: -3.0 }));
    assert_eq!(e[1], ("communes[1].cells".into(), ProblemKind::NotWholeNumber { value: 2.5 }));
}

#[test]
fn names_are_required() {
    let e = errs(r#"{"communes":[{"members":3},{"name":"  "}]}"#);
    assert_eq!(e[0], ("communes[0].name".into(), ProblemKind::Missing));
    assert_eq!(e[1], ("communes[1].name".into(), ProblemKind::EmptyText));
}

#[test]
fn cell_kinds_must_add_up_to_cells() {
    let e = errs(r#"{"communes":[{"name":"A","cells":9,"cellKinds":{"Bản":4,"Khác":4}}]}"#);
    assert_eq!(e[0], ("communes[0].cellKinds".into(), ProblemKind::SumMismatch { sum: 8, expected: 9, expected_field: "cells" }));
    let m = model_from_json(r#"{"communes":[{"name":"A","cellKinds":{"Bản":4,"Khác":5}}]}"#).unwrap();
    assert_eq!(m.communes[0].cells, Some(9));
}

#[test]
fn targets_total_must_match_and_groups_are_required() {
    let e = errs(r#"{"communes":[{"name":"A","targets":{"met":1,"over80":2,"behind":3,"total":7}}]}"#);
    assert_eq!(e[0], ("communes[0].targets.total".into(), ProblemKind::SumMismatch { sum: 6, expected: 7, expected_field: "total" }));
    let e = errs(r#"{"communes":[{"name":"A","targets":{"met":1,"behind":3}}]}"#);
    assert_eq!(e[0], ("communes[0].targets.over80".into(), ProblemKind::Missing));
}

#[test]
fn enumerations_are_checked() {
    let e = errs(r#"{"chart":"bars","sort":"up","locale":"fr","communes":[{"name":"A"}]}"#);
    assert_eq!(e.len(), 3);
    assert!(matches!(&e[1].1, ProblemKind::UnknownKind { value, .. } if value == "bars"));
}

#[test]
fn communes_are_required() {
    assert_eq!(errs("{}"), vec![("communes".into(), ProblemKind::Missing)]);
    assert_eq!(errs(r#"{"communes":[]}"#), vec![("communes".into(), ProblemKind::EmptyList)]);
}
