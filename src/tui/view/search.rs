//! The search overlay: the query being typed, then live results over events, people and units
//! with the matched characters highlighted. Matching is the query module's; this only draws.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;

use super::{line_input, overlay};
use crate::query::{Hit, QueryError, Target};
use crate::tui::app::{App, Search};
use crate::tui::layout::{self, keep_visible};
use crate::tui::spans::{clean, fit, highlighted, wrap};
use crate::tui::theme::Theme;

/// Narrowest results list that names each result's type in words.
const WORDS_FROM: u16 = 40;

/// Draws the search overlay over `area`.
pub fn render(app: &App<'_>, search: &Search, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let theme = app.theme;
    let inner = overlay::frame(theme, " Search ".into(), area, buf);
    let (input, results) = layout::search_parts(inner);
    let shown_from = draw_input(theme, search, input, buf);
    if input.height > 1 {
        if let Some(error) = &search.error {
            draw_error(theme, search, error, shown_from, inner, buf);
            return;
        }
        let status = status_line(app, search);
        buf.set_line(
            input.x,
            input.y + 1,
            &fit(status, usize::from(input.width)),
            input.width,
        );
    }
    let offset = keep_visible(0, Some(search.selected), search.hits.len(), results.height);
    for (index, y) in (offset..search.hits.len()).zip(results.y..results.bottom()) {
        let spans = hit_spans(app, &search.hits[index], results.width);
        buf.set_line(
            results.x,
            y,
            &fit(spans, usize::from(results.width)),
            results.width,
        );
        if index == search.selected {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..results
                },
                theme.selected(),
            );
        }
    }
}

/// `/ query` with the cursor where it is, scrolled to keep it in view; returns the index of the
/// first character shown and the columns before it (a `…` when the start is cut).
fn draw_input(theme: Theme, search: &Search, area: Rect, buf: &mut Buffer) -> (usize, usize) {
    if area.height == 0 {
        return (0, 0);
    }
    let room = usize::from(area.width).saturating_sub(2);
    let drawn = line_input::drawn(theme, &search.input, room, Some(theme.cursor()));
    let mut spans = vec![Span::styled("/ ", theme.key())];
    spans.extend(drawn.spans);
    buf.set_line(
        area.x,
        area.y,
        &fit(spans, usize::from(area.width)),
        area.width,
    );
    (drawn.first, drawn.lead)
}

/// A malformed query: a caret under the offending character, then the message, wrapped over the
/// space the results would take.
fn draw_error(
    theme: Theme,
    search: &Search,
    error: &QueryError,
    (shown_from, lead): (usize, usize),
    inner: Rect,
    buf: &mut Buffer,
) {
    let caret = search
        .text()
        .chars()
        .enumerate()
        .skip(shown_from)
        .take_while(|(i, _)| *i < error.column)
        .map(|(_, c)| line_input::char_width(c))
        .sum::<usize>()
        + 2
        + lead;
    let width = usize::from(inner.width);
    let caret = if error.column >= shown_from && caret < width {
        caret
    } else {
        0
    };
    let spans = [
        Span::styled("^ ", theme.error()),
        Span::styled(clean(&error.message), theme.error()),
    ];
    let area = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    for (line, y) in wrap(&spans, width, caret, 2)
        .iter()
        .zip(area.y..area.bottom())
    {
        buf.set_line(area.x, y, line, area.width);
    }
}

/// The line under the input: how many results, or that they are still being searched for (the
/// results of the query before stay listed meanwhile); while nothing is typed, why the search
/// history is not kept across runs, when it is not.
fn status_line(app: &App<'_>, search: &Search) -> Vec<Span<'static>> {
    let theme = app.theme;
    let text = if search.text().trim().is_empty() {
        match &app.history.problem {
            // Said where the history is recalled, once the user looks for it.
            Some(why) => return vec![Span::styled(clean(why), theme.error())],
            None => "Type to search events, people and units.".to_string(),
        }
    } else if app.search_pending() {
        "Searching…".to_string()
    } else {
        match search.hits.len() {
            0 => "No match.".to_string(),
            1 => "1 result".to_string(),
            n if n >= crate::tui::searcher::SEARCH_LIMIT => format!("first {n} results"),
            n => format!("{n} results"),
        }
    };
    vec![Span::styled(text, theme.dim())]
}

/// A result: what it is (kind symbol and date for events), then its label with matches marked.
fn hit_spans(app: &App<'_>, hit: &Hit, width: u16) -> Vec<Span<'static>> {
    let theme = app.theme;
    let words = width >= WORDS_FROM;
    let mut spans = match hit.target {
        Target::Event(ix) => {
            let event = app.timeline.event_at(ix);
            let mut spans = vec![
                Span::styled(Theme::kind_symbol(event.kind), theme.kind(event.kind)),
                Span::raw(" "),
            ];
            if words {
                spans.push(Span::styled(
                    format!("{:<11} ", event.date.to_string()),
                    theme.dim(),
                ));
            }
            spans
        }
        Target::Person(_) if words => vec![Span::styled(format!("{:<14}", "person"), theme.dim())],
        Target::Unit(_) if words => vec![Span::styled(format!("{:<14}", "unit"), theme.dim())],
        Target::Person(_) => vec![Span::styled("P ", theme.dim())],
        Target::Unit(_) => vec![Span::styled("U ", theme.dim())],
    };
    spans.extend(highlighted(
        &hit.label,
        &hit.ranges,
        Style::new(),
        theme.matched(),
    ));
    spans
}
