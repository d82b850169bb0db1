//! The store's eras in the exports: TimelineJS carries the eras that overlap the exported
//! events, cut to their days, as its own `eras` bands; a RON subset keeps the eras whose two
//! events it holds, and loads back.

mod export_support;

use ali_timeline::export::{Format, Selection};
use ali_timeline::store::date::PartialDate;
use ali_timeline::timeline::{self, Timeline};
use export_support::{export, load};
use serde_json::Value;

fn bundled() -> Timeline {
    timeline::load(None).expect("the bundled store loads")
}

/// The TimelineJS `eras` of `selection`, as (start, end, headline).
fn timelinejs_eras(selection: &Selection) -> Vec<(PartialDate, PartialDate, String)> {
    let value: Value = serde_json::from_str(&export(Format::Timelinejs, selection)).unwrap();
    let date = |parts: &Value| -> PartialDate {
        let year = parts["year"].as_i64().expect("year");
        let text = match (parts.get("month"), parts.get("day")) {
            (Some(m), Some(d)) => format!(
                "{year}-{:02}-{:02}",
                m.as_i64().unwrap(),
                d.as_i64().unwrap()
            ),
            (Some(m), None) => format!("{year}-{:02}", m.as_i64().unwrap()),
            _ => year.to_string(),
        };
        text.parse().expect("a date")
    };
    value["eras"]
        .as_array()
        .map(|eras| {
            eras.iter()
                .map(|e| {
                    (
                        date(&e["start_date"]),
                        date(&e["end_date"]),
                        e["text"]["headline"]
                            .as_str()
                            .expect("headline")
                            .to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn timelinejs_of_everything_carries_every_era_at_its_events_dates() {
    let timeline = bundled();
    let eras = timelinejs_eras(&Selection::all(&timeline));
    assert_eq!(eras.len(), timeline.eras().len());
    for (era, (start, end, headline)) in timeline.eras().zip(&eras) {
        assert_eq!(headline, &era.era.title.replace('\'', "&#39;"));
        assert_eq!((*start, *end), (era.start, era.end), "{}", era.era.id);
    }
}

#[test]
fn timelinejs_of_a_query_carries_only_the_eras_it_overlaps_cut_to_its_events() {
    let timeline = bundled();
    let selection = Selection::matching(&timeline, Some("era:gao-and-song")).unwrap();
    let (first, last) = selection.days().expect("events selected");
    let eras = timelinejs_eras(&selection);
    let headlines: Vec<&str> = eras.iter().map(|e| e.2.as_str()).collect();
    assert!(
        headlines.contains(&"Ali Music under Gao Xiaosong and Song Ke"),
        "{headlines:?}"
    );
    assert!(
        !headlines.contains(&"Xiami and TTPod join Alibaba"),
        "{headlines:?}"
    );
    assert!(
        !headlines.contains(&"DME under rotating presidents"),
        "{headlines:?}"
    );
    for (start, end, headline) in &eras {
        assert!(
            start.start() >= first && end.end() <= last,
            "{headline} is cut to the events"
        );
    }
    // Yu Yongfu's reset runs on after the last selected event: it is cut there.
    let reset = eras
        .iter()
        .find(|e| e.2 == "Yu Yongfu&#39;s reset")
        .expect("overlaps");
    assert_eq!(reset.1.end(), last);
}

#[test]
fn a_ron_subset_keeps_the_eras_whose_events_it_holds_and_loads_back() {
    let timeline = bundled();
    let selection = Selection::matching(&timeline, Some("@2015-03..2015-07")).unwrap();
    let ron = export(Format::Ron, &selection);
    let back = load(&ron);
    let ids: Vec<&str> = back.eras().map(|e| e.era.id.as_str()).collect();
    assert_eq!(ids, ["ali-music-under-liu"]);
}
