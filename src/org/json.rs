//! The JSON shapes of the org chart and of a diff (`org --as-of … --json`, `org --diff … --json`).
//!
//! These shapes are documented in the README (section "The organisation") and kept stable: fields may be added, never
//! renamed or removed. Dates are strings at their own precision (`2015-07-15`, `2015-03`,
//! `~2012`).

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::career::original_start;
use super::chart::OrgChart;
use super::diff::DiffEntry;
use crate::timeline::Timeline;
use crate::timeline::history::{ChangeKind, UnitLife};

/// The chart as `{ "date", "units": [ { "id", "name", "name_zh", "kind", "depth", "parent",
/// "first_recorded", "roles": [ { "role", "person", "name", "name_zh", "since", "event",
/// "approximate", "last_recorded" } ] } ] }`, units in tree pre-order. `first_recorded` is the
/// date of the first event naming a unit no event founds and no `since` dates (else `null`);
/// `last_recorded` is the last record of a role no source gives an end for (else `null`).
#[must_use]
pub fn chart(timeline: &Timeline, chart: &OrgChart) -> Value {
    let history = &timeline.history;
    let units: Vec<Value> = chart
        .nodes
        .iter()
        .map(|node| {
            let unit = timeline.unit(&node.unit);
            let roles: Vec<Value> = node
                .roles
                .iter()
                .map(|&i| {
                    let t = history.tenure(i);
                    let person = timeline.person_at(t.person);
                    let (since, event) = original_start(history, i);
                    json!({
                        "role": t.role,
                        "person": person.id,
                        "name": person.name,
                        "name_zh": person.name_zh,
                        "since": since.to_string(),
                        "event": timeline.event_id(event),
                        "approximate": t.start.is_vague() || since.is_vague(),
                        "last_recorded": t.last_recorded_on().map(|d| d.to_string()),
                    })
                })
                .collect();
            json!({
                "id": node.unit,
                "name": unit.map(|u| u.name.as_str()),
                "name_zh": unit.and_then(|u| u.name_zh.as_deref()),
                "kind": unit.map(|u| u.kind.as_str()),
                "depth": node.depth,
                "parent": node.parent,
                "first_recorded": timeline
                    .unit_life(&node.unit)
                    .and_then(UnitLife::first_recorded_on)
                    .map(|d| d.to_string()),
                "roles": roles,
            })
        })
        .collect();
    json!({ "date": chart.date.to_string(), "units": units })
}

/// A diff as `{ "from", "to", "changes": [ { "date", "event", "approximate", "kind", … } ] }`
/// where the remaining fields depend on `kind` (see [`change`]).
#[must_use]
pub fn diff(timeline: &Timeline, from: NaiveDate, to: NaiveDate, entries: &[DiffEntry]) -> Value {
    json!({
        "from": from.to_string(),
        "to": to.to_string(),
        "changes": entries.iter().map(|e| change(timeline, e)).collect::<Vec<_>>(),
    })
}

/// One change: `date`, `event`, `approximate`, `kind`, then by kind — `role_started`,
/// `role_ended` and `role_last_recorded`: `person`, `unit`, `role`; `founded`: `unit`, `parent`; `moved`: `unit`, `from`,
/// `to`, `acquired`; `merged`: `unit`, `into`; `renamed`: `unit`, `to`; `dissolved`: `unit`.
#[must_use]
pub fn change(timeline: &Timeline, entry: &DiffEntry) -> Value {
    let person = |p| timeline.person_id(p);
    let unit = |u| timeline.unit_id(u);
    let mut value = json!({
        "date": entry.date.to_string(),
        "event": timeline.event_id(entry.event),
        "approximate": entry.approximate,
        "kind": entry.kind_name(),
    });
    let fields = match &entry.kind {
        ChangeKind::RoleStarted {
            person: p,
            unit: u,
            role,
        }
        | ChangeKind::RoleEnded {
            person: p,
            unit: u,
            role,
        }
        | ChangeKind::RoleLastRecorded {
            person: p,
            unit: u,
            role,
        } => {
            json!({ "person": person(*p), "unit": unit(*u), "role": role })
        }
        ChangeKind::Founded { unit: u, parent } => {
            json!({ "unit": unit(*u), "parent": parent.map(unit) })
        }
        ChangeKind::Moved {
            unit: u,
            from,
            to,
            acquired,
        } => json!({
            "unit": unit(*u),
            "from": from.map(unit),
            "to": unit(*to),
            "acquired": acquired,
        }),
        ChangeKind::Merged { unit: u, into } => json!({ "unit": unit(*u), "into": unit(*into) }),
        ChangeKind::Renamed { unit: u, to } => json!({ "unit": unit(*u), "to": unit(*to) }),
        ChangeKind::Dissolved { unit: u } => json!({ "unit": unit(*u) }),
    };
    if let (Some(target), Value::Object(extra)) = (value.as_object_mut(), fields) {
        target.extend(extra);
    }
    value
}
