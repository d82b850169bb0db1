//! The user's settings file, `$XDG_CONFIG_HOME/ali-timeline/config.toml` (or the platform's
//! equivalent): the theme, keys of the browsing view, the default store, and the cache.
//!
//! A bad file never stops the program. Each unknown key or bad value becomes a warning located as
//! `FILE:LINE:COL` (with a did-you-mean where one fits), and that setting keeps its default; an
//! unreadable file is a warning and all defaults. The environment overrides the file: `NO_COLOR`
//! turns colours off whatever the theme, and `ALI_TIMELINE_CACHE` decides the cache.

mod colour;
pub mod dirs;
pub mod keys;
mod read;

use std::fmt;
use std::path::{Path, PathBuf};

pub use colour::{MIN_CONTRAST, Rgb};
pub use keys::Rebinding;

use crate::diagnostic::{Diagnostic, Position};
use crate::tui::theme::Palette;

/// The settings in effect, each with where it came from, and what was wrong with the file.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Where the file is looked for; `None` when no place is known (no usable `HOME`).
    pub path: Option<PathBuf>,
    /// What was found there.
    pub file: FileState,
    /// The colours of the terminal app.
    pub theme: Setting<ThemeChoice>,
    /// Whether colours are used at all.
    pub colour: Setting<bool>,
    /// Keys of the browsing view that differ from the defaults.
    pub keys: Setting<Vec<Rebinding>>,
    /// The store opened when `--data` is not given; `None` for the bundled one.
    pub store: Setting<Option<PathBuf>>,
    /// Whether the validated-store cache is used.
    pub cache: Setting<bool>,
    /// Every problem with the file, as located warnings.
    pub warnings: Vec<Diagnostic>,
}

/// A setting's value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    /// The value in effect.
    pub value: T,
    /// Where it came from.
    pub from: Origin,
}

impl<T> Setting<T> {
    fn default(value: T) -> Self {
        Setting {
            value,
            from: Origin::Default,
        }
    }
}

/// Where a setting came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Nothing set it.
    Default,
    /// The settings file, at this position.
    File(Position),
    /// An environment variable, as set (`NO_COLOR`, `ALI_TIMELINE_CACHE=off`).
    Env(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => f.write_str("default"),
            Origin::File(at) => write!(f, "config file, line {}", at.line),
            Origin::Env(var) => write!(f, "environment: {var}"),
        }
    }
}

/// What was at the settings file's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileState {
    /// No file: every setting is a default (or from the environment).
    Missing,
    /// Read (possibly with warnings).
    Read,
    /// There, but could not be read; why.
    Unreadable(String),
}

/// The theme asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeChoice {
    /// The terminal's own ANSI colours.
    Dark,
    /// Deep colours for a white background.
    Light,
    /// Colours of the user's own, over the dark or light palette, checked against `background`.
    Custom {
        /// The palette it changes.
        base: Base,
        /// The background the colours were checked against.
        background: Rgb,
        /// The resulting colours.
        palette: Palette,
    },
}

/// The palette a custom theme starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// [`Palette::DARK`], checked against black.
    Dark,
    /// [`Palette::LIGHT`], checked against white.
    Light,
}

impl ThemeChoice {
    /// The colours to draw with.
    #[must_use]
    pub fn palette(self) -> Palette {
        match self {
            ThemeChoice::Dark => Palette::DARK,
            ThemeChoice::Light => Palette::LIGHT,
            ThemeChoice::Custom { palette, .. } => palette,
        }
    }
}

impl fmt::Display for ThemeChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ThemeChoice::Dark => f.write_str("dark"),
            ThemeChoice::Light => f.write_str("light"),
            ThemeChoice::Custom {
                base, background, ..
            } => {
                let base = if *base == Base::Dark { "dark" } else { "light" };
                write!(f, "custom colours over {base}, on {background}")
            }
        }
    }
}

/// The settings file's path: `config.toml` in the config folder (see [`dirs`]:
/// `$XDG_CONFIG_HOME/ali-timeline/`, an absolute `XDG_CONFIG_HOME` only, else `~/.config/…` on
/// Linux and other Unix systems, `~/Library/Application Support/…` on macOS, `%APPDATA%\…` on
/// Windows). A relative `HOME` is ignored.
#[must_use]
pub fn path() -> Option<PathBuf> {
    dirs::config_dir().map(|dir| dir.join("config.toml"))
}

/// The settings: the file at [`path`] (when there is one) under the environment.
#[must_use]
pub fn load() -> Settings {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    load_from(path(), env("NO_COLOR").is_some(), env("ALI_TIMELINE_CACHE"))
}

/// The settings from the file at `path` (none: all defaults), then the environment: `no_color`
/// when `NO_COLOR` is set, `cache_env` the value of `ALI_TIMELINE_CACHE`.
#[must_use]
pub fn load_from(path: Option<PathBuf>, no_color: bool, cache_env: Option<String>) -> Settings {
    let mut settings = Settings {
        path: path.clone(),
        file: FileState::Missing,
        theme: Setting::default(ThemeChoice::Dark),
        colour: Setting::default(true),
        keys: Setting::default(Vec::new()),
        store: Setting::default(None),
        cache: Setting::default(true),
        warnings: Vec::new(),
    };
    if let Some(path) = &path {
        read::read(path, &mut settings);
    }
    if no_color {
        settings.colour = Setting {
            value: false,
            from: Origin::Env("NO_COLOR".into()),
        };
    }
    if let Some(value) = cache_env {
        settings.cache = Setting {
            value: !(value == "off" || value == "0"),
            from: Origin::Env(format!("ALI_TIMELINE_CACHE={value}")),
        };
    }
    settings
}

/// A path from the file: `~/…` under `HOME`, a relative path beside the file.
fn resolve_path(written: &str, file: &Path) -> PathBuf {
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .filter(|h| h.is_absolute());
    match (written.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => {
            let path = PathBuf::from(written);
            match file.parent() {
                Some(folder) if path.is_relative() => folder.join(path),
                _ => path,
            }
        }
    }
}

/// What `config --init` writes: every setting, commented out, with what it does.
pub const TEMPLATE: &str = r##"# ali-timeline settings. Every setting is commented out: remove the `#` to change one.
# `ali-timeline config` shows what is in effect and where each setting came from.

# The colours of the terminal app: "dark" (the terminal's own colours) or "light" (deep colours
# for a white background). NO_COLOR in the environment turns colours off whatever this says.
# theme = "dark"

# The store to open when --data is not given (the bundled timeline when unset). `~/` is your
# home folder; a relative path is taken from this file's folder.
# store = "~/timeline.ron"

# The validated-store cache, which makes a large store open faster the second time.
# ALI_TIMELINE_CACHE=off (or =on) in the environment overrides this.
# cache = true

# Instead of `theme = …` above: colours of your own, written #rrggbb, over the dark or light
# palette. Each must have a contrast of at least 3:1 against the background.
# [theme]
# base = "light"
# background = "#ffffff"
# red = "#b71c1c"
# green = "#1b5e20"
# yellow = "#7a5c00"
# blue = "#0d47a1"
# magenta = "#7b1fa2"
# cyan = "#006064"

# Keys of the browsing view: action = "key" or ["key", "key"]. A key is a character, Ctrl-x,
# Alt-x, Space, Enter, Esc, Tab, Shift-Tab, Backspace, Up, Down, Left, Right, PgUp, PgDn, Home,
# End or F1-F12. A key given to two actions is refused (both are named), and that action keeps
# its default keys. The actions: down, up, page_down, page_up, top, bottom, prev_year,
# next_year, prev_period, next_period, fold, unfold, toggle_fold, fold_all, unfold_all, focus_next,
# focus_prev, search, open, filter, back, jump_back, jump_forward, as_of, go_to_date, zoom, help,
# export, tenure, open_source, copy, save_query, saved_queries, quit.
# [keys]
# search = "/"
# quit = ["q", "Ctrl-q"]
"##;

#[cfg(test)]
mod tests {
    use super::*;

    /// `name = …` or `[table]`.
    fn is_setting(line: &str) -> bool {
        let name: String = line
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
            .collect();
        line.starts_with('[') || (!name.is_empty() && line[name.len()..].starts_with(" = "))
    }

    #[test]
    fn the_template_uncommented_is_a_good_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let text: String = TEMPLATE
            .lines()
            .filter(|l| !l.starts_with("# theme = ")) // `theme` is given as a table below
            .map(|l| l.strip_prefix("# ").filter(|l| is_setting(l)).unwrap_or(""))
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(&path, &text).unwrap();
        let settings = load_from(Some(path), false, None);
        assert!(
            settings.warnings.is_empty(),
            "{:#?}\n{text}",
            settings.warnings
        );
        assert!(matches!(settings.theme.value, ThemeChoice::Custom { .. }));
        assert_eq!(settings.keys.value.len(), 2);
        assert!(settings.store.value.is_some());
    }
}
