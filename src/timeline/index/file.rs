//! The index file: named and headed by the store's key, written atomically, mapped back into
//! memory and checked on both cores.
//!
//! Layout: the header (magic, format, build, version, the store text's length and hash), then
//! the length and checksum of each of three parts — the words, the text's first piece, the rest
//! of the text — zeros up to a multiple of 8 bytes (so the words are aligned where the file is
//! mapped), and the parts. The text is cut where the two checkers' shares are equal, so that one
//! thread checks its first piece while the other checks the words and the rest.

use std::borrow::Cow;
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::layout::{self, Measured, Text};
use super::storage::{self, Mapped, Parts, Storage};
use super::{Index, StoreKey, check};
use crate::timeline::Timeline;
use crate::timeline::cache;

/// The version of the index layout; bump it whenever [`super::layout`] changes.
const FORMAT: u32 = 3;

/// The first bytes of every index file.
const MAGIC: &[u8; 8] = b"ALITLIX\x01";

/// The most index files kept in the cache directory; the oldest are removed.
const KEEP: usize = 4;

/// Bytes after the fixed header: each part's length and checksum.
const PARTS_BYTES: usize = 48;

/// The header is padded with zeros to a multiple of this, so the words are aligned in a map.
const ALIGN: usize = 8;

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

    /// Builds the index of `timeline` and writes it for `key` into `dir` atomically, then
    /// removes the oldest index files beyond the few kept. Failures are ignored (the index only
    /// saves time); returns whether it was written. The text goes from the store straight to the
    /// file and is never held whole (55 MB at 100k): a first pass measures it, so that the words
    /// can be written before it, and the second writes it, hashing its two pieces on the way;
    /// their checksums go into the header last.
    pub fn write_for(timeline: &Timeline, dir: &Path, key: StoreKey) -> bool {
        let Some(path) = path_in(dir, key) else {
            return false;
        };
        let Some((words, Measured(text_len))) = layout::build_into(timeline, Measured::default())
        else {
            return false;
        };
        let words = little_endian(&words);
        let split = first_piece(words.len(), text_len);
        let lens = [words.len(), split, text_len - split];
        let written = cache::write_atomically_with(dir, &path, |file| {
            // The checksums of the text are known once it is written: zeros until then.
            file.write_all(&head(key, lens, [0; 3]))?;
            file.write_all(&words)?;
            let streamed = Streamed::new(BufWriter::with_capacity(1 << 16, &mut *file), split);
            let (_, streamed) = layout::build_into(timeline, streamed)
                .ok_or_else(|| std::io::Error::other("the index does not fit"))?;
            let (len, [first, rest]) = streamed.finish()?;
            if len != text_len {
                return Err(std::io::Error::other(
                    "the index's text changed between passes",
                ));
            }
            file.seek(SeekFrom::Start(0))?;
            file.write_all(&head(key, lens, [xxh3_64(&words), first, rest]))
        });
        if written.is_ok() {
            cache::prune_named(dir, &path, KEEP, is_index_name);
        }
        written.is_ok()
    }
}

/// The header for `key` with the lengths and checksums of the three parts, padded to [`ALIGN`].
fn head(key: StoreKey, lens: [usize; 3], sums: [u64; 3]) -> Vec<u8> {
    let mut head = header(key);
    for (len, sum) in lens.into_iter().zip(sums) {
        head.extend_from_slice(&(len as u64).to_le_bytes());
        head.extend_from_slice(&sum.to_le_bytes());
    }
    head.resize(head.len().next_multiple_of(ALIGN), 0);
    head
}

/// The index's text written out as it is built, its first piece (up to `split`) and the rest
/// each hashed on the way.
struct Streamed<W: Write> {
    out: W,
    /// Bytes written so far.
    len: usize,
    /// Where the first piece ends.
    split: usize,
    /// The pieces' hashes so far.
    first: Xxh3,
    rest: Xxh3,
    /// The first write that failed (the rest are skipped).
    failed: Option<std::io::Error>,
}

impl<W: Write> Streamed<W> {
    fn new(out: W, split: usize) -> Self {
        Streamed {
            out,
            len: 0,
            split,
            first: Xxh3::new(),
            rest: Xxh3::new(),
            failed: None,
        }
    }

    /// The length written and the two pieces' checksums, once everything is flushed.
    fn finish(mut self) -> std::io::Result<(usize, [u64; 2])> {
        if let Some(failed) = self.failed {
            return Err(failed);
        }
        self.out.flush()?;
        Ok((self.len, [self.first.digest(), self.rest.digest()]))
    }
}

impl<W: Write> Text for Streamed<W> {
    fn len(&self) -> usize {
        self.len
    }

    fn push(&mut self, s: &str) {
        let bytes = s.as_bytes();
        let (first, rest) = bytes.split_at(self.split.saturating_sub(self.len).min(bytes.len()));
        self.first.update(first);
        self.rest.update(rest);
        self.len += bytes.len();
        if self.failed.is_none()
            && let Err(e) = self.out.write_all(bytes)
        {
            self.failed = Some(e);
        }
    }
}

/// Reads and checks the index file at `path` for `key`: maps it, checks the parts' checksums
/// on both cores, then the text's UTF-8 and every record. The words are used as they lie in the
/// file, little-endian: a big-endian machine does not read indexes (its searches load the store).
fn read_file(path: &Path, key: StoreKey) -> Option<Index> {
    if cfg!(target_endian = "big") {
        return None;
    }
    let file = cache::open_untrusted(path).ok()?;
    let meta = file.metadata().ok().filter(std::fs::Metadata::is_file)?;
    // The parts are never larger than a few times the store.
    let most = key.len.saturating_mul(12).saturating_add(1 << 20);
    if meta.len() > most || meta.len() == 0 {
        return None;
    }
    let map = storage::map(&file).ok()?;
    let (words, first, rest) = parts_in(&map, &header(key))?;
    let (words_bytes, first_bytes, rest_bytes) = (
        map.get(words.span()?)?,
        map.get(first.span()?)?,
        map.get(rest.span()?)?,
    );
    let summed = std::thread::scope(|scope| {
        let other = scope.spawn(|| first.matches(first_bytes));
        let here = words.matches(words_bytes) && rest.matches(rest_bytes);
        // Invariant: hashing does not panic; if it did, the index is not used.
        here && other.join().unwrap_or(false)
    });
    if !summed {
        return None;
    }
    let mapped = Mapped::try_new(map, |map| -> Result<Parts<'_>, ()> {
        let words = map.get(words.span().ok_or(())?).ok_or(())?;
        let text = map.get(first.at_usize().ok_or(())?..rest.end().ok_or(())?);
        Ok(Parts {
            words: bytemuck::try_cast_slice(words).map_err(|_| ())?,
            // simdutf8: the same check as `std::str::from_utf8`, many bytes at a time.
            text: simdutf8::basic::from_utf8(text.ok_or(())?).map_err(|_| ())?,
        })
    })
    .ok()?;
    check::checked(Storage::Mapped(mapped))
}

/// The three parts an index file of `bytes` says it holds after the fixed header `expected`,
/// when the header is that one, the padding is zeros and the parts fill the rest exactly.
fn parts_in(bytes: &[u8], expected: &[u8]) -> Option<(Part, Part, Part)> {
    let table = bytes.strip_prefix(expected)?.get(..PARTS_BYTES)?;
    let number = |at: usize| -> Option<u64> {
        let bytes: [u8; 8] = table.get(at..at + 8)?.try_into().ok()?;
        Some(u64::from_le_bytes(bytes))
    };
    let head_len = (expected.len() + PARTS_BYTES).next_multiple_of(ALIGN);
    let padding = bytes.get(expected.len() + PARTS_BYTES..head_len)?;
    let words = Part {
        at: head_len as u64,
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
    let whole = rest.at.checked_add(rest.len)? == bytes.len() as u64;
    (whole && padding.iter().all(|&b| b == 0)).then_some((words, first, rest))
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
    /// Where the part starts, as a position in memory.
    fn at_usize(self) -> Option<usize> {
        usize::try_from(self.at).ok()
    }

    /// Where the part ends, as a position in memory.
    fn end(self) -> Option<usize> {
        usize::try_from(self.at.checked_add(self.len)?).ok()
    }

    /// The part's bytes in the file, as a range.
    fn span(self) -> Option<std::ops::Range<usize>> {
        Some(self.at_usize()?..self.end()?)
    }

    /// Whether `bytes` (the part) match its checksum.
    fn matches(self, bytes: &[u8]) -> bool {
        xxh3_64(bytes) == self.sum
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

/// Whether `name` is an index file's name (`<32 hex digits>-<version>-i<format>-<build>.idx`),
/// so that pruning never touches anything else.
fn is_index_name(name: &str) -> bool {
    cache::is_keyed_name(name, "-i", ".idx")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::load::BUNDLED;

    #[test]
    fn the_index_written_as_it_is_built_reads_back_as_the_one_built_in_memory() {
        let timeline = crate::timeline::load_bundled().expect("the bundled store loads");
        let dir = tempfile::tempdir().expect("a temporary directory");
        let key = StoreKey::of_text(BUNDLED);
        assert!(Index::write_for(&timeline, dir.path(), key));
        let read = Index::read(dir.path(), key).expect("it reads back, checked");
        let built = Index::build(&timeline).expect("the bundled store fits");
        let (read, built) = (read.parts(), built.parts());
        assert!(!read.text.is_empty());
        assert_eq!(read.words, built.words);
        assert_eq!(read.text, built.text);
    }
}
