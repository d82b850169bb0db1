//! CSV (RFC 4180): a header row, then one row per event, CRLF line ends, UTF-8 without BOM.
//!
//! Columns: `id, date, end, precision, kind, title, summary, people, units, tags, sources`. Lists
//! are joined with `; `; a source is its citation followed by its URL in angle brackets.
//!
//! A cell a spreadsheet would run as a formula (one starting, after any spaces, with `=`, `+`,
//! `-`, `@` or their full-width forms, or starting with a tab or carriage return) is prefixed
//! with `'`, as OWASP recommends. Hidden characters are shown as `<U+XXXX>`.

use std::io::{self, Write};

use ::csv::{Terminator, WriterBuilder};

use super::Selection;
use super::escape::visible;
use crate::store::model::Event;

/// The header row.
pub const HEADER: [&str; 12] = [
    "id",
    "date",
    "end",
    "precision",
    "kind",
    "title",
    "summary",
    "people",
    "units",
    "tags",
    "sources",
    "changes",
];

/// Writes the selection as CSV.
///
/// # Errors
/// A failed write.
pub fn write<W: Write>(sel: &Selection, out: &mut W) -> io::Result<()> {
    let mut csv = WriterBuilder::new()
        .terminator(Terminator::CRLF)
        .from_writer(out);
    csv.write_record(HEADER).map_err(io_error)?;
    for event in sel.events() {
        csv.write_record(row(sel, event).iter().map(|cell| cell_text(cell)))
            .map_err(io_error)?;
    }
    csv.flush()
}

/// The I/O error inside a csv error, so its kind (a full disk, a closed pipe) is not lost.
fn io_error(err: ::csv::Error) -> io::Error {
    match err.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

fn row(sel: &Selection, event: &Event) -> [String; 12] {
    let sources: Vec<String> = sel
        .sources(event)
        .into_iter()
        .map(|s| match &s.url {
            Some(url) => format!("{} <{url}>", s.citation()),
            None => s.citation(),
        })
        .collect();
    [
        event.id.clone(),
        event.date.to_string(),
        event.end.map(|e| e.to_string()).unwrap_or_default(),
        event.date.precision().as_str().to_string(),
        event.kind.as_str().to_string(),
        event.title.clone(),
        event.summary.clone(),
        sel.people(event).join("; "),
        sel.units(event).join("; "),
        event.tags.join("; "),
        sources.join("; "),
        sel.changes(event).join("; "),
    ]
}

/// A cell as written: hidden characters made visible, formulas neutralised.
#[must_use]
pub fn cell_text(text: &str) -> String {
    let text = visible(text);
    let trigger = |c: char| matches!(c, '=' | '+' | '-' | '@' | '＝' | '＋' | '－' | '＠');
    let formula =
        text.starts_with(['\t', '\r']) || text.trim_start().chars().next().is_some_and(trigger);
    if formula {
        format!("'{text}")
    } else {
        text.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_plain_text_kept() {
        assert_eq!(cell_text("=1+1"), "'=1+1");
        assert_eq!(cell_text("  @SUM(A1)"), "'  @SUM(A1)");
        assert_eq!(cell_text("\t=x"), "'\t=x");
        assert_eq!(cell_text("－1"), "'－1");
        assert_eq!(cell_text("a=1"), "a=1");
        assert_eq!(cell_text("高晓松"), "高晓松");
        assert_eq!(cell_text("\u{1b}=x"), "<U+001B>=x");
    }
}
