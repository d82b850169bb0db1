//! Mouse clicks mapped back to what is drawn under them, through the same layout the views use.

use ratatui::layout::{Position, Rect};

use super::{axis_jump, content, jumps, select, set_focus};
use crate::text;
use crate::tui::action::Action;
use crate::tui::app::Pane;
use crate::tui::app::{App, Row, Search};
use crate::tui::layout::{self, keep_visible};
use crate::tui::org_fold;
use crate::tui::org_lines::{OrgLine, guide_step, guide_text};

/// A left click in browse mode: focus the pane under the pointer and select the line clicked; a
/// click on an org unit's fold sign folds or unfolds it too.
pub(super) fn click(app: &mut App<'_>, column: u16, row: u16) {
    let areas = layout::app_areas(app, app.size);
    let Some(pane) = areas.pane_at(column, row).copied() else {
        return;
    };
    set_focus(app, pane.pane);
    if pane.pane == Pane::Timeline {
        let axis = layout::timeline_parts(app, pane.inner).axis;
        if axis.contains(Position::new(column, row)) {
            jumps::recorded(app, |app| axis_jump::click(app, axis, column));
            return;
        }
    }
    let inner = content(app, &pane);
    if !inner.contains(Position::new(column, row)) {
        return;
    }
    let line = usize::from(row - inner.y);
    match pane.pane {
        Pane::Timeline => {
            let rows = app.rows();
            let start = app.timeline_offset.min(rows.rows().len());
            let target = rows.rows()[start..]
                .iter()
                .enumerate()
                .skip(line)
                .find_map(|(i, r)| match r {
                    Row::Event(_) => rows.position_at(start + i),
                    Row::Year(_) => None,
                });
            if let Some(pos) = target {
                select(app, pos);
            }
        }
        Pane::Org => {
            let index = app.org_offset + line;
            let lines = app.org_lines();
            if index < lines.len() {
                let on_sign = fold_sign_at(&lines, app.org_offset, pane.inner, index) == column;
                let foldable = org_fold::foldable(&lines[index]).is_some();
                app.org_cursor = index;
                if on_sign && foldable {
                    super::fold::apply(app, Action::ToggleFold);
                }
            }
        }
        Pane::Detail => {}
    }
}

/// The column of the fold sign (`▾` `▸`) of org line `index`, drawn in `inner` from line
/// `offset` on: after the change mark and the tree guides, as the view draws them.
fn fold_sign_at(lines: &[OrgLine], offset: usize, inner: Rect, index: usize) -> u16 {
    let width = usize::from(inner.width);
    let end = lines.len().min(offset + usize::from(inner.height));
    let step = guide_step(&lines[offset.min(end)..end], width);
    let guides = text::width(&guide_text(&lines[index], step, width));
    inner
        .x
        .saturating_add(u16::try_from(2 + guides).unwrap_or(u16::MAX))
}

/// Where the search results are listed on screen.
pub(super) fn search_results(app: &App<'_>) -> Rect {
    let body = layout::app_areas(app, app.size).body;
    let (_, inner) = layout::overlay_inner(layout::overlay(body));
    layout::search_parts(inner).1
}

/// The search result drawn at a screen cell, if any.
pub(super) fn search_hit_at(
    app: &App<'_>,
    search: &Search,
    column: u16,
    row: u16,
) -> Option<usize> {
    let results = search_results(app);
    if !results.contains(Position::new(column, row)) {
        return None;
    }
    let offset = keep_visible(0, Some(search.selected), search.hits.len(), results.height);
    let index = offset + usize::from(row - results.y);
    (index < search.hits.len()).then_some(index)
}
