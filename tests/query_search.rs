//! Search and filtering through the library API: what a user finds for each form of the query
//! language, in what order, with which characters highlighted — on a small fixture store and on
//! the bundled store.

use std::path::PathBuf;

use ali_timeline::Timeline;
use ali_timeline::query::{self, Hit, Matcher, Query, Target};

fn fixture(name: &str) -> Timeline {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    ali_timeline::timeline::load(Some(&path)).expect("the fixture store is valid")
}

fn small() -> Timeline {
    fixture("query-small.ron")
}

fn search(timeline: &Timeline, query: &str) -> Vec<Hit> {
    let parsed = Query::parse(query).unwrap_or_else(|e| panic!("{query}: {e}"));
    query::search(timeline, &parsed, 50)
}

/// What each hit is, as `person:ID`, `unit:ID` or `event:ID`, best first.
fn found(timeline: &Timeline, query: &str) -> Vec<String> {
    search(timeline, query)
        .iter()
        .map(|h| describe(timeline, h.target))
        .collect()
}

fn describe(timeline: &Timeline, target: Target) -> String {
    let store = &timeline.store;
    match target {
        Target::Person(i) => format!("person:{}", store.people[i].id),
        Target::Unit(i) => format!("unit:{}", store.units[i].id),
        Target::Event(i) => format!("event:{}", store.events[i].id),
    }
}

/// Ids of the events `list QUERY` would show, in date order.
fn events(timeline: &Timeline, query: &str) -> Vec<String> {
    query::filter_events(timeline, query)
        .unwrap_or_else(|e| panic!("{query}: {e}"))
        .into_iter()
        .map(|i| timeline.store.events[i].id.clone())
        .collect()
}

/// The highlighted parts of a hit's label.
fn highlighted(hit: &Hit) -> Vec<String> {
    let chars: Vec<char> = hit.label.chars().collect();
    hit.ranges
        .iter()
        .map(|r| chars[r.clone()].iter().collect())
        .collect()
}

#[test]
fn a_name_finds_the_person_first_then_their_events_by_date() {
    let t = small();
    let hits = found(&t, "gao");
    assert_eq!(hits[0], "person:gao-xiaosong");
    assert_eq!(hits[1], "event:ali-music-founded", "an event naming him");
    let chinese = found(&t, "高晓松");
    assert_eq!(chinese, ["person:gao-xiaosong", "event:ali-music-founded"]);
    assert_eq!(found(&t, "song ke")[0], "person:song-ke");
    assert_eq!(found(&t, "ke song")[0], "person:song-ke");
}

#[test]
fn letters_strewn_over_a_sentence_do_not_match() {
    let t = small();
    // `gao` occurs in order in "diGital medIA and entertainment grOup": not a match.
    assert!(!found(&t, "gao").contains(&"unit:dme".to_string()));
    assert!(events(&t, "gao").iter().all(|id| id == "ali-music-founded"));
}

#[test]
fn every_atom_must_match_in_any_order() {
    let t = small();
    assert_eq!(
        events(&t, "xiami @2013"),
        ["xiami-acquired", "xiami-stake-closed"]
    );
    assert_eq!(events(&t, "@2013 xiami"), events(&t, "xiami @2013"));
    assert_eq!(
        events(&t, "kind:acquisition alibaba @2013"),
        ["xiami-acquired", "ttpod-acquired"]
    );
    assert_eq!(found(&t, "xiami @2013"), found(&t, "@2013 xiami"));
}

#[test]
fn events_match_through_the_people_and_units_they_name() {
    let t = small();
    // The title says 虾米, not Xiami; the event names the unit.
    assert!(events(&t, "xiami").contains(&"xiami-stake-closed".to_string()));
    assert_eq!(
        events(&t, "unit:damai"),
        ["damai-acquired", "zhang-yu-named"]
    );
    assert_eq!(
        events(&t, "person:song"),
        ["ali-music-founded", "song-ke-leaves"]
    );
    assert_eq!(events(&t, "大麦"), ["damai-acquired", "zhang-yu-named"]);
}

#[test]
fn fields_apply_to_their_field_only() {
    let t = small();
    // Yu Yongfu and Zhang Yu are both a `yu`; the field looks at the people named, not the text.
    assert_eq!(events(&t, "person:yu"), ["dme-founded", "zhang-yu-named"]);
    assert_eq!(events(&t, "person:'zhang"), ["zhang-yu-named"]);
    assert!(events(&t, "person:music").is_empty());
    assert_eq!(
        events(&t, "tag:ticket"),
        ["damai-acquired", "zhang-yu-named"]
    );
    assert!(events(&t, "tag:xiami").is_empty(), "tags, not names");
    assert_eq!(events(&t, "kind:dep"), ["song-ke-leaves"]);
    let units = found(&t, "unit:damai");
    assert_eq!(units[0], "unit:damai");
    assert!(
        units.ends_with(&["person:zhang-yu".to_string()]),
        "Damai's leader comes after Damai and its events: {units:?}"
    );
}

#[test]
fn fzf_forms_exact_prefix_suffix_and_exclusion() {
    let t = small();
    assert_eq!(events(&t, "'steps"), ["song-ke-leaves"]);
    assert!(
        events(&t, "'stps").is_empty(),
        "exact needs the letters together"
    );
    assert_eq!(events(&t, "^song"), ["ali-music-founded", "song-ke-leaves"]);
    assert_eq!(events(&t, "^song !forms"), ["song-ke-leaves"]);
    assert!(
        events(&t, "^song !'ceo").is_empty(),
        "both summaries mention a CEO"
    );
    assert_eq!(events(&t, "down$"), ["song-ke-leaves"]);
    assert_eq!(events(&t, "'ali music' !forms"), ["song-ke-leaves"]);
    assert_eq!(events(&t, "^damai$"), ["damai-acquired", "zhang-yu-named"]);
    assert_eq!(events(&t, "'ali music' @2015"), ["ali-music-founded"]);
    let all = events(&t, "");
    let without = events(&t, "!alibaba");
    assert!(without.len() < all.len() && !without.is_empty());
    assert!(
        without
            .iter()
            .all(|id| !t.event(id).unwrap().title.contains("Alibaba"))
    );
    assert_eq!(
        events(&t, "!@2013..2016"),
        ["damai-acquired", "song-ke-leaves", "zhang-yu-named"]
    );
}

#[test]
fn dates_match_what_they_overlap() {
    let t = small();
    assert_eq!(events(&t, "@2013-03"), ["xiami-stake-closed"]);
    assert_eq!(
        events(&t, "@2013-03-20"),
        ["xiami-stake-closed"],
        "March 2013 covers the 20th"
    );
    assert_eq!(
        events(&t, "@2017-11-30..2018-02"),
        ["song-ke-leaves", "zhang-yu-named"]
    );
    assert_eq!(events(&t, "@..2013-01"), ["xiami-acquired"]);
    assert_eq!(events(&t, "@2017-12.."), ["zhang-yu-named"]);
    // People by the roles they held then; units by when they existed.
    let in_2016 = found(&t, "@2016");
    assert!(in_2016.contains(&"person:song-ke".to_string()));
    assert!(!in_2016.contains(&"person:zhang-yu".to_string()));
    assert!(!found(&t, "@2014").contains(&"unit:ali-music".to_string()));
}

#[test]
fn smart_case() {
    let t = small();
    assert!(!events(&t, "ttpod").is_empty());
    assert!(!events(&t, "TTPod").is_empty());
    assert!(
        events(&t, "TTPOD").is_empty(),
        "an uppercase letter makes the atom case-sensitive"
    );
}

#[test]
fn ranked_by_score_then_people_units_events_then_date() {
    let t = small();
    let hits = search(&t, "music");
    for pair in hits.windows(2) {
        assert!(pair[0].score >= pair[1].score, "{hits:#?}");
        if pair[0].score == pair[1].score
            && let (Target::Event(a), Target::Event(b)) = (pair[0].target, pair[1].target)
        {
            assert!(a < b, "ties by date");
        }
    }
    assert!(matches!(hits[0].target, Target::Unit(_)), "{hits:#?}");
    let limited = query::search(&t, &Query::parse("music").unwrap(), 2);
    assert_eq!(limited, hits[..2]);
}

#[test]
#[allow(clippy::single_range_in_vec_init)] // ranges are the data here
fn matched_characters_come_back_as_char_ranges() {
    let t = small();
    let gao = &search(&t, "gao")[0];
    assert_eq!(gao.label, "Gao Xiaosong (高晓松)");
    assert_eq!(highlighted(gao), ["Gao"]);
    let zh = &search(&t, "晓松")[0];
    assert_eq!(zh.ranges, [15..17]);
    assert_eq!(highlighted(zh), ["晓松"]);
    let event = search(&t, "'full control' 大麦")
        .into_iter()
        .find(|h| matches!(h.target, Target::Event(_)))
        .unwrap();
    assert_eq!(highlighted(&event), ["full control", "大麦"]);
    // Exclusions and other fields do not highlight the label.
    let only_field = &search(&t, "person:gao !xiami")[0];
    assert!(only_field.ranges.is_empty() || highlighted(only_field) == ["Gao"]);
}

#[test]
fn labels_and_ranges_are_terminal_safe() {
    let t = fixture("query-hostile.ron");
    let hits = search(&t, "evil");
    assert_eq!(hits.len(), 3, "{hits:#?}");
    for hit in &hits {
        assert!(
            !hit.label.chars().any(ali_timeline::text::is_unsafe),
            "{:?}",
            hit.label
        );
        let n = hit.label.chars().count();
        assert!(hit.ranges.iter().all(|r| r.start < r.end && r.end <= n));
    }
    let event = hits
        .iter()
        .find(|h| matches!(h.target, Target::Event(_)))
        .unwrap();
    assert_eq!(highlighted(event), ["evil"]);
}

#[test]
fn a_matcher_answers_for_single_items() {
    let t = small();
    let q = Query::parse("xiami @2013").unwrap();
    let first = t.event_index("xiami-acquired").unwrap();
    let later = t.event_index("ali-music-founded").unwrap();
    assert!(q.matches_event(&t, first).is_some());
    assert!(q.matches_event(&t, later).is_none());
    assert!(q.matches_event(&t, 10_000).is_none());
    let mut m = Matcher::new(&t, &q);
    assert!(m.person(10_000).is_none() && m.unit(10_000).is_none());
    assert!(Query::parse("  ").unwrap().is_empty());
    assert_eq!(events(&t, "   ").len(), t.store.events.len());
}

// The bundled store (the issue's own examples).

fn bundled() -> Timeline {
    ali_timeline::timeline::load_bundled().expect("the bundled store loads")
}

#[test]
fn bundled_gao_finds_gao_xiaosong_first() {
    let t = bundled();
    assert_eq!(found(&t, "gao")[0], "person:gao-xiaosong");
    assert_eq!(found(&t, "高晓松")[0], "person:gao-xiaosong");
    assert_eq!(search(&t, "gao")[0].label, "Gao Xiaosong (高晓松)");
}

#[test]
fn bundled_song_ke_finds_song_ke() {
    let t = bundled();
    assert_eq!(found(&t, "song ke")[0], "person:song-ke");
}

#[test]
fn bundled_xiami_2013_finds_the_acquisition_and_only_2013() {
    let t = bundled();
    let hits = events(&t, "xiami @2013");
    assert!(!hits.is_empty());
    for id in &hits {
        assert_eq!(t.event(id).unwrap().date.year(), 2013, "{id}");
    }
    let acquisitions: Vec<&String> = hits
        .iter()
        .filter(|id| {
            let e = t.event(id).unwrap();
            e.kind == ali_timeline::store::model::EventKind::Acquisition
                && e.units.iter().any(|u| u == "xiami")
        })
        .collect();
    assert!(!acquisitions.is_empty(), "{hits:?}");
}

#[test]
fn bundled_unit_damai_finds_damai_events() {
    let t = bundled();
    let hits = events(&t, "unit:damai");
    assert!(hits.len() >= 2, "{hits:?}");
    for id in &hits {
        assert!(
            t.event(id).unwrap().units.iter().any(|u| u == "damai"),
            "{id}"
        );
    }
    let all_damai = t
        .store
        .events
        .iter()
        .filter(|e| e.units.iter().any(|u| u == "damai"))
        .count();
    assert_eq!(hits.len(), all_damai, "every event naming Damai");
    assert_eq!(found(&t, "unit:damai")[0], "unit:damai");
}
