//! The status bar: the focused pane, the position in the timeline ("12/57"), the filter, the
//! pinned org date and the key hints that apply; or the date being typed after `a`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::text::truncate;
use crate::tui::app::{App, DateInput, Mode};
use crate::tui::keymap::{Context, hints};
use crate::tui::spans::{clean, fit, spans_width};
use crate::tui::theme::Theme;

/// Draws the status bar into `area` (one row).
pub fn render(app: &App<'_>, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let theme = app.theme;
    let width = usize::from(area.width);
    buf.set_style(area, theme.status());
    let spans = match &app.mode {
        Mode::Date(input) => date_spans(theme, input, width),
        _ => browse_spans(app, width),
    };
    buf.set_line(area.x, area.y, &fit(spans, width), area.width);
}

fn browse_spans(app: &App<'_>, width: usize) -> Vec<Span<'static>> {
    let theme = app.theme;
    let context = Context::of(&app.mode);
    let place = match app.mode {
        Mode::Search(_) => "Search",
        Mode::Help => "Help",
        Mode::Export(_) => "Export",
        Mode::Tenure(_) => "Tenure",
        _ => app.focus.name(),
    };
    let (at, of) = match &app.mode {
        Mode::Search(search) => (search.selected, search.hits.len()),
        Mode::Tenure(chart) => (chart.cursor, chart.rows.len()),
        _ => (app.cursor, app.visible.len()),
    };
    let position = if of == 0 {
        "0/0".to_string()
    } else {
        format!("{}/{of}", at + 1)
    };
    let mut spans = vec![
        Span::styled(format!(" {place} "), theme.status_focus()),
        Span::raw(format!(" {position} ")),
    ];
    if let Some(filter) = &app.filter {
        let room = (width / 2).max(12);
        let name = match filter.entity {
            Some(entity) => app.timeline.label(entity),
            None => filter.query.text.clone(),
        };
        let label = truncate(&clean(&name), room);
        spans.push(Span::raw(format!("· {label} ")));
    }
    if let Some(date) = app.org_date {
        spans.push(Span::raw(format!("· as of {date} ")));
    }
    push_hints(theme, context, width, &mut spans);
    spans
}

/// Adds the context's hints while whole ones fit.
fn push_hints(theme: Theme, context: Context, width: usize, spans: &mut Vec<Span<'static>>) {
    let mut used = spans_width(spans);
    let mut first = true;
    for (key, hint) in hints(context) {
        let sep = if first { "│ " } else { "  " };
        let piece = crate::text::width(sep) + crate::text::width(&key) + 1 + hint.len();
        if used + piece > width {
            break;
        }
        used += piece;
        first = false;
        spans.push(Span::raw(sep));
        spans.push(Span::styled(key, theme.status_focus()));
        spans.push(Span::raw(format!(" {hint}")));
    }
}

fn date_spans(theme: Theme, input: &DateInput, width: usize) -> Vec<Span<'static>> {
    let mut spans = vec![
        Span::styled(" Org chart as of: ", theme.status_focus()),
        Span::raw(clean(&input.text)),
        Span::styled(" ", theme.cursor()),
        Span::raw(" "),
    ];
    if input.error.is_some() {
        spans.push(Span::styled("invalid date ", theme.error()));
    } else if input.text.is_empty() {
        spans.push(Span::raw("YYYY, YYYY-MM or YYYY-MM-DD "));
    }
    push_hints(theme, Context::Date, width, &mut spans);
    spans
}
