//! Matching one pattern against one piece of text: fzf's fuzzy, exact, prefix, suffix and
//! whole-text modes, scored by the skim algorithm (`SkimMatcherV2`), with matched positions as
//! char indices.
//!
//! - Case-insensitive patterns are stored folded (see [`fold`]) and compared with text folded
//!   the same way, one char for one char, so char indices into folded text are char indices into
//!   the original.
//! - Unlike fzf, a fuzzy pattern must match tightly ([`Pattern::is_tight`]): our texts are
//!   sentences, where almost any few letters occur in order somewhere.
//! - Speed: one pass over a text marks where the pattern's bytes are (`masks.rs`, sixteen bytes
//!   at a time) and tells whether the text is plain ASCII, as most are; then only the short
//!   windows where a tight match can be are scored (`window.rs`), each by skim's recurrence
//!   computed at the pattern's occurrences alone (`score.rs`). An ASCII pattern is scored over
//!   bytes in any text (other chars one byte each, after a prefilter: every pattern char present,
//!   in order); only a non-ASCII pattern makes the text chars. Nothing is allocated per text.
//! - `SkimMatcherV2` reuses its score matrix between calls without clearing it, which makes a
//!   score depend on earlier calls (e.g. `cce` in `ccea`: 71 or 75), and `use_cache(false)`
//!   panics; so each score comes from a fresh matcher and results never depend on call order.

mod masks;
mod score;
mod window;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// The score of one matched char in the skim algorithm.
const CHAR_SCORE: i64 = 16;

/// The least bonus per char beyond the first of a contiguous match in the skim algorithm.
const RUN_BONUS: i64 = 4;

/// How a pattern must occur in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MatchKind {
    /// Every char, in order, with gaps allowed (`gao`).
    Fuzzy,
    /// A contiguous substring (`'gao`).
    Exact,
    /// At the start of the text (`^gao`).
    Prefix,
    /// At the end of the text (`gao$`).
    Suffix,
    /// The whole text (`^gao$`).
    Whole,
}

/// A pattern ready to match: its mode and its text (folded unless case-sensitive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pattern {
    /// How it must occur.
    pub mode: MatchKind,
    /// The text to find; folded with [`fold`] unless `case_sensitive`.
    pub text: String,
    /// Smart case: a pattern with an uppercase letter matches case exactly.
    pub case_sensitive: bool,
}

impl Pattern {
    /// No text scores higher than this: 31 for the first char (a word start at the very start
    /// of the text) and 24 for each other (a continued word start).
    pub(crate) fn max_score(&self) -> i64 {
        let n = i64::try_from(self.text.chars().count()).unwrap_or(i64::MAX / 64);
        24 * n + 7
    }

    /// Whether a fuzzy `score` is a tight match: nearly as good as the pattern written out in
    /// the middle of a word, so each gap must be paid for by matching at word starts. Word
    /// starts and acronyms (`dme` in `Digital Media & Entertainment`, `gxs` in `Gao Xiaosong`)
    /// are tight; letters strewn over a sentence (`gao` in `group around`) are not. Every
    /// contiguous occurrence is tight.
    fn is_tight(&self, score: i64) -> bool {
        score >= tight_floor(self.text.chars().count())
    }
}

/// The least tight score for a pattern of `n` chars.
fn tight_floor(n: usize) -> i64 {
    let n = i64::try_from(n).unwrap_or(i64::MAX / 64);
    CHAR_SCORE * n + (RUN_BONUS - 1) * (n - 1) - 1
}

/// `c` in lower case when that is one char and keeps ASCII and non-ASCII apart (so byte
/// scanning stays exact and folded text has as many chars as the original).
#[must_use]
pub(crate) fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if !l.is_ascii() => l,
        _ => c,
    }
}

/// Whether `text` has an uppercase letter (smart case).
#[must_use]
pub(crate) fn has_upper(text: &str) -> bool {
    text.chars().any(char::is_uppercase)
}

/// Writes `text` folded into `out` (cleared first).
fn fold_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
    } else {
        out.extend(text.chars().map(fold));
    }
}

/// Whether ASCII byte `b` equals the (folded, when `fold_text`) pattern byte `p`.
fn byte_eq(b: u8, p: u8, fold_text: bool) -> bool {
    // b | 0x20 equals a lowercase letter only for that letter in either case.
    b == p || (fold_text && p.is_ascii_lowercase() && b | 0x20 == p)
}

/// Byte offset just past the first char at or after `from` equal to `p` (after folding when
/// `fold_text`); `p` is already folded in that case.
fn find_char(text: &str, from: usize, p: char, fold_text: bool) -> Option<usize> {
    let rest = text.get(from..)?;
    if p.is_ascii() {
        // Bytes of multi-byte chars are >= 0x80 and never equal an ASCII byte.
        let at = <u8 as score::Unit>::find(rest.as_bytes(), p as u8, fold_text);
        return at.map(|i| from + i + 1);
    }
    if fold_text {
        rest.char_indices()
            .find(|&(_, c)| fold(c) == p)
            .map(|(i, c)| from + i + c.len_utf8())
    } else {
        rest.find(p).map(|i| from + i + p.len_utf8())
    }
}

/// Whether every char of `pattern` occurs in `text`, in order: the prefilter. No allocation.
#[must_use]
pub(crate) fn has_subsequence(text: &str, pattern: &str, fold_text: bool) -> bool {
    let mut at = 0;
    for p in pattern.chars() {
        match find_char(text, at, p, fold_text) {
            Some(next) => at = next,
            None => return false,
        }
    }
    true
}

/// A fresh skim matcher comparing chars exactly (case is handled by folding); see the module
/// documentation for why it is never reused.
fn skim() -> SkimMatcherV2 {
    SkimMatcherV2::default().respect_case()
}

/// Scores patterns against texts, with scratch space reused from text to text.
#[derive(Default)]
pub(crate) struct Scorer {
    /// Folded text (non-ASCII, or a label being highlighted).
    buffer: String,
    /// The scorer's rows.
    rows: score::Rows,
    /// Where the pattern's bytes occur in an ASCII text.
    masks: masks::Masks,
    /// Non-ASCII text as chars, folded when the pattern is (for a non-ASCII pattern).
    chars: Vec<char>,
    /// Non-ASCII text one byte per char (for an ASCII pattern): see [`one_byte_per_char`].
    units: Vec<u8>,
    /// The pattern as chars.
    pattern: Vec<char>,
    /// A text with invisible characters, as it is shown (see [`crate::text::sanitize`]).
    shown: String,
}

impl Scorer {
    /// The score of `pattern` in `text` as it is shown (invisible characters removed, line
    /// breaks as spaces), or `None` when it does not occur as its mode requires (for a fuzzy
    /// pattern: in order, and tightly).
    pub(crate) fn score(&mut self, pattern: &Pattern, text: &str) -> Option<i64> {
        let (t, p) = (text.as_bytes(), pattern.text.as_bytes());
        let fold_text = !pattern.case_sensitive;
        // An exact form missing from a plain text (as shown) needs no closer look.
        if pattern.mode != MatchKind::Fuzzy
            && p.is_ascii()
            && !window::occurs(pattern, t, fold_text)
            && t.iter().all(|b| (b' '..=b'~').contains(b))
        {
            return None;
        }
        // Most texts are plain: one pass finds that and where the pattern's bytes are.
        if p.is_ascii() && self.masks.build_if_plain(t, p, fold_text) {
            return self.score_plain(pattern, t);
        }
        // Removing characters keeps the others in order: when `text` lacks the pattern's
        // characters in order, so does what is shown (unless the pattern has a space, which a
        // line break becomes). This skips the closer look at most non-ASCII texts.
        if !text.is_ascii()
            && !pattern.text.contains(' ')
            && !has_subsequence(text, &pattern.text, fold_text)
        {
            return None;
        }
        self.with_shown(text, |scorer, shown| scorer.score_shown(pattern, shown))
    }

    /// Runs `f` on `text` as it is shown: `text` itself when it has nothing to remove.
    fn with_shown<T>(&mut self, text: &str, f: impl FnOnce(&mut Self, &str) -> T) -> T {
        if crate::text::is_clean(text) {
            return f(self, text);
        }
        let mut shown = std::mem::take(&mut self.shown);
        crate::text::sanitize_into(text, &mut shown);
        let result = f(self, &shown);
        self.shown = shown;
        result
    }

    /// [`Scorer::score`] of a text with nothing to remove.
    fn score_shown(&mut self, pattern: &Pattern, text: &str) -> Option<i64> {
        let fold_text = !pattern.case_sensitive;
        let p = pattern.text.as_bytes();
        let score = if p.is_ascii() {
            // An ASCII pattern is scored over bytes, other text taken one byte per char.
            if text.is_ascii() {
                self.masks.build(text.as_bytes(), p, fold_text);
                self.best_in_bytes(pattern, text.as_bytes())?
            } else {
                if !has_subsequence(text, &pattern.text, fold_text) {
                    return None;
                }
                let mut units = std::mem::take(&mut self.units);
                one_byte_per_char(text, &mut units);
                self.masks.build(&units, p, fold_text);
                let best = self.best_in_bytes(pattern, &units);
                self.units = units;
                best?
            }
        } else {
            if text.is_ascii() || !has_subsequence(text, &pattern.text, fold_text) {
                return None;
            }
            if pattern.mode != MatchKind::Fuzzy
                && !occurs(pattern, hay(pattern, text, &mut self.buffer))
            {
                return None;
            }
            self.chars.clear();
            if fold_text {
                self.chars.extend(text.chars().map(fold));
            } else {
                self.chars.extend(text.chars());
            }
            self.pattern.clear();
            self.pattern.extend(pattern.text.chars());
            let chars = score::Scan {
                text: &self.chars,
                pattern: &self.pattern,
                fold_text: false,
            };
            window::best(&self.chars, &self.pattern, false, &chars, &mut self.rows)?
        };
        tight(pattern, score)
    }

    /// [`Scorer::score`] of a plain text (see [`masks::Masks::build`]), the pattern's bytes
    /// marked in it.
    fn score_plain(&mut self, pattern: &Pattern, text: &[u8]) -> Option<i64> {
        let score = self.best_in_bytes(pattern, text)?;
        tight(pattern, score)
    }

    /// The best window score of an ASCII pattern in `text` (bytes, one per char) when it occurs
    /// there as its mode requires, the pattern's bytes marked in `text`.
    fn best_in_bytes(&mut self, pattern: &Pattern, text: &[u8]) -> Option<i64> {
        let fold_text = !pattern.case_sensitive;
        // The window search checks the order of the chars itself.
        if !window::occurs(pattern, text, fold_text) {
            return None;
        }
        let p = pattern.text.as_bytes();
        window::best(text, p, fold_text, &self.masks, &mut self.rows)
    }

    /// The score and matched char indices of `pattern` in `text` as shown (for highlighting a
    /// label, which is shown sanitised).
    pub(crate) fn indices(&mut self, pattern: &Pattern, text: &str) -> Option<(i64, Vec<usize>)> {
        self.with_shown(text, |scorer, shown| scorer.indices_shown(pattern, shown))
    }

    fn indices_shown(&mut self, pattern: &Pattern, text: &str) -> Option<(i64, Vec<usize>)> {
        let score = self.score_shown(pattern, text)?;
        let hay = self.hay(pattern, text);
        let indices = match pattern.mode {
            MatchKind::Fuzzy => skim().fuzzy_indices(hay, &pattern.text)?.1,
            mode => {
                let n = pattern.text.chars().count();
                let start = match mode {
                    MatchKind::Prefix | MatchKind::Whole => 0,
                    MatchKind::Suffix => hay.chars().count().saturating_sub(n),
                    _ => hay[..hay.find(&pattern.text)?].chars().count(),
                };
                (start..start + n).collect()
            }
        };
        Some((score, indices))
    }

    /// `text` as the pattern compares it: folded into the buffer, or as it is.
    fn hay<'s>(&'s mut self, pattern: &Pattern, text: &'s str) -> &'s str {
        hay(pattern, text, &mut self.buffer)
    }
}

/// The byte standing for a non-ASCII char in [`one_byte_per_char`]: no ASCII byte equals it,
/// even folded, and skim counts it as it counts such a char (neither a separator nor a capital).
const OTHER_CHAR: u8 = 0x80;

/// Writes `text` into `out` one byte per char: ASCII as it is, any other char as
/// [`OTHER_CHAR`]. An ASCII pattern scores the same in both (positions count chars).
fn one_byte_per_char(text: &str, out: &mut Vec<u8>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let ascii = ascii_run(&bytes[i..]);
        out.extend_from_slice(&bytes[i..i + ascii]);
        i += ascii;
        if let Some(&lead) = bytes.get(i) {
            out.push(OTHER_CHAR);
            // The length of a UTF-8 sequence, from its leading byte.
            i += match lead {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
        }
    }
}

/// `score` when `pattern` counts it: always in an exact mode (an exact occurrence is contiguous,
/// hence tight), and when it is tight in the fuzzy mode.
fn tight(pattern: &Pattern, score: i64) -> Option<i64> {
    (pattern.mode != MatchKind::Fuzzy || pattern.is_tight(score)).then_some(score)
}

/// How many bytes `bytes` starts with are ASCII, eight at a time.
fn ascii_run(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut run = 0;
    for eight in bytes.chunks_exact(8) {
        let word = u64::from_le_bytes([
            eight[0], eight[1], eight[2], eight[3], eight[4], eight[5], eight[6], eight[7],
        ]);
        if word & HIGH != 0 {
            return run + (word & HIGH).trailing_zeros() as usize / 8;
        }
        run += 8;
    }
    run + bytes[run..].iter().take_while(|b| b.is_ascii()).count()
}

/// `text` as `pattern` compares it: folded into `buffer`, or as it is.
fn hay<'s>(pattern: &Pattern, text: &'s str, buffer: &'s mut String) -> &'s str {
    if pattern.case_sensitive {
        text
    } else {
        fold_into(text, buffer);
        buffer
    }
}

/// Whether `pattern` occurs in `hay` (already folded when the pattern is) as its mode requires.
fn occurs(pattern: &Pattern, hay: &str) -> bool {
    let p = pattern.text.as_str();
    match pattern.mode {
        MatchKind::Fuzzy => true, // the prefilter has checked the subsequence
        MatchKind::Exact => hay.contains(p),
        MatchKind::Prefix => hay.starts_with(p),
        MatchKind::Suffix => hay.ends_with(p),
        MatchKind::Whole => hay == p,
    }
}

#[cfg(test)]
mod tests;
