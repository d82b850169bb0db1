//! The organisation: replaying every effect, the chart as of a date, and what changed between two
//! dates, on the bundled store and on the synthetic 100,000-event store.

mod common;

use std::hint::black_box;

use ali_timeline::Timeline;
use ali_timeline::org;
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn bench_org(c: &mut Criterion) {
    let stores: [(&str, Timeline); 2] = [("bundled", common::bundled()), ("100k", common::big())];
    let mut group = c.benchmark_group("org");
    for (name, timeline) in &stores {
        group.bench_function(format!("replay/{name}"), |b| {
            b.iter_with_large_drop(|| {
                ali_timeline::timeline::replay::replay(black_box(&timeline.store), timeline.ids())
            });
        });
        group.bench_function(format!("as_of/{name}"), |b| {
            b.iter_with_large_drop(|| org::chart(black_box(timeline), day(2016, 6, 1)));
        });
        group.bench_function(format!("diff/{name}"), |b| {
            b.iter_with_large_drop(|| {
                org::diff(black_box(timeline), day(2015, 1, 1), day(2016, 12, 31))
            });
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = bench_org
}
criterion_main!(benches);
