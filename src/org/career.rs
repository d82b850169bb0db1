//! Careers: every role one person held, in order, with the events that started and ended it.

use serde::Serialize;

use crate::store::date::PartialDate;
use crate::store::ids::EventIx;
use crate::timeline::Timeline;
use crate::timeline::history::{History, Tenure, TenureIx};

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
    /// Whether the start or end is vague (see [`PartialDate::is_vague`]).
    pub approximate: bool,
    /// When the unit was renamed and the role carried over: the unit's previous id. The previous
    /// tenure is the entry just before this one with that unit, ended by this entry's start event.
    pub continues: Option<String>,
    /// The tenure it shows.
    #[serde(skip)]
    pub tenure: TenureIx,
}

impl CareerEntry {
    /// The entry for tenure `ix` of `timeline`'s history.
    #[must_use]
    pub fn from_tenure(timeline: &Timeline, ix: TenureIx) -> Self {
        let history = &timeline.history;
        let t: &Tenure = history.tenure(ix);
        CareerEntry {
            person: timeline.person_id(t.person).to_string(),
            unit: timeline.unit_id(t.unit).to_string(),
            role: t.role.clone(),
            start: t.start,
            end: t.end,
            last_recorded: t.last_recorded,
            start_event: timeline.event_id(t.start_event).to_string(),
            end_event: t.end_event.map(|e| timeline.event_id(e).to_string()),
            approximate: t.is_vague(),
            continues: t
                .carried_from
                .map(|prev| timeline.unit_id(history.tenure(prev).unit).to_string()),
            tenure: ix,
        }
    }
}

/// Every role `person` held, in the order they started (ties in replay order). Empty for an
/// unknown id or a person who never held a role.
#[must_use]
pub fn career(timeline: &Timeline, person: &str) -> Vec<CareerEntry> {
    let Some(person) = timeline.ids().person(person) else {
        return Vec::new();
    };
    let mut entries: Vec<CareerEntry> = timeline
        .history
        .tenures()
        .filter(|(_, t)| t.person == person)
        .map(|(ix, _)| CareerEntry::from_tenure(timeline, ix))
        .collect();
    entries.sort_by_key(|e| (e.start, e.tenure));
    entries
}

/// Where tenure `ix` really began: follows renames back to the first identity of the unit, so a
/// role carried over a rename keeps its original start date and event.
#[must_use]
pub fn original_start(history: &History, ix: TenureIx) -> (&PartialDate, EventIx) {
    let mut t = history.tenure(ix);
    // Each rename links to a strictly earlier tenure, so this walk ends; the bound guards bad input.
    for _ in 0..history.tenures.len() {
        match t.carried_from {
            Some(prev) => t = history.tenure(prev),
            None => break,
        }
    }
    (&t.start, t.start_event)
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
