//! What the page's media says about how to draw: printing, dark mode, forced colours.

use std::cell::RefCell;
use std::rc::Weak;

use web_sys::{EventTarget, Window};

use super::chart::Inner;
use super::dom::{media_matches, system_color};
use super::listener::Listener;
use super::with_inner;
use crate::theme::Theme;

thread_local! {
    /// Between `beforeprint` and `afterprint`. Page-wide, so that a chart mounted during
    /// `beforeprint` (js/api.js draws lazy charts then) prints like the others.
    static PRINTING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Printing (the print dialog, or print media): charts draw light, whole, without the toggle.
pub(crate) fn printing(view: &Window) -> bool {
    PRINTING.with(std::cell::Cell::get) || media_matches(view, "print")
}

impl Inner {
    pub(crate) fn pick_theme(&self) -> Theme {
        // Paper is white: a dark page prints the light theme (ink on paper, as the article's text).
        if printing(&self.view) {
            return Theme::light();
        }
        if media_matches(&self.view, "(forced-colors: active)") {
            let sys = |k| system_color(&self.document, &self.view, &self.root, k);
            if let (Some(text), Some(bg), Some(hi), Some(gray)) = (sys("CanvasText"), sys("Canvas"), sys("Highlight"), sys("GrayText")) {
                return Theme::forced(text, bg, hi, gray);
            }
        }
        if media_matches(&self.view, "(prefers-color-scheme: dark)") {
            Theme::dark()
        } else {
            Theme::light()
        }
    }
}

/// Theme changes (dark mode, high contrast) and printing redraw the chart. The print dialog sends
/// beforeprint/afterprint (capturing, so the flag is set before api.js's listener draws lazy
/// charts); print media alone (emulation, previews) changes `print`.
pub(crate) fn media_listeners(view: &Window, weak: &Weak<RefCell<Inner>>) -> Vec<Listener> {
    let mut targets: Vec<(EventTarget, &'static str, bool)> = Vec::new();
    for q in ["(prefers-color-scheme: dark)", "(forced-colors: active)", "print"] {
        if let Some(mql) = view.match_media(q).ok().flatten() {
            targets.push((mql.into(), "change", false));
        }
    }
    targets.push((view.clone().into(), "beforeprint", true));
    targets.push((view.clone().into(), "afterprint", true));
    let mut listeners = Vec::new();
    for (target, kind, capture) in targets {
        let w = weak.clone();
        let print = match kind {
            "beforeprint" => Some(true),
            "afterprint" => Some(false),
            _ => None,
        };
        listeners.extend(Listener::new(&target, kind, capture, move |_| {
            if let Some(on) = print {
                PRINTING.with(|p| p.set(on));
            }
            with_inner(&w, Inner::render);
        }));
    }
    listeners
}
