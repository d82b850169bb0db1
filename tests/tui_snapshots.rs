//! Snapshots of the terminal app drawn into ratatui's `TestBackend` from the fixture store: each
//! pane, the search and help overlays, at wide, medium and narrow sizes — reached by pressing keys
//! as a user would. Styles that text snapshots cannot show (highlights, marks, `NO_COLOR`) are
//! checked cell by cell.

mod tui_support;

use ali_timeline::Timeline;
use ali_timeline::tui::app::App;
use ali_timeline::tui::theme::Theme;
use insta::assert_snapshot;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};
use tui_support::{draw, mini, press, screen, type_keys};

/// An app of `width`×`height` with the event `id` selected.
fn at<'a>(t: &'a Timeline, width: u16, height: u16, id: &str) -> App<'a> {
    let mut app = App::new(t, width, height);
    while app.selected_event().is_some_and(|e| e.id != id) {
        let before = app.cursor;
        press(&mut app, KeyCode::Down);
        assert_ne!(before, app.cursor, "no event {id}");
    }
    app
}

/// Focuses `pane_tabs` panes after the timeline (1: detail, 2: org).
fn tab(app: &mut App<'_>, pane_tabs: usize) {
    for _ in 0..pane_tabs {
        press(app, KeyCode::Tab);
    }
}

#[test]
fn whole_app_wide_shows_all_three_panes() {
    let t = mini();
    let app = at(&t, 120, 40, "ali-music-founded");
    assert_snapshot!("app_120x40_founding", screen(&app));
}

#[test]
fn whole_app_medium_shows_timeline_and_one_side_pane() {
    let t = mini();
    let mut app = at(&t, 80, 24, "dme-founded");
    assert_snapshot!("app_80x24_detail", screen(&app));
    tab(&mut app, 2);
    assert_snapshot!("app_80x24_org", screen(&app));
}

#[test]
fn whole_app_at_the_smallest_supported_size() {
    let t = mini();
    let app = at(&t, 20, 5, "ali-music-founded");
    assert_snapshot!("app_20x5", screen(&app));
}

#[test]
fn timeline_pane_narrow_and_filtered() {
    let t = mini();
    let mut app = at(&t, 40, 12, "chinavision-control");
    assert_snapshot!("timeline_40x12", screen(&app));
    type_keys(&mut app, "/yang weidong");
    press(&mut app, KeyCode::Enter);
    assert_snapshot!("timeline_40x12_filtered_yang", screen(&app));
}

#[test]
fn detail_pane_event_person_and_unit() {
    let t = mini();
    let mut app = at(&t, 50, 30, "ali-music-founded");
    tab(&mut app, 1);
    assert_snapshot!("detail_50x30_founding", screen(&app));
    let mut app = at(&t, 30, 12, "ttpod-closed");
    tab(&mut app, 1);
    assert_snapshot!("detail_30x12_approximate", screen(&app));
    let mut app = at(&t, 50, 20, "dme-reshuffle");
    type_keys(&mut app, "/gao xiaosong");
    press(&mut app, KeyCode::Enter);
    tab(&mut app, 1);
    assert_snapshot!("detail_50x20_person", screen(&app));
    let mut app = at(&t, 50, 40, "dme-reshuffle");
    type_keys(&mut app, "/alibaba pictures");
    press(&mut app, KeyCode::Enter);
    tab(&mut app, 1);
    assert_snapshot!("detail_50x40_unit_lineage", screen(&app));
}

#[test]
fn org_pane_follows_the_selection_and_marks_changes() {
    let t = mini();
    let mut app = at(&t, 56, 20, "ali-music-founded");
    tab(&mut app, 2);
    assert_snapshot!("org_56x20_founding", screen(&app));
    let mut app = at(&t, 56, 24, "dme-reshuffle");
    tab(&mut app, 2);
    assert_snapshot!("org_56x24_reshuffle", screen(&app));
    let mut app = at(&t, 30, 10, "ttpod-closed");
    tab(&mut app, 2);
    assert_snapshot!("org_30x10_dissolved", screen(&app));
}

#[test]
fn org_pane_as_of_a_date_typed_after_a() {
    let t = mini();
    let mut app = at(&t, 56, 20, "xiami-launch");
    press(&mut app, KeyCode::Char('a'));
    type_keys(&mut app, "2015-02-30");
    press(&mut app, KeyCode::Enter);
    assert_snapshot!("org_56x20_bad_date", screen(&app));
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    press(&mut app, KeyCode::Enter);
    assert_snapshot!("org_56x20_as_of_2015_02", screen(&app));
}

#[test]
fn search_overlay_at_three_sizes() {
    let t = mini();
    for (width, height) in [(100, 30), (60, 20), (30, 10)] {
        let mut app = App::new(&t, width, height);
        type_keys(&mut app, "/gao");
        assert_snapshot!(format!("search_gao_{width}x{height}"), screen(&app));
    }
    let mut app = App::new(&t, 60, 12);
    type_keys(&mut app, "/zzzz");
    assert_snapshot!("search_no_match_60x12", screen(&app));
    let mut app = App::new(&t, 60, 12);
    type_keys(&mut app, "/music kind:foo");
    assert_snapshot!("search_error_60x12", screen(&app));
}

#[test]
fn help_overlay_at_two_sizes() {
    let t = mini();
    for (width, height) in [(100, 60), (40, 12)] {
        let mut app = App::new(&t, width, height);
        press(&mut app, KeyCode::Char('?'));
        assert_snapshot!(format!("help_{width}x{height}"), screen(&app));
    }
}

fn cells(buffer: &Buffer) -> impl Iterator<Item = &ratatui::buffer::Cell> {
    buffer.content.iter()
}

#[test]
fn matched_characters_are_highlighted_in_search_results() {
    let t = mini();
    let mut app = App::new(&t, 100, 30);
    type_keys(&mut app, "/gao");
    let buffer = draw(&app);
    let matched = app.theme.matched();
    let highlighted: String = cells(&buffer)
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED) && c.fg == matched.fg.unwrap())
        .map(|c| c.symbol().to_string())
        .collect();
    assert!(highlighted.starts_with("Gao"), "{highlighted}");
}

#[test]
fn no_color_leaves_only_text_attributes() {
    let t = mini();
    let mut app = at(&t, 120, 40, "dme-reshuffle");
    app.theme = Theme { color: false };
    let coloured =
        |buffer: &Buffer| cells(buffer).any(|c| c.fg != Color::Reset || c.bg != Color::Reset);
    assert!(
        coloured(&draw(&at(&t, 120, 40, "dme-reshuffle"))),
        "colour by default"
    );
    assert!(!coloured(&draw(&app)));
    type_keys(&mut app, "/gao");
    assert!(!coloured(&draw(&app)));
    let buffer = draw(&app);
    assert!(
        cells(&buffer).any(|c| c.modifier.contains(Modifier::UNDERLINED)),
        "matches still stand out without colour"
    );
}

#[test]
fn roles_ended_by_the_event_are_struck_through_and_the_selection_reversed() {
    let t = mini();
    let app = at(&t, 120, 40, "dme-reshuffle");
    let buffer = draw(&app);
    let text = tui_support::buffer_text(&buffer);
    let row = text
        .lines()
        .position(|l| l.contains("chairman: Gao Xiaosong"))
        .expect("Gao's ended role is shown");
    let line = &text.lines().nth(row).unwrap();
    assert!(line.contains("until 2018-10"), "{line}");
    let y = u16::try_from(row).unwrap();
    let struck = (0..buffer.area.width)
        .map(|x| &buffer[(x, y)])
        .filter(|c| c.symbol() == "G")
        .any(|c| c.modifier.contains(Modifier::CROSSED_OUT));
    assert!(struck);
    let selected = text.lines().position(|l| l.contains("# 2018-10")).unwrap();
    let cell = &buffer[(3, u16::try_from(selected).unwrap())];
    assert!(cell.modifier.contains(Modifier::REVERSED));
}

#[test]
fn hostile_store_text_never_reaches_the_terminal_raw() {
    let store = r#"Store(
        people: [Person(id: "evil", name: "Evil\u{1b}[2J Person\u{202e}", name_zh: "高\u{200b}晓松")],
        units: [Unit(id: "u", name: "Unit\u{7}", kind: company)],
        sources: [Source(id: "s", seed: "001")],
        events: [Event(id: "e", date: "2015", title: "Title\u{1b}]0;pwned\u{7}", summary: "line\nbreak\u{9b}31m",
            kind: deal, people: ["evil"], units: ["u"], sources: ["s"], note: "\u{1b}c")],
    )"#;
    let t = ali_timeline::timeline::load_str("evil.ron", store).expect("loads");
    let mut app = App::new(&t, 120, 40);
    let check = |app: &App<'_>| {
        for cell in cells(&draw(app)) {
            assert!(
                !cell.symbol().chars().any(ali_timeline::text::is_unsafe),
                "{:?}",
                cell.symbol()
            );
        }
    };
    check(&app);
    type_keys(&mut app, "/evil");
    check(&app);
    press(&mut app, KeyCode::Enter);
    check(&app);
    press(&mut app, KeyCode::Char('?'));
    check(&app);
}
