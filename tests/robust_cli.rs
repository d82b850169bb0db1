//! Every plain command-line output stays terminal-safe with hostile data and hostile arguments,
//! and the files the command line reads and writes cannot be used to hang or clobber:
//!
//! - hostile stores through `list`, `search` (text and `--json`), `org --as-of`, `org --diff`
//!   (text and `--json`), `person`, `unit`: no raw control, bidi or zero-width character on
//!   stdout or stderr, while the words around them are shown; JSON escapes them and keeps the data;
//! - hostile arguments (a query, an id, a date, a path, an unknown subcommand or option value
//!   holding escape sequences or bidi overrides) get an error that quotes them sanitised — clap's
//!   own errors too, even in colour — with the usual exit code, and a query error's caret still
//!   points at the bad atom;
//! - export paths: a FIFO is refused at once (never opened, so never a hang), with or without
//!   `--force`; a symlinked folder is an ordinary folder (the file inside it is still never
//!   clobbered).
//!
//! `org_cli.rs` checks `org`/`person`/`unit` text on `org-hostile.ron`; `query_cli.rs` checks
//! `search` text on `query-hostile.ron`; `robust_hostile.rs` checks `list` and `validate`;
//! `export_hostile.rs` checks every export format.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;
use std::time::Duration;

use ali_timeline::text::is_unsafe;
use common::{bin, fixture};
use serde_json::Value;

/// Runs `ali-timeline ARGS…` (colour off) and returns what it did.
fn run(args: &[&str]) -> Output {
    bin()
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("the binary runs")
}

/// Checks both streams of `out` are terminal-safe; returns (exit code, stdout, stderr).
fn safe(args: &[&str], out: &Output) -> (i32, String, String) {
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    for (name, text) in [("stdout", &stdout), ("stderr", &stderr)] {
        if let Some(c) = text.chars().find(|&c| c != '\n' && is_unsafe(c)) {
            panic!("{args:?}: U+{:04X} on {name}:\n{text}", c as u32);
        }
    }
    (out.status.code().unwrap_or(-1), stdout, stderr)
}

/// `--data FIXTURE ARGS…`, which must succeed with terminal-safe output; returns stdout.
fn on(store: &str, args: &[&str]) -> String {
    let path = fixture(store);
    let mut all = vec!["--data", path.to_str().expect("UTF-8 path")];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = safe(&all, &run(&all));
    assert_eq!(code, 0, "{all:?}: {stderr}");
    stdout
}

#[test]
fn every_command_shows_hostile_store_text_sanitised() {
    let cases: [(&str, &[&str], &[&str]); 13] = [
        (
            "hostile.ron",
            &["list", "evil"],
            &["[31mRed[0m title desrever withzero width"],
        ),
        (
            "hostile.ron",
            &["search", "evil"],
            &["Mallory ]0;pwned Evil (坏人)", "[2J[HEvil Corp"],
        ),
        ("hostile.ron", &["search", "tag:tag"], &["[31mRed"]),
        (
            "hostile.ron",
            &["search", "mallory", "--json"],
            &["\"id\": \"evil\""],
        ),
        (
            "hostile.ron",
            &["org", "--as-of", "2016", "--counterparties"],
            &["[2J[HEvil Corp [evil-corp]"],
        ),
        (
            "hostile.ron",
            &["org", "--as-of", "2016", "--json", "--counterparties"],
            &["\\u001b[2J"],
        ),
        (
            "hostile.ron",
            &["person", "evil"],
            &["Mallory ]0;pwned Evil (坏人) [evil]"],
        ),
        (
            "hostile.ron",
            &["unit", "evil-corp"],
            &["[2J[HEvil Corp [evil-corp]"],
        ),
        (
            "query-hostile.ron",
            &["list", "@2015"],
            &["[31mRed[0m evil title"],
        ),
        (
            "org-hostile.ron",
            &["search", "unit:evil"],
            &["Evil]0;pwned Unit", "New31m Name"],
        ),
        (
            "org-hostile.ron",
            &["search", "evil", "--json"],
            &["\"label\": \"Evil[2J Person (坏人)\""],
        ),
        (
            "org-hostile.ron",
            &["org", "--as-of", "2017", "--json"],
            &["New\\u009b31m Name", "Person\\u202e"],
        ),
        (
            "org-hostile.ron",
            &["org", "--diff", "2015", "2017", "--json"],
            &["\"evil-rename\""],
        ),
    ];
    for (store, args, shown) in cases {
        let out = on(store, args);
        for text in shown {
            assert!(
                out.contains(text),
                "{store} {args:?} should show {text:?}:\n{out}"
            );
        }
    }
}

#[test]
fn json_escapes_invisible_characters_and_keeps_the_data() {
    let query = "\u{202e}evil\u{9b}";
    let path = fixture("org-hostile.ron");
    let args = ["--data", path.to_str().unwrap(), "search", query, "--json"];
    let (code, out, _) = safe(&args, &run(&args));
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["query"], query, "the query comes back exactly");
    let matched = !json["hits"].as_array().unwrap().is_empty();
    assert_eq!(code, if matched { 0 } else { 1 }, "no match exits 1");
    let out = on("org-hostile.ron", &["org", "--as-of", "2017", "--json"]);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["units"][0]["name"], "New\u{9b}31m Name");
    assert_eq!(
        json["units"][0]["roles"][0]["role"],
        "chief\u{1b}[5m officer"
    );
}

/// Hostile arguments: each run must be terminal-safe, exit with `code`, and say `says`.
#[test]
fn errors_quoting_hostile_arguments_are_sanitised() {
    let hostile = fixture("hostile.ron");
    let data = hostile.to_str().unwrap();
    let cases: [(&[&str], i32, &str); 13] = [
        (&["search", "\u{1b}[2J"], 0, "Evil Corp"),
        (
            &["search", "kind:\u{1b}[2J\u{202e}"],
            1,
            "unknown kind `[2J`",
        ),
        (&["list", "kind:\u{1b}]0;x\u{7}"], 1, "unknown kind `]0;x`"),
        (&["person", "\u{1b}]0;x\u{7}"], 1, "unknown person `]0;x`"),
        (&["unit", "ev\u{202e}il\u{200b}"], 1, "unknown unit `evil`"),
        (
            &["org", "--as-of", "\u{1b}[2J"],
            1,
            "--as-of: invalid date `[2J`",
        ),
        (
            &["org", "--as-of", "2016", "--unit", "\u{1b}[2Jzz"],
            1,
            "unknown unit `[2Jzz`",
        ),
        (
            &["org", "--diff", "2015", "\u{9b}2J"],
            1,
            "--diff TO: invalid date `2J`",
        ),
        (
            &["export", "-f", "csv", "-q", "tag:\u{1b}[5m @x"],
            1,
            "query error",
        ),
        (&["export", "-f", "\u{1b}[2J"], 2, "invalid value"),
        (
            &["search", "--limit", "\u{202e}9", "x"],
            2,
            "invalid value '9'",
        ),
        (&["\u{1b}]0;pwned\u{7}"], 2, "unrecognized subcommand"),
        (
            &["list", "--\u{202e}bogus"],
            2,
            "unexpected argument '--bogus'",
        ),
    ];
    for (args, code, says) in cases {
        let mut all = vec!["--data", data];
        all.extend_from_slice(args);
        // In colour, as in a terminal: clap quotes arguments inside its own styling.
        let out = bin()
            .env_remove("NO_COLOR")
            .env("CLICOLOR_FORCE", "1")
            .args(&all)
            .output()
            .unwrap();
        let (got, stdout, stderr) = safe(&all, &out);
        assert_eq!(got, code, "{args:?}: {stdout}{stderr}");
        assert!(
            stdout.contains(says) || stderr.contains(says),
            "{args:?}: {stdout}{stderr}"
        );
    }
}

#[test]
fn a_missing_store_with_a_hostile_name_is_reported_sanitised() {
    let args = ["--data", "/nonexistent/evil\u{1b}[2J\u{202e}.ron", "list"];
    let (code, _, stderr) = safe(&args, &run(&args));
    assert_eq!(code, 1);
    assert!(
        stderr.contains("/nonexistent/evil[2J.ron: no such file"),
        "{stderr}"
    );
}

#[test]
fn a_query_error_points_at_the_bad_atom_past_hidden_characters() {
    let path = fixture("hostile.ron");
    let args = [
        "--data",
        path.to_str().unwrap(),
        "search",
        "\u{1b}\u{1b}[2J\u{200b} kind:nope",
    ];
    let (code, _, stderr) = safe(&args, &run(&args));
    assert_eq!(code, 1);
    let lines: Vec<&str> = stderr.lines().collect();
    let query = lines
        .iter()
        .position(|l| l.ends_with("[2J kind:nope"))
        .expect(&stderr);
    assert_eq!(
        lines[query + 1].find('^'),
        lines[query].find("nope"),
        "the caret is under `nope`:\n{stderr}"
    );
}

// ---------------------------------------------------------------------------------------------
// Export paths.

/// `ali-timeline --data export-mini.ron export -f csv -o PATH [--force]`, which must end within a
/// minute.
fn export_to(path: &Path, force: bool) -> Output {
    let mut cmd = bin();
    cmd.arg("--data")
        .arg(fixture("export-mini.ron"))
        .args(["export", "-f", "csv", "-o"])
        .arg(path);
    if force {
        cmd.arg("--force");
    }
    cmd.timeout(Duration::from_secs(60)).output().unwrap()
}

#[test]
fn a_fifo_at_the_export_path_is_refused_without_opening_it() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.csv");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available here");
        return;
    }
    for force in [false, true] {
        // Opening a FIFO for writing would block until a reader came: the timeout catches that.
        let out = export_to(&fifo, force);
        assert_eq!(out.status.code(), Some(1), "--force: {force}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("is not a regular file (a pipe"), "{stderr}");
        use std::os::unix::fs::FileTypeExt;
        assert!(
            fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(),
            "the FIFO is kept"
        );
    }
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file left");
}

#[test]
fn a_symlinked_folder_is_written_into_but_its_files_are_not_clobbered() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real");
    fs::create_dir(&real).unwrap();
    let linked = dir.path().join("linked");
    std::os::unix::fs::symlink(&real, &linked).unwrap();

    let out = export_to(&linked.join("new.csv"), false);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        fs::read_to_string(real.join("new.csv"))
            .unwrap()
            .starts_with("id,date")
    );

    fs::write(real.join("notes.csv"), "mine").unwrap();
    let out = export_to(&linked.join("notes.csv"), false);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    assert_eq!(fs::read_to_string(real.join("notes.csv")).unwrap(), "mine");
    let mut names: Vec<String> = fs::read_dir(&real)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["new.csv", "notes.csv"], "no temporary file left");
}
