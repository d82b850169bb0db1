//! Measures keystroke → rendered frame in the terminal app: loads a store, then replays a
//! keystroke script through the run loop's own path ([`ali_timeline::tui::handle_event`]: key →
//! action → update → a search effect handed to the background searcher; then a draw into a 120×40
//! `TestBackend`) and prints p50/p95/max per phase.
//!
//! Searches run on the searcher's worker thread, as in the app. For the search phases two times
//! are kept per key: the frame after the keystroke (what typing feels like) and the time until
//! that query's results are on screen.
//!
//! ```sh
//! cargo run --release --example keystroke_latency                      # the bundled store
//! cargo run --release --example synth -- --events 100000 > /tmp/big.ron
//! cargo run --release --example keystroke_latency -- --data /tmp/big.ron [--runs 5]
//! ```

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ali_timeline::tui::app::App;
use ali_timeline::tui::searcher::Searcher;
use ali_timeline::tui::task::TaskOutcome;
use ali_timeline::tui::{handle_event, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// How long a search may take before the measurement gives up.
const PATIENCE: Duration = Duration::from_secs(60);

/// How keys are typed in a phase.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pace {
    /// Each key after the last one's results are on screen.
    Waiting,
    /// A key every 100 ms (a fast typist), results shown whenever they come; the time until
    /// results is measured once, from the last key.
    Typist,
    /// No key: the frame drawn again this many times (what drawing alone costs).
    Redraw(usize),
}

/// One phase of the script: a name, its keys and how they are typed.
struct Phase {
    name: &'static str,
    keys: Vec<KeyCode>,
    pace: Pace,
}

fn chars(text: &str) -> Vec<KeyCode> {
    text.chars().map(KeyCode::Char).collect()
}

/// The script: browsing, a search typed a character at a time (twice: waiting for each result,
/// then at typing speed), a jump, focus, a date.
fn script() -> Vec<Phase> {
    let phase = |name, keys| Phase {
        name,
        keys,
        pace: Pace::Waiting,
    };
    vec![
        phase("j ×50", vec![KeyCode::Char('j'); 50]),
        phase("PgDn ×10", vec![KeyCode::PageDown; 10]),
        phase("G, g", chars("Gg")),
        phase("] ×5", vec![KeyCode::Char(']'); 5]),
        Phase {
            name: "redraw only ×20",
            keys: Vec::new(),
            pace: Pace::Redraw(20),
        },
        phase("/ (open search)", chars("/")),
        phase("type \"gao song\"", chars("gao song")),
        phase("Esc (close search)", vec![KeyCode::Esc]),
        Phase {
            name: "/gao song at 10 keys/s",
            keys: chars("/gao song"),
            pace: Pace::Typist,
        },
        phase("Enter (jump)", vec![KeyCode::Enter]),
        phase("Esc (clear filter)", vec![KeyCode::Esc]),
        phase("Tab ×3", vec![KeyCode::Tab; 3]),
        phase("a 2016-06-01 Enter", {
            let mut keys = chars("a2016-06-01");
            keys.push(KeyCode::Enter);
            keys
        }),
    ]
}

struct Args {
    data: Option<PathBuf>,
    runs: usize,
}

fn args() -> Result<Args> {
    let mut args = Args {
        data: None,
        runs: 5,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--data" => args.data = Some(it.next().ok_or("--data needs a file")?.into()),
            "--runs" => args.runs = it.next().ok_or("--runs needs a number")?.parse()?,
            other => {
                return Err(format!("unknown argument {other:?} (--data FILE, --runs N)").into());
            }
        }
    }
    Ok(args)
}

/// Times measured in one phase.
#[derive(Default, Clone)]
struct Times {
    /// Keystroke → frame drawn.
    frames: Vec<Duration>,
    /// Keystroke → that query's results drawn (search phases only).
    results: Vec<Duration>,
}

/// The app, a terminal to draw it in and the searcher, as the run loop has them.
struct Session<'a, 's> {
    app: App<'a>,
    terminal: Terminal<TestBackend>,
    searcher: &'s Searcher,
}

impl Session<'_, '_> {
    fn draw(&mut self) -> Result {
        let app = &self.app;
        self.terminal
            .draw(|frame| view::render(app, frame.area(), frame.buffer_mut()))?;
        Ok(())
    }

    /// One key through the run loop's path, then a frame; returns the time it took.
    fn press(&mut self, code: KeyCode) -> Result<Duration> {
        let key = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        let start = Instant::now();
        handle_event(&mut self.app, &key, self.searcher);
        self.draw()?;
        Ok(start.elapsed())
    }

    /// Applies (and draws) results as they come, as the run loop does between keys, until the
    /// query typed has its results or `until` passes. Whether the results are in.
    fn take_results(&mut self, until: Instant) -> Result<bool> {
        while self.app.search_pending() {
            let left = until.saturating_duration_since(Instant::now());
            match self.searcher.wait_results(left) {
                Ok(done) => {
                    update::finished(&mut self.app, TaskOutcome::Searched(done));
                    self.draw()?;
                }
                Err(_) => return Ok(false),
            }
        }
        Ok(true)
    }
}

fn main() -> Result {
    let args = args()?;
    let start = Instant::now();
    let timeline = ali_timeline::timeline::load(args.data.as_deref())?;
    println!(
        "store: {} ({} events, {} people, {} units), loaded in {:.2?}",
        args.data
            .as_ref()
            .map_or("bundled".to_string(), |p| p.display().to_string()),
        timeline.store.events.len(),
        timeline.store.people.len(),
        timeline.store.units.len(),
        start.elapsed()
    );
    let phases = script();
    let mut times = vec![Times::default(); phases.len()];
    std::thread::scope(|scope| -> Result {
        let searcher = Searcher::start(scope, &timeline);
        for _ in 0..args.runs {
            let app = App::new(&timeline, 120, 40);
            let mut session = Session {
                app,
                terminal: Terminal::new(TestBackend::new(120, 40))?,
                searcher: &searcher,
            };
            session.draw()?;
            for (phase, times) in phases.iter().zip(&mut times) {
                replay(&mut session, phase, times)?;
            }
        }
        Ok(())
    })?;
    println!(
        "{:<24} {:>5} {:>10} {:>10} {:>10}",
        "phase (120×40)", "keys", "p50", "p95", "max"
    );
    let mut all = Vec::new();
    for (phase, times) in phases.iter().zip(&mut times) {
        if !matches!(phase.pace, Pace::Redraw(_)) {
            all.extend_from_slice(&times.frames);
        }
        print_row(phase.name, &mut times.frames);
        if !times.results.is_empty() {
            print_row("  … until results shown", &mut times.results);
        }
    }
    print_row("every keystroke → frame", &mut all);
    Ok(())
}

/// Types one phase's keys and records its times.
fn replay(session: &mut Session<'_, '_>, phase: &Phase, times: &mut Times) -> Result {
    if let Pace::Redraw(frames) = phase.pace {
        for _ in 0..frames {
            let start = Instant::now();
            session.draw()?;
            times.frames.push(start.elapsed());
        }
        return Ok(());
    }
    let mut last = Instant::now();
    for &code in &phase.keys {
        if phase.pace == Pace::Typist {
            // Results that come in before the next key are shown, as in the app.
            session.take_results(last + Duration::from_millis(100))?;
            std::thread::sleep(
                (last + Duration::from_millis(100)).saturating_duration_since(Instant::now()),
            );
        }
        last = Instant::now();
        times.frames.push(session.press(code)?);
        if phase.pace == Pace::Waiting && session.app.search_pending() {
            if !session.take_results(last + PATIENCE)? {
                return Err("no search results within a minute".into());
            }
            times.results.push(last.elapsed());
        }
    }
    if phase.pace == Pace::Typist {
        if !session.take_results(last + PATIENCE)? {
            return Err("no search results within a minute".into());
        }
        times.results.push(last.elapsed());
    }
    Ok(())
}

/// The value at quantile `q` (nearest rank) of sorted `times`.
fn quantile(times: &[Duration], q: f64) -> Duration {
    let rank = (q * times.len() as f64).ceil() as usize;
    times[rank.clamp(1, times.len()) - 1]
}

fn print_row(name: &str, times: &mut [Duration]) {
    times.sort();
    let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1e3);
    println!(
        "{name:<24} {:>5} {:>10} {:>10} {:>10}",
        times.len(),
        ms(quantile(times, 0.5)),
        ms(quantile(times, 0.95)),
        ms(times[times.len() - 1])
    );
}
