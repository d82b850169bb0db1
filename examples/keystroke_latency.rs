//! Measures keystroke → rendered frame in the terminal app: loads a store, then replays a
//! keystroke script through the run loop's path (key → action → update → draw into a 120×40
//! `TestBackend`) and prints p50/p95/max per phase.
//!
//! ```sh
//! cargo run --release --example keystroke_latency                      # the bundled store
//! cargo run --release --example synth -- --events 100000 > /tmp/big.ron
//! cargo run --release --example keystroke_latency -- --data /tmp/big.ron [--runs 5]
//! ```

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ali_timeline::tui::app::App;
use ali_timeline::tui::keymap::{Context, action_for_event};
use ali_timeline::tui::update::update;
use ali_timeline::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// One phase of the script: a name and its keys.
struct Phase {
    name: &'static str,
    keys: Vec<KeyCode>,
}

fn chars(text: &str) -> Vec<KeyCode> {
    text.chars().map(KeyCode::Char).collect()
}

/// The script: browsing, a search typed a character at a time, a jump, focus, a date.
fn script() -> Vec<Phase> {
    let phase = |name, keys| Phase { name, keys };
    vec![
        phase("j ×50", vec![KeyCode::Char('j'); 50]),
        phase("PgDn ×10", vec![KeyCode::PageDown; 10]),
        phase("G, g", chars("Gg")),
        phase("] ×5", vec![KeyCode::Char(']'); 5]),
        phase("/ (open search)", chars("/")),
        phase("type \"gao song\"", chars("gao song")),
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
            other => return Err(format!("unknown argument {other:?} (--data FILE, --runs N)").into()),
        }
    }
    Ok(args)
}

fn main() -> Result {
    let args = args()?;
    let start = Instant::now();
    let timeline = ali_timeline::store::load(args.data.as_deref())?;
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
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); phases.len()];
    for _ in 0..args.runs {
        let mut app = App::new(&timeline, 120, 40);
        let mut terminal = Terminal::new(TestBackend::new(120, 40))?;
        terminal.draw(|frame| view::render(&app, frame.area(), frame.buffer_mut()))?;
        for (phase, times) in phases.iter().zip(&mut times) {
            for &code in &phase.keys {
                let key = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
                let start = Instant::now();
                if let Some(action) = action_for_event(Context::of(&app.mode), &key) {
                    update(&mut app, action);
                }
                terminal.draw(|frame| view::render(&app, frame.area(), frame.buffer_mut()))?;
                times.push(start.elapsed());
            }
        }
    }
    println!("{:<22} {:>5} {:>10} {:>10} {:>10}", "phase", "keys", "p50", "p95", "max");
    let mut all = Vec::new();
    for (phase, times) in phases.iter().zip(&mut times) {
        all.extend_from_slice(times);
        print_row(phase.name, times);
    }
    print_row("all keystrokes", &mut all);
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
        "{name:<22} {:>5} {:>10} {:>10} {:>10}",
        times.len(),
        ms(quantile(times, 0.5)),
        ms(quantile(times, 0.95)),
        ms(times[times.len() - 1])
    );
}
