//! What a chart says instead of (or above) itself: the `role="alert"` box of an invalid chart, the
//! preview-only warnings, and the `commune-chart:*` events that carry the same problems.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Document, HtmlElement};

use super::chart::Inner;
use super::dom::element;
use crate::problem::Problem;
use crate::Locale;

const MAX_PROBLEMS_SHOWN: usize = 6;

/// The error box: a heading, then each problem (with the quoted line and caret of a syntax error,
/// cut to `excerpt_chars` so the caret is on screen on a phone).
pub(crate) fn build_alert(document: &Document, problems: &[Problem], locale: Locale, excerpt_chars: usize) -> Option<HtmlElement> {
    let alert = element(document, "div", "alert")?;
    alert.set_attribute("role", "alert").ok();
    let heading = element(document, "strong", "")?;
    heading.set_text_content(Some(locale.words().cannot_draw));
    alert.append_child(&heading).ok()?;
    for p in problems.iter().take(MAX_PROBLEMS_SHOWN) {
        let line = element(document, "div", "")?;
        line.set_text_content(Some(&p.message(locale)));
        alert.append_child(&line).ok()?;
        if let Some(excerpt) = p.excerpt_within(excerpt_chars) {
            let pre = element(document, "pre", "")?;
            pre.set_text_content(Some(&excerpt));
            alert.append_child(&pre).ok()?;
        }
    }
    append_more(document, &alert, problems.len(), locale, "lỗi")?;
    Some(alert)
}

/// The preview-only list of warnings above the chart (`role="status"`: announced, not urgent).
pub(crate) fn build_warnings(document: &Document, warnings: &[Problem], locale: Locale) -> Option<HtmlElement> {
    let box_ = element(document, "div", "warn")?;
    box_.set_attribute("role", "status").ok();
    box_.set_attribute("data-commune-chart-warnings", "").ok();
    let heading = element(document, "strong", "")?;
    heading.set_text_content(Some(match locale {
        Locale::Vi => "Cảnh báo khi xem trước (?commune-charts-debug hoặc data-preview; bỏ data-preview trước khi đăng bài)",
        Locale::En => "Preview warnings (?commune-charts-debug or data-preview; remove data-preview before publishing)",
    }));
    box_.append_child(&heading).ok()?;
    for w in warnings.iter().take(MAX_PROBLEMS_SHOWN) {
        let line = element(document, "div", "")?;
        line.set_text_content(Some(&w.message(locale)));
        box_.append_child(&line).ok()?;
    }
    append_more(document, &box_, warnings.len(), locale, Locale::Vi.words().warning)?;
    Some(box_)
}

/// "… and N more" under a box that shows only the first `MAX_PROBLEMS_SHOWN` of `total`.
fn append_more(document: &Document, box_: &HtmlElement, total: usize, locale: Locale, vi_noun: &str) -> Option<()> {
    if total > MAX_PROBLEMS_SHOWN {
        let more = element(document, "div", "")?;
        let n = total - MAX_PROBLEMS_SHOWN;
        more.set_text_content(Some(&match locale {
            Locale::Vi => format!("… và {n} {vi_noun} khác"),
            Locale::En => format!("… and {n} more"),
        }));
        box_.append_child(&more).ok()?;
    }
    Some(())
}

impl Inner {
    pub(crate) fn show_problems(&mut self, problems: &[Problem], locale: Locale) {
        self.prepared = None;
        self.layout = None;
        self.drop_drawn();
        self.cursor = None;
        // The quoted line fits the box (13 px monospace ≈ 8 px a character, inside 48 px of
        // padding and border), so on a phone the caret is on screen, not scrolled away. Read
        // before the DOM writes below, so no layout is forced between them.
        let width = f64::from(self.root.client_width());
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
    pub(crate) fn error_text(&self) -> Option<String> {
        (!self.problems.is_empty()).then(|| self.problems.iter().map(|p| p.message(self.problems_locale)).collect::<Vec<_>>().join("\n"))
    }

    /// `[{path, line, column, message}]` for the problems shown; line and column are 0 when
    /// unknown.
    pub(crate) fn problems_js(&self) -> js_sys::Array {
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

    pub(crate) fn dispatch(&self, name: &str, detail: &[(&str, &str)]) {
        self.dispatch_with(name, detail, &[]);
    }

    pub(crate) fn dispatch_with(&self, name: &str, detail: &[(&str, &str)], values: &[(&str, JsValue)]) {
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
