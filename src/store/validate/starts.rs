//! The start of every unit: each needs one (a founding event, a sourced `since`, or an event that
//! names it). That no event names a unit before its start is checked after the replay, by the
//! timeline layer.

use super::super::ids::{Ids, UnitIx};
use super::super::locate::Path;
use super::super::model::Store;
use super::super::starts::UnitStarts;
use super::{Known, Report, check_ref};

/// Every unit needs a start: a founding (or renaming) event, a sourced `since` date, or at
/// least an event that names it.
pub(super) fn check_unit_starts(
    report: &mut Report,
    store: &Store,
    ids: &Ids,
    starts: &UnitStarts,
    sources: &Known<'_>,
) {
    for (i, unit) in store.units.iter().enumerate() {
        // A repeated id is reported with the duplicates; its unit starts as the first does.
        let ix = ids.unit(&unit.id).unwrap_or(UnitIx::new(i));
        let path = || Path::root().field("units").index(i);
        if let Some(since) = unit.since {
            if starts.founded(ix) {
                report.error(
                    path().field("since"),
                    format!(
                        "unit `{}` has `since: \"{since}\"` but an event also founds it; keep one start",
                        unit.id
                    ),
                );
            }
            if unit.since_sources.is_empty() {
                report.error(
                    path().field("since"),
                    format!(
                        "unit `{}` has `since: \"{since}\"` but no `since_sources`; name the source that gives the date",
                        unit.id
                    ),
                );
            }
        } else if !unit.since_sources.is_empty() {
            report.error(
                path().field("since_sources"),
                format!("unit `{}` has `since_sources` but no `since` date", unit.id),
            );
        }
        for (j, id) in unit.since_sources.iter().enumerate() {
            check_ref(
                report,
                || path().field("since_sources").index(j),
                "source",
                id,
                sources,
            );
        }
        if unit.since.is_none() && !starts.founded(ix) && starts.first_named(ix).is_none() {
            report.error(
                path().field("id"),
                format!(
                    "unit `{}` has no start: no event founds or names it and it has no `since` date; add a founding event, a sourced `since`, or remove the unit",
                    unit.id
                ),
            );
        }
    }
}
