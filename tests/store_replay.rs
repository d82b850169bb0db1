//! The replay of event effects: renames carry roles over, mergers move sub-units and end roles,
//! month- and year-only effects apply from the start of their span, and bad replays are rejected.

mod common;

use ali_timeline::Error;
use ali_timeline::org::{self, ChangeKind};
use ali_timeline::timeline::load_str;
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn timeline() -> ali_timeline::Timeline {
    load_str("replay.ron", &common::fixture_text("store-replay.ron")).unwrap()
}

fn holders(t: &ali_timeline::Timeline, on: NaiveDate, unit: &str) -> Vec<String> {
    let chart = org::as_of(&t.store, &t.history, on);
    chart
        .node(unit)
        .map(|n| {
            n.roles
                .iter()
                .map(|&i| {
                    let tenure = &t.history.tenures[i];
                    format!("{}: {}", tenure.role, tenure.person)
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_rename_carries_roles_over_to_the_new_identity() {
    let t = timeline();
    assert_eq!(holders(&t, day(2014, 7, 1), "cv"), ["president: liu"]);
    assert_eq!(
        holders(&t, day(2014, 8, 5), "pictures"),
        ["ceo: zhang", "president: liu"]
    );
    let chart = org::as_of(&t.store, &t.history, day(2014, 8, 5));
    assert!(
        chart.node("cv").is_none(),
        "the old identity is gone after the rename"
    );
    assert_eq!(
        chart.node("pictures").unwrap().parent.as_deref(),
        Some("group")
    );
    let carried = t
        .history
        .tenures
        .iter()
        .find(|x| x.unit == "pictures" && x.person == "liu")
        .unwrap();
    let earlier = &t.history.tenures[carried.carried_from.unwrap()];
    assert_eq!(earlier.start.to_string(), "2014-06-24");
}

#[test]
fn a_month_only_effect_applies_from_the_first_of_the_month() {
    let t = timeline();
    let before = org::as_of(&t.store, &t.history, day(2014, 11, 30));
    let after = org::as_of(&t.store, &t.history, day(2014, 12, 1));
    assert!(before.node("movie").is_none());
    assert_eq!(
        after.node("movie").unwrap().parent.as_deref(),
        Some("group")
    );
}

#[test]
fn a_merger_moves_sub_units_to_the_survivor() {
    let t = timeline();
    let chart = org::as_of(&t.store, &t.history, day(2016, 1, 1));
    assert!(chart.node("movie").is_none());
    assert_eq!(chart.children("pictures"), ["yulebao"]);
    let merged = t.history.changes.iter().any(|c| {
        c.event == "merge"
            && c.kind
                == ChangeKind::Merged {
                    unit: "movie".into(),
                    into: "pictures".into(),
                }
    });
    assert!(merged, "the change log records the merger and its event");
}

fn replay_errors(text: &str) -> Vec<String> {
    match load_str("bad.ron", text) {
        Err(Error::Store(d)) => d.iter().map(|d| d.message.clone()).collect(),
        Err(e) => panic!("{e}"),
        Ok(_) => panic!("expected the replay to be rejected"),
    }
}

#[test]
fn inconsistent_replays_are_rejected_with_reasons() {
    let base = common::fixture_text("store-replay.ron");
    let cases = [
        (
            "Merge(unit: \"movie\", into: \"pictures\")",
            "Merge(unit: \"movie\", into: \"pictures\"), Found(unit: \"movie\")",
            "in event `merge`: unit `movie` is founded twice (first on 2014-12)",
        ),
        (
            "Place(unit: \"movie\", parent: \"pictures\")",
            "Place(unit: \"group\", parent: \"yulebao\")",
            "in event `fold`: cannot place `group` under `yulebao`: `yulebao` is `group` or inside it",
        ),
        (
            "Merge(unit: \"movie\", into: \"pictures\")",
            "Dissolve(unit: \"movie\")",
            "in event `merge`: unit `movie` still has sub-units (yulebao); place them elsewhere before dissolving it",
        ),
        (
            "Acquire(unit: \"cv\", by: \"group\"),",
            "Acquire(unit: \"cv\", by: \"pictures\"),",
            "in event `buy`: unit `pictures` does not exist yet on 2014-06-24; add a Found effect before this event",
        ),
        (
            "StartRole(person: \"zhang\", unit: \"pictures\", role: \"ceo\")",
            "StartRole(person: \"zhang\", unit: \"cv\", role: \"ceo\")",
            "in event `rename`: unit `cv` no longer exists on 2014-08-05 (it ended on 2014-08-05)",
        ),
    ];
    for (from, to, expected) in cases {
        assert_eq!(base.matches(from).count(), 1, "{from}");
        let errors = replay_errors(&base.replacen(from, to, 1));
        assert_eq!(errors, [expected], "after replacing {from}");
    }
}
