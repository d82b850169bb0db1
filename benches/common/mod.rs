//! Shared by every bench: the synthetic 100,000-event store, generated once and cached under
//! `target/synth/` (its file name carries a fingerprint of the generator, so a changed generator
//! never reuses a stale file), the criterion settings that keep `cargo bench` to minutes, and
//! the app the drawing benches start from.

#![allow(dead_code)] // each bench uses the helpers it needs

#[path = "../../examples/synth/mod.rs"]
mod synth;

use std::path::PathBuf;
use std::time::Duration;

use ali_timeline::Timeline;
use ali_timeline::tui::app::App;
use ali_timeline::tui::update;
use criterion::Criterion;
use sha2::{Digest, Sha256};

/// Events in the large store (people and units follow: 20,000 and 5,000).
pub const BIG_EVENTS: usize = 100_000;

/// Seed of the large store (the one the README's Performance section reports).
pub const SEED: u64 = 1;

/// Criterion settings: few samples, short measurement (the large cases take about a second each).
pub fn criterion() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .without_plots()
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"),
        PathBuf::from,
    )
}

/// A synthetic store of `events` events as RON text.
pub fn synth_text(events: usize) -> String {
    let config = synth::Config::sized(events, SEED);
    synth::to_ron(&synth::generate(&config), &config)
}

/// The path of the cached synthetic store of `events` events, generated if missing.
pub fn synth_path(events: usize) -> PathBuf {
    let fingerprint = Sha256::digest(synth_text(500).as_bytes());
    let tag: String = fingerprint[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let dir = target_dir().join("synth");
    let path = dir.join(format!("bench-{events}-seed{SEED}-{tag}.ron"));
    if !path.exists() {
        eprintln!("generating {} ...", path.display());
        let text = synth_text(events);
        let partial = path.with_extension("partial");
        std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::write(&partial, text))
            .and_then(|()| std::fs::rename(&partial, &path))
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }
    path
}

/// The large synthetic store, loaded (parsed: the benches never touch the user's store cache).
pub fn big() -> Timeline {
    let path = synth_path(BIG_EVENTS);
    ali_timeline::timeline::load_file_cached(&path, None)
        .map(|(timeline, _)| timeline)
        .unwrap_or_else(|e| panic!("{} does not load: {e}", path.display()))
}

/// A store cache directory for the benches, under the target directory.
pub fn cache_dir() -> PathBuf {
    target_dir().join("synth").join("cache")
}

/// The bundled store, loaded.
pub fn bundled() -> Timeline {
    ali_timeline::timeline::load_bundled().expect("the bundled store loads")
}

/// The bundled store and the large synthetic one, each with the name its results go under.
pub fn stores() -> [(&'static str, Timeline); 2] {
    [("bundled", bundled()), ("100k", big())]
}

/// The screen size the drawing benches use.
pub const WIDTH: u16 = 120;
/// See [`WIDTH`].
pub const HEIGHT: u16 = 40;

/// The app at [`WIDTH`]×[`HEIGHT`] with the middle event selected (and what the views read
/// worked out for it, as the update does after a key).
pub fn app(timeline: &Timeline) -> App<'_> {
    let mut app = App::new(timeline, WIDTH, HEIGHT);
    app.cursor = app.visible.len() / 2;
    update::refresh(&mut app);
    app
}
