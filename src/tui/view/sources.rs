//! The list `o` shows when the selected event has several sources with addresses: each source
//! cited on one line and its address on the next (cut in the middle when wider than the list),
//! the highlighted one reversed; sized to its content, scrolled to keep the highlight shown.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::overlay;
use crate::text;
use crate::tui::app::App;
use crate::tui::layout::{self, Framing};
use crate::tui::links::SourcePicker;
use crate::tui::spans::{clean, fit};

/// Draws the list for `picker` over `body` (the area above the status bar).
pub fn render(app: &App<'_>, picker: &SourcePicker, body: Rect, buf: &mut Buffer) {
    let room = layout::overlay(body);
    if room.is_empty() {
        return;
    }
    let framed = layout::overlay_inner(room).0 == Framing::Full;
    let border = if framed { 2 } else { 0 };
    let wanted = u16::try_from(picker.links.len() * 2)
        .unwrap_or(u16::MAX)
        .saturating_add(border);
    let height = wanted.clamp(room.height.min(5), room.height);
    let area = Rect {
        y: room.y + (room.height - height) / 2,
        height,
        ..room
    };
    let title = format!(" Open a source ({}) ", picker.links.len());
    let inner = overlay::frame(app.theme, title, area, buf);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (i, link) in picker.links.iter().enumerate() {
        let style = if i == picker.selected {
            app.theme.selected()
        } else {
            app.theme.heading()
        };
        let label = format!(
            "{} {}. {}",
            if i == picker.selected { "›" } else { " " },
            i + 1,
            link.label
        );
        lines.push(fit(
            vec![Span::styled(format!("{label:<width$}"), style)],
            width,
        ));
        let url = middle_cut(&clean(&link.url), width.saturating_sub(5));
        lines.push(Line::from(vec![
            Span::raw("     "),
            Span::styled(url, app.theme.dim()),
        ]));
    }
    let rows = usize::from(inner.height);
    let first = (picker.selected * 2 + 2).saturating_sub(rows);
    for (line, y) in lines.iter().skip(first).zip(inner.y..inner.bottom()) {
        buf.set_line(inner.x, y, line, inner.width);
    }
}

/// `text` cut in the middle with `…` when it is wider than `max` columns, so both the site and
/// the end of an address show.
fn middle_cut(text: &str, max: usize) -> String {
    if text::width(text) <= max {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let keep = max.saturating_sub(1);
    let head = keep.div_ceil(2);
    let mut out: String = chars.iter().take(head).collect();
    out.push('…');
    let tail: String = chars[chars.len().saturating_sub(keep - head)..]
        .iter()
        .collect();
    out.push_str(&tail);
    text::truncate(&out, max)
}
