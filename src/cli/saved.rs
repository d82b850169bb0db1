//! `ali-timeline saved [add NAME QUERY | rm NAME]`, and `--saved NAME` for `list`, `search` and
//! `export`: saved queries (see [`crate::saved`]) on the command line.
//!
//! A problem in the saved-queries file is one located line on stderr; the queries that could be
//! read still work, and nothing is written to the file until it is fixed.

use std::io::Write;
use std::process::ExitCode;

use clap::Subcommand;

use super::columns::{padded, widest};
use crate::error::Error;
use crate::saved::{self, SavedError, SavedQueries};
use crate::text::sanitize;

/// What `saved` does besides listing.
#[derive(Debug, Subcommand)]
pub enum SavedAction {
    /// Save a query under a name (checked first: a malformed query is refused).
    Add {
        /// The name (up to 64 characters; quote it if it holds spaces).
        name: String,
        /// The query (see `search --help` for the syntax).
        query: String,
        /// Replace a query already saved under this name.
        #[arg(long)]
        force: bool,
    },
    /// Remove the query saved under a name.
    Rm {
        /// The name.
        name: String,
    },
}

/// Runs `saved` (lists the queries) or `saved add` / `saved rm`.
///
/// # Errors
/// A bad name or query, an unknown name, a damaged or unreadable file, a file that cannot be
/// written, or a failed write to `out` or `err`.
pub fn run(
    action: Option<SavedAction>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let mut saved = saved::load(saved::path());
    match action {
        None => list(&saved, out, err),
        Some(SavedAction::Add { name, query, force }) => {
            saved.add(&name, &query, force).map_err(to_error)?;
            writeln!(err, "saved `{}` in {}", sanitize(&name), saved.shown_path())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(SavedAction::Rm { name }) => {
            let removed = saved.remove(&name).map_err(to_error)?;
            writeln!(
                err,
                "removed `{}` ({}) from {}",
                sanitize(&removed.name),
                sanitize(&removed.query),
                saved.shown_path()
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `NAME  QUERY` for each saved query, in the file's order; the file's problem, if any, on
/// `err` (and exit 1, since the list may lack what could not be read).
fn list(
    saved: &SavedQueries,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let names: Vec<String> = saved.entries.iter().map(|q| sanitize(&q.name)).collect();
    let column = widest(names.iter().map(String::as_str), 0);
    for (name, entry) in names.iter().zip(&saved.entries) {
        writeln!(out, "{}  {}", padded(name, column), sanitize(&entry.query))?;
    }
    if let Some(problem) = &saved.problem {
        writeln!(err, "ali-timeline: {}", sanitize(&problem.to_string()))?;
        return Ok(ExitCode::from(1));
    }
    if saved.entries.is_empty() {
        let place = match &saved.path {
            Some(_) => format!(" in {}", saved.shown_path()),
            None => String::new(),
        };
        writeln!(
            err,
            "no saved queries{place}; save one with `ali-timeline saved add NAME QUERY`"
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The query saved as `name`, for `--saved NAME`. When the file has a problem but the name
/// could be read, the problem is said on `err` and the query used.
///
/// # Errors
/// An unknown name (with a did-you-mean), or the file's problem when the name is not among
/// what could be read.
pub fn query_named(name: &str, err: &mut impl Write) -> Result<String, Error> {
    let saved = saved::load(saved::path());
    let found = saved.get(name).map_err(to_error)?;
    if let Some(problem) = &saved.problem {
        writeln!(err, "ali-timeline: {}", sanitize(&problem.to_string()))?;
    }
    Ok(found.query.clone())
}

/// A saved-query error as the command line reports it, with what to type next.
fn to_error(error: SavedError) -> Error {
    let hint = match &error {
        SavedError::Unknown { .. } => "; `ali-timeline saved` lists the saved queries",
        SavedError::Exists(_) => "; pass `--force` to replace it, or choose another name",
        _ => "",
    };
    Error::Usage(format!("{error}{hint}"))
}
