//! The checks of each event: a title, sources, an end after the start, a note for an approximate
//! date, and references that resolve. A large store's events are checked on two threads, half
//! each ([`Report::check_halves`]); the problems are the same, since they are located and put in
//! file order afterwards.

use super::{Known, Report, check_ref};
use crate::store::locate::Path;
use crate::store::model::Event;

/// Checks every event of `events` (the store's, as written), its people, units and sources
/// looked up in `known`.
pub(super) fn check_events(report: &mut Report, events: &[Event], known: [&Known<'_>; 3]) {
    report.check_halves(events, |found, share, first| {
        check_share(found, share, first, known);
    });
}

/// Checks `events`, the store's events from position `first` on.
fn check_share(report: &mut Report, events: &[Event], first: usize, known: [&Known<'_>; 3]) {
    let [people, units, sources] = known;
    for (i, event) in (first..).zip(events) {
        let path = |field: &str| Path::root().field("events").index(i).field(field);
        if event.title.trim().is_empty() {
            report.error(
                path("title"),
                format!("event `{}` has an empty title", event.id),
            );
        }
        if event.sources.is_empty() {
            report.error(
                path("sources"),
                format!(
                    "event `{}` has no sources; every event needs at least one source id",
                    event.id
                ),
            );
        }
        if let Some(end) = event.end
            && end.end() < event.date.start()
        {
            report.error(
                path("end"),
                format!(
                    "event `{}` ends ({end}) before it starts ({})",
                    event.id, event.date
                ),
            );
        }
        if event.date.is_approximate() && event.note.is_none() {
            report.warn(
                path("date"),
                format!(
                    "event `{}` has an approximate date but no `note` saying how it was inferred",
                    event.id
                ),
            );
        }
        for (field, what, known) in [
            ("people", "person", people),
            ("units", "unit", units),
            ("sources", "source", sources),
        ] {
            let ids = match field {
                "people" => &event.people,
                "units" => &event.units,
                _ => &event.sources,
            };
            for (j, id) in ids.iter().enumerate() {
                check_ref(report, || path(field).index(j), what, id, known);
            }
        }
        for (j, effect) in event.effects.iter().enumerate() {
            for (field, what, id) in effect.refs() {
                let known = if what == "person" { people } else { units };
                check_ref(
                    report,
                    || path("effects").index(j).field(field),
                    what,
                    id,
                    known,
                );
            }
        }
    }
}
