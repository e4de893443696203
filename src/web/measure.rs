//! Text widths for layout from one offscreen canvas context, cached: no DOM node per string, and
//! no dependence on `document.body` existing (the context works before the body is parsed). One
//! map per font (there are a handful), so a cached width costs one hash of the text: no key to build.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Document, HtmlCanvasElement};

use crate::text::{ApproxMeasure, Font, TextMeasure};

pub(crate) struct CanvasMeasure {
    document: Document,
    ctx: RefCell<Option<CanvasRenderingContext2d>>,
    cache: RefCell<MeasureCache>,
}

/// New strings measured by one context before it is replaced (see `forget_shapes`).
const SHAPES_KEPT: usize = 1_000;

#[derive(Default)]
struct MeasureCache {
    /// (size bits, bold) -> text -> index in `widths`.
    fonts: Vec<((u64, bool), Widths)>,
    /// Every width measured, in CSS px.
    widths: Vec<f64>,
    /// The font the context is set to.
    ctx_font: Option<(u64, bool)>,
    /// Strings measured by the current context.
    measured: usize,
}

/// Text -> where its width is in `MeasureCache::widths`, for one font. The same map type as the JSON
/// reader's (`json.rs`), so the wasm holds one copy of the hash table's code, not two.
type Widths = HashMap<String, usize, foldhash::fast::FixedState>;

const MEASURE_CACHE_MAX: usize = 40_000;

fn context(document: &Document) -> Option<CanvasRenderingContext2d> {
    let c = document.create_element("canvas").ok()?.unchecked_into::<HtmlCanvasElement>();
    // Measuring needs a context, not pixels: a 1 x 1 backing store instead of 300 x 150.
    c.set_width(1);
    c.set_height(1);
    Some(c.get_context("2d").ok()??.unchecked_into::<CanvasRenderingContext2d>())
}

impl CanvasMeasure {
    fn new(document: &Document) -> CanvasMeasure {
        CanvasMeasure { document: document.clone(), ctx: RefCell::new(context(document)), cache: RefCell::new(MeasureCache::default()) }
    }

    /// After a layout that measured many new strings (a province of communes), a fresh context:
    /// the browser keeps the shaped text of every string a context measured (about 2 kB each,
    /// 22 MB of Blink heap for 10,000 names), while the widths stay in our cache.
    pub(crate) fn forget_shapes(&self) {
        let mut cache = self.cache.borrow_mut();
        if cache.measured > SHAPES_KEPT {
            cache.measured = 0;
            cache.ctx_font = None;
            *self.ctx.borrow_mut() = context(&self.document);
        }
    }
}

impl TextMeasure for CanvasMeasure {
    fn width_px(&self, text: &str, font: Font) -> f64 {
        let ctx = self.ctx.borrow();
        let Some(ctx) = ctx.as_ref() else {
            return ApproxMeasure.width_px(text, font);
        };
        let key = (font.size_css.to_bits(), font.bold);
        let mut cache = self.cache.borrow_mut();
        if let Some(w) = cache.fonts.iter().find(|(k, _)| *k == key).and_then(|(_, m)| m.get(text)).and_then(|&i| cache.widths.get(i)) {
            return *w;
        }
        if cache.ctx_font != Some(key) {
            ctx.set_font(&font.css(1.0));
            cache.ctx_font = Some(key);
        }
        let w = ctx.measure_text(text).map_or_else(|_| ApproxMeasure.width_px(text, font), |m| m.width());
        cache.measured += 1;
        if cache.widths.len() >= MEASURE_CACHE_MAX {
            cache.fonts.clear();
            cache.widths.clear();
        }
        let at = cache.widths.len();
        cache.widths.push(w);
        let map = if let Some(i) = cache.fonts.iter().position(|(k, _)| *k == key) {
            cache.fonts.get_mut(i)
        } else {
            cache.fonts.push((key, Widths::default()));
            cache.fonts.last_mut()
        };
        if let Some((_, map)) = map {
            map.insert(text.to_string(), at);
        }
        w
    }
}

thread_local! {
    static MEASURE: RefCell<Option<Rc<CanvasMeasure>>> = const { RefCell::new(None) };
}

/// The page's one measuring context (created on first use).
pub(crate) fn measure(document: &Document) -> Rc<CanvasMeasure> {
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
