//! The playground's image downloads ("Tải ảnh SVG", "Tải ảnh PNG", the social card) as one
//! request and one answer, for `render/`: a third wasm that only the playground fetches (readers
//! never do). The work is [`render_svg_document`], the function `commune-charts render` calls,
//! with the same options: the same data, kind, width, language and theme give the same bytes.
//! Text widths are the core's estimate ([`crate::text::ApproxMeasure`]), as in the
//! command-line program, not the page's fonts.
//!
//! - request: `{"data": "…the chart's JSON text…", "kind", "width", "lang", "theme"}`: `kind`
//!   as `--kind` (empty: the data's `chart`, else overview), `width` in CSS px as `--width`
//!   (made a whole number from 200 to 8192, as the command line accepts), `lang` as `--locale`
//!   (the data's own `locale` wins), `theme` `light` or `dark` as `--theme`.
//! - answer: `{"ok": true, "svg", "width", "height", "title", "desc", "lang", "warnings": […]}`:
//!   the SVG document, its size in CSS px (its `width` and `height` attributes), its `<title>`
//!   and `<desc>` (the summary sentence, for the `<noscript>` image's `alt`), its language, and
//!   the preview warnings the command line prints; or `{"ok": false, "problems": […]}`: the
//!   messages the widget's alert would show, in the chart's language.

use crate::json::{self, Value};
use crate::problem::push_json_string;
use crate::{render_svg_document, RenderError, SvgOptions};

/// The widths `commune-charts render --width` accepts.
pub const MIN_WIDTH: f64 = 200.0;
pub const MAX_WIDTH: f64 = 8192.0;

/// The answer to one request (JSON text); empty when the request itself cannot be read.
#[must_use]
pub fn respond(request: &str) -> String {
    let Ok(req) = json::parse(request) else { return String::new() };
    let text = |key: &str| match req.get(key) {
        Some(Value::String(s)) => s.as_str(),
        _ => "",
    };
    let width = match req.get("width") {
        Some(Value::Number(n)) if n.as_f64().is_finite() => n.as_f64(),
        _ => 640.0,
    };
    let options = SvgOptions {
        kind: text("kind"),
        width: width.max(MIN_WIDTH).min(MAX_WIDTH).floor(),
        page_lang: if text("lang").is_empty() { "vi" } else { text("lang") },
        dark: text("theme") == "dark",
    };
    let data = text("data");
    let mut out = String::with_capacity(data.len().max(4096));
    match render_svg_document(data, &options) {
        Ok(rendered) => {
            out.push_str("{\"ok\":true,\"svg\":");
            push_json_string(&rendered.svg, &mut out, usize::MAX);
            // The SVG's own width and height attributes (plotters-svg writes the layout's, rounded up).
            out.push_str(",\"width\":");
            out.push_str(&rendered.layout.width.ceil().max(0.0).to_string());
            out.push_str(",\"height\":");
            out.push_str(&rendered.layout.height.ceil().max(0.0).to_string());
            out.push_str(",\"title\":");
            push_json_string(&rendered.title, &mut out, usize::MAX);
            out.push_str(",\"desc\":");
            push_json_string(&rendered.desc, &mut out, usize::MAX);
            out.push_str(",\"lang\":");
            push_json_string(rendered.locale.tag(), &mut out, usize::MAX);
            out.push_str(",\"warnings\":[");
            for (i, w) in rendered.warnings.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_json_string(&w.message(rendered.locale), &mut out, usize::MAX);
            }
            out.push_str("]}");
        }
        Err(RenderError::Problems(problems, locale)) => {
            out.push_str("{\"ok\":false,\"problems\":[");
            for (i, p) in problems.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_json_string(&p.message(locale), &mut out, usize::MAX);
            }
            out.push_str("]}");
        }
        Err(RenderError::Drawing(message)) => {
            out.push_str("{\"ok\":false,\"problems\":[");
            push_json_string(&message, &mut out, usize::MAX);
            out.push_str("]}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    fn request(data: &str, kind: &str, width: f64, lang: &str, theme: &str) -> String {
        let mut q = String::from("{\"data\":");
        push_json_string(data, &mut q, usize::MAX);
        write!(q, ",\"kind\":\"{kind}\",\"width\":{width},\"lang\":\"{lang}\",\"theme\":\"{theme}\"}}").unwrap();
        q
    }

    const SEED: &str = include_str!("../tests/fixtures/seed.json");

    #[test]
    fn the_answer_is_the_command_lines_svg() {
        for (kind, width, lang, dark) in [("", 640.0, "vi", false), ("members", 375.0, "en", true), ("targets", 1200.0, "vi", false)] {
            let answer = respond(&request(SEED, kind, width, lang, if dark { "dark" } else { "light" }));
            let v: serde_json::Value = serde_json::from_str(&answer).unwrap();
            assert_eq!(v["ok"], true, "{answer}");
            let options = SvgOptions { kind, width, page_lang: lang, dark };
            let cli = render_svg_document(SEED, &options).unwrap();
            assert_eq!(v["svg"].as_str().unwrap(), cli.svg);
            assert_eq!(v["width"].to_string(), cli.layout.width.ceil().to_string());
            assert_eq!(v["height"].to_string(), cli.layout.height.ceil().to_string());
            let desc = v["desc"].as_str().unwrap();
            assert!(cli.svg.contains(&format!(">{}</desc>", crate::draw::escape_xml(desc))), "{desc}");
            assert!(cli.svg.contains(&format!(">{}</title>", crate::draw::escape_xml(v["title"].as_str().unwrap()))));
        }
    }

    #[test]
    fn widths_are_the_command_lines() {
        let at = |w: f64| -> serde_json::Value { serde_json::from_str(&respond(&request(SEED, "members", w, "vi", "light"))).unwrap() };
        assert_eq!(at(100.0)["width"], 200);
        assert_eq!(at(640.7)["width"], 640);
        assert_eq!(at(1e9)["width"], 8192);
    }

    #[test]
    fn problems_are_the_widgets_messages() {
        let v: serde_json::Value =
            serde_json::from_str(&respond(&request("{\"communes\": [{\"name\": 3}]}", "", 640.0, "en", "light"))).unwrap();
        assert_eq!(v["ok"], false);
        let problems = v["problems"].as_array().unwrap();
        assert!(!problems.is_empty());
        assert!(problems[0].as_str().unwrap().contains("communes[0].name"), "{problems:?}");
        assert_eq!(respond("not json"), "");
    }
}
