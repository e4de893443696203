//! One input through the core, asserting what must hold for *any* input. A broken invariant is a
//! panic (which libFuzzer records as a crash). Used by the fuzz targets and, through `#[path]`,
//! by `tests/fuzz_regressions.rs` of the main crate, so it depends only on what the main crate
//! already depends on (commune-charts, `serde_json`, plotters-backend, plotters-svg) — never on
//! `arbitrary`.

use commune_charts::describe;
use commune_charts::draw::{draw, draw_marks, Target};
use commune_charts::interact::{place_box, readout, Cursor, Key};
use commune_charts::layout::{layout, Align, Layout, LayoutInput, Mark};
use commune_charts::model::{ChartKind, Model};
use commune_charts::preview::warnings;
use commune_charts::problem::{FetchFailure, Problem, ProblemKind};
use commune_charts::text::{ApproxMeasure, Font, TextMeasure};
use commune_charts::theme::{Rgb, Theme};
use commune_charts::{prepare, resolve_kind, Locale, Prepared};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};
use serde_json::{json, Value};

// ------------------------------------------------------------------ parse_validate

/// `data-commune-chart` values the selector byte picks from: empty (the data's `chart`), each
/// kind, and one the widget must refuse.
pub const KIND_ATTRIBUTES: [&str; 8] = ["", "members", "cells", "members-per-cell", "targets", "indicators", "overview", "pie"];
/// `<html lang>` values: none, Vietnamese, English, one the charts do not speak.
pub const PAGE_LANGS: [&str; 4] = ["", "vi", "en-GB", "fr"];
/// Widths a valid document from `parse_validate` is laid out at.
pub const PARSE_WIDTHS: [f64; 4] = [320.0, 640.0, 1000.0, 1280.0];
pub const DATA_SRC_URL: &str = "data/xa.json";

/// How the first byte of a `parse_validate` input is read: bits 0–2 the kind attribute, bits 3–4
/// the page language, bit 5 how the text reached the widget (0: inline `<script>`, 1: a
/// `data-src` body), bits 6–7 the width it is laid out at when valid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Selector {
    pub kind_attribute: &'static str,
    pub page_lang: &'static str,
    pub data_src: bool,
    pub width: f64,
}

impl Selector {
    pub fn from_byte(b: u8) -> Selector {
        Selector {
            kind_attribute: KIND_ATTRIBUTES[usize::from(b & 7)],
            page_lang: PAGE_LANGS[usize::from((b >> 3) & 3)],
            data_src: b & 0x20 != 0,
            width: PARSE_WIDTHS[usize::from(b >> 6)],
        }
    }

    /// The byte for an inline chart of `kind_attribute` on a page in `page_lang` (seeding).
    pub fn byte_for(kind_attribute: &str, page_lang: &str) -> Option<u8> {
        let k = KIND_ATTRIBUTES.iter().position(|k| *k == kind_attribute)?;
        let l = PAGE_LANGS.iter().position(|l| *l == page_lang)?;
        u8::try_from(k | (l << 3)).ok()
    }
}

/// JavaScript's `\s` (and the BOM, as in js/api.js's `/^[\s\ufeff]+/`).
fn js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'
    )
}

/// What the widget ends up showing for one input.
#[derive(Clone, Debug, PartialEq)]
pub enum ParseOutcome {
    /// Drawn: the kind and language it was drawn in.
    Ready { kind: ChartKind, locale: Locale },
    /// The alert: the problems' messages in the chart's language, and the same in the other one.
    Problems { locale: Locale, messages: Vec<String>, other: Vec<String> },
}

impl ParseOutcome {
    /// One line for test expectations: `ready members vi`, `error vi: <first message>`.
    pub fn summary(&self) -> String {
        match self {
            ParseOutcome::Ready { kind, locale } => {
                format!("ready {} {}", kind.name(), locale.tag())
            }
            ParseOutcome::Problems { locale, messages, .. } => {
                format!("error {}: {}", locale.tag(), messages.first().map_or("", String::as_str))
            }
        }
    }
}

/// The text as the widget gets it: inline text is a JS string (any Unicode); a `data-src` body
/// goes through `Response.text()`, which drops one UTF-8 BOM and replaces invalid bytes with
/// U+FFFD (as `from_utf8_lossy` does, maximal subparts). Libfuzzer's bytes that are not UTF-8
/// are decoded the same lossy way for inline text (a page's text is always valid Unicode).
pub fn decode(rest: &[u8], data_src: bool) -> String {
    let bytes = if data_src { rest.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(rest) } else { rest };
    String::from_utf8_lossy(bytes).into_owned()
}

/// Arbitrary bytes through the widget's entry: the checks js/api.js and `mount` make before the
/// data reaches Rust, then `prepare` (parse + validate + kind + language), then for valid data
/// the warnings, the summary and table, and the layout with its hit-testing.
pub fn parse_validate(data: &[u8]) -> ParseOutcome {
    let (first, rest) = data.split_first().map_or((0, &[][..]), |(f, r)| (*f, r));
    let sel = Selector::from_byte(first);
    let text = decode(rest, sel.data_src);
    let page_locale = Locale::from_tag(sel.page_lang).unwrap_or_default();

    // js/api.js: an empty (or whitespace/BOM-only) body and an HTML body never reach Rust.
    if sel.data_src {
        let start = text.trim_start_matches(js_space).chars().next();
        let why = match start {
            None => Some(FetchFailure::Empty),
            Some('<') => Some(FetchFailure::NotJson),
            Some(_) => None,
        };
        if let Some(why) = why {
            let p = Problem::at("data-src", ProblemKind::FetchFailed { url: DATA_SRC_URL.into(), why });
            return problems_outcome(&[p], page_locale, &text);
        }
    }
    // `mount`: nothing but whitespace is "no data".
    if text.trim().is_empty() {
        return problems_outcome(&[Problem::at("", ProblemKind::NoData)], page_locale, &text);
    }

    let p = match prepare(&text, sel.kind_attribute, sel.page_lang) {
        Err((problems, locale)) => return problems_outcome(&problems, locale, &text),
        Ok(p) => p,
    };
    // The kind and the language are the ones the rules in lib.rs give.
    let expected_kind = match sel.kind_attribute {
        "" => p.model.chart.unwrap_or(ChartKind::Overview),
        k => ChartKind::from_name(k).unwrap_or_else(|| panic!("prepare accepted kind attribute {k:?}")),
    };
    assert_eq!(p.kind, expected_kind, "kind for attribute {:?}", sel.kind_attribute);
    let expected_locale = p.model.locale.or_else(|| Locale::from_tag(sel.page_lang)).unwrap_or_default();
    assert_eq!(p.locale, expected_locale, "locale for page {:?}", sel.page_lang);
    check_model(&p.model);

    for w in warnings(&p.model, p.kind) {
        assert!(w.kind.is_warning(), "warnings() returned an error: {w:?}");
        check_messages(&w);
    }
    check_words(&p.model, p.kind, p.locale);

    let theme = Theme::light();
    let input = LayoutInput { model: &p.model, kind: p.kind, locale: p.locale, width: sel.width, theme: &theme, measure: &ApproxMeasure };
    // prepare() refuses data with nothing to draw (model::check_drawable): what is left draws.
    assert!(has_data(&p.model, p.kind), "{} prepared though nothing has its data", p.kind.name());
    let l = layout(&input);
    if let Err(e) = check_layout(&l, &p.model, sel.width, &ApproxMeasure) {
        panic!("{} at {} px: {e}", p.kind.name(), sel.width);
    }
    check_keys(&l, &p.model, p.locale, &theme, &[Key::Down, Key::Right, Key::End, Key::Left, Key::Up, Key::Home]);
    ParseOutcome::Ready { kind: p.kind, locale: p.locale }
}

fn problems_outcome(problems: &[Problem], locale: Locale, text: &str) -> ParseOutcome {
    assert!(!problems.is_empty(), "failed with no problem");
    let syntax = problems.iter().filter(|p| p.line_column().is_some()).count();
    assert!(syntax == 0 || problems.len() == 1, "a syntax error comes alone: {problems:?}");
    for p in problems {
        assert!(!p.kind.is_warning(), "a warning stopped the chart: {p:?}");
        check_messages(p);
        if let Some((line, column)) = p.line_column() {
            check_line_column(text, line, column);
        }
        if let ProblemKind::Syntax { source_line, column, .. } = &p.kind {
            let n = source_line.chars().count();
            assert!(*column >= 1 && column - 1 <= n, "column {column} past the {n}-character line {source_line:?}");
            if let Some(shown) = p.excerpt() {
                let (quoted, caret) = shown.split_once('\n').unwrap_or_else(|| panic!("excerpt {shown:?}"));
                let width = quoted.chars().count();
                assert!(shown.ends_with('^') && width <= 122 && caret.chars().count() <= width + 1, "excerpt {shown:?}");
            }
        }
    }
    let other = match locale {
        Locale::Vi => Locale::En,
        Locale::En => Locale::Vi,
    };
    ParseOutcome::Problems {
        locale,
        messages: problems.iter().map(|p| p.message(locale)).collect(),
        other: problems.iter().map(|p| p.message(other)).collect(),
    }
}

/// Every problem says something in both languages.
pub fn check_messages(p: &Problem) {
    for locale in [Locale::Vi, Locale::En] {
        let m = p.message(locale);
        assert!(!m.trim().is_empty(), "empty {} message for {p:?}", locale.tag());
    }
}

/// A syntax error's place is in the text the journalist wrote (after the BOM the parser skips):
/// 1-based, a line that exists, a column at most one past the end of that line.
pub fn check_line_column(text: &str, line: usize, column: usize) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    assert!(line >= 1 && column >= 1, "line {line}, column {column}: both are 1-based");
    let lines: Vec<&str> = text.split('\n').collect();
    let Some(source) = lines.get(line - 1) else {
        panic!("line {line} of a text of {} lines", lines.len());
    };
    let source = source.strip_suffix('\r').unwrap_or(source);
    let chars = source.chars().count();
    assert!(column <= chars + 1, "column {column} of line {line}, which has {chars} characters");
}

/// What `validate` promises about a model.
fn check_model(m: &Model) {
    for c in &m.communes {
        assert!(!c.name.trim().is_empty() && c.name.trim() == c.name, "commune name {:?}", c.name);
        // `cells` may be the sum of cellKinds, which can pass 2^53; written counts cannot.
        for v in [c.members, c.population].into_iter().flatten() {
            assert!(v <= 9_007_199_254_740_991, "count {v} above 2^53");
        }
        if let Some(a) = c.area_km2 {
            assert!(a.is_finite() && a >= 0.0, "area {a}");
        }
    }
    for i in &m.indicators {
        assert!(!i.name.trim().is_empty(), "indicator name {:?}", i.name);
        for v in [i.value, i.percent_of_plan].into_iter().flatten() {
            assert!((0.0..1e15).contains(&v), "amount {v}");
        }
    }
}

/// The aria summary and the data table (said for every drawn chart).
fn check_words(model: &Model, kind: ChartKind, locale: Locale) {
    let _ = describe::summary(model, kind, locale);
    let (head, rows) = describe::table(model, kind, locale);
    assert!(!head.is_empty(), "data table without columns");
    for r in &rows {
        assert_eq!(r.len(), head.len(), "data table row {r:?} under {head:?}");
    }
}

/// Whether `kind` has anything to draw in `model`: `model::check_drawable` must refuse exactly
/// when it has not.
pub fn has_data(m: &Model, kind: ChartKind) -> bool {
    let members = m.communes.iter().any(|c| c.members.is_some());
    let cells = m.communes.iter().any(|c| c.cells.is_some());
    // Zero targets counted is data (drawn as 0), not "nothing to draw".
    let targets = m.communes.iter().any(|c| c.targets.is_some());
    match kind {
        ChartKind::Members => members,
        ChartKind::Cells => cells,
        ChartKind::MembersPerCell => m.communes.iter().any(|c| c.members_per_cell().is_some()),
        ChartKind::MembersPer1000 => m.communes.iter().any(|c| c.members_per_1000().is_some()),
        ChartKind::Targets => targets,
        ChartKind::Indicators => m.indicators.iter().any(|i| i.percent_of_plan.is_some()),
        ChartKind::Overview => members || cells || targets,
    }
}

fn check_nothing_to_draw(problem: &Problem, model: &Model, kind: ChartKind) {
    assert!(matches!(problem.kind, ProblemKind::NothingToDraw { .. }), "check_drawable of {} failed with {problem:?}", kind.name());
    assert!(!has_data(model, kind), "{} not drawn though some row has its data: {problem:?}", kind.name());
    check_messages(problem);
}

fn finite(v: &[f64]) -> bool {
    v.iter().all(|x| x.is_finite())
}

/// The largest f64 below `v` (the last point of a band that ends at `v`).
pub fn just_below(v: f64) -> f64 {
    if v > 0.0 {
        f64::from_bits(v.to_bits() - 1)
    } else if v == 0.0 {
        -f64::MIN_POSITIVE
    } else {
        f64::from_bits(v.to_bits() + 1)
    }
}

/// Geometry a browser can draw and a pointer can use. `Err` names the first thing wrong.
pub fn check_layout(l: &Layout, model: &Model, width: f64, measure: &dyn TextMeasure) -> Result<(), String> {
    const TOL: f64 = 0.5;
    let (w, h) = (l.width, l.height);
    if !(finite(&[w, h]) && w >= width.min(200.0) && w >= 200.0 && (w - width.max(200.0)).abs() < 1e-9 && h > 0.0) {
        return Err(format!("chart size {w} x {h} for width {width}"));
    }
    for m in &l.marks {
        let ok = match m {
            Mark::Rect { rect: r, .. } | Mark::Frame { rect: r, .. } => {
                finite(&[r.x0, r.y0, r.x1, r.y1])
                    && r.x0 >= -TOL
                    && r.x1 <= w + TOL
                    && r.y0 >= -TOL
                    && r.y1 <= h + TOL
                    && r.x0 <= r.x1
                    && r.y0 <= r.y1
            }
            Mark::Line { x0, y0, x1, y1, .. } => {
                finite(&[*x0, *y0, *x1, *y1])
                    && x0.min(*x1) >= -TOL
                    && x0.max(*x1) <= w + TOL
                    && y0.min(*y1) >= -TOL
                    && y0.max(*y1) <= h + TOL
            }
            Mark::Text { x, y_mid, text, font, align, .. } => {
                // The text's box, as the layout measured it, stays on the canvas.
                let tw = measure.width_px(text, *font);
                let (left, right) = match align {
                    Align::Start => (*x, x + tw),
                    Align::Middle => (x - tw / 2.0, x + tw / 2.0),
                    Align::End => (x - tw, *x),
                };
                finite(&[*x, *y_mid, tw]) && *y_mid >= 0.0 && *y_mid <= h && left >= -1.0 && right <= w + 1.0
            }
        };
        if !ok {
            return Err(format!("mark outside the {w} x {h} chart or not finite: {}", cut(&format!("{m:?}"), 300)));
        }
    }
    if l.panels.is_empty() {
        return Err("a drawn chart has no panel".into());
    }
    // Bars: finite, inside the canvas, not inverted, each in exactly one row, in order.
    for (b, bar) in l.bars.iter().enumerate() {
        let r = bar.rect;
        if !(finite(&[r.x0, r.y0, r.x1, r.y1, bar.value])
            && r.x0 >= 0.0
            && r.y0 >= 0.0
            && r.x1 <= w
            && r.y1 <= h
            && r.x1 >= r.x0
            && r.y1 >= r.y0)
        {
            return Err(format!("bar {b} outside the {w} x {h} canvas, inverted or not finite: {bar:?}"));
        }
    }
    let mut next_bar = 0;
    for (pi, panel) in l.panels.iter().enumerate() {
        if panel.rows.is_empty() {
            return Err(format!("panel {pi} has no rows"));
        }
        if !(finite(&[panel.x0, panel.x1]) && panel.x0 >= 0.0 && panel.x1 <= w && panel.x0 < panel.x1) {
            return Err(format!("panel {pi} spans {}..{} of {w}", panel.x0, panel.x1));
        }
        for (ri, row) in panel.rows.iter().enumerate() {
            if !(finite(&[row.y0, row.y1]) && row.y0 < row.y1 && row.y0 >= 0.0 && row.y1 <= h) {
                return Err(format!("panel {pi} row {ri}: band {}..{} in a chart {h} high", row.y0, row.y1));
            }
            if row.bars.start != next_bar || row.bars.end < row.bars.start || row.bars.end > l.bars.len() {
                return Err(format!("panel {pi} row {ri}: bars {:?}, expected to start at {next_bar} of {}", row.bars, l.bars.len()));
            }
            next_bar = row.bars.end;
            let in_model = if panel.measure == commune_charts::layout::Measure::Indicators {
                row.item < model.indicators.len()
            } else {
                row.item < model.communes.len()
            };
            if !in_model {
                return Err(format!("panel {pi} row {ri}: item {} is not in the data", row.item));
            }
            if let Some(next) = panel.rows.get(ri + 1) {
                if (next.y0 - row.y1).abs() > 1e-6 {
                    return Err(format!("panel {pi}: rows {ri} and {} do not tile ({} vs {})", ri + 1, row.y1, next.y0));
                }
            }
            for b in row.bars.clone() {
                let bar = &l.bars[b];
                let r = bar.rect;
                if bar.panel != pi || bar.row != ri || r.x0 < panel.x0 || r.x1 > panel.x1 || r.y0 < row.y0 || r.y1 > row.y1 {
                    return Err(format!(
                        "bar {b} is not inside panel {pi} ({}..{}) row {ri} ({}..{}): {bar:?}",
                        panel.x0, panel.x1, row.y0, row.y1
                    ));
                }
                // The middle of a bar of some width finds that very bar.
                if r.x1 - r.x0 > 1e-6 && r.y1 - r.y0 > 1e-6 {
                    let (cx, cy) = ((r.x0 + r.x1) / 2.0, (r.y0 + r.y1) / 2.0);
                    let hit = l.hit(cx, cy);
                    let found = hit.map(|h| (h.panel, h.row, h.item, h.bar));
                    if found != Some((pi, ri, row.item, Some(b))) {
                        return Err(format!("hit at the centre ({cx}, {cy}) of bar {b} (panel {pi} row {ri}) found {hit:?}"));
                    }
                }
            }
        }
    }
    if next_bar != l.bars.len() {
        return Err(format!("rows cover bars 0..{next_bar} of {}", l.bars.len()));
    }
    Ok(())
}

/// `hit(x, y)`: nothing outside the canvas or at a non-finite point; otherwise what is under it.
pub fn check_hit(l: &Layout, x: f64, y: f64) -> Result<Option<Cursor>, String> {
    let (w, h) = (l.width, l.height);
    let Some(hit) = l.hit(x, y) else { return Ok(None) };
    let outside = !(x.is_finite() && y.is_finite()) || x < 0.0 || y < 0.0 || x >= w || y >= h;
    if outside {
        return Err(format!("hit({x}, {y}) outside the {w} x {h} chart found {hit:?}"));
    }
    let panel = l.panels.get(hit.panel).ok_or_else(|| format!("hit({x}, {y}): no panel {}", hit.panel))?;
    let row = panel.rows.get(hit.row).ok_or_else(|| format!("hit({x}, {y}): no row {}", hit.row))?;
    if row.item != hit.item || !(x >= panel.x0 && x < panel.x1 && y >= row.y0 && y < row.y1) {
        return Err(format!(
            "hit({x}, {y}) = {hit:?} is not under the point (panel {}..{}, row {}..{})",
            panel.x0, panel.x1, row.y0, row.y1
        ));
    }
    if let Some(b) = hit.bar {
        if !row.bars.contains(&b) || !l.bars.get(b).is_some_and(|bar| bar.rect.contains_x(x)) {
            return Err(format!("hit({x}, {y}) = {hit:?}: bar {b} is not under the point"));
        }
    } else if let Some(b) = row.bars.clone().find(|&b| l.bars[b].rect.contains_x(x)) {
        return Err(format!("hit({x}, {y}) = {hit:?} missed bar {b} under the point"));
    }
    Ok(Some(Cursor::from(hit)))
}

fn valid_cursor(l: &Layout, c: Cursor) -> bool {
    let Some(row) = l.panels.get(c.panel).and_then(|p| p.rows.get(c.row)) else { return false };
    c.bar.is_none_or(|b| row.bars.contains(&b))
}

/// A cursor the reader can be on: a readout with a title, an anchor on the canvas, a highlight.
fn check_cursor(l: &Layout, model: &Model, locale: Locale, theme: &Theme, c: Cursor) {
    assert!(valid_cursor(l, c), "cursor {c:?} is not on the chart");
    let r = readout(model, l, c, locale).unwrap_or_else(|| panic!("no readout for {c:?}"));
    assert!(!r.title.is_empty() && !r.lines.is_empty(), "empty readout {r:?} for {c:?}");
    assert!(r.focus.is_none_or(|f| f < r.lines.len()), "readout focus past its lines: {r:?}");
    let _ = r.sentence();
    let a = l.anchor(c).unwrap_or_else(|| panic!("no anchor for {c:?}"));
    assert!(finite(&[a.x0, a.y0, a.x1, a.y1]) && a.x0 <= a.x1 && a.y0 <= a.y1, "anchor {a:?} for {c:?}");
    assert!(a.x0 >= 0.0 && a.x1 <= l.width && a.y0 >= 0.0 && a.y1 <= l.height, "anchor {a:?} off the {} x {} chart", l.width, l.height);
    assert!(!l.highlight(c, theme).is_empty(), "no highlight for {c:?}");
}

/// Keyboard: from the first cursor, every key in turn; every step lands on the chart.
pub fn check_keys(l: &Layout, model: &Model, locale: Locale, theme: &Theme, keys: &[Key]) -> Vec<Cursor> {
    let mut c = l.first_cursor().unwrap_or_else(|| panic!("a drawn chart has no first cursor"));
    let mut seen = vec![c];
    check_cursor(l, model, locale, theme, c);
    for &k in keys {
        let next = l.step(c, k);
        check_cursor(l, model, locale, theme, next);
        c = next;
        seen.push(c);
    }
    seen
}

// ------------------------------------------------------------------ layout_hit

/// The theme a case is drawn in (`forced`: text, background, highlight, gray).
#[derive(Clone, Debug, PartialEq)]
pub enum ThemeChoice {
    Light,
    Dark,
    Forced([Rgb; 4]),
}

impl ThemeChoice {
    pub fn theme(&self) -> Theme {
        match self {
            ThemeChoice::Light => Theme::light(),
            ThemeChoice::Dark => Theme::dark(),
            ThemeChoice::Forced([t, b, h, g]) => Theme::forced(*t, *b, *h, *g),
        }
    }
}

/// One `layout_hit` input, decoded: a valid document and everything about the screen and reader.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutCase {
    pub json: String,
    pub page_lang: String,
    /// CSS px (the container's width).
    pub width: f64,
    /// devicePixelRatio (the glue clamps it to 1..4).
    pub dpr: f64,
    pub theme: ThemeChoice,
    /// Text widths are `ApproxMeasure`'s times this (browsers' fonts differ).
    pub measure_scale: f64,
    /// window.innerHeight, for a tall chart's window.
    pub viewport_height: f64,
    /// 0..1: how far down a tall chart the page is scrolled.
    pub scroll: f64,
    pub points: Vec<(f64, f64)>,
    /// `KeyboardEvent.key` values.
    pub keys: Vec<String>,
}

fn num_to_json(v: f64) -> Value {
    if v.is_finite() {
        json!(v)
    } else {
        json!(v.to_string()) // "NaN", "inf", "-inf"
    }
}

fn num_from_json(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

impl LayoutCase {
    /// The case as written under `tests/fixtures/fuzz/layout_hit-*.json`.
    pub fn to_json(&self) -> String {
        let theme = match &self.theme {
            ThemeChoice::Light => json!("light"),
            ThemeChoice::Dark => json!("dark"),
            ThemeChoice::Forced(c) => json!({ "forced": c.iter().map(|c| json!([c.0, c.1, c.2])).collect::<Vec<_>>() }),
        };
        let v = json!({
            "json": self.json,
            "pageLang": self.page_lang,
            "width": num_to_json(self.width),
            "dpr": num_to_json(self.dpr),
            "theme": theme,
            "measureScale": num_to_json(self.measure_scale),
            "viewportHeight": num_to_json(self.viewport_height),
            "scroll": num_to_json(self.scroll),
            "points": self.points.iter().map(|(x, y)| json!([num_to_json(*x), num_to_json(*y)])).collect::<Vec<_>>(),
            "keys": self.keys,
        });
        serde_json::to_string_pretty(&v).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Result<LayoutCase, String> {
        let v: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let num = |k: &str| num_from_json(&v[k]).ok_or_else(|| format!("`{k}` is not a number"));
        let rgb = |c: &Value| -> Option<Rgb> {
            let n = |i: usize| c.get(i).and_then(Value::as_u64).and_then(|n| u8::try_from(n).ok());
            Some(Rgb(n(0)?, n(1)?, n(2)?))
        };
        let theme = match &v["theme"] {
            Value::String(s) if s == "light" => ThemeChoice::Light,
            Value::String(s) if s == "dark" => ThemeChoice::Dark,
            Value::Object(o) => {
                let list: Vec<Rgb> = o.get("forced").and_then(Value::as_array).into_iter().flatten().filter_map(rgb).collect();
                let arr: [Rgb; 4] = list.try_into().map_err(|_| "`theme.forced` needs four [r, g, b]".to_string())?;
                ThemeChoice::Forced(arr)
            }
            other => return Err(format!("bad theme {other}")),
        };
        let points = v["points"]
            .as_array()
            .ok_or("`points` is not a list")?
            .iter()
            .map(|p| Some((num_from_json(p.get(0)?)?, num_from_json(p.get(1)?)?)))
            .collect::<Option<Vec<_>>>()
            .ok_or("a point is not [x, y]")?;
        Ok(LayoutCase {
            json: v["json"].as_str().ok_or("`json` is not a string")?.to_string(),
            page_lang: v["pageLang"].as_str().unwrap_or("").to_string(),
            width: num("width")?,
            dpr: num("dpr")?,
            theme,
            measure_scale: num("measureScale")?,
            viewport_height: num("viewportHeight")?,
            scroll: num("scroll")?,
            points,
            keys: v["keys"].as_array().into_iter().flatten().filter_map(Value::as_str).map(str::to_string).collect(),
        })
    }
}

/// `ApproxMeasure` scaled: the browser's fonts are wider or narrower than the estimate.
pub struct ScaledMeasure(pub f64);

impl TextMeasure for ScaledMeasure {
    fn width_px(&self, text: &str, font: Font) -> f64 {
        ApproxMeasure.width_px(text, font) * self.0
    }
}

/// What one `layout_hit` case gave, for regression expectations.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutReport {
    /// Kinds drawn, with their bar count; kinds with nothing to draw are left out.
    pub drawn: Vec<(ChartKind, usize)>,
    pub tall: bool,
}

impl LayoutReport {
    /// One line for test expectations: `members 3, overview 9; tall`.
    pub fn summary(&self) -> String {
        let kinds: Vec<String> = self.drawn.iter().map(|(k, bars)| format!("{} {bars}", k.name())).collect();
        let kinds = if kinds.is_empty() { "nothing drawn".to_string() } else { kinds.join(", ") };
        if self.tall {
            format!("{kinds}; tall")
        } else {
            kinds
        }
    }
}

/// Canvas size and drawing target as `web.rs` `paint` makes them (a tall chart draws only the
/// window on screen), for a chart of `w` x `h` CSS px.
fn canvas_for(case: &LayoutCase, w: f64, h: f64) -> (u32, u32, Target, bool) {
    const MAX_H: f64 = 8192.0;
    const MAX_AREA: f64 = 16_777_216.0;
    let dpr = case.dpr.max(1.0).min(4.0);
    let tall = h * dpr > MAX_H || w * h * dpr * dpr > MAX_AREA;
    let window_h = if tall { case.viewport_height.max(200.0).min(MAX_H / dpr).min(h) } else { h };
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a canvas size in device px: positive, saturating")]
    let (bw, bh) = ((w * dpr).round() as u32, (window_h * dpr).round() as u32);
    let target = Target::canvas(f64::from(bw) / w);
    let target = if tall {
        let top = (case.scroll.max(0.0).min(1.0) * (h - window_h).max(0.0)).round();
        target.window(top, window_h)
    } else {
        target
    };
    (bw, bh, target, tall)
}

/// A valid document on any screen: every kind laid out (or refused for lack of data, exactly
/// when nothing has it), drawn through the SVG backend at the canvas's device size, hit at every
/// bar's centre and at the case's points, walked with its keys.
pub fn layout_hit(case: &LayoutCase) -> LayoutReport {
    // Every kind is tried below, so the data's own `chart` may have nothing to draw: validate
    // the model, not a kind (prepare would refuse that kind).
    let model = match commune_charts::model::model_from_json(&case.json) {
        Ok(m) => m,
        Err(problems) => {
            let said: Vec<String> = problems.iter().take(5).map(|p| p.message(Locale::Vi)).collect();
            panic!("the generator's document is invalid: {said:?}\n{}", cut(&case.json, 2000));
        }
    };
    let locale = commune_charts::resolve_locale(Some(&model), &case.page_lang);
    let p = Prepared { model, kind: ChartKind::Overview, locale };
    let theme = case.theme.theme();
    let scale = if case.measure_scale.is_finite() { case.measure_scale.max(0.25).min(4.0) } else { 1.0 };
    let measure = ScaledMeasure(scale);
    let keys: Vec<Key> = case.keys.iter().filter_map(|k| Key::from_dom(k)).collect();
    let mut report = LayoutReport { drawn: Vec::new(), tall: false };
    for kind in ChartKind::ALL {
        let name = kind.name();
        assert_eq!(resolve_kind(name, Some(&p.model)).ok(), Some(kind), "resolve_kind({name:?})");
        let input = LayoutInput { model: &p.model, kind, locale: p.locale, width: case.width, theme: &theme, measure: &measure };
        if let Err(problem) = commune_charts::model::check_drawable(&p.model, kind) {
            check_nothing_to_draw(&problem, &p.model, kind);
            continue;
        }
        let l = layout(&input);
        assert!(has_data(&p.model, kind), "{name} drawn though nothing has its data");
        if let Err(e) = check_layout(&l, &p.model, case.width, &measure) {
            panic!("{name} at {} px: {e}", case.width);
        }
        check_words(&p.model, kind, p.locale);
        // Preview warnings: per kind for small documents; for big ones once (their duplicate-name
        // check is quadratic, and the same for every kind).
        if p.model.communes.len() <= 40 || report.drawn.is_empty() {
            for w in warnings(&p.model, kind) {
                assert!(w.kind.is_warning(), "warnings() returned an error: {w:?}");
                check_messages(&w);
            }
        }

        // Drawing, as the canvas is drawn: the whole chart, or the window on screen.
        let (bw, bh, target, tall) = canvas_for(case, l.width, l.height);
        report.tall |= tall;
        let svg = draw_checked(&l, (bw, bh), target, !tall, |l, b, t| draw(l, b, t));
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{name}: not one SVG document");
        let lower = svg.to_lowercase();
        assert!(lower.matches("<svg").count() == 1 && !lower.contains("<script"), "{name}: text from the data became markup");

        // Pointer: the case's points, then keys from the first bar and from each point's cursor.
        let mut cursors = Vec::new();
        for &(x, y) in &case.points {
            match check_hit(&l, x, y) {
                Err(e) => panic!("{name} at {} px: {e}", case.width),
                Ok(Some(c)) => cursors.push(c),
                Ok(None) => {}
            }
            let (bx, by) = place_box(x, y, 180.0, 60.0, case.width, case.viewport_height);
            let fits = 180.0 <= case.width - 8.0 && 60.0 <= case.viewport_height - 8.0;
            if finite(&[x, y, case.width, case.viewport_height]) && fits {
                assert!(
                    bx >= 4.0 && bx + 180.0 <= case.width - 4.0 + 1e-9 && by >= 4.0 && by + 60.0 <= case.viewport_height - 4.0 + 1e-9,
                    "place_box({x}, {y}) = ({bx}, {by}) leaves the {} x {} viewport",
                    case.width,
                    case.viewport_height
                );
            }
        }
        let mut walked = check_keys(&l, &p.model, p.locale, &theme, &keys);
        for c in cursors.iter().take(8) {
            check_cursor(&l, &p.model, p.locale, &theme, *c);
            let mut c = *c;
            for &k in keys.iter().take(16) {
                c = l.step(c, k);
                check_cursor(&l, &p.model, p.locale, &theme, c);
            }
            walked.push(c);
        }
        // The highlight layer draws on its own canvas of the same size.
        for c in walked.iter().step_by(walked.len() / 4 + 1) {
            let marks = l.highlight(*c, &theme);
            draw_checked(&l, (bw, bh), target, false, |_, b, t| draw_marks(&marks, b, t));
        }
        // Cursors that are not on the chart (stale after an update) never panic.
        for c in [
            Cursor { panel: 7, row: 0, bar: None },
            Cursor { panel: 0, row: usize::MAX, bar: Some(usize::MAX) },
            Cursor { panel: 0, row: 0, bar: Some(l.bars.len()) },
        ] {
            for k in [Key::Up, Key::Down, Key::Left, Key::Right, Key::Home, Key::End] {
                let _ = l.step(c, k);
            }
            let _ = (readout(&p.model, &l, c, p.locale), l.anchor(c), l.highlight(c, &theme));
        }
        report.drawn.push((kind, l.bars.len()));
    }
    report
}

/// Draws through a checking wrapper of the SVG backend; with `strict`, every filled rectangle
/// lies on the `size` canvas (one device pixel of rounding allowed).
fn draw_checked<F>(l: &Layout, size: (u32, u32), target: Target, strict: bool, f: F) -> String
where
    F: FnOnce(&Layout, &mut Checked<'_>, Target) -> Result<(), DrawingErrorKind<std::io::Error>>,
{
    let mut out = String::new();
    {
        let mut b = Checked { inner: plotters_svg::SVGBackend::with_string(&mut out, size), size, strict, error: None };
        if let Err(e) = f(l, &mut b, target) {
            panic!("drawing failed: {e}");
        }
        if let Some(e) = b.error {
            panic!("{e} (canvas {} x {} device px, chart {} x {} CSS px)", size.0, size.1, l.width, l.height);
        }
    }
    out
}

struct Checked<'a> {
    inner: plotters_svg::SVGBackend<'a>,
    size: (u32, u32),
    strict: bool,
    error: Option<String>,
}

impl DrawingBackend for Checked<'_> {
    type ErrorType = std::io::Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<std::io::Error>> {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<std::io::Error>> {
        self.inner.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<std::io::Error>> {
        self.inner.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<std::io::Error>> {
        self.inner.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        ul: BackendCoord,
        br: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<std::io::Error>> {
        let (w, h) = (i64::from(self.size.0), i64::from(self.size.1));
        let inside = |(x, y): BackendCoord| (-1..=w + 1).contains(&i64::from(x)) && (-1..=h + 1).contains(&i64::from(y));
        if self.strict && fill && self.error.is_none() && !(inside(ul) && inside(br) && ul.0 <= br.0 && ul.1 <= br.1) {
            self.error = Some(format!("filled rectangle {ul:?}..{br:?} off the canvas"));
        }
        self.inner.draw_rect(ul, br, style, fill)
    }
    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<std::io::Error>> {
        self.inner.draw_text(text, style, pos)
    }
}

pub fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        s.chars().take(max).collect::<String>() + "…"
    }
}
