//! Jumping from the time axis: a click on a cell, or `{` `}`, selects the first event shown in
//! that period (month or year, as the axis draws it at the pane's width).

use ratatui::layout::Rect;

use super::select;
use crate::tui::app::App;
use crate::tui::axis::{self, Geometry, month_of};
use crate::tui::layout;

/// The axis's cells at its width on screen (the pane's width when it is not shown).
fn geometry(app: &App<'_>) -> Geometry {
    let width = layout::axis_area(app).map_or(app.size.width, |a| a.width);
    Geometry::of(&app.density(), width)
}

/// Selects the first event shown in (or, when it has none, after) the period drawn at
/// `column` of the axis.
pub(super) fn click(app: &mut App<'_>, axis_area: Rect, column: u16) {
    let geometry = geometry(app);
    let Some(cell) = geometry.cell_at(column - axis_area.x) else {
        return;
    };
    if let Some(pos) = axis::first_from(app.timeline, &app.visible, geometry.start_of(cell)) {
        select(app, pos);
    }
}

/// Selects the first event of the next period holding an event shown (`forward`), or of the
/// period before the selected event's.
pub(super) fn step(app: &mut App<'_>, forward: bool) {
    let Some(event) = app.selected_event() else {
        return;
    };
    let geometry = geometry(app);
    let month = month_of(event.date.start());
    let Some(cell) = geometry.cell_of(month) else {
        return;
    };
    let (timeline, visible) = (app.timeline, &app.visible);
    let target = if forward {
        let next = geometry.start_of(cell + 1);
        let pos =
            visible.partition_point(|&ix| month_of(timeline.event_at(ix).date.start()) < next);
        (pos < visible.len()).then_some(pos)
    } else {
        let this = geometry.start_of(cell);
        let before =
            visible.partition_point(|&ix| month_of(timeline.event_at(ix).date.start()) < this);
        before.checked_sub(1).and_then(|last| {
            let month = month_of(timeline.event_at(visible[last]).date.start());
            let start = geometry
                .cell_of(month)
                .map_or(month, |c| geometry.start_of(c));
            axis::first_from(timeline, visible, start)
        })
    };
    if let Some(pos) = target {
        select(app, pos);
    }
}
