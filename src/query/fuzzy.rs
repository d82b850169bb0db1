//! Matching one pattern against one piece of text: fzf's fuzzy, exact, prefix, suffix and
//! whole-text modes, with scores from the skim algorithm and matched positions as char indices.
//!
//! Case-insensitive patterns are stored folded (see [`fold`]) and compared with text folded the
//! same way, one char for one char, so char indices into folded text are char indices into the
//! original. Unlike fzf, a fuzzy pattern must match tightly (see [`Pattern::is_tight`]): our texts
//! are sentences, where almost any few letters occur in order somewhere. A cheap prefilter (every pattern char present, in order) runs before the scorer and
//! allocates nothing; most texts in a search are rejected by it.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// The score of one matched char in the skim algorithm.
const CHAR_SCORE: i64 = 16;

/// The least bonus per char beyond the first of a contiguous match in the skim algorithm.
const RUN_BONUS: i64 = 4;

/// How a pattern must occur in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
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
    pub mode: Mode,
    /// The text to find; folded with [`fold`] unless `case_sensitive`.
    pub text: String,
    /// Smart case: a pattern with an uppercase letter matches case exactly.
    pub case_sensitive: bool,
}

impl Pattern {
    /// Whether a fuzzy `score` is a tight match: nearly as good as the pattern written out in
    /// the middle of a word, so each gap must be paid for by matching at word starts. Word
    /// starts and acronyms (`dme` in `Digital Media & Entertainment`, `gxs` in `Gao Xiaosong`)
    /// are tight; letters strewn over a sentence (`gao` in `group around`) are not.
    fn is_tight(&self, score: i64) -> bool {
        let n = i64::try_from(self.text.chars().count()).unwrap_or(i64::MAX / 64);
        score >= CHAR_SCORE * n + (RUN_BONUS - 1) * (n - 1) - 1
    }
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

/// Byte offset just past the first char at or after `from` equal to `p` (after folding when
/// `fold_text`); `p` is already folded in that case.
fn find_char(text: &str, from: usize, p: char, fold_text: bool) -> Option<usize> {
    let rest = text.get(from..)?;
    if p.is_ascii() {
        let pb = p as u8;
        let at = if fold_text && pb.is_ascii_lowercase() {
            // A byte b with b | 0x20 == a lowercase letter is that letter in either case;
            // bytes of multi-byte chars are >= 0x80 and never match.
            rest.bytes().position(|b| b | 0x20 == pb)
        } else {
            rest.bytes().position(|b| b == pb)
        };
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

/// The scorer and a reusable buffer for folded text, one per search.
pub(crate) struct Scorer {
    skim: SkimMatcherV2,
    folded: String,
}

impl Default for Scorer {
    fn default() -> Self {
        Scorer {
            // Case is handled by folding, so the matcher compares chars exactly.
            skim: SkimMatcherV2::default().respect_case(),
            folded: String::new(),
        }
    }
}

impl Scorer {
    /// The score of `pattern` in `text`, or `None` when it does not occur as its mode requires
    /// (for a fuzzy pattern: in order, and tightly).
    pub(crate) fn score(&mut self, pattern: &Pattern, text: &str) -> Option<i64> {
        let fold_text = !pattern.case_sensitive;
        if !has_subsequence(text, &pattern.text, fold_text) {
            return None;
        }
        let hay = if fold_text
            && text
                .bytes()
                .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            fold_into(text, &mut self.folded);
            self.folded.as_str()
        } else {
            text
        };
        if !occurs(pattern, hay) {
            return None;
        }
        // An exact occurrence is also a fuzzy one, so the skim score always exists here.
        let score = self.skim.fuzzy_match(hay, &pattern.text)?;
        (pattern.mode != Mode::Fuzzy || pattern.is_tight(score)).then_some(score)
    }

    /// The score and matched char indices of `pattern` in `text` (for highlighting).
    pub(crate) fn indices(&mut self, pattern: &Pattern, text: &str) -> Option<(i64, Vec<usize>)> {
        let score = self.score(pattern, text)?;
        let hay = if pattern.case_sensitive {
            text
        } else {
            fold_into(text, &mut self.folded);
            self.folded.as_str()
        };
        let indices = match pattern.mode {
            Mode::Fuzzy => self.skim.fuzzy_indices(hay, &pattern.text)?.1,
            mode => {
                let n = pattern.text.chars().count();
                let start = match mode {
                    Mode::Prefix | Mode::Whole => 0,
                    Mode::Suffix => hay.chars().count().saturating_sub(n),
                    _ => hay[..hay.find(&pattern.text)?].chars().count(),
                };
                (start..start + n).collect()
            }
        };
        Some((score, indices))
    }
}

/// Whether `pattern` occurs in `hay` (already folded when the pattern is) as its mode requires.
fn occurs(pattern: &Pattern, hay: &str) -> bool {
    let p = pattern.text.as_str();
    match pattern.mode {
        Mode::Fuzzy => true, // the prefilter has checked the subsequence
        Mode::Exact => hay.contains(p),
        Mode::Prefix => hay.starts_with(p),
        Mode::Suffix => hay.ends_with(p),
        Mode::Whole => hay == p,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(mode: Mode, text: &str) -> Pattern {
        let case_sensitive = has_upper(text);
        Pattern {
            mode,
            case_sensitive,
            text: if case_sensitive {
                text.to_string()
            } else {
                text.chars().map(fold).collect()
            },
        }
    }

    #[test]
    fn prefilter_needs_every_char_in_order() {
        assert!(has_subsequence("Gao Xiaosong", "gxs", true));
        assert!(!has_subsequence("Gao Xiaosong", "sxg", true));
        assert!(!has_subsequence("Gao Xiaosong", "gxs", false));
        assert!(has_subsequence("阿里音乐 Ali Music", "音乐m", true));
        assert!(has_subsequence("ÉCOLE", "éc", true));
        assert!(!has_subsequence("", "a", true));
        assert!(has_subsequence("anything", "", true));
    }

    #[test]
    fn folding_keeps_one_char_per_char() {
        for s in ["İstanbul", "Straße", "ΣΑΣ", "K", "高晓松"] {
            let folded: String = s.chars().map(fold).collect();
            assert_eq!(folded.chars().count(), s.chars().count(), "{s}");
        }
        assert_eq!(fold('K'), 'k');
        assert_eq!(
            fold('\u{212A}'),
            '\u{212A}',
            "Kelvin sign must not fold into ASCII"
        );
    }

    #[test]
    fn each_mode_matches_where_it_should() {
        let mut s = Scorer::default();
        let title = "Alibaba acquires Xiami";
        assert!(s.score(&pattern(Mode::Fuzzy, "alx"), title).is_some());
        assert!(s.score(&pattern(Mode::Exact, "xiami"), title).is_some());
        assert!(s.score(&pattern(Mode::Exact, "alx"), title).is_none());
        assert!(s.score(&pattern(Mode::Prefix, "ali"), title).is_some());
        assert!(s.score(&pattern(Mode::Prefix, "xiami"), title).is_none());
        assert!(s.score(&pattern(Mode::Suffix, "xiami"), title).is_some());
        assert!(s.score(&pattern(Mode::Suffix, "ali"), title).is_none());
        assert!(
            s.score(&pattern(Mode::Whole, "alibaba acquires xiami"), title)
                .is_some()
        );
        assert!(s.score(&pattern(Mode::Whole, "alibaba"), title).is_none());
    }

    #[test]
    fn smart_case_respects_uppercase_patterns() {
        let mut s = Scorer::default();
        assert!(s.score(&pattern(Mode::Fuzzy, "ttpod"), "TTPod").is_some());
        assert!(s.score(&pattern(Mode::Fuzzy, "TTP"), "TTPod").is_some());
        assert!(s.score(&pattern(Mode::Fuzzy, "TTP"), "ttpod").is_none());
    }

    #[test]
    fn indices_are_chars_not_bytes() {
        let mut s = Scorer::default();
        let text = "阿里音乐 Ali Music";
        let (_, fuzzy) = s.indices(&pattern(Mode::Fuzzy, "music"), text).unwrap();
        assert_eq!(fuzzy, vec![9, 10, 11, 12, 13]);
        let (_, exact) = s.indices(&pattern(Mode::Exact, "音乐"), text).unwrap();
        assert_eq!(exact, vec![2, 3]);
        let (_, suffix) = s.indices(&pattern(Mode::Suffix, "sic"), text).unwrap();
        assert_eq!(suffix, vec![11, 12, 13]);
    }

    #[test]
    fn a_better_placed_match_scores_higher() {
        let mut s = Scorer::default();
        let p = pattern(Mode::Fuzzy, "gao");
        let start = s.score(&p, "Gao Xiaosong").unwrap();
        let inside = s.score(&p, "Alibaba names Gao Xiaosong").unwrap();
        let mid_word = s.score(&p, "Mingaode").unwrap();
        assert!(
            start > inside && inside > mid_word,
            "{start} {inside} {mid_word}"
        );
    }

    #[test]
    fn fuzzy_matches_must_be_tight() {
        let mut s = Scorer::default();
        let tight = [
            ("gao", "Gao Xiaosong"),
            ("gxs", "Gao Xiaosong"),
            ("dme", "Digital Media & Entertainment Group"),
            ("alipic", "Alibaba Pictures Group"),
            ("晓松", "高晓松"),
            ("o", "Gao"),
            ("tpod", "TTPod"),
        ];
        for (p, text) in tight {
            assert!(
                s.score(&pattern(Mode::Fuzzy, p), text).is_some(),
                "{p} in {text}"
            );
        }
        let strewn = [
            (
                "gao",
                "DME sets up a live entertainment business group around Damai",
            ),
            ("gao", "Wang Hao"),
            ("damai", "Digital Media and Entertainment Group"),
            ("ke", "a pre-suit injunction over 260 Rock Records songs"),
        ];
        for (p, text) in strewn {
            assert!(
                s.score(&pattern(Mode::Fuzzy, p), text).is_none(),
                "{p} in {text}"
            );
        }
    }
}
