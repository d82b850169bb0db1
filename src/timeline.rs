//! The timeline layer: the loaded, validated whole (the store, its replayed history, the lookup
//! indexes) between the data and its users, with loading and the validated-store cache.

pub mod cache;
pub mod resolve;

use std::collections::HashMap;
use std::path::Path as FsPath;

use sha2::{Digest, Sha256};

use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Error;
use crate::org::replay::{History, replay};
use crate::store::model::{Event, Person, Source, Store, Unit};
use crate::store::{load, validate};

/// A loaded, validated store: events in date order, indexed by id, with its replayed history.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// The store, with events sorted by date (ties keep file order).
    pub store: Store,
    /// The replay of every effect: tenures, unit lives, changes.
    pub history: History,
    /// The file name shown in messages (`timeline.ron` for the bundled store).
    pub name: String,
    /// SHA-256 of the store's text, in hex: identifies exactly which store an export came from.
    pub hash: String,
    /// Warnings found while validating (the store loaded despite them).
    pub warnings: Vec<Diagnostic>,
    people: HashMap<String, usize>,
    units: HashMap<String, usize>,
    sources: HashMap<String, usize>,
    events: HashMap<String, usize>,
}

/// Parses and validates `text`; every problem found is returned, located in `name`.
///
/// # Errors
/// [`Error::Store`] with the syntax error, or every semantic error (warnings included after them).
pub fn load_str(name: &str, text: &str) -> Result<Timeline, Error> {
    // A large store is hashed on a second thread while it is parsed and validated.
    let (checked, hash) = if text.len() < PARALLEL_HASH_BYTES {
        (check(name, text), hash_of(text))
    } else {
        std::thread::scope(|scope| {
            let hashing = scope.spawn(|| hash_of(text));
            let checked = check(name, text);
            // Invariant: hashing cannot panic, so joining cannot fail; hash again if it did.
            (checked, hashing.join().unwrap_or_else(|_| hash_of(text)))
        })
    };
    let (mut store, history, diagnostics) = checked?;
    store.events.sort_by_key(|e| e.date);
    Ok(assemble(name, hash, store, history, diagnostics))
}

/// A [`Timeline`] from its parts (events already in date order): builds the lookup indexes.
fn assemble(
    name: &str,
    hash: String,
    store: Store,
    history: History,
    warnings: Vec<Diagnostic>,
) -> Timeline {
    let index = |ids: Vec<&String>| -> HashMap<String, usize> {
        ids.into_iter()
            .enumerate()
            .map(|(i, id)| (id.clone(), i))
            .collect()
    };
    Timeline {
        people: index(store.people.iter().map(|p| &p.id).collect()),
        units: index(store.units.iter().map(|u| &u.id).collect()),
        sources: index(store.sources.iter().map(|s| &s.id).collect()),
        events: index(store.events.iter().map(|e| &e.id).collect()),
        hash,
        name: name.to_string(),
        warnings,
        history,
        store,
    }
}

/// Texts at least this long (1 MiB) are hashed on a second thread.
const PARALLEL_HASH_BYTES: usize = 1 << 20;

/// Parses, replays and validates `text`: the store, its history and the warnings, or every error.
fn check(name: &str, text: &str) -> Result<(Store, History, Vec<Diagnostic>), Error> {
    let store = load::parse(name, text).map_err(|d| Error::Store(vec![d]))?;
    let history = replay(&store);
    let diagnostics = validate::validate(name, text, &store, &history);
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return Err(Error::Store(diagnostics));
    }
    Ok((store, history, diagnostics))
}

/// SHA-256 of `text`, in hex.
fn hash_of(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
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
    let text = load::read_text(path)?;
    let name = path.display().to_string();
    let Some(key) = cache_dir.and_then(|dir| cache::locate(dir, &text)) else {
        return Ok((load_str(&name, &text)?, cache::Outcome::Off));
    };
    if let Some(entry) = cache::read(&key) {
        // Warnings name the file they were found in: the same bytes may now have another path.
        let mut warnings = entry.warnings;
        for w in &mut warnings {
            w.file.clone_from(&name);
        }
        let timeline = assemble(&name, entry.hash, entry.store, entry.history, warnings);
        return Ok((timeline, cache::Outcome::Hit));
    }
    let timeline = load_str(&name, &text)?;
    let entry = cache::EntryRef {
        hash: &timeline.hash,
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

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Timeline {
    /// The person with this id.
    #[must_use]
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.get(id).map(|&i| &self.store.people[i])
    }

    /// The unit with this id.
    #[must_use]
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.get(id).map(|&i| &self.store.units[i])
    }

    /// The source with this id.
    #[must_use]
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.get(id).map(|&i| &self.store.sources[i])
    }

    /// The event with this id.
    #[must_use]
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.event_index(id).map(|i| &self.store.events[i])
    }

    /// The position of the event with this id in date order.
    #[must_use]
    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.events.get(id).copied()
    }

    /// A person's display name with the Chinese name when known: `Gao Xiaosong (高晓松)`.
    #[must_use]
    pub fn person_label(&self, id: &str) -> String {
        self.person(id).map_or_else(
            || id.to_string(),
            |p| with_zh(&p.name, p.name_zh.as_deref()),
        )
    }

    /// A unit's display name with the Chinese name when known: `Ali Music (阿里音乐)`.
    #[must_use]
    pub fn unit_label(&self, id: &str) -> String {
        self.unit(id).map_or_else(
            || id.to_string(),
            |u| with_zh(&u.name, u.name_zh.as_deref()),
        )
    }
}

fn with_zh(name: &str, zh: Option<&str>) -> String {
    match zh {
        Some(zh) => format!("{name} ({zh})"),
        None => name.to_string(),
    }
}
