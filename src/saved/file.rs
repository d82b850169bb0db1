//! The saved-queries file, `queries.toml`: read with the position of every key and value, so
//! that a problem is reported at its `FILE:LINE:COL`; written whole, atomically.
//!
//! ```toml
//! [queries]
//! "acquisitions-2016" = "kind:acq @2016"
//! ```

use std::io::{ErrorKind, Write};
use std::ops::Range;
use std::path::Path;

use toml::de::{DeTable, DeValue};

use super::{Problem, SavedError, SavedQuery, check_name, folder};
use crate::diagnostic::{Diagnostic, Severity};
use crate::export::atomic;
use crate::query::Query;
use crate::store::lex::position;

/// The largest file read (256 KiB): anything bigger is not a saved-queries file.
const MAX_BYTES: u64 = 256 * 1024;

/// What to do about a problem in the file, said after it.
const FIX: &str =
    "fix it or move the file away (it is kept as it is, and not written to until then)";

/// What is written before the queries.
const HEADER: &str = "\
# Saved queries of ali-timeline: \"name\" = \"query\", one a line, under [queries].
# `ali-timeline saved` lists them, `ali-timeline saved add NAME QUERY` and `saved rm NAME` change
# them, and so does the terminal app. A problem in a hand-edited file is reported with its line
# and column. Comments other than these lines are not kept when the file is written again.
";

/// The queries in the file at `path` (none when there is no file), and its first problem.
pub(super) fn read(path: &Path) -> (Vec<SavedQuery>, Option<Problem>) {
    let text = match read_text(path) {
        Ok(Some(text)) => text,
        Ok(None) => return (Vec::new(), None),
        Err(why) => return (Vec::new(), Some(Problem::Unreadable(why))),
    };
    let mut reader = Reader {
        path,
        text: &text,
        entries: Vec::new(),
        problem: None,
    };
    match DeTable::parse(&text) {
        Ok(table) => reader.walk(table.get_ref()),
        Err(e) => {
            let message = e.message().trim().to_string();
            reader.problem(
                &e.span().unwrap_or(0..0),
                format!("not valid TOML: {message}"),
            );
        }
    }
    (reader.entries, reader.problem)
}

/// The file's text; `None` when there is no file.
fn read_text(path: &Path) -> Result<Option<String>, String> {
    let shown = path.display();
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => {
            return Ok(None);
        }
        Err(e) => {
            return Err(format!(
                "{shown}: cannot read the saved queries: {e}; {FIX}"
            ));
        }
    };
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return Err(format!(
            "{shown}: not a saved-queries file (a folder, or over {MAX_BYTES} bytes); {FIX}"
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| format!("{shown}: cannot read the saved queries: {e}; {FIX}"))?;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| format!("{shown}: the saved queries are not UTF-8 text; {FIX}"))
}

/// A file being read: the entries found so far, and its first problem.
struct Reader<'a> {
    path: &'a Path,
    text: &'a str,
    entries: Vec<SavedQuery>,
    problem: Option<Problem>,
}

impl Reader<'_> {
    /// Keeps the first problem only: one message, where the file first goes wrong.
    fn problem(&mut self, span: &Range<usize>, message: String) {
        self.problem_at(span.start, message);
    }

    fn problem_at(&mut self, offset: usize, message: String) {
        if self.problem.is_some() {
            return;
        }
        self.problem = Some(Problem::Damaged(Diagnostic {
            file: self.path.display().to_string(),
            position: position(self.text, offset.min(self.text.len())),
            severity: Severity::Error,
            message: format!("{message}; {FIX}"),
        }));
    }

    fn walk(&mut self, table: &DeTable<'_>) {
        let mut keys: Vec<_> = table.iter().collect();
        keys.sort_by_key(|(key, _)| key.span().start);
        for (key, value) in keys {
            let name = key.get_ref().as_ref();
            match (name, value.get_ref()) {
                ("queries", DeValue::Table(queries)) => self.queries(queries),
                ("queries", _) => self.problem(
                    &value.span(),
                    "`queries` must be a table: a [queries] line, then \"name\" = \"query\" lines"
                        .into(),
                ),
                (other, _) => self.problem(
                    &key.span(),
                    format!(
                        "unknown key `{}`: the file holds a [queries] table of \"name\" = \"query\" lines",
                        crate::text::sanitize(other)
                    ),
                ),
            }
        }
    }

    fn queries(&mut self, table: &DeTable<'_>) {
        let mut entries: Vec<_> = table.iter().collect();
        entries.sort_by_key(|(key, _)| key.span().start);
        for (key, value) in entries {
            let name = key.get_ref().as_ref();
            if let Err(e) = check_name(name) {
                self.problem(&key.span(), e.to_string());
                continue;
            }
            let DeValue::String(query) = value.get_ref() else {
                self.problem(
                    &value.span(),
                    format!("the query named `{name}` must be text in quotes"),
                );
                continue;
            };
            match Query::parse(query) {
                Ok(_) => self.entries.push(SavedQuery {
                    name: name.to_string(),
                    query: query.to_string(),
                }),
                Err(e) => {
                    let at = self.column_in_string(&value.span(), e.column);
                    self.problem_at(at, format!("the query named `{name}`: {}", e.message));
                }
            }
        }
    }

    /// The byte offset of character `column` of the string written at `span`: exact for a
    /// one-line string without escapes, the string's start otherwise.
    fn column_in_string(&self, span: &Range<usize>, column: usize) -> usize {
        let raw = self.text.get(span.clone()).unwrap_or_default();
        let simple = raw.len() >= 2
            && !raw.contains('\\')
            && !raw.starts_with("\"\"\"")
            && !raw.starts_with("'''");
        if !simple {
            return span.start;
        }
        let inner = &raw[1..raw.len() - 1];
        let offset = inner
            .char_indices()
            .nth(column)
            .map_or(inner.len(), |(i, _)| i);
        span.start + 1 + offset
    }
}

/// Writes `entries` as the file at `path`, atomically, creating its folder.
pub(super) fn write(path: &Path, entries: &[SavedQuery]) -> Result<(), SavedError> {
    let dir = folder(path);
    std::fs::create_dir_all(dir).map_err(|e| {
        SavedError::Write(format!(
            "{}: cannot create the folder for saved queries: {e}; nothing was saved",
            dir.display()
        ))
    })?;
    atomic::write_file(path, true, |out| {
        out.write_all(HEADER.as_bytes())?;
        writeln!(out, "\n[queries]")?;
        for entry in entries {
            writeln!(out, "{} = {}", quoted(&entry.name), quoted(&entry.query))?;
        }
        Ok(())
    })
    .map_err(|e| SavedError::Write(format!("{e}; nothing was saved")))
}

/// `text` as a TOML basic string.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem_of(text: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("queries.toml");
        std::fs::write(&path, text).unwrap();
        let (_, problem) = read(&path);
        let shown = problem.map(|p| p.to_string()).unwrap_or_default();
        shown.replace(&path.display().to_string(), "FILE")
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/queries.toml");
        let entries = vec![
            SavedQuery {
                name: "acq 2016".into(),
                query: "kind:acq @2016".into(),
            },
            SavedQuery {
                name: "高晓松".into(),
                query: "'\"quoted\" \\ back".into(),
            },
        ];
        write(&path, &entries).unwrap();
        assert_eq!(read(&path), (entries, None));
    }

    #[test]
    fn each_problem_is_located() {
        let unknown_kind = Query::parse("gao kind:foo").unwrap_err().message;
        assert_eq!(
            problem_of("[queries]\na = \"kind:acq\"\nb = \"gao kind:foo\"\n"),
            format!("FILE:3:15: error: the query named `b`: {unknown_kind}; {FIX}")
        );
        assert!(
            problem_of("[queries]\na = 3\n")
                .starts_with("FILE:2:5: error: the query named `a` must be text")
        );
        assert!(problem_of("[queries\n").starts_with("FILE:1:9: error: not valid TOML"));
        assert!(problem_of("quries = 1\n").starts_with("FILE:1:1: error: unknown key `quries`"));
        assert!(
            problem_of("[queries]\n\" a\" = \"x\"\n")
                .starts_with("FILE:2:1: error: ` a` cannot name")
        );
    }
}
