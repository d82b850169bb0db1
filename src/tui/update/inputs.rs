//! Actions while an overlay or input has the keyboard: the search (with its history), the help,
//! the date for the org chart. Each input is a [`crate::tui::line_input::LineInput`], edited by
//! [`Action::Type`] and [`Action::Edit`].

use super::{filter, go_to_date, jump, jumps, mouse, moved, set_focus};
use crate::query::{Hit, Query};
use crate::store::date::PartialDate;
use crate::tui::action::Action;
use crate::tui::app::{App, DateGoal, Mode, Pane, Recall, Search};
use crate::tui::help_text;
use crate::tui::layout;
use crate::tui::line_input::LineInput;
use crate::tui::search_history::SearchHistory;
use crate::tui::searcher::Searched;
use crate::tui::task::Task;

/// Starts the query typed so far: an empty one is settled at once, a malformed one only noted
/// (the results shown stay); a real one is asked for as a task, its results awaited (the results
/// shown until then stay).
fn refresh(app: &mut App<'_>, search: &mut Search) -> Option<Task> {
    let job = &mut app.search_job;
    job.jump_when_done = false;
    job.awaiting = None;
    match Query::parse_in(search.text(), app.timeline) {
        // An atom being typed (`gao @`, `kind:`): the results of the last good query stay.
        Err(error) => {
            search.error = Some(error);
            None
        }
        Ok(q) if q.is_empty() => {
            search.error = None;
            settle(search, Vec::new());
            None
        }
        Ok(q) => {
            search.error = None;
            job.awaiting = Some(search.text().to_string());
            Some(Task::Search(q))
        }
    }
}

/// Shows `hits` as the results, the first highlighted.
fn settle(search: &mut Search, hits: Vec<Hit>) {
    search.hits = hits;
    search.selected = 0;
}

/// The results of a search: shown if they are for what is typed now (else they are stale and
/// dropped); a jump asked for while they were awaited then happens.
pub(super) fn searched(app: &mut App<'_>, done: Searched) {
    let job = &mut app.search_job;
    if job.awaiting.as_ref() == Some(&done.text) {
        job.awaiting = None;
    }
    let Mode::Search(search) = &mut app.mode else {
        return;
    };
    if done.text != search.text() {
        return;
    }
    settle(search, done.hits);
    if std::mem::take(&mut job.jump_when_done)
        && let Some(target) = search.hits.first().map(|h| h.target)
    {
        app.mode = Mode::Browse;
        jump(app, target);
    }
}

/// Inserts pasted text at the cursor and asks for one search of the whole query.
pub(super) fn paste_into_search(app: &mut App<'_>, text: &str) -> Option<Task> {
    let Mode::Search(mut s) = std::mem::replace(&mut app.mode, Mode::Browse) else {
        return None;
    };
    let changed = s.input.insert_str(text);
    s.recall = None;
    let task = if changed { refresh(app, &mut s) } else { None };
    app.mode = Mode::Search(s);
    task
}

/// Opens the search on the filter's query (Ctrl-F while browsing), to edit or narrow it and
/// apply it again with Ctrl-F; on an empty box when no filter is on.
pub(super) fn edit_filter(app: &mut App<'_>) -> Option<Task> {
    let mut search = Search::default();
    search.input.set(app.filter_text().unwrap_or_default());
    let task = refresh(app, &mut search);
    app.mode = Mode::Search(search);
    task
}

/// An action in the search overlay; asks for the search of what is typed when it changes.
pub(super) fn search(app: &mut App<'_>, action: Action) -> Option<Task> {
    let page = App::page(usize::from(mouse::search_results(app).height));
    let pending = app.search_pending();
    let Mode::Search(mut s) = std::mem::replace(&mut app.mode, Mode::Browse) else {
        return None;
    };
    let mut task = None;
    match action {
        Action::Type(c) => task = edited(app, &mut s, |input| input.insert(c)),
        Action::Edit(edit) => task = edited(app, &mut s, |input| input.edit(edit)),
        Action::OlderQuery | Action::NewerQuery => {
            let changed = recall(&app.history, &mut s, action == Action::OlderQuery);
            task = if changed { refresh(app, &mut s) } else { None };
        }
        action if action.is_movement() => {
            app.search_job.jump_when_done = false;
            s.selected = moved(s.selected, s.hits.len(), action, page);
        }
        Action::Click { column, row } => {
            if let Some(i) = mouse::search_hit_at(app, &s, column, row) {
                app.search_job.jump_when_done = false;
                s.selected = i;
            }
        }
        Action::Confirm if pending => {
            app.search_job.jump_when_done = true;
            task = remember(app, &s);
        }
        Action::Confirm => {
            task = remember(app, &s);
            if let Some(hit) = s.hits.get(s.selected) {
                jump(app, hit.target);
                return task;
            }
        }
        Action::Back => {
            app.search_job.jump_when_done = false;
            return None;
        }
        Action::FilterByQuery => match Query::parse_in(s.text(), app.timeline) {
            Ok(query) => {
                app.search_job.jump_when_done = false;
                task = remember(app, &s);
                jumps::recorded(app, |app| {
                    app.subject = None;
                    filter::apply_query(app, query);
                });
                set_focus(app, Pane::Timeline);
                return task;
            }
            Err(error) => s.error = Some(error),
        },
        _ => {}
    }
    app.mode = Mode::Search(s);
    task
}

/// Applies `change` to the query typed; when the text changed, ends a recall of the history and
/// asks for the search of the new text.
fn edited(
    app: &mut App<'_>,
    s: &mut Search,
    change: impl FnOnce(&mut LineInput) -> bool,
) -> Option<Task> {
    if !change(&mut s.input) {
        return None;
    }
    s.recall = None;
    refresh(app, s)
}

/// Shows the query before (`older`) or after the one shown from the search history; past the
/// newest, what was typed before the history was recalled. Returns whether the text changed.
fn recall(history: &SearchHistory, s: &mut Search, older: bool) -> bool {
    let entries = history.entries();
    let before = s.text().to_string();
    let next = match (&s.recall, older) {
        (None, true) => entries.len().checked_sub(1),
        (None, false) => None,
        (Some(r), true) => Some(r.at.saturating_sub(1)),
        (Some(r), false) => Some(r.at + 1),
    };
    match next {
        Some(at) if at < entries.len() => {
            let draft = s.recall.take().map_or(before.clone(), |r| r.draft);
            s.input.set(&entries[at]);
            s.recall = Some(Recall { at, draft });
        }
        Some(_) => {
            if let Some(r) = s.recall.take() {
                s.input.set(&r.draft);
            }
        }
        None => {}
    }
    s.text() != before
}

/// Adds the query typed in `s` to the search history (a well-formed one only); asks for the
/// history file to be written when the history changed and is kept in one.
pub(super) fn remember(app: &mut App<'_>, s: &Search) -> Option<Task> {
    if s.error.is_some() || !app.history.push(s.text()) {
        return None;
    }
    let path = app.history.path.clone()?;
    Some(Task::SaveHistory {
        path,
        entries: app.history.entries().to_vec(),
    })
}

pub(super) fn help(app: &mut App<'_>, action: Action) {
    match action {
        Action::Back | Action::Help => app.mode = Mode::Browse,
        action if action.is_movement() => {
            let (len, height) = help_size(app);
            let max = len.saturating_sub(height);
            app.help_scroll = moved(app.help_scroll, max + 1, action, App::page(height));
        }
        _ => {}
    }
}

pub(super) fn date(app: &mut App<'_>, action: Action) {
    let Mode::Date(date) = &mut app.mode else {
        return;
    };
    match action {
        Action::Type(c) => {
            date.input.insert(c);
            date.error = None;
        }
        Action::Edit(edit) => {
            let changed = date.input.edit(edit);
            if changed {
                date.error = None;
            }
        }
        Action::Confirm => match date.input.text().trim().parse::<PartialDate>() {
            Ok(day) if date.goal == DateGoal::GoTo => {
                if let Err(why) = go_to_date::go_to(app, day) {
                    if let Mode::Date(date) = &mut app.mode {
                        date.error = Some(why);
                    }
                } else {
                    app.mode = Mode::Browse;
                }
            }
            Ok(day) => {
                app.mode = Mode::Browse;
                jumps::recorded(app, |app| {
                    app.org_date = Some(day);
                    app.org_cursor = 0;
                    app.org_offset = 0;
                });
                set_focus(app, Pane::Org);
            }
            Err(error) => date.error = Some(error.to_string()),
        },
        Action::Back => app.mode = Mode::Browse,
        _ => {}
    }
}

/// Lines in the help text and rows to show them in.
pub(super) fn help_size(app: &App<'_>) -> (usize, usize) {
    let body = layout::app_areas(app, app.size).body;
    let (_, inner) = layout::overlay_inner(layout::overlay(body));
    (
        help_text::lines(app, inner.width).len(),
        usize::from(inner.height),
    )
}
