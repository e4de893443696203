//! Reading the bars: pointer, tap and keyboard turned into [`Cursor`]s, the highlight frame over
//! the bar, the tooltip and the live region. Positions come from the layout (one geometry); the
//! canvas's on-screen box only maps them to client px, so a transformed or zoomed ancestor moves
//! the readout with the bar.

use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget, HtmlCanvasElement, KeyboardEvent, MouseEvent, Node, PointerEvent};

use super::chart::{handler, Inner, Source};
use super::dom::{px, set_style};
use super::listener::Listener;
use super::tooltip::Tooltip;
use crate::interact::{readout, Cursor, Key, Readout, HIGHLIGHT_LINE_PX, HIGHLIGHT_PAD_PX};

/// What a listener of a drawn chart does.
type OnEvent = fn(&mut Inner, &Event);

/// The canvas's and the document's listeners of a drawn chart (dropped with its nodes). A tap
/// outside the chart, Escape anywhere, or scrolling closes a tapped or hovered readout.
pub(crate) fn listeners(inner: &Inner, canvas: &HtmlCanvasElement) -> Vec<Listener> {
    let on_canvas: [(&'static str, OnEvent); 5] = [
        ("pointermove", |i, e| i.on_pointer_move(e)),
        ("pointerleave", |i, _| i.close_readout(|s| s == Source::Hover)),
        ("click", |i, e| i.on_tap(e)),
        ("keydown", |i, e| i.on_key(e)),
        ("blur", |i, _| i.close_readout(|s| s == Source::Keyboard)),
    ];
    // (kind, capture, what it does)
    let on_document: [(&'static str, bool, OnEvent); 3] = [
        ("pointerdown", true, |i, e| {
            // A tap inside the shadow root reaches the document retargeted to the host.
            let inside = e.target().map(JsCast::unchecked_into::<Node>).is_some_and(|n| i.host.contains(Some(&n)));
            if !inside {
                i.close_readout(|s| s == Source::Tap);
            }
        }),
        ("keydown", false, |i, e| {
            if e.unchecked_ref::<KeyboardEvent>().key() == "Escape" {
                i.close_readout(|s| s != Source::Keyboard);
            }
        }),
        ("scroll", true, |i, _| {
            i.close_readout(|s| !s.by_key());
            i.scroll_window();
        }),
    ];
    let (target, doc_target): (&EventTarget, &EventTarget) = (canvas.as_ref(), inner.document.as_ref());
    // Plain loops: an iterator chain here costs about 1 kB of wasm in adapter code.
    let mut listeners = Vec::new();
    for (kind, f) in on_canvas {
        listeners.extend(Listener::new(target, kind, false, handler(inner.this.clone(), f)));
    }
    for (kind, capture, f) in on_document {
        listeners.extend(Listener::new(doc_target, kind, capture, handler(inner.this.clone(), f)));
    }
    listeners
}

impl Inner {
    /// The canvas's client box and its scale (client px per layout px: a transform or zoom).
    fn canvas_box(&self) -> Option<(f64, f64, f64)> {
        let (l, drawn) = (self.layout.as_ref()?, self.drawn.as_ref()?);
        let rect = drawn.canvas.get_bounding_client_rect();
        let scale = if l.width > 0.0 && rect.width() > 0.0 { rect.width() / l.width } else { 1.0 };
        Some((rect.left(), rect.top(), scale))
    }

    /// The event's point in layout px (the whole chart's, not the window's), and in client px.
    fn canvas_point(&self, e: &Event) -> Option<(f64, f64, f64, f64)> {
        let m = e.unchecked_ref::<MouseEvent>();
        let (left, top, scale) = self.canvas_box()?;
        let (cx, cy) = (f64::from(m.client_x()), f64::from(m.client_y()));
        Some(((cx - left) / scale, (cy - top) / scale + self.window_top, cx, cy))
    }

    fn on_pointer_move(&mut self, e: &Event) {
        if e.unchecked_ref::<PointerEvent>().pointer_type() == "touch" {
            return; // touch moves scroll the page; taps arrive as clicks
        }
        if self.cursor.is_some_and(|(_, s)| s == Source::Keyboard) {
            return;
        }
        self.point_at(e, Source::Hover);
    }

    /// A click or tap hides the focus ring (class `p`) until the next key: a reader who tabbed to
    /// the chart and then reads it with the mouse or a finger sees the bar's frame, not a ring
    /// round the whole chart (`:focus-visible` alone keeps it, as focus has not moved).
    fn on_tap(&mut self, e: &Event) {
        if let Some(d) = &self.drawn {
            d.canvas.set_class_name("p");
        }
        self.point_at(e, Source::Tap);
    }

    fn point_at(&mut self, e: &Event, source: Source) {
        let Some((x, y, cx, cy)) = self.canvas_point(e) else { return };
        match self.layout.as_ref().and_then(|l| l.hit(x, y)) {
            Some(hit) => self.set_cursor(Cursor::from(hit), source, Some((cx, cy))),
            None => self.clear_cursor(),
        }
    }

    fn on_key(&mut self, e: &Event) {
        let k = e.unchecked_ref::<KeyboardEvent>();
        if k.alt_key() || k.ctrl_key() || k.meta_key() {
            return;
        }
        if let Some(d) = &self.drawn {
            d.canvas.set_class_name("");
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

    /// The client point under the middle of `c`'s bar bottom, where a keyboard readout points.
    fn anchor_client(&self, c: Cursor) -> Option<(f64, f64)> {
        let r = self.layout.as_ref()?.anchor(c)?;
        let (left, top, scale) = self.canvas_box()?;
        Some((left + (r.x0 + r.x1) / 2.0 * scale, top + (r.y1 - self.window_top) * scale))
    }

    /// Highlights `c`, shows its readout next to `at` (client px) or its bar, and for keyboard
    /// users announces it through the live region.
    pub(crate) fn set_cursor(&mut self, c: Cursor, source: Source, at: Option<(f64, f64)>) {
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
                self.view.scroll_by_with_x_and_y(0.0, delta);
            }
        }
        if source.by_key() {
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
            self.place_highlight(c);
        }
        if let Some(at) = at.or_else(|| self.anchor_client(c)) {
            self.show_tooltip(&text, at);
        }
    }

    /// The core's highlight for `c` (`Layout::highlight`: a frame round its bar or row) as a
    /// positioned box over the canvas, in the canvas's own CSS px, so it moves with the canvas:
    /// its border is the frame's line (`HIGHLIGHT_LINE_PX`, written in the sheet's `.hl`),
    /// centred on the frame's rectangle as a canvas stroke is.
    fn place_highlight(&self, c: Cursor) {
        let (Some(l), Some(drawn)) = (&self.layout, &self.drawn) else { return };
        let Some(r) = l.anchor(c) else { return };
        let (out, m) = (HIGHLIGHT_PAD_PX + HIGHLIGHT_LINE_PX / 2.0, &drawn.mark);
        set_style(m, "left", &px(r.x0 - out));
        set_style(m, "top", &px(r.y0 - out - self.window_top));
        set_style(m, "width", &px(r.x1 - r.x0 + 2.0 * out));
        set_style(m, "height", &px(r.y1 - r.y0 + 2.0 * out));
        set_style(m, "border-color", &self.theme.text.hex());
        set_style(m, "display", "block");
    }

    /// Closes the readout if it was opened in a way `opened_by` accepts.
    pub(crate) fn close_readout(&mut self, opened_by: fn(Source) -> bool) {
        if self.cursor.is_some_and(|(_, s)| opened_by(s)) {
            self.clear_cursor();
        }
    }

    pub(crate) fn clear_cursor(&mut self) {
        if self.cursor.take().is_none() {
            return;
        }
        if let Some(d) = &self.drawn {
            set_style(&d.mark, "display", "none");
        }
        if let Some(t) = &mut self.tooltip {
            t.hide();
        }
    }

    /// Tall charts: redraw the part now on screen, and the keyboard highlight with it.
    pub(crate) fn scroll_window(&mut self) {
        let (Some(h), Some(l)) = (self.window_height, &self.layout) else { return };
        let top = self.visible_top(l.height, h);
        if (top - self.window_top).abs() < 0.5 {
            return;
        }
        self.window_top = top;
        self.draw_window(l);
        if let Some((c, _)) = self.cursor.filter(|(_, s)| s.by_key()) {
            self.place_highlight(c);
            // Move the tooltip with its bar (without announcing it again).
            let (Some(l), Some(p)) = (&self.layout, &self.prepared) else { return };
            let Some(text) = readout(&p.model, l, c, p.locale) else { return };
            if let Some(at) = self.anchor_client(c) {
                self.show_tooltip(&text, at);
            }
        }
    }

    fn show_tooltip(&mut self, text: &Readout, at: (f64, f64)) {
        if self.tooltip.is_none() {
            self.tooltip = Tooltip::new(
                &self.document,
                &self.shadow,
                &crate::cat!("commune-chart-", crate::text::digits(u64::from(self.id)), "-tooltip"),
            );
        }
        let view =
            self.document.document_element().map_or((1024.0, 768.0), |e| (f64::from(e.client_width()), f64::from(e.client_height())));
        if let Some(tip) = &mut self.tooltip {
            tip.show(&self.document, &self.theme, text, at, view);
        }
    }
}
