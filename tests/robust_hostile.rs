//! Hostile text in a store (escape sequences, bidi overrides, zero-width characters) loads as
//! data but never reaches the terminal raw: every plain CLI output and error is sanitised.

mod common;

use common::{bin, fixture};

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

fn stdout_of(args: &[&str]) -> String {
    let out = bin()
        .arg("--data")
        .arg(fixture("hostile.ron"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
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
