//! Actions while an overlay or input has the keyboard: the search, the help, the date for the
//! org chart.

use super::{jump, mouse, moved, set_focus};
use crate::query::{self, Query};
use crate::store::date::PartialDate;
use crate::tui::action::Action;
use crate::tui::app::{App, Mode, Pane, Search};
use crate::tui::layout;
use crate::tui::view;

/// The most search results kept.
pub const SEARCH_LIMIT: usize = 200;

/// The longest date input accepted (the longest valid date, `~2015-07-15`, has 11 characters).
const DATE_INPUT_MAX: usize = 24;

/// Runs the query typed so far.
fn refresh(app: &App<'_>, search: &mut Search) {
    search.selected = 0;
    match Query::parse(&search.text) {
        Err(error) => {
            search.error = Some(error);
            search.hits.clear();
        }
        Ok(q) => {
            search.error = None;
            search.hits = if q.is_empty() {
                Vec::new()
            } else {
                query::search(app.timeline, &q, SEARCH_LIMIT)
            };
        }
    }
}

pub(super) fn search(app: &mut App<'_>, action: Action) {
    let page = App::page(usize::from(mouse::search_results(app).height));
    let Mode::Search(mut s) = std::mem::replace(&mut app.mode, Mode::Browse) else {
        return;
    };
    match action {
        Action::Type(c) => {
            s.text.push(c);
            refresh(app, &mut s);
        }
        Action::Erase => {
            s.text.pop();
            refresh(app, &mut s);
        }
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom
        | Action::Scroll { .. } => s.selected = moved(s.selected, s.hits.len(), action, page),
        Action::Click { column, row } => {
            if let Some(i) = mouse::search_hit_at(app, &s, column, row) {
                s.selected = i;
            }
        }
        Action::Confirm => {
            if let Some(hit) = s.hits.get(s.selected) {
                jump(app, hit.target);
                return;
            }
        }
        Action::Back => return,
        _ => {}
    }
    app.mode = Mode::Search(s);
}

pub(super) fn help(app: &mut App<'_>, action: Action) {
    match action {
        Action::Back | Action::Help => app.mode = Mode::Browse,
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom
        | Action::Scroll { .. } => {
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
        view::help::lines(app, inner.width).len(),
        usize::from(inner.height),
    )
}
