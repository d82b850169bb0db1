//! What identifies a store's text — its length and 128-bit xxh3 hash, the cache's key — and how
//! it is found for a store file: from the file's [stamp](super::stamp) when the file has not been
//! written since, else by reading and hashing the file (and stamping it for next time).

use std::io::Read;
use std::path::Path;
use std::time::SystemTime;

use xxhash_rust::xxh3::Xxh3;

use super::stamp::{self, Look};
use crate::store::load::MAX_BYTES;
use crate::timeline::cache::MIN_BYTES;

/// Identifies one store's text: its length and 128-bit xxh3 hash (the cache's key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoreKey {
    /// The text's length in bytes (after a leading byte-order mark, as loading reads it).
    pub len: u64,
    /// Its xxh3-128 hash.
    pub hash: u128,
}

impl StoreKey {
    /// The key of a store's text.
    #[must_use]
    pub fn of_text(text: &str) -> StoreKey {
        StoreKey {
            len: text.len() as u64,
            hash: xxhash_rust::xxh3::xxh3_128(text.as_bytes()),
        }
    }

    /// The key of the store file at `path`, read in pieces (the whole store is never in memory):
    /// `None` when it is not a regular file (a pipe such as `--data <(…)` can be read only once,
    /// by the loader), cannot be read, or is over the loader's size limit.
    #[must_use]
    pub fn of_file(path: &Path) -> Option<StoreKey> {
        hash_file(open_regular(path)?.0)
    }

    /// As [`StoreKey::of_file`], but taken from the file's stamp in the cache directory `dir`
    /// when the file has not been written since the stamp (see [`stamp`]); a key worked out by
    /// hashing is stamped for next time.
    #[must_use]
    pub fn of_file_stamped(path: &Path, dir: &Path) -> Option<StoreKey> {
        StoreKey::of_stamp(path, dir).or_else(|| StoreKey::hash_and_stamp(path, dir))
    }

    /// The key of the store file at `path` when its stamp in `dir` says it (the file has not been
    /// written since): nothing is read but the file's metadata and the stamp.
    #[must_use]
    pub fn of_stamp(path: &Path, dir: &Path) -> Option<StoreKey> {
        let meta = std::fs::metadata(path)
            .ok()
            .filter(std::fs::Metadata::is_file)?;
        stamp::key(dir, &Look::of(&meta)?)
    }

    /// The key of the store file at `path`, by hashing it; stamped in `dir` when the file had
    /// been left alone for [`stamp::SETTLED`] before and was not written while it was read.
    fn hash_and_stamp(path: &Path, dir: &Path) -> Option<StoreKey> {
        let (file, meta) = open_regular(path)?;
        let look = Look::of(&meta);
        let began = SystemTime::now();
        let key = hash_file(file)?;
        stamp_if_unchanged(path, dir, look, began, key);
        Some(key)
    }

    /// The text of the regular file at `path`, read whole by `read`, with its key; stamped in
    /// `dir` as [`StoreKey::of_file_stamped`] stamps. For a caller that needs the text anyway,
    /// this reads the file once where `of_file_stamped` and a load would read it twice. `None`
    /// when `path` is not a regular file (read it once, with the loader).
    ///
    /// # Errors
    /// Whatever `read` fails with.
    pub fn read_and_stamp<E>(
        path: &Path,
        dir: &Path,
        read: impl FnOnce(&Path) -> Result<String, E>,
    ) -> Option<Result<(String, StoreKey), E>> {
        let meta = std::fs::metadata(path)
            .ok()
            .filter(std::fs::Metadata::is_file)?;
        let look = Look::of(&meta);
        let began = SystemTime::now();
        let text = match read(path) {
            Ok(text) => text,
            Err(e) => return Some(Err(e)),
        };
        let key = StoreKey::of_text(&text);
        stamp_if_unchanged(path, dir, look, began, key);
        Some(Ok((text, key)))
    }
}

/// Stamps `key` in `dir` for the file at `path`, looked at (`look`) before it was read from
/// `began` on: only when the file was not written while it was read, nor just before, and only
/// for a store large enough to be cached.
fn stamp_if_unchanged(
    path: &Path,
    dir: &Path,
    look: Option<Look>,
    began: SystemTime,
    key: StoreKey,
) {
    let Some(look) = look else {
        return;
    };
    let after = std::fs::metadata(path).ok().and_then(|m| Look::of(&m));
    if key.len >= MIN_BYTES as u64 && after == Some(look) && look.settled_before(began) {
        stamp::write(dir, &look, key);
    }
}

/// The regular file at `path`, opened, with its metadata; `None` for anything else. A named pipe
/// is never opened (opening one waits for a writer, and closing it unread could cut the writer
/// off): it is looked at first.
fn open_regular(path: &Path) -> Option<(std::fs::File, std::fs::Metadata)> {
    std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)?;
    let file = std::fs::File::open(path).ok()?;
    let meta = file.metadata().ok().filter(std::fs::Metadata::is_file)?;
    Some((file, meta))
}

/// The key of the text in `file`, read in pieces of 1 MiB.
fn hash_file(file: std::fs::File) -> Option<StoreKey> {
    let mut file = file.take(MAX_BYTES + 1);
    let mut hasher = Xxh3::new();
    let mut buffer = vec![0; 1 << 20];
    let mut len = 0u64;
    let mut first = true;
    loop {
        let n = file.read(&mut buffer).ok()?;
        if n == 0 {
            break;
        }
        let mut piece = buffer.get(..n)?;
        if first {
            // Loading drops a leading byte-order mark; so does the key.
            piece = piece.strip_prefix("\u{feff}".as_bytes()).unwrap_or(piece);
            first = false;
        }
        hasher.update(piece);
        len += piece.len() as u64;
    }
    (len <= MAX_BYTES).then(|| StoreKey {
        len,
        hash: hasher.digest128(),
    })
}
