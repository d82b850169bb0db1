//! The search index's layout, and writing it from a loaded timeline.
//!
//! The payload is two parts, each read whole and used in place:
//!
//! - **words**: little-endian `u32`s — eight counts, then fixed-size records of events, people,
//!   units and tenures, then a table of strings (tags, aliases) and a table of positions
//!   (the people and units each event names);
//! - **text**: every string, one after another, UTF-8.
//!
//! A string is two words (start and length in the text); a list is two words (first entry and
//! count in its table); a date is one word ([`date_word`]; 0 for none); a person or unit is its
//! position.

use std::ops::Range;

use crate::store::date::PartialDate;
use crate::store::model::EventKind;
use crate::timeline::{DateSpan, Searchable};

/// Words per event: id, title, summary (2 each), date, end, kind, tags (2), people (2), units (2).
pub(super) const EVENT_WORDS: usize = 15;
/// Words per person: id, name, Chinese name, aliases (2 each), span start, span end.
pub(super) const PERSON_WORDS: usize = 10;
/// Words per unit: id, name, Chinese name, aliases (2 each), whether it has a life, its start, end.
pub(super) const UNIT_WORDS: usize = 11;
/// Words per tenure: person, unit, start, end.
pub(super) const TENURE_WORDS: usize = 4;
/// Words per entry of the strings table: start, length.
pub(super) const STRING_WORDS: usize = 2;
/// The counts at the start: events, people, units, tenures, strings, positions, text bytes, 0.
pub(super) const COUNT_WORDS: usize = 8;

/// The start word of a missing Chinese name.
pub(super) const NO_STRING: u32 = u32::MAX;

/// Where each table starts, in words, for these counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tables {
    pub events: usize,
    pub people: usize,
    pub units: usize,
    pub tenures: usize,
    pub strings: usize,
    pub positions: usize,
    /// One past the last word.
    pub end: usize,
}

impl Tables {
    /// The tables of `counts` (events, people, units, tenures, strings, positions), or `None`
    /// when they overflow.
    pub(super) fn of(counts: [usize; 6]) -> Option<Tables> {
        let [e, p, u, t, s, r] = counts;
        let events = COUNT_WORDS;
        let people = events.checked_add(e.checked_mul(EVENT_WORDS)?)?;
        let units = people.checked_add(p.checked_mul(PERSON_WORDS)?)?;
        let tenures = units.checked_add(u.checked_mul(UNIT_WORDS)?)?;
        let strings = tenures.checked_add(t.checked_mul(TENURE_WORDS)?)?;
        let positions = strings.checked_add(s.checked_mul(STRING_WORDS)?)?;
        let end = positions.checked_add(r)?;
        Some(Tables {
            events,
            people,
            units,
            tenures,
            strings,
            positions,
            end,
        })
    }
}

/// A date as one word: bit 31 set, bit 30 approximate, the year from bit 9, the month (0 for
/// none) from bit 5, the day (0 for none) in the low bits.
pub(super) fn date_word(date: Option<PartialDate>) -> u32 {
    date.map_or(0, |d| {
        let year = u32::try_from(d.year()).unwrap_or(0);
        (1 << 31)
            | (u32::from(d.is_approximate()) << 30)
            | (year << 9)
            | (d.month().unwrap_or(0) << 5)
            | d.day().unwrap_or(0)
    })
}

/// Whether `word` holds a date (or 0, for none, unless `required`).
pub(super) fn is_date_word(word: u32, required: bool) -> bool {
    match word_parts(word) {
        Ok(Some((year, month, day, _))) => PartialDate::exists(year, month, day),
        Ok(None) => !required,
        Err(()) => false,
    }
}

/// The date a word of a checked index holds (see [`is_date_word`]), not checked again.
pub(super) fn checked_word_date(word: u32) -> Option<PartialDate> {
    let (year, month, day, approximate) = word_parts(word).ok()??;
    Some(PartialDate::accepted(year, month, day, approximate))
}

/// A date's year, month, day and whether it is approximate, as a word holds them.
type DateParts = (i32, Option<u32>, Option<u32>, bool);

/// The parts a date word holds, unchecked: `Ok(None)` for 0.
fn word_parts(word: u32) -> Result<Option<DateParts>, ()> {
    if word == 0 {
        return Ok(None);
    }
    if word & (1 << 31) == 0 {
        return Err(());
    }
    let year = i32::try_from((word >> 9) & 0x1_ffff).map_err(|_| ())?;
    let part = |n: u32| (n != 0).then_some(n);
    let (month, day) = (part((word >> 5) & 0xf), part(word & 0x1f));
    Ok(Some((year, month, day, word & (1 << 30) != 0)))
}

/// The word of an event kind: its place in [`EventKind::ALL`].
pub(super) fn kind_word(kind: EventKind) -> u32 {
    let at = EventKind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
    u32::try_from(at).unwrap_or(0)
}

/// The words and the text of the index of `timeline` (anything searchable); `None` when it is too large for 32-bit
/// positions (no store under the loader's size limit is). The text is measured first (by the
/// builder itself, as the file writer measures it), so that it is allocated once.
pub(super) fn build<S: Searchable>(timeline: &S) -> Option<(Vec<u32>, String)> {
    let (_, Measured(len)) = build_into(timeline, Measured::default())?;
    build_into(timeline, String::with_capacity(len))
}

/// Where [`build_into`] puts the index's text: a `String` holds it, [`Measured`] only counts
/// it, and the file writer streams it to the file (`file.rs`).
pub(super) trait Text {
    /// Its length so far, in bytes.
    fn len(&self) -> usize;
    /// Appends `s`.
    fn push(&mut self, s: &str);
}

impl Text for String {
    fn len(&self) -> usize {
        String::len(self)
    }

    fn push(&mut self, s: &str) {
        self.push_str(s);
    }
}

/// A text only measured: its length, with nothing kept.
#[derive(Debug, Default)]
pub(super) struct Measured(pub usize);

impl Text for Measured {
    fn len(&self) -> usize {
        self.0
    }

    fn push(&mut self, s: &str) {
        self.0 += s.len();
    }
}

/// As [`build`], with the text put into `text`: the words, and `text` once every string is in it
/// (the same strings in the same order, whatever `text` does with them).
pub(super) fn build_into<S: Searchable, T: Text>(timeline: &S, text: T) -> Option<(Vec<u32>, T)> {
    let mut out = Builder {
        text,
        strings: Vec::new(),
        positions: Vec::new(),
    };
    let mut events = Vec::with_capacity(timeline.event_count() * EVENT_WORDS);
    for i in 0..timeline.event_count() {
        let (date, end) = timeline.event_dates(i);
        let tags = out.strings(timeline.event_tags(i))?;
        let people = out.positions(timeline.event_people(i))?;
        let units = out.positions(timeline.event_units(i))?;
        events.extend(out.text(timeline.event_id(i))?);
        events.extend(out.text(timeline.event_title(i))?);
        events.extend(out.text(timeline.event_summary(i))?);
        events.extend([date_word(Some(date)), date_word(end)]);
        events.push(kind_word(timeline.event_kind(i)));
        events.extend([tags, people, units].into_iter().flatten());
    }
    let spans = person_spans(timeline);
    let mut people = Vec::with_capacity(timeline.person_count() * PERSON_WORDS);
    for (i, &(start, end)) in spans.iter().enumerate() {
        let (name, zh) = timeline.person_name(i);
        people.extend(out.text(timeline.person_id(i))?);
        people.extend(out.text(name)?);
        people.extend(out.optional(zh)?);
        people.extend(out.strings(timeline.person_aliases(i))?);
        people.extend([date_word(start), date_word(end)]);
    }
    let mut units = Vec::with_capacity(timeline.unit_count() * UNIT_WORDS);
    for i in 0..timeline.unit_count() {
        let (name, zh) = timeline.unit_name(i);
        units.extend(out.text(timeline.unit_id(i))?);
        units.extend(out.text(name)?);
        units.extend(out.optional(zh)?);
        units.extend(out.strings(timeline.unit_aliases(i))?);
        let life = timeline.unit_life(i);
        let (start, end) = life.unwrap_or((None, None));
        units.extend([u32::from(life.is_some()), date_word(start), date_word(end)]);
    }
    let mut tenures = Vec::new();
    for (p, u, start, end) in timeline.tenures() {
        let (p, u) = (u32::try_from(p).ok()?, u32::try_from(u).ok()?);
        tenures.extend([p, u, date_word(Some(start)), date_word(end)]);
    }
    let counts = [
        timeline.event_count(),
        timeline.person_count(),
        timeline.unit_count(),
        tenures.len() / TENURE_WORDS,
        out.strings.len() / STRING_WORDS,
        out.positions.len(),
        out.text.len(),
        0,
    ];
    let mut words = Vec::with_capacity(COUNT_WORDS + events.len() + people.len());
    for count in counts {
        words.push(u32::try_from(count).ok()?);
    }
    for part in [events, people, units, tenures, out.strings, out.positions] {
        words.extend(part);
    }
    Some((words, out.text))
}

/// Every person's [`Searchable::person_span`], from one pass over the tenures (asking for each
/// person in turn would go over all of them once per person).
fn person_spans<S: Searchable>(timeline: &S) -> Vec<DateSpan> {
    // The earliest start, whether a role is still held, the latest end.
    let mut found: Vec<(Option<PartialDate>, bool, Option<PartialDate>)> =
        vec![(None, false, None); timeline.person_count()];
    for (p, _, start, end) in timeline.tenures() {
        if let Some((first, open, last)) = found.get_mut(p) {
            *first = Some(first.map_or(start, |f| f.min(start)));
            *open |= end.is_none();
            *last = (*last).max(end);
        }
    }
    found
        .into_iter()
        .map(|(first, open, last)| (first, if open { None } else { last }))
        .collect()
}

/// The text and the tables being filled.
struct Builder<T> {
    text: T,
    strings: Vec<u32>,
    positions: Vec<u32>,
}

impl<T: Text> Builder<T> {
    /// Appends `s` to the text: its start and length.
    fn text(&mut self, s: &str) -> Option<[u32; 2]> {
        let at = self.range(s)?;
        Some([u32::try_from(at.start).ok()?, u32::try_from(at.len()).ok()?])
    }

    fn range(&mut self, s: &str) -> Option<Range<usize>> {
        let start = self.text.len();
        self.text.push(s);
        u32::try_from(self.text.len()).ok()?;
        Some(start..self.text.len())
    }

    /// A string that may be missing ([`NO_STRING`]).
    fn optional(&mut self, s: Option<&str>) -> Option<[u32; 2]> {
        s.map_or(Some([NO_STRING, 0]), |s| self.text(s))
    }

    /// A list of strings: first entry in the strings table, count.
    fn strings<'s>(&mut self, list: impl Iterator<Item = &'s str>) -> Option<[u32; 2]> {
        let first = self.strings.len() / STRING_WORDS;
        for s in list {
            let words = self.text(s)?;
            self.strings.extend(words);
        }
        let count = self.strings.len() / STRING_WORDS - first;
        Some([u32::try_from(first).ok()?, u32::try_from(count).ok()?])
    }

    /// A list of positions: first entry in the positions table, count.
    fn positions(&mut self, list: impl Iterator<Item = usize>) -> Option<[u32; 2]> {
        let first = self.positions.len();
        for p in list {
            self.positions.push(u32::try_from(p).ok()?);
        }
        let count = self.positions.len() - first;
        Some([u32::try_from(first).ok()?, u32::try_from(count).ok()?])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_is_allocated_at_its_full_length_once() {
        let timeline = crate::timeline::load_bundled().expect("the bundled store loads");
        let (_, text) = build(&timeline).expect("the bundled store fits");
        let (_, Measured(len)) = build_into(&timeline, Measured::default()).expect("it fits");
        assert_eq!(text.len(), len);
        assert_eq!(text.capacity(), text.len(), "no second allocation");
    }
}
