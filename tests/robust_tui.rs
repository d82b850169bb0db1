//! The terminal app against hostile data and hostile use:
//!
//! - hostile store text (escape sequences, bidi overrides, zero-width characters) and hostile
//!   typing never reach a cell raw — in the timeline, the detail pane (event, person, unit), the
//!   org chart, the search overlay and its errors, the help, the status bar and the date input,
//!   at four sizes;
//! - random action sequences (every [`Action`] variant, any character typed, resizes to any size
//!   up to 300×100, clicks and wheel anywhere) never panic, and every frame after every step
//!   draws without panicking and without an unsafe character;
//! - every size up to 300×100 draws (`tui_sizes.rs` covers every size up to 120×40; this covers
//!   the rest: every size along the narrow and short edges, a stride over the middle, the full
//!   width and the full height, and every state at the four corners);
//! - a panic restores the terminal: `examples/panic_restore.rs` sets the terminal up with the
//!   app's own [`ali_timeline::tui::init`] and panics, in a pseudo-terminal.

mod tui_support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ali_timeline::Timeline;
use ali_timeline::text::is_unsafe;
use ali_timeline::tui::action::Action;
use ali_timeline::tui::app::{App, Mode};
use ali_timeline::tui::update::update;
use ali_timeline::tui::view;
use portable_pty::CommandBuilder;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use tui_support::pty::{Result, Session};
use tui_support::{buffer_text, press, type_keys};
use vt100::MouseProtocolMode;

/// A fixture store under `tests/fixtures/`.
fn fixture(name: &str) -> Timeline {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    ali_timeline::store::load_file(&path).expect("the fixture store loads")
}

/// Draws `app` into a buffer of its own size.
fn draw(app: &App<'_>) -> Buffer {
    let mut buffer = Buffer::empty(app.size);
    view::render(app, app.size, &mut buffer);
    buffer
}

/// Fails, naming the cell and showing the screen, if a cell holds a control, bidi or
/// zero-width character.
fn assert_cells_safe(buffer: &Buffer, what: &str) {
    for (i, cell) in buffer.content.iter().enumerate() {
        let symbol = cell.symbol();
        if let Some(c) = symbol.chars().find(|&c| is_unsafe(c)) {
            let (x, y) = buffer.pos_of(i);
            panic!(
                "{what}: U+{:04X} in cell ({x}, {y}):\n{}",
                c as u32,
                buffer_text(buffer)
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Hostile text in every pane.

/// One user step: keys through the keymap.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// Type each character as a key press (in an input, any character is typed as it is).
    Type(&'static str),
    /// Press one key.
    Press(KeyCode),
    /// Press a key this many times.
    Repeat(KeyCode, usize),
}

fn play(app: &mut App<'_>, steps: &[Step]) {
    for step in steps {
        match *step {
            Step::Type(text) => type_keys(app, text),
            Step::Press(code) => press(app, code),
            Step::Repeat(code, n) => (0..n).for_each(|_| press(app, code)),
        }
    }
}

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
            let buffer = draw(&app);
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
// Random action sequences.

/// The stores the random sequences run against: the bundled one and the hostile one.
fn stores() -> &'static [Timeline; 2] {
    static STORES: std::sync::OnceLock<[Timeline; 2]> = std::sync::OnceLock::new();
    STORES.get_or_init(|| {
        [
            ali_timeline::store::load_bundled().expect("the bundled store loads"),
            fixture("hostile.ron"),
        ]
    })
}

/// The variants without fields, all of them.
const PLAIN: [Action; 17] = [
    Action::Up,
    Action::Down,
    Action::PageUp,
    Action::PageDown,
    Action::Top,
    Action::Bottom,
    Action::PrevYear,
    Action::NextYear,
    Action::FocusNext,
    Action::FocusPrev,
    Action::Search,
    Action::Help,
    Action::AskDate,
    Action::Confirm,
    Action::Back,
    Action::Erase,
    Action::Quit,
];

/// Which variant an action is. The match has no wildcard, so a new variant fails to compile
/// here until the generator below makes it too.
fn variant(action: Action) -> &'static str {
    match action {
        Action::Up => "Up",
        Action::Down => "Down",
        Action::PageUp => "PageUp",
        Action::PageDown => "PageDown",
        Action::Top => "Top",
        Action::Bottom => "Bottom",
        Action::PrevYear => "PrevYear",
        Action::NextYear => "NextYear",
        Action::FocusNext => "FocusNext",
        Action::FocusPrev => "FocusPrev",
        Action::Search => "Search",
        Action::Help => "Help",
        Action::AskDate => "AskDate",
        Action::Confirm => "Confirm",
        Action::Back => "Back",
        Action::Type(_) => "Type",
        Action::Erase => "Erase",
        Action::Click { .. } => "Click",
        Action::Scroll { .. } => "Scroll",
        Action::Resize { .. } => "Resize",
        Action::Quit => "Quit",
    }
}

/// Characters typed into the search and the date input: anything at all, with controls,
/// escapes, bidi and zero-width characters, CJK, and query and date syntax made likely.
fn typed() -> impl Strategy<Value = char> {
    prop_oneof![
        2 => any::<char>(),
        2 => prop::sample::select(vec![
            '\u{0}', '\u{7}', '\u{8}', '\t', '\n', '\r', '\u{1b}', '\u{7f}', '\u{9b}', '\u{202e}',
            '\u{2066}', '\u{200b}', '\u{feff}', '高', '晓', '松', '虾', '米', '音', '乐', '😀',
            '\u{301}',
        ]),
        3 => prop::sample::select(vec![
            ' ', ':', '@', '.', '!', '\'', '^', '$', '~', '-', 'g', 'a', 'o', 'k', 'i', 'n', 'd',
            'p', 'e', 'r', 's', 'u', 't', '0', '1', '2', '5', '9',
        ]),
    ]
}

/// Any action, every variant possible: movements and commands, typing, clicks and wheel
/// anywhere (also off screen), resizes to any size up to 300×100 (zero included).
fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        6 => prop::sample::select(PLAIN.to_vec()),
        4 => typed().prop_map(Action::Type),
        1 => (0u16..=310, 0u16..=110).prop_map(|(column, row)| Action::Click { column, row }),
        1 => (0u16..=310, 0u16..=110, -40i16..=40)
            .prop_map(|(column, row, lines)| Action::Scroll { column, row, lines }),
        1 => (0u16..=300, 0u16..=100).prop_map(|(width, height)| Action::Resize { width, height }),
    ]
}

/// Selections stay within what they select from.
fn assert_consistent(app: &App<'_>) {
    assert!(
        app.cursor < app.visible.len().max(1),
        "cursor {} of {}",
        app.cursor,
        app.visible.len()
    );
    assert!(
        app.visible
            .iter()
            .all(|&i| i < app.timeline.store.events.len())
    );
    if let Mode::Search(search) = &app.mode {
        assert!(search.selected < search.hits.len().max(1));
    }
}

#[test]
fn the_generator_makes_every_action_variant() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = action();
    let made: BTreeSet<&str> = (0..2000)
        .map(|_| variant(strategy.new_tree(&mut runner).unwrap().current()))
        .collect();
    let all: BTreeSet<&str> = PLAIN
        .into_iter()
        .chain([
            Action::Type('x'),
            Action::Click { column: 0, row: 0 },
            Action::Scroll {
                column: 0,
                row: 0,
                lines: 0,
            },
            Action::Resize {
                width: 0,
                height: 0,
            },
        ])
        .map(variant)
        .collect();
    assert_eq!(made, all);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_action_sequences_never_panic_and_every_frame_is_safe(
        store in 0usize..2,
        (width, height) in (0u16..=300, 0u16..=100),
        actions in prop::collection::vec(action(), 1..=50),
    ) {
        let t = &stores()[store];
        let mut app = App::new(t, width, height);
        for action in actions {
            update(&mut app, action);
            assert_consistent(&app);
            assert_cells_safe(&draw(&app), &format!("after {action:?}"));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Every size up to 300×100.

/// States drawn at the sizes below, reached by keys from a fresh app of the bundled store.
fn size_states(t: &Timeline) -> Vec<App<'_>> {
    use KeyCode::{End, Enter, Tab};
    use Step::{Press, Repeat, Type};
    let scripts: [&[Step]; 8] = [
        &[],
        &[Press(End)],
        &[Type("jjj"), Press(Tab)],
        &[Type("jjjjjj"), Repeat(Tab, 2), Type("jj")],
        &[Type("/gao")],
        &[Type("?")],
        &[Type("a2015-13"), Press(Enter)],
        &[Type("/song"), Press(Enter), Press(Tab)],
    ];
    scripts
        .iter()
        .map(|script| {
            let mut app = App::new(t, 120, 40);
            play(&mut app, script);
            app
        })
        .collect()
}

/// The sizes past 120×40 (up to 300×100) worth drawing: every size with a narrow (≤ 6 columns)
/// or short (≤ 3 rows) edge, where layouts change most; one size in every 15 columns × 10 rows
/// over the middle; every height at the full width of 300, every third width at the full height
/// of 100. `tui_sizes.rs` draws every size up to 120×40.
fn sizes_past_120x40() -> Vec<(u16, u16)> {
    let mut sizes = Vec::new();
    for width in 1..=300u16 {
        for height in 1..=100u16 {
            let covered = width <= 120 && height <= 40;
            let edge = width <= 6 || height <= 3;
            let stride = width % 15 == 0 && height % 10 == 0;
            let last = width == 300 || (height == 100 && width % 3 == 0);
            if !covered && (edge || stride || last) {
                sizes.push((width, height));
            }
        }
    }
    sizes
}

#[test]
fn every_size_up_to_300x100_draws_without_panicking() {
    let t = ali_timeline::store::load_bundled().expect("the bundled store loads");
    let mut apps = size_states(&t);
    let sizes = sizes_past_120x40();
    assert!(sizes.contains(&(300, 100)) && sizes.contains(&(1, 100)) && sizes.contains(&(300, 1)));
    for (n, &(width, height)) in sizes.iter().enumerate() {
        // Every state at the corners; one state, in turn, at each other size.
        let corner = matches!(width, 1 | 300) && matches!(height, 1 | 100);
        for (k, app) in apps.iter_mut().enumerate() {
            if corner || k == n % 8 {
                update(app, Action::Resize { width, height });
                let area = Rect::new(0, 0, width, height);
                let mut buffer = Buffer::empty(area);
                view::render(app, area, &mut buffer);
            }
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
