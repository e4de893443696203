//! What a reader reads, as plain data: the readout text for the tooltip and the live region,
//! and where its box goes. Where a pointer or key lands (`Layout::hit`, the [`Cursor`] and its
//! [`Key`] steps, the highlight) is `layout/nav.rs`, beside the geometry it walks; those names
//! are re-exported here. The glue turns pointer and key events into these calls; nothing here
//! knows about the DOM.

pub use crate::layout::{Cursor, Key, HIGHLIGHT_LINE_PX, HIGHLIGHT_PAD_PX};
use crate::layout::{Layout, Measure, Panel, Row};
use crate::locale::Locale;
use crate::model::{f64_from_count, Commune, Compare, Model};

/// A readout: the full name (never truncated) and one line per value, in the chart's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Readout {
    pub title: String,
    pub lines: Vec<String>,
    /// The line of the selected segment (a cell kind, a target group), if one is selected.
    pub focus: Option<usize>,
}

impl Readout {
    /// One sentence for the live region, the selected segment's line first:
    /// "Pa Vây Sử. Đạt trên 80%: 8/31 (25,8%); Đạt và vượt: 13/31 (41,9%); …".
    pub fn sentence(&self) -> String {
        let mut lines: Vec<&str> = self.lines.iter().map(String::as_str).collect();
        if let Some(i) = self.focus.filter(|i| *i < lines.len()) {
            let focused = lines.remove(i);
            lines.insert(0, focused);
        }
        crate::cat!(self.title, ". ", lines.join("; "))
    }
}

/// The readout for `c`: every value of that row, in the panel's terms.
pub fn readout(model: &Model, layout: &Layout, c: Cursor, locale: Locale) -> Option<Readout> {
    let panel = layout.panels.get(c.panel)?;
    let row = panel.rows.get(c.row)?;
    let w = locale.words();
    let int = |v: u64| locale.format_int(v);
    if panel.measure == Measure::Indicators {
        let ind = model.indicators.get(row.item)?;
        let title = ind.unit.as_ref().map_or(ind.name.clone(), |u| crate::cat!(u, ": ", ind.name));
        let mut lines = Vec::new();
        if let Some(v) = ind.value {
            let v = locale.format_decimal(v, 2);
            lines.push(crate::cat!(w.value, ": ", Locale::with_unit(v, ind.measure.as_ref())));
        }
        match ind.percent_of_plan {
            Some(p) => lines.push(crate::cat!(locale.format_plan(p), " ", w.of_plan)),
            None => lines.push(crate::cat!(w.percent_of_plan, ": ", w.no_data)),
        }
        return Some(Readout { title, lines, focus: None });
    }
    let commune = model.communes.get(row.item)?;
    let mut title = commune.name.clone();
    // Where the commune is, unless its name already says it (as written): not `Xã Bản Bo (huyện
    // Tam Đường) (Tam Đường)`.
    if let Some(d) = commune.district.as_ref().or(commune.province.as_ref()).map(|d| d.trim()).filter(|d| !d.is_empty()) {
        // A byte search, not `str::contains(&str)`: core's substring searcher is 2 kB of wasm.
        if !title.as_bytes().windows(d.len()).any(|w| w == d.as_bytes()) {
            title = crate::cat!(title, " (", d, ")");
        }
    }
    let no_data = |what: &str| vec![crate::cat!(what, ": ", w.no_data)];
    let lines = match panel.measure {
        Measure::Members => commune.members.map_or_else(|| no_data(w.members), |m| vec![crate::cat!(w.members, ": ", int(m))]),
        Measure::Cells => match commune.cells {
            None => no_data(w.cells),
            Some(n) => {
                let mut lines = vec![crate::cat!(w.cells, ": ", int(n))];
                lines.extend(commune.cell_kinds.iter().map(|(k, v)| crate::cat!(k, ": ", int(*v))));
                lines
            }
        },
        Measure::MembersPerCell => match commune.members_per_cell() {
            None => no_data(w.members_per_cell),
            Some(r) => vec![
                crate::cat!(w.members_per_cell, ": ", locale.format_fixed(r, 1)),
                crate::cat!(w.members, ": ", int(commune.members.unwrap_or(0)), " · ", w.cells, ": ", int(commune.cells.unwrap_or(0))),
            ],
        },
        Measure::MembersPer1000 => match commune.members_per_1000() {
            None => no_data(w.members_per_1000),
            Some(r) => vec![
                crate::cat!(w.members_per_1000, ": ", locale.format_fixed(r, 1)),
                crate::cat!(
                    w.members,
                    ": ",
                    int(commune.members.unwrap_or(0)),
                    " · ",
                    w.population,
                    ": ",
                    int(commune.population.unwrap_or(0))
                ),
            ],
        },
        Measure::Targets => match commune.targets {
            None => no_data(w.targets),
            Some(t) if t.total() == 0 => vec![crate::cat!(w.targets, ": 0")],
            Some(t) => {
                let total = t.total();
                [t.met, t.over80, t.behind]
                    .iter()
                    .zip(w.target_groups)
                    .map(|(&v, name)| {
                        let pct = if total > 0 { 100.0 * f64_from_count(v) / f64_from_count(total) } else { 0.0 };
                        crate::cat!(name, ": ", int(v), "/", int(total), " (", locale.format_percent(pct, 1), ")")
                    })
                    .collect()
            }
        },
        Measure::Indicators => Vec::new(),
    };
    let mut lines = lines;
    lines.extend(standing(commune, panel, row, model.compare, locale));
    // The section, unless the title already says it (`Đức Thọ (Hà Tĩnh)`).
    if let Some(g) = commune.group_name(model.group).map(str::trim).filter(|g| !g.is_empty()) {
        if !title.as_bytes().windows(g.len()).any(|w| w == g.as_bytes()) {
            let label = if model.group == crate::model::Group::Province { w.province } else { w.district };
            lines.push(crate::cat!(label, ": ", g));
        }
    }
    // The selected segment's line: cell kinds follow the total line; target groups are lines.
    let group = c.bar.and_then(|b| layout.bars.get(b)).map(|b| b.group);
    let focus = match (panel.measure, group) {
        (Measure::Cells, Some(g)) if !commune.cell_kinds.is_empty() => {
            let label = panel.legend.get(g).map(|l| l.label.as_str());
            commune.cell_kinds.iter().position(|(k, _)| Some(k.as_str()) == label).map(|i| i + 1)
        }
        (Measure::Targets, Some(g)) => Some(g),
        _ => None,
    };
    Some(Readout { title, lines, focus })
}

/// Where a commune stands in a single-value panel: `Hạng 3/25` among the communes with a value,
/// and how far it is from `compare`'s reference (`cao hơn trung bình 23%`), as the layout found
/// them (once per layout, not at every readout).
fn standing(commune: &Commune, panel: &Panel, row: &Row, compare: Compare, locale: Locale) -> Vec<String> {
    let w = locale.words();
    let Some(value) = panel.measure.single_kind().and_then(|kind| kind.value_of(commune)) else { return Vec::new() };
    let mut out = Vec::new();
    if let Some(rank) = row.rank {
        out.push(crate::cat!(w.rank[0], locale.format_int(rank as u64), w.rank[1], locale.format_int(panel.ranked as u64)));
    }
    if let Some(reference) = panel.reference {
        let name = if compare == Compare::Mean { w.mean_in_text } else { w.median_in_text };
        let pct = if reference > 0.0 { 100.0 * (value - reference) / reference } else { 0.0 };
        // Rounded as shown: 0% apart is "equal to".
        let shown = locale.format_percent(pct.abs(), 0);
        let same = reference == value || shown == locale.format_percent(0.0, 0);
        let side = if pct > 0.0 { w.above } else { w.below };
        out.push(match (same, locale) {
            (true, _) => crate::cat!(w.equal_to, " ", name),
            // `cao hơn trung bình 23%`, `23% above average`.
            (false, Locale::Vi) => crate::cat!(side, " ", name, " ", shown),
            (false, Locale::En) => crate::cat!(shown, " ", side, " ", name),
        });
    }
    out
}

/// Keeps a readout box of `box_w` x `box_h` next to `(x, y)` and inside `0..view_w`, `0..view_h`
/// (all CSS px in one coordinate space): right of and below the point, flipped left or above
/// when it would cross the edge, and clamped as a last resort.
pub fn place_box(x: f64, y: f64, box_w: f64, box_h: f64, view_w: f64, view_h: f64) -> (f64, f64) {
    const GAP: f64 = 12.0;
    const MARGIN: f64 = 4.0;
    let mut left = x + GAP;
    if left + box_w > view_w - MARGIN {
        left = x - GAP - box_w;
    }
    let mut top = y + GAP;
    if top + box_h > view_h - MARGIN {
        top = y - GAP - box_h;
    }
    let max_left = (view_w - MARGIN - box_w).max(MARGIN);
    let max_top = (view_h - MARGIN - box_h).max(MARGIN);
    (left.max(MARGIN).min(max_left), top.max(MARGIN).min(max_top))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{layout, LayoutInput};
    use crate::model::{model_from_json, ChartKind};
    use crate::text::ApproxMeasure;
    use crate::theme::Theme;

    use crate::test_support::SEED;

    fn lay(kind: ChartKind, width: f64) -> (Model, Layout) {
        crate::test_support::lay(SEED, kind, width)
    }

    #[test]
    fn readouts_say_where_only_when_the_name_does_not_and_attach_percent_units() {
        let model = model_from_json(
            r#"{"communes":[{"name":"Xã Bản Bo (huyện Tam Đường)","district":"Tam Đường","members":5},{"name":"Xã Nà Tăm","district":"Tam Đường","members":6}],
                "indicators":[{"name":"Hộ nghèo giảm","value":3.2,"measure":"%","percentOfPlan":106.7}]}"#,
        )
        .unwrap();
        let theme = Theme::light();
        let input = |kind| LayoutInput { model: &model, kind, locale: Locale::Vi, width: 640.0, theme: &theme, measure: &ApproxMeasure };
        let l = layout(&input(ChartKind::Members));
        let title = |row| readout(&model, &l, Cursor { panel: 0, row, bar: None }, Locale::Vi).unwrap().title;
        assert_eq!(title(0), "Xã Bản Bo (huyện Tam Đường)");
        assert_eq!(title(1), "Xã Nà Tăm (Tam Đường)");
        let l = layout(&input(ChartKind::Indicators));
        let r = readout(&model, &l, Cursor { panel: 0, row: 0, bar: None }, Locale::Vi).unwrap();
        assert_eq!(r.lines, ["Kết quả: 3,2%", "106,7% kế hoạch"]);
    }

    #[test]
    fn readouts_name_the_commune_in_full_with_formatted_values() {
        let (m, l) = lay(ChartKind::Targets, 640.0);
        let r = readout(&m, &l, Cursor { panel: 0, row: 1, bar: None }, Locale::Vi).unwrap();
        assert_eq!(r.title, "Pa Vây Sử (Phong Thổ)");
        assert_eq!(r.lines, ["Đạt và vượt: 13/31 (41,9%)", "Đạt trên 80%: 8/31 (25,8%)", "Khó đạt: 10/31 (32,3%)"]);
        // With the "đạt trên 80%" segment selected, its line is said first.
        let seg = l.panels[0].rows[1].bars.start + 1;
        let r = readout(&m, &l, Cursor { panel: 0, row: 1, bar: Some(seg) }, Locale::Vi).unwrap();
        assert_eq!(r.sentence(), "Pa Vây Sử (Phong Thổ). Đạt trên 80%: 8/31 (25,8%); Đạt và vượt: 13/31 (41,9%); Khó đạt: 10/31 (32,3%)");
        let r = readout(&m, &l, Cursor { panel: 0, row: 2, bar: None }, Locale::En).unwrap();
        assert_eq!(r.lines, ["Congress targets: no data"]);

        let (m, l) = lay(ChartKind::Cells, 640.0);
        let r = readout(&m, &l, Cursor { panel: 0, row: 0, bar: None }, Locale::Vi).unwrap();
        assert_eq!(r.lines, ["Chi bộ: 9", "Chi bộ bản: 4", "Chi bộ đơn vị sự nghiệp: 5", "Hạng 3/3"]);
        let r = readout(&m, &l, Cursor { panel: 0, row: 0, bar: Some(1) }, Locale::Vi).unwrap();
        assert_eq!(r.focus, Some(2));

        let (m, l) = lay(ChartKind::MembersPerCell, 640.0);
        let r = readout(&m, &l, Cursor { panel: 0, row: 2, bar: None }, Locale::Vi).unwrap();
        assert_eq!(r.title, "Đức Thọ (Hà Tĩnh)");
        assert_eq!(r.lines, ["Đảng viên mỗi chi bộ: 38,8", "Đảng viên: 2.989 · Chi bộ: 77", "Hạng 1/3"]);

        let (m, l) = lay(ChartKind::Indicators, 640.0);
        let r = readout(&m, &l, Cursor { panel: 0, row: 0, bar: None }, Locale::Vi).unwrap();
        assert_eq!(r.sentence(), "Văn Lãng: Tổng diện tích gieo trồng. Kết quả: 5.755 ha; 99,7% kế hoạch");
    }

    #[test]
    fn readouts_give_rank_distance_from_the_reference_and_group() {
        let json = r#"{"compare":"mean","group":"province","communes":[
            {"name":"A","district":"Phong Thổ","province":"Lai Châu","members":123,"population":1000},
            {"name":"B","district":"Phong Thổ","province":"Lai Châu","members":100,"population":2000},
            {"name":"C","province":"Hà Tĩnh","members":77},
            {"name":"D","province":"Hà Tĩnh","members":100}]}"#;
        let (m, l) = crate::test_support::lay(json, ChartKind::Members, 640.0);
        // Mean 100: A is 23% above it; B and D tie for rank 2.
        let line = |row: usize, locale| readout(&m, &l, Cursor { panel: 0, row, bar: None }, locale).unwrap().lines;
        assert_eq!(line(0, Locale::Vi), ["Đảng viên: 123", "Hạng 1/4", "cao hơn trung bình 23%", "Tỉnh: Lai Châu"]);
        assert_eq!(line(0, Locale::En), ["Party members: 123", "Rank 1 of 4", "23% above average", "Province: Lai Châu"]);
        assert_eq!(line(1, Locale::Vi), ["Đảng viên: 100", "Hạng 2/4", "bằng trung bình", "Tỉnh: Lai Châu"]);
        // Rows are in sections: Lai Châu's A, B, then Hà Tĩnh's C, D.
        // C's title already says Hà Tĩnh (it has no district): no line repeats it.
        assert_eq!(line(2, Locale::Vi), ["Đảng viên: 77", "Hạng 4/4", "thấp hơn trung bình 23%"]);
        assert_eq!(line(3, Locale::En)[1], "Rank 2 of 4");
        // Members per 1,000 residents: one decimal; C and D have no population.
        let (m, l) = crate::test_support::lay(json, ChartKind::MembersPer1000, 640.0);
        let r = readout(&m, &l, Cursor { panel: 0, row: 0, bar: None }, Locale::Vi).unwrap();
        assert_eq!(r.lines[..3], ["Đảng viên trên 1.000 dân: 123,0", "Đảng viên: 123 · Dân số: 1.000", "Hạng 1/2"]);
        let r = readout(&m, &l, Cursor { panel: 0, row: 2, bar: None }, Locale::En).unwrap();
        assert_eq!(r.lines[0], "Members per 1,000 residents: no data");
    }

    #[test]
    fn readout_boxes_stay_inside_the_viewport() {
        // Near the right edge: flipped to the left of the pointer.
        let (left, top) = place_box(360.0, 100.0, 200.0, 80.0, 375.0, 812.0);
        assert!(left + 200.0 <= 375.0 && left >= 0.0 && top == 112.0);
        // Near the bottom: above the pointer.
        let (_, top) = place_box(50.0, 800.0, 200.0, 80.0, 375.0, 812.0);
        assert!(top + 80.0 <= 812.0);
        // Wider than the viewport: pinned to the margin.
        assert_eq!(place_box(10.0, 10.0, 500.0, 50.0, 375.0, 812.0).0, 4.0);
    }
}
