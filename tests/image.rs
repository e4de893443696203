//! The playground's image module (render/, `commune_charts::image::respond`) against the built
//! command-line program: for every fixture, kind, width, language and theme, the SVG the
//! playground downloads is byte for byte the one `commune-charts render` writes, and invalid data
//! gets the messages the program prints.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::path::Path;
use std::process::Command;

use commune_charts::ChartKind;

const BIN: &str = env!("CARGO_BIN_EXE_commune-charts");

#[path = "support/fixtures.rs"]
mod support_fixtures;
use support_fixtures::fixtures;

/// The request the playground's download.js sends.
fn request(data: &str, kind: &str, width: f64, lang: &str, theme: &str) -> String {
    serde_json::json!({ "data": data, "kind": kind, "width": width, "lang": lang, "theme": theme }).to_string()
}

fn cli(file: &Path, kind: &str, width: f64, lang: &str, theme: &str) -> std::process::Output {
    let mut args = vec!["render".to_string(), file.display().to_string(), "--width".into(), width.to_string()];
    args.extend(["--locale".into(), lang.into(), "--theme".into(), theme.into(), "-q".into()]);
    if !kind.is_empty() {
        args.extend(["--kind".into(), kind.into()]);
    }
    Command::new(BIN).args(&args).output().unwrap()
}

#[test]
fn the_playgrounds_svg_is_the_command_lines() {
    let mut compared = 0;
    for file in fixtures() {
        let data = std::fs::read_to_string(&file).unwrap();
        for kind in std::iter::once("").chain(ChartKind::NAMES.iter().copied()) {
            for (width, lang, theme) in [(640.0, "vi", "light"), (375.0, "en", "dark"), (1200.0, "vi", "light")] {
                let what = format!("{} --kind {kind:?} --width {width} --locale {lang} --theme {theme}", file.display());
                let answer: serde_json::Value =
                    serde_json::from_str(&commune_charts::image::respond(&request(&data, kind, width, lang, theme))).unwrap();
                let out = cli(&file, kind, width, lang, theme);
                if out.status.code() == Some(0) {
                    assert_eq!(answer["ok"], true, "{what}: {answer}");
                    let svg = answer["svg"].as_str().unwrap();
                    assert!(svg.as_bytes() == out.stdout.as_slice(), "{what}: the SVG differs from the command line's");
                    // The size the page gives the <noscript> image is the SVG's own.
                    let doc = roxmltree::Document::parse(svg).unwrap();
                    let root = doc.root_element();
                    assert_eq!(root.attribute("width").unwrap(), answer["width"].to_string(), "{what}");
                    assert_eq!(root.attribute("height").unwrap(), answer["height"].to_string(), "{what}");
                    let desc = root.children().find(|n| n.has_tag_name("desc")).unwrap().text().unwrap_or("");
                    assert_eq!(answer["desc"].as_str().unwrap(), desc, "{what}");
                    let title = root.children().find(|n| n.has_tag_name("title")).unwrap().text().unwrap_or("");
                    assert_eq!(answer["title"].as_str().unwrap(), title, "{what}");
                    compared += 1;
                } else {
                    // Nothing to draw for this kind (or invalid data): the same messages as the program's.
                    assert_eq!(out.status.code(), Some(1), "{what}");
                    assert_eq!(answer["ok"], false, "{what}: {answer}");
                    let stderr = String::from_utf8(out.stderr).unwrap();
                    for message in answer["problems"].as_array().unwrap() {
                        assert!(stderr.contains(message.as_str().unwrap()), "{what}: {message} not in {stderr}");
                    }
                }
            }
        }
    }
    assert!(compared >= 20, "{compared} SVGs compared");
}

#[test]
fn the_width_is_made_one_the_command_line_takes() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed.json");
    let data = std::fs::read_to_string(&seed).unwrap();
    for (asked, drawn) in [(120.5, 200.0), (639.6, 639.0), (20000.0, 8192.0)] {
        let answer: serde_json::Value =
            serde_json::from_str(&commune_charts::image::respond(&request(&data, "members", asked, "vi", "light"))).unwrap();
        let out = cli(&seed, "members", drawn, "vi", "light");
        assert_eq!(answer["width"].to_string(), drawn.to_string());
        assert!(answer["svg"].as_str().unwrap().as_bytes() == out.stdout.as_slice(), "--width {drawn}");
    }
}
