//! Careers: every role one person held, in order, with the events that started and ended it.

use serde::Serialize;

use super::replay::{History, Tenure};
use crate::store::date::{PartialDate, Precision};
use crate::timeline::Timeline;

/// One role held by one person at one unit for a span of time (a [`Tenure`] made self-contained).
///
/// Used for a person's career ([`career`]) and for a unit's leaders ([`super::Lineage::leaders`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CareerEntry {
    /// Person id.
    pub person: String,
    /// Unit id.
    pub unit: String,
    /// The title, lowercase (`chairman`, `ceo`, `president`).
    pub role: String,
    /// When it started, at the precision the sources give.
    pub start: PartialDate,
    /// When it ended (or, when `last_recorded`, was last recorded); `None` while it is still held
    /// at the end of the record.
    pub end: Option<PartialDate>,
    /// Whether `end` is only the last record of the role: no source gives its end.
    pub last_recorded: bool,
    /// Id of the event that started it.
    pub start_event: String,
    /// Id of the event that ended it, if it ended.
    pub end_event: Option<String>,
    /// Whether the start or end is known only to the month or year, or is approximate.
    pub approximate: bool,
    /// When the unit was renamed and the role carried over: the unit's previous id. The previous
    /// tenure is the entry just before this one with that unit, ended by this entry's start event.
    pub continues: Option<String>,
    /// Index of the tenure in [`History::tenures`].
    #[serde(skip)]
    pub tenure: usize,
}

impl CareerEntry {
    /// The entry for tenure `index` of `history`.
    ///
    /// # Panics
    /// Never for an index below `history.tenures.len()`; callers pass indices they enumerated.
    #[must_use]
    pub fn from_tenure(history: &History, index: usize) -> Self {
        let t: &Tenure = &history.tenures[index];
        CareerEntry {
            person: t.person.clone(),
            unit: t.unit.clone(),
            role: t.role.clone(),
            start: t.start,
            end: t.end,
            last_recorded: t.last_recorded,
            start_event: t.start_event.clone(),
            end_event: t.end_event.clone(),
            approximate: t.is_approximate(),
            continues: t
                .carried_from
                .and_then(|i| history.tenures.get(i))
                .map(|prev| prev.unit.clone()),
            tenure: index,
        }
    }
}

/// Every role `person` held, in the order they started (ties in replay order). Empty for an
/// unknown id or a person who never held a role.
#[must_use]
pub fn career(timeline: &Timeline, person: &str) -> Vec<CareerEntry> {
    let history = &timeline.history;
    let mut entries: Vec<CareerEntry> = history
        .tenures
        .iter()
        .enumerate()
        .filter(|(_, t)| t.person == person)
        .map(|(i, _)| CareerEntry::from_tenure(history, i))
        .collect();
    entries.sort_by_key(|e| (e.start, e.tenure));
    entries
}

/// Where tenure `index` really began: follows renames back to the first identity of the unit, so a
/// role carried over a rename keeps its original start date and event.
///
/// # Panics
/// Never for an index below `history.tenures.len()`.
#[must_use]
pub fn original_start(history: &History, index: usize) -> (&PartialDate, &str) {
    let mut t = &history.tenures[index];
    // Each rename links to a strictly earlier tenure, so this walk ends; the bound guards bad input.
    for _ in 0..history.tenures.len() {
        match t.carried_from.and_then(|i| history.tenures.get(i)) {
            Some(prev) => t = prev,
            None => break,
        }
    }
    (&t.start, t.start_event.as_str())
}

/// Whether a date is known only to the month or year, or marked approximate.
#[must_use]
pub fn is_vague(date: &PartialDate) -> bool {
    date.is_approximate() || date.precision() != Precision::Day
}

impl CareerEntry {
    /// The span in words: `2015-07-15 – now`, `2013-10 – 2016-01 (approx.)`,
    /// `2017-08-02 – last recorded 2018-12-10`.
    #[must_use]
    pub fn span(&self) -> String {
        let end = match self.end {
            None => "now".to_string(),
            Some(e) if self.last_recorded => format!("last recorded {e}"),
            Some(e) => e.to_string(),
        };
        let approx = if self.approximate { " (approx.)" } else { "" };
        format!("{} – {end}{approx}", self.start)
    }
}
