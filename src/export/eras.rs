//! The eras an export shows: those overlapping the days of the selected events, cut to those
//! days, so that a band never stretches a picture or a TimelineJS timeline past its events.

use chrono::NaiveDate;

use super::{Selection, span};
use crate::store::date::PartialDate;
use crate::timeline::EraSpan;

/// An era as an export shows it.
#[derive(Debug, Clone, Copy)]
pub struct ShownEra<'a> {
    /// The era with its bounding events.
    pub span: EraSpan<'a>,
    /// Its start, or the first selected day when it starts before (then known to the day).
    pub start: PartialDate,
    /// Its end, or the last selected day when it ends after.
    pub end: PartialDate,
}

impl ShownEra<'_> {
    /// The days it is shown over, both inclusive.
    #[must_use]
    pub fn days(&self) -> (NaiveDate, NaiveDate) {
        (self.start.start(), self.end.end())
    }
}

impl<'a> Selection<'a> {
    /// The days the selected events cover: from the start of the first to the end of the last
    /// (its `end` included); `None` when nothing is selected.
    #[must_use]
    pub fn days(&self) -> Option<(NaiveDate, NaiveDate)> {
        let spans = self.events().map(span);
        spans.reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
    }

    /// The eras overlapping [`Selection::days`], cut to them, in store order.
    #[must_use]
    pub fn eras(&self) -> Vec<ShownEra<'a>> {
        let Some((first, last)) = self.days() else {
            return Vec::new();
        };
        self.timeline
            .eras()
            .filter(|era| {
                let (from, to) = era.days();
                from <= last && to >= first
            })
            .map(|era| ShownEra {
                start: if era.start.start() < first {
                    PartialDate::from_naive(first)
                } else {
                    era.start
                },
                end: if era.end.end() > last {
                    PartialDate::from_naive(last)
                } else {
                    era.end
                },
                span: era,
            })
            .collect()
    }
}
