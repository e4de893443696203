#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]
//! The hostile-input corpus (tests/hostile/cases.json, written by tests/hostile/generate.mjs),
//! natively: every case goes through `prepare` (parse + validate), then for data that prepares,
//! `layout` at 320 and 1280 px, `Layout::hit` over a grid of points (outside the canvas, on the
//! edges of every band and bar), keyboard steps and readouts, the summary and data table, and
//! `render_svg`. Each case runs under `catch_unwind`, so a panic names its case and the run goes
//! on; the test fails at the end listing every case that panicked or did not give its expected
//! outcome. Each case's text also goes through the JSON reader and `serde_json`, which must agree
//! (`tests/support/json_agree.rs`). Table cases (`format`: csv, tsv) are read as a CSV `data-src`
//! is, through the explanations module's answers (`explain::respond`), then drawn from the JSON
//! made from them. `HOSTILE_VERBOSE=1` prints each case's outcome and time; `HOSTILE_ONLY=csv/`
//! runs the cases whose name contains it.

use std::collections::{BTreeMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use commune_charts::interact::{readout, Key};
use commune_charts::layout::{layout, Layout, LayoutInput};
use commune_charts::text::ApproxMeasure;
use commune_charts::theme::Theme;
use commune_charts::{describe, prepare, render_svg, Prepared};
use serde_json::Value;

/// The fuzzer's invariants (fuzz/src/checks.rs), shared so both hold layouts to the same rules.
#[path = "../fuzz/src/checks.rs"]
#[expect(dead_code, reason = "the fuzz targets' checks, some of which only they use")]
mod checks;

/// The JSON reader held to serde_json on every case (tests/json_oracle.rs does the same on
/// damaged fixtures).
#[path = "support/json_agree.rs"]
mod json_agree;

const MANIFEST: &str = include_str!("hostile/cases.json");
const GENERATOR: &[u8] = include_bytes!("hostile/generate.mjs");
const MIN_CASES: usize = 300;
const WIDTHS: [f64; 2] = [320.0, 1280.0];
/// Rows whose edges are probed in a panel: all of a small one, the ends and a sample of a big one.
const ALL_ROWS_UP_TO: usize = 200;

// ------------------------------------------------------------------ the recipe, as in generate.mjs

fn generated_commune(i: u64) -> String {
    let members = 50 + (i * 7919) % 3000;
    let cells = 1 + (i * 31) % 80;
    format!(
        r#"{{"name":"Xã {}","members":{members},"cells":{cells},"targets":{{"met":{},"over80":{},"behind":{}}}}}"#,
        i + 1,
        i % 7,
        i % 5,
        1 + i % 3
    )
}

fn generated_indicator(i: u64) -> String {
    format!(
        r#"{{"unit":"Văn Lãng","name":"Chỉ tiêu {}","value":{},"measure":"ha","percentOfPlan":{}}}"#,
        i + 1,
        (i * 37) % 10000,
        50 + (i * 13) % 100
    )
}

/// A recipe's text: `expand` in generate.mjs, byte for byte.
fn expand(g: &Value) -> String {
    let mut text = g["template"].as_str().expect("template").to_string();
    if let Some(n) = g.get("communes").and_then(Value::as_u64) {
        let list: Vec<String> = (0..n).map(generated_commune).collect();
        text = text.replace("{{COMMUNES}}", &list.join(","));
    }
    if let Some(n) = g.get("indicators").and_then(Value::as_u64) {
        let list: Vec<String> = (0..n).map(generated_indicator).collect();
        text = text.replace("{{INDICATORS}}", &list.join(","));
    }
    for (i, r) in g.get("repeat").and_then(Value::as_array).into_iter().flatten().enumerate() {
        let piece = r["text"].as_str().expect("repeat.text").repeat(usize::try_from(r["count"].as_u64().expect("repeat.count")).unwrap());
        text = text.replace(&format!("{{{{R{i}}}}}"), &piece);
    }
    if let Some(pad_to) = g.get("padTo").and_then(Value::as_u64) {
        let without = text.replace("{{PAD}}", "");
        let pad = usize::try_from(pad_to).unwrap().checked_sub(without.len()).expect("padTo below the text's length");
        text = text.replace("{{PAD}}", &" ".repeat(pad));
    }
    text
}

/// FNV-1a 64, as `fnv1a64` in generate.mjs.
fn fnv1a64(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

// ------------------------------------------------------------------ one case

enum Expect {
    Ready,
    Error(Vec<String>),
}

fn expectation(case: &Value) -> Expect {
    match &case["expect"] {
        Value::String(s) if s == "ready" => Expect::Ready,
        Value::Object(o) => Expect::Error(match &o["error"] {
            Value::String(s) => vec![s.clone()],
            Value::Array(list) => list.iter().map(|s| s.as_str().expect("error substring").to_string()).collect(),
            other => panic!("bad expect.error {other}"),
        }),
        other => panic!("bad expect {other}"),
    }
}

/// What the case gave: drawn, or the text the journalist is shown.
enum Outcome {
    Ready,
    Error(String),
}

/// A table case (`format`: csv or tsv) as the widget reads it: the explanations module's
/// answer to the `table` request (the JSON) and, when the chart cannot be drawn, to the `data`
/// request about the table (its problems by row and column). `Err`: what the journalist is shown.
fn table_case(table: &str, format: &str, kind: &str) -> Result<Result<String, String>, String> {
    let ask = |task: &str| {
        let mut req = serde_json::json!({"task": task, "format": format, "kind": kind, "lang": "vi"});
        req["text"] = Value::String(table.to_string());
        let answer = commune_charts::explain::respond(&req.to_string());
        serde_json::from_str::<Value>(&answer).map_err(|e| format!("the {task} answer is not JSON ({e}): {}", checks::cut(&answer, 300)))
    };
    let converted = ask("table")?;
    let said = ask("data")?;
    let messages: Vec<String> =
        said["items"].as_array().ok_or("no items")?.iter().map(|i| i["message"].as_str().unwrap_or_default().to_string()).collect();
    let errors = converted["errors"].as_u64().ok_or("no error count")?;
    match (converted["json"].as_str(), said["warn"].as_bool()) {
        (Some(json), Some(true)) if errors == 0 && messages.is_empty() => Ok(Ok(json.to_string())),
        (Some(json), Some(false)) if errors == 0 => {
            // Valid as a table, invalid as data: prepare must say so too.
            if prepare(json, kind, "vi").is_ok() {
                return Err("the explanation found problems that prepare() does not".into());
            }
            Ok(Err(messages.join("\n")))
        }
        (None, Some(false)) if errors > 0 && !messages.is_empty() => Ok(Err(messages.join("\n"))),
        _ => Err(format!("the table and data answers disagree: {errors} errors; said {messages:?}")),
    }
}

fn run_case(case: &Value) -> Result<Outcome, String> {
    let mut text = match (&case["json"], &case["table"], &case["generate"]) {
        (Value::String(s), _, _) | (_, Value::String(s), _) => s.clone(),
        (_, _, g @ Value::Object(_)) => expand(g),
        _ => return Err("case has neither json, table nor generate".into()),
    };
    if let Some(format) = case["format"].as_str() {
        match table_case(&text, format, case["kind"].as_str().unwrap_or_default())? {
            Ok(json) => text = json,
            Err(said) => return Ok(Outcome::Error(said)),
        }
    }
    json_agree::agree(text.strip_prefix('\u{feff}').unwrap_or(&text))
        .map_err(|why| format!("the JSON reader and serde_json differ: {why}"))?;
    let kind = case["kind"].as_str().expect("kind");
    let prepared = match prepare(&text, kind, "vi") {
        Err((problems, locale)) => {
            if problems.is_empty() {
                return Err("prepare failed with no problems".into());
            }
            let mut shown = Vec::new();
            for p in &problems {
                let message = p.message(locale);
                if message.trim().is_empty() {
                    return Err(format!("a problem at `{}` has an empty message", p.path));
                }
                if let Some((line, column)) = p.line_column() {
                    if line == 0 || column == 0 {
                        return Err(format!("syntax error at line {line}, column {column}: both are 1-based"));
                    }
                }
                shown.push(message);
                if let Some(excerpt) = p.excerpt() {
                    shown.push(excerpt);
                }
            }
            // The SVG path says the same.
            let svg = render_svg(&text, kind, 640.0, "vi");
            if svg.is_ok() {
                return Err("prepare failed but render_svg drew".into());
            }
            return Ok(Outcome::Error(shown.join("\n")));
        }
        Ok(p) => p,
    };
    // Summary and data table: the aria-label and the hidden <table> of the chart.
    let summary = describe::summary(&prepared.model, prepared.kind, prepared.locale);
    let (head, rows) = describe::table(&prepared.model, prepared.kind, prepared.locale);
    if head.is_empty() || rows.iter().any(|r| r.len() != head.len()) {
        return Err(format!("data table rows do not match its {} columns", head.len()));
    }
    let theme = Theme::light();
    for width in WIDTHS {
        let input = LayoutInput {
            model: &prepared.model,
            kind: prepared.kind,
            locale: prepared.locale,
            width,
            theme: &theme,
            measure: &ApproxMeasure,
        };
        let l = layout(&input);
        if summary.trim().is_empty() {
            return Err("a drawn chart has an empty summary (aria-label)".into());
        }
        check_layout(&l, &prepared, width).map_err(|e| format!("at {width} px: {e}"))?;
        let svg = render_svg(&text, kind, width, "vi").map_err(|e| format!("render_svg at {width} px: {}", checks::cut(&e, 300)))?;
        check_svg(&svg).map_err(|e| format!("SVG at {width} px: {e}"))?;
    }
    Ok(Outcome::Ready)
}

/// Geometry a browser can draw and a pointer can use (the fuzzer's checks: finite, inside the
/// chart, bands tiling each panel, the middle of each bar finding it), and `hit` consistent with
/// what is under every probe point, and the keyboard walking the chart.
fn check_layout(l: &Layout, p: &Prepared, width: f64) -> Result<(), String> {
    checks::check_layout(l, &p.model, width, &ApproxMeasure)?;
    let (w, h) = (l.width, l.height);

    // Every point of the grid: the result, when there is one, must be what is under the point.
    let mut probes: Vec<(f64, f64)> = Vec::new();
    let xs = [
        f64::NEG_INFINITY,
        -1e9,
        -1.0,
        checks::just_below(0.0),
        0.0,
        0.5,
        w * 0.25,
        w * 0.5,
        w * 0.75,
        checks::just_below(w),
        w,
        w + 1.0,
        f64::NAN,
    ];
    let ys = [f64::NEG_INFINITY, -1.0, 0.0, 5.0, h * 0.5, checks::just_below(h), h, h + 1.0, f64::INFINITY, f64::NAN];
    for &x in &xs {
        for &y in &ys {
            probes.push((x, y));
        }
    }
    for panel in &l.panels {
        for row in sample_rows(panel.rows.len()).map(|ri| &panel.rows[ri]) {
            let mid = (row.y0 + row.y1) / 2.0;
            for y in [row.y0, checks::just_below(row.y0), checks::just_below(row.y1), row.y1, mid] {
                for x in [panel.x0, checks::just_below(panel.x0), checks::just_below(panel.x1), panel.x1, (panel.x0 + panel.x1) / 2.0] {
                    probes.push((x, y));
                }
            }
            for b in row.bars.clone() {
                let r = l.bars[b].rect;
                for x in [r.x0, checks::just_below(r.x0), checks::just_below(r.x1), r.x1, (r.x0 + r.x1) / 2.0] {
                    probes.push((x, mid));
                }
            }
        }
    }
    let mut cursors = Vec::new();
    for (x, y) in probes {
        cursors.extend(checks::check_hit(l, x, y)?);
    }

    // Keyboard: from the first bar, down every sampled row, across segments and panels, to the end.
    let theme = Theme::light();
    let mut c = l.first_cursor().ok_or("a drawn chart has no first cursor")?;
    let downs = l.panels.iter().map(|p| p.rows.len()).sum::<usize>().min(60);
    let keys = std::iter::repeat_n(Key::Down, downs).chain([
        Key::Right,
        Key::Right,
        Key::Right,
        Key::Left,
        Key::End,
        Key::Right,
        Key::Left,
        Key::Left,
        Key::Up,
        Key::Home,
        Key::Up,
        Key::Down,
        Key::End,
        Key::Down,
    ]);
    cursors.push(c);
    for key in keys {
        c = l.step(c, key);
        cursors.push(c);
    }
    for c in cursors {
        let r = readout(&p.model, l, c, p.locale).ok_or_else(|| format!("no readout for {c:?}"))?;
        if r.title.trim().is_empty() && !p.model.communes.iter().any(|c| c.name.trim().is_empty()) {
            return Err(format!("empty readout title for {c:?}"));
        }
        let _ = r.sentence();
        if l.anchor(c).is_none() || l.highlight(c, &theme).is_empty() {
            return Err(format!("no anchor or highlight for {c:?}"));
        }
    }
    Ok(())
}

fn sample_rows(n: usize) -> Box<dyn Iterator<Item = usize>> {
    if n <= ALL_ROWS_UP_TO {
        Box::new(0..n)
    } else {
        Box::new((0..50).chain((50..n - 50).step_by(97)).chain(n - 50..n))
    }
}

/// The SVG is one document, and no text from the data became markup in it.
fn check_svg(svg: &str) -> Result<(), String> {
    if !svg.starts_with("<svg") || !svg.trim_end().ends_with("</svg>") {
        return Err(format!("not one SVG document: {}", checks::cut(svg, 200)));
    }
    let lower = svg.to_lowercase();
    for tag in ["<svg", "<script", "<img", "<iframe", "<style", "<a ", "<a>", "<!--"] {
        let n = lower.matches(tag).count();
        let allowed = usize::from(tag == "<svg");
        if n > allowed {
            return Err(format!("{n} × {tag} in the SVG: text from the data became markup"));
        }
    }
    if lower.contains("nan") && (lower.contains("=\"nan\"") || lower.contains(" nan ") || lower.contains(",nan")) {
        return Err("NaN coordinates in the SVG".into());
    }
    Ok(())
}

// ------------------------------------------------------------------ the test

#[test]
fn hostile_corpus() {
    let manifest: Value = serde_json::from_str(MANIFEST).expect("tests/hostile/cases.json is JSON");
    let cases = manifest["cases"].as_array().expect("cases");

    // The manifest is the generator's output, and big enough.
    assert_eq!(
        manifest["generatorHash"].as_str(),
        Some(fnv1a64(GENERATOR).as_str()),
        "tests/hostile/cases.json is stale: run `node tests/hostile/generate.mjs` and commit its output"
    );
    let body = MANIFEST
        .split_once("\"cases\": [\n")
        .and_then(|(_, rest)| rest.rsplit_once("\n  ]\n}"))
        .map(|(body, _)| body)
        .expect("the manifest's case lines");
    assert_eq!(
        manifest["casesHash"].as_str(),
        Some(fnv1a64(body.as_bytes()).as_str()),
        "tests/hostile/cases.json was edited by hand: change tests/hostile/generate.mjs and run it instead"
    );
    assert_eq!(manifest["count"].as_u64(), Some(cases.len() as u64), "manifest count");
    assert!(cases.len() >= MIN_CASES, "only {} cases; the corpus needs at least {MIN_CASES}", cases.len());
    let mut names = HashSet::new();
    for c in cases {
        assert!(names.insert(c["name"].as_str().expect("name")), "duplicate case {}", c["name"]);
    }

    let verbose = std::env::var_os("HOSTILE_VERBOSE").is_some();
    // HOSTILE_ONLY=substring runs the cases whose name contains it (as in the browser runner).
    let only = std::env::var("HOSTILE_ONLY").unwrap_or_default();
    let started = Instant::now();
    let mut failures = Vec::new();
    let mut by_category: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new(); // run, ready, error
    let mut skipped = 0;
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap().to_string();
        let category = name.split('/').next().unwrap().to_string();
        if !name.contains(&only) {
            skipped += 1;
            continue;
        }
        if let Some(why) = case.get("native").and_then(|n| n.get("skip")) {
            skipped += 1;
            if verbose {
                eprintln!("skip {name}: {why}");
            }
            continue;
        }
        let expect = expectation(case);
        let t0 = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| run_case(case)));
        let took = t0.elapsed();
        slowest.push((took, name.clone()));
        let entry = by_category.entry(category).or_default();
        entry.0 += 1;
        let failure = match result {
            Err(payload) => {
                let msg = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_string()))
                    .unwrap_or_default();
                Some(format!("PANIC: {msg}"))
            }
            Ok(Err(broken)) => Some(broken),
            Ok(Ok(outcome)) => {
                match &outcome {
                    Outcome::Ready => entry.1 += 1,
                    Outcome::Error(_) => entry.2 += 1,
                }
                if verbose {
                    let shown = match &outcome {
                        Outcome::Ready => "ready".to_string(),
                        Outcome::Error(e) => format!("error: {}", checks::cut(&e.replace('\n', " ⏎ "), 400)),
                    };
                    eprintln!("{name} ({took:.1?}): {shown}");
                }
                match (expect, outcome) {
                    (Expect::Ready, Outcome::Ready) => None,
                    (Expect::Ready, Outcome::Error(e)) => Some(format!("expected ready, got error: {}", checks::cut(&e, 400))),
                    (Expect::Error(subs), Outcome::Ready) => {
                        Some(format!("expected an error containing {subs:?}, but the chart was drawn"))
                    }
                    (Expect::Error(subs), Outcome::Error(e)) => {
                        let missing: Vec<&String> = subs.iter().filter(|s| !e.contains(s.as_str())).collect();
                        (!missing.is_empty()).then(|| format!("error lacks {missing:?}; it says: {}", checks::cut(&e, 600)))
                    }
                }
            }
        };
        if let Some(f) = failure {
            failures.push(format!("{name}: {f}"));
        }
    }

    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    let run: usize = by_category.values().map(|v| v.0).sum();
    eprintln!("hostile corpus: {run} cases natively ({skipped} skipped: browser-only, or not HOSTILE_ONLY) in {:.1?}", started.elapsed());
    for (cat, (n, ready, error)) in &by_category {
        eprintln!("  {cat:<15} {n:>4} ({ready} ready, {error} errors)");
    }
    eprintln!("  slowest: {}", slowest.iter().take(5).map(|(d, n)| format!("{n} {d:.1?}")).collect::<Vec<_>>().join(", "));
    assert!(failures.is_empty(), "{} of {run} hostile cases failed:\n{}", failures.len(), failures.join("\n"));
}
