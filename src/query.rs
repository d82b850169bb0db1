//! The query language shared by search, filters and exports.
//!
//! A query is atoms separated by spaces; every atom must match, in any order:
//!
//! | atom | matches |
//! |------|---------|
//! | `gao` | fuzzy, in event titles and summaries and in names of people and units (English, Chinese, pinyin, aliases) |
//! | `'gao`, `'ali music'` | exact text (a phrase in quotes) |
//! | `^ali`, `music$`, `^xiami$` | text at the start, at the end, or the whole text |
//! | `!ttpod`, `!^ali`, `!'tp` | excludes (exact, prefix, fuzzy) |
//! | `person:gao`, `unit:xiami`, `tag:music` | in that field only (with the forms above) |
//! | `kind:appointment` | events of that kind (any unambiguous start of its name) |
//! | `@2015`, `@2015-03`, `@2015..2016-06`, `@..2014`, `@2017..` | dates overlapping the range |
//! | `era:reset`, `era:gao-and-song`, `era:'rotating pres'` | dates overlapping the span of the one era named by its id, or by words that start words of its id and title |
//!
//! Matching ignores case unless the atom has an uppercase letter (smart case, as in fzf).
//! Results are ranked by score; ties list people, then units, then events by date. How items are
//! scored is described in [`Matcher`]. Results carry matched character ranges as data; callers
//! decide how to style them. the README (section "Query language") is the user's guide.

mod era;
mod filter;
mod found;
mod fuzzy;
mod parse;
mod rank;

use crate::error::Error;
use crate::store::ids::EventIx;
use crate::timeline::Timeline;

pub use filter::Matcher;
pub use found::Found;
pub use parse::{MAX_ATOMS, MAX_QUERY_CHARS, QueryError};
pub use rank::{Hit, Target, search, search_counted};

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The text it was parsed from.
    pub text: String,
    atoms: Vec<parse::Atom>,
}

impl Query {
    /// Parses query text.
    ///
    /// # Errors
    /// A [`QueryError`] naming the position of a malformed atom.
    pub fn parse(text: &str) -> Result<Query, QueryError> {
        Ok(Query {
            text: text.to_string(),
            atoms: parse::atoms(text)?,
        })
    }

    /// Parses query text for `timeline`: as [`Query::parse`], and each `era:` atom must name
    /// exactly one of its eras.
    ///
    /// # Errors
    /// A [`QueryError`] naming the position of a malformed atom, or of an `era:` that names no
    /// era (with the eras there are) or several (with those).
    pub fn parse_in(text: &str, timeline: &Timeline) -> Result<Query, QueryError> {
        let query = Query::parse(text)?;
        for atom in &query.atoms {
            if let parse::Test::Era(words) = &atom.test {
                era::days(timeline, atom.column, words)?;
            }
        }
        Ok(query)
    }

    /// Whether the query has no atoms (matches everything).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.atoms.is_empty()
    }

    /// The score of event `ix` when it matches, else `None`. To test many events, prepare a
    /// [`Matcher`] once instead.
    #[must_use]
    pub fn matches_event(&self, timeline: &Timeline, ix: EventIx) -> Option<i64> {
        Matcher::new(timeline, self).event(ix)
    }
}

/// The events matching `query`, in date order; every event for an empty query.
///
/// # Errors
/// A malformed query.
pub fn filter_events(timeline: &Timeline, query: &str) -> Result<Vec<EventIx>, Error> {
    let query = Query::parse_in(query, timeline).map_err(|source| Error::Query {
        query: query.to_string(),
        source,
    })?;
    let mut matcher = Matcher::new(timeline, &query);
    Ok(timeline
        .events()
        .map(|(ix, _)| ix)
        .filter(|&ix| matcher.event_matches(ix))
        .collect())
}
