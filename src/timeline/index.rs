//! The search index: exactly what a search reads (see [`Searchable`]), laid out by position in
//! one file beside the [store cache](super::cache), and used in place — read on both cores and
//! never decoded into a store. `ali-timeline search` answers from it without parsing the store,
//! and the app draws its first frame from it while the store loads (see `docs/cache.md`, "The
//! search index").
//!
//! Safe by construction, as the cache is:
//!
//! - **Keyed by the store's bytes.** The file is named by the 128-bit xxh3 hash of the store's
//!   text (the cache's key), the tool version, the index format and the build, and its header
//!   repeats the text's length and hash: a changed store, even one of the same size, never finds
//!   an old index. The key is remembered in a [stamp] while the store file is unchanged (its
//!   change time never goes back), so the store need not be read to find its index.
//! - **Checked before use.** Every part carries an xxh3 checksum; the text must be UTF-8; every
//!   string, list, position, date and kind in the records is checked to be in range once, at
//!   open, so reading never goes out of bounds. Anything wrong — truncated, flipped, another
//!   version or build, a foreign file — is a miss: the store is loaded and the index rebuilt.
//! - **Written atomically.** A temporary file in the same directory renamed into place: two
//!   processes building at once each leave a whole file, and a reader never sees half of one.
//!
//! The file is mapped into memory and used where it lies (`storage.rs`: the crate's one `unsafe`
//! call, with why it is sound); nothing is copied or allocated per item.

mod check;
mod file;
mod key;
mod layout;
mod open;
pub mod stamp;
mod storage;

pub use file::path_in;
pub use key::StoreKey;
pub use open::{ForSearch, for_search};

use super::{DateSpan, Searchable, Timeline};
use crate::store::date::PartialDate;
use crate::store::model::EventKind;
use layout::{
    EVENT_WORDS, NO_STRING, PERSON_WORDS, STRING_WORDS, TENURE_WORDS, Tables, UNIT_WORDS,
};
use storage::{Parts, Storage};

/// A search index, checked, in memory or mapped: answers [`Searchable`] as the timeline it was
/// built from does.
#[derive(Debug)]
pub struct Index {
    /// The words part (see [`layout`]) and the text part.
    storage: Storage,
    /// Where each table starts.
    tables: Tables,
    /// Events, people, units and tenures.
    counts: [usize; 4],
}

impl Index {
    /// Builds the index of `timeline` in memory; `None` only for a store too large for its 32-bit
    /// positions (none the loader accepts).
    #[must_use]
    pub fn build(timeline: &Timeline) -> Option<Index> {
        let (words, text) = layout::build(timeline)?;
        check::checked(Storage::Owned { words, text })
    }

    /// The words part and the text part.
    fn parts(&self) -> Parts<'_> {
        self.storage.parts()
    }

    /// Word `at` (0 past the end: never reached once checked).
    fn word(&self, at: usize) -> u32 {
        self.parts().words.get(at).copied().unwrap_or(0)
    }

    /// Field `field` of record `i` of the table at `table`, `size` words a record.
    fn field(&self, table: usize, size: usize, i: usize, field: usize) -> u32 {
        self.word(table + i * size + field)
    }

    /// The string whose start and length are at words `at`, `at + 1`.
    fn string_at(&self, at: usize) -> &str {
        let start = self.word(at) as usize;
        let len = self.word(at + 1) as usize;
        self.parts()
            .text
            .get(start..start + len)
            .unwrap_or_default()
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
    layout::checked_word_date(word)
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
