//! Which people, units and events a query matches, and how well: the [`Matcher`].
//!
//! Every atom must match. A matching item's score is the sum of its atoms' scores; filters
//! (`kind:`, `@dates`) and exclusions (`!…`) score nothing. How a text atom scores:
//!
//! - a person or unit: its best score over its name, Chinese name, aliases and id;
//! - an event: the best of its title, half its summary, and the score of the best person or unit
//!   it names — so `gao` finds every event naming Gao Xiaosong, scored as well as his name, and
//!   listed after him;
//! - `person:`/`unit:` on an event: the best person/unit it names; on a unit, half the score of
//!   the best person who held a role there, and on a person, half that of the best unit they
//!   held a role at (so `unit:damai` also lists Damai's leaders, after Damai and its events);
//! - `tag:`: an event's best tag.
//!
//! A fuzzy atom must match tightly (at word starts, or letters close together): see
//! `fuzzy.rs`. Letters of `gao` strewn over a sentence match nothing.
//!
//! `@dates` match an event whose date (or span to its `end`) overlaps the range, a person with a
//! role held during it, and a unit that existed during it. `kind:` and `tag:` match events only.
//!
//! Names of people and units are scored once per matcher, so a scan over the events is linear.

use std::borrow::Cow;
use std::cell::OnceCell;

use chrono::NaiveDate;

use super::Query;
use super::fuzzy::{Pattern, Scorer};
use super::parse::{Atom, Field, Test};
use crate::store::ids::{EventIx, PersonIx, UnitIx};
use crate::store::model::Event;
use crate::timeline::Timeline;
use crate::timeline::history::TenureIx;

/// A query prepared against one timeline: ask it about events, people and units by their typed
/// index.
///
/// Preparing scores the names of every person and unit once; reuse one matcher for many items.
pub struct Matcher<'a> {
    timeline: &'a Timeline,
    /// The atoms, cheapest tests first, with their results on every person and unit.
    atoms: Vec<Prepared<'a>>,
    scorer: Scorer,
    roles: OnceCell<Roles>,
}

/// One atom with its test run on every person and unit.
#[derive(Clone)]
pub(super) struct Prepared<'a> {
    /// The atom (an `era:` atom resolved to its era's dates).
    pub(super) atom: Cow<'a, Atom>,
    /// Each person's result by their own names (text atoms in `Any` or `Person`).
    pub(super) people: Vec<Option<i64>>,
    /// Each unit's result by its own names (text atoms in `Any` or `Unit`) or life (dates).
    pub(super) units: Vec<Option<i64>>,
    /// Whether any person matched by their names (else events need not look theirs up).
    any_person: bool,
    /// Whether any unit matched by its names.
    any_unit: bool,
}

/// Who held roles where, as indices, from the replayed tenures.
#[derive(Clone)]
struct Roles {
    /// For each person: (unit index, tenure) of each role they held.
    of_person: Vec<Vec<(usize, TenureIx)>>,
    /// For each unit: (person index, tenure) of each role held there.
    at_unit: Vec<Vec<(usize, TenureIx)>>,
}

impl<'a> Matcher<'a> {
    /// Prepares `query` for `timeline`.
    #[must_use]
    pub fn new(timeline: &'a Timeline, query: &'a Query) -> Self {
        let mut scorer = Scorer::default();
        let mut atoms: Vec<Prepared<'a>> = query
            .atoms
            .iter()
            .map(|atom| prepare(timeline, atom, &mut scorer))
            .collect();
        atoms.sort_by_key(|p| cost(&p.atom.test));
        Matcher {
            timeline,
            atoms,
            scorer,
            roles: OnceCell::new(),
        }
    }

    /// The same matcher for use on another thread: the prepared atoms shared by copy, its own
    /// scratch space.
    pub(super) fn fork(&self) -> Self {
        Matcher {
            timeline: self.timeline,
            atoms: self.atoms.clone(),
            scorer: Scorer::default(),
            roles: self.roles.clone(),
        }
    }

    /// The score of event `ix`, or `None` when it does not match.
    pub fn event(&mut self, ix: EventIx) -> Option<i64> {
        self.score_event(ix, true)
    }

    /// Whether event `ix` matches: [`Matcher::event`] without the score, which is faster
    /// (a text atom stops at the first field that matches).
    pub fn event_matches(&mut self, ix: EventIx) -> bool {
        self.score_event(ix, false).is_some()
    }

    /// The event's score when `best` is set, else some score when it matches.
    fn score_event(&mut self, ix: EventIx, best: bool) -> Option<i64> {
        let timeline = self.timeline;
        let event = timeline.store.events.get(ix.index())?;
        let mut total = 0;
        for i in 0..self.atoms.len() {
            let result = self.event_test(i, event, best);
            total += passes(&self.atoms[i].atom, result)?;
        }
        Some(total)
    }

    /// The score of person `ix`, or `None` when they do not match.
    pub fn person(&mut self, ix: PersonIx) -> Option<i64> {
        let index = ix.index();
        self.timeline.store.people.get(index)?;
        let mut total = 0;
        for prepared in &self.atoms {
            let result = match &prepared.atom.test {
                Test::Text(Field::Unit, _) | Test::Date(..) => {
                    let links = &self.roles().of_person[index];
                    linked(self.timeline, prepared, links, &prepared.units)
                }
                _ => prepared.people[index],
            };
            total += passes(&prepared.atom, result)?;
        }
        Some(total)
    }

    /// The score of unit `ix`, or `None` when it does not match.
    pub fn unit(&mut self, ix: UnitIx) -> Option<i64> {
        let index = ix.index();
        self.timeline.store.units.get(index)?;
        let mut total = 0;
        for prepared in &self.atoms {
            let result = match &prepared.atom.test {
                Test::Text(Field::Person, _) => {
                    let links = &self.roles().at_unit[index];
                    linked(self.timeline, prepared, links, &prepared.people)
                }
                _ => prepared.units[index],
            };
            total += passes(&prepared.atom, result)?;
        }
        Some(total)
    }

    /// The atoms and the scorer, for highlighting.
    pub(super) fn parts(&mut self) -> (&[Prepared<'a>], &mut Scorer) {
        (&self.atoms, &mut self.scorer)
    }

    fn roles(&self) -> &Roles {
        self.roles.get_or_init(|| {
            let store = &self.timeline.store;
            let mut roles = Roles {
                of_person: vec![Vec::new(); store.people.len()],
                at_unit: vec![Vec::new(); store.units.len()],
            };
            for (t, tenure) in self.timeline.history.tenures() {
                let (p, u) = (tenure.person.index(), tenure.unit.index());
                roles.of_person[p].push((u, t));
                roles.at_unit[u].push((p, t));
            }
            roles
        })
    }

    /// Atom `i`'s test on `event`, before negation: the best score when `best` is set, else the
    /// first found.
    fn event_test(&mut self, i: usize, event: &Event, best: bool) -> Option<i64> {
        let prepared = &self.atoms[i];
        let ids = self.timeline.ids();
        let people = || {
            prepared
                .any_person
                .then(|| {
                    best_ref(
                        &event.people,
                        |id| ids.person(id).map(PersonIx::index),
                        &prepared.people,
                    )
                })
                .flatten()
        };
        let units = || {
            prepared
                .any_unit
                .then(|| {
                    best_ref(
                        &event.units,
                        |id| ids.unit(id).map(UnitIx::index),
                        &prepared.units,
                    )
                })
                .flatten()
        };
        match &prepared.atom.test {
            Test::Kind(kind) => (event.kind == *kind).then_some(0),
            Test::Date(from, to) => {
                let hit = match event.end {
                    None => event.date.overlaps(*from, *to),
                    Some(end) => event.date.start() <= *to && end.end() >= *from,
                };
                hit.then_some(0)
            }
            // Resolved to dates when prepared.
            Test::Era(_) => None,
            Test::Text(Field::Person, _) => people(),
            Test::Text(Field::Unit, _) => units(),
            Test::Text(Field::Tag, pattern) => event
                .tags
                .iter()
                .filter_map(|tag| self.scorer.score(pattern, tag))
                .max(),
            Test::Text(Field::Any, pattern) => {
                let mut found = people().max(units());
                if best || found.is_none() {
                    found = found.max(self.scorer.score(pattern, &event.title));
                }
                // Half a summary's score cannot beat what is found already: skip the longest text.
                if found.is_none_or(|s| best && s < pattern.max_score() / 2) {
                    found = found.max(self.scorer.score(pattern, &event.summary).map(|s| s / 2));
                }
                found
            }
        }
    }
}

/// Runs `atom` on every person and unit of `timeline`.
fn prepare<'a>(timeline: &Timeline, atom: &'a Atom, scorer: &mut Scorer) -> Prepared<'a> {
    let atom = super::era::resolved(timeline, atom).map_or(Cow::Borrowed(atom), Cow::Owned);
    let store = &timeline.store;
    let mut people: Vec<Option<i64>> = Vec::with_capacity(store.people.len());
    let mut units: Vec<Option<i64>> = Vec::with_capacity(store.units.len());
    for p in &store.people {
        people.push(match &atom.test {
            Test::Text(Field::Any | Field::Person, pattern) => names(
                scorer,
                pattern,
                [&p.id, &p.name],
                p.name_zh.as_deref(),
                &p.aliases,
            ),
            _ => None,
        });
    }
    for u in &store.units {
        units.push(match &atom.test {
            Test::Text(Field::Any | Field::Unit, pattern) => names(
                scorer,
                pattern,
                [&u.id, &u.name],
                u.name_zh.as_deref(),
                &u.aliases,
            ),
            Test::Date(from, to) => alive(timeline, &u.id, *from, *to).then_some(0),
            _ => None,
        });
    }
    Prepared {
        atom,
        any_person: people.iter().any(Option::is_some),
        any_unit: units.iter().any(Option::is_some),
        people,
        units,
    }
}

/// Ids to indices, hashed with FNV-1a: short keys looked up for every event of a search, where
/// the default SipHash showed up in profiles.
/// Cheapest tests first, so most items are rejected before any text is scanned.
fn cost(test: &Test) -> u8 {
    match test {
        Test::Kind(_) | Test::Date(..) | Test::Era(_) => 0,
        Test::Text(Field::Person | Field::Unit, _) => 1,
        Test::Text(Field::Tag, _) => 2,
        Test::Text(Field::Any, _) => 3,
    }
}

/// An atom's contribution to the score, `None` when the item fails it.
fn passes(atom: &Atom, result: Option<i64>) -> Option<i64> {
    match (atom.negated, result) {
        (false, score) => score,
        (true, None) => Some(0),
        (true, Some(_)) => None,
    }
}

/// The best score among the referenced ids.
fn best_ref(
    ids: &[String],
    index: impl Fn(&str) -> Option<usize>,
    scores: &[Option<i64>],
) -> Option<i64> {
    ids.iter()
        .filter_map(|id| index(id).and_then(|i| scores.get(i).copied().flatten()))
        .max()
}

/// The best score of `pattern` over an entity's id and name, Chinese name and aliases.
fn names(
    scorer: &mut Scorer,
    pattern: &Pattern,
    id_and_name: [&str; 2],
    zh: Option<&str>,
    aliases: &[String],
) -> Option<i64> {
    id_and_name
        .into_iter()
        .chain(zh)
        .chain(aliases.iter().map(String::as_str))
        .filter_map(|text| scorer.score(pattern, text))
        .max()
}

/// A person's result for `unit:`/dates, or a unit's for `person:`, through roles: `links` are
/// (other entity, tenure) pairs and `other` the other side's results, counted half.
fn linked(
    timeline: &Timeline,
    prepared: &Prepared<'_>,
    links: &[(usize, TenureIx)],
    other: &[Option<i64>],
) -> Option<i64> {
    if let Test::Date(from, to) = &prepared.atom.test {
        return links
            .iter()
            .map(|&(_, t)| timeline.history.tenure(t))
            .any(|t| t.start.start() <= *to && t.end.is_none_or(|e| e.end() >= *from))
            .then_some(0);
    }
    links
        .iter()
        .filter_map(|&(o, _)| other.get(o).copied().flatten())
        .max()
        .map(|s| s / 2)
}

/// Whether a unit existed at some time in `from..=to`.
fn alive(timeline: &Timeline, id: &str, from: NaiveDate, to: NaiveDate) -> bool {
    let life = timeline.unit_life(id);
    life.is_some_and(|life| {
        life.start.is_none_or(|s| s.start() <= to) && life.end.is_none_or(|e| e.end() >= from)
    })
}
