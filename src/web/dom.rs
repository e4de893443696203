//! Small DOM helpers shared by the glue. Elements are cast unchecked: the tag is known, and an
//! element of another document (a same-origin iframe) is not an instance of this realm's classes,
//! so a checked cast would fail there.

use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement, Window};

use crate::text::css_number;
use crate::theme::Rgb;

/// A new `<tag class=…>` of `document`.
pub(crate) fn element(document: &Document, tag: &str, class: &str) -> Option<HtmlElement> {
    let el = document.create_element(tag).ok()?.unchecked_into::<HtmlElement>();
    if !class.is_empty() {
        el.set_class_name(class);
    }
    Some(el)
}

/// Sets one inline style (CSSOM, which a strict CSP allows): positions and sizes that change
/// with the data; everything else is in the shared sheet (`style.rs`).
pub(crate) fn set_style(el: &HtmlElement, property: &str, value: &str) {
    el.style().set_property(property, value).ok();
}

/// A CSS length in px.
pub(crate) fn px(value: f64) -> String {
    css_number(value) + "px"
}

pub(crate) fn page_lang(document: &Document) -> String {
    document.document_element().and_then(|e| e.get_attribute("lang")).unwrap_or_default()
}

/// The element's own window (an iframe's, for an element in an iframe), else this one.
pub(crate) fn window_of(document: &Document) -> Option<Window> {
    document.default_view().or_else(web_sys::window)
}

pub(crate) fn media_matches(view: &Window, query: &str) -> bool {
    view.match_media(query).ok().flatten().is_some_and(|m| m.matches())
}

/// `rgb(1, 2, 3)` / `rgba(1, 2, 3, 1)` -> Rgb.
fn parse_rgb(css: &str) -> Option<Rgb> {
    let inner = css.trim().strip_prefix("rgb")?.trim_start_matches('a').trim_start_matches('(').trim_end_matches(')');
    // Channels are integers in computed styles; a fraction is rounded by its first decimal. No
    // f64 parsing here: core's `str::parse::<f64>` would link 15 kB of tables into the wasm.
    let mut parts = inner.split([',', ' ', '/']).filter(|p| !p.is_empty()).map(|p| {
        let (whole, fraction) = p.trim().split_once('.').unwrap_or((p.trim(), ""));
        let v = whole.parse::<u16>().ok()?.saturating_add(u16::from(fraction.starts_with(['5', '6', '7', '8', '9'])));
        Some(u8::try_from(v).unwrap_or(255))
    });
    let mut next = || -> Option<u8> { parts.next()? };
    Some(Rgb(next()?, next()?, next()?))
}

/// The user's system colour for a CSS keyword (`CanvasText`, `Highlight`…), resolved by the
/// browser on a probe inside `parent`.
pub(crate) fn system_color(document: &Document, view: &Window, parent: &HtmlElement, keyword: &str) -> Option<Rgb> {
    let probe = element(document, "span", "")?;
    set_style(&probe, "color", keyword);
    set_style(&probe, "display", "none");
    parent.append_child(&probe).ok()?;
    let color = view.get_computed_style(&probe).ok()??.get_property_value("color").ok();
    probe.remove();
    parse_rgb(&color?)
}

/// Preview mode: `?commune-charts-debug` in the page's URL, or `data-preview` on the element.
pub(crate) fn preview_mode(el: &HtmlElement) -> bool {
    el.get_attribute("data-preview").is_some_and(|v| !v.trim().eq_ignore_ascii_case("false"))
        || el.owner_document().and_then(|d| d.url().ok()).is_some_and(|url| {
            let query = url.split('#').next().unwrap_or_default().split_once('?').map_or("", |(_, q)| q);
            query.split('&').any(|p| p.split('=').next() == Some("commune-charts-debug"))
        })
}
