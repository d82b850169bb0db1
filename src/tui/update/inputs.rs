//! Actions while an overlay or input has the keyboard: the search, the help, the date for the
//! org chart.

use super::{filter, jump, mouse, moved, set_focus};
use crate::query::{Hit, Query};
use crate::store::date::PartialDate;
use crate::tui::action::Action;
use crate::tui::app::{App, Mode, Pane, Search};
use crate::tui::help_text;
use crate::tui::layout;
use crate::tui::searcher::Searched;
use crate::tui::task::Task;

/// The longest date input accepted (the longest valid date, `~2015-07-15`, has 11 characters).
const DATE_INPUT_MAX: usize = 24;

/// Starts the query typed so far: a malformed or empty one is settled at once; a real one is
/// asked for as a task, its results awaited (the results shown until then stay).
fn refresh(app: &mut App<'_>, search: &mut Search) -> Option<Task> {
    let job = &mut app.search_job;
    job.jump_when_done = false;
    job.awaiting = None;
    match Query::parse_in(&search.text, app.timeline) {
        Err(error) => {
            search.error = Some(error);
            settle(search, Vec::new());
            None
        }
        Ok(q) if q.is_empty() => {
            search.error = None;
            settle(search, Vec::new());
            None
        }
        Ok(q) => {
            search.error = None;
            job.awaiting = Some(search.text.clone());
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
    if done.text != search.text {
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

/// Appends pasted text to the query and asks for one search of the whole of it.
pub(super) fn paste_into_search(app: &mut App<'_>, text: &str) -> Option<Task> {
    let Mode::Search(mut s) = std::mem::replace(&mut app.mode, Mode::Browse) else {
        return None;
    };
    s.text.push_str(text);
    let task = refresh(app, &mut s);
    app.mode = Mode::Search(s);
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
        Action::Type(c) => {
            s.text.push(c);
            task = refresh(app, &mut s);
        }
        Action::Erase => {
            s.text.pop();
            task = refresh(app, &mut s);
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
        Action::Confirm if pending => app.search_job.jump_when_done = true,
        Action::Confirm => {
            if let Some(hit) = s.hits.get(s.selected) {
                jump(app, hit.target);
                return None;
            }
        }
        Action::Back => {
            app.search_job.jump_when_done = false;
            return None;
        }
        Action::FilterByQuery => match Query::parse_in(&s.text, app.timeline) {
            Ok(query) => {
                app.search_job.jump_when_done = false;
                app.subject = None;
                filter::set_filter(app, query);
                set_focus(app, Pane::Timeline);
                return None;
            }
            Err(error) => s.error = Some(error),
        },
        _ => {}
    }
    app.mode = Mode::Search(s);
    task
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
    let Mode::Date(input) = &mut app.mode else {
        return;
    };
    match action {
        Action::Type(c) => {
            if input.text.chars().count() < DATE_INPUT_MAX {
                input.text.push(c);
            }
            input.error = None;
        }
        Action::Erase => {
            input.text.pop();
            input.error = None;
        }
        Action::Confirm => match input.text.trim().parse::<PartialDate>() {
            Ok(day) => {
                app.mode = Mode::Browse;
                app.org_date = Some(day);
                app.org_cursor = 0;
                app.org_offset = 0;
                set_focus(app, Pane::Org);
            }
            Err(error) => input.error = Some(error.to_string()),
        },
        Action::Back => app.mode = Mode::Browse,
        _ => {}
    }
}

/// Lines in the help text and rows to show them in.
pub(super) fn help_size(app: &App<'_>) -> (usize, usize) {
    let body = layout::areas(app.size, app.focus, app.side).body;
    let (_, inner) = layout::overlay_inner(layout::overlay(body));
    (
        help_text::lines(app, inner.width).len(),
        usize::from(inner.height),
    )
}
