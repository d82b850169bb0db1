//! A store file's key without reading the store: a small stamp file in the cache directory
//! remembers, for one store file, what its key was and what the file looked like then (device,
//! inode, size, modification and change times). When the file still looks exactly so, the key is
//! taken from the stamp; otherwise the store is hashed again and the stamp rewritten.
//!
//! Every write to a file sets its change time (`ctime`) to the time of the write, and no program
//! can set it back, so a store edited since the stamp — even to the same size, even with its
//! modification time put back — no longer looks the same. The one gap is a write within the same
//! tick of the file system's clock as the change time the stamp recorded; as git does for its
//! index ("racy git"), a stamp is written only for a file whose change and modification times
//! are at least [`SETTLED`] older than the moment its hashing began, so a later write always
//! lands on a later tick. A damaged stamp (checked by its own xxh3 checksum) is ignored.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use xxhash_rust::xxh3::xxh3_64;

use super::StoreKey;
use crate::timeline::cache::{prune_named, write_atomically};

/// How long a store must have been left alone before its key is stamped: longer than the
/// coarsest file-system clock tick in use (FAT's two seconds).
pub const SETTLED: Duration = Duration::from_secs(3);

/// The first bytes of every stamp.
const MAGIC: &[u8; 8] = b"ALITLST\x01";

/// The most stamps kept in the cache directory (one per store file searched); the oldest go.
const KEEP: usize = 32;

/// What a store file looks like to `stat`: who it is, its size, when it was last written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    device: u64,
    inode: u64,
    len: u64,
    modified: (i64, i64),
    changed: (i64, i64),
}

impl Look {
    /// How the file behind `meta` looks; `None` off Unix (no stamps there).
    #[must_use]
    pub fn of(meta: &std::fs::Metadata) -> Option<Look> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(Look {
                device: meta.dev(),
                inode: meta.ino(),
                len: meta.len(),
                modified: (meta.mtime(), meta.mtime_nsec()),
                changed: (meta.ctime(), meta.ctime_nsec()),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }

    /// Whether the file was written at least [`SETTLED`] before `since`, so that a stamp of
    /// this look cannot miss a later write.
    #[must_use]
    pub fn settled_before(&self, since: SystemTime) -> bool {
        let Ok(now) = since.duration_since(SystemTime::UNIX_EPOCH) else {
            return false;
        };
        let limit = now.saturating_sub(SETTLED);
        let at = |(secs, nanos): (i64, i64)| {
            let secs = u64::try_from(secs).ok()?;
            let nanos = u32::try_from(nanos).ok()?;
            Some(Duration::new(secs, nanos))
        };
        [self.modified, self.changed]
            .into_iter()
            .all(|time| at(time).is_some_and(|t| t <= limit))
    }

    /// The bytes of this look, as a stamp holds them.
    fn bytes(&self) -> [u8; 56] {
        let mut out = [0; 56];
        let fields = [
            self.device,
            self.inode,
            self.len,
            self.modified.0.cast_unsigned(),
            self.modified.1.cast_unsigned(),
            self.changed.0.cast_unsigned(),
            self.changed.1.cast_unsigned(),
        ];
        for (chunk, field) in out.chunks_exact_mut(8).zip(fields) {
            chunk.copy_from_slice(&field.to_le_bytes());
        }
        out
    }
}

/// The stamp file for a store file that looks like `look`, in `dir`: named by its device and
/// inode, so each store file has one.
#[must_use]
pub fn path_in(dir: &Path, look: &Look) -> PathBuf {
    dir.join(format!("{:x}-{:x}.stamp", look.device, look.inode))
}

/// The contents of a stamp: magic, the look, the key, a checksum of all that.
fn contents(look: &Look, key: StoreKey) -> Vec<u8> {
    let mut out = Vec::with_capacity(104);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&look.bytes());
    out.extend_from_slice(&key.len.to_le_bytes());
    out.extend_from_slice(&key.hash.to_le_bytes());
    let sum = xxh3_64(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// The key a stamp in `dir` records for a store file that looks exactly like `look`, if any.
#[must_use]
pub fn key(dir: &Path, look: &Look) -> Option<StoreKey> {
    let bytes = std::fs::read(path_in(dir, look)).ok()?;
    let body = bytes.get(..bytes.len().checked_sub(8)?)?;
    let rest = body.strip_prefix(MAGIC)?.strip_prefix(&look.bytes()[..])?;
    let sum: [u8; 8] = bytes.get(body.len()..)?.try_into().ok()?;
    if xxh3_64(body) != u64::from_le_bytes(sum) || rest.len() != 24 {
        return None;
    }
    let len = u64::from_le_bytes(rest.get(..8)?.try_into().ok()?);
    let hash = u128::from_le_bytes(rest.get(8..)?.try_into().ok()?);
    Some(StoreKey { len, hash })
}

/// Records `key` for a store file that looks like `look`, atomically; failures are ignored (a
/// stamp only saves time). The caller checks first that the look is [settled](Look::settled_before).
pub fn write(dir: &Path, look: &Look, key: StoreKey) {
    let path = path_in(dir, look);
    let written = write_atomically(dir, &path, &[&contents(look, key)]);
    if written.is_ok() {
        prune_named(dir, &path, KEEP, is_stamp_name);
    }
}

/// Whether `name` is a stamp's name (`<hex>-<hex>.stamp`), so that pruning touches nothing else.
fn is_stamp_name(name: &str) -> bool {
    name.strip_suffix(".stamp").is_some_and(|stem| {
        stem.split_once('-').is_some_and(|(device, inode)| {
            [device, inode]
                .iter()
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_hexdigit()))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn look(changed: i64) -> Look {
        Look {
            device: 1,
            inode: 42,
            len: 100,
            modified: (1_000, 5),
            changed: (changed, 7),
        }
    }

    #[test]
    fn a_stamp_answers_only_for_the_same_look() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let key = StoreKey { len: 100, hash: 7 };
        write(dir.path(), &look(2_000), key);
        assert_eq!(super::key(dir.path(), &look(2_000)), Some(key));
        // Written again since: the change time moved.
        assert_eq!(super::key(dir.path(), &look(2_001)), None);
    }

    #[test]
    fn a_damaged_stamp_is_ignored() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let key = StoreKey { len: 100, hash: 7 };
        write(dir.path(), &look(2_000), key);
        let path = path_in(dir.path(), &look(2_000));
        let mut bytes = std::fs::read(&path).expect("stamp written");
        let last = bytes.len() - 20;
        bytes[last] ^= 1;
        std::fs::write(&path, &bytes).expect("stamp rewritten");
        assert_eq!(super::key(dir.path(), &look(2_000)), None);
        std::fs::write(&path, &bytes[..30]).expect("stamp truncated");
        assert_eq!(super::key(dir.path(), &look(2_000)), None);
    }

    #[test]
    fn only_a_file_left_alone_long_enough_is_settled() {
        let at = |secs| SystemTime::UNIX_EPOCH + Duration::from_secs(secs);
        let written = look(2_000);
        assert!(written.settled_before(at(2_000 + SETTLED.as_secs() + 1)));
        // Changed within the last few seconds: another write could share its clock tick.
        assert!(!written.settled_before(at(2_001)));
        assert!(!written.settled_before(at(1_000)));
    }

    #[test]
    fn only_stamp_names_are_pruned() {
        assert!(is_stamp_name("803-1a2b.stamp"));
        assert!(!is_stamp_name("notes.stamp"));
        assert!(!is_stamp_name("803-1a2b.stamp.txt"));
        assert!(!is_stamp_name("-1a2b.stamp"));
    }
}
