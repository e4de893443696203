//! The readout box next to the pointer or the focused bar (`role="tooltip"`). It lives in the
//! chart's shadow root and, where the browser has the Popover API, in the top layer: no
//! `overflow: hidden` container clips it and no transformed ancestor (a lightbox) moves it.
//! A move to another bar rewrites only the text that differs and the position.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlElement, Node};

use super::dom::{element, px, set_style};
use crate::interact::{place_box, Readout};
use crate::theme::{Rgb, Theme};

pub(crate) struct Tooltip {
    pub(crate) el: HtmlElement,
    /// Background, text and border colours as set (a theme change sets them again).
    colors: Option<(Rgb, Rgb, Rgb)>,
    /// Title, then one text per line.
    texts: Vec<String>,
    /// The line in bold.
    focus: Option<usize>,
    /// Shown in the top layer (`popover="manual"`), else a fixed box toggled by a class.
    popover: bool,
    open: bool,
}

/// Calls the element's method `name` if it has one (feature detection without web-sys bindings).
fn call(el: &HtmlElement, name: &str) -> bool {
    match js_sys::Reflect::get(el, &JsValue::from_str(name)) {
        Ok(f) if f.is_function() => f.unchecked_ref::<js_sys::Function>().call0(el).is_ok(),
        _ => false,
    }
}

impl Tooltip {
    pub(crate) fn new(document: &Document, parent: &Node, id: &str) -> Option<Tooltip> {
        let el = element(document, "div", "tip")?;
        el.set_attribute("role", "tooltip").ok();
        el.set_id(id);
        let popover = js_sys::Reflect::has(&el, &JsValue::from_str("showPopover")).unwrap_or(false);
        if popover {
            el.set_attribute("popover", "manual").ok();
        }
        parent.append_child(&el).ok()?;
        Some(Tooltip { el, colors: None, texts: Vec::new(), focus: None, popover, open: false })
    }

    /// Shows the readout next to `at` (client px), inside a viewport of `view` (width, height).
    pub(crate) fn show(&mut self, document: &Document, theme: &Theme, text: &Readout, at: (f64, f64), view: (f64, f64)) {
        let (title, lines, focus) = (text.title.as_str(), &text.lines, text.focus);
        let colors = (theme.background, theme.text, theme.muted);
        if self.colors != Some(colors) {
            set_style(&self.el, "background", &theme.background.hex());
            set_style(&self.el, "color", &theme.text.hex());
            set_style(&self.el, "border-color", &theme.muted.hex());
            self.colors = Some(colors);
        }
        if !self.open {
            if self.popover {
                call(&self.el, "showPopover");
            }
            self.el.set_class_name("tip on");
            self.open = true;
        }
        // The title, then one node per line; the focused line (a segment's group) in bold.
        let texts = std::iter::once(title).chain(lines.iter().map(String::as_str));
        let mut node = self.el.first_element_child();
        let mut count = 0;
        for (i, text) in texts.enumerate() {
            count = i + 1;
            let (el, new) = if let Some(el) = node.take() {
                (el, false)
            } else {
                let Some(el) = element(document, if i == 0 { "strong" } else { "div" }, "") else { break };
                self.el.append_child(&el).ok();
                (el.into(), true)
            };
            if new || self.texts.get(i).is_none_or(|shown| shown != text) {
                el.set_text_content(Some(text));
            }
            if i > 0 && (new || self.focus != focus) {
                el.set_class_name(if focus == Some(i - 1) { "f" } else { "" });
            }
            node = el.next_element_sibling();
        }
        while let Some(extra) = node {
            node = extra.next_element_sibling();
            extra.remove();
        }
        self.texts = std::iter::once(title.to_string()).chain(lines.iter().cloned()).take(count).collect();
        self.focus = focus;
        // Keep it inside the viewport: measured after the text is in.
        let (w, h) = (f64::from(self.el.offset_width()), f64::from(self.el.offset_height()));
        let (left, top) = place_box(at.0, at.1, w, h, view.0, view.1);
        set_style(&self.el, "left", &px(left));
        set_style(&self.el, "top", &px(top));
    }

    pub(crate) fn hide(&mut self) {
        if !self.open {
            return;
        }
        self.open = false;
        if self.popover {
            call(&self.el, "hidePopover");
        }
        self.el.set_class_name("tip");
    }
}
