//! What changed between two dates, or by one event: the replay's change log, filtered.
//!
//! A change applies from the first day of its date's span (like every effect), so a change dated
//! `2015-03` falls in a window when 2015-03-01 does. Roles that a rename merely carries over to
//! the unit's new identity are left out: the rename itself is listed.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::store::date::PartialDate;
use crate::store::ids::{EventIx, PersonIx, UnitIx};
use crate::timeline::Timeline;
use crate::timeline::history::{Change, ChangeKind, History};

/// One change, with its date and the event that caused it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffEntry {
    /// When it applied, at the precision the sources give.
    pub date: PartialDate,
    /// The event whose effect caused it.
    pub event: EventIx,
    /// Whether the date is vague (see [`PartialDate::is_vague`]).
    pub approximate: bool,
    /// What changed.
    pub kind: ChangeKind,
}

impl DiffEntry {
    fn new(change: &Change) -> Self {
        DiffEntry {
            date: change.date,
            event: change.event,
            approximate: change.date.is_vague(),
            kind: change.kind.clone(),
        }
    }

    /// A short name for the kind of change (`role_started`, `moved`), as used in JSON.
    #[must_use]
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            ChangeKind::RoleStarted { .. } => "role_started",
            ChangeKind::RoleEnded { .. } => "role_ended",
            ChangeKind::RoleLastRecorded { .. } => "role_last_recorded",
            ChangeKind::Founded { .. } => "founded",
            ChangeKind::Moved { .. } => "moved",
            ChangeKind::Merged { .. } => "merged",
            ChangeKind::Renamed { .. } => "renamed",
            ChangeKind::Dissolved { .. } => "dissolved",
        }
    }
}

/// Every change that applied after `from` and up to and including `to` — exactly what turns the
/// org as of `from` into the org as of `to` — in the order they were replayed. Empty when
/// `from >= to`.
#[must_use]
pub fn diff(timeline: &Timeline, from: NaiveDate, to: NaiveDate) -> Vec<DiffEntry> {
    entries(&timeline.history, |c| {
        let day = c.date.start();
        from < day && day <= to
    })
}

/// Every change that event `event` made, in the order its effects were replayed (empty for an
/// unknown id or an event without effects).
#[must_use]
pub fn changes_by(timeline: &Timeline, event: &str) -> Vec<DiffEntry> {
    match timeline.event_index(event) {
        Some(event) => entries(&timeline.history, |c| c.event == event),
        None => Vec::new(),
    }
}

/// Every change of the timeline grouped by the event that made it, each list in replay order:
/// [`changes_by`] for every event at once, in one pass (events without effects are absent).
#[must_use]
pub fn changes_by_event(timeline: &Timeline) -> HashMap<String, Vec<DiffEntry>> {
    let mut by_event: HashMap<String, Vec<DiffEntry>> = HashMap::new();
    for entry in entries(&timeline.history, |_| true) {
        by_event
            .entry(timeline.event_id(entry.event).to_string())
            .or_default()
            .push(entry);
    }
    by_event
}

fn entries(history: &History, keep: impl Fn(&Change) -> bool) -> Vec<DiffEntry> {
    let carried = carried_roles(history);
    history
        .changes
        .iter()
        .filter(|c| keep(c) && (carried.is_empty() || !carried.contains(&carry_key(c))))
        .map(DiffEntry::new)
        .collect()
}

/// (event, person, unit, role, started) of a role change.
type CarryKey<'a> = Option<(EventIx, PersonIx, UnitIx, &'a str, bool)>;

fn carry_key(change: &Change) -> CarryKey<'_> {
    match &change.kind {
        ChangeKind::RoleStarted { person, unit, role } => {
            Some((change.event, *person, *unit, role, true))
        }
        ChangeKind::RoleEnded { person, unit, role } => {
            Some((change.event, *person, *unit, role, false))
        }
        _ => None,
    }
}

/// The role changes that only carry a role over a rename: the end at the old identity and the
/// start at the new one.
fn carried_roles(history: &History) -> HashSet<CarryKey<'_>> {
    let mut keys = HashSet::new();
    for next in &history.tenures {
        let Some(prev) = next.carried_from.map(|ix| history.tenure(ix)) else {
            continue;
        };
        let event = next.start_event;
        keys.insert(Some((
            event,
            next.person,
            next.unit,
            next.role.as_str(),
            true,
        )));
        keys.insert(Some((
            event,
            prev.person,
            prev.unit,
            prev.role.as_str(),
            false,
        )));
    }
    keys
}

impl DiffEntry {
    /// One line in words, with display names: `Yang Weidong (杨伟东) became president of Youku (优酷)`.
    /// Not sanitised: callers printing to a terminal must sanitise it.
    #[must_use]
    pub fn describe(&self, timeline: &Timeline) -> String {
        let unit = |u: &UnitIx| timeline.unit_label_at(*u);
        match &self.kind {
            ChangeKind::RoleStarted {
                person,
                unit: u,
                role,
            } => format!(
                "{} became {role} of {}",
                timeline.person_label_at(*person),
                unit(u)
            ),
            ChangeKind::RoleEnded {
                person,
                unit: u,
                role,
            } => format!(
                "{} ceased to be {role} of {}",
                timeline.person_label_at(*person),
                unit(u)
            ),
            ChangeKind::RoleLastRecorded {
                person,
                unit: u,
                role,
            } => format!(
                "{} last recorded as {role} of {} (no source gives an end)",
                timeline.person_label_at(*person),
                unit(u)
            ),
            ChangeKind::Founded { unit: u, parent } => match parent {
                Some(p) => format!("{} founded under {}", unit(u), unit(p)),
                None => format!("{} founded", unit(u)),
            },
            ChangeKind::Moved {
                unit: u,
                from,
                to,
                acquired,
            } => {
                let verb = if *acquired {
                    "acquired by"
                } else {
                    "placed under"
                };
                match from {
                    Some(f) => format!("{} {verb} {} (was under {})", unit(u), unit(to), unit(f)),
                    None => format!("{} {verb} {}", unit(u), unit(to)),
                }
            }
            ChangeKind::Merged { unit: u, into } => {
                format!("{} merged into {}", unit(u), unit(into))
            }
            ChangeKind::Renamed { unit: u, to } => format!("{} renamed {}", unit(u), unit(to)),
            ChangeKind::Dissolved { unit: u } => format!("{} dissolved", unit(u)),
        }
    }
}
