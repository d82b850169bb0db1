//! The help overlay: the help text ([`crate::tui::help_text`]) in a frame, scrolled; when it is
//! longer than the frame, which lines are shown (`12–30 of 64`) is noted on the bottom border.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

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
    let height = usize::from(inner.height);
    if lines.len() > height {
        let last = (scroll + height).min(lines.len());
        let note = format!(" {}–{last} of {} · ↓ more ", scroll + 1, lines.len());
        let note = if last == lines.len() {
            format!(" {}–{last} of {} · end ", scroll + 1, lines.len())
        } else {
            note
        };
        position_note(app, &note, area, inner, buf);
    }
}

/// Writes `note` on the frame's bottom border, at the right; or, when the overlay has no frame
/// (a tiny terminal), over its last line.
fn position_note(app: &App<'_>, note: &str, area: Rect, inner: Rect, buf: &mut Buffer) {
    let framed = inner != area;
    let room = if framed {
        usize::from(area.width.saturating_sub(4))
    } else {
        usize::from(area.width)
    };
    let line = fit(vec![Span::styled(note.to_string(), app.theme.dim())], room);
    let width = u16::try_from(Line::width(&line)).unwrap_or(u16::MAX);
    let (x, y) = if framed {
        (area.right() - 2 - width, area.bottom() - 1)
    } else {
        (area.right() - width, area.bottom() - 1)
    };
    buf.set_line(x, y, &line, width);
}
