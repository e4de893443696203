//! The one stylesheet of every chart on a page: constructed once per document (CSSOM, which a
//! Content-Security-Policy without `'unsafe-inline'` styles allows) and adopted by each chart's
//! open shadow root. The page's CSS cannot reach inside; `:host` rules are `!important` because
//! the host `<div>` itself is in the page (in the cascade, a shadow tree's important rules win
//! over the page's important rules), so `div { display: flex; padding: 13px !important }` on a
//! portal changes nothing. Inherited text properties are reset on the host for the same reason.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Document, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// Everything the chart's nodes look like. Class names: `c` content, `tall` a chart drawn through a
/// sticky window, `hl` the highlight frame (its 2 px border is `interact::HIGHLIGHT_LINE_PX`; placed and
/// coloured by `input.rs`), `sr` visually hidden (still read by screen readers),
/// `tw` the data table's wrapper, `pg` its pager, `tip` the tooltip (`f` its bold line), `find`
/// the search box (`o` its list open, `n` "none found").
/// Compressible widths (`width: 100vw; max-width: 100%` on the canvas, `contain: inline-size` on
/// what scrolls sideways): the chart's minimum width is 0, so it shrinks in flex, grid and table
/// columns, and its widest is the viewport's, so a shrink-to-fit box (inline-block, float) gets
/// the room there is rather than collapsing to nothing.
const SHEET: &str = concat!(
    ":host{all:initial!important;display:block!important;position:relative!important;box-sizing:border-box!important;",
    "width:auto!important;min-width:0!important;max-width:100%!important;height:auto!important;margin:0!important;",
    "padding:0!important;border:0!important;float:none!important;color:inherit!important;text-align:left!important;",
    "font:13px/1.4 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",\"DejaVu Sans\",Arial,sans-serif!important}",
    "*{box-sizing:border-box}.c,.stage,.view{position:relative}.c{display:flow-root}.stage{line-height:0}.view{top:0}.tall .view{position:sticky}",
    "canvas{display:block;width:100vw;max-width:100%;outline:0}",
    "canvas:focus-visible:not(.p){outline:3px solid Highlight;outline:3px solid -webkit-focus-ring-color;outline-offset:2px}",
    ".hl{position:absolute;display:none;border:2px solid;pointer-events:none}",
    "button{font:inherit;color:inherit;background:none;border:1px solid;border-radius:3px;padding:3px 10px;margin:6px 6px 0 0;",
    "cursor:pointer;opacity:.85}button:disabled{opacity:.4;cursor:default}.c>button{margin:6px 12px 10px}",
    ".tw{margin:8px 12px 0;overflow-x:auto;contain:inline-size}table{border-collapse:collapse}",
    "caption{text-align:left;font-weight:700;padding:0 0 4px}",
    // Cells wrap (at spaces: numbers have none), so the table fits its column on a phone.
    "th,td{padding:3px 6px;text-align:right;vertical-align:top;border-bottom:1px solid rgba(128,128,128,.4);font-variant-numeric:tabular-nums}",
    "th:first-child{text-align:left;padding-left:0}th[scope=row]{min-width:6.5em}",
    ".tip{position:fixed;inset:auto;z-index:2147483647;pointer-events:none;width:max-content;max-width:min(320px,calc(100vw - 8px));",
    "margin:0;padding:7px 10px;border:1px solid;border-radius:4px;box-shadow:0 2px 8px rgba(0,0,0,.25);overflow:visible;",
    "overflow-wrap:anywhere;display:none}.tip.on{display:block}.tip>*{display:block}.tip>:first-child{font-weight:700;margin:0 0 2px}",
    ".tip .f{font-weight:700}",
    ".alert,.warn{padding:12px 14px;overflow-wrap:anywhere;border-left:4px solid}.alert strong,.warn strong{display:block;margin:0 0 4px}",
    ".alert{font-size:14px;line-height:1.45;border-color:#b3261e;background:#fdecea;color:#410e0b}",
    "pre{margin:6px 0 0;padding:6px 8px;background:#fff;font:13px/1.35 ui-monospace,Menlo,Consolas,\"Noto Sans Mono\",monospace;",
    "overflow-x:auto;white-space:pre;contain:inline-size}",
    ".warn{margin:0 0 8px;padding:8px 12px;border-color:#8a5a00;background:#fff4d6;color:#3d2800}",
    // The search box of long charts (`find.rs`): the label, then the input in a column of at most
    // 24em; the list (`o`: open) or "none found" (`n`) below the input, over the canvas, on the
    // chart's own background (each a grid area, so the input's cell is their containing block).
    ".find{display:grid;grid-template-columns:max-content minmax(0,24em);align-items:center;gap:8px;position:relative;padding:8px 12px 4px}",
    ".find,.find>div,.n::after,input{background:inherit}.dk .find{color-scheme:dark}",
    "input{width:100%;margin:0;padding:4px 8px;font:inherit;color:inherit;border:1px solid;border-radius:3px}",
    ".find>div,.n::after{position:absolute;z-index:3;grid-area:1/2/2/3;top:100%;left:0;right:0;margin-top:2px;padding:2px 0;",
    "border:1px solid;border-radius:3px;box-shadow:0 2px 8px rgba(0,0,0,.25)}.find>div{display:none}.o>div{display:block}",
    ".n::after{content:attr(data-none)}.n::after,[role=option]{padding:7px 8px}[role=option]{cursor:pointer;overflow-wrap:anywhere}",
    "[role=option]:hover,[aria-selected=true]{background:rgba(128,128,128,.25)}[aria-selected=true]{outline:2px solid;outline-offset:-2px}",
    "@media (pointer:coarse){input{font-size:16px}[role=option]{padding:10px 8px}}",
    // Last: a visually hidden table wrapper keeps none of `.tw`'s margin or scrolling.
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;margin:-1px}",
    ".dk .alert{border-color:#ff8a80;background:#3b1513;color:#ffdad6}.dk pre{background:#1d0b0a}",
    ".dk .warn{border-color:#f0b341;background:#2e2200;color:#ffe7b0}",
    "@media print{button,.pg,.find{display:none}canvas{height:auto!important}}"
);

thread_local! {
    /// One constructed sheet per document (an iframe's shadow roots need a sheet of their own
    /// document), created on first use.
    static SHEETS: RefCell<Vec<(Document, CssStyleSheet)>> = const { RefCell::new(Vec::new()) };
}

/// The document's sheet, built through its own window's `CSSStyleSheet` (a sheet may be adopted
/// only in the document it was constructed for). `None` where sheets cannot be constructed
/// (Safari before 16.4).
fn sheet(document: &Document) -> Option<CssStyleSheet> {
    SHEETS.with(|sheets| {
        let mut sheets = sheets.borrow_mut();
        if let Some((_, s)) = sheets.iter().find(|(d, _)| d == document) {
            return Some(s.clone());
        }
        let view: JsValue = document.default_view()?.into();
        let class = js_sys::Reflect::get(&view, &JsValue::from_str("CSSStyleSheet")).ok()?;
        if !class.is_function() {
            return None;
        }
        let sheet = js_sys::Reflect::construct(class.unchecked_ref::<js_sys::Function>(), &js_sys::Array::new())
            .ok()?
            .unchecked_into::<CssStyleSheet>();
        sheet.replace_sync(SHEET).ok()?;
        if sheets.len() >= 8 {
            sheets.remove(0);
        }
        sheets.push((document.clone(), sheet.clone()));
        Some(sheet)
    })
}

/// Opens `host`'s shadow root with the sheet (or, without constructed sheets, a `<style>` element
/// in it, which a strict CSP blocks; such browsers then show the chart unstyled but working).
pub(crate) fn attach(document: &Document, host: &HtmlElement) -> Option<ShadowRoot> {
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).ok()?;
    if let Some(s) = sheet(document) {
        root.set_adopted_style_sheets(&js_sys::Array::of1(&s));
    } else {
        let style = document.create_element("style").ok()?;
        style.set_text_content(Some(SHEET));
        root.append_child(&style).ok()?;
    }
    Some(root)
}
