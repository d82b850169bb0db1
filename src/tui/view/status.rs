//! The status bar: the focused pane, the position in the timeline ("12/57"), the filter, the
//! pinned org date and the key hints that apply; or the date being typed after `a`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::store::date::PartialDate;
use crate::text::truncate;
use crate::tui::app::{App, DateGoal, DateInput, Mode};
use crate::tui::keymap::{Context, hints};
use crate::tui::saved_picker::NameInput;
use crate::tui::spans::{clean, fit, spans_width};
use crate::tui::view::line_input;

/// The most columns a saved query's name takes in the status bar.
const NAME_COLUMNS: usize = 30;

/// The most columns the date input takes (its longest text, and the cursor after it).
const DATE_COLUMNS: usize = 25;
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
        Mode::SaveQuery(name) => name_spans(app, name, width),
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
        Mode::Saved(_) => "Saved queries",
        _ => app.focus.name(),
    };
    let (at, of) = match &app.mode {
        Mode::Search(search) => (search.selected, search.hits.len()),
        Mode::Tenure(chart) => (chart.cursor, chart.rows.len()),
        Mode::Saved(picker) => (picker.selected, app.saved.entries.len()),
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
    if app.zoomed {
        spans.push(Span::raw("· zoomed "));
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
    let prompt = match input.goal {
        DateGoal::OrgChart => " Org chart as of: ",
        DateGoal::GoTo => " Go to date: ",
    };
    let mut spans = vec![Span::styled(prompt, theme.status_focus())];
    let room = width
        .saturating_sub(spans_width(&spans) + 1)
        .min(DATE_COLUMNS);
    let cursor = Some(theme.status_cursor());
    spans.extend(line_input::drawn(theme, &input.input, room, cursor).spans);
    spans.push(Span::raw(" "));
    if input.error.is_some() {
        // The whole message is shown above the status bar.
        let valid = input.input.text().trim().parse::<PartialDate>().is_ok();
        let what = if valid {
            "no event there "
        } else {
            "invalid date "
        };
        spans.push(Span::styled(what, theme.error()));
    } else if input.input.is_empty() {
        spans.push(Span::raw("YYYY, YYYY-MM or YYYY-MM-DD "));
    }
    push_hints(theme, Context::Date, width, &mut spans);
    spans
}

/// ` Save kind:acq @2016 as: NAME` with the cursor, then the hints.
fn name_spans(app: &App<'_>, name: &NameInput, width: usize) -> Vec<Span<'static>> {
    let theme = app.theme;
    let query = app.filter.as_ref().map_or("", |f| f.query.text.as_str());
    let label = format!(" Save {} as: ", truncate(&clean(query), width / 3));
    let mut spans = vec![Span::styled(label, theme.status_focus())];
    let room = width
        .saturating_sub(spans_width(&spans) + 1)
        .min(NAME_COLUMNS);
    let cursor = Some(theme.status_cursor());
    spans.extend(line_input::drawn(theme, &name.input, room, cursor).spans);
    spans.push(Span::raw(" "));
    if name.error.is_some() {
        spans.push(Span::styled("not saved ", theme.error()));
    }
    push_hints(theme, Context::SaveName, width, &mut spans);
    spans
}
