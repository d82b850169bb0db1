//! The search overlay: the query being typed, then live results over events, people and units
//! with the matched characters highlighted. Matching is the query module's; this only draws.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;

use super::{line_input, overlay};
use crate::query::{Found, Hit, QueryError, Target};
use crate::tui::app::{App, Search};
use crate::tui::layout::{self, keep_visible};
use crate::tui::spans::{clean, fit, highlighted, spans_width, wrap};
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
            // Under the input, one line while the last good results stay listed below.
            let rows = if search.hits.is_empty() {
                inner.height - 1
            } else {
                1
            };
            draw_error(theme, search, error, shown_from, inner, rows, buf);
            if search.hits.is_empty() {
                return;
            }
        } else {
            let status = status_line(app, search);
            buf.set_line(
                input.x,
                input.y + 1,
                &fit(status, usize::from(input.width)),
                input.width,
            );
        }
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

/// A malformed query: a caret under the offending character, then the message, wrapped over
/// `rows` rows under the input (the last of them cut with `…` when the message is longer).
fn draw_error(
    theme: Theme,
    search: &Search,
    error: &QueryError,
    (shown_from, lead): (usize, usize),
    inner: Rect,
    rows: u16,
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
        height: rows.min(inner.height - 1),
        ..inner
    };
    let lines = wrap(&spans, width, caret, 2);
    let shown = usize::from(area.height);
    for (i, (line, y)) in lines.iter().zip(area.y..area.bottom()).enumerate() {
        let line = if i + 1 == shown && lines.len() > shown {
            // Cut: the last row shown ends in `…`.
            let mut spans = line.spans.clone();
            spans.push(Span::raw(" ".repeat(width)));
            fit(spans, width)
        } else {
            line.clone()
        };
        buf.set_line(area.x, y, &line, area.width);
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
    let label = highlighted(&hit.label, &hit.ranges, Style::new(), theme.matched());
    let width = usize::from(width);
    let used = spans_width(&spans);
    let place = found_text(app, &hit.found, width / 3);
    let place_width = crate::text::width(&place);
    // Where it matched goes at the end of the line, when the label keeps room to be read.
    if !words || place.is_empty() || used + MIN_LABEL + place_width + 1 > width {
        spans.extend(label);
        return spans;
    }
    let room = width - used - place_width - 1;
    let label = fit(label, room).spans;
    let pad = room + 1 - spans_width(&label);
    spans.extend(label);
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(place, theme.dim()));
    spans
}

/// Columns a result's label keeps before where it matched is left out.
const MIN_LABEL: usize = 16;

/// Where a result matched, in words: `title`, `summary`, `tag`, `name`, or the person's or
/// unit's name (`Gao Xiaosong`); two at most, then how many more, in at most `max` columns
/// (fewer places when they do not fit, the first cut last).
fn found_text(app: &App<'_>, found: &[Found], max: usize) -> String {
    let timeline = app.timeline;
    let words: Vec<String> = found
        .iter()
        .map(|place| match *place {
            Found::Title => "title".to_string(),
            Found::Name => "name".to_string(),
            Found::Summary => "summary".to_string(),
            Found::Tag => "tag".to_string(),
            Found::Person(ix) => clean(&timeline.person_at(ix).name),
            Found::Unit(ix) => clean(&timeline.unit_at(ix).name),
        })
        .collect();
    let text = match words.as_slice() {
        [] => return String::new(),
        [one] => one.clone(),
        [one, two] => format!("{one}, {two}"),
        [one, two, rest @ ..] => format!("{one}, {two} +{}", rest.len()),
    };
    if crate::text::width(&text) <= max {
        return text;
    }
    let first = match words.len() {
        1 => words[0].clone(),
        n => format!("{} +{}", words[0], n - 1),
    };
    crate::text::truncate(&first, max)
}
