//! End to end, in a pseudo-terminal with the real binary: a query filtered by and saved in the
//! app survives a restart (`XDG_CONFIG_HOME` and `XDG_STATE_HOME` pointed at temporary folders):
//! the search history recalls it with Alt-↑, the saved-queries list applies it, and
//! `ali-timeline list --saved NAME` prints the same events the timeline shows. Every wait polls
//! the screen with a timeout (see `tui_support::pty`).

mod tui_support;

use std::path::Path;

use portable_pty::CommandBuilder;
use tui_support::pty::{Result, Session};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tui-mini.ron");
const QUERY: &str = "kind:acq @2013..2014";

/// The app on the fixture store with its config and state folders under `home`.
fn start(home: &Path) -> Result<Session> {
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_ali-timeline"));
    command.args(["--data", FIXTURE]);
    command.env("XDG_CONFIG_HOME", home.join("config"));
    command.env("XDG_STATE_HOME", home.join("state"));
    command.env("NO_COLOR", "1");
    let mut app = Session::spawn(command, 160, 40)?;
    app.wait_for_all(&["1/13", "Alibaba acquires Xiami"], &[])?;
    Ok(app)
}

fn quit(app: &mut Session) -> Result {
    app.send("q")?;
    let code = app.finish()?;
    assert_eq!(code, 0, "screen:\n{}", app.screen());
    Ok(())
}

#[test]
fn a_query_saved_in_the_app_survives_a_restart_and_lists_the_same_events() -> Result {
    let home = tempfile::tempdir()?;
    let listed = assert_cmd::Command::cargo_bin("ali-timeline")?
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("ALI_TIMELINE_CACHE", "off")
        .args(["--data", FIXTURE, "list", QUERY])
        .output()?;
    let expected = String::from_utf8(listed.stdout)?;
    let count = expected.lines().count();
    assert!(count > 1, "the query selects some events: {expected}");
    let in_status = format!("/{count} · {QUERY}");

    let mut app = start(home.path())?;
    app.send(&format!("/{QUERY}"))?;
    app.wait_for_text(&format!("/ {QUERY}"))?;
    app.send("\x06")?; // Ctrl-F: filter by the query
    app.wait_for_all(&[&in_status], &[&format!("/ {QUERY}")])?;
    app.send("m")?;
    app.wait_for_text(&format!("Save {QUERY} as:"))?;
    app.send("early deals\r")?;
    app.wait_for_all(&["saved `early deals`", "early deals  kind:acq"], &[])?;
    app.send("\x1b")?;
    app.wait_for_all(&[&in_status], &["Saved queries"])?;
    quit(&mut app)?;

    let mut app = start(home.path())?;
    app.send("/")?;
    app.wait_for_text("Type to search")?;
    app.send("\x1b[1;3A")?; // Alt-↑: the query searched before
    app.wait_for_text(&format!("/ {QUERY}"))?;
    app.send("\x1b")?;
    app.wait_for_all(&["1/13"], &["Type to search", &format!("/ {QUERY}")])?;
    app.send("M")?;
    app.wait_for_text(&format!("early deals  {QUERY}"))?;
    app.send("\r")?;
    app.wait_for_all(&[&in_status], &["Saved queries"])?;
    let screen = app.screen();
    for line in expected.lines() {
        let title: String = line[12..].chars().take(20).collect();
        assert!(screen.contains(&title), "{title} not shown:\n{screen}");
    }
    quit(&mut app)?;

    let by_name = assert_cmd::Command::cargo_bin("ali-timeline")?
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("ALI_TIMELINE_CACHE", "off")
        .args(["--data", FIXTURE, "list", "--saved", "early deals"])
        .output()?;
    assert!(by_name.status.success());
    assert_eq!(String::from_utf8(by_name.stdout)?, expected);
    Ok(())
}
