//! The index file: named and headed by the store's key, written atomically, read back and checked
//! on both cores (the text on one, the words on the other).
//!
//! Layout: the header (magic, format, build, version, the store text's length and hash), then
//! the words part's length and checksum and the text part's, then the two parts.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::xxh3_64;

use super::{Index, StoreKey, check};
use crate::timeline::cache::{self, TEMP_PREFIX, TEMP_SUFFIX};

/// The version of the index layout; bump it whenever [`super::layout`] changes.
const FORMAT: u32 = 1;

/// The first bytes of every index file.
const MAGIC: &[u8; 8] = b"ALITLIX\x01";

/// The most index files kept in the cache directory; the oldest are removed.
const KEEP: usize = 4;

/// Bytes after the fixed header: the words' length and checksum, the text's length and checksum.
const PARTS_BYTES: usize = 32;

/// The index file for `key` in `dir`, or `None` when the running executable cannot be identified
/// (then nothing is cached).
#[must_use]
pub fn path_in(dir: &Path, key: StoreKey) -> Option<PathBuf> {
    let name = cache::keyed_name(key.hash, &format!("i{FORMAT}"), "idx")?;
    Some(dir.join(name))
}

/// The fixed start of the header for `key`.
fn header(key: StoreKey) -> Vec<u8> {
    cache::keyed_header(MAGIC, FORMAT, key.len, key.hash)
}

impl Index {
    /// Reads the index for `key` in `dir`: `None` when there is none, or when it is damaged,
    /// foreign or for other bytes (a damaged or foreign file is removed).
    #[must_use]
    pub fn read(dir: &Path, key: StoreKey) -> Option<Index> {
        let path = path_in(dir, key)?;
        let read = read_file(&path, key);
        if read.is_none() && std::fs::symlink_metadata(&path).is_ok_and(|m| !m.is_dir()) {
            let _ = std::fs::remove_file(&path);
        }
        read
    }

    /// Writes this index for `key` into `dir` atomically, then removes the oldest index files
    /// beyond the few kept. Failures are ignored (the index only saves time); returns whether
    /// it was written.
    pub fn write(&self, dir: &Path, key: StoreKey) -> bool {
        let Some(path) = path_in(dir, key) else {
            return false;
        };
        let (words, text) = self.parts();
        let written = std::fs::create_dir_all(dir).and_then(|()| {
            let mut file = tempfile::Builder::new()
                .prefix(TEMP_PREFIX)
                .suffix(TEMP_SUFFIX)
                .tempfile_in(dir)?;
            let mut head = header(key);
            for part in [words, text.as_bytes()] {
                head.extend_from_slice(&(part.len() as u64).to_le_bytes());
                head.extend_from_slice(&xxh3_64(part).to_le_bytes());
            }
            file.write_all(&head)?;
            file.write_all(words)?;
            file.write_all(text.as_bytes())?;
            file.persist(&path).map_err(|e| e.error)?;
            Ok(())
        });
        if written.is_ok() {
            cache::prune_named(dir, &path, KEEP, is_index_name);
        }
        written.is_ok()
    }
}

/// Reads and checks the index file at `path` for `key`.
fn read_file(path: &Path, key: StoreKey) -> Option<Index> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Never follow a link planted at the name, never block on a FIFO.
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let mut file = options.open(path).ok()?;
    let meta = file.metadata().ok().filter(std::fs::Metadata::is_file)?;
    let expected = header(key);
    let mut head = vec![0; expected.len() + PARTS_BYTES];
    file.read_exact(&mut head).ok()?;
    let parts = head.strip_prefix(expected.as_slice())?;
    let number = |at: usize| -> Option<u64> {
        let bytes: [u8; 8] = parts.get(at..at + 8)?.try_into().ok()?;
        Some(u64::from_le_bytes(bytes))
    };
    let words = Part {
        at: head.len() as u64,
        len: number(0)?,
        sum: number(8)?,
    };
    let text = Part {
        at: words.at.checked_add(words.len)?,
        len: number(16)?,
        sum: number(24)?,
    };
    // The file must be exactly the header and the two parts; the parts are never larger than a
    // few times the store.
    let most = key.len.saturating_mul(4).saturating_add(1 << 20);
    if meta.len() != text.at.checked_add(text.len)? || words.len > most || text.len > most {
        return None;
    }
    // The text (the larger part: titles and summaries) is read and checked on another thread.
    let (words, text) = std::thread::scope(|scope| {
        let text = scope.spawn(|| {
            let bytes = text.read(&file)?;
            String::from_utf8(bytes).ok()
        });
        let words = words.read(&file);
        // Invariant: reading and hashing do not panic; if they did, the index is not used.
        (words, text.join().ok().flatten())
    });
    check::checked(words?, text?)
}

/// One part of the file: where it starts, its length and its checksum.
#[derive(Clone, Copy)]
struct Part {
    at: u64,
    len: u64,
    sum: u64,
}

impl Part {
    /// The part's bytes when they are all there and match its checksum. Read by position, so
    /// that the two parts can be read at once from one open file.
    fn read(self, file: &File) -> Option<Vec<u8>> {
        let mut bytes = vec![0; usize::try_from(self.len).ok()?];
        read_at(file, &mut bytes, self.at).ok()?;
        (xxh3_64(&bytes) == self.sum).then_some(bytes)
    }
}

/// Fills `buffer` from `file` at `offset`, without moving the file's position.
#[cfg(unix)]
fn read_at(file: &File, buffer: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buffer, offset)
}

/// Fills `buffer` from `file` at `offset` (Windows' positioned reads are safe from two threads).
#[cfg(windows)]
fn read_at(file: &File, buffer: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    let mut done = 0;
    while done < buffer.len() {
        let n = file.seek_read(&mut buffer[done..], offset)?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        done += n;
        offset += n as u64;
    }
    Ok(())
}

/// Whether `name` is an index file's name (`<32 hex digits>-<version>-i<format>-<build>.idx`),
/// so that pruning never touches anything else.
fn is_index_name(name: &str) -> bool {
    cache::is_keyed_name(name, "-i", ".idx")
}
