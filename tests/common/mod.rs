//! Helpers shared by the integration tests: fixture paths, the binary, dates, terminal-safe
//! output.
#![allow(dead_code)] // each test crate uses a different subset

use std::path::PathBuf;

use assert_cmd::Command;
use chrono::NaiveDate;

/// The path of a fixture under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The text of a fixture under `tests/fixtures/`.
pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("fixture exists")
}

/// A settings folder that does not exist, so that no user's settings reach a test.
pub const NO_SETTINGS: &str = "/nonexistent/ali-timeline-tests";

/// The `ali-timeline` binary, ready to be given arguments (colour off, store cache off so that
/// no test writes into the user's cache directory, no settings file).
pub fn bin() -> Command {
    let mut cmd = Command::cargo_bin("ali-timeline").expect("binary builds");
    cmd.env("NO_COLOR", "1")
        .env("ALI_TIMELINE_CACHE", "off")
        .env("XDG_CONFIG_HOME", NO_SETTINGS);
    cmd
}

/// What `ali-timeline --data STORE ARGS…` prints on stdout; fails the test, showing stderr, when
/// the command does not succeed.
pub fn stdout_with(store: &std::path::Path, args: &[&str]) -> String {
    let out = bin()
        .arg("--data")
        .arg(store)
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// A calendar day from `YYYY-MM-DD` (panics on a typo in a test).
pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a YYYY-MM-DD date")
}

/// Loads a fixture store through the same loader the app uses.
pub fn load_fixture(name: &str) -> ali_timeline::Timeline {
    ali_timeline::timeline::load(Some(&fixture(name))).expect("the fixture store is valid")
}

/// Fails if `text` holds a control character (other than newline) or a bidi/zero-width character.
pub fn assert_terminal_safe(text: &str) {
    for (i, c) in text.char_indices() {
        assert!(
            c == '\n' || !ali_timeline::text::is_unsafe(c),
            "unsafe character U+{:04X} at byte {i} in output:\n{text}",
            c as u32
        );
    }
}
