//! The app on a large store (made here by the synthetic generator the benchmarks use): after every
//! kind of jump the timeline shows the selected event, under its year, with its position in the
//! status bar; and the rows, org chart lines and detail text the app keeps between frames are
//! always what working them out afresh gives, and are worked out by the key that changes them.

#[allow(dead_code)] // the generator has more than these tests use
#[path = "../examples/synth/mod.rs"]
mod synth;
mod tui_support;

use std::borrow::Cow;
use std::sync::OnceLock;

use ali_timeline::Timeline;
use ali_timeline::tui::app::{App, Pane};
use ali_timeline::tui::derived::TimelineRows;
use ali_timeline::tui::detail_doc;
use ali_timeline::tui::layout;
use ali_timeline::tui::org_lines::org_lines;
use ali_timeline::tui::searcher;
use ali_timeline::tui::spans::clean;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use tui_support::{buffer_text, draw, press, searched, type_handing_over, type_keys};

/// A synthetic store of 3,000 events (600 people, 150 units), the same every run; made once.
fn large() -> &'static Timeline {
    static STORE: OnceLock<Timeline> = OnceLock::new();
    STORE.get_or_init(|| {
        let config = synth::Config::sized(3_000, 7);
        let text = synth::to_ron(&synth::generate(&config), &config);
        ali_timeline::timeline::load_str("synthetic.ron", &text)
            .expect("the synthetic store is valid")
    })
}

/// Checks the timeline on screen: the highlighted line is the selected event (its date and the
/// start of its title), the nearest year header above it is its year, and the status bar gives
/// its position.
fn assert_selection_shown(app: &App<'_>, after: &str) {
    let buffer = draw(app);
    let lines: Vec<String> = buffer_text(&buffer).lines().map(str::to_string).collect();
    let pane = layout::areas(app.size, app.focus, app.side)
        .pane(Pane::Timeline)
        .expect("the timeline is shown")
        .inner;
    let in_pane = |y: u16| -> String {
        let line: String = lines[usize::from(y)].chars().collect();
        // Wide characters take one char in the text but two columns: compare by prefix instead.
        line.chars()
            .skip(usize::from(pane.x))
            .take(usize::from(pane.width))
            .collect()
    };
    let highlighted: Vec<u16> = (pane.y..pane.bottom())
        .filter(|&y| buffer[(pane.x, y)].modifier.contains(Modifier::REVERSED))
        .collect();
    assert_eq!(highlighted.len(), 1, "one highlighted line after {after}");
    let y = highlighted[0];
    let event = app.selected_event().expect("an event is selected");
    let line = in_pane(y);
    let title: String = clean(&event.title).chars().take(6).collect();
    assert!(
        line.contains(&event.date.to_string()) && line.contains(&title),
        "after {after}: line {line:?} is not {} {}",
        event.date,
        event.title
    );
    let year = (pane.y..y)
        .rev()
        .map(in_pane)
        .find(|l| l.trim().len() == 4 && l.trim().chars().all(|c| c.is_ascii_digit()));
    if let Some(year) = year {
        assert_eq!(year.trim(), event.date.year().to_string(), "after {after}");
    }
    let status = &lines[lines.len() - 1];
    let position = format!("{}/{}", app.cursor + 1, app.visible.len());
    assert!(status.contains(&position), "after {after}: {status}");
}

/// Checks that what the app keeps is what working it out afresh gives.
fn assert_kept_values_fresh(app: &App<'_>, after: &str) {
    let t = app.timeline;
    assert_eq!(
        *app.rows(),
        TimelineRows::new(t, &app.visible),
        "rows after {after}"
    );
    let fresh = app.org_day().map_or_else(Vec::new, |day| {
        let followed = app
            .selected_event()
            .filter(|_| app.org_date.is_none())
            .map(|e| e.id.as_str());
        org_lines(t, day, followed)
    });
    assert_eq!(&app.org_lines()[..], &fresh[..], "org lines after {after}");
    for width in [30, 53] {
        assert_eq!(
            &app.detail_lines(width)[..],
            &detail_doc::lines(app, width)[..],
            "detail text after {after}"
        );
    }
}

#[test]
fn the_timeline_window_shows_the_selection_after_every_jump() {
    let t = large();
    let mut app = App::new(t, 120, 40);
    let keys = [
        ("End", KeyCode::End),
        ("Home", KeyCode::Home),
        ("PgDn", KeyCode::PageDown),
        ("PgDn", KeyCode::PageDown),
        ("]", KeyCode::Char(']')),
        ("]", KeyCode::Char(']')),
        ("[", KeyCode::Char('[')),
        ("G", KeyCode::Char('G')),
        ("k", KeyCode::Char('k')),
        ("PgUp", KeyCode::PageUp),
        ("g", KeyCode::Char('g')),
        ("j", KeyCode::Char('j')),
    ];
    assert_selection_shown(&app, "start");
    for (name, key) in keys {
        press(&mut app, key);
        assert_selection_shown(&app, name);
    }
    assert_eq!(app.cursor, 1, "g then j: the second event");

    // Jumping to a search result far down the timeline (searched once, for the last query typed,
    // as the background searcher does, rather than once per character typed).
    let wanted = &t.store.events[t.store.events.len() - 10];
    let asked = type_handing_over(&mut app, &format!("/'{}'", wanted.title));
    let query = asked.last().expect("a query to run");
    searched(&mut app, searcher::run(t, query));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.selected_event().map(|e| &e.title), Some(&wanted.title));
    assert_selection_shown(&app, "a search jump");
}

#[test]
fn what_the_app_keeps_between_frames_is_always_fresh() {
    let t = large();
    let mut app = App::new(t, 120, 40);
    assert_kept_values_fresh(&app, "start");
    let script: [(&str, &[KeyCode]); 9] = [
        ("j", &[KeyCode::Char('j')]),
        ("PgDn", &[KeyCode::PageDown]),
        ("]", &[KeyCode::Char(']')]),
        ("Tab", &[KeyCode::Tab]),
        ("Tab", &[KeyCode::Tab]),
        ("Enter on an org line", &[KeyCode::Down, KeyCode::Enter]),
        ("Esc", &[KeyCode::Esc]),
        ("a date", &[KeyCode::Char('a')]),
        ("End", &[KeyCode::End]),
    ];
    for (name, keys) in script {
        for &key in keys {
            press(&mut app, key);
        }
        if name == "a date" {
            type_keys(&mut app, "2010-06");
            press(&mut app, KeyCode::Enter);
        }
        assert_kept_values_fresh(&app, name);
    }
    // From an event to the next one on the same day: same org chart, other changes marked.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Tab);
    assert_eq!((app.org_date, app.focus), (None, Pane::Timeline));
    press(&mut app, KeyCode::Home);
    let events = &t.store.events;
    let pair = (0..events.len() - 1)
        .find(|&i| events[i].date.start() == events[i + 1].date.start())
        .expect("two events on one day");
    for _ in 0..pair {
        press(&mut app, KeyCode::Char('j'));
    }
    assert_kept_values_fresh(&app, "the first of two events on a day");
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.org_day(), Some(events[pair].date.start()));
    assert_kept_values_fresh(&app, "the second of two events on a day");

    // A person found by search, then the filter cleared.
    type_keys(&mut app, "/gao song");
    press(&mut app, KeyCode::Enter);
    assert_kept_values_fresh(&app, "a search jump");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert_kept_values_fresh(&app, "Esc twice");
}

#[test]
fn what_the_views_read_is_worked_out_by_the_key_not_by_the_frame() {
    let t = large();
    let mut app = App::new(t, 120, 40);
    let detail_width = layout::areas(app.size, app.focus, app.side)
        .pane(Pane::Detail)
        .expect("the detail pane is shown at 120x40")
        .inner
        .width;
    for (name, key) in [
        ("j", KeyCode::Char('j')),
        ("]", KeyCode::Char(']')),
        ("End", KeyCode::End),
        ("Tab", KeyCode::Tab),
        ("Tab", KeyCode::Tab),
        ("Enter on an org line", KeyCode::Enter),
        ("Esc", KeyCode::Esc),
    ] {
        press(&mut app, key);
        // Borrowed: the copy the update keeps in the state, so drawing works nothing out.
        assert!(matches!(app.rows(), Cow::Borrowed(_)), "rows after {name}");
        assert!(
            matches!(app.org_lines(), Cow::Borrowed(_)),
            "org lines after {name}"
        );
        assert!(
            matches!(app.detail_lines(detail_width), Cow::Borrowed(_)),
            "detail text after {name}"
        );
    }
}
