//! Replays event effects in date order into a [`History`] (see [`super::history`]): who held
//! which role when, and where each unit sat. The validator runs this same replay and reports
//! what it rejects.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::store::date::PartialDate;
use crate::store::model::{Effect, Store};

pub use super::history::{Change, ChangeKind, History, ReplayIssue, Tenure, UnitLife};
pub use super::starts::first_named;
use super::starts::{founded_units, unfounded_lives};

/// Roles only one person should hold at a time at a unit; a second holder is warned about.
pub const SOLE_ROLES: [&str; 5] = ["chairman", "ceo", "president", "general manager", "cfo"];

/// Event indices of `store` in replay order: by date, then as written.
#[must_use]
pub fn replay_order(store: &Store) -> Vec<usize> {
    let mut order: Vec<usize> = (0..store.events.len()).collect();
    order.sort_by_key(|&i| store.events[i].date);
    order
}

/// Replays every effect of `store` in date order. References to unknown ids are skipped (the
/// validator reports them); every other inconsistency is recorded in [`History::errors`].
#[must_use]
pub fn replay(store: &Store) -> History {
    let mut state = Replayer::new(store);
    for i in replay_order(store) {
        let event = &store.events[i];
        for (j, effect) in event.effects.iter().enumerate() {
            state.at = (i, j, event.date, event.id.clone());
            state.apply(effect);
        }
    }
    state.history
}

struct Replayer<'a> {
    known_people: HashSet<&'a str>,
    known_units: HashSet<&'a str>,
    /// Roles held now, (person, unit, role) → index into `history.tenures`.
    held: HashMap<(String, String, String), usize>,
    /// Roles held now at each unit, (person, role) in the order they started: lets a sole-role
    /// check or the end of a unit look at that unit's roles only, not at every role held.
    held_at: HashMap<String, Vec<(String, String)>>,
    /// Every unit ever placed under each parent (a superset of its children on any day), so
    /// finding a unit's children looks at its own candidates, not at every unit.
    placed_under: HashMap<String, Vec<String>>,
    history: History,
    /// (event index, effect index, date, event id) of the effect being applied.
    at: (usize, usize, PartialDate, String),
}

impl<'a> Replayer<'a> {
    fn new(store: &'a Store) -> Self {
        let units = unfounded_lives(store, &founded_units(store));
        Replayer {
            known_people: store.people.iter().map(|p| p.id.as_str()).collect(),
            known_units: store.units.iter().map(|u| u.id.as_str()).collect(),
            held: HashMap::new(),
            held_at: HashMap::new(),
            placed_under: HashMap::new(),
            history: History {
                units,
                ..History::default()
            },
            at: (0, 0, PartialDate::from_naive(NaiveDate::MIN), String::new()),
        }
    }

    fn day(&self) -> NaiveDate {
        self.at.2.start()
    }

    fn error(&mut self, message: String) {
        let (event, effect, ..) = self.at;
        self.history.errors.push(ReplayIssue {
            event,
            effect,
            message,
        });
    }

    fn warn(&mut self, message: String) {
        let (event, effect, ..) = self.at;
        self.history.warnings.push(ReplayIssue {
            event,
            effect,
            message,
        });
    }

    fn record(&mut self, kind: ChangeKind) {
        self.history.changes.push(Change {
            date: self.at.2,
            event: self.at.3.clone(),
            kind,
        });
    }

    /// Checks that `unit` exists now; reports why not otherwise.
    fn require_unit(&mut self, unit: &str) -> bool {
        let day = self.day();
        match self.history.units.get(unit) {
            Some(life) if life.exists_on(day) => true,
            Some(life) => {
                let why = match life.end {
                    Some(end) => format!(
                        "unit `{unit}` no longer exists on {} (it ended on {end})",
                        self.at.2
                    ),
                    None => format!("unit `{unit}` does not exist yet on {}", self.at.2),
                };
                self.error(why);
                false
            }
            None => {
                let msg = format!(
                    "unit `{unit}` does not exist yet on {}; add a Found effect before this event",
                    self.at.2
                );
                self.error(msg);
                false
            }
        }
    }

    fn children_of(&self, unit: &str) -> Vec<String> {
        let day = self.day();
        let mut children: Vec<String> =
            self.placed_under
                .get(unit)
                .into_iter()
                .flatten()
                .filter(|id| {
                    self.history.units.get(id.as_str()).is_some_and(|life| {
                        life.exists_on(day) && life.parent_on(day) == Some(unit)
                    })
                })
                .cloned()
                .collect();
        children.sort();
        children.dedup();
        children
    }

    /// Notes that `unit` now sits under `parent` (see `placed_under`).
    fn note_placed(&mut self, unit: &str, parent: Option<&str>) {
        if let Some(parent) = parent {
            self.placed_under
                .entry(parent.to_string())
                .or_default()
                .push(unit.to_string());
        }
    }

    fn set_parent(&mut self, unit: &str, parent: Option<String>) {
        let day = self.day();
        self.note_placed(unit, parent.as_deref());
        if let Some(life) = self.history.units.get_mut(unit) {
            life.parents.push((day, parent));
        }
    }

    fn is_within(&self, unit: &str, ancestor: &str) -> bool {
        let day = self.day();
        let mut current = Some(unit.to_string());
        let mut steps = 0;
        while let Some(u) = current {
            if u == ancestor {
                return true;
            }
            steps += 1;
            if steps > self.history.units.len() {
                return true;
            }
            current = self
                .history
                .units
                .get(&u)
                .and_then(|l| l.parent_on(day))
                .map(str::to_string);
        }
        false
    }

    /// The (person, role) pairs held at `unit` now, sorted.
    fn roles_at(&self, unit: &str) -> Vec<(String, String)> {
        let mut roles = self.held_at.get(unit).cloned().unwrap_or_default();
        roles.sort();
        roles
    }

    fn end_unit(&mut self, unit: &str) {
        let date = self.at.2;
        for (person, role) in self.roles_at(unit) {
            self.end_role(&person, unit, &role, false);
        }
        if let Some(life) = self.history.units.get_mut(unit) {
            life.end = Some(date);
        }
    }

    /// Ends a role held now; `last_recorded` when this is only the last record of it.
    fn end_role(
        &mut self,
        person: &str,
        unit: &str,
        role: &str,
        last_recorded: bool,
    ) -> Option<usize> {
        let key = (person.to_string(), unit.to_string(), role.to_string());
        let index = self.held.remove(&key)?;
        if let Some(roles) = self.held_at.get_mut(unit)
            && let Some(at) = roles.iter().position(|(p, r)| p == person && r == role)
        {
            roles.remove(at);
        }
        let tenure = &mut self.history.tenures[index];
        tenure.end = Some(self.at.2);
        tenure.end_event = Some(self.at.3.clone());
        let (person, unit, role) = (person.to_string(), unit.to_string(), role.to_string());
        self.record(if last_recorded {
            ChangeKind::RoleLastRecorded { person, unit, role }
        } else {
            ChangeKind::RoleEnded { person, unit, role }
        });
        Some(index)
    }

    fn start_role(&mut self, person: &str, unit: &str, role: &str, carried_from: Option<usize>) {
        let key = (person.to_string(), unit.to_string(), role.to_string());
        self.held.insert(key, self.history.tenures.len());
        self.held_at
            .entry(unit.to_string())
            .or_default()
            .push((person.to_string(), role.to_string()));
        self.history.tenures.push(Tenure {
            person: person.to_string(),
            unit: unit.to_string(),
            role: role.to_string(),
            start: self.at.2,
            start_event: self.at.3.clone(),
            end: None,
            end_event: None,
            carried_from,
            last_recorded: false,
        });
        self.record(ChangeKind::RoleStarted {
            person: person.to_string(),
            unit: unit.to_string(),
            role: role.to_string(),
        });
    }

    fn knows(&self, effect: &Effect) -> bool {
        let unit_ok = |u: &String| self.known_units.contains(u.as_str());
        match effect {
            Effect::StartRole { person, unit, .. }
            | Effect::EndRole { person, unit, .. }
            | Effect::LastRecorded { person, unit, .. } => {
                self.known_people.contains(person.as_str()) && unit_ok(unit)
            }
            Effect::Found { unit, parent, .. } => {
                unit_ok(unit) && parent.as_ref().is_none_or(unit_ok)
            }
            Effect::Place {
                unit,
                parent: other,
            }
            | Effect::Acquire { unit, by: other }
            | Effect::Merge { unit, into: other }
            | Effect::Rename { unit, to: other } => unit_ok(unit) && unit_ok(other),
            Effect::Dissolve { unit } => unit_ok(unit),
        }
    }

    fn apply(&mut self, effect: &Effect) {
        if !self.knows(effect) {
            return;
        }
        match effect {
            Effect::StartRole { person, unit, role } => self.apply_start(person, unit, role),
            Effect::EndRole { person, unit, role } => {
                if self.end_role(person, unit, role, false).is_none() {
                    let held: Vec<String> = self
                        .held
                        .keys()
                        .filter(|(p, _, _)| p == person)
                        .map(|(_, u, r)| format!("{r} at {u}"))
                        .collect();
                    let now = if held.is_empty() {
                        "no role".to_string()
                    } else {
                        held.join(", ")
                    };
                    self.error(format!(
                        "`{person}` does not hold `{role}` at `{unit}` on {} (they hold {now}); add a StartRole earlier or fix the role",
                        self.at.2
                    ));
                }
            }
            Effect::LastRecorded { person, unit, role } => {
                if let Some(index) = self.end_role(person, unit, role, true) {
                    self.history.tenures[index].last_recorded = true;
                } else {
                    self.error(format!(
                        "`{person}` does not hold `{role}` at `{unit}` on {}; LastRecorded marks the last record of a role they hold",
                        self.at.2
                    ));
                }
            }
            Effect::Found { unit, parent, .. } => self.apply_found(unit, parent.as_deref()),
            Effect::Place { unit, parent } => self.apply_move(unit, parent, false),
            Effect::Acquire { unit, by } => self.apply_move(unit, by, true),
            Effect::Merge { unit, into } => self.apply_merge(unit, into),
            Effect::Rename { unit, to } => self.apply_rename(unit, to),
            Effect::Dissolve { unit } => {
                if self.require_unit(unit) {
                    let children = self.children_of(unit);
                    if !children.is_empty() {
                        self.error(format!(
                            "unit `{unit}` still has sub-units ({}); place them elsewhere before dissolving it",
                            children.join(", ")
                        ));
                        return;
                    }
                    self.end_unit(unit);
                    self.record(ChangeKind::Dissolved { unit: unit.clone() });
                }
            }
        }
    }

    fn apply_start(&mut self, person: &str, unit: &str, role: &str) {
        if !self.require_unit(unit) {
            return;
        }
        let key = (person.to_string(), unit.to_string(), role.to_string());
        if self.held.contains_key(&key) {
            self.error(format!(
                "`{person}` already holds `{role}` at `{unit}` on {}; end it first or remove this StartRole",
                self.at.2
            ));
            return;
        }
        if SOLE_ROLES.contains(&role) {
            let others: Vec<String> = self
                .held_at
                .get(unit)
                .into_iter()
                .flatten()
                .filter(|(p, r)| r == role && p != person)
                .map(|(p, _)| p.clone())
                .collect();
            if !others.is_empty() {
                self.warn(format!(
                    "`{person}` becomes {role} of `{unit}` while `{}` still holds it; add an EndRole if they left",
                    others.join("`, `")
                ));
            }
        }
        self.start_role(person, unit, role, None);
    }

    fn apply_found(&mut self, unit: &str, parent: Option<&str>) {
        if let Some(life) = self.history.units.get(unit) {
            let msg = match life.start {
                Some(start) => format!("unit `{unit}` is founded twice (first on {start})"),
                None => format!("unit `{unit}` already exists"),
            };
            self.error(msg);
            return;
        }
        if let Some(parent) = parent
            && !self.require_unit(parent)
        {
            return;
        }
        let day = self.day();
        self.note_placed(unit, parent);
        self.history.units.insert(
            unit.to_string(),
            UnitLife {
                start: Some(self.at.2),
                parents: vec![(day, parent.map(str::to_string))],
                ..UnitLife::default()
            },
        );
        self.record(ChangeKind::Founded {
            unit: unit.to_string(),
            parent: parent.map(str::to_string),
        });
    }

    fn apply_move(&mut self, unit: &str, parent: &str, acquired: bool) {
        if !(self.require_unit(unit) && self.require_unit(parent)) {
            return;
        }
        if self.is_within(parent, unit) {
            self.error(format!(
                "cannot place `{unit}` under `{parent}`: `{parent}` is `{unit}` or inside it"
            ));
            return;
        }
        let day = self.day();
        let from = self.history.units[unit].parent_on(day).map(str::to_string);
        self.set_parent(unit, Some(parent.to_string()));
        self.record(ChangeKind::Moved {
            unit: unit.to_string(),
            from,
            to: parent.to_string(),
            acquired,
        });
    }

    fn apply_merge(&mut self, unit: &str, into: &str) {
        if !(self.require_unit(unit) && self.require_unit(into)) {
            return;
        }
        if self.is_within(into, unit) {
            self.error(format!(
                "cannot merge `{unit}` into `{into}`: `{into}` is `{unit}` or inside it"
            ));
            return;
        }
        for child in self.children_of(unit) {
            self.set_parent(&child, Some(into.to_string()));
        }
        self.end_unit(unit);
        self.record(ChangeKind::Merged {
            unit: unit.to_string(),
            into: into.to_string(),
        });
    }

    fn apply_rename(&mut self, unit: &str, to: &str) {
        if !self.require_unit(unit) {
            return;
        }
        if self.history.units.contains_key(to) {
            self.error(format!(
                "cannot rename `{unit}` to `{to}`: `{to}` already exists; a rename needs a new unit"
            ));
            return;
        }
        let day = self.day();
        let parent = self.history.units[unit].parent_on(day).map(str::to_string);
        let children = self.children_of(unit);
        let roles = self.roles_at(unit);
        self.note_placed(to, parent.as_deref());
        self.history.units.insert(
            to.to_string(),
            UnitLife {
                start: Some(self.at.2),
                parents: vec![(day, parent)],
                ..UnitLife::default()
            },
        );
        for child in children {
            self.set_parent(&child, Some(to.to_string()));
        }
        self.record(ChangeKind::Renamed {
            unit: unit.to_string(),
            to: to.to_string(),
        });
        for (person, role) in roles {
            let previous = self.end_role(&person, unit, &role, false);
            self.start_role(&person, to, &role, previous);
        }
        if let Some(life) = self.history.units.get_mut(unit) {
            life.end = Some(self.at.2);
        }
    }
}
