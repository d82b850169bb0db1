//! Keys are data: one table, [`BINDINGS`], maps keys to actions for input handling and is listed,
//! as it is, by the help overlay and the status bar hints.

use std::sync::OnceLock;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::tui::action::{Action, Edit};
use crate::tui::app::Mode;

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

const fn bind(
    context: Context,
    keys: &'static [Chord],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
        hint,
    }
}

use Context::{
    Anywhere, Browse, Date, Export, Help, Input, SaveName, Saved, Search, Sources, Tenure,
};

const UP: Chord = Chord::plain(KeyCode::Up);
const DOWN: Chord = Chord::plain(KeyCode::Down);
const PGUP: Chord = Chord::plain(KeyCode::PageUp);
const PGDN: Chord = Chord::plain(KeyCode::PageDown);
const HOME: Chord = Chord::plain(KeyCode::Home);
const END: Chord = Chord::plain(KeyCode::End);
const ENTER: Chord = Chord::plain(KeyCode::Enter);
const ESC: Chord = Chord::plain(KeyCode::Esc);
const BACKSPACE: Chord = Chord::plain(KeyCode::Backspace);
const LEFT: Chord = Chord::plain(KeyCode::Left);
const RIGHT: Chord = Chord::plain(KeyCode::Right);
const TAB: Chord = Chord::plain(KeyCode::Tab);
const BACKTAB: Chord = Chord::plain(KeyCode::BackTab);
const DELETE: Chord = Chord::plain(KeyCode::Delete);

/// Every key the app knows, by context, in the order the help lists them.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(Anywhere, &[Chord::ctrl('c')], Action::Quit, "quit", None),
    bind(Browse, &[Chord::char('j'), DOWN], Action::Down, "next line (next event in the timeline)", None),
    bind(Browse, &[Chord::char('k'), UP], Action::Up, "previous line", None),
    bind(Browse, &[PGDN], Action::PageDown, "page down", None),
    bind(Browse, &[PGUP], Action::PageUp, "page up", None),
    bind(Browse, &[Chord::char('g'), HOME], Action::Top, "first line", None),
    bind(Browse, &[Chord::char('G'), END], Action::Bottom, "last line", None),
    bind(Browse, &[Chord::char('[')], Action::PrevYear, "previous year in the timeline", None),
    bind(Browse, &[Chord::char(']')], Action::NextYear, "next year in the timeline", None),
    bind(Browse, &[Chord::char('{')], Action::PrevPeriod, "previous period (month or year) on the time axis", None),
    bind(Browse, &[Chord::char('}')], Action::NextPeriod, "next period with events on the time axis", None),
    bind(Browse, &[Chord::plain(KeyCode::Tab)], Action::FocusNext, "focus the next pane", Some("pane")),
    bind(Browse, &[Chord::plain(KeyCode::BackTab)], Action::FocusPrev, "focus the previous pane", None),
    bind(Browse, &[Chord::char('/')], Action::Search, "search events, people and units", Some("search")),
    bind(Browse, &[ENTER], Action::Confirm, "open: event → detail; org line → that unit's or person's events", Some("open")),
    bind(Browse, &[Chord::ctrl('f')], Action::FilterByQuery, "edit the filter: the search box opens on its query (Ctrl-F there applies it)", None),
    bind(Browse, &[ESC], Action::Back, "back: follow the selection again, clear the filter", Some("back")),
    bind(Browse, &[Chord::ctrl('o')], Action::JumpBack, "jump back: where you were before the last jump (result, org line, filter, date, year)", None),
    bind(Browse, &[Chord::ctrl('n')], Action::JumpForward, "jump forward again (Ctrl-I is Tab in most terminals)", None),
    bind(Browse, &[Chord::char('d')], Action::GoToDate, "go to a date you type: the first event on or after it", None),
    bind(Browse, &[Chord::char('z')], Action::Zoom, "zoom: the focused pane fills the screen, or back (Tab moves on)", None),
    bind(Browse, &[Chord::char('a')], Action::AskDate, "org chart as of a date you type", Some("as of")),
    bind(Browse, &[Chord::char('?')], Action::Help, "this help", Some("help")),
    bind(Browse, &[Chord::char('e')], Action::Export, "export the events the timeline shows (md, csv, json, TimelineJS, ics, html, ron, svg)", Some("export")),
    bind(Browse, &[Chord::char('o')], Action::OpenSource, "open a source of the selected event in the browser ($BROWSER; a list when there are several)", Some("source")),
    bind(Browse, &[Chord::char('y')], Action::Copy, "copy a citation of the selected event (title, date, sources, as Markdown) to the clipboard", Some("cite")),
    bind(Browse, &[Chord::char('t')], Action::TenureChart, "tenure chart: who held what when (Tab in it: unit lifelines)", Some("tenure")),
    // m and M as vim's marks: keep a place (here a filter) under a name, and go back to one.
    bind(Browse, &[Chord::char('m')], Action::SaveQuery, "save the filter as a named query", None),
    bind(Browse, &[Chord::char('M')], Action::SavedQueries, "saved queries: filter by one, or delete one", None),
    bind(Browse, &[Chord::char('q')], Action::Quit, "quit", Some("quit")),
    bind(Browse, &[Chord::char('h'), LEFT], Action::Fold, "org chart: fold the unit, or go to the unit above", None),
    bind(Browse, &[Chord::char('l'), RIGHT], Action::Unfold, "org chart: unfold the unit, or go into it", None),
    bind(Browse, &[Chord::char(' ')], Action::ToggleFold, "org chart: fold or unfold the unit", None),
    bind(Browse, &[Chord::char('-')], Action::FoldAll, "org chart: fold every unit", None),
    bind(Browse, &[Chord::char('=')], Action::UnfoldAll, "org chart: unfold every unit", None),
    bind(Search, &[DOWN, Chord::ctrl('n')], Action::Down, "next result", None),
    bind(Search, &[UP, Chord::ctrl('p')], Action::Up, "previous result", None),
    bind(Search, &[PGDN], Action::PageDown, "page down", None),
    bind(Search, &[PGUP], Action::PageUp, "page up", None),
    bind(Search, &[ENTER], Action::Confirm, "jump: select the event, or filter to the person's or unit's events", Some("jump")),
    bind(Search, &[Chord::ctrl('f')], Action::FilterByQuery, "filter: the timeline shows the events the query matches (Esc clears)", Some("filter")),
    // Alt-↑/↓ and Alt-P/N (the Emacs minibuffer's history keys): ↑/↓ and Ctrl-P/N already move
    // through the results, as in fzf.
    bind(Search, &[Chord::alt(KeyCode::Up), Chord::alt(KeyCode::Char('p'))], Action::OlderQuery, "recall the query searched before (history, kept across runs)", None),
    bind(Search, &[Chord::alt(KeyCode::Down), Chord::alt(KeyCode::Char('n'))], Action::NewerQuery, "recall the next query in the history, then what you were typing", None),
    bind(Search, &[ESC], Action::Back, "close the search", Some("close")),
    bind(Date, &[ENTER], Action::Confirm, "show the org chart as of the date, or go to it", Some("show")),
    bind(Date, &[ESC], Action::Back, "cancel", Some("cancel")),
    bind(Help, &[Chord::char('j'), DOWN], Action::Down, "scroll down", None),
    bind(Help, &[Chord::char('k'), UP], Action::Up, "scroll up", None),
    bind(Help, &[PGDN], Action::PageDown, "page down", None),
    bind(Help, &[PGUP], Action::PageUp, "page up", None),
    bind(Help, &[Chord::char('g'), HOME], Action::Top, "top", None),
    bind(Help, &[Chord::char('G'), END], Action::Bottom, "bottom", None),
    bind(Help, &[ESC, Chord::char('?')], Action::Back, "close the help", Some("close")),
    bind(Help, &[Chord::char('q')], Action::Quit, "quit", Some("quit")),
    bind(Export, &[DOWN], Action::Down, "next format", None),
    bind(Export, &[UP], Action::Up, "previous format", None),
    bind(Export, &[TAB, BACKTAB], Action::FocusNext, "switch between the format and the path", Some("field")),
    bind(Export, &[ENTER], Action::Confirm, "write the file; on a file that exists, Enter (or y) again replaces it", Some("write")),
    bind(Export, &[HOME], Action::Top, "start of the path (first format)", None),
    bind(Export, &[END], Action::Bottom, "end of the path (last format)", None),
    bind(Export, &[ESC], Action::Back, "close; while writing: cancel the export (nothing is left); asked to replace a file: keep it", Some("close")),
    bind(Sources, &[Chord::char('j'), DOWN], Action::Down, "next source", None),
    bind(Sources, &[Chord::char('k'), UP], Action::Up, "previous source", None),
    bind(Sources, &[ENTER, Chord::char('o')], Action::Confirm, "open the source in the browser", Some("open")),
    bind(Sources, &[Chord::char('y')], Action::Copy, "copy the source's address", Some("copy")),
    bind(Sources, &[ESC], Action::Back, "close the list", Some("close")),
    bind(Tenure, &[Chord::char('j'), DOWN], Action::Down, "next row", None),
    bind(Tenure, &[Chord::char('k'), UP], Action::Up, "previous row", None),
    bind(Tenure, &[PGDN], Action::PageDown, "page down", None),
    bind(Tenure, &[PGUP], Action::PageUp, "page up", None),
    bind(Tenure, &[Chord::char('g'), HOME], Action::Top, "first row", None),
    bind(Tenure, &[Chord::char('G'), END], Action::Bottom, "last row", None),
    bind(Tenure, &[Chord::char('h'), LEFT], Action::PanEarlier, "pan earlier", Some("pan")),
    bind(Tenure, &[Chord::char('l'), RIGHT], Action::PanLater, "pan later", None),
    bind(Tenure, &[Chord::char('+'), Chord::char('=')], Action::TimeZoomIn, "zoom in (fewer months per column)", Some("zoom")),
    bind(Tenure, &[Chord::char('-')], Action::TimeZoomOut, "zoom out", None),
    bind(Tenure, &[TAB, BACKTAB], Action::FocusNext, "switch between people by unit and unit lifelines", Some("units")),
    bind(Tenure, &[ENTER], Action::Confirm, "open the row's career or unit; the timeline selects its event nearest the date line", Some("open")),
    bind(Tenure, &[ESC, Chord::char('t')], Action::Back, "close the chart", Some("close")),
    bind(Tenure, &[Chord::char('q')], Action::Quit, "quit", None),
    bind(SaveName, &[ENTER], Action::Confirm, "save the filter under the name typed", Some("save")),
    bind(SaveName, &[ESC], Action::Back, "cancel", Some("cancel")),
    bind(Saved, &[Chord::char('j'), DOWN], Action::Down, "next saved query", None),
    bind(Saved, &[Chord::char('k'), UP], Action::Up, "previous saved query", None),
    bind(Saved, &[ENTER], Action::Confirm, "filter the timeline by it (after d: delete it)", Some("filter")),
    bind(Saved, &[Chord::char('d'), DELETE], Action::DeleteSaved, "delete it (d or Enter again to confirm)", Some("delete")),
    bind(Saved, &[ESC], Action::Back, "close (after d: keep it)", Some("close")),
    bind(Input, &[LEFT], Action::Edit(Edit::Left), "cursor left", None),
    bind(Input, &[RIGHT], Action::Edit(Edit::Right), "cursor right", None),
    bind(Input, &[HOME, Chord::ctrl('a')], Action::Edit(Edit::Home), "cursor to the start", None),
    bind(Input, &[END, Chord::ctrl('e')], Action::Edit(Edit::End), "cursor to the end", None),
    bind(Input, &[Chord::alt(KeyCode::Char('b'))], Action::Edit(Edit::WordLeft), "back a word", None),
    bind(Input, &[Chord::alt(KeyCode::Char('f'))], Action::Edit(Edit::WordRight), "forward a word", None),
    bind(Input, &[BACKSPACE], Action::Edit(Edit::EraseBack), "delete the character before the cursor", None),
    bind(Input, &[DELETE], Action::Edit(Edit::EraseForward), "delete the character under the cursor", None),
    bind(Input, &[Chord::ctrl('w')], Action::Edit(Edit::EraseWord), "delete back to a space (a whole query atom)", None),
    bind(Input, &[Chord::ctrl('u')], Action::Edit(Edit::EraseToStart), "delete everything before the cursor", None),
    bind(Input, &[Chord::ctrl('k')], Action::Edit(Edit::EraseToEnd), "delete from the cursor to the end", None),
];

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
