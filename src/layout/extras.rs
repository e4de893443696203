//! What `group` and `compare` add to a panel: section headings (the province or district, and
//! its subtotal for counts) and the labelled reference line, which never crosses text.

use super::panel::Plot;
use super::rows::PanelData;
use super::scale::tick_anchor;
use super::sizes::*;
use super::{Align, Ctx, Mark, Names, Out};
use crate::text::truncate;

/// Each section's heading above its first row: the name at the left (in the panel that names
/// the rows), the subtotal at the right.
pub(super) fn section_heads(ctx: &Ctx, p: &PanelData, g: &Plot, out: &mut Out) {
    let Ctx { theme, measure, .. } = *ctx;
    for s in &p.sections {
        let y_mid = g.row_top(s.first_row) - SECTION_H_PX / 2.0;
        let mut room = g.x1 - g.x0;
        if let Some(total) = &s.subtotal {
            let total = truncate(measure, total, VALUE_FONT, room);
            room -= measure.width_px(&total, VALUE_FONT) + NAME_END_GAP_PX;
            out.marks.push(Mark::Text { x: g.x1, y_mid, text: total, font: VALUE_FONT, color: theme.muted, align: Align::End });
        }
        if g.axis.names != Names::Hidden && room > 0.0 {
            let name = truncate(measure, &s.name, SECTION_FONT, room);
            out.marks.push(Mark::Text { x: g.x0, y_mid, text: name, font: SECTION_FONT, color: theme.text, align: Align::Start });
        }
        // A rule under the heading across the panel.
        let rule_y = (y_mid + SECTION_H_PX / 2.0 - 2.0).round() + 0.5;
        out.marks.push(Mark::Line { x0: g.x0, y0: rule_y, x1: g.x1, y1: rule_y, color: theme.grid });
    }
}

/// `compare`'s line at `value`, over the bars, row by row, left out wherever it would cross a
/// text drawn since mark `first_mark` (a name, a value, "no data"); its label on the line
/// reserved above the rows, kept inside the panel.
pub(super) fn reference_line(ctx: &Ctx, g: &Plot, value: f64, label: &str, first_mark: usize, out: &mut Out) {
    let Ctx { theme, measure, .. } = *ctx;
    let x = g.axis.x.map(value).round();
    // The texts the line would cross, as vertical spans (they come in row order).
    let mut blocked: Vec<(f64, f64)> = Vec::new();
    for m in out.marks.get(first_mark..).unwrap_or_default() {
        if let Mark::Text { x: tx, y_mid, text, font, align, .. } = m {
            let w = measure.width_px(text, *font);
            let x0 = match align {
                Align::Start => *tx,
                Align::Middle => tx - w / 2.0,
                Align::End => tx - w,
            };
            if x0 - PLAN_LINE_CLEARANCE_PX <= x && x <= x0 + w + PLAN_LINE_CLEARANCE_PX {
                let half = font.size_css * 0.6;
                blocked.push((y_mid - half, y_mid + half));
            }
        }
    }
    let mut next_block = 0;
    let half_gap = g.gap / 2.0;
    for i in 0..g.n {
        let bar_top = g.row_top(i) + g.label_h;
        let (y0, y1) = match g.axis.names {
            // Names (and values) above the bars: only the bars' band.
            Names::Above => (bar_top - LINE_OVERHANG_PX, bar_top + g.bar_h + LINE_OVERHANG_PX),
            _ => (
                if g.first_in_group(i) { bar_top - PLAN_LINE_END_PX } else { bar_top - half_gap },
                bar_top + g.bar_h + if g.last_in_group(i) { PLAN_LINE_END_PX } else { half_gap },
            ),
        };
        while blocked.get(next_block).is_some_and(|b| b.1 < y0) {
            next_block += 1;
        }
        let crosses = blocked.get(next_block..).unwrap_or_default().iter().take_while(|b| b.0 <= y1).any(|b| b.1 >= y0);
        if !crosses {
            out.marks.push(Mark::Line { x0: x, y0, x1: x, y1, color: theme.text });
        }
    }
    let y_mid = g.y - REFERENCE_LABEL_H_PX / 2.0;
    let (tx, align) = tick_anchor(x, label, measure, g.x0, g.x1);
    out.marks.push(Mark::Text { x: tx, y_mid, text: label.to_string(), font: TICK_FONT, color: theme.text, align });
}
