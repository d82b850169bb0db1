//! Hostile text — escape sequences (CSI, OSC), C1 controls, bidi overrides, zero-width
//! characters, spreadsheet formulas, HTML and Markdown — is kept as data but escaped by each
//! format's rules: nothing raw reaches a terminal, a spreadsheet, a browser or a renderer.
//! The fixture's `hostile` event carries all of it; a property test throws arbitrary text at
//! every format.

mod export_support;

use ali_timeline::export::{self, Format, Selection};
use ali_timeline::store::model::{Event, EventKind, Source, Store};
use export_support::{export, load, mini, raw_hidden};
use proptest::prelude::*;
use serde_json::Value;

const TITLE: &str =
    "=cmd|' /C calc'!A0 \u{1b}[31mRED\u{1b}[0m <script>alert('x')</script> \u{202e}txt.exe\u{200b}";
const SHOWN: &str = "=cmd|' /C calc'!A0 <U+001B>[31mRED<U+001B>[0m <script>alert('x')</script> <U+202E>txt.exe<U+200B>";

#[test]
fn no_format_lets_a_raw_control_bidi_or_zero_width_character_through() {
    let timeline = mini();
    let selection = Selection::all(&timeline);
    for format in Format::ALL {
        let text = export(format, &selection);
        assert_eq!(
            raw_hidden(&text),
            None,
            "{} lets a hidden character through",
            format.name()
        );
    }
}

/// The names of the HTML elements in `html`, in order.
fn tags(html: &str) -> Vec<String> {
    html.match_indices('<')
        .filter_map(|(i, _)| {
            let name: String = html[i + 1..]
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
                .collect();
            (!name.is_empty()).then(|| name.to_ascii_lowercase())
        })
        .collect()
}

#[test]
fn html_has_only_its_own_markup_no_script_and_no_outside_resource() {
    let timeline = mini();
    let html = export(Format::Html, &Selection::all(&timeline));
    let allowed = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "header", "h1", "p", "main",
        "section", "h2", "article", "time", "span", "h3", "dl", "dt", "dd", "ol", "li", "a",
        // The inline picture.
        "figure", "svg", "desc", "rect", "text", "g", "line", "circle",
    ];
    for tag in tags(&html) {
        assert!(
            allowed.contains(&tag.as_str()),
            "unexpected element <{tag}>"
        );
    }
    for banned in ["src=", "@import", "url(", "<link", "href=\"javascript"] {
        assert!(!html.contains(banned), "found {banned}");
    }
    assert!(html.contains(&format!(
            "<h3>{}</h3>",
            SHOWN
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('\'', "&#39;")
        )));
    assert!(html.contains("Content-Security-Policy"));
    assert!(html.contains("@media print"));
}

#[test]
fn markdown_escapes_every_markup_character_of_the_hostile_event() {
    let timeline = mini();
    let md = export(Format::Md, &Selection::all(&timeline));
    let section = &md[md.find("## 2014").unwrap()..md.find("## 2015").unwrap()];
    // Take out the markup the exporter writes itself; everything else came from the store.
    let text = section
        .replacen("*legal*", "", 1)
        .replacen("*Note:*", "", 1)
        .replacen("### ", "", 1);
    let text = text.replacen("## 2014", "", 1);
    for (i, c) in text.char_indices() {
        if matches!(
            c,
            '<' | '>' | '[' | ']' | '`' | '*' | '_' | '#' | '|' | '&' | '~'
        ) {
            assert!(
                text[..i].ends_with('\\'),
                "unescaped {c:?} before: {}",
                &text[i..]
            );
        }
    }
    for line in [
        "\\# not a heading",
        "\\* not a list",
        "1\\. not ordered",
        "\\+SUM(1,2) and -2, @me",
    ] {
        assert!(md.lines().any(|l| l == line), "missing escaped line {line}");
    }
    assert!(
        md.lines().all(|l| !l.starts_with("    ")),
        "an indented line would render as code"
    );
    assert!(
        !md.replace("\\](", "").contains("](javascript"),
        "a javascript: link was made"
    );
}

#[test]
fn csv_neutralises_every_cell_a_spreadsheet_would_run() -> Result<(), csv::Error> {
    let timeline = mini();
    let text = export(Format::Csv, &Selection::all(&timeline));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut neutralised = 0;
    for record in reader.records() {
        for cell in &record? {
            let first = cell.trim_start().chars().next();
            assert!(
                !matches!(first, Some('=' | '+' | '-' | '@')) && !cell.starts_with('\t'),
                "cell would run as a formula: {cell:?}"
            );
            neutralised += usize::from(cell.starts_with('\''));
        }
    }
    // The hostile event's title, summary, person, unit and tags all start with a trigger.
    assert_eq!(neutralised, 5);
    assert!(text.contains(&format!("'{SHOWN}")));
    Ok(())
}

#[test]
fn ics_escapes_text_so_the_parser_reads_the_visible_form() -> Result<(), String> {
    let timeline = mini();
    let text = export(Format::Ics, &Selection::all(&timeline));
    let calendar: icalendar::Calendar = text.parse()?;
    let summary = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .find(|e| icalendar::Component::get_uid(*e) == Some("hostile@ali-timeline"))
        .and_then(|e| icalendar::Component::get_summary(e).map(str::to_string))
        .ok_or("no hostile VEVENT")?;
    assert_eq!(summary, SHOWN);
    assert!(
        text.contains("+SUM(1\\,2) and -2\\, @me\\n# not a heading"),
        "TEXT escapes"
    );
    Ok(())
}

#[test]
fn json_timelinejs_and_ron_keep_the_exact_text_escaped() -> Result<(), Box<dyn std::error::Error>> {
    let timeline = mini();
    let selection = Selection::all(&timeline);
    let json: Value = serde_json::from_str(&export(Format::Json, &selection))?;
    let hostile = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "hostile")
        .unwrap();
    assert_eq!(hostile["title"], TITLE, "JSON keeps the text exactly");
    assert!(export(Format::Json, &selection).contains("\\u202etxt.exe\\u200b"));

    let tl: Value = serde_json::from_str(&export(Format::Timelinejs, &selection))?;
    let slide = tl["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["unique_id"] == "hostile")
        .unwrap();
    let headline = slide["text"]["headline"].as_str().unwrap();
    assert!(
        headline.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        "{headline}"
    );
    assert!(
        !slide["text"]["text"]
            .as_str()
            .unwrap()
            .contains("javascript:alert(document")
    );

    let ron = export(Format::Ron, &selection);
    assert!(ron.contains(r"\u{1b}[31mRED\u{1b}[0m"));
    let reloaded = ali_timeline::timeline::load_str("hostile.ron", &ron)?;
    assert_eq!(reloaded.event("hostile").unwrap().title, TITLE);
    Ok(())
}

/// A one-event store whose title and summary are `title` and `summary`.
fn store_with(title: &str, summary: &str) -> String {
    let store = Store {
        sources: vec![Source {
            id: "s".into(),
            seed: Some("001".into()),
            about: None,
            title: None,
            publisher: None,
            date: None,
            url: None,
        }],
        events: vec![Event {
            id: "e".into(),
            date: "2015-07".parse().unwrap(),
            end: None,
            title: title.into(),
            summary: summary.into(),
            kind: EventKind::Launch,
            people: vec![],
            units: vec![],
            tags: vec![],
            sources: vec!["s".into()],
            effects: vec![],
            note: None,
        }],
        ..Store::default()
    };
    ron::to_string(&store).unwrap()
}

/// Arbitrary text leaning on the characters that matter: controls, bidi, zero-width, markup,
/// CSV and iCalendar specials, CJK and emoji.
fn text() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        '\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{200b}', '\r', '\n', '\t', '=', '+', '-', '@',
        '<', '>', '&', '"', '\'', ',', ';', '\\', '#', '*', '[', ']', '`', '高', '🎵', 'é',
    ]);
    prop::collection::vec(prop_oneof![special, any::<char>()], 1..120)
        .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_escaped_in_every_format_and_kept_where_the_format_can(title in text(), summary in text()) {
        // The store refuses a title that shows as nothing (blank once hidden characters go).
        prop_assume!(!ali_timeline::text::sanitize(&title).trim().is_empty());
        let timeline = load(&store_with(&title, &summary));
        let selection = Selection::all(&timeline);
        for format in Format::ALL {
            let out = export(format, &selection);
            prop_assert_eq!(raw_hidden(&out), None, "{}", format.name());
        }
        let json: Value = serde_json::from_str(&export(Format::Json, &selection)).unwrap();
        prop_assert_eq!(json["events"][0]["title"].as_str(), Some(title.as_str()));
        prop_assert_eq!(json["events"][0]["summary"].as_str(), Some(summary.as_str()));

        let csv_text = export(Format::Csv, &selection);
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        let expected = export::csv::cell_text(&title);
        prop_assert_eq!(&record[5], expected.as_str());

        let ics = export(Format::Ics, &selection);
        prop_assert!(ics.split("\r\n").all(|l| l.len() <= 75 && !l.contains(['\r', '\n'])));
        prop_assert!(ics.parse::<icalendar::Calendar>().is_ok());

        let html = export(Format::Html, &selection);
        let body = &html[html.find("<h3>").unwrap() + 4..html.find("</h3>").unwrap()];
        prop_assert!(!body.contains(['<', '>', '"']), "{}", body);

        let reloaded = ali_timeline::timeline::load_str("p.ron", &export(Format::Ron, &selection)).unwrap();
        prop_assert_eq!(&reloaded.store, &timeline.store);
    }
}
