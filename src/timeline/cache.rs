//! The validated-store cache: a large `--data` store, once loaded, is kept in a binary form in the
//! user's cache directory, so that the next load of the same bytes skips parsing and validation.
//!
//! Safe by construction (see `docs/cache.md`): an entry is found by a hash of the whole store text
//! (with the tool and format versions and the build), and is used only when its header repeats that text's length
//! and hash and a checksum of its payload matches. Any problem — no directory, a missing, stale,
//! truncated or corrupt entry, a full disk — makes the caller load the store the normal way.
//!
//! Nothing found at an entry's path is trusted: only a regular file of plausible size is read,
//! opened so that a symbolic link or a FIFO cannot make a load hang or read without end, and
//! anything else there is a miss (and removed). Temporary files of interrupted writes are removed
//! when stale.
//!
//! Environment: `ALI_TIMELINE_CACHE=off` turns the cache off; `ALI_TIMELINE_CACHE_DIR` sets its
//! directory (else `$XDG_CACHE_HOME/ali-timeline`, else `$HOME/.cache/ali-timeline`; a relative
//! `XDG_CACHE_HOME` or `HOME` is ignored).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::UNIX_EPOCH;

mod files;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

use crate::diagnostic::Diagnostic;
use crate::store::model::{Era, Event, Person, Source, Store, Unit};
use crate::timeline::history::History;
use files::{entry_bytes, prune};
pub(super) use files::{
    is_keyed_name, keyed_header, keyed_name, open_untrusted, prune_named, write_atomically,
    write_atomically_with,
};

/// Stores smaller than this (1 MiB) load fast enough without a cache and are never cached.
pub const MIN_BYTES: usize = 1 << 20;

/// The version of the entry layout; bump it whenever any cached type changes shape.
const FORMAT: u32 = 4;

/// The first bytes of every entry.
const MAGIC: &[u8; 8] = b"ALITLC\0\x01";

/// The most entries kept; the oldest are removed when a new one is written.
const KEEP: usize = 4;

/// What an entry holds: everything a load computes from the text except the lookup indexes.
pub(super) struct Entry {
    /// SHA-256 of the text, in hex (as [`super::Timeline::hash`]).
    pub hash: String,
    /// The store, events already in date order.
    pub store: Store,
    /// Its replayed history.
    pub history: History,
    /// The validator's warnings.
    pub warnings: Vec<Diagnostic>,
}

/// [`Entry`] borrowed, for writing without copying the store.
pub(super) struct EntryRef<'a> {
    pub hash: &'a str,
    pub store: &'a Store,
    pub history: &'a History,
    pub warnings: &'a [Diagnostic],
}

/// The first chunk of an entry: everything but the events.
#[derive(Deserialize)]
struct Head {
    hash: String,
    people: Vec<Person>,
    units: Vec<Unit>,
    sources: Vec<Source>,
    eras: Vec<Era>,
    history: History,
    warnings: Vec<Diagnostic>,
}

/// [`Head`] borrowed.
#[derive(Serialize)]
struct HeadRef<'a> {
    hash: &'a str,
    people: &'a [Person],
    units: &'a [Unit],
    sources: &'a [Source],
    eras: &'a [Era],
    history: &'a History,
    warnings: &'a [Diagnostic],
}

/// The events are written in this many chunks, decoded on as many threads.
const EVENT_CHUNKS: usize = 4;

/// The most chunks an entry may claim (a corrupt count is refused before anything is sliced).
const MAX_CHUNKS: usize = 64;

/// The directory entries live in, or `None` when the cache is turned off or no place is known.
#[must_use]
pub fn dir() -> Option<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if var("ALI_TIMELINE_CACHE").is_some_and(|v| v == "off" || v == "0") {
        return None;
    }
    if let Some(dir) = var("ALI_TIMELINE_CACHE_DIR") {
        return Some(PathBuf::from(dir));
    }
    let xdg = var("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let home = var("HOME").map(PathBuf::from).filter(|p| p.is_absolute());
    let base = xdg.or_else(|| home.map(|home| home.join(".cache")))?;
    Some(base.join("ali-timeline"))
}

/// The entry file a store with this text would be cached in under the cache [`dir`], or `None`
/// when it would not be cached (cache off, no cache directory, or a store under [`MIN_BYTES`]).
#[must_use]
pub fn path_for(text: &str) -> Option<PathBuf> {
    path_in(&dir()?, text)
}

/// The entry file a store with this text would be cached in under `dir`, or `None` for a store
/// under [`MIN_BYTES`] (or when the running executable cannot be identified). The name is the
/// text's 128-bit xxh3 hash, the tool and format versions and the build.
#[must_use]
pub fn path_in(dir: &Path, text: &str) -> Option<PathBuf> {
    locate(dir, text).map(|key| key.path)
}

/// Where the entry for one store text is, and what identifies that text.
pub(super) struct Key {
    /// The entry file.
    pub path: PathBuf,
    /// The text's 128-bit xxh3 hash.
    hash: u128,
    /// The text's length in bytes.
    len: usize,
}

/// The [`Key`] of `text` under `dir` (see [`path_in`]); hashes the text once.
pub(super) fn locate(dir: &Path, text: &str) -> Option<Key> {
    locate_hashed(dir, text.len(), xxh3_128(text.as_bytes()))
}

/// The [`Key`] under `dir` of a text of `len` bytes whose 128-bit xxh3 hash is `hash` (known
/// without reading the text: see [`super::index::stamp`]).
pub(super) fn locate_hashed(dir: &Path, len: usize, hash: u128) -> Option<Key> {
    if len < MIN_BYTES {
        return None;
    }
    let name = files::keyed_name(hash, &format!("f{FORMAT}"), "bin")?;
    Some(Key {
        path: dir.join(name),
        hash,
        len,
    })
}

/// Identifies the running executable (a hash of its path, size and modification time), so that
/// entries written by another build — whose parser or validator may differ even under the same
/// version number — are never read. `None` (no cache) when the executable cannot be examined.
pub(super) fn build_id() -> Option<u64> {
    static ID: OnceLock<Option<u64>> = OnceLock::new();
    *ID.get_or_init(|| {
        let exe = std::env::current_exe().ok()?;
        let meta = std::fs::metadata(&exe).ok()?;
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        let mut identity = exe.as_os_str().as_encoded_bytes().to_vec();
        identity.extend_from_slice(&meta.len().to_le_bytes());
        identity.extend_from_slice(&modified.as_nanos().to_le_bytes());
        Some(xxh3_64(&identity))
    })
}

/// What the cache did during one load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Not used: no cache directory, a store under [`MIN_BYTES`], or an executable that cannot
    /// be identified (see [`path_in`]).
    Off,
    /// The store came from its entry; nothing was parsed.
    Hit,
    /// No usable entry: the store was parsed and validated, and an entry written.
    Stored,
    /// No usable entry: the store was parsed and validated, but the entry could not be written.
    NotStored,
}

/// The fixed header of the entry for `key`: magic, versions, build, the text's length and hash.
fn header(key: &Key) -> Vec<u8> {
    files::keyed_header(MAGIC, FORMAT, key.len as u64, key.hash)
}

/// Reads the entry for `key`; `None` on any problem (the caller then parses).
///
/// After the header comes a directory (chunk count, then each chunk's length and checksum), the
/// [`Head`] chunk and the event chunks; the chunks are checked and decoded in parallel.
pub(super) fn read(key: &Key) -> Option<Entry> {
    let bytes = entry_bytes(key)?;
    let rest = bytes.strip_prefix(header(key).as_slice())?;
    let (count, mut rest) = rest.split_first_chunk::<4>()?;
    let count = usize::try_from(u32::from_le_bytes(*count)).ok()?;
    if count == 0 || count > MAX_CHUNKS {
        return None;
    }
    let mut directory = Vec::with_capacity(count);
    for _ in 0..count {
        let (len, after) = rest.split_first_chunk::<8>()?;
        let (sum, after) = after.split_first_chunk::<8>()?;
        directory.push((
            usize::try_from(u64::from_le_bytes(*len)).ok()?,
            u64::from_le_bytes(*sum),
        ));
        rest = after;
    }
    let mut chunks = Vec::with_capacity(count);
    for (len, sum) in directory {
        let (chunk, after) = rest.split_at_checked(len)?;
        chunks.push((chunk, sum));
        rest = after;
    }
    if !rest.is_empty() {
        return None;
    }
    let (head, parts) = std::thread::scope(|scope| {
        let workers: Vec<_> = chunks[1..]
            .iter()
            .map(|&chunk| {
                scope.spawn(move || {
                    checked(chunk).and_then(|c| rmp_serde::from_slice::<Vec<Event>>(c).ok())
                })
            })
            .collect();
        let head = checked(chunks[0]).and_then(|c| rmp_serde::from_slice::<Head>(c).ok());
        let parts: Vec<Option<Vec<Event>>> = workers
            .into_iter()
            .map(|w| w.join().ok().flatten())
            .collect();
        (head, parts)
    });
    let head = head?;
    let mut events = Vec::with_capacity(parts.iter().flatten().map(Vec::len).sum());
    for part in parts {
        events.extend(part?);
    }
    Some(Entry {
        hash: head.hash,
        store: Store {
            people: head.people,
            units: head.units,
            sources: head.sources,
            events,
            eras: head.eras,
        },
        history: head.history,
        warnings: head.warnings,
    })
}

/// The chunk when its checksum matches.
fn checked((chunk, sum): (&[u8], u64)) -> Option<&[u8]> {
    (xxh3_64(chunk) == sum).then_some(chunk)
}

/// Writes `entry` to `key`'s path atomically (a temporary file in the same directory,
/// renamed into place), then removes the oldest entries beyond [`KEEP`]. Failures are ignored:
/// the cache only ever saves time. Returns whether the entry was written.
pub(super) fn write(key: &Key, entry: &EntryRef<'_>) -> bool {
    let path = &key.path;
    let Some(dir) = path.parent() else {
        return false;
    };
    let store = entry.store;
    let head = HeadRef {
        hash: entry.hash,
        people: &store.people,
        units: &store.units,
        sources: &store.sources,
        eras: &store.eras,
        history: entry.history,
        warnings: entry.warnings,
    };
    let per_chunk = store.events.len().div_ceil(EVENT_CHUNKS).max(1);
    let chunks: Option<Vec<Vec<u8>>> = std::thread::scope(|scope| {
        let workers: Vec<_> = store
            .events
            .chunks(per_chunk)
            .map(|events| scope.spawn(move || rmp_serde::to_vec_named(events).ok()))
            .collect();
        let mut chunks = vec![rmp_serde::to_vec_named(&head).ok()];
        chunks.extend(workers.into_iter().map(|w| w.join().ok().flatten()));
        chunks.into_iter().collect()
    });
    let Some(chunks) = chunks else {
        return false;
    };
    let Ok(count) = u32::try_from(chunks.len()) else {
        return false;
    };
    let mut head = header(key);
    head.extend_from_slice(&count.to_le_bytes());
    for chunk in &chunks {
        head.extend_from_slice(&(chunk.len() as u64).to_le_bytes());
        head.extend_from_slice(&xxh3_64(chunk).to_le_bytes());
    }
    let parts: Vec<&[u8]> = std::iter::once(head.as_slice())
        .chain(chunks.iter().map(Vec::as_slice))
        .collect();
    let written = files::write_atomically(dir, path, &parts);
    if written.is_ok() {
        prune(dir, path);
    }
    written.is_ok()
}
