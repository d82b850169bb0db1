//! End to end: input that arrives all at once never stalls the app. A burst of 5,000 keys, a
//! 3 KB paste into the search box and 300 wheel events are followed by `q`, and the app must
//! quit (the real binary in a pseudo-terminal; every wait polls with a timeout).

mod tui_support;

use tui_support::pty::{Result, Session};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tui-mini.ron");

/// Starts the app on the small fixture and waits for its first frame.
fn started() -> Result<Session> {
    let mut app = Session::start(&["--data", FIXTURE], 100, 30)?;
    app.wait_for_all(&["1/13", "Alibaba acquires Xiami"], &[])?;
    Ok(app)
}

/// Sends `q` and checks the app ends normally with the terminal restored.
fn quits(mut app: Session) -> Result {
    app.send("q")?;
    let code = app.finish()?;
    assert_eq!(code, 0, "screen:\n{}", app.screen());
    assert!(!app.parser.screen().alternate_screen(), "main screen again");
    Ok(())
}

#[test]
fn a_burst_of_five_thousand_keys_is_read_to_the_end() -> Result {
    let mut app = started()?;
    app.send(&"j".repeat(5_000))?;
    // The last event is selected once every `j` was read.
    app.wait_for_all(&["13/13"], &[])?;
    quits(app)
}

#[test]
fn a_three_kilobyte_paste_goes_into_the_search_box_in_one_piece() -> Result {
    let mut app = started()?;
    app.send("/")?;
    app.wait_for_all(&["Search"], &[])?;
    let line = "gao xiaosong song ke ali music ".repeat(10);
    let pasted = format!("{line}\n").repeat(10);
    assert!(pasted.len() > 3_000);
    app.send(&format!("\x1b[200~{pasted}\x1b[201~"))?;
    // The paste arrives whole, its line breaks turned into spaces, and is searched once: the
    // input shows its end, and no pasted letter was read as a key.
    app.wait_for_all(
        &["ke ali music gao xiaosong song ke ali music", "2 results"],
        &[],
    )?;
    app.send("\x1b")?;
    app.wait_for_all(&["1/13"], &["/ gao"])?;
    quits(app)
}

#[test]
fn a_paste_while_browsing_is_ignored() -> Result {
    let mut app = started()?;
    // Were the paste read as keys, `G` would select the last event and `q` would quit.
    app.send("\x1b[200~Gq\x1b[201~")?;
    app.send("j")?;
    app.wait_for_all(&["2/13"], &[])?;
    quits(app)
}

#[test]
fn three_hundred_wheel_events_are_read_to_the_end() -> Result {
    let mut app = started()?;
    // SGR mouse reports: wheel down over the timeline pane.
    app.send(&"\x1b[<65;5;5M".repeat(300))?;
    app.wait_for_all(&["13/13"], &[])?;
    quits(app)
}

#[test]
fn keys_typed_while_an_export_writes_do_not_touch_the_dialog() -> Result {
    let dir = tempfile::tempdir()?;
    let mut app = Session::start_in(dir.path(), &["--data", FIXTURE], 100, 30)?;
    app.wait_for_all(&["1/13", "e export"], &[])?;
    app.send("e\t")?;
    app.wait_for_all(&["Export 13 events", "ali-timeline-all.csv"], &[])?;
    // Enter starts the write; the keys after it arrive while it runs, and are dropped rather
    // than typed into the path once it is done.
    app.send("\rxyz")?;
    app.wait_for_all(
        &["wrote 13 events to", "ali-timeline-all.csv"],
        &["Writing"],
    )?;
    assert!(!app.screen().contains("xyz"), "screen:\n{}", app.screen());
    app.send("\x1b")?;
    app.wait_for_all(&["1/13"], &["Export 13 events"])?;
    quits(app)
}
