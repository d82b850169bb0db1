//! Errors and diagnostics of the library, each printable as one clear line.

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::store::locate::Position;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    /// Suspicious but loadable.
    Warning,
    /// The store cannot be used until it is fixed.
    Error,
}

/// One problem in a store, located as `FILE:LINE:COL`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The file name shown to the user (`timeline.ron` for the bundled store).
    pub file: String,
    /// Where the problem is.
    pub position: Position,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(
            f,
            "{}:{}: {level}: {}",
            self.file, self.position, self.message
        )
    }
}

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
