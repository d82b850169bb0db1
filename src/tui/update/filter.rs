//! The timeline's one filter: a query. The timeline shows the events the active query matches,
//! matched by the same [`Matcher`] as `search` and `export --query`.
//!
//! Everything that filters goes through here: Ctrl-F in the search overlay applies the typed
//! query ([`set_filter`]); choosing a person or unit sets the query that selects exactly their
//! events (`person:^gao-xiaosong$`, see [`Timeline::filter_query`]; [`filter_to`]); Esc clears
//! it ([`clear_filter`]). Read the active query with [`App::filter_text`].
//!
//! The three public functions are jumps: each records the place it leaves in the jump list, so
//! Ctrl-O goes back to it. The update's own paths (which record the jump around more than the
//! filter) and going back itself use the unrecorded forms ([`apply_query`], [`show_all`],
//! [`to_entity`]).

use super::jumps;
use crate::query::{Matcher, Query};
use crate::store::ids::EventIx;
use crate::timeline::Timeline;
use crate::tui::app::{App, Entity, Filter};

/// Filters the timeline to the events `query` matches, keeping the selection on (or just after)
/// the event selected before; an empty query shows every event (as [`clear_filter`]).
///
/// The detail pane keeps what it shows. A query that selects exactly one person's or unit's
/// events (as [`Timeline::filter_query`] spells it) is recognised, so the pane title and the
/// export's file name name them.
pub fn set_filter(app: &mut App<'_>, query: Query) {
    jumps::recorded(app, |app| apply_query(app, query));
}

/// Shows every event again, keeping the selected one selected; a jump, as [`set_filter`].
pub fn clear_filter(app: &mut App<'_>) {
    jumps::recorded(app, show_all);
}

/// Filters the timeline to `entity`'s events (the query that selects exactly them) and shows
/// `entity` in the detail pane; a jump, as [`set_filter`].
pub fn filter_to(app: &mut App<'_>, entity: Entity) {
    jumps::recorded(app, |app| to_entity(app, entity));
}

/// [`set_filter`] without recording a jump.
pub(super) fn apply_query(app: &mut App<'_>, query: Query) {
    if query.is_empty() {
        show_all(app);
        return;
    }
    let before = app.event_index();
    let mut matcher = Matcher::new(app.timeline, &query);
    let visible: Vec<EventIx> = app
        .timeline
        .events()
        .map(|(ix, _)| ix)
        .filter(|&ix| matcher.event_matches(ix))
        .collect();
    let entity = entity_of(app.timeline, &query.text);
    app.visible = visible;
    app.filter = Some(Filter { query, entity });
    reselect(app, before);
}

/// [`clear_filter`] without recording a jump.
pub(super) fn show_all(app: &mut App<'_>) {
    let before = app.event_index();
    app.filter = None;
    app.visible = app.timeline.events().map(|(ix, _)| ix).collect();
    reselect(app, before);
}

/// [`filter_to`] without recording a jump.
pub(super) fn to_entity(app: &mut App<'_>, entity: Entity) {
    let text = app.timeline.filter_query(entity);
    match text.as_deref().map(Query::parse) {
        Some(Ok(query)) => apply_query(app, query),
        // An id no query atom can spell: filter to the entity's events all the same.
        _ => {
            let before = app.event_index();
            app.visible = app.events_of(entity);
            app.filter = Some(Filter {
                query: Query::default(),
                entity: Some(entity),
            });
            reselect(app, before);
        }
    }
    app.subject = Some(entity);
    app.detail_scroll = 0;
}

/// Selects `before` again in the new `visible` list, or the first event after it.
fn reselect(app: &mut App<'_>, before: Option<EventIx>) {
    // `visible` is in date order, which is index order.
    let cursor = before.map_or(0, |i| app.visible.partition_point(|&v| v < i));
    app.cursor = cursor.min(app.visible.len().saturating_sub(1));
    if app.event_index() != before {
        app.detail_scroll = 0;
    }
}

/// The person or unit whose events `text` selects exactly, when it is the query
/// [`Timeline::filter_query`] writes for them.
fn entity_of(timeline: &Timeline, text: &str) -> Option<Entity> {
    let (field, id) = text.split_once(":^")?;
    let id = id.strip_suffix('$')?;
    let entity = match field {
        "person" => Entity::Person(timeline.ids().person(id)?),
        "unit" => Entity::Unit(timeline.ids().unit(id)?),
        _ => return None,
    };
    (timeline.filter_query(entity).as_deref() == Some(text)).then_some(entity)
}
