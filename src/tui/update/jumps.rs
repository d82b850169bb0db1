//! Going back and forward through the jump list ([`crate::tui::jumps`]): every jump records the
//! place it left ([`recorded`]); Ctrl-O ([`back`]) and the forward key ([`forward`]) restore
//! the filter, the selected event, the detail pane's subject and the org chart's pinned date.

use super::{filter, select};
use crate::tui::app::App;
use crate::tui::jumps::Place;

/// Where the user is now.
fn here(app: &App<'_>) -> Place {
    Place {
        filter: app.filter.clone(),
        event: app.event_index(),
        subject: app.subject,
        org_date: app.org_date,
    }
}

/// Performs `jump` and records the place it left, when it went somewhere else.
pub(super) fn recorded<'a>(app: &mut App<'a>, jump: impl FnOnce(&mut App<'a>)) {
    let from = here(app);
    jump(app);
    if here(app) != from {
        app.jumps.record(from);
    }
}

/// Goes back to the place before the last jump (Ctrl-O).
pub(super) fn back(app: &mut App<'_>) {
    let now = here(app);
    if let Some(place) = app.jumps.back(now) {
        restore(app, place);
    }
}

/// Goes forward again to the place gone back from.
pub(super) fn forward(app: &mut App<'_>) {
    let now = here(app);
    if let Some(place) = app.jumps.forward(now) {
        restore(app, place);
    }
}

/// Puts the app back at `place`.
fn restore(app: &mut App<'_>, place: Place) {
    if app.filter != place.filter {
        match place.filter {
            None => filter::show_all(app),
            Some(f) => match f.entity {
                Some(entity) if f.query.is_empty() => filter::to_entity(app, entity),
                _ => filter::apply_query(app, f.query),
            },
        }
    }
    if app.org_date != place.org_date {
        app.org_date = place.org_date;
        app.org_cursor = 0;
        app.org_offset = 0;
    }
    // `visible` is in date order, which is index order.
    let cursor = place
        .event
        .map_or(0, |ix| app.visible.partition_point(|&v| v < ix));
    select(app, cursor.min(app.visible.len().saturating_sub(1)));
    if app.subject != place.subject {
        app.subject = place.subject;
        app.detail_scroll = 0;
    }
}
