//! An export stopped by a signal while it writes leaves nothing behind: the real binary exports a
//! large synthetic store to a file, is sent SIGTERM (or SIGINT, as Ctrl-C in a shell would) as
//! soon as its hidden temporary file appears, and must exit with 128 + N leaving neither the
//! temporary file nor a partial export; a temporary file left by such an export is reported by the
//! next export to the same file.

#[allow(dead_code)] // the generator has more than these tests use
#[path = "../examples/synth/mod.rs"]
mod synth;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| Some(e.ok()?.file_name().to_string_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn killed_mid_write_leaves_nothing(signal: &str, number: i32) -> Result {
    let dir = tempfile::tempdir()?;
    let config = synth::Config::sized(20_000, 7);
    let store = dir.path().join("big.ron");
    std::fs::write(&store, synth::to_ron(&synth::generate(&config), &config))?;
    let out = dir.path().join("out");
    std::fs::create_dir(&out)?;
    let mut child = Command::new(env!("CARGO_BIN_EXE_ali-timeline"))
        .args(["--data"])
        .arg(&store)
        .args(["export", "--format", "html", "--output"])
        .arg(out.join("timeline.html"))
        .env("ALI_TIMELINE_CACHE", "off")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()?;
    // Poll for the temporary file (the load comes first and takes a while).
    let deadline = Instant::now() + Duration::from_secs(120);
    while !names(&out).iter().any(|n| n.ends_with(".tmp")) {
        assert!(Instant::now() < deadline, "no temporary file appeared");
        assert!(
            child.try_wait()?.is_none(),
            "the export ended before it was stopped"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    let sent = Command::new("kill")
        .args([format!("-{signal}"), child.id().to_string()])
        .status()?;
    assert!(sent.success());
    let status = child.wait()?;
    assert_eq!(status.code(), Some(128 + number), "{status:?}");
    assert!(names(&out).is_empty(), "left behind: {:?}", names(&out));
    Ok(())
}

#[test]
fn sigterm_during_an_export_removes_its_temporary_file() -> Result {
    killed_mid_write_leaves_nothing("TERM", 15)
}

#[test]
fn sigint_during_an_export_removes_its_temporary_file() -> Result {
    killed_mid_write_leaves_nothing("INT", 2)
}

#[test]
fn a_temporary_file_left_by_a_stopped_export_is_reported_by_the_next() -> Result {
    let dir = tempfile::tempdir()?;
    let target = dir.path().join("timeline.md");
    let leftover = dir.path().join(".timeline.md.a1B2c3.tmp");
    std::fs::write(&leftover, "half an export")?;
    let unrelated = dir.path().join(".other.md.a1B2c3.tmp");
    std::fs::write(&unrelated, "another file's")?;
    let out = Command::new(env!("CARGO_BIN_EXE_ali-timeline"))
        .args(["export", "--format", "md", "--output"])
        .arg(&target)
        .env("ALI_TIMELINE_CACHE", "off")
        .output()?;
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8(out.stderr)?;
    assert!(
        err.contains(".timeline.md.a1B2c3.tmp looks left over from an export to the same file"),
        "{err}"
    );
    assert!(!err.contains(".other.md"), "{err}");
    // Reported, never removed: it is the user's to delete.
    assert!(leftover.exists() && unrelated.exists());
    Ok(())
}
