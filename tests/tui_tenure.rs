//! The tenure chart (`t`): snapshots at 80×24 and 120×40, zoomed and panned, of people by unit
//! and of unit lifelines, on the fixture store; how each kind of end is drawn (a sourced end, a
//! last record, a vague date, no end) on a store made for it; and its keys driven through the
//! keymap as a user presses them: rows, pan, zoom, switching, Enter back into the timeline, Esc.

mod tui_support;

use ali_timeline::tui::app::{App, Entity, Mode};
use ali_timeline::tui::tenure::{ChartKind, TenureChart};
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use tui_support::{fixture, mini, press, screen, select_id, selected_id};

/// The chart's state (fails the test when it is not open).
fn chart<'a>(app: &'a App<'_>) -> &'a TenureChart {
    match &app.mode {
        Mode::Tenure(chart) => chart,
        other => panic!("the tenure chart is not open: {other:?}"),
    }
}

/// The app at `width`×`height` with `event` selected and the chart opened with `t`.
fn opened<'a>(t: &'a ali_timeline::Timeline, width: u16, height: u16, event: &str) -> App<'a> {
    let mut app = App::new(t, width, height);
    select_id(&mut app, event);
    press(&mut app, KeyCode::Char('t'));
    app
}

#[test]
fn people_by_unit_at_80x24_and_120x40() {
    let t = mini();
    let app = opened(&t, 80, 24, "dme-reshuffle");
    assert_snapshot!("tenure_80x24", screen(&app));
    let app = opened(&t, 120, 40, "ali-music-founded");
    assert_snapshot!("tenure_120x40", screen(&app));
}

#[test]
fn zoomed_in_and_panned() {
    let t = mini();
    let mut app = opened(&t, 80, 24, "ali-music-founded");
    let whole = chart(&app).months_per_column();
    press(&mut app, KeyCode::Char('+'));
    press(&mut app, KeyCode::Char('+'));
    assert!(chart(&app).months_per_column() < whole, "zoomed in");
    assert_snapshot!("tenure_80x24_zoomed", screen(&app));
    let from = chart(&app).from;
    press(&mut app, KeyCode::Char('l'));
    assert!(chart(&app).from > from, "panned later");
    assert_snapshot!("tenure_80x24_zoomed_panned", screen(&app));
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(chart(&app).from, from, "panned back");
    let mut app = opened(&t, 120, 40, "dme-reshuffle");
    press(&mut app, KeyCode::Char('+'));
    press(&mut app, KeyCode::Right);
    assert_snapshot!("tenure_120x40_zoomed_panned", screen(&app));
}

#[test]
fn unit_lifelines_after_tab() {
    let t = mini();
    let mut app = opened(&t, 80, 24, "ali-music-founded");
    press(&mut app, KeyCode::Tab);
    assert_eq!(chart(&app).kind, ChartKind::Units);
    assert_snapshot!("tenure_units_80x24", screen(&app));
    press(&mut app, KeyCode::Tab);
    assert_eq!(chart(&app).kind, ChartKind::People);
}

#[test]
fn each_kind_of_end_is_drawn_apart() {
    let t = fixture("tui-tenure.ron");
    let mut app = opened(&t, 80, 12, "ann-leaves");
    assert_snapshot!("tenure_ends_80x12", screen(&app));
    press(&mut app, KeyCode::Tab);
    assert_snapshot!("tenure_ends_units_80x12", screen(&app));
}

#[test]
fn keys_move_between_rows_and_close() {
    let t = mini();
    let mut app = opened(&t, 80, 24, "xiami-acquired");
    let rows = chart(&app).rows.len();
    assert!(rows > 3, "{rows} rows");
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(chart(&app).cursor, 0);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Down);
    assert_eq!(chart(&app).cursor, 2);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(chart(&app).cursor, 1);
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(chart(&app).cursor, rows - 1);
    let before = chart(&app).months_per_column();
    press(&mut app, KeyCode::Char('-'));
    assert!(chart(&app).months_per_column() > before, "zoomed out");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Browse);
    press(&mut app, KeyCode::Char('t'));
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app.mode, Mode::Browse, "t closes the chart too");
    assert_eq!(
        selected_id(&app),
        "xiami-acquired",
        "closing keeps the selection"
    );
}

#[test]
fn the_chart_opens_on_the_selected_events_row() {
    let t = mini();
    let app = opened(&t, 80, 24, "ali-music-founded");
    let row = &chart(&app).rows[chart(&app).cursor];
    let gao = Entity::Unit(t.ids().unit("ali-music").expect("ali music"));
    assert_eq!(
        row.entity, gao,
        "the heading of the unit the event started roles in"
    );
}

#[test]
fn enter_opens_the_career_and_the_timeline_follows() {
    let t = mini();
    let mut app = opened(&t, 80, 24, "dme-reshuffle");
    let gao = Entity::Person(t.ids().person("gao-xiaosong").expect("gao"));
    let at = chart(&app)
        .rows
        .iter()
        .position(|r| r.entity == gao)
        .expect("a row for Gao Xiaosong");
    press(&mut app, KeyCode::Char('g'));
    for _ in 0..at {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(
        app.filter_entity(),
        Some(gao),
        "the timeline shows his events"
    );
    assert_eq!(app.subject, Some(gao), "the detail pane shows his career");
    // The date line was at the 2018 reshuffle, which ended his role: that event is selected.
    assert_eq!(selected_id(&app), "dme-reshuffle");
    assert!(screen(&app).contains("Gao Xiaosong"), "{}", screen(&app));
}

#[test]
fn enter_on_a_lifeline_opens_the_unit_at_its_event_nearest_the_line() {
    let t = mini();
    let mut app = opened(&t, 80, 24, "ali-music-founded");
    press(&mut app, KeyCode::Tab);
    let music = Entity::Unit(t.ids().unit("ali-music").expect("ali music"));
    let at = chart(&app)
        .rows
        .iter()
        .position(|r| r.entity == music)
        .expect("a lifeline for Ali Music");
    press(&mut app, KeyCode::Char('g'));
    for _ in 0..at {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.filter_entity(), Some(music));
    assert_eq!(selected_id(&app), "ali-music-founded");
}

#[test]
fn the_stores_eras_are_bands_on_the_axis_and_on_the_chart() {
    let t = ali_timeline::timeline::load_bundled().expect("the bundled store loads");
    assert!(t.eras().len() > 0, "the bundled store has eras");
    let mut app = App::new(&t, 120, 40);
    let text = screen(&app);
    // Under the bars, over the years: a band for each era, `├` where one begins.
    let band = text.lines().nth(2).expect("a third line");
    assert!(band.contains('├') && band.contains('─'), "{text}");
    press(&mut app, KeyCode::Char('t'));
    let text = screen(&app);
    let band = text.lines().nth(2).expect("a third line");
    assert!(band.starts_with("Eras") && band.contains('├'), "{text}");
    // Zoomed in to a month a column, the bands are wide enough for the titles' beginnings.
    for _ in 0..4 {
        press(&mut app, KeyCode::Char('+'));
    }
    for _ in 0..8 {
        press(&mut app, KeyCode::Char('l'));
    }
    let text = screen(&app);
    let band = text.lines().nth(2).expect("a third line");
    assert!(
        t.eras()
            .any(|e| band.contains(&format!("├{}", &e.era.title[..4]))),
        "{text}"
    );
}
