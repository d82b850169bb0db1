//! The command line: subcommands, the global `--data` option, error reporting, and the one output
//! policy every command follows.
//!
//! Every command writes to the `Write`s it is given: stdout (buffered) and stderr, locked once in
//! [`main`]. No command prints by itself. How a command ends is decided here, once:
//! - a closed stdout or stderr (a broken pipe, as with `| head`) ends it quietly with exit 0;
//! - any other write error (a full disk, `> /dev/full`) ends it with [`EXIT_OUTPUT`] (74, as
//!   `EX_IOERR` in BSD's `sysexits.h`) and one line on stderr when stderr can still take it;
//! - every other error ends it with exit 1 and the message on stderr; bad arguments give 2.

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
mod validate;

use std::io::{self, BufWriter, ErrorKind, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::Settings;
use crate::error::Error;
use crate::export::Format;
use crate::timeline::{self, Timeline};

/// The exit code when output could not be written (other than to a closed pipe): 74, `EX_IOERR`.
pub const EXIT_OUTPUT: u8 = 74;

/// Explore the history of Alibaba's digital entertainment businesses (2006–2021).
///
/// With no subcommand, opens the terminal app on the bundled store.
#[derive(Debug, Parser)]
#[command(name = "ali-timeline", version, about, long_about = None)]
#[command(after_help = EXIT_CODES)]
pub struct Cli {
    /// Use this store file instead of the bundled timeline.ron.
    #[arg(long, global = true, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub data: Option<PathBuf>,
    /// What to do (default: open the terminal app).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The exit codes, as `--help` and the man page list them.
const EXIT_CODES: &str = "Exit codes: 0 success (also when stdout is closed early, as by `| head`); \
1 no match, or an error in the store or the request; 2 bad arguments; 74 output could not be \
written (a full disk).";

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the terminal app (the default).
    Tui,
    /// Check the store; print its counts, or every error with FILE:LINE:COL.
    Validate {
        /// Print JSON (counts and diagnostics as objects) instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print the timeline, one event per line, date first, in date order.
    ///
    /// With a query and no matching event, exits 1 with a note on stderr (as `grep` does).
    List {
        /// Only events matching this query (see `search --help` for the syntax).
        query: Option<String>,
        /// Only events matching the query saved under this name (see `saved`).
        #[arg(long, value_name = "NAME", conflicts_with = "query")]
        saved: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Search people, units and events.
    ///
    /// Atoms separated by spaces must all match: `gao` (fuzzy), `'exact`, `^prefix`, `suffix$`,
    /// `!not`, `person:gao`, `unit:xiami`, `kind:appointment`, `tag:music`, `@2015`,
    /// `@2015..2016-06`, `@..2014`, `@2017..`, `era:reset` (the span of an era, by its id or
    /// words of its title).
    ///
    /// When results are cut, stderr says how many more there are. No match exits 1 with a note
    /// on stderr (as `grep` and `fzf --filter` do).
    Search {
        /// The query.
        #[arg(required_unless_present = "saved")]
        query: Option<String>,
        /// Search for the query saved under this name instead (see `saved`).
        #[arg(long, value_name = "NAME", conflicts_with = "query")]
        saved: Option<String>,
        /// Show at most this many results (0: all of them).
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
        /// Only this unit and what sits under it (an id or a name).
        #[arg(long, value_name = "UNIT")]
        unit: Option<String>,
        /// Show what changed between two dates instead.
        #[arg(long, num_args = 2, value_names = ["FROM", "TO"], conflicts_with = "as_of")]
        diff: Option<Vec<String>>,
        /// Also list the counterparties (outside companies) existing on the date, in a separate
        /// group; they are never part of Alibaba's organisation.
        #[arg(long, conflicts_with = "diff")]
        counterparties: bool,
        /// Print JSON instead of text (the same as `--format json`).
        #[arg(long)]
        json: bool,
        /// Output format: text, json, or a diagram of the chart as of the date (`dot` for
        /// Graphviz, `mermaid` for a Mermaid flowchart).
        #[arg(long, value_enum, value_name = "FORMAT")]
        format: Option<org::OrgFormat>,
    },
    /// Show a person's career: every role, in order, with the events behind it.
    Person {
        /// The person: an id, a name, a Chinese name, an alias, or part of one (`gao`).
        #[arg(value_name = "PERSON")]
        name: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Show a unit's lineage: founding, parents, renames, mergers, and its leaders.
    Unit {
        /// The unit: an id, a name, a Chinese name, an alias, or part of one (`xiami`).
        #[arg(value_name = "UNIT")]
        name: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List the store's eras: span, id, title and how many events fall in each (the names
    /// `era:` takes in a query).
    Eras {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Export the (filtered) timeline to a file or stdout.
    Export {
        /// Output format.
        #[arg(long, short = 'f', value_enum)]
        format: Format,
        /// Only events matching this query.
        #[arg(long, short = 'q')]
        query: Option<String>,
        /// Only events matching the query saved under this name (see `saved`).
        #[arg(long, value_name = "NAME", conflicts_with = "query")]
        saved: Option<String>,
        /// Write to this file (atomically) instead of stdout.
        #[arg(long, short = 'o', value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// List the saved queries (`NAME  QUERY`), or add or remove one.
    ///
    /// They are kept in `$XDG_CONFIG_HOME/ali-timeline/queries.toml` (`~/.config/…` when that is
    /// not set), which the terminal app shares; `list`, `search` and `export` take `--saved NAME`.
    /// A problem in the file is reported with FILE:LINE:COL, and nothing is written to it until
    /// it is fixed.
    Saved {
        /// Add or remove (default: list).
        #[command(subcommand)]
        action: Option<saved::SavedAction>,
    },
    /// Print a shell completion script (in bash and zsh, ids of people and units complete too).
    ///
    /// For example: `ali-timeline completions bash > ~/.local/share/bash-completion/completions/ali-timeline`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Show the settings file's path, each setting in effect and where it came from.
    ///
    /// The file is `$XDG_CONFIG_HOME/ali-timeline/config.toml` (`~/.config/…` when that is not
    /// set). Problems in it are warnings with FILE:LINE:COL; the setting concerned keeps its
    /// default. `NO_COLOR` and `ALI_TIMELINE_CACHE` override the file.
    Config {
        /// Write a commented default file there instead (never over an existing one).
        #[arg(long)]
        init: bool,
    },
    /// Print the manual page (roff) to stdout.
    ///
    /// For example: `ali-timeline man > ~/.local/share/man/man1/ali-timeline.1`.
    Man,
}

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
    let mut err = io::stderr().lock();
    let settings = crate::config::load();
    for warning in &settings.warnings {
        if let Err(e) = writeln!(err, "{}", crate::text::sanitize(&warning.to_string())) {
            return finish(Err(Error::Io(e)), &mut err);
        }
    }
    if let None | Some(Command::Tui) = cli.command {
        // The terminal app writes to the terminal itself; stdout stays unlocked for it.
        let result = run(cli, &settings, &mut io::sink(), &mut err);
        return finish(result, &mut err);
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
    let (path, given_by) = match (cli_data, &settings.store.value) {
        (Some(path), _) => (path, "--data"),
        (None, Some(path)) => (path, "`store` in the settings file"),
        (None, None) => return timeline::load_bundled(),
    };
    let cache_off_by_file =
        !settings.cache.value && matches!(settings.cache.from, crate::config::Origin::File(_));
    let loaded = if cache_off_by_file {
        timeline::load_file_cached(path, None).map(|(timeline, _)| timeline)
    } else {
        timeline::load_file(path)
    };
    loaded.map_err(|error| match error {
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
    })
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
        Command::Tui => with_store(data, |t| {
            if !settings.keys.value.is_empty() {
                crate::tui::keymap::install(crate::config::keys::table(&settings.keys.value));
            }
            crate::tui::run(t, settings.theme.value.palette()).map(done)
        }),
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
            with_store(data, |t| search::run(t, &query, limit, json, out, err))
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
