//! Snapshots of what issue 12 adds to the screen, at 80×24 and 40×12 from the fixture store,
//! reached by pressing keys as a user would: the filter line (the active query and how many
//! events it keeps).

mod tui_support;

use ali_timeline::tui::app::App;
use insta::assert_snapshot;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use tui_support::{mini, press, press_key, screen, type_keys};

/// Filters `app` by `query` through the search and Ctrl-F.
fn filter_by(app: &mut App<'_>, query: &str) {
    type_keys(app, &format!("/{query}"));
    press_key(app, KeyCode::Char('f'), KeyModifiers::CONTROL);
}

#[test]
fn the_filter_line_shows_the_query_and_the_count() {
    let t = mini();
    for (width, height) in [(80, 24), (40, 12)] {
        let mut app = App::new(&t, width, height);
        filter_by(&mut app, "kind:acq @2013..2014");
        let text = screen(&app);
        assert!(text.contains("4 of 13 events"), "{text}");
        assert_snapshot!(format!("filter_line_{width}x{height}"), text);
    }
}

#[test]
fn a_long_query_is_cut_and_the_count_stays() {
    let t = mini();
    let mut app = App::new(&t, 40, 12);
    filter_by(&mut app, "kind:acquisition @2013..2014 !ucweb !chinavision");
    let text = screen(&app);
    assert!(text.contains("2 of 13 events"), "{text}");
    assert!(text.contains('…'), "the query is cut: {text}");
    assert_snapshot!("filter_line_long_40x12", text);
}

#[test]
fn a_person_filter_names_the_person_and_shows_its_query() {
    let t = mini();
    let mut app = App::new(&t, 80, 24);
    type_keys(&mut app, "/gao xiaosong");
    press(&mut app, KeyCode::Enter);
    let text = screen(&app);
    assert!(text.contains("Timeline: Gao Xiaosong"), "{text}");
    assert!(
        text.contains("person:^gao-xiaosong$ · 2 of 13 events"),
        "{text}"
    );
}

#[test]
fn z_zooms_the_focused_pane_to_the_whole_screen_and_back() {
    let t = mini();
    for (width, height) in [(80, 24), (40, 12)] {
        let mut app = App::new(&t, width, height);
        type_keys(&mut app, "jjj");
        press(&mut app, KeyCode::Tab);
        let before = screen(&app);
        press(&mut app, KeyCode::Char('z'));
        assert!(app.zoomed);
        let text = screen(&app);
        assert!(text.contains("zoomed"), "the status bar says so: {text}");
        assert!(!text.contains("Timeline"), "only the detail pane: {text}");
        assert_snapshot!(format!("zoomed_detail_{width}x{height}"), text);
        press(&mut app, KeyCode::Char('z'));
        assert!(!app.zoomed);
        assert_eq!(screen(&app), before, "back as it was");

        press(&mut app, KeyCode::Char('z'));
        press(&mut app, KeyCode::Tab);
        let text = screen(&app);
        assert!(text.contains("Org chart"), "Tab moves the zoom on: {text}");
        assert!(!text.contains("Detail"), "{text}");
    }
}

#[test]
fn a_click_in_the_zoomed_timeline_selects_the_line_under_it() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    press(&mut app, KeyCode::Char('z'));
    let text = screen(&app);
    let row = text
        .lines()
        .position(|l| l.contains("Alibaba acquires UCWeb"))
        .expect("the event is on screen");
    let column = u16::try_from(text.lines().nth(row).unwrap().find("UCWeb").unwrap()).unwrap();
    ali_timeline::tui::update::update(
        &mut app,
        ali_timeline::tui::action::Action::Click {
            column,
            row: u16::try_from(row).unwrap(),
        },
    );
    assert_eq!(
        app.selected_event().map(|e| e.id.as_str()),
        Some("ucweb-acquired")
    );
}
