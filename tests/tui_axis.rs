//! The time axis at the top of the timeline pane: snapshots at 40, 80 and 120 columns, with
//! every event shown and filtered to one person (the shown events' bars under the dimmed bars
//! of all); one cell per month when months fit; the styles text cannot show; and jumping from
//! it, by a click on a cell and by `{` `}`, as a user would.

mod tui_support;

use ali_timeline::tui::action::Action;
use ali_timeline::tui::app::{App, Pane};
use ali_timeline::tui::axis::{self, Geometry};
use ali_timeline::tui::layout;
use ali_timeline::tui::update::update;
use ali_timeline::tui::view;
use insta::assert_snapshot;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use tui_support::{
    buffer_text, draw, filter_to_person, fixture, mini, press, screen, select_id, selected_id,
};

#[test]
fn the_axis_at_40_80_and_120_columns_with_and_without_a_filter() {
    let t = mini();
    for (width, height) in [(40, 14), (80, 16), (120, 16)] {
        let mut app = App::new(&t, width, height);
        select_id(&mut app, "ali-music-founded");
        assert_snapshot!(format!("axis_{width}x{height}"), screen(&app));
        filter_to_person(&mut app, "yang weidong");
        assert_snapshot!(format!("axis_{width}x{height}_filtered"), screen(&app));
    }
}

#[test]
fn one_cell_per_month_when_months_fit() {
    let t = fixture("tui-tenure.ron");
    let mut app = App::new(&t, 100, 30);
    select_id(&mut app, "ann-leaves");
    let mut buf = Buffer::empty(Rect::new(0, 0, 80, 2));
    view::axis::render(&app, buf.area, &mut buf);
    // 2014–2018: sixty months in eighty columns.
    assert_snapshot!("axis_months_80", buffer_text(&buf));
}

#[test]
fn bars_marks_and_the_filtered_events_are_styled_apart() {
    let t = mini();
    let mut app = App::new(&t, 40, 14);
    select_id(&mut app, "ali-music-founded");
    let area = layout::axis_area(&app).expect("the axis shows");
    let buf = draw(&app);
    let bar = &buf[(area.x, area.y)];
    assert_eq!(
        bar.symbol(),
        "▃",
        "2008 holds one event of the busiest year's three"
    );
    assert_eq!(bar.fg, Color::Blue);
    let marks: Vec<u16> = (area.x..area.right())
        .filter(|&x| buf[(x, area.y + 1)].symbol() == "▲")
        .collect();
    assert_eq!(marks.len(), 1, "one mark");
    assert_eq!(buf[(marks[0], area.y + 1)].fg, Color::Yellow);

    filter_to_person(&mut app, "yang weidong");
    let area = layout::axis_area(&app).expect("the axis shows");
    assert_eq!(area.height, 3, "a row more for the shown events");
    let buf = draw(&app);
    assert!(
        buf[(area.x, area.y)].modifier.contains(Modifier::DIM),
        "every event dimmed"
    );
    let shown: Vec<_> = (area.x..area.right())
        .map(|x| &buf[(x, area.y + 1)])
        .filter(|c| c.symbol() != " ")
        .collect();
    assert!(!shown.is_empty());
    assert!(
        shown
            .iter()
            .all(|c| c.fg == Color::Cyan && c.modifier.contains(Modifier::BOLD))
    );
}

#[test]
fn the_axis_gives_way_on_a_short_pane() {
    let t = mini();
    let app = App::new(&t, 40, 8);
    let inner = layout::areas(app.size, app.focus, app.side)
        .pane(Pane::Timeline)
        .expect("shown")
        .inner;
    assert_eq!(axis::height(&app, inner), 0, "the list keeps its rows");
    assert!(screen(&app).contains("Xiami launches"));
}

/// Clicks the middle of the axis cell where `year` begins.
fn click_year(app: &mut App<'_>, year: i32) {
    let area = layout::axis_area(app).expect("the axis shows");
    let geometry = Geometry::of(&app.density(), area.width);
    let cell = geometry
        .cell_of(year * 12)
        .expect("the year is on the axis");
    let column = area.x + geometry.x_of(cell);
    update(
        app,
        Action::Click {
            column,
            row: area.y,
        },
    );
}

#[test]
fn a_click_on_a_cell_selects_the_first_event_of_that_period() {
    let t = mini();
    let mut app = App::new(&t, 80, 24);
    click_year(&mut app, 2016);
    assert_eq!(selected_id(&app), "youku-acquired");
    assert_eq!(app.focus, Pane::Timeline);
    click_year(&mut app, 2013);
    assert_eq!(selected_id(&app), "xiami-acquired");
    // No event in 2010: the first one after it.
    click_year(&mut app, 2010);
    assert_eq!(selected_id(&app), "xiami-acquired");
    // The years row under the bars jumps too.
    let area = layout::axis_area(&app).expect("the axis shows");
    let geometry = Geometry::of(&app.density(), area.width);
    let column = area.x + geometry.x_of(geometry.cell_of(2017 * 12).expect("2017"));
    update(
        &mut app,
        Action::Click {
            column,
            row: area.y + 1,
        },
    );
    assert_eq!(selected_id(&app), "damai-acquired");
}

#[test]
fn braces_step_through_the_periods_that_hold_events() {
    let t = mini();
    let mut app = App::new(&t, 80, 24);
    select_id(&mut app, "xiami-launch");
    press(&mut app, KeyCode::Char('}'));
    assert_eq!(
        selected_id(&app),
        "xiami-acquired",
        "2008 → 2013, over the empty years"
    );
    press(&mut app, KeyCode::Char('}'));
    assert_eq!(
        selected_id(&app),
        "chinavision-control",
        "the first event of 2014"
    );
    select_id(&mut app, "ttpod-acquired");
    press(&mut app, KeyCode::Char('{'));
    assert_eq!(selected_id(&app), "xiami-launch", "from 2013 back to 2008");
    select_id(&mut app, "dme-reshuffle");
    press(&mut app, KeyCode::Char('}'));
    assert_eq!(
        selected_id(&app),
        "dme-reshuffle",
        "nothing after the last period"
    );
    press(&mut app, KeyCode::Char('{'));
    assert_eq!(
        selected_id(&app),
        "damai-acquired",
        "the first event of 2017"
    );
}

#[test]
fn braces_step_through_the_filtered_events_only() {
    let t = mini();
    let mut app = App::new(&t, 80, 24);
    filter_to_person(&mut app, "yang weidong");
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(selected_id(&app), "yu-yongfu-steps-down");
    press(&mut app, KeyCode::Char('}'));
    assert_eq!(selected_id(&app), "dme-reshuffle");
    click_year(&mut app, 2008);
    assert_eq!(
        selected_id(&app),
        "yu-yongfu-steps-down",
        "the first shown event after 2008"
    );
}
