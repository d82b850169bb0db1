//! RON: a valid store holding the selected events and everything they refer to, which
//! `validate` accepts and `--data` loads. Exporting every event gives back an equal store.
//!
//! How a subset stays valid: it holds exactly the selected events, with the people, units and
//! sources they (and their effects) name (all of them when every event is selected). A unit that no selected event founds simply exists
//! from the start, so most effects replay unchanged. An effect that still cannot replay without
//! an event outside the selection — typically a departure (`EndRole`) whose appointment was not
//! selected — is dropped from the exported event; each dropped effect is listed in a comment at
//! the top of the file and reported on stderr by the CLI.
//!
//! Strings are written with Rust-style escapes (`\u{1b}`), so hidden characters are kept as data
//! but never reach a terminal raw.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::io::{self, Write};

use ::ron::extensions::Extensions;
use ::ron::ser::PrettyConfig;

use super::escape::one_line;
use super::{Selection, plural};
use crate::store::ids::Ids;
use crate::store::model::{Effect, Event, Store};
use crate::timeline::replay::replay;

/// An effect left out of the subset because it needs events outside the selection.
#[derive(Debug, Clone, PartialEq)]
pub struct Dropped {
    /// The event it belonged to.
    pub event: String,
    /// The effect.
    pub effect: Effect,
    /// Why it could not replay in the subset.
    pub reason: String,
}

impl fmt::Display for Dropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "dropped the {} effect of event `{}`, which needs an event outside the selection ({})",
            self.effect.name(),
            self.event,
            self.reason
        )
    }
}

/// The store a RON export writes, and what had to be left out to keep it valid.
#[derive(Debug, Clone)]
pub struct Subset {
    /// A valid store: the selected events in date order, and what they refer to, in store order.
    pub store: Store,
    /// Effects removed because they cannot replay without unselected events.
    pub dropped: Vec<Dropped>,
}

/// Builds the subset store for `sel` (see the module documentation).
#[must_use]
pub fn subset(sel: &Selection) -> Subset {
    let mut events: Vec<Event> = sel.events().cloned().collect();
    let mut dropped = Vec::new();
    loop {
        let store = referenced(sel, events.clone());
        let history = replay(&store, &Ids::new(&store));
        if history.errors.is_empty() {
            return Subset { store, dropped };
        }
        // Remove every failing effect of this round (highest index first within an event), then
        // replay again: each round removes at least one effect, so this ends.
        let mut failing: BTreeMap<usize, Vec<(usize, String)>> = BTreeMap::new();
        for issue in history.errors {
            failing
                .entry(issue.event.index())
                .or_default()
                .push((issue.effect, issue.message));
        }
        for (event, mut effects) in failing {
            effects.sort_by_key(|e| std::cmp::Reverse(e.0));
            effects.dedup_by_key(|e| e.0);
            for (index, reason) in effects {
                if index < events[event].effects.len() {
                    let effect = events[event].effects.remove(index);
                    // The replay's advice ("add a StartRole earlier") is for store authors; keep the
                    // finding only.
                    let reason = reason.split("; ").next().unwrap_or_default().to_string();
                    dropped.push(Dropped {
                        event: events[event].id.clone(),
                        effect,
                        reason,
                    });
                }
            }
        }
    }
}

/// A store of `events` with the people, units and sources they name and the eras they bound, in
/// the timeline's order; with everything when every event is selected, so that exporting the
/// whole store gives it back unchanged.
fn referenced(sel: &Selection, events: Vec<Event>) -> Store {
    let all = &sel.timeline.store;
    if sel.len() == all.events.len() {
        return Store {
            people: all.people.clone(),
            units: all.units.clone(),
            sources: all.sources.clone(),
            events,
            eras: all.eras.clone(),
        };
    }
    let mut people: HashSet<&str> = HashSet::new();
    let mut units: HashSet<&str> = HashSet::new();
    let mut sources: HashSet<&str> = HashSet::new();
    for event in &events {
        people.extend(event.people.iter().map(String::as_str));
        units.extend(event.units.iter().map(String::as_str));
        sources.extend(event.sources.iter().map(String::as_str));
        for (_, what, id) in event.effects.iter().flat_map(Effect::refs) {
            if what == "person" {
                people.insert(id);
            } else {
                units.insert(id);
            }
        }
    }
    for unit in all.units.iter().filter(|u| units.contains(u.id.as_str())) {
        sources.extend(unit.since_sources.iter().map(String::as_str));
    }
    Store {
        people: all
            .people
            .iter()
            .filter(|p| people.contains(p.id.as_str()))
            .cloned()
            .collect(),
        units: all
            .units
            .iter()
            .filter(|u| units.contains(u.id.as_str()))
            .cloned()
            .collect(),
        sources: all
            .sources
            .iter()
            .filter(|s| sources.contains(s.id.as_str()))
            .cloned()
            .collect(),
        // An era is kept when both its events are: the subset stays valid.
        eras: all
            .eras
            .iter()
            .filter(|era| {
                let kept = |id: &str| events.iter().any(|e| e.id == id);
                kept(&era.start_event) && kept(&era.end_event)
            })
            .cloned()
            .collect(),
        events,
    }
}

/// Writes the selection as a RON store, with a comment saying where it came from.
///
/// # Errors
/// A failed write.
pub fn write<W: Write>(sel: &Selection, out: &mut W) -> io::Result<()> {
    let Subset { store, dropped } = subset(sel);
    let config = PrettyConfig::new()
        .struct_names(true)
        .extensions(Extensions::IMPLICIT_SOME);
    let text = ::ron::ser::to_string_pretty(&store, config).map_err(io::Error::other)?;
    // The serializer starts with the `#![enable(implicit_some)]` line; comments follow it.
    let (attribute, body) = text.split_once('\n').unwrap_or(("", &text));
    writeln!(out, "{attribute}")?;
    writeln!(
        out,
        "// Exported by ali-timeline {}: {}.",
        env!("CARGO_PKG_VERSION"),
        one_line(&sel.description())
    )?;
    writeln!(out, "// Store sha256:{}", sel.timeline.hash())?;
    if !dropped.is_empty() {
        writeln!(
            out,
            "// {} left out to keep this subset valid:",
            plural(dropped.len(), "effect")
        )?;
        for d in &dropped {
            writeln!(out, "//   {}", one_line(&d.to_string()))?;
        }
    }
    writeln!(out, "{body}")
}
