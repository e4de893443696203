//! What a chart says instead of (or above) itself: the `role="alert"` box of an invalid chart and
//! the preview-only warnings, and the `commune-chart:*` events that carry the same problems.
//!
//! The words are not here: this wasm only finds *that* data is invalid (or that the chart is in
//! preview mode) and asks for an explanation (`Chart::explain_request`); js/api.js gets it from
//! the explanations module, fetched only then (`crate::explain`, `explain/`), and hands the answer
//! to `Chart::explain`. So readers of valid charts never download the messages.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, Document, HtmlElement};

use super::chart::Inner;
use super::dom::element;
use crate::explain::MAX_SHOWN;
use crate::json::{self, Value};
use crate::Locale;

/// An explanation wanted from the explanations module (asked for by js/api.js).
#[derive(Clone, Copy)]
pub(crate) struct Asking {
    /// Which request the answer is for: an answer to an older one (the data changed) is dropped.
    pub(crate) serial: u32,
    /// The language to say it in, as far as this wasm knows (the data's `locale`, else the page's).
    pub(crate) locale: Locale,
    /// An invalid chart (else: preview warnings over a drawn one).
    pub(crate) error: bool,
}

/// One problem as the explanations module said it: what the box shows.
pub(crate) struct Item {
    message: String,
    /// A syntax error's quoted line with its caret.
    excerpt: Option<String>,
}

/// A box's contents, as the explanations module wrote them (`crate::explain::respond`).
pub(crate) struct Said {
    pub(crate) warn: bool,
    heading: String,
    pub(crate) items: Vec<Item>,
    more: Option<String>,
    /// The answer as written: `problems()` and the error event hand its items to the page as
    /// they are (path, span, message, detail), so a field the explanations module adds needs
    /// no bytes here.
    answer: String,
}

/// What an invalid chart says when the explanations module's answer cannot be read.
const UNEXPLAINED: &str =
    r#"{"items":[{"path":"","line":0,"column":0,"endLine":0,"endColumn":0,"message":"commune-charts","detail":"commune-charts"}]}"#;

fn text_of(v: &Value, key: &str) -> Option<String> {
    match v.get(key) {
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    }
}

impl Said {
    /// The explanations module's answer; `None` if it is not one.
    pub(crate) fn read(answer: &str) -> Option<Said> {
        let v = json::parse(answer).ok()?;
        let Some(Value::Array(items)) = v.get("items") else { return None };
        let items =
            items.iter().map(|i| Item { message: text_of(i, "message").unwrap_or_default(), excerpt: text_of(i, "excerpt") }).collect();
        Some(Said {
            warn: v.get("warn") == Some(&Value::Bool(true)),
            heading: text_of(&v, "heading").unwrap_or_default(),
            items,
            more: text_of(&v, "more"),
            answer: answer.to_string(),
        })
    }

    /// The box: a heading, then each problem (with the quoted line and caret of a syntax error),
    /// and "… and N more". Preview warnings are a `role="status"` (announced, not urgent).
    pub(crate) fn build(&self, document: &Document) -> Option<HtmlElement> {
        let box_ = element(document, "div", if self.warn { "warn" } else { "alert" })?;
        box_.set_attribute("role", if self.warn { "status" } else { "alert" }).ok();
        if self.warn {
            box_.set_attribute("data-commune-chart-warnings", "").ok();
        }
        let heading = element(document, "strong", "")?;
        heading.set_text_content(Some(&self.heading));
        box_.append_child(&heading).ok()?;
        for item in self.items.iter().take(MAX_SHOWN) {
            let line = element(document, "div", "")?;
            line.set_text_content(Some(&item.message));
            box_.append_child(&line).ok()?;
            if let Some(excerpt) = &item.excerpt {
                let pre = element(document, "pre", "")?;
                pre.set_text_content(Some(excerpt));
                box_.append_child(&pre).ok()?;
            }
        }
        if let Some(more) = &self.more {
            let line = element(document, "div", "")?;
            line.set_text_content(Some(more));
            box_.append_child(&line).ok()?;
        }
        Some(box_)
    }

    /// The messages, one per line.
    pub(crate) fn text(&self) -> String {
        self.items.iter().map(|i| i.message.as_str()).collect::<Vec<_>>().join("\n")
    }

    /// The answer's items, `[{path, line, column, endLine, endColumn, message, detail,
    /// excerpt?}]` (see `crate::explain`), read by the page's JSON.parse: a new array each time.
    pub(crate) fn to_js(&self) -> js_sys::Array {
        js_sys::JSON::parse(&self.answer)
            .and_then(|v| js_sys::Reflect::get(&v, &JsValue::from_str("items")))
            .ok()
            .and_then(|v| v.dyn_into().ok())
            .unwrap_or_default()
    }
}

pub(crate) fn set(obj: &js_sys::Object, key: &str, value: &JsValue) {
    js_sys::Reflect::set(obj, &JsValue::from_str(key), value).ok();
}

impl Inner {
    /// Invalid data (or none): the chart's nodes go, and it waits, `loading`, for the words.
    pub(crate) fn fail(&mut self, locale: Locale) {
        self.prepared = None;
        self.layout = None;
        self.drop_drawn();
        self.cursor = None;
        if let Some(t) = self.tooltip.take() {
            t.el.remove();
        }
        self.root.set_text_content(None);
        self.errors = None;
        self.warnings = None;
        self.el.set_attribute("data-state", "loading").ok();
        self.ask(locale, true);
    }

    /// Numbered by the page's counter (`next_id`), so no two requests share a number.
    pub(crate) fn ask(&mut self, locale: Locale, error: bool) {
        self.asking = Some(Asking { serial: super::next_id(), locale, error });
    }

    /// The explanations module's answer to request `serial`: the error box (`data-state` error
    /// and the error event), or the preview warnings above the drawn chart.
    pub(crate) fn explained(&mut self, answer: &str, serial: u32) {
        let Some(asking) = self.asking.filter(|a| a.serial == serial) else { return };
        self.asking = None;
        let said = Said::read(answer).filter(|s| s.warn != asking.error);
        if !asking.error {
            self.warnings = said.filter(|s| !s.items.is_empty());
            self.place_warnings();
            return;
        }
        let said = said.unwrap_or_else(|| Said {
            warn: false,
            heading: asking.locale.words().cannot_draw.to_string(),
            items: vec![Item { message: "commune-charts".to_string(), excerpt: None }],
            more: None,
            answer: UNEXPLAINED.to_string(),
        });
        self.root.set_text_content(None);
        self.dress(&self.pick_theme());
        if let Some(alert) = said.build(&self.document) {
            self.root.append_child(&alert).ok();
        }
        self.el.set_attribute("data-state", "error").ok();
        let message = said.text();
        let list = said.to_js();
        self.errors = Some(said);
        self.dispatch_with("commune-chart:error", &[("message", &message)], &[("problems", list.into())]);
    }

    /// The preview warnings' box, first in the chart (or gone when there are none).
    pub(crate) fn place_warnings(&mut self) {
        if let Some(old) = self.warn_box.take() {
            old.remove();
        }
        let Some(box_) = self.warnings.as_ref().and_then(|w| w.build(&self.document)) else { return };
        self.root.insert_before(&box_, self.root.first_child().as_ref()).ok();
        self.warn_box = Some(box_);
    }

    pub(crate) fn dispatch_with(&self, name: &str, detail: &[(&str, &str)], values: &[(&str, JsValue)]) {
        let obj = js_sys::Object::new();
        for (k, v) in detail {
            set(&obj, k, &JsValue::from_str(v));
        }
        for (k, v) in values.iter().filter(|(_, v)| !v.is_undefined()) {
            set(&obj, k, v);
        }
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_detail(&obj);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            self.el.dispatch_event(&event).ok();
        }
    }
}
