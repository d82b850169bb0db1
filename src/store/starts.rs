//! When units start, as far as the store itself says: whether an event founds each unit (or
//! renames one into it), and the date of the earliest event that names it. The reference checks
//! and the replay both ask, through the one id map, so a unit's references are hashed once each.

use super::date::PartialDate;
use super::halves::on_halves;
use super::ids::{Ids, UnitIx};
use super::model::{Effect, Event, Store};

/// For each unit (by [`UnitIx`]): founded by an event, and first named when.
#[derive(Debug, Clone)]
pub struct UnitStarts {
    founded: Vec<bool>,
    first_named: Vec<Option<PartialDate>>,
}

impl UnitStarts {
    /// Works out the starts of every unit of `store` (looked up in `ids`; unknown ids are
    /// skipped, the reference checks report them), a large store's on two threads.
    #[must_use]
    pub fn new(store: &Store, ids: &Ids) -> Self {
        let (mut starts, later) = on_halves(&store.events, |events, _| {
            UnitStarts::of_events(events, store.units.len(), ids)
        });
        if let Some(later) = later {
            for (founded, also) in starts.founded.iter_mut().zip(later.founded) {
                *founded |= also;
            }
            for (first, also) in starts.first_named.iter_mut().zip(later.first_named) {
                *first = match (*first, also) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
        }
        starts
    }

    /// The starts of `units` units as `events` alone say.
    fn of_events(events: &[Event], units: usize, ids: &Ids) -> Self {
        let mut starts = UnitStarts {
            founded: vec![false; units],
            first_named: vec![None; units],
        };
        for event in events {
            let named = event
                .units
                .iter()
                .map(String::as_str)
                .chain(event.effects.iter().flat_map(Effect::units));
            for unit in named.filter_map(|id| ids.unit(id)) {
                let first = &mut starts.first_named[unit.index()];
                *first = Some(first.map_or(event.date, |date| date.min(event.date)));
            }
            for effect in &event.effects {
                if let Effect::Found { unit: id, .. } | Effect::Rename { to: id, .. } = effect
                    && let Some(unit) = ids.unit(id)
                {
                    starts.founded[unit.index()] = true;
                }
            }
        }
        starts
    }

    /// Whether an event founds `unit` or renames a unit into it.
    #[must_use]
    pub fn founded(&self, unit: UnitIx) -> bool {
        self.founded.get(unit.index()).copied().unwrap_or(false)
    }

    /// The date of the earliest event that names `unit`, if any does.
    #[must_use]
    pub fn first_named(&self, unit: UnitIx) -> Option<PartialDate> {
        self.first_named.get(unit.index()).copied().flatten()
    }
}
