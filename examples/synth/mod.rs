//! The synthetic store generator, shared by `examples/synth.rs` and the benches.
//!
//! [`generate`] builds a [`Store`] the validator accepts: realistic headline and summary lengths,
//! Chinese names with pinyin aliases, partial and approximate dates (each approximate one with a
//! note), tags, sources, and effects simulated in date order so they replay cleanly. The same
//! [`Config`] always gives the same store, byte for byte.

mod names;
mod rng;
mod text;
mod world;
mod write;

use ali_timeline::store::date::{PartialDate, Precision};
use ali_timeline::store::model::{Event, Store, UnitKind};
use chrono::{Datelike, Days, NaiveDate};

use rng::Rng;
use text::Facts;
use world::{Origin, World};

/// The size and seed of a synthetic store.
pub struct Config {
    /// Number of events.
    pub events: usize,
    /// Number of people.
    pub people: usize,
    /// Number of units.
    pub units: usize,
    /// Seed of the random generator.
    pub seed: u64,
}

impl Config {
    /// `events` events with the usual proportions: one person per 5 events, one unit per 20.
    pub fn sized(events: usize, seed: u64) -> Self {
        Config {
            events,
            people: (events / 5).max(10),
            units: (events / 20).max(10),
            seed,
        }
    }
}

const TAGS: [&str; 10] = [
    "strategy",
    "leadership",
    "m-and-a",
    "regulation",
    "funding",
    "copyright",
    "streaming",
    "ipo",
    "layoffs",
    "partnership",
];

/// The first day events may fall on, and how many days the record spans (1995–2024).
const FIRST_DAY: (i32, u32, u32) = (1995, 1, 1);
const SPAN_DAYS: usize = 10_957;

/// Builds the store described by `config`.
pub fn generate(config: &Config) -> Store {
    let mut rng = Rng::new(config.seed);
    let people: Vec<_> = (0..config.people.max(1))
        .map(|i| names::person(&mut rng, i))
        .collect();
    let groups = (config.units / 100).max(1);
    let mut origins = Vec::new();
    let units: Vec<_> = (0..config.units.max(1))
        .map(|i| {
            let (kind, origin) = unit_plan(&mut rng, i < groups);
            origins.push(origin);
            names::unit(&mut rng, i, kind)
        })
        .collect();
    let sources: Vec<_> = (0..(config.events / 4).max(1))
        .map(|i| names::source(&mut rng, i))
        .collect();
    let dates = dates(&mut rng, config.events);
    let mut world = World::new(&people, &units, &origins, &mut rng);
    let mut events = Vec::with_capacity(config.events);
    for (i, date) in dates.into_iter().enumerate() {
        let plan = world.plan(&mut rng, config.events - i);
        let person = |k: usize| plan.people.get(k).map(|&p| &people[p]);
        let unit_name = |k: usize| plan.units.get(k).map(|&u| units[u].name.clone());
        let (sector, _, _, sector_tag) = unit_name(0)
            .and_then(|name| names::SECTORS.iter().find(|s| name.contains(s.0)))
            .copied()
            .unwrap_or_else(|| *rng.pick(&names::SECTORS));
        let facts = Facts {
            person: person(0).map(|p| p.name.clone()),
            person_full: person(0).map(|p| match &p.name_zh {
                Some(zh) => format!("{} ({zh})", p.name),
                None => p.name.clone(),
            }),
            other: person(1).map(|p| p.name.clone()),
            unit: unit_name(0),
            other_unit: unit_name(1),
            role: plan.role.map(|r| world::role_name(r).to_string()),
            sector: sector.to_lowercase(),
            year: date.year(),
        };
        let title = text::title(&mut rng, plan.topic, &facts);
        let summary = text::summary(&mut rng, &title, &facts);
        let mut tags = vec![sector_tag.to_string()];
        for _ in 0..rng.below(3) {
            let tag = rng.pick(&TAGS).to_string();
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let mut event_sources = vec![sources[rng.below(sources.len())].id.clone()];
        if rng.chance(0.3) {
            let extra = sources[rng.below(sources.len())].id.clone();
            if !event_sources.contains(&extra) {
                event_sources.push(extra);
            }
        }
        let mut involved = plan.people.clone();
        if rng.chance(0.25) {
            involved.push(rng.below(people.len()));
        }
        let mut event_people: Vec<String> = Vec::new();
        for p in involved {
            if !event_people.contains(&people[p].id) {
                event_people.push(people[p].id.clone());
            }
        }
        let mut event_units: Vec<String> = Vec::new();
        for &u in &plan.units {
            if !event_units.contains(&units[u].id) {
                event_units.push(units[u].id.clone());
            }
        }
        let subject = plan
            .units
            .first()
            .map(|&u| &units[u].name)
            .or(person(0).map(|p| &p.name));
        let end = (plan.kind == ali_timeline::store::model::EventKind::Legal && rng.chance(0.4))
            .then(|| {
                date.end()
                    .checked_add_days(Days::new(rng.range(30, 700) as u64))
            })
            .flatten()
            .map(PartialDate::from_naive);
        let note = if date.is_approximate() {
            Some(format!(
                "Date inferred from later coverage ({}); the announcement itself is undated.",
                event_sources[0]
            ))
        } else {
            (date.precision() != Precision::Day && rng.chance(0.3))
                .then(|| "Sources give only the month or year.".to_string())
        };
        events.push(Event {
            id: format!(
                "{}-{}-e{i}",
                names::slug(subject.map_or("event", String::as_str)),
                plan.topic
            ),
            date,
            end,
            title,
            summary,
            kind: plan.kind,
            people: event_people,
            units: event_units,
            tags,
            sources: event_sources,
            effects: plan.effects,
            note,
        });
    }
    Store {
        people,
        units,
        sources,
        events,
        eras: Vec::new(),
    }
}

/// The kind of unit number `i` and how it enters the record. Groups exist from the start.
fn unit_plan(rng: &mut Rng, group: bool) -> (UnitKind, Origin) {
    if group {
        return (UnitKind::Group, Origin::Initial);
    }
    let kind = match rng.below(100) {
        0..6 => UnitKind::BusinessGroup,
        6..40 => UnitKind::Company,
        40..60 => UnitKind::Division,
        60..85 => UnitKind::Platform,
        _ => UnitKind::External,
    };
    let origin = match rng.below(100) {
        0..4 if kind != UnitKind::External => Origin::RenameTarget,
        0..60 => Origin::Founded,
        _ => Origin::Initial,
    };
    (kind, origin)
}

/// `n` dates between 1995 and 2024 in replay order: mostly exact days, some known only to the
/// month or year, a few approximate.
fn dates(rng: &mut Rng, n: usize) -> Vec<PartialDate> {
    let (y, m, d) = FIRST_DAY;
    let first = NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
    let mut dates: Vec<PartialDate> = (0..n)
        .map(|_| {
            let day = first
                .checked_add_days(Days::new(rng.below(SPAN_DAYS) as u64))
                .unwrap_or(first);
            let (y, m, d) = (day.year(), day.month(), day.day());
            let made = match rng.below(100) {
                0..82 => PartialDate::new(y, Some(m), Some(d), false),
                82..93 => PartialDate::new(y, Some(m), None, false),
                93..98 => PartialDate::new(y, None, None, false),
                98 => PartialDate::new(y, Some(m), None, true),
                _ => PartialDate::new(y, None, None, true),
            };
            // Invariant: every part came from a real calendar day, so `new` accepts it.
            made.unwrap_or_else(|_| PartialDate::from_naive(day))
        })
        .collect();
    dates.sort();
    dates
}

/// The store as RON text in the layout of `timeline.ron`, marked as synthetic.
pub fn to_ron(store: &Store, config: &Config) -> String {
    let header = format!(
        "// Synthetic store (not real history): synth --events {} --people {} --units {} --seed {}",
        config.events, config.people, config.units, config.seed
    );
    write::store(store, &header)
}
