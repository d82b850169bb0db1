//! The data model of the event store: people, units, sources and the events that change them.
//!
//! A store is written in RON (see `timeline.ron` for the bundled one):
//!
//! ```ron
//! Store(
//!     people: [Person(id: "gao-xiaosong", name: "Gao Xiaosong", name_zh: "高晓松", aliases: ["gao xiaosong"])],
//!     units: [Unit(id: "ali-music-group", name: "Ali Music Group", kind: business_group)],
//!     sources: [Source(id: "seed-001", seed: "001")],
//!     events: [Event(
//!         id: "ali-music-group-founded",
//!         date: "2015-07-15",
//!         title: "Alibaba founds Ali Music Group",
//!         summary: "…",
//!         kind: founding,
//!         people: ["gao-xiaosong"],
//!         units: ["ali-music-group"],
//!         sources: ["seed-001"],
//!         effects: [StartRole(person: "gao-xiaosong", unit: "ali-music-group", role: "chairman")],
//!     )],
//!     eras: [Era(id: "gao-and-song", title: "Ali Music under Gao Xiaosong and Song Ke",
//!                start_event: "ali-music-group-founded", end_event: "ali-music-group-founded")],
//! )
//! ```
//!
//! Optional fields may be left out; `Some(…)` is not needed around optional values.

use serde::{Deserialize, Serialize};

use super::date::PartialDate;

mod effect_refs;
mod era;

pub use era::Era;

/// The whole store: everything one `timeline.ron` holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Store {
    /// Everyone who appears in an event.
    #[serde(default)]
    pub people: Vec<Person>,
    /// Companies, groups, divisions, platforms and outside organisations.
    #[serde(default)]
    pub units: Vec<Unit>,
    /// Where the facts come from.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// What happened, in any order (the loader sorts them by date).
    #[serde(default)]
    pub events: Vec<Event>,
    /// Named spans, each bounded by two of the events (stores written before eras have none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eras: Vec<Era>,
}

/// A person who led, joined or left a unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Stable identifier, referenced by events (`gao-xiaosong`).
    pub id: String,
    /// Name in English order (`Gao Xiaosong`).
    pub name: String,
    /// Name in Chinese characters (`高晓松`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// Other spellings: pinyin without tones, English names, nicknames.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Free text: who they are, and which sources say so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What sort of organisation a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// A whole group of companies (Alibaba Group).
    Group,
    /// A business group inside a group (DME, Ali Music Group).
    BusinessGroup,
    /// A company, listed or not.
    Company,
    /// A division or department.
    Division,
    /// A product or platform (Xiami, TTPod, Taopiaopiao).
    Platform,
    /// An organisation outside Alibaba: competitors, partners, record labels.
    External,
}

impl UnitKind {
    /// The name written in the store (`business_group`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Group => "group",
            UnitKind::BusinessGroup => "business_group",
            UnitKind::Company => "company",
            UnitKind::Division => "division",
            UnitKind::Platform => "platform",
            UnitKind::External => "external",
        }
    }
}

/// A company, group, division, platform or outside organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Stable identifier (`ali-music-group`).
    pub id: String,
    /// English name (`Ali Music Group`).
    pub name: String,
    /// Chinese name (`阿里音乐`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// Other names and spellings, including pinyin.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// What sort of organisation it is.
    pub kind: UnitKind,
    /// When the unit existed from, for a unit no event founds (`"1999"`); needs `since_sources`.
    /// A unit with neither a founding event nor `since` starts at the first event that names it
    /// ("first recorded").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
    /// Ids of the sources that give `since`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub since_sources: Vec<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Where a fact comes from: a seed article, or a public source named in full.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable identifier, referenced by events (`seed-001`, `reuters-2016-12-28`).
    pub id: String,
    /// A seed article by number (`"001"` for `seeds/001_….txt`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<String>,
    /// What the source is, for a reader who cannot open it: kind of publication, language and
    /// topic (`"Chinese tech column, machine-translated into English, on …"`). Used for seeds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// Headline or title of the public source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Who published it (`Reuters`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// When it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Where to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Source {
    /// A one-line citation: `Reuters, "Title" (2016-12-28)`; for a seed article, what it is:
    /// `Chinese tech column … on …, "Headline" (~2015-07; seed article 001)`, or `seed article 001`
    /// when the store says nothing more about it.
    #[must_use]
    pub fn citation(&self) -> String {
        if let (Some(seed), Some(about)) = (&self.seed, &self.about) {
            let mut out = about.clone();
            if let Some(title) = &self.title {
                out.push_str(&format!(", \"{title}\""));
            }
            let date = self.date.map_or_else(String::new, |d| format!("{d}; "));
            out.push_str(&format!(" ({date}seed article {seed})"));
            return out;
        }
        let mut out = match (&self.publisher, &self.title) {
            (Some(p), Some(t)) => format!("{p}, \"{t}\""),
            (None, Some(t)) => format!("\"{t}\""),
            (Some(p), None) => p.clone(),
            (None, None) => self
                .seed
                .as_ref()
                .map_or_else(|| self.id.clone(), |s| format!("seed article {s}")),
        };
        if let Some(date) = &self.date {
            out.push_str(&format!(" ({date})"));
        }
        out
    }
}

/// What sort of event this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A company or stake is bought.
    Acquisition,
    /// Units are combined.
    Merger,
    /// A unit is created.
    Founding,
    /// Someone takes a role.
    Appointment,
    /// Someone leaves a role.
    Departure,
    /// Units are reorganised.
    Restructure,
    /// A direction is announced.
    Strategy,
    /// Results, pledges, investments.
    Financial,
    /// A partnership, licence or purchase of rights.
    Deal,
    /// A lawsuit, detention or investigation.
    Legal,
    /// A product launch, film release or other public milestone.
    Launch,
}

impl EventKind {
    /// Every kind, in a fixed order (for legends and help).
    pub const ALL: [EventKind; 11] = [
        EventKind::Acquisition,
        EventKind::Merger,
        EventKind::Founding,
        EventKind::Appointment,
        EventKind::Departure,
        EventKind::Restructure,
        EventKind::Strategy,
        EventKind::Financial,
        EventKind::Deal,
        EventKind::Legal,
        EventKind::Launch,
    ];

    /// The name written in the store (`appointment`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Acquisition => "acquisition",
            EventKind::Merger => "merger",
            EventKind::Founding => "founding",
            EventKind::Appointment => "appointment",
            EventKind::Departure => "departure",
            EventKind::Restructure => "restructure",
            EventKind::Strategy => "strategy",
            EventKind::Financial => "financial",
            EventKind::Deal => "deal",
            EventKind::Legal => "legal",
            EventKind::Launch => "launch",
        }
    }
}

/// Something that happened, with the sources that say so and the changes it made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Stable identifier (`ali-music-group-founded`).
    pub id: String,
    /// When it happened, as precisely as the sources allow.
    pub date: PartialDate,
    /// When it ended, for events that span time (a lawsuit, a tenure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// One-line headline.
    pub title: String,
    /// A few sentences: what happened, with figures as the sources give them.
    pub summary: String,
    /// What sort of event it is.
    pub kind: EventKind,
    /// Ids of the people involved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    /// Ids of the units involved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<String>,
    /// Free-form labels (`music`, `film`, `ticketing`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Ids of the sources that support it (at least one).
    pub sources: Vec<String>,
    /// The organisational changes it makes, replayed to build the org chart.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub effects: Vec<Effect>,
    /// How the date was established when it is approximate or sources conflict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One organisational change made by an event, applied on the event's date.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Effect {
    /// `person` starts holding `role` at `unit`.
    StartRole {
        /// Who.
        person: String,
        /// Where.
        unit: String,
        /// Title, lowercase (`chairman`, `ceo`, `president`).
        role: String,
    },
    /// `person` stops holding `role` at `unit` (they must hold it).
    EndRole {
        /// Who.
        person: String,
        /// Where.
        unit: String,
        /// Title, as it was started.
        role: String,
    },
    /// `unit` comes into existence, under `parent` when given.
    Found {
        /// The new unit.
        unit: String,
        /// Where it sits, if inside another unit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        parent: Option<String>,
        /// Ids of the people who founded it (a fact about the founding, not a post they hold).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        founders: Vec<String>,
    },
    /// `unit` is placed under `parent` (a reorganisation).
    Place {
        /// The unit that moves.
        unit: String,
        /// Its new parent.
        parent: String,
    },
    /// `unit` is acquired by `by` and placed under it.
    Acquire {
        /// The unit bought.
        unit: String,
        /// The buyer.
        by: String,
    },
    /// `unit` is merged into `into` and ceases to exist; its sub-units move to `into` and roles at
    /// it end.
    Merge {
        /// The unit absorbed.
        unit: String,
        /// The unit it joins.
        into: String,
    },
    /// `unit` continues under a new identity `to` (a unit not founded before); roles and sub-units
    /// carry over.
    Rename {
        /// The old identity.
        unit: String,
        /// The new identity.
        to: String,
    },
    /// `unit` ceases to exist; roles at it end.
    Dissolve {
        /// The unit closed.
        unit: String,
    },
    /// This event is the last record of `person` holding `role` at `unit`, and no source says when
    /// the role ended: the role is shown up to and including this date as "last recorded DATE",
    /// never as held "now".
    LastRecorded {
        /// Who.
        person: String,
        /// Where.
        unit: String,
        /// Title, as it was started.
        role: String,
    },
}

impl Effect {
    /// The variant name as written in the store (`StartRole`).
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Effect::StartRole { .. } => "StartRole",
            Effect::EndRole { .. } => "EndRole",
            Effect::Found { .. } => "Found",
            Effect::Place { .. } => "Place",
            Effect::Acquire { .. } => "Acquire",
            Effect::Merge { .. } => "Merge",
            Effect::Rename { .. } => "Rename",
            Effect::Dissolve { .. } => "Dissolve",
            Effect::LastRecorded { .. } => "LastRecorded",
        }
    }
}
