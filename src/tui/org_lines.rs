//! The org chart as lines for the org pane: units as a tree with the roles held at each, and what
//! one event changed marked (new units and roles, moved units, ended roles and units).
//!
//! Each line knows its place in the tree (the guides to draw before it, how many lines sit under
//! it), so folding ([`crate::tui::org_fold`]) only leaves lines out. Pure data: the view decides
//! how each line and mark looks.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::org::tree::{guides, rails};
use crate::org::{DiffEntry, OrgChart, changes_by, chart};
use crate::store::ids::{PersonIx, UnitIx};
use crate::timeline::Timeline;
use crate::timeline::history::{ChangeKind, TenureIx};

/// What one line of the org chart shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrgItem {
    /// A unit.
    Unit(UnitIx),
    /// A role, by its tenure.
    Role(TenureIx),
}

/// How the event being followed touched a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Untouched.
    Same,
    /// Founded, renamed to, or started by the event.
    New,
    /// Moved under another parent (reorganised or acquired) by the event.
    Moved,
    /// Ended by the event (shown although it no longer exists on the day).
    Ended,
    /// A folded unit under which the event changed something (the lines marked are hidden).
    Inside,
}

/// One line of the org pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgLine {
    /// Indentation level (0 for roots).
    pub depth: usize,
    /// The unit or role.
    pub item: OrgItem,
    /// What the followed event did to it.
    pub mark: Mark,
    /// For each level from 1 to `depth`: whether the line's ancestor at that level (at the last
    /// level, the line itself) has a later sibling, i.e. whether a guide (`│`, `├─`) continues
    /// below it rather than ending (`└─`).
    pub rails: Vec<bool>,
    /// How many lines sit under it (its roles and sub-units, theirs, and so on): what folding it
    /// hides.
    pub descendants: usize,
}

impl OrgLine {
    fn new(depth: usize, item: OrgItem, mark: Mark) -> Self {
        OrgLine {
            depth,
            item,
            mark,
            rails: Vec::new(),
            descendants: 0,
        }
    }
}

/// Fills in each line's place in the tree ([`OrgLine::rails`], [`OrgLine::descendants`]) from
/// the depths of `lines`, in tree pre-order.
fn shape(lines: &mut [OrgLine]) {
    let depths: Vec<usize> = lines.iter().map(|l| l.depth).collect();
    for (line, rails) in lines.iter_mut().zip(rails(&depths)) {
        line.rails = rails;
    }
    // The lines above each line that it sits under, each counting it.
    let mut open: Vec<usize> = Vec::new();
    for i in 0..lines.len() {
        while open
            .last()
            .is_some_and(|&j| lines[j].depth >= lines[i].depth)
        {
            open.pop();
        }
        for &j in &open {
            lines[j].descendants += 1;
        }
        open.push(i);
    }
}

/// Columns per level of the tree guides for `lines` (those on screen) in a pane `width` columns
/// wide: 3 (`├─ `), or 2 (`├ `) when the deepest of them would otherwise take more than a third
/// of the width.
#[must_use]
pub fn guide_step(lines: &[OrgLine], width: usize) -> usize {
    let deepest = lines.iter().map(|l| l.depth).max().unwrap_or(0);
    if deepest * 3 <= width / 3 { 3 } else { 2 }
}

/// The tree guides drawn before `line` (`│  ├─ `), `step` columns a level (see [`guide_step`]),
/// cut from the left to at most a third of `width` on a very narrow pane.
#[must_use]
pub fn guide_text(line: &OrgLine, step: usize, width: usize) -> String {
    let text = guides(&line.rails, step);
    let skip = text.chars().count().saturating_sub(width / 3);
    text.chars().skip(skip).collect()
}

/// What one event changed, gathered from the replay's change log.
#[derive(Default)]
struct Touched {
    new_units: HashSet<UnitIx>,
    moved_units: HashSet<UnitIx>,
    ended_units: Vec<UnitIx>,
    new_roles: HashSet<TenureIx>,
    ended_roles: Vec<TenureIx>,
}

/// What event `event` changed, from the org module's account of it (`changes`: see
/// [`changes_by`]; roles a rename merely carries over are not counted: the rename is).
fn touched_by(timeline: &Timeline, event: &str, changes: &[DiffEntry]) -> Touched {
    let history = &timeline.history;
    let event = timeline.event_index(event);
    let find = |person: PersonIx, unit: UnitIx, role: &str, ended: bool| {
        history
            .tenures()
            .find(|(_, t)| {
                t.person == person
                    && t.unit == unit
                    && t.role == role
                    && if ended {
                        t.end_event.is_some() && t.end_event == event
                    } else {
                        Some(t.start_event) == event
                    }
            })
            .map(|(ix, _)| ix)
    };
    let mut touched = Touched::default();
    for change in changes {
        match &change.kind {
            ChangeKind::RoleStarted { person, unit, role } => {
                touched.new_roles.extend(find(*person, *unit, role, false));
            }
            ChangeKind::RoleEnded { person, unit, role }
            | ChangeKind::RoleLastRecorded { person, unit, role } => {
                touched.ended_roles.extend(find(*person, *unit, role, true));
            }
            ChangeKind::Founded { unit, .. } => {
                touched.new_units.insert(*unit);
            }
            ChangeKind::Moved { unit, .. } => {
                touched.moved_units.insert(*unit);
            }
            ChangeKind::Renamed { unit, to } => {
                touched.new_units.insert(*to);
                touched.ended_units.push(*unit);
            }
            ChangeKind::Merged { unit, .. } | ChangeKind::Dissolved { unit } => {
                touched.ended_units.push(*unit);
            }
        }
    }
    touched
}

/// The org chart as of `day`, as lines; when `changed_by` names an event, what it changed is
/// marked and what it ended is kept (marked [`Mark::Ended`]) under its former parent.
#[must_use]
pub fn org_lines(timeline: &Timeline, day: NaiveDate, changed_by: Option<&str>) -> Vec<OrgLine> {
    let chart = chart(timeline, day);
    let changes = changed_by.map(|id| (id, changes_by(timeline, id)));
    lines_of(
        timeline,
        &chart,
        changes.as_ref().map(|(id, c)| (*id, c.as_slice())),
    )
}

/// [`org_lines`] from the chart of the day (see [`chart()`]) and, when an event's changes are to be
/// marked, its id and what it changed (see [`changes_by`]): for callers that keep either.
#[must_use]
pub fn lines_of(
    timeline: &Timeline,
    chart: &OrgChart,
    changed_by: Option<(&str, &[DiffEntry])>,
) -> Vec<OrgLine> {
    let history = &timeline.history;
    let day = chart.date;
    let touched = changed_by.map_or_else(Touched::default, |(id, changes)| {
        touched_by(timeline, id, changes)
    });
    let before = day.pred_opt().unwrap_or(day);
    let former_parent = |unit: UnitIx| history.unit(unit).and_then(|life| life.parent_on(before));
    let mut ended_units: Vec<(UnitIx, Option<UnitIx>)> = touched
        .ended_units
        .iter()
        .map(|&u| (u, former_parent(u)))
        .collect();
    let mut ended_roles = touched.ended_roles.clone();
    let mut lines = Vec::new();

    let push_unit = |lines: &mut Vec<OrgLine>,
                     unit: UnitIx,
                     depth: usize,
                     mark: Mark,
                     roles: &[TenureIx],
                     ended_roles: &mut Vec<TenureIx>| {
        lines.push(OrgLine::new(depth, OrgItem::Unit(unit), mark));
        for &r in roles {
            let mark = if touched.new_roles.contains(&r) {
                Mark::New
            } else {
                Mark::Same
            };
            lines.push(OrgLine::new(depth + 1, OrgItem::Role(r), mark));
        }
        ended_roles.retain(|&r| {
            if history.tenure(r).unit == unit {
                lines.push(OrgLine::new(depth + 1, OrgItem::Role(r), Mark::Ended));
                false
            } else {
                true
            }
        });
    };

    for node in &chart.nodes {
        // Invariant: the chart's units are the timeline's; skip one that is not, should it occur.
        let Some(unit) = timeline.ids().unit(&node.unit) else {
            continue;
        };
        let mark = if touched.new_units.contains(&unit) {
            Mark::New
        } else if touched.moved_units.contains(&unit) {
            Mark::Moved
        } else {
            Mark::Same
        };
        push_unit(
            &mut lines,
            unit,
            node.depth,
            mark,
            &node.roles,
            &mut ended_roles,
        );
        let (here, rest): (Vec<_>, Vec<_>) = ended_units
            .into_iter()
            .partition(|(_, parent)| *parent == Some(unit));
        ended_units = rest;
        for (ended, _) in here {
            push_unit(
                &mut lines,
                ended,
                node.depth + 1,
                Mark::Ended,
                &[],
                &mut ended_roles,
            );
        }
    }
    for (unit, _) in ended_units {
        push_unit(&mut lines, unit, 0, Mark::Ended, &[], &mut ended_roles);
    }
    for r in ended_roles {
        lines.push(OrgLine::new(1, OrgItem::Role(r), Mark::Ended));
    }
    shape(&mut lines);
    lines
}
