//! The eras of a timeline with their bounds resolved: each era's two events, their dates, and the
//! days it covers; and the eras a user's words name (`reset` → `Yu Yongfu's reset`).

use chrono::NaiveDate;

use super::Timeline;
use crate::store::date::PartialDate;
use crate::store::ids::{EraIx, EventIx};
use crate::store::model::Era;

/// An era with its bounding events resolved.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EraSpan<'t> {
    /// Its place in the store's `eras`.
    pub ix: EraIx,
    /// The era as written.
    pub era: &'t Era,
    /// The event it starts with.
    pub start_event: EventIx,
    /// The event it ends with.
    pub end_event: EventIx,
    /// The start event's date.
    pub start: PartialDate,
    /// The end event's date.
    pub end: PartialDate,
}

impl EraSpan<'_> {
    /// The days it covers: from the first day of its start event's date to the last day of its
    /// end event's date (`2016` ends on 2016-12-31).
    #[must_use]
    pub fn days(&self) -> (NaiveDate, NaiveDate) {
        (self.start.start(), self.end.end())
    }

    /// Whether `date` overlaps the era's days (as a date-range query atom does).
    #[must_use]
    pub fn overlaps(&self, date: PartialDate) -> bool {
        let (from, to) = self.days();
        date.overlaps(from, to)
    }
}

impl Timeline {
    /// Every era with its bounds, in store order.
    pub fn eras(&self) -> impl ExactSizeIterator<Item = EraSpan<'_>> {
        (0..self.store.eras.len()).map(|i| self.era_at(EraIx::new(i)))
    }

    /// The era with this id.
    #[must_use]
    pub fn era(&self, id: &str) -> Option<EraSpan<'_>> {
        self.ids.era(id).map(|ix| self.era_at(ix))
    }

    /// The era `ix` with its bounds.
    ///
    /// # Panics
    /// When `ix` is not from this timeline, or (never for a loaded timeline: the validator
    /// refuses a store where they do not resolve) when its events are unknown.
    #[must_use]
    pub fn era_at(&self, ix: EraIx) -> EraSpan<'_> {
        let era = &self.store.eras[ix.index()];
        let event = |id: &str| {
            let at = self.ids.event(id).expect("a loaded era's events are known");
            (at, self.event_at(at).date)
        };
        let (start_event, start) = event(&era.start_event);
        let (end_event, end) = event(&era.end_event);
        EraSpan {
            ix,
            era,
            start_event,
            end_event,
            start,
            end,
        }
    }

    /// The eras `words` name, in store order: the one whose id is `words` (ignoring case), else
    /// every era where each word of `words` starts a word of its id or title (`reset`, `dme`,
    /// `gao song`); none when nothing matches or `words` has no word.
    #[must_use]
    pub fn eras_named(&self, words: &str) -> Vec<EraSpan<'_>> {
        let wanted = words_of(words);
        if wanted.is_empty() {
            return Vec::new();
        }
        if let Some(exact) = self.eras().find(|e| e.era.id.eq_ignore_ascii_case(words)) {
            return vec![exact];
        }
        self.eras()
            .filter(|e| {
                let have = words_of(&format!("{} {}", e.era.id, e.era.title));
                wanted
                    .iter()
                    .all(|w| have.iter().any(|h| h.starts_with(w.as_str())))
            })
            .collect()
    }
}

/// The lowercase words of `text` (runs of letters and digits).
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}
