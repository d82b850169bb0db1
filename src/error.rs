//! Errors of the library, each printable as one clear line (or a few, for a store's diagnostics).
//!
//! Every variant keeps the typed error it came from (`#[source]`), so callers can tell the cases
//! apart without reading messages. Messages say what is wrong and what to write instead, but never
//! name a command-line flag or a key: the front end adds those (see `cli::hint` and the TUI's
//! export dialog).

use std::io;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::query::QueryError;
use crate::store::date::DateError;
use crate::timeline::resolve::ResolveError;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}: {message}", path.display())]
    File {
        /// The file (or folder) concerned.
        path: PathBuf,
        /// What happened, in words, with what to do.
        message: String,
        /// The I/O error behind it, when there was one.
        #[source]
        source: Option<io::Error>,
    },
    /// Something is already at an output path and was kept.
    #[error("{}: {what}", path.display())]
    Exists {
        /// The output path.
        path: PathBuf,
        /// What is there.
        what: Existing,
    },
    /// The store has errors (each a located diagnostic).
    #[error("{}", render_diagnostics(.0))]
    Store(Vec<Diagnostic>),
    /// A malformed query; shown with the query and a caret under the bad atom.
    #[error("{}", .source.pointing(.query))]
    Query {
        /// The query as given.
        query: String,
        /// What is wrong, and where.
        #[source]
        source: QueryError,
    },
    /// A malformed date given as `argument` (for example `--as-of`).
    #[error("{argument}: {source}")]
    Date {
        /// Which argument held the date.
        argument: String,
        /// What is wrong with it.
        #[source]
        source: DateError,
    },
    /// A person or unit name that matches none, or several.
    #[error(transparent)]
    Resolve(#[from] ResolveError),
    /// Any other bad request (an impossible combination, a date range the wrong way round).
    #[error("{0}")]
    Usage(String),
    /// The terminal app was started without a terminal.
    #[error("the terminal app needs a terminal on stdin and stdout")]
    NotATerminal,
    /// The terminal could not be set up or drawn on.
    #[error("the terminal failed: {0}")]
    Terminal(#[source] io::Error),
    /// Writing output failed.
    #[error("cannot write output: {0}")]
    Io(#[from] io::Error),
}

/// What was found at an output path that is kept rather than replaced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Existing {
    /// A file was there before the export began.
    #[error("already exists and was kept")]
    File,
    /// A symbolic link (never followed).
    #[error("is a symbolic link (to {}); it was not followed and nothing was written", .0.display())]
    Link(PathBuf),
    /// A file appeared while the export was being written.
    #[error("appeared while the export was being written and was kept")]
    Appeared,
}

fn render_diagnostics(diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
