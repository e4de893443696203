//! Golden images: every chart kind rendered natively through plotters' SVG backend from the
//! fixtures in tests/fixtures/, compared with tests/golden/*.svg. A mismatch writes the new
//! output next to the golden as `*.new.svg` for review; `make goldens` accepts new output.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::path::PathBuf;

use commune_charts::draw::to_svg;
use commune_charts::layout::{layout, LayoutInput};
use commune_charts::text::ApproxMeasure;
use commune_charts::theme::Theme;
use commune_charts::{prepare, ChartKind};

fn render(fixture: &str, kind: ChartKind, width: f64, dark: bool) -> String {
    let json = std::fs::read_to_string(root().join("tests/fixtures").join(fixture)).unwrap();
    let p = prepare(&json, kind.name(), "").map_err(|(p, _)| p).unwrap();
    let theme = if dark { Theme::dark() } else { Theme::light() };
    let l = layout(&LayoutInput { model: &p.model, kind: p.kind, locale: p.locale, width, theme: &theme, measure: &ApproxMeasure });
    to_svg(&l).unwrap()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Compares with the golden, or writes it when `UPDATE_GOLDENS=1`. Returns a failure message.
fn check(name: &str, svg: &str) -> Option<String> {
    let dir = root().join("tests/golden");
    let golden = dir.join(format!("{name}.svg"));
    let fresh = dir.join(format!("{name}.new.svg"));
    if std::env::var_os("UPDATE_GOLDENS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&golden, svg).unwrap();
        std::fs::remove_file(&fresh).ok();
        return None;
    }
    match std::fs::read_to_string(&golden) {
        Ok(expected) if expected == svg => {
            std::fs::remove_file(&fresh).ok();
            None
        }
        Ok(_) => {
            std::fs::write(&fresh, svg).unwrap();
            Some(format!("{name}: differs from {} (new output in {})", golden.display(), fresh.display()))
        }
        Err(_) => {
            std::fs::write(&fresh, svg).unwrap();
            Some(format!("{name}: no golden yet (new output in {}; run `make goldens`)", fresh.display()))
        }
    }
}

#[test]
fn every_kind_matches_its_golden_on_phone_and_desktop() {
    let mut failures = Vec::new();
    for kind in ChartKind::ALL {
        for width in [375.0, 720.0] {
            let svg = render("seed.json", kind, width, false);
            failures.extend(check(&format!("seed-{}-{width}", kind.name()), &svg));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn english_sorted_long_names_and_dark_theme_match_their_goldens() {
    let mut failures = Vec::new();
    for kind in [ChartKind::Members, ChartKind::Targets, ChartKind::Overview] {
        failures.extend(check(&format!("district-en-{}-1000", kind.name()), &render("district-en.json", kind, 1000.0, false)));
    }
    failures.extend(check("seed-overview-1000-dark", &render("seed.json", ChartKind::Overview, 1000.0, true)));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn goldens_show_what_the_reader_needs() {
    // Independent of the golden files: the essentials are in the SVG text.
    let svg = render("district-en.json", ChartKind::Members, 1000.0, false);
    assert!(svg.contains("2,989"), "English grouping");
    // The name column takes the room the bars can spare (half the width) before a name is cut.
    assert!(svg.contains("Thị trấn Phong Thổ (cũ), nay thuộc xã Phong Thổ mới sau sắp xếp"), "the long name is whole at 1000 px");
    let narrow = render("district-en.json", ChartKind::Members, 560.0, false);
    assert!(narrow.contains("…") && !narrow.contains("sau sắp xếp"), "at 560 px the long name is truncated with an ellipsis");
    assert!(svg.contains("no data"), "Ma Li Chải has no members: no data, not zero");
    let svg = render("seed.json", ChartKind::Targets, 375.0, false);
    assert!(svg.contains("Đạt và vượt") && svg.contains("không có số liệu"));
}
