//! The one place the state changes: [`update`] applies an [`Action`] to the [`App`] (and
//! [`finished`] what came of a task: a search's results, an export's outcome), then works out
//! again what the views read that depends on what changed (the rows, org lines and detail text:
//! [`crate::tui::derived`]) and keeps every selection in view.
//!
//! Nothing here draws: what the update needs to know about the screen comes from
//! [`crate::tui::layout`], the detail text from [`crate::tui::detail_doc`] and the help text from
//! [`crate::tui::help_text`], which the views use too.

mod axis_jump;
mod browse;
mod export;
pub mod filter;
mod fold;
mod go_to_date;
mod inputs;
mod jumps;
mod links;
mod mouse;
mod saved;
mod tenure;

use ratatui::layout::Rect;

use crate::query::Target;
use crate::tui::action::Action;
use crate::tui::app::{App, Entity, Mode, Pane, Row};
use crate::tui::derived;
use crate::tui::export_dialog::DialogField;
use crate::tui::layout::{self, keep_visible};
use crate::tui::org_lines::{Mark, OrgItem};
use crate::tui::task::{Task, TaskOutcome};

/// How far above the first line an event changed the org chart looks for its parent unit, to
/// show it too.
const ORG_CONTEXT: usize = 6;

/// Applies `action` to `app`; returns what the run loop must do outside the state, if anything
/// (see [`crate::tui::task`]).
pub fn update(app: &mut App<'_>, action: Action) -> Option<Task> {
    let mut task = None;
    if !matches!(action, Action::Resize { .. }) {
        app.notice = None;
    }
    match action {
        Action::Quit => app.running = false,
        Action::Resize { width, height } => app.size = Rect::new(0, 0, width, height),
        _ => match app.mode {
            Mode::Browse if action == Action::FilterByQuery => task = inputs::edit_filter(app),
            Mode::Browse => task = browse::update(app, action),
            Mode::Search(_) => task = inputs::search(app, action),
            Mode::Help => inputs::help(app, action),
            Mode::Date(_) => inputs::date(app, action),
            Mode::Export(_) => task = export::update(app, action),
            Mode::Sources(_) => task = links::pick(app, action),
            Mode::Tenure(_) => tenure::update(app, action),
            Mode::SaveQuery(_) => task = saved::name(app, action),
            Mode::Saved(_) => task = saved::picker(app, action),
        },
    }
    follow(app);
    task
}

/// Applies a bracketed paste: its text goes into the input being typed in (the search box, the
/// date, the export dialog's path) in one piece, line breaks turned into spaces and other
/// invisible characters removed. While browsing, in the help, in the format list or when a
/// question is asked, a paste is ignored, so pasted letters are never read as keys.
pub fn paste(app: &mut App<'_>, text: &str) -> Option<Task> {
    let text = pasted_text(text);
    let mut task = None;
    match &mut app.mode {
        Mode::Search(_) => task = inputs::paste_into_search(app, &text),
        Mode::Date(date) => {
            date.input.insert_str(&text);
            date.error = None;
        }
        Mode::Export(dialog)
            if dialog.field == DialogField::Path && !dialog.confirming() && !dialog.writing() =>
        {
            dialog.type_in_path(&text);
        }
        Mode::SaveQuery(name) => {
            name.input.insert_str(&text);
            name.error = None;
        }
        _ => {}
    }
    follow(app);
    task
}

/// Pasted text as one line: each run of line breaks and tabs becomes one space; other control
/// and invisible characters are removed.
fn pasted_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\n' | '\r' | '\t') {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if !crate::text::is_unsafe(c) {
            out.push(c);
        }
    }
    out
}

/// Applies what came of a task.
pub fn finished(app: &mut App<'_>, outcome: TaskOutcome) {
    match outcome {
        TaskOutcome::Export(outcome) => export::finished(app, outcome),
        TaskOutcome::ExportProgress(written) => export::progressed(app, written),
        TaskOutcome::Notice(notice) => app.notice = Some(notice),
        // Shown when they are for the query typed now, dropped when it has changed since.
        TaskOutcome::Searched(done) => {
            inputs::searched(app, done);
            follow(app);
        }
        TaskOutcome::HistoryRead(Ok(read)) => app.history.loaded(read),
        TaskOutcome::HistorySaved(Ok(())) => {}
        // The history is kept for this run only, and the file left as it is.
        TaskOutcome::HistoryRead(Err(why)) | TaskOutcome::HistorySaved(Err(why)) => {
            app.history.unkept(why);
        }
        TaskOutcome::SavedRead(read) => app.saved = read,
        TaskOutcome::SavedWritten {
            change,
            entries,
            result,
        } => saved::written(app, change, entries, result),
    }
}

/// Works out again what the views read and keeps each selection in view, after fields were set
/// without an action (the run loop's colours, a benchmark's selection).
pub fn refresh(app: &mut App<'_>) {
    follow(app);
}

/// Where a movement takes position `pos` in a list of `len` lines, `page` lines to a page.
pub(super) fn moved(pos: usize, len: usize, action: Action, page: usize) -> usize {
    let last = len.saturating_sub(1);
    let pos = match action {
        Action::Up => pos.saturating_sub(1),
        Action::Down => pos.saturating_add(1),
        Action::PageUp => pos.saturating_sub(page),
        Action::PageDown => pos.saturating_add(page),
        Action::Top => 0,
        Action::Bottom => last,
        Action::Scroll { lines, .. } => pos.saturating_add_signed(isize::from(lines)),
        _ => pos,
    };
    pos.min(last)
}

/// Where a pane's lines are drawn: its content area, below the filter line and the time axis in
/// the timeline.
pub(super) fn content(app: &App<'_>, pane: &layout::PaneArea) -> Rect {
    match pane.pane {
        Pane::Timeline => layout::timeline_parts(app, pane.inner).list,
        _ => pane.inner,
    }
}

/// Selects the event at `cursor` in the timeline; the detail pane follows it, and the org chart
/// (unless pinned to a date) scrolls to the first line the event changed.
pub(crate) fn select(app: &mut App<'_>, cursor: usize) {
    let moved = cursor != app.cursor;
    app.cursor = cursor;
    app.subject = None;
    if moved {
        app.detail_scroll = 0;
        if app.org_date.is_none() {
            derived::refresh_org(app);
            let lines = app.org_lines();
            let first = lines.iter().position(|l| l.mark != Mark::Same).unwrap_or(0);
            // Show the changed line under its parent unit when that is close above it.
            let depth = lines.get(first).map_or(0, |l| l.depth);
            let parent = (first.saturating_sub(ORG_CONTEXT)..first)
                .rev()
                .find(|&i| lines[i].depth < depth && matches!(lines[i].item, OrgItem::Unit(_)));
            app.org_cursor = first;
            app.org_offset = parent.unwrap_or(first);
        }
    }
}

pub(super) fn set_focus(app: &mut App<'_>, pane: Pane) {
    app.focus = pane;
    if pane != Pane::Timeline {
        app.side = pane;
    }
}

/// Selects a search result: an event in the timeline (clearing a filter that hides it), or a
/// person's or unit's events; the place left is recorded in the jump list.
pub(crate) fn jump(app: &mut App<'_>, target: Target) {
    jumps::recorded(app, |app| jump_to(app, target));
}

fn jump_to(app: &mut App<'_>, target: Target) {
    match target {
        Target::Event(ix) => {
            // `visible` is in date order, which is index order.
            if app.visible.binary_search(&ix).is_err() {
                filter::show_all(app);
            }
            let cursor = app.visible.binary_search(&ix).unwrap_or(0);
            select(app, cursor);
            set_focus(app, Pane::Timeline);
        }
        Target::Person(i) => open(app, Entity::Person(i)),
        Target::Unit(i) => open(app, Entity::Unit(i)),
    }
}

/// Filters the timeline to `entity`'s events, shows `entity` in the detail pane and focuses
/// the timeline.
fn open(app: &mut App<'_>, entity: Entity) {
    filter::to_entity(app, entity);
    set_focus(app, Pane::Timeline);
}

/// Keeps each selection on screen and each scroll within its text, working out again (and
/// keeping for the views) the rows, org lines and detail text where the state they depend on has
/// changed.
fn follow(app: &mut App<'_>) {
    let areas = layout::app_areas(app, app.size);
    app.cursor = app.cursor.min(app.visible.len().saturating_sub(1));
    if let Some(pane) = areas.pane(Pane::Timeline) {
        derived::refresh_rows(app);
        derived::refresh_density(app);
        let rows = app.rows();
        let selected = app.selected_row(&rows);
        let rows = rows.rows();
        let header = selected.filter(|&r| r > 0 && matches!(rows[r - 1], Row::Year(_)));
        let height = content(app, pane).height;
        let offset = keep_visible(
            app.timeline_offset,
            header.map(|r| r - 1),
            rows.len(),
            height,
        );
        app.timeline_offset = keep_visible(offset, selected, rows.len(), height);
    }
    derived::refresh_org(app);
    let org_len = app.org_lines().len();
    app.org_cursor = app.org_cursor.min(org_len.saturating_sub(1));
    if let Some(pane) = areas.pane(Pane::Org) {
        app.org_offset = keep_visible(
            app.org_offset,
            Some(app.org_cursor),
            org_len,
            pane.inner.height,
        );
    }
    if let Some(pane) = areas.pane(Pane::Detail) {
        derived::refresh_detail(app, pane.inner.width);
        let len = app.detail_lines(pane.inner.width).len();
        app.detail_scroll = app
            .detail_scroll
            .min(len.saturating_sub(usize::from(pane.inner.height)));
    }
    tenure::keep_in_view(app);
    if app.mode == Mode::Help {
        let (len, height) = inputs::help_size(app);
        app.help_scroll = app.help_scroll.min(len.saturating_sub(height));
    }
}
