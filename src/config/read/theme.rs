//! Reading the `theme` setting: `"dark"`, `"light"`, or a `[theme]` table of colours, each
//! colour checked for contrast against the background before it is used.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Reader, in_file_order};
use crate::config::{Base, MIN_CONTRAST, Rgb, ThemeChoice};
use crate::store::load::did_you_mean;
use crate::tui::theme::Palette;

/// The keys of a `[theme]` table.
const THEME_KEYS: [&str; 8] = [
    "base",
    "background",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
];

/// The theme `value` names or describes, or a warning and `None` (the default, dark).
pub(super) fn theme(reader: &mut Reader<'_>, value: &Spanned<DeValue<'_>>) -> Option<ThemeChoice> {
    match value.get_ref() {
        DeValue::String(name) => match name.as_ref() {
            "dark" => Some(ThemeChoice::Dark),
            "light" => Some(ThemeChoice::Light),
            other => {
                let hint = did_you_mean(other, &["dark", "light"]);
                reader.warn(
                    &value.span(),
                    format!("unknown theme `{other}`{hint}; write \"dark\" or \"light\", or a [theme] table of colours; using dark"),
                );
                None
            }
        },
        DeValue::Table(table) => Some(custom_theme(reader, table)),
        _ => {
            reader.warn(
                &value.span(),
                "`theme` must be \"dark\", \"light\" or a [theme] table of colours; using dark"
                    .into(),
            );
            None
        }
    }
}

/// A `[theme]` table: a base, a background, and colours each checked against the background.
fn custom_theme(reader: &mut Reader<'_>, table: &DeTable<'_>) -> ThemeChoice {
    let text = |key: &str| {
        table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| v)
    };
    let base = match text("base").map(|v| (v.get_ref(), v.span())) {
        None => Base::Dark,
        Some((DeValue::String(s), _)) if s.as_ref() == "dark" => Base::Dark,
        Some((DeValue::String(s), _)) if s.as_ref() == "light" => Base::Light,
        Some((_, span)) => {
            reader.warn(
                &span,
                "`base` must be \"dark\" or \"light\"; using dark".into(),
            );
            Base::Dark
        }
    };
    let (mut palette, default_background) = match base {
        Base::Dark => (Palette::DARK, Rgb::BLACK),
        Base::Light => (Palette::LIGHT, Rgb::WHITE),
    };
    let background = text("background")
        .and_then(|v| colour(reader, "background", v))
        .unwrap_or(default_background);
    for (key, value) in in_file_order(table) {
        let (name, span) = (key.get_ref().as_ref(), key.span());
        let slot = match name {
            "red" => &mut palette.red,
            "green" => &mut palette.green,
            "yellow" => &mut palette.yellow,
            "blue" => &mut palette.blue,
            "magenta" => &mut palette.magenta,
            "cyan" => &mut palette.cyan,
            "base" | "background" => continue,
            other => {
                let hint = did_you_mean(other, &THEME_KEYS);
                reader.warn(
                    &span,
                    format!(
                        "unknown theme colour `{other}`{hint}; a [theme] table holds {}",
                        THEME_KEYS.join(", ")
                    ),
                );
                continue;
            }
        };
        let Some(rgb) = colour(reader, name, value) else {
            continue;
        };
        let ratio = rgb.contrast(background);
        if ratio < MIN_CONTRAST {
            reader.warn(
                &value.span(),
                format!(
                    "`{name}` {rgb} has a contrast of {ratio:.1}:1 against the background {background}, under the {MIN_CONTRAST}:1 needed to read it; using the default {name}"
                ),
            );
        } else {
            *slot = rgb.color();
        }
    }
    ThemeChoice::Custom {
        base,
        background,
        palette,
    }
}

/// A `#rrggbb` colour, or a warning.
fn colour(reader: &mut Reader<'_>, name: &str, value: &Spanned<DeValue<'_>>) -> Option<Rgb> {
    let parsed = match value.get_ref() {
        DeValue::String(s) => Rgb::parse(s),
        _ => None,
    };
    if parsed.is_none() {
        reader.warn(
            &value.span(),
            format!("`{name}` must be a colour written \"#rrggbb\" (so that its contrast can be checked); using the default"),
        );
    }
    parsed
}
