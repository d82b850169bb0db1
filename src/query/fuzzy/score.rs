//! The skim (`SkimMatcherV2`) score of a pattern in a text, computed over bytes (ASCII text) or
//! chars with no allocation: the same recurrence and constants as fuzzy-matcher 0.3 (checked
//! against it by property tests), so that the hot loop of a search need not build a `Vec<char>`,
//! allocate a score matrix and fresh thread-local caches for every text. Only the cells where a
//! pattern char occurs are computed (see [`score`]), so a text costs what its matching chars do,
//! not its length times the pattern's.
//!
//! For pattern char `i` and text char `j`, with `B[j]` the bonus of `j`'s position (8 at a word
//! start, 7 after punctuation, 6 at a camelCase hump, doubled for the first char of the text):
//!
//! ```text
//! M[i][j] = 16 + max(M[i-1][j-1] + max(B[j], 4), P[i-1][j-1] + B[j])   if they match, else -inf
//! P[i][j] = max(M[i][j-1] - 4, P[i][j-1] - 1)                          P[0][j] = -1
//! score   = max over j of M[n][j]
//! ```

use super::byte_eq;

/// A unit of text the scorer steps over: a byte of ASCII text, or a char.
pub(super) trait Unit: Copy {
    /// Skim's kind of this unit (folded when `fold_text`).
    fn kind(self, fold_text: bool) -> Kind;
    /// Whether this unit of the text matches pattern unit `p` (folding ASCII case when
    /// `fold_text`; chars are compared as they are, already folded by the caller).
    fn matches(self, p: Self, fold_text: bool) -> bool;
    /// The position of the first unit of `text` that [`Unit::matches`] `p`.
    fn find(text: &[Self], p: Self, fold_text: bool) -> Option<usize> {
        text.iter().position(|&c| c.matches(p, fold_text))
    }
}

impl Unit for u8 {
    #[inline]
    fn kind(self, fold_text: bool) -> Kind {
        Kind::of(self, fold_text)
    }

    #[inline]
    fn matches(self, p: u8, fold_text: bool) -> bool {
        byte_eq(self, p, fold_text)
    }

    /// With `memchr`, many bytes at a time: the byte prefilter of every scan.
    #[inline]
    fn find(text: &[u8], p: u8, fold_text: bool) -> Option<usize> {
        if fold_text && p.is_ascii_lowercase() {
            memchr::memchr2(p, p.to_ascii_uppercase(), text)
        } else {
            memchr::memchr(p, text)
        }
    }
}

impl Unit for char {
    #[inline]
    fn kind(self, fold_text: bool) -> Kind {
        u8::try_from(self).map_or(Kind::Lower, |b| {
            if b.is_ascii() {
                Kind::of(b, fold_text)
            } else {
                Kind::Lower
            }
        })
    }

    #[inline]
    fn matches(self, p: char, _fold_text: bool) -> bool {
        self == p
    }
}

const MATCH: i64 = 16;
const GAP_START: i64 = -3;
const GAP_EXTENSION: i64 = -1;
const HEAD: i64 = 8;
const BREAK: i64 = 7;
const CAMEL: i64 = 6;
const CONSECUTIVE: i64 = 4;
const FIRST_CHAR_MULTIPLIER: i64 = 2;
/// Far below any real score, and far enough above `i64::MIN` that adding every gap of the
/// longest text to it cannot overflow.
const NONE: i64 = i64::MIN / 4;

/// Skim's kind of a char, which sets the bonus of the char after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Before the first char of the text.
    Start,
    /// Space, `/`, `\`, `|` and brackets.
    HardSeparator,
    /// Other ASCII punctuation.
    SoftSeparator,
    /// `0`–`9`.
    Digit,
    /// `A`–`Z`.
    Upper,
    /// Anything else.
    Lower,
}

impl Kind {
    /// The kind of byte `b` (as compared: folded when `fold_text`).
    #[inline]
    pub(super) fn of(b: u8, fold_text: bool) -> Kind {
        let kind = KINDS[usize::from(b)];
        if fold_text && kind == Kind::Upper {
            Kind::Lower
        } else {
            kind
        }
    }
}

/// The kind of every byte (bytes of non-ASCII chars never reach here).
static KINDS: [Kind; 256] = {
    let mut kinds = [Kind::Lower; 256];
    let mut b = 0;
    while b < 256 {
        kinds[b] = match b as u8 {
            0 => Kind::Start,
            b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => {
                Kind::HardSeparator
            }
            b'!'..=b'\'' | b'*'..=b'.' | b':'..=b'@' | b'^'..=b'`' | b'~' => Kind::SoftSeparator,
            b'0'..=b'9' => Kind::Digit,
            b'A'..=b'Z' => Kind::Upper,
            _ => Kind::Lower,
        };
        b += 1;
    }
    kinds
};

/// The largest bonus of a first matched char: a word start at the very start of the text.
pub(super) const FIRST_BONUS: i64 = HEAD * FIRST_CHAR_MULTIPLIER;

/// The bonus of a char of kind `cur` after one of kind `prev`, doubled at the start of the text.
pub(super) fn start_bonus(prev: Kind, cur: Kind) -> i64 {
    let bonus = bonus(prev, cur);
    if prev == Kind::Start {
        bonus * FIRST_CHAR_MULTIPLIER
    } else {
        bonus
    }
}

/// The bonus of a char of kind `cur` after one of kind `prev`.
fn bonus(prev: Kind, cur: Kind) -> i64 {
    match (prev, cur) {
        (Kind::Start | Kind::HardSeparator, _) => HEAD,
        (Kind::SoftSeparator, _) => BREAK,
        (Kind::Lower | Kind::Digit, Kind::Upper) => CAMEL,
        _ => 0,
    }
}

/// Where the pattern's chars occur in a text: what [`score`] and the window search step over.
pub(super) trait Occurrences {
    /// The first position at or after `from` where pattern char `row` occurs.
    fn next(&self, row: usize, from: usize) -> Option<usize>;

    /// Appends to `out` every position in `from..to` where pattern char `row` occurs, in order.
    fn all(&self, row: usize, from: usize, to: usize, out: &mut Vec<usize>) {
        let mut at = from;
        while let Some(j) = self.next(row, at).filter(|&j| j < to) {
            out.push(j);
            at = j + 1;
        }
    }
}

/// The occurrences of a pattern's units in a text, found by scanning the text.
pub(super) struct Scan<'t, T> {
    /// The text.
    pub text: &'t [T],
    /// The pattern.
    pub pattern: &'t [T],
    /// Whether ASCII case is folded (see [`Unit::matches`]).
    pub fold_text: bool,
}

impl<T: Unit> Occurrences for Scan<'_, T> {
    fn next(&self, row: usize, from: usize) -> Option<usize> {
        let rest = self.text.get(from..)?;
        T::find(rest, self.pattern[row], self.fold_text).map(|at| from + at)
    }
}

/// Scratch space of [`score`], reused from text to text: for each pattern char, where it
/// occurs and the best score of an alignment ending there.
#[derive(Debug, Default)]
pub(super) struct Rows {
    /// Each row's first position in `positions` (one more entry than rows, for the end).
    starts: Vec<usize>,
    /// Where each row's char occurs, from its earliest possible position (ascending).
    positions: Vec<usize>,
    /// `M` at each of those positions.
    scores: Vec<i64>,
    /// Each row's earliest possible position: the greedy match of the pattern.
    earliest: Vec<usize>,
    /// Each row's `P` at its earliest position (see [`score`]).
    gap_at_earliest: Vec<i64>,
}

impl Rows {
    /// Row `i`'s positions and scores.
    fn row(&self, i: usize) -> (&[usize], &[i64]) {
        let range = self.starts[i]..self.starts[i + 1];
        (&self.positions[range.clone()], &self.scores[range])
    }

    /// Row `i`'s `M` and `P` at `pos` (at or after the row's earliest position).
    fn at(&self, i: usize, pos: usize) -> (i64, i64) {
        let (positions, scores) = self.row(i);
        let mut m = NONE;
        let mut reach = NONE;
        for (&j, &score) in positions.iter().zip(scores) {
            if j >= pos {
                if j == pos {
                    m = score;
                }
                break;
            }
            reach = reach.max(score + position(j));
        }
        (
            m,
            gap(self.gap_at_earliest[i], self.earliest[i], reach, pos),
        )
    }
}

/// `P` at `pos` in a row whose `P` at its earliest position `earliest` is `at_earliest`, and
/// whose best `M + position` left of `pos` is `reach`: a gap costs 3, plus 1 per char.
fn gap(at_earliest: i64, earliest: usize, reach: i64, pos: usize) -> i64 {
    (at_earliest - position(pos - earliest)).max(reach + GAP_START - position(pos))
}

/// A position as a score term (texts are far shorter than `i64::MAX`).
fn position(j: usize) -> i64 {
    i64::try_from(j).unwrap_or(i64::MAX / 4)
}

/// The longest pattern none of whose alignments that skip chars (through the quirks below) can
/// be tight: such an alignment matches at most `n - 2` chars, so it scores at most
/// `31 + 24(n - 3)`, below the tight `19n - 4` while `n <= 7`.
pub(super) const QUIRKS_NEVER_TIGHT: usize = 7;

/// A part of a text to score: its span, and the kind of the char before it ([`Kind::Start`] at
/// the start of the whole text).
#[derive(Debug, Clone)]
pub(super) struct Part {
    /// Where the part lies in the text.
    pub span: std::ops::Range<usize>,
    /// The kind of the char before it.
    pub before: Kind,
}

/// The skim score of `pattern` (whose units occur in `text` as `occurrences` says) in `part` of
/// `text`; `rows` is scratch space. `None` when the pattern is empty or does not occur in order.
/// With `quirks` false the alignments skim's quirks add are left out: the score is then skim's
/// whenever that is tight for a pattern of at most [`QUIRKS_NEVER_TIGHT`] chars, else some lower
/// score.
///
/// Skim fills the whole matrix of the module documentation. Only the cells where a pattern char
/// matches hold an `M` other than -inf, and `P` along a row is the best `M` to its left less
/// the gap, so this keeps just those cells: for row `i`, the positions (at or after the greedy
/// match of the pattern) where its char occurs. Two quirks of skim's two reused rows are kept,
/// so scores stay equal to skim's:
/// - the column just before a row's earliest position is not recomputed, so `P` starts there
///   from what the row two before left in it (`-1` for the second row: `P[0]`);
/// - the best score is read from that column onwards in the last row.
pub(super) fn score<T: Unit>(
    text: &[T],
    part: Part,
    pattern: &[T],
    fold_text: bool,
    occurrences: &impl Occurrences,
    quirks: bool,
    rows: &mut Rows,
) -> Option<i64> {
    if pattern.is_empty() {
        return None;
    }
    let Part { span, before } = part;
    let (a, b) = (span.start, span.end);
    let next = |row: usize, from: usize| occurrences.next(row, from).filter(|&j| j < b);
    rows.earliest.clear();
    let mut first = a;
    for row in 0..pattern.len() {
        let at = next(row, first)?;
        rows.earliest.push(at);
        first = at + 1;
    }
    let place = |j: usize| {
        let prev = if j == a {
            before
        } else {
            text[j - 1].kind(fold_text)
        };
        let bonus = bonus(prev, text[j].kind(fold_text));
        if j == a && before == Kind::Start {
            bonus * FIRST_CHAR_MULTIPLIER
        } else {
            bonus
        }
    };
    rows.starts.clear();
    rows.positions.clear();
    rows.scores.clear();
    rows.gap_at_earliest.clear();
    for row in 0..pattern.len() {
        let earliest = rows.earliest[row];
        // `P` at the earliest position, from the column before it as the row two before left
        // it (nothing for the first row, `P[0] = -1` for the second).
        let gap_at_earliest = match row {
            _ if !quirks => NONE,
            0 => NONE + GAP_EXTENSION,
            1 => GAP_EXTENSION + GAP_EXTENSION,
            _ => {
                let (m, p) = rows.at(row - 2, earliest - 1);
                (m + GAP_START + GAP_EXTENSION).max(p + GAP_EXTENSION)
            }
        };
        rows.gap_at_earliest.push(gap_at_earliest);
        let start = rows.positions.len();
        rows.starts.push(start);
        occurrences.all(row, earliest, b, &mut rows.positions);
        if row == 0 {
            for cell in start..rows.positions.len() {
                let j = rows.positions[cell];
                rows.scores.push(MATCH + GAP_EXTENSION + place(j));
            }
            continue;
        }
        // The previous row, walked alongside: its best `M + position` to the left, and its `M`
        // just before.
        let (prev_from, prev_to) = (rows.starts[row - 1], start);
        let (prev_earliest, prev_gap) = (rows.earliest[row - 1], rows.gap_at_earliest[row - 1]);
        let mut k = prev_from;
        let mut reach = NONE;
        for cell in start..rows.positions.len() {
            let j = rows.positions[cell];
            let pos = j - 1; // at or after the previous row's earliest position
            while k < prev_to && rows.positions[k] < pos {
                reach = reach.max(rows.scores[k] + position(rows.positions[k]));
                k += 1;
            }
            let m_before = if k < prev_to && rows.positions[k] == pos {
                rows.scores[k]
            } else {
                NONE
            };
            let p_before = gap(prev_gap, prev_earliest, reach, pos);
            let bonus = place(j);
            let consecutive = bonus.max(CONSECUTIVE);
            rows.scores
                .push(MATCH + (m_before + consecutive).max(p_before + bonus));
        }
    }
    rows.starts.push(rows.positions.len());
    let n = pattern.len();
    let last = rows.earliest[n - 1];
    // The column before the last row's earliest position still holds the row two before.
    let stale = if quirks && n >= 3 {
        rows.at(n - 3, last - 1).0
    } else {
        NONE
    };
    let best = rows.row(n - 1).1.iter().copied().fold(stale, i64::max);
    (best > NONE / 2).then_some(best)
}
