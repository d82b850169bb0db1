//! Eras in the store: named spans bounded by two events. The bundled eras cover the product's six
//! episodes; a store without eras still loads; bad bounds are reported at their line and column;
//! the timeline layer gives each era with its dates.

mod common;

use ali_timeline::Error;
use ali_timeline::timeline::{Timeline, load_bundled, load_str};

/// The valid fixture (three events: xiami-founded 2006, ali-music-formed 2015-03,
/// ali-music-group-founded 2015-07-15) with `eras` appended.
fn with_eras(eras: &str) -> String {
    let text = common::fixture_text("store-valid.ron");
    let end = text.rfind(')').expect("the fixture ends with `)`");
    format!("{}    eras: [\n{eras}\n    ],\n)\n", &text[..end])
}

/// Every diagnostic line for `text`, or a panic if it loads.
fn diagnostics(text: &str) -> Vec<String> {
    match load_str("bad.ron", text) {
        Err(Error::Store(d)) => d.iter().map(ToString::to_string).collect(),
        Err(other) => panic!("expected store errors, got {other}"),
        Ok(_) => panic!("expected the store to be rejected"),
    }
}

/// The line of `text` (from 1) holding `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle present")
        + 1
}

const GOOD: &str = r#"        Era(id: "music", title: "Ali Music's first months", start_event: "ali-music-formed", end_event: "ali-music-group-founded", note: "From the merger to the music group."),"#;

#[test]
fn a_store_without_eras_loads_with_none() {
    let timeline = common::load_fixture("store-valid.ron");
    assert_eq!(timeline.eras().len(), 0);
}

#[test]
fn an_era_resolves_to_its_events_and_their_dates() {
    let timeline = load_str("eras.ron", &with_eras(GOOD)).expect("valid eras load");
    let eras: Vec<_> = timeline.eras().collect();
    assert_eq!(eras.len(), 1);
    let era = eras[0];
    assert_eq!(era.era.title, "Ali Music's first months");
    assert_eq!(timeline.event_id(era.start_event), "ali-music-formed");
    assert_eq!(timeline.event_id(era.end_event), "ali-music-group-founded");
    assert_eq!(era.start.to_string(), "2015-03");
    assert_eq!(
        era.days(),
        (common::day("2015-03-01"), common::day("2015-07-15"))
    );
    assert_eq!(timeline.era("music").map(|e| e.ix), Some(era.ix));
    assert!(timeline.era("nope").is_none());
}

#[test]
fn an_unknown_event_is_reported_at_its_field_with_a_suggestion() {
    let text = with_eras(&GOOD.replace(
        "end_event: \"ali-music-group-founded\"",
        "end_event: \"ali-music-group-found\"",
    ));
    let d = diagnostics(&text);
    assert_eq!(d.len(), 1, "{d:#?}");
    let line = line_of(&text, "ali-music-group-found\"");
    assert!(
        d[0].starts_with(&format!("bad.ron:{line}:")),
        "located on the era's line {line}: {}",
        d[0]
    );
    assert!(
        d[0].contains("unknown event `ali-music-group-found`")
            && d[0].contains("did you mean `ali-music-group-founded`"),
        "{}",
        d[0]
    );
}

#[test]
fn an_era_that_ends_before_it_starts_is_refused() {
    let text = with_eras(
        r#"        Era(id: "backwards", title: "Backwards", start_event: "ali-music-group-founded", end_event: "xiami-founded"),"#,
    );
    let d = diagnostics(&text);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].contains("era `backwards` ends with `xiami-founded` (2006) before it starts")
            && d[0].contains("swap"),
        "{}",
        d[0]
    );
}

#[test]
fn a_duplicate_era_id_names_the_first_definition() {
    let text = with_eras(&format!(
        "{GOOD}\n{}",
        GOOD.replace("first months", "again")
    ));
    let d = diagnostics(&text);
    assert_eq!(d.len(), 1, "{d:#?}");
    let first = line_of(&text, "first months");
    assert!(
        d[0].contains(&format!(
            "duplicate era id `music` (first defined at line {first})"
        )),
        "{}",
        d[0]
    );
}

#[test]
fn an_era_with_a_blank_title_is_refused() {
    let d = diagnostics(&with_eras(&GOOD.replace("Ali Music's first months", " ")));
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].contains("era `music` has a `title` that shows as nothing"),
        "{}",
        d[0]
    );
}

/// The era of `timeline` whose span holds the event `event`, by title.
fn eras_holding(timeline: &Timeline, event: &str) -> Vec<String> {
    let date = timeline.event(event).expect("bundled event").date;
    timeline
        .eras()
        .filter(|e| e.overlaps(date))
        .map(|e| e.era.title.clone())
        .collect()
}

#[test]
fn the_bundled_eras_cover_the_six_episodes() {
    let timeline = load_bundled().expect("bundled store loads");
    // One event for each episode the product is about.
    for event in [
        "music-division-and-xiami-acquisition", // the 2013 Xiami acquisition
        "ali-music-formed",                     // the 2015 Ali Music merger
        "ali-music-group-founded",              // Gao Xiaosong's and Song Ke's appointments
        "dme-founded",                          // the 2016 DME group
        "yu-yongfu-alibaba-pictures-ceo",       // Yu Yongfu's reset
        "dme-reshuffle-2018",                   // the Youku/Damai reshuffle
        "yang-weidong-exit",
    ] {
        assert!(
            !eras_holding(&timeline, event).is_empty(),
            "no era holds `{event}`"
        );
    }
    let titles: Vec<&str> = timeline.eras().map(|e| e.era.title.as_str()).collect();
    for wanted in [
        "Xiami and TTPod join Alibaba",
        "Ali Music under Gao Xiaosong and Song Ke",
        "Yu Yongfu's reset",
        "DME under rotating presidents",
    ] {
        assert!(titles.contains(&wanted), "{titles:?}");
    }
    for era in timeline.eras() {
        assert!(era.start <= era.end, "{} is ordered", era.era.id);
        assert!(era.era.note.is_some(), "{} has a note", era.era.id);
    }
}

#[test]
fn eras_are_named_by_id_or_by_words_of_their_title() {
    let timeline = load_bundled().expect("bundled store loads");
    let ids = |words: &str| -> Vec<String> {
        timeline
            .eras_named(words)
            .iter()
            .map(|e| e.era.id.clone())
            .collect()
    };
    assert_eq!(ids("reset"), ["yu-yongfu-reset"]);
    assert_eq!(ids("Gao-And-Song"), ["gao-and-song"]);
    assert_eq!(ids("rotating pres"), ["rotating-presidents"]);
    assert_eq!(ids("dme"), ["dme-under-yu", "rotating-presidents"]);
    assert!(ids("zzz").is_empty());
    assert!(ids("  ").is_empty());
}
