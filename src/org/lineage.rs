//! Lineage: a unit's life story — founded (or predating the record), the parents it sat under and
//! the events that moved it, renames, mergers, dissolution, and who led it.

use chrono::NaiveDate;
use serde::Serialize;

use super::career::CareerEntry;
use crate::store::date::PartialDate;
use crate::store::ids::UnitIx;
use crate::timeline::Timeline;
use crate::timeline::history::{Change, ChangeKind};

/// A dated step in a unit's life and the event that made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Moment {
    /// When it happened.
    pub date: PartialDate,
    /// Id of the event.
    pub event: String,
}

/// A link to another unit made by an event (a rename or a merger).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitLink {
    /// The other unit's id.
    pub unit: String,
    /// When the link was made.
    pub date: PartialDate,
    /// Id of the event.
    pub event: String,
}

/// Why a unit came to sit under a parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParentCause {
    /// No event founds the unit: it sits there from its `since` date or first record.
    PredatesRecord,
    /// Founded there.
    Founded,
    /// It took this place when it was renamed into existence (its old identity sat there).
    Renamed,
    /// Placed there by a reorganisation.
    Placed,
    /// Acquired by the parent.
    Acquired,
    /// Its previous parent merged into this one.
    ParentMerged,
    /// Its previous parent was renamed to this one.
    ParentRenamed,
}

impl ParentCause {
    /// A short phrase for text output (`acquired`, `parent merged`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ParentCause::PredatesRecord => "start of its record",
            ParentCause::Founded => "founded",
            ParentCause::Renamed => "renamed",
            ParentCause::Placed => "placed",
            ParentCause::Acquired => "acquired",
            ParentCause::ParentMerged => "parent merged",
            ParentCause::ParentRenamed => "parent renamed",
        }
    }
}

/// The unit's parent from one date on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParentSpan {
    /// The parent unit id; `None` for a top-level unit.
    pub parent: Option<String>,
    /// From when; `None` when this holds from before the record starts.
    pub since: Option<PartialDate>,
    /// Id of the event that put it there, when there was one.
    pub event: Option<String>,
    /// How it got there.
    pub cause: ParentCause,
}

/// Everything the record says about one unit's life.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lineage {
    /// Unit id.
    pub unit: String,
    /// When it was founded; `None` when it predates the record or came from a rename.
    pub founded: Option<Moment>,
    /// Its previous identity, when it came into being by a rename.
    pub renamed_from: Option<UnitLink>,
    /// Its next identity, when it was renamed.
    pub renamed_to: Option<UnitLink>,
    /// The unit it merged into, when it did.
    pub merged_into: Option<UnitLink>,
    /// Units merged into it, in order.
    pub absorbed: Vec<UnitLink>,
    /// When it was dissolved, if it was.
    pub dissolved: Option<Moment>,
    /// Its parents over time, oldest first.
    pub parents: Vec<ParentSpan>,
    /// Every role held at it, in the order they started.
    pub leaders: Vec<CareerEntry>,
}

impl Lineage {
    /// Whether the unit already existed when the record starts (neither founded nor renamed into
    /// being by any event).
    #[must_use]
    pub fn predates_record(&self) -> bool {
        self.founded.is_none() && self.renamed_from.is_none()
    }
}

/// The lineage of `unit`, or `None` when the store has no such unit.
#[must_use]
pub fn lineage(timeline: &Timeline, unit: &str) -> Option<Lineage> {
    let ix = timeline.ids().unit(unit)?;
    let history = &timeline.history;
    let mut lineage = Lineage {
        unit: unit.to_string(),
        founded: None,
        renamed_from: None,
        renamed_to: None,
        merged_into: None,
        absorbed: Vec::new(),
        dissolved: None,
        parents: Vec::new(),
        leaders: Vec::new(),
    };
    for change in &history.changes {
        let event = || timeline.event_id(change.event).to_string();
        let link = |other: UnitIx| UnitLink {
            unit: timeline.unit_id(other).to_string(),
            date: change.date,
            event: event(),
        };
        let moment = || Moment {
            date: change.date,
            event: event(),
        };
        match change.kind {
            ChangeKind::Founded { unit: u, .. } if u == ix => lineage.founded = Some(moment()),
            ChangeKind::Renamed { unit: u, to } if u == ix => {
                lineage.renamed_to = Some(link(to));
            }
            ChangeKind::Renamed { unit: from, to } if to == ix => {
                lineage.renamed_from = Some(link(from));
            }
            ChangeKind::Merged { unit: u, into } if u == ix => {
                lineage.merged_into = Some(link(into));
            }
            ChangeKind::Merged { unit: from, into } if into == ix => {
                lineage.absorbed.push(link(from));
            }
            ChangeKind::Dissolved { unit: u } if u == ix => lineage.dissolved = Some(moment()),
            _ => {}
        }
    }
    if let Some(life) = history.unit(ix) {
        let mut previous: Option<UnitIx> = None;
        for (i, &(day, parent)) in life.parents.iter().enumerate() {
            let span = if i == 0 {
                first_parent(timeline, &lineage, life.start, parent)
            } else {
                let moved = Move {
                    unit: ix,
                    day,
                    from: previous,
                    to: parent,
                };
                later_parent(timeline, &history.changes, &moved)
            };
            previous = parent;
            lineage.parents.push(span);
        }
    }
    lineage.leaders = history
        .tenures()
        .filter(|(_, t)| t.unit == ix)
        .map(|(t, _)| CareerEntry::from_tenure(timeline, t))
        .collect();
    lineage.leaders.sort_by_key(|e| (e.start, e.tenure));
    Some(lineage)
}

/// The people event `event` names as founders of `unit` (in its `Found` effect).
#[must_use]
pub fn founders(timeline: &Timeline, unit: &str, event: &str) -> Vec<String> {
    timeline
        .event(event)
        .into_iter()
        .flat_map(|e| &e.effects)
        .filter_map(|effect| match effect {
            crate::store::model::Effect::Found {
                unit: u, founders, ..
            } if u == unit => Some(founders.clone()),
            _ => None,
        })
        .flatten()
        .collect()
}

/// The parent the unit started with.
fn first_parent(
    timeline: &Timeline,
    lineage: &Lineage,
    start: Option<PartialDate>,
    parent: Option<UnitIx>,
) -> ParentSpan {
    let (since, event, cause) = match (&lineage.founded, &lineage.renamed_from) {
        (Some(m), _) => (Some(m.date), Some(m.event.clone()), ParentCause::Founded),
        (None, Some(l)) => (Some(l.date), Some(l.event.clone()), ParentCause::Renamed),
        (None, None) => (start, None, ParentCause::PredatesRecord),
    };
    ParentSpan {
        parent: parent.map(|p| timeline.unit_id(p).to_string()),
        since,
        event,
        cause,
    }
}

/// A unit moving from one parent to another on a day.
struct Move {
    unit: UnitIx,
    day: NaiveDate,
    from: Option<UnitIx>,
    to: Option<UnitIx>,
}

/// A later parent: finds the change that moved the unit there on that day.
fn later_parent(timeline: &Timeline, changes: &[Change], moved: &Move) -> ParentSpan {
    let Move {
        unit,
        day,
        from,
        to: parent,
    } = *moved;
    let found = changes
        .iter()
        .filter(|c| c.date.start() == day)
        .find_map(|c| {
            let cause = match c.kind {
                ChangeKind::Moved {
                    unit: u,
                    to,
                    acquired,
                    ..
                } if u == unit && Some(to) == parent => {
                    if acquired {
                        ParentCause::Acquired
                    } else {
                        ParentCause::Placed
                    }
                }
                ChangeKind::Merged { unit: old, into }
                    if Some(old) == from && Some(into) == parent =>
                {
                    ParentCause::ParentMerged
                }
                ChangeKind::Renamed { unit: old, to }
                    if Some(old) == from && Some(to) == parent =>
                {
                    ParentCause::ParentRenamed
                }
                _ => return None,
            };
            Some((c, cause))
        });
    let parent = parent.map(|p| timeline.unit_id(p).to_string());
    match found {
        Some((change, cause)) => ParentSpan {
            parent,
            since: Some(change.date),
            event: Some(timeline.event_id(change.event).to_string()),
            cause,
        },
        // The replay records a change for every parent it sets; keep the span even so.
        None => ParentSpan {
            parent,
            since: Some(PartialDate::from_naive(day)),
            event: None,
            cause: ParentCause::Placed,
        },
    }
}
