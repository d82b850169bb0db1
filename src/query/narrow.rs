//! Searching again as a query is typed: when the new query can only match fewer items than one
//! of the last few (see [`narrows`]), only that one's matches are scored, not the whole store.
//! Remembering a few, not only the last, lets a grown fuzzy atom narrow an earlier query:
//! `gao so` cannot narrow `gao s` (a tight `so` need not be a tight `s`), but it narrows `gao`.

use std::collections::VecDeque;

use super::Query;
use super::filter::Matcher;
use super::fuzzy::MatchKind;
use super::parse::{Atom, Test};
use super::rank::{Hit, Target, matching, ranked, scored};
use crate::timeline::Searchable;

/// The most past queries remembered with their matches (each at most one entry per item).
const REMEMBERED: usize = 8;

/// A search that remembers every match of its last few queries (not only the best shown), so
/// that a next query that narrows one of them scores just its matches.
#[derive(Debug, Default)]
pub struct Narrowing {
    /// The last queries, newest first, each with everything it matched.
    remembered: VecDeque<(Query, Vec<Target>)>,
}

impl Narrowing {
    /// As [`super::search`] on `timeline` (the same results), scoring only the matches of the
    /// remembered query it narrows that matched least, if any. The caller keeps one `Narrowing`
    /// per timeline.
    pub fn search<S: Searchable>(&mut self, timeline: &S, query: &Query, limit: usize) -> Vec<Hit> {
        let narrowed = self
            .remembered
            .iter()
            .filter(|(past, _)| narrows(query, past))
            .min_by_key(|(_, targets)| targets.len());
        let everything = timeline.person_count() + timeline.unit_count() + timeline.event_count();
        let (found, mut matcher) = match narrowed {
            Some((_, targets)) => {
                // Narrowed to a few, only their names are scored; narrowed to most, all are,
                // as for a search of everything.
                let mut matcher = if targets.len() * 2 < everything {
                    Matcher::for_some(timeline, query)
                } else {
                    Matcher::new(timeline, query)
                };
                (scored(&mut matcher, targets.len(), |i| targets[i]), matcher)
            }
            None => {
                let mut matcher = Matcher::new(timeline, query);
                (matching(&mut matcher, timeline), matcher)
            }
        };
        let targets = found.iter().map(|&(_, target)| target).collect();
        let hits = if limit == 0 {
            Vec::new()
        } else {
            ranked(timeline, &mut matcher, found, limit).0
        };
        self.remembered.truncate(REMEMBERED - 1);
        self.remembered.push_front((query.clone(), targets));
        hits
    }
}

/// Whether everything `query` matches is matched by `last`: every atom of `last` is implied by
/// an atom of `query` — the same atom, or the same exact or prefix text grown at its end
/// (`'ali` → `'ali m`, `^xia` → `^xiam`). Fuzzy atoms that grow are not: a tight match of
/// `gao` does not imply a tight match of `ga` (see `fuzzy.rs`), so they are scanned anew.
#[must_use]
pub fn narrows(query: &Query, last: &Query) -> bool {
    last.atoms
        .iter()
        .all(|old| query.atoms.iter().any(|new| implies(new, old)))
}

/// Whether an item passing `new` always passes `old`.
fn implies(new: &Atom, old: &Atom) -> bool {
    if new.negated != old.negated {
        return false;
    }
    match (&new.test, &old.test) {
        (Test::Text(field, p), Test::Text(old_field, q)) if !new.negated => {
            field == old_field
                && p.mode == q.mode
                && p.case_sensitive == q.case_sensitive
                && (p.text == q.text
                    || (matches!(p.mode, MatchKind::Exact | MatchKind::Prefix)
                        && p.text.starts_with(&q.text)))
        }
        (a, b) => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn narrows_text(new: &str, old: &str) -> bool {
        let parse = |t: &str| Query::parse(t).expect("query parses");
        narrows(&parse(new), &parse(old))
    }

    #[test]
    fn only_queries_that_cannot_match_more_narrow() {
        assert!(narrows_text("gao s", "gao"));
        assert!(narrows_text("gao ", "gao"));
        assert!(narrows_text("'ali m", "'ali"));
        assert!(narrows_text("^xiam kind:acq", "^xia"));
        assert!(narrows_text("!video music", "!video"));
        // A fuzzy atom that grows, a suffix or whole text, an exclusion that grows, a date that
        // changes: each may match items the last query did not.
        assert!(!narrows_text("gao", "ga"));
        assert!(!narrows_text("music$", "usic$"));
        assert!(!narrows_text("^xia$", "^xi$"));
        assert!(!narrows_text("!videos", "!video"));
        assert!(!narrows_text("@2016", "@2015"));
        assert!(!narrows_text("", "gao"));
    }
}
