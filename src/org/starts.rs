//! When units start: a unit no event founds exists from its `since` date, or else from the first
//! event that names it. The replay and the validator both ask this module.

use std::collections::{HashMap, HashSet};

use super::history::UnitLife;
use super::replay::replay_order;
use crate::store::date::PartialDate;
use crate::store::model::{Effect, Store};

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

/// The date of the first event, in replay order, that names each unit (in `units` or an effect).
#[must_use]
pub fn first_named(store: &Store) -> HashMap<&str, PartialDate> {
    let mut first = HashMap::new();
    for i in replay_order(store) {
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

/// The lives, as the replay starts them, of the units no event founds (`founded` lists the units
/// a `Found` or `Rename` creates): each from its `since` date, or else from the first event that
/// names it, marked `first_recorded`. A unit with neither has no life (the validator reports it).
#[must_use]
pub fn unfounded_lives(store: &Store, founded: &HashSet<&str>) -> HashMap<String, UnitLife> {
    let first_named = first_named(store);
    let mut units = HashMap::new();
    for unit in &store.units {
        if founded.contains(unit.id.as_str()) {
            continue;
        }
        let (start, first_recorded) = match (unit.since, first_named.get(unit.id.as_str())) {
            (Some(since), _) => (since, false),
            (None, Some(first)) => (*first, true),
            (None, None) => continue,
        };
        units.insert(
            unit.id.clone(),
            UnitLife {
                start: Some(start),
                first_recorded,
                parents: vec![(start.start(), None)],
                ..UnitLife::default()
            },
        );
    }
    units
}
