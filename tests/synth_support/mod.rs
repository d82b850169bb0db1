//! A large synthetic store for the tests of what starts only above 1 MiB (the store cache, the
//! search index), made by the generator the examples and benchmarks use.
#![allow(dead_code)] // each test crate uses a different part

#[allow(dead_code)] // the generator has more than these tests use
#[path = "../../examples/synth/mod.rs"]
pub mod synth;

/// Events in [`store`]: enough for over 1 MiB of RON, where the store cache and the search index
/// start.
pub const EVENTS: usize = 1_500;

/// The RON text of a synthetic store of [`EVENTS`] events generated from `seed` (a test crate
/// keeps it in a `OnceLock`, to generate it once).
pub fn store(seed: u64) -> String {
    let config = synth::Config::sized(EVENTS, seed);
    synth::to_ron(&synth::generate(&config), &config)
}
