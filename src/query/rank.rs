//! Search: every person, unit and event scored, the best kept, labelled and highlighted.

use std::cmp::Ordering;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering as AtomicOrdering};

use super::Query;
use super::filter::Matcher;
use super::found::{Found, found_in};
use super::parse::{Field, Test};
use crate::store::ids::{EventIx, PersonIx, UnitIx};
use crate::text::sanitize;
use crate::timeline::Searchable;

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
pub fn search<S: Searchable>(timeline: &S, query: &Query, limit: usize) -> Vec<Hit> {
    if limit == 0 {
        return Vec::new();
    }
    search_counted(timeline, query, limit).0
}

/// As [`search`] (for a `limit` of at least 1), and how many matched in all, the cut ones too.
#[must_use]
pub fn search_counted<S: Searchable>(
    timeline: &S,
    query: &Query,
    limit: usize,
) -> (Vec<Hit>, usize) {
    let mut matcher = Matcher::new(timeline, query);
    let found = matching(&mut matcher, timeline);
    ranked(timeline, &mut matcher, found, limit)
}

/// Every person, unit and event `matcher` matches, with its score.
pub(super) fn matching<S: Searchable>(
    matcher: &mut Matcher<'_, S>,
    timeline: &S,
) -> Vec<(i64, Target)> {
    let mut found: Vec<(i64, Target)> = Vec::new();
    for ix in (0..timeline.person_count()).map(PersonIx::new) {
        if let Some(score) = matcher.person(ix) {
            found.push((score, Target::Person(ix)));
        }
    }
    for ix in (0..timeline.unit_count()).map(UnitIx::new) {
        if let Some(score) = matcher.unit(ix) {
            found.push((score, Target::Unit(ix)));
        }
    }
    found.extend(events(matcher, timeline.event_count()));
    found
}

/// The best `limit` (at least 1) of `found`, labelled and highlighted, and how many there were.
pub(super) fn ranked<S: Searchable>(
    timeline: &S,
    matcher: &mut Matcher<'_, S>,
    mut found: Vec<(i64, Target)>,
    limit: usize,
) -> (Vec<Hit>, usize) {
    let limit = limit.max(1);
    let total = found.len();
    if found.len() > limit {
        found.select_nth_unstable_by(limit - 1, best_first);
        found.truncate(limit);
    }
    found.sort_unstable_by(best_first);
    let hits = found
        .into_iter()
        .map(|(score, target)| {
            let (label, ranges) = label(timeline, matcher, target);
            let found = found_in(timeline, matcher, target);
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

/// At least this many events (or narrowed targets) are scored on two threads.
const PARALLEL_TARGETS: usize = 20_000;

/// The score of every matching event, in date order (see [`scored`]).
fn events<S: Searchable>(matcher: &mut Matcher<'_, S>, count: usize) -> Vec<(i64, Target)> {
    scored(matcher, count, |i| Target::Event(EventIx::new(i)))
}

/// The score of each of `count` targets (the `i`th being `target(i)`) that `matcher` matches, in
/// their order. Many are scored on two threads (the other with a [`Matcher::fork`]), each taking
/// the next [`CHUNK`] until none are left, so a thread slowed by the machine takes fewer.
pub(super) fn scored<S: Searchable>(
    matcher: &mut Matcher<'_, S>,
    count: usize,
    target: impl Fn(usize) -> Target + Sync,
) -> Vec<(i64, Target)> {
    let scan = |matcher: &mut Matcher<'_, S>, range: Range<usize>| -> Vec<(i64, Target)> {
        range
            .map(&target)
            .filter_map(|target| {
                let score = match target {
                    Target::Person(ix) => matcher.person(ix),
                    Target::Unit(ix) => matcher.unit(ix),
                    Target::Event(ix) => matcher.event(ix),
                };
                score.map(|score| (score, target))
            })
            .collect()
    };
    if count < PARALLEL_TARGETS {
        return scan(matcher, 0..count);
    }
    let next = AtomicUsize::new(0);
    let take = |matcher: &mut Matcher<'_, S>| {
        let mut chunks = Vec::new();
        loop {
            let start = next.fetch_add(CHUNK, AtomicOrdering::Relaxed);
            if start >= count {
                return chunks;
            }
            chunks.push((start, scan(matcher, start..count.min(start + CHUNK))));
        }
    };
    let mut other = matcher.fork();
    let mut chunks = std::thread::scope(|scope| {
        let second = scope.spawn(|| take(&mut other));
        let mut chunks = take(matcher);
        // Invariant: scoring does not panic; if it did, the chunks it took are scanned here.
        let theirs = second.join().unwrap_or_else(|_| {
            let mine: Vec<usize> = chunks.iter().map(|&(start, _)| start).collect();
            (0..count)
                .step_by(CHUNK)
                .filter(|start| !mine.contains(start))
                .map(|start| (start, scan(matcher, start..count.min(start + CHUNK))))
                .collect()
        });
        chunks.extend(theirs);
        chunks
    });
    chunks.sort_unstable_by_key(|&(start, _)| start);
    chunks.into_iter().flat_map(|(_, found)| found).collect()
}

/// Targets scored by a thread at a time.
const CHUNK: usize = 4096;

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
fn label<S: Searchable>(
    timeline: &S,
    matcher: &mut Matcher<'_, S>,
    target: Target,
) -> (String, Vec<Range<usize>>) {
    let (parts, own_field): (Vec<String>, Option<Field>) = match target {
        Target::Event(ix) => (vec![sanitize(timeline.event_title(ix.index()))], None),
        Target::Person(ix) => {
            let (name, zh) = timeline.person_name(ix.index());
            (name_parts(name, zh), Some(Field::Person))
        }
        Target::Unit(ix) => {
            let (name, zh) = timeline.unit_name(ix.index());
            (name_parts(name, zh), Some(Field::Unit))
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
