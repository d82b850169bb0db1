//! The query parser: text → atoms, or a [`QueryError`] naming the column of the first bad atom.
//!
//! Atoms are separated by whitespace. An atom is `[!][field:]pattern` or `[!]@dates`; a pattern is
//! `text` (fuzzy), `'text` (exact), `^text` (prefix), `text$` (suffix) or `^text$` (whole), as in
//! fzf, where `!text` is an exact exclusion and `!'text` a fuzzy one. `'several words'` is an exact
//! phrase: a `'` opening an atom closes at the next `'` that ends a word (before any word that
//! opens its own quote); without one the atom is just that word.

mod atom;

use chrono::NaiveDate;

use super::fuzzy::Pattern;
use crate::store::model::EventKind;

/// A malformed query: where (character offset into the query) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("query error at column {}: {message}", column + 1)]
pub struct QueryError {
    /// 0-based character offset of the offending atom in the query text.
    pub column: usize,
    /// What is wrong and what to write instead.
    pub message: String,
}

impl QueryError {
    /// The error followed by the query and a caret under the offending column, for a terminal
    /// (the caret accounts for wide CJK characters):
    ///
    /// ```text
    /// query error at column 5: …
    ///   gao @2015-13
    ///       ^
    /// ```
    #[must_use]
    pub fn pointing(&self, query: &str) -> String {
        // The column counts the characters typed, some of which sanitising removes: measure
        // what is shown of those before it.
        let before: String = query.chars().take(self.column).collect();
        let pad = " ".repeat(crate::text::width(&crate::text::sanitize(&before)));
        let query = crate::text::sanitize(query);
        format!("{self}\n  {query}\n  {pad}^")
    }
}

/// Which texts a pattern is matched against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    /// Event titles and summaries, and names of people and units (`gao`).
    Any,
    /// Names of people (`person:gao`).
    Person,
    /// Names of units (`unit:xiami`).
    Unit,
    /// Event tags (`tag:music`).
    Tag,
}

/// What one atom tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Test {
    /// A pattern in some field.
    Text(Field, Pattern),
    /// The event's kind (`kind:appointment`).
    Kind(EventKind),
    /// The event's date overlaps `from..=to` (`@2015..2016-06`).
    Date(NaiveDate, NaiveDate),
    /// The event's date overlaps the span of an era these words name (`era:reset`); resolved to
    /// dates against a timeline when the query is prepared (see `Timeline::eras_named`).
    Era(String),
}

/// One atom of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Atom {
    /// 0-based char offset of the atom in the query.
    pub column: usize,
    /// `!`: the item must not pass the test.
    pub negated: bool,
    /// The test.
    pub test: Test,
}

fn fail(column: usize, message: impl Into<String>) -> QueryError {
    QueryError {
        column,
        message: message.into(),
    }
}

/// The most characters a query may have: far more than anyone types, few enough that a query
/// pasted by mistake is refused at once.
pub const MAX_QUERY_CHARS: usize = 4096;

/// The most different atoms a query may have (repeated atoms count once).
pub const MAX_ATOMS: usize = 256;

/// Parses every atom of `query`, each repeated atom kept once.
pub(crate) fn atoms(query: &str) -> Result<Vec<Atom>, QueryError> {
    if query.chars().nth(MAX_QUERY_CHARS).is_some() {
        return Err(fail(
            MAX_QUERY_CHARS,
            format!(
                "the query is longer than {MAX_QUERY_CHARS} characters, the most a query may have; shorten it"
            ),
        ));
    }
    let mut kept: Vec<Atom> = Vec::new();
    for (column, text) in tokens(query) {
        let atom = atom::atom(column, text)?;
        if kept
            .iter()
            .any(|k| k.negated == atom.negated && k.test == atom.test)
        {
            continue;
        }
        if kept.len() == MAX_ATOMS {
            return Err(fail(
                column,
                format!(
                    "the query has more than {MAX_ATOMS} different atoms, the most a query may have; remove some"
                ),
            ));
        }
        kept.push(atom);
    }
    Ok(kept)
}

/// The whitespace-separated words of `query` with their char columns, a quoted phrase counted
/// as one word.
fn tokens(query: &str) -> Vec<(usize, &str)> {
    let mut words: Vec<(usize, usize, usize)> = Vec::new(); // (column, byte start, byte end)
    let mut start: Option<(usize, usize)> = None;
    for (column, (byte, c)) in query.char_indices().enumerate() {
        match (c.is_whitespace(), start) {
            (true, Some((col, from))) => {
                words.push((col, from, byte));
                start = None;
            }
            (false, None) => start = Some((column, byte)),
            _ => {}
        }
    }
    if let Some((col, from)) = start {
        words.push((col, from, query.len()));
    }
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let (column, from, mut to) = words[i];
        if opens_phrase(&query[from..to]) {
            // The phrase closes at the next word ending in `'`, unless a word opening its own
            // quote comes first (`!'xyz 'ali music'` is two atoms).
            let word = |j: usize| &query[words[j].1..words[j].2];
            let close = (i + 1..words.len())
                .take_while(|&j| !body(word(j)).starts_with('\''))
                .find(|&j| word(j).ends_with('\''));
            if let Some(j) = close {
                to = words[j].2;
                i = j;
            }
        }
        out.push((column, &query[from..to]));
        i += 1;
    }
    out
}

/// Whether a word opens a quote that it does not close itself (`'ali` but not `'gao'`).
fn opens_phrase(word: &str) -> bool {
    let body = body(word);
    body == "'" || (body.starts_with('\'') && !body[1..].ends_with('\''))
}

/// A word without its `!` and `field:`: where a pattern's `'`, `^` or `@` would be.
fn body(word: &str) -> &str {
    let body = word.strip_prefix('!').unwrap_or(word);
    split_field(body).map_or(body, |(_, value)| value)
}

/// `name:value` when `name` is a word of ASCII letters.
fn split_field(text: &str) -> Option<(&str, &str)> {
    let (name, value) = text.split_once(':')?;
    (!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic())).then_some((name, value))
}

#[cfg(test)]
mod tests;
