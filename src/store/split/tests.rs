//! The split parse: the layout scans, the shares, and the parse agreeing with one pass of `ron`.

use super::*;
use crate::store::plain::generate::{Dice, mutations, store};

const STORE: &str = "#![enable(implicit_some)]\n// a comment ( [ \"\nStore(\n  people: [],\n  events: [\n    Event(id: \"a\", date: \"2015\", title: \"t ] ) \\\" (\", summary: \"\", kind: deal, sources: [\"s\"]),\n    Event(id: \"b\", date: \"2016-01\", title: \"u\", summary: \"\", kind: launch, sources: [\"s\"], note: \"x\"), // done\n  ],\n  sources: [Source(id: \"s\", seed: \"001\")],\n)\n";

#[test]
fn finds_each_event_and_the_list_around_them() {
    let layout = Layout::of(STORE).unwrap();
    assert_eq!(&STORE[layout.list_open..=layout.list_open], "[");
    assert_eq!(&STORE[layout.list_close..=layout.list_close], "]");
    let items: Vec<&str> = layout.items.iter().map(|r| &STORE[r.clone()]).collect();
    assert_eq!(items.len(), 2);
    assert!(items[0].starts_with("Event(id: \"a\"") && items[0].ends_with("[\"s\"])"));
    assert!(items[1].starts_with("Event(id: \"b\"") && items[1].ends_with("note: \"x\")"));
}

#[test]
fn parses_to_the_same_store_as_one_pass() {
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let whole: Store = options.from_str(STORE).unwrap();
    for threads in 1..4 {
        assert_eq!(parse(STORE, &options, threads), Some(whole.clone()));
    }
}

#[test]
fn many_events_in_shares_keep_their_order() {
    let events: Vec<String> = (0..300)
        .map(|i| {
            format!(
                "    Event(\n      id: \"e{i}\",\n      date: \"~20{:02}-0{}\",\n      title: \"高晓松 \\\"{i}\\\" ]\",\n      summary: \"{}\",\n      kind: launch,\n      tags: [\"t{}\"],\n      sources: [\"s\"],\n      effects: [Found(unit: \"u{i}\", parent: \"p\")],\n    ),\n",
                i % 30,
                1 + i % 9,
                "x".repeat(i % 17),
                i % 4
            )
        })
        .collect();
    let text = format!(
        "#![enable(implicit_some)]\nStore(\n  events: [\n{}  ],\n  people: [Person(id: \"p\", name: \"P\")],\n)\n",
        events.concat()
    );
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let whole: Store = options.from_str(&text).unwrap();
    assert_eq!(whole.events.len(), 300);
    for threads in [2, 3, 4] {
        assert_eq!(parse(&text, &options, threads).as_ref(), Some(&whole));
        // It is plain: read without a scan, its guesses proven right.
        assert_eq!(
            speculate::parse(&text, &options, threads).as_ref(),
            Some(&whole)
        );
    }
    // A bad event anywhere makes the parallel parse give up (the caller then reports it).
    let bad = text.replace("id: \"e250\",", "id: \"e250\", kind: deal,");
    assert!(options.from_str::<Store>(&bad).is_err());
    assert_eq!(parse(&bad, &options, 2), None);
}

#[test]
fn guesses_inside_strings_are_found_out() {
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    // Most of the text is one summary full of what looks like events.
    let fake = "Event(id: \\\"fake\\\", kind: deal), ".repeat(300);
    let text = STORE.replace("summary: \"\", kind: launch", &format!("summary: \"{fake}\", kind: launch"))
        .replace("  ],\n", "    Event(id: \"c\", date: \"2017\", title: \"\", summary: \"\", kind: deal, sources: [\"s\"]),\n  ],\n");
    let whole: Store = options.from_str(&text).unwrap();
    assert_eq!(whole.events.len(), 3);
    for threads in [2, 3, 4] {
        assert_eq!(speculate::parse(&text, &options, threads), None);
        assert_eq!(parse(&text, &options, threads).as_ref(), Some(&whole));
    }
    // Events without their name give nothing to guess from.
    let unnamed = text.replace("Event(", "(");
    assert_eq!(speculate::parse(&unnamed, &options, 2), None);
    assert!(parse(&unnamed, &options, 2).is_some());
    // Without the look-alikes, the guesses fall on events.
    let plain = text.replace(&fake, &"x".repeat(fake.len()));
    let whole: Store = options.from_str(&plain).unwrap();
    for threads in [2, 3, 4] {
        assert_eq!(
            speculate::parse(&plain, &options, threads).as_ref(),
            Some(&whole)
        );
    }
}

#[test]
fn follows_comments_raw_strings_and_characters() {
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    for text in [
        STORE.replace("kind: deal", "kind: deal /* ( [ \" /* nested ) */ ' */"),
        STORE.replace("\"t ] ) \\\" (\"", "r#\"say \"(((\" ] )\"#"),
        STORE.replace("\"u\"", "r\"(\""),
        STORE.replace("[\"s\"]),\n", "[\"s\"]), // '(' \"\n"),
        STORE.replace("Store(", "Store( /* '(' */"),
    ] {
        let whole: Store = options.from_str(&text).unwrap();
        assert_eq!(parse(&text, &options, 2), Some(whole), "{text}");
    }
}

#[test]
fn gives_up_on_what_it_does_not_follow() {
    let options = ron::Options::default();
    for text in [
        STORE.replace("#![enable(implicit_some)]", "#![enable(unwrap_newtypes)]"),
        STORE.replace("[\"s\"]),\n", "[\"s\"])\n"),
        STORE.replace("kind: deal", "kind: 'd'"),
        STORE.replace("events: [", "events: [[], "),
        STORE.replace("events: [", "events: [ , "),
        format!("{STORE} trailing"),
        format!("{STORE} \"open"),
        STORE.replace("  people: [],\n", "  events: [],\n"),
        STORE.replace(
            "sources: [\"s\"]),\n",
            &format!(
                "sources: [\"s\"], tags: {}{}),\n",
                "[".repeat(70),
                "]".repeat(70)
            ),
        ),
    ] {
        assert_eq!(parse(&text, &options, 2), None, "{text}");
    }
}

#[test]
fn the_plain_scan_finds_what_the_token_scan_finds() {
    for text in [STORE.to_string(), STORE.replace("Store(", "(")] {
        let plain = plain::layout::events(&text, MAX_DEPTH);
        let tokens = Layout::of(&text).map(|l| (l.list_open, l.list_close, l.items));
        assert!(plain.is_some());
        assert_eq!(plain, tokens);
    }
    // Too deep for both; a raw string, a character and a number are not plain.
    let deep = STORE.replace(
        "sources: [\"s\"]),\n",
        &format!(
            "sources: [\"s\"], tags: {}{}),\n",
            "[".repeat(62),
            "]".repeat(62)
        ),
    );
    assert!(Layout::of(&deep).is_none() && plain::layout::events(&deep, MAX_DEPTH).is_none());
    for text in [
        STORE.replace("\"u\"", "r\"(\""),
        STORE.replace("kind: deal", "kind: 'd'"),
        STORE.replace("seed: \"001\"", "seed: 1"),
    ] {
        assert!(Layout::of(&text).is_some(), "{text}");
        assert_eq!(plain::layout::events(&text, MAX_DEPTH), None, "{text}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 256, failure_persistence: None, ..Default::default()
    })]

    #[test]
    fn the_speculative_parse_reads_as_ron_does(
        bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 1200),
        threads in 1usize..5,
    ) {
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .with_recursion_limit(MAX_DEPTH * 2);
        let mut dice = Dice { bytes: &bytes, at: 0 };
        let text = store(&mut dice);
        let mut texts = vec![text.clone()];
        texts.extend(mutations(&mut dice, &text));
        for text in &texts {
            if let Some(store) = speculate::parse(text, &options, threads) {
                let whole = options.from_str::<Store>(text);
                proptest::prop_assert_eq!(Some(&store), whole.as_ref().ok(), "{:?}", text);
            }
        }
    }

    #[test]
    fn the_plain_scan_agrees_with_the_token_scan(
        bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 1200)
    ) {
        let mut dice = Dice { bytes: &bytes, at: 0 };
        let text = store(&mut dice);
        let mut texts = vec![text.clone()];
        texts.extend(mutations(&mut dice, &text));
        for (i, text) in texts.iter().enumerate() {
            let tokens = Layout::of(text).map(|l| (l.list_open, l.list_close, l.items));
            let plain = plain::layout::events(text, MAX_DEPTH);
            // The valid store is plain; whatever the plain scan follows, it reads as the
            // token scan does.
            proptest::prop_assert!(i > 0 || tokens.is_none() || plain.is_some(), "{:?}", text);
            if plain.is_some() {
                proptest::prop_assert_eq!(&plain, &tokens, "{:?}", text);
            }
        }
    }
}

#[test]
fn shares_are_contiguous_and_cover_every_item() {
    let items: Vec<Range<usize>> = (0..10).map(|i| i * 10..i * 10 + 9).collect();
    for n in 1..5 {
        let shares = shares(&items, n);
        assert_eq!(shares.len(), n);
        let joined: Vec<Range<usize>> = shares.concat();
        assert_eq!(joined, items);
    }
}
