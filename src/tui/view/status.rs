//! The status bar: the focused pane, the position in the timeline ("12/57"), the filter, the
//! pinned org date, whether a pane is zoomed (or what came of the last key: a copy, an address
//! opened or refused) and the key hints that apply; or the date being typed after `a` or `d`, or
//! the name after `m`. `? help`, `q quit` and, when there is something to go back from,
//! `Esc back` stay at every width from 40 columns: the other hints, the filter's label and the
//! pane's name give way first.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::store::date::PartialDate;
use crate::text;
use crate::text::truncate;
use crate::tui::action::Action;
use crate::tui::app::{App, DateGoal, DateInput, Mode};
use crate::tui::keymap::{Context, bindings};
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
        Mode::Sources(_) => "Sources",
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
    // Esc matters while browsing once there is something to go back from.
    let back_matters = context != Context::Browse
        || app.filter.is_some()
        || app.subject.is_some()
        || app.org_date.is_some();
    let pieces = hint_pieces(context, back_matters);
    let kept: usize = pieces.iter().filter(|p| p.kept).map(HintPiece::width).sum();
    if let Some(notice) = &app.notice {
        // What came of the key takes the place of everything but the kept hints, until the next.
        let room = width.saturating_sub(kept + 2);
        let text = truncate(&clean(&notice.text), room);
        let style = if notice.error {
            theme.error()
        } else {
            theme.new_mark()
        };
        let mut spans = vec![Span::raw(" "), Span::styled(format!("{text} "), style)];
        push_pieces(theme, &pieces, width, &mut spans, |p| p.kept);
        return spans;
    }
    let place = Span::styled(format!(" {place} "), theme.status_focus());
    let position = Span::raw(format!(" {position} "));
    // The place goes first when space runs out: the focused pane's frame says it too.
    let mut spans = if spans_width(&[place.clone(), position.clone()]) + kept <= width {
        vec![place, position]
    } else {
        vec![position]
    };
    let room = |spans: &[Span<'_>]| width.saturating_sub(spans_width(spans) + kept);
    if let Some(filter) = &app.filter {
        let room = room(&spans).saturating_sub(3);
        if room >= MIN_LABEL {
            let name = match filter.entity {
                Some(entity) => app.timeline.label(entity),
                None => filter.query.text.clone(),
            };
            let label = truncate(&clean(&name), room);
            spans.push(Span::raw(format!("· {label} ")));
        }
    }
    if let Some(date) = app.org_date {
        let text = format!("· as of {date} ");
        if text::width(&text) <= room(&spans) {
            spans.push(Span::raw(text));
        }
    }
    if app.zoomed && text::width("· zoomed ") <= room(&spans) {
        spans.push(Span::raw("· zoomed "));
    }
    push_pieces(theme, &pieces, width, &mut spans, |_| true);
    spans
}

/// The fewest columns worth showing a filter's label in.
const MIN_LABEL: usize = 8;

/// One hint of the status bar: `? help`.
struct HintPiece {
    key: String,
    hint: &'static str,
    /// Kept at every width: help, quit, and (when it matters) back or close.
    kept: bool,
}

impl HintPiece {
    /// Its width with the separator before it (`│ ` before the first, two spaces between).
    fn width(&self) -> usize {
        2 + text::width(&self.key) + 1 + text::width(self.hint)
    }
}

/// The context's hints in table order, help, quit and (if `back_matters`) Esc marked as kept.
fn hint_pieces(context: Context, back_matters: bool) -> Vec<HintPiece> {
    bindings()
        .iter()
        .filter(|b| b.context == context)
        .filter_map(|b| {
            Some(HintPiece {
                key: b.keys.first()?.name(),
                hint: b.hint?,
                kept: match b.action {
                    Action::Help | Action::Quit => true,
                    Action::Back => back_matters,
                    _ => false,
                },
            })
        })
        .collect()
}

/// Adds the hints `wanted` picks, in table order: the kept ones always, the others while whole
/// ones fit beside every kept one still to come.
fn push_pieces(
    theme: Theme,
    pieces: &[HintPiece],
    width: usize,
    spans: &mut Vec<Span<'static>>,
    wanted: impl Fn(&HintPiece) -> bool,
) {
    let mut used = spans_width(spans);
    let mut kept_left: usize = pieces.iter().filter(|p| p.kept).map(HintPiece::width).sum();
    let mut others_fit = true;
    let mut first = true;
    for piece in pieces.iter().filter(|p| wanted(p)) {
        if piece.kept {
            kept_left -= piece.width();
        } else if !others_fit || used + piece.width() + kept_left > width {
            others_fit = false;
            continue;
        }
        used += piece.width();
        spans.push(Span::raw(if first { "│ " } else { "  " }));
        first = false;
        spans.push(Span::styled(piece.key.clone(), theme.status_focus()));
        spans.push(Span::raw(format!(" {}", piece.hint)));
    }
}

/// Adds the context's hints: help, quit and Esc at any width, the others while they fit.
fn push_hints(theme: Theme, context: Context, width: usize, spans: &mut Vec<Span<'static>>) {
    push_pieces(theme, &hint_pieces(context, true), width, spans, |_| true);
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
