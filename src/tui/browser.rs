//! Opening an address in the user's browser: `$BROWSER` if set, else the platform's opener
//! (`open` on macOS, `xdg-open` elsewhere), started directly with the address as its one
//! argument — never through a shell, so nothing in an address can run as a command. Only an
//! http(s) address is opened (see [`crate::tui::links::web_address`]).

use std::ffi::{OsStr, OsString};
use std::process::{Command, Stdio};

use crate::tui::links::web_address;

/// The program that opens addresses: `browser` (the value of `$BROWSER`) when it is set and not
/// empty, taken as one program name or path (not split, not given to a shell); else `open` on
/// macOS and `xdg-open` elsewhere.
#[must_use]
pub fn program(browser: Option<OsString>) -> OsString {
    match browser.filter(|b| !b.is_empty()) {
        Some(browser) => browser,
        None if cfg!(target_os = "macos") => "open".into(),
        None => "xdg-open".into(),
    }
}

/// Opens `url` with the program `$BROWSER` names, or the platform's opener. Says what was
/// opened, with what.
///
/// # Errors
/// A one-line reason: `url` is not an http(s) address (nothing is started), or the program could
/// not be started.
pub fn open(url: &str) -> Result<String, String> {
    open_with(&program(std::env::var_os("BROWSER")), url)
}

/// Opens `url` with `program`: checks it is an http(s) address, then starts `program` with it as
/// the only argument, its input and output detached from the terminal the app draws on, and
/// does not wait for it (a thread reaps it when it ends).
///
/// # Errors
/// As [`open`].
pub fn open_with(program: &OsStr, url: &str) -> Result<String, String> {
    let address = web_address(url)?;
    let mut child = Command::new(program)
        .arg(&address)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| {
            format!(
                "could not start {} to open the address: {e}; set $BROWSER to your browser",
                program.to_string_lossy()
            )
        })?;
    std::thread::spawn(move || child.wait());
    Ok(format!(
        "opened {address} with {}",
        crate::text::sanitize(&program.to_string_lossy())
    ))
}
