//! Styled text measured by display width: cutting to a width with `…`, wrapping at words, and
//! highlighting matched characters. Every piece of store text passes through [`clean`] first.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

use crate::text::{sanitize, width};
use crate::tui::theme::Theme;

/// Store text made safe for the terminal (see [`crate::text::sanitize`]).
#[must_use]
pub fn clean(text: &str) -> String {
    sanitize(text)
}

/// The most characters of one piece of store text the app lays out: 20,000 characters, about
/// 260 lines at 80 columns (the longest summary in the bundled store is about 1,000). Longer text
/// is cut there, with `…`, so that a key never costs more than that whatever the store holds;
/// exports write the whole text.
pub const MAX_SPAN_CHARS: usize = 20_000;

/// `text` cut to at most `max` characters, and whether it was cut. Costs what is kept, not the
/// whole text.
#[must_use]
pub fn clip(text: &str, max: usize) -> (&str, bool) {
    match text.char_indices().nth(max) {
        Some((at, _)) => (&text[..at], true),
        None => (text, false),
    }
}

/// A styled piece of store text, sanitised, cut at [`MAX_SPAN_CHARS`] (ending in `…` when cut).
#[must_use]
pub fn styled(text: &str, style: Style) -> Span<'static> {
    styled_clipped(text, MAX_SPAN_CHARS, style)
}

/// A styled piece of store text for one line of `columns` columns at most: only its beginning is
/// sanitised and measured (enough to fill the line, with room for characters that sanitising
/// removes), so a huge title costs what is shown.
#[must_use]
pub fn styled_line(text: &str, columns: usize, style: Style) -> Span<'static> {
    styled_clipped(text, columns.saturating_mul(4).saturating_add(64), style)
}

fn styled_clipped(text: &str, max: usize, style: Style) -> Span<'static> {
    let (shown, cut) = clip(text, max);
    let mut content = clean(shown);
    if cut {
        content.push('…');
    }
    Span::styled(content, style)
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Total display width of `spans`.
#[must_use]
pub fn spans_width(spans: &[Span<'_>]) -> usize {
    spans.iter().map(|s| width(&s.content)).sum()
}

/// `spans` cut to at most `max` columns, ending in `…` (in the style of the text cut) when cut.
#[must_use]
pub fn fit(spans: Vec<Span<'static>>, max: usize) -> Line<'static> {
    if spans_width(&spans) <= max {
        return Line::from(spans);
    }
    let mut out = Vec::new();
    if max == 0 {
        return Line::from(out);
    }
    let room = max - 1;
    let mut used = 0;
    for span in spans {
        let mut kept = String::new();
        let mut cut = false;
        for c in span.content.chars() {
            let w = char_width(c);
            if used + w > room {
                cut = true;
                break;
            }
            used += w;
            kept.push(c);
        }
        if cut {
            kept.push('…');
            out.push(Span::styled(kept, span.style));
            break;
        }
        out.push(Span::styled(kept, span.style));
    }
    Line::from(out)
}

/// The most characters of a one-line label that are highlighted and shown.
const MAX_LABEL_CHARS: usize = 1_000;

/// The characters of `label` (sanitised) as spans, those in `ranges` (character ranges of the
/// unsanitised label) in `matched`, the rest in `base`.
#[must_use]
pub fn highlighted(
    label: &str,
    ranges: &[Range<usize>],
    base: Style,
    matched: Style,
) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    // A label is shown on one line: its beginning is enough (ranges count from its start).
    let (label, _) = clip(label, MAX_LABEL_CHARS);
    for (i, c) in label.chars().enumerate() {
        let is_match = ranges.iter().any(|r| r.contains(&i));
        if is_match != run_matched && !run.is_empty() {
            let style = if run_matched { matched } else { base };
            spans.push(styled(&run, style));
            run.clear();
        }
        run_matched = is_match;
        run.push(c);
    }
    if !run.is_empty() {
        let style = if run_matched { matched } else { base };
        spans.push(styled(&run, style));
    }
    spans
}

/// Word-wraps `spans` to `max` columns: the first line indented by `first` spaces, the others by
/// `rest`. Words longer than a line are broken between characters.
#[must_use]
pub fn wrap(spans: &[Span<'static>], max: usize, first: usize, rest: usize) -> Vec<Line<'static>> {
    let mut wrapper = Wrapper {
        max: max.max(1),
        rest: rest.min(max.saturating_sub(1)),
        lines: Vec::new(),
        line: Vec::new(),
        used: 0,
        fresh: true,
    };
    wrapper.indent(first.min(max.saturating_sub(1)));
    for span in spans {
        let mut word = String::new();
        for c in span.content.chars() {
            if c == ' ' {
                wrapper.word(&word, span.style);
                word.clear();
                wrapper.space(span.style);
            } else {
                word.push(c);
            }
        }
        wrapper.word(&word, span.style);
    }
    wrapper.finish()
}

struct Wrapper {
    max: usize,
    rest: usize,
    lines: Vec<Line<'static>>,
    line: Vec<Span<'static>>,
    used: usize,
    /// Nothing but indentation on the current line yet.
    fresh: bool,
}

impl Wrapper {
    fn indent(&mut self, n: usize) {
        if n > 0 {
            self.line.push(Span::raw(" ".repeat(n)));
        }
        self.used = n;
        self.fresh = true;
    }

    fn push(&mut self, text: String, style: Style) {
        self.used += width(&text);
        self.fresh = false;
        self.line.push(Span::styled(text, style));
    }

    fn newline(&mut self) {
        while self.line.last().is_some_and(|s| s.content == " ") {
            self.line.pop();
        }
        self.lines.push(Line::from(std::mem::take(&mut self.line)));
        self.indent(self.rest);
    }

    fn space(&mut self, style: Style) {
        if self.fresh {
            return;
        }
        if self.used < self.max {
            self.push(" ".into(), style);
        } else {
            self.newline();
        }
    }

    fn word(&mut self, word: &str, style: Style) {
        if word.is_empty() {
            return;
        }
        let w = width(word);
        if is_url(word) && w > self.max - self.rest {
            // Never broken across lines (a terminal could not open it): a line of its own, cut
            // in the middle.
            if !self.fresh {
                self.newline();
            }
            let room = self.max.saturating_sub(self.used).max(1);
            self.push(cut_middle(word, room), style);
            return;
        }
        if self.used + w > self.max && !self.fresh && w <= self.max - self.rest {
            self.newline();
        }
        if self.used + w <= self.max {
            self.push(word.to_string(), style);
            return;
        }
        let mut piece = String::new();
        for c in word.chars() {
            let cw = char_width(c);
            if self.used + width(&piece) + cw > self.max && !(self.fresh && piece.is_empty()) {
                if !piece.is_empty() {
                    self.push(std::mem::take(&mut piece), style);
                }
                self.newline();
            }
            piece.push(c);
        }
        if !piece.is_empty() {
            self.push(piece, style);
        }
    }

    fn finish(mut self) -> Vec<Line<'static>> {
        if !self.fresh || self.lines.is_empty() {
            self.newline();
        }
        self.lines
    }
}

/// Whether `word` is a web address (`http://…`, `https://…`), which wrapping never breaks.
fn is_url(word: &str) -> bool {
    let lower = word.get(..8).unwrap_or(word).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// `text` in at most `max` columns: whole when it fits, else its start and its end around `…`
/// (`https://www.exa…/article.html`), so both the site and the page stay readable.
#[must_use]
pub fn cut_middle(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max <= 1 {
        return "…".chars().take(max).collect();
    }
    let room = max - 1;
    let head_room = room.div_ceil(2);
    let mut head = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w > head_room {
            break;
        }
        used += w;
        head.push(c);
    }
    let tail_room = room - used;
    let mut tail: Vec<char> = Vec::new();
    let mut tail_used = 0;
    for c in text.chars().rev() {
        let w = char_width(c);
        if tail_used + w > tail_room {
            break;
        }
        tail_used += w;
        tail.push(c);
    }
    head.push('…');
    head.extend(tail.into_iter().rev());
    head
}

/// Writes `message`, dimmed and cut to fit, on the first line of `area` (an empty pane's note).
pub fn note(theme: Theme, message: &str, area: Rect, buf: &mut Buffer) {
    let line = fit(
        vec![Span::styled(message.to_string(), theme.dim())],
        usize::from(area.width),
    );
    buf.set_line(area.x, area.y, &line, area.width);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line<'_>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn wraps_at_words_with_hanging_indent() {
        let lines = wrap(&[Span::raw("one two three four")], 9, 0, 2);
        assert_eq!(text(&lines), ["one two", "  three", "  four"]);
    }

    #[test]
    fn breaks_long_words_and_cjk_by_width() {
        let lines = wrap(&[Span::raw("高晓松高晓松")], 5, 0, 0);
        assert_eq!(text(&lines), ["高晓", "松高", "晓松"]);
        assert!(lines.iter().all(|l| l.width() <= 5));
    }

    #[test]
    fn long_text_is_clipped_before_it_is_worked_on() {
        let huge = "é".repeat(MAX_SPAN_CHARS + 10);
        assert_eq!(clip(&huge, 3), ("ééé", true));
        assert_eq!(clip("ab", 3), ("ab", false));
        let span = styled(&huge, Style::new());
        assert_eq!(span.content.chars().count(), MAX_SPAN_CHARS + 1);
        assert!(span.content.ends_with('…'));
        let line = styled_line(&huge, 10, Style::new());
        assert!(line.content.chars().count() < 200, "{}", line.content.len());
    }

    #[test]
    fn fits_with_an_ellipsis_by_display_width() {
        let line = fit(vec![Span::raw("Gao "), Span::raw("高晓松")], 7);
        assert_eq!(line.width(), 7);
        assert_eq!(text(&[line]), ["Gao 高…"]);
        assert_eq!(fit(vec![Span::raw("ab")], 0).width(), 0);
    }

    #[test]
    fn highlights_ranges_and_strips_escapes() {
        let spans = highlighted(
            "G\u{1b}[31mao",
            &[0..1, 6..7],
            Style::new(),
            Style::new().add_modifier(ratatui::style::Modifier::BOLD),
        );
        let shown: String = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(shown, "G[31mao");
        assert_eq!(spans[0].content, "G");
        assert_eq!(
            spans[0].style,
            Style::new().add_modifier(ratatui::style::Modifier::BOLD)
        );
    }
}
