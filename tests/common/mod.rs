//! Helpers shared by the integration tests: fixture paths, the binary, dates.
#![allow(dead_code)] // each test crate uses a different subset

use std::path::PathBuf;

use chrono::NaiveDate;

/// The path of `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

/// The `ali-timeline` binary, ready for arguments.
pub fn bin() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("ali-timeline").expect("the binary is built by cargo test")
}

/// A calendar day from `YYYY-MM-DD` (panics on a typo in a test).
pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a YYYY-MM-DD date")
}

/// Loads a fixture store through the same loader the app uses.
pub fn load_fixture(name: &str) -> ali_timeline::Timeline {
    ali_timeline::store::load(Some(&fixture(name))).expect("the fixture store is valid")
}
