//! Scoring a text only where a tight match can be.
//!
//! In the skim algorithm an alignment's score is local: 16 per matched char, a bonus per char
//! set by the char before it (word start 8, ×2 at the very start of the text), at least 4 per
//! char continuing a run, and 3 + g for each gap of g chars. A tight match (see
//! [`Pattern::is_tight`](super::Pattern)) can therefore spread over only a few chars more than
//! the pattern (see [`reach`]), and it starts on the pattern's first char. So instead of the whole
//! text (a summary is hundreds of chars; even a title is scored in vain more often than not),
//! the scorer sees only the windows of that length that start on the first char and hold the
//! rest in order, merged where they overlap. A window is scored knowing the kind of the char
//! before it, so every bonus comes out as in the whole text: the best window score is the whole
//! text's score whenever that is tight. Exact forms are contiguous, hence tight, and scored the
//! same way.

use super::score::{self, Kind, Occurrences, Unit};
use super::{MatchKind, Pattern, byte_eq};

/// The widest span of a tight match of `n` chars starting at a position with bonus `bonus`.
///
/// A match of `n` chars scores `16n - 1`, plus the start's bonus, plus at most 8 for each other
/// char, less `3 + g` for each gap of `g` chars; tight needs `16n + 3(n - 1) - 1`. So the gaps
/// hold at most `bonus + 5(n - 1)` chars.
fn reach(n: usize, bonus: i64) -> usize {
    6 * n + usize::try_from(bonus).unwrap_or(0) - 5
}

/// Whether `pattern` occurs in ASCII `text` as its mode requires (case folded when `fold_text`).
pub(super) fn occurs(pattern: &Pattern, text: &[u8], fold_text: bool) -> bool {
    let p = pattern.text.as_bytes();
    let same = |part: &[u8]| {
        part.len() == p.len() && part.iter().zip(p).all(|(&b, &q)| byte_eq(b, q, fold_text))
    };
    match pattern.mode {
        MatchKind::Fuzzy => true, // the prefilter has checked the subsequence
        MatchKind::Exact => {
            let Some(&first) = p.first() else {
                return true;
            };
            let mut from = 0;
            while let Some(at) = u8::find(&text[from..], first, fold_text) {
                let start = from + at;
                if text.get(start..start + p.len()).is_some_and(same) {
                    return true;
                }
                from = start + 1;
            }
            false
        }
        MatchKind::Prefix => text.get(..p.len()).is_some_and(same),
        MatchKind::Suffix => text.len() >= p.len() && same(&text[text.len() - p.len()..]),
        MatchKind::Whole => same(text),
    }
}

/// The skim score of `pattern` in `text` (bytes of ASCII text, or chars) when it is tight (else
/// some lower score or `None`), its units found in `text` by `occurrences`; `rows` is scratch
/// space.
pub(super) fn best<T: Unit>(
    text: &[T],
    pattern: &[T],
    fold_text: bool,
    occurrences: &impl Occurrences,
    rows: &mut score::Rows,
) -> Option<i64> {
    let n = pattern.len();
    if n == 0 {
        return None;
    }
    let widest = reach(n, score::FIRST_BONUS);
    // Only a tight score counts here, and a short pattern's quirks are never tight.
    let quirks = n > score::QUIRKS_NEVER_TIGHT;
    let mut score = |span: std::ops::Range<usize>| {
        let before = span
            .start
            .checked_sub(1)
            .map_or(Kind::Start, |i| text[i].kind(fold_text));
        let part = score::Part { span, before };
        score::score(text, part, pattern, fold_text, occurrences, quirks, rows)
    };
    let mut best = None;
    let mut open: Option<(usize, usize)> = None;
    let mut from = 0;
    'starts: while let Some(start) = occurrences.next(0, from) {
        from = start + 1;
        let before = start
            .checked_sub(1)
            .map_or(Kind::Start, |i| text[i].kind(fold_text));
        let bonus = score::start_bonus(before, text[start].kind(fold_text));
        let end = text.len().min(start + reach(n, bonus));
        // The rest of the pattern in order, each char at its first place: a later start can only
        // place each char later still.
        let mut at = start;
        for row in 1..n {
            match occurrences.next(row, at + 1) {
                Some(next) if next < end => at = next,
                // No start before `next - widest` reaches this char.
                Some(next) => {
                    from = from.max((next + 1).saturating_sub(widest));
                    continue 'starts;
                }
                // This char never comes later: no later start holds the pattern.
                None => break 'starts,
            }
        }
        open = match open {
            Some((a, b)) if start <= b => Some((a, b.max(end))),
            Some((a, b)) => {
                best = best.max(score(a..b));
                Some((start, end))
            }
            None => Some((start, end)),
        };
    }
    if let Some((a, b)) = open {
        best = best.max(score(a..b));
    }
    best
}
