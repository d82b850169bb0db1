//! Helpers shared by the terminal app's tests: the fixture stores, driving the app through its
//! keymap as a user would (key by key, or as a script of [`Step`]s), rendering it to a buffer or
//! to text, checking no cell holds an unsafe character; [`pty`] drives a program in a
//! pseudo-terminal.

#![allow(dead_code)] // each test file uses some of these

pub mod pty;

use ali_timeline::Timeline;
use ali_timeline::query::Query;
use ali_timeline::store::ids::PersonIx;
use ali_timeline::text::is_unsafe;
use ali_timeline::tui::app::App;
use ali_timeline::tui::keymap::{Context, action_for_key};
use ali_timeline::tui::searcher::Searched;
use ali_timeline::tui::task::{self, Task, TaskOutcome};
use ali_timeline::tui::update::{finished, update};
use ali_timeline::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthStr;

/// Path of the fixture store used by the app's tests.
pub const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tui-mini.ron");

/// The fixture store (thirteen events with the real ids).
pub fn mini() -> Timeline {
    ali_timeline::timeline::load_file(std::path::Path::new(MINI)).expect("the fixture store loads")
}

/// Presses one key (with modifiers) through the keymap, as the run loop does, carrying out any
/// task the update asks for (an export writes its file).
pub fn press_key(app: &mut App<'_>, code: KeyCode, modifiers: KeyModifiers) {
    let key = KeyEvent::new(code, modifiers);
    if let Some(action) = action_for_key(Context::of(&app.mode), &key)
        && let Some(task) = update(app, action)
    {
        task::run(app, task);
    }
}

/// Presses one plain key.
pub fn press(app: &mut App<'_>, code: KeyCode) {
    press_key(app, code, KeyModifiers::NONE);
}

/// Filters the timeline to the person found first by `query`, through the search, as a user
/// would (fails the test when the first result is not a person).
pub fn filter_to_person(app: &mut App<'_>, query: &str) {
    type_keys(app, &format!("/{query}"));
    press(app, KeyCode::Enter);
    assert!(
        matches!(
            app.filter_entity(),
            Some(ali_timeline::tui::app::Entity::Person(_))
        ),
        "the first result for {query} is a person"
    );
}

/// Types each character of `text` as a key press.
pub fn type_keys(app: &mut App<'_>, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Presses one plain key as the run loop does with a background searcher: a search the update
/// asks for is handed back (for the test to perform when it chooses), any other task is
/// performed.
pub fn press_handing_over(app: &mut App<'_>, code: KeyCode) -> Option<Query> {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    match action_for_key(Context::of(&app.mode), &key).and_then(|action| update(app, action)) {
        Some(Task::Search(query)) => Some(query),
        Some(other) => {
            task::run(app, other);
            None
        }
        None => None,
    }
}

/// Types `text` key by key as [`press_handing_over`] does: the searches asked for, in order.
pub fn type_handing_over(app: &mut App<'_>, text: &str) -> Vec<Query> {
    text.chars()
        .filter_map(|c| press_handing_over(app, KeyCode::Char(c)))
        .collect()
}

/// Feeds the results of a search back into the app, as the run loop does when they come.
pub fn searched(app: &mut App<'_>, done: Searched) {
    finished(app, TaskOutcome::Searched(done));
}

/// The text of a buffer, one line per row, wide characters shown once, trailing spaces kept.
pub fn buffer_text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut skip = 0;
        for x in 0..buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            out.push_str(symbol);
            skip = symbol.width().saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// Draws the app into a `TestBackend` of its own size and returns the buffer.
pub fn draw(app: &App<'_>) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("test backend");
    terminal
        .draw(|frame| view::render(app, frame.area(), frame.buffer_mut()))
        .expect("drawing into a test backend");
    terminal.backend().buffer().clone()
}

/// Draws the app and returns the screen's text.
pub fn screen(app: &App<'_>) -> String {
    buffer_text(&draw(app))
}

/// The id of the selected event ("" when none).
pub fn selected_id<'a>(app: &App<'a>) -> &'a str {
    app.selected_event().map_or("", |e| e.id.as_str())
}

/// Selects the event `id` by pressing Home, then ↓ until it is selected.
pub fn select_id(app: &mut App<'_>, id: &str) {
    press(app, KeyCode::Home);
    while selected_id(app) != id {
        let before = app.cursor;
        press(app, KeyCode::Down);
        assert_ne!(before, app.cursor, "event {id} not found");
    }
}

/// The index of person `id` in the store.
pub fn person(timeline: &Timeline, id: &str) -> PersonIx {
    timeline
        .ids()
        .person(id)
        .expect("the person is in the store")
}

/// A fixture store under `tests/fixtures/`.
pub fn fixture(name: &str) -> Timeline {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    ali_timeline::timeline::load_file(&path).expect("the fixture store loads")
}

/// Draws `app` straight into a buffer of its own size (no terminal: cheaper than [`draw`]).
pub fn render(app: &App<'_>) -> Buffer {
    let mut buffer = Buffer::empty(app.size);
    view::render(app, app.size, &mut buffer);
    buffer
}

/// Fails, naming the cell and showing the screen, if a cell holds a control, bidi or
/// zero-width character.
pub fn assert_cells_safe(buffer: &Buffer, what: &str) {
    for (i, cell) in buffer.content.iter().enumerate() {
        let symbol = cell.symbol();
        if let Some(c) = symbol.chars().find(|&c| is_unsafe(c)) {
            let (x, y) = buffer.pos_of(i);
            panic!(
                "{what}: U+{:04X} in cell ({x}, {y}):\n{}",
                c as u32,
                buffer_text(buffer)
            );
        }
    }
}

/// One user step: keys through the keymap.
#[derive(Debug, Clone, Copy)]
pub enum Step {
    /// Type each character as a key press (in an input, any character is typed as it is).
    Type(&'static str),
    /// Press one key.
    Press(KeyCode),
    /// Press a key this many times.
    Repeat(KeyCode, usize),
}

/// Plays `steps` from the app's current state.
pub fn play(app: &mut App<'_>, steps: &[Step]) {
    for step in steps {
        match *step {
            Step::Type(text) => type_keys(app, text),
            Step::Press(code) => press(app, code),
            Step::Repeat(code, n) => (0..n).for_each(|_| press(app, code)),
        }
    }
}
