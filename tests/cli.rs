//! The command-line program (`commune-charts render`), run as a separate process: every fixture
//! and chart kind gives well-formed SVG whose text and bars are the shared layout's, invalid data
//! exits 1 with the widget's messages, usage errors exit 2.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use commune_charts::layout::{layout, Layout, LayoutInput, Mark};
use commune_charts::text::ApproxMeasure;
use commune_charts::theme::Theme;
use commune_charts::{describe, prepare, ChartKind, Locale};

const BIN: &str = env!("CARGO_BIN_EXE_commune-charts");

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(BIN).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    // A usage error exits before reading: a broken pipe here is expected.
    input.write_all(stdin.unwrap_or("").as_bytes()).ok();
    drop(input);
    child.wait_with_output().unwrap()
}

#[path = "support/fixtures.rs"]
mod support_fixtures;
use support_fixtures::fixtures;

/// What the widget lays out for this data at this width (light theme, the native measure).
fn expected(json: &str, kind: ChartKind, width: f64, lang: &str) -> Result<(Layout, String, String, Locale), String> {
    let p = prepare(json, kind.name(), lang).map_err(|(problems, locale)| problems[0].message(locale))?;
    let theme = Theme::light();
    let input = LayoutInput { model: &p.model, kind: p.kind, locale: p.locale, width, theme: &theme, measure: &ApproxMeasure };
    let l = layout(&input);
    Ok((l, commune_charts::chart_title(&p.model, p.locale), describe::summary(&p.model, p.kind, p.locale), p.locale))
}

fn num(node: roxmltree::Node, attr: &str) -> f64 {
    node.attribute(attr).unwrap_or_else(|| panic!("<{}> without {attr}", node.tag_name().name())).parse().unwrap()
}

/// Checks one SVG document against the layout it must show. Returns how many bars it matched.
fn check_svg(svg: &str, l: &Layout, title: &str, desc: &str, locale: Locale, names: &[String], what: &str) -> usize {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{what}: not well-formed XML: {e}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg", "{what}");
    assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"), "{what}");
    assert_eq!(root.attribute("role"), Some("img"), "{what}");
    assert_eq!(root.attribute("lang"), Some(locale.tag()), "{what}");
    assert!(root.attribute("font-family").unwrap().contains("Noto Sans"), "{what}: a font list covering Vietnamese");
    // <title> and <desc> are the first two children, and aria-labelledby names both.
    let mut children = root.children().filter(roxmltree::Node::is_element);
    let (t, d) = (children.next().unwrap(), children.next().unwrap());
    assert_eq!((t.tag_name().name(), d.tag_name().name()), ("title", "desc"), "{what}");
    assert_eq!(t.text(), Some(title), "{what}");
    assert_eq!(d.text(), Some(desc), "{what}");
    let ids: Vec<&str> = root.attribute("aria-labelledby").unwrap().split(' ').collect();
    assert_eq!(ids, [t.attribute("id").unwrap(), d.attribute("id").unwrap()], "{what}");

    // Every text the layout draws is a real <text> element, in drawing order.
    let texts: Vec<String> =
        root.descendants().filter(|n| n.has_tag_name("text")).map(|n| n.text().unwrap_or("").trim().to_string()).collect();
    let marks: Vec<&str> =
        l.marks.iter().filter_map(|m| if let Mark::Text { text, .. } = m { Some(text.as_str()) } else { None }).collect();
    assert_eq!(texts, marks, "{what}: the <text> elements are the layout's texts (names and formatted values)");
    for name in names {
        // A name too long for its room is drawn cut, with an ellipsis (as on canvas).
        let drawn = |t: &String| t == name || t.strip_suffix('…').is_some_and(|cut| !cut.is_empty() && name.starts_with(cut.trim_end()));
        assert!(texts.iter().any(drawn), "{what}: commune {name:?} missing from {texts:?}");
    }

    // Every bar of the shared layout is a <rect> with each edge within 0.5 px, in its colour.
    let rects: Vec<(f64, f64, f64, f64, String)> = root
        .descendants()
        .filter(|n| n.has_tag_name("rect"))
        .map(|n| {
            let (x, y) = (num(n, "x"), num(n, "y"));
            (x, y, x + num(n, "width"), y + num(n, "height"), n.attribute("fill").unwrap_or("").to_lowercase())
        })
        .collect();
    assert_eq!((rects[0].2, rects[0].3), (l.width.ceil(), l.height.ceil()), "{what}: the background first");
    let mut matched = 0;
    for bar in &l.bars {
        let r = bar.rect;
        if (r.x1).round() <= (r.x0).round() {
            continue; // under half a pixel wide: not drawn, on canvas either
        }
        let colour = l.marks.iter().find_map(|m| match m {
            Mark::Rect { rect, color } if *rect == r => Some(color.hex()),
            _ => None,
        });
        let hit = rects.iter().skip(1).find(|(x0, y0, x1, y1, fill)| {
            (x0 - r.x0).abs() <= 0.5
                && (y0 - r.y0).abs() <= 0.5
                && (x1 - r.x1).abs() <= 0.5
                && (y1 - r.y1).abs() <= 0.5
                && colour.as_ref().is_none_or(|c| c == fill)
        });
        assert!(hit.is_some(), "{what}: no <rect> within 0.5 px of bar {bar:?} ({colour:?})");
        matched += 1;
    }
    matched
}

#[test]
fn every_fixture_and_kind_matches_the_shared_layout() {
    let mut drawn = 0;
    let mut bars = 0;
    for path in fixtures() {
        let json = std::fs::read_to_string(&path).unwrap();
        let file = path.to_str().unwrap();
        let names: Vec<String> = prepare(&json, "", "vi").map_err(|_| ()).unwrap().model.communes.iter().map(|c| c.name.clone()).collect();
        for kind in ChartKind::NAMES {
            let kind = ChartKind::from_name(kind).unwrap();
            for width in [375.0, 640.0, 1000.0] {
                let what = format!("{} {} {width}", path.file_name().unwrap().to_str().unwrap(), kind.name());
                let w = width.to_string();
                let out = run(&["render", file, "--kind", kind.name(), "--width", &w, "--locale", "vi", "-q"], None);
                match expected(&json, kind, width, "vi") {
                    Ok((l, title, desc, locale)) => {
                        assert_eq!(out.status.code(), Some(0), "{what}: {}", String::from_utf8_lossy(&out.stderr));
                        let svg = String::from_utf8(out.stdout).unwrap();
                        // Names of communes a kind cannot show (indicators) are not required.
                        let shown: &[String] = if kind == ChartKind::Indicators { &[] } else { &names };
                        bars += check_svg(&svg, &l, &title, &desc, locale, shown, &what);
                        drawn += 1;
                    }
                    Err(message) => {
                        // Data without what the kind needs: the widget's message, exit 1.
                        assert_eq!(out.status.code(), Some(1), "{what}");
                        assert!(String::from_utf8_lossy(&out.stderr).contains(&message), "{what}: {message}");
                    }
                }
            }
        }
    }
    assert!(drawn >= 24 && bars > 200, "{drawn} charts, {bars} bars checked");
}

#[test]
fn markup_in_names_is_escaped_text() {
    let name = r#"<b>"Xã" & 'A'</b>"#;
    let json = format!(
        r#"{{"title":"A <i>title</i> & \"quotes\"","communes":[{{"name":{},"members":12}},{{"name":"B&amp;","members":3}}]}}"#,
        serde_json::to_string(name).unwrap()
    );
    let out = run(&["render", "-", "--kind", "members"], Some(&json));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(!svg.contains("<b>") && !svg.contains("<i>"), "{svg}");
    assert!(svg.contains("&lt;b&gt;&quot;Xã&quot; &amp; &apos;A&apos;&lt;/b&gt;"), "{svg}");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let texts: Vec<&str> = doc.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).map(str::trim).collect();
    assert!(texts.contains(&name) && texts.contains(&"B&amp;"), "{texts:?}");
    let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(title.text(), Some(r#"A <i>title</i> & "quotes""#));
    // Control characters (allowed in JSON strings, not in XML) do not break the document.
    let out = run(&["render", "-"], Some(r#"{"communes":[{"name":"A\u0001B","members":1}]}"#));
    roxmltree::Document::parse(std::str::from_utf8(&out.stdout).unwrap()).unwrap();
}

#[test]
fn stdin_stdout_files_locale_and_theme() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed.json");
    let seed_text = std::fs::read_to_string(&seed).unwrap();
    let from_file = run(&["render", seed.to_str().unwrap(), "--kind", "targets", "-q"], None);
    let from_stdin = run(&["render", "-", "--kind=targets", "-o", "-", "-q"], Some(&seed_text));
    assert_eq!(from_file.status.code(), Some(0));
    assert_eq!(from_file.stdout, from_stdin.stdout, "- reads standard input");

    let dir = std::env::temp_dir().join(format!("commune-charts-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("chart.svg");
    let out = run(&["render", seed.to_str().unwrap(), "--kind", "targets", "-q", "-o", file.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read(&file).unwrap(), from_file.stdout);
    std::fs::remove_dir_all(&dir).ok();

    // --locale is the page's language: it speaks for data without a locale of its own.
    let district = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/district-en.json");
    let json = std::fs::read_to_string(&district).unwrap().replace("\"locale\": \"en\",", "");
    let vi = String::from_utf8(run(&["render", "-", "--locale", "vi", "-q"], Some(&json)).stdout).unwrap();
    let en = String::from_utf8(run(&["render", "-", "--locale", "en", "-q"], Some(&json)).stdout).unwrap();
    assert!(vi.contains(r#"lang="vi""#) && en.contains(r#"lang="en""#), "{vi}");

    // Dark: the dark theme's background.
    let dark = String::from_utf8(run(&["render", "-", "--theme", "dark", "-q"], Some(&seed_text)).stdout).unwrap();
    assert!(dark.contains(&format!("fill=\"{}\"", Theme::dark().background.hex().to_uppercase())), "{dark}");

    // Preview warnings go to stderr (the chart is still written), unless --quiet.
    let out = run(&["render", "-", "--kind", "targets"], Some(&seed_text));
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Đức Thọ"), "{}", String::from_utf8_lossy(&out.stderr));

    // …including a thousands dot in an indicator's value, as the widget's preview warns.
    let dot = r#"{"indicators":[{"name":"Lúa","value":5.755,"measure":"ha","percentOfPlan":99.7}]}"#;
    let out = run(&["render", "-", "--kind", "indicators"], Some(dot));
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("5755"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn every_problem_is_reported_at_its_file_line_and_column() {
    // Schema errors too, not only syntax errors: an editor jumps to `file:line:col:`.
    let json = "{\n  \"communes\": [\n    {\"name\": \"A\", \"membres\": 3},\n    {\"members\": 4}\n  ]\n}";
    let out = run(&["render", "-", "--locale", "en"], Some(json));
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("<stdin>:3:19: "), "the unknown field's key: {stderr}");
    let out = run(&["render", "-", "--locale", "en"], Some(&json.replace("membres", "members")));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("<stdin>:4:5: "), "the commune without a name: its {{: {stderr}");
}

#[test]
fn invalid_data_exits_1_with_the_widgets_messages() {
    for (json, lang) in [
        (r#"{"communes":[{"name":"A","members":"2.989"}]}"#, "vi"),
        (r#"{"communes":[{"name":"A","members":2.989.5}]}"#, "vi"),
        ("{\n  \"locale\": \"en\",\n  \"communes\": [\n    {\"name\": \"A\", \"members\": 12,}\n  ]\n}", "vi"),
        (r#"{"communes":[{"name":"A","membres":3}]}"#, "en"),
        ("", "vi"),
    ] {
        let out = run(&["render", "-", "--locale", lang], Some(json));
        assert_eq!(out.status.code(), Some(1), "{json}");
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8(out.stderr).unwrap();
        let (problems, locale) = prepare(json, "", lang).err().unwrap();
        for p in &problems {
            assert!(stderr.contains(&p.message(locale)), "{stderr}\nlacks\n{}", p.message(locale));
            if let Some((line, column)) = p.line_column() {
                assert!(stderr.contains(&format!("<stdin>:{line}:{column}: ")), "{stderr}");
                if let Some(excerpt) = p.excerpt() {
                    assert!(stderr.contains(excerpt.lines().next().unwrap()), "{stderr}");
                }
            }
        }
    }
}

#[test]
fn usage_errors_exit_2() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed.json");
    let seed = seed.to_str().unwrap();
    for args in [
        &[][..],
        &["draw", seed],
        &["render"],
        &["render", seed, "--kind", "pie"],
        &["render", seed, "--kind"],
        &["render", seed, "--width", "wide"],
        &["render", seed, "--width", "50"],
        &["render", seed, "--locale", "fr"],
        &["render", seed, "--theme", "blue"],
        &["render", seed, "--format", "gif"],
        &["render", seed, "--frobnicate"],
        &["render", seed, seed],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--help"), "{args:?}");
    }
    let help = run(&["--help"], None);
    assert_eq!(help.status.code(), Some(0));
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(
        help.contains("render <DATA.json | DATA.csv | DATA.tsv | ->") && help.contains("<noscript>") && help.contains("--features png"),
        "{help}"
    );
    let missing = run(&["render", "/nonexistent/data.json"], None);
    assert_eq!(missing.status.code(), Some(3));
}

#[cfg(not(feature = "png"))]
#[test]
fn png_without_the_feature_is_a_usage_error_that_says_how() {
    let out = run(&["render", "-", "--format", "png"], Some(r#"{"communes":[{"name":"A","members":1}]}"#));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--features png"));
}

#[cfg(feature = "png")]
#[test]
fn png_is_the_svg_rasterised() {
    let seed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed.json")).unwrap();
    let (l, ..) = expected(&seed, ChartKind::Targets, 640.0, "vi").unwrap();
    let out = run(&["render", "-", "--kind", "targets", "--format", "png", "--scale", "2", "-q"], Some(&seed));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let png = out.stdout;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let be = |i: usize| u32::from_be_bytes(png[i..i + 4].try_into().unwrap());
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a chart's height in px")]
    let height = l.height.ceil() as u32;
    assert_eq!((be(16), be(20)), (1280, height * 2), "IHDR width and height");
}

// Many charts at once: several files, folders, `--kind all`, `--out-dir`, `--jobs`.

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("commune-charts-cli-{}-{name}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The file names in a folder, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    names
}

/// Every kind the data has something to draw for.
fn drawable_kinds(json: &str) -> Vec<&'static str> {
    ChartKind::NAMES.iter().copied().filter(|k| prepare(json, k, "vi").is_ok()).collect()
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_folder_and_files_with_kind_all_write_one_svg_per_input_and_drawable_kind() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let dir = scratch("all");
    let data = dir.join("data");
    std::fs::create_dir_all(data.join("sub")).unwrap();
    std::fs::copy(fixtures.join("seed.json"), data.join("seed.json")).unwrap();
    std::fs::copy(fixtures.join("district-en.json"), data.join("district-en.JSON")).unwrap();
    // Not data files of the folder: other extensions, hidden files, subfolders.
    std::fs::write(data.join("notes.txt"), "not data").unwrap();
    std::fs::write(data.join(".hidden.json"), "{").unwrap();
    std::fs::write(data.join("sub/deep.json"), "{").unwrap();
    let extra = dir.join("extra.json");
    std::fs::write(&extra, r#"{"chart":"cells","communes":[{"name":"A","members":12,"cells":3},{"name":"B","members":7,"cells":2}]}"#)
        .unwrap();
    let out = dir.join("charts/nested");

    let run_all =
        |jobs: &str| run(&["render", path_str(&data), path_str(&extra), "--kind", "all", "--out-dir", path_str(&out), "-j", jobs], None);
    let result = run_all("2");
    let stderr = String::from_utf8(result.stderr).unwrap();
    assert_eq!(result.status.code(), Some(0), "{stderr}");
    assert!(result.stdout.is_empty(), "nothing on standard output");

    // One file per input and kind it can draw; the others skipped with a note naming the file.
    let mut expected_names = Vec::new();
    let mut skipped = 0;
    for (path, stem) in [(data.join("seed.json"), "seed"), (data.join("district-en.JSON"), "district-en"), (extra.clone(), "extra")] {
        let json = std::fs::read_to_string(&path).unwrap();
        let kinds = drawable_kinds(&json);
        assert!(kinds.len() < ChartKind::NAMES.len() || stem == "seed", "{stem}: some kind has nothing to draw");
        for kind in ChartKind::NAMES {
            let name = format!("{stem}-{kind}.svg");
            if kinds.contains(kind) {
                // The same bytes as today's one-chart usage.
                let single = run(&["render", path_str(&path), "--kind", kind, "-q"], None);
                assert_eq!(std::fs::read(out.join(&name)).unwrap(), single.stdout, "{name}");
                expected_names.push(name);
            } else {
                skipped += 1;
                assert!(stderr.contains(&format!("{}: skipped {kind}: ", path.display())), "{kind}: {stderr}");
            }
        }
    }
    expected_names.sort();
    assert_eq!(names_in(&out), expected_names);
    let files = 3;
    let summary = format!("wrote {} charts from {files} files in ", expected_names.len());
    assert!(stderr.lines().last().unwrap().starts_with(&summary), "{stderr}");
    assert!(stderr.contains(&format!("; {skipped} skipped (nothing to draw)")), "{stderr}");

    // --jobs 1 writes the same bytes and says the same things, in the same order.
    let parallel: Vec<Vec<u8>> = expected_names.iter().map(|n| std::fs::read(out.join(n)).unwrap()).collect();
    std::fs::remove_dir_all(&out).unwrap();
    let serial = run_all("1");
    assert_eq!(serial.status.code(), Some(0));
    let serial_files: Vec<Vec<u8>> = expected_names.iter().map(|n| std::fs::read(out.join(n)).unwrap()).collect();
    assert!(serial_files == parallel, "--jobs 1 and --jobs 2 give byte-identical charts");
    assert_eq!(names_in(&out), expected_names);
    let without_summary = |s: &str| s.lines().filter(|l| !l.starts_with("wrote ")).collect::<Vec<_>>().join("\n");
    assert_eq!(without_summary(&String::from_utf8(serial.stderr).unwrap()), without_summary(&stderr));

    // -q: no notes, no summary.
    let quiet = run(&["render", path_str(&data), "--kind", "all", "--out-dir", path_str(&out), "-q"], None);
    assert_eq!(quiet.status.code(), Some(0));
    assert!(quiet.stderr.is_empty(), "{}", String::from_utf8_lossy(&quiet.stderr));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn several_files_without_kind_take_each_files_own_kind_and_name() {
    let dir = scratch("names");
    let a = dir.join("ha-noi.json");
    let b = dir.join("hue.data.json");
    std::fs::write(&a, r#"{"chart":"cells","communes":[{"name":"A","members":12,"cells":3}]}"#).unwrap();
    std::fs::write(&b, r#"{"communes":[{"name":"B","members":7}]}"#).unwrap();
    let out = dir.join("out");
    let stdin = r#"{"chart":"members","communes":[{"name":"C","members":1}]}"#;
    let result = run(&["render", path_str(&a), path_str(&b), "-", "--out-dir", path_str(&out), "--width=480"], Some(stdin));
    assert_eq!(result.status.code(), Some(0), "{}", String::from_utf8_lossy(&result.stderr));
    // `<input stem>-<kind>.svg`: the data's "chart", else overview; standard input is "stdin".
    assert_eq!(names_in(&out), ["ha-noi-cells.svg", "hue.data-overview.svg", "stdin-members.svg"]);
    let single = run(&["render", path_str(&a), "--width", "480", "-q"], None);
    assert_eq!(std::fs::read(out.join("ha-noi-cells.svg")).unwrap(), single.stdout, "the options apply to every chart");

    // One file with --out-dir: the same, into the folder.
    let one = dir.join("one");
    assert_eq!(run(&["render", path_str(&a), "--out-dir", path_str(&one), "-q"], None).status.code(), Some(0));
    assert_eq!(names_in(&one), ["ha-noi-cells.svg"]);

    // An explicit kind the data cannot draw is an error, as for one file (not a skip).
    let result = run(&["render", path_str(&a), path_str(&b), "--kind", "cells", "--out-dir", path_str(&out)], None);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8(result.stderr).unwrap();
    assert!(stderr.contains(&format!("{}: ", b.display())) && stderr.contains("1 file invalid"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_invalid_file_is_reported_by_name_and_the_others_are_written() {
    let dir = scratch("invalid");
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("a.json"), r#"{"communes":[{"name":"A","members":12}]}"#).unwrap();
    std::fs::write(data.join("b.json"), "{\n  \"communes\": [\n    {\"name\": \"B\", \"membres\": 3}\n  ]\n}").unwrap();
    std::fs::write(data.join("c.json"), r#"{"communes":[{"name":"C","members":4}]}"#).unwrap();
    let out = dir.join("out");
    let result = run(&["render", path_str(&data), "--kind", "all", "--out-dir", path_str(&out), "--locale", "en"], None);
    assert_eq!(result.status.code(), Some(1), "exit 1: a file was invalid");
    let stderr = String::from_utf8(result.stderr).unwrap();
    let b = data.join("b.json");
    // file:line:column: message, once (not once per kind).
    let at = format!("{}:3:19: ", b.display());
    assert_eq!(stderr.matches(&at).count(), 1, "{stderr}");
    assert!(stderr.contains("membres"), "{stderr}");
    assert!(stderr.lines().last().unwrap().ends_with("; 1 file invalid"), "{stderr}");
    let names = names_in(&out);
    assert!(names.contains(&"a-members.svg".to_string()) && names.contains(&"c-overview.svg".to_string()), "{names:?}");
    assert!(names.iter().all(|n| !n.starts_with("b-")), "{names:?}");

    // A file that cannot be read: the others are written, exit 3 (I/O), as for one file.
    let missing = dir.join("missing.json");
    let result = run(&["render", path_str(&data.join("a.json")), path_str(&missing), "--out-dir", path_str(&dir.join("out2"))], None);
    assert_eq!(result.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&result.stderr).contains(&format!("cannot read {}", missing.display())));
    assert_eq!(names_in(&dir.join("out2")), ["a-overview.svg"]);

    // A folder without data files is an error too.
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let result = run(&["render", path_str(&empty), "--out-dir", path_str(&dir.join("out3"))], None);
    assert_eq!(result.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&result.stderr).contains("no data files"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn batch_usage_errors_exit_2_before_anything_is_written() {
    let dir = scratch("usage");
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::create_dir_all(dir.join("b")).unwrap();
    let json = r#"{"communes":[{"name":"A","members":12}]}"#;
    for f in ["a/x.json", "b/X.json", "y.json"] {
        std::fs::write(dir.join(f), json).unwrap();
    }
    // An input that an output would overwrite (`y-members.svg` is y.json's members chart).
    let precious = dir.join("y-members.svg");
    std::fs::write(&precious, "{}").unwrap();
    let out = dir.join("out");
    let (ax, bx, y) = (dir.join("a/x.json"), dir.join("b/X.json"), dir.join("y.json"));
    let (ax, bx, y, out_s) = (path_str(&ax), path_str(&bx), path_str(&y), path_str(&out));
    for args in [
        &["render", ax, bx, "--out-dir", out_s][..],
        &["render", ax, path_str(&dir.join("a")), "--out-dir", out_s],
        &["render", ax, y, "-o", "chart.svg"],
        &["render", ax, "--kind", "all", "-o", "-"],
        &["render", ax, y, "--jobs", "0"],
        &["render", ax, y, "-j"],
        &["render", ax, y, "--out-dir", "-"],
        &["render", y, path_str(&precious), "--kind", "all", "--out-dir", path_str(&dir)],
    ] {
        let result = run(args, None);
        assert_eq!(result.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&result.stderr).contains("--help"), "{args:?}");
    }
    assert!(!out.exists(), "nothing written");
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "{}", "the input is untouched");
    let help = String::from_utf8(run(&["--help"], None).stdout).unwrap();
    assert!(help.contains("--kind all") && help.contains("--out-dir <DIR>") && help.contains("--jobs <N>"), "{help}");
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(feature = "png")]
#[test]
fn many_pngs_at_once() {
    let dir = scratch("png");
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed.json");
    let out = dir.join("out");
    let result = run(&["render", path_str(&seed), "--kind", "all", "--format", "png", "--out-dir", path_str(&out), "-q"], None);
    assert_eq!(result.status.code(), Some(0), "{}", String::from_utf8_lossy(&result.stderr));
    let json = std::fs::read_to_string(&seed).unwrap();
    let mut expected: Vec<String> = drawable_kinds(&json).iter().map(|k| format!("seed-{k}.png")).collect();
    expected.sort();
    assert_eq!(names_in(&out), expected);
    let single = run(&["render", path_str(&seed), "--kind", "targets", "--format", "png", "-q"], None);
    assert_eq!(std::fs::read(out.join("seed-targets.png")).unwrap(), single.stdout);
    std::fs::remove_dir_all(&dir).ok();
}
