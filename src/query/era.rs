//! The `era:` atom against a timeline: the words name one era (its id, or words starting words of
//! its id and title), and the atom then tests the era's days as a date range (`@…`) would.

use chrono::NaiveDate;

use super::parse::{Atom, QueryError, Test};
use crate::store::load::did_you_mean;
use crate::timeline::Timeline;

/// The days of the one era `words` name (see [`Timeline::eras_named`]); an error at `column`
/// naming the candidates when none or several do.
pub(super) fn days(
    timeline: &Timeline,
    column: usize,
    words: &str,
) -> Result<(NaiveDate, NaiveDate), QueryError> {
    let named = timeline.eras_named(words);
    let listed = |eras: &mut dyn Iterator<Item = crate::timeline::EraSpan<'_>>| {
        eras.map(|e| format!("{} ({}, {}..{})", e.era.id, e.era.title, e.start, e.end))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let message = match named.as_slice() {
        [one] => return Ok(one.days()),
        [] if timeline.eras().len() == 0 => {
            format!("unknown era `{words}`: this store has no eras")
        }
        [] => {
            let ids: Vec<&str> = timeline.eras().map(|e| e.era.id.as_str()).collect();
            format!(
                "unknown era `{words}`{}; eras are: {}",
                did_you_mean(&words.to_lowercase(), &ids),
                listed(&mut timeline.eras())
            )
        }
        several => format!(
            "`era:{words}` could be any of {} eras: {}; write more of the title, or the id",
            several.len(),
            listed(&mut several.iter().copied())
        ),
    };
    Err(QueryError { column, message })
}

/// `atom` with an `era:` test replaced by the date range of its era; an era the timeline does
/// not have (reported by `Query::parse_in`) becomes a range no date overlaps.
pub(super) fn resolved(timeline: &Timeline, atom: &Atom) -> Option<Atom> {
    let Test::Era(words) = &atom.test else {
        return None;
    };
    let (from, to) = days(timeline, atom.column, words).unwrap_or((NaiveDate::MAX, NaiveDate::MIN));
    Some(Atom {
        test: Test::Date(from, to),
        ..atom.clone()
    })
}
