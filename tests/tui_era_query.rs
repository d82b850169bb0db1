//! `era:` in the terminal app: Ctrl-F in the search filters the timeline to an era's events (as
//! the CLI selects them), and an unknown era is shown as the search's error, filtering nothing.

mod tui_support;

use ali_timeline::query::filter_events;
use ali_timeline::timeline::load_bundled;
use ali_timeline::tui::app::{App, Mode};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use tui_support::{press_key, type_keys};

#[test]
fn ctrl_f_filters_to_an_eras_events() {
    let t = load_bundled().expect("bundled store loads");
    let mut app = App::new(&t, 120, 40);
    type_keys(&mut app, "/era:reset");
    press_key(&mut app, KeyCode::Char('f'), KeyModifiers::CONTROL);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(app.filter_text(), Some("era:reset"));
    let expected = filter_events(&t, "era:yu-yongfu-reset").unwrap();
    assert!(!expected.is_empty());
    assert_eq!(app.visible, expected);
}

#[test]
fn an_unknown_era_is_the_searchs_error_and_filters_nothing() {
    let t = load_bundled().expect("bundled store loads");
    let mut app = App::new(&t, 120, 40);
    type_keys(&mut app, "/era:nope");
    press_key(&mut app, KeyCode::Char('f'), KeyModifiers::CONTROL);
    let Mode::Search(search) = &app.mode else {
        panic!("the search stays open on an error");
    };
    let error = search.error.as_ref().expect("an error is shown");
    assert!(error.message.contains("unknown era `nope`"), "{error}");
    assert_eq!(app.filter, None);
    assert_eq!(app.visible.len(), t.store.events.len());
}
