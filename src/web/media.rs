//! What the page and its media say about how to draw: printing, `data-theme` and dark mode,
//! forced colours.

use std::cell::RefCell;
use std::rc::Weak;

use web_sys::{EventTarget, Window};

use super::chart::Inner;
use super::dom::{media_matches, set_style, system_color};
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
        // `data-theme` (contract §6): `light` / `dark` force one; `auto` follows the reader;
        // without it (or with an unknown value) the chart is dark only on a page that opted into
        // dark, so a light-only article never gets a black box.
        let wanted = self.el.get_attribute("data-theme").unwrap_or_default();
        let dark = match wanted.trim().to_ascii_lowercase().as_str() {
            "light" => false,
            "dark" => true,
            "auto" => prefers_dark(&self.view),
            _ => prefers_dark(&self.view) && self.page_allows_dark(),
        };
        if dark {
            Theme::dark()
        } else {
            Theme::light()
        }
    }

    /// The content box in the theme's colours, so the toggle, the table and the boxes sit on the
    /// chart's own background (the canvas paints the same) rather than the page's; `dk` gives the
    /// error and warning boxes their dark colours.
    pub(crate) fn dress(&self, theme: &Theme) {
        set_style(&self.root, "background", &theme.background.hex());
        set_style(&self.root, "color", &theme.text.hex());
        self.root.set_class_name(if theme.background.luminance() < 0.5 { "c dk" } else { "c" });
    }

    /// The page opted into dark: `<meta name="color-scheme">` with `dark`, or a computed
    /// `color-scheme` with `dark` on the element's parent (`:root{color-scheme:light dark}`,
    /// Bootstrap's `data-bs-theme="dark"`).
    fn page_allows_dark(&self) -> bool {
        if let Some(dark) = self.page_dark.get() {
            return dark;
        }
        let has_dark = |v: Option<String>| v.is_some_and(|v| v.split_ascii_whitespace().any(|w| w.eq_ignore_ascii_case("dark")));
        let meta = self.document.query_selector("meta[name=color-scheme]").ok().flatten().and_then(|m| m.get_attribute("content"));
        let dark = has_dark(meta)
            || self.el.parent_element().is_some_and(|p| {
                has_dark(self.view.get_computed_style(&p).ok().flatten().and_then(|s| s.get_property_value("color-scheme").ok()))
            });
        self.page_dark.set(Some(dark));
        dark
    }

    /// The page's theme or the media changed: read the page's opt-in again, then redraw.
    pub(crate) fn restyle(&mut self) {
        self.page_dark.set(None);
        if self.errors.is_some() {
            let theme = self.pick_theme();
            self.dress(&theme);
        }
        self.render();
    }
}

fn prefers_dark(view: &Window) -> bool {
    media_matches(view, "(prefers-color-scheme: dark)")
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
            with_inner(&w, Inner::restyle);
        }));
    }
    listeners
}
