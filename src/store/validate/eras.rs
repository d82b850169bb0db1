//! The reference checks of the eras: ids unique, both bounding events known, the start event
//! not after the end event, a title that shows.

use super::{Report, check_ids};
use crate::store::ids::{EraIx, Ids};
use crate::store::load::did_you_mean;
use crate::store::locate::Path;
use crate::store::model::Store;

/// Reports every problem of the eras of `store`, each at its field.
pub(super) fn check_eras(report: &mut Report, store: &Store, ids: &Ids) {
    check_ids(
        report,
        "eras",
        "era",
        store.eras.iter().map(|e| e.id.as_str()),
        Some(|id: &str| ids.era(id).map(EraIx::index)),
    );
    let event_ids = || {
        store
            .events
            .iter()
            .map(|e| e.id.as_str())
            .collect::<Vec<_>>()
    };
    for (i, era) in store.eras.iter().enumerate() {
        let path = |field: &str| Path::root().field("eras").index(i).field(field);
        if crate::text::sanitize(&era.title).trim().is_empty() {
            report.error(
                path("title"),
                format!(
                    "era `{}` has a `title` that shows as nothing (it is empty or made only of \
                     invisible characters); write visible text",
                    era.id
                ),
            );
        }
        let mut bound = |field: &str, id: &str| {
            let found = ids.event(id).map(|ix| &store.events[ix.index()]);
            if found.is_none() {
                report.error(
                    path(field),
                    format!(
                        "era `{}` names an unknown event `{id}` as its `{field}`{}; an era is \
                         bounded by two events of `events`: fix the id or add the event",
                        era.id,
                        did_you_mean(id, &event_ids()),
                    ),
                );
            }
            found
        };
        let start = bound("start_event", &era.start_event);
        let end = bound("end_event", &era.end_event);
        if let (Some(start), Some(end)) = (start, end)
            && start.date.start() > end.date.start()
        {
            report.error(
                path("end_event"),
                format!(
                    "era `{}` ends with `{}` ({}) before it starts with `{}` ({}); swap \
                     `start_event` and `end_event`",
                    era.id, end.id, end.date, start.id, start.date
                ),
            );
        }
    }
}
