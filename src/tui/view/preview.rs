//! The first frame of a large store, drawn from its search index while the store itself loads:
//! the timeline's first screenful (year headers, kind, date, title, as the timeline pane draws
//! them) and a status line saying what is loading. Keys typed meanwhile wait in the terminal and
//! are answered once the app is up.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::timeline::{DATES_FROM, event_line};
use crate::text::truncate;
use crate::timeline::Searchable;
use crate::tui::spans::{clean, fit};
use crate::tui::theme::Theme;

/// Draws the preview of `store` (named `name`) into `area`: the timeline in a pane over the whole
/// screen but the last line, and that line saying the store is loading.
pub fn render<S: Searchable>(store: &S, name: &str, theme: Theme, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let pane = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    let style = theme.border(true);
    let room = usize::from(pane.width.saturating_sub(2));
    Block::new()
        .borders(Borders::ALL)
        .border_style(style)
        .title(fit(vec![Span::styled(" Timeline ", style)], room))
        .render(pane, buf);
    let inner = Rect {
        x: pane.x.saturating_add(1),
        y: pane.y.saturating_add(1),
        width: pane.width.saturating_sub(2),
        height: pane.height.saturating_sub(2),
    };
    rows(store, theme, inner, buf);
    let status = format!(
        " Loading {}: {} events, {} people, {} units. Keys typed now are kept.",
        clean(name),
        store.event_count(),
        store.person_count(),
        store.unit_count()
    );
    let width = usize::from(area.width);
    let line = Line::from(Span::styled(truncate(&status, width), theme.status()));
    buf.set_style(
        Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        },
        theme.status(),
    );
    buf.set_line(area.x, area.bottom() - 1, &line, area.width);
}

/// The first events, under a header for each year, one line each.
fn rows<S: Searchable>(store: &S, theme: Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let date_width = if area.width < DATES_FROM { 0 } else { 11 };
    let mut year = None;
    let mut event = 0;
    for y in area.y..area.bottom() {
        if event >= store.event_count() {
            break;
        }
        let (date, _) = store.event_dates(event);
        let line = if year == Some(date.year()) {
            let shown = (store.event_kind(event), date, store.event_title(event));
            event += 1;
            event_line(theme, shown, date_width, width)
        } else {
            year = Some(date.year());
            Line::from(Span::styled(date.year().to_string(), theme.year()))
        };
        buf.set_line(area.x, y, &fit(line.spans, width), area.width);
    }
}
