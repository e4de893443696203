//! What the unit tests of several modules share: the seed data and a layout in one call
//! (natively measured, light theme, Vietnamese). Tests only.

use crate::layout::{layout, Layout, LayoutInput};
use crate::model::{model_from_json, ChartKind, Model};
use crate::text::ApproxMeasure;
use crate::theme::Theme;
use crate::Locale;

/// tests/fixtures/seed.json: three communes and two indicators from real reports.
pub const SEED: &str = include_str!("../tests/fixtures/seed.json");

/// `json` read and laid out as `kind` at `width` CSS px.
pub fn lay(json: &str, kind: ChartKind, width: f64) -> (Model, Layout) {
    let model = model_from_json(json).unwrap();
    let theme = Theme::light();
    let l = layout(&LayoutInput { model: &model, kind, locale: Locale::Vi, width, theme: &theme, measure: &ApproxMeasure });
    (model, l)
}
