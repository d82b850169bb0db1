//! `ali-timeline validate`: counts on success, every located problem otherwise.

use std::path::Path;
use std::process::ExitCode;

use crate::diagnostic::Severity;
use crate::error::Error;
use crate::text::sanitize;
use crate::timeline;

/// Validates the store at `path` (or the bundled one) and prints the outcome.
///
/// # Errors
/// Only for problems reading the file; store errors are printed and give exit code 1.
pub fn run(path: Option<&Path>) -> Result<ExitCode, Error> {
    match timeline::load(path) {
        Ok(timeline) => {
            for warning in &timeline.warnings {
                eprintln!("{}", sanitize(&warning.to_string()));
            }
            let s = &timeline.store;
            println!(
                "{} events, {} people, {} units, {} sources",
                s.events.len(),
                s.people.len(),
                s.units.len(),
                s.sources.len()
            );
            // Exiting: no need to free the store allocation by allocation (see `cli::run`).
            std::mem::forget(timeline);
            Ok(ExitCode::SUCCESS)
        }
        Err(Error::Store(diagnostics)) => {
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            for d in &diagnostics {
                eprintln!("{}", sanitize(&d.to_string()));
            }
            eprintln!("{errors} error(s); the store was not loaded");
            Ok(ExitCode::from(1))
        }
        Err(other) => Err(other),
    }
}
