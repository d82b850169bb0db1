//! Interned ids: a typed index per kind of thing (`PersonIx` into the store's `people`, `UnitIx`
//! into `units`, `SourceIx` into `sources`, `EventIx` into `events`, `EraIx` into `eras`), and the one map [`Ids`] from
//! the ids written in the store to them. Built once per load; the reference checks, the replay and
//! every later lookup use the same map.
//!
//! The first of several things sharing an id is the one it names (the reference checks report the
//! others as duplicates).

use std::collections::HashMap;

use super::halves::PARALLEL_EVENTS;
use super::model::Store;

/// Defines a typed index over `u32`: copied, ordered, hashed and serialised as its number.
macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            Hash,
            PartialOrd,
            Ord,
            serde::Serialize,
            serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(u32);

        impl $name {
            /// The index at `position` in its list.
            ///
            /// # Panics
            /// When `position` does not fit in `u32`: no list holds four billion items (loading
            /// refuses stores over a size that keeps every count far below that).
            #[must_use]
            pub fn new(position: usize) -> Self {
                Self(u32::try_from(position).expect("fewer than 2^32 items"))
            }

            /// The position in its list.
            #[must_use]
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}
pub(crate) use index_type;

index_type!(
    /// A person: an index into the store's `people`.
    PersonIx
);
index_type!(
    /// A unit: an index into the store's `units`.
    UnitIx
);
index_type!(
    /// A source: an index into the store's `sources`.
    SourceIx
);
index_type!(
    /// An event: an index into the store's `events`, which a loaded timeline keeps in date order.
    EventIx
);

index_type!(
    /// An era: an index into the store's `eras`.
    EraIx
);

/// The one map from ids to typed indices, for every kind of thing in a store.
#[derive(Debug, Clone, Default)]
pub struct Ids {
    people: IdMap<PersonIx>,
    units: IdMap<UnitIx>,
    sources: IdMap<SourceIx>,
    events: IdMap<EventIx>,
    eras: IdMap<EraIx>,
}

/// Ids of one kind, hashed with foldhash's fast hash: ids are short, and loading and searching
/// look up every id an event names, so the hash must be cheap (it reads eight bytes at a time).
type IdMap<T> = HashMap<String, T, foldhash::fast::FixedState>;

/// The map from each id in `ids` to the position of its first occurrence.
fn first_positions<'s, T>(
    ids: impl ExactSizeIterator<Item = &'s String>,
    make: fn(usize) -> T,
) -> IdMap<T> {
    let mut map = IdMap::with_capacity_and_hasher(ids.len(), foldhash::fast::FixedState::default());
    for (i, id) in ids.enumerate() {
        map.entry(id.clone()).or_insert_with(|| make(i));
    }
    map
}

impl Ids {
    /// The ids of `store`, each naming its first occurrence.
    #[must_use]
    pub fn new(store: &Store) -> Self {
        let events = || first_positions(store.events.iter().map(|e| &e.id), EventIx::new);
        let others = || {
            (
                first_positions(store.people.iter().map(|p| &p.id), PersonIx::new),
                first_positions(store.units.iter().map(|u| &u.id), UnitIx::new),
                first_positions(store.sources.iter().map(|s| &s.id), SourceIx::new),
                first_positions(store.eras.iter().map(|e| &e.id), EraIx::new),
            )
        };
        // A large store's events (as many as `on_halves` shares) are mapped on a second thread
        // while the rest is.
        let (events, (people, units, sources, eras)) = if store.events.len() < PARALLEL_EVENTS {
            (events(), others())
        } else {
            std::thread::scope(|scope| {
                let mapping = scope.spawn(events);
                let others = others();
                // Invariant: mapping does not panic; should it, the events are mapped here.
                (mapping.join().unwrap_or_else(|_| events()), others)
            })
        };
        Ids {
            people,
            units,
            sources,
            events,
            eras,
        }
    }

    /// The person with this id.
    #[must_use]
    pub fn person(&self, id: &str) -> Option<PersonIx> {
        self.people.get(id).copied()
    }

    /// The unit with this id.
    #[must_use]
    pub fn unit(&self, id: &str) -> Option<UnitIx> {
        self.units.get(id).copied()
    }

    /// The source with this id.
    #[must_use]
    pub fn source(&self, id: &str) -> Option<SourceIx> {
        self.sources.get(id).copied()
    }

    /// The event with this id.
    #[must_use]
    pub fn event(&self, id: &str) -> Option<EventIx> {
        self.events.get(id).copied()
    }

    /// The era with this id.
    #[must_use]
    pub fn era(&self, id: &str) -> Option<EraIx> {
        self.eras.get(id).copied()
    }

    /// How many different ids of people, units, sources and events there are: as many as the
    /// store lists of each when none is repeated.
    #[must_use]
    pub fn distinct(&self) -> [usize; 4] {
        [
            self.people.len(),
            self.units.len(),
            self.sources.len(),
            self.events.len(),
        ]
    }

    /// Follows the store's events being reordered: `order[new] = old` for each event position.
    ///
    /// # Panics
    /// When `order` is not a permutation of the event positions this map was built with.
    pub fn reorder_events(&mut self, order: &[usize]) {
        let mut new_of_old = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_of_old[old] = new;
        }
        for ix in self.events.values_mut() {
            *ix = EventIx::new(new_of_old[ix.index()]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::load;

    const STORE: &str = r#"Store(
        people: [Person(id: "a", name: "A"), Person(id: "b", name: "B"), Person(id: "a", name: "A again")],
        events: [
            Event(id: "late", date: "2020", title: "t", summary: "", kind: deal, sources: ["s"]),
            Event(id: "early", date: "2010", title: "t", summary: "", kind: deal, sources: ["s"]),
        ],
    )"#;

    #[test]
    fn an_id_names_its_first_occurrence() {
        let store = load::parse("ids.ron", STORE).expect("parses");
        let ids = Ids::new(&store);
        assert_eq!(ids.person("a"), Some(PersonIx::new(0)));
        assert_eq!(ids.person("b"), Some(PersonIx::new(1)));
        assert_eq!(ids.person("c"), None);
    }

    #[test]
    fn reordering_the_events_moves_their_indices_with_them() {
        let store = load::parse("ids.ron", STORE).expect("parses");
        let mut ids = Ids::new(&store);
        assert_eq!(ids.event("late"), Some(EventIx::new(0)));
        ids.reorder_events(&[1, 0]);
        assert_eq!(ids.event("early"), Some(EventIx::new(0)));
        assert_eq!(ids.event("late"), Some(EventIx::new(1)));
    }
}
