//! Search as a query grows one keystroke at a time ("g" … "gao song"), and multi-atom queries
//! with a date atom, on the bundled store and on the synthetic 100,000-event store: one
//! `query::search` (limit 200, as the app's result list) per measurement, parse included.

mod common;

use std::hint::black_box;

use ali_timeline::query::{self, Query};
use criterion::{Criterion, criterion_group, criterion_main};

/// The keystrokes of "gao song", one query per key.
const GROWING: [&str; 8] = [
    "g", "ga", "gao", "gao ", "gao s", "gao so", "gao son", "gao song",
];

/// Queries with several atoms, a date range among them.
const MULTI: [&str; 4] = [
    "gao song @2015",
    "gao @2015..2016-06 kind:appointment",
    "music @..2010 !video",
    "'ceo tag:music @2012..",
];

/// How many results the app asks for (a screenful and then some).
const LIMIT: usize = 200;

fn bench_search(c: &mut Criterion) {
    let stores = [("bundled", common::bundled()), ("100k", common::big())];
    let mut group = c.benchmark_group("search");
    for (name, timeline) in &stores {
        for text in GROWING.iter().chain(&MULTI) {
            group.bench_function(format!("{name}/{text}"), |b| {
                b.iter(|| {
                    let query = Query::parse(black_box(text)).expect("query parses");
                    query::search(timeline, &query, LIMIT)
                });
            });
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = bench_search
}
criterion_main!(benches);
