//! `ali-timeline list [QUERY]`: the chronology as plain text, one event per line.

use std::io::Write;

use crate::error::Error;
use crate::store::Timeline;
use crate::text::sanitize;

/// Writes every event (matching `query`, when given) as `DATE  TITLE`, in date order.
///
/// # Errors
/// A malformed query, or a failed write.
pub fn run(timeline: &Timeline, query: Option<&str>, out: &mut impl Write) -> Result<(), Error> {
    let _ = query; // the query language lands with src/query
    for event in &timeline.store.events {
        writeln!(
            out,
            "{:<11} {}",
            event.date.to_string(),
            sanitize(&event.title)
        )?;
    }
    Ok(())
}
