//! `ali-timeline list [QUERY] [--json]`: the chronology, one event per line, in date order.
//!
//! `--json` writes `{"query", "events": [{"id", "date", "end", "kind", "title"}]}`
//! (`assets/list.schema.json`). A query that matches nothing exits 1 with a note on stderr.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::json;
use crate::error::Error;
use crate::query::{Matcher, Query};
use crate::store::model::Event;
use crate::text::sanitize;
use crate::timeline::Timeline;

/// Writes every event (matching `query`, when given) as `DATE  TITLE`, in date order, or as JSON.
///
/// # Errors
/// A malformed query (with a caret under the bad atom), or a failed write.
pub fn run(
    timeline: &Timeline,
    query: Option<&str>,
    json: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let text = query.unwrap_or_default();
    let parsed = Query::parse_in(text, timeline).map_err(|source| Error::Query {
        query: text.to_string(),
        source,
    })?;
    let mut matcher = Matcher::new(timeline, &parsed);
    let events = timeline
        .events()
        .filter(move |&(ix, _)| matcher.event_matches(ix))
        .map(|(_, event)| event);
    let count = if json {
        let events: Vec<JsonEvent> = events.map(JsonEvent::new).collect();
        let count = events.len();
        json::write(&JsonOutput { query, events }, out)?;
        count
    } else {
        let mut count = 0;
        for event in events {
            let date = event.date.to_string();
            writeln!(out, "{date:<11} {}", sanitize(&event.title))?;
            count += 1;
        }
        count
    };
    if count == 0 && query.is_some() {
        writeln!(err, "no events match `{}`", sanitize(text))?;
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct JsonOutput<'a> {
    query: Option<&'a str>,
    events: Vec<JsonEvent<'a>>,
}

#[derive(Serialize)]
struct JsonEvent<'a> {
    id: &'a str,
    date: String,
    end: Option<String>,
    kind: &'static str,
    title: &'a str,
}

impl<'a> JsonEvent<'a> {
    fn new(event: &'a Event) -> Self {
        JsonEvent {
            id: &event.id,
            date: event.date.to_string(),
            end: event.end.map(|d| d.to_string()),
            kind: event.kind.as_str(),
            title: &event.title,
        }
    }
}
