//! Unit tests of pattern matching: the prefilter, folding, each mode, smart case, char indices,
//! tightness, and windowed scoring equal to whole-text scoring.

use super::*;

fn pattern(mode: MatchKind, text: &str) -> Pattern {
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
    assert!(s.score(&pattern(MatchKind::Fuzzy, "alx"), title).is_some());
    assert!(
        s.score(&pattern(MatchKind::Exact, "xiami"), title)
            .is_some()
    );
    assert!(s.score(&pattern(MatchKind::Exact, "alx"), title).is_none());
    assert!(s.score(&pattern(MatchKind::Prefix, "ali"), title).is_some());
    assert!(
        s.score(&pattern(MatchKind::Prefix, "xiami"), title)
            .is_none()
    );
    assert!(
        s.score(&pattern(MatchKind::Suffix, "xiami"), title)
            .is_some()
    );
    assert!(s.score(&pattern(MatchKind::Suffix, "ali"), title).is_none());
    assert!(
        s.score(&pattern(MatchKind::Whole, "alibaba acquires xiami"), title)
            .is_some()
    );
    assert!(
        s.score(&pattern(MatchKind::Whole, "alibaba"), title)
            .is_none()
    );
}

#[test]
fn smart_case_respects_uppercase_patterns() {
    let mut s = Scorer::default();
    assert!(
        s.score(&pattern(MatchKind::Fuzzy, "ttpod"), "TTPod")
            .is_some()
    );
    assert!(
        s.score(&pattern(MatchKind::Fuzzy, "TTP"), "TTPod")
            .is_some()
    );
    assert!(
        s.score(&pattern(MatchKind::Fuzzy, "TTP"), "ttpod")
            .is_none()
    );
}

#[test]
fn indices_are_chars_not_bytes() {
    let mut s = Scorer::default();
    let text = "阿里音乐 Ali Music";
    let (_, fuzzy) = s
        .indices(&pattern(MatchKind::Fuzzy, "music"), text)
        .unwrap();
    assert_eq!(fuzzy, vec![9, 10, 11, 12, 13]);
    let (_, exact) = s.indices(&pattern(MatchKind::Exact, "音乐"), text).unwrap();
    assert_eq!(exact, vec![2, 3]);
    let (_, suffix) = s.indices(&pattern(MatchKind::Suffix, "sic"), text).unwrap();
    assert_eq!(suffix, vec![11, 12, 13]);
}

#[test]
fn a_better_placed_match_scores_higher() {
    let mut s = Scorer::default();
    let p = pattern(MatchKind::Fuzzy, "gao");
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
            s.score(&pattern(MatchKind::Fuzzy, p), text).is_some(),
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
            s.score(&pattern(MatchKind::Fuzzy, p), text).is_none(),
            "{p} in {text}"
        );
    }
}

/// The whole-text skim score, for comparison with the windowed one.
fn whole(pattern: &Pattern, text: &str) -> Option<i64> {
    let hay = if pattern.case_sensitive {
        text.to_string()
    } else {
        text.to_ascii_lowercase()
    };
    skim().fuzzy_match(&hay, &pattern.text)
}

#[test]
fn windows_find_a_tight_match_far_into_a_long_text() {
    let mut s = Scorer::default();
    let long = format!("{} and then Gao Xiaosong", "big cart rolls ".repeat(20));
    let p = pattern(MatchKind::Fuzzy, "gao");
    assert_eq!(s.score(&p, &long), whole(&p, &long));
    assert!(s.score(&p, &long).is_some());
    assert!(s.score(&p, &"big cart rolls ".repeat(20)).is_none());
}

#[test]
fn merged_windows_keep_the_farthest_end() {
    // A window from the `B` at 1 reaches further than the overlapping one from the `B` at 2;
    // the best match (`B` … ` d`) lies beyond the shorter one.
    let text = "aBBA0ad0 da 00a.a 0 A A0aAaA a  00. 000A.a aA a  A A A  00  ";
    let p = pattern(MatchKind::Fuzzy, "Bd");
    assert_eq!(whole(&p, text), Some(35));
    assert_eq!(Scorer::default().score(&p, text), Some(35));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, ..Default::default() })]

    /// The byte scorer gives skim's own score, tight or not, on short texts.
    #[test]
    fn byte_scores_equal_skim_scores(
        p in "[a-dA-D .]{1,5}",
        text in "[a-dA-D .:/0-9_]{0,40}",
    ) {
        let pattern = pattern(MatchKind::Fuzzy, &p);
        proptest::prop_assert_eq!(byte_score(&pattern, &text), whole(&pattern, &text));
    }

    /// Long patterns over a small alphabet, where skim's reused rows leave the most behind: the
    /// scorer still gives skim's own score, over bytes and over chars.
    #[test]
    fn long_pattern_scores_equal_skim_scores(
        p in "[abAB .]{3,10}",
        text in "[abAB .:0_]{0,90}",
    ) {
        let pattern = pattern(MatchKind::Fuzzy, &p);
        let expected = whole(&pattern, &text);
        proptest::prop_assert_eq!(byte_score(&pattern, &text), expected);
        proptest::prop_assert_eq!(char_score(&pattern, &text), expected);
    }

    /// Whenever the whole text holds a tight match, the windows find exactly its score, in
    /// ASCII text (bytes) and in other text (chars).
    #[test]
    fn windowed_scores_equal_whole_text_scores(
        p in "[a-dA-D 高晓]{1,9}",
        text in "[a-dA-D .:/0-9]{0,400}|[a-dA-D .:/0-9高晓松]{0,400}",
        mode in proptest::sample::select(vec![MatchKind::Fuzzy, MatchKind::Exact]),
    ) {
        let pattern = pattern(mode, p.trim());
        if pattern.text.is_empty() {
            return Ok(());
        }
        let expected = whole(&pattern, &text)
            .filter(|&w| mode != MatchKind::Fuzzy || pattern.is_tight(w))
            .filter(|_| mode != MatchKind::Exact || window::occurs(&pattern, text.as_bytes(), !pattern.case_sensitive));
        proptest::prop_assert_eq!(Scorer::default().score(&pattern, &text), expected);
    }
}

/// A third pattern char where skim's two reused rows show (found by a property test).
#[test]
fn a_third_pattern_char_scores_as_skim_does() {
    let p = pattern(MatchKind::Fuzzy, "cA.");
    let text = "Aca0 aaa0 a. __00aa00A0A 0a_c.A";
    let ours = byte_score(&p, text);
    assert_eq!(ours, whole(&p, text));
    assert!(ours.is_some());
    assert_eq!(char_score(&p, text), ours);
}

/// The scorer's score of `pattern` in the whole ASCII `text`, its bytes found as a search finds
/// them.
fn byte_score(pattern: &Pattern, text: &str) -> Option<i64> {
    let (t, p) = (text.as_bytes(), pattern.text.as_bytes());
    let fold_text = !pattern.case_sensitive;
    let mut found = masks::Masks::default();
    found.build(t, p, fold_text);
    let mut rows = score::Rows::default();
    score::score(
        t,
        score::Part {
            span: 0..t.len(),
            before: score::Kind::Start,
        },
        p,
        fold_text,
        &found,
        true,
        &mut rows,
    )
}

/// The scorer's score of `pattern` in the whole `text` taken as chars (folded as the pattern is).
fn char_score(pattern: &Pattern, text: &str) -> Option<i64> {
    let fold_text = !pattern.case_sensitive;
    let folded: Vec<char> = text
        .chars()
        .map(|c| if fold_text { fold(c) } else { c })
        .collect();
    let chars: Vec<char> = pattern.text.chars().collect();
    let found = score::Scan {
        text: &folded,
        pattern: &chars,
        fold_text: false,
    };
    let mut rows = score::Rows::default();
    let span = 0..folded.len();
    score::score(
        &folded,
        score::Part {
            span,
            before: score::Kind::Start,
        },
        &chars,
        false,
        &found,
        true,
        &mut rows,
    )
}
