//! Invisible characters, the whole class: every format character (general category Cf), the tag
//! characters, line and paragraph separators and the other invisible ones never reach text
//! output, JSON writes them as `\uXXXX` escapes, searching matches the text as shown, and a title
//! that shows as nothing is rejected with its position.

mod common;

use ali_timeline::text::{is_unsafe, sanitize};
use ali_timeline::timeline::load_str;
use proptest::prelude::*;
use unicode_general_category::{GeneralCategory, get_general_category};

/// Every character of the classes that must never be shown: Cc, Cf, and the listed ranges.
fn invisible() -> &'static [char] {
    static ALL: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    ALL.get_or_init(find_invisible)
}

fn find_invisible() -> Vec<char> {
    let listed = [
        0x00AD..=0x00AD,
        0x034F..=0x034F,
        0x180E..=0x180E,
        0x2028..=0x2029,
        0x206A..=0x206F,
        0xFFF9..=0xFFFB,
        0x1D173..=0x1D17A,
        0xE0000..=0xE007F,
        0x200B..=0x200F,
        0x202A..=0x202E,
        0x2066..=0x2069,
    ];
    let mut all: Vec<char> = (0..=0x10FFFF_u32)
        .filter_map(char::from_u32)
        .filter(|&c| {
            matches!(
                get_general_category(c),
                GeneralCategory::Format | GeneralCategory::Control
            ) || listed.iter().any(|r| r.contains(&u32::from(c)))
        })
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// A store with one event per chunk of `chars`, each title `vis` + the chunk + `ible`.
fn store_with(chars: &[char]) -> String {
    let events: String = chars
        .chunks(40)
        .enumerate()
        .map(|(i, chunk)| {
            let hidden: String = chunk.iter().collect();
            let title = ron::to_string(&format!("vis{hidden}ible {i}")).unwrap();
            format!(
                "Event(id: \"e{i}\", date: \"2015\", title: {title}, summary: {title}, kind: deal, sources: [\"s\"]),\n"
            )
        })
        .collect();
    format!(
        "#![enable(implicit_some)]\nStore(\n  sources: [Source(id: \"s\", seed: \"001\")],\n  events: [\n{events}  ],\n)\n"
    )
}

/// A store with one event titled `title`.
fn store_titled(title: &str) -> String {
    store_with(&[]).replace(
        "events: [\n",
        &format!(
            "events: [\nEvent(id: \"e\", date: \"2015\", title: {}, summary: \"\", kind: deal, sources: [\"s\"]),\n",
            ron::to_string(title).unwrap()
        ),
    )
}

#[test]
fn every_invisible_character_is_removed_and_escaped_in_json() {
    let all = invisible();
    // 65 controls, 170 format characters (97 of them tags), the rest of the tag block, and more.
    assert!(all.len() >= 269, "{}", all.len());
    for &c in all {
        assert!(is_unsafe(c), "U+{:04X}", u32::from(c));
        let shown = sanitize(&format!("a{c}b"));
        assert!(
            shown == "ab" || shown == "a b",
            "U+{:04X}: {shown:?}",
            u32::from(c)
        );
    }
    // Visible neighbours are kept.
    for c in ['a', '高', 'é', '\u{3000}', '€', '😀', '\u{301}'] {
        assert!(!is_unsafe(c), "{c}");
    }
}

#[test]
fn no_invisible_character_reaches_text_or_json_output() {
    let all: Vec<char> = invisible()
        .iter()
        .copied()
        .filter(|&c| c > '\u{7f}')
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hidden.ron");
    std::fs::write(&path, store_with(&all)).unwrap();
    let run = |args: &[&str]| common::stdout_with(&path, args);
    for args in [
        &["list"][..],
        &["search", "visible"],
        &["search", "visible", "--json"],
        &["export", "-f", "json"],
        &["export", "-f", "md"],
        &["export", "-f", "csv"],
    ] {
        let out = run(args);
        assert!(out.contains("vis"), "{args:?}: {out}");
        if let Some(c) = out
            .chars()
            .find(|&c| is_unsafe(c) && c != '\n' && c != '\r')
        {
            panic!("{args:?} shows U+{:04X}", u32::from(c));
        }
    }
    // JSON keeps the data: its escapes read back as the characters.
    let json: serde_json::Value = serde_json::from_str(&run(&["export", "-f", "json"])).unwrap();
    let titles: String = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    let kept: Vec<char> = titles.chars().filter(|c| all.contains(c)).collect();
    assert_eq!(kept, all);
    assert!(run(&["list"]).contains("visible 0"));
}

#[test]
fn search_matches_the_text_as_shown() {
    let text = common::fixture_text("query-small.ron").replacen(
        "title: \"Alibaba acquires Xiami\"",
        "title: \"Alibaba acquires X\\u{200b}ia\\u{200d}mi\\u{ad}\"",
        1,
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("q.ron");
    std::fs::write(&path, &text).unwrap();
    for query in ["xiami", "'acquires xiami", "'xiami", "xiami$", "acqxia"] {
        let out = common::bin()
            .arg("--data")
            .arg(&path)
            .args(["list", query])
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            stdout.contains("Alibaba acquires Xiami"),
            "{query}: {stdout}"
        );
    }
    // A pattern pasted with an invisible character in it matches too.
    let timeline = load_str("q.ron", &text).unwrap();
    let hits = ali_timeline::query::filter_events(&timeline, "'x\u{200b}iami").unwrap();
    assert!(
        hits.iter()
            .any(|&i| timeline.event_id(i) == "xiami-acquired"),
        "{hits:?}"
    );
}

#[test]
fn abc_finds_a_zero_width_spaced_title() {
    let timeline = load_str("abc.ron", &store_titled("a\u{200b}b\u{200d}c")).unwrap();
    for query in ["abc", "'abc", "^abc$"] {
        let hits = ali_timeline::query::filter_events(&timeline, query).unwrap();
        assert_eq!(hits.len(), 1, "{query}");
    }
}

#[test]
fn a_title_that_shows_as_nothing_is_rejected_where_it_is() {
    let text = common::fixture_text("store-valid.ron")
        .replacen("title: \"Xiami founded\"", "title: \"\\u{202e}\"", 1)
        .replacen("name: \"Song Ke\"", "name: \"\\u{200b} \\u{e0041}\"", 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blank.ron");
    std::fs::write(&path, &text).unwrap();
    let out = common::bin()
        .arg("--data")
        .arg(&path)
        .arg("validate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "blank.ron:35:20: error: event `xiami-founded` has a `title` that shows as nothing"
        ),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("blank.ron:6:37: error: person `song-ke` has a `name` that shows as nothing"),
        "{stderr}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Invisible characters anywhere in a title: the title is found by its visible text, and
    /// none of them is shown.
    #[test]
    fn invisible_characters_anywhere_are_neither_shown_nor_in_the_way(
        picks in proptest::collection::vec((0usize..10_000, 0usize..6), 1..6),
    ) {
        let all = invisible();
        let mut title: Vec<char> = "Xiami".chars().collect();
        for (pick, at) in picks {
            title.insert(at.min(title.len()), all[pick % all.len()]);
        }
        let title: String = title.into_iter().collect();
        prop_assume!(sanitize(&title) == "Xiami");
        let shown = sanitize(&title);
        prop_assert!(!shown.chars().any(is_unsafe));
        let timeline = load_str("p.ron", &store_titled(&title)).unwrap();
        for query in ["xiami", "'xiami", "^Xiami$"] {
            let hits = ali_timeline::query::filter_events(&timeline, query).unwrap();
            prop_assert_eq!(hits.len(), 1, "{}", query);
        }
        let hits = ali_timeline::query::search(&timeline, &ali_timeline::query::Query::parse("xia").unwrap(), 10);
        prop_assert!(hits.iter().all(|h| !h.label.chars().any(is_unsafe)));
        prop_assert!(hits.iter().any(|h| h.label == "Xiami"));
    }
}
