//! The timeline layer: the loaded, validated whole (the store, its ids, its replayed history)
//! between the data and its users, with loading, the validated-store cache, and the answers the
//! front ends ask of it.

mod answers;
pub mod cache;
mod eras;
pub mod history;
pub mod index;
pub mod replay;
pub mod resolve;
mod searchable;
mod store_hash;
mod unit_starts;

pub use answers::{DateSpan, Entity};
pub use eras::EraSpan;
pub use searchable::Searchable;

use std::path::Path as FsPath;
use std::sync::Arc;

use self::history::History;
use self::replay::replay_with;
use self::store_hash::{StoreHash, hash_of};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Error;
use crate::store::ids::Ids;
use crate::store::locate::Path;
use crate::store::model::{Event, Store};
use crate::store::starts::UnitStarts;
use crate::store::validate::Report;
use crate::store::{load, validate};

/// A loaded, validated store: events in date order, its ids, and its replayed history.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// The store, with events sorted by date (ties keep file order).
    pub store: Store,
    /// The replay of every effect: tenures, unit lives, changes.
    pub history: History,
    /// The file name shown in messages (`timeline.ron` for the bundled store).
    pub name: String,
    /// SHA-256 of the store's text (see [`Timeline::hash`]).
    hash: StoreHash,
    /// Warnings found while validating (the store loaded despite them).
    pub warnings: Vec<Diagnostic>,
    /// Every id, mapped to its typed index (events by their place in date order).
    ids: Ids,
    /// Each event's people and units as positions, for searching; built on first use.
    refs: std::sync::OnceLock<searchable::Refs>,
}

/// Parses and validates `text`; every problem found is returned, located in `name`.
///
/// # Errors
/// [`Error::Store`] with the syntax error, or every semantic error (warnings included after them).
pub fn load_str(name: &str, text: &str) -> Result<Timeline, Error> {
    let store = load::parse(name, text).map_err(|d| Error::Store(vec![d]))?;
    // A large store is hashed on a second thread while it is checked: a parse of one uses both
    // cores already, and most of the checks use one.
    let (checked, hash) = if text.len() < PARALLEL_HASH_BYTES {
        (check(name, text, store), hash_of(text))
    } else {
        std::thread::scope(|scope| {
            let hashing = scope.spawn(|| hash_of(text));
            let checked = check(name, text, store);
            // Invariant: hashing cannot panic, so joining cannot fail; hash again if it did.
            (checked, hashing.join().unwrap_or_else(|_| hash_of(text)))
        })
    };
    let (store, ids, history, diagnostics) = checked?;
    Ok(assemble(
        name,
        StoreHash::Known(hash),
        store,
        ids,
        history,
        diagnostics,
    ))
}

/// As [`load_str`], for a store loaded to be searched: its SHA-256 is taken from `text` only if
/// it is asked for.
fn load_to_search(name: &str, text: &Arc<String>) -> Result<Timeline, Error> {
    let store = load::parse(name, text).map_err(|d| Error::Store(vec![d]))?;
    let (store, ids, history, diagnostics) = check(name, text, store)?;
    let hash = StoreHash::deferred(Arc::clone(text));
    Ok(assemble(name, hash, store, ids, history, diagnostics))
}

impl Timeline {
    /// SHA-256 of the store's text, in hex: identifies exactly which store an export came from.
    #[must_use]
    pub fn hash(&self) -> &str {
        self.hash.hex()
    }
}

/// A [`Timeline`] from its parts (events already in date order).
fn assemble(
    name: &str,
    hash: StoreHash,
    store: Store,
    ids: Ids,
    history: History,
    warnings: Vec<Diagnostic>,
) -> Timeline {
    Timeline {
        ids,
        hash,
        name: name.to_string(),
        warnings,
        history,
        store,
        refs: searchable::no_refs(),
    }
}

/// Texts at least this long (1 MiB) are hashed on a second thread.
const PARALLEL_HASH_BYTES: usize = 1 << 20;

/// What a check of a store text finds: the store in date order, its ids, its history, and
/// the warnings.
type Checked = (Store, Ids, History, Vec<Diagnostic>);

/// Checks, orders by date and replays `store`, parsed from `text`: the store and what was found,
/// or every error.
fn check(name: &str, text: &str, mut store: Store) -> Result<Checked, Error> {
    let mut ids = Ids::new(&store);
    // Unit indices do not change when the events are put in date order: one answer serves the
    // reference checks, the replay and the check of names made too early.
    let starts = UnitStarts::new(&store, &ids);
    let mut report = validate::references(&store, &ids, &starts);
    let written = into_date_order(&mut store);
    ids.reorder_events(&written);
    let history = replay_with(&store, &ids, &starts);
    add_replay_issues(&mut report, &store, &history, &written);
    unit_starts::add_early_names(&mut report, &store, &ids, &history, &starts, &written);
    let diagnostics = report.locate(name, text);
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return Err(Error::Store(diagnostics));
    }
    Ok((store, ids, history, diagnostics))
}

/// Sorts the events of `store` by date (ties keep file order); returns where each came from:
/// `written[i]` is the position in the file of the event now at `i`.
fn into_date_order(store: &mut Store) -> Vec<usize> {
    let mut tagged: Vec<(usize, Event)> = std::mem::take(&mut store.events)
        .into_iter()
        .enumerate()
        .collect();
    tagged.sort_by_key(|(_, e)| e.date);
    let (written, events) = tagged.into_iter().unzip();
    store.events = events;
    written
}

/// Adds the problems the replay found to `report`, each at its effect in the file (`written`
/// maps the store's date order back to the file's order).
fn add_replay_issues(report: &mut Report, store: &Store, history: &History, written: &[usize]) {
    for (issues, severity) in [
        (&history.errors, Severity::Error),
        (&history.warnings, Severity::Warning),
    ] {
        for issue in issues {
            let path = Path::root()
                .field("events")
                .index(written[issue.event.index()])
                .field("effects")
                .index(issue.effect);
            let id = &store.events[issue.event.index()].id;
            report.add(
                severity,
                path,
                format!("in event `{id}`: {}", issue.message),
            );
        }
    }
}

/// Loads a store file from disk (see [`load::read_text`] for the checks made first), through the
/// validated-store cache in its usual place ([`cache::dir`]; see [`load_file_cached`]).
///
/// # Errors
/// File errors, syntax errors and validation errors, each located.
pub fn load_file(path: &FsPath) -> Result<Timeline, Error> {
    load_file_cached(path, cache::dir().as_deref()).map(|(timeline, _)| timeline)
}

/// Loads a store file from disk through the validated-store cache in `cache_dir` (none: no cache),
/// and says what the cache did. A store of at least [`cache::MIN_BYTES`] is taken from its entry
/// when one exists for exactly its bytes; otherwise it is parsed and validated, and an entry
/// written after a successful load. Any cache problem falls back to parsing, silently.
///
/// # Errors
/// File errors, syntax errors and validation errors, each located.
pub fn load_file_cached(
    path: &FsPath,
    cache_dir: Option<&FsPath>,
) -> Result<(Timeline, cache::Outcome), Error> {
    // A store file unchanged since it was stamped is taken from its entry without being read.
    if let Some(dir) = cache_dir {
        let key = index::StoreKey::of_file_stamped(path, dir)
            .and_then(|key| cache::locate_hashed(dir, usize::try_from(key.len).ok()?, key.hash));
        if let Some(entry) = key.as_ref().and_then(cache::read) {
            return Ok((from_entry(path, entry), cache::Outcome::Hit));
        }
    }
    let text = load::read_text(path)?;
    let key = cache_dir.and_then(|dir| cache::locate(dir, &text));
    load_text_cached(path, &text, key)
}

/// The timeline in a cache entry read for the store file at `path`.
fn from_entry(path: &FsPath, entry: cache::Entry) -> Timeline {
    let name = path.display().to_string();
    // Warnings name the file they were found in: the same bytes may now have another path.
    let mut warnings = entry.warnings;
    for w in &mut warnings {
        w.file.clone_from(&name);
    }
    let ids = Ids::new(&entry.store);
    let hash = StoreHash::Known(entry.hash);
    assemble(&name, hash, entry.store, ids, entry.history, warnings)
}

/// As [`load_file_cached`], for the `text` already read from `path`, whose entry is `key` (none:
/// no cache).
fn load_text_cached(
    path: &FsPath,
    text: &str,
    key: Option<cache::Key>,
) -> Result<(Timeline, cache::Outcome), Error> {
    let name = path.display().to_string();
    let Some(key) = key else {
        return Ok((load_str(&name, text)?, cache::Outcome::Off));
    };
    if let Some(entry) = cache::read(&key) {
        return Ok((from_entry(path, entry), cache::Outcome::Hit));
    }
    let timeline = load_str(&name, text)?;
    let entry = cache::EntryRef {
        hash: timeline.hash(),
        store: &timeline.store,
        history: &timeline.history,
        warnings: &timeline.warnings,
    };
    let outcome = if cache::write(&key, &entry) {
        cache::Outcome::Stored
    } else {
        cache::Outcome::NotStored
    };
    Ok((timeline, outcome))
}

/// The store `text` read from `path`, loaded to be searched: from its cache entry `key` when there
/// is one (none is written: a search writes its [`index`] instead), with its SHA-256 taken only
/// if asked for.
fn load_text_to_search(
    path: &FsPath,
    text: &Arc<String>,
    key: Option<cache::Key>,
) -> Result<Timeline, Error> {
    if let Some(entry) = key.as_ref().and_then(cache::read) {
        return Ok(from_entry(path, entry));
    }
    load_to_search(&path.display().to_string(), text)
}

/// Loads the store bundled into the binary.
///
/// # Errors
/// Only if the bundled store is broken (its own tests forbid that).
pub fn load_bundled() -> Result<Timeline, Error> {
    load_str(load::BUNDLED_NAME, load::BUNDLED)
}

/// Loads `path` when given, else the bundled store.
///
/// # Errors
/// As [`load_file`].
pub fn load(path: Option<&FsPath>) -> Result<Timeline, Error> {
    path.map_or_else(load_bundled, load_file)
}
