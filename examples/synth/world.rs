//! The simulation behind a synthetic store: units are founded, acquired, placed, merged, renamed
//! and dissolved, and people take and leave roles, in date order, so that every effect replays
//! cleanly (a unit exists before it is referenced; a role is ended only while held; a sole role
//! is handed over rather than doubled).

use std::collections::HashMap;

use ali_timeline::store::model::{Effect, EventKind, Person, Unit, UnitKind};
use ali_timeline::timeline::replay::SOLE_ROLES;

use super::rng::Rng;

/// Roles several people may hold at once at a unit.
const SHARED_ROLES: [&str; 6] = [
    "vice president",
    "cto",
    "coo",
    "board member",
    "editor-in-chief",
    "head of content",
];

/// A role by index: the sole roles first, then the shared ones.
pub fn role_name(role: usize) -> &'static str {
    SOLE_ROLES
        .get(role)
        .copied()
        .unwrap_or_else(|| SHARED_ROLES[(role - SOLE_ROLES.len()) % SHARED_ROLES.len()])
}

/// How a unit enters the record.
#[derive(Clone, Copy, PartialEq)]
pub enum Origin {
    /// It exists before the first event (no `Found` effect).
    Initial,
    /// A `Found` effect creates it.
    Founded,
    /// A `Rename` effect creates it as the new identity of another unit.
    RenameTarget,
}

/// Depth class of a unit kind: a unit is only ever placed under a unit of a lower rank, so the
/// tree can never form a cycle.
pub fn rank(kind: UnitKind) -> usize {
    match kind {
        UnitKind::Group => 0,
        UnitKind::BusinessGroup => 1,
        UnitKind::Company | UnitKind::External => 2,
        UnitKind::Division => 3,
        UnitKind::Platform => 4,
    }
}

/// What one event does: its kind, headline topic, effects, and whom it involves.
pub struct Plan {
    /// The event kind.
    pub kind: EventKind,
    /// The headline topic (an event kind name, or `place`, `rename`, `dissolve`).
    pub topic: &'static str,
    /// The effects, in the order they apply.
    pub effects: Vec<Effect>,
    /// People involved (indices), main one first.
    pub people: Vec<usize>,
    /// Units involved (indices), main one first.
    pub units: Vec<usize>,
    /// The role named in the headline, if any.
    pub role: Option<usize>,
}

/// The organisation as the simulation has replayed it so far.
pub struct World<'a> {
    people: &'a [Person],
    units: &'a [Unit],
    alive: Vec<bool>,
    parent: Vec<Option<usize>>,
    by_rank: [Vec<usize>; 5],
    to_found: Vec<usize>,
    to_rename: Vec<usize>,
    /// Roles held now: (person, unit, role).
    held: Vec<(usize, usize, usize)>,
    /// Where each held role sits in `held`.
    holding: HashMap<(usize, usize, usize), usize>,
    /// Who holds each sole role, by (unit, role).
    sole: HashMap<(usize, usize), usize>,
}

impl<'a> World<'a> {
    /// A world where the `Initial` units exist, with no parents and no roles held.
    pub fn new(people: &'a [Person], units: &'a [Unit], origins: &[Origin], rng: &mut Rng) -> Self {
        let mut world = World {
            people,
            units,
            alive: vec![false; units.len()],
            parent: vec![None; units.len()],
            by_rank: Default::default(),
            to_found: Vec::new(),
            to_rename: Vec::new(),
            held: Vec::new(),
            holding: HashMap::new(),
            sole: HashMap::new(),
        };
        for (i, origin) in origins.iter().enumerate() {
            match origin {
                Origin::Initial => world.revive(i),
                Origin::Founded => world.to_found.push(i),
                Origin::RenameTarget => world.to_rename.push(i),
            }
        }
        // Found units in a random order, so every kind keeps appearing over the years.
        for i in (1..world.to_found.len()).rev() {
            let j = rng.below(i + 1);
            world.to_found.swap(i, j);
        }
        world
    }

    fn rank_of(&self, unit: usize) -> usize {
        rank(self.units[unit].kind)
    }

    fn revive(&mut self, unit: usize) {
        self.alive[unit] = true;
        let r = self.rank_of(unit);
        self.by_rank[r].push(unit);
    }

    fn kill(&mut self, unit: usize) {
        self.alive[unit] = false;
        let r = self.rank_of(unit);
        if let Some(at) = self.by_rank[r].iter().position(|&u| u == unit) {
            self.by_rank[r].swap_remove(at);
        }
    }

    fn children(&self, unit: usize) -> Vec<usize> {
        (0..self.units.len())
            .filter(|&c| self.alive[c] && self.parent[c] == Some(unit))
            .collect()
    }

    /// A living unit of a rank in `ranks`, if there is one.
    fn pick_alive(&self, rng: &mut Rng, ranks: std::ops::RangeInclusive<usize>) -> Option<usize> {
        let total: usize = ranks.clone().map(|r| self.by_rank[r].len()).sum();
        if total == 0 {
            return None;
        }
        let mut n = rng.below(total);
        for r in ranks {
            if n < self.by_rank[r].len() {
                return Some(self.by_rank[r][n]);
            }
            n -= self.by_rank[r].len();
        }
        None
    }

    fn pick_person(&self, rng: &mut Rng) -> usize {
        rng.below(self.people.len())
    }

    fn start(&mut self, person: usize, unit: usize, role: usize) -> Effect {
        self.holding.insert((person, unit, role), self.held.len());
        self.held.push((person, unit, role));
        if role < SOLE_ROLES.len() {
            self.sole.insert((unit, role), person);
        }
        Effect::StartRole {
            person: self.people[person].id.clone(),
            unit: self.units[unit].id.clone(),
            role: role_name(role).to_string(),
        }
    }

    fn end(&mut self, person: usize, unit: usize, role: usize) -> Effect {
        if let Some(at) = self.holding.remove(&(person, unit, role)) {
            self.held.swap_remove(at);
            if let Some(&moved) = self.held.get(at) {
                self.holding.insert(moved, at);
            }
        }
        if role < SOLE_ROLES.len() {
            self.sole.remove(&(unit, role));
        }
        Effect::EndRole {
            person: self.people[person].id.clone(),
            unit: self.units[unit].id.clone(),
            role: role_name(role).to_string(),
        }
    }

    /// Ends (as the replay does) every role held at `unit`.
    fn end_all_at(&mut self, unit: usize) {
        let (gone, kept): (Vec<_>, Vec<_>) = self.held.iter().partition(|h| h.1 == unit);
        self.holding = kept.iter().enumerate().map(|(i, &h)| (h, i)).collect();
        self.held = kept;
        for (_, _, role) in gone {
            self.sole.remove(&(unit, role));
        }
    }

    fn id(&self, unit: usize) -> String {
        self.units[unit].id.clone()
    }

    /// Plans the next event. `remaining` counts the events still to plan, this one included.
    pub fn plan(&mut self, rng: &mut Rng, remaining: usize) -> Plan {
        let share = |left: usize| (left as f64 / remaining as f64 * 1.5).min(0.5);
        let planned = if rng.chance(share(self.to_found.len())) {
            self.found(rng)
        } else if rng.chance(share(self.to_rename.len())) {
            self.rename(rng)
        } else {
            match rng.below(1000) {
                0..4 => self.merge(rng),
                4..7 => self.dissolve(rng),
                7..17 => self.acquire(rng),
                17..37 => self.place(rng),
                37..290 => self.appoint(rng, None),
                290..410 => self.depart(rng),
                _ => None,
            }
        };
        planned.unwrap_or_else(|| self.news(rng))
    }

    fn plan_of(kind: EventKind, topic: &'static str, effects: Vec<Effect>) -> Plan {
        Plan {
            kind,
            topic,
            effects,
            people: Vec::new(),
            units: Vec::new(),
            role: None,
        }
    }

    fn found(&mut self, rng: &mut Rng) -> Option<Plan> {
        let unit = self.to_found.pop()?;
        let r = self.rank_of(unit);
        let parent = if self.units[unit].kind == UnitKind::External || r == 0 {
            None
        } else {
            self.pick_alive(rng, r - 1..=r - 1)
                .or_else(|| self.pick_alive(rng, 0..=r - 1))
        };
        self.revive(unit);
        self.parent[unit] = parent;
        let mut plan = Self::plan_of(
            EventKind::Founding,
            "founding",
            vec![Effect::Found {
                unit: self.id(unit),
                parent: parent.map(|p| self.id(p)),
                founders: Vec::new(),
            }],
        );
        plan.units.push(unit);
        plan.units.extend(parent);
        if rng.chance(0.6) {
            let person = self.pick_person(rng);
            let role = rng.below(2); // chairman or ceo
            plan.effects.push(self.start(person, unit, role));
            plan.people.push(person);
            plan.role = Some(role);
        }
        Some(plan)
    }

    fn appoint(&mut self, rng: &mut Rng, unit: Option<usize>) -> Option<Plan> {
        let unit = unit.or_else(|| self.pick_alive(rng, 0..=4))?;
        let person = self.pick_person(rng);
        let role = rng.below(SOLE_ROLES.len() + SHARED_ROLES.len());
        let mut plan = Self::plan_of(EventKind::Appointment, "appointment", Vec::new());
        plan.people.push(person);
        if let Some(&before) = self.sole.get(&(unit, role)) {
            if before == person {
                return None;
            }
            plan.effects.push(self.end(before, unit, role));
            plan.people.push(before);
        } else if self.holding.contains_key(&(person, unit, role)) {
            return None;
        }
        plan.effects.push(self.start(person, unit, role));
        plan.units.push(unit);
        plan.role = Some(role);
        Some(plan)
    }

    fn depart(&mut self, rng: &mut Rng) -> Option<Plan> {
        if self.held.is_empty() {
            return None;
        }
        let (person, unit, role) = self.held[rng.below(self.held.len())];
        let mut plan = Self::plan_of(
            EventKind::Departure,
            "departure",
            vec![self.end(person, unit, role)],
        );
        plan.people.push(person);
        plan.units.push(unit);
        plan.role = Some(role);
        Some(plan)
    }

    fn acquire(&mut self, rng: &mut Rng) -> Option<Plan> {
        let unit = self.pick_alive(rng, 2..=2)?;
        let by = self.pick_alive(rng, 0..=1)?;
        if self.parent[unit] == Some(by) {
            return None;
        }
        self.parent[unit] = Some(by);
        let effect = Effect::Acquire {
            unit: self.id(unit),
            by: self.id(by),
        };
        let mut plan = Self::plan_of(EventKind::Acquisition, "acquisition", vec![effect]);
        plan.units = vec![unit, by];
        Some(plan)
    }

    fn place(&mut self, rng: &mut Rng) -> Option<Plan> {
        let r = rng.range(3, 4);
        let unit = self.pick_alive(rng, r..=r)?;
        let parent = self.pick_alive(rng, r - 2..=r - 1)?;
        if self.parent[unit] == Some(parent) {
            return None;
        }
        self.parent[unit] = Some(parent);
        let effect = Effect::Place {
            unit: self.id(unit),
            parent: self.id(parent),
        };
        let mut plan = Self::plan_of(EventKind::Restructure, "place", vec![effect]);
        plan.units = vec![unit, parent];
        Some(plan)
    }

    fn merge(&mut self, rng: &mut Rng) -> Option<Plan> {
        let r = rng.range(2, 4);
        let unit = self.pick_alive(rng, r..=r)?;
        let into = self.pick_alive(rng, r..=r)?;
        if unit == into {
            return None;
        }
        for child in self.children(unit) {
            self.parent[child] = Some(into);
        }
        self.end_all_at(unit);
        self.kill(unit);
        let effect = Effect::Merge {
            unit: self.id(unit),
            into: self.id(into),
        };
        let mut plan = Self::plan_of(EventKind::Merger, "merger", vec![effect]);
        plan.units = vec![unit, into];
        Some(plan)
    }

    fn rename(&mut self, rng: &mut Rng) -> Option<Plan> {
        let to = *self.to_rename.last()?;
        let r = self.rank_of(to);
        let unit = self.pick_alive(rng, r..=r)?;
        self.to_rename.pop();
        self.revive(to);
        self.parent[to] = self.parent[unit];
        for child in self.children(unit) {
            self.parent[child] = Some(to);
        }
        let moved: Vec<_> = self.held.iter().filter(|h| h.1 == unit).copied().collect();
        self.end_all_at(unit);
        for (person, _, role) in moved {
            self.start(person, to, role);
        }
        self.kill(unit);
        let effect = Effect::Rename {
            unit: self.id(unit),
            to: self.id(to),
        };
        let mut plan = Self::plan_of(EventKind::Restructure, "rename", vec![effect]);
        plan.units = vec![unit, to];
        Some(plan)
    }

    fn dissolve(&mut self, rng: &mut Rng) -> Option<Plan> {
        let r = rng.range(2, 4);
        let unit = self.pick_alive(rng, r..=r)?;
        if !self.children(unit).is_empty() {
            return None;
        }
        self.end_all_at(unit);
        self.kill(unit);
        let effect = Effect::Dissolve {
            unit: self.id(unit),
        };
        let mut plan = Self::plan_of(EventKind::Restructure, "dissolve", vec![effect]);
        plan.units.push(unit);
        plan.units.extend(self.parent[unit]);
        Some(plan)
    }

    /// An event with no effects: strategy, results, deals, lawsuits, launches.
    fn news(&mut self, rng: &mut Rng) -> Plan {
        let (kind, topic) = *rng.pick(&[
            (EventKind::Strategy, "strategy"),
            (EventKind::Financial, "financial"),
            (EventKind::Deal, "deal"),
            (EventKind::Legal, "legal"),
            (EventKind::Launch, "launch"),
        ]);
        let mut plan = Self::plan_of(kind, topic, Vec::new());
        plan.units.extend(self.pick_alive(rng, 0..=4));
        plan.units.extend(self.pick_alive(rng, 0..=4));
        plan.people.push(self.pick_person(rng));
        plan
    }
}
