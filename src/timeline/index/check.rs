//! The check made once when an index is opened: every count, string, list, position, date and
//! kind in range, so that the index's readers never meet a bad value.

use super::Index;
use super::layout::{
    COUNT_WORDS, EVENT_WORDS, NO_STRING, PERSON_WORDS, STRING_WORDS, TENURE_WORDS, Tables,
    UNIT_WORDS, word_date,
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
/// when everything in `words` and `text` is in range.
fn in_range(words: &[u32], text: &str) -> Option<(Tables, [usize; 4])> {
    if words.len() < COUNT_WORDS {
        return None;
    }
    let word = |at: usize| -> Option<u32> { words.get(at).copied() };
    let count = |at: usize| word(at).map(|w| w as usize);
    let counts = [
        count(0)?,
        count(1)?,
        count(2)?,
        count(3)?,
        count(4)?,
        count(5)?,
    ];
    let [events, people, units, tenures, strings, positions] = counts;
    let tables = Tables::of(counts)?;
    if tables.end != words.len() || count(6)? != text.len() || word(7)? != 0 {
        return None;
    }
    let string = |at: usize| -> Option<()> {
        let start = count(at)?;
        let end = start.checked_add(count(at + 1)?)?;
        text.get(start..end).map(|_| ())
    };
    let list = |at: usize, len: usize| -> Option<()> {
        let end = count(at)?.checked_add(count(at + 1)?)?;
        (end <= len).then_some(())
    };
    let date = |at: usize, required: bool| -> Option<()> {
        let found = word_date(word(at)?).ok()?;
        (found.is_some() || !required).then_some(())
    };
    // A person or unit record starts with its id, name, Chinese name and aliases.
    let names = |at: usize| -> Option<()> {
        string(at)?;
        string(at + 2)?;
        if word(at + 4)? != NO_STRING {
            string(at + 4)?;
        }
        list(at + 6, strings)
    };
    let event = |i: usize| -> Option<()> {
        let at = tables.events + i * EVENT_WORDS;
        string(at)?;
        string(at + 2)?;
        string(at + 4)?;
        date(at + 6, true)?;
        date(at + 7, false)?;
        (count(at + 8)? < EventKind::ALL.len()).then_some(())?;
        list(at + 9, strings)?;
        list(at + 11, positions)?;
        list(at + 13, positions)?;
        let referenced = |list_at: usize, bound: usize| -> Option<()> {
            let first = count(list_at)?;
            for p in first..first + count(list_at + 1)? {
                (count(tables.positions + p)? < bound).then_some(())?;
            }
            Some(())
        };
        referenced(at + 11, people)?;
        referenced(at + 13, units)
    };
    // The events (most of the work) are checked half on another thread.
    let half = events / 2;
    let events_ok = std::thread::scope(|scope| {
        let first = scope.spawn(|| (0..half).try_for_each(event));
        let rest = (half..events).try_for_each(event);
        // Invariant: checking does not panic; if it did, the index is not used.
        rest.is_some() && first.join().ok().flatten().is_some()
    });
    events_ok.then_some(())?;
    for i in 0..people {
        let at = tables.people + i * PERSON_WORDS;
        names(at)?;
        date(at + 8, false)?;
        date(at + 9, false)?;
    }
    for i in 0..units {
        let at = tables.units + i * UNIT_WORDS;
        names(at)?;
        (word(at + 8)? <= 1).then_some(())?;
        date(at + 9, false)?;
        date(at + 10, false)?;
    }
    for t in 0..tenures {
        let at = tables.tenures + t * TENURE_WORDS;
        (count(at)? < people && count(at + 1)? < units).then_some(())?;
        date(at + 2, true)?;
        date(at + 3, false)?;
    }
    for s in 0..strings {
        string(tables.strings + s * STRING_WORDS)?;
    }
    Some((tables, [events, people, units, tenures]))
}
