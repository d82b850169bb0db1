//! `ali-timeline search` and `ali-timeline list QUERY` as a user runs them: text and JSON output,
//! limits, filtered chronologies, highlighting only on a terminal, and malformed queries.

use std::io::Read;
use std::path::PathBuf;

use assert_cmd::Command;
use predicates::str::contains;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The binary on the small fixture store, colour off.
fn bin() -> Command {
    let mut cmd = Command::cargo_bin("ali-timeline").expect("binary builds");
    cmd.env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", "/nonexistent/ali-timeline-tests")
        .arg("--data")
        .arg(fixture("query-small.ron"));
    cmd
}

fn stdout(args: &[&str]) -> String {
    let out = bin().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn search_prints_kind_span_and_name_best_first() {
    let out = stdout(&["search", "song ke"]);
    insta::assert_snapshot!(out);
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("person  2015-07-15..2017-11"), "{first}");
    assert!(first.ends_with("Song Ke (宋柯)"), "{first}");
}

#[test]
fn search_lists_people_units_and_events() {
    let out = stdout(&["search", "music"]);
    insta::assert_snapshot!(out);
    for kind in ["unit ", "event "] {
        assert!(out.lines().any(|l| l.starts_with(kind)), "{kind}: {out}");
    }
    assert!(
        !out.contains('\u{1b}'),
        "no colour when stdout is not a terminal"
    );
}

#[test]
fn search_limit_caps_the_results() {
    assert_eq!(
        stdout(&["search", "music", "--limit", "2"]).lines().count(),
        2
    );
    // No match exits 1 with a note on stderr, as grep does.
    bin()
        .args(["search", "nothing-like-this"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("no match for `nothing-like-this`\n");
}

#[test]
fn search_json_has_the_documented_shape() {
    let out = stdout(&["search", "gao", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(json["query"], "gao");
    let hits = json["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 2, "{out}");
    let gao = &hits[0];
    assert_eq!(gao["kind"], "person");
    assert_eq!(gao["id"], "gao-xiaosong");
    assert_eq!(gao["label"], "Gao Xiaosong (高晓松)");
    assert_eq!(gao["start"], "2015-07-15");
    assert!(gao["end"].is_null(), "still in the role");
    assert!(gao["score"].as_i64().unwrap() > 0);
    assert_eq!(gao["ranges"], serde_json::json!([[0, 3]]));
    let event = &hits[1];
    assert_eq!(event["kind"], "event");
    assert_eq!(event["id"], "ali-music-founded");
    assert_eq!(event["start"], "2015-07-15");
    let chinese: serde_json::Value =
        serde_json::from_str(&stdout(&["search", "晓松", "--json"])).unwrap();
    assert_eq!(
        chinese["hits"][0]["ranges"],
        serde_json::json!([[15, 17]]),
        "char offsets"
    );
}

#[test]
fn list_with_a_query_prints_the_filtered_chronology() {
    assert_eq!(
        stdout(&["list", "xiami @2013"]),
        "2013-01-16  Alibaba acquires Xiami\n2013-03     虾米 deal closes\n"
    );
    assert_eq!(
        stdout(&["list", "kind:departure"]),
        "2017-11     Song Ke steps down\n"
    );
    assert_eq!(
        stdout(&["list", "unit:damai !@2017"]),
        "~2018       Zhang Yu heads the ticketing business\n"
    );
    assert_eq!(stdout(&["list"]).lines().count(), 8);
    bin()
        .args(["list", "zzzz"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("no events match `zzzz`\n");
}

#[test]
fn a_malformed_query_exits_1_with_the_column_and_a_caret() {
    for command in ["list", "search"] {
        bin()
            .args([command, "gao @2015-13"])
            .assert()
            .code(1)
            .stdout("")
            .stderr(contains(
                "ali-timeline: query error at column 6: `2015-13` is not a date: there is no month 13",
            ))
            .stderr(contains("ali-timeline:   gao @2015-13\nali-timeline:        ^\n"));
    }
    bin()
        .args(["list", "kind:apointment"])
        .assert()
        .code(1)
        .stderr(contains(
            "unknown kind `apointment` (did you mean `appointment`?)",
        ));
    bin()
        .args(["search", "@.."])
        .assert()
        .code(1)
        .stderr(contains(
            "column 1: `@..` needs a date on at least one side",
        ));
}

#[test]
fn hostile_text_is_sanitised_in_text_and_json() {
    let out = Command::cargo_bin("ali-timeline")
        .unwrap()
        .arg("--data")
        .arg(fixture("query-hostile.ron"))
        .args(["search", "evil"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(
        !text
            .chars()
            .any(|c| c != '\n' && ali_timeline::text::is_unsafe(c)),
        "{text:?}"
    );
    assert!(
        text.contains("[31mRed[0m evil title withzero width"),
        "{text}"
    );
}

/// Runs the binary in a pseudo-terminal and returns everything it printed.
fn run_in_terminal(args: &[&str], no_color: bool) -> String {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_ali-timeline"));
    cmd.arg("--data");
    cmd.arg(fixture("query-small.ron"));
    cmd.args(args);
    cmd.env_remove("NO_COLOR");
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    let mut child = pair.slave.spawn_command(cmd).expect("spawns");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("a reader");
    // Reading until end of output (EIO once the child has exited and the pty is drained).
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    while let Ok(n) = reader.read(&mut buf) {
        if n == 0 {
            break;
        }
        out.extend_from_slice(&buf[..n]);
    }
    assert!(child.wait().expect("exits").success());
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn matches_are_highlighted_only_on_a_terminal_without_no_color() {
    let coloured = run_in_terminal(&["search", "gao"], false);
    assert!(
        coloured.contains("\u{1b}[1;33mGao\u{1b}[0m Xiaosong (高晓松)"),
        "{coloured:?}"
    );
    let plain = run_in_terminal(&["search", "gao"], true);
    assert!(plain.contains("Gao Xiaosong (高晓松)"), "{plain:?}");
    assert!(!plain.contains('\u{1b}'), "{plain:?}");
}

#[test]
fn huge_queries_are_refused_with_the_limit() {
    let atoms: Vec<String> = (0..10_000).map(|i| format!("w{i}")).collect();
    bin()
        .args(["search", &atoms.join(" ")])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(
            "longer than 4096 characters, the most a query may have",
        ));
    bin()
        .args(["list", &atoms[..300].join(" ")])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(
            "more than 256 different atoms, the most a query may have",
        ));
}

#[test]
fn repeated_atoms_give_the_same_results() {
    for (once, repeated) in [
        ("gao", "gao gao gao"),
        ("music 'ali", "'ali music 'ali music"),
    ] {
        for command in ["search", "list"] {
            assert_eq!(
                stdout(&[command, once]),
                stdout(&[command, repeated]),
                "{repeated}"
            );
        }
    }
}
