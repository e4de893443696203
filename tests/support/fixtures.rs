//! The data fixtures of tests/fixtures/ (`*.json`), sorted: shared by tests/cli.rs and
//! tests/image.rs (`#[path = "support/fixtures.rs"] mod fixtures;`).

use std::path::{Path, PathBuf};

pub fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out: Vec<PathBuf> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    out.sort();
    assert!(out.len() >= 2, "{out:?}");
    out
}
