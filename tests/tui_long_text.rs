//! Text as long as the store's limits allow costs what is shown: a selected event with a
//! megabyte title and a multi-megabyte summary draws, scrolls and moves like any other; the
//! title is cut with `…` in the timeline, and the detail pane shows the summary's beginning with
//! a note saying it was cut and how long it is (exports keep it whole). The keystroke latency at
//! 30 MiB is measured by `examples/keystroke_latency.rs`, not here.

mod tui_support;

use ali_timeline::timeline;
use ali_timeline::tui::app::App;
use ratatui::crossterm::event::KeyCode;
use tui_support::{MINI, press, screen};

/// The fixture with the first event's title and summary blown up to `title` and `summary` bytes.
fn long_store(title: usize, summary: usize) -> String {
    let text = std::fs::read_to_string(MINI).expect("the fixture is readable");
    let big_title = "A very long title ".repeat(title / 18);
    let big_summary = "Xiami grows from a file-sharing site. ".repeat(summary / 38);
    text.replacen(
        "title: \"Xiami launches as a music-sharing site\"",
        &format!("title: \"{big_title}\""),
        1,
    )
    .replacen(
        "summary: \"Xiami starts in Hangzhou",
        &format!("summary: \"{big_summary}Xiami starts in Hangzhou"),
        1,
    )
}

#[test]
fn a_huge_title_and_summary_are_shown_cut_with_a_note() {
    let text = long_store(1 << 20, 4 << 20);
    let t = timeline::load_str("long.ron", &text).expect("the long store loads");
    let mut app = App::new(&t, 120, 40);
    let shown = screen(&app);
    assert!(
        shown.contains("A very long title A very long title"),
        "{shown}"
    );
    assert!(
        shown.contains('…'),
        "the title is cut with an ellipsis:\n{shown}"
    );
    // Scroll to the end of the detail pane: the note closes the cut summary.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::End);
    let end = screen(&app);
    assert!(end.contains("The summary is cut here"), "{end}");
    assert!(end.contains("bytes long"), "{end}");
    // Moving on and back works as for any event.
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::Char('j'));
    assert!(screen(&app).contains("2/13"));
    press(&mut app, KeyCode::Char('k'));
    assert!(screen(&app).contains("1/13"));
}

#[test]
fn the_detail_of_a_huge_summary_is_bounded() {
    let text = long_store(64, 4 << 20);
    let t = timeline::load_str("long.ron", &text).expect("the long store loads");
    let app = App::new(&t, 120, 40);
    let lines = app.detail_lines(60);
    // 20,000 characters at 60 columns is about 350 lines; the whole summary would be ~70,000.
    assert!(lines.len() < 600, "{} lines", lines.len());
    assert!(lines.len() > 300, "{} lines", lines.len());
}
