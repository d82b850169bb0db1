//! The terminal app's update function: actions (mostly pressed through the keymap, as a user
//! would) and the state they leave behind — selection, focus, search, filter, org date, mouse.

mod tui_support;

use ali_timeline::Timeline;
use ali_timeline::query::Target;
use ali_timeline::tui::action::Action;
use ali_timeline::tui::app::{App, Entity, Mode, Pane};
use ali_timeline::tui::layout;
use ali_timeline::tui::org_lines::{Mark, OrgItem};
use ali_timeline::tui::update::update;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use tui_support::{mini, press, press_key, screen, type_keys};

fn app(timeline: &Timeline) -> App<'_> {
    App::new(timeline, 120, 40)
}

fn selected_id<'a>(app: &App<'a>) -> &'a str {
    app.selected_event().map_or("", |e| e.id.as_str())
}

fn select_id(app: &mut App<'_>, id: &str) {
    press(app, KeyCode::Home);
    while selected_id(app) != id {
        let before = app.cursor;
        press(app, KeyCode::Down);
        assert_ne!(before, app.cursor, "event {id} not found");
    }
}

fn person(t: &Timeline, id: &str) -> usize {
    t.store.people.iter().position(|p| p.id == id).unwrap()
}

#[test]
fn moves_through_the_timeline_and_stops_at_the_ends() {
    let t = mini();
    let mut app = app(&t);
    assert_eq!(selected_id(&app), "xiami-launch");
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.cursor, 0, "up at the top stays");
    type_keys(&mut app, "jj");
    assert_eq!(selected_id(&app), "ttpod-acquired");
    press(&mut app, KeyCode::Up);
    assert_eq!(selected_id(&app), "xiami-acquired");
    press_key(&mut app, KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(selected_id(&app), "dme-reshuffle");
    press(&mut app, KeyCode::Down);
    assert_eq!(
        selected_id(&app),
        "dme-reshuffle",
        "down at the bottom stays"
    );
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.cursor, 0);
    press(&mut app, KeyCode::PageDown);
    assert!(app.cursor > 5, "a page is most of the pane: {}", app.cursor);
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::PageUp);
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.cursor, 0);
}

#[test]
fn brackets_jump_between_years() {
    let t = mini();
    let mut app = app(&t);
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(selected_id(&app), "xiami-acquired", "first event of 2013");
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(
        selected_id(&app),
        "chinavision-control",
        "first event of 2014"
    );
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('['));
    assert_eq!(
        selected_id(&app),
        "xiami-acquired",
        "back to the first event of 2013"
    );
    press(&mut app, KeyCode::Char('['));
    press(&mut app, KeyCode::Char('['));
    assert_eq!(selected_id(&app), "xiami-launch");
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(selected_id(&app), "dme-reshuffle", "no year after the last");
}

#[test]
fn tab_cycles_focus_both_ways() {
    let t = mini();
    let mut app = app(&t);
    let mut seen = vec![app.focus];
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
        seen.push(app.focus);
    }
    assert_eq!(
        seen,
        [Pane::Timeline, Pane::Detail, Pane::Org, Pane::Timeline]
    );
    press_key(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(app.focus, Pane::Org);
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
    assert_eq!(app.filter, Some(Entity::Person(gao)));
    assert_eq!(app.subject, Some(Entity::Person(gao)));
    let ids: Vec<&str> = app
        .visible
        .iter()
        .map(|&i| t.store.events[i].id.as_str())
        .collect();
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
    let unit = t.store.units.iter().position(|u| u.id == "damai").unwrap();
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
    assert_eq!(app.filter, Some(Entity::Unit(unit)));
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
    assert_eq!(search.text, "qjk?G");
    assert!(app.running, "q is typed, not quit");
    press(&mut app, KeyCode::Backspace);
    let Mode::Search(search) = &app.mode else {
        panic!("search is open");
    };
    assert_eq!(search.text, "qjk?");
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
            let tenure = &t.history.tenures[r];
            tenure.person == "gao-xiaosong" && tenure.role == "chairman"
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
fn enter_on_an_org_role_opens_that_person() {
    let t = mini();
    let mut app = app(&t);
    select_id(&mut app, "ali-music-founded");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Org);
    let lines = app.org_lines();
    let song = lines
        .iter()
        .position(
            |l| matches!(l.item, OrgItem::Role(r) if t.history.tenures[r].person == "song-ke"),
        )
        .expect("Song Ke holds a role");
    press(&mut app, KeyCode::Char('g'));
    for _ in 0..song {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Enter);
    let song_ke = person(&t, "song-ke");
    assert_eq!(app.filter, Some(Entity::Person(song_ke)));
    assert_eq!(app.subject, Some(Entity::Person(song_ke)));
    assert_eq!(app.focus, Pane::Timeline);
}

#[test]
fn the_org_pane_marks_what_the_selected_event_changed() {
    let t = mini();
    let mut app = app(&t);
    select_id(&mut app, "dme-reshuffle");
    let lines = app.org_lines();
    let role = |l: &&ali_timeline::tui::org_lines::OrgLine| match l.item {
        OrgItem::Role(r) => Some((
            t.history.tenures[r].person.as_str(),
            t.history.tenures[r].unit.as_str(),
            l.mark,
        )),
        OrgItem::Unit(_) => None,
    };
    let roles: Vec<_> = lines.iter().filter_map(|l| role(&l)).collect();
    assert!(roles.contains(&("gao-xiaosong", "ali-music", Mark::Ended)));
    assert!(roles.contains(&("yang-weidong", "ali-music", Mark::New)));
    assert!(roles.contains(&("fan-luyuan", "damai", Mark::New)));
    assert!(roles.contains(&("yang-weidong", "dme", Mark::Same)));
    assert_ne!(
        lines[app.org_cursor].mark,
        Mark::Same,
        "the org cursor starts on the first change"
    );

    select_id(&mut app, "ttpod-closed");
    let ended: Vec<_> = app
        .org_lines()
        .into_iter()
        .filter(|l| l.mark == Mark::Ended)
        .map(|l| l.item)
        .collect();
    assert_eq!(ended, [OrgItem::Unit("ttpod".into())]);
}

#[test]
fn clicks_select_and_focus_and_the_wheel_scrolls() {
    let t = mini();
    let mut app = app(&t);
    let areas = layout::areas(app.size, app.focus, app.side);
    let timeline = areas.pane(Pane::Timeline).unwrap().inner;
    // Rows: 2008, xiami-launch, 2013, xiami-acquired, ttpod-acquired.
    update(
        &mut app,
        Action::Click {
            column: timeline.x + 5,
            row: timeline.y + 4,
        },
    );
    assert_eq!(selected_id(&app), "ttpod-acquired");
    update(
        &mut app,
        Action::Click {
            column: timeline.x + 5,
            row: timeline.y + 2,
        },
    );
    assert_eq!(
        selected_id(&app),
        "xiami-acquired",
        "a year header selects its first event"
    );
    update(
        &mut app,
        Action::Scroll {
            column: timeline.x,
            row: timeline.y,
            lines: 3,
        },
    );
    assert_eq!(app.cursor, 4);
    let org = areas.pane(Pane::Org).unwrap().inner;
    update(
        &mut app,
        Action::Click {
            column: org.x + 1,
            row: org.y + 1,
        },
    );
    assert_eq!(app.focus, Pane::Org);
    assert_eq!(app.org_cursor, 1);
    let status = app.size.height - 1;
    update(
        &mut app,
        Action::Click {
            column: 0,
            row: status,
        },
    );
    assert_eq!(app.focus, Pane::Org, "the status bar is not a pane");
}

#[test]
fn the_detail_pane_scrolls_within_its_text() {
    let t = mini();
    let mut app = App::new(&t, 40, 8);
    select_id(&mut app, "ali-music-founded");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Detail);
    press(&mut app, KeyCode::End);
    let bottom = app.detail_scroll;
    assert!(bottom > 0);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.detail_scroll, bottom, "cannot scroll past the end");
    assert!(
        screen(&app).contains("id: ali-music-founded"),
        "{}",
        screen(&app)
    );
}

#[test]
fn resizing_keeps_the_selection_on_screen() {
    let t = mini();
    let mut app = app(&t);
    press(&mut app, KeyCode::End);
    update(
        &mut app,
        Action::Resize {
            width: 30,
            height: 6,
        },
    );
    assert!(screen(&app).contains("DME reshuffle"), "{}", screen(&app));
    update(
        &mut app,
        Action::Resize {
            width: 1,
            height: 1,
        },
    );
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    assert!(screen(&app).contains("DME reshuffle"));
}

#[test]
fn nothing_the_app_does_changes_the_store() {
    let t = mini();
    let before = t.store.clone();
    let mut app = app(&t);
    type_keys(&mut app, "jjj/gao");
    press(&mut app, KeyCode::Enter);
    type_keys(&mut app, "a2016");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert_eq!(t.store, before);
}
