//! The terminal app's update function while browsing: actions (mostly pressed through the keymap,
//! as a user would) and the state they leave behind — selection, years, focus, the org chart and
//! what it marks, mouse, resizing. Search, help and date input are in `tui_inputs.rs`.

mod tui_support;

use ali_timeline::tui::action::Action;
use ali_timeline::tui::app::{App, Entity, Pane};
use ali_timeline::tui::layout;
use ali_timeline::tui::org_lines::{Mark, OrgItem};
use ali_timeline::tui::update::update;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use tui_support::{mini, person, press, press_key, screen, select_id, selected_id, type_keys};

#[test]
fn moves_through_the_timeline_and_stops_at_the_ends() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
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
    let mut app = App::new(&t, 120, 40);
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
    let mut app = App::new(&t, 120, 40);
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
fn enter_on_an_org_role_opens_that_person() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    select_id(&mut app, "ali-music-founded");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Org);
    let lines = app.org_lines();
    let song = lines
        .iter()
        .position(
            |l| matches!(l.item, OrgItem::Role(r) if t.person_id(t.history.tenure(r).person) == "song-ke"),
        )
        .expect("Song Ke holds a role");
    press(&mut app, KeyCode::Char('g'));
    for _ in 0..song {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Enter);
    let song_ke = person(&t, "song-ke");
    assert_eq!(app.filter_entity(), Some(Entity::Person(song_ke)));
    assert_eq!(app.filter_text(), Some("person:^song-ke$"));
    assert_eq!(app.subject, Some(Entity::Person(song_ke)));
    assert_eq!(app.focus, Pane::Timeline);
}

#[test]
fn the_org_pane_marks_what_the_selected_event_changed() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    select_id(&mut app, "dme-reshuffle");
    let lines = app.org_lines();
    let role = |l: &&ali_timeline::tui::org_lines::OrgLine| match l.item {
        OrgItem::Role(r) => Some((
            t.person_id(t.history.tenure(r).person),
            t.unit_id(t.history.tenure(r).unit),
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
        .iter()
        .filter(|l| l.mark == Mark::Ended)
        .map(|l| l.item.clone())
        .collect();
    assert_eq!(ended, [OrgItem::Unit(t.ids().unit("ttpod").unwrap())]);
}

#[test]
fn clicks_select_and_focus_and_the_wheel_scrolls() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    let areas = layout::areas(app.size, app.focus, app.side);
    // The event list, under the time axis. Rows: 2008, xiami-launch, 2013, xiami-acquired,
    // ttpod-acquired.
    let timeline = layout::timeline_parts(&app, areas.pane(Pane::Timeline).unwrap().inner).list;
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
    let mut app = App::new(&t, 120, 40);
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
    let mut app = App::new(&t, 120, 40);
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
