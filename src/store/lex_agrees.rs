//! The lexer's users agree with ron on generated stores full of what a hand-made scanner gets
//! wrong: brackets, quotes, backslashes, `#`, `'`, `//` and `/* */` inside strings, raw strings
//! and (nested) comments. On each, the depth check passes, the parallel split gives the store the
//! one-pass parse gives, and the locator finds each event and title where ron reads them.

use proptest::prelude::*;
use serde::Deserialize;

use super::lex;
use super::load::{self, MAX_DEPTH};
use super::locate::{Path, SourceMap};
use super::model::{Event, Store};
use super::split;
use crate::diagnostic::Position;

fn options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Text a scanner could mistake for syntax (no `*` or `/`: those make comments below).
fn junk() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-z ()\\[\\]{}\"'#\\\\,:高\n]{0,12}").expect("valid regex")
}

/// A block comment, maybe nested, holding junk.
fn block_comment() -> impl Strategy<Value = String> {
    (junk(), proptest::option::of(junk()), junk()).prop_map(|(a, inner, b)| match inner {
        Some(inner) => format!("/*{a}/*{inner}*/{b}*/"),
        None => format!("/*{a}{b}*/"),
    })
}

/// Whitespace or comments between tokens.
fn trivia() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(" ".to_string()),
        Just("\n  ".to_string()),
        block_comment(),
        junk().prop_map(|j| format!(" // {} '(' \n", j.replace('\n', " "))),
    ]
}

/// A title and how it is written: escaped, raw with enough `#`s, or raw with none when it can be.
fn title() -> impl Strategy<Value = (String, u8)> {
    (junk(), "[a-z/*#]{0,6}", junk(), 0u8..3).prop_map(|(a, b, c, how)| (a + &b + &c, how))
}

fn written((title, how): &(String, u8)) -> String {
    let longest = title.split(|c| c != '#').map(str::len).max().unwrap_or(0);
    match how {
        0 => ron::to_string(title).expect("a string serialises"),
        1 if !title.contains('"') => format!("r\"{title}\""),
        _ => {
            let hashes = "#".repeat(longest + 1);
            format!("r{hashes}\"{title}\"{hashes}")
        }
    }
}

/// A store of the given titles, with the given trivia between its tokens.
fn store(titles: &[(String, u8)], gaps: &[String]) -> String {
    let gap = |i: usize| gaps[i % gaps.len()].as_str();
    let events: String = titles
        .iter()
        .enumerate()
        .map(|(i, t)| {
            format!(
                "Event({}id:{}\"e{i}\",date: \"2015\",{}title:{}{}{},summary: \"\", kind: deal, sources: [\"s\"]{}),{}",
                gap(i),
                gap(i + 1),
                gap(i + 2),
                gap(i + 3),
                written(t),
                gap(i + 4),
                gap(i + 5),
                gap(i + 6),
            )
        })
        .collect();
    format!(
        "#![enable(implicit_some)]{}Store({}sources: [Source(id: \"s\", seed: \"001\")],{}events: [{}{events}],{})",
        gap(0),
        gap(1),
        gap(2),
        gap(3),
        gap(4)
    )
}

/// The byte offset of `position` in `text`.
fn offset(text: &str, position: Position) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(position.line - 1)
        .map(str::len)
        .sum();
    let line = &text[line_start..];
    line_start
        + line
            .char_indices()
            .nth(position.col - 1)
            .map_or(line.len(), |(i, _)| i)
}

/// The value of type `T` ron reads at `position` of `text`.
fn read_at<T: for<'de> Deserialize<'de>>(text: &str, position: Position) -> T {
    let at = offset(text, position);
    let mut de =
        ron::Deserializer::from_str_with_options(&text[at..], &options()).expect("a deserializer");
    T::deserialize(&mut de).unwrap_or_else(|e| panic!("at {position:?}: {e}"))
}

proptest! {
    #[test]
    fn depth_split_and_locator_agree_with_ron(
        titles in proptest::collection::vec(title(), 1..8),
        gaps in proptest::collection::vec(trivia(), 1..8),
    ) {
        let text = store(&titles, &gaps);
        let whole: Store = options().from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        prop_assert_eq!(whole.events.len(), titles.len());
        for (event, (title, _)) in whole.events.iter().zip(&titles) {
            prop_assert_eq!(&event.title, title);
        }
        prop_assert_eq!(lex::too_deep(&text, MAX_DEPTH), None);
        prop_assert_eq!(load::parse("gen.ron", &text), Ok(whole.clone()));
        for threads in [1, 2, 3] {
            prop_assert_eq!(split::parse(&text, &options(), threads), Some(whole.clone()));
        }
        let map = SourceMap::new(&text, MAX_DEPTH);
        let events = Path::root().field("events");
        for (i, event) in whole.events.iter().enumerate() {
            let at = events.index(i);
            prop_assert_eq!(&read_at::<Event>(&text, map.position(&at)), event);
            let title = map.position(&at.field("title"));
            prop_assert_eq!(&read_at::<String>(&text, title), &event.title);
            let some = SourceMap::for_paths(&text, MAX_DEPTH, [&at.field("title")]);
            prop_assert_eq!(some.position(&at.field("title")), title);
        }
    }

    #[test]
    fn real_brackets_past_the_limit_are_found_wherever_comments_hide_others(
        gaps in proptest::collection::vec(trivia(), 1..4),
        extra in 0usize..3,
    ) {
        let deep = "[".repeat(MAX_DEPTH + extra);
        let text = store(&[("t".into(), 0)], &gaps).replacen("sources: [\"s\"]", &format!("tags: {deep}"), 1);
        let at = lex::too_deep(&text, MAX_DEPTH).expect("too deep");
        prop_assert_eq!(text.as_bytes()[at], b'[');
        prop_assert_eq!(text[..at].matches("tags: ").count(), 1);
        prop_assert!(load::parse("gen.ron", &text).unwrap_err().message.contains("nest deeper"));
    }
}
