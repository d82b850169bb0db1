//! The search index: exactly what a search reads (see [`Searchable`]), laid out by position in
//! one file beside the [store cache](super::cache), and used in place — read with two reads, the
//! words and the text, and never decoded into a store. `ali-timeline search` answers from it
//! without parsing the store (see `docs/cache.md`, "The search index").
//!
//! Safe by construction, as the cache is:
//!
//! - **Keyed by the store's bytes.** The file is named by the 128-bit xxh3 hash of the store's
//!   text (the cache's key), the tool version, the index format and the build, and its header
//!   repeats the text's length and hash: a changed store, even one of the same size, never finds
//!   an old index.
//! - **Checked before use.** Both parts carry an xxh3 checksum; the text must be UTF-8; every
//!   string, list, position, date and kind in the records is checked to be in range once, at
//!   open, so reading never goes out of bounds. Anything wrong — truncated, flipped, another
//!   version or build, a foreign file — is a miss: the store is loaded and the index rebuilt.
//! - **Written atomically.** A temporary file in the same directory renamed into place: two
//!   processes building at once each leave a whole file, and a reader never sees half of one.
//!
//! A store file cannot be mapped into memory without `unsafe` code, which the crate forbids (and
//! a file truncated by another process while mapped would kill the reader with `SIGBUS`), so the
//! two parts are read into memory, once each; nothing is copied or allocated per item after that.

mod check;
mod layout;
mod open;

pub use open::{ForSearch, for_search};

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::cache::{self, TEMP_PREFIX, TEMP_SUFFIX};
use super::{DateSpan, Searchable, Timeline};
use crate::store::date::PartialDate;
use crate::store::load::MAX_BYTES;
use crate::store::model::EventKind;
use layout::{
    EVENT_WORDS, NO_STRING, PERSON_WORDS, STRING_WORDS, TENURE_WORDS, Tables, UNIT_WORDS,
};

/// The version of the index layout; bump it whenever [`layout`] changes.
const FORMAT: u32 = 1;

/// The first bytes of every index file.
const MAGIC: &[u8; 8] = b"ALITLIX\x01";

/// The most index files kept in the cache directory; the oldest are removed.
const KEEP: usize = 4;

/// A search index, checked and in memory: answers [`Searchable`] as the timeline it was built
/// from does.
#[derive(Debug)]
pub struct Index {
    /// The words part (see [`layout`]).
    words: Vec<u8>,
    /// The text part.
    text: String,
    /// Where each table starts.
    tables: Tables,
    /// Events, people, units and tenures.
    counts: [usize; 4],
}

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
        let file = std::fs::File::open(path).ok()?;
        if !file.metadata().ok()?.is_file() {
            return None;
        }
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
}

/// The index file for `key` in `dir`, or `None` when the running executable cannot be identified
/// (then nothing is cached).
#[must_use]
pub fn path_in(dir: &Path, key: StoreKey) -> Option<PathBuf> {
    let build = cache::build_id()?;
    let name = format!(
        "{:032x}-{}-i{FORMAT}-{build:016x}.idx",
        key.hash,
        env!("CARGO_PKG_VERSION")
    );
    Some(dir.join(name))
}

/// The fixed start of the header for `key`: magic, format, build, version, the text's length and
/// hash. The lengths and checksums of the two parts follow it.
fn header(key: StoreKey) -> Vec<u8> {
    let mut out = Vec::with_capacity(96);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&cache::build_id().unwrap_or(0).to_le_bytes());
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    out.extend_from_slice(&(version.len() as u64).to_le_bytes());
    out.extend_from_slice(version);
    out.extend_from_slice(&key.len.to_le_bytes());
    out.extend_from_slice(&key.hash.to_le_bytes());
    out
}

/// Bytes after the fixed header: the words' length and checksum, the text's length and checksum.
const PARTS_BYTES: usize = 32;

impl Index {
    /// Builds the index of `timeline` in memory; `None` only for a store too large for its 32-bit
    /// positions (none the loader accepts).
    #[must_use]
    pub fn build(timeline: &Timeline) -> Option<Index> {
        let (words, text) = layout::build(timeline)?;
        check::checked(words, text)
    }

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
        let written = std::fs::create_dir_all(dir).and_then(|()| {
            let mut file = tempfile::Builder::new()
                .prefix(TEMP_PREFIX)
                .suffix(TEMP_SUFFIX)
                .tempfile_in(dir)?;
            let mut head = header(key);
            for part in [&self.words[..], self.text.as_bytes()] {
                head.extend_from_slice(&(part.len() as u64).to_le_bytes());
                head.extend_from_slice(&xxh3_64(part).to_le_bytes());
            }
            file.write_all(&head)?;
            file.write_all(&self.words)?;
            file.write_all(self.text.as_bytes())?;
            file.persist(&path).map_err(|e| e.error)?;
            Ok(())
        });
        if written.is_ok() {
            cache::prune_named(dir, &path, KEEP, is_index_name);
        }
        written.is_ok()
    }

    /// Word `at` (0 past the end: never reached once checked).
    fn word(&self, at: usize) -> u32 {
        let bytes = self.words.get(at * 4..at * 4 + 4);
        bytes.map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// Field `field` of record `i` of the table at `table`, `size` words a record.
    fn field(&self, table: usize, size: usize, i: usize, field: usize) -> u32 {
        self.word(table + i * size + field)
    }

    /// The string whose start and length are at words `at`, `at + 1`.
    fn string_at(&self, at: usize) -> &str {
        let start = self.word(at) as usize;
        let len = self.word(at + 1) as usize;
        self.text.get(start..start + len).unwrap_or_default()
    }

    /// The strings of the list whose first entry and count are at words `at`, `at + 1`.
    fn strings_at(&self, at: usize) -> impl Iterator<Item = &str> {
        let first = self.word(at) as usize;
        let count = self.word(at + 1) as usize;
        (first..first + count).map(|s| self.string_at(self.tables.strings + s * STRING_WORDS))
    }

    /// The positions of the list whose first entry and count are at words `at`, `at + 1`.
    fn positions_at(&self, at: usize) -> impl Iterator<Item = usize> {
        let first = self.word(at) as usize;
        let count = self.word(at + 1) as usize;
        (first..first + count).map(|p| self.word(self.tables.positions + p) as usize)
    }

    /// A name and the Chinese name at words `at..at + 4`.
    fn name_at(&self, at: usize) -> (&str, Option<&str>) {
        let zh = (self.word(at + 2) != NO_STRING).then(|| self.string_at(at + 2));
        (self.string_at(at), zh)
    }

    fn event_at(&self, i: usize, field: usize) -> usize {
        self.tables.events + i * EVENT_WORDS + field
    }

    fn person_at(&self, i: usize, field: usize) -> usize {
        self.tables.people + i * PERSON_WORDS + field
    }

    fn unit_at(&self, i: usize, field: usize) -> usize {
        self.tables.units + i * UNIT_WORDS + field
    }
}

/// The date in word `word` (checked at open, so the fallback is never reached).
fn date(word: u32) -> Option<PartialDate> {
    layout::word_date(word).unwrap_or(None)
}

/// The date in a word that always holds one.
fn some_date(word: u32) -> PartialDate {
    date(word).unwrap_or_else(|| PartialDate::from_naive(chrono::NaiveDate::MIN))
}

impl Searchable for Index {
    fn event_count(&self) -> usize {
        self.counts[0]
    }

    fn person_count(&self) -> usize {
        self.counts[1]
    }

    fn unit_count(&self) -> usize {
        self.counts[2]
    }

    fn event_id(&self, i: usize) -> &str {
        self.string_at(self.event_at(i, 0))
    }

    fn event_title(&self, i: usize) -> &str {
        self.string_at(self.event_at(i, 2))
    }

    fn event_summary(&self, i: usize) -> &str {
        self.string_at(self.event_at(i, 4))
    }

    fn event_kind(&self, i: usize) -> EventKind {
        let word = self.word(self.event_at(i, 8)) as usize;
        EventKind::ALL
            .get(word)
            .copied()
            .unwrap_or(EventKind::ALL[0])
    }

    fn event_dates(&self, i: usize) -> (PartialDate, Option<PartialDate>) {
        let at = self.event_at(i, 6);
        (some_date(self.word(at)), date(self.word(at + 1)))
    }

    fn event_tags(&self, i: usize) -> impl Iterator<Item = &str> {
        self.strings_at(self.event_at(i, 9))
    }

    fn event_people(&self, i: usize) -> impl Iterator<Item = usize> {
        self.positions_at(self.event_at(i, 11))
    }

    fn event_units(&self, i: usize) -> impl Iterator<Item = usize> {
        self.positions_at(self.event_at(i, 13))
    }

    fn person_id(&self, i: usize) -> &str {
        self.string_at(self.person_at(i, 0))
    }

    fn person_name(&self, i: usize) -> (&str, Option<&str>) {
        self.name_at(self.person_at(i, 2))
    }

    fn person_aliases(&self, i: usize) -> impl Iterator<Item = &str> {
        self.strings_at(self.person_at(i, 6))
    }

    fn person_span(&self, i: usize) -> DateSpan {
        let at = self.person_at(i, 8);
        (date(self.word(at)), date(self.word(at + 1)))
    }

    fn unit_id(&self, i: usize) -> &str {
        self.string_at(self.unit_at(i, 0))
    }

    fn unit_name(&self, i: usize) -> (&str, Option<&str>) {
        self.name_at(self.unit_at(i, 2))
    }

    fn unit_aliases(&self, i: usize) -> impl Iterator<Item = &str> {
        self.strings_at(self.unit_at(i, 6))
    }

    fn unit_life(&self, i: usize) -> Option<DateSpan> {
        let at = self.unit_at(i, 8);
        (self.word(at) != 0).then(|| (date(self.word(at + 1)), date(self.word(at + 2))))
    }

    fn tenures(&self) -> impl Iterator<Item = (usize, usize, PartialDate, Option<PartialDate>)> {
        (0..self.counts[3]).map(|t| {
            let field = |f| self.field(self.tables.tenures, TENURE_WORDS, t, f);
            (
                field(0) as usize,
                field(1) as usize,
                some_date(field(2)),
                date(field(3)),
            )
        })
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
    let (words_len, words_sum) = (number(0)?, number(8)?);
    let (text_len, text_sum) = (number(16)?, number(24)?);
    // The file must be exactly the header and the two parts; the parts are never larger than a
    // few times the store.
    let total = (head.len() as u64)
        .checked_add(words_len)?
        .checked_add(text_len)?;
    let most = key.len.saturating_mul(4).saturating_add(1 << 20);
    if meta.len() != total || words_len > most || text_len > most {
        return None;
    }
    let words = read_part(&mut file, words_len)?;
    let text = read_part(&mut file, text_len)?;
    if xxh3_64(&words) != words_sum || xxh3_64(&text) != text_sum {
        return None;
    }
    let text = String::from_utf8(text).ok()?;
    check::checked(words, text)
}

/// The next `len` bytes of `file` (into memory that is not zeroed first), `None` when the file
/// ends before.
fn read_part(file: &mut std::fs::File, len: u64) -> Option<Vec<u8>> {
    let mut part = Vec::with_capacity(usize::try_from(len).ok()?);
    file.take(len).read_to_end(&mut part).ok()?;
    (part.len() as u64 == len).then_some(part)
}

/// Whether `name` is an index file's name (`<32 hex digits>-<version>-i<format>-<build>.idx`),
/// so that pruning never touches anything else.
fn is_index_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.len() > 33
        && bytes[..32].iter().all(u8::is_ascii_hexdigit)
        && bytes[32] == b'-'
        && name.ends_with(".idx")
}
