//! The store's eras in the exports: TimelineJS carries the eras that overlap the exported
//! events, cut to their days, as its own `eras` bands; JSON lists them at their own dates,
//! matching its schema; a RON subset keeps the eras whose two events it holds, and loads back.

mod export_support;

use ali_timeline::export::{Format, Selection};
use ali_timeline::store::date::PartialDate;
use ali_timeline::timeline::{self, Timeline};
use export_support::{export, load, schema_errors};
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

#[test]
fn json_lists_the_overlapping_eras_at_their_own_dates_and_matches_its_schema() {
    let timeline = bundled();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/export.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let selection = Selection::matching(&timeline, Some("era:gao-and-song")).unwrap();
    let value: Value = serde_json::from_str(&export(Format::Json, &selection)).unwrap();
    assert_eq!(schema_errors(&schema, &value), Vec::<String>::new());
    let eras = value["eras"].as_array().expect("eras");
    let ids: Vec<&str> = eras.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["ali-music-under-liu", "gao-and-song", "yu-yongfu-reset"]
    );
    // Not cut: Yu Yongfu's reset runs past the selection to its own end.
    let reset = &eras[2];
    assert_eq!(reset["end"], "2016-12-05");
    assert_eq!(reset["last_day"], "2016-12-05");
    assert_eq!(reset["start_event"], "entertainment-leadership-group");
}
