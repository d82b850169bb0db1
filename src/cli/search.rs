//! `ali-timeline search QUERY`: people, units and events matching a query.

use std::io::Write;

use crate::error::Error;
use crate::store::Timeline;

/// Prints the results of `query` (placeholder until the query module lands).
///
/// # Errors
/// A malformed query, or a failed write.
pub fn run(
    _timeline: &Timeline,
    _query: &str,
    _limit: usize,
    _json: bool,
    _out: &mut impl Write,
) -> Result<(), Error> {
    Err(Error::Usage("search is not available yet".into()))
}
