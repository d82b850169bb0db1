//! Partial dates: a year, optionally a month and a day, optionally approximate.
//!
//! Written in the store as a string a person can type: `"2015-07-15"`, `"2015-03"`, `"2013"`,
//! `"~2012"` (the `~` marks an inferred, approximate date). A partial date covers a span of days
//! (`2015-03` covers all of March 2015), is ordered by the start of that span and displays at its
//! own precision.

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// Only the year is known.
    Year,
    /// The year and month are known.
    Month,
    /// The exact day is known.
    Day,
}

impl Precision {
    /// The lowercase name used in exports (`day`, `month`, `year`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// A date known to the year, month or day, possibly approximate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
    approximate: bool,
}

mod advice;
mod text;

/// Why a date string was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date `{input}`: {reason}{}", if *.advised { "" } else { FORMS_AFTER })]
pub struct DateError {
    /// The text that failed to parse.
    pub input: String,
    /// What is wrong with it, or (when `advised`) what to write instead.
    pub reason: String,
    /// Whether `reason` already names the form to write (`use dashes: 2015-08-01`); otherwise
    /// the accepted forms are quoted after it.
    pub advised: bool,
}

/// The number of days in `month` (1–12) of `year`, in the proleptic Gregorian calendar that
/// chrono uses.
fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The accepted forms, after a reason that does not say what to write.
const FORMS_AFTER: &str = "; write YYYY, YYYY-MM or YYYY-MM-DD, with a leading ~ if approximate (e.g. 2015-07-15, 2015-03, ~2012)";

impl PartialDate {
    /// A date known to the day.
    ///
    /// # Errors
    /// When the day does not exist in the calendar.
    pub fn ymd(year: i32, month: u32, day: u32) -> Result<Self, DateError> {
        Self::new(year, Some(month), Some(day), false)
    }

    /// Builds a partial date, checking it against the calendar.
    ///
    /// # Errors
    /// When the month is not 1–12, the day does not exist in that month, a day is given without
    /// a month, or the year is outside 1–9999.
    pub fn new(
        year: i32,
        month: Option<u32>,
        day: Option<u32>,
        approximate: bool,
    ) -> Result<Self, DateError> {
        let date = PartialDate {
            year,
            month,
            day,
            approximate,
        };
        if Self::exists(year, month, day) {
            return Ok(date);
        }
        let reason = match (month, day) {
            _ if !(1..=9999).contains(&year) => "the year must be between 1 and 9999".to_string(),
            (None, _) => "a day needs a month".to_string(),
            (Some(m), _) if !(1..=12).contains(&m) => format!("there is no month {m}"),
            (Some(m), day) => format!("there is no day {} in {year}-{m:02}", day.unwrap_or(0)),
        };
        Err(DateError {
            input: date.to_string(),
            reason,
            advised: false,
        })
    }

    /// Whether [`PartialDate::new`] accepts these parts, without saying why not.
    #[must_use]
    pub(crate) fn exists(year: i32, month: Option<u32>, day: Option<u32>) -> bool {
        (1..=9999).contains(&year)
            && match (month, day) {
                (None, day) => day.is_none(),
                (Some(m), day) => {
                    (1..=12).contains(&m)
                        && day.is_none_or(|d| (1..=days_in_month(year, m)).contains(&d))
                }
            }
    }

    /// A date from parts that [`PartialDate::new`] has accepted before, not checked again (the
    /// search index checks every date it holds when it is opened, then reads them often).
    #[must_use]
    pub(crate) fn accepted(
        year: i32,
        month: Option<u32>,
        day: Option<u32>,
        approximate: bool,
    ) -> Self {
        PartialDate {
            year,
            month,
            day,
            approximate,
        }
    }

    /// The year.
    #[must_use]
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month (1–12), when known.
    #[must_use]
    pub fn month(&self) -> Option<u32> {
        self.month
    }

    /// The day of the month, when known.
    #[must_use]
    pub fn day(&self) -> Option<u32> {
        self.day
    }

    /// Whether the date was inferred rather than stated by a source.
    #[must_use]
    pub fn is_approximate(&self) -> bool {
        self.approximate
    }

    /// How much of the date is known.
    #[must_use]
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Whether the date is vague: known only to the month or year, or approximate.
    #[must_use]
    pub fn is_vague(&self) -> bool {
        self.approximate || self.precision() != Precision::Day
    }

    /// The first day of the span this date covers.
    #[must_use]
    pub fn start(&self) -> NaiveDate {
        // Invariant: `new` checked the calendar, so these constructions succeed.
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the span this date covers (inclusive).
    #[must_use]
    pub fn end(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(_), Some(_)) => self.start(),
            (Some(m), None) => {
                let (y, next) = if m == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, m + 1)
                };
                NaiveDate::from_ymd_opt(y, next, 1)
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(NaiveDate::MAX)
            }
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }

    /// Whether this date's span shares at least one day with `from..=to`.
    #[must_use]
    pub fn overlaps(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.begins_by(to) && self.lasts_until(from)
    }

    /// Whether the span this date covers begins on or before `day`: `start() <= day`, without
    /// building the start (searches ask this of every event).
    #[must_use]
    pub fn begins_by(&self, day: NaiveDate) -> bool {
        let first = (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1));
        first <= (day.year(), day.month(), day.day())
    }

    /// Whether the span this date covers lasts until `day` or later: `end() >= day`, without
    /// building the end.
    #[must_use]
    pub fn lasts_until(&self, day: NaiveDate) -> bool {
        let month = self.month.unwrap_or(12);
        let last = (
            self.year,
            month,
            self.day.unwrap_or_else(|| days_in_month(self.year, month)),
        );
        last >= (day.year(), day.month(), day.day())
    }

    /// Whether `day` falls inside this date's span.
    #[must_use]
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.overlaps(day, day)
    }

    /// A date known to the day, from a calendar date.
    #[must_use]
    pub fn from_naive(day: NaiveDate) -> Self {
        PartialDate {
            year: day.year(),
            month: Some(day.month()),
            day: Some(day.day()),
            approximate: false,
        }
    }

    /// The sort key: start of span, then coarser precision first, then exact before approximate.
    fn key(&self) -> (NaiveDate, Precision, bool) {
        (self.start(), self.precision(), self.approximate)
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests;
