//! `ali-timeline validate [--json]`: counts on success, every located problem otherwise.
//!
//! `--json` writes `{"valid", "counts", "diagnostics"}` to stdout whatever the outcome
//! (`assets/validate.schema.json`); the exit code is 1 when the store has errors either way.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::json::{self, JsonDiagnostic};
use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Error;
use crate::text::sanitize;

/// Validates the store `--data` names (or the settings, or the bundled one): counts to `out` and warnings to `err`, or
/// every problem to `err` (all of it to `out` as JSON with `json`).
///
/// # Errors
/// Problems reading the file, and failed writes; store errors give exit code 1.
pub fn run(
    (data, settings): (Option<&PathBuf>, &Settings),
    json: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let (counts, diagnostics) = match super::load(data, settings) {
        Ok(timeline) => {
            let s = &timeline.store;
            let counts = Counts {
                events: s.events.len(),
                people: s.people.len(),
                units: s.units.len(),
                sources: s.sources.len(),
                eras: s.eras.len(),
            };
            let warnings = timeline.warnings.clone();
            // Exiting: no need to free the store allocation by allocation (see `cli::run`).
            std::mem::forget(timeline);
            (Some(counts), warnings)
        }
        Err(Error::Store(diagnostics)) => (None, diagnostics),
        Err(other) => return Err(other),
    };
    let code = if counts.is_some() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    if json {
        let output = JsonOutput {
            valid: counts.is_some(),
            counts,
            diagnostics: diagnostics.iter().map(JsonDiagnostic::new).collect(),
        };
        json::write(&output, out)?;
        return Ok(code);
    }
    for d in &diagnostics {
        writeln!(err, "{}", sanitize(&d.to_string()))?;
    }
    match counts {
        Some(c) => writeln!(
            out,
            "{} events, {} people, {} units, {} sources, {} eras",
            c.events, c.people, c.units, c.sources, c.eras
        )?,
        None => writeln!(
            err,
            "{} error(s); the store was not loaded",
            errors(&diagnostics)
        )?,
    }
    Ok(code)
}

fn errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

/// How much a valid store holds.
#[derive(Debug, Clone, Copy, Serialize)]
struct Counts {
    events: usize,
    people: usize,
    units: usize,
    sources: usize,
    eras: usize,
}

#[derive(Serialize)]
struct JsonOutput<'a> {
    valid: bool,
    counts: Option<Counts>,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}
