//! The timeline pane: events in date order under year headers, each with its kind's symbol and
//! its date at the precision known.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::store::date::PartialDate;
use crate::store::model::EventKind;
use crate::text::truncate;

use crate::tui::app::{App, Row};
use crate::tui::layout::{self, keep_visible};
use crate::tui::spans::{clean, fit, note, styled_line};
use crate::tui::theme::Theme;

/// Narrowest content width that still shows dates (the year headers carry the year below it).
pub(super) const DATES_FROM: u16 = 26;

/// The pane's title, naming the filter when there is one.
#[must_use]
pub fn title(app: &App<'_>) -> String {
    match app.filter_entity() {
        Some(entity) => format!("Timeline: {}", clean(&app.timeline.label(entity))),
        None => "Timeline".to_string(),
    }
}

/// Draws the timeline into `area`: the filter line on top while a filter is on, then the time
/// axis (see [`super::axis`]), then the rows (see [`layout::timeline_parts`]).
pub fn render(app: &App<'_>, area: Rect, focused: bool, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let parts = layout::timeline_parts(app, area);
    if let Some(line) = parts.filter {
        filter_line(app, line, buf);
    }
    super::axis::render(app, parts.axis, buf);
    let area = parts.list;
    let theme = app.theme;
    let width = usize::from(area.width);
    let cached = app.rows();
    let rows = cached.rows();
    if rows.is_empty() {
        let message = if app.filter.is_some() {
            "No events here. Esc shows every event."
        } else {
            "No events in this store."
        };
        note(theme, message, area, buf);
        return;
    }
    let date_width = if area.width < DATES_FROM {
        0
    } else if cached.any_approximate() {
        11
    } else {
        10
    };
    let selected = app.selected_row(&cached);
    let offset = keep_visible(app.timeline_offset, selected, rows.len(), area.height);
    for (index, y) in (offset..rows.len()).zip(area.y..area.bottom()) {
        let line = match rows[index] {
            Row::Year(year) => Line::from(Span::styled(year.to_string(), theme.year())),
            Row::Event(ix) => {
                let event = app.timeline.event_at(ix);
                let shown = (event.kind, event.date, event.title.as_str());
                event_line(theme, shown, date_width, width)
            }
        };
        buf.set_line(area.x, y, &fit(line.spans, width), area.width);
        if Some(index) == selected {
            let style = if focused {
                theme.selected()
            } else {
                theme.selected_unfocused()
            };
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                style,
            );
        }
    }
}

/// The filter line: the active query and how many events it matches (`kind:acq @2016 · 12 of
/// 66 events`); the query is cut first when the line is narrow.
fn filter_line(app: &App<'_>, area: Rect, buf: &mut Buffer) {
    let Some(filter) = &app.filter else {
        return;
    };
    let theme = app.theme;
    let total = app.timeline.events().len();
    let count = format!("{} of {total} events", app.visible.len());
    let query = match filter.entity {
        Some(entity) if filter.query.text.is_empty() => app.timeline.label(entity),
        _ => filter.query.text.clone(),
    };
    let width = usize::from(area.width);
    let room = width.saturating_sub(crate::text::width(&count) + 3);
    let spans = vec![
        Span::styled(truncate(&clean(&query), room), theme.key()),
        Span::styled(format!(" · {count}"), theme.dim()),
    ];
    buf.set_line(area.x, area.y, &fit(spans, width), area.width);
}

pub(super) fn event_line(
    theme: Theme,
    (kind, date, title): (EventKind, PartialDate, &str),
    date_width: usize,
    width: usize,
) -> Line<'static> {
    let mut spans = vec![
        Span::raw(" "),
        Span::styled(Theme::kind_symbol(kind), theme.kind(kind)),
        Span::raw(" "),
    ];
    if date_width > 0 {
        spans.push(Span::styled(
            format!("{:<date_width$} ", date.to_string()),
            theme.dim(),
        ));
    }
    spans.push(styled_line(title, width, ratatui::style::Style::new()));
    Line::from(spans)
}
