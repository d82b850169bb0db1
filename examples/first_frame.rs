//! Measures how long `ali-timeline` takes from launch to its first frame on the bundled store:
//! the real binary in a pseudo-terminal, timed until the screen shows the timeline pane (the
//! first frame: on a large store with a search index, the preview drawn while the store loads)
//! and until it shows the app's status bar (ready for keys); then, in this process, how the time
//! splits between loading the bundled store and drawing the frame.
//!
//! ```sh
//! cargo build --release && cargo run --release --example first_frame
//! cargo run --release --example first_frame -- path/to/ali-timeline 50   # binary, runs
//! cargo run --release --example first_frame -- target/release/ali-timeline 10 big.ron  # a store
//! ```
//!
//! With a store, the app opens it with its cache and search index as a user's would (run it once
//! first to write them), and the in-process split is not measured.

use std::io::{Read, Write};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use ali_timeline::tui::app::App;
use ali_timeline::tui::view;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> Result {
    let mut args = std::env::args().skip(1);
    let binary = args.next().unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/target/release/ali-timeline").into()
    });
    let runs: usize = args.next().map_or(Ok(20), |n| n.parse())?;
    let data = args.next();
    let (mut firsts, mut readies) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
    for _ in 0..runs {
        let (first, ready) = launch_to_first_frame(&binary, data.as_deref())?;
        firsts.push(first);
        readies.push(ready);
    }
    for (what, times) in [("first frame", &mut firsts), ("app ready", &mut readies)] {
        times.sort();
        println!(
            "launch to {what} ({binary}, 120×40, {runs} runs): median {:.1?}, min {:.1?}, max {:.1?}",
            times[runs / 2],
            times[0],
            times[runs - 1]
        );
    }
    if data.is_some() {
        return Ok(());
    }

    let start = Instant::now();
    let timeline = ali_timeline::timeline::load_bundled()?;
    let loaded = start.elapsed();
    let app = App::new(&timeline, 120, 40);
    let mut terminal = Terminal::new(TestBackend::new(120, 40))?;
    terminal.draw(|frame| view::render(&app, frame.area(), frame.buffer_mut()))?;
    let drawn = start.elapsed() - loaded;
    println!(
        "in process: load and validate the store {loaded:.1?}, draw the first frame {drawn:.1?} ({} events)",
        timeline.store.events.len()
    );
    Ok(())
}

/// Starts the app in a 120×40 pseudo-terminal and times until its timeline pane is on screen,
/// and until its status bar is.
fn launch_to_first_frame(binary: &str, data: Option<&str>) -> Result<(Duration, Duration)> {
    let pair = native_pty_system().openpty(PtySize {
        rows: 40,
        cols: 120,
        pixel_width: 0,
        pixel_height: 0,
    })?;
    let mut command = CommandBuilder::new(binary);
    command.env("TERM", "xterm-256color");
    if let Some(data) = data {
        command.args(["--data", data]);
    }
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(command)?;
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader()?;
    let mut writer = pair.master.take_writer()?;
    let (sender, output) = channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || sender.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut parser = vt100::Parser::new(
        std::num::NonZeroU16::new(40).expect("40 > 0"),
        std::num::NonZeroU16::new(120).expect("120 > 0"),
        0,
    );
    let mut first = None;
    let ready = loop {
        let bytes = output.recv_timeout(Duration::from_secs(30))?;
        parser.process(&bytes);
        let screen = parser.screen().contents();
        if first.is_none() && screen.contains("Timeline") {
            first = Some(start.elapsed());
        }
        if screen.contains("? help") && screen.contains("Timeline") {
            break start.elapsed();
        }
    };
    writer.write_all(b"q")?;
    writer.flush()?;
    child.wait()?;
    Ok((first.unwrap_or(ready), ready))
}
