//! What every `--json` output shares: pretty JSON, safe to print (control, bidi and zero-width
//! characters written as `\uXXXX` escapes, which mean the same), and the shapes more than one
//! command uses. Each command's shape is documented by a JSON Schema under `assets/`.

use std::io::Write;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Error;
use crate::export::escape::json_ascii_safe;

/// Writes `value` as pretty JSON and a newline.
///
/// # Errors
/// A failed write.
pub fn write(value: &impl Serialize, out: &mut impl Write) -> Result<(), Error> {
    let text = serde_json::to_string_pretty(value).map_err(std::io::Error::from)?;
    writeln!(out, "{}", json_ascii_safe(text))?;
    Ok(())
}

/// A diagnostic as an object: `{"file", "line", "column", "severity", "message"}`.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    severity: &'static str,
    message: &'a str,
}

impl<'a> JsonDiagnostic<'a> {
    /// The object for `diagnostic`.
    #[must_use]
    pub fn new(diagnostic: &'a Diagnostic) -> Self {
        JsonDiagnostic {
            file: &diagnostic.file,
            line: diagnostic.position.line,
            column: diagnostic.position.col,
            severity: match diagnostic.severity {
                Severity::Warning => "warning",
                Severity::Error => "error",
            },
            message: &diagnostic.message,
        }
    }
}
