//! Errors and diagnostics of the library, each printable as one clear line.

use std::path::PathBuf;

use crate::diagnostic::Diagnostic;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}: {message}", path.display())]
    File {
        /// The file concerned.
        path: PathBuf,
        /// What happened, in words, with a hint.
        message: String,
    },
    /// The store has errors (each a located diagnostic).
    #[error("{}", render_diagnostics(.0))]
    Store(Vec<Diagnostic>),
    /// Bad input on the command line (a date, a query, an id).
    #[error("{0}")]
    Usage(String),
    /// Writing output failed.
    #[error("cannot write output: {0}")]
    Io(#[from] std::io::Error),
}

fn render_diagnostics(diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
