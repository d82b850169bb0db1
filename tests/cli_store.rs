//! The `validate` and `list` commands, `--data`, and the errors a user sees for bad files.

mod common;

use common::{bin, fixture};
use predicates::prelude::*;

#[test]
fn validate_prints_counts_and_exits_zero() {
    bin()
        .args(["validate", "--data"])
        .arg(fixture("store-valid.ron"))
        .assert()
        .success()
        .stdout("3 events, 2 people, 3 units, 2 sources, 0 eras\n");
}

#[test]
fn validate_accepts_the_bundled_store() {
    bin().arg("validate").assert().success().stdout(
        predicate::str::is_match(r"^\d+ events, \d+ people, \d+ units, \d+ sources, \d+ eras\n$")
            .unwrap(),
    );
}

#[test]
fn validate_reports_every_error_with_its_position_and_exits_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    let text = common::fixture_text("store-valid.ron")
        .replacen("sources: [\"seed-003\"]", "sources: [\"seed-03\"]", 1)
        .replacen(
            "people: [\"gao-xiaosong\", \"song-ke\"]",
            "people: [\"gao-xiasong\", \"song-ke\"]",
            1,
        );
    std::fs::write(&path, text).unwrap();
    let shown = path.display().to_string();
    bin()
        .arg("validate")
        .arg("--data")
        .arg(&path)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "{shown}:24:22: error: unknown person `gao-xiasong` (did you mean `gao-xiaosong`?)"
        )))
        .stderr(predicate::str::contains(format!(
            "{shown}:49:23: error: unknown source `seed-03` (did you mean `seed-003`?)"
        )))
        .stderr(predicate::str::contains(
            "2 error(s); the store was not loaded",
        ));
}

#[test]
fn list_prints_one_event_per_line_in_date_order() {
    let out = bin()
        .arg("list")
        .arg("--data")
        .arg(fixture("store-valid.ron"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "2006        Xiami founded\n\
         2015-03     Xiami and TTPod merged into Ali Music\n\
         2015-07-15  Alibaba founds Ali Music Group\n"
    );
}

#[test]
fn list_on_the_bundled_store_reads_as_a_chronology() {
    let out = bin().arg("list").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let dates: Vec<&str> = text
        .lines()
        .map(|l| l.split_whitespace().next().unwrap_or(""))
        .collect();
    assert!(
        dates.len() >= 40,
        "the bundled store should hold at least 40 events"
    );
    let keys: Vec<String> = dates
        .iter()
        .map(|d| d.trim_start_matches('~').to_string())
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "events are listed in date order");
    assert!(
        text.contains("Gao Xiaosong"),
        "the Ali Music Group founding is listed"
    );
}

#[test]
fn a_missing_file_is_one_clear_line() {
    bin()
        .args(["list", "--data", "no/such/store.ron"])
        .assert()
        .code(1)
        .stderr("ali-timeline: no/such/store.ron: no such file; check the path given to --data\n");
}

#[test]
fn a_directory_is_rejected_clearly() {
    let dir = tempfile::tempdir().unwrap();
    bin()
        .arg("validate")
        .arg("--data")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "is a directory; give the path of a .ron store file",
        ))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn every_subcommand_has_help_and_the_binary_a_version() {
    for sub in [
        "validate", "list", "search", "org", "person", "unit", "export", "tui",
    ] {
        bin()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage:"));
    }
    bin()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("ali-timeline {}\n", env!("CARGO_PKG_VERSION")));
}
