//! `ali-timeline export`: write the (filtered) timeline in one format, to stdout or atomically
//! to a file.

use std::io::{BufWriter, ErrorKind, Write};
use std::path::Path;

use crate::error::Error;
use crate::export::{self, Format, Selection, plural};
use crate::text::sanitize;
use crate::timeline::Timeline;

/// Exports the events matching `query` in `format`: to the file `output` (atomically; an existing
/// file or link is kept unless `force`), or to `out` when there is no `output` or it is `-`.
/// Says on `err` how many events went to the file, and any effect a RON subset had to drop.
///
/// # Errors
/// A malformed query, an existing output without `force`, an unwritable path, a full disk, or a
/// selection the format cannot hold; a failed write to `out` or `err`.
pub fn run(
    timeline: &Timeline,
    format: Format,
    query: Option<&str>,
    output: Option<&Path>,
    force: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<(), Error> {
    let selection = Selection::matching(timeline, query)?;
    match output.filter(|p| p.as_os_str() != "-") {
        None => {
            let mut buffered = BufWriter::new(out);
            let written =
                export::write(format, &selection, &mut buffered).and_then(|()| buffered.flush());
            match written {
                Err(e) if e.kind() == ErrorKind::InvalidInput => {
                    return Err(Error::Usage(e.to_string()));
                }
                other => other?,
            }
        }
        Some(path) => {
            let leftovers = export::atomic::leftover_notes(path);
            export::write_file(format, &selection, path, force)?;
            writeln!(
                err,
                "wrote {} to {}",
                plural(selection.len(), "event"),
                sanitize(&path.display().to_string())
            )?;
            for note in leftovers {
                writeln!(err, "note: {}", sanitize(&note))?;
            }
        }
    }
    for note in export::notes(format, &selection) {
        writeln!(err, "note: {}", sanitize(&note))?;
    }
    Ok(())
}
