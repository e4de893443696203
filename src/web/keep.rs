//! What the reader is looking at, kept across new data (a live refresh, `data-refresh`, or the
//! page's `update()`): the bar under the keyboard cursor, the pointer or a tap, with its frame and
//! tooltip, found again in the same panel as the same commune (name and district) or indicator
//! (name and unit), on the same segment. Laying out new data clears the cursor; this puts it back
//! without scrolling the page or speaking in the live region (the reader did nothing, and a
//! screen reader is not interrupted by each refresh): the next key reads it again.

use super::chart::{Inner, Source};
use crate::interact::Cursor;
use crate::layout::Measure;
use crate::Prepared;

/// The cursor before new data: its panel, its row's item in the old model, its segment's place in
/// the row, and how it was opened.
pub(crate) struct Place {
    panel: usize,
    item: usize,
    segment: Option<usize>,
    source: Source,
}

/// Whether `item` of `a` and `other` of `b` are the same row: the same commune (name and
/// district) or the same indicator (name and unit). (Fields compared directly: cheaper in the
/// wasm than keeping the names.)
fn same(indicators: bool, a: &Prepared, item: usize, b: &Prepared, other: usize) -> bool {
    let (a, b) = (&a.model, &b.model);
    if indicators {
        return matches!((a.indicators.get(item), b.indicators.get(other)), (Some(x), Some(y)) if x.name == y.name && x.unit == y.unit);
    }
    matches!((a.communes.get(item), b.communes.get(other)), (Some(x), Some(y)) if x.name == y.name && x.district == y.district)
}

impl Inner {
    /// Where the cursor is, before new data replaces the layout.
    pub(crate) fn place(&self) -> Option<Place> {
        let (c, source) = self.cursor?;
        let row = self.layout.as_ref()?.panels.get(c.panel)?.rows.get(c.row)?;
        let segment = c.bar.map(|b| b.saturating_sub(row.bars.start));
        Some(Place { panel: c.panel, item: row.item, segment, source })
    }

    /// The cursor back on the same row of the new layout (`old`: the data it was on), if that row
    /// is still there and the new data was laid out (which cleared the cursor).
    pub(crate) fn put_back(&mut self, place: Option<Place>, old: Option<Prepared>) {
        let (Some(p), Some(old)) = (place.filter(|_| self.cursor.is_none()), old) else { return };
        let (Some(l), Some(new)) = (&self.layout, &self.prepared) else { return };
        let Some(panel) = l.panels.get(p.panel) else { return };
        let indicators = panel.measure == Measure::Indicators;
        let Some((row, r)) = panel.rows.iter().enumerate().find(|(_, r)| same(indicators, &old, p.item, new, r.item)) else { return };
        let bars = r.bars.clone();
        let bar = p.segment.filter(|_| !bars.is_empty()).map(|s| bars.start + s.min(bars.len() - 1));
        // Opened as a hover is (no scrolling, no announcement), then remembered as it was opened.
        self.set_cursor(Cursor { panel: p.panel, row, bar }, Source::Hover, None);
        if let Some(c) = &mut self.cursor {
            c.1 = p.source;
        }
    }
}
