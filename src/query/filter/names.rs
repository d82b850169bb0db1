//! One atom's results for every person or unit by their own names (or, for dates, a unit's
//! life): worked out for all at once on both cores when the atom scans everything first, else
//! for each one when first asked, so that `yu yongfu @2016..2017` scores only the names of the
//! people and units the dates leave. Kept as four bytes each, so looking up the people an event
//! names stays in the processor's cache.

use chrono::NaiveDate;

use super::super::fuzzy::{Pattern, Scorer};
use super::super::parse::{Atom, Field, Test};
use crate::store::date::PartialDate;
use crate::timeline::Searchable;

/// Not worked out yet.
const UNSCORED: i32 = i32::MIN;

/// Does not match.
const NO_MATCH: i32 = i32::MIN + 1;

/// Whose results a [`NameScores`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::query) enum Side {
    /// People.
    People,
    /// Units.
    Units,
}

/// One atom's result for each person (or each unit).
#[derive(Debug, Clone)]
pub(super) struct NameScores {
    /// People or units.
    side: Side,
    /// Each one's score, [`NO_MATCH`], or [`UNSCORED`].
    scores: Vec<i32>,
    /// Whether any may match: false only when all are worked out and none matched.
    may_match: bool,
}

impl NameScores {
    /// Results on `side` of `timeline`, worked out when first asked.
    pub(super) fn unscored<S: Searchable>(side: Side, timeline: &S) -> Self {
        NameScores {
            side,
            scores: vec![UNSCORED; side.count(timeline)],
            may_match: true,
        }
    }

    /// Every result of `atom` on `side` worked out now: the first half of a large side on
    /// another thread.
    pub(super) fn scored<S: Searchable>(
        side: Side,
        timeline: &S,
        atom: &Atom,
        scorer: &mut Scorer,
    ) -> Self {
        let count = side.count(timeline);
        let part = |range: std::ops::Range<usize>, scorer: &mut Scorer| -> Vec<i32> {
            range
                .map(|i| packed(side.result(timeline, atom, scorer, i)))
                .collect()
        };
        let scores = if count < PARALLEL_NAMES {
            part(0..count, scorer)
        } else {
            let half = count / 2;
            std::thread::scope(|scope| {
                let first = scope.spawn(|| part(0..half, &mut Scorer::default()));
                let rest = part(half..count, scorer);
                // Invariant: scoring does not panic; if it did, score that half here instead.
                let mut scores = first.join().unwrap_or_else(|_| part(0..half, scorer));
                scores.extend(rest);
                scores
            })
        };
        let may_match = scores.iter().any(|&s| s != NO_MATCH);
        NameScores {
            side,
            scores,
            may_match,
        }
    }

    /// Whether any may match (else an event need not look up the ones it names).
    pub(super) fn may_match(&self) -> bool {
        self.may_match
    }

    /// The result of `atom` for person or unit `i` (`None` past the end), worked out now if not
    /// yet.
    pub(super) fn get<S: Searchable>(
        &mut self,
        timeline: &S,
        atom: &Atom,
        scorer: &mut Scorer,
        i: usize,
    ) -> Option<i64> {
        let slot = self.scores.get_mut(i)?;
        if *slot == UNSCORED {
            *slot = packed(self.side.result(timeline, atom, scorer, i));
        }
        (*slot != NO_MATCH).then_some(i64::from(*slot))
    }
}

/// Sides with at least this many people or units have them scored on two threads.
const PARALLEL_NAMES: usize = 2_000;

/// A result in four bytes (scores are far below `i32::MAX`).
fn packed(result: Option<i64>) -> i32 {
    result.map_or(NO_MATCH, |s| {
        i32::try_from(s).unwrap_or(if s < 0 { NO_MATCH + 1 } else { i32::MAX })
    })
}

impl Side {
    /// Whether a text atom in `field` tests the names on this side (else its results here are
    /// all none, with nothing to score).
    pub(super) fn has_names_in(self, field: Field) -> bool {
        matches!(
            (self, field),
            (Side::People, Field::Any | Field::Person) | (Side::Units, Field::Any | Field::Unit)
        )
    }

    /// How many people or units `timeline` has.
    fn count<S: Searchable>(self, timeline: &S) -> usize {
        match self {
            Side::People => timeline.person_count(),
            Side::Units => timeline.unit_count(),
        }
    }

    /// The result of `atom` for person or unit `i` by their own names (text atoms in `Any` or
    /// this side's field) or, for a unit, its life (dates).
    fn result<S: Searchable>(
        self,
        timeline: &S,
        atom: &Atom,
        scorer: &mut Scorer,
        i: usize,
    ) -> Option<i64> {
        match (self, &atom.test) {
            (Side::People, Test::Text(Field::Any | Field::Person, pattern)) => {
                let (name, zh) = timeline.person_name(i);
                let id_and_name = [timeline.person_id(i), name];
                names(scorer, pattern, id_and_name, zh, timeline.person_aliases(i))
            }
            (Side::Units, Test::Text(Field::Any | Field::Unit, pattern)) => {
                let (name, zh) = timeline.unit_name(i);
                let id_and_name = [timeline.unit_id(i), name];
                names(scorer, pattern, id_and_name, zh, timeline.unit_aliases(i))
            }
            (Side::Units, Test::Date(from, to)) => {
                alive(timeline.unit_life(i), *from, *to).then_some(0)
            }
            _ => None,
        }
    }
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
