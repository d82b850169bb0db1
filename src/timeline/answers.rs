//! What the front ends ask of a timeline: things by id or by typed index, display labels, the
//! events of a person or unit, a person's span, and the query that reproduces a filter.

use super::Timeline;
use super::history::{Tenure, UnitLife};
use crate::store::date::PartialDate;
use crate::store::ids::{EventIx, Ids, PersonIx, UnitIx};
use crate::store::model::{Event, Person, Source, Unit};

impl Timeline {
    /// The one map from ids to typed indices.
    #[must_use]
    pub fn ids(&self) -> &Ids {
        &self.ids
    }

    /// The person with this id.
    #[must_use]
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.ids.person(id).map(|ix| self.person_at(ix))
    }

    /// The unit with this id.
    #[must_use]
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.ids.unit(id).map(|ix| self.unit_at(ix))
    }

    /// The source with this id.
    #[must_use]
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.ids
            .source(id)
            .map(|ix| &self.store.sources[ix.index()])
    }

    /// The event with this id.
    #[must_use]
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.event_index(id).map(|ix| self.event_at(ix))
    }

    /// The event with this id, by its place in date order.
    #[must_use]
    pub fn event_index(&self, id: &str) -> Option<EventIx> {
        self.ids.event(id)
    }

    /// The person `ix`.
    ///
    /// # Panics
    /// When `ix` is not from this timeline (its ids, history and answers only make valid ones).
    #[must_use]
    pub fn person_at(&self, ix: PersonIx) -> &Person {
        &self.store.people[ix.index()]
    }

    /// The unit `ix`.
    ///
    /// # Panics
    /// When `ix` is not from this timeline.
    #[must_use]
    pub fn unit_at(&self, ix: UnitIx) -> &Unit {
        &self.store.units[ix.index()]
    }

    /// The event `ix`.
    ///
    /// # Panics
    /// When `ix` is not from this timeline.
    #[must_use]
    pub fn event_at(&self, ix: EventIx) -> &Event {
        &self.store.events[ix.index()]
    }

    /// Every event with its index, in date order.
    pub fn events(&self) -> impl DoubleEndedIterator<Item = (EventIx, &Event)> + ExactSizeIterator {
        indexed(&self.store.events, EventIx::new)
    }

    /// Every person with its index, in store order.
    pub fn people(&self) -> impl ExactSizeIterator<Item = (PersonIx, &Person)> {
        indexed(&self.store.people, PersonIx::new)
    }

    /// Every unit with its index, in store order.
    pub fn units(&self) -> impl ExactSizeIterator<Item = (UnitIx, &Unit)> {
        indexed(&self.store.units, UnitIx::new)
    }

    /// A person's display name with the Chinese name when known: `Gao Xiaosong (高晓松)`; the id
    /// itself for an unknown id.
    #[must_use]
    pub fn person_label(&self, id: &str) -> String {
        self.ids
            .person(id)
            .map_or_else(|| id.to_string(), |ix| self.person_label_at(ix))
    }

    /// A unit's display name with the Chinese name when known: `Ali Music (阿里音乐)`; the id itself
    /// for an unknown id.
    #[must_use]
    pub fn unit_label(&self, id: &str) -> String {
        self.ids
            .unit(id)
            .map_or_else(|| id.to_string(), |ix| self.unit_label_at(ix))
    }

    /// The display name of person `ix` (see [`Timeline::person_label`]).
    #[must_use]
    pub fn person_label_at(&self, ix: PersonIx) -> String {
        let p = self.person_at(ix);
        with_zh(&p.name, p.name_zh.as_deref())
    }

    /// The display name of unit `ix` (see [`Timeline::unit_label`]).
    #[must_use]
    pub fn unit_label_at(&self, ix: UnitIx) -> String {
        let u = self.unit_at(ix);
        with_zh(&u.name, u.name_zh.as_deref())
    }

    /// The id of person `ix`.
    #[must_use]
    pub fn person_id(&self, ix: PersonIx) -> &str {
        &self.person_at(ix).id
    }

    /// The id of unit `ix`.
    #[must_use]
    pub fn unit_id(&self, ix: UnitIx) -> &str {
        &self.unit_at(ix).id
    }

    /// The replayed life of the unit with this id (when it existed, under which parents).
    #[must_use]
    pub fn unit_life(&self, id: &str) -> Option<&UnitLife> {
        self.ids().unit(id).and_then(|u| self.history.unit(u))
    }

    /// The id of event `ix`.
    #[must_use]
    pub fn event_id(&self, ix: EventIx) -> &str {
        &self.event_at(ix).id
    }
}

/// Each item of `items` with its typed index.
fn indexed<T, I>(
    items: &[T],
    make: fn(usize) -> I,
) -> impl DoubleEndedIterator<Item = (I, &T)> + ExactSizeIterator {
    items
        .iter()
        .enumerate()
        .map(move |(i, item)| (make(i), item))
}

fn with_zh(name: &str, zh: Option<&str>) -> String {
    match zh {
        Some(zh) => format!("{name} ({zh})"),
        None => name.to_string(),
    }
}

/// A span of time: when it began and when it ended, each `None` when not known or not yet over.
pub type DateSpan = (Option<PartialDate>, Option<PartialDate>);

impl Timeline {
    /// When `person` held roles: the earliest start, and the latest end (`None` while a role is
    /// still held); `(None, None)` for someone who never held one.
    #[must_use]
    pub fn person_span(&self, person: PersonIx) -> DateSpan {
        let roles: Vec<&Tenure> = self
            .history
            .tenures
            .iter()
            .filter(|t| t.person == person)
            .collect();
        let start = roles.iter().map(|t| t.start).min();
        let end = if roles.iter().any(|t| t.end.is_none()) {
            None
        } else {
            roles.iter().filter_map(|t| t.end).max()
        };
        (start, end)
    }

    /// When `unit` existed: its start (founding, `since` date or first record; `None` only for a
    /// unit with no start) and its end (`None` while it exists).
    #[must_use]
    pub fn unit_span(&self, unit: UnitIx) -> DateSpan {
        let life = self.history.unit(unit);
        (life.and_then(|l| l.start), life.and_then(|l| l.end))
    }
}

/// A person or a unit: what events can be gathered by, what has a label, what a filter keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    /// A person.
    Person(PersonIx),
    /// A unit.
    Unit(UnitIx),
}

impl Timeline {
    /// The id of a person or unit.
    #[must_use]
    pub fn entity_id(&self, entity: Entity) -> &str {
        match entity {
            Entity::Person(ix) => self.person_id(ix),
            Entity::Unit(ix) => self.unit_id(ix),
        }
    }

    /// The display label of a person or unit: `Gao Xiaosong (高晓松)`, unsanitised.
    #[must_use]
    pub fn label(&self, entity: Entity) -> String {
        match entity {
            Entity::Person(ix) => self.person_label_at(ix),
            Entity::Unit(ix) => self.unit_label_at(ix),
        }
    }

    /// The events involving a person or unit (naming it in their `people` or `units`), in date
    /// order.
    #[must_use]
    pub fn events_of(&self, entity: Entity) -> Vec<EventIx> {
        let id = self.entity_id(entity);
        let involves = |e: &Event| match entity {
            Entity::Person(_) => e.people.iter().any(|p| p == id),
            Entity::Unit(_) => e.units.iter().any(|u| u == id),
        };
        self.events()
            .filter(|(_, e)| involves(e))
            .map(|(ix, _)| ix)
            .collect()
    }

    /// A query selecting exactly the events of a person or unit (`person:^gao-xiaosong$`,
    /// `unit:^damai$`), so that a record of the query reproduces a filter to them; `None` for an
    /// id the query language cannot spell as one atom.
    #[must_use]
    pub fn filter_query(&self, entity: Entity) -> Option<String> {
        let id = self.entity_id(entity);
        let field = match entity {
            Entity::Person(_) => "person",
            Entity::Unit(_) => "unit",
        };
        let plain = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
        plain.then(|| format!("{field}:^{id}$"))
    }
}
