//! Tests of `layout::rows`.

use super::super::tests::{lay, texts, SEED};
use super::super::*;
use crate::model::model_from_json;
use crate::text::ApproxMeasure;

#[test]
fn cells_stack_by_kind_with_a_legend() {
    let l = lay(SEED, ChartKind::Cells, 640.0);
    let labels: Vec<&str> = l.panels[0].legend.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels, ["Chi bộ bản", "Chi bộ đơn vị sự nghiệp", "Chưa phân loại"]);
    let first: Vec<&Bar> = l.bars.iter().filter(|b| b.row == 0).collect();
    assert_eq!(first.len(), 2);
    assert_eq!(first[0].rect.x1, first[1].rect.x0);
    assert_eq!((first[0].value, first[1].value), (4.0, 5.0));
}

#[test]
fn missing_values_are_no_data_rows_not_zero_bars() {
    let l = lay(r#"{"communes":[{"name":"A","members":5},{"name":"B"}]}"#, ChartKind::Members, 400.0);
    assert_eq!(l.panels[0].rows[1].bars.len(), 0);
    assert!(l.marks.iter().any(|m| matches!(m, Mark::Text { text, .. } if text == "không có số liệu")));
}

#[test]
fn sort_desc_orders_rows_and_keeps_missing_last() {
    let l =
        lay(r#"{"sort":"desc","communes":[{"name":"A","members":5},{"name":"B"},{"name":"C","members":9}]}"#, ChartKind::Members, 600.0);
    let order: Vec<usize> = l.panels[0].rows.iter().map(|r| r.item).collect();
    assert_eq!(order, [2, 0, 1]);
}

#[test]
fn kinds_without_their_field_are_problems() {
    use crate::model::check_drawable;
    let model = model_from_json(r#"{"communes":[{"name":"A","members":5}]}"#).unwrap();
    let e = check_drawable(&model, ChartKind::Cells).unwrap_err();
    assert_eq!(e.message(Locale::En), "`communes`: no commune has the field \"cells\" that this chart needs");
    assert!(check_drawable(&model, ChartKind::Targets).is_err());
    assert!(check_drawable(&model, ChartKind::Indicators).is_err());
    assert!(check_drawable(&model, ChartKind::MembersPerCell).is_err());
    assert!(check_drawable(&model, ChartKind::Members).is_ok());
    // The overview draws what there is: members only, as a single panel.
    assert!(check_drawable(&model, ChartKind::Overview).is_ok());
    let theme = Theme::light();
    let input =
        LayoutInput { model: &model, kind: ChartKind::Overview, locale: Locale::En, width: 500.0, theme: &theme, measure: &ApproxMeasure };
    assert_eq!(layout(&input).panels.len(), 1);
    // Zero is data: zero targets counted and cells of 0 are counts (drawn as 0).
    let zero = model_from_json(r#"{"communes":[{"name":"A","cells":0,"targets":{"met":0,"over80":0,"behind":0}}]}"#).unwrap();
    assert!(check_drawable(&zero, ChartKind::Targets).is_ok());
    assert!(check_drawable(&zero, ChartKind::Cells).is_ok());
    assert!(check_drawable(&zero, ChartKind::MembersPerCell).is_err());
}

#[test]
fn a_plan_just_below_100_is_not_labelled_100() {
    let l = lay(r#"{"indicators":[{"name":"Lúa","value":5755,"measure":"ha","percentOfPlan":99.95}]}"#, ChartKind::Indicators, 600.0);
    assert!(texts(&l).contains(&"5.755 ha · 99,95% kế hoạch"), "{:?}", texts(&l));
}

#[test]
fn members_per_cell_has_one_decimal_and_skips_zero_cells() {
    let l = lay(
        r#"{"communes":[{"name":"A","members":89,"cells":9},{"name":"B","members":5,"cells":0},{"name":"C","cells":3},{"name":"D","members":70,"cells":2}]}"#,
        ChartKind::MembersPerCell,
        600.0,
    );
    let t = texts(&l);
    assert!(t.contains(&"9,9"), "{t:?}");
    // One decimal on every bar, so a column of them reads alike: 35,0 beside 9,9, not 35.
    assert!(t.contains(&"35,0"), "{t:?}");
    assert_eq!(t.iter().filter(|x| **x == "không có số liệu").count(), 2);
    assert_eq!(l.bars.len(), 2);
}

#[test]
fn targets_are_full_width_stacks_in_group_order() {
    let l = lay(SEED, ChartKind::Targets, 640.0);
    let p = &l.panels[0];
    let labels: Vec<&str> = p.legend.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels, ["Đạt và vượt", "Đạt trên 80%", "Khó đạt"]);
    // Pa Vây Sử: 13 / 8 / 10 of 31, every bar spans the whole plot.
    let row = &p.rows[1];
    let segs: Vec<&Bar> = l.bars[row.bars.clone()].iter().collect();
    assert_eq!(segs.iter().map(|b| b.group).collect::<Vec<_>>(), [0, 1, 2]);
    assert!((segs[0].value - 100.0 * 13.0 / 31.0).abs() < 1e-9);
    let first_row_end = l.bars[p.rows[0].bars.end - 1].rect.x1;
    assert_eq!(segs[2].rect.x1, first_row_end);
    // Đức Thọ has no targets: a "no data" row, never a zero bar.
    assert!(p.rows[2].bars.is_empty());
    let t = texts(&l);
    assert!(t.contains(&"13") && t.contains(&"31") && t.contains(&"100%"));
}

#[test]
fn targets_sort_by_share_met() {
    let l = lay(&SEED.replace("\"locale\": \"vi\",", "\"locale\": \"vi\", \"sort\": \"desc\","), ChartKind::Targets, 640.0);
    let order: Vec<usize> = l.panels[0].rows.iter().map(|r| r.item).collect();
    assert_eq!(order, [1, 0, 2], "13/31 met before 3/11, no data last");
}

#[test]
fn targets_all_zero_are_data_not_no_data() {
    // Issue 16 item 16: a commune that counted no targets shows 0, not "không có số liệu".
    let json = r#"{"communes":[{"name":"A","targets":{"met":0,"over80":0,"behind":0}},{"name":"B"}]}"#;
    for width in [375.0, 720.0] {
        let l = lay(json, ChartKind::Targets, width);
        let t = texts(&l);
        assert_eq!(t.iter().filter(|s| **s == "không có số liệu").count(), 1, "{width}: only B has no data: {t:?}");
        assert!(t.contains(&"0"), "{width}: A is labelled 0: {t:?}");
    }
}
