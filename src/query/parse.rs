//! The query parser: text → atoms, or a [`QueryError`] naming the column of the first bad atom.
//!
//! Atoms are separated by whitespace. An atom is `[!][field:]pattern` or `[!]@dates`; a pattern is
//! `text` (fuzzy), `'text` (exact), `^text` (prefix), `text$` (suffix) or `^text$` (whole), as in
//! fzf, where `!text` is an exact exclusion and `!'text` a fuzzy one. `'several words'` is an exact
//! phrase: a `'` opening an atom closes at the next `'` that ends a word (before any word that
//! opens its own quote); without one the atom is just that word.

use chrono::NaiveDate;

use super::fuzzy::{MatchKind, Pattern, fold, has_upper};
use crate::store::date::PartialDate;
use crate::store::load::did_you_mean;
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

/// The field names, as written before `:`.
const FIELDS: [&str; 5] = ["person", "unit", "kind", "tag", "era"];

/// The date forms, quoted in date errors.
const DATE_FORMS: &str =
    "write @YYYY, @YYYY-MM or @YYYY-MM-DD, or a range: @2015..2016-06, @..2014, @2017..";

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
        let atom = atom(column, text)?;
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

/// Parses one word at `column`.
fn atom(column: usize, text: &str) -> Result<Atom, QueryError> {
    let (negated, body, at) = match text.strip_prefix('!') {
        Some(rest) => (true, rest, column + 1),
        None => (false, text, column),
    };
    if body.is_empty() {
        return Err(fail(
            column,
            "`!` needs something to exclude after it, e.g. !ttpod or !kind:legal",
        ));
    }
    let test = if let Some(dates) = body.strip_prefix('@') {
        date_range(at + 1, dates)?
    } else if let Some((name, value)) = split_field(body) {
        let value_at = at + name.chars().count() + 1;
        match name.to_ascii_lowercase().as_str() {
            "person" => Test::Text(Field::Person, pattern(value_at, value, negated, name)?),
            "unit" => Test::Text(Field::Unit, pattern(value_at, value, negated, name)?),
            "tag" => Test::Text(Field::Tag, pattern(value_at, value, negated, name)?),
            "kind" => Test::Kind(kind(value_at, value)?),
            "era" => Test::Era(era(value_at, value)?),
            _ => {
                let hint = did_you_mean(&name.to_ascii_lowercase(), &FIELDS);
                if hint.is_empty() {
                    Test::Text(Field::Any, pattern(at, body, negated, "")?)
                } else {
                    return Err(fail(
                        at,
                        format!(
                            "unknown field `{name}:`{hint}; fields are person:, unit:, kind:, tag: and era: (to search for the text, write '{body})"
                        ),
                    ));
                }
            }
        }
    } else {
        Test::Text(Field::Any, pattern(at, body, negated, "")?)
    };
    Ok(Atom {
        column,
        negated,
        test,
    })
}

/// Parses the fzf pattern forms; `field` names the field it follows, for messages.
fn pattern(column: usize, text: &str, negated: bool, field: &str) -> Result<Pattern, QueryError> {
    let (mode, body) = if let Some(quoted) = text.strip_prefix('\'') {
        let quoted = quoted.strip_suffix('\'').unwrap_or(quoted);
        // fzf: `'` makes a pattern exact, but makes an exclusion (exact by default) fuzzy.
        (
            if negated {
                MatchKind::Fuzzy
            } else {
                MatchKind::Exact
            },
            quoted,
        )
    } else {
        let (prefix, rest) = match text.strip_prefix('^') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (suffix, rest) = match rest.strip_suffix('$') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let mode = match (prefix, suffix) {
            (true, true) => MatchKind::Whole,
            (true, false) => MatchKind::Prefix,
            (false, true) => MatchKind::Suffix,
            (false, false) if negated => MatchKind::Exact,
            (false, false) => MatchKind::Fuzzy,
        };
        (mode, rest)
    };
    // Texts are matched as shown, so the pattern is too (a character pasted with it may be
    // invisible).
    let body = &crate::text::sanitize(body);
    if body.trim().is_empty() {
        let what = if field.is_empty() {
            format!("`{text}` has nothing to match")
        } else {
            format!("`{field}:` needs a name after it")
        };
        let example = match field {
            "" => "gao, 'ali music', ^alibaba or music$",
            "tag" => "tag:music",
            "unit" => "unit:xiami",
            _ => "person:gao",
        };
        return Err(fail(
            column,
            format!("{what}; write some text, e.g. {example}"),
        ));
    }
    let case_sensitive = has_upper(body);
    Ok(Pattern {
        mode,
        text: if case_sensitive {
            body.to_string()
        } else {
            body.chars().map(fold).collect()
        },
        case_sensitive,
    })
}

/// Parses the value of `kind:`: a kind's name or an unambiguous start of one, in any case.
fn kind(column: usize, value: &str) -> Result<EventKind, QueryError> {
    let names: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
    let all = names.join(", ");
    if value.is_empty() {
        return Err(fail(column, format!("`kind:` needs a kind: {all}")));
    }
    let wanted = value.to_lowercase();
    if let Some(&k) = EventKind::ALL.iter().find(|k| k.as_str() == wanted) {
        return Ok(k);
    }
    let starting: Vec<EventKind> = EventKind::ALL
        .into_iter()
        .filter(|k| k.as_str().starts_with(&wanted))
        .collect();
    match starting.as_slice() {
        [k] => Ok(*k),
        [] => Err(fail(
            column,
            format!(
                "unknown kind `{value}`{}; kinds are: {all}",
                did_you_mean(&wanted, &names)
            ),
        )),
        several => {
            let which: Vec<&str> = several.iter().map(|k| k.as_str()).collect();
            Err(fail(
                column,
                format!(
                    "`kind:{value}` could be any of {}; write more of the name",
                    which.join(", ")
                ),
            ))
        }
    }
}

/// Parses the value of `era:`: an era's id or words of its title (`reset`, `'rotating pres'`),
/// quotes removed; which eras it names is only known against a timeline.
fn era(column: usize, value: &str) -> Result<String, QueryError> {
    let words = value.trim_matches('\'');
    if crate::text::sanitize(words).trim().is_empty() {
        return Err(fail(
            column,
            "`era:` needs an era: its id or words of its title, e.g. era:reset",
        ));
    }
    Ok(words.to_string())
}

/// Parses what follows `@` (at `column`): a date or a range, open at one end at most.
fn date_range(column: usize, text: &str) -> Result<Test, QueryError> {
    if text.is_empty() {
        return Err(fail(
            column.saturating_sub(1),
            format!("`@` needs a date; {DATE_FORMS}"),
        ));
    }
    let Some((from, to)) = text.split_once("..") else {
        let day = date(column, text)?;
        return Ok(Test::Date(day.start(), day.end()));
    };
    if from.is_empty() && to.is_empty() {
        return Err(fail(
            column.saturating_sub(1),
            format!("`@..` needs a date on at least one side; {DATE_FORMS}"),
        ));
    }
    let to_column = column + from.chars().count() + 2;
    let start = if from.is_empty() {
        NaiveDate::MIN
    } else {
        date(column, from)?.start()
    };
    let end = if to.is_empty() {
        NaiveDate::MAX
    } else {
        date(to_column, to)?.end()
    };
    if end < start {
        return Err(fail(
            to_column,
            format!("the range @{text} ends before it starts; write the earlier date first"),
        ));
    }
    Ok(Test::Date(start, end))
}

fn date(column: usize, text: &str) -> Result<PartialDate, QueryError> {
    text.parse::<PartialDate>().map_err(|e| {
        fail(
            column,
            format!("`{text}` is not a date: {}; {DATE_FORMS}", e.reason),
        )
    })
}

#[cfg(test)]
mod tests;
