//! The query language shared by search, filters and exports.

use crate::error::Error;
use crate::store::Timeline;

/// Indices (in date order) of the events matching `query`; every event for an empty query.
///
/// # Errors
/// A malformed query (placeholder: any non-empty query until the language lands).
pub fn filter_events(timeline: &Timeline, query: &str) -> Result<Vec<usize>, Error> {
    if query.trim().is_empty() {
        return Ok((0..timeline.store.events.len()).collect());
    }
    Err(Error::Usage("queries are not available yet".into()))
}
