//! The check made once when an index is opened: every count, string, list, position, date and
//! kind in range, so that the index's readers never meet a bad value.

use super::Index;
use super::layout::{
    COUNT_WORDS, EVENT_WORDS, NO_STRING, PERSON_WORDS, STRING_WORDS, TENURE_WORDS, Tables,
    UNIT_WORDS, is_date_word,
};
use super::storage::Storage;
use crate::store::model::EventKind;

/// The index in `storage` when everything in it is in range.
pub(super) fn checked(storage: Storage) -> Option<Index> {
    let parts = storage.parts();
    let (tables, counts) = in_range(parts.words, parts.text)?;
    Some(Index {
        storage,
        tables,
        counts,
    })
}

/// Where each table of `words` starts, and the counts of events, people, units and tenures,
/// when everything in `words` is in range. A string is checked to lie within `text`, not that
/// its ends fall between chars: its reader (`Index::string_at`) checks that, so opening never
/// reads the text itself (whose UTF-8 and checksum are checked as a whole).
fn in_range(words: &[u32], text: &str) -> Option<(Tables, [usize; 4])> {
    let header: &[u32; COUNT_WORDS] = words.get(..COUNT_WORDS)?.try_into().ok()?;
    let count = |i: usize| header[i] as usize;
    let counts = [count(0), count(1), count(2), count(3), count(4), count(5)];
    let [events, people, units, tenures, strings, _] = counts;
    let tables = Tables::of(counts)?;
    if tables.end != words.len() || count(6) != text.len() || header[7] != 0 {
        return None;
    }
    let bounds = Bounds {
        text: text.len(),
        strings,
        position_words: &words[tables.positions..],
    };
    // The events (most of the work) are checked half on another thread.
    let event_words = &words[tables.events..tables.people];
    let (first, rest) = event_words.split_at(events / 2 * EVENT_WORDS);
    let events_ok = std::thread::scope(|scope| {
        let other = scope.spawn(|| records(first, |r| bounds.event(r, people, units)));
        let here = records(rest, |r| bounds.event(r, people, units));
        // Invariant: checking does not panic; if it did, the index is not used.
        here && other.join().unwrap_or(false)
    });
    let ok = events_ok
        && records(
            &words[tables.people..tables.units],
            |r: &[u32; PERSON_WORDS]| {
                bounds.names(r) && is_date_word(r[8], false) && is_date_word(r[9], false)
            },
        )
        && records(
            &words[tables.units..tables.tenures],
            |r: &[u32; UNIT_WORDS]| {
                bounds.names(r)
                    && r[8] <= 1
                    && is_date_word(r[9], false)
                    && is_date_word(r[10], false)
            },
        )
        && records(
            &words[tables.tenures..tables.strings],
            |r: &[u32; TENURE_WORDS]| {
                (r[0] as usize) < people
                    && (r[1] as usize) < units
                    && is_date_word(r[2], true)
                    && is_date_word(r[3], false)
            },
        )
        && records(
            &words[tables.strings..tables.positions],
            |r: &[u32; STRING_WORDS]| bounds.string(r[0], r[1]),
        );
    ok.then_some((tables, [events, people, units, tenures]))
}

/// Whether `test` holds for every record of `N` words in `words`.
fn records<const N: usize>(words: &[u32], test: impl Fn(&[u32; N]) -> bool) -> bool {
    let (records, rest) = words.as_chunks::<N>();
    rest.is_empty() && records.iter().all(test)
}

/// What the records' strings, lists and positions must stay within.
struct Bounds<'w> {
    /// The text's length in bytes.
    text: usize,
    /// How many entries the string table has.
    strings: usize,
    /// The position table.
    position_words: &'w [u32],
}

impl Bounds<'_> {
    /// Whether the string at `start`, `len` bytes long, lies within the text.
    fn string(&self, start: u32, len: u32) -> bool {
        (start as usize)
            .checked_add(len as usize)
            .is_some_and(|end| end <= self.text)
    }

    /// Whether the list from entry `first`, `count` long, lies within a table of `len` entries.
    fn list(first: u32, count: u32, len: usize) -> bool {
        (first as usize)
            .checked_add(count as usize)
            .is_some_and(|end| end <= len)
    }

    /// Whether a person's or unit's record (id, name, Chinese name, aliases first) is in range.
    fn names<const N: usize>(&self, r: &[u32; N]) -> bool {
        N >= 8
            && self.string(r[0], r[1])
            && self.string(r[2], r[3])
            && (r[4] == NO_STRING || self.string(r[4], r[5]))
            && Self::list(r[6], r[7], self.strings)
    }

    /// Whether the positions of the list at `first`, `count` are all below `bound`.
    fn positions_below(&self, first: u32, count: u32, bound: usize) -> bool {
        let first = first as usize;
        first
            .checked_add(count as usize)
            .and_then(|end| self.position_words.get(first..end))
            .is_some_and(|list| list.iter().all(|&p| (p as usize) < bound))
    }

    /// Whether an event's record is in range: its strings, dates, kind, tags and references.
    fn event(&self, r: &[u32; EVENT_WORDS], people: usize, units: usize) -> bool {
        self.string(r[0], r[1])
            && self.string(r[2], r[3])
            && self.string(r[4], r[5])
            && is_date_word(r[6], true)
            && is_date_word(r[7], false)
            && (r[8] as usize) < EventKind::ALL.len()
            && Self::list(r[9], r[10], self.strings)
            && self.positions_below(r[11], r[12], people)
            && self.positions_below(r[13], r[14], units)
    }
}
