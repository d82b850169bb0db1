//! A terminal that goes away (its window closed, its ssh connection dropped) ends the app: it
//! neither keeps running on a terminal nobody reads nor hangs on its way out.
#![cfg(unix)]

use std::io::Read;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// How long the app may take to start, and to end once its terminal is gone.
const PATIENCE: Duration = Duration::from_secs(30);

#[test]
fn closing_the_terminal_ends_the_app() -> Result {
    let pair = native_pty_system().openpty(PtySize {
        rows: 24,
        cols: 80,
        pixel_width: 0,
        pixel_height: 0,
    })?;
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_ali-timeline"));
    command.env("TERM", "xterm-256color");
    command.env("XDG_CONFIG_HOME", "/nonexistent/ali-timeline-tests");
    let state = tempfile::tempdir()?;
    command.env("XDG_STATE_HOME", state.path());
    let mut child = pair.slave.spawn_command(command)?;
    drop(pair.slave);
    // Read until the app is up; the reader (a copy of the terminal's end) is dropped after.
    let mut reader = pair.master.try_clone_reader()?;
    let up = std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
            if String::from_utf8_lossy(&seen).contains("help") {
                return true;
            }
        }
        false
    });
    let deadline = Instant::now() + PATIENCE;
    while !up.is_finished() {
        assert!(Instant::now() < deadline, "the app starts");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(up.join().unwrap_or(false), "the app drew its status bar");
    // The terminal goes away.
    drop(pair.master);
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if Instant::now() > deadline {
            child.kill()?;
            return Err("the app kept running after its terminal went away".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    // 129 (128 + SIGHUP) when the hangup signal came and the handler ended it; 0 when the app
    // found its terminal gone first.
    assert!(
        matches!(status.exit_code(), 129 | 0),
        "it ended as a hangup does: {status:?}"
    );
    Ok(())
}
