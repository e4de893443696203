//! The search box of long charts (20 communes or more, contract §6): a `<label>` and an
//! `<input type="search">` above the canvas, in the ARIA 1.2 combobox pattern with a listbox of
//! up to eight suggestions (`crate::find` folds and ranks them). The arrows move
//! `aria-activedescendant`, Enter or a click chooses, Escape closes the list and then empties the
//! box; the chart's live region says how many suggestions there are. Choosing scrolls the page to
//! the commune's bar and opens its readout as a key does (`Source::Find`: frame, tooltip, live
//! region).
//!
//! Focus stays in the box, as in the APG combobox: a screen reader hears the readout from the
//! live region and the reader can search again at once; Tab goes on to the canvas, where the
//! arrows start from the commune found.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, EventTarget, FocusEvent, HtmlElement, KeyboardEvent};

use super::chart::{handler, Inner, Source};
use super::dom::{element, set_style};
use super::listener::Listener;
use crate::find::{label, Finder};
use crate::interact::Cursor;
use crate::layout::Measure;
use crate::text::digits;

/// What a listener of the box does.
type OnEvent = fn(&mut Inner, &Event);

/// Charts of this many communes or more get the box.
const MIN_COMMUNES: usize = 20;

/// The box's class: closed, its list shown, or "none found" (the sheet shows `data-none`).
const CLOSED: &str = "find";
const LISTED: &str = "find o";
const NONE: &str = "find n";

/// The attributes that never change: (on the list, else the input), name, value.
const FIXED: [(bool, &str, &str); 6] = [
    (false, "type", "search"),
    (false, "role", "combobox"),
    (false, "aria-autocomplete", "list"),
    (false, "autocomplete", "off"),
    (false, "spellcheck", "false"),
    (true, "role", "listbox"),
];

pub(crate) struct Find {
    wrap: HtmlElement,
    input: HtmlElement,
    list: HtmlElement,
    /// The names of the chart's first commune panel; it returns their row indices.
    finder: Finder,
    panel: usize,
    /// The rows suggested, best first, and their options.
    shown: Vec<usize>,
    options: Vec<HtmlElement>,
    active: Option<usize>,
    /// The list (or "none found") is shown.
    open: bool,
    /// `commune-chart-N-`: the ids' prefix.
    id: String,
    _listeners: Vec<Listener>,
}

impl Drop for Find {
    fn drop(&mut self) {
        self.wrap.remove();
    }
}

impl Find {
    /// Hidden while printing (and before print media applies, as the table's toggle).
    pub(crate) fn print(&self, printing: bool) {
        set_style(&self.wrap, "display", if printing { "none" } else { "" });
    }

    fn value(&self) -> String {
        js_sys::Reflect::get(&self.input, &JsValue::from_str("value")).ok().and_then(|v| v.as_string()).unwrap_or_default()
    }

    fn set_value(&self, value: &str) {
        js_sys::Reflect::set(&self.input, &JsValue::from_str("value"), &JsValue::from_str(value)).ok();
    }

    /// Closes the box, or shows its list or "none found" (`CLOSED`, `LISTED`, `NONE`).
    fn show(&mut self, class: &'static str) {
        self.wrap.set_class_name(class);
        self.open = class != CLOSED;
        self.input.set_attribute("aria-expanded", if class == LISTED { "true" } else { "false" }).ok();
        self.set_active(None);
    }

    fn set_active(&mut self, active: Option<usize>) {
        self.active = active;
        for (i, o) in self.options.iter().enumerate() {
            o.set_attribute("aria-selected", if active == Some(i) { "true" } else { "false" }).ok();
        }
        match active.and_then(|i| self.options.get(i)) {
            Some(o) => self.input.set_attribute("aria-activedescendant", &o.id()),
            None => self.input.remove_attribute("aria-activedescendant"),
        }
        .ok();
    }
}

impl Inner {
    /// New data drawn: the box for a long chart (kept, with what the reader typed, if it was
    /// there), its names folded once; none for a short chart or indicators.
    pub(crate) fn update_find(&mut self) {
        let (Some(p), Some(l)) = (&self.prepared, &self.layout) else { return };
        let Some(drawn) = &mut self.drawn else { return };
        let old = drawn.find.take();
        let Some(panel) = l.panels.iter().position(|panel| panel.measure != Measure::Indicators) else { return };
        if p.model.communes.len() < MIN_COMMUNES {
            return;
        }
        let rows = l.panels.get(panel).map_or(&[][..], |panel| &panel.rows);
        let finder = Finder::new(rows.iter().map(|r| p.model.communes.get(r.item).map_or("", |c| c.name.as_str())));
        let find = match old {
            Some(mut f) => {
                f.finder = finder;
                f.panel = panel;
                f.shown.clear();
                f.show(CLOSED);
                Some(f)
            }
            None => self.build_find(finder, panel),
        };
        if let Some(d) = &mut self.drawn {
            d.find = find;
        }
    }

    fn build_find(&self, finder: Finder, panel: usize) -> Option<Find> {
        let (d, drawn, words) = (&self.document, self.drawn.as_ref()?, self.prepared.as_ref()?.locale.words());
        let id = crate::cat!("commune-chart-", digits(u64::from(self.id)), "-");
        let (wrap, label, input, list) =
            (element(d, "div", CLOSED)?, element(d, "label", "")?, element(d, "input", "")?, element(d, "div", "")?);
        let (input_id, list_id) = (crate::cat!(id, "find"), crate::cat!(id, "list"));
        for (on_list, name, value) in FIXED {
            if on_list { &list } else { &input }.set_attribute(name, value).ok();
        }
        input.set_id(&input_id);
        list.set_id(&list_id);
        label.set_attribute("for", &input_id).ok();
        input.set_attribute("aria-controls", &list_id).ok();
        list.set_attribute("aria-label", words.find_label).ok();
        wrap.set_attribute("data-none", words.find_none).ok();
        label.set_text_content(Some(words.find_label));
        for child in [&label, &input, &list] {
            wrap.append_child(child).ok();
        }
        self.root.insert_before(&wrap, Some(&drawn.stage)).ok();

        let (on_input, on_list): (&EventTarget, &EventTarget) = (input.as_ref(), list.as_ref());
        let on: [(&EventTarget, &'static str, OnEvent); 5] = [
            (on_input, "input", |i, _| i.find_typed()),
            (on_input, "keydown", Inner::find_key),
            (on_input, "blur", Inner::find_blur),
            // A press on a suggestion keeps the focus in the box; the click chooses it.
            (on_list, "mousedown", |_, e| e.prevent_default()),
            (on_list, "click", Inner::find_click),
        ];
        let mut listeners = Vec::new();
        for (target, kind, f) in on {
            listeners.extend(Listener::new(target, kind, false, handler(self.this.clone(), f)));
        }
        let mut f = Find {
            wrap,
            input,
            list,
            finder,
            panel,
            shown: Vec::new(),
            options: Vec::new(),
            active: None,
            open: false,
            id,
            _listeners: listeners,
        };
        f.show(CLOSED);
        Some(f)
    }

    /// A keystroke in the box: the suggestions for its text, and their count in the live region.
    fn find_typed(&mut self) {
        let (Some(p), Some(l), Some(drawn)) = (&self.prepared, &self.layout, &mut self.drawn) else { return };
        let Some(f) = &mut drawn.find else { return };
        let query = f.value();
        f.shown = f.finder.find(&query);
        // One option per suggestion, text only (names are data); the ones there are kept.
        while f.options.len() < f.shown.len() {
            let Some(o) = element(&self.document, "div", "") else { break };
            o.set_attribute("role", "option").ok();
            o.set_id(&crate::cat!(f.id, "o", digits(f.options.len() as u64)));
            f.list.append_child(&o).ok();
            f.options.push(o);
        }
        while f.options.len() > f.shown.len() {
            if let Some(o) = f.options.pop() {
                o.remove();
            }
        }
        f.shown.truncate(f.options.len());
        let rows = l.panels.get(f.panel).map_or(&[][..], |panel| &panel.rows);
        for (o, &row) in f.options.iter().zip(&f.shown) {
            o.set_text_content(Some(&rows.get(row).and_then(|r| p.model.communes.get(r.item)).map(label).unwrap_or_default()));
        }
        let (count, typed) = (f.shown.len(), !query.trim().is_empty());
        f.show(if count > 0 {
            LISTED
        } else if typed {
            NONE
        } else {
            CLOSED
        });
        let w = p.locale.words();
        if let (Some(live), true) = (&drawn.live, typed) {
            let said =
                if count == 0 { w.find_none.to_string() } else { crate::cat!(w.find_results[0], digits(count as u64), w.find_results[1]) };
            live.set_text_content(Some(&said));
        }
    }

    fn find_key(&mut self, e: &Event) {
        let k = e.unchecked_ref::<KeyboardEvent>();
        let Some(f) = self.drawn.as_mut().and_then(|d| d.find.as_mut()) else { return };
        let n = f.shown.len();
        let key = k.key();
        if k.alt_key() || k.ctrl_key() || k.meta_key() {
            return;
        }
        match key.as_str() {
            "ArrowDown" | "ArrowUp" if n > 0 => {
                // Opens the list if it was closed; wraps round at either end.
                let down = key == "ArrowDown";
                let next = match f.active {
                    Some(i) if down => (i + 1) % n,
                    Some(i) => (i + n - 1) % n,
                    None if down => 0,
                    None => n - 1,
                };
                f.show(LISTED);
                f.set_active(Some(next));
            }
            "Enter" if n > 0 => {
                let i = f.active.unwrap_or(0);
                self.find_choose(i);
            }
            "Escape" if f.open => f.show(CLOSED),
            "Escape" if !f.value().is_empty() => {
                f.set_value("");
                f.shown.clear();
                self.close_readout(|s| s == Source::Find);
            }
            _ => return,
        }
        e.prevent_default();
    }

    /// A suggestion clicked or tapped.
    fn find_click(&mut self, e: &Event) {
        let Some(f) = self.drawn.as_ref().and_then(|d| d.find.as_ref()) else { return };
        let target = e.target();
        if let Some(i) = f.options.iter().position(|o| target.as_ref() == Some(o.unchecked_ref::<EventTarget>())) {
            self.find_choose(i);
        }
    }

    /// Focus left the box: the list closes; the readout stays only if focus went to the canvas,
    /// where it becomes the keyboard's (the arrows go on from it).
    fn find_blur(&mut self, e: &Event) {
        let Some(drawn) = &mut self.drawn else { return };
        let to = e.unchecked_ref::<FocusEvent>().related_target();
        let to_canvas = to.as_ref() == Some(drawn.canvas.unchecked_ref::<EventTarget>());
        if let Some(f) = &mut drawn.find {
            f.show(CLOSED);
        }
        match self.cursor {
            Some((c, Source::Find)) if to_canvas => self.cursor = Some((c, Source::Keyboard)),
            _ => self.close_readout(|s| s == Source::Find),
        }
    }

    /// The `i`th suggestion: its name in the box, the page scrolled to its bar, its readout.
    fn find_choose(&mut self, i: usize) {
        let Some(f) = self.drawn.as_mut().and_then(|d| d.find.as_mut()) else { return };
        let (Some(&row), Some(option)) = (f.shown.get(i), f.options.get(i)) else { return };
        f.set_value(&option.text_content().unwrap_or_default());
        f.show(CLOSED);
        let c = Cursor { panel: f.panel, row, bar: None };
        // Unless the bar is in view, the page scrolls (at once, whatever the page's
        // `scroll-behavior`) to put it a third of the way down; a tall chart's window is drawn
        // there now, so the frame and the readout are placed on it.
        let (Some(l), Some(drawn)) = (&self.layout, &self.drawn) else { return };
        let Some(r) = l.anchor(c) else { return };
        let stage = drawn.stage.get_bounding_client_rect();
        let scale = if l.width > 0.0 && stage.width() > 0.0 { stage.width() / l.width } else { 1.0 };
        let (top, bottom) = (stage.top() + r.y0 * scale, stage.top() + r.y1 * scale);
        let height = self.view.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(800.0);
        if top < 0.0 || bottom > height {
            let by = js_sys::Object::new();
            js_sys::Reflect::set(&by, &JsValue::from_str("top"), &JsValue::from_f64((top - height / 3.0).round())).ok();
            js_sys::Reflect::set(&by, &JsValue::from_str("behavior"), &JsValue::from_str("instant")).ok();
            if let Ok(f) = js_sys::Reflect::get(&self.view, &JsValue::from_str("scrollBy")) {
                f.unchecked_ref::<js_sys::Function>().call1(&self.view, &by).ok();
            }
        }
        self.scroll_window();
        self.set_cursor(c, Source::Find, None);
    }
}
