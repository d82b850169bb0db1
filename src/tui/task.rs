//! Tasks at the edge (side effects as data): what [`crate::tui::update::update`] asks the run
//! loop to do outside the state, and carrying it out.
//!
//! The update stays a pure function of state and action (so it is tested without a terminal or
//! a file system); when an action needs the outside world — writing an export — the update
//! returns a [`Task`] and the run loop calls [`run`], which performs it and feeds what came of
//! it back through [`crate::tui::update::finished`]. Actions are small `Copy` values taken from
//! the key table, so results come back as a [`TaskOutcome`] rather than an action.
//!
//! The store is only read: an export writes a new file and never changes the timeline.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Existing};
use crate::export::{self, Selection};
use crate::query::Query;
use crate::saved::{self, SavedQueries, SavedQuery};
use crate::timeline::Timeline;
use crate::tui::app::App;
use crate::tui::export_dialog::{ExportOutcome, ExportRequest};
use crate::tui::saved_picker::SavedChange;
use crate::tui::search_history;
use crate::tui::searcher::{self, Searched};
use crate::tui::update;

/// Something the update asks the run loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Task {
    /// Write an export file.
    Export(ExportRequest),
    /// Search for a query typed in the search overlay (the run loop hands it to the background
    /// searcher; [`perform`] runs it on the spot).
    Search(Query),
    /// Read the search history file (the run loop asks at start).
    ReadHistory(PathBuf),
    /// Write the search history file.
    SaveHistory {
        /// The file.
        path: PathBuf,
        /// The queries, oldest first.
        entries: Vec<String>,
    },
    /// Read the saved queries (the run loop asks at start).
    ReadSaved(PathBuf),
    /// Write the saved queries.
    WriteSaved {
        /// The file.
        path: PathBuf,
        /// Every saved query, in order.
        entries: Vec<SavedQuery>,
        /// What the write is for.
        change: SavedChange,
    },
}

/// What came of a [`Task`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskOutcome {
    /// What came of an export.
    Export(ExportOutcome),
    /// The results of a search.
    Searched(Searched),
    /// The queries read from the search history file, or why it cannot be used.
    HistoryRead(Result<Vec<String>, String>),
    /// Whether the search history file was written, or why not.
    HistorySaved(Result<(), String>),
    /// The saved queries read, with the file's problem if it has one.
    SavedRead(SavedQueries),
    /// What came of writing the saved queries.
    SavedWritten {
        /// What the write was for.
        change: SavedChange,
        /// The saved queries written.
        entries: Vec<SavedQuery>,
        /// Whether they were written, or why not (one line).
        result: Result<(), String>,
    },
}

/// Performs `task` and applies its outcome to `app`: what the run loop does with a task.
pub fn run(app: &mut App<'_>, task: Task) {
    let outcome = perform(app.timeline, task);
    update::finished(app, outcome);
}

/// Performs `task` against the file system and says what came of it (never panics: every
/// failure is an outcome).
#[must_use]
pub fn perform(timeline: &Timeline, task: Task) -> TaskOutcome {
    match task {
        Task::Export(request) => TaskOutcome::Export(write_export(timeline, request)),
        Task::Search(query) => TaskOutcome::Searched(searcher::run(timeline, &query)),
        Task::ReadHistory(path) => TaskOutcome::HistoryRead(search_history::read(&path)),
        Task::SaveHistory { path, entries } => {
            TaskOutcome::HistorySaved(search_history::write(&path, &entries))
        }
        Task::ReadSaved(path) => TaskOutcome::SavedRead(saved::load(Some(path))),
        Task::WriteSaved {
            path,
            entries,
            change,
        } => TaskOutcome::SavedWritten {
            result: saved::write(&path, &entries).map_err(|e| e.to_string()),
            change,
            entries,
        },
    }
}

/// Writes the export asked for: atomically, never replacing anything without `force`, and
/// never a folder or special file.
fn write_export(timeline: &Timeline, request: ExportRequest) -> ExportOutcome {
    let path = match resolve(&request.path) {
        Ok(path) => path,
        Err(message) => return ExportOutcome::Failed(message),
    };
    if let Ok(meta) = fs::symlink_metadata(&path) {
        let kind = meta.file_type();
        if kind.is_dir() {
            return ExportOutcome::Failed(format!(
                "{}: is a folder; add a file name to the path",
                path.display()
            ));
        }
        if !kind.is_file() && !kind.is_symlink() {
            return ExportOutcome::Failed(format!(
                "{}: is not a regular file (a pipe, socket or device) and is never replaced; choose another path",
                path.display()
            ));
        }
        if !request.force {
            let link_to = fs::read_link(&path).ok();
            return ExportOutcome::Exists { path, link_to };
        }
    }
    let format = request.format;
    let selection = Selection::new(timeline, request.events, request.query);
    let leftovers = export::atomic::leftover_notes(&path);
    match export::write_file(format, &selection, &path, request.force) {
        Ok(()) => {
            let mut notes = export::notes(format, &selection);
            notes.extend(leftovers);
            ExportOutcome::Wrote {
                count: selection.len(),
                notes,
                path,
            }
        }
        // A file that appeared meanwhile is offered for replacing, like one found before.
        Err(Error::Exists { path, what }) => ExportOutcome::Exists {
            path,
            link_to: match what {
                Existing::Link(target) => Some(target),
                Existing::File | Existing::Appeared => None,
            },
        },
        Err(error) => ExportOutcome::Failed(error.to_string()),
    }
}

/// The absolute path for what was typed: `~` or `~/…` under `$HOME`, a relative path under the
/// current directory.
fn resolve(typed: &str) -> Result<PathBuf, String> {
    if typed.trim().is_empty() {
        return Err("no path: type a file name to write to".into());
    }
    if typed.ends_with('/') {
        return Err(format!("{typed}: ends with /; add a file name"));
    }
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty());
    let expanded = match (typed.strip_prefix('~'), home) {
        (Some(""), Some(home)) => PathBuf::from(home),
        (Some(rest), Some(home)) if rest.starts_with('/') => {
            Path::new(&home).join(rest.trim_start_matches('/'))
        }
        _ => PathBuf::from(typed),
    };
    std::path::absolute(&expanded)
        .map_err(|e| format!("{typed}: cannot tell where this is ({e}); type an absolute path"))
}
