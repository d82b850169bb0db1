//! The tenure chart's keys: rows with j/k, time with h/l (pan) and +/- (zoom), Tab between
//! people and unit lifelines, Enter to open the row, Esc or `t` to close.
//!
//! Enter opens the row's person (their career) or unit (its lineage) in the detail pane, filters
//! the timeline to their events (the query that selects exactly them, through
//! [`super::filter`]) and selects there the row's own event (a role's start or end, a unit's
//! founding, acquisition, merger…) nearest the date line, which is the date of the event selected
//! when the chart opened: the selection follows the chart back into the timeline. It is a jump:
//! Ctrl-O goes back to the timeline as it was.

use ratatui::layout::{Position, Rect};

use super::{jumps, moved, open, set_focus};
use crate::tui::action::Action;
use crate::tui::app::{App, Mode, Pane};
use crate::tui::layout::keep_visible;
use crate::tui::tenure::{ChartKind, TenureChart, areas};

/// Columns a pan moves: a quarter of the time shown.
fn pan_step(size: Rect) -> i32 {
    (i32::from(areas(size, false).columns) / 4).max(1)
}

/// Opens the chart of people by unit, on the row of the selected event.
pub(super) fn open_chart(app: &mut App<'_>) {
    let chart = TenureChart::new(app.timeline, ChartKind::People, app.size, app.event_index());
    app.mode = Mode::Tenure(Box::new(chart));
    keep_in_view(app);
}

/// Applies `action` in the chart.
pub(super) fn update(app: &mut App<'_>, action: Action) {
    let size = app.size;
    let selected = app.event_index();
    let Mode::Tenure(chart) = &mut app.mode else {
        return;
    };
    match action {
        Action::Back => {
            app.mode = Mode::Browse;
            return;
        }
        Action::Confirm => {
            confirm(app);
            return;
        }
        action if action.is_movement() && !matches!(action, Action::Scroll { .. }) => {
            let page = App::page(usize::from(areas(size, chart.has_eras).rows.height));
            chart.cursor = moved(chart.cursor, chart.rows.len(), action, page);
        }
        Action::Scroll { lines, .. } => {
            chart.cursor = moved(chart.cursor, chart.rows.len(), action, 1);
            chart.offset = chart.offset.saturating_add_signed(isize::from(lines));
        }
        Action::PanEarlier => chart.pan(-pan_step(size), size),
        Action::PanLater => chart.pan(pan_step(size), size),
        Action::TimeZoomIn => chart.zoom_by(true, size),
        Action::TimeZoomOut => chart.zoom_by(false, size),
        Action::FocusNext | Action::FocusPrev => {
            let kind = match chart.kind {
                ChartKind::People => ChartKind::Units,
                ChartKind::Units => ChartKind::People,
            };
            let mut next = TenureChart::new(app.timeline, kind, size, selected);
            (next.from, next.zoom) = (chart.from, chart.zoom);
            next.clamp(size);
            **chart = next;
        }
        Action::Click { column, row } => {
            let rows = areas(size, chart.has_eras).rows;
            if rows.contains(Position::new(column, row)) {
                let index = chart.offset + usize::from(row - rows.y);
                if index < chart.rows.len() {
                    chart.cursor = index;
                }
            }
        }
        Action::Resize { .. } => chart.clamp(size),
        _ => {}
    }
    keep_in_view(app);
}

/// Keeps the highlighted row on screen and the window within the record.
pub(super) fn keep_in_view(app: &mut App<'_>) {
    let size = app.size;
    if let Mode::Tenure(chart) = &mut app.mode {
        chart.clamp(size);
        chart.cursor = chart.cursor.min(chart.rows.len().saturating_sub(1));
        chart.offset = keep_visible(
            chart.offset,
            Some(chart.cursor),
            chart.rows.len(),
            areas(size, chart.has_eras).rows.height,
        );
    }
}

/// Opens the highlighted row and selects its event nearest the date line in the timeline.
fn confirm(app: &mut App<'_>) {
    let Mode::Tenure(chart) = &app.mode else {
        return;
    };
    let Some(row) = chart.rows.get(chart.cursor) else {
        return;
    };
    let entity = row.entity;
    let day = app.selected_event().map(|e| e.date.start());
    let nearest = row
        .events
        .iter()
        .min_by_key(|(date, _)| day.map_or(0, |d| (*date - d).num_days().abs()))
        .map(|&(_, ix)| ix);
    app.mode = Mode::Browse;
    // A jump, as opening from the org chart is: Ctrl-O goes back to the timeline before it.
    jumps::recorded(app, |app| {
        open(app, entity);
        if let Some(pos) = nearest.and_then(|ix| app.visible.binary_search(&ix).ok()) {
            app.cursor = pos;
        }
    });
    app.side = Pane::Detail;
    set_focus(app, Pane::Timeline);
}
