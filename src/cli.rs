//! The command line: subcommands, the global `--data` option, error reporting, and the one output
//! policy every command follows.
//!
//! Every command writes to the `Write`s it is given: stdout (buffered) and stderr, locked once in
//! [`main`]. No command prints by itself. How a command ends is decided here, once:
//! - a closed stdout or stderr (a broken pipe, as with `| head`) ends it quietly with exit 0;
//! - any other write error (a full disk, `> /dev/full`) ends it with [`EXIT_OUTPUT`] (74, as
//!   `EX_IOERR` in BSD's `sysexits.h`) and one line on stderr when stderr can still take it;
//! - every other error ends it with exit 1 and the message on stderr; bad arguments give 2.

mod args;
mod columns;
mod config;
mod eras;
mod export;
mod json;
mod lineage;
mod list;
mod org;
mod person;
mod saved;
mod search;
mod shell;
mod tui;
mod validate;

use std::io::{self, BufWriter, ErrorKind, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;

use crate::config::Settings;
use crate::error::Error;
use crate::timeline::index::ForSearch;
use crate::timeline::{self, Timeline};

pub use args::{Cli, Command};

/// The exit code when output could not be written (other than to a closed pipe): 74, `EX_IOERR`.
pub const EXIT_OUTPUT: u8 = 74;

/// Parses the command line, runs it, reports errors, and returns the exit code (see the module
/// documentation for the policy).
#[must_use]
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return argument_error(&error),
    };
    // Without the handlers the signals keep their default actions; nothing else depends on them.
    let _ = crate::cleanup::on_signals();
    let settings = crate::config::load();
    let mut err = io::stderr().lock();
    for warning in &settings.warnings {
        if let Err(e) = writeln!(err, "{}", crate::text::sanitize(&warning.to_string())) {
            return finish(Err(Error::Io(e)), &mut err);
        }
    }
    if let None | Some(Command::Tui) = cli.command {
        // The terminal app writes to the terminal itself; stdout and stderr stay unlocked for it
        // (the signal handler and a panic on another thread write to stderr while it runs).
        drop(err);
        let result = run(cli, &settings, &mut io::sink(), &mut io::sink());
        return finish(result, &mut io::stderr().lock());
    }
    let mut out = BufWriter::new(io::stdout().lock());
    let result = run(cli, &settings, &mut out, &mut err);
    let flushed = out.flush().map_err(Error::Io);
    finish(result.and_then(|code| flushed.map(|()| code)), &mut err)
}

/// The exit code for a command's result, with the error (and a hint) reported on `err`.
fn finish(result: Result<ExitCode, Error>, err: &mut impl Write) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(Error::Io(e)) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error @ Error::Io(_)) => {
            report(&error, err);
            ExitCode::from(EXIT_OUTPUT)
        }
        Err(error) => {
            report(&error, err);
            ExitCode::from(1)
        }
    }
}

/// Prints clap's message for bad arguments (or the `--help` / `--version` text) and returns its
/// exit code. Clap quotes the arguments it was given, so when one holds a character a terminal
/// must not see (an escape sequence, a bidi override), the message is printed without styling
/// and with those characters removed. A failed write ends as any command's would.
fn argument_error(error: &clap::Error) -> ExitCode {
    let hostile =
        std::env::args_os().any(|arg| arg.to_string_lossy().chars().any(crate::text::is_unsafe));
    let code = ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
    let written = if hostile {
        let text = error.render().to_string(); // plain: clap's styling is dropped
        let write = |out: &mut dyn Write| -> io::Result<()> {
            for line in text.lines() {
                writeln!(out, "{}", crate::text::sanitize(line))?;
            }
            out.flush()
        };
        if error.use_stderr() {
            write(&mut io::stderr().lock())
        } else {
            write(&mut io::stdout().lock())
        }
    } else {
        error.print() // styled when the stream is a terminal
    };
    match written {
        Err(e) => finish(Err(Error::Io(e)), &mut io::stderr().lock()),
        Ok(()) => code,
    }
}

/// Writes an error to `err`, one line per problem, made safe for the terminal, with what to type
/// when the library's message leaves that to the command line. A failure to write it is ignored:
/// there is nowhere left to say so.
pub fn report(error: &Error, err: &mut impl Write) {
    let text = match hint(error) {
        Some(hint) => format!("{error}; {hint}"),
        None => error.to_string(),
    };
    for line in text.lines() {
        if writeln!(err, "ali-timeline: {}", crate::text::sanitize(line)).is_err() {
            return;
        }
    }
}

/// What to type next, for the errors whose fix is a flag or a command.
fn hint(error: &Error) -> Option<&'static str> {
    use crate::error::Existing;
    use crate::timeline::resolve::ResolveError;
    match error {
        Error::Exists {
            what: Existing::Link(_),
            ..
        } => Some("pass `--force` to replace the link itself"),
        Error::Exists { .. } => Some("pass `--force` to replace it, or choose another path"),
        Error::Resolve(ResolveError::UnknownId { .. }) => {
            Some("give an id, or find one with `ali-timeline search NAME`")
        }
        Error::NotATerminal => {
            Some("for plain text use `ali-timeline list` or `ali-timeline search QUERY`")
        }
        _ => None,
    }
}

/// Loads the store named by `--data`, else the one the settings name, else the bundled one;
/// through the cache unless the settings file turned it off (the environment decides first).
///
/// # Errors
/// As [`timeline::load()`]; a missing file says to check `--data` (or the settings).
pub fn load(cli_data: Option<&PathBuf>, settings: &Settings) -> Result<Timeline, Error> {
    let Some((path, given_by)) = store_path(cli_data, settings) else {
        return timeline::load_bundled();
    };
    let loaded = if cache_off_by_file(settings) {
        timeline::load_file_cached(path, None).map(|(timeline, _)| timeline)
    } else {
        timeline::load_file(path)
    };
    loaded.map_err(|error| check_path_hint(error, given_by))
}

/// What a search for `query` reads, found as [`load`] finds the store: the store's search index
/// when it has one (see [`timeline::index`]) and the query names no era, else the store itself.
///
/// # Errors
/// As [`load`].
fn load_for_search(
    cli_data: Option<&PathBuf>,
    settings: &Settings,
    query: &str,
) -> Result<ForSearch, Error> {
    // An `era:` atom needs the store's eras, which the index does not hold.
    let names_an_era = crate::query::Query::parse(query).is_ok_and(|q| q.names_an_era());
    let Some((path, given_by)) = store_path(cli_data, settings).filter(|_| !names_an_era) else {
        return load(cli_data, settings).map(|t| ForSearch::Timeline(Arc::new(t), None));
    };
    let dir = if cache_off_by_file(settings) {
        None
    } else {
        timeline::cache::dir()
    };
    timeline::index::for_search(path, dir.as_deref()).map_err(|e| check_path_hint(e, given_by))
}

/// The store file named by `--data`, else by the settings, with what named it; `None` for the
/// bundled store.
fn store_path<'a>(
    cli_data: Option<&'a PathBuf>,
    settings: &'a Settings,
) -> Option<(&'a PathBuf, &'static str)> {
    match (cli_data, &settings.store.value) {
        (Some(path), _) => Some((path, "--data")),
        (None, Some(path)) => Some((path, "`store` in the settings file")),
        (None, None) => None,
    }
}

/// Whether the settings file turned the cache off (the environment decides first).
fn cache_off_by_file(settings: &Settings) -> bool {
    !settings.cache.value && matches!(settings.cache.from, crate::config::Origin::File(_))
}

/// A missing file's error, saying to check the path `given_by` named.
fn check_path_hint(error: Error, given_by: &str) -> Error {
    match error {
        Error::File {
            path,
            message,
            source: Some(source),
        } if source.kind() == ErrorKind::NotFound => Error::File {
            path,
            message: format!("{message}; check the path given to {given_by}"),
            source: Some(source),
        },
        other => other,
    }
}

/// Runs a parsed command line, writing output to `out` and notes to `err`, and returns the exit
/// code. The terminal app (no command, or `tui`) draws on the terminal itself.
///
/// # Errors
/// Whatever the command fails with, write errors included; [`main`] decides how it ends.
pub fn run(
    cli: Cli,
    settings: &Settings,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, Error> {
    let data = (cli.data.as_ref(), settings);
    let done = |()| ExitCode::SUCCESS;
    match cli.command.unwrap_or(Command::Tui) {
        Command::Tui => tui::run(data.0, settings),
        Command::Config { init: false } => config::show(settings, out).map(done),
        Command::Config { init: true } => config::init(settings, err).map(done),
        Command::Validate { json } => validate::run(data, json, out, err),
        Command::Man => shell::man(out).map(done),
        Command::Completions { shell } => {
            with_store(data, |t| shell::completions(t, shell, out).map(done))
        }
        Command::Saved { action } => saved::run(action, out, err),
        Command::List { query, saved, json } => {
            let query = or_saved(query, saved, err)?;
            with_store(data, |t| list::run(t, query.as_deref(), json, out, err))
        }
        Command::Search {
            query,
            saved,
            limit,
            json,
        } => {
            let query = or_saved(query, saved, err)?.unwrap_or_default();
            match load_for_search(data.0, settings, &query)? {
                ForSearch::Index(index) => {
                    let result = search::run(&index, &query, limit, json, out, err);
                    // As in `with_store`: the OS frees memory faster at exit.
                    std::mem::forget(index);
                    result
                }
                ForSearch::Timeline(timeline, indexing) => {
                    let result = search::run(&*timeline, &query, limit, json, out, err);
                    if let Some(indexing) = indexing {
                        // The answer is shown first, then the index for the next search is
                        // waited for (dropping it waits).
                        let flushed = out.flush();
                        drop(indexing);
                        flushed?;
                    }
                    std::mem::forget(timeline);
                    result
                }
            }
        }
        Command::Org {
            as_of,
            unit,
            diff,
            counterparties,
            json,
            format,
        } => with_store(data, |t| {
            let (as_of, unit, diff) = (as_of.as_deref(), unit.as_deref(), diff.as_deref());
            let options = org::OrgOptions {
                counterparties,
                format: org::OrgFormat::choose(format, json)?,
            };
            org::run_org(t, as_of, unit, diff, options, out).map(done)
        }),
        Command::Person { name, json } => {
            with_store(data, |t| person::run(t, &name, json, out).map(done))
        }
        Command::Unit { name, json } => {
            with_store(data, |t| lineage::run(t, &name, json, out).map(done))
        }
        Command::Eras { json } => with_store(data, |t| eras::run(t, json, out).map(done)),
        Command::Export {
            format,
            query,
            saved,
            output,
            force,
        } => {
            let query = or_saved(query, saved, err)?;
            with_store(data, |t| {
                let (query, output) = (query.as_deref(), output.as_deref());
                export::run(t, format, query, output, force, out, err).map(done)
            })
        }
    }
}

/// The query given, or the one saved under the name given with `--saved`.
fn or_saved(
    query: Option<String>,
    saved: Option<String>,
    err: &mut impl Write,
) -> Result<Option<String>, Error> {
    match saved {
        Some(name) => saved::query_named(&name, err).map(Some),
        None => Ok(query),
    }
}

/// Loads the store and runs `command` on it.
fn with_store(
    (data, settings): (Option<&PathBuf>, &Settings),
    command: impl FnOnce(&Timeline) -> Result<ExitCode, Error>,
) -> Result<ExitCode, Error> {
    let timeline = load(data, settings)?;
    let result = command(&timeline);
    // The process ends soon: the OS takes the memory back at once, while freeing a large store's
    // millions of allocations one by one costs a tenth of a second at 100,000 events.
    std::mem::forget(timeline);
    result
}
