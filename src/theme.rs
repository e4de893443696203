//! Colours. Light and dark share one structure; the glue picks by `prefers-color-scheme`.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// The channels as linear light, 0..=1. WCAG's threshold (0.03928) and sRGB's (0.04045)
    /// split 8-bit values alike (10/255 below, 11/255 above), so one curve serves both.
    pub fn linear(self) -> [f64; 3] {
        fn channel(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                pow_2_4((c + 0.055) / 1.055)
            }
        }
        [channel(self.0), channel(self.1), channel(self.2)]
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let [r, g, b] = self.linear();
        0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    /// WCAG contrast ratio, 1..=21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    pub fn hex(self) -> String {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut out = String::from("#");
        for byte in [self.0, self.1, self.2] {
            for nibble in [byte >> 4, byte & 15] {
                out.push(char::from(DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0')));
            }
        }
        out
    }
}

/// `x`^2.4 for 0 < x <= 1, as (x^12)^(1/5) by Newton's method: no `powf`, whose libm code is
/// 1 kB gz of wasm. Within 1e-13 of `powf` (tested).
fn pow_2_4(x: f64) -> f64 {
    let x4 = (x * x) * (x * x);
    let a = x4 * x4 * x4;
    // From above (x^2 >= x^2.4), Newton on r^5 = a descends monotonically to the root.
    let mut r = x * x;
    for _ in 0..12 {
        let r4 = (r * r) * (r * r);
        r = (4.0 * r + a / r4) / 5.0;
    }
    r
}

#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub background: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub grid: Rgb,
    pub baseline: Rgb,
    /// Single-series bars.
    pub bar: Rgb,
    /// Stacked groups (cell kinds), in order; Okabe–Ito based, distinct under deuteranopia.
    pub palette: [Rgb; 6],
    /// Segments with no breakdown.
    pub unclassified: Rgb,
    /// Target groups `met`, `over80`, `behind`: dark blue, light blue, vermillion — apart in
    /// lightness and hue, so they stay distinct under deuteranopia and in greyscale print.
    pub targets: [Rgb; 3],
    /// Indicators below plan, a neutral grey (those at or above plan use `bar`).
    pub below_plan: Rgb,
}

impl Theme {
    pub fn light() -> Theme {
        Theme {
            background: Rgb(255, 255, 255),
            text: Rgb(0x1a, 0x1a, 0x1a),
            muted: Rgb(0x59, 0x59, 0x59),
            grid: Rgb(0xe3, 0xe3, 0xe3),
            baseline: Rgb(0x33, 0x33, 0x33),
            bar: Rgb(0x1f, 0x5f, 0xa8),
            palette: [
                Rgb(0x1f, 0x5f, 0xa8),
                Rgb(0xe6, 0x9f, 0x00),
                Rgb(0x00, 0x9e, 0x73),
                Rgb(0xcc, 0x79, 0xa7),
                Rgb(0x56, 0xb4, 0xe9),
                Rgb(0xd5, 0x5e, 0x00),
            ],
            unclassified: Rgb(0xa0, 0xa8, 0xb2),
            targets: [Rgb(0x17, 0x45, 0x7f), Rgb(0x4f, 0x8f, 0xcf), Rgb(0xd5, 0x5e, 0x00)],
            below_plan: Rgb(0x7b, 0x81, 0x8a),
        }
    }

    pub fn dark() -> Theme {
        Theme {
            background: Rgb(0x16, 0x18, 0x1c),
            text: Rgb(0xee, 0xee, 0xee),
            muted: Rgb(0xb0, 0xb4, 0xba),
            grid: Rgb(0x33, 0x37, 0x3d),
            baseline: Rgb(0xcc, 0xcc, 0xcc),
            bar: Rgb(0x6c, 0xa8, 0xf0),
            palette: [
                Rgb(0x6c, 0xa8, 0xf0),
                Rgb(0xe6, 0x9f, 0x00),
                Rgb(0x2f, 0xbf, 0x95),
                Rgb(0xdc, 0x8f, 0xbb),
                Rgb(0x9a, 0xd3, 0xf5),
                Rgb(0xf0, 0x7a, 0x2a),
            ],
            unclassified: Rgb(0x7d, 0x85, 0x90),
            targets: [Rgb(0x7d, 0xb8, 0xff), Rgb(0x3d, 0x6f, 0xa8), Rgb(0xf0, 0x7a, 0x2a)],
            below_plan: Rgb(0x8d, 0x93, 0x9c),
        }
    }

    /// For `forced-colors: active` (Windows high contrast): the user's system colours, read by
    /// the glue from `CanvasText`, `Canvas`, `Highlight` and `GrayText`. Groups differ by colour
    /// where the system gives three; their counts are drawn inside in any case.
    pub fn forced(text: Rgb, background: Rgb, highlight: Rgb, gray: Rgb) -> Theme {
        Theme {
            background,
            text,
            muted: text,
            grid: gray,
            baseline: text,
            bar: highlight,
            palette: [highlight, gray, text, highlight, gray, text],
            unclassified: gray,
            targets: [highlight, gray, text],
            below_plan: gray,
        }
    }

    /// `fill` for a commune the data does not highlight: mixed toward the background as far as
    /// it stays at 3:1 against it (WCAG's non-text contrast), at most 60%. A colour already
    /// under 3:1 (the palette's orange) is mixed 40%: told apart by lightness, not lost. A grey
    /// just above 3:1 (unclassified cells) can only be mixed a little; its commune is still told
    /// apart by its name in bold.
    pub fn muted_fill(&self, fill: Rgb) -> Rgb {
        let mix = |t: f64| {
            let channel = |a: u8, b: u8| {
                let v = f64::from(a) + (f64::from(b) - f64::from(a)) * t;
                #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a rounded mix of two u8 values: 0..=255")]
                let v = v.round() as u8;
                v
            };
            let bg = self.background;
            Rgb(channel(fill.0, bg.0), channel(fill.1, bg.1), channel(fill.2, bg.2))
        };
        if fill.contrast(self.background) < 3.0 {
            return mix(0.4);
        }
        for step in [6.0, 5.0, 4.0, 3.0, 2.0, 1.0] {
            let c = mix(step / 10.0);
            if c.contrast(self.background) >= 3.0 {
                return c;
            }
        }
        fill
    }

    /// Text colour readable on top of `fill` (for labels inside bars).
    pub fn text_on(&self, fill: Rgb) -> Rgb {
        let dark = Rgb(0x11, 0x11, 0x11);
        let light = Rgb(0xff, 0xff, 0xff);
        if fill.contrast(dark) >= fill.contrast(light) {
            dark
        } else {
            light
        }
    }
}

/// How `c` looks with deuteranopia (Machado, Oliveira & Fernandes 2009, severity 1), in CIELAB.
pub fn deuteranopia_lab(c: Rgb) -> [f64; 3] {
    let [r, g, b] = c.linear();
    let r2 = (0.367_322 * r + 0.860_646 * g - 0.227_968 * b).max(0.0).min(1.0);
    let g2 = (0.280_085 * r + 0.672_501 * g + 0.047_413 * b).max(0.0).min(1.0);
    let b2 = (-0.011_820 * r + 0.042_940 * g + 0.968_881 * b).max(0.0).min(1.0);
    lab(r2, g2, b2)
}

/// Linear sRGB -> CIELAB (D65).
fn lab(r: f64, g: f64, b: f64) -> [f64; 3] {
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.950_47;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.088_83;
    let f = |t: f64| if t > 0.008_856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// CIE76 colour difference; above ~10 is clearly distinguishable side by side.
pub fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
    a.iter().zip(b.iter()).map(|(x, y)| (x - y) * (x - y)).sum::<f64>().sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wcag_and_srgb_thresholds_split_8_bit_channels_alike() {
        for c in 0..=255u8 {
            let v = f64::from(c) / 255.0;
            assert_eq!(v <= 0.03928, v <= 0.04045, "{c}");
        }
    }

    #[test]
    fn luminance_power_matches_powf() {
        for c in 10..=255u8 {
            let x = (f64::from(c) / 255.0 + 0.055) / 1.055;
            let (ours, libm) = (pow_2_4(x), x.powf(2.4));
            assert!((ours - libm).abs() <= 1e-13 * libm, "{c}: {ours} vs {libm}");
        }
    }

    #[test]
    fn target_groups_stay_apart_under_deuteranopia_and_against_the_background() {
        for t in [Theme::light(), Theme::dark()] {
            let g = t.targets.map(deuteranopia_lab);
            for (i, j) in [(0, 1), (1, 2), (0, 2)] {
                let d = delta_e(g[i], g[j]);
                assert!(d >= 20.0, "groups {i} and {j}: ΔE {d:.1} under deuteranopia");
            }
            for c in t.targets.iter().chain([t.bar, t.below_plan].iter()) {
                assert!(c.contrast(t.background) >= 3.0, "{} against the background", c.hex());
            }
            assert!(delta_e(deuteranopia_lab(t.bar), deuteranopia_lab(t.below_plan)) >= 20.0);
        }
    }

    #[test]
    fn muted_fills_keep_3_to_1_and_stay_apart_from_the_full_colour_under_deuteranopia() {
        for t in [Theme::light(), Theme::dark()] {
            let mut colours = vec![t.bar, t.unclassified, t.below_plan];
            colours.extend(t.palette);
            colours.extend(t.targets);
            for c in colours {
                let m = t.muted_fill(c);
                // A colour at 3:1 or more stays there; one already under it (the palette's
                // orange) is mixed 40%.
                if c.contrast(t.background) >= 3.0 {
                    assert!(m.contrast(t.background) >= 3.0, "{} -> {} on {}", c.hex(), m.hex(), t.background.hex());
                }
                // Told apart under deuteranopia wherever there is room to mute (at 4:1 or more,
                // or under 3:1); a grey just above 3:1 relies on its bold name.
                let room = c.contrast(t.background) >= 4.0 || c.contrast(t.background) < 3.0;
                let apart = delta_e(deuteranopia_lab(c), deuteranopia_lab(m));
                assert!(!room || apart >= 8.0, "{} and muted {} under deuteranopia: ΔE {apart:.1}", c.hex(), m.hex());
            }
        }
    }

    #[test]
    fn text_meets_wcag_aa_on_both_themes() {
        for t in [Theme::light(), Theme::dark()] {
            assert!(t.text.contrast(t.background) >= 4.5);
            assert!(t.muted.contrast(t.background) >= 4.5, "muted {:?}", t.muted);
            for &c in &t.palette {
                assert!(t.text_on(c).contrast(c) >= 4.5, "label on {}", c.hex());
            }
        }
    }
}
