//! The plain reader that the loader tries before `ron` reads a large synthetic store (above the
//! size where the loader splits it across threads) to the same `Store` as `ron` does, and the
//! loader's answer is that store too.

mod synth_support;

use ali_timeline::store::{load, model::Store, plain};
use synth_support::synth;

/// Events enough for a store above the 4 MiB where the loader parses on several threads.
const EVENTS: usize = 6_000;

#[test]
fn reads_a_large_synthetic_store_as_ron_does() {
    let config = synth::Config::sized(EVENTS, 11);
    let text = synth::to_ron(&synth::generate(&config), &config);
    assert!(text.len() > 4 << 20, "{} bytes", text.len());
    let options = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(128);
    let by_ron: Store = options
        .from_str(&text)
        .expect("ron reads the synthetic store");
    let by_plain: Option<Store> = plain::from_str(&text, &options);
    assert_eq!(by_plain.as_ref(), Some(&by_ron));
    assert_eq!(by_ron.events.len(), EVENTS);
    let loaded = load::parse("synth.ron", &text).expect("the synthetic store loads");
    assert_eq!(loaded, by_ron);
}
