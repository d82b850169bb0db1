//! The org chart pane: units as a tree with the people holding roles, as of the selected event
//! (what it changed marked `+` new, `→` moved, `−` ended and struck through) or of a date typed
//! after `a`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;

use crate::tui::app::App;
use crate::tui::layout::keep_visible;
use crate::tui::org_lines::{Mark, OrgItem, OrgLine};
use crate::tui::spans::{clean, fit, note, styled};
use crate::tui::theme::Theme;

/// The pane's title: the date shown, and whether it is pinned.
#[must_use]
pub fn title(app: &App<'_>) -> String {
    match (app.org_date, app.selected_event()) {
        (Some(date), _) => format!("Org chart as of {date} (pinned)"),
        (None, Some(event)) => format!("Org chart · {}", event.date),
        (None, None) => "Org chart".to_string(),
    }
}

/// Draws the org chart into `area`; the cursor line is shown when the pane has focus.
pub fn render(app: &App<'_>, area: Rect, focused: bool, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let theme = app.theme;
    let width = usize::from(area.width);
    let lines = app.org_lines();
    if lines.is_empty() {
        let starts = crate::org::record_start(&app.timeline.store, &app.timeline.history);
        let message = match (app.org_day(), starts) {
            (Some(day), Some(start)) if day < start.start() => {
                format!("The record starts later, on {start}.")
            }
            (Some(_), _) => "No units existed on this day.".to_string(),
            (None, _) => "No event selected. Press a to choose a date.".to_string(),
        };
        note(theme, &message, area, buf);
        return;
    }
    let offset = keep_visible(
        app.org_offset,
        Some(app.org_cursor),
        lines.len(),
        area.height,
    );
    for (index, y) in (offset..lines.len()).zip(area.y..area.bottom()) {
        let spans = line_spans(app, &lines[index], width);
        buf.set_line(area.x, y, &fit(spans, width), area.width);
        if focused && index == app.org_cursor {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                theme.selected(),
            );
        }
    }
}

fn mark_span(theme: Theme, mark: Mark) -> Span<'static> {
    match mark {
        Mark::Same => Span::raw("  "),
        Mark::New => Span::styled("+ ", theme.new_mark()),
        Mark::Moved => Span::styled("→ ", theme.moved_mark()),
        Mark::Ended => Span::styled("− ", theme.dim()),
    }
}

/// One org line: indentation (capped to a third of the width), mark, then the unit or role.
fn line_spans(app: &App<'_>, line: &OrgLine, width: usize) -> Vec<Span<'static>> {
    let theme = app.theme;
    let indent = (line.depth * 2).min(width / 3);
    let ended = line.mark == Mark::Ended;
    let text_style = |style: Style| {
        if ended {
            style.patch(theme.ended_mark())
        } else {
            style
        }
    };
    let mut spans = vec![Span::raw(" ".repeat(indent)), mark_span(theme, line.mark)];
    match &line.item {
        OrgItem::Unit(id) => {
            let style = if line.depth == 0 {
                theme.heading()
            } else {
                Style::new()
            };
            spans.push(styled(&app.timeline.unit_label_at(*id), text_style(style)));
        }
        OrgItem::Role(index) => {
            let tenure = app.timeline.history.tenure(*index);
            spans.push(Span::styled(
                format!("{}: ", clean(&tenure.role)),
                text_style(theme.dim()),
            ));
            spans.push(styled(
                &app.timeline.person_label_at(tenure.person),
                text_style(Style::new()),
            ));
            // A role no source ends is shown as last recorded, in those words, as the CLI does.
            let when = match (ended, tenure.end, tenure.last_recorded_on()) {
                (true, _, Some(last)) => format!(" last recorded {last}"),
                (true, Some(end), None) => format!(" until {end}"),
                (false, _, Some(last)) => format!(" since {}, last recorded {last}", tenure.start),
                _ => format!(" since {}", tenure.start),
            };
            spans.push(Span::styled(when, text_style(theme.dim())));
        }
    }
    spans
}
