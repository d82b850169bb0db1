//! The help overlay: the help text ([`crate::tui::help_text`]) in a frame, scrolled.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::overlay;
use crate::tui::app::App;
use crate::tui::help_text::lines;
use crate::tui::spans::fit;

/// Draws the help overlay over `area`, from line `app.help_scroll`.
pub fn render(app: &App<'_>, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let theme = app.theme;
    let inner = overlay::frame(theme, " Keys (Esc closes) ".into(), area, buf);
    let lines = lines(app, inner.width);
    let scroll = app
        .help_scroll
        .min(lines.len().saturating_sub(usize::from(inner.height)));
    for (line, y) in lines[scroll..].iter().zip(inner.y..inner.bottom()) {
        buf.set_line(
            inner.x,
            y,
            &fit(line.spans.clone(), usize::from(inner.width)),
            inner.width,
        );
    }
}
