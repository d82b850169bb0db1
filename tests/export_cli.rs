//! `ali-timeline export` as a user runs it: to stdout and to a file, the query filter, and the
//! file-safety rules — an existing file or symlink is kept without `--force`, `--force` replaces a
//! link without writing through it, an unwritable folder or a full disk is a clear error that
//! leaves nothing behind.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/export-mini.ron"
);

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// `ali-timeline --data FIXTURE export ARGS…`.
fn export(args: &[&str]) -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("ali-timeline");
    cmd.args(["--data", FIXTURE, "export"]).args(args);
    cmd
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

/// The names in `dir`, sorted: temporary files would show up here.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn exports_to_stdout_without_a_path() {
    export(&["--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "id,date,end,precision,kind,title,",
        ))
        .stdout(predicate::str::contains(
            "ali-music-founded,2015-07,,month,founding",
        ))
        .stderr("");
    export(&["-f", "md", "-o", "-"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "# Alibaba digital entertainment timeline",
        ));
}

#[test]
fn exports_to_a_file_and_says_so_on_stderr() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("timeline.json");
    export(&["-f", "json", "-o", arg(&path)])
        .assert()
        .success()
        .stdout("")
        .stderr(format!("wrote 6 events to {}\n", path.display()));
    let value: Value = serde_json::from_str(&fs::read_to_string(&path)?)?;
    assert_eq!(value["events"].as_array().map(Vec::len), Some(6));
    assert_eq!(
        entries(dir.path()),
        ["timeline.json"],
        "no temporary file is left"
    );
    Ok(())
}

#[test]
fn a_query_narrows_the_export() -> TestResult {
    let output = export(&["-f", "json", "--query", "无损"]).output()?;
    assert!(output.status.success());
    let value: Value = serde_json::from_slice(&output.stdout)?;
    let ids: Vec<&str> = value["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["ttpod-lossless"]);
    assert_eq!(value["meta"]["query"], "无损");
    Ok(())
}

#[test]
fn an_existing_file_is_kept_without_force_and_replaced_with_it() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("notes.md");
    fs::write(&path, "my precious notes")?;
    export(&["-f", "md", "-o", arg(&path)])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "{}: already exists",
            path.display()
        )))
        .stderr(predicate::str::contains("--force"));
    assert_eq!(fs::read_to_string(&path)?, "my precious notes");
    assert_eq!(entries(dir.path()), ["notes.md"]);

    export(&["-f", "md", "-o", arg(&path), "--force"])
        .assert()
        .success();
    assert!(fs::read_to_string(&path)?.starts_with("# Alibaba digital entertainment timeline"));
    assert_eq!(entries(dir.path()), ["notes.md"]);
    Ok(())
}

#[test]
fn a_symlink_is_never_followed() -> TestResult {
    let dir = tempfile::tempdir()?;
    let target = dir.path().join("target.txt");
    fs::write(&target, "do not touch")?;
    let link = dir.path().join("out.csv");
    std::os::unix::fs::symlink(&target, &link)?;

    export(&["-f", "csv", "-o", arg(&link)])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a symbolic link"))
        .stderr(predicate::str::contains("--force"));
    assert_eq!(fs::read_to_string(&target)?, "do not touch");
    assert!(fs::symlink_metadata(&link)?.file_type().is_symlink());

    // With --force the link itself is replaced by the export; its target is untouched.
    export(&["-f", "csv", "-o", arg(&link), "--force"])
        .assert()
        .success();
    assert_eq!(fs::read_to_string(&target)?, "do not touch");
    assert!(fs::symlink_metadata(&link)?.file_type().is_file());
    assert!(fs::read_to_string(&link)?.starts_with("id,date"));
    Ok(())
}

#[test]
fn a_dangling_symlink_is_kept_too() -> TestResult {
    let dir = tempfile::tempdir()?;
    let target = dir.path().join("not-yet.txt");
    let link = dir.path().join("out.ics");
    std::os::unix::fs::symlink(&target, &link)?;
    export(&["-f", "ics", "-o", arg(&link)])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a symbolic link"));
    assert!(!target.exists(), "nothing was written through the link");
    assert!(fs::symlink_metadata(&link)?.file_type().is_symlink());
    Ok(())
}

#[test]
fn a_directory_or_a_missing_folder_is_a_clear_error() -> TestResult {
    let dir = tempfile::tempdir()?;
    export(&["-f", "html", "-o", arg(dir.path()), "--force"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a directory"));
    let missing = dir.path().join("no-such-folder").join("out.html");
    export(&["-f", "html", "-o", arg(&missing)])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no-such-folder: folder does not exist",
        ));
    assert!(entries(dir.path()).is_empty());
    Ok(())
}

/// A folder this process cannot create files in, or `None` when there is none to test with
/// (root ignores permission bits; `/sys` refuses even root where it is mounted).
fn unwritable_folder(scratch: &Path) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let locked = scratch.join("locked");
    fs::create_dir(&locked).ok()?;
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).ok()?;
    let probe = |dir: &Path| fs::write(dir.join(".probe"), "x").is_err();
    if probe(&locked) {
        return Some(locked);
    }
    let _ = fs::remove_file(locked.join(".probe"));
    let sys = PathBuf::from("/sys");
    (sys.is_dir() && probe(&sys)).then_some(sys)
}

#[test]
fn an_unwritable_folder_is_a_clear_error_and_leaves_nothing() -> TestResult {
    let scratch = tempfile::tempdir()?;
    let Some(folder) = unwritable_folder(scratch.path()) else {
        eprintln!("skipped: no unwritable folder here (running as root without /sys)");
        return Ok(());
    };
    let before = entries(&folder);
    let path = folder.join("timeline.csv");
    export(&["-f", "csv", "-o", arg(&path)])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "{}: cannot create a file in this folder: permission denied",
            folder.display()
        )));
    assert_eq!(
        entries(&folder),
        before,
        "no file or temporary file was left"
    );
    Ok(())
}

#[test]
fn a_full_disk_on_stdout_is_an_error() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin!("ali-timeline"))
        .args(["--data", FIXTURE, "export", "-f", "json"])
        .stdout(full)
        .output()
        .unwrap();
    // 74 (EX_IOERR): output could not be written, told apart from a bad store or request (1).
    assert_eq!(output.status.code(), Some(74));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("No space left on device"), "{stderr}");
}

#[test]
fn timelinejs_of_nothing_is_refused_and_writes_no_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("empty.json");
    export(&["-f", "timelinejs", "-q", "zzzzzzzzzz", "-o", arg(&path)])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "TimelineJS cannot show a timeline with no events",
        ));
    assert!(entries(dir.path()).is_empty());
    export(&["-f", "timelinejs", "-q", "zzzzzzzzzz"])
        .assert()
        .code(1)
        .stdout("");
    Ok(())
}

#[test]
fn a_ron_subset_reports_dropped_effects_and_loads_with_data() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("subset.ron");
    export(&["-f", "ron", "-q", "卸任", "-o", arg(&path)])
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote 1 event to"))
        .stderr(predicate::str::contains(
            "note: dropped the EndRole effect of event `song-ke-leaves`",
        ));
    let mut validate = assert_cmd::cargo::cargo_bin_cmd!("ali-timeline");
    validate
        .args(["--data", arg(&path), "validate"])
        .assert()
        .success()
        .stdout(predicate::str::is_match(
            "^1 events?, 1 (people|person), 1 units?, 1 sources?",
        )?);
    Ok(())
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    export(&["-f", "pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values"));
}

/// A valid store of `n` simple events, big enough that writers flush more than once.
fn many_events(n: usize) -> String {
    let events: String = (0..n)
        .map(|i| {
            format!(
                "Event(id: \"e{i}\", date: \"2015-07-{:02}\", title: \"Event {i}\", summary: \"{}\", kind: deal, sources: [\"s\"]),\n",
                i % 28 + 1,
                "A summary long enough to fill buffers quickly. ".repeat(4)
            )
        })
        .collect();
    format!("Store(sources: [Source(id: \"s\", seed: \"001\")], events: [{events}])")
}

#[test]
fn a_closed_pipe_just_ends_the_export() -> TestResult {
    let dir = tempfile::tempdir()?;
    let store = dir.path().join("many.ron");
    fs::write(&store, many_events(400))?;
    // The reading end is closed at once, before the export writes (it loads the store first), so
    // writes fail with a broken pipe, as in `ali-timeline export | head -0`.
    for format in ["csv", "md", "json", "ics"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("ali-timeline"))
            .args(["--data", arg(&store), "export", "-f", format])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()?;
        drop(child.stdout.take());
        let output = child.wait_with_output()?;
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{format}: {stderr}");
        assert!(stderr.is_empty(), "{format}: {stderr}");
    }
    Ok(())
}
