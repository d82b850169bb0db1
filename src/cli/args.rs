//! The command line's shape: the [`Cli`] clap parses (the global `--data` option) and its
//! subcommands, each with its arguments and their help. The shell completions and the man page
//! are made from the same types.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::{org, saved};
use crate::export::Format;

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
