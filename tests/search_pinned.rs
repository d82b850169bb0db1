//! What `ali-timeline search --json` prints on a synthetic store of 20,000 events (seed 1), for
//! sixteen queries covering every atom form, pinned to what the build before the scorer was
//! rewritten for speed printed (stop 20, commit `925053b`; `tests/fixtures/search-pinned-20k.json`
//! is its output): the same matches, totals, scores, order, labels, highlights and dates. The
//! first search writes the search index into a temporary cache, the others answer from it, as a
//! user's searches do.

mod common;
mod synth_support;

use common::{bin, fixture_text};
use serde_json::Value;
use synth_support::synth;

/// The queries, in the fixture's order: fuzzy words and acronyms, exact, prefix, suffix and
/// whole forms, `person:`, `unit:`, `tag:`, `kind:`, dates, an exclusion, smart case, Chinese.
const QUERIES: [&str; 16] = [
    "gao",
    "gao song",
    "song ke",
    "xiaosong",
    "gxs",
    "yu yongfu @2016..2017",
    "'ceo tag:music @2012..",
    "^feidong",
    "pictures$",
    "^wang hui$",
    "person:song unit:^ali",
    "unit:culture",
    "kind:acq damai",
    "Gao",
    "高",
    "music @..2010 !video",
];

#[test]
fn twenty_thousand_events_answer_as_before_the_scorer_was_rewritten() {
    let config = synth::Config::sized(20_000, 1);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = dir.path().join("synthetic.ron");
    std::fs::write(&store, synth::to_ron(&synth::generate(&config), &config)).expect("written");
    let pinned: Vec<Value> =
        serde_json::from_str(&fixture_text("search-pinned-20k.json")).expect("the fixture parses");
    assert_eq!(pinned.len(), QUERIES.len());
    for (query, expected) in QUERIES.iter().zip(&pinned) {
        let out = bin()
            .env_remove("ALI_TIMELINE_CACHE")
            .env("ALI_TIMELINE_CACHE_DIR", dir.path().join("cache"))
            .arg("--data")
            .arg(&store)
            .args(["search", "--json", "--limit", "25", query])
            .output()
            .expect("the binary runs");
        // 1: no match (`person:song unit:^ali` has none), still with its JSON.
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "`{query}`: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let actual: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
        assert_eq!(&actual, expected, "`{query}` answers differently");
    }
    let found = pinned
        .iter()
        .filter(|answer| answer["total"].as_u64() > Some(0))
        .count();
    assert!(found >= 14, "most pinned queries find something ({found})");
}
