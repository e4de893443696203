//! The browser glue (wasm32 only): owns the DOM around one chart. It sizes the canvas by
//! devicePixelRatio, observes the element's width, draws the core's layout through
//! plotters-canvas, and shows errors in a `role="alert"` element. Everything it adds lives in one
//! wrapper `<div>` and one ResizeObserver, both removed when the chart is destroyed or dropped.
//!
//! No panics here: every DOM call's `Result` is handled or deliberately ignored (`.ok()`), since
//! a panic would leave the shared wasm instance unusable for every other chart on the page.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, CustomEvent, CustomEventInit, Document, HtmlCanvasElement, HtmlElement, ResizeObserver};

use crate::draw::{draw, Target};
use crate::layout::{layout, Layout, LayoutInput};
use crate::problem::{Problem, ProblemKind};
use crate::text::{ApproxMeasure, Font, TextMeasure};
use crate::theme::Theme;
use crate::{prepare, Locale, Prepared};

/// Widths from one offscreen canvas context, cached: no DOM node per string, and no dependence on
/// `document.body` existing (the context works before the body is parsed).
struct CanvasMeasure {
    ctx: Option<CanvasRenderingContext2d>,
    cache: RefCell<HashMap<String, f64>>,
}

const MEASURE_CACHE_MAX: usize = 20_000;

impl CanvasMeasure {
    fn new(document: &Document) -> CanvasMeasure {
        let ctx = document
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
        CanvasMeasure { ctx, cache: RefCell::new(HashMap::new()) }
    }
}

impl TextMeasure for CanvasMeasure {
    fn width_px(&self, text: &str, font: Font) -> f64 {
        let Some(ctx) = &self.ctx else {
            return ApproxMeasure.width_px(text, font);
        };
        let css = font.css(1.0);
        let key = format!("{css}\u{0}{text}");
        if let Some(w) = self.cache.borrow().get(&key) {
            return *w;
        }
        ctx.set_font(&css);
        let w = ctx.measure_text(text).map_or_else(|_| ApproxMeasure.width_px(text, font), |m| m.width());
        let mut cache = self.cache.borrow_mut();
        if cache.len() >= MEASURE_CACHE_MAX {
            cache.clear();
        }
        cache.insert(key, w);
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

/// One chart on the page, as handed to JavaScript.
#[wasm_bindgen]
pub struct Chart {
    inner: Rc<RefCell<Inner>>,
}

struct Inner {
    el: HtmlElement,
    document: Document,
    /// Our wrapper; every node we add is inside it.
    root: HtmlElement,
    kind_attribute: String,
    prepared: Option<Prepared>,
    layout: Option<Layout>,
    canvas: Option<HtmlCanvasElement>,
    error: Option<String>,
    observer: Option<ResizeObserver>,
    _on_resize: Option<Closure<dyn FnMut(js_sys::Array)>>,
    drawn_width: f64,
    drawn_dpr: f64,
}

impl Drop for Inner {
    fn drop(&mut self) {
        if let Some(o) = self.observer.take() {
            o.disconnect();
        }
        self.root.remove();
        self.el.remove_attribute("data-state").ok();
    }
}

fn set_styles(el: &HtmlElement, styles: &[(&str, &str)]) {
    let style = el.style();
    for (k, v) in styles {
        style.set_property(k, v).ok();
    }
}

fn create(document: &Document, tag: &str) -> Option<HtmlElement> {
    document.create_element(tag).ok()?.dyn_into::<HtmlElement>().ok()
}

fn page_lang(document: &Document) -> String {
    document.document_element().and_then(|e| e.get_attribute("lang")).unwrap_or_default()
}

fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

fn device_pixel_ratio() -> f64 {
    web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).clamp(1.0, 4.0)
}

impl Inner {
    fn set_data(&mut self, json: &str) {
        let lang = page_lang(&self.document);
        match prepare(json, &self.kind_attribute, &lang) {
            Ok(prepared) => {
                self.prepared = Some(prepared);
                self.error = None;
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
        if width == self.drawn_width && dpr == self.drawn_dpr && self.error.is_none() {
            return;
        }
        let theme = if prefers_dark() { Theme::dark() } else { Theme::light() };
        let m = measure(&self.document);
        let input = LayoutInput { model: &p.model, kind: p.kind, locale: p.locale, width, theme: &theme, measure: m.as_ref() };
        match layout(&input) {
            Ok(l) => {
                let locale = p.locale;
                let summary = crate::describe::summary(&p.model, p.kind, locale);
                let (head, rows) = crate::describe::table(&p.model, p.kind, locale);
                let title = p.model.title.clone();
                self.show_chart(&l, &summary, title.as_deref(), &head, &rows, dpr);
                self.drawn_width = width;
                self.drawn_dpr = dpr;
                self.layout = Some(l);
            }
            Err(problem) => {
                let locale = p.locale;
                self.show_problems(&[problem], locale);
            }
        }
    }

    fn show_chart(&mut self, l: &Layout, summary: &str, title: Option<&str>, head: &[String], rows: &[Vec<String>], dpr: f64) {
        let first_time = self.canvas.is_none();
        if first_time {
            self.root.set_text_content(None);
            let Some(canvas) = create(&self.document, "canvas").and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok()) else {
                return;
            };
            canvas.set_attribute("role", "img").ok();
            set_styles(&canvas, &[("display", "block"), ("max-width", "none"), ("margin", "0"), ("padding", "0"), ("border", "0")]);
            self.root.append_child(&canvas).ok();
            if let Some(table) = build_table(&self.document, title, head, rows) {
                self.root.append_child(&table).ok();
            }
            self.canvas = Some(canvas);
        }
        let Some(canvas) = &self.canvas else { return };
        canvas.set_attribute("aria-label", summary).ok();
        // Backing store = CSS size x DPR; the scale actually used is the rounded store / CSS size.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let (bw, bh) = ((l.width * dpr).round() as u32, (l.height * dpr).round() as u32);
        canvas.set_width(bw);
        canvas.set_height(bh);
        set_styles(canvas, &[("width", &format!("{}px", l.width)), ("height", &format!("{}px", l.height))]);
        if let Some(mut backend) = CanvasBackend::with_canvas_object(canvas.clone()) {
            let scale = f64::from(bw) / l.width;
            draw(l, &mut backend, Target::canvas(scale)).ok();
        }
        if first_time || self.el.get_attribute("data-state").as_deref() != Some("ready") {
            self.el.set_attribute("data-state", "ready").ok();
            self.dispatch("commune-chart:ready", &[("kind", l.kind.name())]);
        }
    }

    fn show_problems(&mut self, problems: &[Problem], locale: Locale) {
        self.prepared = None;
        self.layout = None;
        self.canvas = None;
        self.root.set_text_content(None);
        let message = problems.iter().map(|p| p.message(locale)).collect::<Vec<_>>().join("\n");
        if let Some(alert) = build_alert(&self.document, problems, locale) {
            self.root.append_child(&alert).ok();
        }
        self.el.set_attribute("data-state", "error").ok();
        self.dispatch("commune-chart:error", &[("message", &message)]);
        self.error = Some(message);
    }

    fn dispatch(&self, name: &str, detail: &[(&str, &str)]) {
        let obj = js_sys::Object::new();
        for (k, v) in detail {
            js_sys::Reflect::set(&obj, &JsValue::from_str(k), &JsValue::from_str(v)).ok();
        }
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_detail(&obj);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            self.el.dispatch_event(&event).ok();
        }
    }
}

fn build_table(document: &Document, title: Option<&str>, head: &[String], rows: &[Vec<String>]) -> Option<HtmlElement> {
    let table = create(document, "table")?;
    // Visually hidden, still read by screen readers.
    set_styles(&table, &[
        ("position", "absolute"), ("width", "1px"), ("height", "1px"), ("overflow", "hidden"),
        ("clip", "rect(0 0 0 0)"), ("clip-path", "inset(50%)"), ("white-space", "nowrap"), ("margin", "-1px"),
        ("padding", "0"), ("border", "0"),
    ]);
    if let Some(t) = title {
        let caption = create(document, "caption")?;
        caption.set_text_content(Some(t));
        table.append_child(&caption).ok()?;
    }
    let add_row = |cells: &[String], tag: &str| -> Option<()> {
        let tr = create(document, "tr")?;
        for (i, c) in cells.iter().enumerate() {
            let cell = create(document, if tag == "th" || i == 0 { "th" } else { "td" })?;
            if tag != "th" && i == 0 {
                cell.set_attribute("scope", "row").ok();
            } else if tag == "th" {
                cell.set_attribute("scope", "col").ok();
            }
            cell.set_text_content(Some(c));
            tr.append_child(&cell).ok()?;
        }
        table.append_child(&tr).ok()?;
        Some(())
    };
    add_row(head, "th")?;
    for r in rows {
        add_row(r, "td")?;
    }
    Some(table)
}

const MAX_PROBLEMS_SHOWN: usize = 6;

fn build_alert(document: &Document, problems: &[Problem], locale: Locale) -> Option<HtmlElement> {
    let alert = create(document, "div")?;
    alert.set_attribute("role", "alert").ok();
    set_styles(&alert, &[
        ("box-sizing", "border-box"), ("margin", "0"), ("padding", "12px 14px"), ("border-left", "4px solid #b3261e"),
        ("background", "#fdecea"), ("color", "#410e0b"), ("font", "14px/1.45 system-ui, -apple-system, Segoe UI, Roboto, DejaVu Sans, Arial, sans-serif"),
        ("text-align", "left"), ("overflow-wrap", "anywhere"),
    ]);
    let heading = create(document, "strong")?;
    heading.set_text_content(Some(match locale {
        Locale::Vi => "Không vẽ được biểu đồ",
        Locale::En => "The chart cannot be drawn",
    }));
    set_styles(&heading, &[("display", "block"), ("margin-bottom", "4px")]);
    alert.append_child(&heading).ok()?;
    for p in problems.iter().take(MAX_PROBLEMS_SHOWN) {
        let line = create(document, "div")?;
        line.set_text_content(Some(&p.message(locale)));
        alert.append_child(&line).ok()?;
        if let Some(excerpt) = p.excerpt() {
            let pre = create(document, "pre")?;
            pre.set_text_content(Some(&excerpt));
            set_styles(&pre, &[("margin", "6px 0 0"), ("padding", "6px 8px"), ("background", "#fff"), ("color", "#410e0b"), ("font", "13px/1.35 ui-monospace, DejaVu Sans Mono, Menlo, Consolas, monospace"), ("overflow-x", "auto"), ("white-space", "pre")]);
            alert.append_child(&pre).ok()?;
        }
    }
    if problems.len() > MAX_PROBLEMS_SHOWN {
        let more = create(document, "div")?;
        let n = problems.len() - MAX_PROBLEMS_SHOWN;
        more.set_text_content(Some(&match locale {
            Locale::Vi => format!("… và {n} lỗi khác"),
            Locale::En => format!("… and {n} more"),
        }));
        alert.append_child(&more).ok()?;
    }
    Some(alert)
}

fn start(el: HtmlElement, kind_attribute: &str) -> Result<Chart, JsValue> {
    let document = el.owner_document().ok_or_else(|| JsValue::from_str("element has no document"))?;
    let root = create(&document, "div").ok_or_else(|| JsValue::from_str("cannot create element"))?;
    set_styles(&root, &[("position", "relative"), ("display", "block"), ("width", "100%"), ("min-width", "0"), ("box-sizing", "border-box")]);
    el.append_child(&root)?;
    el.set_attribute("data-state", "loading").ok();
    let inner = Rc::new(RefCell::new(Inner {
        el: el.clone(),
        document,
        root: root.clone(),
        kind_attribute: kind_attribute.to_string(),
        prepared: None,
        layout: None,
        canvas: None,
        error: None,
        observer: None,
        _on_resize: None,
        drawn_width: 0.0,
        drawn_dpr: 0.0,
    }));
    let weak: Weak<RefCell<Inner>> = Rc::downgrade(&inner);
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        if let Some(inner) = weak.upgrade() {
            if let Ok(mut inner) = inner.try_borrow_mut() {
                inner.render();
            }
        }
    });
    if let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&root);
        if let Ok(mut i) = inner.try_borrow_mut() {
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

/// A chart whose data could not be fetched: shows why, in the page's language.
#[wasm_bindgen]
pub fn mount_fetch_error(el: HtmlElement, url: &str, status: u16) -> Result<Chart, JsValue> {
    let chart = start(el, "")?;
    if let Ok(mut inner) = chart.inner.try_borrow_mut() {
        let locale = Locale::from_tag(&page_lang(&inner.document)).unwrap_or_default();
        inner.show_problems(&[Problem::at("data-src", ProblemKind::FetchFailed { url: url.to_string(), status })], locale);
    }
    Ok(chart)
}

#[wasm_bindgen]
impl Chart {
    /// Replaces the data; returns whether the chart is now drawn.
    pub fn update(&self, json: &str) -> bool {
        if let Ok(mut inner) = self.inner.try_borrow_mut() {
            inner.canvas = None;
            inner.set_data(json);
        }
        self.is_ready()
    }

    pub fn is_ready(&self) -> bool {
        self.inner.try_borrow().is_ok_and(|i| i.error.is_none())
    }

    /// The error text shown in the alert, if any.
    pub fn error_message(&self) -> Option<String> {
        self.inner.try_borrow().ok().and_then(|i| i.error.clone())
    }

    /// Removes the observer and every node this chart added; the element is left as it was.
    pub fn destroy(self) {
        drop(self);
    }
}
