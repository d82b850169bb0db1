//! Exports read back by real parsers: CSV by the csv crate, iCalendar by the icalendar crate,
//! JSON by serde_json against `assets/export.schema.json`, TimelineJS JSON against what
//! TimelineJS3 requires, and RON by the store loader (a round trip gives an equal store).

mod export_support;

use ali_timeline::export::{self, Format, Selection};
use chrono::NaiveDate;
use export_support::{STORES, export, load, mini, schema_errors};
use icalendar::{CalendarComponent, Component, DatePerhapsTime};
use serde_json::Value;

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[test]
fn csv_reads_back_one_record_per_event_with_the_text_intact() -> TestResult {
    let timeline = mini();
    let text = export(Format::Csv, &Selection::all(&timeline));
    assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\r'));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers()?, &export::csv::HEADER[..]);
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    assert_eq!(rows.len(), timeline.store.events.len());
    let founded = rows
        .iter()
        .find(|r| &r[0] == "ali-music-founded")
        .ok_or("row missing")?;
    assert_eq!(&founded[1], "2015-07");
    assert_eq!(&founded[3], "month");
    assert_eq!(&founded[5], "Alibaba founds Ali Music Group (阿里音乐)");
    assert_eq!(
        &founded[6],
        timeline.event("ali-music-founded").unwrap().summary
    );
    assert_eq!(&founded[7], "Gao Xiaosong (高晓松); Song Ke (宋柯)");
    let lossless = rows
        .iter()
        .find(|r| &r[0] == "ttpod-lossless")
        .ok_or("row missing")?;
    assert_eq!(&lossless[2], "2016-03");
    assert!(lossless[10].starts_with("新浪科技, \"阿里音乐：天天动听停止服务"));
    Ok(())
}

/// The events of an iCalendar text, parsed by the icalendar crate.
fn calendar_events(text: &str) -> Result<Vec<icalendar::Event>, String> {
    let calendar: icalendar::Calendar = text.parse()?;
    Ok(calendar
        .components
        .into_iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect())
}

fn day(y: i32, m: u32, d: u32) -> DatePerhapsTime {
    DatePerhapsTime::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

#[test]
fn ics_reads_back_as_all_day_events_spanning_each_dates_precision() -> TestResult {
    let timeline = mini();
    let text = export(Format::Ics, &Selection::all(&timeline));
    let unfolded = icalendar::parser::unfold(&text);
    let parsed = icalendar::parser::read_calendar(&unfolded)?;
    // The parser puts the VCALENDAR's own properties in `properties`, its VEVENTs in `components`.
    let property = |name: &str| parsed.properties.iter().find(|p| p.name.as_str() == name);
    assert_eq!(property("VERSION").ok_or("no VERSION")?.val.as_str(), "2.0");
    assert!(property("PRODID").is_some(), "no PRODID");
    assert!(
        parsed
            .components
            .iter()
            .all(|c| c.name.as_str() == "VEVENT")
    );

    let events = calendar_events(&text)?;
    assert_eq!(events.len(), timeline.store.events.len());
    let by_uid = |uid: &str| {
        events
            .iter()
            .find(|e| e.get_uid() == Some(uid))
            .unwrap_or_else(|| panic!("no VEVENT with UID {uid}"))
    };
    // (uid, first day, exclusive end): a day, a whole month, a whole year, a December month that
    // ends in the next year, and a leap day with an `end` known to the month.
    let spans = [
        (
            "alibaba-acquires-xiami@ali-timeline",
            day(2013, 1, 16),
            day(2013, 1, 17),
        ),
        (
            "ali-music-founded@ali-timeline",
            day(2015, 7, 1),
            day(2015, 8, 1),
        ),
        ("hostile@ali-timeline", day(2014, 1, 1), day(2015, 1, 1)),
        (
            "song-ke-leaves@ali-timeline",
            day(2016, 12, 1),
            day(2017, 1, 1),
        ),
        (
            "ttpod-lossless@ali-timeline",
            day(2016, 2, 29),
            day(2016, 4, 1),
        ),
    ];
    for (uid, start, end) in spans {
        let event = by_uid(uid);
        assert_eq!(event.get_start(), Some(start), "{uid} start");
        assert_eq!(event.get_end(), Some(end), "{uid} end");
        assert!(event.get_timestamp().is_some(), "{uid} DTSTAMP");
    }
    let founded = by_uid("ali-music-founded@ali-timeline");
    assert_eq!(
        founded.get_summary(),
        Some("Alibaba founds Ali Music Group (阿里音乐)")
    );
    let description = founded.get_description().ok_or("no DESCRIPTION")?;
    // The parser undoes the escaping: commas, semicolons and line breaks come back.
    assert!(description.starts_with(&timeline.event("ali-music-founded").unwrap().summary));
    assert!(
        description.contains("\nDate: 2015-07 (known to the month; shown as the whole month)\n")
    );
    Ok(())
}

#[test]
fn ics_lines_end_in_crlf_and_fold_at_75_octets_between_characters() {
    let timeline = mini();
    let text = export(Format::Ics, &Selection::all(&timeline));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert!(lines.iter().all(|l| !l.contains('\n') && !l.contains('\r')));
    assert!(
        lines.iter().all(|l| l.len() <= 75),
        "a line is longer than 75 octets"
    );
    assert!(
        lines.iter().any(|l| l.starts_with(' ')),
        "the fixture has lines long enough to fold"
    );
    // `text` is a `String`, so no fold split a UTF-8 character; unfolding gives the long line back.
    let unfolded = text.replace("\r\n ", "");
    assert!(unfolded.contains("SUMMARY:TTPod trials lossless streaming (天天动听无损音质)\r\n"));
    assert!(unfolded.contains("之后的第一步。🎵 The trial ran to the end of March."));
}

#[test]
fn ics_dtstamp_is_fixed_by_the_store_not_the_clock() {
    let timeline = mini();
    let all = export(Format::Ics, &Selection::all(&timeline));
    let one = export(
        Format::Ics,
        &Selection::matching(&timeline, Some("无损")).unwrap(),
    );
    // The last day any fixture event covers is 2017-12-31 (`year-end-review`, dated 2017).
    for text in [&all, &one] {
        let stamps: Vec<&str> = text.lines().filter(|l| l.starts_with("DTSTAMP")).collect();
        assert!(!stamps.is_empty());
        assert!(
            stamps.iter().all(|s| *s == "DTSTAMP:20171231T000000Z"),
            "{stamps:?}"
        );
    }
}

#[test]
fn json_follows_the_published_schema_and_resolves_references() -> TestResult {
    let schema: Value = serde_json::from_str(include_str!("../assets/export.schema.json"))?;
    for (name, text) in STORES {
        let timeline = load(text);
        let value: Value = serde_json::from_str(&export(Format::Json, &Selection::all(&timeline)))?;
        let errors = schema_errors(&schema, &value);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        assert_eq!(value["meta"]["store_hash"], timeline.hash());
        assert_eq!(value["meta"]["event_count"], timeline.store.events.len());
    }
    let timeline = mini();
    let value: Value = serde_json::from_str(&export(
        Format::Json,
        &Selection::matching(&timeline, Some("无损"))?,
    ))?;
    assert!(schema_errors(&schema, &value).is_empty());
    assert_eq!(value["meta"]["query"], "无损");
    assert_eq!(value["meta"]["tool_version"], env!("CARGO_PKG_VERSION"));
    let event = &value["events"][0];
    assert_eq!(event["id"], "ttpod-lossless");
    assert_eq!(event["last_day"], "2016-03-31");
    assert_eq!(event["units"][0]["name_zh"], "天天动听");
    assert_eq!(event["sources"][0]["publisher"], "新浪科技");
    Ok(())
}

#[test]
fn the_schema_checker_catches_a_missing_or_mistyped_field() -> TestResult {
    let schema: Value = serde_json::from_str(include_str!("../assets/export.schema.json"))?;
    let timeline = mini();
    let mut value: Value = serde_json::from_str(&export(Format::Json, &Selection::all(&timeline)))?;
    value["events"][0].as_object_mut().unwrap().remove("title");
    value["meta"]["event_count"] = Value::from("six");
    let errors = schema_errors(&schema, &value);
    assert_eq!(errors.len(), 2, "{errors:#?}");
    Ok(())
}

#[test]
fn timelinejs_has_what_timelinejs3_requires() -> TestResult {
    let timeline = mini();
    let value: Value =
        serde_json::from_str(&export(Format::Timelinejs, &Selection::all(&timeline)))?;
    let events = value["events"].as_array().ok_or("events is not a list")?;
    assert_eq!(events.len(), timeline.store.events.len());
    assert!(value["title"]["text"]["headline"].is_string());
    let mut ids = std::collections::HashSet::new();
    for slide in events {
        let start = &slide["start_date"];
        assert!(start["year"].is_i64(), "year is required: {slide}");
        if let Some(month) = start.get("month") {
            assert!((1..=12).contains(&month.as_i64().unwrap()));
        }
        assert!(slide["text"]["headline"].is_string() && slide["text"]["text"].is_string());
        assert!(slide["group"].is_string());
        let id = slide["unique_id"].as_str().ok_or("unique_id")?;
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        );
        assert!(ids.insert(id.to_string()), "unique_id {id} repeats");
    }
    let month_only = events
        .iter()
        .find(|s| s["unique_id"] == "ali-music-founded")
        .unwrap();
    assert_eq!(
        month_only["start_date"],
        serde_json::json!({"year": 2015, "month": 7})
    );
    let approximate = events
        .iter()
        .find(|s| s["unique_id"] == "song-ke-leaves")
        .unwrap();
    assert_eq!(approximate["display_date"], "c. December 2016");
    Ok(())
}

#[test]
fn timelinejs_refuses_an_empty_selection_with_a_reason() {
    let timeline = mini();
    let empty = Selection::new(&timeline, vec![], Some("nothing".into()));
    let mut out = Vec::new();
    let err = export::write(Format::Timelinejs, &empty, &mut out).unwrap_err();
    assert!(err.to_string().contains("no events"), "{err}");
    assert!(out.is_empty());
}

#[test]
fn ron_of_every_event_loads_back_as_an_equal_store() -> TestResult {
    for (name, text) in STORES {
        let timeline = load(text);
        let exported = export(Format::Ron, &Selection::all(&timeline));
        let reloaded = ali_timeline::timeline::load_str("exported.ron", &exported)?;
        assert_eq!(
            reloaded.store, timeline.store,
            "{name}: the round trip changed the store"
        );
        assert_eq!(reloaded.warnings.len(), timeline.warnings.len());
    }
    Ok(())
}

#[test]
fn ron_of_a_subset_is_a_valid_store_with_only_what_it_needs() -> TestResult {
    let timeline = mini();
    // The departure alone: its EndRole needs the founding event's StartRole, outside the subset.
    let departure = timeline
        .event_index("song-ke-leaves")
        .ok_or("fixture event")?;
    let selection = Selection::new(&timeline, vec![departure], None);
    let exported = export(Format::Ron, &selection);
    let reloaded = ali_timeline::timeline::load_str("subset.ron", &exported)?;
    let store = &reloaded.store;
    assert_eq!(store.events.len(), 1);
    assert!(
        store.events[0].effects.is_empty(),
        "the EndRole cannot replay and is dropped"
    );
    assert_eq!(
        store
            .people
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>(),
        ["song-ke"]
    );
    assert_eq!(
        store
            .units
            .iter()
            .map(|u| u.id.as_str())
            .collect::<Vec<_>>(),
        ["ali-music"]
    );
    assert!(exported.contains("//   dropped the EndRole effect of event `song-ke-leaves`"));
    let notes = export::notes(Format::Ron, &selection);
    assert_eq!(notes.len(), 1, "{notes:?}");

    // The founding and the departure together replay in full: nothing is dropped, and the org
    // of the subset still knows Song Ke's tenure and when it ended.
    let founded = timeline
        .event_index("ali-music-founded")
        .ok_or("fixture event")?;
    let both = Selection::new(&timeline, vec![departure, founded], None);
    let reloaded = ali_timeline::timeline::load_str("both.ron", &export(Format::Ron, &both))?;
    assert!(export::notes(Format::Ron, &both).is_empty());
    let tenure = reloaded
        .history
        .tenures
        .iter()
        .find(|t| reloaded.person_id(t.person) == "song-ke")
        .ok_or("no tenure")?;
    assert_eq!(
        tenure.end_event.map(|e| reloaded.event_id(e)),
        Some("song-ke-leaves")
    );
    // Units founded or moved by unselected events still exist: `xiami` is placed under
    // `ali-music` by the founding event, and acquired in 2013 by an event left out.
    assert!(reloaded.unit("xiami").is_some() && reloaded.unit("alibaba-group").is_some());
    Ok(())
}
