//! End to end: the real binary in a pseudo-terminal (portable-pty), its screen read back through
//! a terminal emulator (vt100). Types `/gao`, sees Gao Xiaosong, presses Enter, `?`, Esc and `q`,
//! and checks the screen at each step, the exit status, and that the terminal was restored (main
//! screen, cursor shown, mouse released). Also drives the mouse, checks `NO_COLOR`, and checks
//! the app refuses to start without a terminal. Every wait polls the screen with a timeout; none
//! sleeps blindly (see `tui_support::pty`).

mod tui_support;

use tui_support::pty::{Result, Session};
use vt100::MouseProtocolMode;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tui-mini.ron");

#[test]
fn search_jump_help_and_quit_in_a_real_terminal() -> Result {
    let mut app = Session::start(&["--data", FIXTURE], 100, 30)?;
    app.wait_for("the first frame", |s| {
        let text = s.contents();
        s.alternate_screen() && text.contains("1/13") && text.contains("Alibaba acquires Xiami")
    })?;
    eprintln!("first frame after {:?}", app.started.elapsed());
    assert_ne!(
        app.parser.screen().mouse_protocol_mode(),
        MouseProtocolMode::None,
        "mouse captured"
    );

    // Each wait names everything the step must show, so a half-drawn frame never passes.
    app.send("/gao")?;
    app.wait_for_all(&["/ gao", "Gao Xiaosong (高晓松)", "Search"], &[])?;

    app.send("\r")?;
    app.wait_for_all(
        &[
            "Timeline: Gao Xiaosong (高晓松)",
            "Alibaba founds Ali Music Group",
            "1/2",
        ],
        &["Alibaba acquires Xiami", "/ gao"],
    )?;

    app.send("?")?;
    app.wait_for_all(&["Keys (Esc closes)", "Shift-Tab"], &[])?;

    app.send("\x1b")?;
    app.wait_for_all(&["Timeline: Gao Xiaosong"], &["Keys (Esc closes)"])?;

    app.send("q")?;
    let code = app.finish()?;
    assert_eq!(code, 0, "screen:\n{}", app.screen());
    let screen = app.parser.screen();
    assert!(!screen.alternate_screen(), "left the alternate screen");
    assert!(!screen.hide_cursor(), "cursor shown again");
    assert_eq!(
        screen.mouse_protocol_mode(),
        MouseProtocolMode::None,
        "mouse released"
    );
    Ok(())
}

#[test]
fn the_mouse_scrolls_and_selects_and_ctrl_c_quits() -> Result {
    let mut app = Session::start(&["--data", FIXTURE, "tui"], 100, 30)?;
    app.wait_for_text("1/13")?;
    // SGR mouse reports, 1-based: wheel down over the timeline, then a left click on row 7
    // (the list's fourth line, under the border and the two rows of the time axis: 2008, Xiami
    // launches, 2013, Alibaba acquires Xiami).
    app.send("\x1b[<65;10;10M")?;
    app.wait_for_text("4/13")?;
    app.send("\x1b[<0;10;7M\x1b[<0;10;7m")?;
    app.wait_for_text("2/13")?;
    app.send("\x03")?;
    assert_eq!(app.finish()?, 0);
    assert!(!app.parser.screen().alternate_screen());
    Ok(())
}

/// Whether any cell on screen has a foreground or background colour.
fn coloured(screen: &vt100::Screen) -> bool {
    let (rows, cols) = screen.size();
    (0..rows.get()).any(|row| {
        (0..cols.get()).any(|col| {
            screen.cell(row, col).is_some_and(|cell| {
                cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
            })
        })
    })
}

#[test]
fn no_color_turns_every_colour_off() -> Result {
    for no_color in [false, true] {
        let mut app = Session::start_with(&["--data", FIXTURE], 100, 30, no_color)?;
        app.wait_for_all(&["1/13", "Alibaba acquires Xiami", "? help"], &[])?;
        app.send("/gao")?;
        app.wait_for_all(&["/ gao", "Gao Xiaosong (高晓松)"], &[])?;
        assert_eq!(
            coloured(app.parser.screen()),
            !no_color,
            "NO_COLOR set: {no_color}"
        );
        app.send("\x03")?;
        assert_eq!(app.finish()?, 0);
    }
    Ok(())
}

#[test]
fn without_a_terminal_the_app_says_what_to_use_instead() -> Result {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_ali-timeline"))
        .args(["--data", FIXTURE, "tui"])
        .stdin(std::process::Stdio::null())
        .output()?;
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr)?;
    assert!(stderr.contains("needs a terminal"), "{stderr}");
    assert!(stderr.contains("ali-timeline list"), "{stderr}");
    assert!(output.stdout.is_empty(), "nothing drawn into a pipe");
    Ok(())
}
