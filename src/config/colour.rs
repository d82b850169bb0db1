//! Colours written as `#rrggbb`, and whether one reads against a background: the contrast ratio
//! of WCAG 2 (from 1:1, the same colour, to 21:1, black on white).

use ratatui::style::Color;

/// The least contrast accepted for an accent colour: 3:1, WCAG's minimum for bold text and for
/// the parts of an interface one must see.
pub const MIN_CONTRAST: f64 = 3.0;

/// An exact colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Black, the background assumed for the dark theme.
    pub const BLACK: Rgb = Rgb(0, 0, 0);
    /// White, the background assumed for the light theme.
    pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

    /// `#rrggbb` or `#rgb` (either case); `None` for anything else.
    #[must_use]
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize, width: usize| u8::from_str_radix(hex.get(i..i + width)?, 16).ok();
        match hex.len() {
            6 => Some(Rgb(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
            3 => Some(Rgb(digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
            _ => None,
        }
    }

    /// The colour for the terminal.
    #[must_use]
    pub fn color(self) -> Color {
        Color::Rgb(self.0, self.1, self.2)
    }

    /// Relative luminance, 0 (black) to 1 (white).
    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// The contrast ratio between this colour and `other`, 1 to 21.
    #[must_use]
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

impl std::fmt::Display for Rgb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::theme::Palette;

    #[test]
    fn parses_both_hex_forms_and_nothing_else() {
        assert_eq!(Rgb::parse("#ff8000"), Some(Rgb(255, 128, 0)));
        assert_eq!(Rgb::parse("#F80"), Some(Rgb(255, 136, 0)));
        for bad in ["ff8000", "#ff80", "#gg0000", "red", "#ff80000", ""] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
        assert_eq!(Rgb(1, 2, 255).to_string(), "#0102ff");
    }

    #[test]
    fn contrast_runs_from_1_to_21() {
        assert!((Rgb::BLACK.contrast(Rgb::WHITE) - 21.0).abs() < 1e-9);
        assert!((Rgb::WHITE.contrast(Rgb::WHITE) - 1.0).abs() < 1e-9);
        // WCAG's own example: #777777 on white is just under 4.5:1.
        let grey = Rgb(0x77, 0x77, 0x77).contrast(Rgb::WHITE);
        assert!((4.4..4.5).contains(&grey), "{grey}");
    }

    #[test]
    fn the_light_palette_reads_on_white() {
        let p = Palette::LIGHT;
        for color in [p.red, p.green, p.yellow, p.blue, p.magenta, p.cyan] {
            let Color::Rgb(r, g, b) = color else {
                panic!("{color:?} is not exact")
            };
            let ratio = Rgb(r, g, b).contrast(Rgb::WHITE);
            assert!(ratio >= 4.5, "{color:?}: {ratio:.2}");
        }
    }
}
