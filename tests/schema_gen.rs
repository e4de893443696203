//! schema/commune-charts.schema.json and types/data.d.ts are generated from the types of
//! src/spec.rs (`commune_charts::spec::schema_gen`, cargo feature `schema-gen`): this test fails
//! when the committed files are not what the spec types generate, and rewrites them with
//! `UPDATE_SCHEMA=1 cargo test --features schema-gen --test schema_gen` (review the diff).
#![cfg(all(feature = "schema-gen", not(target_arch = "wasm32")))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::path::PathBuf;

use commune_charts::spec::schema_gen;

fn check(path: &str, fresh: &str) -> Option<String> {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&file, fresh).unwrap();
        return None;
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    if committed == fresh {
        return None;
    }
    // Both padded with empty lines to the longer one's length; not beyond, or texts that differ
    // only in line endings would be searched forever.
    let (line, (old, new)) = committed
        .lines()
        .chain(std::iter::repeat(""))
        .zip(fresh.lines().chain(std::iter::repeat("")))
        .take(committed.lines().count().max(fresh.lines().count()))
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .unwrap_or((0, ("", "")));
    Some(format!(
        "{path} is not what src/spec.rs generates (first difference at line {}):\n  committed: {old}\n  generated: {new}",
        line + 1
    ))
}

#[test]
fn the_schema_and_the_types_are_generated_from_the_spec() {
    let failures: Vec<String> =
        [("schema/commune-charts.schema.json", schema_gen::json_schema()), ("types/data.d.ts", schema_gen::typescript())]
            .iter()
            .filter_map(|(path, fresh)| check(path, fresh))
            .collect();
    assert!(
        failures.is_empty(),
        "{}\nIf the change in src/spec.rs is meant, rewrite them with\n  UPDATE_SCHEMA=1 cargo test --features schema-gen --test schema_gen\nand review the diff.",
        failures.join("\n")
    );
}
