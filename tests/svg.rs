//! Natively, through plotters' SVG backend: the same layout the canvas draws, as a document.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

const SEED: &str = include_str!("fixtures/seed.json");

/// The contents of every `<text>` element, in drawing order.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text").skip(1).filter_map(|t| Some(t.split_once('>')?.1.split_once("</text>")?.0.trim().to_string())).collect()
}

#[test]
fn members_svg_holds_names_values_and_bars() {
    let svg = commune_charts::render_svg(SEED, "members", 640.0, "").unwrap();
    assert!(svg.starts_with("<svg"));
    let texts = texts(&svg);
    for text in ["Mồ Sì San", "Pa Vây Sử", "Đức Thọ", "89", "86", "2.989", "3.000", "Nguồn: Báo cáo tại các buổi làm việc với Đảng ủy xã"]
    {
        assert!(texts.iter().any(|t| t == text), "missing {text} in {texts:?}");
    }
    // Background plus three bars in the bar colour.
    assert_eq!(svg.matches("fill=\"#1F5FA8\"").count(), 3, "{svg}");
}

#[test]
fn english_pages_get_english_numbers_unless_the_data_says_otherwise() {
    let en = SEED.replace("\"locale\": \"vi\",", "");
    let svg = commune_charts::render_svg(&en, "members", 640.0, "en-GB").unwrap();
    let t = texts(&svg);
    assert!(t.contains(&"2,989".to_string()) && t.iter().any(|t| t.starts_with("Source: ")), "{t:?}");
    let vi = texts(&commune_charts::render_svg(SEED, "members", 640.0, "en-GB").unwrap());
    assert!(vi.contains(&"2.989".to_string()), "the data's own locale wins over the page's");
}

#[test]
fn errors_come_back_in_the_chart_language() {
    let e = commune_charts::render_svg(r#"{"communes":[{"name":"A","members":"2.989"}]}"#, "members", 640.0, "").unwrap_err();
    assert_eq!(
        e,
        "`communes[0].members`: cần một số, nhưng đang là một chuỗi chữ trong ngoặc kép (\"2.989\"). \
         Hãy viết 2989: không có ngoặc kép, không có dấu chấm ngăn cách hàng nghìn"
    );
    let e = commune_charts::render_svg(SEED, "pie", 640.0, "").unwrap_err();
    assert!(e.starts_with("`data-commune-chart`: không có loại biểu đồ \"pie\"; dùng một trong: members, cells"), "{e}");
}
