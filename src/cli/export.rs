//! `ali-timeline export`: write the (filtered) timeline in one format, atomically.

use std::io::Write;
use std::path::Path;

use crate::error::Error;
use crate::export::Format;
use crate::store::Timeline;

/// Exports the events matching `query` in `format` to `output` or `out` (placeholder).
///
/// # Errors
/// A malformed query, an existing output without `force`, or a failed write.
pub fn run(
    _timeline: &Timeline,
    _format: Format,
    _query: Option<&str>,
    _output: Option<&Path>,
    _force: bool,
    _out: &mut impl Write,
) -> Result<(), Error> {
    Err(Error::Usage("export is not available yet".into()))
}
