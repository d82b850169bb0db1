//! The terminal app.

use crate::error::Error;
use crate::store::Timeline;

/// Runs the terminal app (placeholder: prints the timeline until the app lands).
///
/// # Errors
/// When the terminal cannot be used.
pub fn run(timeline: &Timeline) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    crate::cli::run_list_for_tui(timeline, &mut out)
}
