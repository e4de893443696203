#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]
//! Inputs kept from the fuzz targets (fuzz/, `make fuzz`), natively, through the very checks
//! the targets run (fuzz/src/checks.rs, compiled in here): every file in tests/fixtures/fuzz/
//!
//! - `parse_validate-<name>.bin`: a `parse_validate` input (selector byte, then the text's bytes);
//! - `layout_hit-<name>.json`: a decoded `layout_hit` case (`LAYOUT_HIT_DUMP=file` writes one);
//!
//! runs under `catch_unwind`, must not panic (a panic is a broken invariant) and must give the
//! outcome listed for it in `EXPECT`. A file without an entry, or an entry without a file, fails
//! the test, so whoever keeps a new input states what it should give.
//!
//! `KNOWN_BUGS` holds reproducers of bugs found by fuzzing and not fixed yet: each must still
//! give what it gives today (a panic included), so the file keeps reproducing the bug; once the
//! bug is fixed its entry fails, and the file moves to `EXPECT` with the right outcome.

#[path = "../fuzz/src/checks.rs"]
#[expect(dead_code, reason = "the fuzz targets' checks, some of which only they use")]
mod checks;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// File -> the start of its outcome's one-line summary (`ParseOutcome::summary`,
/// `LayoutReport::summary`).
const EXPECT: &[(&str, &str)] = &[
    // Minimised entries of the fuzzer's corpus, one per kind of problem it reached on its own.
    ("parse_validate-control-character-in-string.bin", "error vi: Lỗi cú pháp JSON ở dòng 1, cột 2: chuỗi chưa đóng ngoặc kép"),
    ("parse_validate-data-src-html.bin", "error vi: `data-src`: data/xa.json trả về một trang web (HTML)"),
    // A data-src body with an invalid UTF-8 byte (decoded to U+FFFD) and `2e1450`.
    ("parse_validate-data-src-number-out-of-range-invalid-utf8.bin", "error vi: Lỗi cú pháp JSON ở dòng 1, cột 6: số quá lớn"),
    (
        "parse_validate-decimal-comma-after-unknown-key.bin",
        "error vi: Lỗi cú pháp JSON ở dòng 1, cột 12: số thập phân phải viết bằng dấu chấm",
    ),
    ("parse_validate-hex-number.bin", "error vi: Lỗi cú pháp JSON ở dòng 1, cột 6: chỉ viết con số, không kèm đơn vị"),
    ("parse_validate-huge-percent-and-no-name.bin", "error vi: `indicators[0].name`: thiếu trường bắt buộc này"),
    ("parse_validate-invalid-escape.bin", "error vi: Lỗi cú pháp JSON ở dòng 1, cột 4: ký tự \\ không hợp lệ trong chuỗi"),
    // Invalid UTF-8 inside a name: replaced, and the chart is drawn.
    ("parse_validate-invalid-utf8-in-name.bin", "ready overview vi"),
    (
        "parse_validate-members-per-cell-nothing-to-draw.bin",
        "error vi: `communes`: không xã nào có cả \"members\" và \"cells\" (lớn hơn 0) để tính số đảng viên trên một chi bộ",
    ),
    // 140 `[`: past serde_json's nesting limit of 128, a syntax error with its place.
    ("parse_validate-nesting-past-recursion-limit.bin", "error vi: Lỗi cú pháp JSON ở dòng 3, cột 23: dữ liệu không phải JSON hợp lệ"),
    ("parse_validate-unknown-fields-and-wrong-type.bin", "error vi: `c`: không có trường \"c\""),
    // Decoded layout_hit cases from the fuzzer's corpus: the kinds drawn and their bar counts.
    // 200 px, forced colours (white on white), a NaN pointer, DPR 4.
    ("layout_hit-narrow-forced-theme-nonfinite-point.json", "cells 1, targets 0, overview 1"),
    // 227 px (names above the bars), 24 pointer positions (one not finite), 29 key presses.
    ("layout_hit-narrow-points-and-keys.json", "cells 1, targets 3, overview 4"),
    // 1280 px at DPR 3: the overview's three panels side by side.
    (
        "layout_hit-overview-side-by-side-dpr3.json",
        "members 1, cells 1, members-per-cell 1, members-per-1000 1, targets 3, indicators 1, overview 6",
    ),
    // 201 communes at the 200 px minimum: taller than the canvas limit, drawn as a window.
    ("layout_hit-tall-chart-window.json", "members 201, cells 201, targets 0, indicators 1, overview 402; tall"),
    // Once known bugs: serde_json without `float_roundtrip` read numbers of more than about 16
    // significant digits one unit in the last place off, so `2077395710468449.0` was refused as
    // not whole and `999999999999999.9` (the largest amount below 10^15) as too large. The JSON
    // reader of src/json.rs rounds them correctly.
    ("layout_hit-whole-float-misread.json", "members 2, cells 2, targets 0, indicators 1, overview 4"),
    ("parse_validate-whole-float-misread.bin", "ready members en"),
    ("parse_validate-largest-amount-misread.bin", "ready indicators vi"),
];

/// File -> what it gives today (`PANIC: ` and the start of the panic message, or the start of
/// the summary) -> the bug.
const KNOWN_BUGS: &[(&str, &str, &str)] = &[];

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload.downcast_ref::<String>().cloned().or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_string())).unwrap_or_default()
}

fn outcome(path: &Path) -> Result<String, String> {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    if name.starts_with("parse_validate-") {
        Ok(checks::parse_validate(&bytes).summary())
    } else if name.starts_with("layout_hit-") {
        let case = checks::LayoutCase::from_json(&String::from_utf8_lossy(&bytes))?;
        Ok(checks::layout_hit(&case).summary())
    } else {
        Err("not named after a fuzz target (parse_validate-*, layout_hit-*)".into())
    }
}

#[test]
fn kept_fuzz_inputs_run_without_panic_and_give_their_outcome() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no kept fuzz inputs in {}", dir.display());
    for target in ["parse_validate-", "layout_hit-"] {
        let n = files.iter().filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(target)).count();
        assert!(n > 0, "no kept input for {target}*");
    }

    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let expected = EXPECT.iter().find(|(f, _)| *f == name).map(|(_, e)| *e);
        let got = catch_unwind(AssertUnwindSafe(|| outcome(path)));
        if let Some((_, today, bug)) = KNOWN_BUGS.iter().find(|(f, _, _)| *f == name) {
            let gives = match &got {
                Err(payload) => format!("PANIC: {}", panic_message(payload.as_ref())),
                Ok(Ok(summary)) => summary.clone(),
                Ok(Err(e)) => format!("unreadable: {e}"),
            };
            if gives.starts_with(today) {
                eprintln!("{name}: known bug still reproduces ({bug})");
            } else {
                failures
                    .push(format!("{name}: the known bug ({bug}) no longer gives {today:?} but {gives:?}: fixed? move the file to EXPECT"));
            }
            continue;
        }
        match (got, expected) {
            (Err(payload), _) => failures.push(format!("{name}: PANIC: {}", panic_message(payload.as_ref()))),
            (Ok(Err(e)), _) => failures.push(format!("{name}: {e}")),
            (Ok(Ok(summary)), None) => failures.push(format!("{name}: no entry in EXPECT; it gives {summary:?}")),
            (Ok(Ok(summary)), Some(e)) if !summary.starts_with(e) => {
                failures.push(format!("{name}: expected {e:?}, got {summary:?}"));
            }
            (Ok(Ok(summary)), Some(_)) => eprintln!("{name}: {summary}"),
        }
    }
    for f in EXPECT.iter().map(|e| e.0).chain(KNOWN_BUGS.iter().map(|e| e.0)) {
        if !files.iter().any(|p| p.file_name().unwrap().to_string_lossy() == f) {
            failures.push(format!("EXPECT lists {f}, which is not in tests/fixtures/fuzz/"));
        }
    }
    assert!(failures.is_empty(), "{} of {} kept fuzz inputs failed:\n{}", failures.len(), files.len(), failures.join("\n"));
}
