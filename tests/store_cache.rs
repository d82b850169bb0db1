//! The validated-store cache: a large store loaded twice is the same store (events, history, hash,
//! warnings) and the second load comes from the cache; a changed file, another build of the tool,
//! a truncated or corrupt entry, a cache turned off and a cache directory that cannot be written
//! all fall back to a normal load, silently; the bundled store is never cached.

mod synth_support;

mod common;

use ali_timeline::store::ids::EventIx;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ali_timeline::Timeline;
use ali_timeline::timeline::cache::{self, Outcome};
use ali_timeline::timeline::load_file_cached;
use tempfile::TempDir;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// A synthetic store of 1,500 events (over the 1 MiB the cache starts at), made once.
fn synthetic() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let text = synth_support::store(3);
        assert!(text.len() > cache::MIN_BYTES, "{} bytes", text.len());
        text
    })
}

/// A small store with one warning (two chairmen at once), padded past 1 MiB with a comment.
fn warned() -> String {
    let text = common::fixture_text("store-valid.ron").replacen(
        "StartRole(person: \"song-ke\", unit: \"ali-music\", role: \"ceo\")",
        "StartRole(person: \"song-ke\", unit: \"ali-music\", role: \"chairman\")",
        1,
    );
    format!(
        "{text}\n// {}\n",
        "padding ".repeat(cache::MIN_BYTES / 8 + 1)
    )
}

/// A temporary directory holding `store.ron` with `text`, and a cache directory inside it.
struct Setup {
    dir: TempDir,
}

impl Setup {
    fn new(text: &str) -> Result<Self> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("store.ron"), text)?;
        Ok(Setup { dir })
    }
    fn store(&self) -> PathBuf {
        self.dir.path().join("store.ron")
    }
    fn cache(&self) -> PathBuf {
        self.dir.path().join("cache")
    }
    fn load(&self) -> Result<(Timeline, Outcome)> {
        Ok(load_file_cached(&self.store(), Some(&self.cache()))?)
    }
    /// The entry the current store text would use.
    fn entry(&self) -> Result<PathBuf> {
        let text = std::fs::read_to_string(self.store())?;
        Ok(cache::path_in(&self.cache(), &text).ok_or("a large store has an entry path")?)
    }
    fn entries(&self) -> Vec<PathBuf> {
        entries_in(&self.cache())
    }
}

fn entries_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir).map_or_else(
        |_| Vec::new(),
        |list| list.filter_map(|e| Some(e.ok()?.path())).collect(),
    )
}

/// Everything a load computes, compared field by field.
fn assert_same(a: &Timeline, b: &Timeline) {
    assert_eq!(a.store, b.store);
    assert_eq!(a.hash(), b.hash());
    assert_eq!(a.name, b.name);
    assert_eq!(a.warnings, b.warnings);
    assert_eq!(a.history.tenures, b.history.tenures);
    assert_eq!(a.history.units, b.history.units);
    assert_eq!(a.history.changes, b.history.changes);
    assert_eq!(a.history.warnings, b.history.warnings);
    let last = a.store.events.last().expect("events");
    assert_eq!(
        b.event_index(&last.id).map(EventIx::index),
        Some(a.store.events.len() - 1)
    );
    let person = &a.store.people[0].id;
    assert_eq!(a.person_label(person), b.person_label(person));
}

#[test]
fn a_store_loaded_twice_is_the_same_and_comes_from_the_cache_the_second_time() -> Result {
    let setup = Setup::new(synthetic())?;
    let (first, outcome) = setup.load()?;
    assert_eq!(outcome, Outcome::Stored);
    assert_eq!(setup.entries(), vec![setup.entry()?]);
    let (second, outcome) = setup.load()?;
    assert_eq!(outcome, Outcome::Hit);
    assert_same(&first, &second);
    // The hash is the SHA-256 of the text, whichever way the store was loaded.
    let uncached = ali_timeline::timeline::load_str(&first.name, synthetic())?;
    assert_same(&uncached, &second);
    Ok(())
}

#[test]
fn warnings_survive_the_cache_and_name_the_file_loaded() -> Result {
    let setup = Setup::new(&warned())?;
    let (first, _) = setup.load()?;
    assert_eq!(first.warnings.len(), 1);
    // The same bytes under another name: a hit, with the warning located in the new file.
    let other = setup.dir.path().join("copy.ron");
    std::fs::copy(setup.store(), &other)?;
    let (second, outcome) = load_file_cached(&other, Some(&setup.cache()))?;
    assert_eq!(outcome, Outcome::Hit);
    assert_eq!(second.warnings.len(), 1);
    let shown = second.warnings[0].to_string();
    assert!(
        shown.starts_with(&format!("{}:29:17: warning:", other.display())),
        "{shown}"
    );
    assert_eq!(
        shown.replace("copy.ron", "store.ron"),
        first.warnings[0].to_string()
    );
    Ok(())
}

#[test]
fn a_file_changed_by_one_byte_does_not_use_the_old_entry() -> Result {
    let setup = Setup::new(&warned())?;
    let (before, _) = setup.load()?;
    let old_entry = setup.entry()?;
    // Same length, one byte different: a title letter.
    let text = std::fs::read_to_string(setup.store())?;
    let changed = text.replacen("title: \"A", "title: \"B", 1);
    assert_eq!(changed.len(), text.len());
    assert_ne!(changed, text);
    std::fs::write(setup.store(), &changed)?;
    let (after, outcome) = setup.load()?;
    assert_eq!(outcome, Outcome::Stored);
    assert_ne!(after.hash(), before.hash());
    assert_ne!(after.store, before.store);
    assert_eq!(
        after.store,
        ali_timeline::timeline::load_str("x", &changed)?.store
    );
    assert_ne!(setup.entry()?, old_entry);
    Ok(())
}

#[test]
fn a_truncated_or_corrupt_entry_falls_back_and_is_rewritten() -> Result {
    let setup = Setup::new(synthetic())?;
    let (good, _) = setup.load()?;
    let entry = setup.entry()?;
    let bytes = std::fs::read(&entry)?;
    let mut flipped = bytes.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x20;
    let damaged: [(&str, Vec<u8>); 5] = [
        ("truncated", bytes[..bytes.len() * 2 / 3].to_vec()),
        ("header only", bytes[..40].to_vec()),
        ("one byte flipped", flipped),
        ("empty", Vec::new()),
        (
            "garbage",
            (0..200_000u32).map(|i| (i * 7919 % 251) as u8).collect(),
        ),
    ];
    for (what, content) in damaged {
        std::fs::write(&entry, content)?;
        let (loaded, outcome) = setup.load()?;
        assert_eq!(outcome, Outcome::Stored, "{what}");
        assert_same(&good, &loaded);
        assert_eq!(
            setup.load()?.1,
            Outcome::Hit,
            "{what}: the entry was rewritten"
        );
    }
    Ok(())
}

#[test]
fn small_stores_and_no_cache_directory_are_never_cached() -> Result {
    let setup = Setup::new(&common::fixture_text("store-valid.ron"))?;
    assert_eq!(setup.load()?.1, Outcome::Off);
    assert!(setup.entries().is_empty());
    let big = Setup::new(synthetic())?;
    let (_, outcome) = load_file_cached(&big.store(), None)?;
    assert_eq!(outcome, Outcome::Off);
    assert!(big.entries().is_empty());
    Ok(())
}

#[test]
fn a_cache_directory_that_cannot_be_made_does_not_fail_the_load() -> Result {
    let setup = Setup::new(synthetic())?;
    // A directory under a regular file cannot be created, not even by root.
    let blocked = setup.dir.path().join("a-file");
    std::fs::write(&blocked, "not a directory")?;
    let (loaded, outcome) = load_file_cached(&setup.store(), Some(&blocked.join("cache")))?;
    assert_eq!(outcome, Outcome::NotStored);
    assert_eq!(loaded.store.events.len(), 1_500);
    Ok(())
}

/// `ali-timeline` with the cache in `cache` (and the cache switch as given).
fn cli(cache: &Path, switch: Option<&str>) -> assert_cmd::Command {
    let mut cmd = common::bin();
    cmd.env("ALI_TIMELINE_CACHE_DIR", cache);
    match switch {
        Some(value) => cmd.env("ALI_TIMELINE_CACHE", value),
        None => cmd.env_remove("ALI_TIMELINE_CACHE"),
    };
    cmd
}

#[test]
fn the_cli_searches_the_same_warm_as_cold_and_only_caches_when_on() -> Result {
    let setup = Setup::new(synthetic())?;
    let store = setup.store();
    let search = |switch| -> Result<Vec<u8>> {
        let out = cli(&setup.cache(), switch)
            .args(["search", "--data"])
            .arg(&store)
            .arg("chairman")
            .output()?;
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty());
        Ok(out.stdout)
    };
    let off = search(Some("off"))?;
    assert!(
        setup.entries().is_empty(),
        "ALI_TIMELINE_CACHE=off writes nothing"
    );
    let cold = search(None)?;
    // One entry, named by the store's content hash (its build part names the binary, not this
    // test process, so only the hash is compared).
    let entries = setup.entries();
    let key = |p: &Path| p.file_name().map(|n| n.to_string_lossy()[..32].to_string());
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(key(&entries[0]), key(&setup.entry()?));
    let written = std::fs::metadata(&entries[0])?.modified()?;
    let warm = search(None)?;
    assert_eq!(setup.entries(), entries);
    assert_eq!(
        std::fs::metadata(&entries[0])?.modified()?,
        written,
        "read, not rewritten"
    );
    assert_eq!(cold, off);
    assert_eq!(warm, off);
    Ok(())
}

#[test]
fn the_cli_succeeds_when_the_cache_directory_cannot_be_written() -> Result {
    let setup = Setup::new(synthetic())?;
    let blocked = setup.dir.path().join("a-file");
    std::fs::write(&blocked, "not a directory")?;
    cli(&blocked.join("cache"), None)
        .args(["validate", "--data"])
        .arg(setup.store())
        .assert()
        .success()
        .stdout(predicates::str::starts_with("1500 events,"))
        .stderr("");
    Ok(())
}

#[test]
fn the_bundled_store_is_never_cached() -> Result {
    let dir = tempfile::tempdir()?;
    cli(dir.path(), None).arg("validate").assert().success();
    assert!(entries_in(dir.path()).is_empty());
    Ok(())
}

#[test]
fn only_the_newest_entries_are_kept_and_nothing_else_is_touched() -> Result {
    let setup = Setup::new(&warned())?;
    std::fs::create_dir_all(setup.cache())?;
    let mine = setup.cache().join("notes.bin");
    std::fs::write(&mine, "the user's own file")?;
    let mut written = Vec::new();
    for n in 0..6 {
        std::fs::write(setup.store(), format!("{}// store {n}\n", warned()))?;
        assert_eq!(setup.load()?.1, Outcome::Stored);
        written.push(setup.entry()?);
    }
    let mut kept = setup.entries();
    kept.sort();
    let mut newest: Vec<PathBuf> = written[2..].to_vec();
    newest.push(mine);
    newest.sort();
    assert_eq!(kept, newest);
    Ok(())
}

#[test]
fn an_entry_written_by_another_build_is_not_read() -> Result {
    let setup = Setup::new(synthetic())?;
    // This test process and the `ali-timeline` binary are different builds.
    assert_eq!(setup.load()?.1, Outcome::Stored);
    let ours = setup.entries();
    cli(&setup.cache(), None)
        .args(["validate", "--data"])
        .arg(setup.store())
        .assert()
        .success();
    let after = setup.entries();
    assert_eq!(after.len(), 2, "{after:?}");
    assert!(ours.iter().all(|p| after.contains(p)));
    Ok(())
}
