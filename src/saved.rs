//! Saved queries: names for queries of the query language, kept in `queries.toml` in the user's
//! config folder (`$XDG_CONFIG_HOME/ali-timeline/`, see [`crate::config::dirs`]), shared by the
//! command line (`saved`, `--saved NAME`) and the terminal app.
//!
//! The file is read with every position known ([`file`]): a damaged or hand-edited file gives
//! ONE located problem (`FILE:LINE:COL`, what to do), the entries that could be read stay usable,
//! and nothing is written to the file until it is fixed, so nothing the user wrote is lost.
//! Writes are atomic (a temporary file moved into place), and create the folder when needed.

mod file;

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::query::{Query, QueryError};
use crate::store::load::did_you_mean;

/// The file's name in the config folder.
pub const FILE_NAME: &str = "queries.toml";

/// The longest name, in characters.
pub const NAME_MAX: usize = 64;

/// One saved query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedQuery {
    /// Its name.
    pub name: String,
    /// The query, as the query language writes it (well formed).
    pub query: String,
}

/// What is wrong with the saved-queries file: one line, located where it can be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file is there but its text has a problem, at this place.
    Damaged(Diagnostic),
    /// The file is there but could not be read (why, naming the file).
    Unreadable(String),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Damaged(diagnostic) => diagnostic.fmt(f),
            Problem::Unreadable(why) => f.write_str(why),
        }
    }
}

/// Why a saved query could not be used, added or removed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SavedError {
    /// No query has this name.
    #[error("no saved query named `{name}`{hint}")]
    Unknown {
        /// The name asked for.
        name: String,
        /// ` (did you mean `…`?)`, or nothing.
        hint: String,
    },
    /// A query has this name already (and was kept).
    #[error("a query named `{0}` is saved already and was kept")]
    Exists(String),
    /// The name cannot be used.
    #[error("`{name}` cannot name a saved query: {why}")]
    BadName {
        /// The name given.
        name: String,
        /// What is wrong with it.
        why: &'static str,
    },
    /// The query does not parse.
    #[error("{}", .source.pointing(.query))]
    BadQuery {
        /// The query given.
        query: String,
        /// What is wrong, and where.
        #[source]
        source: QueryError,
    },
    /// The file has a problem: it is left as it is until fixed.
    #[error("{0}")]
    Damaged(Problem),
    /// No config folder is known.
    #[error("no place for saved queries: set HOME or XDG_CONFIG_HOME")]
    NoPlace,
    /// The file could not be written (one line: the file or folder, and why).
    #[error("{0}")]
    Write(String),
}

/// The saved queries, where they are kept, and what was wrong with the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SavedQueries {
    /// The file; `None` when no config folder is known.
    pub path: Option<PathBuf>,
    /// The queries, in the file's order.
    pub entries: Vec<SavedQuery>,
    /// What was wrong with the file; while there is a problem, nothing is written to it.
    pub problem: Option<Problem>,
}

/// The saved-queries file in the config folder of the process's environment.
#[must_use]
pub fn path() -> Option<PathBuf> {
    crate::config::dirs::config_dir().map(|dir| dir.join(FILE_NAME))
}

/// The saved queries in the file at `path` (none when there is no file or no path).
#[must_use]
pub fn load(path: Option<PathBuf>) -> SavedQueries {
    let (entries, problem) = match &path {
        Some(path) => file::read(path),
        None => (Vec::new(), None),
    };
    SavedQueries {
        path,
        entries,
        problem,
    }
}

/// Whether `name` can name a saved query: why not, if it cannot.
///
/// # Errors
/// [`SavedError::BadName`].
pub fn check_name(name: &str) -> Result<(), SavedError> {
    let bad = |why| {
        Err(SavedError::BadName {
            name: crate::text::sanitize(name),
            why,
        })
    };
    if name.trim().is_empty() {
        return bad("it is empty");
    }
    if name.trim() != name {
        return bad("it starts or ends with a space");
    }
    if name.chars().any(crate::text::is_unsafe) {
        return bad("it holds a control or invisible character");
    }
    if name.chars().count() > NAME_MAX {
        return bad("it is longer than 64 characters");
    }
    Ok(())
}

/// `query` if it parses.
///
/// # Errors
/// [`SavedError::BadQuery`], with the column.
pub fn check_query(query: &str) -> Result<(), SavedError> {
    Query::parse(query)
        .map(drop)
        .map_err(|source| SavedError::BadQuery {
            query: query.to_string(),
            source,
        })
}

impl SavedQueries {
    /// The query named `name`.
    ///
    /// # Errors
    /// [`SavedError::Unknown`] with a did-you-mean; when the file has a problem, that problem
    /// instead (the query may be in the part that could not be read).
    pub fn get(&self, name: &str) -> Result<&SavedQuery, SavedError> {
        if let Some(found) = self.entries.iter().find(|q| q.name == name) {
            return Ok(found);
        }
        if let Some(problem) = &self.problem {
            return Err(SavedError::Damaged(problem.clone()));
        }
        let names: Vec<&str> = self.entries.iter().map(|q| q.name.as_str()).collect();
        Err(SavedError::Unknown {
            name: crate::text::sanitize(name),
            hint: did_you_mean(name, &names),
        })
    }

    /// Saves `query` as `name` and writes the file; with `replace`, over a query of that name.
    /// The list is left as it was when the file cannot be written.
    ///
    /// # Errors
    /// A bad name or query, a name in use (without `replace`), a file with a problem, or a
    /// failed write.
    pub fn add(&mut self, name: &str, query: &str, replace: bool) -> Result<(), SavedError> {
        let entries = self.with_added(name, query, replace)?;
        self.write(entries)
    }

    /// Removes the query named `name` and writes the file; returns it. The list is left as it
    /// was when the file cannot be written.
    ///
    /// # Errors
    /// An unknown name (with a did-you-mean), a file with a problem, or a failed write.
    pub fn remove(&mut self, name: &str) -> Result<SavedQuery, SavedError> {
        let found = self.get(name)?.clone();
        let entries = self.without(name)?;
        self.write(entries)?;
        Ok(found)
    }

    /// The list with `query` saved as `name` (over a query of that name with `replace`), for a
    /// file that may be written; nothing is written.
    ///
    /// # Errors
    /// A bad name or query, a name in use (without `replace`), or a file that may not be written.
    pub fn with_added(
        &self,
        name: &str,
        query: &str,
        replace: bool,
    ) -> Result<Vec<SavedQuery>, SavedError> {
        check_name(name)?;
        check_query(query)?;
        self.writable()?;
        let mut entries = self.entries.clone();
        let saved = SavedQuery {
            name: name.to_string(),
            query: query.to_string(),
        };
        match entries.iter_mut().find(|q| q.name == name) {
            Some(_) if !replace => return Err(SavedError::Exists(name.to_string())),
            Some(old) => *old = saved,
            None => entries.push(saved),
        }
        Ok(entries)
    }

    /// The list without the query named `name`, for a file that may be written; nothing is
    /// written.
    ///
    /// # Errors
    /// An unknown name, or a file that may not be written.
    pub fn without(&self, name: &str) -> Result<Vec<SavedQuery>, SavedError> {
        self.get(name)?;
        self.writable()?;
        Ok(self
            .entries
            .iter()
            .filter(|q| q.name != name)
            .cloned()
            .collect())
    }

    /// The file, when it may be written: it has no problem, and a place is known.
    ///
    /// # Errors
    /// The file's problem, or no known place.
    pub fn writable(&self) -> Result<&Path, SavedError> {
        if let Some(problem) = &self.problem {
            return Err(SavedError::Damaged(problem.clone()));
        }
        self.path.as_deref().ok_or(SavedError::NoPlace)
    }

    /// Writes `entries` as the file, then keeps them.
    fn write(&mut self, entries: Vec<SavedQuery>) -> Result<(), SavedError> {
        write(self.writable()?, &entries)?;
        self.entries = entries;
        Ok(())
    }

    /// The file, for messages.
    #[must_use]
    pub fn shown_path(&self) -> String {
        self.path.as_deref().map_or_else(String::new, |p| {
            crate::text::sanitize(&p.display().to_string())
        })
    }
}

/// Writes `entries` as the saved-queries file at `path`, atomically, creating its folder.
///
/// # Errors
/// [`SavedError::Write`]: one line naming the file or folder, and why.
pub fn write(path: &Path, entries: &[SavedQuery]) -> Result<(), SavedError> {
    file::write(path, entries)
}

/// The folder of the file at `path`, for messages.
fn folder(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new("."))
}
