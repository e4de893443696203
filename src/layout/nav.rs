//! Where a pointer or a key lands, on the same geometry that was drawn: [`Layout::hit`] for a
//! pointer position, and the keyboard's [`Cursor`] steps over rows, segments and panels, with
//! the rectangle a readout points at and the highlight frame. The glue (`web/input.rs`) turns
//! events into these calls; the readout words are `interact.rs`'s.

use super::sizes::{HIGHLIGHT_LINE_PX, HIGHLIGHT_PAD_PX};
use super::{Hit, Layout, Mark, Panel, Rect};
use crate::theme::Theme;

/// A position in the chart: a row of a panel, and optionally one of its segments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub panel: usize,
    pub row: usize,
    /// Index into `Layout::bars`, if a segment (not just the row) is selected.
    pub bar: Option<usize>,
}

impl From<Hit> for Cursor {
    fn from(h: Hit) -> Cursor {
        Cursor { panel: h.panel, row: h.row, bar: h.bar }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
}

impl Key {
    /// From `KeyboardEvent.key`.
    pub fn from_dom(key: &str) -> Option<Key> {
        match key {
            "ArrowUp" | "Up" => Some(Key::Up),
            "ArrowDown" | "Down" => Some(Key::Down),
            "ArrowLeft" | "Left" => Some(Key::Left),
            "ArrowRight" | "Right" => Some(Key::Right),
            "Home" => Some(Key::Home),
            "End" => Some(Key::End),
            _ => None,
        }
    }
}

impl Layout {
    /// The row (and segment) at `(x, y)` in CSS pixels from the canvas's top-left.
    /// Panels are few (≤ 3, side by side or stacked); rows are found by binary search.
    pub fn hit(&self, x: f64, y: f64) -> Option<Hit> {
        let in_panel = |p: &Panel| {
            let (Some(first), Some(last)) = (p.rows.first(), p.rows.last()) else { return false };
            x >= p.x0 && x < p.x1 && y >= first.y0 && y < last.y1
        };
        let (panel_index, panel) = self.panels.iter().enumerate().find(|(_, p)| in_panel(p))?;
        let i = panel.rows.partition_point(|r| r.y1 <= y);
        let row = panel.rows.get(i).filter(|r| r.y0 <= y)?;
        let bar = row.bars.clone().find(|&b| self.bars.get(b).is_some_and(|bar| bar.rect.contains_x(x)));
        Some(Hit { panel: panel_index, row: i, item: row.item, bar })
    }

    /// Where keyboard navigation starts: the first row of the first panel, on its first segment.
    pub fn first_cursor(&self) -> Option<Cursor> {
        let row = self.panels.first()?.rows.first()?;
        Some(Cursor { panel: 0, row: 0, bar: (!row.bars.is_empty()).then_some(row.bars.start) })
    }

    /// Up/Down move between rows (into the next stacked panel at the ends), Left/Right between
    /// segments (into the neighbouring side-by-side panel at the ends), Home/End to the first and
    /// last row of the panel. Stays put where there is nowhere to go.
    pub fn step(&self, c: Cursor, key: Key) -> Cursor {
        let Some(panel) = self.panels.get(c.panel) else { return c };
        let last_row = panel.rows.len().saturating_sub(1);
        let seg_index = |cur: Cursor| -> Option<usize> {
            let row = self.panels.get(cur.panel)?.rows.get(cur.row)?;
            cur.bar.map(|b| b.saturating_sub(row.bars.start))
        };
        // A cursor on `row` of `panel`, on the segment at `index` (clamped), if the row has any.
        let at = |panel: usize, row: usize, index: Option<usize>| -> Cursor {
            let bars = self.panels.get(panel).and_then(|p| p.rows.get(row)).map(|r| r.bars.clone()).unwrap_or(0..0);
            let bar = if bars.is_empty() { None } else { Some(bars.start + index.unwrap_or(0).min(bars.len() - 1)) };
            Cursor { panel, row, bar }
        };
        let stacked_neighbour = |delta: isize| -> Option<usize> {
            let j = c.panel.checked_add_signed(delta)?;
            let other = self.panels.get(j)?;
            (other.x0 == panel.x0).then_some(j)
        };
        let side_neighbour = |delta: isize| -> Option<usize> {
            let j = c.panel.checked_add_signed(delta)?;
            let other = self.panels.get(j)?;
            (other.x0 != panel.x0).then_some(j)
        };
        match key {
            Key::Up if c.row > 0 => at(c.panel, c.row - 1, seg_index(c)),
            Key::Up => stacked_neighbour(-1).map_or(c, |j| {
                let last = self.panels.get(j).map_or(0, |p| p.rows.len().saturating_sub(1));
                at(j, last, None)
            }),
            Key::Down if c.row < last_row => at(c.panel, c.row + 1, seg_index(c)),
            Key::Down => stacked_neighbour(1).map_or(c, |j| at(j, 0, None)),
            Key::Home => at(c.panel, 0, seg_index(c)),
            Key::End => at(c.panel, last_row, seg_index(c)),
            Key::Left | Key::Right => {
                let row = panel.rows.get(c.row);
                let len = row.map_or(0, |r| r.bars.len());
                let i = seg_index(c);
                match (key, i) {
                    (Key::Right, None) if len > 0 => at(c.panel, c.row, Some(0)),
                    (Key::Right, Some(i)) if i + 1 < len => at(c.panel, c.row, Some(i + 1)),
                    (Key::Left, Some(i)) if i > 0 => at(c.panel, c.row, Some(i - 1)),
                    (Key::Right, _) => side_neighbour(1)
                        .map_or(c, |j| at(j, c.row.min(self.panels.get(j).map_or(0, |p| p.rows.len().saturating_sub(1))), Some(0))),
                    (Key::Left, _) => side_neighbour(-1).map_or(c, |j| at(j, c.row, Some(usize::MAX))),
                    _ => c,
                }
            }
        }
    }

    /// The rectangle a readout points at: the segment, else the row's bars, else the row band.
    pub fn anchor(&self, c: Cursor) -> Option<Rect> {
        let panel = self.panels.get(c.panel)?;
        let row = panel.rows.get(c.row)?;
        if let Some(bar) = c.bar.and_then(|b| self.bars.get(b)) {
            return Some(bar.rect);
        }
        let bars = self.bars.get(row.bars.clone()).unwrap_or(&[]);
        match (bars.first(), bars.last()) {
            (Some(a), Some(b)) => Some(Rect { x0: a.rect.x0, y0: a.rect.y0, x1: b.rect.x1, y1: b.rect.y1 }),
            _ => Some(Rect { x0: panel.x0, y0: row.y0, x1: panel.x1, y1: row.y1 }),
        }
    }

    /// What the highlight layer draws for `c`: a frame round the segment (or row), and a thin
    /// marker under the row's name side, so the row is found even in small multiples.
    pub fn highlight(&self, c: Cursor, theme: &Theme) -> Vec<Mark> {
        let Some(r) = self.anchor(c) else { return Vec::new() };
        let pad = HIGHLIGHT_PAD_PX;
        vec![Mark::Frame {
            rect: Rect { x0: r.x0 - pad, y0: r.y0 - pad, x1: r.x1 + pad, y1: r.y1 + pad },
            color: theme.text,
            width: HIGHLIGHT_LINE_PX,
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{lay, SEED};
    use super::*;
    use crate::model::ChartKind;

    #[test]
    fn hit_test_finds_rows_segments_and_misses() {
        let l = lay(SEED, ChartKind::Cells, 640.0);
        let row = &l.panels[0].rows[0];
        let seg = &l.bars[row.bars.start + 1];
        let mid_y = (seg.rect.y0 + seg.rect.y1) / 2.0;
        let hit = l.hit((seg.rect.x0 + seg.rect.x1) / 2.0, mid_y).unwrap();
        assert_eq!((hit.panel, hit.row, hit.item, hit.bar), (0, 0, 0, Some(row.bars.start + 1)));
        // On the label: the row, no segment.
        assert_eq!(l.hit(20.0, mid_y).unwrap().bar, None);
        // Bands tile the plot: the boundary between rows belongs to the lower row.
        let boundary = l.panels[0].rows[1].y0;
        assert_eq!(l.hit(20.0, boundary).unwrap().row, 1);
        assert_eq!(l.hit(20.0, boundary - 0.01).unwrap().row, 0);
        // Above the plot (title), below it (ticks), and outside the canvas.
        assert_eq!(l.hit(20.0, 5.0), None);
        assert_eq!(l.hit(20.0, l.height - 1.0), None);
        assert_eq!(l.hit(-1.0, mid_y), None);
        assert_eq!(l.hit(l.width, mid_y), None);
    }

    #[test]
    fn arrows_walk_rows_and_segments() {
        let l = lay(SEED, ChartKind::Targets, 640.0);
        let start = l.first_cursor().unwrap();
        let rows = &l.panels[0].rows;
        assert_eq!(start, Cursor { panel: 0, row: 0, bar: Some(rows[0].bars.start) });
        let right = l.step(start, Key::Right);
        assert_eq!(right.bar, Some(rows[0].bars.start + 1));
        // Down keeps the segment position.
        let down = l.step(right, Key::Down);
        assert_eq!((down.row, down.bar), (1, Some(rows[1].bars.start + 1)));
        // Into the no-data row: no segment; End/Home jump; the edges hold.
        assert_eq!(l.step(down, Key::Down), Cursor { panel: 0, row: 2, bar: None });
        assert_eq!(l.step(start, Key::End).row, 2);
        assert_eq!(l.step(l.step(start, Key::End), Key::Home).row, 0);
        assert_eq!(l.step(start, Key::Up), start);
        assert_eq!(l.step(start, Key::Left), start);
        let last_seg = l.step(l.step(start, Key::Right), Key::Right);
        assert_eq!(l.step(last_seg, Key::Right), last_seg);
    }

    #[test]
    fn arrows_cross_panels_of_the_overview() {
        // Stacked (narrow): Down from the last row enters the next panel.
        let l = lay(SEED, ChartKind::Overview, 375.0);
        let c = l.step(l.first_cursor().unwrap(), Key::End);
        let next = l.step(c, Key::Down);
        assert_eq!((next.panel, next.row), (1, 0));
        assert_eq!(l.step(next, Key::Up).panel, 0);
        // Side by side (wide): Right from the last segment enters the next panel, same row.
        let l = lay(SEED, ChartKind::Overview, 1000.0);
        let c = l.step(l.first_cursor().unwrap(), Key::Down);
        let next = l.step(c, Key::Right);
        assert_eq!((next.panel, next.row), (1, 1));
        assert_eq!(l.step(next, Key::Left).panel, 0);
    }

    #[test]
    fn hits_become_cursors_and_highlights_frame_the_segment() {
        let l = lay(SEED, ChartKind::Cells, 640.0);
        let bar = &l.bars[1];
        let hit = l.hit((bar.rect.x0 + bar.rect.x1) / 2.0, (bar.rect.y0 + bar.rect.y1) / 2.0).unwrap();
        let c = Cursor::from(hit);
        assert_eq!(c.bar, Some(1));
        match l.highlight(c, &Theme::light()).as_slice() {
            [Mark::Frame { rect, .. }] => assert!(rect.x0 < bar.rect.x0 && rect.x1 > bar.rect.x1),
            other => panic!("{other:?}"),
        }
    }
}
