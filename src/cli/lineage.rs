//! `ali-timeline unit UNIT [--json]`: a unit's lineage — founding, parents, renames, mergers —
//! and its leaders. The unit may be given by id, name, Chinese name, alias or part of one
//! ([`Timeline::resolve_unit`]).
//!
//! `--json` writes `{"id", "name", "name_zh", "kind", "founded", "renamed_from", …, "parents",
//! "leaders"}` (`assets/unit.schema.json`). Every string from the store is sanitised in text (and
//! escaped in JSON).

use std::io::Write;

use serde::Serialize;

use super::columns::{padded, widest};
use super::json;
use super::person::{JsonRole, SPAN_COLUMN, event_words};
use crate::error::Error;
use crate::org::{self, Lineage, Moment, ParentSpan, UnitLink};
use crate::text::sanitize;
use crate::timeline::Timeline;

/// The narrowest the "since" column of the parents is.
const SINCE_COLUMN: usize = 20;

/// Prints the lineage of the unit `given` names.
///
/// # Errors
/// A name that matches no unit or several, or a failed write.
pub fn run(
    timeline: &Timeline,
    given: &str,
    json: bool,
    out: &mut impl Write,
) -> Result<(), Error> {
    let id = timeline.resolve_unit(given)?;
    let lineage = org::lineage(timeline, &id)
        .ok_or_else(|| Error::Usage(format!("unit `{}` has no lineage", sanitize(&id))))?;
    let unit = timeline.unit(&id);
    let kind = unit.map_or("", |u| u.kind.as_str());
    if json {
        let output = JsonUnit {
            id: &id,
            name: unit.map_or(id.as_str(), |u| u.name.as_str()),
            name_zh: unit.and_then(|u| u.name_zh.as_deref()),
            kind,
            founded: lineage.founded.as_ref().map(JsonMoment::new),
            renamed_from: lineage.renamed_from.as_ref().map(JsonLink::new),
            renamed_to: lineage.renamed_to.as_ref().map(JsonLink::new),
            merged_into: lineage.merged_into.as_ref().map(JsonLink::new),
            absorbed: lineage.absorbed.iter().map(JsonLink::new).collect(),
            dissolved: lineage.dissolved.as_ref().map(JsonMoment::new),
            parents: lineage.parents.iter().map(JsonParent::new).collect(),
            leaders: lineage
                .leaders
                .iter()
                .map(|e| JsonRole::new(timeline, e))
                .collect(),
        };
        return json::write(&output, out);
    }
    writeln!(
        out,
        "{} [{}], {}",
        sanitize(&timeline.unit_label(&id)),
        sanitize(&id),
        kind.replace('_', " ")
    )?;
    write_origin(timeline, &lineage, out)?;
    write_parents(timeline, &lineage.parents, out)?;
    for link in &lineage.absorbed {
        writeln!(out, "Absorbed {}", link_words(timeline, link))?;
    }
    let endings = [
        ("Renamed to", &lineage.renamed_to),
        ("Merged into", &lineage.merged_into),
    ];
    for (what, link) in endings {
        if let Some(link) = link {
            writeln!(out, "{what} {}", link_words(timeline, link))?;
        }
    }
    if let Some(m) = &lineage.dissolved {
        writeln!(out, "Dissolved: {}", event_words(timeline, &m.event))?;
    }
    write_leaders(timeline, &lineage, out)
}

fn write_origin(timeline: &Timeline, lineage: &Lineage, out: &mut impl Write) -> Result<(), Error> {
    match (&lineage.founded, &lineage.renamed_from) {
        (Some(m), _) => {
            writeln!(out, "Founded: {}", event_words(timeline, &m.event))?;
            let founders = org::lineage::founders(timeline, &lineage.unit, &m.event);
            if !founders.is_empty() {
                let names: Vec<String> =
                    founders.iter().map(|p| timeline.person_label(p)).collect();
                writeln!(out, "Founded by: {}", sanitize(&names.join(", ")))?;
            }
        }
        (None, Some(link)) => writeln!(out, "Renamed from {}", link_words(timeline, link))?,
        (None, None) => write_start(timeline, lineage, out)?,
    }
    Ok(())
}

/// The start of a unit no event founds: its sourced `since` date, or its first record.
fn write_start(timeline: &Timeline, lineage: &Lineage, out: &mut impl Write) -> Result<(), Error> {
    let unit = timeline.unit(&lineage.unit);
    let life = timeline.unit_life(&lineage.unit);
    match (unit.and_then(|u| u.since), life.and_then(|l| l.start)) {
        (Some(since), _) => {
            let cited: Vec<String> = unit
                .into_iter()
                .flat_map(|u| &u.since_sources)
                .map(|id| {
                    timeline
                        .source(id)
                        .map_or_else(|| id.clone(), crate::store::model::Source::citation)
                })
                .collect();
            writeln!(
                out,
                "Since: {since} (no founding event; {})",
                sanitize(&cited.join("; "))
            )?;
        }
        (None, Some(start)) => writeln!(
            out,
            "First recorded: {start} (no founding event or `since` date)"
        )?,
        (None, None) => writeln!(out, "No start on record")?,
    }
    Ok(())
}

/// `Music Division (音乐事业部) [music-division]: 2015-03-16 … [ali-music-formed]`, sanitised.
fn link_words(timeline: &Timeline, link: &UnitLink) -> String {
    format!(
        "{} [{}]: {}",
        sanitize(&timeline.unit_label(&link.unit)),
        sanitize(&link.unit),
        event_words(timeline, &link.event)
    )
}

fn write_parents(
    timeline: &Timeline,
    parents: &[ParentSpan],
    out: &mut impl Write,
) -> Result<(), Error> {
    writeln!(out, "Parents:")?;
    let since: Vec<String> = parents.iter().map(since_words).collect();
    let column = widest(since.iter().map(String::as_str), SINCE_COLUMN);
    for (span, since) in parents.iter().zip(&since) {
        let parent = span.parent.as_ref().map_or_else(
            || "(top level)".to_string(),
            |p| format!("{} [{p}]", timeline.unit_label(p)),
        );
        let event = span
            .event
            .as_ref()
            .map_or_else(String::new, |e| format!(" [{e}]"));
        writeln!(
            out,
            "  {} {} ({}){}",
            padded(since, column),
            sanitize(&parent),
            span.cause.as_str(),
            sanitize(&event)
        )?;
    }
    Ok(())
}

/// `2015-03-16`, `2006 (approx.)`, or `start`.
fn since_words(span: &ParentSpan) -> String {
    span.since.map_or_else(
        || "start".to_string(),
        |d| {
            let approx = if d.is_vague() { " (approx.)" } else { "" };
            format!("{d}{approx}")
        },
    )
}

fn write_leaders(
    timeline: &Timeline,
    lineage: &Lineage,
    out: &mut impl Write,
) -> Result<(), Error> {
    writeln!(out, "Leaders:")?;
    if lineage.leaders.is_empty() {
        writeln!(out, "  none on record")?;
    }
    let spans: Vec<String> = lineage.leaders.iter().map(|e| e.span()).collect();
    let column = widest(spans.iter().map(String::as_str), SPAN_COLUMN);
    for (entry, span) in lineage.leaders.iter().zip(&spans) {
        let carried = entry
            .continues
            .as_ref()
            .map_or_else(String::new, |old| format!(" (carried over from {old})"));
        writeln!(
            out,
            "  {} {}: {}{}",
            padded(span, column),
            sanitize(&entry.role),
            sanitize(&timeline.person_label(&entry.person)),
            sanitize(&carried)
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonUnit<'a> {
    id: &'a str,
    name: &'a str,
    name_zh: Option<&'a str>,
    kind: &'a str,
    founded: Option<JsonMoment<'a>>,
    renamed_from: Option<JsonLink<'a>>,
    renamed_to: Option<JsonLink<'a>>,
    merged_into: Option<JsonLink<'a>>,
    absorbed: Vec<JsonLink<'a>>,
    dissolved: Option<JsonMoment<'a>>,
    parents: Vec<JsonParent<'a>>,
    leaders: Vec<JsonRole<'a>>,
}

#[derive(Serialize)]
struct JsonMoment<'a> {
    date: String,
    event: &'a str,
}

impl<'a> JsonMoment<'a> {
    fn new(moment: &'a Moment) -> Self {
        JsonMoment {
            date: moment.date.to_string(),
            event: &moment.event,
        }
    }
}

#[derive(Serialize)]
struct JsonLink<'a> {
    unit: &'a str,
    date: String,
    event: &'a str,
}

impl<'a> JsonLink<'a> {
    fn new(link: &'a UnitLink) -> Self {
        JsonLink {
            unit: &link.unit,
            date: link.date.to_string(),
            event: &link.event,
        }
    }
}

#[derive(Serialize)]
struct JsonParent<'a> {
    parent: Option<&'a str>,
    since: Option<String>,
    event: Option<&'a str>,
    cause: &'static str,
}

impl<'a> JsonParent<'a> {
    fn new(span: &'a ParentSpan) -> Self {
        JsonParent {
            parent: span.parent.as_deref(),
            since: span.since.map(|d| d.to_string()),
            event: span.event.as_deref(),
            cause: span.cause.as_str(),
        }
    }
}
