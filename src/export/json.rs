//! JSON: a `meta` block that says how to reproduce the export, then the events with their people,
//! units and sources resolved. The schema is `assets/export.schema.json`, described in
//! the README (section "Exports").
//!
//! Text is kept exactly; control, bidi and zero-width characters are written as `\uXXXX` escapes
//! so the file is safe to print. Optional values are `null`, never missing, so every key is
//! always there.

use std::io::{self, Write};

use serde::Serialize;

use super::escape::json_ascii_safe;
use super::{Selection, span};
use crate::store::model::{Effect, Event, Person, Source, Unit};

/// The version of the JSON layout; raised when a field changes meaning or disappears.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole export.
#[derive(Debug, Serialize)]
pub struct Export<'a> {
    /// How the export was made.
    pub meta: Meta<'a>,
    /// The selected events, in date order.
    pub events: Vec<EventOut<'a>>,
    /// The store's eras that overlap the selected events, at their own dates (not cut), in
    /// store order.
    pub eras: Vec<EraOut<'a>>,
}

/// An era: a named span bounded by two events.
#[derive(Debug, Serialize)]
pub struct EraOut<'a> {
    /// Stable id (what `era:` takes in a query).
    pub id: &'a str,
    /// What it is called.
    pub title: &'a str,
    /// A short editorial description.
    pub note: Option<&'a str>,
    /// Id of the event it starts with.
    pub start_event: &'a str,
    /// Id of the event it ends with.
    pub end_event: &'a str,
    /// The start event's date as written (`2015-07-15`).
    pub start: String,
    /// The end event's date as written.
    pub end: String,
    /// First day covered, `YYYY-MM-DD`.
    pub first_day: String,
    /// Last day covered (inclusive), `YYYY-MM-DD`.
    pub last_day: String,
}

/// How the export was made: enough to make it again.
#[derive(Debug, Serialize)]
pub struct Meta<'a> {
    /// Always `ali-timeline`.
    pub tool: &'static str,
    /// The version of ali-timeline that wrote it.
    pub tool_version: &'static str,
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The query that chose the events (`null`: every event).
    pub query: Option<&'a str>,
    /// SHA-256 of the store's text, in hex.
    pub store_hash: &'a str,
    /// How many events follow.
    pub event_count: usize,
}

/// One event, with everything it refers to resolved.
#[derive(Debug, Serialize)]
pub struct EventOut<'a> {
    /// Stable id.
    pub id: &'a str,
    /// The date as written in the store (`2015-07`, `~2012`).
    pub date: String,
    /// The end date as written, if the event spans time.
    pub end: Option<String>,
    /// `day`, `month` or `year`.
    pub precision: &'static str,
    /// Whether the date is inferred rather than stated by a source.
    pub approximate: bool,
    /// First day covered, `YYYY-MM-DD`.
    pub first_day: String,
    /// Last day covered (inclusive, through `end` when given), `YYYY-MM-DD`.
    pub last_day: String,
    /// What sort of event (`appointment`).
    pub kind: &'static str,
    /// Headline.
    pub title: &'a str,
    /// A few sentences.
    pub summary: &'a str,
    /// Free-form labels.
    pub tags: &'a [String],
    /// The people involved.
    pub people: Vec<PersonOut<'a>>,
    /// The units involved.
    pub units: Vec<UnitOut<'a>>,
    /// The sources that support it.
    pub sources: Vec<SourceOut<'a>>,
    /// The organisational changes it makes.
    pub effects: Vec<EffectOut<'a>>,
    /// How the date was established, if noted.
    pub note: Option<&'a str>,
}

/// A person as an event refers to them.
#[derive(Debug, Serialize)]
pub struct PersonOut<'a> {
    /// Stable id.
    pub id: &'a str,
    /// Name in English order.
    pub name: &'a str,
    /// Name in Chinese characters.
    pub name_zh: Option<&'a str>,
}

/// A unit as an event refers to it.
#[derive(Debug, Serialize)]
pub struct UnitOut<'a> {
    /// Stable id.
    pub id: &'a str,
    /// English name.
    pub name: &'a str,
    /// Chinese name.
    pub name_zh: Option<&'a str>,
    /// `group`, `business_group`, `company`, `division`, `platform` or `external`.
    pub kind: &'static str,
}

/// A source.
#[derive(Debug, Serialize)]
pub struct SourceOut<'a> {
    /// Stable id.
    pub id: &'a str,
    /// One-line citation.
    pub citation: String,
    /// Headline or title.
    pub title: Option<&'a str>,
    /// Who published it.
    pub publisher: Option<&'a str>,
    /// When it was published.
    pub date: Option<String>,
    /// Where to read it (as written; not checked).
    pub url: Option<&'a str>,
    /// The seed article number.
    pub seed: Option<&'a str>,
    /// What the source is (kind of publication, language, topic), when the store says.
    pub about: Option<&'a str>,
}

/// One effect, with the store's field names: `type` is the variant (`StartRole`); the other keys
/// are present exactly when the variant has them.
#[derive(Debug, Default, Serialize)]
pub struct EffectOut<'a> {
    /// `StartRole`, `EndRole`, `LastRecorded`, `Found`, `Place`, `Acquire`, `Merge`, `Rename` or
    /// `Dissolve`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The unit changed.
    pub unit: &'a str,
    /// Person id (StartRole, EndRole, LastRecorded).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<&'a str>,
    /// Title (StartRole, EndRole, LastRecorded).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'a str>,
    /// New parent (Found, when given; Place).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<&'a str>,
    /// Buyer (Acquire).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<&'a str>,
    /// The unit merged into (Merge).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub into: Option<&'a str>,
    /// The new identity (Rename).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<&'a str>,
    /// Person ids of the founders (Found, when given).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub founders: Vec<&'a str>,
}

/// Builds the export document.
#[must_use]
pub fn document<'a>(sel: &'a Selection) -> Export<'a> {
    Export {
        meta: Meta {
            tool: "ali-timeline",
            tool_version: env!("CARGO_PKG_VERSION"),
            schema_version: SCHEMA_VERSION,
            query: sel.query.as_deref(),
            store_hash: sel.timeline.hash(),
            event_count: sel.len(),
        },
        events: sel.events().map(|e| event(sel, e)).collect(),
        eras: sel
            .eras()
            .into_iter()
            .map(|shown| {
                let (era, (first, last)) = (shown.span, shown.span.days());
                EraOut {
                    id: &era.era.id,
                    title: &era.era.title,
                    note: era.era.note.as_deref(),
                    start_event: &era.era.start_event,
                    end_event: &era.era.end_event,
                    start: era.start.to_string(),
                    end: era.end.to_string(),
                    first_day: first.to_string(),
                    last_day: last.to_string(),
                }
            })
            .collect(),
    }
}

/// Writes the selection as pretty-printed JSON.
///
/// # Errors
/// A failed write.
pub fn write<W: Write>(sel: &Selection, out: &mut W) -> io::Result<()> {
    let text = serde_json::to_string_pretty(&document(sel)).map_err(io::Error::other)?;
    out.write_all(json_ascii_safe(text).as_bytes())?;
    out.write_all(b"\n")
}

fn event<'a>(sel: &Selection<'a>, e: &'a Event) -> EventOut<'a> {
    let (first, last) = span(e);
    let t = sel.timeline;
    EventOut {
        id: &e.id,
        date: e.date.to_string(),
        end: e.end.map(|d| d.to_string()),
        precision: e.date.precision().as_str(),
        approximate: e.date.is_approximate(),
        first_day: first.to_string(),
        last_day: last.to_string(),
        kind: e.kind.as_str(),
        title: &e.title,
        summary: &e.summary,
        tags: &e.tags,
        people: e
            .people
            .iter()
            .filter_map(|id| t.person(id))
            .map(person)
            .collect(),
        units: e
            .units
            .iter()
            .filter_map(|id| t.unit(id))
            .map(unit)
            .collect(),
        sources: sel.sources(e).into_iter().map(source).collect(),
        effects: e.effects.iter().map(effect).collect(),
        note: e.note.as_deref(),
    }
}

fn person(p: &Person) -> PersonOut<'_> {
    PersonOut {
        id: &p.id,
        name: &p.name,
        name_zh: p.name_zh.as_deref(),
    }
}

fn unit(u: &Unit) -> UnitOut<'_> {
    UnitOut {
        id: &u.id,
        name: &u.name,
        name_zh: u.name_zh.as_deref(),
        kind: u.kind.as_str(),
    }
}

fn source(s: &Source) -> SourceOut<'_> {
    SourceOut {
        id: &s.id,
        citation: s.citation(),
        title: s.title.as_deref(),
        publisher: s.publisher.as_deref(),
        date: s.date.map(|d| d.to_string()),
        url: s.url.as_deref(),
        seed: s.seed.as_deref(),
        about: s.about.as_deref(),
    }
}

fn effect(e: &Effect) -> EffectOut<'_> {
    let name = e.name();
    let base = |unit| EffectOut {
        kind: name,
        unit,
        ..EffectOut::default()
    };
    match e {
        Effect::StartRole { person, unit, role }
        | Effect::EndRole { person, unit, role }
        | Effect::LastRecorded { person, unit, role } => EffectOut {
            person: Some(person),
            role: Some(role),
            ..base(unit)
        },
        Effect::Found {
            unit,
            parent,
            founders,
        } => EffectOut {
            parent: parent.as_deref(),
            founders: founders.iter().map(String::as_str).collect(),
            ..base(unit)
        },
        Effect::Place { unit, parent } => EffectOut {
            parent: Some(parent),
            ..base(unit)
        },
        Effect::Acquire { unit, by } => EffectOut {
            by: Some(by),
            ..base(unit)
        },
        Effect::Merge { unit, into } => EffectOut {
            into: Some(into),
            ..base(unit)
        },
        Effect::Rename { unit, to } => EffectOut {
            to: Some(to),
            ..base(unit)
        },
        Effect::Dissolve { unit } => base(unit),
    }
}
