//! `ali-timeline search QUERY [--limit N] [--json]`: people, units and events matching a query,
//! best first, one per line — kind, date or role span, name or title — with the matched
//! characters highlighted when stdout is a terminal and `NO_COLOR` is not set.
//!
//! `--json` prints `{"query": …, "total": …, "hits": [{"kind", "id", "label", "start", "end",
//! "score", "ranges"}]}` (`assets/search.schema.json`); control, bidi and zero-width characters
//! are written as `\uXXXX` escapes, so the JSON is safe to print and means the same.
//!
//! Results cut by `--limit` are counted on stderr; no match exits 1 with a note on stderr.

use std::io::{IsTerminal, Write};
use std::ops::Range;
use std::process::ExitCode;

use serde::Serialize;

use super::columns::{padded, widest};
use super::json;
use crate::error::Error;
use crate::query::{self, Hit, Query, Target};
use crate::store::date::PartialDate;
use crate::timeline::{DateSpan, Timeline};

/// How matched characters are shown in text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Highlight {
    /// Plain text (not a terminal, or `NO_COLOR`).
    None,
    /// Bold yellow ANSI escapes around each matched range.
    Ansi,
}

impl Highlight {
    /// ANSI when stdout is a terminal and `NO_COLOR` is unset or empty (<https://no-color.org>).
    #[must_use]
    pub fn for_stdout() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if std::io::stdout().is_terminal() && !no_color {
            Highlight::Ansi
        } else {
            Highlight::None
        }
    }
}

/// Prints the results of `query`, highlighted as [`Highlight::for_stdout`] decides; see
/// [`write`].
///
/// # Errors
/// A malformed query (with a caret under the bad atom), or a failed write.
pub fn run(
    timeline: &Timeline,
    query: &str,
    limit: usize,
    json: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let highlight = Highlight::for_stdout();
    write(timeline, query, limit, json, highlight, out, err)
}

/// Prints the best `limit` results of `query` (all of them for 0) as text (highlighted as asked)
/// or JSON. When results are cut, `err` says how many more there are; when none match, `err` says
/// so and the exit code is 1.
///
/// # Errors
/// A malformed query (with a caret under the bad atom), or a failed write.
pub fn write(
    timeline: &Timeline,
    query: &str,
    limit: usize,
    json: bool,
    highlight: Highlight,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let parsed = Query::parse_in(query, timeline).map_err(|source| Error::Query {
        query: query.to_string(),
        source,
    })?;
    let limit = if limit == 0 { usize::MAX } else { limit };
    let (hits, total) = query::search_counted(timeline, &parsed, limit);
    if json {
        let output = JsonOutput {
            query,
            total,
            hits: hits.iter().map(|h| JsonHit::new(timeline, h)).collect(),
        };
        json::write(&output, out)?;
    } else {
        let rows: Vec<(&str, String)> = hits
            .iter()
            .map(|hit| {
                let (kind, _, span) = describe(timeline, hit.target);
                let span = match span {
                    (None, None) => String::new(),
                    (Some(start), None) if matches!(hit.target, Target::Event(_)) => {
                        start.to_string()
                    }
                    (start, end) => format!("{}..{}", shown(start), shown(end)),
                };
                (kind, span)
            })
            .collect();
        // The span column fits the longest span (`~2016-11-01..~2018-01-01`), at least 22 wide.
        let column = widest(rows.iter().map(|(_, span)| span.as_str()), SPAN_COLUMN);
        for (hit, (kind, span)) in hits.iter().zip(&rows) {
            let label = styled(&hit.label, &hit.ranges, highlight);
            writeln!(out, "{kind:<6}  {}  {label}", padded(span, column))?;
        }
    }
    if hits.len() < total {
        writeln!(
            err,
            "{} more; use --limit N to see more, or --limit 0 for all",
            total - hits.len()
        )?;
    }
    if total == 0 {
        writeln!(err, "no match for `{}`", crate::text::sanitize(query))?;
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The narrowest the span column is.
const SPAN_COLUMN: usize = 22;

fn shown(date: Option<PartialDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// `label` with each range wrapped in bold yellow, or as it is.
fn styled(label: &str, ranges: &[Range<usize>], highlight: Highlight) -> String {
    if highlight == Highlight::None || ranges.is_empty() {
        return label.to_string();
    }
    let mut out = String::with_capacity(label.len() + ranges.len() * 12);
    let mut next = ranges.iter().peekable();
    for (i, c) in label.chars().enumerate() {
        if next.peek().is_some_and(|r| r.start == i) {
            out.push_str("\x1b[1;33m");
        }
        out.push(c);
        if next.peek().is_some_and(|r| r.end == i + 1) {
            out.push_str("\x1b[0m");
            next.next();
        }
    }
    out
}

/// The kind name, id and span of a target: an event's date (to its end), a person's roles
/// (first start to last end, open while one is held), a unit's life.
fn describe(timeline: &Timeline, target: Target) -> (&'static str, String, DateSpan) {
    match target {
        Target::Event(ix) => {
            let event = timeline.event_at(ix);
            ("event", event.id.clone(), (Some(event.date), event.end))
        }
        Target::Person(ix) => (
            "person",
            timeline.person_id(ix).to_string(),
            timeline.person_span(ix),
        ),
        Target::Unit(ix) => (
            "unit",
            timeline.unit_id(ix).to_string(),
            timeline.unit_span(ix),
        ),
    }
}

#[derive(Serialize)]
struct JsonOutput<'a> {
    query: &'a str,
    total: usize,
    hits: Vec<JsonHit>,
}

#[derive(Serialize)]
struct JsonHit {
    kind: &'static str,
    id: String,
    label: String,
    start: Option<String>,
    end: Option<String>,
    score: i64,
    ranges: Vec<[usize; 2]>,
}

impl JsonHit {
    fn new(timeline: &Timeline, hit: &Hit) -> Self {
        let (kind, id, (start, end)) = describe(timeline, hit.target);
        JsonHit {
            kind,
            id,
            label: hit.label.clone(),
            start: start.map(|d| d.to_string()),
            end: end.map(|d| d.to_string()),
            score: hit.score,
            ranges: hit.ranges.iter().map(|r| [r.start, r.end]).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // ranges are the data here
    fn highlights_wrap_char_ranges_even_in_chinese() {
        let label = "Gao Xiaosong (高晓松)";
        assert_eq!(
            styled(label, &[0..3, 15..17], Highlight::Ansi),
            "\u{1b}[1;33mGao\u{1b}[0m Xiaosong (高\u{1b}[1;33m晓松\u{1b}[0m)"
        );
        assert_eq!(styled(label, &[0..3], Highlight::None), label);
        assert_eq!(
            styled("ab", &[1..2], Highlight::Ansi),
            "a\u{1b}[1;33mb\u{1b}[0m"
        );
    }
}
