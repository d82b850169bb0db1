//! Parsing one atom of a query: `[!][field:]pattern` (each fzf pattern form), `kind:`, `era:`
//! and `[!]@dates`, or a [`QueryError`] naming the column of what is wrong.

use chrono::NaiveDate;

use super::{Atom, Field, QueryError, Test, fail, split_field};
use crate::query::fuzzy::{MatchKind, Pattern, fold, has_upper};
use crate::store::date::PartialDate;
use crate::store::load::did_you_mean;
use crate::store::model::EventKind;

/// The field names, as written before `:`.
const FIELDS: [&str; 5] = ["person", "unit", "kind", "tag", "era"];

/// The date forms, quoted in date errors.
const DATE_FORMS: &str =
    "write @YYYY, @YYYY-MM or @YYYY-MM-DD, or a range: @2015..2016-06, @..2014, @2017..";

/// Parses one word at `column`.
pub(super) fn atom(column: usize, text: &str) -> Result<Atom, QueryError> {
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
