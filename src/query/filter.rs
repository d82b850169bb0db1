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
//! Names of people and units are scored at most once per matcher, so a scan over the events is
//! linear: all at once for the atom a search of everything tries first, else each when first
//! asked (`filter/names.rs`).

use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::Arc;

mod names;
mod roles;

use names::NameScores;
pub(super) use names::Side;
use roles::{Link, Roles};

use super::Query;
use super::fuzzy::{Pattern, Scorer};
use super::parse::{Atom, Field, Test};
use crate::store::ids::{EventIx, PersonIx, UnitIx};
use crate::timeline::{Searchable, Timeline};

/// A query prepared against one timeline (or its search [`Index`](crate::timeline::index::Index):
/// anything [`Searchable`]): ask it about events, people and units by their typed index.
///
/// Reuse one matcher for many items: it remembers every name it has scored.
pub struct Matcher<'a, S: Searchable = Timeline> {
    timeline: &'a S,
    /// The atoms, cheapest tests first, with their results on people and units.
    atoms: Vec<Prepared<'a>>,
    scorer: Scorer,
    /// Who held roles where, worked out when first needed, shared with forks.
    roles: OnceCell<Arc<Roles>>,
}

/// One atom with its results on every person and unit.
#[derive(Clone)]
pub(super) struct Prepared<'a> {
    /// The atom (an `era:` atom resolved to its era's dates).
    pub(super) atom: Cow<'a, Atom>,
    /// Each person's result by their own names (text atoms in `Any` or `Person`).
    people: NameScores,
    /// Each unit's result by its own names (text atoms in `Any` or `Unit`) or life (dates).
    units: NameScores,
}

impl<'a, S: Searchable> Matcher<'a, S> {
    /// Prepares `query` for `timeline`, to be asked about everything: the names the first atom
    /// tests are all scored now, on both cores for a large store.
    #[must_use]
    pub fn new(timeline: &'a S, query: &'a Query) -> Self {
        Self::prepare(timeline, query, true)
    }

    /// Prepares `query` for `timeline`, to be asked about a few people, units and events: each
    /// name is scored when first asked.
    pub(super) fn for_some(timeline: &'a S, query: &'a Query) -> Self {
        Self::prepare(timeline, query, false)
    }

    fn prepare(timeline: &'a S, query: &'a Query, everything: bool) -> Self {
        let mut atoms: Vec<Cow<'a, Atom>> = query
            .atoms
            .iter()
            .map(|atom| {
                // Eras are resolved against the loaded store (a search of the index never has
                // `era:` atoms: the CLI loads the store for them).
                let resolved = timeline
                    .loaded()
                    .and_then(|t| super::era::resolved(t, atom));
                resolved.map_or(Cow::Borrowed(atom), Cow::Owned)
            })
            .collect();
        atoms.sort_by_key(|atom| cost(&atom.test));
        let mut scorer = Scorer::default();
        let atoms = atoms
            .into_iter()
            .enumerate()
            .map(|(i, atom)| {
                let side = |side: Side, scorer: &mut Scorer| {
                    // The atom tried first on everything asks for every name it tests anyway.
                    let tested =
                        matches!(atom.test, Test::Text(field, _) if side.has_names_in(field));
                    if everything && i == 0 && tested {
                        NameScores::scored(side, timeline, &atom, scorer)
                    } else {
                        NameScores::unscored(side, timeline)
                    }
                };
                let people = side(Side::People, &mut scorer);
                let units = side(Side::Units, &mut scorer);
                Prepared {
                    atom,
                    people,
                    units,
                }
            })
            .collect();
        Matcher {
            timeline,
            atoms,
            scorer,
            roles: OnceCell::new(),
        }
    }

    /// The same matcher for use on another thread: the prepared atoms and the names scored so
    /// far shared by copy, its own scratch space.
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
        for i in 0..self.atoms.len() {
            let through_roles = matches!(
                self.atoms[i].atom.test,
                Test::Text(Field::Unit, _) | Test::Date(..)
            );
            let result = if through_roles {
                let roles = self.roles();
                self.linked(i, roles.of_person(index), Side::Units)
            } else {
                self.own(i, Side::People, index)
            };
            total += passes(&self.atoms[i].atom, result)?;
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
        for i in 0..self.atoms.len() {
            let result = if matches!(self.atoms[i].atom.test, Test::Text(Field::Person, _)) {
                let roles = self.roles();
                self.linked(i, roles.at_unit(index), Side::People)
            } else {
                self.own(i, Side::Units, index)
            };
            total += passes(&self.atoms[i].atom, result)?;
        }
        Some(total)
    }

    /// The atoms and the scorer, for highlighting.
    pub(super) fn parts(&mut self) -> (&[Prepared<'a>], &mut Scorer) {
        (&self.atoms, &mut self.scorer)
    }

    /// Whether atom `i` matches person or unit `index` by their own names (for explaining a
    /// result).
    pub(super) fn names_match(&mut self, i: usize, side: Side, index: usize) -> bool {
        self.own(i, side, index).is_some()
    }

    fn roles(&self) -> Arc<Roles> {
        Arc::clone(
            self.roles
                .get_or_init(|| Arc::new(Roles::of(self.timeline))),
        )
    }

    /// Atom `i`'s result for person or unit `index` by their own names (or a unit's life).
    fn own(&mut self, i: usize, side: Side, index: usize) -> Option<i64> {
        let (timeline, atom, scores, scorer) = self.side_of(i, side);
        scores.get(timeline, atom, scorer, index)
    }

    /// The timeline, atom `i`, its results on `side` and the scorer, borrowed apart.
    fn side_of(&mut self, i: usize, side: Side) -> (&'a S, &Atom, &mut NameScores, &mut Scorer) {
        let Prepared {
            atom,
            people,
            units,
        } = &mut self.atoms[i];
        let scores = match side {
            Side::People => people,
            Side::Units => units,
        };
        (self.timeline, atom, scores, &mut self.scorer)
    }

    /// A person's result for `unit:`/dates through the roles they held (`links`, at units), or a
    /// unit's for `person:` through the roles held there (at people): for dates, whether a role
    /// overlaps them; for text, half the best result on the `other` side.
    fn linked(&mut self, i: usize, links: &[Link], other: Side) -> Option<i64> {
        if let Test::Date(from, to) = &self.atoms[i].atom.test {
            return links
                .iter()
                .any(|&(_, start, end)| {
                    start.begins_by(*to) && end.is_none_or(|e| e.lasts_until(*from))
                })
                .then_some(0);
        }
        links
            .iter()
            .filter_map(|&(o, _, _)| self.own(i, other, o))
            .max()
            .map(|s| s / 2)
    }

    /// Atom `i`'s best result among the people (or units) event `e` names, by their own names.
    fn best_named(&mut self, i: usize, side: Side, e: usize) -> Option<i64> {
        let (timeline, atom, scores, scorer) = self.side_of(i, side);
        if !scores.may_match() {
            return None;
        }
        match side {
            Side::People => timeline
                .event_people(e)
                .filter_map(|p| scores.get(timeline, atom, scorer, p))
                .max(),
            Side::Units => timeline
                .event_units(e)
                .filter_map(|u| scores.get(timeline, atom, scorer, u))
                .max(),
        }
    }

    /// Atom `i`'s test on event `e`, before negation: the best score when `best` is set, else the
    /// first found.
    fn event_test(&mut self, i: usize, e: usize, best: bool) -> Option<i64> {
        let timeline = self.timeline;
        let field = match &self.atoms[i].atom.test {
            Test::Kind(kind) => return (timeline.event_kind(e) == *kind).then_some(0),
            Test::Date(from, to) => {
                let hit = match timeline.event_dates(e) {
                    (date, None) => date.overlaps(*from, *to),
                    (date, Some(end)) => date.begins_by(*to) && end.lasts_until(*from),
                };
                return hit.then_some(0);
            }
            // Resolved to dates when prepared.
            Test::Era(_) => return None,
            Test::Text(field, _) => *field,
        };
        let mut found = match field {
            Field::Person => return self.best_named(i, Side::People, e),
            Field::Unit => return self.best_named(i, Side::Units, e),
            Field::Tag => None,
            Field::Any => {
                let people = self.best_named(i, Side::People, e);
                people.max(self.best_named(i, Side::Units, e))
            }
        };
        let Test::Text(_, pattern) = &self.atoms[i].atom.test else {
            return None;
        };
        let scorer = &mut self.scorer;
        if field == Field::Tag {
            return timeline
                .event_tags(e)
                .filter_map(|tag| scorer.score(pattern, tag))
                .max();
        }
        if best || found.is_none() {
            found = found.max(scorer.score(pattern, timeline.event_title(e)));
        }
        // Half a summary's score cannot beat what is found already: skip the longest text.
        if found.is_none_or(|s| best && s < pattern.max_score() / 2) {
            let summary = timeline.event_summary(e);
            found = found.max(scorer.score(pattern, summary).map(|s| s / 2));
        }
        found
    }
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

/// The pattern of a text atom.
pub(super) fn pattern_of(atom: &Atom) -> Option<(Field, &Pattern)> {
    match &atom.test {
        Test::Text(field, pattern) => Some((*field, pattern)),
        _ => None,
    }
}
