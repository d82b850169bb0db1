//! Golden tests: every format of every store in `export_support::STORES`, plus a filtered export,
//! compared with reviewed snapshots in `tests/snapshots/`. A change to any export shows up here
//! as a diff to review.

mod export_support;

use ali_timeline::export::{Format, Selection};
use export_support::{STORES, export, load, mini};

#[test]
fn every_format_of_every_store_matches_its_snapshot() {
    for (name, text) in STORES {
        let timeline = load(text);
        let selection = Selection::all(&timeline);
        for format in Format::ALL {
            insta::assert_snapshot!(
                format!("{name}__{}", format.name()),
                export(format, &selection)
            );
        }
    }
}

#[test]
fn a_filtered_export_keeps_its_query_and_only_the_matching_events() {
    let timeline = mini();
    let selection = Selection::matching(&timeline, Some("无损")).unwrap();
    assert_eq!(selection.len(), 1, "the query matches one fixture event");
    for format in [Format::Json, Format::Md, Format::Ron] {
        insta::assert_snapshot!(
            format!("mini_query__{}", format.name()),
            export(format, &selection)
        );
    }
}
