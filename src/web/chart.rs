//! One chart's state and its drawing: data in, layout at the width of its layout box, the canvas
//! sized to it (backing store from the device-pixel box the browser reports), the table and the
//! summary kept in step. Input (pointer, keyboard, readouts) is in `input.rs`; the nodes' looks
//! are the shared sheet's (`style.rs`).

use std::cell::RefCell;
use std::rc::Weak;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Event, EventTarget, HtmlCanvasElement, HtmlElement, IntersectionObserver, Node, ResizeObserver, Window};

use super::alert::{Asking, Said};
use super::canvas::Canvas2d;
use super::dom::{element, page_lang, preview_mode, px, set_style};
use super::listener::Listener;
use super::measure::measure;
use super::media::printing;
use super::table::Table;
use super::tooltip::Tooltip;
use crate::draw::{draw, Target};
use crate::interact::Cursor;
use crate::layout::{layout, Layout, LayoutInput};
use crate::text::css_number;
use crate::theme::Theme;
use crate::{prepare, Locale, Prepared};

/// How the current readout was opened: it decides what closes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    Hover,
    Tap,
    Keyboard,
    /// A suggestion of the search box chosen (`find.rs`): as the keyboard's, with the focus
    /// still in the box.
    Find,
}

impl Source {
    /// Opened by a key (arrows on the canvas, or a choice in the search box): announced in the
    /// live region, and kept while the page scrolls.
    pub(crate) fn by_key(self) -> bool {
        matches!(self, Source::Keyboard | Source::Find)
    }
}

/// The nodes of a drawn chart; kept by `update()` with data of the same kind and language (only
/// the canvas is redrawn and the table patched), dropped (and removed) together on an error.
pub(crate) struct Drawn {
    /// Holds the chart's full height; `view` (canvas + highlight) sticks to the top of the
    /// viewport inside it when the chart is too tall for one canvas.
    pub(crate) stage: HtmlElement,
    pub(crate) canvas: HtmlCanvasElement,
    /// The highlight frame over the hovered or focused bar: a positioned box, not a second canvas.
    pub(crate) mark: HtmlElement,
    pub(crate) table: Option<Table>,
    pub(crate) toggle: Option<HtmlElement>,
    pub(crate) live: Option<HtmlElement>,
    /// The search box of a long chart (`find.rs`).
    pub(crate) find: Option<super::find::Find>,
    _listeners: Vec<Listener>,
}

/// What the canvas was last drawn for: a change of any redraws (of width or theme, lays out).
#[derive(Clone, PartialEq)]
struct DrawnFor {
    width: f64,
    dpr: f64,
    print: bool,
    pixels: bool,
    theme: Theme,
}

pub(crate) struct Inner {
    pub(crate) id: u32,
    pub(crate) this: Weak<RefCell<Inner>>,
    pub(crate) el: HtmlElement,
    pub(crate) document: Document,
    pub(crate) view: Window,
    /// The `<div data-commune-chart-root>` in the element; its open shadow root holds the rest.
    pub(crate) host: HtmlElement,
    /// The shadow root (the tooltip's parent).
    pub(crate) shadow: Node,
    /// The content box inside the shadow root: cleared and rebuilt; its width is the chart's.
    pub(crate) root: HtmlElement,
    pub(crate) kind_attribute: String,
    pub(crate) prepared: Option<Prepared>,
    pub(crate) layout: Option<Layout>,
    pub(crate) theme: Theme,
    pub(crate) drawn: Option<Drawn>,
    pub(crate) tooltip: Option<Tooltip>,
    pub(crate) cursor: Option<(Cursor, Source)>,
    /// What the alert of invalid data says, kept for `problems()` and the error event.
    pub(crate) errors: Option<Said>,
    /// Preview mode only: valid but suspicious data (duplicate names, members < cells…), and
    /// the box that shows it.
    pub(crate) warnings: Option<Said>,
    pub(crate) warn_box: Option<HtmlElement>,
    /// An explanation wanted from the explanations module (see `alert.rs`).
    pub(crate) asking: Option<Asking>,
    /// The content box's width (CSS px of the layout, unaffected by transforms), from the
    /// ResizeObserver; 0 while hidden.
    pub(crate) width: f64,
    /// The `(resolution: …dppx)` listener for the devicePixelRatio drawn at (a window moved to
    /// another screen, browser zoom), re-armed at each new ratio.
    dpr_listener: Option<(f64, Listener)>,
    /// Near the viewport (IntersectionObserver): far charts give back their backing store.
    pub(crate) near: bool,
    drawn_for: Option<DrawnFor>,
    /// Tall charts: the part of the layout on the canvas now (CSS px), and its height.
    pub(crate) window_top: f64,
    pub(crate) window_height: Option<f64>,
    /// New data not yet announced (`data-state`, the ready event).
    fresh: bool,
    /// The time of the data (a `data-src`'s Last-Modified, else when it came; js/refresh.js) in
    /// ms since the epoch, the ready event's `updatedAt` (a `Date`); NaN for other data.
    pub(crate) updated_at: f64,
    pub(crate) observer: Option<ResizeObserver>,
    pub(crate) io: Option<IntersectionObserver>,
    /// The observers' callbacks and the media-query and print listeners (dropped with the chart).
    pub(crate) callbacks: Vec<Closure<dyn FnMut(js_sys::Array)>>,
    pub(crate) media: Vec<Listener>,
    /// Whether the page opted into dark (`media.rs`), read once rather than at every render (a
    /// computed style read): forgotten when the page's theme or the media change.
    pub(crate) page_dark: std::cell::Cell<Option<bool>>,
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
        if let Some(o) = self.io.take() {
            o.disconnect();
        }
        self.host.remove();
        self.el.remove_attribute("data-state").ok();
    }
}

impl Inner {
    #[expect(clippy::too_many_arguments, reason = "the parts `start` made, each once")]
    pub(crate) fn new(
        this: Weak<RefCell<Inner>>,
        id: u32,
        el: HtmlElement,
        (document, view): (Document, Window),
        host: HtmlElement,
        shadow: Node,
        root: HtmlElement,
        kind: &str,
    ) -> Inner {
        Inner {
            id,
            this,
            el,
            document,
            view,
            host,
            shadow,
            root,
            kind_attribute: kind.to_string(),
            prepared: None,
            layout: None,
            theme: Theme::light(),
            drawn: None,
            tooltip: None,
            cursor: None,
            errors: None,
            warnings: None,
            warn_box: None,
            asking: None,
            width: 0.0,
            dpr_listener: None,
            near: true,
            drawn_for: None,
            window_top: 0.0,
            window_height: None,
            fresh: false,
            updated_at: f64::NAN,
            observer: None,
            io: None,
            callbacks: Vec::new(),
            media: Vec::new(),
            page_dark: std::cell::Cell::new(None),
        }
    }

    /// Drops the drawn nodes (their drop code in one place: it is not small).
    #[inline(never)]
    pub(crate) fn drop_drawn(&mut self) {
        if let (Some(o), Some(d)) = (&self.observer, &self.drawn) {
            o.unobserve(&d.canvas);
        }
        self.drawn = None;
        self.drawn_for = None;
    }

    /// New data, of time `at` (see `updated_at`). Invalid data with `keep` (a refresh) leaves a
    /// drawn chart as it was, and returns false.
    pub(crate) fn set_data(&mut self, json: &str, at: f64, keep: bool) -> bool {
        let lang = page_lang(&self.document);
        match prepare(json, &self.kind_attribute, &lang) {
            Ok(prepared) => {
                // The same language: the nodes and listeners stay, the canvas is redrawn and the
                // table patched, and the reader's bar stays (keep.rs). In preview mode the
                // warnings are asked for (the box stays until the answer).
                if self.prepared.as_ref().map(|p| p.locale) != Some(prepared.locale) {
                    self.drop_drawn();
                }
                let place = if self.drawn.is_some() { self.place() } else { None };
                self.updated_at = at;
                self.asking = None;
                if preview_mode(&self.el) {
                    self.ask(prepared.locale, false);
                }
                let old = self.prepared.replace(prepared);
                self.errors = None;
                self.fresh = true;
                self.drawn_for = None;
                if self.width <= 0.0 {
                    // Before the first ResizeObserver callback: the layout box's width now.
                    self.width = f64::from(self.root.client_width());
                }
                self.render();
                self.put_back(place, old);
            }
            Err(_) if keep && self.drawn.is_some() => return false,
            Err((_, locale)) => self.fail(locale),
        }
        true
    }

    /// Re-arms the `(resolution: …dppx)` listener when devicePixelRatio is not the one it waits
    /// to change from: a window moved to another screen, or browser zoom, redraws.
    fn watch_ratio(&mut self, ratio: f64) {
        if self.dpr_listener.as_ref().is_some_and(|(armed, _)| *armed == ratio) {
            return;
        }
        let query = crate::cat!("(resolution: ", css_number(ratio), "dppx)");
        let w = self.this.clone();
        self.dpr_listener = self
            .view
            .match_media(&query)
            .ok()
            .flatten()
            .and_then(|mql| Listener::new(&mql, "change", false, move |_| super::with_inner(&w, Inner::render)).map(|l| (ratio, l)));
    }

    /// The CSS `zoom` of the chart's ancestors (`currentCSSZoom`, where the browser has it).
    fn css_zoom(&self) -> f64 {
        js_sys::Reflect::get(&self.root, &JsValue::from_str("currentCSSZoom")).ok().and_then(|z| z.as_f64()).unwrap_or(1.0)
    }

    /// Lays out at the current width and draws. Only a new width, theme or data lays out again: a new
    /// pixel ratio, or the chart coming back near the viewport, repaints the layout it has.
    pub(crate) fn render(&mut self) {
        let Some(locale) = self.prepared.as_ref().map(|p| p.locale) else { return };
        let width = self.width.floor();
        if width <= 0.0 {
            // Hidden (display:none or not yet in the page), or in a shrink-to-fit box that is as
            // wide as its content: the nodes go in (the canvas asks for the viewport's width,
            // with a 0 x 0 backing store) and the observer draws once there is a width.
            if self.drawn.is_none() {
                self.build(locale);
            }
            return;
        }
        let ratio = self.view.device_pixel_ratio();
        self.watch_ratio(ratio);
        let print = printing(&self.view);
        let dpr = (ratio * self.css_zoom()).max(1.0).min(6.0);
        let want = DrawnFor { width, dpr, print, pixels: self.near || print, theme: self.pick_theme() };
        if self.drawn.is_some() && self.drawn_for.as_ref() == Some(&want) {
            return;
        }
        let same_layout = !self.fresh && self.drawn_for.as_ref().is_some_and(|d| d.width == width && d.theme == want.theme);
        let l = match self.layout.take().filter(|_| same_layout) {
            Some(l) => l,
            None => match self.lay_out(width, &want.theme) {
                Some(l) => l,
                None => return,
            },
        };
        if self.drawn.is_none() {
            self.build(locale);
        }
        self.dress(&want.theme);
        self.theme = want.theme.clone();
        self.paint(&l, &want);
        self.drawn_for = Some(want);
        self.layout = Some(l);
        self.clear_cursor();
        if self.fresh {
            self.update_find();
            self.announce();
        }
    }

    fn lay_out(&self, width: f64, theme: &Theme) -> Option<Layout> {
        let p = self.prepared.as_ref()?;
        let m = measure(&self.document);
        let input = LayoutInput { model: &p.model, kind: p.kind, locale: p.locale, width, theme, measure: m.as_ref() };
        let laid_out = layout(&input);
        m.forget_shapes();
        Some(laid_out)
    }

    /// New data drawn: its summary on the canvas, its table, `data-state` and the ready event.
    fn announce(&mut self) {
        let Some(p) = &self.prepared else { return };
        let summary = crate::describe::summary(&p.model, p.kind, p.locale);
        let (head, rows) = crate::describe::table(&p.model, p.kind, p.locale);
        if let Some(drawn) = &mut self.drawn {
            drawn.canvas.set_attribute("aria-label", &summary).ok();
            if let Some(t) = &mut drawn.table {
                t.set(&self.document, p.model.title.as_deref().map(crate::text::no_break_ranges), head, rows);
            }
        }
        self.fresh = false;
        self.el.set_attribute("data-state", "ready").ok();
        let kind = self.layout.as_ref().map_or("", |l| l.kind.name());
        let at = self.updated_at;
        let at = if at.is_nan() { JsValue::UNDEFINED } else { js_sys::Date::new(&at.into()).into() };
        self.dispatch_with("commune-chart:ready", &[("kind", kind)], &[("updatedAt", at)]);
    }

    /// Creates the canvas, highlight frame, data table, toggle and live region, and the
    /// listeners that make the bars readable by pointer, touch and keyboard.
    fn build(&mut self, locale: Locale) {
        self.root.set_text_content(None);
        self.place_warnings();
        let d = &self.document;
        let (Some(stage), Some(view), Some(canvas), Some(mark)) =
            (element(d, "div", "stage"), element(d, "div", "view"), element(d, "canvas", ""), element(d, "div", "hl"))
        else {
            return;
        };
        let canvas = canvas.unchecked_into::<HtmlCanvasElement>();
        // No pixels until there is a layout to draw (a new canvas holds 300 x 150).
        canvas.set_width(0);
        canvas.set_height(0);
        mark.set_attribute("aria-hidden", "true").ok();
        canvas.set_attribute("role", "img").ok();
        canvas.set_attribute("tabindex", "0").ok();
        view.append_child(&canvas).ok();
        view.append_child(&mark).ok();
        stage.append_child(&view).ok();
        self.root.append_child(&stage).ok();
        if let Some(o) = &self.observer {
            super::observe_device_pixels(o, &canvas);
        }

        let words = locale.words();
        let hint_id = crate::cat!("commune-chart-", crate::text::digits(u64::from(self.id)), "-hint");
        if let Some(hint) = element(d, "span", "sr") {
            hint.set_id(&hint_id);
            hint.set_text_content(Some(words.keyboard_hint));
            self.root.append_child(&hint).ok();
            canvas.set_attribute("aria-describedby", &hint_id).ok();
        }
        let live = element(d, "div", "sr");
        if let Some(live) = &live {
            live.set_attribute("aria-live", "polite").ok();
            live.set_attribute("aria-atomic", "true").ok();
            self.root.append_child(live).ok();
        }
        let table = Table::new(d, locale);
        if let Some(t) = &table {
            self.root.append_child(&t.wrapper).ok();
        }
        let toggle = element(d, "button", "");
        if let (Some(toggle), Some(_)) = (&toggle, &table) {
            toggle.set_attribute("type", "button").ok();
            toggle.set_attribute("aria-expanded", "false").ok();
            toggle.set_text_content(Some(words.show_table));
            self.root.append_child(toggle).ok();
        }
        let mut listeners = super::input::listeners(self, &canvas);
        let with = |f: fn(&mut Inner, &Event)| handler(self.this.clone(), f);
        if let (Some(toggle), Some(t)) = (&toggle, &table) {
            let target: &EventTarget = toggle.as_ref();
            listeners.extend(Listener::new(target, "click", false, with(|i, _| i.toggle_table())));
            let (prev, next): (&EventTarget, &EventTarget) = (t.prev.as_ref(), t.next.as_ref());
            listeners.extend(Listener::new(prev, "click", false, with(|i, _| i.turn_page(-1))));
            listeners.extend(Listener::new(next, "click", false, with(|i, _| i.turn_page(1))));
        }
        self.drawn = Some(Drawn { stage, canvas, mark, table, toggle, live, find: None, _listeners: listeners });
    }

    fn paint(&mut self, l: &Layout, want: &DrawnFor) {
        // Print: the whole chart on one canvas at 2 device px per CSS px (crisp on paper), or
        // as many as the canvas limits allow (at least 1); only taller charts stay a window.
        let fit = (MAX_CANVAS_HEIGHT_DEVICE_PX / l.height).min((MAX_CANVAS_AREA_DEVICE_PX / (l.width * l.height)).sqrt());
        let dpr = if want.print && fit >= 1.0 { want.dpr.max(2.0).min(fit) } else { want.dpr };
        let tall = l.height * dpr > MAX_CANVAS_HEIGHT_DEVICE_PX || l.width * l.height * dpr * dpr > MAX_CANVAS_AREA_DEVICE_PX;
        let viewport = self.view.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(800.0);
        // A tall chart's canvas is one viewport high and sticks to the top while its stage scrolls.
        let window_height = if tall { viewport.max(200.0).min(MAX_CANVAS_HEIGHT_DEVICE_PX / dpr).min(l.height) } else { l.height };
        self.window_height = tall.then_some(window_height);
        // Read before any write, so that no layout is forced between them.
        self.window_top = self.visible_top(l.height, window_height);
        let Some(drawn) = &self.drawn else { return };
        drawn.stage.set_class_name(if tall { "stage tall" } else { "stage" });
        set_style(&drawn.stage, "height", &if tall { px(l.height) } else { String::new() });
        // CSS width: its box's, from the sheet (`100vw` capped at `100%`), which the layout's is
        // (a narrowing column squeezes it until the observer lays it out again). Backing store =
        // layout size x device px per CSS px.
        set_style(&drawn.canvas, "height", &px(window_height));
        // The print dialog (beforeprint) may show the page before print media applies the sheet's
        // `@media print` rule: the toggle goes with the flag too.
        if let Some(toggle) = &drawn.toggle {
            set_style(toggle, "display", if want.print { "none" } else { "" });
        }
        if let Some(f) = &drawn.find {
            f.print(want.print);
        }
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a canvas size in device px: positive, saturating")]
        let (bw, bh) = if want.pixels { ((l.width * dpr).round() as u32, (window_height * dpr).round() as u32) } else { (0, 0) };
        drawn.canvas.set_width(bw);
        drawn.canvas.set_height(bh);
        if want.pixels {
            self.draw_window(l);
        }
    }

    /// Where the sticky canvas is within the chart (CSS px): 0 unless a tall chart is scrolled.
    pub(crate) fn visible_top(&self, chart_height: f64, window_height: f64) -> f64 {
        let Some(drawn) = &self.drawn else { return 0.0 };
        if self.window_height.is_none() {
            return 0.0;
        }
        let stage_top = drawn.stage.get_bounding_client_rect().top();
        (-stage_top).max(0.0).min((chart_height - window_height).max(0.0)).round()
    }

    pub(crate) fn draw_window(&self, l: &Layout) {
        let Some(drawn) = &self.drawn else { return };
        if drawn.canvas.width() == 0 {
            return;
        }
        let t = Target::canvas(f64::from(drawn.canvas.width()) / l.width);
        let target = match self.window_height {
            Some(h) => t.window(self.window_top, h),
            None => t,
        };
        if let Some(mut backend) = Canvas2d::new(&drawn.canvas) {
            draw(l, &mut backend, target).ok();
        }
    }

    /// The IntersectionObserver's news: far from the viewport the canvas gives back its backing
    /// store (a page of 60 charts on a phone would otherwise hold hundreds of MB); near, it draws.
    pub(crate) fn set_near(&mut self, near: bool) {
        if near != self.near {
            self.near = near;
            if !near {
                self.clear_cursor();
            }
            self.render();
        }
    }
}

/// An event callback that reaches the chart through a weak reference (the chart owns its
/// listeners, so a strong one would never be freed) and skips re-entrant events.
pub(crate) fn handler(this: Weak<RefCell<Inner>>, f: fn(&mut Inner, &Event)) -> impl FnMut(Event) {
    move |e: Event| {
        if let Some(inner) = this.upgrade() {
            if let Ok(mut inner) = inner.try_borrow_mut() {
                f(&mut inner, &e);
            }
        }
    }
}
