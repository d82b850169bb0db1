//! What `ali-timeline search` reads for a store file: its index when one matches the store's
//! bytes, else the loaded store (and the index written for the next search).

use std::path::Path;

use super::{Index, StoreKey};
use crate::error::Error;
use crate::store::load;
use crate::timeline::{Timeline, cache, load_file_cached, load_text_cached};

/// The data a search runs on.
#[derive(Debug)]
pub enum ForSearch {
    /// The store's index: nothing was parsed.
    Index(Index),
    /// The loaded store (no cache, a small store, or no index yet), boxed: it is the larger.
    Timeline(Box<Timeline>),
}

/// The data a search of the store at `path` runs on, with the cache directory `cache_dir`
/// (none: no cache and no index). A store of at least [`cache::MIN_BYTES`] is answered from its
/// index when one exists for exactly its bytes; otherwise it is loaded (from its cache entry when
/// there is one, but without writing one) and its index written.
///
/// # Errors
/// As [`crate::timeline::load_file`]: file, syntax and validation errors, each located.
pub fn for_search(path: &Path, cache_dir: Option<&Path>) -> Result<ForSearch, Error> {
    let Some(dir) = cache_dir else {
        return Ok(ForSearch::Timeline(Box::new(
            load_file_cached(path, None)?.0,
        )));
    };
    let Some(key) = StoreKey::of_file_stamped(path, dir) else {
        // Not a regular file (a pipe is read once, by the loader), or unreadable: the loader
        // says why.
        return Ok(ForSearch::Timeline(Box::new(
            load_file_cached(path, Some(dir))?.0,
        )));
    };
    if key.len >= cache::MIN_BYTES as u64
        && let Some(index) = Index::read(dir, key)
    {
        return Ok(ForSearch::Index(index));
    }
    let text = load::read_text(path)?;
    let (timeline, _) = load_text_cached(path, &text, Some(dir), false)?;
    if text.len() >= cache::MIN_BYTES {
        // Keyed by the text just loaded, so a store changed meanwhile never gets this index.
        if let Some(index) = Index::build(&timeline) {
            index.write(dir, StoreKey::of_text(&text));
        }
    }
    Ok(ForSearch::Timeline(Box::new(timeline)))
}
