//! `ali-timeline` (or `ali-timeline tui`): the terminal app on the store. A large store's first
//! frame is drawn from its search index while the store loads (see [`crate::tui::run`]); when it
//! has no index yet, one is written in the background once the store is loaded, for next time.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{cache_off_by_file, load, store_path};
use crate::config::Settings;
use crate::error::Error;
use crate::timeline::index::{Index, StoreKey};
use crate::timeline::{Timeline, cache};

/// Runs the app on the store `data` (or the settings) names, else the bundled one.
///
/// # Errors
/// As [`crate::tui::run`]; a store that does not load, as [`load`].
pub fn run(data: Option<&PathBuf>, settings: &Settings) -> Result<ExitCode, Error> {
    if !settings.keys.value.is_empty() {
        crate::tui::keymap::install(crate::config::keys::table(&settings.keys.value));
    }
    let palette = settings.theme.value.palette();
    let load = || load(data, settings);
    let dir = (!cache_off_by_file(settings)).then(cache::dir).flatten();
    let Some((path, dir)) = store_path(data, settings).map(|(p, _)| p).zip(dir) else {
        return crate::tui::run(None::<(&Index, &str)>, load, |_| {}, palette)
            .map(|()| ExitCode::SUCCESS);
    };
    // The key first, so that a store written after it is seen to have changed when its index
    // would be written (see `index_for_next_time`).
    let key = StoreKey::of_file_stamped(path, &dir).filter(|k| k.len >= cache::MIN_BYTES as u64);
    // The store loads on another thread while its index is read and drawn.
    std::thread::scope(|scope| {
        let loading = scope.spawn(load);
        let index = key.and_then(|key| Index::read(&dir, key));
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let write_index = |timeline: &Timeline| {
            if index.is_none()
                && let Some(key) = key
            {
                index_for_next_time(timeline, path, &dir, key);
            }
        };
        let loaded = || {
            loading
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        };
        let preview = index.as_ref().map(|index| (index, name.as_str()));
        crate::tui::run(preview, loaded, write_index, palette).map(|()| ExitCode::SUCCESS)
    })
}

/// Writes the index of `timeline`, loaded from `path` whose key was `key` before it was loaded,
/// into `dir` — when the file's key is still `key` (unchanged while it loaded), so that the index
/// is never filed under other bytes than its own.
fn index_for_next_time(timeline: &Timeline, path: &Path, dir: &Path, key: StoreKey) {
    if StoreKey::of_file_stamped(path, dir) == Some(key) {
        Index::write_for(timeline, dir, key);
    }
}
