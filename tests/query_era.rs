//! The `era:` query atom on the bundled store: it names one era (by id or by words of its title)
//! and selects the events whose dates overlap the era's span, exactly as the date range of that
//! span would; an era that is unknown or ambiguous is a located error listing the eras.

mod common;

use ali_timeline::query::{Query, filter_events};
use ali_timeline::timeline::load_bundled;
use predicates::str::contains;

#[test]
fn an_era_selects_what_its_date_range_selects() {
    let timeline = load_bundled().expect("bundled store loads");
    for era in timeline.eras() {
        let (from, to) = era.days();
        let by_dates = filter_events(&timeline, &format!("@{from}..{to}")).expect("dates");
        let by_id = filter_events(&timeline, &format!("era:{}", era.era.id)).expect("era id");
        assert_eq!(by_id, by_dates, "era:{}", era.era.id);
        assert!(
            by_id.contains(&era.start_event) && by_id.contains(&era.end_event),
            "era:{} holds its own bounds",
            era.era.id
        );
        let outside = filter_events(&timeline, &format!("!era:{}", era.era.id)).expect("not");
        assert_eq!(by_id.len() + outside.len(), timeline.events().len());
    }
}

#[test]
fn words_of_a_title_name_an_era_and_combine_with_other_atoms() {
    let timeline = load_bundled().expect("bundled store loads");
    let reset = timeline.era("yu-yongfu-reset").expect("bundled era");
    assert_eq!(
        filter_events(&timeline, "era:reset").unwrap(),
        filter_events(&timeline, "era:yu-yongfu-reset").unwrap()
    );
    let appointments = filter_events(&timeline, "era:reset kind:appointment").unwrap();
    assert!(!appointments.is_empty());
    for ix in appointments {
        let event = timeline.event_at(ix);
        assert_eq!(event.kind.as_str(), "appointment");
        assert!(reset.overlaps(event.date), "{}", event.id);
    }
}

#[test]
fn an_unknown_era_is_an_error_at_its_column_listing_the_eras() {
    let timeline = load_bundled().expect("bundled store loads");
    let error = Query::parse_in("gao era:rest", &timeline).expect_err("no such era");
    assert_eq!(error.column, 4);
    assert!(error.message.contains("unknown era `rest`"), "{error}");
    for era in timeline.eras() {
        assert!(error.message.contains(&era.era.id), "{error}");
    }
}

#[test]
fn words_that_name_several_eras_are_an_error_listing_them() {
    let timeline = load_bundled().expect("bundled store loads");
    let error = Query::parse_in("era:dme", &timeline).expect_err("two DME eras");
    assert!(
        error.message.contains("could be any of 2 eras")
            && error.message.contains("DME under Yu Yongfu")
            && error.message.contains("DME under rotating presidents"),
        "{error}"
    );
}

#[test]
fn the_command_line_lists_an_eras_events_and_refuses_an_unknown_one() {
    let out = common::bin()
        .args(["list", "era:gao-and-song"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(out.contains("Alibaba founds Ali Music Group"), "{out}");
    assert!(
        !out.contains("Xiami and TTPod merged into Ali Music"),
        "{out}"
    );
    common::bin()
        .args(["search", "era:nope"])
        .assert()
        .code(1)
        .stderr(contains("query error at column 1: unknown era `nope`"))
        .stderr(contains(
            "yu-yongfu-reset (Yu Yongfu's reset, 2016-06-15..2016-12-05)",
        ));
}

#[test]
fn a_store_without_eras_says_so() {
    let timeline = common::load_fixture("store-valid.ron");
    let error = Query::parse_in("era:reset", &timeline).expect_err("no eras");
    assert!(error.message.contains("this store has no eras"), "{error}");
}
