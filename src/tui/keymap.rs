//! Keys are data: one table, [`BINDINGS`], maps keys to actions for input handling and is listed,
//! as it is, by the help overlay and the status bar hints.

mod table;

use std::sync::OnceLock;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::tui::action::Action;
use crate::tui::app::Mode;

pub use table::BINDINGS;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere, before anything else.
    Anywhere,
    /// Browsing the panes.
    Browse,
    /// In the search overlay (other characters are typed into the query).
    Search,
    /// Typing a date for the org chart (other characters are typed into the date).
    Date,
    /// In the help overlay.
    Help,
    /// In the export dialog (other characters choose a format or are typed into the path).
    Export,
    /// Choosing a source to open.
    Sources,
    /// In the tenure chart.
    Tenure,
    /// Typing a name to save the filter under (other characters are typed into the name).
    SaveName,
    /// In the saved-queries overlay.
    Saved,
    /// In any input (search, date, export path): line editing, after the context's own keys.
    Input,
}

impl Context {
    /// The context the app is in.
    #[must_use]
    pub fn of(mode: &Mode) -> Context {
        match mode {
            Mode::Browse => Context::Browse,
            Mode::Search(_) => Context::Search,
            Mode::Date(_) => Context::Date,
            Mode::Help => Context::Help,
            Mode::Export(_) => Context::Export,
            Mode::Sources(_) => Context::Sources,
            Mode::Tenure(_) => Context::Tenure,
            Mode::SaveQuery(_) => Context::SaveName,
            Mode::Saved(_) => Context::Saved,
        }
    }

    /// The heading of this context's keys in the help.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Context::Anywhere => "Anywhere",
            Context::Browse => "Browsing",
            Context::Search => "Search (type to search)",
            Context::Date => "Date: for the org chart after a, to go to after d (type a date)",
            Context::Help => "This help",
            Context::Export => {
                "Export (format list: j k or a first letter, J for json; path: type it)"
            }
            Context::Sources => "Sources of the event (after o)",
            Context::Tenure => "Tenure chart (t: who held what when; unit lifelines)",
            Context::SaveName => "Saving the filter (type a name)",
            Context::Saved => "Saved queries",
            Context::Input => "Typing in any input (search, date, export path, saved query name)",
        }
    }

    /// Whether unbound characters are typed into an input in this context (and the
    /// [`Context::Input`] keys edit it).
    #[must_use]
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Context::Search | Context::Date | Context::Export | Context::SaveName
        )
    }
}

/// A key with its modifiers (Shift is ignored for characters: `G` is just `G`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    /// The key.
    pub code: KeyCode,
    /// Ctrl or Alt, if required.
    pub modifiers: KeyModifiers,
}

impl Chord {
    const fn plain(code: KeyCode) -> Chord {
        Chord {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    const fn char(c: char) -> Chord {
        Chord::plain(KeyCode::Char(c))
    }

    const fn ctrl(c: char) -> Chord {
        Chord {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    const fn alt(code: KeyCode) -> Chord {
        Chord {
            code,
            modifiers: KeyModifiers::ALT,
        }
    }

    /// The key named `text`, as [`Chord::name`] writes it or in words: a character (`x`, `/`),
    /// `Ctrl-x`, `Alt-x`, or `Space`, `Enter`, `Esc`, `Tab`, `Shift-Tab`, `Backspace`, `Delete`, `Up`, `Down`,
    /// `Left`, `Right`, `PgUp`, `PgDn`, `Home`, `End`, `F1`…`F12` (names ignore case).
    #[must_use]
    pub fn parse(text: &str) -> Option<Chord> {
        let lower = text.to_lowercase();
        for (prefix, modifier) in [
            ("ctrl-", KeyModifiers::CONTROL),
            ("alt-", KeyModifiers::ALT),
        ] {
            if let Some(rest) = lower.strip_prefix(prefix) {
                let mut chars = rest.chars();
                return match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() => Some(Chord {
                        code: KeyCode::Char(c),
                        modifiers: modifier,
                    }),
                    _ => None,
                };
            }
        }
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return (!c.is_control() && c != ' ').then_some(Chord::char(c));
        }
        let code = match lower.as_str() {
            "space" => KeyCode::Char(' '),
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "up" | "↑" => KeyCode::Up,
            "down" | "↓" => KeyCode::Down,
            "left" | "←" => KeyCode::Left,
            "right" | "→" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "delete" | "del" => KeyCode::Delete,
            f => KeyCode::F(
                f.strip_prefix('f')?
                    .parse()
                    .ok()
                    .filter(|n| (1..=12).contains(n))?,
            ),
        };
        Some(Chord::plain(code))
    }

    /// Whether a key press is this key.
    #[must_use]
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        self.code == event.code && (event.modifiers & relevant) == (self.modifiers & relevant)
    }

    /// The key's name as shown in help and hints: `j`, `↓`, `PgDn`, `Shift-Tab`, `Ctrl-C`, `Alt-B`.
    #[must_use]
    pub fn name(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c)
                if self
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                c.to_ascii_uppercase().to_string()
            }
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Delete".into(),
            other => format!("{other:?}"),
        };
        let mut name = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            name.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            name.push_str("Alt-");
        }
        name.push_str(&base);
        name
    }
}

/// One line of the key table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The keys that trigger it.
    pub keys: &'static [Chord],
    /// What they do.
    pub action: Action,
    /// What it does, for the help overlay.
    pub help: &'static str,
    /// A word or two for the status bar, when it is worth a hint there.
    pub hint: Option<&'static str>,
}

/// The key table in use, when it differs from [`BINDINGS`] (set once, before the app starts).
static INSTALLED: OnceLock<Vec<Binding>> = OnceLock::new();

/// The key table in use: [`BINDINGS`], or the table [`install`] was given (the user's keys).
#[must_use]
pub fn bindings() -> &'static [Binding] {
    INSTALLED.get().map_or(BINDINGS, Vec::as_slice)
}

/// Makes `table` (the default table with some bindings' keys replaced, each key slice leaked
/// once for the life of the process) the one input, help and hints use. Only the first call
/// counts: returns whether this one did.
pub fn install(table: Vec<Binding>) -> bool {
    INSTALLED.set(table).is_ok()
}

/// The mouse, for the help overlay: what each gesture does.
pub const MOUSE: &[(&str, &str)] = &[
    (
        "click",
        "focus the pane and select the line (on an org unit's ▾ or ▸: fold or unfold it)",
    ),
    ("wheel", "move through the pane under the pointer"),
    (
        "click axis",
        "select the first event of the period clicked on the time axis",
    ),
];

/// The binding for a key press in `context`: `Anywhere` bindings first, then the context's,
/// then (where text is typed) the line-editing keys of [`Context::Input`].
#[must_use]
pub fn binding_for(context: Context, key: &KeyEvent) -> Option<&'static Binding> {
    let editing = context.takes_text();
    bindings()
        .iter()
        .filter(|b| b.context == Context::Anywhere)
        .chain(bindings().iter().filter(|b| b.context == context))
        .chain(
            bindings()
                .iter()
                .filter(|b| editing && b.context == Context::Input),
        )
        .find(|b| b.keys.iter().any(|k| k.matches(key)))
}

/// The action for a key press in `context`, if any; unbound characters become [`Action::Type`]
/// where text is being typed.
#[must_use]
pub fn action_for_key(context: Context, key: &KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if let Some(binding) = binding_for(context, key) {
        return Some(binding.action);
    }
    match key.code {
        KeyCode::Char(c)
            if context.takes_text()
                && !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Type(c))
        }
        _ => None,
    }
}

/// Lines the wheel moves per notch.
const WHEEL_LINES: i16 = 3;

/// The action for any terminal event in `context`: keys through the table, mouse clicks and wheel,
/// and resizes.
#[must_use]
pub fn action_for_event(context: Context, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => action_for_key(context, key),
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
                MouseEventKind::ScrollDown => Some(Action::Scroll {
                    column,
                    row,
                    lines: WHEEL_LINES,
                }),
                MouseEventKind::ScrollUp => Some(Action::Scroll {
                    column,
                    row,
                    lines: -WHEEL_LINES,
                }),
                _ => None,
            }
        }
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// The status bar hints for `context`: (first key's name, hint), in table order.
#[must_use]
pub fn hints(context: Context) -> Vec<(String, &'static str)> {
    bindings()
        .iter()
        .filter(|b| b.context == context)
        .filter_map(|b| Some((b.keys.first()?.name(), b.hint?)))
        .collect()
}

/// All the keys of a binding, as shown in the help: `j ↓`.
#[must_use]
pub fn keys_label(binding: &Binding) -> String {
    let names: Vec<String> = binding.keys.iter().map(Chord::name).collect();
    names.join(" ")
}
