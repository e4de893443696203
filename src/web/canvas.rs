//! The browser's drawing backend: plotters' [`DrawingBackend`] over a `CanvasRenderingContext2d`.
//!
//! Why not plotters-canvas: it builds every colour with `format!("rgba({},{},{},{})")` of an f64
//! alpha and every font with an f64 size, which links core's float formatting (about 15 kB of
//! wasm), and it sets fill, font, alignment and baseline again for each bar and label. This
//! backend does only what [`crate::draw`] asks for (filled and stroked rectangles, one-pixel
//! lines, text) and sets a canvas property only when it changes: a 10,000-commune chart sets a
//! few colours, not 20,000 strings.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::text::font_css;
use crate::theme::Rgb;

use wasm_bindgen::JsCast;

/// The one error this backend reports: the browser refused a call (an exception from the canvas).
#[derive(Debug)]
pub struct CanvasError;

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the canvas refused to draw")
    }
}

impl std::error::Error for CanvasError {}

pub struct Canvas2d {
    ctx: CanvasRenderingContext2d,
    /// The backing store's size in device pixels (CSS px × devicePixelRatio).
    size_dev: (u32, u32),
    // What the context holds now; a property is set only when a mark needs another value.
    fill: Option<(u8, u8, u8)>,
    stroke: Option<(u8, u8, u8)>,
    line_width_px: u32,
    font: String,
    align: &'static str,
}

impl Canvas2d {
    /// A backend for `canvas`'s 2D context (its backing store: device pixels), or None if the
    /// browser gives no 2D context.
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Canvas2d> {
        // Unchecked: a canvas of another document (an iframe) is not an instance of this realm's class.
        let ctx = canvas.get_context("2d").ok()??.unchecked_into::<CanvasRenderingContext2d>();
        ctx.set_text_baseline("middle");
        ctx.set_line_width(1.0);
        Some(Canvas2d {
            ctx,
            size_dev: (canvas.width(), canvas.height()),
            fill: None,
            stroke: None,
            line_width_px: 1,
            font: String::new(),
            align: "",
        })
    }

    fn set_fill(&mut self, c: BackendColor) {
        if self.fill != Some(c.rgb) {
            self.ctx.set_fill_style_str(&Rgb(c.rgb.0, c.rgb.1, c.rgb.2).hex());
            self.fill = Some(c.rgb);
        }
    }

    fn set_stroke<S: BackendStyle>(&mut self, style: &S) {
        let c = style.color();
        if self.stroke != Some(c.rgb) {
            self.ctx.set_stroke_style_str(&Rgb(c.rgb.0, c.rgb.1, c.rgb.2).hex());
            self.stroke = Some(c.rgb);
        }
        let width = style.stroke_width().max(1);
        if self.line_width_px != width {
            self.ctx.set_line_width(f64::from(width));
            self.line_width_px = width;
        }
    }
}

/// Marks are opaque or absent: a colour with alpha 0 draws nothing, any other alpha draws opaque.
fn invisible(c: BackendColor) -> bool {
    c.alpha <= 0.0
}

fn failed(_: wasm_bindgen::JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError)
}

impl DrawingBackend for Canvas2d {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size_dev
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &color, true)
    }

    /// Horizontal and vertical lines sit on the half pixel so a one-pixel line covers one pixel
    /// column or row, not two at half intensity.
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<CanvasError>> {
        if invisible(style.color()) {
            return Ok(());
        }
        let (mut x0, mut y0, mut x1, mut y1) = (f64::from(from.0), f64::from(from.1), f64::from(to.0), f64::from(to.1));
        if from.0 == to.0 {
            x0 -= 0.5;
            x1 -= 0.5;
        }
        if from.1 == to.1 {
            y0 -= 0.5;
            y1 -= 0.5;
        }
        self.set_stroke(style);
        self.ctx.begin_path();
        self.ctx.move_to(x0, y0);
        self.ctx.line_to(x1, y1);
        self.ctx.stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if invisible(style.color()) {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (w, h) = (f64::from(bottom_right.0) - x, f64::from(bottom_right.1) - y);
        if fill {
            self.set_fill(style.color());
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.set_stroke(style);
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    /// Text anchored at `pos`: vertically centred (the only anchor [`crate::draw`] uses), left,
    /// centre or right.
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<(), DrawingErrorKind<CanvasError>> {
        if invisible(style.color()) {
            return Ok(());
        }
        let anchor = style.anchor();
        let align = match anchor.h_pos {
            HPos::Left => "left",
            HPos::Center => "center",
            HPos::Right => "right",
        };
        if self.align != align {
            self.ctx.set_text_align(align);
            self.align = align;
        }
        // Our styles always name FONT_FAMILY (draw.rs): the font as the measuring canvas set it.
        let font = font_css(matches!(style.style(), FontStyle::Bold), style.size());
        if font != self.font {
            self.ctx.set_font(&font);
            self.font = font;
        }
        self.set_fill(style.color());
        let y = f64::from(pos.1)
            + match anchor.v_pos {
                VPos::Center => 0.0,
                VPos::Top => style.size() / 2.0,
                VPos::Bottom => -style.size() / 2.0,
            };
        self.ctx.fill_text(text, f64::from(pos.0), y).map_err(failed)
    }
}
