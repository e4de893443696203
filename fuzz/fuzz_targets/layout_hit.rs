//! An arbitrary valid document (built by `gen` from structured arbitrary data), width, DPR,
//! theme, pointer positions and key presses -> layout of every chart kind, drawing through the
//! SVG backend as the canvas would be drawn, hit-testing and keyboard steps. See
//! `checks::layout_hit`. `LAYOUT_HIT_DUMP=file` writes the decoded case as JSON (the format of
//! tests/fixtures/fuzz/layout_hit-*.json) before checking it; `LAYOUT_HIT_VERBOSE=1` prints
//! what each case drew.
#![no_main]

use commune_charts_fuzz::{checks, gen::GenCase};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|case: GenCase| {
    if let Some(path) = std::env::var_os("LAYOUT_HIT_DUMP") {
        std::fs::write(path, case.0.to_json()).ok();
    }
    let report = checks::layout_hit(&case.0);
    if std::env::var_os("LAYOUT_HIT_VERBOSE").is_some() {
        let c = &case.0;
        eprintln!("{} bytes, width {}, dpr {}, {} points, {} keys: {report:?}", c.json.len(), c.width, c.dpr, c.points.len(), c.keys.len());
    }
});
