//! What a search reads, and nothing more: the [`Searchable`] view that the query module scans.
//!
//! Two things answer it: a loaded [`Timeline`], and the memory-image search
//! [`Index`](super::index::Index) that `ali-timeline search` reads instead of the whole store.
//! Both give the same answers for the same store (`tests/search_index.rs` checks it), so a query
//! ranks the same results either way.
//!
//! Items are addressed by their position: events in date order, people and units in store order
//! (the positions of `EventIx`, [`PersonIx`] and `UnitIx`).

use std::sync::OnceLock;

use super::{DateSpan, Timeline};
use crate::store::date::PartialDate;
use crate::store::halves::on_halves;
use crate::store::ids::{Ids, PersonIx};
use crate::store::model::{Event, EventKind};

/// A store as a search sees it. Positions out of range are never asked for.
pub trait Searchable: Sync {
    /// How many events there are.
    fn event_count(&self) -> usize;
    /// How many people there are.
    fn person_count(&self) -> usize;
    /// How many units there are.
    fn unit_count(&self) -> usize;

    /// Event `i`'s id.
    fn event_id(&self, i: usize) -> &str;
    /// Event `i`'s title.
    fn event_title(&self, i: usize) -> &str;
    /// Event `i`'s summary.
    fn event_summary(&self, i: usize) -> &str;
    /// Event `i`'s kind.
    fn event_kind(&self, i: usize) -> EventKind;
    /// Event `i`'s date, and its end when it spans time.
    fn event_dates(&self, i: usize) -> (PartialDate, Option<PartialDate>);
    /// Event `i`'s tags.
    fn event_tags(&self, i: usize) -> impl Iterator<Item = &str>;
    /// The positions of the people event `i` names (unknown ids left out).
    fn event_people(&self, i: usize) -> impl Iterator<Item = usize>;
    /// The positions of the units event `i` names (unknown ids left out).
    fn event_units(&self, i: usize) -> impl Iterator<Item = usize>;

    /// Person `i`'s id.
    fn person_id(&self, i: usize) -> &str;
    /// Person `i`'s name and Chinese name (the parts of their label).
    fn person_name(&self, i: usize) -> (&str, Option<&str>);
    /// Person `i`'s aliases.
    fn person_aliases(&self, i: usize) -> impl Iterator<Item = &str>;
    /// When person `i` held roles (see [`Timeline::person_span`]).
    fn person_span(&self, i: usize) -> DateSpan;

    /// Unit `i`'s id.
    fn unit_id(&self, i: usize) -> &str;
    /// Unit `i`'s name and Chinese name (the parts of its label).
    fn unit_name(&self, i: usize) -> (&str, Option<&str>);
    /// Unit `i`'s aliases.
    fn unit_aliases(&self, i: usize) -> impl Iterator<Item = &str>;
    /// Unit `i`'s replayed life (start, end), `None` when the replay gave it none.
    fn unit_life(&self, i: usize) -> Option<DateSpan>;

    /// Every tenure, in the order they started: (person position, unit position, start, end).
    fn tenures(&self) -> impl Iterator<Item = (usize, usize, PartialDate, Option<PartialDate>)>;

    /// The whole loaded timeline behind this view, when there is one: `era:` atoms are resolved
    /// against its eras (the index holds none, so a query naming an era is run on the store).
    fn loaded(&self) -> Option<&Timeline> {
        None
    }
}

/// Each event's people and units as positions, resolved once per timeline (a search otherwise
/// looks every id up again for every event and every atom).
#[derive(Debug, Clone, Default)]
pub(super) struct Refs {
    /// Where each event's people start in `people` (one more entry than events).
    people_at: Vec<u32>,
    people: Vec<u32>,
    /// Where each event's units start in `units`.
    units_at: Vec<u32>,
    units: Vec<u32>,
}

impl Timeline {
    /// Resolves each event's people and units to positions now, as the first search otherwise
    /// does (a hash lookup for every id every event names; 40 ms at 100,000 events when it was
    /// added, before lookups hashed eight bytes at a time and ran on two threads): the app does it
    /// while the user has yet to type.
    pub fn prepare_search(&self) {
        refs(self);
    }
}

/// The refs of `timeline`, built on first use (a large store's on two threads, half the events
/// each).
fn refs(timeline: &Timeline) -> &Refs {
    timeline.refs.get_or_init(|| {
        let ids = timeline.ids();
        let (mut refs, later) = on_halves(&timeline.store.events, |events, _| {
            Refs::of_events(events, ids)
        });
        if let Some(later) = later {
            refs.append(&later);
        }
        refs
    })
}

impl Refs {
    /// The refs of `events` alone, looked up in `ids`.
    fn of_events(events: &[Event], ids: &Ids) -> Refs {
        let mut refs = Refs::default();
        for event in events {
            refs.people_at.push(position(refs.people.len()));
            refs.units_at.push(position(refs.units.len()));
            let people = event.people.iter().filter_map(|id| ids.person(id));
            refs.people.extend(people.map(|ix| position(ix.index())));
            let units = event.units.iter().filter_map(|id| ids.unit(id));
            refs.units.extend(units.map(|ix| position(ix.index())));
        }
        refs.people_at.push(position(refs.people.len()));
        refs.units_at.push(position(refs.units.len()));
        refs
    }

    /// Adds the refs of the events after these.
    fn append(&mut self, later: &Refs) {
        for (at, list, more_at, more) in [
            (
                &mut self.people_at,
                &mut self.people,
                &later.people_at,
                &later.people,
            ),
            (
                &mut self.units_at,
                &mut self.units,
                &later.units_at,
                &later.units,
            ),
        ] {
            // The last start of these is the first of the later ones, shifted.
            let shift = at.pop().unwrap_or(0);
            at.extend(more_at.iter().map(|&n| n.saturating_add(shift)));
            list.extend_from_slice(more);
        }
    }
}

/// A count or position as stored in [`Refs`] (none the loader accepts reaches `u32::MAX`).
fn position(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The positions `at[i]..at[i + 1]` of `list`.
fn between(at: &[u32], list: &[u32], i: usize) -> impl Iterator<Item = usize> {
    let bound = |k: usize| at.get(k).map_or(0, |&n| n as usize);
    let part = list.get(bound(i)..bound(i + 1)).unwrap_or_default();
    part.iter().map(|&n| n as usize)
}

/// A fresh, empty place for a timeline's refs.
pub(super) fn no_refs() -> OnceLock<Refs> {
    OnceLock::new()
}

impl Searchable for Timeline {
    fn event_count(&self) -> usize {
        self.store.events.len()
    }

    fn person_count(&self) -> usize {
        self.store.people.len()
    }

    fn unit_count(&self) -> usize {
        self.store.units.len()
    }

    fn event_id(&self, i: usize) -> &str {
        &self.store.events[i].id
    }

    fn event_title(&self, i: usize) -> &str {
        &self.store.events[i].title
    }

    fn event_summary(&self, i: usize) -> &str {
        &self.store.events[i].summary
    }

    fn event_kind(&self, i: usize) -> EventKind {
        self.store.events[i].kind
    }

    fn event_dates(&self, i: usize) -> (PartialDate, Option<PartialDate>) {
        let event = &self.store.events[i];
        (event.date, event.end)
    }

    fn event_tags(&self, i: usize) -> impl Iterator<Item = &str> {
        self.store.events[i].tags.iter().map(String::as_str)
    }

    fn event_people(&self, i: usize) -> impl Iterator<Item = usize> {
        let refs = refs(self);
        between(&refs.people_at, &refs.people, i)
    }

    fn event_units(&self, i: usize) -> impl Iterator<Item = usize> {
        let refs = refs(self);
        between(&refs.units_at, &refs.units, i)
    }

    fn person_id(&self, i: usize) -> &str {
        &self.store.people[i].id
    }

    fn person_name(&self, i: usize) -> (&str, Option<&str>) {
        let person = &self.store.people[i];
        (&person.name, person.name_zh.as_deref())
    }

    fn person_aliases(&self, i: usize) -> impl Iterator<Item = &str> {
        self.store.people[i].aliases.iter().map(String::as_str)
    }

    fn person_span(&self, i: usize) -> DateSpan {
        Timeline::person_span(self, PersonIx::new(i))
    }

    fn unit_id(&self, i: usize) -> &str {
        &self.store.units[i].id
    }

    fn unit_name(&self, i: usize) -> (&str, Option<&str>) {
        let unit = &self.store.units[i];
        (&unit.name, unit.name_zh.as_deref())
    }

    fn unit_aliases(&self, i: usize) -> impl Iterator<Item = &str> {
        self.store.units[i].aliases.iter().map(String::as_str)
    }

    fn unit_life(&self, i: usize) -> Option<DateSpan> {
        let life = Timeline::unit_life(self, &self.store.units[i].id)?;
        Some((life.start, life.end))
    }

    fn loaded(&self) -> Option<&Timeline> {
        Some(self)
    }

    fn tenures(&self) -> impl Iterator<Item = (usize, usize, PartialDate, Option<PartialDate>)> {
        self.history
            .tenures()
            .map(|(_, t)| (t.person.index(), t.unit.index(), t.start, t.end))
    }
}
