//! Search: every person, unit and event scored, the best kept, labelled and highlighted.

use std::cmp::Ordering;
use std::ops::Range;

use super::Query;
use super::filter::Matcher;
use super::found::{Found, found_in};
use super::parse::{Field, Test};
use crate::store::ids::{EventIx, PersonIx, UnitIx};
use crate::text::sanitize;
use crate::timeline::Timeline;

/// What a search result points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// An event.
    Event(EventIx),
    /// A person.
    Person(PersonIx),
    /// A unit.
    Unit(UnitIx),
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// What matched.
    pub target: Target,
    /// Higher is better.
    pub score: i64,
    /// The text shown for the result, already made terminal-safe with [`sanitize`]: the event
    /// title, or the name with the Chinese name (`Gao Xiaosong (高晓松)`).
    pub label: String,
    /// Character ranges (not bytes) of `label` that matched, for highlighting; sorted, disjoint
    /// and never adjacent.
    pub ranges: Vec<Range<usize>>,
    /// Where it matched the query's text (see [`Found`]), each place once.
    pub found: Vec<Found>,
}

/// Searches people, units and events; best first, at most `limit` results.
///
/// Ties are broken by kind (people, units, events) and then by position: events by date, people
/// and units in store order. An empty query matches everything.
#[must_use]
pub fn search(timeline: &Timeline, query: &Query, limit: usize) -> Vec<Hit> {
    if limit == 0 {
        return Vec::new();
    }
    search_counted(timeline, query, limit).0
}

/// As [`search`] (for a `limit` of at least 1), and how many matched in all, the cut ones too.
#[must_use]
pub fn search_counted(timeline: &Timeline, query: &Query, limit: usize) -> (Vec<Hit>, usize) {
    let limit = limit.max(1);
    let mut matcher = Matcher::new(timeline, query);
    let mut found: Vec<(i64, Target)> = Vec::new();
    for (ix, _) in timeline.people() {
        if let Some(score) = matcher.person(ix) {
            found.push((score, Target::Person(ix)));
        }
    }
    for (ix, _) in timeline.units() {
        if let Some(score) = matcher.unit(ix) {
            found.push((score, Target::Unit(ix)));
        }
    }
    found.extend(events(&mut matcher, timeline.store.events.len()));
    let total = found.len();
    if found.len() > limit {
        found.select_nth_unstable_by(limit - 1, best_first);
        found.truncate(limit);
    }
    found.sort_unstable_by(best_first);
    let hits = found
        .into_iter()
        .map(|(score, target)| {
            let (label, ranges) = label(timeline, &mut matcher, target);
            let found = found_in(timeline, &mut matcher, target);
            Hit {
                target,
                score,
                label,
                ranges,
                found,
            }
        })
        .collect();
    (hits, total)
}

/// Stores with at least this many events are scanned on two threads.
const PARALLEL_EVENTS: usize = 20_000;

/// The score of every matching event, in date order; a large store's second half is scanned on
/// another thread with a [`Matcher::fork`].
fn events(matcher: &mut Matcher<'_>, count: usize) -> Vec<(i64, Target)> {
    let scan = |matcher: &mut Matcher<'_>, range: Range<usize>| -> Vec<(i64, Target)> {
        range
            .map(EventIx::new)
            .filter_map(|ix| matcher.event(ix).map(|score| (score, Target::Event(ix))))
            .collect()
    };
    if count < PARALLEL_EVENTS {
        return scan(matcher, 0..count);
    }
    let half = count / 2;
    let mut other = matcher.fork();
    std::thread::scope(|scope| {
        let second = scope.spawn(move || scan(&mut other, half..count));
        let mut found = scan(matcher, 0..half);
        // Invariant: scoring does not panic; if it did, scan the second half here instead.
        let rest = second.join().unwrap_or_else(|_| scan(matcher, half..count));
        found.extend(rest);
        found
    })
}

/// Higher score first; then people, units, events (the order of [`Target`]'s variants is not
/// that one); then by index.
fn best_first(a: &(i64, Target), b: &(i64, Target)) -> Ordering {
    let key = |t: Target| match t {
        Target::Person(ix) => (0, ix.index()),
        Target::Unit(ix) => (1, ix.index()),
        Target::Event(ix) => (2, ix.index()),
    };
    b.0.cmp(&a.0).then_with(|| key(a.1).cmp(&key(b.1)))
}

/// The label of `target` and the char ranges in it matched by the query's positive text atoms.
fn label(
    timeline: &Timeline,
    matcher: &mut Matcher<'_>,
    target: Target,
) -> (String, Vec<Range<usize>>) {
    let (parts, own_field): (Vec<String>, Option<Field>) = match target {
        Target::Event(ix) => (vec![sanitize(&timeline.event_at(ix).title)], None),
        Target::Person(ix) => {
            let p = timeline.person_at(ix);
            (
                name_parts(&p.name, p.name_zh.as_deref()),
                Some(Field::Person),
            )
        }
        Target::Unit(ix) => {
            let u = timeline.unit_at(ix);
            (name_parts(&u.name, u.name_zh.as_deref()), Some(Field::Unit))
        }
    };
    let (atoms, scorer) = matcher.parts();
    let mut indices = Vec::new();
    let mut offset = 0;
    for (n, part) in parts.iter().enumerate() {
        if n > 0 {
            offset += 2; // the " (" before the Chinese name
        }
        for prepared in atoms.iter().filter(|p| !p.atom.negated) {
            if let Test::Text(field, pattern) = &prepared.atom.test
                && (*field == Field::Any || Some(*field) == own_field)
                && let Some((_, found)) = scorer.indices(pattern, part)
            {
                indices.extend(found.into_iter().map(|i| i + offset));
            }
        }
        offset += part.chars().count();
    }
    let label = match parts.as_slice() {
        [name, zh] => format!("{name} ({zh})"),
        [one] => one.clone(),
        _ => String::new(),
    };
    (label, ranges(indices))
}

/// A name and, when known, its Chinese name, each made terminal-safe.
fn name_parts(name: &str, zh: Option<&str>) -> Vec<String> {
    std::iter::once(name).chain(zh).map(sanitize).collect()
}

/// Char indices merged into sorted, disjoint, non-adjacent ranges.
fn ranges(mut indices: Vec<usize>) -> Vec<Range<usize>> {
    indices.sort_unstable();
    indices.dedup();
    let mut out: Vec<Range<usize>> = Vec::new();
    for i in indices {
        match out.last_mut() {
            Some(last) if last.end == i => last.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjacent_indices_merge_into_ranges() {
        assert_eq!(
            ranges(vec![5, 0, 1, 2, 2, 7, 6, 9]),
            vec![0..3, 5..8, 9..10]
        );
        assert!(ranges(Vec::new()).is_empty());
    }
}
