//! A program in a pseudo-terminal (portable-pty), its screen read back through a terminal
//! emulator (vt100). Every wait polls the screen with a timeout; none sleeps blindly.

use std::error::Error;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// A settings folder that does not exist, so that no user's settings reach a test.
const NO_SETTINGS: &str = "/nonexistent/ali-timeline-tests";

/// A test result whose errors say what the screen held.
pub type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

/// How long any one expected screen may take to appear (the test machine is busy).
pub const PATIENCE: Duration = Duration::from_secs(60);

/// A program running in a pseudo-terminal, and what its screen shows.
pub struct Session {
    /// The terminal emulator fed with everything the program wrote.
    pub parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    input: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    /// When the program was started.
    pub started: Instant,
    /// Every byte the program wrote so far, as written (escape sequences the emulator does not
    /// keep, such as OSC 52, can be looked for here).
    pub raw: Vec<u8>,
    /// The state folder given to the program when the test gave none (removed at the end).
    _state: Option<tempfile::TempDir>,
}

impl Session {
    /// `ali-timeline ARGS…` in a `cols`×`rows` terminal, in colour.
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Result<Session> {
        Session::start_with(args, cols, rows, false)
    }

    /// `ali-timeline ARGS…` in a `cols`×`rows` terminal, with `NO_COLOR` set or not.
    pub fn start_with(args: &[&str], cols: u16, rows: u16, no_color: bool) -> Result<Session> {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_ali-timeline"));
        command.args(args);
        if no_color {
            command.env("NO_COLOR", "1");
        } else {
            command.env_remove("NO_COLOR");
        }
        Session::spawn(command, cols, rows)
    }

    /// `ali-timeline ARGS…` in a `cols`×`rows` terminal, in colour, working in the folder `dir`
    /// (where relative paths, such as an export's default file name, land).
    pub fn start_in(dir: &Path, args: &[&str], cols: u16, rows: u16) -> Result<Session> {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_ali-timeline"));
        command.args(args);
        command.env_remove("NO_COLOR");
        command.cwd(dir);
        Session::spawn(command, cols, rows)
    }

    /// Any program in a `cols`×`rows` terminal that says it is an xterm.
    pub fn spawn(mut command: CommandBuilder, cols: u16, rows: u16) -> Result<Session> {
        let pair = native_pty_system().openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })?;
        command.env("TERM", "xterm-256color");
        // No settings file of the user's: the tests see the defaults (unless one is given).
        if command.get_env("XDG_CONFIG_HOME").is_none() {
            command.env("XDG_CONFIG_HOME", NO_SETTINGS);
        }
        // Nor does the test write into the user's state folder (the search history).
        let state = match command.get_env("XDG_STATE_HOME") {
            Some(_) => None,
            None => {
                let dir = tempfile::tempdir()?;
                command.env("XDG_STATE_HOME", dir.path());
                Some(dir)
            }
        };
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
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            output,
            input,
            child,
            started,
            raw: Vec::new(),
            _state: state,
        })
    }

    /// Types `keys` (escape sequences included) into the terminal.
    pub fn send(&mut self, keys: &str) -> Result {
        self.input.write_all(keys.as_bytes())?;
        self.input.flush()?;
        Ok(())
    }

    /// The process id of the program started (the shell, when one was spawned).
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// The text on screen.
    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Feeds output to the emulator until `ready` holds for the screen, or fails after
    /// [`PATIENCE`] showing what the screen held.
    pub fn wait_for(&mut self, what: &str, ready: impl Fn(&vt100::Screen) -> bool) -> Result {
        self.wait_until(what, |session| ready(session.parser.screen()))
    }

    /// Feeds output to the emulator and keeps it in [`Session::raw`].
    fn take(&mut self, bytes: &[u8]) {
        self.parser.process(bytes);
        self.raw.extend_from_slice(bytes);
    }

    /// Reads output until `ready` holds for everything written so far, or fails after
    /// [`PATIENCE`].
    pub fn wait_for_raw(&mut self, what: &str, ready: impl Fn(&[u8]) -> bool) -> Result {
        self.wait_until(what, |session| ready(&session.raw))
    }

    /// Feeds output to the emulator until `ready` holds for the session, or fails after
    /// [`PATIENCE`] (or when the app ends first) showing what the screen held.
    fn wait_until(&mut self, what: &str, ready: impl Fn(&Session) -> bool) -> Result {
        let deadline = Instant::now() + PATIENCE;
        while !ready(self) {
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
                Ok(bytes) => self.take(&bytes),
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

    /// Waits until the screen shows `text`.
    pub fn wait_for_text(&mut self, text: &str) -> Result {
        self.wait_for_all(&[text], &[])
    }

    /// Waits until the screen shows every text in `shown` and none in `gone`.
    pub fn wait_for_all(&mut self, shown: &[&str], gone: &[&str]) -> Result {
        let what = format!("{shown:?} without {gone:?}");
        self.wait_for(&what, |s| {
            let text = s.contents();
            shown.iter().all(|t| text.contains(t)) && !gone.iter().any(|t| text.contains(t))
        })
    }

    /// Waits for the program to exit, reads the rest of its output, and returns its exit code.
    pub fn finish(&mut self) -> Result<u32> {
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
                self.take(&bytes);
            }
        };
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(500)) {
            self.take(&bytes);
        }
        Ok(status.exit_code())
    }
}

impl Drop for Session {
    /// Stops the program if it still runs (a test that failed half-way), so that no app is
    /// left behind on a terminal nobody reads.
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A terminal dimension for vt100, which needs at least one row and column.
fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN)
}
