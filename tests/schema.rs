//! The JSON Schema (schema/commune-charts.schema.json, checked by Ajv in tests/e2e/schema.test.mjs)
//! and the Rust validator agree: both run over tests/fixtures/schema/{valid,invalid}; the rules a
//! schema cannot express (sums) are in validator-only/, invalid here and valid for the schema.
//! The schema is generated from the spec types (`tests/schema_gen.rs`); the field lists the walker
//! checks names against must be the same fields.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

fn cases(dir: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = fs::read_dir(format!("tests/fixtures/schema/{dir}"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), fs::read_to_string(&p).unwrap()))
        .collect();
    out.sort();
    out
}

#[test]
fn the_validator_accepts_exactly_the_valid_fixtures() {
    let valid = cases("valid");
    let invalid = cases("invalid");
    let only = cases("validator-only");
    assert!(valid.len() >= 15 && invalid.len() >= 30 && only.len() >= 2, "fixtures went missing");
    let mut wrong = Vec::new();
    for (name, text) in &valid {
        if let Err(p) = commune_charts::model::model_from_json(text) {
            wrong.push(format!("valid/{name} rejected: {}", p[0].message(commune_charts::Locale::En)));
        }
    }
    for (name, text) in invalid.iter().chain(&only) {
        if commune_charts::model::model_from_json(text).is_ok() {
            wrong.push(format!("{name} accepted"));
        }
    }
    for name in ["tests/fixtures/seed.json", "tests/fixtures/district-en.json"] {
        if commune_charts::model::model_from_json(&fs::read_to_string(name).unwrap()).is_err() {
            wrong.push(format!("{name} rejected"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn keys(schema: &serde_json::Value, pointer: &str) -> Vec<String> {
    schema.pointer(pointer).and_then(|v| v.as_object()).unwrap_or_else(|| panic!("no {pointer} in the schema")).keys().cloned().collect()
}

fn values(schema: &serde_json::Value, pointer: &str) -> Vec<String> {
    let list = schema.pointer(pointer).and_then(|v| v.as_array()).unwrap_or_else(|| panic!("no {pointer} in the schema"));
    list.iter().filter_map(|v| v.as_str()).map(str::to_string).collect()
}

#[test]
fn the_walkers_field_lists_are_the_schemas_fields() {
    use commune_charts::spec::{COMMUNE_FIELDS, DOC_FIELDS, INDICATOR_FIELDS, TARGET_FIELDS};
    let schema: serde_json::Value = serde_json::from_str(&fs::read_to_string("schema/commune-charts.schema.json").unwrap()).unwrap();
    for (list, pointer) in [
        (DOC_FIELDS, "/properties"),
        (COMMUNE_FIELDS, "/definitions/commune/properties"),
        (TARGET_FIELDS, "/definitions/targets/properties"),
        (INDICATOR_FIELDS, "/definitions/indicator/properties"),
    ] {
        assert_eq!(list, keys(&schema, pointer), "the field list for {pointer} (src/spec.rs) and the spec type's fields differ");
    }
    assert_eq!(commune_charts::ChartKind::NAMES, values(&schema, "/properties/chart/enum"));
    assert_eq!(commune_charts::model::SORTS, values(&schema, "/properties/sort/enum"));
    assert_eq!(commune_charts::model::LOCALES, values(&schema, "/properties/locale/examples"));
}
