//! Drawing a [`LineInput`]: its text with the cursor cell marked where the cursor is, scrolled
//! so the cursor stays in view; `…` marks text cut off at either side. Every input uses it.

use ratatui::style::Style;
use ratatui::text::Span;

use crate::text::width;
use crate::tui::line_input::LineInput;
use crate::tui::spans::clean;
use crate::tui::theme::Theme;

/// An input drawn in `room` columns.
pub struct Drawn {
    /// The spans, to be cut to `room` by the caller's `fit` (which marks a cut end with `…`).
    pub spans: Vec<Span<'static>>,
    /// The index of the first character shown.
    pub first: usize,
    /// Columns before that character (the `…` that marks a cut start), 0 or 1.
    pub lead: usize,
}

/// `input` in `room` columns: with the cursor cell in the style `cursor` when the input has the
/// keys (scrolled to keep it in view), else (`None`) its end.
#[must_use]
pub fn drawn(theme: Theme, input: &LineInput, room: usize, cursor_style: Option<Style>) -> Drawn {
    let focused = cursor_style.is_some();
    let chars: Vec<char> = input.text().chars().collect();
    let cursor = if focused {
        input.cursor().min(chars.len())
    } else {
        chars.len()
    };
    let under_cursor = chars.get(cursor).map_or_else(String::new, |&c| shown(c));
    let cursor_width = if focused {
        width(&under_cursor).max(1)
    } else {
        0
    };
    let span_width =
        |from: usize, to: usize| -> usize { chars[from..to].iter().map(|&c| char_width(c)).sum() };
    // Room for the `…` that marks text cut off after the cursor, when there is any.
    let tail = usize::from(focused && cursor + 1 < chars.len());
    let mut first = 0;
    while first < cursor
        && usize::from(first > 0) + span_width(first, cursor) + cursor_width + tail > room
    {
        first += 1;
    }
    let mut spans = Vec::new();
    if first > 0 {
        spans.push(Span::styled("…", theme.dim()));
    }
    let before: String = chars[first..cursor].iter().map(|&c| shown(c)).collect();
    spans.push(Span::raw(before));
    if let Some(style) = cursor_style {
        let at = if under_cursor.is_empty() {
            " ".to_string()
        } else {
            under_cursor
        };
        spans.push(Span::styled(at, style));
        let after: String = chars
            .get(cursor + 1..)
            .unwrap_or_default()
            .iter()
            .map(|&c| shown(c))
            .collect();
        spans.push(Span::raw(after));
    }
    Drawn {
        spans,
        first,
        lead: usize::from(first > 0),
    }
}

/// One character as drawn (an unsafe one is not drawn).
fn shown(c: char) -> String {
    clean(c.encode_utf8(&mut [0; 4]))
}

/// Display width of one character as drawn.
#[must_use]
pub fn char_width(c: char) -> usize {
    width(&shown(c))
}
