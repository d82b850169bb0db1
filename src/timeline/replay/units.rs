//! The replay's changes to units: founding, moving, merging, renaming and dissolving, with the
//! checks each makes (the unit exists now, no cycle, no sub-units left behind).

use super::Replayer;
use crate::store::ids::UnitIx;
use crate::timeline::history::{ChangeKind, UnitLife};

impl Replayer<'_> {
    /// Checks that `unit` exists now; reports why not otherwise.
    pub(super) fn require_unit(&mut self, unit: UnitIx) -> bool {
        let day = self.day();
        let id = self.unit_id(unit);
        let why = match self.history.unit(unit) {
            Some(life) if life.exists_on(day) => return true,
            Some(life) => match life.end {
                Some(end) => format!(
                    "unit `{id}` no longer exists on {} (it ended on {end})",
                    self.at.2
                ),
                None => format!("unit `{id}` does not exist yet on {}", self.at.2),
            },
            None => format!(
                "unit `{id}` does not exist yet on {}; add a Found effect before this event",
                self.at.2
            ),
        };
        self.error(why);
        false
    }

    /// The units under `unit` now, sorted by id.
    fn children_of(&self, unit: UnitIx) -> Vec<UnitIx> {
        let day = self.day();
        let mut children: Vec<UnitIx> = self
            .placed_under
            .get(&unit)
            .into_iter()
            .flatten()
            .filter(|&&child| {
                self.history
                    .unit(child)
                    .is_some_and(|life| life.exists_on(day) && life.parent_on(day) == Some(unit))
            })
            .copied()
            .collect();
        children.sort_by_key(|&child| self.unit_id(child));
        children.dedup();
        children
    }

    /// Notes that `unit` now sits under `parent` (see `placed_under`).
    fn note_placed(&mut self, unit: UnitIx, parent: Option<UnitIx>) {
        if let Some(parent) = parent {
            self.placed_under.entry(parent).or_default().push(unit);
        }
    }

    fn set_parent(&mut self, unit: UnitIx, parent: UnitIx) {
        let day = self.day();
        self.note_placed(unit, Some(parent));
        if let Some(life) = self.life_mut(unit) {
            life.parents.push((day, Some(parent)));
        }
    }

    fn is_within(&self, unit: UnitIx, ancestor: UnitIx) -> bool {
        let mut current = Some(unit);
        let mut steps = 0;
        while let Some(u) = current {
            if u == ancestor {
                return true;
            }
            steps += 1;
            if steps > self.history.units.len() {
                return true;
            }
            current = self.parent_now(u);
        }
        false
    }

    pub(super) fn apply_dissolve(&mut self, unit: UnitIx) {
        if !self.require_unit(unit) {
            return;
        }
        let children = self.children_of(unit);
        if !children.is_empty() {
            let names: Vec<&str> = children.iter().map(|&c| self.unit_id(c)).collect();
            self.error(format!(
                "unit `{}` still has sub-units ({}); place them elsewhere before dissolving it",
                self.unit_id(unit),
                names.join(", ")
            ));
            return;
        }
        self.end_unit(unit);
        self.record(ChangeKind::Dissolved { unit });
    }

    pub(super) fn apply_found(&mut self, unit: UnitIx, parent: Option<UnitIx>) {
        if let Some(life) = self.history.unit(unit) {
            let id = self.unit_id(unit);
            let msg = match life.start {
                Some(start) => format!("unit `{id}` is founded twice (first on {start})"),
                None => format!("unit `{id}` already exists"),
            };
            self.error(msg);
            return;
        }
        if let Some(parent) = parent
            && !self.require_unit(parent)
        {
            return;
        }
        self.begin_unit(unit, parent);
        self.record(ChangeKind::Founded { unit, parent });
    }

    /// Brings `unit` into existence now, under `parent`.
    fn begin_unit(&mut self, unit: UnitIx, parent: Option<UnitIx>) {
        let day = self.day();
        self.note_placed(unit, parent);
        self.history.units[unit.index()] = Some(UnitLife {
            start: Some(self.at.2),
            parents: vec![(day, parent)],
            ..UnitLife::default()
        });
    }

    pub(super) fn apply_move(&mut self, unit: UnitIx, parent: UnitIx, acquired: bool) {
        if !(self.require_unit(unit) && self.require_unit(parent)) {
            return;
        }
        if self.is_within(parent, unit) {
            let (u, p) = (self.unit_id(unit), self.unit_id(parent));
            self.error(format!(
                "cannot place `{u}` under `{p}`: `{p}` is `{u}` or inside it"
            ));
            return;
        }
        let from = self.parent_now(unit);
        self.set_parent(unit, parent);
        self.record(ChangeKind::Moved {
            unit,
            from,
            to: parent,
            acquired,
        });
    }

    pub(super) fn apply_merge(&mut self, unit: UnitIx, into: UnitIx) {
        if !(self.require_unit(unit) && self.require_unit(into)) {
            return;
        }
        if self.is_within(into, unit) {
            let (u, i) = (self.unit_id(unit), self.unit_id(into));
            self.error(format!(
                "cannot merge `{u}` into `{i}`: `{i}` is `{u}` or inside it"
            ));
            return;
        }
        for child in self.children_of(unit) {
            self.set_parent(child, into);
        }
        self.end_unit(unit);
        self.record(ChangeKind::Merged { unit, into });
    }

    pub(super) fn apply_rename(&mut self, unit: UnitIx, to: UnitIx) {
        if !self.require_unit(unit) {
            return;
        }
        if self.history.unit(to).is_some() {
            let (u, t) = (self.unit_id(unit), self.unit_id(to));
            self.error(format!(
                "cannot rename `{u}` to `{t}`: `{t}` already exists; a rename needs a new unit"
            ));
            return;
        }
        let parent = self.parent_now(unit);
        let children = self.children_of(unit);
        let roles = self.roles_at(unit);
        self.begin_unit(to, parent);
        for child in children {
            self.set_parent(child, to);
        }
        self.record(ChangeKind::Renamed { unit, to });
        for (person, role) in roles {
            let previous = self.end_role(person, unit, role, false);
            self.start_role(person, to, role, previous);
        }
        let date = self.at.2;
        if let Some(life) = self.life_mut(unit) {
            life.end = Some(date);
        }
    }
}
