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
use std::sync::Arc;

use chrono::NaiveDate;

mod roles;

use roles::{Link, Roles};

use super::Query;
use super::fuzzy::{Pattern, Scorer};
use super::parse::{Atom, Field, Test};
use crate::store::date::PartialDate;
use crate::store::ids::{EventIx, PersonIx, UnitIx};
use crate::timeline::{Searchable, Timeline};

/// A query prepared against one timeline (or its search [`Index`](crate::timeline::index::Index):
/// anything [`Searchable`]): ask it about events, people and units by their typed index.
///
/// Preparing scores the names of every person and unit once; reuse one matcher for many items.
pub struct Matcher<'a, S: Searchable = Timeline> {
    timeline: &'a S,
    /// The atoms, cheapest tests first, with their results on every person and unit.
    atoms: Vec<Prepared<'a>>,
    scorer: Scorer,
    /// Who held roles where, worked out when first needed, shared with forks.
    roles: OnceCell<Arc<Roles>>,
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

impl<'a, S: Searchable> Matcher<'a, S> {
    /// Prepares `query` for `timeline`.
    #[must_use]
    pub fn new(timeline: &'a S, query: &'a Query) -> Self {
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
        self.score_event(ix.index(), true)
    }

    /// Whether event `ix` matches: [`Matcher::event`] without the score, which is faster
    /// (a text atom stops at the first field that matches).
    pub fn event_matches(&mut self, ix: EventIx) -> bool {
        self.score_event(ix.index(), false).is_some()
    }

    /// The event's score when `best` is set, else some score when it matches.
    fn score_event(&mut self, event: usize, best: bool) -> Option<i64> {
        if event >= self.timeline.event_count() {
            return None;
        }
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
        if index >= self.timeline.person_count() {
            return None;
        }
        let mut total = 0;
        for prepared in &self.atoms {
            let result = match &prepared.atom.test {
                Test::Text(Field::Unit, _) | Test::Date(..) => {
                    let links = self.roles().of_person(index);
                    linked(prepared, links, &prepared.units)
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
        if index >= self.timeline.unit_count() {
            return None;
        }
        let mut total = 0;
        for prepared in &self.atoms {
            let result = match &prepared.atom.test {
                Test::Text(Field::Person, _) => {
                    let links = self.roles().at_unit(index);
                    linked(prepared, links, &prepared.people)
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
        self.roles
            .get_or_init(|| Arc::new(Roles::of(self.timeline)))
    }

    /// Atom `i`'s test on event `e`, before negation: the best score when `best` is set, else the
    /// first found.
    fn event_test(&mut self, i: usize, e: usize, best: bool) -> Option<i64> {
        let prepared = &self.atoms[i];
        let timeline = self.timeline;
        let people = || {
            prepared
                .any_person
                .then(|| best_ref(timeline.event_people(e), &prepared.people))
                .flatten()
        };
        let units = || {
            prepared
                .any_unit
                .then(|| best_ref(timeline.event_units(e), &prepared.units))
                .flatten()
        };
        match &prepared.atom.test {
            Test::Kind(kind) => (timeline.event_kind(e) == *kind).then_some(0),
            Test::Date(from, to) => {
                let hit = match timeline.event_dates(e) {
                    (date, None) => date.overlaps(*from, *to),
                    (date, Some(end)) => date.begins_by(*to) && end.lasts_until(*from),
                };
                hit.then_some(0)
            }
            // Resolved to dates when prepared.
            Test::Era(_) => None,
            Test::Text(Field::Person, _) => people(),
            Test::Text(Field::Unit, _) => units(),
            Test::Text(Field::Tag, pattern) => timeline
                .event_tags(e)
                .filter_map(|tag| self.scorer.score(pattern, tag))
                .max(),
            Test::Text(Field::Any, pattern) => {
                let mut found = people().max(units());
                if best || found.is_none() {
                    found = found.max(self.scorer.score(pattern, timeline.event_title(e)));
                }
                // Half a summary's score cannot beat what is found already: skip the longest text.
                if found.is_none_or(|s| best && s < pattern.max_score() / 2) {
                    let summary = timeline.event_summary(e);
                    found = found.max(self.scorer.score(pattern, summary).map(|s| s / 2));
                }
                found
            }
        }
    }
}

/// Runs `atom` on every person and unit of `timeline`.
fn prepare<'a, S: Searchable>(timeline: &S, atom: &'a Atom, scorer: &mut Scorer) -> Prepared<'a> {
    // Eras are resolved against the loaded store (a search of the index never has `era:` atoms:
    // the CLI loads the store for them).
    let resolved = timeline
        .loaded()
        .and_then(|t| super::era::resolved(t, atom));
    let atom = resolved.map_or(Cow::Borrowed(atom), Cow::Owned);
    // A large store's people and units are scored on two threads: the first people on
    // another, the other people and the units on this one.
    let count = timeline.person_count();
    let (people, units) = if count + timeline.unit_count() < PARALLEL_NAMES {
        (
            people_results(timeline, &atom, scorer, 0..count),
            unit_results(timeline, &atom, scorer),
        )
    } else {
        let split = count.min((count + timeline.unit_count()) / 2);
        std::thread::scope(|scope| {
            let first =
                scope.spawn(|| people_results(timeline, &atom, &mut Scorer::default(), 0..split));
            let rest = people_results(timeline, &atom, scorer, split..count);
            let units = unit_results(timeline, &atom, scorer);
            // Invariant: scoring does not panic; if it did, score those people here instead.
            let mut people = first
                .join()
                .unwrap_or_else(|_| people_results(timeline, &atom, scorer, 0..split));
            people.extend(rest);
            (people, units)
        })
    };
    Prepared {
        atom,
        any_person: people.iter().any(Option::is_some),
        any_unit: units.iter().any(Option::is_some),
        people,
        units,
    }
}

/// Stores with at least this many people and units have them scored on two threads.
const PARALLEL_NAMES: usize = 4_000;

/// The result for `atom` of each person in `range`, by their own names (text atoms in `Any` or
/// `Person`).
fn people_results<S: Searchable>(
    timeline: &S,
    atom: &Atom,
    scorer: &mut Scorer,
    range: std::ops::Range<usize>,
) -> Vec<Option<i64>> {
    range
        .map(|p| match &atom.test {
            Test::Text(Field::Any | Field::Person, pattern) => {
                let (name, zh) = timeline.person_name(p);
                names(
                    scorer,
                    pattern,
                    [timeline.person_id(p), name],
                    zh,
                    timeline.person_aliases(p),
                )
            }
            _ => None,
        })
        .collect()
}

/// Each unit's result for `atom` by its own names (text atoms in `Any` or `Unit`) or its life
/// (dates).
fn unit_results<S: Searchable>(timeline: &S, atom: &Atom, scorer: &mut Scorer) -> Vec<Option<i64>> {
    (0..timeline.unit_count())
        .map(|u| match &atom.test {
            Test::Text(Field::Any | Field::Unit, pattern) => {
                let (name, zh) = timeline.unit_name(u);
                names(
                    scorer,
                    pattern,
                    [timeline.unit_id(u), name],
                    zh,
                    timeline.unit_aliases(u),
                )
            }
            Test::Date(from, to) => alive(timeline.unit_life(u), *from, *to).then_some(0),
            _ => None,
        })
        .collect()
}

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

/// The best score among the referenced positions.
fn best_ref(positions: impl Iterator<Item = usize>, scores: &[Option<i64>]) -> Option<i64> {
    positions
        .filter_map(|i| scores.get(i).copied().flatten())
        .max()
}

/// The best score of `pattern` over an entity's id and name, Chinese name and aliases.
fn names<'t>(
    scorer: &mut Scorer,
    pattern: &Pattern,
    id_and_name: [&'t str; 2],
    zh: Option<&'t str>,
    aliases: impl Iterator<Item = &'t str>,
) -> Option<i64> {
    id_and_name
        .into_iter()
        .chain(zh)
        .chain(aliases)
        .filter_map(|text| scorer.score(pattern, text))
        .max()
}

/// A person's result for `unit:`/dates, or a unit's for `person:`, through roles: `links` are
/// the roles and `other` the other side's results, counted half.
fn linked(prepared: &Prepared<'_>, links: &[Link], other: &[Option<i64>]) -> Option<i64> {
    if let Test::Date(from, to) = &prepared.atom.test {
        return links
            .iter()
            .any(|&(_, start, end)| {
                start.begins_by(*to) && end.is_none_or(|e| e.lasts_until(*from))
            })
            .then_some(0);
    }
    links
        .iter()
        .filter_map(|&(o, _, _)| other.get(o).copied().flatten())
        .max()
        .map(|s| s / 2)
}

/// Whether a unit with this life existed at some time in `from..=to`.
fn alive(
    life: Option<(Option<PartialDate>, Option<PartialDate>)>,
    from: NaiveDate,
    to: NaiveDate,
) -> bool {
    life.is_some_and(|(start, end)| {
        start.is_none_or(|s| s.begins_by(to)) && end.is_none_or(|e| e.lasts_until(from))
    })
}
