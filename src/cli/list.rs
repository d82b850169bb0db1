//! `ali-timeline list [QUERY]`: the chronology as plain text, one event per line.

use std::io::Write;

use crate::error::Error;
use crate::query::{Matcher, Query};
use crate::text::sanitize;
use crate::timeline::Timeline;

/// Writes every event (matching `query`, when given) as `DATE  TITLE`, in date order.
///
/// # Errors
/// A malformed query (with a caret under the bad atom), or a failed write.
pub fn run(timeline: &Timeline, query: Option<&str>, out: &mut impl Write) -> Result<(), Error> {
    let query = Query::parse(query.unwrap_or_default())
        .map_err(|e| Error::Usage(e.pointing(query.unwrap_or_default())))?;
    let mut matcher = Matcher::new(timeline, &query);
    for (i, event) in timeline.store.events.iter().enumerate() {
        if !matcher.event_matches(i) {
            continue;
        }
        writeln!(
            out,
            "{:<11} {}",
            event.date.to_string(),
            sanitize(&event.title)
        )?;
    }
    Ok(())
}
