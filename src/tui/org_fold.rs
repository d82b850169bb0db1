//! Folding the org chart: the lines shown when some units are folded, and the lines around one
//! (its parent unit, the nearest line still shown) for the fold keys to move to.
//!
//! Units are folded by identity, not by line, so a unit stays folded when the selection moves to
//! another event (or date) on which it still exists.

use std::collections::BTreeSet;

use crate::store::ids::UnitIx;
use crate::tui::org_lines::{Mark, OrgItem, OrgLine};

/// The units the user has folded.
pub type Folded = BTreeSet<UnitIx>;

/// The unit of `line` if it can be folded: a unit with lines under it.
#[must_use]
pub fn foldable(line: &OrgLine) -> Option<UnitIx> {
    match line.item {
        OrgItem::Unit(unit) if line.descendants > 0 => Some(unit),
        _ => None,
    }
}

/// Whether `line` is a folded unit (one whose lines are hidden).
#[must_use]
pub fn is_folded(line: &OrgLine, folded: &Folded) -> bool {
    foldable(line).is_some_and(|unit| folded.contains(&unit))
}

/// `lines` (the whole tree, see [`crate::tui::org_lines::lines_of`]) without the lines under a
/// folded unit. A folded unit under which the followed event changed something, while being
/// itself untouched, is marked [`Mark::Inside`], so the change is not lost from sight.
#[must_use]
pub fn shown(lines: &[OrgLine], folded: &Folded) -> Vec<OrgLine> {
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let mut line = lines[i].clone();
        let hidden = if is_folded(&line, folded) {
            line.descendants
        } else {
            0
        };
        let under = &lines[i + 1..i + 1 + hidden];
        if line.mark == Mark::Same && under.iter().any(|l| l.mark != Mark::Same) {
            line.mark = Mark::Inside;
        }
        out.push(line);
        i += 1 + hidden;
    }
    out
}

/// The index of the unit `lines[index]` sits under, if any.
#[must_use]
pub fn parent(lines: &[OrgLine], index: usize) -> Option<usize> {
    let depth = lines.get(index)?.depth;
    lines[..index].iter().rposition(|l| l.depth < depth)
}

/// The items of `lines[index]` and of each unit above it, nearest first: where to put the
/// cursor when the line itself is no longer shown.
#[must_use]
pub fn lineage(lines: &[OrgLine], index: usize) -> Vec<OrgItem> {
    let mut items = Vec::new();
    let mut at = Some(index).filter(|&i| i < lines.len());
    while let Some(i) = at {
        items.push(lines[i].item.clone());
        at = parent(lines, i);
    }
    items
}

/// The index in `lines` of the first of `items` shown there.
#[must_use]
pub fn find_first(lines: &[OrgLine], items: &[OrgItem]) -> Option<usize> {
    items
        .iter()
        .find_map(|item| lines.iter().position(|l| l.item == *item))
}
