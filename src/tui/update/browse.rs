//! Browsing the panes: [`update`] applies an action while no overlay is open, moving the
//! selection (timeline, org chart) or the scroll (detail), jumping by year, confirming the line
//! under the cursor and going back.

use crate::tui::action::Action;
use crate::tui::app::{App, DateGoal, DateInput, Entity, Mode, Pane, Search};
use crate::tui::layout;
use crate::tui::org_lines::OrgItem;
use crate::tui::task::Task;

use super::{
    axis_jump, content, export, filter, fold, jumps, links, mouse, moved, open, saved, select,
    set_focus, tenure,
};

/// Applies `action` while browsing (no overlay open); returns what the run loop must do, if
/// anything.
pub(super) fn update(app: &mut App<'_>, action: Action) -> Option<Task> {
    match action {
        Action::Top | Action::Bottom if app.focus == Pane::Timeline => {
            jumps::recorded(app, |app| move_in(app, Pane::Timeline, action));
        }
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => move_in(app, app.focus, action),
        Action::Fold
        | Action::Unfold
        | Action::ToggleFold
        | Action::FoldAll
        | Action::UnfoldAll => fold::apply(app, action),
        Action::PrevYear => jumps::recorded(app, |app| year_jump(app, false)),
        Action::NextYear => jumps::recorded(app, |app| year_jump(app, true)),
        Action::PrevPeriod => jumps::recorded(app, |app| axis_jump::step(app, false)),
        Action::NextPeriod => jumps::recorded(app, |app| axis_jump::step(app, true)),
        Action::JumpBack => jumps::back(app),
        Action::JumpForward => jumps::forward(app),
        Action::Zoom => app.zoomed = !app.zoomed,
        Action::FocusNext => set_focus(app, app.focus.next()),
        Action::FocusPrev => set_focus(app, app.focus.prev()),
        Action::Search => app.mode = Mode::Search(Search::default()),
        Action::Help => {
            app.mode = Mode::Help;
            app.help_scroll = 0;
        }
        Action::AskDate => app.mode = Mode::Date(DateInput::default()),
        Action::GoToDate => {
            app.mode = Mode::Date(DateInput {
                goal: DateGoal::GoTo,
                ..DateInput::default()
            });
        }
        Action::Export => export::open(app),
        Action::OpenSource => return links::open(app),
        Action::Copy => return links::copy(app),
        Action::TenureChart => tenure::open_chart(app),
        Action::SaveQuery => saved::open_name(app),
        Action::SavedQueries => saved::open_picker(app),
        Action::Confirm => confirm(app),
        Action::Back => jumps::recorded(app, back),
        Action::Click { column, row } => mouse::click(app, column, row),
        Action::Scroll { column, row, .. } => {
            if let Some(pane) = layout::app_areas(app, app.size)
                .pane_at(column, row)
                .map(|p| p.pane)
            {
                move_in(app, pane, action);
            }
        }
        Action::Type(_)
        | Action::Edit(_)
        | Action::OlderQuery
        | Action::NewerQuery
        | Action::FilterByQuery
        | Action::PanEarlier
        | Action::PanLater
        | Action::TimeZoomIn
        | Action::TimeZoomOut
        | Action::DeleteSaved
        | Action::Quit
        | Action::Resize { .. } => {}
    }
    None
}

/// Moves the selection (timeline, org chart) or the scroll (detail) of `pane`.
fn move_in(app: &mut App<'_>, pane: Pane, action: Action) {
    let page = App::page(pane_height(app, pane));
    match pane {
        Pane::Timeline => {
            let cursor = moved(app.cursor, app.visible.len(), action, page);
            select(app, cursor);
        }
        Pane::Detail => {
            let len = detail_len(app);
            app.detail_scroll = moved(app.detail_scroll, len, action, page);
        }
        Pane::Org => {
            let len = app.org_lines().len();
            app.org_cursor = moved(app.org_cursor, len, action, page);
        }
    }
}

/// The content height of `pane` on screen, 0 when it is not shown.
fn pane_height(app: &App<'_>, pane: Pane) -> usize {
    layout::app_areas(app, app.size)
        .pane(pane)
        .map_or(0, |p| usize::from(content(app, p).height))
}

/// Lines in the detail pane at its current width.
fn detail_len(app: &App<'_>) -> usize {
    layout::app_areas(app, app.size)
        .pane(Pane::Detail)
        .map_or(0, |p| app.detail_lines(p.inner.width).len())
}

fn year_jump(app: &mut App<'_>, forward: bool) {
    let timeline = app.timeline;
    let year_at = |pos: usize| timeline.event_at(app.visible[pos]).date.year();
    let Some(current) = app.visible.get(app.cursor).map(|_| year_at(app.cursor)) else {
        return;
    };
    let target = if forward {
        (app.cursor..app.visible.len()).find(|&p| year_at(p) > current)
    } else {
        (0..app.cursor)
            .rev()
            .find(|&p| year_at(p) < current)
            .map(|p| {
                let year = year_at(p);
                (0..=p).find(|&q| year_at(q) == year).unwrap_or(p)
            })
            .or(Some(0))
    };
    if let Some(target) = target {
        select(app, target);
    }
}

fn confirm(app: &mut App<'_>) {
    match app.focus {
        Pane::Timeline => {
            if app.event_index().is_some() {
                app.subject = None;
                set_focus(app, Pane::Detail);
            }
        }
        Pane::Org => {
            let lines = app.org_lines();
            let entity = match lines.get(app.org_cursor).map(|l| &l.item) {
                Some(OrgItem::Unit(unit)) => Some(Entity::Unit(*unit)),
                Some(OrgItem::Role(t)) => {
                    Some(Entity::Person(app.timeline.history.tenure(*t).person))
                }
                None => None,
            };
            if let Some(entity) = entity {
                jumps::recorded(app, |app| open(app, entity));
            }
        }
        Pane::Detail => {}
    }
}

fn back(app: &mut App<'_>) {
    if app.org_date.is_some() {
        app.org_date = None;
        app.org_cursor = 0;
    } else if app.filter.is_some() || app.subject.is_some() {
        app.subject = None;
        app.detail_scroll = 0;
        filter::show_all(app);
    }
}
