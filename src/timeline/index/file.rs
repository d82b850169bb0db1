//! The index file: named and headed by the store's key, written atomically, read back and checked
//! on both cores (the text on one, the words on the other).
//!
//! Layout: the header (magic, format, build, version, the store text's length and hash), then
//! the length and checksum of each of three parts — the words, the text's first piece, the rest
//! of the text — and the parts. The text is cut where the two readers' shares are equal, so that
//! one thread reads its first piece while the other reads the words and the rest.

use std::borrow::Cow;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::xxh3_64;

use super::{Index, StoreKey, check};
use crate::timeline::cache;

/// The version of the index layout; bump it whenever [`super::layout`] changes.
const FORMAT: u32 = 2;

/// The first bytes of every index file.
const MAGIC: &[u8; 8] = b"ALITLIX\x01";

/// The most index files kept in the cache directory; the oldest are removed.
const KEEP: usize = 4;

/// Bytes after the fixed header: each part's length and checksum.
const PARTS_BYTES: usize = 48;

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
        let words = little_endian(words);
        let mut head = header(key);
        let (first, rest) = text
            .as_bytes()
            .split_at(first_piece(words.len(), text.len()));
        for part in [&words[..], first, rest] {
            head.extend_from_slice(&(part.len() as u64).to_le_bytes());
            head.extend_from_slice(&xxh3_64(part).to_le_bytes());
        }
        let written = cache::write_atomically(dir, &path, &[&head, &words, text.as_bytes()]);
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
    let first = Part {
        at: words.at.checked_add(words.len)?,
        len: number(16)?,
        sum: number(24)?,
    };
    let rest = Part {
        at: first.at.checked_add(first.len)?,
        len: number(32)?,
        sum: number(40)?,
    };
    // The file must be exactly the header and the parts; the parts are never larger than a few
    // times the store.
    let most = key.len.saturating_mul(4).saturating_add(1 << 20);
    let text_len = first.len.checked_add(rest.len)?;
    if meta.len() != rest.at.checked_add(rest.len)? || words.len > most || text_len > most {
        return None;
    }
    let mut text = vec![0; usize::try_from(text_len).ok()?];
    let (first_bytes, rest_bytes) = text.split_at_mut(usize::try_from(first.len).ok()?);
    let (words, read) = std::thread::scope(|scope| {
        let other = scope.spawn(|| first.read_into(&file, first_bytes));
        let words = words.read_words(&file);
        let read = rest.read_into(&file, rest_bytes);
        // Invariant: reading and hashing do not panic; if they did, the index is not used.
        (words, read && other.join().unwrap_or(false))
    });
    let text = String::from_utf8(text).ok().filter(|_| read)?;
    check::checked(words?, text)
}

/// How many bytes of the text go into its first piece, so that the reader of the words and the
/// rest and the reader of the first piece each read half of the file.
fn first_piece(words_len: usize, text_len: usize) -> usize {
    (words_len + text_len).div_ceil(2).min(text_len)
}

/// One part of the file: where it starts, its length and its checksum.
#[derive(Clone, Copy)]
struct Part {
    at: u64,
    len: u64,
    sum: u64,
}

impl Part {
    /// Reads the part into `bytes` (its length); whether it was all there and matches its
    /// checksum. Read by position, so that two threads can read parts of one open file at once.
    fn read_into(self, file: &File, bytes: &mut [u8]) -> bool {
        read_at(file, bytes, self.at).is_ok() && xxh3_64(bytes) == self.sum
    }

    /// As [`Part::read_into`], as the little-endian words it holds (read straight into them).
    fn read_words(self, file: &File) -> Option<Vec<u32>> {
        if !self.len.is_multiple_of(4) {
            return None;
        }
        let mut words = vec![0u32; usize::try_from(self.len / 4).ok()?];
        if !self.read_into(file, bytemuck::cast_slice_mut(&mut words)) {
            return None;
        }
        for word in &mut words {
            *word = u32::from_le(*word);
        }
        Some(words)
    }
}

/// `words` as the file holds them: little-endian bytes (borrowed on a little-endian machine).
fn little_endian(words: &[u32]) -> Cow<'_, [u8]> {
    if cfg!(target_endian = "little") {
        Cow::Borrowed(bytemuck::cast_slice(words))
    } else {
        Cow::Owned(words.iter().flat_map(|w| w.to_le_bytes()).collect())
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
