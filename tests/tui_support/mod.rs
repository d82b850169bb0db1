//! Helpers shared by the terminal app's tests: the fixture store, driving the app through its
//! keymap as a user would, and rendering it to text.

#![allow(dead_code)] // each test file uses some of these

pub mod pty;

use ali_timeline::Timeline;
use ali_timeline::tui::app::App;
use ali_timeline::tui::keymap::{Context, action_for_key};
use ali_timeline::tui::update::update;
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
    ali_timeline::store::load_file(std::path::Path::new(MINI)).expect("the fixture store loads")
}

/// Presses one key (with modifiers) through the keymap, as the run loop does.
pub fn press_key(app: &mut App<'_>, code: KeyCode, modifiers: KeyModifiers) {
    let key = KeyEvent::new(code, modifiers);
    if let Some(action) = action_for_key(Context::of(&app.mode), &key) {
        update(app, action);
    }
}

/// Presses one plain key.
pub fn press(app: &mut App<'_>, code: KeyCode) {
    press_key(app, code, KeyModifiers::NONE);
}

/// Types each character of `text` as a key press.
pub fn type_keys(app: &mut App<'_>, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
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
pub fn person(timeline: &Timeline, id: &str) -> usize {
    timeline
        .store
        .people
        .iter()
        .position(|p| p.id == id)
        .expect("the person is in the store")
}
