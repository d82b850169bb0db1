//! The default key table, [`BINDINGS`]: every key the app knows, by context, with its action,
//! its help line and its status-bar hint. Input handling, the help overlay and the hints all read
//! it (through [`super::bindings`], which a user's keys may replace).

use ratatui::crossterm::event::KeyCode;

use super::{Binding, Chord, Context};
use crate::tui::action::{Action, Edit};

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
