//! Every colour and text style the app uses, in one place.
//!
//! Colours are accents only (kind symbols, borders, marks): text keeps the terminal's own
//! foreground and background, and the selection is reversed video, so the app reads the same on
//! dark and light backgrounds. With `NO_COLOR` set, only bold, dim, underline, reverse and
//! strike-through remain.

use ratatui::style::{Color, Modifier, Style};

use crate::store::model::EventKind;

/// The accent colours. The dark palette is the terminal's own ANSI colours; the light one and a
/// user's own are exact colours, checked for contrast against the background (see `config`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Departures, legal events, errors.
    pub red: Color,
    /// Foundings, launches, what an event created.
    pub green: Color,
    /// Financial events and deals.
    pub yellow: Color,
    /// Restructures and strategy.
    pub blue: Color,
    /// Acquisitions, mergers, matched characters, what an event moved.
    pub magenta: Color,
    /// Appointments, the focused border, keys.
    pub cyan: Color,
}

impl Palette {
    /// The terminal's ANSI colours, as its own theme draws them (for dark backgrounds, and most
    /// light ones).
    pub const DARK: Palette = Palette {
        red: Color::Red,
        green: Color::Green,
        yellow: Color::Yellow,
        blue: Color::Blue,
        magenta: Color::Magenta,
        cyan: Color::Cyan,
    };

    /// Deep colours that read on a white background (each at least 4.5:1 against white).
    pub const LIGHT: Palette = Palette {
        red: Color::Rgb(0xb7, 0x1c, 0x1c),
        green: Color::Rgb(0x1b, 0x5e, 0x20),
        yellow: Color::Rgb(0x7a, 0x5c, 0x00),
        blue: Color::Rgb(0x0d, 0x47, 0xa1),
        magenta: Color::Rgb(0x7b, 0x1f, 0xa2),
        cyan: Color::Rgb(0x00, 0x60, 0x64),
    };
}

/// The app's styles, with or without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours may be used (false when `NO_COLOR` is set).
    pub color: bool,
    /// The accent colours, when colours are used.
    pub palette: Palette,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            color: true,
            palette: Palette::DARK,
        }
    }
}

impl Theme {
    /// The theme the environment asks for: no colour when `NO_COLOR` is set and not empty
    /// (<https://no-color.org>).
    #[must_use]
    pub fn from_env() -> Self {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            palette: Palette::DARK,
        }
    }

    /// This theme with `palette`'s colours.
    #[must_use]
    pub fn with_palette(self, palette: Palette) -> Self {
        Theme { palette, ..self }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// The symbol that marks an event's kind in lists (one column wide).
    #[must_use]
    pub fn kind_symbol(kind: EventKind) -> &'static str {
        match kind {
            EventKind::Acquisition => "$",
            EventKind::Merger => "&",
            EventKind::Founding => "+",
            EventKind::Appointment => ">",
            EventKind::Departure => "<",
            EventKind::Restructure => "#",
            EventKind::Strategy => "*",
            EventKind::Financial => "%",
            EventKind::Deal => "=",
            EventKind::Legal => "!",
            EventKind::Launch => "^",
        }
    }

    /// The style of an event kind's symbol.
    #[must_use]
    pub fn kind(self, kind: EventKind) -> Style {
        let color = match kind {
            EventKind::Acquisition | EventKind::Merger => self.palette.magenta,
            EventKind::Founding | EventKind::Launch => self.palette.green,
            EventKind::Appointment => self.palette.cyan,
            EventKind::Departure | EventKind::Legal => self.palette.red,
            EventKind::Restructure | EventKind::Strategy => self.palette.blue,
            EventKind::Financial | EventKind::Deal => self.palette.yellow,
        };
        self.fg(color).add_modifier(Modifier::BOLD)
    }

    /// A year header in the timeline.
    #[must_use]
    pub fn year(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The selected line in the focused pane.
    #[must_use]
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The selected line in a pane without focus.
    #[must_use]
    pub fn selected_unfocused(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// A pane's border and title.
    #[must_use]
    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(self.palette.cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// Headings inside panes and overlays.
    #[must_use]
    pub fn heading(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Secondary text: dates, ids, hints.
    #[must_use]
    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// Characters matched by the search.
    #[must_use]
    pub fn matched(self) -> Style {
        self.fg(self.palette.magenta)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// A unit or role the followed event created.
    #[must_use]
    pub fn new_mark(self) -> Style {
        self.fg(self.palette.green).add_modifier(Modifier::BOLD)
    }

    /// A unit the followed event moved.
    #[must_use]
    pub fn moved_mark(self) -> Style {
        self.fg(self.palette.magenta).add_modifier(Modifier::BOLD)
    }

    /// A unit or role the followed event ended.
    #[must_use]
    pub fn ended_mark(self) -> Style {
        Style::new().add_modifier(Modifier::DIM | Modifier::CROSSED_OUT)
    }

    /// The unit or person opened (in the detail pane, or filtering the timeline), where the org
    /// chart names it.
    #[must_use]
    pub fn opened(self) -> Style {
        self.fg(self.palette.cyan)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The status bar.
    #[must_use]
    pub fn status(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The focused pane's name in the status bar.
    #[must_use]
    pub fn status_focus(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Keys named in hints and in the help.
    #[must_use]
    pub fn key(self) -> Style {
        self.fg(self.palette.cyan).add_modifier(Modifier::BOLD)
    }

    /// Error messages (a bad date or query).
    #[must_use]
    pub fn error(self) -> Style {
        self.fg(self.palette.red).add_modifier(Modifier::BOLD)
    }

    /// The text cursor in an input.
    #[must_use]
    pub fn cursor(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The time axis's bars (every event; dimmed under the shown events' bars when filtered).
    #[must_use]
    pub fn axis_bar(self, filtered: bool) -> Style {
        if filtered {
            Style::new().add_modifier(Modifier::DIM)
        } else {
            self.fg(self.palette.blue)
        }
    }

    /// The time axis's bars of the events shown, when the timeline is filtered.
    #[must_use]
    pub fn axis_shown(self) -> Style {
        self.fg(self.palette.cyan).add_modifier(Modifier::BOLD)
    }

    /// The mark of the selected event's date (on the time axis and the tenure chart).
    #[must_use]
    pub fn date_mark(self) -> Style {
        self.fg(self.palette.yellow).add_modifier(Modifier::BOLD)
    }

    /// The colour of the `n`th unit in the tenure chart (the accents in turn).
    #[must_use]
    pub fn unit_colour(self, n: usize) -> Style {
        let p = self.palette;
        let colours = [p.cyan, p.green, p.magenta, p.yellow, p.blue, p.red];
        self.fg(colours[n % colours.len()])
    }

    /// The text cursor in an input in the status bar, which is drawn reversed already.
    #[must_use]
    pub fn status_cursor(self) -> Style {
        Style::new().remove_modifier(Modifier::REVERSED)
    }
}
