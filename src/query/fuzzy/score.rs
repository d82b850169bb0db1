//! The skim (`SkimMatcherV2`) score of a pattern in a text, computed over bytes (ASCII text) or
//! chars with no allocation: the same recurrence and constants as fuzzy-matcher 0.3 (checked
//! against it by property tests), so that the hot loop of a search need not build a `Vec<char>`,
//! allocate a score matrix and fresh thread-local caches for every text.
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

/// The skim score of `pattern` in `text`, whose preceding char is of kind `before`
/// ([`Kind::Start`] at the start of the whole text); `rows` is scratch space. `None` when the
/// pattern is empty or does not occur in order.
pub(super) fn score<T: Unit>(
    text: &[T],
    before: Kind,
    pattern: &[T],
    fold_text: bool,
    rows: &mut Vec<i64>,
) -> Option<i64> {
    let cols = text.len() + 1;
    // Scratch: the bonus of each position, then two rows of M and two of P by column (column 0
    // is before the text).
    rows.clear();
    rows.resize(5 * cols, NONE);
    rows.resize(7 * cols, 0);
    let (place, rest) = rows.split_at_mut(cols);
    let (rest, carried) = rest.split_at_mut(4 * cols);
    let (m_rows, p_rows) = rest.split_at_mut(2 * cols);
    // Skim keeps a consecutive bonus in each cell of its two score rows and reads it back from
    // the cell left of the match, which holds what the pattern char two before left there (or
    // 0): scores equal skim's only with the same two rows, written the same way.
    let (carried_even, carried_odd) = carried.split_at_mut(cols);
    let (mut m_prev, mut m_cur) = m_rows.split_at_mut(cols);
    let (mut p_prev, mut p_cur) = p_rows.split_at_mut(cols);
    let mut prev_kind = before;
    for (j, &c) in text.iter().enumerate() {
        let kind = c.kind(fold_text);
        place[j + 1] = bonus(prev_kind, kind);
        prev_kind = kind;
    }
    if before == Kind::Start && cols > 1 {
        place[1] *= FIRST_CHAR_MULTIPLIER;
    }
    p_prev.fill(GAP_EXTENSION); // P[0][j] = -1: anything may come before the match
    // Columns before a pattern char's earliest possible position hold no alignment.
    let mut first = 0;
    for (i, &q) in pattern.iter().enumerate() {
        let at = first + T::find(&text[first..], q, fold_text)?;
        first = at + 1;
        // Column `at` is left as the pattern char two before left it (P[0] for the second
        // char): skim does not reset it either.
        let carried = if i % 2 == 0 {
            &mut *carried_even
        } else {
            &mut *carried_odd
        };
        for col in at + 1..cols {
            m_cur[col] = if text[col - 1].matches(q, fold_text) {
                let consecutive = carried[col - 1].max(place[col].max(CONSECUTIVE));
                carried[col - 1] = consecutive;
                let skip = p_prev[col - 1] + place[col];
                if i == 0 {
                    MATCH + skip
                } else {
                    MATCH + (m_prev[col - 1] + consecutive).max(skip)
                }
            } else {
                carried[col] = 0;
                NONE
            };
            p_cur[col] =
                (m_cur[col - 1] + GAP_START + GAP_EXTENSION).max(p_cur[col - 1] + GAP_EXTENSION);
        }
        std::mem::swap(&mut m_prev, &mut m_cur);
        std::mem::swap(&mut p_prev, &mut p_cur);
    }
    if pattern.is_empty() {
        return None;
    }
    // From `first - 1`, where the last pattern char can first match, as skim reads its last
    // row (that column may hold what the pattern char two before left there).
    let best = m_prev[first - 1..].iter().copied().max().unwrap_or(NONE);
    (best > NONE / 2).then_some(best)
}
