//! `ali-timeline person PERSON [--json]`: a person's career, every role in order with the events
//! that started and ended it. The person may be given by id, name, Chinese name, alias or part of
//! one ([`Timeline::resolve_person`]).
//!
//! `--json` writes `{"id", "name", "name_zh", "roles": [...]}` (`assets/person.schema.json`).
//! Every string from the store is sanitised in text (and escaped in JSON).

use std::io::Write;

use serde::Serialize;

use super::columns::{padded, widest};
use super::json;
use crate::error::Error;
use crate::org::{self, CareerEntry};
use crate::text::sanitize;
use crate::timeline::Timeline;

/// The narrowest the span column is, so that most careers line up with each other too.
pub(super) const SPAN_COLUMN: usize = 28;

/// Prints the career of the person `given` names.
///
/// # Errors
/// A name that matches no one or several people, or a failed write.
pub fn run(
    timeline: &Timeline,
    given: &str,
    json: bool,
    out: &mut impl Write,
) -> Result<(), Error> {
    let id = timeline.resolve_person(given)?;
    let career = org::career(timeline, &id);
    if json {
        let person = timeline.person(&id);
        let output = JsonPerson {
            id: &id,
            name: person.map_or(id.as_str(), |p| p.name.as_str()),
            name_zh: person.and_then(|p| p.name_zh.as_deref()),
            roles: career.iter().map(|e| JsonRole::new(timeline, e)).collect(),
        };
        return json::write(&output, out);
    }
    writeln!(
        out,
        "{} [{}]",
        sanitize(&timeline.person_label(&id)),
        sanitize(&id)
    )?;
    if career.is_empty() {
        writeln!(out, "No roles on record.")?;
    }
    let spans: Vec<String> = career.iter().map(CareerEntry::span).collect();
    let column = widest(spans.iter().map(String::as_str), SPAN_COLUMN);
    for (entry, span) in career.iter().zip(&spans) {
        writeln!(
            out,
            "  {} {} at {} [{}]",
            padded(span, column),
            sanitize(&entry.role),
            sanitize(&timeline.unit_label(&entry.unit)),
            sanitize(&entry.unit)
        )?;
        write_causes(timeline, entry, out)?;
    }
    Ok(())
}

/// The events that started and ended a role, one line each.
fn write_causes(
    timeline: &Timeline,
    entry: &CareerEntry,
    out: &mut impl Write,
) -> Result<(), Error> {
    let started = match &entry.continues {
        Some(old) => format!("continued from {} (renamed)", timeline.unit_label(old)),
        None => "started".to_string(),
    };
    writeln!(
        out,
        "      {}: {}",
        sanitize(&started),
        event_words(timeline, &entry.start_event)
    )?;
    if let Some(end) = &entry.end_event {
        let what = if entry.last_recorded {
            "last recorded"
        } else {
            "ended"
        };
        writeln!(out, "      {what}: {}", event_words(timeline, end))?;
    }
    Ok(())
}

/// `2015-07-15 Alibaba founds Ali Music Group [ali-music-founded]`, sanitised.
pub(super) fn event_words(timeline: &Timeline, id: &str) -> String {
    let text = match timeline.event(id) {
        Some(e) => format!("{} {} [{id}]", e.date, e.title),
        None => format!("[{id}]"),
    };
    sanitize(&text)
}

#[derive(Serialize)]
struct JsonPerson<'a> {
    id: &'a str,
    name: &'a str,
    name_zh: Option<&'a str>,
    roles: Vec<JsonRole<'a>>,
}

/// One role, in a career or among a unit's leaders.
#[derive(Serialize)]
pub(super) struct JsonRole<'a> {
    role: &'a str,
    person: &'a str,
    person_label: String,
    unit: &'a str,
    unit_label: String,
    start: String,
    end: Option<String>,
    last_recorded: bool,
    approximate: bool,
    continues_from: Option<&'a str>,
    start_event: &'a str,
    end_event: Option<&'a str>,
}

impl<'a> JsonRole<'a> {
    pub(super) fn new(timeline: &Timeline, entry: &'a CareerEntry) -> Self {
        JsonRole {
            role: &entry.role,
            person: &entry.person,
            person_label: timeline.person_label(&entry.person),
            unit: &entry.unit,
            unit_label: timeline.unit_label(&entry.unit),
            start: entry.start.to_string(),
            end: entry.end.map(|d| d.to_string()),
            last_recorded: entry.last_recorded,
            approximate: entry.approximate,
            continues_from: entry.continues.as_deref(),
            start_event: &entry.start_event,
            end_event: entry.end_event.as_deref(),
        }
    }
}
