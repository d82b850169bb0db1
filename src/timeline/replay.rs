//! Replays event effects in date order into a [`History`] (see [`super::history`]): who held
//! which role when, and where each unit sat. Loading runs this same replay and reports what it
//! rejects (see [`super::load_str`]).

mod units;

use std::collections::HashMap;

use chrono::NaiveDate;

use super::history::{Change, ChangeKind, History, ReplayIssue, Tenure, TenureIx, UnitLife};
use crate::store::date::PartialDate;
use crate::store::ids::{EventIx, Ids, PersonIx, UnitIx};
use crate::store::model::{Effect, Store};
use crate::store::starts::UnitStarts;

/// Roles only one person should hold at a time at a unit; a second holder is warned about.
pub const SOLE_ROLES: [&str; 5] = ["chairman", "ceo", "president", "general manager", "cfo"];

/// Replays every effect of `store`, whose events must be in date order (ties as written; a
/// loaded timeline keeps them so), with `ids` built for that order. References to unknown ids are
/// skipped (the reference checks report them); every other inconsistency is recorded in
/// [`History::errors`].
#[must_use]
pub fn replay(store: &Store, ids: &Ids) -> History {
    replay_with(store, ids, &UnitStarts::new(store, ids))
}

/// As [`replay`], with the units' starts already worked out (a load works them out once for the
/// reference checks and the replay).
#[must_use]
pub fn replay_with(store: &Store, ids: &Ids, starts: &UnitStarts) -> History {
    let mut state = Replayer::new(store, ids, starts);
    for (i, event) in store.events.iter().enumerate() {
        for (j, effect) in event.effects.iter().enumerate() {
            state.at = (EventIx::new(i), j, event.date);
            if let Some(step) = state.resolve(effect) {
                state.apply(step);
            }
        }
    }
    state.history
}

/// An effect with its ids resolved.
enum Resolved<'a> {
    StartRole(PersonIx, UnitIx, &'a str),
    EndRole(PersonIx, UnitIx, &'a str),
    LastRecorded(PersonIx, UnitIx, &'a str),
    Found(UnitIx, Option<UnitIx>),
    /// A unit placed under a parent; `true` for an acquisition.
    Move(UnitIx, UnitIx, bool),
    Merge(UnitIx, UnitIx),
    Rename(UnitIx, UnitIx),
    Dissolve(UnitIx),
}

struct Replayer<'a> {
    store: &'a Store,
    ids: &'a Ids,
    /// Roles held now, (person, unit, role) → their tenure.
    held: HashMap<(PersonIx, UnitIx, &'a str), TenureIx>,
    /// Roles held now at each unit, (person, role) in the order they started: lets a sole-role
    /// check or the end of a unit look at that unit's roles only, not at every role held.
    held_at: HashMap<UnitIx, Vec<(PersonIx, &'a str)>>,
    /// Every unit ever placed under each parent (a superset of its children on any day), so
    /// finding a unit's children looks at its own candidates, not at every unit.
    placed_under: HashMap<UnitIx, Vec<UnitIx>>,
    history: History,
    /// (event, effect index, date) of the effect being applied.
    at: (EventIx, usize, PartialDate),
}

impl<'a> Replayer<'a> {
    fn new(store: &'a Store, ids: &'a Ids, starts: &UnitStarts) -> Self {
        // A unit no event founds (or renames into existence) exists from its `since` date, or
        // else from the first event that names it ("first recorded"); one with neither has no
        // life (the reference checks report it). A unit that only repeats another unit's id gets
        // none either: that id names the first.
        let units = store
            .units
            .iter()
            .enumerate()
            .map(|(i, unit)| {
                let ix = UnitIx::new(i);
                if ids.unit(&unit.id) != Some(ix) || starts.founded(ix) {
                    return None;
                }
                let (start, first_recorded) = match (unit.since, starts.first_named(ix)) {
                    (Some(since), _) => (since, false),
                    (None, Some(first)) => (first, true),
                    (None, None) => return None,
                };
                Some(UnitLife {
                    start: Some(start),
                    first_recorded,
                    parents: vec![(start.start(), None)],
                    ..UnitLife::default()
                })
            })
            .collect();
        Replayer {
            store,
            ids,
            held: HashMap::new(),
            held_at: HashMap::new(),
            placed_under: HashMap::new(),
            history: History {
                units,
                ..History::default()
            },
            at: (EventIx::new(0), 0, PartialDate::from_naive(NaiveDate::MIN)),
        }
    }

    /// The id of `unit`, for messages and for ordering as the ids sort.
    fn unit_id(&self, unit: UnitIx) -> &'a str {
        &self.store.units[unit.index()].id
    }

    /// The id of `person`.
    fn person_id(&self, person: PersonIx) -> &'a str {
        &self.store.people[person.index()].id
    }

    /// The effect with its ids resolved, or `None` when it names an unknown id.
    fn resolve(&self, effect: &'a Effect) -> Option<Resolved<'a>> {
        let unit = |id: &str| self.ids.unit(id);
        let person = |id: &str| self.ids.person(id);
        Some(match effect {
            Effect::StartRole {
                person: p,
                unit: u,
                role,
            } => Resolved::StartRole(person(p)?, unit(u)?, role),
            Effect::EndRole {
                person: p,
                unit: u,
                role,
            } => Resolved::EndRole(person(p)?, unit(u)?, role),
            Effect::LastRecorded {
                person: p,
                unit: u,
                role,
            } => Resolved::LastRecorded(person(p)?, unit(u)?, role),
            Effect::Found {
                unit: u, parent, ..
            } => {
                let parent = match parent {
                    Some(p) => Some(unit(p)?),
                    None => None,
                };
                Resolved::Found(unit(u)?, parent)
            }
            Effect::Place { unit: u, parent } => Resolved::Move(unit(u)?, unit(parent)?, false),
            Effect::Acquire { unit: u, by } => Resolved::Move(unit(u)?, unit(by)?, true),
            Effect::Merge { unit: u, into } => Resolved::Merge(unit(u)?, unit(into)?),
            Effect::Rename { unit: u, to } => Resolved::Rename(unit(u)?, unit(to)?),
            Effect::Dissolve { unit: u } => Resolved::Dissolve(unit(u)?),
        })
    }

    fn day(&self) -> NaiveDate {
        self.at.2.start()
    }

    fn issue(&self, message: String) -> ReplayIssue {
        let (event, effect, _) = self.at;
        ReplayIssue {
            event,
            effect,
            message,
        }
    }

    fn error(&mut self, message: String) {
        let issue = self.issue(message);
        self.history.errors.push(issue);
    }

    fn warn(&mut self, message: String) {
        let issue = self.issue(message);
        self.history.warnings.push(issue);
    }

    fn record(&mut self, kind: ChangeKind) {
        self.history.changes.push(Change {
            date: self.at.2,
            event: self.at.0,
            kind,
        });
    }

    fn life_mut(&mut self, unit: UnitIx) -> Option<&mut UnitLife> {
        self.history.units[unit.index()].as_mut()
    }

    fn parent_now(&self, unit: UnitIx) -> Option<UnitIx> {
        let day = self.day();
        self.history.unit(unit).and_then(|life| life.parent_on(day))
    }

    /// The (person, role) pairs held at `unit` now, sorted by person id, then role.
    fn roles_at(&self, unit: UnitIx) -> Vec<(PersonIx, &'a str)> {
        let mut roles = self.held_at.get(&unit).cloned().unwrap_or_default();
        roles.sort_by_key(|&(person, role)| (self.person_id(person), role));
        roles
    }

    fn end_unit(&mut self, unit: UnitIx) {
        let date = self.at.2;
        for (person, role) in self.roles_at(unit) {
            self.end_role(person, unit, role, false);
        }
        if let Some(life) = self.life_mut(unit) {
            life.end = Some(date);
        }
    }

    /// Ends a role held now; `last_recorded` when this is only the last record of it (the role
    /// then counts as held up to and including this day).
    fn end_role(
        &mut self,
        person: PersonIx,
        unit: UnitIx,
        role: &'a str,
        last_recorded: bool,
    ) -> Option<TenureIx> {
        let ix = self.held.remove(&(person, unit, role))?;
        if let Some(roles) = self.held_at.get_mut(&unit)
            && let Some(at) = roles.iter().position(|&(p, r)| p == person && r == role)
        {
            roles.remove(at);
        }
        let tenure = &mut self.history.tenures[ix.index()];
        tenure.end = Some(self.at.2);
        tenure.end_event = Some(self.at.0);
        tenure.last_recorded = last_recorded;
        let role = role.to_string();
        self.record(if last_recorded {
            ChangeKind::RoleLastRecorded { person, unit, role }
        } else {
            ChangeKind::RoleEnded { person, unit, role }
        });
        Some(ix)
    }

    fn start_role(
        &mut self,
        person: PersonIx,
        unit: UnitIx,
        role: &'a str,
        carried_from: Option<TenureIx>,
    ) {
        let ix = TenureIx::new(self.history.tenures.len());
        self.held.insert((person, unit, role), ix);
        self.held_at.entry(unit).or_default().push((person, role));
        self.history.tenures.push(Tenure {
            person,
            unit,
            role: role.to_string(),
            start: self.at.2,
            start_event: self.at.0,
            end: None,
            end_event: None,
            carried_from,
            last_recorded: false,
        });
        self.record(ChangeKind::RoleStarted {
            person,
            unit,
            role: role.to_string(),
        });
    }

    fn apply(&mut self, step: Resolved<'a>) {
        match step {
            Resolved::StartRole(person, unit, role) => self.apply_start(person, unit, role),
            Resolved::EndRole(person, unit, role) => self.apply_end(person, unit, role),
            Resolved::LastRecorded(person, unit, role) => {
                if self.end_role(person, unit, role, true).is_none() {
                    self.error(format!(
                        "`{}` does not hold `{role}` at `{}` on {}; LastRecorded marks the last record of a role they hold",
                        self.person_id(person),
                        self.unit_id(unit),
                        self.at.2
                    ));
                }
            }
            Resolved::Found(unit, parent) => self.apply_found(unit, parent),
            Resolved::Move(unit, parent, acquired) => self.apply_move(unit, parent, acquired),
            Resolved::Merge(unit, into) => self.apply_merge(unit, into),
            Resolved::Rename(unit, to) => self.apply_rename(unit, to),
            Resolved::Dissolve(unit) => self.apply_dissolve(unit),
        }
    }

    fn apply_end(&mut self, person: PersonIx, unit: UnitIx, role: &'a str) {
        if self.end_role(person, unit, role, false).is_some() {
            return;
        }
        let held: Vec<String> = self
            .held
            .keys()
            .filter(|(p, _, _)| *p == person)
            .map(|&(_, u, r)| format!("{r} at {}", self.unit_id(u)))
            .collect();
        let now = if held.is_empty() {
            "no role".to_string()
        } else {
            held.join(", ")
        };
        self.error(format!(
            "`{}` does not hold `{role}` at `{}` on {} (they hold {now}); add a StartRole earlier or fix the role",
            self.person_id(person),
            self.unit_id(unit),
            self.at.2
        ));
    }

    fn apply_start(&mut self, person: PersonIx, unit: UnitIx, role: &'a str) {
        if !self.require_unit(unit) {
            return;
        }
        let (who, at) = (self.person_id(person), self.unit_id(unit));
        if self.held.contains_key(&(person, unit, role)) {
            self.error(format!(
                "`{who}` already holds `{role}` at `{at}` on {}; end it first or remove this StartRole",
                self.at.2
            ));
            return;
        }
        if SOLE_ROLES.contains(&role) {
            let others: Vec<&str> = self
                .held_at
                .get(&unit)
                .into_iter()
                .flatten()
                .filter(|&&(p, r)| r == role && p != person)
                .map(|&(p, _)| self.person_id(p))
                .collect();
            if !others.is_empty() {
                self.warn(format!(
                    "`{who}` becomes {role} of `{at}` while `{}` still holds it; add an EndRole if they left",
                    others.join("`, `")
                ));
            }
        }
        self.start_role(person, unit, role, None);
    }
}
