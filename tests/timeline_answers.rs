//! The timeline layer's answers: typed ids from one map (events in date order), labels, the
//! events of a person or unit, spans, the query that reproduces a filter, and replay problems
//! located where the file has them even when the file is not in date order.

use ali_timeline::Error;
use ali_timeline::query;
use ali_timeline::store::ids::EventIx;
use ali_timeline::timeline::{Entity, Timeline, load_str};

/// A store written out of date order: the 2016 event comes first in the file.
const STORE: &str = r#"Store(
    people: [
        Person(id: "gao", name: "Gao Xiaosong", name_zh: "高晓松"),
        Person(id: "song", name: "Song Ke"),
        Person(id: "nobody", name: "No Body"),
    ],
    units: [
        Unit(id: "music", name: "Ali Music", name_zh: "阿里音乐", kind: business_group),
        Unit(id: "old", name: "Old Label", kind: company),
        Unit(id: "odd:id", name: "Odd", kind: external),
    ],
    sources: [Source(id: "s", seed: "001")],
    events: [
        Event(
            id: "song-leaves", date: "2016-01-10", title: "Song Ke leaves", summary: "", kind: departure,
            people: ["song"], units: ["music"], sources: ["s"],
            effects: [EndRole(person: "song", unit: "music", role: "ceo")],
        ),
        Event(
            id: "founded", date: "2015-07-15", title: "Ali Music founded", summary: "", kind: founding,
            people: ["gao", "song"], units: ["music"], sources: ["s"],
            effects: [
                Found(unit: "music"),
                StartRole(person: "gao", unit: "music", role: "chairman"),
                StartRole(person: "song", unit: "music", role: "ceo"),
            ],
        ),
        Event(
            id: "old-closes", date: "2014-03", title: "Old Label closes", summary: "", kind: restructure,
            units: ["old", "odd:id"], sources: ["s"],
            effects: [Dissolve(unit: "old")],
        ),
    ],
)"#;

fn timeline() -> Timeline {
    load_str("answers.ron", STORE).expect("the store is valid")
}

fn ids(t: &Timeline, events: &[EventIx]) -> Vec<String> {
    events
        .iter()
        .map(|&ix| t.event_id(ix).to_string())
        .collect()
}

#[test]
fn events_are_indexed_in_date_order_whatever_the_file_order() {
    let t = timeline();
    let order: Vec<&str> = t.events().map(|(_, e)| e.id.as_str()).collect();
    assert_eq!(order, ["old-closes", "founded", "song-leaves"]);
    for (ix, event) in t.events() {
        assert_eq!(t.event_index(&event.id), Some(ix));
        assert_eq!(t.event_at(ix).id, event.id);
    }
    let song = t.ids().person("song").expect("known");
    assert_eq!(t.person_id(song), "song");
    assert_eq!(t.ids().person("nobody-else"), None);
}

#[test]
fn the_history_names_events_by_their_place_in_date_order() {
    let t = timeline();
    let song = t.ids().person("song").expect("known");
    let tenure = t
        .history
        .tenures()
        .map(|(_, tenure)| tenure)
        .find(|tenure| tenure.person == song)
        .expect("Song Ke held a role");
    assert_eq!(t.event_id(tenure.start_event), "founded");
    assert_eq!(tenure.end_event.map(|e| t.event_id(e)), Some("song-leaves"));
}

#[test]
fn labels_add_the_chinese_name_when_known() {
    let t = timeline();
    let gao = t.ids().person("gao").expect("known");
    let music = t.ids().unit("music").expect("known");
    assert_eq!(t.label(Entity::Person(gao)), "Gao Xiaosong (高晓松)");
    assert_eq!(t.label(Entity::Unit(music)), "Ali Music (阿里音乐)");
    assert_eq!(t.person_label("song"), "Song Ke");
    assert_eq!(
        t.unit_label("no-such-unit"),
        "no-such-unit",
        "an unknown id is shown as itself"
    );
}

#[test]
fn the_events_of_a_person_or_unit_are_those_naming_them_in_date_order() {
    let t = timeline();
    let song = Entity::Person(t.ids().person("song").expect("known"));
    let music = Entity::Unit(t.ids().unit("music").expect("known"));
    let nobody = Entity::Person(t.ids().person("nobody").expect("known"));
    assert_eq!(ids(&t, &t.events_of(song)), ["founded", "song-leaves"]);
    assert_eq!(ids(&t, &t.events_of(music)), ["founded", "song-leaves"]);
    assert!(t.events_of(nobody).is_empty());
}

#[test]
fn spans_run_from_the_first_role_to_the_last_or_over_a_units_life() {
    let t = timeline();
    let span = |id: &str| {
        let (from, to) = t.person_span(t.ids().person(id).expect("known"));
        (from.map(|d| d.to_string()), to.map(|d| d.to_string()))
    };
    assert_eq!(
        span("song"),
        (Some("2015-07-15".into()), Some("2016-01-10".into()))
    );
    assert_eq!(span("gao"), (Some("2015-07-15".into()), None), "still held");
    assert_eq!(span("nobody"), (None, None));
    let old = t.unit_span(t.ids().unit("old").expect("known"));
    assert_eq!(
        (old.0.map(|d| d.to_string()), old.1.map(|d| d.to_string())),
        (Some("2014-03".into()), Some("2014-03".into())),
        "no event founds it: it starts at its first record, the dissolution in 2014-03"
    );
}

#[test]
fn the_filter_query_selects_exactly_the_events_of_its_person_or_unit() {
    let t = timeline();
    for entity in t
        .people()
        .map(|(ix, _)| Entity::Person(ix))
        .chain(t.units().map(|(ix, _)| Entity::Unit(ix)))
    {
        let Some(query) = t.filter_query(entity) else {
            assert_eq!(
                t.entity_id(entity),
                "odd:id",
                "only the odd id has no query"
            );
            continue;
        };
        let found = query::filter_events(&t, &query).expect("the query parses");
        assert_eq!(found, t.events_of(entity), "{query}");
    }
    let gao = Entity::Person(t.ids().person("gao").expect("known"));
    assert_eq!(t.filter_query(gao).as_deref(), Some("person:^gao$"));
}

#[test]
fn a_replay_problem_is_located_at_its_event_in_the_file_not_in_date_order() {
    // The failing EndRole is in the first event written, which replays last.
    let bad = STORE.replace(
        r#"EndRole(person: "song", unit: "music", role: "ceo")"#,
        r#"EndRole(person: "song", unit: "music", role: "cfo")"#,
    );
    let line = bad
        .lines()
        .position(|l| l.contains(r#"role: "cfo""#))
        .expect("the bad effect")
        + 1;
    let Err(Error::Store(diagnostics)) = load_str("bad.ron", &bad) else {
        panic!("the EndRole of a role never held is rejected");
    };
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let d = &diagnostics[0];
    assert_eq!(d.position.line, line, "{d}");
    assert!(
        d.message.contains("in event `song-leaves`") && d.message.contains("does not hold `cfo`"),
        "{d}"
    );
}
