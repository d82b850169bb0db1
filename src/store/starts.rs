//! When units start, as far as the store itself says: the units an event founds (or renames into
//! existence) and the first event that names each unit. The validator and the replay both ask.

use std::collections::{HashMap, HashSet};

use super::date::PartialDate;
use super::model::{Effect, Store};

/// The units an event creates: founded (`Found`) or given their identity by a `Rename`.
#[must_use]
pub fn founded_units(store: &Store) -> HashSet<&str> {
    store
        .events
        .iter()
        .flat_map(|e| &e.effects)
        .filter_map(|effect| match effect {
            Effect::Found { unit, .. } => Some(unit.as_str()),
            Effect::Rename { to, .. } => Some(to.as_str()),
            _ => None,
        })
        .collect()
}

/// The date of the first event, by date (ties as written), that names each unit (in `units` or
/// an effect).
#[must_use]
pub fn first_named(store: &Store) -> HashMap<&str, PartialDate> {
    let mut order: Vec<usize> = (0..store.events.len()).collect();
    order.sort_by_key(|&i| store.events[i].date);
    let mut first = HashMap::new();
    for i in order {
        let event = &store.events[i];
        let named = event
            .units
            .iter()
            .map(String::as_str)
            .chain(event.effects.iter().flat_map(effect_units));
        for unit in named {
            first.entry(unit).or_insert(event.date);
        }
    }
    first
}

/// The units an effect names.
fn effect_units(effect: &Effect) -> Vec<&str> {
    match effect {
        Effect::StartRole { unit, .. }
        | Effect::EndRole { unit, .. }
        | Effect::LastRecorded { unit, .. }
        | Effect::Dissolve { unit } => vec![unit],
        Effect::Found { unit, parent, .. } => {
            let mut units = vec![unit.as_str()];
            units.extend(parent.as_deref());
            units
        }
        Effect::Place {
            unit,
            parent: other,
        }
        | Effect::Acquire { unit, by: other }
        | Effect::Merge { unit, into: other }
        | Effect::Rename { unit, to: other } => vec![unit, other],
    }
}
