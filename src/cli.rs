//! The command line: subcommands, the global `--data` option, and error reporting.

mod export;
mod list;
mod org;
mod search;
mod validate;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::error::Error;
use crate::export::Format;
use crate::timeline::{self, Timeline};

/// Explore the history of Alibaba's digital entertainment businesses (2006–2021).
///
/// With no subcommand, opens the terminal app on the bundled store.
#[derive(Debug, Parser)]
#[command(name = "ali-timeline", version, about, long_about = None)]
pub struct Cli {
    /// Use this store file instead of the bundled timeline.ron.
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// What to do (default: open the terminal app).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the terminal app (the default).
    Tui,
    /// Check the store; print its counts, or every error with FILE:LINE:COL.
    Validate,
    /// Print the timeline, one event per line, date first, in date order.
    List {
        /// Only events matching this query (see `search --help` for the syntax).
        query: Option<String>,
    },
    /// Search people, units and events.
    ///
    /// Atoms separated by spaces must all match: `gao` (fuzzy), `'exact`, `^prefix`, `suffix$`,
    /// `!not`, `person:gao`, `unit:xiami`, `kind:appointment`, `tag:music`, `@2015`,
    /// `@2015..2016-06`, `@..2014`, `@2017..`.
    Search {
        /// The query.
        query: String,
        /// Show at most this many results.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Show the organisation as of a date, or what changed between two dates.
    Org {
        /// The date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_name = "DATE", required_unless_present = "diff")]
        as_of: Option<String>,
        /// Only this unit and what sits under it.
        #[arg(long, value_name = "ID")]
        unit: Option<String>,
        /// Show what changed between two dates instead.
        #[arg(long, num_args = 2, value_names = ["FROM", "TO"], conflicts_with = "as_of")]
        diff: Option<Vec<String>>,
        /// Also list the counterparties (outside companies) existing on the date, in a separate
        /// group; they are never part of Alibaba's organisation.
        #[arg(long, conflicts_with = "diff")]
        counterparties: bool,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Show a person's career: every role, in order, with the events behind it.
    Person {
        /// The person's id (or a name to search for).
        id: String,
    },
    /// Show a unit's lineage: founding, parents, renames, mergers, and its leaders.
    Unit {
        /// The unit's id (or a name to search for).
        id: String,
    },
    /// Export the (filtered) timeline to a file or stdout.
    Export {
        /// Output format.
        #[arg(long, short = 'f', value_enum)]
        format: Format,
        /// Only events matching this query.
        #[arg(long, short = 'q')]
        query: Option<String>,
        /// Write to this file (atomically) instead of stdout.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
}

/// Parses the command line, runs it, prints errors, and returns the exit code:
/// 0 on success, 1 when the store or the request is wrong, 2 for bad arguments.
#[must_use]
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return argument_error(&error),
    };
    // Without the handlers the signals keep their default actions; nothing else depends on them.
    let _ = crate::cleanup::on_signals();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            report(&error);
            ExitCode::from(1)
        }
    }
}

/// Prints clap's message for bad arguments (or the `--help` / `--version` text) and returns its
/// exit code. Clap quotes the arguments it was given, so when one holds a character a terminal
/// must not see (an escape sequence, a bidi override), the message is printed without styling
/// and with those characters removed.
fn argument_error(error: &clap::Error) -> ExitCode {
    let hostile =
        std::env::args_os().any(|arg| arg.to_string_lossy().chars().any(crate::text::is_unsafe));
    if !hostile {
        error.exit();
    }
    let text = error.render().to_string(); // plain: clap's styling is dropped
    let write = |out: &mut dyn Write| {
        for line in text.lines() {
            let _ = writeln!(out, "{}", crate::text::sanitize(line));
        }
    };
    if error.use_stderr() {
        write(&mut std::io::stderr().lock());
    } else {
        write(&mut std::io::stdout().lock());
    }
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}

/// Prints an error to stderr, one line per problem, made safe for the terminal.
pub fn report(error: &Error) {
    let mut stderr = std::io::stderr().lock();
    for line in error.to_string().lines() {
        let _ = writeln!(stderr, "ali-timeline: {}", crate::text::sanitize(line));
    }
}

/// Loads the store named by `--data` (or the bundled one).
///
/// # Errors
/// As [`timeline::load()`].
pub fn load(cli_data: Option<&PathBuf>) -> Result<Timeline, Error> {
    timeline::load(cli_data.map(PathBuf::as_path))
}

/// Runs a parsed command line.
///
/// # Errors
/// Whatever the command fails with; the caller prints it.
pub fn run(cli: Cli) -> Result<ExitCode, Error> {
    if let Some(Command::Validate) = cli.command {
        return validate::run(cli.data.as_deref());
    }
    let timeline = load(cli.data.as_ref())?;
    let mut out = std::io::stdout().lock();
    match cli.command {
        None | Some(Command::Tui) => {
            drop(out);
            crate::tui::run(&timeline)?;
        }
        Some(Command::Validate) => unreachable!("handled above"),
        Some(Command::List { query }) => list::run(&timeline, query.as_deref(), &mut out)?,
        Some(Command::Search { query, limit, json }) => {
            search::run(&timeline, &query, limit, json, &mut out)?;
        }
        Some(Command::Org {
            as_of,
            unit,
            diff,
            counterparties,
            json,
        }) => org::run_org(
            &timeline,
            as_of.as_deref(),
            unit.as_deref(),
            diff.as_deref(),
            org::OrgOptions {
                counterparties,
                json,
            },
            &mut out,
        )?,
        Some(Command::Person { id }) => org::run_person(&timeline, &id, &mut out)?,
        Some(Command::Unit { id }) => org::run_unit(&timeline, &id, &mut out)?,
        Some(Command::Export {
            format,
            query,
            output,
            force,
        }) => export::run(
            &timeline,
            format,
            query.as_deref(),
            output.as_deref(),
            force,
            &mut out,
        )?,
    }
    // The process ends here: the OS takes the memory back at once, while freeing a large store's
    // millions of allocations one by one costs a tenth of a second at 100,000 events.
    std::mem::forget(timeline);
    Ok(ExitCode::SUCCESS)
}
