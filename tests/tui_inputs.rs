//! The terminal app's inputs and overlays: searching (a person filters the timeline, an event is
//! selected, Esc clears), typing into the search, the date asked for by `a` (bad dates explained
//! inline, never a panic), the org pane as of that date (a role no source ends shown as last
//! recorded) and the help overlay — driven through the keymap as a user would.

mod tui_support;

use ali_timeline::Timeline;
use ali_timeline::query::Target;
use ali_timeline::tui::action::Action;
use ali_timeline::tui::app::{App, Entity, Mode, Pane};
use ali_timeline::tui::org_lines::{Mark, OrgItem};
use ali_timeline::tui::update::update;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use tui_support::{mini, person, press, press_key, screen, select_id, selected_id, type_keys};

fn app(timeline: &Timeline) -> App<'_> {
    App::new(timeline, 120, 40)
}

#[test]
fn searching_a_person_filters_the_timeline_and_esc_clears_it() {
    let t = mini();
    let mut app = app(&t);
    select_id(&mut app, "ali-music-founded");
    type_keys(&mut app, "/gao");
    let Mode::Search(search) = &app.mode else {
        panic!("/ opens the search");
    };
    let gao = person(&t, "gao-xiaosong");
    let first = search
        .hits
        .iter()
        .position(|h| h.target == Target::Person(gao));
    let first = first.expect("Gao Xiaosong is found");
    for _ in 0..first {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(app.filter_entity(), Some(Entity::Person(gao)));
    assert_eq!(app.filter_text(), Some("person:^gao-xiaosong$"));
    assert_eq!(app.subject, Some(Entity::Person(gao)));
    let ids: Vec<&str> = app.visible.iter().map(|&ix| t.event_id(ix)).collect();
    assert_eq!(ids, ["ali-music-founded", "dme-reshuffle"]);
    assert_eq!(
        selected_id(&app),
        "ali-music-founded",
        "the selection stays"
    );

    press(&mut app, KeyCode::Esc);
    assert_eq!(app.filter, None);
    assert_eq!(app.subject, None);
    assert_eq!(app.visible.len(), t.store.events.len());
    assert_eq!(selected_id(&app), "ali-music-founded");
}

#[test]
fn enter_on_an_event_result_selects_it_even_when_filtered_out() {
    let t = mini();
    let mut app = app(&t);
    let unit = t.ids().unit("damai").unwrap();
    update(&mut app, Action::Search);
    type_keys(&mut app, "Damai");
    let Mode::Search(search) = &app.mode else {
        panic!("search is open");
    };
    let unit_hit = search
        .hits
        .iter()
        .position(|h| h.target == Target::Unit(unit));
    for _ in 0..unit_hit.expect("Damai the unit is found") {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.filter_entity(), Some(Entity::Unit(unit)));
    assert_eq!(app.filter_text(), Some("unit:^damai$"));
    assert_eq!(
        app.visible.len(),
        2,
        "Damai's acquisition and the reshuffle"
    );

    type_keys(&mut app, "/UCWeb");
    let Mode::Search(search) = &app.mode else {
        panic!("search is open");
    };
    let event = t.event_index("ucweb-acquired").unwrap();
    let at = search
        .hits
        .iter()
        .position(|h| h.target == Target::Event(event));
    for _ in 0..at.expect("the UCWeb event is found") {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.filter, None, "the filter that hid it is cleared");
    assert_eq!(selected_id(&app), "ucweb-acquired");
    assert_eq!(app.focus, Pane::Timeline);
}

#[test]
fn search_typing_takes_every_character_and_esc_closes_without_jumping() {
    let t = mini();
    let mut app = app(&t);
    type_keys(&mut app, "/qjk?G");
    let Mode::Search(search) = &app.mode else {
        panic!("search is open");
    };
    assert_eq!(search.text(), "qjk?G");
    assert!(app.running, "q is typed, not quit");
    press(&mut app, KeyCode::Backspace);
    let Mode::Search(search) = &app.mode else {
        panic!("search is open");
    };
    assert_eq!(search.text(), "qjk?");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(app.cursor, 0);
    type_keys(&mut app, "/x");
    press_key(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(!app.running, "Ctrl-C quits from the search too");
}

#[test]
fn a_asks_for_a_date_rejects_bad_ones_inline_and_esc_follows_the_selection_again() {
    let t = mini();
    let mut app = app(&t);
    press(&mut app, KeyCode::Char('a'));
    type_keys(&mut app, "2015-13");
    press(&mut app, KeyCode::Enter);
    let Mode::Date(input) = &app.mode else {
        panic!("still asking after a bad date");
    };
    let error = input.error.as_deref().unwrap_or_default();
    assert!(error.contains("there is no month 13"), "{error}");
    assert!(
        error.contains("YYYY-MM-DD"),
        "names the accepted forms: {error}"
    );
    for _ in 0..2 {
        press(&mut app, KeyCode::Backspace);
    }
    type_keys(&mut app, "08");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(
        app.org_date.map(|d| d.to_string()).as_deref(),
        Some("2015-08")
    );
    assert_eq!(app.focus, Pane::Org);
    assert_eq!(app.org_day().unwrap().to_string(), "2015-08-01");
    let lines = app.org_lines();
    assert!(
        lines.iter().all(|l| l.mark == Mark::Same),
        "nothing marked when pinned"
    );
    let gao_is_chairman = lines.iter().any(|l| match l.item {
        OrgItem::Role(r) => {
            let tenure = t.history.tenure(r);
            t.person_id(tenure.person) == "gao-xiaosong" && tenure.role == "chairman"
        }
        OrgItem::Unit(_) => false,
    });
    assert!(gao_is_chairman);

    press(&mut app, KeyCode::Esc);
    assert_eq!(app.org_date, None);
    assert_eq!(app.org_day().unwrap().to_string(), "2008-01-01");
}

#[test]
fn any_date_text_is_handled_without_panicking() {
    let t = mini();
    for text in [
        "",
        "~",
        "abcd",
        "2015-02-30",
        "99999999999999999999999",
        "高晓松",
        "-1",
    ] {
        let mut app = app(&t);
        press(&mut app, KeyCode::Char('a'));
        type_keys(&mut app, text);
        press(&mut app, KeyCode::Enter);
        assert!(
            matches!(&app.mode, Mode::Date(i) if i.error.is_some()),
            "{text:?}"
        );
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.mode, Mode::Browse);
    }
}

#[test]
fn help_opens_closes_and_q_quits() {
    let t = mini();
    let mut app = app(&t);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.mode, Mode::Help);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(
        app.cursor, 0,
        "j in the help scrolls the help, not the timeline"
    );
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.running);
}

#[test]
fn a_role_no_source_ends_is_shown_as_last_recorded_in_the_org_pane() {
    let t = ali_timeline::timeline::load_bundled().expect("the bundled store loads");
    let mut app = App::new(&t, 160, 50);
    press(&mut app, KeyCode::Char('a'));
    type_keys(&mut app, "2018-06-01");
    press(&mut app, KeyCode::Enter);
    // The org chart zoomed to the whole screen, so its long lines are read whole.
    press(&mut app, KeyCode::Char('z'));
    let shown = screen(&app);
    // Fan Luyuan's Damai CEO role has no sourced end: its last record is 2018-06-17.
    assert!(
        shown.contains("since 2018-05-11, last recorded 2018-06-17"),
        "{shown}"
    );
}
