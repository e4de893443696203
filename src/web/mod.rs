//! The browser glue (wasm32 only): owns the DOM around each chart. See ARCHITECTURE.md.
//!
//! Every chart lives in an open shadow root on a `<div data-commune-chart-root>` inside its
//! element, styled by one constructed sheet (`style.rs`). Its width comes from a ResizeObserver
//! on its layout box (CSS px, unaffected by transforms), its backing store from the canvas's
//! device-pixel box (devicePixelRatio x CSS zoom, redrawn when either changes), and an
//! IntersectionObserver lets far charts give back their backing stores. Everything it adds
//! (nodes, listeners, observers) goes when the chart is destroyed or dropped.
//!
//! No panics here: every DOM call's `Result` is handled or deliberately ignored (`.ok()`), since
//! a panic would leave the shared wasm instance unusable for every other chart on the page.

mod alert;
mod canvas;
mod chart;
mod dom;
mod find;
mod input;
mod keep;
mod listener;
mod measure;
mod media;
mod style;
mod table;
mod tooltip;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlElement, IntersectionObserver, IntersectionObserverInit, ResizeObserver, ResizeObserverBoxOptions, ResizeObserverEntry,
    ResizeObserverOptions,
};

use chart::Inner;
use dom::{element, page_lang, window_of};
use media::media_listeners;

use crate::Locale;

/// One chart on the page, as handed to JavaScript.
#[wasm_bindgen]
pub struct Chart {
    inner: Rc<RefCell<Inner>>,
}

thread_local! {
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A number unique on the page: chart ids and explanation requests.
pub(crate) fn next_id() -> u32 {
    NEXT_ID.with(|n| {
        let id = n.get().wrapping_add(1);
        n.set(id);
        id
    })
}

/// Runs `f` on the chart if it still exists and is not busy (a re-entrant event).
pub(crate) fn with_inner(this: &Weak<RefCell<Inner>>, f: impl FnOnce(&mut Inner)) {
    if let Some(inner) = this.upgrade() {
        if let Ok(mut inner) = inner.try_borrow_mut() {
            f(&mut inner);
        }
    }
}

fn property(value: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Also watch the canvas's device-pixel box: it changes with browser zoom, CSS zoom and a move to
/// another screen, when the CSS box may not (the scale itself is read in `device_px_per_css`).
pub(crate) fn observe_device_pixels(observer: &ResizeObserver, canvas: &Element) {
    let options = ResizeObserverOptions::new();
    options.set_box(ResizeObserverBoxOptions::DevicePixelContentBox);
    observer.observe_with_options(canvas, &options);
}

/// The ResizeObserver's entries: the content box's width (CSS px of the layout); a change of the
/// canvas's device-pixel box only redraws.
fn on_resize(inner: &mut Inner, entries: &js_sys::Array) {
    for entry in entries.iter() {
        let entry = entry.unchecked_into::<ResizeObserverEntry>();
        if &entry.target() == AsRef::<Element>::as_ref(&inner.root) {
            inner.width = entry.content_rect().width();
        }
    }
    inner.render();
}

fn start(el: HtmlElement, kind_attribute: &str) -> Result<Chart, JsValue> {
    let fail = |what: &str| JsValue::from(js_sys::Error::new(&crate::cat!("commune-charts: ", what)));
    let document = el.owner_document().ok_or_else(|| fail("the element is not in a document"))?;
    let view = window_of(&document).ok_or_else(|| fail("the element's document has no window"))?;
    // A clone of a drawn chart (a carousel) carries our host without its shadow root: one chart.
    let children = el.children();
    for i in (0..children.length()).rev() {
        if let Some(c) = children.item(i).filter(|c| c.has_attribute("data-commune-chart-root")) {
            c.remove();
        }
    }
    let host = element(&document, "div", "").ok_or_else(|| fail("cannot create an element"))?;
    host.set_attribute("data-commune-chart-root", "").ok();
    el.append_child(&host)?;
    let parts = style::attach(&document, &host).and_then(|shadow| {
        let root = element(&document, "div", "c")?;
        shadow.append_child(&root).ok()?;
        Some((shadow, root))
    });
    let Some((shadow, root)) = parts else {
        host.remove();
        return Err(fail("cannot attach a shadow root"));
    };
    el.set_attribute("data-state", "loading").ok();
    let inner = Rc::new_cyclic(|this| {
        RefCell::new(Inner::new(this.clone(), next_id(), el, (document, view.clone()), host, shadow.into(), root.clone(), kind_attribute))
    });
    let weak = Rc::downgrade(&inner);
    // One closure type for both observers (each closure type is code in the wasm).
    let on_resize_cb = {
        let w = weak.clone();
        Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| with_inner(&w, |i| on_resize(i, &entries)))
    };
    let on_near_cb = {
        let w = weak.clone();
        Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let near = entries.iter().last().map(|e| property(&e, "isIntersecting").is_truthy());
            if let Some(near) = near {
                with_inner(&w, |i| i.set_near(near));
            }
        })
    };
    let resize = ResizeObserver::new(on_resize_cb.as_ref().unchecked_ref()).ok();
    let near_init = IntersectionObserverInit::new();
    // Pixels for the viewport and one viewport-height above and below it.
    near_init.set_root_margin("100% 0px");
    let near = IntersectionObserver::new_with_options(on_near_cb.as_ref().unchecked_ref(), &near_init).ok();
    let media = media_listeners(&view, &weak);
    if let Ok(mut i) = inner.try_borrow_mut() {
        if let Some(o) = &resize {
            o.observe(&root);
        }
        if let Some(o) = &near {
            o.observe(&i.host);
        }
        i.observer = resize;
        i.io = near;
        i.callbacks = vec![on_resize_cb, on_near_cb];
        i.media = media;
    }
    Ok(Chart { inner })
}

/// The page's language for a chart that has no data to say it in.
fn page_locale(inner: &Inner) -> Locale {
    Locale::from_tag(&page_lang(&inner.document)).unwrap_or_default()
}

/// Renders `json` into `el` as chart kind `kind_attribute` (empty: the data's `chart`, else
/// overview); `at`: the time of the data (ms since the epoch; the ready event's `updatedAt`), or NaN.
/// Always returns a chart: for invalid data it asks for an explanation (`explain_request`) and
/// `is_ready()` is false.
#[wasm_bindgen]
pub fn mount(el: HtmlElement, json: &str, kind_attribute: &str, at: f64) -> Result<Chart, JsValue> {
    let chart = start(el, kind_attribute)?;
    if let Ok(mut inner) = chart.inner.try_borrow_mut() {
        if json.trim().is_empty() {
            let locale = page_locale(&inner);
            inner.fail(locale);
        } else {
            inner.set_data(json, at, false);
        }
    }
    Ok(chart)
}

/// A chart whose data could not be had (`data-src` failed, or a value given to `render()` is not
/// JSON data): js/api.js asks the explanations module why, in the page's language.
#[wasm_bindgen]
pub fn mount_failed(el: HtmlElement) -> Result<Chart, JsValue> {
    let chart = start(el, "")?;
    if let Ok(mut inner) = chart.inner.try_borrow_mut() {
        let locale = page_locale(&inner);
        inner.fail(locale);
    }
    Ok(chart)
}

#[wasm_bindgen]
impl Chart {
    /// Replaces the data (`at`: as `mount`'s). With `keep` (a refresh, js/refresh.js) invalid
    /// data leaves a drawn chart as it was and returns false; otherwise returns true.
    pub fn update(&self, json: &str, at: f64, keep: bool) -> bool {
        self.inner.try_borrow_mut().map_or(true, |mut inner| inner.set_data(json, at, keep))
    }

    /// Picks the theme again (the page's `color-scheme` or the element's `data-theme` changed;
    /// js/api.js watches them) and redraws if it differs.
    pub fn restyle(&self) {
        if let Ok(mut inner) = self.inner.try_borrow_mut() {
            inner.restyle();
        }
    }

    /// Drawn (or valid and waiting for a width). Invalid data has no drawn nodes: `fail()` drops
    /// them, and only valid data builds them.
    pub fn is_ready(&self) -> bool {
        self.inner.try_borrow().is_ok_and(|i| i.drawn.is_some())
    }

    /// The error text shown in the alert, if any.
    pub fn error_message(&self) -> Option<String> {
        self.inner.try_borrow().ok().and_then(|i| i.errors.as_ref().map(alert::Said::text))
    }

    /// The problems the alert shows: `[{path, line, column, message}]` (empty when ready).
    pub fn problems(&self) -> js_sys::Array {
        self.inner.try_borrow().ok().and_then(|i| i.errors.as_ref().map(alert::Said::to_js)).unwrap_or_default()
    }

    /// What to ask the explanations module (`crate::explain`), or `undefined`: `{serial, lang,
    /// error, preview, chars}` (`chars`: how many characters of a quoted line fit the box). The
    /// caller adds the task and its data.
    pub fn explain_request(&self) -> JsValue {
        let Ok(inner) = self.inner.try_borrow() else { return JsValue::UNDEFINED };
        let Some(asking) = inner.asking else { return JsValue::UNDEFINED };
        // The quoted line fits the box (13 px monospace ≈ 8 px a character, inside 48 px of
        // padding and border), so on a phone the caret is on screen, not scrolled away.
        let width = f64::from(inner.root.client_width());
        let chars = if width > 0.0 { ((width - 48.0) / 8.0).floor().max(12.0) } else { 0.0 };
        let obj = js_sys::Object::new();
        alert::set(&obj, "serial", &JsValue::from(asking.serial));
        alert::set(&obj, "lang", &JsValue::from_str(asking.locale.tag()));
        alert::set(&obj, "error", &JsValue::from_bool(asking.error));
        alert::set(&obj, "preview", &JsValue::from_bool(!asking.error));
        alert::set(&obj, "chars", &JsValue::from_f64(chars));
        obj.into()
    }

    /// The explanations module's answer to request `serial` (see `explain_request`); an answer
    /// to an older request is ignored.
    pub fn explain(&self, answer: &str, serial: u32) {
        if let Ok(mut inner) = self.inner.try_borrow_mut() {
            inner.explained(answer, serial);
        }
    }

    /// Removes the observers, every listener and every node this chart added.
    pub fn destroy(self) {
        drop(self);
    }
}
