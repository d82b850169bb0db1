//! The tenure chart's rows, worked out from the replayed history when the chart opens: people's
//! roles grouped by unit, or each unit's lifeline with what happened to it.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Bar, ChartRow, End, Mark};
use crate::store::date::PartialDate;
use crate::store::ids::{EventIx, UnitIx};
use crate::timeline::Timeline;
use crate::timeline::history::ChangeKind;
use crate::tui::app::Entity;

/// People's rows: for each unit (in the order its first role began) a heading, then each person
/// who held a role there (in the order they first did), with every role they held there.
pub(super) fn people_rows(timeline: &Timeline) -> Vec<ChartRow> {
    let history = &timeline.history;
    let mut units: Vec<UnitIx> = Vec::new();
    let mut people: HashMap<UnitIx, Vec<ChartRow>> = HashMap::new();
    // Where each person's row is in their unit's rows.
    let mut place: HashMap<(UnitIx, Entity), usize> = HashMap::new();
    for (_, tenure) in history.tenures() {
        let rows = people.entry(tenure.unit).or_insert_with(|| {
            units.push(tenure.unit);
            Vec::new()
        });
        let entity = Entity::Person(tenure.person);
        let at = *place.entry((tenure.unit, entity)).or_insert_with(|| {
            rows.push(ChartRow {
                entity,
                colour: 0,
                heading: false,
                bars: Vec::new(),
                marks: Vec::new(),
                events: Vec::new(),
            });
            rows.len() - 1
        });
        let row = &mut rows[at];
        let end = match (tenure.last_recorded_on(), tenure.end) {
            (Some(date), _) => End::LastRecorded(date),
            (None, Some(date)) => End::Ended(date),
            (None, None) => End::Open,
        };
        row.bars.push(Bar {
            start: tenure.start,
            first_recorded: false,
            end,
        });
        row.events.push((tenure.start.start(), tenure.start_event));
        if let (Some(date), Some(ix)) = (tenure.end, tenure.end_event) {
            row.events.push((date.start(), ix));
        }
    }
    let mut out = Vec::new();
    for (colour, unit) in units.into_iter().enumerate() {
        let mut rows = people.remove(&unit).unwrap_or_default();
        let mut events: Vec<(NaiveDate, EventIx)> = Vec::new();
        for row in &mut rows {
            row.colour = colour;
            row.events.sort_unstable();
            events.extend(row.events.iter().copied());
        }
        events.sort_unstable();
        out.push(ChartRow {
            entity: Entity::Unit(unit),
            colour,
            heading: true,
            bars: Vec::new(),
            marks: Vec::new(),
            events,
        });
        out.extend(rows);
    }
    out
}

/// Units' rows, in the order they began: each unit's life as a bar, with what happened to it.
pub(super) fn unit_rows(timeline: &Timeline) -> Vec<ChartRow> {
    let history = &timeline.history;
    let mut marks: HashMap<UnitIx, Vec<(PartialDate, Mark, EventIx)>> = HashMap::new();
    let mut mark = |unit: UnitIx, date: PartialDate, m: Mark, event: EventIx| {
        marks.entry(unit).or_default().push((date, m, event));
    };
    for change in &history.changes {
        let (date, event) = (change.date, change.event);
        match &change.kind {
            ChangeKind::Founded { unit, .. } => mark(*unit, date, Mark::Founded, event),
            ChangeKind::Moved { unit, acquired, .. } => {
                let m = if *acquired {
                    Mark::Acquired
                } else {
                    Mark::Moved
                };
                mark(*unit, date, m, event);
            }
            ChangeKind::Merged { unit, .. } => mark(*unit, date, Mark::Merged, event),
            ChangeKind::Renamed { unit, to } => {
                mark(*unit, date, Mark::Renamed, event);
                mark(*to, date, Mark::Renamed, event);
            }
            ChangeKind::Dissolved { unit } => mark(*unit, date, Mark::Dissolved, event),
            ChangeKind::RoleStarted { .. }
            | ChangeKind::RoleEnded { .. }
            | ChangeKind::RoleLastRecorded { .. } => {}
        }
    }
    let mut lives: Vec<(PartialDate, UnitIx, Bar)> = history
        .unit_lives()
        .filter_map(|(unit, life)| {
            let start = life.start?;
            let end = life.end.map_or(End::Open, End::Ended);
            Some((
                start,
                unit,
                Bar {
                    start,
                    first_recorded: life.first_recorded,
                    end,
                },
            ))
        })
        .collect();
    lives.sort_by_key(|(start, unit, _)| (*start, *unit));
    lives
        .into_iter()
        .enumerate()
        .map(|(colour, (_, unit, bar))| {
            let found = marks.remove(&unit).unwrap_or_default();
            let mut events: Vec<(NaiveDate, EventIx)> =
                found.iter().map(|(d, _, e)| (d.start(), *e)).collect();
            events.sort_unstable();
            ChartRow {
                entity: Entity::Unit(unit),
                colour,
                heading: false,
                bars: vec![bar],
                marks: found.into_iter().map(|(d, m, _)| (d, m)).collect(),
                events,
            }
        })
        .collect()
}
