//! Search on a store large enough to be scanned on two threads gives exactly what scoring every
//! person, unit and event one by one gives: the same hits, scores and order.

mod common;

use std::cmp::Reverse;

use ali_timeline::query::{self, Matcher, Query, Target};

/// The query fixture's people, units and sources, with 24,000 plain events naming them.
fn large_text() -> String {
    let fixture = common::fixture_text("query-small.ron");
    let head = &fixture[..fixture
        .find("    events: [")
        .expect("the fixture has events")];
    let people = ["gao-xiaosong", "song-ke", "yu-yongfu", "zhang-yu"];
    let units = [
        "alibaba-group",
        "xiami",
        "ttpod",
        "ali-music",
        "damai",
        "dme",
    ];
    let words = ["music", "streaming", "film", "tickets", "songs", "group"];
    let mut text = format!("{head}    events: [\n");
    for i in 0..24_000 {
        text.push_str(&format!(
            "        Event(id: \"e{i}\", date: \"{}-{:02}\", title: \"{} {} deal {i}\", summary: \"About {}.\", kind: deal, people: [\"{}\"], units: [\"{}\"], sources: [\"seed-001\"]),\n",
            1995 + i % 30,
            1 + i % 12,
            words[i % 6],
            words[(i / 6) % 6],
            words[(i / 36) % 6],
            people[i % 4],
            units[(i / 4) % 6],
        ));
    }
    text.push_str("    ],\n)\n");
    text
}

#[test]
fn a_large_store_searches_the_same_as_item_by_item() -> Result<(), Box<dyn std::error::Error>> {
    let timeline = ali_timeline::timeline::load_str("large.ron", &large_text())?;
    let store = &timeline.store;
    assert_eq!(store.events.len(), 24_000);
    for text in [
        "gao song",
        "music",
        "xiami film",
        "song @2001",
        "tickets !group",
        "zz",
    ] {
        let query = Query::parse(text)?;
        let mut matcher = Matcher::new(&timeline, &query);
        let mut expected: Vec<(i64, (u8, usize))> = Vec::new();
        for i in 0..store.people.len() {
            expected.extend(matcher.person(i).map(|s| (s, (0, i))));
        }
        for i in 0..store.units.len() {
            expected.extend(matcher.unit(i).map(|s| (s, (1, i))));
        }
        for i in 0..store.events.len() {
            expected.extend(matcher.event(i).map(|s| (s, (2, i))));
        }
        expected.sort_by_key(|&(score, key)| (Reverse(score), key));
        let hits = query::search(&timeline, &query, usize::MAX);
        let got: Vec<(i64, (u8, usize))> = hits
            .iter()
            .map(|h| {
                let key = match h.target {
                    Target::Person(i) => (0, i),
                    Target::Unit(i) => (1, i),
                    Target::Event(i) => (2, i),
                };
                (h.score, key)
            })
            .collect();
        assert_eq!(got.len(), expected.len(), "{text}");
        assert!(
            got == expected,
            "{text}: hits differ from item-by-item scoring"
        );
        if text != "zz" {
            assert!(got.iter().filter(|(_, k)| k.0 == 2).count() > 100, "{text}");
        }
    }
    Ok(())
}
