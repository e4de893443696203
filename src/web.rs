//! The browser glue (wasm32 only): owns the DOM around one chart. It sizes the canvas by
//! devicePixelRatio, observes the element's width, draws the core's layout through
//! [`crate::canvas::Canvas2d`], and shows errors in a `role="alert"` element. Everything it adds
//! lives in one wrapper `<div>` and one ResizeObserver, both removed when the chart is destroyed
//! or dropped.
//!
//! No panics here: every DOM call's `Result` is handled or deliberately ignored (`.ok()`), since
//! a panic would leave the shared wasm instance unusable for every other chart on the page.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use crate::canvas::Canvas2d;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CanvasRenderingContext2d, CustomEvent, CustomEventInit, Document, Event, EventTarget, HtmlCanvasElement, HtmlElement, KeyboardEvent,
    MouseEvent, Node, PointerEvent, ResizeObserver,
};

use crate::draw::{draw, draw_marks, Target};
use crate::interact::{place_box, readout, Cursor, Key};
use crate::layout::{layout, Layout, LayoutInput};
use crate::problem::{FetchFailure, Problem, ProblemKind, ValueTrouble};
use crate::text::{css_number, ApproxMeasure, Font, TextMeasure};
use crate::theme::{Rgb, Theme};
use crate::{prepare, Locale, Prepared};

/// Widths from one offscreen canvas context, cached: no DOM node per string, and no dependence on
/// `document.body` existing (the context works before the body is parsed). One map per font
/// (there are a handful), so a cached width costs one hash of the text: no key to build.
struct CanvasMeasure {
    ctx: Option<CanvasRenderingContext2d>,
    cache: RefCell<MeasureCache>,
}

#[derive(Default)]
struct MeasureCache {
    /// (size bits, bold) -> text -> width in CSS px.
    fonts: Vec<((u64, bool), Widths)>,
    entries: usize,
    /// The font the context is set to.
    ctx_font: Option<(u64, bool)>,
}

/// Text -> width in CSS px, for one font.
type Widths = HashMap<String, f64, foldhash::fast::FixedState>;

const MEASURE_CACHE_MAX: usize = 40_000;

impl CanvasMeasure {
    fn new(document: &Document) -> CanvasMeasure {
        let ctx = document
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
        CanvasMeasure { ctx, cache: RefCell::new(MeasureCache::default()) }
    }
}

impl TextMeasure for CanvasMeasure {
    fn width_px(&self, text: &str, font: Font) -> f64 {
        let Some(ctx) = &self.ctx else {
            return ApproxMeasure.width_px(text, font);
        };
        let key = (font.size_px.to_bits(), font.bold);
        let mut cache = self.cache.borrow_mut();
        if let Some(w) = cache.fonts.iter().find(|(k, _)| *k == key).and_then(|(_, m)| m.get(text)) {
            return *w;
        }
        if cache.ctx_font != Some(key) {
            ctx.set_font(&font.css(1.0));
            cache.ctx_font = Some(key);
        }
        let w = ctx.measure_text(text).map_or_else(|_| ApproxMeasure.width_px(text, font), |m| m.width());
        if cache.entries >= MEASURE_CACHE_MAX {
            cache.fonts.clear();
            cache.entries = 0;
        }
        let map = match cache.fonts.iter().position(|(k, _)| *k == key) {
            Some(i) => cache.fonts.get_mut(i),
            None => {
                cache.fonts.push((key, Widths::default()));
                cache.fonts.last_mut()
            }
        };
        if let Some((_, map)) = map {
            map.insert(text.to_string(), w);
            cache.entries += 1;
        }
        w
    }
}

thread_local! {
    static MEASURE: RefCell<Option<Rc<CanvasMeasure>>> = const { RefCell::new(None) };
}

fn measure(document: &Document) -> Rc<CanvasMeasure> {
    MEASURE.with(|m| {
        let mut slot = m.borrow_mut();
        if let Some(existing) = slot.as_ref() {
            return existing.clone();
        }
        let created = Rc::new(CanvasMeasure::new(document));
        *slot = Some(created.clone());
        created
    })
}

/// An event listener that removes itself when dropped (as gloo-events' `EventListener` does).
struct Listener {
    target: EventTarget,
    kind: &'static str,
    capture: bool,
    closure: Closure<dyn FnMut(Event)>,
}

impl Listener {
    fn new(target: &EventTarget, kind: &'static str, capture: bool, f: impl FnMut(Event) + 'static) -> Option<Listener> {
        let closure = Closure::<dyn FnMut(Event)>::new(f);
        target.add_event_listener_with_callback_and_bool(kind, closure.as_ref().unchecked_ref(), capture).ok()?;
        Some(Listener { target: target.clone(), kind, capture, closure })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.target.remove_event_listener_with_callback_and_bool(self.kind, self.closure.as_ref().unchecked_ref(), self.capture).ok();
    }
}

thread_local! {
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// Between `beforeprint` and `afterprint`. Page-wide, so that a chart mounted during
    /// `beforeprint` (js/api.js draws lazy charts then) prints like the others: each chart's
    /// capturing listener on the window runs before api.js's and sets it. No listener of its own.
    static PRINTING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Printing (the print dialog, or print media): charts draw light, whole, without the toggle.
fn printing() -> bool {
    PRINTING.with(std::cell::Cell::get) || media_matches("print")
}

fn next_id() -> u32 {
    NEXT_ID.with(|n| {
        let id = n.get().wrapping_add(1);
        n.set(id);
        id
    })
}

/// One chart on the page, as handed to JavaScript.
#[wasm_bindgen]
pub struct Chart {
    inner: Rc<RefCell<Inner>>,
}

/// How the current readout was opened: it decides what closes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Hover,
    Tap,
    Keyboard,
}

/// The nodes of a drawn chart; kept by `update()` with data of the same kind and language (only
/// the canvas is redrawn and the table patched), dropped (and removed) together on an error.
struct Drawn {
    /// Holds the chart's full height; `view` (canvas + overlay) sticks to the top of the
    /// viewport inside it when the chart is too tall for one canvas.
    stage: HtmlElement,
    view: HtmlElement,
    canvas: HtmlCanvasElement,
    /// The highlight layer over the canvas: redrawn on hover instead of the whole chart.
    overlay: HtmlCanvasElement,
    table: Option<Table>,
    toggle: Option<HtmlElement>,
    live: Option<HtmlElement>,
    _listeners: Vec<Listener>,
}

struct Inner {
    id: u32,
    this: Weak<RefCell<Inner>>,
    el: HtmlElement,
    document: Document,
    /// Our wrapper; every node we add is inside it, but the tooltip (in `body`, so no container
    /// can clip it).
    root: HtmlElement,
    kind_attribute: String,
    prepared: Option<Prepared>,
    layout: Option<Layout>,
    theme: Theme,
    drawn: Option<Drawn>,
    tooltip: Option<Tooltip>,
    cursor: Option<(Cursor, Source)>,
    /// What the alert shows, kept for `problems()` and the error event.
    problems: Vec<Problem>,
    problems_locale: Locale,
    /// Preview mode only: valid but suspicious data (duplicate names, members < cells…).
    warnings: Vec<Problem>,
    observer: Option<ResizeObserver>,
    _on_resize: Option<Closure<dyn FnMut(js_sys::Array)>>,
    _media_listeners: Vec<Listener>,
    drawn_width: f64,
    drawn_dpr: f64,
    /// Drawn for paper (see `printing`).
    drawn_print: bool,
    /// Tall charts: the part of the layout on the canvas now (CSS px), and its height.
    window_top: f64,
    window_height: Option<f64>,
    /// New data not yet announced (`data-state`, the ready event).
    fresh: bool,
    /// The zero-delay task that writes the rest of a big table, and its pending timer.
    /// (Typed like the listeners' closures, so that no other closure shim is compiled in.)
    table_task: Option<Closure<dyn FnMut(Event)>>,
    table_timer: Option<i32>,
}

/// Above this many device pixels of canvas height (or 16 M pixels of area) the chart draws only
/// the window on screen: a 3,321-commune chart at DPR 3 would otherwise need a 2 GB canvas.
const MAX_CANVAS_HEIGHT_DEVICE_PX: f64 = 8192.0;
const MAX_CANVAS_AREA_DEVICE_PX: f64 = 16_777_216.0;

impl Drop for Inner {
    fn drop(&mut self) {
        if let Some(o) = self.observer.take() {
            o.disconnect();
        }
        if let Some(t) = self.tooltip.take() {
            t.el.remove();
        }
        if let (Some(id), Some(w)) = (self.table_timer.take(), web_sys::window()) {
            w.clear_timeout_with_handle(id);
        }
        self.root.remove();
        self.el.remove_attribute("data-state").ok();
    }
}

/// Inline and `!important`, so a portal's stylesheet cannot resize or restyle the chart's own
/// nodes (`canvas { height: 50px !important }` loses to an important inline declaration); set
/// through CSSOM, which a CSP without `'unsafe-inline'` styles allows.
fn set_styles(el: &HtmlElement, styles: &[(&str, &str)]) {
    let style = el.style();
    for (k, v) in styles {
        style.set_property_with_priority(k, v, "important").ok();
    }
}

/// What a portal's element and universal rules (`* { font-size: 20px; line-height: 3 }`,
/// `div { display: flex; padding: 13px }`, `span { color: red }`, `table { display: block }`)
/// would change on the chart's nodes: reset on every node it creates, before its own styles.
const BASE_CSS: &str = "margin:0!important;padding:0!important;border:0!important;font:inherit!important;\
    color:inherit!important;text-align:inherit!important;text-transform:none!important;letter-spacing:normal!important;\
    word-spacing:normal!important;text-indent:0!important;";
/// Table rows and cells (most of a big chart's nodes) need only the inherited text styles: their
/// padding, border and alignment are their own styles.
const CELL_BASE_CSS: &str = "font:inherit!important;color:inherit!important;text-transform:none!important;letter-spacing:normal!important;";

fn create(document: &Document, tag: &str) -> Option<HtmlElement> {
    create_styled(document, tag, "")
}

/// A new element with the reset above and its own `css` (declarations, each `!important`), in
/// one `cssText` write (CSSOM, like `set_styles`): a 10,000-row table has 50,000 nodes.
fn create_styled(document: &Document, tag: &str, css: &str) -> Option<HtmlElement> {
    let el = document.create_element(tag).ok()?.dyn_into::<HtmlElement>().ok()?;
    let display = match tag {
        "span" | "strong" => "inline",
        "button" => "inline-block",
        "table" => "table",
        "caption" => "table-caption",
        "tbody" => "table-row-group",
        "tr" => "table-row",
        "th" | "td" => "table-cell",
        _ => "block",
    };
    let base = if matches!(tag, "tr" | "th" | "td") { CELL_BASE_CSS } else { BASE_CSS };
    let bold = if matches!(tag, "strong" | "th") { "font-weight:700!important;" } else { "" };
    el.style().set_css_text(&format!("{base}{bold}display:{display}!important;{css}"));
    Some(el)
}

fn page_lang(document: &Document) -> String {
    document.document_element().and_then(|e| e.get_attribute("lang")).unwrap_or_default()
}

fn media_matches(query: &str) -> bool {
    web_sys::window().and_then(|w| w.match_media(query).ok().flatten()).is_some_and(|m| m.matches())
}

fn device_pixel_ratio() -> f64 {
    web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0).min(4.0)
}

const VISUALLY_HIDDEN: &[(&str, &str)] = &[
    ("position", "absolute"),
    ("width", "1px"),
    ("height", "1px"),
    ("overflow", "hidden"),
    ("clip", "rect(0 0 0 0)"),
    ("clip-path", "inset(50%)"),
    ("white-space", "nowrap"),
    ("margin", "-1px"),
    ("padding", "0"),
    ("border", "0"),
];
const FONT_CSS: &str = "13px/1.4 system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, DejaVu Sans, Arial, sans-serif";

/// `rgb(1, 2, 3)` / `rgba(1, 2, 3, 1)` -> Rgb.
fn parse_rgb(css: &str) -> Option<Rgb> {
    let inner = css.trim().strip_prefix("rgb")?.trim_start_matches('a').trim_start_matches('(').trim_end_matches(')');
    // Channels are integers in computed styles; a fraction is rounded by its first decimal. No
    // f64 parsing here: core's `str::parse::<f64>` would link 15 kB of tables into the wasm.
    let mut parts = inner.split([',', ' ', '/']).filter(|p| !p.is_empty()).map(|p| {
        let (whole, fraction) = p.trim().split_once('.').unwrap_or((p.trim(), ""));
        let v = whole.parse::<u16>().ok()?.saturating_add(u16::from(fraction.starts_with(['5', '6', '7', '8', '9'])));
        Some(u8::try_from(v).unwrap_or(255))
    });
    let mut next = || -> Option<u8> { parts.next()? };
    Some(Rgb(next()?, next()?, next()?))
}

/// The user's system colour for a CSS keyword (`CanvasText`, `Highlight`…), resolved by the browser.
fn system_color(document: &Document, parent: &HtmlElement, keyword: &str) -> Option<Rgb> {
    let probe = create(document, "span")?;
    set_styles(&probe, &[("color", keyword), ("display", "none")]);
    parent.append_child(&probe).ok()?;
    let color = web_sys::window()?.get_computed_style(&probe).ok()??.get_property_value("color").ok();
    probe.remove();
    parse_rgb(&color?)
}

impl Inner {
    fn pick_theme(&self) -> Theme {
        // Paper is white: a dark page prints the light theme (ink on paper, as the article's text).
        if printing() {
            return Theme::light();
        }
        if media_matches("(forced-colors: active)") {
            let sys = |k| system_color(&self.document, &self.root, k);
            if let (Some(text), Some(bg), Some(hi), Some(gray)) = (sys("CanvasText"), sys("Canvas"), sys("Highlight"), sys("GrayText")) {
                return Theme::forced(text, bg, hi, gray);
            }
        }
        if media_matches("(prefers-color-scheme: dark)") {
            Theme::dark()
        } else {
            Theme::light()
        }
    }

    /// Drops the drawn nodes (their drop code in one place: it is not small).
    #[inline(never)]
    fn drop_drawn(&mut self) {
        self.drawn = None;
    }

    fn set_data(&mut self, json: &str) {
        let lang = page_lang(&self.document);
        match prepare(json, &self.kind_attribute, &lang) {
            Ok(prepared) => {
                let warnings = if preview_mode(&self.el) { crate::model::warnings(&prepared.model, prepared.kind) } else { Vec::new() };
                // The same language and no preview warnings: the nodes and listeners stay, the
                // canvas is redrawn and the table patched.
                if self.prepared.as_ref().map(|p| p.locale) != Some(prepared.locale) || !warnings.is_empty() || !self.warnings.is_empty() {
                    self.drop_drawn();
                }
                self.warnings = warnings;
                self.prepared = Some(prepared);
                self.problems.clear();
                self.fresh = true;
                self.drawn_width = 0.0;
                self.render();
            }
            Err((problems, locale)) => self.show_problems(&problems, locale),
        }
    }

    /// Lays out at the current width and draws; a layout problem (e.g. no commune has the
    /// field) becomes the chart's error.
    fn render(&mut self) {
        let Some(p) = &self.prepared else { return };
        let width = self.root.get_bounding_client_rect().width().floor();
        if width <= 0.0 {
            // Hidden (display:none or not yet in the page): the observer draws once it has a size.
            return;
        }
        let dpr = device_pixel_ratio();
        let theme = self.pick_theme();
        let print = printing();
        if width == self.drawn_width && dpr == self.drawn_dpr && theme == self.theme && print == self.drawn_print && self.drawn.is_some() {
            return;
        }
        let m = measure(&self.document);
        let input = LayoutInput { model: &p.model, kind: p.kind, locale: p.locale, width, theme: &theme, measure: m.as_ref() };
        match layout(&input) {
            Ok(l) => {
                let locale = p.locale;
                let summary = crate::describe::summary(&p.model, p.kind, locale);
                let table = self.fresh.then(|| (p.model.title.clone(), crate::describe::table(&p.model, p.kind, locale)));
                if self.drawn.is_none() {
                    self.build(locale);
                }
                self.theme = theme;
                self.paint(&l, &summary, dpr, print);
                self.drawn_width = width;
                self.drawn_dpr = dpr;
                self.drawn_print = print;
                self.layout = Some(l);
                self.clear_cursor();
                if let Some((title, (head, rows))) = table {
                    self.set_table(title, head, rows);
                    self.fresh = false;
                    self.el.set_attribute("data-state", "ready").ok();
                    let kind = self.layout.as_ref().map_or("", |l| l.kind.name());
                    self.dispatch("commune-chart:ready", &[("kind", kind)]);
                }
            }
            Err(problem) => {
                let locale = p.locale;
                self.show_problems(&[problem], locale);
            }
        }
    }

    /// Gives the table new contents: a small table now, a big one's first rows now (first drawing
    /// only) and the rest in a zero-delay task, after the chart is on screen. Only DOM writes
    /// here: no layout is forced.
    #[inline(never)]
    fn set_table(&mut self, title: Option<String>, head: Vec<String>, rows: Vec<Vec<String>>) {
        let d = self.document.clone();
        let Some(t) = self.drawn.as_mut().and_then(|d| d.table.as_mut()) else { return };
        // A big table already in the page is patched later, all at once: a change to some of its
        // rows would make the browser lay out all of it.
        let now = if rows.len() > TABLE_ROWS_NOW && t.wrapper.parent_node().is_some() { 0 } else { TABLE_ROWS_NOW };
        t.set(&d, title, head, rows);
        if !t.advance(&d, now) {
            self.schedule_table();
        }
        if let Some(t) = self.drawn.as_ref().and_then(|d| d.table.as_ref()) {
            if t.wrapper.parent_node().is_none() {
                self.root.append_child(&t.wrapper).ok();
            }
        }
    }

    #[inline(never)]
    fn schedule_table(&mut self) {
        if self.table_timer.is_some() {
            return;
        }
        let Some(w) = web_sys::window() else { return };
        let task = self.table_task.get_or_insert_with(|| {
            let this = self.this.clone();
            Closure::<dyn FnMut(Event)>::new(move |_| {
                if let Some(inner) = this.upgrade() {
                    if let Ok(mut inner) = inner.try_borrow_mut() {
                        inner.table_timer = None;
                        let d = inner.document.clone();
                        if let Some(t) = inner.drawn.as_mut().and_then(|d| d.table.as_mut()) {
                            t.advance(&d, usize::MAX);
                        }
                    }
                }
            })
        });
        self.table_timer = w.set_timeout_with_callback_and_timeout_and_arguments_0(task.as_ref().unchecked_ref(), 0).ok();
    }

    /// Creates the canvas, highlight layer, data table, toggle and live region, and the
    /// listeners that make the bars readable by pointer, touch and keyboard.
    fn build(&mut self, locale: Locale) {
        self.root.set_text_content(None);
        let d = &self.document;
        if !self.warnings.is_empty() {
            if let Some(box_) = build_warnings(d, &self.warnings, locale) {
                self.root.append_child(&box_).ok();
            }
        }
        let canvas_of = |e: Option<HtmlElement>| e.and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok());
        let (Some(stage), Some(view), Some(canvas), Some(overlay)) =
            (create(d, "div"), create(d, "div"), canvas_of(create(d, "canvas")), canvas_of(create(d, "canvas")))
        else {
            return;
        };
        set_styles(&stage, &[("position", "relative"), ("display", "block"), ("margin", "0"), ("padding", "0"), ("line-height", "0")]);
        set_styles(&view, &[("position", "relative"), ("display", "block"), ("margin", "0"), ("padding", "0"), ("top", "0")]);
        let reset: &[(&str, &str)] = &[
            ("display", "block"),
            ("max-width", "none"),
            ("min-width", "0"),
            ("margin", "0"),
            ("padding", "0"),
            ("border", "0"),
            ("box-sizing", "content-box"),
        ];
        set_styles(&canvas, reset);
        set_styles(&overlay, reset);
        set_styles(&overlay, &[("position", "absolute"), ("left", "0"), ("top", "0"), ("pointer-events", "none")]);
        overlay.set_attribute("aria-hidden", "true").ok();
        canvas.set_attribute("role", "img").ok();
        canvas.set_attribute("tabindex", "0").ok();
        view.append_child(&canvas).ok();
        view.append_child(&overlay).ok();
        stage.append_child(&view).ok();
        self.root.append_child(&stage).ok();

        let words = table_words(locale);
        let hint_id = format!("commune-chart-{}-hint", self.id);
        if let Some(hint) = create(d, "span") {
            hint.set_id(&hint_id);
            hint.set_text_content(Some(words.0));
            set_styles(&hint, VISUALLY_HIDDEN);
            self.root.append_child(&hint).ok();
            canvas.set_attribute("aria-describedby", &hint_id).ok();
        }
        let live = create(d, "div");
        if let Some(live) = &live {
            live.set_attribute("aria-live", "polite").ok();
            live.set_attribute("aria-atomic", "true").ok();
            set_styles(live, VISUALLY_HIDDEN);
            self.root.append_child(live).ok();
        }
        // Filled by `set_table`, and put in the page after the first rows are in.
        let table = Table::new(d);
        let toggle = create(d, "button");
        if let (Some(toggle), Some(_)) = (&toggle, &table) {
            toggle.set_attribute("type", "button").ok();
            toggle.set_attribute("aria-expanded", "false").ok();
            toggle.set_text_content(Some(words.1));
            set_styles(
                toggle,
                &[
                    ("display", "inline-block"),
                    ("margin", "6px 0 0"),
                    ("padding", "3px 10px"),
                    ("font", FONT_CSS),
                    ("color", "inherit"),
                    ("background", "transparent"),
                    ("border", "1px solid currentColor"),
                    ("border-radius", "3px"),
                    ("cursor", "pointer"),
                    ("opacity", "0.85"),
                    ("width", "auto"),
                    ("height", "auto"),
                ],
            );
            self.root.append_child(toggle).ok();
        }

        let mut listeners = Vec::new();
        let target: &EventTarget = canvas.as_ref();
        let doc_target: &EventTarget = self.document.as_ref();
        let w = self.this.clone();
        let with = |f: fn(&mut Inner, &Event)| handler(w.clone(), f);
        listeners.extend(Listener::new(target, "pointermove", false, with(|i, e| i.on_pointer_move(e))));
        listeners.extend(Listener::new(
            target,
            "pointerleave",
            false,
            with(|i, _| {
                if i.cursor.is_some_and(|(_, s)| s == Source::Hover) {
                    i.clear_cursor();
                }
            }),
        ));
        listeners.extend(Listener::new(target, "click", false, with(|i, e| i.on_tap(e))));
        listeners.extend(Listener::new(target, "keydown", false, with(|i, e| i.on_key(e))));
        listeners.extend(Listener::new(target, "focus", false, with(|i, _| i.focus_ring(true))));
        listeners.extend(Listener::new(
            target,
            "blur",
            false,
            with(|i, _| {
                i.focus_ring(false);
                if i.cursor.is_some_and(|(_, s)| s == Source::Keyboard) {
                    i.clear_cursor();
                }
            }),
        ));
        // A tap outside the chart, Escape anywhere, or scrolling closes a tapped/hovered readout.
        listeners.extend(Listener::new(
            doc_target,
            "pointerdown",
            true,
            with(|i, e| {
                let inside = e.target().and_then(|t| t.dyn_into::<Node>().ok()).is_some_and(|n| i.root.contains(Some(&n)));
                if !inside && i.cursor.is_some_and(|(_, s)| s == Source::Tap) {
                    i.clear_cursor();
                }
            }),
        ));
        listeners.extend(Listener::new(
            doc_target,
            "keydown",
            false,
            with(|i, e| {
                let escape = e.dyn_ref::<KeyboardEvent>().is_some_and(|k| k.key() == "Escape");
                if escape && i.cursor.is_some_and(|(_, s)| s != Source::Keyboard) {
                    i.clear_cursor();
                }
            }),
        ));
        listeners.extend(Listener::new(
            doc_target,
            "scroll",
            true,
            with(|i, _| {
                if i.cursor.is_some_and(|(_, s)| s != Source::Keyboard) {
                    i.clear_cursor();
                }
                i.scroll_window();
            }),
        ));
        if let (Some(toggle), Some(_)) = (&toggle, &table) {
            let t: &EventTarget = toggle.as_ref();
            listeners.extend(Listener::new(t, "click", false, with(|i, _| i.toggle_table())));
        }
        self.drawn = Some(Drawn { stage, view, canvas, overlay, table, toggle, live, _listeners: listeners });
    }

    fn paint(&mut self, l: &Layout, summary: &str, dpr: f64, print: bool) {
        // Print: the whole chart on one canvas at 2 device px per CSS px (crisp on paper), or
        // as many as the canvas limits allow (at least 1); only taller charts stay a window.
        let fit = (MAX_CANVAS_HEIGHT_DEVICE_PX / l.height).min((MAX_CANVAS_AREA_DEVICE_PX / (l.width * l.height)).sqrt());
        let dpr = if print && fit >= 1.0 { dpr.max(2.0).min(fit) } else { dpr };
        let tall = l.height * dpr > MAX_CANVAS_HEIGHT_DEVICE_PX || l.width * l.height * dpr * dpr > MAX_CANVAS_AREA_DEVICE_PX;
        let viewport = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|v| v.as_f64()).unwrap_or(800.0);
        // A tall chart's canvas is one viewport high and sticks to the top while its stage scrolls.
        let window_height = if tall { viewport.max(200.0).min(MAX_CANVAS_HEIGHT_DEVICE_PX / dpr).min(l.height) } else { l.height };
        self.window_height = tall.then_some(window_height);
        // Read before any write, so that no layout is forced between them.
        self.window_top = self.visible_top(l.height, window_height);
        let Some(drawn) = &self.drawn else { return };
        drawn.canvas.set_attribute("aria-label", summary).ok();
        if tall {
            set_styles(&drawn.stage, &[("height", &px(l.height))]);
            set_styles(&drawn.view, &[("position", "sticky")]);
        } else {
            drawn.stage.style().remove_property("height").ok();
            set_styles(&drawn.view, &[("position", "relative")]);
        }
        // Backing store = CSS size x DPR; the scale actually used is the rounded store / CSS size.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let (bw, bh) = ((l.width * dpr).round() as u32, (window_height * dpr).round() as u32);
        let (css_width, css_height) = (px(l.width), px(window_height));
        for c in [&drawn.canvas, &drawn.overlay] {
            c.set_width(bw);
            c.set_height(bh);
            // On paper narrower than the chart the canvas scales down, keeping its proportions.
            let (max_width, height) = if print { ("100%", "auto") } else { ("none", css_height.as_str()) };
            set_styles(c, &[("width", &css_width), ("height", height), ("max-width", max_width)]);
        }
        if let Some(toggle) = &drawn.toggle {
            set_styles(toggle, &[("display", if print { "none" } else { "inline-block" })]);
        }
        self.draw_window(l);
    }

    /// Where the sticky canvas is within the chart (CSS px): 0 unless a tall chart is scrolled.
    fn visible_top(&self, chart_height: f64, window_height: f64) -> f64 {
        let Some(drawn) = &self.drawn else { return 0.0 };
        if self.window_height.is_none() {
            return 0.0;
        }
        let stage_top = drawn.stage.get_bounding_client_rect().top();
        (-stage_top).max(0.0).min((chart_height - window_height).max(0.0)).round()
    }

    fn target(&self, canvas: &HtmlCanvasElement, l: &Layout) -> Target {
        let t = Target::canvas(f64::from(canvas.width()) / l.width);
        match self.window_height {
            Some(h) => t.window(self.window_top, h),
            None => t,
        }
    }

    fn draw_window(&self, l: &Layout) {
        let Some(drawn) = &self.drawn else { return };
        let target = self.target(&drawn.canvas, l);
        if let Some(mut backend) = Canvas2d::new(&drawn.canvas) {
            draw(l, &mut backend, target).ok();
        }
    }

    /// Tall charts: redraw the part now on screen, and the keyboard highlight with it.
    fn scroll_window(&mut self) {
        let (Some(h), Some(l)) = (self.window_height, &self.layout) else { return };
        let top = self.visible_top(l.height, h);
        if (top - self.window_top).abs() < 0.5 {
            return;
        }
        self.window_top = top;
        self.draw_window(l);
        if let Some((c, Source::Keyboard)) = self.cursor {
            self.draw_highlight(c);
            // Move the tooltip with its bar (without announcing it again).
            let (Some(l), Some(p), Some(drawn)) = (&self.layout, &self.prepared, &self.drawn) else { return };
            let (Some(text), Some(r)) = (readout(&p.model, l, c, p.locale), l.anchor(c)) else { return };
            let rect = drawn.canvas.get_bounding_client_rect();
            let (x, y) = (rect.left() + (r.x0 + r.x1) / 2.0, rect.top() + r.y1 - top);
            self.show_tooltip(&text.title, &text.lines, text.focus, x, y);
        }
    }

    fn draw_highlight(&self, c: Cursor) {
        let (Some(l), Some(drawn)) = (&self.layout, &self.drawn) else { return };
        let overlay = &drawn.overlay;
        if let Some(ctx) = overlay.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok()) {
            ctx.clear_rect(0.0, 0.0, f64::from(overlay.width()), f64::from(overlay.height()));
        }
        let target = self.target(overlay, l);
        if let Some(mut backend) = Canvas2d::new(overlay) {
            draw_marks(&l.highlight(c, &self.theme), &mut backend, target).ok();
        }
    }

    fn canvas_point(&self, e: &Event) -> Option<(f64, f64, f64, f64)> {
        let m = e.dyn_ref::<MouseEvent>()?;
        let rect = self.drawn.as_ref()?.canvas.get_bounding_client_rect();
        let (cx, cy) = (f64::from(m.client_x()), f64::from(m.client_y()));
        Some((cx - rect.left(), cy - rect.top() + self.window_top, cx, cy))
    }

    fn on_pointer_move(&mut self, e: &Event) {
        if e.dyn_ref::<PointerEvent>().is_some_and(|p| p.pointer_type() == "touch") {
            return; // touch moves scroll the page; taps arrive as clicks
        }
        if self.cursor.is_some_and(|(_, s)| s == Source::Keyboard) {
            return;
        }
        let Some((x, y, cx, cy)) = self.canvas_point(e) else { return };
        match self.layout.as_ref().and_then(|l| l.hit(x, y)) {
            Some(hit) => self.set_cursor(Cursor::from(hit), Source::Hover, Some((cx, cy))),
            None => self.clear_cursor(),
        }
    }

    fn on_tap(&mut self, e: &Event) {
        let Some((x, y, cx, cy)) = self.canvas_point(e) else { return };
        match self.layout.as_ref().and_then(|l| l.hit(x, y)) {
            Some(hit) => self.set_cursor(Cursor::from(hit), Source::Tap, Some((cx, cy))),
            None => self.clear_cursor(),
        }
    }

    fn on_key(&mut self, e: &Event) {
        let Some(k) = e.dyn_ref::<KeyboardEvent>() else { return };
        if k.alt_key() || k.ctrl_key() || k.meta_key() {
            return;
        }
        if k.key() == "Escape" {
            if self.cursor.is_some() {
                self.clear_cursor();
                e.prevent_default();
            }
            return;
        }
        let Some(key) = Key::from_dom(&k.key()) else { return };
        let Some(l) = &self.layout else { return };
        let next = match self.cursor {
            Some((c, _)) => l.step(c, key),
            None => match l.first_cursor() {
                Some(c) if key == Key::End => l.step(c, Key::End),
                Some(c) => c,
                None => return,
            },
        };
        e.prevent_default();
        self.set_cursor(next, Source::Keyboard, None);
    }

    /// Highlights `c`, shows its readout next to `at` (client px) or its bar, and for keyboard
    /// users announces it through the live region.
    fn set_cursor(&mut self, c: Cursor, source: Source, at: Option<(f64, f64)>) {
        let (Some(l), Some(p), Some(drawn)) = (&self.layout, &self.prepared, &self.drawn) else { return };
        let Some(text) = readout(&p.model, l, c, p.locale) else { return };
        let same = self.cursor.is_some_and(|(old, _)| old == c);
        // A keyboard step to a bar outside a tall chart's window scrolls the page to it first
        // (the scroll handler then redraws the window and comes back here).
        if let (Some(h), Some(r), true) = (self.window_height, l.anchor(c), source == Source::Keyboard) {
            let delta = if r.y0 < self.window_top {
                r.y0 - self.window_top - 8.0
            } else if r.y1 > self.window_top + h {
                r.y1 - self.window_top - h + 8.0
            } else {
                0.0
            };
            if delta != 0.0 {
                if let Some(w) = web_sys::window() {
                    w.scroll_by_with_x_and_y(0.0, delta);
                }
            }
        }
        let window_top = self.window_top;
        let anchor = at.or_else(|| {
            let r = l.anchor(c)?;
            let rect = drawn.canvas.get_bounding_client_rect();
            Some((rect.left() + (r.x0 + r.x1) / 2.0, rect.top() + r.y1 - window_top))
        });
        if source == Source::Keyboard {
            if let Some(live) = &drawn.live {
                // At the first or last bar a key changes nothing: say the readout again (a
                // changed no-break space at the end makes screen readers repeat it), so the
                // reader hears where they are rather than silence.
                let mut sentence = text.sentence();
                if same && live.text_content().is_some_and(|t| t == sentence) {
                    sentence.push('\u{a0}');
                }
                live.set_text_content(Some(&sentence));
            }
        }
        self.cursor = Some((c, source));
        if !same {
            // Highlight layer only: the chart itself is not redrawn.
            self.draw_highlight(c);
        }
        if let Some((x, y)) = anchor {
            self.show_tooltip(&text.title, &text.lines, text.focus, x, y);
        }
    }

    fn clear_cursor(&mut self) {
        if self.cursor.take().is_none() {
            return;
        }
        if let Some(overlay) = self.drawn.as_ref().map(|d| &d.overlay) {
            if let Some(ctx) = overlay.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok()) {
                ctx.clear_rect(0.0, 0.0, f64::from(overlay.width()), f64::from(overlay.height()));
            }
        }
        if let Some(t) = &self.tooltip {
            set_styles(&t.el, &[("display", "none")]);
        }
    }

    /// Shows the readout next to (x, y). A pointer move to another bar rewrites only the text
    /// that differs and the position: the tooltip's nodes and colours stay.
    fn show_tooltip(&mut self, title: &str, lines: &[String], focus: Option<usize>, x: f64, y: f64) {
        if self.tooltip.is_none() {
            self.tooltip = self.create_tooltip().map(|el| Tooltip { el, colors: None, texts: Vec::new(), focus: None });
        }
        let Some(tip) = self.tooltip.as_mut() else { return };
        let t = &self.theme;
        let colors = (t.background, t.text, t.muted);
        if tip.colors != Some(colors) {
            let border = format!("1px solid {}", t.muted.hex());
            set_styles(&tip.el, &[("background", &t.background.hex()), ("color", &t.text.hex()), ("border", &border)]);
            tip.colors = Some(colors);
        }
        set_styles(&tip.el, &[("display", "block")]);
        // The title, then one node per line; the focused line (a segment's group) in bold.
        let texts = std::iter::once(title).chain(lines.iter().map(String::as_str));
        let mut node = tip.el.first_element_child();
        let mut count = 0;
        for (i, text) in texts.enumerate() {
            count = i + 1;
            let (el, new) = match node.take() {
                Some(el) => (el, false),
                None => {
                    let Some(el) = create(&self.document, if i == 0 { "strong" } else { "div" }) else { break };
                    set_styles(&el, &[("display", "block"), ("margin", if i == 0 { "0 0 2px" } else { "0" })]);
                    tip.el.append_child(&el).ok();
                    (el.into(), true)
                }
            };
            if new || tip.texts.get(i).is_none_or(|shown| shown != text) {
                el.set_text_content(Some(text));
            }
            if i > 0 && (new || tip.focus != focus) {
                if let Some(h) = el.dyn_ref::<HtmlElement>() {
                    set_styles(h, &[("font-weight", if focus == Some(i - 1) { "700" } else { "400" })]);
                }
            }
            node = el.next_element_sibling();
        }
        while let Some(extra) = node {
            node = extra.next_element_sibling();
            extra.remove();
        }
        tip.texts = std::iter::once(title.to_string()).chain(lines.iter().cloned()).take(count).collect();
        tip.focus = focus;
        // Keep it inside the viewport: measured after the text is in.
        let (vw, vh) =
            self.document.document_element().map_or((1024.0, 768.0), |e| (f64::from(e.client_width()), f64::from(e.client_height())));
        let (w, h) = (f64::from(tip.el.offset_width()), f64::from(tip.el.offset_height()));
        let (left, top) = place_box(x, y, w, h, vw, vh);
        set_styles(&tip.el, &[("left", &px(left)), ("top", &px(top))]);
    }

    fn create_tooltip(&self) -> Option<HtmlElement> {
        let tip = create(&self.document, "div")?;
        tip.set_attribute("role", "tooltip").ok();
        tip.set_id(&format!("commune-chart-{}-tooltip", self.id));
        set_styles(
            &tip,
            &[
                ("position", "fixed"),
                ("z-index", "2147483647"),
                ("pointer-events", "none"),
                ("box-sizing", "border-box"),
                ("max-width", "min(320px, calc(100vw - 8px))"),
                ("padding", "7px 10px"),
                ("border-radius", "4px"),
                ("box-shadow", "0 2px 8px rgba(0,0,0,.25)"),
                ("font", FONT_CSS),
                ("text-align", "left"),
                ("white-space", "normal"),
                ("overflow-wrap", "anywhere"),
                ("margin", "0"),
                ("width", "max-content"),
                ("height", "auto"),
                ("display", "none"),
            ],
        );
        // In <body> (or the root element), so no overflow:hidden container can clip it.
        let host: Node = match self.document.body() {
            Some(b) => b.into(),
            None => self.document.document_element()?.into(),
        };
        host.append_child(&tip).ok()?;
        Some(tip)
    }

    fn focus_ring(&self, on: bool) {
        let Some(d) = &self.drawn else { return };
        let s = d.canvas.style();
        if on {
            set_styles(
                &d.canvas,
                &[("outline", "3px solid Highlight"), ("outline", "3px solid -webkit-focus-ring-color"), ("outline-offset", "2px")],
            );
        } else {
            s.remove_property("outline").ok();
            s.remove_property("outline-offset").ok();
        }
    }

    fn toggle_table(&self) {
        let Some(d) = &self.drawn else { return };
        let (_, show_text, hide_text) = table_words(self.prepared.as_ref().map_or(Locale::Vi, |p| p.locale));
        let (Some(table), Some(toggle)) = (d.table.as_ref().map(|t| &t.wrapper), &d.toggle) else { return };
        let open = toggle.get_attribute("aria-expanded").as_deref() == Some("true");
        toggle.set_attribute("aria-expanded", if open { "false" } else { "true" }).ok();
        toggle.set_text_content(Some(if open { show_text } else { hide_text }));
        if open {
            set_styles(table, VISUALLY_HIDDEN);
        } else {
            let s = table.style();
            for (k, _) in VISUALLY_HIDDEN {
                s.remove_property(k).ok();
            }
            set_styles(table, &[("display", "block"), ("overflow-x", "auto"), ("margin", "8px 0 0"), ("max-width", "100%")]);
        }
    }

    fn show_problems(&mut self, problems: &[Problem], locale: Locale) {
        self.prepared = None;
        self.layout = None;
        self.drop_drawn();
        self.cursor = None;
        // The quoted line fits the box (13 px monospace ≈ 8 px a character, inside 48 px of
        // padding and border), so on a phone the caret is on screen, not scrolled away. Read
        // before the DOM writes below, so no layout is forced between them.
        let width = self.root.get_bounding_client_rect().width();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let excerpt_chars = if width > 0.0 { ((width - 48.0) / 8.0).floor().max(12.0) as usize } else { usize::MAX };
        if let Some(t) = self.tooltip.take() {
            t.el.remove();
        }
        self.root.set_text_content(None);
        if let Some(alert) = build_alert(&self.document, problems, locale, excerpt_chars) {
            self.root.append_child(&alert).ok();
        }
        self.el.set_attribute("data-state", "error").ok();
        self.problems = problems.to_vec();
        self.problems_locale = locale;
        let message = self.error_text().unwrap_or_default();
        let list = self.problems_js();
        self.dispatch_with("commune-chart:error", &[("message", &message)], &[("problems", list.into())]);
    }

    /// The alert's problems as text, one per line; `None` when the data is drawable.
    fn error_text(&self) -> Option<String> {
        (!self.problems.is_empty()).then(|| self.problems.iter().map(|p| p.message(self.problems_locale)).collect::<Vec<_>>().join("\n"))
    }

    /// `[{path, line, column, message}]` for the problems shown; line and column are 0 when
    /// unknown.
    fn problems_js(&self) -> js_sys::Array {
        let list = js_sys::Array::new();
        for p in &self.problems {
            let obj = js_sys::Object::new();
            let (line, column) = p.line_column().unwrap_or((0, 0));
            let set = |k: &str, v: JsValue| js_sys::Reflect::set(&obj, &JsValue::from_str(k), &v).ok();
            set("path", JsValue::from_str(&p.path));
            #[allow(clippy::cast_precision_loss)]
            {
                set("line", JsValue::from_f64(line as f64));
                set("column", JsValue::from_f64(column as f64));
            }
            set("message", JsValue::from_str(&p.message(self.problems_locale)));
            list.push(&obj);
        }
        list
    }

    fn dispatch(&self, name: &str, detail: &[(&str, &str)]) {
        self.dispatch_with(name, detail, &[]);
    }

    fn dispatch_with(&self, name: &str, detail: &[(&str, &str)], values: &[(&str, JsValue)]) {
        let obj = js_sys::Object::new();
        for (k, v) in detail {
            js_sys::Reflect::set(&obj, &JsValue::from_str(k), &JsValue::from_str(v)).ok();
        }
        for (k, v) in values {
            js_sys::Reflect::set(&obj, &JsValue::from_str(k), v).ok();
        }
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_detail(&obj);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            self.el.dispatch_event(&event).ok();
        }
    }
}

/// The keyboard hint, and the data-table toggle's two labels.
fn table_words(locale: Locale) -> (&'static str, &'static str, &'static str) {
    match locale {
        Locale::Vi => ("Dùng phím mũi tên để đọc từng thanh, Esc để thoát.", "Xem bảng số liệu", "Ẩn bảng số liệu"),
        Locale::En => ("Use the arrow keys to read each bar, Escape to leave.", "Show data table", "Hide data table"),
    }
}

/// An event callback that reaches the chart through a weak reference (the chart owns its
/// listeners, so a strong one would never be freed) and skips re-entrant events.
fn handler(this: Weak<RefCell<Inner>>, f: fn(&mut Inner, &Event)) -> impl FnMut(Event) {
    move |e: Event| {
        if let Some(inner) = this.upgrade() {
            if let Ok(mut inner) = inner.try_borrow_mut() {
                f(&mut inner, &e);
            }
        }
    }
}

/// A data table cell's own styles (first column: the row's name).
const CELL_CSS_LEFT: &str = "padding:3px 8px!important;text-align:left!important;border-bottom:1px solid rgba(128,128,128,.4)!important;white-space:nowrap!important";
const CELL_CSS_RIGHT: &str = "padding:3px 8px!important;text-align:right!important;border-bottom:1px solid rgba(128,128,128,.4)!important;white-space:nowrap!important";

/// Rows written at once; a bigger table gets the rest in a zero-delay task.
const TABLE_ROWS_NOW: usize = 100;

/// The tooltip element (in `body`) and what it shows now, so a move rewrites only what changed.
struct Tooltip {
    el: HtmlElement,
    /// Background, text and border colours as set (a theme change sets them again).
    colors: Option<(Rgb, Rgb, Rgb)>,
    /// Title, then one text per line.
    texts: Vec<String>,
    /// The line in bold.
    focus: Option<usize>,
}

/// The data table in a wrapper that is visually hidden until the reader asks for it (a table
/// box ignores width/height, a block does not); screen readers always read it. It knows what it
/// shows, so new data only rewrites the cells that changed.
struct Table {
    wrapper: HtmlElement,
    table: HtmlElement,
    /// The data rows' parent: filled while out of the page when many rows are added.
    body: HtmlElement,
    /// Caption and header as shown: a change rebuilds the table.
    key: Option<(Option<String>, Vec<String>)>,
    rows: Vec<(HtmlElement, Vec<String>)>,
    want: Vec<Vec<String>>,
    /// Rows before this index of `want` are in the DOM.
    next: usize,
}

impl Table {
    fn new(document: &Document) -> Option<Table> {
        let wrapper = create(document, "div")?;
        set_styles(&wrapper, VISUALLY_HIDDEN);
        let table = create(document, "table")?;
        set_styles(
            &table,
            &[("border-collapse", "collapse"), ("font", FONT_CSS), ("color", "inherit"), ("margin", "0"), ("width", "auto")],
        );
        wrapper.append_child(&table).ok()?;
        let body = create(document, "tbody")?;
        Some(Table { wrapper, table, body, key: None, rows: Vec::new(), want: Vec::new(), next: 0 })
    }

    #[inline(never)]
    fn set(&mut self, document: &Document, title: Option<String>, head: Vec<String>, rows: Vec<Vec<String>>) {
        let key = Some((title, head));
        if key != self.key {
            self.table.set_text_content(None);
            self.body.set_text_content(None);
            self.rows.clear();
            if let Some((title, head)) = &key {
                if let Some((t, caption)) = title.as_ref().zip(create(document, "caption")) {
                    caption.set_text_content(Some(t));
                    set_styles(&caption, &[("text-align", "left"), ("font-weight", "700"), ("padding", "0 0 4px")]);
                    self.table.append_child(&caption).ok();
                }
                if let Some(tr) = Table::row(document, head, true) {
                    self.table.append_child(&tr).ok();
                }
            }
            self.table.append_child(&self.body).ok();
            self.key = key;
        }
        self.want = rows;
        self.next = 0;
    }

    /// A new row, its cells styled and their text set.
    #[inline(never)]
    fn row(document: &Document, cells: &[String], header: bool) -> Option<HtmlElement> {
        let tr = create(document, "tr")?;
        for (i, c) in cells.iter().enumerate() {
            let css = if i == 0 { CELL_CSS_LEFT } else { CELL_CSS_RIGHT };
            let cell = create_styled(document, if header || i == 0 { "th" } else { "td" }, css)?;
            cell.set_attribute("scope", if header { "col" } else { "row" }).ok();
            cell.set_text_content(Some(c));
            tr.append_child(&cell).ok()?;
        }
        Some(tr)
    }

    /// Brings up to `budget` more rows in line with `want`; true when the table is complete.
    #[inline(never)]
    fn advance(&mut self, document: &Document, budget: usize) -> bool {
        let end = self.want.len().min(self.next.saturating_add(budget));
        let mut want = std::mem::take(&mut self.want);
        // Many new rows are added with the body out of the page: one insertion, not thousands.
        let detach = end.saturating_sub(self.rows.len().max(self.next)) > TABLE_ROWS_NOW && self.body.parent_node().is_some();
        if detach {
            self.body.remove();
        }
        // Every row has the header's cells (a new header rebuilds the table).
        for (i, cells) in want.iter_mut().enumerate().take(end).skip(self.next) {
            if let Some((tr, shown)) = self.rows.get_mut(i) {
                if shown != cells {
                    fill(tr, cells, shown);
                    std::mem::swap(shown, cells);
                }
            } else if let Some(tr) = Table::row(document, cells, false) {
                self.body.append_child(&tr).ok();
                self.rows.push((tr, std::mem::take(cells)));
            }
        }
        self.next = end;
        let done = end >= want.len();
        if done {
            for (tr, _) in self.rows.drain(want.len().min(self.rows.len())..) {
                tr.remove();
            }
        }
        if detach {
            self.table.append_child(&self.body).ok();
        }
        self.want = want;
        done
    }
}

/// Sets the text of `tr`'s cells to `cells`, skipping those equal to `shown`.
#[inline(never)]
fn fill(tr: &HtmlElement, cells: &[String], shown: &[String]) {
    let mut cell = tr.first_element_child();
    for (i, text) in cells.iter().enumerate() {
        let Some(c) = cell else { return };
        if shown.get(i) != Some(text) {
            c.set_text_content(Some(text));
        }
        cell = c.next_element_sibling();
    }
}

/// Preview mode: `?commune-charts-debug` in the page's URL, or `data-preview` on the element.
fn preview_mode(el: &HtmlElement) -> bool {
    el.get_attribute("data-preview").is_some_and(|v| !v.trim().eq_ignore_ascii_case("false"))
        || el.owner_document().and_then(|d| d.url().ok()).is_some_and(|url| {
            let query = url.split('#').next().unwrap_or_default().split_once('?').map_or("", |(_, q)| q);
            query.split('&').any(|p| p.split('=').next() == Some("commune-charts-debug"))
        })
}

/// The preview-only list of warnings above the chart (`role="status"`: announced, not urgent).
fn build_warnings(document: &Document, warnings: &[Problem], locale: Locale) -> Option<HtmlElement> {
    let box_ = create(document, "div")?;
    box_.set_attribute("role", "status").ok();
    box_.set_attribute("data-commune-chart-warnings", "").ok();
    let dark = media_matches("(prefers-color-scheme: dark)");
    let (border, background, color) = if dark { ("#f0b341", "#2e2200", "#ffe7b0") } else { ("#8a5a00", "#fff4d6", "#3d2800") };
    set_styles(
        &box_,
        &[
            ("box-sizing", "border-box"),
            ("margin", "0 0 8px"),
            ("padding", "8px 12px"),
            ("border-left", &format!("4px solid {border}")),
            ("background", background),
            ("color", color),
            ("font", FONT_CSS),
            ("text-align", "left"),
            ("overflow-wrap", "anywhere"),
        ],
    );
    let heading = create(document, "strong")?;
    heading.set_text_content(Some(match locale {
        Locale::Vi => "Cảnh báo khi xem trước (?commune-charts-debug hoặc data-preview; bỏ data-preview trước khi đăng bài)",
        Locale::En => "Preview warnings (?commune-charts-debug or data-preview; remove data-preview before publishing)",
    }));
    set_styles(&heading, &[("display", "block")]);
    box_.append_child(&heading).ok()?;
    for w in warnings.iter().take(MAX_PROBLEMS_SHOWN) {
        let line = create(document, "div")?;
        line.set_text_content(Some(&w.message(locale)));
        box_.append_child(&line).ok()?;
    }
    append_more(document, &box_, warnings.len(), locale, Locale::Vi.words().warning)?;
    Some(box_)
}

/// A CSS length in px.
fn px(value: f64) -> String {
    css_number(value) + "px"
}

const MAX_PROBLEMS_SHOWN: usize = 6;

fn build_alert(document: &Document, problems: &[Problem], locale: Locale, excerpt_chars: usize) -> Option<HtmlElement> {
    let alert = create(document, "div")?;
    alert.set_attribute("role", "alert").ok();
    set_styles(
        &alert,
        &[
            ("box-sizing", "border-box"),
            ("margin", "0"),
            ("padding", "12px 14px"),
            ("font", "14px/1.45 system-ui, -apple-system, Segoe UI, Roboto, DejaVu Sans, Arial, sans-serif"),
            ("text-align", "left"),
            ("overflow-wrap", "anywhere"),
        ],
    );
    // Dark pages get a dark box (both pairs are above 7:1 contrast).
    let dark = media_matches("(prefers-color-scheme: dark)");
    let (border, background, color) = if dark { ("#ff8a80", "#3b1513", "#ffdad6") } else { ("#b3261e", "#fdecea", "#410e0b") };
    set_styles(&alert, &[("border-left", &format!("4px solid {border}")), ("background", background), ("color", color)]);
    let heading = create(document, "strong")?;
    heading.set_text_content(Some(locale.words().cannot_draw));
    set_styles(&heading, &[("display", "block"), ("margin-bottom", "4px")]);
    alert.append_child(&heading).ok()?;
    for p in problems.iter().take(MAX_PROBLEMS_SHOWN) {
        let line = create(document, "div")?;
        line.set_text_content(Some(&p.message(locale)));
        alert.append_child(&line).ok()?;
        if let Some(excerpt) = p.excerpt_within(excerpt_chars) {
            let pre = create(document, "pre")?;
            pre.set_text_content(Some(&excerpt));
            set_styles(
                &pre,
                &[
                    ("margin", "6px 0 0"),
                    ("padding", "6px 8px"),
                    ("background", if dark { "#1d0b0a" } else { "#fff" }),
                    ("color", color),
                    ("font", "13px/1.35 ui-monospace, Menlo, Consolas, Noto Sans Mono, monospace"),
                    ("overflow-x", "auto"),
                    ("white-space", "pre"),
                ],
            );
            alert.append_child(&pre).ok()?;
        }
    }
    append_more(document, &alert, problems.len(), locale, "lỗi")?;
    Some(alert)
}

/// "… and N more" under a box that shows only the first `MAX_PROBLEMS_SHOWN` of `total`.
fn append_more(document: &Document, box_: &HtmlElement, total: usize, locale: Locale, vi_noun: &str) -> Option<()> {
    if total > MAX_PROBLEMS_SHOWN {
        let more = create(document, "div")?;
        let n = total - MAX_PROBLEMS_SHOWN;
        more.set_text_content(Some(&match locale {
            Locale::Vi => format!("… và {n} {vi_noun} khác"),
            Locale::En => format!("… and {n} more"),
        }));
        box_.append_child(&more).ok()?;
    }
    Some(())
}

fn start(el: HtmlElement, kind_attribute: &str) -> Result<Chart, JsValue> {
    let document = el.owner_document().ok_or_else(|| JsValue::from_str("element has no document"))?;
    let root = create(&document, "div").ok_or_else(|| JsValue::from_str("cannot create element"))?;
    set_styles(
        &root,
        &[("position", "relative"), ("display", "block"), ("width", "100%"), ("min-width", "0"), ("box-sizing", "border-box")],
    );
    el.append_child(&root)?;
    el.set_attribute("data-state", "loading").ok();
    let inner = Rc::new_cyclic(|this| {
        RefCell::new(Inner {
            id: next_id(),
            this: this.clone(),
            el: el.clone(),
            document,
            root: root.clone(),
            kind_attribute: kind_attribute.to_string(),
            prepared: None,
            layout: None,
            theme: Theme::light(),
            drawn: None,
            tooltip: None,
            cursor: None,
            problems: Vec::new(),
            problems_locale: Locale::default(),
            warnings: Vec::new(),
            observer: None,
            _on_resize: None,
            _media_listeners: Vec::new(),
            drawn_width: 0.0,
            drawn_dpr: 0.0,
            drawn_print: false,
            window_top: 0.0,
            window_height: None,
            fresh: false,
            table_task: None,
            table_timer: None,
        })
    });
    let weak: Weak<RefCell<Inner>> = Rc::downgrade(&inner);
    let rerender = move || {
        if let Some(inner) = weak.upgrade() {
            if let Ok(mut inner) = inner.try_borrow_mut() {
                inner.render();
            }
        }
    };
    let on_resize = {
        let rerender = rerender.clone();
        Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| rerender())
    };
    // Theme changes (dark mode, high contrast) redraw the chart.
    let mut media_listeners = Vec::new();
    if let Some(w) = web_sys::window() {
        // Printing redraws (light, whole, no toggle), and afterwards for the screen: the print
        // dialog sends beforeprint/afterprint (capturing, so the flag is set before api.js's
        // listener draws lazy charts); print media alone (emulation, previews) changes `print`.
        let mut targets: Vec<(EventTarget, &'static str, bool)> = Vec::new();
        for q in ["(prefers-color-scheme: dark)", "(forced-colors: active)", "print"] {
            if let Some(mql) = w.match_media(q).ok().flatten() {
                targets.push((mql.into(), "change", false));
            }
        }
        targets.push((w.clone().into(), "beforeprint", true));
        targets.push((w.into(), "afterprint", true));
        for (target, kind, capture) in targets {
            let rerender = rerender.clone();
            let print = match kind {
                "beforeprint" => Some(true),
                "afterprint" => Some(false),
                _ => None,
            };
            // One closure type for all (each closure type is code in the wasm).
            media_listeners.extend(Listener::new(&target, kind, capture, move |_| {
                if let Some(on) = print {
                    PRINTING.with(|p| p.set(on));
                }
                rerender();
            }));
        }
    }
    if let Ok(mut i) = inner.try_borrow_mut() {
        i._media_listeners = media_listeners;
        if let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&root);
            i.observer = Some(observer);
            i._on_resize = Some(on_resize);
        }
    }
    Ok(Chart { inner })
}

/// Renders `json` into `el` as chart kind `kind_attribute` (empty: the data's `chart`, else
/// overview). Always returns a chart: invalid data shows its alert and `is_ready()` is false.
#[wasm_bindgen]
pub fn mount(el: HtmlElement, json: &str, kind_attribute: &str) -> Result<Chart, JsValue> {
    let chart = start(el, kind_attribute)?;
    if let Ok(mut inner) = chart.inner.try_borrow_mut() {
        if json.trim().is_empty() {
            let locale = Locale::from_tag(&page_lang(&inner.document)).unwrap_or_default();
            inner.show_problems(&[Problem::at("", ProblemKind::NoData)], locale);
        } else {
            inner.set_data(json);
        }
    }
    Ok(chart)
}

/// A chart whose data could not be fetched: shows why, in the page's language. `why` is
/// `status` (with the HTTP `status`), `network`, `timeout` (`status` = seconds), `html` or `empty`.
#[wasm_bindgen]
pub fn mount_fetch_error(el: HtmlElement, url: &str, why: &str, status: u16) -> Result<Chart, JsValue> {
    let chart = start(el, "")?;
    if let Ok(mut inner) = chart.inner.try_borrow_mut() {
        let locale = Locale::from_tag(&page_lang(&inner.document)).unwrap_or_default();
        let why = match why {
            "timeout" => FetchFailure::Timeout { seconds: u32::from(status) },
            "html" => FetchFailure::NotJson,
            "empty" => FetchFailure::Empty,
            "cut" => FetchFailure::Cut,
            "network" => FetchFailure::Network,
            _ => FetchFailure::Status(status),
        };
        inner.show_problems(&[Problem::at("data-src", ProblemKind::FetchFailed { url: url.to_string(), why })], locale);
    }
    Ok(chart)
}

/// A value given to `render()` / `update()` that cannot be read as JSON data: shows why at `path`
/// (`communes[2].self`), in the page's language. `why` is `cycle`, `bigint`, `throws` or `data`.
#[wasm_bindgen]
pub fn mount_input_error(el: HtmlElement, path: &str, why: &str) -> Result<Chart, JsValue> {
    let chart = start(el, "")?;
    if let Ok(mut inner) = chart.inner.try_borrow_mut() {
        let locale = Locale::from_tag(&page_lang(&inner.document)).unwrap_or_default();
        let why = match why {
            "cycle" => ValueTrouble::Cycle,
            "bigint" => ValueTrouble::BigInt,
            "throws" => ValueTrouble::Throws,
            _ => ValueTrouble::NotData,
        };
        inner.show_problems(&[Problem::at(path, ProblemKind::UnreadableValue { why })], locale);
    }
    Ok(chart)
}

#[wasm_bindgen]
impl Chart {
    /// Replaces the data; returns whether the chart is now drawn.
    pub fn update(&self, json: &str) -> bool {
        if let Ok(mut inner) = self.inner.try_borrow_mut() {
            inner.set_data(json);
        }
        self.is_ready()
    }

    pub fn is_ready(&self) -> bool {
        self.inner.try_borrow().is_ok_and(|i| i.problems.is_empty() && i.drawn.is_some())
    }

    /// The error text shown in the alert, if any.
    pub fn error_message(&self) -> Option<String> {
        self.inner.try_borrow().ok().and_then(|i| i.error_text())
    }

    /// The problems the alert shows: `[{path, line, column, message}]` (empty when ready).
    pub fn problems(&self) -> js_sys::Array {
        self.inner.try_borrow().map_or_else(|_| js_sys::Array::new(), |i| i.problems_js())
    }

    /// Removes the observer, every listener and every node this chart added.
    pub fn destroy(self) {
        drop(self);
    }
}
