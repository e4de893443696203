//! In headless Chromium (wasm-bindgen-test): mount charts into real elements and read the pixels
//! back from the canvas. Run by `make test` (target wasm32, runner wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use commune_charts::web::{mount, Chart};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("fixtures/seed.json");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn container(width_px: u32) -> HtmlElement {
    let el: HtmlElement = document().create_element("div").unwrap().dyn_into().unwrap();
    el.style().set_property("width", &format!("{width_px}px")).unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// The widget's node matching `selector`, inside the open shadow root of its host in `el`.
fn find(el: &HtmlElement, selector: &str) -> Option<web_sys::Element> {
    let host = el.query_selector("[data-commune-chart-root]").unwrap()?;
    host.shadow_root().expect("an open shadow root").query_selector(selector).unwrap()
}

fn canvas_of(el: &HtmlElement) -> HtmlCanvasElement {
    find(el, "canvas").expect("a canvas").dyn_into().unwrap()
}

/// RGBA pixels of the whole backing store.
fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    ctx.get_image_data(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height())).unwrap().data().0
}

/// Longest horizontal run of one colour (within a small tolerance) over all rows.
fn longest_run(px: &[u8], width: usize, rgb: (u8, u8, u8)) -> usize {
    let close = |p: &[u8]| {
        (i32::from(p[0]) - i32::from(rgb.0)).abs() < 6
            && (i32::from(p[1]) - i32::from(rgb.1)).abs() < 6
            && (i32::from(p[2]) - i32::from(rgb.2)).abs() < 6
    };
    let mut best = 0;
    for row in px.chunks(width * 4) {
        let mut run = 0;
        for p in row.chunks(4) {
            run = if close(p) { run + 1 } else { 0 };
            best = best.max(run);
        }
    }
    best
}

/// What js/api.js does for a chart that asks for words: the explanations module (here the same
/// Rust, `explain::respond`, which explain/ wraps) answers the request, the chart shows it.
fn explain_like_api_js(chart: &Chart, text: &str, kind: &str) {
    let req = chart.explain_request();
    assert!(req.is_object(), "the chart asks for its explanation");
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "the chart's own serial number, a u32")]
    let serial = js_sys::Reflect::get(&req, &"serial".into()).unwrap().as_f64().unwrap() as u32;
    for (k, v) in [("task", "data"), ("text", text), ("kind", kind)] {
        js_sys::Reflect::set(&req, &k.into(), &JsValue::from_str(v)).unwrap();
    }
    let request: String = js_sys::JSON::stringify(&req).unwrap().into();
    let answer = commune_charts::explain::respond(&request);
    // An answer to an older request changes nothing.
    chart.explain(&answer, serial.wrapping_sub(1));
    assert!(chart.explain_request().is_object());
    chart.explain(&answer, serial);
    assert!(chart.explain_request().is_undefined());
}

const BAR_BLUE: (u8, u8, u8) = (0x1f, 0x5f, 0xa8);
const KIND_ORANGE: (u8, u8, u8) = (0xe6, 0x9f, 0x00);

#[wasm_bindgen_test]
fn members_chart_draws_bars_proportional_to_the_data() {
    let el = container(640);
    let chart = mount(el.clone(), SEED, "members", f64::NAN).unwrap();
    assert!(chart.is_ready());
    assert_eq!(el.get_attribute("data-state").as_deref(), Some("ready"));
    let canvas = canvas_of(&el);
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    assert_eq!(f64::from(canvas.width()), (640.0 * dpr).round(), "backing store = CSS width x DPR");
    let px = pixels(&canvas);
    let longest = longest_run(&px, canvas.width() as usize, BAR_BLUE);
    // Đức Thọ's 2.989 bar spans most of the plot; Mồ Sì San's 89 is 3% of it.
    assert!(2 * longest > canvas.width() as usize, "longest bar {longest} px");
    let label = canvas.get_attribute("aria-label").unwrap();
    assert!(label.contains("Đức Thọ (2.989)"), "{label}");
    let table = find(&el, "table").unwrap().text_content().unwrap();
    assert!(table.contains("Mồ Sì San") && table.contains("2.989"), "{table}");
    chart.destroy();
    assert!(find(&el, "canvas").is_none(), "destroy removes the nodes it added");
    assert_eq!(el.get_attribute("data-state"), None);
    el.remove();
}

#[wasm_bindgen_test]
fn cells_chart_stacks_cell_kinds_in_their_colours() {
    let el = container(640);
    let chart = mount(el.clone(), SEED, "cells", f64::NAN).unwrap();
    assert!(chart.is_ready());
    let canvas = canvas_of(&el);
    let px = pixels(&canvas);
    let w = canvas.width() as usize;
    assert!(longest_run(&px, w, KIND_ORANGE) > 10, "the second cell kind is drawn in orange");
    assert!(longest_run(&px, w, BAR_BLUE) > 10, "the first cell kind is drawn in blue");
    chart.destroy();
    el.remove();
}

#[wasm_bindgen_test]
fn invalid_data_shows_an_alert_and_other_charts_still_render() {
    let bad = container(500);
    let good = container(500);
    let text = "{\n  \"communes\": [\n    {\"name\": \"A\" \"members\": 3}\n  ]\n}";
    let bad_chart = mount(bad.clone(), text, "members", f64::NAN).unwrap();
    let good_chart = mount(good.clone(), SEED, "members", f64::NAN).unwrap();
    assert!(!bad_chart.is_ready());
    // The words come from the explanations module: until then the chart is loading, not drawn.
    assert_eq!(bad.get_attribute("data-state").as_deref(), Some("loading"));
    assert!(good_chart.explain_request().is_undefined(), "a valid chart asks for nothing");
    explain_like_api_js(&bad_chart, text, "members");
    assert_eq!(bad.get_attribute("data-state").as_deref(), Some("error"));
    let alert = find(&bad, "[role=alert]").expect("an alert").text_content().unwrap();
    assert!(alert.contains("dòng 3, cột 18"), "{alert}");
    assert!(bad_chart.error_message().unwrap().contains("dòng 3, cột 18"));
    assert_eq!(bad_chart.problems().length(), 1);
    assert!(find(&bad, "canvas").is_none());
    assert_eq!(good.get_attribute("data-state").as_deref(), Some("ready"));
    assert!(longest_run(&pixels(&canvas_of(&good)), canvas_of(&good).width() as usize, BAR_BLUE) > 100);
    // Fixing the data turns the alert into a chart.
    assert!(bad_chart.update(SEED, f64::NAN, false));
    assert!(bad_chart.is_ready());
    assert!(find(&bad, "[role=alert]").is_none());
    // A refresh (`keep`) with invalid data leaves the drawn chart as it was.
    assert!(!bad_chart.update(text, f64::NAN, true));
    assert!(bad_chart.is_ready());
    assert!(find(&bad, "[role=alert]").is_none());
    assert!(bad_chart.error_message().is_none());
    bad_chart.destroy();
    good_chart.destroy();
    bad.remove();
    good.remove();
}

#[wasm_bindgen_test]
fn schema_errors_name_the_field_path() {
    let el = container(400);
    let text = r#"{"locale":"en","communes":[{"name":"A","members":1},{"name":"B","member":2}]}"#;
    let chart = mount(el.clone(), text, "members", f64::NAN).unwrap();
    explain_like_api_js(&chart, text, "members");
    let alert = find(&el, "[role=alert]").unwrap().text_content().unwrap();
    assert!(alert.contains("`communes[1].member`: there is no field \"member\". Did you mean \"members\"?"), "{alert}");
    chart.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn a_chart_mounted_before_it_is_in_the_page_draws_once_it_has_a_width() {
    let el: HtmlElement = document().create_element("div").unwrap().dyn_into().unwrap();
    let chart = mount(el.clone(), SEED, "members", f64::NAN).unwrap();
    // The nodes may be there (so a shrink-to-fit box gets a width), but no pixels and not ready.
    assert!(find(&el, "canvas").is_none_or(|c| c.dyn_into::<HtmlCanvasElement>().unwrap().width() == 0), "nothing drawn at width 0");
    assert_eq!(el.get_attribute("data-state").as_deref(), Some("loading"));
    el.style().set_property("width", "420px").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    // ResizeObserver reports after layout; give it two frames.
    for _ in 0..20 {
        if find(&el, "canvas").is_some_and(|c| c.dyn_into::<HtmlCanvasElement>().unwrap().width() > 0) {
            break;
        }
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 25).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    }
    let canvas = canvas_of(&el);
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    assert_eq!(canvas.offset_width(), 420, "as wide as its box");
    assert_eq!(f64::from(canvas.width()), (420.0 * dpr).round(), "backing store = 420 CSS px x DPR");
    assert_eq!(el.get_attribute("data-state").as_deref(), Some("ready"));
    chart.destroy();
    el.remove();
}

/// The core formats numbers itself (layout needs the strings natively too, for SVG and tests);
/// here it is held to what the browser's own Intl.NumberFormat says for vi-VN and en-US.
#[wasm_bindgen_test]
fn number_formatting_matches_the_browsers_intl() {
    use commune_charts::Locale;
    let intl = js_sys::Function::new_with_args(
        "v, tag, d",
        "return new Intl.NumberFormat(tag, { maximumFractionDigits: d, minimumFractionDigits: 0 }).format(v)",
    );
    let ask = |v: f64, tag: &str, d: u32| -> String {
        intl.call3(&wasm_bindgen::JsValue::NULL, &v.into(), &tag.into(), &d.into()).unwrap().as_string().unwrap()
    };
    for v in [0.0, 7.0, 89.0, 999.0, 1000.0, 2989.0, 40065.0, 1_234_567.0, 9_007_199_254_740_991.0] {
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "whole numbers below 2^53")]
        let n = v as u64;
        assert_eq!(Locale::Vi.format_int(n), ask(v, "vi-VN", 0), "vi {v}");
        assert_eq!(Locale::En.format_int(n), ask(v, "en-US", 0), "en {v}");
    }
    // Ties, a 16-digit tie where the shortest form is ambiguous (Intl, like ryu, takes the even
    // digit: …937,2), and ratios as the charts compute them (members per cell, percent of plan).
    let mut values = vec![0.04, 0.15, 9.888, 9.96, 38.818, 99.7, 102.0, 999.95, 5755.25, 48.93, 1234.5, 662_936_471_232_937.0 + 0.25];
    for i in 1..=400u32 {
        values.push(f64::from(i * 7919 % 5000) / f64::from(i % 97 + 1));
        values.push(f64::from(i * 104_729 % 100_000) / f64::from(i * 31 % 1000 + 1) * 100.0);
    }
    for v in values {
        assert_eq!(Locale::Vi.format_decimal(v, 1), ask(v, "vi-VN", 1), "vi {v}");
        assert_eq!(Locale::En.format_decimal(v, 1), ask(v, "en-US", 1), "en {v}");
        assert_eq!(Locale::Vi.format_decimal(v, 2), ask(v, "vi-VN", 2), "vi {v}");
    }
}
