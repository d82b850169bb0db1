//! Mouse clicks mapped back to what is drawn under them, through the same layout the views use.

use ratatui::layout::{Position, Rect};

use super::{axis_jump, select, set_focus};
use crate::tui::app::Pane;
use crate::tui::app::{App, Row, Search};
use crate::tui::layout::{self, keep_visible};

/// A left click in browse mode: focus the pane under the pointer and select the line clicked.
pub(super) fn click(app: &mut App<'_>, column: u16, row: u16) {
    let areas = layout::areas(app.size, app.focus, app.side);
    let Some(pane) = areas.pane_at(column, row).copied() else {
        return;
    };
    set_focus(app, pane.pane);
    if !pane.inner.contains(Position::new(column, row)) {
        return;
    }
    let line = usize::from(row - pane.inner.y);
    match pane.pane {
        Pane::Timeline => {
            if let Some(axis) = axis_jump::area(app)
                && axis.contains(Position::new(column, row))
            {
                axis_jump::click(app, axis, column);
                return;
            }
            // Lines of the list, which starts under the axis.
            let line = line - axis_jump::area(app).map_or(0, |a| usize::from(a.height));
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
            if index < app.org_lines().len() {
                app.org_cursor = index;
            }
        }
        Pane::Detail => {}
    }
}

/// Where the search results are listed on screen.
pub(super) fn search_results(app: &App<'_>) -> Rect {
    let body = layout::areas(app.size, app.focus, app.side).body;
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
