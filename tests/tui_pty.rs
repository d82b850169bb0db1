//! End to end: the real binary in a pseudo-terminal (portable-pty), its screen read back through
//! a terminal emulator (vt100). Types `/gao`, sees Gao Xiaosong, presses Enter, `?`, Esc and `q`,
//! and checks the screen at each step, the exit status, and that the terminal was restored (main
//! screen, cursor shown, mouse released). Also drives the mouse, checks `NO_COLOR`, and checks
//! the app refuses to start without a terminal. Every wait polls the screen with a timeout; none sleeps blindly.

use std::error::Error;
use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use vt100::MouseProtocolMode;

type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tui-mini.ron");

/// How long any one expected screen may take to appear (the test machine is busy).
const PATIENCE: Duration = Duration::from_secs(60);

/// The app running in a pseudo-terminal, and what its screen shows.
struct Session {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    input: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    started: Instant,
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Result<Session> {
        Session::start_with(args, cols, rows, false)
    }

    fn start_with(args: &[&str], cols: u16, rows: u16, no_color: bool) -> Result<Session> {
        let pair = native_pty_system().openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })?;
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_ali-timeline"));
        command.args(args);
        command.env("TERM", "xterm-256color");
        if no_color {
            command.env("NO_COLOR", "1");
        } else {
            command.env_remove("NO_COLOR");
        }
        let started = Instant::now();
        let child = pair.slave.spawn_command(command)?;
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader()?;
        let input = pair.master.take_writer()?;
        let (sender, output) = channel();
        std::thread::spawn(move || {
            let _master = pair.master; // keep the pty open while reading
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || sender.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Ok(Session {
            parser: vt100::Parser::new(rows, cols, 0),
            output,
            input,
            child,
            started,
        })
    }

    fn send(&mut self, keys: &str) -> Result {
        self.input.write_all(keys.as_bytes())?;
        self.input.flush()?;
        Ok(())
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Feeds output to the emulator until `ready` holds for the screen, or fails after
    /// [`PATIENCE`] showing what the screen held.
    fn wait_for(&mut self, what: &str, ready: impl Fn(&vt100::Screen) -> bool) -> Result {
        let deadline = Instant::now() + PATIENCE;
        while !ready(self.parser.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(
                    format!("timed out waiting for {what}; screen:\n{}", self.screen()).into(),
                );
            }
            match self
                .output
                .recv_timeout(left.min(Duration::from_millis(100)))
            {
                Ok(bytes) => self.parser.process(&bytes),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(
                        format!("the app ended before {what}; screen:\n{}", self.screen()).into(),
                    );
                }
            }
        }
        Ok(())
    }

    fn wait_for_text(&mut self, text: &str) -> Result {
        self.wait_for_all(&[text], &[])
    }

    /// Waits until the screen shows every text in `shown` and none in `gone`.
    fn wait_for_all(&mut self, shown: &[&str], gone: &[&str]) -> Result {
        let what = format!("{shown:?} without {gone:?}");
        self.wait_for(&what, |s| {
            let text = s.contents();
            shown.iter().all(|t| text.contains(t)) && !gone.iter().any(|t| text.contains(t))
        })
    }

    /// Waits for the app to exit, reads the rest of its output, and returns its exit code.
    fn finish(&mut self) -> Result<u32> {
        let deadline = Instant::now() + PATIENCE;
        let status = loop {
            if let Some(status) = self.child.try_wait()? {
                break status;
            }
            if Instant::now() > deadline {
                self.child.kill()?;
                return Err(format!("the app did not exit; screen:\n{}", self.screen()).into());
            }
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
                self.parser.process(&bytes);
            }
        };
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(500)) {
            self.parser.process(&bytes);
        }
        Ok(status.exit_code())
    }
}

#[test]
fn search_jump_help_and_quit_in_a_real_terminal() -> Result {
    let mut app = Session::start(&["--data", FIXTURE], 100, 30)?;
    app.wait_for("the first frame", |s| {
        let text = s.contents();
        s.alternate_screen() && text.contains("1/13") && text.contains("Alibaba acquires Xiami")
    })?;
    eprintln!("first frame after {:?}", app.started.elapsed());
    assert_ne!(
        app.parser.screen().mouse_protocol_mode(),
        MouseProtocolMode::None,
        "mouse captured"
    );

    // Each wait names everything the step must show, so a half-drawn frame never passes.
    app.send("/gao")?;
    app.wait_for_all(&["/ gao", "Gao Xiaosong (高晓松)", "Search"], &[])?;

    app.send("\r")?;
    app.wait_for_all(
        &[
            "Timeline: Gao Xiaosong (高晓松)",
            "Alibaba founds Ali Music Group",
            "1/2",
        ],
        &["Alibaba acquires Xiami", "/ gao"],
    )?;

    app.send("?")?;
    app.wait_for_all(&["Keys (Esc closes)", "Shift-Tab"], &[])?;

    app.send("\x1b")?;
    app.wait_for_all(&["Timeline: Gao Xiaosong"], &["Keys (Esc closes)"])?;

    app.send("q")?;
    let code = app.finish()?;
    assert_eq!(code, 0, "screen:\n{}", app.screen());
    let screen = app.parser.screen();
    assert!(!screen.alternate_screen(), "left the alternate screen");
    assert!(!screen.hide_cursor(), "cursor shown again");
    assert_eq!(
        screen.mouse_protocol_mode(),
        MouseProtocolMode::None,
        "mouse released"
    );
    Ok(())
}

#[test]
fn the_mouse_scrolls_and_selects_and_ctrl_c_quits() -> Result {
    let mut app = Session::start(&["--data", FIXTURE, "tui"], 100, 30)?;
    app.wait_for_text("1/13")?;
    // SGR mouse reports, 1-based: wheel down over the timeline, then a left click on row 5
    // (the timeline's fourth line: 2008, Xiami launches, 2013, Alibaba acquires Xiami).
    app.send("\x1b[<65;10;10M")?;
    app.wait_for_text("4/13")?;
    app.send("\x1b[<0;10;5M\x1b[<0;10;5m")?;
    app.wait_for_text("2/13")?;
    app.send("\x03")?;
    assert_eq!(app.finish()?, 0);
    assert!(!app.parser.screen().alternate_screen());
    Ok(())
}

/// Whether any cell on screen has a foreground or background colour.
fn coloured(screen: &vt100::Screen) -> bool {
    let (rows, cols) = screen.size();
    (0..rows).any(|row| {
        (0..cols).any(|col| {
            screen.cell(row, col).is_some_and(|cell| {
                cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
            })
        })
    })
}

#[test]
fn no_color_turns_every_colour_off() -> Result {
    for no_color in [false, true] {
        let mut app = Session::start_with(&["--data", FIXTURE], 100, 30, no_color)?;
        app.wait_for_all(&["1/13", "Alibaba acquires Xiami", "? help"], &[])?;
        app.send("/gao")?;
        app.wait_for_all(&["/ gao", "Gao Xiaosong (高晓松)"], &[])?;
        assert_eq!(
            coloured(app.parser.screen()),
            !no_color,
            "NO_COLOR set: {no_color}"
        );
        app.send("\x03")?;
        assert_eq!(app.finish()?, 0);
    }
    Ok(())
}

#[test]
fn without_a_terminal_the_app_says_what_to_use_instead() -> Result {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_ali-timeline"))
        .args(["--data", FIXTURE, "tui"])
        .stdin(std::process::Stdio::null())
        .output()?;
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr)?;
    assert!(stderr.contains("needs a terminal"), "{stderr}");
    assert!(stderr.contains("ali-timeline list"), "{stderr}");
    assert!(output.stdout.is_empty(), "nothing drawn into a pipe");
    Ok(())
}
