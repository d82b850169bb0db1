//! Back and forward through the jump list (Ctrl-O, Ctrl-N), as in vim: every jump — a search
//! result or org line opened, a filter set or cleared, a date pinned, a year or date jumped to —
//! records where the user was (a period jumped to on the time axis, a row opened from the tenure
//! chart too); and going to a date with `d`.

mod tui_support;

use ali_timeline::tui::app::{App, Entity, Mode, Pane};
use ali_timeline::tui::jumps::MAX_JUMPS;
use ali_timeline::tui::org_lines::OrgItem;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use tui_support::{mini, press, press_key, screen, select_id, selected_id, type_keys};

fn ctrl(app: &mut App<'_>, c: char) {
    press_key(app, KeyCode::Char(c), KeyModifiers::CONTROL);
}

#[test]
fn ctrl_o_goes_back_from_a_search_result_and_ctrl_n_forward_again() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    select_id(&mut app, "ttpod-acquired");
    type_keys(&mut app, "/damai acquires");
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected_id(&app), "damai-acquired");
    ctrl(&mut app, 'o');
    assert_eq!(selected_id(&app), "ttpod-acquired", "back where it was");
    ctrl(&mut app, 'o');
    assert_eq!(
        selected_id(&app),
        "ttpod-acquired",
        "nothing older: it stays"
    );
    ctrl(&mut app, 'n');
    assert_eq!(selected_id(&app), "damai-acquired", "forward again");
    ctrl(&mut app, 'n');
    assert_eq!(
        selected_id(&app),
        "damai-acquired",
        "nothing newer: it stays"
    );
}

#[test]
fn a_filter_set_or_cleared_is_a_jump() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    select_id(&mut app, "xiami-launch");
    type_keys(&mut app, "/kind:acq @2014");
    ctrl(&mut app, 'f');
    assert_eq!(selected_id(&app), "chinavision-control");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.filter, None);
    ctrl(&mut app, 'o');
    assert_eq!(
        app.filter_text(),
        Some("kind:acq @2014"),
        "the filter Esc cleared"
    );
    assert_eq!(app.visible.len(), 2);
    ctrl(&mut app, 'o');
    assert_eq!(app.filter, None, "before the filter");
    assert_eq!(selected_id(&app), "xiami-launch");
    ctrl(&mut app, 'n');
    ctrl(&mut app, 'n');
    assert_eq!(app.filter, None, "forward to after Esc");
    assert_eq!(selected_id(&app), "chinavision-control");
}

#[test]
fn a_person_chosen_from_the_org_chart_is_a_jump() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    select_id(&mut app, "ali-music-founded");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    let lines = app.org_lines();
    let role = lines
        .iter()
        .position(|l| matches!(l.item, OrgItem::Role(_)))
        .expect("someone holds a role");
    press(&mut app, KeyCode::Char('g'));
    (0..role).for_each(|_| press(&mut app, KeyCode::Char('j')));
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.filter_entity(), Some(Entity::Person(_))));
    assert!(app.subject.is_some());
    ctrl(&mut app, 'o');
    assert_eq!(app.filter, None);
    assert_eq!(app.subject, None, "the detail pane shows the event again");
    assert_eq!(selected_id(&app), "ali-music-founded");
}

#[test]
fn a_pinned_date_and_a_year_jump_are_jumps() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    select_id(&mut app, "ttpod-acquired");
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(
        selected_id(&app),
        "chinavision-control",
        "the next year's first event"
    );
    type_keys(&mut app, "a2015");
    press(&mut app, KeyCode::Enter);
    assert!(app.org_date.is_some());
    ctrl(&mut app, 'o');
    assert_eq!(app.org_date, None, "the date pin undone");
    ctrl(&mut app, 'o');
    assert_eq!(selected_id(&app), "ttpod-acquired", "before the year jump");
}

#[test]
fn a_period_jump_on_the_axis_and_a_row_opened_from_the_tenure_chart_are_jumps() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    select_id(&mut app, "xiami-launch");
    press(&mut app, KeyCode::Char('}'));
    assert_ne!(selected_id(&app), "xiami-launch", "the next period");
    ctrl(&mut app, 'o');
    assert_eq!(
        selected_id(&app),
        "xiami-launch",
        "back from the period jump"
    );

    let mut app = App::new(&t, 120, 40);
    select_id(&mut app, "xiami-launch");
    press(&mut app, KeyCode::Char('t'));
    assert!(matches!(app.mode, Mode::Tenure(_)));
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Browse));
    assert!(app.filter_text().is_some(), "filtered by the row's query");
    ctrl(&mut app, 'o');
    assert_eq!(app.filter, None, "back to every event");
    assert_eq!(selected_id(&app), "xiami-launch");
}

#[test]
fn a_new_jump_after_going_back_forgets_the_way_forward() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char(']'));
    ctrl(&mut app, 'o');
    assert_eq!(app.jumps.counts(), (1, 1));
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(
        app.jumps.counts(),
        (2, 0),
        "G is a jump; the way forward is gone"
    );
    ctrl(&mut app, 'n');
    assert_eq!(
        selected_id(&app),
        "dme-reshuffle",
        "nothing to go forward to"
    );
}

#[test]
fn moving_line_by_line_is_not_a_jump() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    type_keys(&mut app, "jjjk");
    assert_eq!(app.jumps.counts(), (0, 0));
}

#[test]
fn the_jump_list_is_bounded() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    for _ in 0..(MAX_JUMPS + 20) {
        press(&mut app, KeyCode::Char('G'));
        press(&mut app, KeyCode::Char('g'));
    }
    assert_eq!(app.jumps.counts(), (MAX_JUMPS, 0));
    for _ in 0..(MAX_JUMPS + 20) {
        ctrl(&mut app, 'o');
    }
    assert_eq!(app.jumps.counts(), (0, MAX_JUMPS));
}

#[test]
fn d_goes_to_the_first_event_on_or_after_a_date() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    for (date, expected) in [
        ("2016", "youku-acquired"),
        ("2016-10", "dme-founded"),
        ("2016-11-30", "dme-founded"), // known to the month: it may be that day
        ("2016-12-01", "damai-acquired"),
        ("1990", "xiami-launch"),
    ] {
        press(&mut app, KeyCode::Char('d'));
        type_keys(&mut app, date);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.mode, Mode::Browse, "{date}");
        assert_eq!(selected_id(&app), expected, "{date}");
        assert_eq!(app.focus, Pane::Timeline);
    }
    ctrl(&mut app, 'o');
    assert_eq!(selected_id(&app), "damai-acquired", "a date jump is a jump");
}

#[test]
fn d_goes_to_a_date_in_the_filtered_timeline() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    type_keys(&mut app, "/kind:acq");
    ctrl(&mut app, 'f');
    type_keys(&mut app, "d2015");
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected_id(&app), "youku-acquired");
}

#[test]
fn a_malformed_date_or_one_after_every_event_is_explained_in_place() {
    let t = mini();
    let mut app = App::new(&t, 80, 24);
    type_keys(&mut app, "d2016-13");
    press(&mut app, KeyCode::Enter);
    let Mode::Date(input) = &app.mode else {
        panic!("the date input stays open");
    };
    assert!(input.error.is_some());
    let text = screen(&app);
    assert!(text.contains("Go to date: 2016-13"), "{text}");
    assert!(text.contains("invalid date"), "{text}");
    assert_eq!(app.jumps.counts(), (0, 0));

    press(&mut app, KeyCode::Esc);
    type_keys(&mut app, "d2030");
    press(&mut app, KeyCode::Enter);
    let text = screen(&app);
    assert!(
        text.contains("no event on or after 2030 in the timeline"),
        "{text}"
    );
    assert!(matches!(app.mode, Mode::Date(_)));
}
