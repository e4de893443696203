//! The layout's unit tests of whole charts (geometry, labels, panels), and the helpers the
//! per-file tests (`rows.rs`, `scale.rs`, `nav.rs`) share.

use super::*;
use crate::model::model_from_json;
use crate::text::ApproxMeasure;

pub(super) const SEED: &str = include_str!("../../tests/fixtures/seed.json");

pub(super) fn lay(json: &str, kind: ChartKind, width: f64) -> Layout {
    let model = model_from_json(json).unwrap();
    let theme = Theme::light();
    layout(&LayoutInput { model: &model, kind, locale: Locale::Vi, width, theme: &theme, measure: &ApproxMeasure })
}

pub(super) fn texts(l: &Layout) -> Vec<&str> {
    l.marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// Left and right edges of a text mark, by `ApproxMeasure`.
pub(super) fn extent(x: f64, text: &str, font: Font, align: Align) -> (f64, f64) {
    let w = ApproxMeasure.width_px(text, font);
    let left = match align {
        Align::Start => x,
        Align::Middle => x - w / 2.0,
        Align::End => x - w,
    };
    (left, left + w)
}

#[test]
fn one_bar_per_commune_proportional_to_members() {
    let l = lay(SEED, ChartKind::Members, 640.0);
    assert_eq!(l.panels[0].rows.len(), 3);
    assert_eq!(l.bars.len(), 3);
    let w: Vec<f64> = l.bars.iter().map(|b| b.rect.width()).collect();
    assert!((w[0] / w[2] - 89.0 / 2989.0).abs() < 1e-9);
    assert!(l.bars.iter().all(|b| b.rect.x1 <= l.width - 12.0));
    let texts: Vec<&str> = l
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(texts.contains(&"2.989"));
    assert!(texts.contains(&"Mồ Sì San"));
    assert!(texts.contains(&"Nguồn: Báo cáo tại các buổi làm việc với Đảng ủy xã"));
}

#[test]
fn narrow_layout_puts_names_above_bars_and_keeps_everything_inside() {
    let l = lay(SEED, ChartKind::Members, 375.0);
    for m in &l.marks {
        if let Mark::Rect { rect, .. } = m {
            assert!(rect.x0 >= 0.0 && rect.x1 <= 375.0);
        }
    }
    let names_x: Vec<f64> = l
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text { x, text, .. } if text == "Pa Vây Sử" => Some(*x),
            _ => None,
        })
        .collect();
    assert_eq!(names_x, vec![12.0]);
}

#[test]
fn the_source_label_is_written_once() {
    assert_eq!(source_line("Báo cáo của Đảng ủy xã", Locale::Vi), "Nguồn: Báo cáo của Đảng ủy xã");
    assert_eq!(source_line("Nguồn: Báo cáo", Locale::Vi), "Nguồn: Báo cáo");
    assert_eq!(source_line("NGUỒN: Báo cáo", Locale::Vi), "NGUỒN: Báo cáo");
    assert_eq!(source_line("Source: commune reports", Locale::Vi), "Source: commune reports");
    assert_eq!(source_line("source: reports", Locale::En), "source: reports");
    assert_eq!(source_line("Sources differ", Locale::En), "Source: Sources differ");
    assert_eq!(source_line("Nguồn tin: Báo Lai Châu", Locale::Vi), "Nguồn tin: Báo Lai Châu");
    let l = lay(r#"{"source":"Nguồn: Báo cáo","communes":[{"name":"A","members":5}]}"#, ChartKind::Members, 600.0);
    assert!(texts(&l).contains(&"Nguồn: Báo cáo"), "{:?}", texts(&l));
}

#[test]
fn indicators_show_value_measure_and_percent_of_plan_around_a_100_line() {
    let l = lay(SEED, ChartKind::Indicators, 640.0);
    let t = texts(&l);
    assert!(t.contains(&"5.755 ha · 99,7% kế hoạch"), "{t:?}");
    assert!(t.contains(&"411 ha · 102% kế hoạch"));
    assert!(t.contains(&"Văn Lãng"), "the shared unit becomes the panel title");
    let groups: Vec<usize> = l.bars.iter().map(|b| b.group).collect();
    assert_eq!(groups, [1, 0], "under plan and over plan are told apart");
    let theme = Theme::light();
    let plan_line = |l: &Layout| -> Vec<(f64, f64, f64)> {
        l.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Line { x0, y0, y1, color, .. } if *color == theme.text => Some((*x0, *y0, *y1)),
                _ => None,
            })
            .collect()
    };
    // The row over plan (102%): its bar covers the line, which runs its whole height.
    assert!(plan_line(&l).iter().any(|(_, y0, y1)| y1 - y0 > 20.0), "{:?}", plan_line(&l));
}

#[test]
fn the_plan_line_never_crosses_text_and_stays_behind_the_bars() {
    let theme = Theme::light();
    let json = r#"{"indicators":[{"name":"Xã đạt chuẩn nông thôn mới","value":2,"measure":"xã","percentOfPlan":66.7},
        {"name":"Tổng diện tích gieo trồng","value":5755,"measure":"ha","percentOfPlan":99.7},
        {"name":"Trồng rừng mới","value":411,"measure":"ha","percentOfPlan":102},
        {"name":"Thu ngân sách","value":3.2,"measure":"tỷ đồng","percentOfPlan":250}]}"#;
    for width in [300.0, 375.0, 640.0, 1000.0] {
        let l = lay(json, ChartKind::Indicators, width);
        let lines: Vec<(usize, f64, f64, f64)> = l
            .marks
            .iter()
            .enumerate()
            .filter_map(|(i, m)| match m {
                Mark::Line { x0, y0, y1, color, .. } if *color == theme.text => Some((i, *x0, *y0, *y1)),
                _ => None,
            })
            .collect();
        assert!(!lines.is_empty(), "{width}: no plan line");
        let first_bar = l.marks.iter().position(|m| matches!(m, Mark::Rect { rect, .. } if *rect == l.bars[0].rect)).unwrap();
        for &(i, x, y0, y1) in &lines {
            assert!(i < first_bar, "{width}: the plan line is drawn over a bar");
            for m in &l.marks {
                if let Mark::Text { x: tx, y_mid, text, font, align, .. } = m {
                    let w = ApproxMeasure.width_px(text, *font);
                    let left = match align {
                        Align::Start => *tx,
                        Align::Middle => tx - w / 2.0,
                        Align::End => tx - w,
                    };
                    let (top, bottom) = (y_mid - font.size_css / 2.0, y_mid + font.size_css / 2.0);
                    let crosses = left < x && x < left + w && y0 < bottom && top < y1;
                    assert!(!crosses, "{width}: the plan line at {x} crosses {text:?} ({left}..{} x {top}..{bottom})", left + w);
                }
            }
        }
    }
}

#[test]
fn a_tall_chart_repeats_its_axis_labels_and_no_line_crosses_them() {
    // Issue 16 item 11: 120 communes are many screens tall; a scale is always in view.
    let communes: Vec<String> = (0..120)
        .map(|i| {
            format!(
                r#"{{"name":"Xã số {i}","members":{},"cells":{},"targets":{{"met":{},"over80":2,"behind":1}}}}"#,
                50 + i * 7,
                3 + i % 9,
                i % 5
            )
        })
        .collect();
    let json = format!(r#"{{"communes":[{}]}}"#, communes.join(","));
    for (kind, width) in
        [(ChartKind::Members, 375.0), (ChartKind::Members, 1000.0), (ChartKind::Overview, 375.0), (ChartKind::Overview, 1000.0)]
    {
        let l = lay(&json, kind, width);
        let labels: Vec<(f64, f64, f64)> = l
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { x, y_mid, text, font, align, .. } if *font == TICK_FONT => {
                    let (a, b) = extent(*x, text, *font, *align);
                    Some((*y_mid, a, b))
                }
                _ => None,
            })
            .collect();
        let mut rows_y: Vec<f64> = labels.iter().map(|l| l.0).collect();
        rows_y.sort_by(f64::total_cmp);
        rows_y.dedup();
        let first_bar = l.bars.iter().map(|b| b.rect.y0).fold(f64::INFINITY, f64::min);
        assert!(rows_y[0] < first_bar, "{kind:?} {width}: labels above the first bar");
        for pair in rows_y.windows(2) {
            assert!(pair[1] - pair[0] <= 700.0, "{kind:?} {width}: {} px without axis labels", pair[1] - pair[0]);
        }
        for m in &l.marks {
            if let Mark::Line { x0, y0, y1, .. } = m {
                for &(y_mid, a, b) in &labels {
                    let crosses = a < *x0 && *x0 < b && *y0 < y_mid + 5.0 && y_mid - 5.0 < *y1;
                    assert!(!crosses, "{kind:?} {width}: a line at x {x0} crosses the axis label at y {y_mid}");
                }
            }
        }
        for b in &l.bars {
            for &(y_mid, ..) in &labels {
                assert!(y_mid + 5.0 <= b.rect.y0 || y_mid - 5.0 >= b.rect.y1, "{kind:?} {width}: a label over a bar");
            }
        }
    }
    // A short chart keeps one axis, under its rows.
    let l = lay(SEED, ChartKind::Members, 1000.0);
    let zeros = l.marks.iter().filter(|m| matches!(m, Mark::Text { text, font, .. } if text == "0" && *font == TICK_FONT)).count();
    assert_eq!(zeros, 1);
}

#[test]
fn overview_puts_panels_side_by_side_when_wide_and_stacks_them_when_narrow() {
    let wide = lay(SEED, ChartKind::Overview, 1000.0);
    assert_eq!(wide.panels.len(), 3);
    let ys: Vec<f64> = wide.panels.iter().map(|p| p.rows[0].y0).collect();
    assert!(ys.iter().all(|y| *y == ys[0]), "rows aligned across panels");
    assert!(wide.panels[0].x1 <= wide.panels[1].x0);
    for p in &wide.panels {
        let items: Vec<usize> = p.rows.iter().map(|r| r.item).collect();
        assert_eq!(items, [0, 1, 2], "one commune order for all panels");
    }
    let narrow = lay(SEED, ChartKind::Overview, 375.0);
    assert_eq!(narrow.panels.len(), 3);
    assert!(narrow.panels[1].rows[0].y0 > narrow.panels[0].rows[2].y1, "stacked");
    let h = narrow.hit(100.0, narrow.panels[2].rows[1].y0 + 30.0).unwrap();
    assert_eq!((h.panel, h.item), (2, 1));
}

#[test]
fn heights_follow_the_number_of_communes() {
    let many: Vec<String> = (0..60).map(|i| format!(r#"{{"name":"Xã số {i}","members":{}}}"#, 50 + i * 7)).collect();
    let json = format!(r#"{{"communes":[{}]}}"#, many.join(","));
    let l = lay(&json, ChartKind::Members, 640.0);
    assert!(l.height > 60.0 * 25.0, "height {}", l.height);
    let few = lay(r#"{"communes":[{"name":"A","members":1}]}"#, ChartKind::Members, 640.0);
    assert!(few.height < 120.0, "height {}", few.height);
}

#[test]
fn every_kind_stays_inside_its_width() {
    for kind in
        [ChartKind::Members, ChartKind::Cells, ChartKind::MembersPerCell, ChartKind::Targets, ChartKind::Indicators, ChartKind::Overview]
    {
        for width in [320.0, 375.0, 640.0, 1280.0] {
            let l = lay(SEED, kind, width);
            for m in &l.marks {
                match m {
                    Mark::Rect { rect, .. } => assert!(rect.x0 >= 0.0 && rect.x1 <= width, "{kind:?} {width} {rect:?}"),
                    Mark::Text { x, text, font, align, .. } => {
                        let w = ApproxMeasure.width_px(text, *font);
                        let (l0, r0) = match align {
                            Align::Start => (*x, x + w),
                            Align::End => (x - w, *x),
                            Align::Middle => (x - w / 2.0, x + w / 2.0),
                        };
                        assert!(l0 >= 0.0 && r0 <= width + 0.5, "{kind:?} {width}: {text} spans {l0}..{r0}");
                    }
                    Mark::Line { .. } | Mark::Frame { .. } => {}
                }
            }
        }
    }
}

/// No two texts on one line of a stacked bar overlap: a segment's value beside the total drawn
/// inside the bar's end ("5" and "31" read "531" at 375 px before).
#[test]
fn a_segments_value_never_runs_into_the_total_inside_the_bar() {
    let json = r#"{"communes":[{"name":"Mồ Sì San","targets":{"met":13,"over80":12,"behind":6}},
        {"name":"Pa Vây Sử","targets":{"met":12,"over80":14,"behind":5}},{"name":"A","targets":{"met":3,"over80":3,"behind":5}},
        {"name":"B","targets":{"met":20,"over80":2,"behind":1}},{"name":"C","cells":9,"cellKinds":{"bản":4,"cơ quan":5}}]}"#;
    for kind in [ChartKind::Targets, ChartKind::Cells] {
        for width in (300..=1000).step_by(5) {
            let l = lay(json, kind, f64::from(width));
            let texts: Vec<(f64, (f64, f64), &str)> = l
                .marks
                .iter()
                .filter_map(|m| match m {
                    Mark::Text { x, y_mid, text, font, align, .. } => Some((*y_mid, extent(*x, text, *font, *align), text.as_str())),
                    _ => None,
                })
                .collect();
            for (i, a) in texts.iter().enumerate() {
                for b in texts.iter().skip(i + 1).filter(|b| (b.0 - a.0).abs() < 1.0) {
                    let apart = a.1 .1 + 2.0 <= b.1 .0 || b.1 .1 + 2.0 <= a.1 .0;
                    assert!(apart, "{kind:?} at {width} px: {:?} at {:?} and {:?} at {:?} overlap", a.2, a.1, b.2, b.1);
                }
            }
        }
    }
}
