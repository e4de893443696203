//! Step 4: [`Layout`] -> any plotters [`DrawingBackend`]: ours over canvas in the browser (`canvas.rs`),
//! `plotters-svg` natively. Coordinates arrive in CSS pixels and leave in device pixels
//! (`device_px_per_css` = devicePixelRatio on canvas, 1 for SVG), rounded per edge, so bars are
//! crisp at DPR 1, 2 and 3 and stacked segments still touch.

use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily, FontStyle,
};

use crate::layout::{Align, Layout, Mark};
use crate::text::{Font, FONT_FAMILY};
use crate::theme::Rgb;

/// How a backend sizes text: canvas takes CSS pixels; plotters-svg divides the size by 1.24
/// (its point convention), so SVG output passes 1.24 to get the same pixel size.
/// A tall chart on canvas draws only a window of it (`window_top_css`, `window_height_css`): the
/// part on screen, on a canvas that stays in view while the page scrolls.
#[derive(Clone, Copy, Debug)]
pub struct Target {
    pub device_px_per_css: f64,
    pub text_size_factor: f64,
    pub window_top_css: f64,
    pub window_height_css: f64,
}

impl Target {
    pub const SVG: Target =
        Target { device_px_per_css: 1.0, text_size_factor: 1.24, window_top_css: 0.0, window_height_css: f64::INFINITY };
    pub fn canvas(device_px_per_css: f64) -> Target {
        Target { device_px_per_css, text_size_factor: 1.0, window_top_css: 0.0, window_height_css: f64::INFINITY }
    }
    /// Only the marks between `top` and `top + height` (CSS px), moved up by `top`.
    pub fn window(self, top: f64, height: f64) -> Target {
        Target { window_top_css: top, window_height_css: height, ..self }
    }
    fn shows(&self, y0: f64, y1: f64) -> bool {
        const MARGIN_CSS: f64 = 24.0;
        y1 >= self.window_top_css - MARGIN_CSS && y0 <= self.window_top_css + self.window_height_css + MARGIN_CSS
    }
}

pub fn draw<B: DrawingBackend>(layout: &Layout, backend: &mut B, target: Target) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    backend.ensure_prepared()?;
    let (w, h) = backend.get_size();
    backend.draw_rect(
        (0, 0),
        (i32::try_from(w).unwrap_or(i32::MAX), i32::try_from(h).unwrap_or(i32::MAX)),
        &color(layout.background),
        true,
    )?;
    draw_marks(&layout.marks, backend, target)?;
    backend.present()
}

/// Draws marks over whatever the backend holds (the highlight layer uses this on a cleared
/// overlay canvas).
pub fn draw_marks<B: DrawingBackend>(marks: &[Mark], backend: &mut B, target: Target) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    let s = target.device_px_per_css;
    let px = |v: f64| -> i32 {
        #[expect(clippy::cast_possible_truncation, reason = "layout values are bounded by the chart size; saturating on anything absurd")]
        let p = (v * s).round() as i32;
        p
    };
    let top = target.window_top_css;
    let py = |v: f64| px(v - top);
    for mark in marks {
        let (y0, y1) = match mark {
            Mark::Rect { rect, .. } | Mark::Frame { rect, .. } => (rect.y0, rect.y1),
            Mark::Line { y0, y1, .. } => (y0.min(*y1), y0.max(*y1)),
            Mark::Text { y_mid, font, .. } => (y_mid - font.size_css, y_mid + font.size_css),
        };
        if !target.shows(y0, y1) {
            continue;
        }
        match mark {
            Mark::Rect { rect, color: c } => {
                let (x0, x1) = (px(rect.x0), px(rect.x1));
                if x1 > x0 {
                    backend.draw_rect((x0, py(rect.y0)), (x1, py(rect.y1)), &color(*c), true)?;
                }
            }
            Mark::Line { x0, y0, x1, y1, color: c } => {
                // One device pixel wide, on the pixel grid (the canvas backend shifts by half).
                let from: BackendCoord = (px(*x0) + i32::from(x0 == x1), py(*y0));
                let to: BackendCoord = (px(*x1) + i32::from(x0 == x1), py(*y1));
                backend.draw_line(from, to, &color(*c))?;
            }
            Mark::Text { x, y_mid, text, font, color: c, align } => {
                let style = TextStyle { font: *font, scale: s * target.text_size_factor, color: *c, align: *align };
                backend.draw_text(text, &style, (px(*x), py(*y_mid)))?;
            }
            Mark::Frame { rect, color: c, width } => {
                #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a frame's width in device px, saturating")]
                let stroke = Stroke { color: color(*c), width: (width * s).round().max(1.0) as u32 };
                backend.draw_rect((px(rect.x0), py(rect.y0)), (px(rect.x1), py(rect.y1)), &stroke, false)?;
            }
        }
    }
    Ok(())
}

struct Stroke {
    color: BackendColor,
    width: u32,
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.color
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

fn color(c: Rgb) -> BackendColor {
    BackendColor { alpha: 1.0, rgb: (c.0, c.1, c.2) }
}

struct TextStyle {
    font: Font,
    scale: f64,
    color: Rgb,
    align: Align,
}

/// Our text style needs no font files: backends hand family and size to the browser or the SVG
/// viewer, which shape the text. `layout_box` is only a fallback estimate for backends that ask.
impl BackendTextStyle for TextStyle {
    type FontError = std::fmt::Error;

    fn color(&self) -> BackendColor {
        color(self.color)
    }
    fn size(&self) -> f64 {
        self.font.size_css * self.scale
    }
    fn style(&self) -> FontStyle {
        if self.font.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }
    fn anchor(&self) -> Pos {
        let h = match self.align {
            Align::Start => HPos::Left,
            Align::Middle => HPos::Center,
            Align::End => HPos::Right,
        };
        Pos::new(h, VPos::Center)
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(FONT_FAMILY)
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        use crate::text::{ApproxMeasure, TextMeasure};
        #[expect(clippy::cast_possible_truncation, reason = "a text's width in px, saturating")]
        let w = ApproxMeasure.width_px(text, self.font) as i32;
        #[expect(clippy::cast_possible_truncation, reason = "a font size in px, saturating")]
        let h = self.size() as i32;
        Ok(((0, 0), (w, h)))
    }
    fn draw<E, DrawFunc: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _pos: BackendCoord,
        _draw: DrawFunc,
    ) -> Result<Result<(), E>, Self::FontError> {
        // Only pixel backends rasterise text themselves; ours (canvas, SVG) never call this.
        Ok(Ok(()))
    }
}

/// The chart as a standalone SVG document (native builds: tests, goldens, static fallback; and
/// the playground's image module, render/, with the `svg` feature).
#[cfg(any(not(target_arch = "wasm32"), feature = "svg"))]
pub fn to_svg(layout: &Layout) -> Result<String, String> {
    let mut out = String::new();
    {
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "the layout's size in px: positive, saturating")]
        let size = (layout.width.ceil() as u32, layout.height.ceil() as u32);
        let mut backend = plotters_svg::SVGBackend::with_string(&mut out, size);
        draw(layout, &mut backend, Target::SVG).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// What a standalone SVG says about itself, for people and machines that do not see the bars.
#[derive(Clone, Copy, Debug)]
pub struct SvgMeta<'a> {
    /// `<title>`: the chart's title.
    pub title: &'a str,
    /// `<desc>`: the summary sentence (the canvas's `aria-label`).
    pub desc: &'a str,
    /// The `lang` attribute (`vi`, `en`).
    pub lang: &'a str,
}

/// The chart as an accessible SVG document: [`to_svg`]'s drawing with `<title>` and `<desc>` as
/// the first children of `<svg>`, `role="img"`, `aria-labelledby` naming both, and `lang`.
/// Text (data included) is XML-escaped by plotters-svg; ours is escaped here.
#[cfg(any(not(target_arch = "wasm32"), feature = "svg"))]
pub fn to_svg_document(layout: &Layout, meta: &SvgMeta) -> Result<String, String> {
    decorate_svg(&to_svg(layout)?, meta)
}

/// Inserts the attributes and `<title>`/`<desc>` into plotters-svg's output.
pub fn decorate_svg(svg: &str, meta: &SvgMeta) -> Result<String, String> {
    let open_end = svg.strip_prefix("<svg").and_then(|rest| rest.find('>')).ok_or("plotters-svg wrote no <svg> tag")? + 4;
    let (open, rest) = svg.split_at(open_end);
    let open = open.trim_end_matches('/');
    // Ids unique per chart, so several inline SVGs on one page do not share them.
    let id = format!("commune-chart-{:08x}", fnv1a(&[meta.title, meta.desc, &svg.len().to_string()]));
    let mut out = String::with_capacity(svg.len() + meta.title.len() + meta.desc.len() + 256);
    out.push_str(open);
    out.push_str(&format!(
        " role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" lang=\"{}\" font-family=\"{}\">\n",
        escape_xml(meta.lang),
        escape_xml(FONT_FAMILY)
    ));
    out.push_str(&format!("<title id=\"{id}-title\">{}</title>\n", escape_xml(meta.title)));
    out.push_str(&format!("<desc id=\"{id}-desc\">{}</desc>", escape_xml(meta.desc)));
    let rest = rest.strip_prefix('>').unwrap_or(rest);
    if rest.chars().any(not_xml) {
        // Data text with control characters: plotters-svg escapes markup but not these.
        out.extend(rest.chars().map(|c| if not_xml(c) { '\u{fffd}' } else { c }));
    } else {
        out.push_str(rest);
    }
    Ok(out)
}

/// Characters XML 1.0 does not allow at all: controls other than tab and line breaks, U+FFFE/F.
fn not_xml(c: char) -> bool {
    ((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// Text and attribute values for XML: `<`, `>`, `&` and both quotes (as plotters-svg does).
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if not_xml(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

fn fnv1a(parts: &[&str]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in parts.iter().flat_map(|p| p.bytes().chain([0])) {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[expect(clippy::unwrap_used, reason = "the tests' helpers unwrap")]
mod tests {
    use super::*;

    fn svg(layout: &Layout, target: Target, height: u32) -> String {
        let mut out = String::new();
        {
            let mut backend = plotters_svg::SVGBackend::with_string(&mut out, (640, height));
            draw(layout, &mut backend, target).unwrap();
        }
        out
    }

    #[test]
    fn a_window_draws_only_its_rows_moved_to_the_top() {
        let communes: Vec<String> = (1..=400).map(|i| format!(r#"{{"name":"Xã số {i}","members":{i}}}"#)).collect();
        let json = format!(r#"{{"communes":[{}]}}"#, communes.join(","));
        let model = crate::model::model_from_json(&json).unwrap();
        let theme = crate::theme::Theme::light();
        let input = crate::layout::LayoutInput {
            model: &model,
            kind: crate::ChartKind::Members,
            locale: crate::Locale::Vi,
            width: 640.0,
            theme: &theme,
            measure: &crate::text::ApproxMeasure,
        };
        let l = crate::layout::layout(&input);
        let bar = l.bars.iter().find(|b| b.row == 199).unwrap().rect;
        let full = svg(&l, Target::SVG, 800);
        let window = svg(&l, Target::SVG.window(bar.y0 - 10.0, 300.0), 300);
        let has = |svg: &str, name: &str| svg.contains(&format!("\n{name}\n"));
        assert!(has(&full, "Xã số 1") && has(&full, "Xã số 400"));
        assert!(has(&window, "Xã số 200"), "the row in the window is drawn");
        assert!(!has(&window, "Xã số 1") && !has(&window, "Xã số 400"), "rows far outside are not");
        assert!(window.len() * 10 < full.len(), "{} vs {} bytes", window.len(), full.len());
        // ...and the bar lands 10 px from the canvas top.
        assert!(window.contains(r#"y="10""#), "the bar is moved to the window's top");
    }
}
