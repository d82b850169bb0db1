//! Keystroke → rendered frame: real key events replayed through the app's keymap, update and
//! view into ratatui's `TestBackend` at 120×40, each timed from the key to the finished frame,
//! on the bundled store and on the synthetic 100,000-event store. Prints p50/p95/max per
//! scenario (target: p95 ≤ 16 ms on 100k).
//!
//! Scenarios: browsing (j, j, …, PgDn, Tab, Shift-Tab, k …) and searching ("/", typing
//! "gao song" a key at a time, erasing it, Esc), repeated.
//!
//! `cargo bench --bench keystroke`

mod common;

use std::time::{Duration, Instant};

use ali_timeline::Timeline;
use ali_timeline::tui::app::App;
use ali_timeline::tui::keymap::{Context, action_for_event};
use ali_timeline::tui::{update, view};
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

/// Replays `keys` `rounds` times; returns the time of each key to its frame.
fn replay(timeline: &Timeline, keys: &[Event], rounds: usize) -> Vec<Duration> {
    let mut app = App::new(timeline, 120, 40);
    app.cursor = app.visible.len() / 2;
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    let draw = |terminal: &mut Terminal<TestBackend>, app: &App<'_>| {
        terminal
            .draw(|frame| view::render(app, frame.area(), frame.buffer_mut()))
            .map(|_| ())
            .expect("draws");
    };
    draw(&mut terminal, &app);
    let mut times = Vec::with_capacity(keys.len() * rounds);
    for _ in 0..rounds {
        for event in keys {
            let start = Instant::now();
            if let Some(action) = action_for_event(Context::of(&app.mode), event) {
                update::update(&mut app, action);
            }
            draw(&mut terminal, &app);
            times.push(start.elapsed());
        }
    }
    times
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

fn report(store: &str, scenario: &str, mut times: Vec<Duration>) {
    times.sort();
    println!(
        "keystroke→frame {store:>7} {scenario:<9} n={:<4} p50 {:>9.2?}  p95 {:>9.2?}  max {:>9.2?}",
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
        let browse = replay(timeline, &browsing(), *rounds);
        let search = replay(timeline, &searching(), *rounds);
        let mut all = browse.clone();
        all.extend(&search);
        report(name, "browse", browse);
        report(name, "search", search);
        report(name, "all", all);
    }
}
