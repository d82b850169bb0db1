//! The timeline's one filter, a query: Ctrl-F in the search applies the typed query (the same
//! language and matcher as `search` and `export --query`), a person or unit chosen sets the query
//! that selects exactly their events, Esc clears it, and `e` exports exactly the filtered events
//! with the query recorded.

mod tui_support;

use std::error::Error;
use std::fs;

use ali_timeline::export::Selection;
use ali_timeline::query::{Query, filter_events};
use ali_timeline::tui::app::{App, Mode, Pane};
use ali_timeline::tui::update::filter;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use tui_support::{mini, press, press_key, select_id, selected_id, type_keys};

type Result = std::result::Result<(), Box<dyn Error>>;

/// Presses Ctrl-`c`.
fn ctrl(app: &mut App<'_>, c: char) {
    press_key(app, KeyCode::Char(c), KeyModifiers::CONTROL);
}

#[test]
fn ctrl_f_filters_the_timeline_by_the_typed_query() -> Result {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    select_id(&mut app, "ttpod-acquired");
    type_keys(&mut app, "/kind:acq @2013..2014");
    ctrl(&mut app, 'f');
    assert_eq!(app.mode, Mode::Browse, "the overlay closes");
    assert_eq!(app.focus, Pane::Timeline);
    assert_eq!(app.filter_text(), Some("kind:acq @2013..2014"));
    let expected = filter_events(&t, "kind:acq @2013..2014")?;
    assert_eq!(
        app.visible, expected,
        "the query's events, as the CLI finds them"
    );
    let ids: Vec<&str> = app.visible.iter().map(|&ix| t.event_id(ix)).collect();
    assert_eq!(
        ids,
        [
            "xiami-acquired",
            "ttpod-acquired",
            "chinavision-control",
            "ucweb-acquired"
        ]
    );
    assert_eq!(selected_id(&app), "ttpod-acquired", "the selection stays");
    assert_eq!(app.filter_entity(), None, "a query, not a person");

    press(&mut app, KeyCode::Esc);
    assert_eq!(app.filter, None, "Esc clears the filter");
    assert_eq!(app.visible.len(), t.store.events.len());
    assert_eq!(selected_id(&app), "ttpod-acquired");
    Ok(())
}

#[test]
fn a_selection_the_filter_hides_moves_to_the_next_event_it_shows() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    select_id(&mut app, "alibaba-pictures-renamed");
    type_keys(&mut app, "/kind:acq");
    ctrl(&mut app, 'f');
    assert_eq!(selected_id(&app), "youku-acquired");
}

#[test]
fn ctrl_f_on_a_malformed_query_keeps_the_overlay_and_says_why() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    type_keys(&mut app, "/kind:");
    ctrl(&mut app, 'f');
    let Mode::Search(search) = &app.mode else {
        panic!("the search stays open");
    };
    assert!(search.error.is_some(), "the problem is shown");
    assert_eq!(app.filter, None, "no filter is set");
}

#[test]
fn ctrl_f_on_an_empty_query_shows_every_event_again() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    type_keys(&mut app, "/xiami");
    ctrl(&mut app, 'f');
    assert!(app.visible.len() < t.store.events.len());
    press(&mut app, KeyCode::Char('/'));
    ctrl(&mut app, 'f');
    assert_eq!(app.filter, None);
    assert_eq!(app.visible.len(), t.store.events.len());
}

#[test]
fn a_typed_person_query_is_the_same_filter_as_choosing_the_person() -> Result {
    let t = mini();
    let mut typed = App::new(&t, 120, 40);
    type_keys(&mut typed, "/person:^gao-xiaosong$");
    ctrl(&mut typed, 'f');
    let mut chosen = App::new(&t, 120, 40);
    let gao = t
        .ids()
        .person("gao-xiaosong")
        .ok_or("Gao is in the store")?;
    filter::filter_to(&mut chosen, ali_timeline::tui::app::Entity::Person(gao));
    assert_eq!(typed.visible, chosen.visible);
    assert_eq!(typed.filter, chosen.filter, "same query, same person");
    assert_eq!(
        typed.filter_entity(),
        Some(ali_timeline::tui::app::Entity::Person(gao))
    );
    Ok(())
}

#[test]
fn set_filter_is_the_one_way_in() -> Result {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    filter::set_filter(&mut app, Query::parse("ttpod")?);
    assert_eq!(app.filter_text(), Some("ttpod"));
    assert_eq!(app.visible, filter_events(&t, "ttpod")?);
    filter::set_filter(&mut app, Query::parse("")?);
    assert_eq!(app.filter, None, "an empty query clears the filter");
    filter::set_filter(&mut app, Query::parse("@1990")?);
    assert!(app.visible.is_empty(), "a query may match nothing");
    assert_eq!(app.selected_event(), None);
    Ok(())
}

#[test]
fn e_exports_exactly_the_filtered_events_and_records_the_query() -> Result {
    let t = mini();
    let dir = tempfile::tempdir()?;
    let mut app = App::new(&t, 100, 30);
    type_keys(&mut app, "/kind:acq @2013..2014");
    ctrl(&mut app, 'f');
    press(&mut app, KeyCode::Char('e'));
    let Mode::Export(dialog) = &app.mode else {
        panic!("e opens the export dialog");
    };
    assert_eq!(
        dialog.path, "ali-timeline-kind-acq-2013-2014.csv",
        "named after the query"
    );
    press(&mut app, KeyCode::Char('J'));
    press(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    let path = dir.path().join("acq.json");
    type_keys(&mut app, &path.display().to_string());
    press(&mut app, KeyCode::Enter);
    let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(&path)?)?;
    assert_eq!(json["meta"]["query"], "kind:acq @2013..2014");
    let ids: Vec<&str> = json["events"]
        .as_array()
        .ok_or("events")?
        .iter()
        .filter_map(|e| e["id"].as_str())
        .collect();
    let shown: Vec<&str> = app.visible.iter().map(|&ix| t.event_id(ix)).collect();
    assert_eq!(ids, shown, "exactly the events shown");
    let selected = Selection::matching(&t, Some("kind:acq @2013..2014"))?;
    assert_eq!(
        selected.events, app.visible,
        "the recorded query selects them again"
    );
    Ok(())
}

#[test]
fn ctrl_f_while_browsing_opens_the_filter_to_edit_and_narrow_it() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    type_keys(&mut app, "/kind:acq @2013..2014");
    ctrl(&mut app, 'f');
    ctrl(&mut app, 'f');
    let Mode::Search(search) = &app.mode else {
        panic!("Ctrl-F opens the search");
    };
    assert_eq!(
        search.text(),
        "kind:acq @2013..2014",
        "on the filter's query"
    );
    assert_eq!(search.hits.len(), 4, "its results listed");
    type_keys(&mut app, " !ucweb");
    ctrl(&mut app, 'f');
    assert_eq!(app.filter_text(), Some("kind:acq @2013..2014 !ucweb"));
    assert_eq!(app.visible.len(), 3, "narrowed");
}

#[test]
fn set_filter_and_clear_filter_are_jumps_that_ctrl_o_undoes() -> Result {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    filter::set_filter(&mut app, Query::parse("ttpod")?);
    filter::clear_filter(&mut app);
    assert_eq!(app.jumps.counts(), (2, 0));
    ctrl(&mut app, 'o');
    assert_eq!(app.filter_text(), Some("ttpod"));
    ctrl(&mut app, 'o');
    assert_eq!(app.filter, None);
    assert_eq!(app.jumps.counts(), (0, 2));
    Ok(())
}
