//! The one output policy, through the real binary: every command writes through the writers it
//! is given, so a closed stdout ends it quietly with exit 0, a full disk ends it with exit 74 and
//! one line on stderr, and nothing ever panics — whichever command, whichever stream.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Every command, with arguments that make it print something (and some of its `--json` forms).
const COMMANDS: &[&[&str]] = &[
    &["validate"],
    &["validate", "--json"],
    &["list"],
    &["list", "xiami", "--json"],
    &["search", "song"],
    &["search", "song", "--json", "--limit", "0"],
    &["org", "--as-of", "2016"],
    &["org", "--as-of", "2016", "--json"],
    &["org", "--diff", "2015", "2017"],
    &["person", "gao"],
    &["person", "song-ke", "--json"],
    &["unit", "xiami"],
    &["unit", "ali-music", "--json"],
    &["export", "-f", "csv"],
    &["export", "-f", "json"],
    &["completions", "bash"],
    &["completions", "zsh"],
    &["man"],
    &["config"],
    &["--help"],
    &["--version"],
];

fn binary() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("ali-timeline"));
    cmd.env("NO_COLOR", "1")
        .env("ALI_TIMELINE_CACHE", "off")
        .env("XDG_CONFIG_HOME", common::NO_SETTINGS);
    cmd
}

/// Runs `args` with stdout a pipe whose reading end is already closed: the first write fails with
/// a broken pipe, whatever the command writes and however little.
fn with_stdout_closed(args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    binary()
        .args(args)
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

fn dev_full() -> Option<fs::File> {
    fs::OpenOptions::new().write(true).open("/dev/full").ok()
}

#[test]
fn every_command_ends_quietly_with_exit_0_when_stdout_is_closed() {
    for args in COMMANDS {
        let out = with_stdout_closed(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?} said: {stderr}");
    }
}

#[test]
fn a_closed_stdout_after_head_reads_nothing_exits_0_too() {
    if Command::new("bash").arg("-c").arg("true").status().is_err() {
        return; // no bash to pipe with
    }
    let bin = assert_cmd::cargo::cargo_bin!("ali-timeline");
    for args in COMMANDS {
        // `head -0` may exit before or after the command first writes; either way, exit 0.
        let script = format!(
            "\"$0\" {} | head -c 0; exit ${{PIPESTATUS[0]}}",
            args.join(" ")
        );
        let out = Command::new("bash")
            .arg("-c")
            .arg(script)
            .arg(bin)
            .env("ALI_TIMELINE_CACHE", "off")
            .env("XDG_CONFIG_HOME", common::NO_SETTINGS)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn every_command_exits_74_with_one_line_when_stdout_is_a_full_disk() {
    if dev_full().is_none() {
        return; // no /dev/full on this system
    }
    for args in COMMANDS {
        let out = binary()
            .args(*args)
            .stdout(dev_full().unwrap())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(74), "{args:?}: {stderr}");
        assert!(
            stderr.contains("No space left on device"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    }
}

/// `ali-timeline export -f csv -o PATH` with stderr set up by `stderr`.
fn export_to(path: &Path, stderr: impl Into<Stdio>) -> Output {
    binary()
        .args(["--data"])
        .arg(common::fixture("export-mini.ron"))
        .args(["export", "-f", "csv", "-o"])
        .arg(path)
        .stdout(Stdio::null())
        .stderr(stderr)
        .output()
        .unwrap()
}

#[test]
fn export_to_a_file_with_stderr_full_writes_the_file_and_exits_74() {
    let Some(full) = dev_full() else { return };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.csv");
    let out = export_to(&path, full);
    assert_eq!(out.status.code(), Some(74));
    assert!(fs::read_to_string(&path).unwrap().starts_with("id,"));
}

#[test]
fn export_to_a_file_with_stderr_a_closed_pipe_writes_the_file_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.csv");
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = export_to(&path, writer);
    assert_eq!(out.status.code(), Some(0));
    assert!(fs::read_to_string(&path).unwrap().starts_with("id,"));
}

#[test]
fn export_to_a_file_with_stderr_closed_writes_the_file_and_exits_0() {
    if Command::new("sh").arg("-c").arg("true").status().is_err() {
        return; // no shell to close a descriptor with
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.csv");
    let out = Command::new("sh")
        .arg("-c")
        .arg("\"$0\" --data \"$1\" export -f csv -o \"$2\" 2>&-")
        .arg(assert_cmd::cargo::cargo_bin!("ali-timeline"))
        .arg(common::fixture("export-mini.ron"))
        .arg(&path)
        .env("ALI_TIMELINE_CACHE", "off")
        .env("XDG_CONFIG_HOME", common::NO_SETTINGS)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(fs::read_to_string(&path).unwrap().starts_with("id,"));
}

#[test]
fn no_command_prints_by_itself() {
    // Output goes through the writers `cli::main` hands out; a print macro would bypass them.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).unwrap();
                for macro_name in ["println!", "print!", "eprintln!", "eprint!"] {
                    let found = text
                        .lines()
                        .any(|l| !l.trim_start().starts_with("//") && l.contains(macro_name));
                    assert!(!found, "{} uses {macro_name}", path.display());
                }
            }
        }
    }
}
