//! Measures how the terminal app answers keys while an export is written on its worker thread:
//! starts an export of every event (as Enter in the dialog does), then, until it is done, presses
//! a key every 10 ms through the run loop's own path ([`ali_timeline::tui::handle_event`]), with
//! the export's progress passed on as the loop does, and draws a 120×40 frame into a
//! `TestBackend`; prints p50/p95/max of key → frame for each kind of key, and how long the
//! export took. The keys alternate between ↓ (which the dialog ignores while writing) and a
//! resize (the layout and what the views read worked out again). The run loop itself looks at the terminal at least every 5 ms, which
//! adds to what is measured here.
//!
//! ```sh
//! cargo run --release --example synth -- --events 100000 > /tmp/big.ron
//! cargo run --release --example export_keys -- --data /tmp/big.ron [--format md]
//! ```

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ali_timeline::export::Format;
use ali_timeline::tui::app::App;
use ali_timeline::tui::export_dialog::ExportRequest;
use ali_timeline::tui::exporter::Exporter;
use ali_timeline::tui::searcher::Searcher;
use ali_timeline::tui::task::TaskOutcome;
use ali_timeline::tui::{handle_event, update, view};
use clap::ValueEnum;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Time between keys.
const KEY_EVERY: Duration = Duration::from_millis(10);

fn main() -> Result {
    let mut data: Option<PathBuf> = None;
    let mut format = Format::Md;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--data" => data = Some(it.next().ok_or("--data needs a file")?.into()),
            "--format" => {
                format = Format::from_str(&it.next().ok_or("--format needs a name")?, true)?;
            }
            other => {
                return Err(format!("unknown argument {other:?} (--data FILE, --format F)").into());
            }
        }
    }
    let timeline = ali_timeline::timeline::load(data.as_deref())?;
    let dir = tempfile::tempdir()?;
    let request = ExportRequest {
        format,
        events: timeline.events().map(|(ix, _)| ix).collect(),
        query: None,
        path: dir.path().join("out").display().to_string(),
        force: false,
    };
    println!("{} events, format {}", request.events.len(), format.name());
    let mut app = App::new(&timeline, 120, 40);
    update::refresh(&mut app);
    let mut terminal = Terminal::new(TestBackend::new(120, 40))?;
    let mut keys = Vec::new();
    let mut resizes = Vec::new();
    let started = Instant::now();
    let outcome = std::thread::scope(|scope| -> Result<_> {
        let searcher = Searcher::start(scope, &timeline);
        // Open the dialog, as `e` does, so the keys go where they would.
        handle_event(&mut app, &key(KeyCode::Char('e')), &searcher);
        let exporter = Exporter::start(scope, &timeline, request);
        let mut n = 0u32;
        loop {
            if let Ok(outcome) = exporter.wait_outcome(KEY_EVERY) {
                break Ok(outcome);
            }
            n += 1;
            let event = if n.is_multiple_of(2) {
                Event::Resize(120 - u16::from(n.is_multiple_of(4)), 40)
            } else {
                key(KeyCode::Down)
            };
            let t = Instant::now();
            handle_event(&mut app, &event, &searcher);
            update::finished(&mut app, TaskOutcome::ExportProgress(exporter.progress()));
            let size = app.size;
            terminal.resize(size)?;
            terminal.draw(|frame| view::render(&app, frame.area(), frame.buffer_mut()))?;
            if matches!(event, Event::Resize(..)) {
                resizes.push(t.elapsed());
            } else {
                keys.push(t.elapsed());
            }
        }
    })?;
    let took = started.elapsed();
    println!("export took {took:.2?}");
    for (what, times) in [("↓", &mut keys), ("resize", &mut resizes)] {
        times.sort();
        let Some(&max) = times.last() else {
            println!("{what}: none while it ran");
            continue;
        };
        let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
        println!(
            "{what}: {} while it ran, key → frame p50 {:.2?}, p95 {:.2?}, max {max:.2?}",
            times.len(),
            at(0.5),
            at(0.95)
        );
    }
    println!("outcome: {outcome:?}");
    Ok(())
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}
