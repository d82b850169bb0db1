//! What must be undone when the process is stopped by a signal: temporary files being written
//! (an export's hidden `.NAME.XXXXXX.tmp`) and a terminal the app has set up.
//!
//! [`on_signals`] starts one thread that waits for SIGTERM, SIGHUP, SIGINT or SIGQUIT; when one
//! arrives it restores the terminal (if the app has registered how), removes every temporary file
//! still registered, and exits with the usual code, 128 + the signal's number. A leaf module: the
//! exporters register their files here and the front ends register the terminal.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

/// The signals that end the process after cleaning up.
pub const SIGNALS: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

/// Temporary files being written now.
static FILES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// How to give the terminal back, while the app has it.
static TERMINAL: Mutex<Option<fn()>> = Mutex::new(None);

fn files() -> MutexGuard<'static, Vec<PathBuf>> {
    FILES.lock().unwrap_or_else(PoisonError::into_inner)
}

fn terminal() -> MutexGuard<'static, Option<fn()>> {
    TERMINAL.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A temporary file that a signal removes until this guard is dropped (when the file has been
/// renamed into place or deleted).
#[derive(Debug)]
pub struct TempFile {
    path: PathBuf,
}

impl TempFile {
    /// Registers `path` for removal should a signal stop the process before the guard is dropped.
    #[must_use]
    pub fn register(path: &Path) -> TempFile {
        files().push(path.to_path_buf());
        TempFile {
            path: path.to_path_buf(),
        }
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let mut files = files();
        if let Some(i) = files.iter().rposition(|p| *p == self.path) {
            files.swap_remove(i);
        }
    }
}

/// Registers how to restore the terminal (`None` once it is restored).
pub fn set_terminal_restore(restore: Option<fn()>) {
    *terminal() = restore;
}

/// Starts the thread that cleans up and exits on [`SIGNALS`]. Without it (or if it cannot be
/// started) the signals keep their default actions.
///
/// # Errors
/// When the signal handlers cannot be installed.
pub fn on_signals() -> std::io::Result<()> {
    let mut signals = Signals::new(SIGNALS)?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                clean_up();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// Restores the terminal and removes the registered temporary files (errors ignored: the process
/// is ending and nothing more can be done about them).
pub fn clean_up() {
    let restore = terminal().take();
    if let Some(restore) = restore {
        restore();
    }
    for path in files().drain(..) {
        let _ = std::fs::remove_file(path);
    }
}
