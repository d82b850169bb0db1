//! Loading: read + parse + replay + validate (+ sort and index) of the bundled store and of the
//! synthetic 100,000-event store (target: 100k in ≤ 1 s) — parsed, and from the store cache —
//! and each phase of it on its own.

mod common;

use ali_timeline::timeline;
use std::hint::black_box;

use ali_timeline::store::ids::Ids;
use ali_timeline::store::starts::UnitStarts;
use ali_timeline::store::{load, validate};
use ali_timeline::timeline::replay::replay;
use criterion::{Criterion, criterion_group, criterion_main};

fn load_and_validate(c: &mut Criterion) {
    let path = common::synth_path(common::BIG_EVENTS);
    let mut group = c.benchmark_group("load_validate");
    group.bench_function("bundled", |b| {
        b.iter_with_large_drop(|| timeline::load_bundled().expect("bundled store loads"));
    });
    group.bench_function("100k", |b| {
        b.iter_with_large_drop(|| {
            timeline::load_file_cached(black_box(&path), None).expect("100k store loads")
        });
    });
    // The same load from the validated-store cache (written by the first iteration).
    let cache = common::cache_dir();
    group.bench_function("100k_cache_warm", |b| {
        b.iter_with_large_drop(|| {
            timeline::load_file_cached(black_box(&path), Some(&cache)).expect("100k store loads")
        });
    });
    group.finish();
}

fn phases(c: &mut Criterion) {
    let path = common::synth_path(common::BIG_EVENTS);
    let text = load::read_text(&path).expect("readable");
    let parsed = load::parse("big.ron", &text).expect("parses");
    let mut sorted = parsed.clone();
    sorted.events.sort_by_key(|e| e.date);
    let sorted_ids = Ids::new(&sorted);
    let mut group = c.benchmark_group("load_phases_100k");
    group.bench_function("read", |b| {
        b.iter_with_large_drop(|| load::read_text(black_box(&path)).expect("readable"));
    });
    group.bench_function("parse", |b| {
        b.iter_with_large_drop(|| load::parse("big.ron", black_box(&text)).expect("parses"));
    });
    group.bench_function("replay", |b| {
        b.iter_with_large_drop(|| replay(black_box(&sorted), &sorted_ids));
    });
    // Building the id map and checking every reference (the replay's problems, none here, are
    // located in the same pass).
    group.bench_function("validate", |b| {
        b.iter_with_large_drop(|| {
            let ids = Ids::new(black_box(&parsed));
            validate::references(&parsed, &ids, &UnitStarts::new(&parsed, &ids))
                .locate("big.ron", &text)
        });
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = load_and_validate, phases
}
criterion_main!(benches);
