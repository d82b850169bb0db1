//! What `ali-timeline search` reads for a store file: its index when one matches the store's
//! bytes, else the loaded store (and the index written for the next search, while this one runs).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use super::{Index, StoreKey};
use crate::error::Error;
use crate::store::load;
use crate::timeline::{Timeline, cache, load_file_cached, load_text_to_search};

/// The data a search runs on.
#[derive(Debug)]
pub enum ForSearch {
    /// The store's index: nothing was parsed.
    Index(Index),
    /// The loaded store (no cache, a small store, or no index yet), with the writing of its index
    /// when that is under way.
    Timeline(Arc<Timeline>, Option<Indexing>),
}

/// The index of a loaded store, built and written on a thread of its own while the search that
/// loaded the store runs, so that the next search finds it. Dropping it waits until the index is
/// written (or given up: a cache problem is never an error), so no search outlives its index.
#[derive(Debug)]
pub struct Indexing(Option<JoinHandle<()>>);

impl Indexing {
    /// Starts building the index of `timeline` and writing it in `dir` under `key` (the key of
    /// the text `timeline` was loaded from, so a store changed meanwhile never gets this index).
    /// When no thread can be started, the index is written before this returns.
    fn start(timeline: &Arc<Timeline>, dir: &Path, key: StoreKey) -> Indexing {
        let write = move |timeline: &Timeline, dir: &Path| {
            Index::write_for(timeline, dir, key);
        };
        let (shared, owned_dir): (Arc<Timeline>, PathBuf) = (Arc::clone(timeline), dir.into());
        let spawned = std::thread::Builder::new()
            .name("index".into())
            .spawn(move || write(&shared, &owned_dir));
        match spawned {
            Ok(handle) => Indexing(Some(handle)),
            Err(_) => {
                write(timeline, dir);
                Indexing(None)
            }
        }
    }
}

impl Drop for Indexing {
    fn drop(&mut self) {
        if let Some(handle) = self.0.take() {
            // A panic while indexing only means no index; the search has answered already.
            let _ = handle.join();
        }
    }
}

/// The data a search of the store at `path` runs on, with the cache directory `cache_dir`
/// (none: no cache and no index). A store of at least [`cache::MIN_BYTES`] is answered from its
/// index when one exists for exactly its bytes; otherwise it is loaded (from its cache entry when
/// there is one, but without writing one) and its index written while the search runs.
///
/// # Errors
/// As [`crate::timeline::load_file`]: file, syntax and validation errors, each located.
pub fn for_search(path: &Path, cache_dir: Option<&Path>) -> Result<ForSearch, Error> {
    let Some(dir) = cache_dir else {
        return Ok(loaded(load_file_cached(path, None)?.0));
    };
    let indexed = |key: StoreKey| {
        (key.len >= cache::MIN_BYTES as u64)
            .then(|| Index::read(dir, key))
            .flatten()
    };
    // A store unchanged since it was stamped is answered without being read.
    let stamped = StoreKey::of_stamp(path, dir);
    if let Some(index) = stamped.and_then(indexed) {
        return Ok(ForSearch::Index(index));
    }
    let Some(read) = StoreKey::read_and_stamp(path, dir, load::read_text) else {
        // Not a regular file (a pipe is read once, by the loader), or unreadable: the loader
        // says why.
        return Ok(loaded(load_file_cached(path, Some(dir))?.0));
    };
    let (text, key) = read?;
    // The stamp's key, when the text still has it, was looked for already.
    if stamped != Some(key)
        && let Some(index) = indexed(key)
    {
        return Ok(ForSearch::Index(index));
    }
    let len = usize::try_from(key.len).unwrap_or(usize::MAX);
    let entry = cache::locate_hashed(dir, len, key.hash);
    let text = Arc::new(text);
    let timeline = Arc::new(load_text_to_search(path, &text, entry)?);
    let indexing = (text.len() >= cache::MIN_BYTES).then(|| Indexing::start(&timeline, dir, key));
    Ok(ForSearch::Timeline(timeline, indexing))
}

/// A store loaded with no index to write.
fn loaded(timeline: Timeline) -> ForSearch {
    ForSearch::Timeline(Arc::new(timeline), None)
}
