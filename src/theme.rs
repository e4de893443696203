//! Colours. Light and dark share one structure; the glue picks by `prefers-color-scheme`.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        fn channel(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG contrast ratio, 1..=21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
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
        }
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

#[cfg(test)]
mod tests {
    use super::*;

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
