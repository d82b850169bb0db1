//! The frame every overlay (search, help, export) is drawn in: the area cleared, a border with a
//! title when there is room for one, and the content area inside.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Clear, Widget};

use crate::tui::layout::{self, Framing};
use crate::tui::spans::fit;
use crate::tui::theme::Theme;

/// Clears `area`, draws a bordered frame titled `title` when the area is large enough for one
/// (see [`layout::overlay_inner`]), and returns the area left for the content.
pub fn frame(theme: Theme, title: String, area: Rect, buf: &mut Buffer) -> Rect {
    Clear.render(area, buf);
    let (framing, inner) = layout::overlay_inner(area);
    if framing == Framing::Full {
        let title = fit(
            vec![Span::styled(title, theme.border(true))],
            usize::from(area.width.saturating_sub(2)),
        );
        Block::bordered()
            .border_style(theme.border(true))
            .title(title)
            .render(area, buf);
    }
    inner
}
