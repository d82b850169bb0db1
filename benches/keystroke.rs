//! Keystroke → rendered frame: real key events replayed through the run loop's own path
//! (`tui::handle_event`: keymap → update → query handed to the background searcher) and drawn
//! into ratatui's `TestBackend` at 120×40, each timed from the key to the finished frame, on the
//! bundled store and on the synthetic 100,000-event store. Prints p50/p95/max per scenario
//! (target: p95 ≤ 16 ms on 100k), and for the search, how long each query's results take to
//! reach the screen (the UI does not wait for them).
//!
//! Scenarios: browsing (j, j, …, PgDn, Tab, Shift-Tab, k …) and searching ("/", typing
//! "gao song" a key at a time, each key after the last one's results, erasing it, Esc), repeated.
//! `examples/keystroke_latency.rs` (the app's own measurement) has a longer script.
//!
//! `cargo bench --bench keystroke`

mod common;

use std::time::{Duration, Instant};

use ali_timeline::Timeline;
use ali_timeline::tui::app::App;
use ali_timeline::tui::searcher::Searcher;
use ali_timeline::tui::task::TaskOutcome;
use ali_timeline::tui::{handle_event, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Browsing: down through the timeline, a page, focus round the panes, back up.
fn browsing() -> Vec<Event> {
    let mut keys = vec![key(KeyCode::Char('j')); 20];
    keys.push(key(KeyCode::PageDown));
    keys.push(key(KeyCode::Tab));
    keys.push(key(KeyCode::Char('j')));
    keys.push(key(KeyCode::Tab));
    keys.push(key(KeyCode::BackTab));
    keys.push(key(KeyCode::BackTab));
    keys.extend(vec![key(KeyCode::Char('k')); 10]);
    keys
}

/// Searching: open, type "gao song", erase it, close.
fn searching() -> Vec<Event> {
    let mut keys = vec![key(KeyCode::Char('/'))];
    keys.extend("gao song".chars().map(|c| key(KeyCode::Char(c))));
    keys.extend(vec![key(KeyCode::Backspace); 8]);
    keys.push(key(KeyCode::Esc));
    keys
}

/// How long to wait for one query's results before giving up.
const PATIENCE: Duration = Duration::from_secs(60);

/// Key → frame times, and key → results-on-screen times for keys that started a search.
#[derive(Default)]
struct Times {
    frames: Vec<Duration>,
    results: Vec<Duration>,
}

/// Replays `keys` `rounds` times as the run loop does, with a background searcher.
fn replay(timeline: &Timeline, keys: &[Event], rounds: usize) -> Times {
    std::thread::scope(|scope| {
        let searcher = Searcher::start(scope, timeline);
        let mut app = App::new(timeline, 120, 40);
        app.cursor = app.visible.len() / 2;
        update::refresh(&mut app);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
        let draw = |terminal: &mut Terminal<TestBackend>, app: &App<'_>| {
            terminal
                .draw(|frame| view::render(app, frame.area(), frame.buffer_mut()))
                .map(|_| ())
                .expect("draws");
        };
        draw(&mut terminal, &app);
        let mut times = Times::default();
        for _ in 0..rounds {
            for event in keys {
                let start = Instant::now();
                // A task left for the loop (an export) never comes from these keys.
                let _ = handle_event(&mut app, event, &searcher);
                draw(&mut terminal, &app);
                times.frames.push(start.elapsed());
                if app.search_pending() {
                    while app.search_pending() {
                        let done = searcher.wait_results(PATIENCE).expect("search finishes");
                        update::finished(&mut app, TaskOutcome::Searched(done));
                    }
                    draw(&mut terminal, &app);
                    times.results.push(start.elapsed());
                }
            }
        }
        times
    })
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

fn report(store: &str, scenario: &str, mut times: Vec<Duration>) {
    if times.is_empty() {
        return;
    }
    times.sort();
    println!(
        "keystroke→{} {store:>7} {scenario:<9} n={:<4} p50 {:>9.2?}  p95 {:>9.2?}  max {:>9.2?}",
        if scenario == "results" {
            "results"
        } else {
            "frame  "
        },
        times.len(),
        percentile(&times, 50),
        percentile(&times, 95),
        times[times.len() - 1],
    );
}

fn main() {
    // `cargo bench` passes `--bench` (and any filter): this bench has no options.
    let stores = [
        ("bundled", common::bundled(), 40),
        ("100k", common::big(), 3),
    ];
    for (name, timeline, rounds) in &stores {
        let browse = replay(timeline, &browsing(), *rounds).frames;
        let search = replay(timeline, &searching(), *rounds);
        let mut all = browse.clone();
        all.extend(&search.frames);
        report(name, "browse", browse);
        report(name, "search", search.frames);
        report(name, "all", all);
        report(name, "results", search.results);
    }
}
