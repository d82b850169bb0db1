//! Reading a store: limits checked before parsing, RON parse errors located and explained.

use std::io::Read;
use std::path::Path as FsPath;

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;

use super::lex;
use super::model::Store;
use crate::diagnostic::{Diagnostic, Position, Severity};
use crate::error::Error;

/// The largest store file accepted, in bytes (128 MiB): a 100,000-event store with news-length
/// titles and summaries is about 85 MB (`cargo run --release --example synth`).
pub const MAX_BYTES: u64 = 128 * 1024 * 1024;

/// The deepest bracket nesting accepted; real stores nest about 5 deep.
pub const MAX_DEPTH: usize = 64;

/// Stores at least this large (4 MiB, about 5,000 events) are parsed on several threads.
const PARALLEL_BYTES: usize = 4 << 20;

/// The most threads a parse uses.
const MAX_THREADS: usize = 4;

/// The bundled store, compiled into the binary.
pub const BUNDLED: &str = include_str!("../../timeline.ron");

/// The name the bundled store is shown under in messages.
pub const BUNDLED_NAME: &str = "timeline.ron";

/// Reads a store file from disk, checking it is a readable UTF-8 file within [`MAX_BYTES`].
///
/// # Errors
/// A clear [`Error::File`] when the path is missing, a directory, too large (also when a pipe or
/// device streams more than [`MAX_BYTES`]), unreadable or not UTF-8 (with the line and column of
/// the first bad byte).
pub fn read_text(path: &FsPath) -> Result<String, Error> {
    let fail = |message: String| Error::File {
        path: path.to_path_buf(),
        message,
        source: None,
    };
    let failed = |message: String, source: std::io::Error| Error::File {
        path: path.to_path_buf(),
        message,
        source: Some(source),
    };
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => failed("no such file".into(), e),
        _ => failed(format!("cannot read: {e}"), e),
    })?;
    if meta.is_dir() {
        return Err(fail(
            "is a directory; give the path of a .ron store file".into(),
        ));
    }
    if meta.len() > MAX_BYTES {
        return Err(fail(format!(
            "is {} bytes, over the {MAX_BYTES}-byte limit for a store; split it into smaller stores",
            meta.len()
        )));
    }
    // A pipe or a device (`--data <(…)`, `/dev/stdin`, `/dev/zero`) reports no size: read at
    // most one byte over the limit, so that an endless stream is refused too.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0) + 1);
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| failed(format!("cannot read: {e}"), e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(fail(format!(
            "holds more than {MAX_BYTES} bytes, the limit for a store; split it into smaller stores"
        )));
    }
    if bytes.starts_with(BOM.encode_utf8(&mut [0; 3]).as_bytes()) {
        bytes.drain(..BOM.len_utf8());
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(valid);
        Error::Store(vec![Diagnostic {
            file: path.display().to_string(),
            position: lex::position(&text, text.len()),
            severity: Severity::Error,
            message: format!(
                "not UTF-8 text (byte {} is invalid); a store must be saved as UTF-8",
                valid.len()
            ),
        }])
    })
}

/// Parses RON text into a [`Store`]. `name` is the file name used in messages.
///
/// # Errors
/// One located diagnostic for the first syntax or shape error (a parse cannot go on past it).
pub fn parse(name: &str, text: &str) -> Result<Store, Diagnostic> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let located = |position: Position, message: String| Diagnostic {
        file: name.to_string(),
        position,
        severity: Severity::Error,
        message,
    };
    if text.trim().is_empty() {
        return Err(located(
            Position { line: 1, col: 1 },
            "the store is empty; it should hold `Store(people: [...], units: [...], sources: [...], events: [...])`".into(),
        ));
    }
    let options = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_DEPTH * 2);
    if text.len() >= PARALLEL_BYTES {
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        // The parallel parse checks the nesting itself; when it gives up, all is checked below.
        if threads > 1
            && let Some(store) = super::split::parse(text, &options, threads.min(MAX_THREADS))
        {
            return Ok(store);
        }
    }
    if let Some(at) = lex::too_deep(text, MAX_DEPTH) {
        return Err(located(
            lex::position(text, at),
            format!("brackets nest deeper than {MAX_DEPTH} levels; a store needs about 5"),
        ));
    }
    options.from_str::<Store>(text).map_err(|e| {
        if let Some(cr) = lone_cr_line_endings(text) {
            return located(
                lex::position(text, cr),
                "the lines of this file end with a lone CR (carriage return, as classic Mac OS \
                 saved text), which RON does not take as a line break, so a `//` comment runs to \
                 the end of the file; save it with LF or CRLF line endings (e.g. `tr '\\r' '\\n'`)"
                    .into(),
            );
        }
        let position = Position {
            line: e.span.end.line.max(1),
            col: e.span.end.col.max(1),
        };
        let message = match (lex::open_at_end(text), &e.code) {
            (None, _) => explain(&e),
            (
                Some(open),
                RonError::Eof | RonError::ExpectedStringEnd | RonError::UnclosedBlockComment,
            ) => ends_early(text, open),
            (Some(open), _) => format!("{}; {}", explain(&e), ends_early(text, open)),
        };
        located(start_of_culprit(text, position, &e.code), message)
    })
}

/// The byte-order mark some editors (Windows Notepad) put at the start of a UTF-8 file.
const BOM: char = '\u{feff}';

/// The offset of the first CR when `text` has CRs and no LF at all: its lines end with a lone CR.
fn lone_cr_line_endings(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr(b'\n', bytes)
        .is_none()
        .then(|| memchr::memchr(b'\r', bytes))
        .flatten()
}

/// "The file ends too early" and what it ends inside of, located.
fn ends_early(text: &str, open: lex::OpenAtEnd) -> String {
    let (what, at) = match open {
        lex::OpenAtEnd::Unclosed(lex::Unclosed::Str, at) => ("the string".to_string(), at),
        lex::OpenAtEnd::Unclosed(lex::Unclosed::Comment, at) => ("the comment".to_string(), at),
        lex::OpenAtEnd::Bracket(at) => (format!("`{}`", char::from(text.as_bytes()[at])), at),
    };
    let Position { line, col } = lex::position(text, at);
    format!("the file ends too early: {what} opened at line {line}, column {col} is not closed")
}

/// RON reports some errors just after the offending token; move back to its start so the
/// column points at the misspelt name or the bad string itself.
fn start_of_culprit(text: &str, at: Position, code: &RonError) -> Position {
    let Some(line) = text.lines().nth(at.line - 1) else {
        return at;
    };
    let before: Vec<char> = line.chars().take(at.col - 1).collect();
    let back = match code {
        RonError::NoSuchStructField { found, .. } | RonError::NoSuchEnumVariant { found, .. } => {
            let name: Vec<char> = found.chars().collect();
            let mut end = before.len();
            // skip a trailing `:` or `(` and spaces between the name and the error position
            while end > 0 && matches!(before[end - 1], ':' | '(' | ' ') {
                end -= 1;
            }
            before[..end].ends_with(&name).then(|| end - name.len())
        }
        RonError::Message(_) if before.last() == Some(&'"') => {
            // a string value rejected by its parser (e.g. a date): point at its opening quote
            let inner = &before[..before.len() - 1];
            inner.iter().rposition(|&c| c == '"')
        }
        _ => None,
    };
    back.map_or(at, |i| Position {
        line: at.line,
        col: i + 1,
    })
}

/// Turns a RON error into a message with a hint.
fn explain(error: &SpannedError) -> String {
    match &error.code {
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let within = outer.as_deref().unwrap_or("this struct");
            format!(
                "unknown field `{found}` in {within}{}; expected one of: {}",
                did_you_mean(found, expected),
                expected.join(", ")
            )
        }
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let within = outer.as_deref().unwrap_or("this value");
            format!(
                "unknown {within} `{found}`{}; expected one of: {}",
                did_you_mean(found, expected),
                expected.join(", ")
            )
        }
        RonError::MissingStructField { field, outer } => format!(
            "missing field `{field}` in {}; add `{field}: …`",
            outer.as_deref().unwrap_or("this struct")
        ),
        RonError::DuplicateStructField { field, outer } => format!(
            "field `{field}` appears twice in {}; keep one",
            outer.as_deref().unwrap_or("this struct")
        ),
        RonError::Eof | RonError::ExpectedStringEnd | RonError::UnclosedBlockComment => {
            "the file ends too early: a bracket, string or comment is not closed".into()
        }
        RonError::ExpectedComma => {
            "expected `,` here: is a comma missing at the end of the previous field or item?".into()
        }
        RonError::ExceededRecursionLimit => {
            format!("brackets nest deeper than {} levels", MAX_DEPTH * 2)
        }
        other => other.to_string(),
    }
}

/// ` (did you mean `x`?)` when one of `candidates` is close to `found`, else empty.
#[must_use]
pub fn did_you_mean<S: AsRef<str>>(found: &str, candidates: &[S]) -> String {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(found, c.as_ref()), c.as_ref()))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            did_you_mean("titel", &["title", "summary"]),
            " (did you mean `title`?)"
        );
        assert_eq!(did_you_mean("zzz", &["title", "summary"]), "");
    }
}
