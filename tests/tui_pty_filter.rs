//! End to end with the real binary and the bundled store in a pseudo-terminal: type
//! `/kind:acq @2016` and press Ctrl-F — the timeline holds every 2016 acquisition and no other
//! event (as the library's `filter_events`, which `list --query` uses, finds them) and the filter
//! line shows the count; `e` exports exactly those events with the query recorded; Ctrl-O goes back
//! to the selection before the filter. Every wait polls the screen with a timeout.

mod tui_support;

use tui_support::pty::{Result, Session};

const QUERY: &str = "kind:acq @2016";

#[test]
fn ctrl_f_filters_e_exports_them_and_ctrl_o_goes_back() -> Result {
    let t = ali_timeline::timeline::load_bundled()?;
    let total = t.events().len();
    let expected = ali_timeline::query::filter_events(&t, QUERY)?;
    assert!(
        !expected.is_empty() && expected.len() < 30,
        "the 2016 acquisitions fit on screen: {}",
        expected.len()
    );
    let dir = tempfile::tempdir()?;
    let mut app = Session::start_in(dir.path(), &[], 120, 40)?;
    app.wait_for_text(&format!("1/{total}"))?;
    app.send("jjj")?;
    app.wait_for_text(&format!("4/{total} "))?;
    let before = t
        .event_at(t.events().nth(3).expect("a fourth event").0)
        .title
        .clone();

    app.send(&format!("/{QUERY}"))?;
    app.wait_for_all(&[&format!("/ {QUERY}"), "result", "Ctrl-F filter"], &[])?;
    app.send("\x06")?; // Ctrl-F
    let count = format!("{QUERY} · {} of {total} events", expected.len());
    app.wait_for_all(
        &[&count, &format!("/{} ", expected.len())],
        &["Ctrl-F filter"],
    )?;
    let screen = app.screen();
    for &ix in &expected {
        let title: String = t.event_at(ix).title.chars().take(40).collect();
        assert!(screen.contains(&title), "{title} is listed:\n{screen}");
    }
    assert!(
        !screen.contains(&before),
        "{before} is filtered out:\n{screen}"
    );

    app.send("e")?;
    let file = "ali-timeline-kind-acq-2016.csv";
    let events = match expected.len() {
        1 => "1 event".to_string(),
        n => format!("{n} events"),
    };
    app.wait_for_all(&[&format!("Export {events}"), file], &[])?;
    app.send("J")?; // json records the query
    app.wait_for_text("ali-timeline-kind-acq-2016.json")?;
    app.send("\r")?;
    app.wait_for_all(&[&format!("wrote {events} to")], &["Writing"])?;
    app.send("\x1b")?;
    app.wait_for_all(&[&count], &["Export"])?;

    app.send("\x0f")?; // Ctrl-O
    app.wait_for_all(&[&format!("4/{total} ")], &[&count])?;
    assert!(
        app.screen().contains(&before),
        "back on the event selected before"
    );

    app.send("q")?;
    assert_eq!(app.finish()?, 0, "screen:\n{}", app.screen());

    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(
        dir.path().join("ali-timeline-kind-acq-2016.json"),
    )?)?;
    assert_eq!(json["meta"]["query"], QUERY);
    let ids: Vec<&str> = json["events"]
        .as_array()
        .ok_or("an events array")?
        .iter()
        .filter_map(|e| e["id"].as_str())
        .collect();
    let expected_ids: Vec<&str> = expected.iter().map(|&ix| t.event_id(ix)).collect();
    assert_eq!(
        ids, expected_ids,
        "exactly the filtered events, in date order"
    );
    Ok(())
}
