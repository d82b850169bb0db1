//! Shows that a panic in the terminal app leaves the terminal usable. It sets the terminal up
//! exactly as the app does ([`ali_timeline::tui::init`]: raw mode, alternate screen, mouse
//! capture, and the panic hook that undoes them), draws one line, waits for a key, then panics.
//! The shell gets its screen back with the cursor shown and the mouse released, and the panic
//! message is printed there, after the restore.
//!
//! ```sh
//! cargo run --example panic_restore
//! ```
//!
//! `tests/robust_tui.rs` runs it in a pseudo-terminal and checks all of that.

use ratatui::crossterm::event::{self, Event};
use ratatui::text::Line;

fn main() -> Result<(), ali_timeline::Error> {
    let mut terminal = ali_timeline::tui::init()?;
    terminal.draw(|frame| {
        frame.render_widget(Line::from("Press a key to panic."), frame.area());
    })?;
    while !matches!(event::read()?, Event::Key(_)) {}
    panic!("a deliberate panic from examples/panic_restore.rs");
}
