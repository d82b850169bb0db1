//! Hostile text in a store (escape sequences, bidi overrides, zero-width characters) loads as
//! data but never reaches the terminal raw: every plain CLI output and error is sanitised — also
//! when the characters are written raw in the file rather than as `\u{…}` escapes, and when the
//! store's file name or a rejected value holds them. (`robust_cli.rs` covers the other commands
//! and hostile arguments; `robust_tui.rs` the terminal app.)

mod common;

use common::{assert_terminal_safe, bin, fixture};

fn stdout_of(args: &[&str]) -> String {
    common::stdout_with(&fixture("hostile.ron"), args)
}

#[test]
fn the_hostile_store_is_valid_data() {
    bin()
        .arg("--data")
        .arg(fixture("hostile.ron"))
        .arg("validate")
        .assert()
        .success();
}

#[test]
fn list_output_is_sanitised_but_keeps_the_words() {
    let out = stdout_of(&["list"]);
    assert_terminal_safe(&out);
    assert!(out.contains("Red") && out.contains("desrever"), "{out}");
}

#[test]
fn error_messages_quoting_hostile_ids_are_sanitised() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    let text = common::fixture_text("hostile.ron").replacen(
        "people: [\"evil\"]",
        "people: [\"ev\\u{1b}]0;title\\u{7}il\\u{202e}\"]",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let out = bin()
        .arg("validate")
        .arg("--data")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("unknown person `ev]0;titleil`"), "{err}");
    assert_terminal_safe(&err);
}

/// The hostile fixture with every `\u{…}` escape written as the raw character it stands for.
fn raw_hostile_text() -> String {
    let text = common::fixture_text("hostile.ron");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find("\\u{") {
        out.push_str(&rest[..at]);
        let close = rest[at..].find('}').unwrap() + at;
        let code = u32::from_str_radix(&rest[at + 3..close], 16).unwrap();
        out.push(char::from_u32(code).unwrap());
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn raw_control_characters_in_the_file_load_and_are_sanitised() {
    let text = raw_hostile_text();
    assert!(text.contains('\u{1b}') && text.contains('\u{202e}') && !text.contains("\\u{"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("raw.ron");
    std::fs::write(&path, text).unwrap();
    for args in [&["validate"][..], &["list"], &["search", "evil"]] {
        let out = bin().arg("--data").arg(&path).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_terminal_safe(&stdout);
        assert!(
            stdout.contains("desrever") || stdout.contains("1 events"),
            "{stdout}"
        );
    }
}

#[test]
fn a_hostile_file_name_and_a_hostile_bad_value_are_sanitised_in_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil\u{1b}]0;pwned\u{7}\u{202e}.ron");
    let text = common::fixture_text("hostile.ron").replacen(
        "date: \"2015-07-15\"",
        "date: \"\\u{1b}[2J2015\\u{202e}\"",
        1,
    );
    std::fs::write(&path, text).unwrap();
    for command in ["validate", "list"] {
        let out = bin()
            .arg(command)
            .arg("--data")
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{command}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_terminal_safe(&err);
        assert!(
            err.contains("evil]0;pwned.ron:16:19: error: invalid date `[2J2015`"),
            "{command}: {err}"
        );
    }
}
