//! The terminal app against hostile data, and after a panic:
//!
//! - hostile store text (escape sequences, bidi overrides, zero-width characters) and hostile
//!   typing never reach a cell raw — in the timeline, the detail pane (event, person, unit), the
//!   org chart, the search overlay and its errors, the help, the status bar and the date input,
//!   at four sizes;
//! - a panic restores the terminal: `examples/panic_restore.rs` sets the terminal up with the
//!   app's own [`ali_timeline::tui::init`] and panics, in a pseudo-terminal.
//!
//! Random action sequences and sizes up to 300×100 are in `robust_tui_fuzz.rs`.

mod tui_support;

use std::path::{Path, PathBuf};

use ali_timeline::Timeline;
use ali_timeline::tui::app::{App, Mode};
use portable_pty::CommandBuilder;
use ratatui::crossterm::event::KeyCode;
use tui_support::pty::{Result, Session};
use tui_support::{Step, assert_cells_safe, buffer_text, fixture, play, render};
use vt100::MouseProtocolMode;

/// Queries a user might type into the search: the hostile names, and hostile text itself.
const QUERIES: [&str; 8] = [
    "evil",
    "mallory",
    "corp",
    "坏人",
    "\u{1b}[2J",
    "\u{202e}evil\u{200b}",
    "kind:\u{1b}]0;x\u{7}",
    "@2015 person:\u{9b}31m",
];

/// Every state to check in `t`, as the steps that reach it from a fresh app: each pane focused
/// and scrolled, every org chart line opened, every query typed and each of its results opened,
/// the help, and the date input (typing, rejected, accepted).
fn scripts(t: &Timeline) -> Vec<Vec<Step>> {
    use KeyCode::{Down, End, Enter, Esc, Tab};
    use Step::{Press, Repeat, Type};
    let mut scripts = vec![
        vec![],
        vec![Press(End)],
        vec![Press(Tab)],
        vec![Press(Tab), Press(End)],
        vec![Repeat(Tab, 2)],
        vec![Repeat(Tab, 2), Press(End)],
        vec![Type("?")],
        vec![Type("?"), Press(End)],
        vec![Type("a\u{1b}[31m2015\u{202e}")],
        vec![Type("a\u{1b}[31m2015\u{202e}"), Press(Enter)],
        vec![Type("a2016"), Press(Enter)],
        vec![Type("a2016"), Press(Enter), Press(Enter), Press(Tab)],
    ];
    let org_lines = App::new(t, 120, 40).org_lines().len();
    for line in 0..org_lines {
        scripts.push(vec![Repeat(Tab, 2), Repeat(Down, line), Press(Enter)]);
        scripts.push(vec![
            Repeat(Tab, 2),
            Repeat(Down, line),
            Press(Enter),
            Press(Tab),
        ]);
    }
    for query in QUERIES {
        let search = [Type("/"), Type(query)];
        scripts.push(search.to_vec());
        let mut app = App::new(t, 120, 40);
        play(&mut app, &search);
        let hits = match &app.mode {
            Mode::Search(s) => s.hits.len(),
            _ => 0,
        };
        for hit in 0..hits {
            let mut open = search.to_vec();
            open.extend([Repeat(Down, hit), Press(Enter)]);
            scripts.push(open.clone());
            open.extend([Press(Tab), Press(End)]);
            scripts.push(open.clone());
            open.extend([Press(Esc), Press(Esc)]);
            scripts.push(open);
        }
    }
    scripts
}

/// Draws every state of [`scripts`] at four sizes, checks every cell, and returns the text of
/// every screen at the widest size.
fn check_every_pane(t: &Timeline, name: &str) -> String {
    let mut wide = String::new();
    for script in scripts(t) {
        for (width, height) in [(120, 40), (80, 24), (40, 12), (20, 5)] {
            let mut app = App::new(t, width, height);
            play(&mut app, &script);
            let buffer = render(&app);
            assert_cells_safe(
                &buffer,
                &format!("{name} at {width}×{height} after {script:?}"),
            );
            if width == 120 {
                wide.push_str(&buffer_text(&buffer));
            }
        }
    }
    wide
}

#[test]
fn hostile_text_never_reaches_a_pane_an_overlay_or_the_status_bar() {
    // The words around the hostile characters are shown, so each pane really drew the text.
    let stores: [(&str, &[&str]); 3] = [
        (
            "hostile.ron",
            &[
                "Mallory ]0;pwned Evil (坏人)", // person: detail, search, status filter
                "[2J[HEvil Corp",               // unit: detail, org chart, search
                "[31mRed[0m title desrever withzero width", // event title
                "31mPub",                       // source publisher, in the detail pane
                "https://example.com/[5m",      // source URL
                "[1mtag",                       // tag
                "also =cmd|' /C calc'!A0",      // unit alias, in the unit's detail
                "/ [2J",                        // typed into the search
                "unknown kind `]0;x`",          // the query error
                "Org chart as of: [31m2015",    // typed into the date input
                "as of 2016",                   // the pinned date in the status bar
                "Keys (Esc closes)",            // the help
            ],
        ),
        (
            "org-hostile.ron",
            &[
                "chief[5m officer: Evil[2J Person (坏人)", // org chart role
                "Evil]0;pwned Unit",                       // org chart unit
                "New31m Name",                             // renamed unit
                "Rename",                                  // event title
            ],
        ),
        (
            "query-hostile.ron",
            &["Mallory ]0;pwnedEvil (坏人)", "Line one", "line two"],
        ),
    ];
    for (name, words) in stores {
        let t = fixture(name);
        let screens = check_every_pane(&t, name);
        for word in words {
            assert!(screens.contains(word), "{name}: no screen shows {word:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The terminal after a panic.

/// The `panic_restore` example, brought up to date by cargo (a full `cargo test` builds the
/// examples anyway; `cargo test --test robust_tui` alone does not).
fn panic_example() -> Result<PathBuf> {
    let exe = std::env::current_exe()?; // target/PROFILE/deps/robust_tui-HASH
    let profile = exe
        .parent()
        .and_then(Path::parent)
        .ok_or("the test runs from target/PROFILE/deps")?;
    let mut cargo = std::process::Command::new(env!("CARGO"));
    cargo.args([
        "build",
        "--quiet",
        "--example",
        "panic_restore",
        "--manifest-path",
    ]);
    cargo.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"));
    match profile.file_name().and_then(|n| n.to_str()) {
        Some("debug") | None => {}
        Some(other) => {
            cargo.args(["--profile", other]);
        }
    }
    let status = cargo.status()?;
    if !status.success() {
        return Err(format!("building the panic_restore example failed: {status}").into());
    }
    Ok(profile.join("examples").join("panic_restore"))
}

#[test]
fn a_panic_restores_the_terminal_before_the_message_is_printed() -> Result {
    let mut command = CommandBuilder::new(panic_example()?);
    command.env("RUST_BACKTRACE", "0");
    let mut app = Session::spawn(command, 80, 24)?;
    app.wait_for("the example's frame", |s| {
        s.alternate_screen()
            && s.contents().contains("Press a key to panic.")
            && s.mouse_protocol_mode() != MouseProtocolMode::None
    })?;
    app.send("x")?;
    assert_eq!(
        app.finish()?,
        101,
        "a panic's exit code; screen:\n{}",
        app.screen()
    );
    let screen = app.parser.screen();
    assert!(!screen.alternate_screen(), "back on the main screen");
    assert!(!screen.hide_cursor(), "cursor shown again");
    assert_eq!(
        screen.mouse_protocol_mode(),
        MouseProtocolMode::None,
        "mouse released"
    );
    // The message is on the main screen (so it was printed after leaving the alternate one),
    // and its second line starts at the left edge (so raw mode was off: `\n` moved to column 0).
    let text = screen.contents();
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| {
            l.starts_with("thread 'main'") && l.contains("panicked at examples/panic_restore.rs")
        })
        .ok_or_else(|| format!("no panic message on the main screen:\n{text}"))?;
    assert_eq!(
        lines.get(at + 1).copied(),
        Some("a deliberate panic from examples/panic_restore.rs"),
        "{text}"
    );
    Ok(())
}
