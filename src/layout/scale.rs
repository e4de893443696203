//! The scale: values to x ([`LinearScale::map`], as plotters' `Ranged::map`), round ticks
//! ([`nice_ticks`]), and the axis fitted to a panel's width: as many ticks as have room for their
//! labels, the plot as wide as lets every end label fit, and where a tick's label goes.

use super::rows::PanelData;
use super::sizes::*;
use super::{Align, Ctx, Names};
use crate::locale::Locale;
use crate::model::f64_from_len;
use crate::text::{Font, TextMeasure};

/// How a panel's axis reads.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Scale {
    /// Whole numbers from 0.
    Count,
    /// Decimals from 0 (members per cell).
    Ratio,
    /// Shares of a whole: every bar spans 0–100%.
    Share,
    /// Percent of plan, with a reference line at 100%.
    Plan,
}

impl Scale {
    /// A tick's label: a number, or a percent.
    pub(super) fn tick_text(self, locale: Locale, t: f64) -> String {
        match self {
            Scale::Count | Scale::Ratio => locale.format_decimal(t, 1),
            Scale::Share | Scale::Plan => locale.format_percent(t, 1),
        }
    }
}

/// Values from 0 to `domain_max` onto x from `range.0` to `range.1` (CSS px); values outside
/// the domain are drawn at its ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct LinearScale {
    pub(super) domain_max: f64,
    pub(super) range: (f64, f64),
}

impl LinearScale {
    /// The x of `v`. Inlined where used (about 100 B gz less wasm than a call at each of them).
    #[expect(clippy::inline_always, reason = "measured: about 100 B gz less wasm than a call")]
    #[inline(always)]
    pub(super) fn map(&self, v: f64) -> f64 {
        let (x0, x1) = self.range;
        x0 + (x1 - x0) * (v / self.domain_max).max(0.0).min(1.0)
    }
}

/// A panel's axis fitted to its width.
pub(super) struct Axis {
    pub(super) ticks: Vec<f64>,
    /// Values to x across the plot (the names' column taken off).
    pub(super) x: LinearScale,
    /// The names' column, narrowed where the bars need the room.
    pub(super) names: Names,
    /// Long end labels (`5.755 ha · 99,7% kế hoạch`) on a phone go on the name's line, at the
    /// right, rather than after the bar.
    pub(super) end_on_name_line: bool,
}

/// The axis of panel `p` between `x0` and `x1`: round ticks, fewer where their labels would
/// touch, and the plot as wide as lets the end labels (in `end_font`) fit after their bars.
pub(super) fn axis(ctx: &Ctx, p: &PanelData, x0: f64, x1: f64, names: Names, end_font: Font) -> Axis {
    let Ctx { locale, measure, .. } = *ctx;
    let width = x1 - x0;
    // Each drawn row's total and end label width (the label follows its bar's end), and the
    // largest of each, in one pass over the rows.
    let mut ends: Vec<(f64, f64)> = Vec::with_capacity(p.rows.len());
    let (mut max_value, mut widest_end): (f64, f64) = (0.0, 0.0);
    for r in &p.rows {
        if let Some(segs) = &r.segments {
            let mut total = 0.0;
            for g in segs {
                total += g.value;
            }
            let label_w = measure.width_px(&r.end_label, end_font);
            (max_value, widest_end) = (max_value.max(total), widest_end.max(label_w));
            ends.push((total, label_w));
        }
    }
    let few_ticks = width < NARROW_BELOW_PX;
    let mut ticks = match p.scale {
        Scale::Count | Scale::Ratio => nice_ticks(max_value, if few_ticks { 3 } else { 5 }),
        Scale::Share => vec![0.0, 50.0, 100.0],
        Scale::Plan => nice_ticks(max_value.max(100.0), if few_ticks { 3 } else { 5 }),
    };
    // Percent of plan: just past the largest value (or 100%), ticks only where they fit.
    // (Plain loops here: iterator chains over f64 cost about 1 kB of wasm.)
    let plan_domain = max_value.max(100.0) * 1.06;
    let domain_of = |ticks: &mut Vec<f64>| {
        if p.scale == Scale::Plan {
            while ticks.len() > 1 && ticks.last().is_some_and(|t| *t > plan_domain) {
                ticks.pop();
            }
            plan_domain
        } else {
            ticks.last().copied().unwrap_or(1.0).max(f64::MIN_POSITIVE)
        }
    };
    let mut domain_max = domain_of(&mut ticks);
    let end_on_name_line = names == Names::Above && widest_end > width * 0.3;
    let fit = |names: Names, domain: f64| {
        let names = match names {
            // Names get the room they want (up to half) while the bars keep 45% of the width;
            // then they give it back, down to the old 38%, before anything is cut.
            Names::Beside(want) => {
                let floor = want.min(width * 0.38);
                let mut w = want;
                while w > floor && plot_width(width - w, &ends, domain, end_on_name_line) < width * 0.45 {
                    w = (w - NAMES_STEP_PX).max(floor);
                }
                Names::Beside(w)
            }
            n => n,
        };
        (names, plot_width(width - names.width(), &ends, domain, end_on_name_line))
    };
    let (mut names, mut plot_w) = fit(names, domain_max);
    // Fewer ticks when their labels would touch: at least TICK_LABEL_GAP_PX between neighbours.
    for _ in 0..3 {
        let mut widest_tick: f64 = 0.0;
        for t in &ticks {
            widest_tick = widest_tick.max(measure.width_px(&p.scale.tick_text(locale, *t), TICK_FONT));
        }
        let min_step = (widest_tick + TICK_LABEL_GAP_PX) * domain_max / plot_w.max(1.0);
        if p.scale == Scale::Share || ticks.get(1).is_none_or(|s| *s >= min_step) {
            break;
        }
        let step = nice_step_at_least(min_step);
        let last = if p.scale == Scale::Plan { domain_max } else { (max_value / step).ceil().max(1.0) * step };
        ticks.clear();
        let mut t = 0.0;
        while t <= last + step * 1e-9 && ticks.len() < 64 {
            ticks.push(t);
            t += step;
        }
        domain_max = domain_of(&mut ticks);
        (names, plot_w) = fit(names, domain_max);
    }
    let plot_x0 = x0 + names.width();
    let plot_x1 = plot_x0 + plot_w;
    Axis { ticks, x: LinearScale { domain_max, range: (plot_x0, plot_x1) }, names, end_on_name_line }
}

/// Centred under its tick, unless that would cross the panel's edge.
pub(super) fn tick_anchor(x: f64, text: &str, m: &dyn TextMeasure, x0: f64, x1: f64) -> (f64, Align) {
    let half = m.width_px(text, TICK_FONT) / 2.0;
    if x + half > x1 {
        (x1, Align::End)
    } else if x - half < x0 {
        (x0, Align::Start)
    } else {
        (x, Align::Middle)
    }
}

/// The plot's width in `avail` px (names taken off): as wide as lets every end label fit after
/// its bar or inside it (`ends`: total and label width), at least 55% of `avail` (a longer label
/// is cut).
fn plot_width(avail: f64, ends: &[(f64, f64)], domain: f64, labels_elsewhere: bool) -> f64 {
    let (widest, floor) = (avail - PLOT_INSET_PX, (avail * 0.55).min(avail - PLOT_INSET_PX).max(MIN_PLOT_W_PX));
    if labels_elsewhere {
        return widest.max(floor);
    }
    let share = |value: f64| (value / domain).max(0.0).min(1.0);
    // A width fits a row when its label fits after the bar, or inside it.
    let fits = |w: f64| {
        ends.iter().all(|&(v, lw)| w * share(v) + END_LABEL_ROOM_PX + lw <= avail + 1e-6 || lw + END_LABEL_INSIDE_PX <= w * share(v))
    };
    // The widest that fits: the full width, or one where some label just fits after its bar
    // (only rows near the longest give one in range). No sort: it would add 2 kB of wasm.
    if fits(widest) {
        return widest;
    }
    let mut best = floor;
    for &(v, lw) in ends {
        let w = if share(v) > 0.0 { (avail - END_LABEL_ROOM_PX - lw) / share(v) } else { 0.0 };
        if w > best && w < widest && fits(w) {
            best = w;
        }
    }
    best
}

/// The smallest round step (1, 2 or 5 × 10^k, at least 1) not below `min`.
fn nice_step_at_least(min: f64) -> f64 {
    // 10^floor(log10(min)) for min >= 1 (a smaller step becomes 1 below), without libm.
    let mut mag = 1.0;
    while mag * 10.0 <= min {
        mag *= 10.0;
    }
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= min).unwrap_or(10.0 * mag).max(1.0)
}

/// Round tick values from 0 to at least `max`: steps of 1, 2 or 5 × 10^k, whole numbers only.
/// Of the step sizes for `target` to `target + 2` ticks, the one that wastes the least room
/// past `max` wins (77 gets 0–80, not 0–100).
pub fn nice_ticks(max: f64, target: usize) -> Vec<f64> {
    if max.is_nan() || max <= 0.0 || !max.is_finite() {
        return vec![0.0, 1.0];
    }
    let step_for = |count: usize| nice_step_at_least(max / f64_from_len(count.max(1)));
    let end = |step: f64| (max / step).ceil() * step;
    let step = (target..=target + 2)
        .map(step_for)
        .fold(None, |best: Option<f64>, s| match best {
            Some(b) if end(b) <= end(s) => Some(b),
            _ => Some(s),
        })
        .unwrap_or(1.0);
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "max and step are positive: a count, saturating")]
    let n = (max / step).ceil() as usize;
    (0..=n).map(|i| f64_from_len(i) * step).filter(|t| t.is_finite()).collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{extent, lay, texts};
    use super::super::*;
    use super::*;

    #[test]
    fn ticks_are_round() {
        assert_eq!(nice_ticks(2989.0, 5), vec![0.0, 1000.0, 2000.0, 3000.0]);
        assert_eq!(nice_ticks(89.0, 5), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(nice_ticks(77.0, 3), vec![0.0, 20.0, 40.0, 60.0, 80.0]);
        assert_eq!(nice_ticks(3.0, 5), vec![0.0, 1.0, 2.0, 3.0]);
        assert_eq!(nice_ticks(0.0, 5), vec![0.0, 1.0]);
    }

    #[test]
    fn an_outlier_far_above_plan_thins_the_ticks_and_keeps_the_names_whole() {
        // Issue 16 item 2: one indicator at 250% of plan.
        let json = r#"{"indicators":[
            {"name":"Tổng diện tích gieo trồng cây hàng năm","value":5755,"measure":"ha","percentOfPlan":99.7},
            {"name":"Sản lượng lương thực có hạt bình quân","value":24500,"measure":"tấn","percentOfPlan":101.2},
            {"name":"Tỷ lệ hộ dùng nước sinh hoạt hợp vệ sinh","value":98.5,"measure":"%","percentOfPlan":100.5},
            {"name":"Thu ngân sách trên địa bàn","value":3.2,"measure":"tỷ đồng","percentOfPlan":250}]}"#;
        for width in [574.0, 700.0, 1000.0] {
            let l = lay(json, ChartKind::Indicators, width);
            let mut ticks: Vec<(f64, f64)> = l
                .marks
                .iter()
                .filter_map(|m| match m {
                    Mark::Text { x, text, font, align, .. } if *font == TICK_FONT => Some(extent(*x, text, *font, *align)),
                    _ => None,
                })
                .collect();
            ticks.sort_by(|a, b| a.0.total_cmp(&b.0));
            assert!(ticks.len() >= 2, "{width}: {ticks:?}");
            for pair in ticks.windows(2) {
                assert!(pair[1].0 - pair[0].1 >= 8.0, "{width}: tick labels {pair:?} nearly touch");
            }
            // Where the bars keep 45% of the width the names are whole (at 574 px these names
            // and the 250% row's label cannot all fit: the names give back to the old 38%).
            let names = texts(&l);
            for name in ["Tổng diện tích gieo trồng cây hàng năm", "Tỷ lệ hộ dùng nước sinh hoạt hợp vệ sinh"] {
                assert!(width < 700.0 || names.contains(&name), "{width}: {name} is cut: {names:?}");
            }
            // The bars take their share of the width: the longest ends near the right edge.
            let right = l.bars.iter().map(|b| b.rect.x1).fold(0.0, f64::max);
            assert!(right > width * 0.6, "{width}: the longest bar ends at {right}");
            for m in &l.marks {
                if let Mark::Text { x, text, font, align, .. } = m {
                    let (a, b) = extent(*x, text, *font, *align);
                    assert!(a >= 0.0 && b <= width, "{width}: {text:?} outside the chart ({a}..{b})");
                }
            }
        }
    }
}
