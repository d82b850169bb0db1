//! The query language shared by search, filters and exports.
//!
//! This is the contract the app, the CLI and the exports use: [`Query::parse`], [`search`] and
//! [`filter_events`]. Results carry matched character ranges as data; callers decide how to style
//! them.

use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::error::Error;
use crate::store::Timeline;

/// A malformed query: where (character offset into the query) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("query error at column {}: {message}", column + 1)]
pub struct QueryError {
    /// 0-based character offset of the offending atom in the query text.
    pub column: usize,
    /// What is wrong and what to write instead.
    pub message: String,
}

impl From<QueryError> for Error {
    fn from(e: QueryError) -> Self {
        Error::Usage(e.to_string())
    }
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The text it was parsed from.
    pub text: String,
    atoms: Vec<String>,
}

impl Query {
    /// Parses query text.
    ///
    /// # Errors
    /// A [`QueryError`] naming the position of a malformed atom.
    pub fn parse(text: &str) -> Result<Query, QueryError> {
        Ok(Query {
            text: text.to_string(),
            atoms: text.split_whitespace().map(str::to_string).collect(),
        })
    }

    /// Whether the query has no atoms (matches everything).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.atoms.is_empty()
    }
}

/// What a search result points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// An event, by index in date order (`timeline.store.events`).
    Event(usize),
    /// A person, by index in `timeline.store.people`.
    Person(usize),
    /// A unit, by index in `timeline.store.units`.
    Unit(usize),
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// What matched.
    pub target: Target,
    /// Higher is better.
    pub score: i64,
    /// The text shown for the result (event title, or name with Chinese name).
    pub label: String,
    /// Character ranges (not bytes) of `label` that matched, for highlighting.
    pub ranges: Vec<Range<usize>>,
}

/// Searches people, units and events; best first, at most `limit` results.
#[must_use]
pub fn search(timeline: &Timeline, query: &Query, limit: usize) -> Vec<Hit> {
    let matcher = SkimMatcherV2::default();
    let pattern = query.atoms.join(" ");
    let mut hits = Vec::new();
    let mut consider = |target: Target, label: String| {
        if let Some((score, indices)) = matcher.fuzzy_indices(&label, &pattern) {
            hits.push(Hit {
                target,
                score,
                label,
                ranges: indices.into_iter().map(|i| i..i + 1).collect(),
            });
        }
    };
    for (i, p) in timeline.store.people.iter().enumerate() {
        consider(Target::Person(i), timeline.person_label(&p.id));
    }
    for (i, u) in timeline.store.units.iter().enumerate() {
        consider(Target::Unit(i), timeline.unit_label(&u.id));
    }
    for (i, e) in timeline.store.events.iter().enumerate() {
        consider(Target::Event(i), e.title.clone());
    }
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.target.cmp(&b.target)));
    hits.truncate(limit);
    hits
}

/// Indices (in date order) of the events matching `query`; every event for an empty query.
///
/// # Errors
/// A malformed query.
pub fn filter_events(timeline: &Timeline, query: &str) -> Result<Vec<usize>, Error> {
    let query = Query::parse(query)?;
    if query.is_empty() {
        return Ok((0..timeline.store.events.len()).collect());
    }
    Ok(search(timeline, &query, usize::MAX)
        .into_iter()
        .filter_map(|h| match h.target {
            Target::Event(i) => Some(i),
            _ => None,
        })
        .collect())
}
