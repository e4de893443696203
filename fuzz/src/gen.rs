//! libFuzzer's bytes -> a `LayoutCase` whose document is *valid* (data format v1: non-blank
//! names of at most 1,000 characters, whole counts in 0..2^53, amounts in 0..10^15, cellKinds
//! adding up to `cells`, targets to `total`), built as a JSON value from structured arbitrary
//! data, or one of the repository's valid fixtures, and an arbitrary screen and reader.

use arbitrary::{Arbitrary, Result, Unstructured};
use commune_charts::theme::Rgb;
use serde_json::{Map, Number, Value};

use crate::checks::{LayoutCase, ThemeChoice};

/// Counts are whole and at most 2^53 - 1.
const MAX_COUNT: u64 = 9_007_199_254_740_991;
/// Rows a generated document may have (tall charts start near 220 rows at DPR 1).
const MAX_ROWS: usize = 400;
/// Above this many bytes of JSON the generator drops rows (the format allows 5 MB; big documents
/// only make each run slow).
const MAX_JSON_BYTES: usize = 256 * 1024;

/// Valid documents from the repository, to start from real data now and then.
const FIXTURES: &[&str] = &[
    include_str!("../../tests/fixtures/seed.json"),
    include_str!("../../tests/fixtures/district-en.json"),
    include_str!("../../tests/fixtures/schema/valid/every-kind-overview.json"),
    include_str!("../../tests/fixtures/schema/valid/cellkinds-without-cells.json"),
    include_str!("../../tests/fixtures/schema/valid/cellkinds-null-value.json"),
    include_str!("../../tests/fixtures/schema/valid/indicators-only.json"),
    include_str!("../../tests/fixtures/schema/valid/indicators-empty-communes.json"),
    include_str!("../../tests/fixtures/schema/valid/long-name-1000.json"),
    include_str!("../../tests/fixtures/schema/valid/big-members.json"),
    include_str!("../../tests/fixtures/schema/valid/nulls-everywhere.json"),
    include_str!("../../tests/fixtures/schema/valid/zero-counts.json"),
    include_str!("../../tests/fixtures/schema/valid/markup-in-strings.json"),
    include_str!("../../tests/fixtures/schema/valid/targets-with-total.json"),
    include_str!("../../tests/fixtures/schema/valid/name-only.json"),
    include_str!("../../tests/fixtures/schema/valid/sort-asc.json"),
];

/// Pieces names and labels are made of: Vietnamese, combining marks, zero-width and bidi
/// controls, wide scripts, emoji sequences, markup, escapes, control characters.
const PIECES: &[&str] = &[
    "Mồ Sì San",
    "Pa Vây Sử",
    "Đức Thọ",
    "Xã",
    "Chi bộ bản",
    "Đảng bộ",
    " ",
    "  ",
    "\t",
    "\n",
    "\u{a0}",
    "\u{3000}",
    "\u{200b}",
    "\u{200d}",
    "\u{2060}",
    "\u{feff}",
    "\u{202e}",
    "\u{200f}",
    "\u{301}",
    "o\u{302}\u{300}",
    "\u{36f}\u{36f}\u{36f}",
    "北京",
    "한국",
    "ภาษาไทย",
    "العربية",
    "עברית",
    "🇻🇳",
    "👩‍👩‍👧‍👦",
    "🏳️‍🌈",
    "\u{10ffff}",
    "\u{fffd}",
    "…",
    "—",
    "<script>alert(1)</script>",
    "<b>",
    "&amp;",
    "&lt;",
    "]]>",
    "<!--",
    "\"",
    "\\",
    "'",
    "{",
    "}",
    "%s",
    "{0}",
    "\u{0}",
    "\u{1}",
    "\u{1f}",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "W",
    "i",
    "m",
    "1.234",
    "99,7",
    "-",
    "e",
    "0",
];
const LOCALES: &[&str] = &["vi", "en", "vi-VN", "en-GB", "EN", " en ", "vi_VN", "en-US-x-private"];
const KIND_NAMES: &[&str] = &["members", "cells", "members-per-cell", "targets", "indicators", "overview", " members ", "overview\n"];
const SORTS: &[&str] = &["none", "asc", "desc", " desc "];
const DOM_KEYS: &[&str] =
    &["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "Up", "Down", "Left", "Right", "Tab", "Enter"];
/// Widths where the layout changes its mind (min width, names above/beside, panels side by side).
const EDGE_WIDTHS: &[f64] = &[1.0, 199.0, 199.999, 200.0, 320.0, 375.0, 519.0, 519.5, 520.0, 640.0, 879.0, 880.0, 1280.0, 4000.0];
const DPRS: &[f64] = &[1.0, 1.25, 1.5, 2.0, 2.625, 3.0, 4.0];

/// The fuzz target's input type.
#[derive(Debug)]
pub struct GenCase(pub LayoutCase);

impl<'a> Arbitrary<'a> for GenCase {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let json = if u.ratio(1u8, 8u8)? { u.choose(FIXTURES)?.to_string() } else { document(u)? };
        let page_lang = u.choose(&["", "vi", "en", "en-GB", "fr"])?.to_string();
        let width = if u.ratio(1u8, 3u8)? {
            *u.choose(EDGE_WIDTHS)?
        } else {
            f64::from(u.int_in_range(1u16..=4000)?) + f64::from(u8::arbitrary(u)?) / 256.0
        };
        let dpr = if u.ratio(3u8, 4u8)? { *u.choose(DPRS)? } else { 1.0 + 3.0 * f64::from(u16::arbitrary(u)?) / 65535.0 };
        let theme = match u.int_in_range(0u8..=3)? {
            0 | 1 => ThemeChoice::Light,
            2 => ThemeChoice::Dark,
            _ => {
                let mut c = || -> Result<Rgb> { Ok(Rgb(u8::arbitrary(u)?, u8::arbitrary(u)?, u8::arbitrary(u)?)) };
                ThemeChoice::Forced([c()?, c()?, c()?, c()?])
            }
        };
        // Real fonts measure within about a fifth of the estimate.
        let measure_scale = if u.ratio(1u8, 2u8)? { 1.0 } else { 0.8 + 0.45 * f64::from(u8::arbitrary(u)?) / 255.0 };
        let viewport_height = f64::from(u.int_in_range(100u16..=2400)?);
        let scroll = f64::from(u8::arbitrary(u)?) / 255.0;
        let n_points = u.int_in_range(0usize..=24)?;
        let mut points = Vec::with_capacity(n_points);
        for _ in 0..n_points {
            points.push((coordinate(u, width)?, coordinate(u, 4.0 * width)?));
        }
        let n_keys = u.int_in_range(0usize..=48)?;
        let mut keys = Vec::with_capacity(n_keys);
        for _ in 0..n_keys {
            keys.push(u.choose(DOM_KEYS)?.to_string());
        }
        Ok(GenCase(LayoutCase { json, page_lang, width, dpr, theme, measure_scale, viewport_height, scroll, points, keys }))
    }
}

/// A pointer coordinate: mostly on the chart, sometimes far off, negative or not a number.
fn coordinate(u: &mut Unstructured<'_>, extent: f64) -> Result<f64> {
    Ok(match u.int_in_range(0u8..=9)? {
        0 => *u.choose(&[f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, 0.0, -1.0, -1e300, 1e300, f64::MIN_POSITIVE, f64::EPSILON])?,
        1 => f64::from_bits(u64::arbitrary(u)?),
        2 => f64::from(i32::arbitrary(u)?),
        _ => extent * f64::from(u16::arbitrary(u)?) / 65535.0,
    })
}

/// Text of at most 1,000 characters; `required` ones are never blank (trimmed).
fn text(u: &mut Unstructured<'_>, required: bool) -> Result<String> {
    let mut s = match u.int_in_range(0u8..=9)? {
        0..=2 => String::arbitrary(u)?,
        3 => {
            // One character, up to 1,000 times (a name that fills the limit).
            let c = if u.ratio(1u8, 2u8)? { char::arbitrary(u)? } else { u.choose(PIECES)?.chars().next().unwrap_or('x') };
            let n = if u.ratio(1u8, 2u8)? { 1000 } else { u.int_in_range(1usize..=1000)? };
            std::iter::repeat_n(c, n).collect()
        }
        4 => {
            // A piece repeated until it is long.
            let piece = *u.choose(PIECES)?;
            piece.repeat(u.int_in_range(1usize..=400)?)
        }
        _ => {
            let n = u.int_in_range(1usize..=6)?;
            let mut s = String::new();
            for _ in 0..n {
                s.push_str(u.choose(PIECES)?);
            }
            s
        }
    };
    if s.chars().count() > 1000 {
        s = s.chars().take(1000).collect();
    }
    if required && s.trim().is_empty() {
        // Still "empty-ish": a zero-width space or a combining mark is not whitespace.
        let keep = *u.choose(&["x", "\u{200b}", "\u{301}", "\u{feff}", "A"])?;
        if s.chars().count() >= 1000 {
            s.pop();
        }
        s.push_str(keep);
    }
    Ok(s)
}

/// Missing, `null`, or a value.
enum Opt<T> {
    Missing,
    Null,
    Some(T),
}

fn opt<T>(u: &mut Unstructured<'_>, f: impl FnOnce(&mut Unstructured<'_>) -> Result<T>) -> Result<Opt<T>> {
    // Out of data, `int_in_range` gives its lower bound: a value, so short inputs still draw.
    Ok(match u.int_in_range(0u8..=5)? {
        0..=2 => Opt::Some(f(u)?),
        3 | 4 => Opt::Missing,
        _ => Opt::Null,
    })
}

fn put<T>(map: &mut Map<String, Value>, key: &str, v: Opt<T>, to_json: impl FnOnce(T) -> Value) {
    match v {
        Opt::Missing => {}
        Opt::Null => {
            map.insert(key.to_string(), Value::Null);
        }
        Opt::Some(v) => {
            map.insert(key.to_string(), to_json(v));
        }
    }
}

/// A whole count in 0..=2^53-1.
fn count_value(u: &mut Unstructured<'_>) -> Result<u64> {
    Ok(match u.int_in_range(0u8..=7)? {
        0 => *u.choose(&[0, 1, 2, 9, 10, 99, 100, 999, 1000, 9999, 1 << 31, 1 << 32, 1_000_000_000_000, MAX_COUNT - 1, MAX_COUNT])?,
        1 => u64::arbitrary(u)? % (MAX_COUNT + 1),
        2 => u64::from(u32::arbitrary(u)?),
        3 => u64::from(u16::arbitrary(u)?),
        _ => u64::from(u8::arbitrary(u)?),
    })
}

/// Whole floats up to this are read back exactly. serde_json without `float_roundtrip` misread
/// larger ones such as `2077395710468449.0` (tests/fixtures/fuzz/*-whole-float-misread*, found by
/// this fuzzer); the widget's own JSON reader (src/json.rs) reads every count up to 2^53 − 1.
const MAX_EXACT_WHOLE_FLOAT: u64 = MAX_COUNT;

/// A count as JSON: `89`, or a whole float `89.0` (also accepted), or `-0.0` for zero.
fn count_json(u: &mut Unstructured<'_>, v: u64) -> Result<Value> {
    Ok(match u.int_in_range(0u8..=7)? {
        0 if v == 0 => float(-0.0),
        // Exact: whole and at most 2^53.
        #[allow(clippy::cast_precision_loss)]
        1 if v <= MAX_EXACT_WHOLE_FLOAT => float(v as f64),
        _ => Value::Number(Number::from(v)),
    })
}

/// Whether the widget's JSON reader reads `v`, as serde_json writes it, back as written.
fn reads_back(v: f64) -> bool {
    let read = serde_json::to_string(&v).ok().and_then(|s| commune_charts::json::parse(&s).ok());
    matches!(read, Some(commune_charts::json::Value::Number(n)) if n.as_f64() == v)
}

fn float(v: f64) -> Value {
    Number::from_f64(v).map_or(Value::Null, Value::Number)
}

/// An amount (area, indicator value, percent of plan) in 0..10^15.
fn amount(u: &mut Unstructured<'_>, percent: bool) -> Result<f64> {
    let below_limit = f64::from_bits(1e15f64.to_bits() - 1);
    let v = match u.int_in_range(0u8..=9)? {
        0 => *u.choose(&[
            0.0,
            -0.0,
            5e-324,
            1e-300,
            0.5,
            0.997,
            1.0,
            2.0,
            99.95,
            99.99999,
            100.0,
            100.00001,
            150.0,
            1e6,
            1e12,
            999_999_999_999_999.0,
            below_limit,
        ])?,
        1 => f64::from_bits(u64::arbitrary(u)?),
        2 => 1e15 * f64::from(u32::arbitrary(u)?) / f64::from(u32::MAX),
        3 => f64::from(u16::arbitrary(u)?) / 100.0,
        _ if percent => f64::from(u.int_in_range(0u16..=3000)?) / 10.0,
        _ => f64::from(u32::arbitrary(u)?) / 1000.0,
    };
    // In range as it is (-0.0 included: it is not below zero), else folded into it.
    let v = if (0.0..1e15).contains(&v) || v == 0.0 {
        v
    } else if v.is_finite() {
        (v.abs() % 1e15).min(below_limit)
    } else {
        0.0
    };
    Ok(if reads_back(v) { v } else { (v * 100.0).round() / 100.0 }.min(999_999_999_999_999.0))
}

fn amount_json(v: f64) -> Value {
    float(v)
}

/// A commune; `index` makes repeated rows' names differ.
fn commune(u: &mut Unstructured<'_>) -> Result<Map<String, Value>> {
    let mut c = Map::new();
    c.insert("name".into(), Value::String(text(u, true)?));
    let district = opt(u, |u| text(u, false))?;
    put(&mut c, "district", district, Value::String);
    let province = opt(u, |u| text(u, false))?;
    put(&mut c, "province", province, Value::String);
    let members = opt(u, count_value)?;
    if let Opt::Some(m) = members {
        let v = count_json(u, m)?;
        c.insert("members".into(), v);
    } else {
        put(&mut c, "members", members, |_: u64| Value::Null);
    }

    // cellKinds first: `cells`, when written, must be their sum.
    let mut kinds_sum: Option<u64> = None; // Some: at least one non-null kind
    let kinds = opt(u, |u| {
        let n = u.int_in_range(0usize..=7)?;
        let mut kinds = Map::new();
        for _ in 0..n {
            let key = text(u, false)?;
            let v = if !u.ratio(7u8, 8u8)? {
                Value::Null
            } else {
                let n = count_value(u)?;
                count_json(u, n)?
            };
            kinds.insert(key, v);
        }
        Ok(kinds)
    })?;
    if let Opt::Some(k) = &kinds {
        // Duplicate keys were merged by the map; what the validator adds up is what is left.
        let mut sum: u128 = 0;
        let mut any = false;
        for v in k.values() {
            if let Some(n) = v.as_f64() {
                any = true;
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let n = n as u128;
                sum += n;
            }
        }
        if any {
            kinds_sum = Some(u64::try_from(sum).unwrap_or(u64::MAX));
        }
    }
    put(&mut c, "cellKinds", kinds, Value::Object);
    match kinds_sum {
        Some(sum) if sum <= MAX_COUNT => {
            if u.ratio(1u8, 2u8)? {
                let v = count_json(u, sum)?;
                c.insert("cells".into(), v);
            }
        }
        Some(_) => {} // the sum is past 2^53: only a missing `cells` is valid
        None => {
            let cells = opt(u, count_value)?;
            if let Opt::Some(n) = cells {
                let v = count_json(u, n)?;
                c.insert("cells".into(), v);
            } else {
                put(&mut c, "cells", cells, |_: u64| Value::Null);
            }
        }
    }

    let targets = opt(u, |u| {
        let (met, over80, behind) = (count_value(u)?, count_value(u)?, count_value(u)?);
        let mut t = Map::new();
        t.insert("met".into(), count_json(u, met)?);
        t.insert("over80".into(), count_json(u, over80)?);
        t.insert("behind".into(), count_json(u, behind)?);
        let sum = u128::from(met) + u128::from(over80) + u128::from(behind);
        if sum <= u128::from(MAX_COUNT) {
            match u.int_in_range(0u8..=2)? {
                0 => {
                    let v = count_json(u, u64::try_from(sum).unwrap_or(0))?;
                    t.insert("total".into(), v);
                }
                1 => {
                    t.insert("total".into(), Value::Null);
                }
                _ => {}
            }
        }
        Ok(t)
    })?;
    put(&mut c, "targets", targets, Value::Object);
    let population = opt(u, count_value)?;
    if let Opt::Some(n) = population {
        let v = count_json(u, n)?;
        c.insert("population".into(), v);
    } else {
        put(&mut c, "population", population, |_: u64| Value::Null);
    }
    let area = opt(u, |u| amount(u, false))?;
    put(&mut c, "areaKm2", area, amount_json);
    Ok(c)
}

fn indicator(u: &mut Unstructured<'_>) -> Result<Map<String, Value>> {
    let mut i = Map::new();
    let unit = opt(u, |u| if u.ratio(1u8, 2u8)? { Ok(u.choose(&["Văn Lãng", "Xã A"])?.to_string()) } else { text(u, false) })?;
    put(&mut i, "unit", unit, Value::String);
    i.insert("name".into(), Value::String(text(u, true)?));
    let value = opt(u, |u| amount(u, false))?;
    put(&mut i, "value", value, amount_json);
    let measure = opt(u, |u| text(u, false))?;
    put(&mut i, "measure", measure, Value::String);
    let pct = opt(u, |u| amount(u, true))?;
    put(&mut i, "percentOfPlan", pct, amount_json);
    Ok(i)
}

/// `n` rows: a few arbitrary ones, repeated (with a numbered name) when `n` is large.
fn rows(u: &mut Unstructured<'_>, make: fn(&mut Unstructured<'_>) -> Result<Map<String, Value>>) -> Result<Vec<Value>> {
    let n = if u.ratio(5u8, 6u8)? { u.int_in_range(1usize..=8)? } else { u.int_in_range(0usize..=MAX_ROWS)? };
    let distinct = n.min(8);
    let mut made = Vec::with_capacity(distinct);
    for _ in 0..distinct {
        made.push(make(u)?);
    }
    Ok((0..n)
        .filter_map(|i| {
            let mut row = made.get(i % distinct.max(1))?.clone();
            if i >= distinct {
                let name = row.get("name").and_then(Value::as_str).unwrap_or("x");
                let numbered: String = format!("{i} {name}").chars().take(1000).collect();
                row.insert("name".into(), Value::String(numbered));
            }
            Some(Value::Object(row))
        })
        .collect())
}

/// A valid data-format-v1 document as JSON text.
pub fn document(u: &mut Unstructured<'_>) -> Result<String> {
    let mut d = Map::new();
    if u.ratio(1u8, 8u8)? {
        d.insert("$schema".into(), Value::String(text(u, false)?));
    }
    for key in ["title", "subtitle", "source", "note"] {
        let v = opt(u, |u| text(u, false))?;
        put(&mut d, key, v, Value::String);
    }
    let locale = opt(u, |u| Ok(u.choose(LOCALES)?.to_string()))?;
    put(&mut d, "locale", locale, Value::String);
    let chart = opt(u, |u| Ok(u.choose(KIND_NAMES)?.to_string()))?;
    put(&mut d, "chart", chart, Value::String);
    let sort = opt(u, |u| Ok(u.choose(SORTS)?.to_string()))?;
    put(&mut d, "sort", sort, Value::String);

    let communes = if u.ratio(7u8, 8u8)? { Some(rows(u, commune)?) } else { None };
    let mut indicators = if u.ratio(1u8, 3u8)? { Some(rows(u, indicator)?) } else { None };
    // Without indicators, at least one commune.
    if indicators.is_none() && communes.as_ref().is_none_or(Vec::is_empty) {
        indicators = Some(Vec::new());
    }
    if let Some(list) = communes {
        d.insert("communes".into(), Value::Array(list));
    }
    if let Some(list) = indicators {
        d.insert("indicators".into(), Value::Array(list));
    }
    let pretty = bool::arbitrary(u)?;
    let bom = !u.ratio(15u8, 16u8)?;
    loop {
        let text = if pretty { serde_json::to_string_pretty(&d) } else { serde_json::to_string(&d) }.unwrap_or_default();
        if text.len() <= MAX_JSON_BYTES {
            return Ok(if bom { format!("\u{feff}{text}") } else { text });
        }
        // Too big: halve the longest list (never below one commune when it is the only data).
        let halve = |v: &mut Value, keep: usize| {
            if let Value::Array(a) = v {
                let n = (a.len() / 2).max(keep);
                a.truncate(n);
            }
        };
        let c = d.get("communes").and_then(Value::as_array).map_or(0, Vec::len);
        let i = d.get("indicators").and_then(Value::as_array).map_or(0, Vec::len);
        if c <= 1 && i <= 1 {
            // One huge row: drop the optional texts around it instead.
            for key in ["title", "subtitle", "source", "note", "$schema"] {
                d.remove(key);
            }
            let text = serde_json::to_string(&d).unwrap_or_default();
            return Ok(text);
        }
        if c >= i {
            if let Some(v) = d.get_mut("communes") {
                halve(v, 1);
            }
        } else if let Some(v) = d.get_mut("indicators") {
            halve(v, 0);
        }
    }
}
