//! A damaged, foreign or stale search index is never trusted: truncated at many points, with
//! bytes flipped anywhere, of another format version, or for a store edited without changing its
//! size, it is detected (no answer from it, no panic), removed, and rebuilt by the next search;
//! two processes building it at once leave one whole, working index.
#![cfg(unix)]

mod synth_support;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ali_timeline::query::{self, Query};
use ali_timeline::timeline::index::{self, ForSearch, Index, StoreKey, for_search};
use ali_timeline::timeline::{Searchable, load_str};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// A synthetic store of 1,500 events (over the 1 MiB where indexing starts), made once.
fn synthetic() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| synth_support::store(5))
}

/// A store file with `text` and an empty cache directory, in a fresh temporary directory.
fn setup(text: &str) -> Result<(tempfile::TempDir, PathBuf, PathBuf)> {
    let dir = tempfile::tempdir()?;
    let store = dir.path().join("big.ron");
    std::fs::write(&store, text)?;
    let cache = dir.path().join("cache");
    Ok((dir, store, cache))
}

/// Searches the store once so that its index is written, and returns the index file's path.
fn indexed(store: &Path, cache: &Path) -> Result<PathBuf> {
    assert!(matches!(
        for_search(store, Some(cache))?,
        ForSearch::Timeline(..)
    ));
    let key = StoreKey::of_file(store).ok_or("the store reads")?;
    let path = index::path_in(cache, key).ok_or("an index path")?;
    assert!(path.is_file(), "the first search writes the index");
    assert!(matches!(
        for_search(store, Some(cache))?,
        ForSearch::Index(_)
    ));
    Ok(path)
}

/// Whether the next search reads the store (not the index), and the one after reads a
/// rebuilt index again.
fn rebuilt(store: &Path, cache: &Path) -> Result<bool> {
    let first = matches!(for_search(store, Some(cache))?, ForSearch::Timeline(..));
    let second = matches!(for_search(store, Some(cache))?, ForSearch::Index(_));
    Ok(first && second)
}

/// A small deterministic sequence of positions below `len` (no randomness in tests' outcomes).
fn positions(len: usize, count: usize) -> Vec<usize> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..count)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            usize::try_from(x % len as u64).unwrap_or(0)
        })
        .collect()
}

#[test]
fn a_truncated_index_is_detected_and_rebuilt() -> Result {
    let (_dir, store, cache) = setup(synthetic())?;
    let path = indexed(&store, &cache)?;
    let whole = std::fs::read(&path)?;
    let key = StoreKey::of_file(&store).ok_or("the store reads")?;
    let mut cuts = positions(whole.len(), 12);
    cuts.extend([0, 1, 8, 40, whole.len() - 1]);
    for cut in cuts {
        std::fs::write(&path, &whole[..cut])?;
        assert!(
            Index::read(&cache, key).is_none(),
            "cut at {cut} is refused"
        );
        assert!(!path.exists(), "the damaged file is removed");
        assert!(rebuilt(&store, &cache)?, "cut at {cut}: rebuilt");
        assert_eq!(
            std::fs::read(&path)?,
            whole,
            "the rebuilt index is the same"
        );
    }
    Ok(())
}

#[test]
fn an_index_with_a_flipped_byte_is_detected_and_rebuilt() -> Result {
    let (_dir, store, cache) = setup(synthetic())?;
    let path = indexed(&store, &cache)?;
    let whole = std::fs::read(&path)?;
    let key = StoreKey::of_file(&store).ok_or("the store reads")?;
    let mut spots = positions(whole.len(), 12);
    // The magic, the format, the store's length, and the last byte of the text.
    spots.extend([0, 8, 40, whole.len() - 1]);
    for at in spots {
        let mut damaged = whole.clone();
        damaged[at] ^= 0x20;
        std::fs::write(&path, &damaged)?;
        assert!(
            Index::read(&cache, key).is_none(),
            "byte {at} flipped is refused"
        );
        assert!(rebuilt(&store, &cache)?, "byte {at} flipped: rebuilt");
    }
    Ok(())
}

#[test]
fn an_index_of_another_version_or_a_foreign_file_is_not_read() -> Result {
    let (_dir, store, cache) = setup(synthetic())?;
    let path = indexed(&store, &cache)?;
    let key = StoreKey::of_file(&store).ok_or("the store reads")?;
    let mut other = std::fs::read(&path)?;
    // The format version is the word after the 8 magic bytes.
    other[8..12].copy_from_slice(&999u32.to_le_bytes());
    std::fs::write(&path, &other)?;
    assert!(
        Index::read(&cache, key).is_none(),
        "another version is refused"
    );
    assert!(rebuilt(&store, &cache)?);
    for foreign in [&b""[..], b"not an index at all", &[0xff; 4096]] {
        std::fs::write(&path, foreign)?;
        assert!(Index::read(&cache, key).is_none());
        assert!(rebuilt(&store, &cache)?);
    }
    Ok(())
}

/// `text` with one letter of the first event's title changed (same size, other bytes), and the
/// new title.
fn one_letter_changed(text: &str) -> Result<(String, String)> {
    let old = load_str("s.ron", text)?;
    let title = old.event_title(0).to_string();
    let at = text
        .find(&format!("\"{title}\""))
        .ok_or("the title is in the text")?
        + 1;
    let mut edited = text.to_string();
    let letter = if text.as_bytes()[at] == b'Q' {
        "Z"
    } else {
        "Q"
    };
    edited.replace_range(at..=at, letter);
    assert_eq!(edited.len(), text.len());
    Ok((edited, format!("{letter}{}", &title[1..])))
}

#[test]
fn a_stamped_store_edited_to_the_same_size_and_time_is_never_answered_from_the_old_index() -> Result
{
    let text = synthetic();
    let (_dir, store, cache) = setup(text)?;
    // Only a store left alone for a few seconds is stamped (a later write could otherwise
    // share its clock tick): wait until this one is.
    let look = |path: &Path| -> Result<index::stamp::Look> {
        index::stamp::Look::of(&std::fs::metadata(path)?).ok_or("a look".into())
    };
    let deadline = std::time::Instant::now() + index::stamp::SETTLED * 4;
    while !look(&store)?.settled_before(std::time::SystemTime::now()) {
        assert!(std::time::Instant::now() < deadline, "the store settles");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    indexed(&store, &cache)?;
    let stamp = index::stamp::path_in(&cache, &look(&store)?);
    assert!(stamp.is_file(), "the settled store's key is stamped");
    assert!(
        StoreKey::of_stamp(&store, &cache).is_some(),
        "the next search takes the key from the stamp, unread"
    );
    // Edited to the same size, its modification time put back: its change time still moved.
    let modified = std::fs::metadata(&store)?.modified()?;
    let (edited, new_title) = one_letter_changed(text)?;
    std::fs::write(&store, &edited)?;
    std::fs::File::options()
        .write(true)
        .open(&store)?
        .set_modified(modified)?;
    assert_eq!(
        StoreKey::of_stamp(&store, &cache),
        None,
        "the stamp no longer answers"
    );
    let ForSearch::Timeline(timeline, _) = for_search(&store, Some(&cache))? else {
        return Err("the old index answered an edited store".into());
    };
    assert!((0..timeline.event_count()).any(|i| timeline.event_title(i) == new_title));
    Ok(())
}

#[test]
fn a_store_edited_without_changing_its_size_is_never_answered_from_the_old_index() -> Result {
    let text = synthetic();
    let (_dir, store, cache) = setup(text)?;
    indexed(&store, &cache)?;
    let (edited, new_title) = one_letter_changed(text)?;
    std::fs::write(&store, &edited)?;
    let ForSearch::Timeline(timeline, _) = for_search(&store, Some(&cache))? else {
        return Err("the old index answered an edited store".into());
    };
    assert!(
        (0..timeline.event_count()).any(|i| timeline.event_title(i) == new_title),
        "the edited title is read"
    );
    let ForSearch::Index(index) = for_search(&store, Some(&cache))? else {
        return Err("the edited store's index was not written".into());
    };
    let query = Query::parse(&format!("'{new_title}"))?;
    assert_eq!(
        query::search(&index, &query, 50),
        query::search(&*timeline, &query, 50)
    );
    Ok(())
}

#[test]
fn two_processes_building_at_once_leave_one_whole_index() -> Result {
    let (_dir, store, cache) = setup(synthetic())?;
    let bin = assert_cmd::cargo::cargo_bin!("ali-timeline");
    let search = || {
        std::process::Command::new(bin)
            .env("ALI_TIMELINE_CACHE_DIR", &cache)
            .args([
                "--data".as_ref(),
                store.as_os_str(),
                "search".as_ref(),
                "gao".as_ref(),
            ])
            .output()
    };
    for _ in 0..3 {
        let _ = std::fs::remove_dir_all(&cache);
        let (a, b) = std::thread::scope(|scope| {
            let a = scope.spawn(search);
            let b = scope.spawn(search);
            (a.join(), b.join())
        });
        let (a, b) = (a.map_err(|_| "joined")??, b.map_err(|_| "joined")??);
        assert!(a.status.success() && b.status.success());
        assert_eq!(a.stdout, b.stdout, "both answer the same");
        let indexes = || -> Result<Vec<(PathBuf, u64)>> {
            use std::os::unix::fs::MetadataExt;
            let mut found = Vec::new();
            for entry in std::fs::read_dir(&cache)? {
                let entry = entry?;
                if entry.file_name().to_string_lossy().ends_with(".idx") {
                    found.push((entry.path(), entry.metadata()?.ino()));
                }
            }
            Ok(found)
        };
        let left = indexes()?;
        assert_eq!(left.len(), 1, "one index is left");
        let c = search()?;
        assert_eq!(c.stdout, a.stdout, "the index they left answers the same");
        // Read, not found damaged and rebuilt (a rebuilt file is a new file).
        assert_eq!(indexes()?, left, "the index left is whole");
        let leftovers = std::fs::read_dir(&cache)?
            .filter_map(std::result::Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .count();
        assert_eq!(leftovers, 0, "no temporary file is left behind");
    }
    Ok(())
}

#[test]
fn a_store_read_from_a_pipe_is_searched_once_and_not_indexed() -> Result {
    let dir = tempfile::tempdir()?;
    let cache = dir.path().join("cache");
    let output = assert_cmd::cargo::cargo_bin_cmd!("ali-timeline")
        .env("ALI_TIMELINE_CACHE_DIR", &cache)
        .args(["--data", "/dev/stdin", "search", "gao"])
        .write_stdin(synthetic())
        .output()?;
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!output.stdout.is_empty(), "the piped store is searched");
    let indexes = std::fs::read_dir(&cache)
        .map(|entries| {
            entries
                .filter_map(std::result::Result::ok)
                .filter(|e| e.file_name().to_string_lossy().ends_with(".idx"))
                .count()
        })
        .unwrap_or(0);
    assert_eq!(
        indexes, 0,
        "a pipe has no bytes to key an index by afterwards"
    );
    Ok(())
}

#[test]
fn a_search_naming_an_era_is_answered_from_the_store_beside_its_index() -> Result {
    let text = synthetic();
    let timeline = load_str("s.ron", text)?;
    let first = Searchable::event_id(&timeline, 0).to_string();
    let later = Searchable::event_id(&timeline, 300).to_string();
    let end = text
        .rfind(')')
        .ok_or("the store ends with its closing bracket")?;
    let with_era = format!(
        "{}    eras: [Era(id: \"early\", title: \"Early years\", start_event: \"{first}\", end_event: \"{later}\")],\n{}",
        &text[..end],
        &text[end..]
    );
    let (_dir, store, cache) = setup(&with_era)?;
    indexed(&store, &cache)?;
    let search = |cache_on: bool| -> Result<std::process::Output> {
        let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("ali-timeline");
        if cache_on {
            cmd.env("ALI_TIMELINE_CACHE_DIR", &cache);
        } else {
            cmd.env("ALI_TIMELINE_CACHE", "off");
        }
        let args = ["search", "--json", "--limit", "0", "era:early gao"];
        Ok(cmd.arg("--data").arg(&store).args(args).output()?)
    };
    let (with_index, without) = (search(true)?, search(false)?);
    assert!(
        with_index.status.success(),
        "{}",
        String::from_utf8_lossy(&with_index.stderr)
    );
    assert_eq!(
        with_index.stdout, without.stdout,
        "the same answer with the index present"
    );
    let json: serde_json::Value = serde_json::from_slice(&with_index.stdout)?;
    assert!(
        json["total"].as_u64().is_some_and(|n| n > 0),
        "the era finds events"
    );
    Ok(())
}
