//! The saved-queries overlay (`M`): each saved query, `NAME  QUERY`, the highlighted one
//! reversed; above them what the last save or delete did, and the file's problem if it has one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;

use super::overlay;
use crate::text::{truncate, width};
use crate::tui::app::App;
use crate::tui::layout::keep_visible;
use crate::tui::saved_picker::SavedPicker;
use crate::tui::spans::{clean, fit, wrap};

/// The widest a name column gets.
const NAME_COLUMNS: usize = 24;

/// Draws the overlay over `area`.
pub fn render(app: &App<'_>, picker: &SavedPicker, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let theme = app.theme;
    let inner = overlay::frame(theme, " Saved queries ".into(), area, buf);
    let columns = usize::from(inner.width);
    let mut notes = Vec::new();
    if let Some(problem) = &app.saved.problem {
        notes.extend(wrap(
            &[Span::styled(clean(&problem.to_string()), theme.error())],
            columns,
            0,
            0,
        ));
    }
    if let Some(message) = &picker.message {
        let style = if message.failed {
            theme.error()
        } else {
            theme.dim()
        };
        notes.extend(wrap(
            &[Span::styled(clean(&message.text), style)],
            columns,
            0,
            0,
        ));
    }
    if app.saved.entries.is_empty() {
        notes.extend(wrap(
            &[Span::styled(
                "No saved queries. Filter the timeline (/ to search, Ctrl-F to filter by the query), then press m to save the filter.",
                theme.dim(),
            )],
            columns,
            0,
            0,
        ));
    }
    // The notes take at most half the rows; the list the rest.
    let note_rows = notes.len().min(usize::from(inner.height) / 2);
    for (line, y) in notes.iter().take(note_rows).zip(inner.y..inner.bottom()) {
        buf.set_line(inner.x, y, line, inner.width);
    }
    let top = inner.y + u16::try_from(note_rows).unwrap_or(0);
    let list = Rect {
        y: top,
        height: inner.bottom().saturating_sub(top),
        ..inner
    };
    let names: Vec<String> = app
        .saved
        .entries
        .iter()
        .map(|q| truncate(&clean(&q.name), NAME_COLUMNS))
        .collect();
    let name_columns = names.iter().map(|n| width(n)).max().unwrap_or(0);
    let entries = &app.saved.entries;
    let offset = keep_visible(0, Some(picker.selected), entries.len(), list.height);
    for (index, y) in (offset..entries.len()).zip(list.y..list.bottom()) {
        let name = &names[index];
        let pad = " ".repeat(name_columns.saturating_sub(width(name)));
        let spans = vec![
            Span::styled(format!("{name}{pad}  "), theme.key()),
            Span::raw(clean(&entries[index].query)),
        ];
        buf.set_line(list.x, y, &fit(spans, columns), list.width);
        if index == picker.selected {
            let row = Rect {
                y,
                height: 1,
                ..list
            };
            let style = if picker.deleting {
                theme.error().patch(theme.selected())
            } else {
                theme.selected()
            };
            buf.set_style(row, style);
        }
    }
}
