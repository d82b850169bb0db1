//! Searching in the background, as the run loop does it: each query typed is asked for as a
//! task that the loop hands to the searcher while typing goes on; the overlay says "Searching…"
//! and keeps the previous results until the new ones come; results for a query typed over are
//! dropped; Enter pressed while searching jumps when the results come; the worker runs only the
//! newest of the queries waiting.
//!
//! Results are fed back by hand (the order decided by the test) except in the last test, which
//! runs the real worker thread.

mod tui_support;

use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use ali_timeline::Timeline;
use ali_timeline::query::{Query, Target};
use ali_timeline::tui::app::{App, Entity, Mode};
use ali_timeline::tui::handle_event;
use ali_timeline::tui::searcher::{self, Searched, Searcher, serve};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_support::{mini, person, press, screen, searched, type_handing_over, type_keys};

/// An app as the run loop starts it.
fn background(timeline: &Timeline) -> App<'_> {
    App::new(timeline, 100, 30)
}

/// The text of each query asked for.
fn texts(asked: &[Query]) -> Vec<&str> {
    asked.iter().map(|q| q.text.as_str()).collect()
}

/// The results the worker would send for `text`.
fn results(timeline: &Timeline, text: &str) -> Searched {
    searcher::run(timeline, &Query::parse(text).expect("the query parses"))
}

/// The search overlay's state (panics when it is not open).
fn overlay<'a>(app: &'a App<'_>) -> &'a ali_timeline::tui::app::Search {
    match &app.mode {
        Mode::Search(search) => search,
        other => panic!("the search overlay is not open: {other:?}"),
    }
}

/// What the same keys show when each search asked for is performed on the spot.
fn searched_inline(timeline: &Timeline, keys: &str) -> Vec<Target> {
    let mut app = App::new(timeline, 100, 30);
    type_keys(&mut app, keys);
    overlay(&app).hits.iter().map(|h| h.target).collect()
}

#[test]
fn each_query_typed_is_handed_over_and_searching_shows_until_its_results_come() {
    let t = mini();
    let mut app = background(&t);
    let asked = type_handing_over(&mut app, "/gao");
    assert_eq!(
        texts(&asked),
        ["g", "ga", "gao"],
        "one search per key typed"
    );
    let request = asked.last().expect("a query for the searcher");
    assert!(app.search_pending());
    assert!(overlay(&app).hits.is_empty(), "nothing searched yet");
    assert!(screen(&app).contains("Searching…"), "{}", screen(&app));

    searched(&mut app, searcher::run(&t, request));
    assert!(!app.search_pending());
    let shown: Vec<Target> = overlay(&app).hits.iter().map(|h| h.target).collect();
    assert_eq!(shown, searched_inline(&t, "/gao"), "the same results");
    let text = screen(&app);
    assert!(!text.contains("Searching…"), "{text}");
    assert!(text.contains("Gao Xiaosong"), "{text}");
}

#[test]
fn results_for_a_query_typed_over_are_dropped() {
    let t = mini();
    let mut app = background(&t);
    type_handing_over(&mut app, "/ga");
    let asked = type_handing_over(&mut app, "o");
    assert_eq!(texts(&asked), ["gao"], "the newest query is asked for");
    searched(&mut app, results(&t, "ga"));
    assert!(
        overlay(&app).hits.is_empty(),
        "the results for \"ga\" are not shown"
    );
    assert!(app.search_pending(), "still waiting for \"gao\"");

    searched(&mut app, results(&t, "gao"));
    assert!(!app.search_pending());
    assert!(!overlay(&app).hits.is_empty());

    // Late results for an older query do not replace the current ones either.
    let current = overlay(&app).hits.clone();
    searched(&mut app, results(&t, "g"));
    assert_eq!(overlay(&app).hits, current);
}

#[test]
fn the_previous_results_stay_listed_while_the_next_are_searched() {
    let t = mini();
    let mut app = background(&t);
    type_handing_over(&mut app, "/song");
    searched(&mut app, results(&t, "song"));
    let before = overlay(&app).hits.clone();
    assert!(!before.is_empty());

    type_handing_over(&mut app, " ke");
    assert!(app.search_pending());
    assert_eq!(overlay(&app).hits, before, "still listed meanwhile");
    let text = screen(&app);
    assert!(text.contains("Searching…"), "{text}");
    assert!(text.contains("Song Ke"), "{text}");
}

#[test]
fn a_malformed_or_empty_query_is_settled_at_once_without_the_searcher() {
    let t = mini();
    let mut app = background(&t);
    let asked = type_handing_over(&mut app, "/kind:");
    assert_eq!(
        texts(&asked),
        ["k", "ki", "kin", "kind"],
        "no search for the malformed `kind:`"
    );
    assert!(!app.search_pending());
    assert!(overlay(&app).error.is_some(), "the error shows at once");

    press(&mut app, KeyCode::Esc);
    type_handing_over(&mut app, "/g");
    assert_eq!(
        tui_support::press_handing_over(&mut app, KeyCode::Backspace),
        None,
        "nothing to search for an empty query"
    );
    assert!(!app.search_pending());
    assert!(screen(&app).contains("Type to search"));
}

#[test]
fn enter_while_searching_jumps_to_the_first_result_when_it_comes() {
    let t = mini();
    let mut app = background(&t);
    type_handing_over(&mut app, "/gao xiaosong");
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.mode, Mode::Search(_)),
        "nothing to jump to yet: the overlay stays"
    );

    searched(&mut app, results(&t, "gao xiao"));
    assert!(
        matches!(app.mode, Mode::Search(_)),
        "stale results: no jump"
    );

    searched(&mut app, results(&t, "gao xiaosong"));
    assert_eq!(app.mode, Mode::Browse);
    let gao = person(&t, "gao-xiaosong");
    assert_eq!(
        app.filter_entity(),
        Some(Entity::Person(gao)),
        "jumped to Gao Xiaosong"
    );
}

#[test]
fn moving_in_the_results_while_searching_cancels_the_pending_jump() {
    let t = mini();
    let mut app = background(&t);
    type_handing_over(&mut app, "/gao");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Down);
    searched(&mut app, results(&t, "gao"));
    assert!(matches!(app.mode, Mode::Search(_)), "no jump after moving");
}

#[test]
fn the_worker_runs_only_the_newest_of_the_queries_waiting() {
    let t = mini();
    let (ask, requests) = channel();
    let (answer, answers) = channel();
    for text in ["g", "ga", "gao"] {
        ask.send(Query::parse(text).expect("parses"))
            .expect("the channel is open");
    }
    drop(ask);
    serve(&t, &requests, &answer);
    let texts: Vec<String> = answers.try_iter().map(|s| s.text).collect();
    assert_eq!(texts, ["gao"]);
}

#[test]
fn the_searcher_thread_answers_while_the_app_takes_keys() {
    let t = mini();
    let mut app = background(&t);
    std::thread::scope(|scope| {
        let searcher = Searcher::start(scope, &t);
        for c in "/song ke".chars() {
            let key = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            assert_eq!(
                handle_event(&mut app, &key, &searcher),
                None,
                "a search is handed to the searcher, not left for the loop"
            );
        }
        // Apply results as they come, as the run loop does (the deadline only guards a hang).
        let deadline = Instant::now() + Duration::from_secs(60);
        while app.search_pending() {
            match searcher.wait_results(Duration::from_millis(50)) {
                Ok(done) => searched(&mut app, done),
                Err(RecvTimeoutError::Timeout) => {
                    assert!(Instant::now() < deadline, "no results from the searcher");
                }
                Err(RecvTimeoutError::Disconnected) => panic!("the searcher stopped"),
            }
        }
    });
    let shown: Vec<Target> = overlay(&app).hits.iter().map(|h| h.target).collect();
    assert_eq!(shown, searched_inline(&t, "/song ke"));
    assert!(screen(&app).contains("Song Ke"));
}
