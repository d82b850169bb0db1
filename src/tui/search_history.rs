//! The search history: the queries searched for (Enter in the search box), newest last, recalled
//! in the search box with Alt-↑/↓ (or Alt-P/N) and kept across runs in the user's state folder
//! (`$XDG_STATE_HOME/ali-timeline/search-history`, see [`crate::config::dirs`]).
//!
//! Blank queries are dropped; a query used again moves to the end instead of being kept twice;
//! only the newest [`MAX_ENTRIES`] are kept. The file is one query per line, oldest first.
//!
//! The list is plain data. Reading and writing the file are side effects: the update asks for
//! them as [`crate::tui::task::Task`]s and the run loop performs them with [`read`] and
//! [`write`]. A file that could not be read is never written over: the history is then kept for
//! this run only, and the search box says why.

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::export::atomic;

/// The most queries kept.
pub const MAX_ENTRIES: usize = 200;

/// The file's name in the state folder.
pub const FILE_NAME: &str = "search-history";

/// The largest history file read (1 MiB): anything bigger is not ours, and is left alone.
const MAX_BYTES: u64 = 1024 * 1024;

/// The queries searched for, and where they are kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchHistory {
    /// The queries, oldest first, each once, none blank.
    entries: Vec<String>,
    /// The file they are kept in; `None` when they are not written anywhere (no state folder
    /// known, or the file could not be read or written).
    pub path: Option<PathBuf>,
    /// Why the history is not kept across runs, when it was meant to be (one line).
    pub problem: Option<String>,
}

impl SearchHistory {
    /// An empty history kept in the file at `path` (read it with a task before using it).
    #[must_use]
    pub fn at(path: Option<PathBuf>) -> Self {
        SearchHistory {
            path,
            ..SearchHistory::default()
        }
    }

    /// The queries, oldest first.
    #[must_use]
    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// Adds `query` as the newest (trimmed; a blank one is dropped, an earlier copy removed, the
    /// oldest dropped past [`MAX_ENTRIES`]); returns whether the list changed.
    pub fn push(&mut self, query: &str) -> bool {
        let query = query.trim();
        if query.is_empty() || query.contains(['\n', '\r']) {
            return false;
        }
        if self.entries.last().is_some_and(|last| last == query) {
            return false;
        }
        self.entries.retain(|e| e != query);
        self.entries.push(query.to_string());
        let over = self.entries.len().saturating_sub(MAX_ENTRIES);
        self.entries.drain(..over);
        true
    }

    /// Takes the queries read from the file, older than those of this run.
    pub fn loaded(&mut self, read: Vec<String>) {
        let ours = std::mem::take(&mut self.entries);
        for query in read.iter().chain(&ours) {
            self.push(query);
        }
    }

    /// Gives up keeping the history in its file, for `why` (it is kept for this run only).
    pub fn unkept(&mut self, why: String) {
        self.path = None;
        self.problem = Some(why);
    }
}

/// The queries in the history file at `path`: none when there is no file yet.
///
/// # Errors
/// One line saying why the file cannot be used (it is then left as it is).
pub fn read(path: &Path) -> Result<Vec<String>, String> {
    let shown = path.display();
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        // No file yet (its folder may be missing too: writing it will say why, if it cannot).
        Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => {
            return Ok(Vec::new());
        }
        Err(e) => return Err(format!("{shown}: cannot read the search history: {e}")),
    };
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return Err(format!(
            "{shown}: not a search history file (a folder, or over {MAX_BYTES} bytes); move it away to keep the history"
        ));
    }
    let bytes =
        std::fs::read(path).map_err(|e| format!("{shown}: cannot read the search history: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!("{shown}: the search history is not UTF-8 text; move it away to keep the history")
    })?;
    let mut history = SearchHistory::default();
    for line in text.lines() {
        history.push(line);
    }
    Ok(history.entries)
}

/// Writes `entries` to the history file at `path`, atomically, creating its folder.
///
/// # Errors
/// One line saying what could not be written.
pub fn write(path: &Path, entries: &[String]) -> Result<(), String> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|e| {
            format!(
                "{}: cannot create the folder for the search history: {e}",
                folder.display()
            )
        })?;
    }
    atomic::write_file(path, true, |out| {
        entries.iter().try_for_each(|e| writeln!(out, "{e}"))
    })
    .map_err(|e| format!("search history not saved: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_are_dropped_and_a_query_used_again_moves_to_the_end() {
        let mut h = SearchHistory::default();
        for q in ["gao", "  ", "kind:acq", "", " gao "] {
            h.push(q);
        }
        assert_eq!(h.entries(), ["kind:acq", "gao"]);
    }

    #[test]
    fn only_the_newest_are_kept() {
        let mut h = SearchHistory::default();
        for i in 0..MAX_ENTRIES + 5 {
            h.push(&format!("q{i}"));
        }
        assert_eq!(h.entries().len(), MAX_ENTRIES);
        assert_eq!(h.entries()[0], "q5");
    }

    #[test]
    fn what_was_read_goes_before_this_runs_queries() {
        let mut h = SearchHistory::default();
        h.push("new");
        h.loaded(vec!["old".into(), "new".into(), "older".into()]);
        assert_eq!(h.entries(), ["old", "older", "new"]);
    }
}
