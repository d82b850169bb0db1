//! After the replay: no event may name a unit before the unit existed (its founding, its `since`
//! date, or the first event naming it, as the replay started its life).

use crate::store::ids::Ids;
use crate::store::locate::Path;
use crate::store::model::{Event, Store};
use crate::store::starts::UnitStarts;
use crate::store::validate::Report;
use crate::timeline::history::History;

/// Adds to `report` every event that names a unit before its start, at that name in the file
/// (`written` maps the store's date order back to the file's order).
pub(super) fn add_early_names(
    report: &mut Report,
    store: &Store,
    ids: &Ids,
    history: &History,
    starts: &UnitStarts,
    written: &[usize],
) {
    // A large store's events are checked on two threads, half each.
    report.check_halves(&store.events, |found, events, first| {
        for (i, event) in (first..).zip(events) {
            check_event(found, event, written[i], ids, history, starts);
        }
    });
}

/// Adds to `report` each unit `event` (written at position `at` in the file) names before the
/// unit's start.
fn check_event(
    report: &mut Report,
    event: &Event,
    at: usize,
    ids: &Ids,
    history: &History,
    starts: &UnitStarts,
) {
    for (j, id) in event.units.iter().enumerate() {
        let Some((unit, start)) = ids
            .unit(id)
            .and_then(|u| Some((u, history.unit(u)?.start?)))
        else {
            continue;
        };
        if event.date.end() < start.start() {
            let how = if starts.founded(unit) {
                "founded or renamed into existence"
            } else {
                "its `since` date"
            };
            report.add(
                crate::diagnostic::Severity::Error,
                Path::root()
                    .field("events")
                    .index(at)
                    .field("units")
                    .index(j),
                format!(
                    "event `{}` ({}) names unit `{id}` before it existed (it starts on {start}: {how}); fix the date or the unit",
                    event.id, event.date
                ),
            );
        }
    }
}
