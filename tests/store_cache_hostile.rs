//! The store cache never trusts what it finds at an entry's path: a FIFO, a symbolic link to
//! `/dev/zero` or to a FIFO, a 3 GB sparse file or a directory there each make a normal load
//! (under a memory limit, and no hang), and what is ours is cleared away; temporary files of interrupted writes
//! are pruned when stale; a relative `HOME` puts no cache under the current folder.
#![cfg(unix)]

mod synth_support;

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

use ali_timeline::timeline::cache::{self, Outcome};
use ali_timeline::timeline::load_file_cached;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// A synthetic store of 1,500 events (over the 1 MiB the cache starts at), made once.
fn synthetic() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| synth_support::store(3))
}

/// `ali-timeline ARGS` with the cache in `cache`, in a shell whose virtual memory is limited to
/// 1 GiB (reading a 3 GB file or `/dev/zero` whole fails under it) and stopped after a minute
/// (a FIFO would block for ever).
fn limited(cache: &Path, args: &[&str]) -> Result<Output> {
    let bin = assert_cmd::cargo::cargo_bin("ali-timeline");
    let mut cmd = assert_cmd::Command::new("bash");
    cmd.arg("-c")
        .arg("ulimit -v 1048576 && exec \"$0\" \"$@\"")
        .arg(bin)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("ALI_TIMELINE_CACHE")
        .env("ALI_TIMELINE_CACHE_DIR", cache)
        .timeout(Duration::from_secs(60));
    Ok(cmd.output()?)
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|list| list.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default();
    all.sort();
    all
}

/// Loads the store once to make its entry, puts `hostile` in the entry's place, and checks that
/// the next loads list the same events as a load without the cache.
fn survives(hostile: impl Fn(&Path) -> Result, cleared: bool) -> Result {
    let dir = tempfile::tempdir()?;
    let store = dir.path().join("store.ron");
    std::fs::write(&store, synthetic())?;
    let cache = dir.path().join("cache");
    let store = store.to_str().ok_or("UTF-8 path")?;
    let list = ["--data", store, "list"];
    let expected = common::bin().args(list).output()?;
    assert!(expected.status.success());
    let first = limited(&cache, &list)?;
    assert_eq!(first.stdout, expected.stdout);
    let entries = files_in(&cache);
    assert_eq!(entries.len(), 1, "{entries:?}");
    let entry = &entries[0];
    std::fs::remove_file(entry)?;
    hostile(entry)?;
    for _ in 0..2 {
        let out = limited(&cache, &list)?;
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.stdout, expected.stdout);
        assert_eq!(out.stderr, b"");
    }
    // What was ours is replaced by a real entry; a directory is left alone.
    let meta = std::fs::symlink_metadata(entry)?;
    if cleared {
        assert!(meta.is_file(), "{meta:?}");
        assert!(meta.len() < 3 * synthetic().len() as u64);
    } else {
        assert!(meta.is_dir());
    }
    Ok(())
}

#[test]
fn a_fifo_at_an_entry_is_no_hang() -> Result {
    survives(
        |entry| {
            let made = std::process::Command::new("mkfifo").arg(entry).status()?;
            assert!(made.success());
            Ok(())
        },
        true,
    )
}

#[test]
fn a_link_to_dev_zero_at_an_entry_is_not_read() -> Result {
    survives(
        |entry| Ok(std::os::unix::fs::symlink("/dev/zero", entry)?),
        true,
    )
}

#[test]
fn a_link_to_a_fifo_at_an_entry_is_not_followed() -> Result {
    let fifo = tempfile::tempdir()?;
    let target = fifo.path().join("fifo");
    let made = std::process::Command::new("mkfifo").arg(&target).status()?;
    assert!(made.success());
    survives(
        |entry| Ok(std::os::unix::fs::symlink(&target, entry)?),
        true,
    )?;
    assert!(target.exists(), "the link's target is left alone");
    Ok(())
}

#[test]
fn a_huge_sparse_file_at_an_entry_is_not_read() -> Result {
    survives(
        |entry| Ok(std::fs::File::create(entry)?.set_len(3 << 30)?),
        true,
    )
}

#[test]
fn a_directory_at_an_entry_is_left_alone() -> Result {
    survives(|entry| Ok(std::fs::create_dir(entry)?), false)
}

#[test]
fn entries_stay_well_under_the_size_a_read_accepts() -> Result {
    let dir = tempfile::tempdir()?;
    let store = dir.path().join("store.ron");
    std::fs::write(&store, synthetic())?;
    let cache = dir.path().join("cache");
    assert_eq!(load_file_cached(&store, Some(&cache))?.1, Outcome::Stored);
    let entry = cache::path_in(&cache, synthetic()).ok_or("an entry path")?;
    let size = std::fs::metadata(&entry)?.len();
    // Reads accept up to four times the text: real entries are far below that.
    assert!(size < synthetic().len() as u64 * 2, "{size}");
    // A symbolic link to a good entry is not followed either.
    let elsewhere = dir.path().join("elsewhere.bin");
    std::fs::rename(&entry, &elsewhere)?;
    std::os::unix::fs::symlink(&elsewhere, &entry)?;
    assert_eq!(load_file_cached(&store, Some(&cache))?.1, Outcome::Stored);
    assert!(std::fs::symlink_metadata(&entry)?.is_file());
    assert_eq!(load_file_cached(&store, Some(&cache))?.1, Outcome::Hit);
    Ok(())
}

#[test]
fn stale_temporary_files_are_pruned_and_fresh_ones_kept() -> Result {
    let dir = tempfile::tempdir()?;
    let store = dir.path().join("store.ron");
    std::fs::write(&store, synthetic())?;
    let cache = dir.path().join("cache");
    std::fs::create_dir_all(&cache)?;
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    let temp = |name: &str, stale: bool| -> Result<PathBuf> {
        let path = cache.join(name);
        let file = std::fs::File::create(&path)?;
        file.set_len(1 << 20)?;
        if stale {
            file.set_modified(hour_ago)?;
        }
        Ok(path)
    };
    let stale = temp(".ali-timeline-entry-Ab12Cd.tmp", true)?;
    let legacy = temp(".tmpXy12Zq", true)?;
    let fresh = temp(".ali-timeline-entry-Fresh1.tmp", false)?;
    let users = temp("notes.tmp", true)?;
    assert_eq!(load_file_cached(&store, Some(&cache))?.1, Outcome::Stored);
    let left = files_in(&cache);
    assert!(
        !left.contains(&stale) && !left.contains(&legacy),
        "{left:?}"
    );
    assert!(left.contains(&fresh) && left.contains(&users), "{left:?}");
    assert_eq!(left.len(), 3, "{left:?}");
    Ok(())
}

#[test]
fn a_relative_home_is_ignored_like_a_relative_xdg_cache_home() -> Result {
    let dir = tempfile::tempdir()?;
    let store = dir.path().join("store.ron");
    std::fs::write(&store, synthetic())?;
    for (home, xdg) in [
        ("relative-home", None),
        ("relative-home", Some("relative-xdg")),
    ] {
        let mut cmd = common::bin();
        cmd.current_dir(dir.path())
            .env_remove("ALI_TIMELINE_CACHE")
            .env_remove("ALI_TIMELINE_CACHE_DIR")
            .env("HOME", home);
        match xdg {
            Some(xdg) => cmd.env("XDG_CACHE_HOME", xdg),
            None => cmd.env_remove("XDG_CACHE_HOME"),
        };
        cmd.args(["validate", "--data"])
            .arg(&store)
            .assert()
            .success();
        assert_eq!(files_in(dir.path()), std::slice::from_ref(&store));
    }
    Ok(())
}
