//! Exports: each format written in memory, for the whole bundled store and for a query's
//! selection ("gao") on the bundled store and on the synthetic 100,000-event store (about 8,500
//! of its events: the whole 100k takes 0.7–3 s per format, too long to sample here; the cost
//! per event is the same).

mod common;

use ali_timeline::export::{self, Format, Selection};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn bench_export(c: &mut Criterion) {
    let stores = [("bundled", common::bundled()), ("100k", common::big())];
    let mut group = c.benchmark_group("export");
    for (name, timeline) in &stores {
        let gao = Selection::matching(timeline, Some("gao")).expect("query parses");
        let selections = if *name == "bundled" {
            vec![("all", Selection::all(timeline)), ("gao", gao)]
        } else {
            vec![("gao", gao)]
        };
        for (which, selection) in &selections {
            group.throughput(Throughput::Elements(selection.len() as u64));
            for format in Format::ALL {
                let mut out = Vec::new();
                export::write(format, selection, &mut out).expect("export writes");
                let size = out.len();
                group.bench_function(format!("{}/{name}/{which}", format.name()), |b| {
                    b.iter(|| {
                        let mut out = Vec::with_capacity(size);
                        export::write(format, selection, &mut out).expect("export writes");
                        out
                    });
                });
            }
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = bench_export
}
criterion_main!(benches);
