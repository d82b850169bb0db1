//! The detail pane: the selected event in full, or the person or unit opened (the text itself is
//! laid out by [`crate::tui::detail_doc`] and kept in the state), scrolled to where the user left
//! it.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};

use crate::tui::app::{App, Entity};
use crate::tui::layout::{Framing, PaneArea};

/// The pane's title.
#[must_use]
pub fn title(app: &App<'_>) -> String {
    match app.subject {
        None => "Detail".to_string(),
        Some(Entity::Person(_)) => "Person".to_string(),
        Some(Entity::Unit(_)) => "Unit".to_string(),
    }
}

/// Draws the detail pane into its area, from line `app.detail_scroll`; when the text is longer
/// than the pane and the pane has a full border, which lines are shown is noted on the bottom
/// border.
pub fn render(app: &App<'_>, pane: &PaneArea, buf: &mut Buffer) {
    let area = pane.inner;
    if area.is_empty() {
        return;
    }
    let lines = app.detail_lines(area.width);
    let height = usize::from(area.height);
    let scroll = app.detail_scroll.min(lines.len().saturating_sub(height));
    for (line, y) in lines[scroll..].iter().zip(area.y..area.bottom()) {
        buf.set_line(area.x, y, line, area.width);
    }
    if pane.framing == Framing::Full && lines.len() > height {
        let last = (scroll + height).min(lines.len());
        let note = format!(" {}–{last} of {} ", scroll + 1, lines.len());
        let room = usize::from(pane.outer.width.saturating_sub(4));
        let note = Line::from(Span::styled(note, app.theme.dim()));
        let width = u16::try_from(note.width()).unwrap_or(u16::MAX);
        if usize::from(width) <= room {
            let x = pane.outer.right() - 2 - width;
            buf.set_line(x, pane.outer.bottom() - 1, &note, width);
        }
    }
}
