//! `o` opens a source of the selected event in the browser and `y` copies a citation of it:
//! straight away for one address, through a list for several; only http(s) addresses are ever
//! opened, each handed to the browser as one argument, never through a shell (a fake `$BROWSER`
//! records what it was given); anything else is refused in the status bar. The citation is one
//! line of Markdown with no control character, sent through OSC 52 (checked in the real binary's
//! output in a pseudo-terminal, base64-decoded).

mod tui_support;

use std::error::Error;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ali_timeline::Timeline;
use ali_timeline::tui::action::Action;
use ali_timeline::tui::app::{App, Mode};
use ali_timeline::tui::browser;
use ali_timeline::tui::task::Task;
use ali_timeline::tui::update::update;
use portable_pty::CommandBuilder;
use ratatui::crossterm::event::KeyCode;
use tui_support::pty::{PATIENCE, Session};
use tui_support::{MINI, mini, press, screen, select_id};

type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

/// The event with several sources in [`several`].
const EVENT: &str = "ali-music-founded";
/// Its Reuters source's address.
const REUTERS: &str = "https://www.reuters.com/article/alibaba-music-2015-07-15";

/// The fixture store with three more sources on [`EVENT`]: an address holding a space, `;` and
/// `$(…)`, a `javascript:` one, and one holding quotes and backticks.
fn several_text(pwned: &Path) -> String {
    let text = fs::read_to_string(MINI).expect("the fixture reads");
    let extra = format!(
        r#"Source(id: "many-1", publisher: "Caixin", title: "Shell bait", url: "https://example.com/a b;$(touch {})"),
        Source(id: "many-2", title: "Script bait", url: "javascript:alert(1)"),
        Source(id: "many-3", title: "Quote bait", url: "https://example.com/it's \"quoted\" `x`"),
        Source(id: "reuters-2015-07-15","#,
        pwned.display()
    );
    text.replacen(r#"Source(id: "reuters-2015-07-15","#, &extra, 1)
        .replacen(
            r#"sources: ["reuters-2015-07-15", "seed-001"],"#,
            r#"sources: ["reuters-2015-07-15", "seed-001", "many-1", "many-2", "many-3"],"#,
            1,
        )
}

/// What the browser is handed for `many-1` and `many-3`: one word, spaces, quotes and backticks
/// percent-encoded, `;`, `$`, `(` and `)` as they are (they mean nothing without a shell).
fn bait_addresses(pwned: &Path) -> [String; 2] {
    [
        format!("https://example.com/a%20b;$(touch%20{})", pwned.display()),
        "https://example.com/it%27s%20%22quoted%22%20%60x%60".to_string(),
    ]
}

fn several(pwned: &Path) -> Timeline {
    ali_timeline::timeline::load_str("several.ron", &several_text(pwned)).expect("the store loads")
}

/// The status bar's text (the last row).
fn status_bar(app: &App<'_>) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

#[test]
fn o_opens_the_one_address_of_an_event_straight_away() {
    let t = mini();
    let mut app = App::new(&t, 100, 30);
    select_id(&mut app, EVENT);
    assert_eq!(
        update(&mut app, Action::OpenSource),
        Some(Task::Open(REUTERS.to_string()))
    );
    assert_eq!(app.mode, Mode::Browse);
}

#[test]
fn o_on_an_event_whose_sources_have_no_address_says_so() {
    let t = mini();
    let mut app = App::new(&t, 100, 30);
    assert_eq!(update(&mut app, Action::OpenSource), None);
    assert!(
        status_bar(&app).contains("no source of this event has an address"),
        "{}",
        status_bar(&app)
    );
    assert!(status_bar(&app).contains("? help"));
    press(&mut app, KeyCode::Down);
    assert!(
        !status_bar(&app).contains("no source"),
        "the next key clears it"
    );
}

#[test]
fn several_sources_are_listed_and_only_http_ones_opened() -> Result {
    let dir = tempfile::tempdir()?;
    let pwned = dir.path().join("pwned");
    let t = several(&pwned);
    let mut app = App::new(&t, 100, 30);
    select_id(&mut app, EVENT);
    assert_eq!(update(&mut app, Action::OpenSource), None);
    let Mode::Sources(picker) = &app.mode else {
        panic!("the list of sources is open: {:?}", app.mode);
    };
    assert_eq!(picker.links.len(), 4, "every source with an address");
    let text = screen(&app);
    assert!(text.contains("Open a source (4)"), "{text}");
    assert!(
        text.contains("1. Reuters") && text.contains(REUTERS),
        "{text}"
    );
    assert!(text.contains("javascript:alert(1)"), "{text}");

    // j, Enter: the second, its address percent-encoded into one word.
    let [bait, quotes] = bait_addresses(&pwned);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(update(&mut app, Action::Confirm), Some(Task::Open(bait)));
    assert_eq!(app.mode, Mode::Browse, "choosing closes the list");

    // The third, javascript:, is refused in the status bar and nothing is asked of the loop.
    assert_eq!(update(&mut app, Action::OpenSource), None);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(update(&mut app, Action::Confirm), None);
    let bar = status_bar(&app);
    assert!(
        bar.contains("not opened: javascript:alert(1) is not an"),
        "{bar}"
    );

    update(&mut app, Action::OpenSource);
    update(&mut app, Action::Bottom);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert_eq!(update(&mut app, Action::Confirm), Some(Task::Open(quotes)));

    // Esc closes the list without opening anything.
    update(&mut app, Action::OpenSource);
    assert_eq!(update(&mut app, Action::Back), None);
    assert_eq!(app.mode, Mode::Browse);
    Ok(())
}

#[test]
fn y_copies_a_one_line_markdown_citation_of_the_selected_event() {
    let t = mini();
    let mut app = App::new(&t, 100, 30);
    select_id(&mut app, EVENT);
    let Some(Task::Copy { text, what }) = update(&mut app, Action::Copy) else {
        panic!("y asks for a copy");
    };
    assert_eq!(
        text,
        "**Alibaba founds Ali Music Group** (2015-07-15). Sources: [Reuters, \"Alibaba forms \
         music unit led by Gao Xiaosong and Song Ke\" (2015-07-15)](<https://www.reuters.com/\
         article/alibaba-music-2015-07-15>); seed article 001."
    );
    assert_eq!(what, "a citation of “Alibaba founds Ali Music Group”");
}

#[test]
fn a_citation_of_hostile_text_holds_no_control_character() {
    let t = tui_support::fixture("hostile.ron");
    let mut app = App::new(&t, 100, 30);
    for _ in 0..t.store.events.len() {
        let Some(Task::Copy { text, what }) = update(&mut app, Action::Copy) else {
            panic!("y asks for a copy");
        };
        for copied in [&text, &what] {
            assert!(
                !copied
                    .chars()
                    .any(|c| c.is_control() || ali_timeline::text::is_unsafe(c)),
                "{copied:?}"
            );
        }
        press(&mut app, KeyCode::Down);
    }
}

/// A fake browser in `dir`: records how many arguments it was given and the first, then exits.
fn fake_browser(dir: &Path) -> Result<PathBuf> {
    let script = dir.join("browser");
    let record = dir.join("args");
    fs::write(
        &script,
        format!(
            "#!/bin/sh\n{{ printf '%s\\n' \"$#\"; printf '%s' \"$1\"; }} > '{0}.part' && mv '{0}.part' '{0}'\n",
            record.display()
        ),
    )?;
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755))?;
    Ok(script)
}

/// Polls for the fake browser's record in `dir`: (argument count, first argument).
fn recorded(dir: &Path) -> Result<(String, String)> {
    let record = dir.join("args");
    let deadline = Instant::now() + PATIENCE;
    while !record.exists() {
        if Instant::now() > deadline {
            return Err("the browser was not started".into());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let text = fs::read_to_string(&record)?;
    let (count, arg) = text.split_once('\n').ok_or("a record of two parts")?;
    Ok((count.to_string(), arg.to_string()))
}

#[test]
fn the_opener_hands_an_http_address_to_the_browser_as_one_argument() -> Result {
    let dir = tempfile::tempdir()?;
    let pwned = dir.path().join("pwned");
    let [bait, quotes] = bait_addresses(&pwned);
    for (url, handed) in [
        (REUTERS.to_string(), REUTERS.to_string()),
        (
            format!("https://example.com/a b;$(touch {})", pwned.display()),
            bait,
        ),
        (
            "https://example.com/it's \"quoted\" `x`".to_string(),
            quotes,
        ),
    ] {
        let run = tempfile::tempdir()?;
        let script = fake_browser(run.path())?;
        let said = browser::open_with(script.as_os_str(), &url)?;
        assert!(
            said.starts_with(&format!("opened {handed} with ")),
            "{said}"
        );
        assert_eq!(recorded(run.path())?, ("1".to_string(), handed));
    }
    assert!(!pwned.exists(), "nothing in an address ran");
    Ok(())
}

#[test]
fn the_opener_never_starts_anything_for_an_address_that_is_not_http() -> Result {
    let run = tempfile::tempdir()?;
    let script = fake_browser(run.path())?;
    for url in [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "$(touch pwned)",
        "; touch pwned",
        "https://",
        "",
    ] {
        let refused = browser::open_with(script.as_os_str(), url).unwrap_err();
        assert!(refused.starts_with("not opened: "), "{url}: {refused}");
    }
    assert_eq!(
        fs::read_dir(run.path())?.count(),
        1,
        "only the script: it never ran"
    );
    assert_eq!(browser::program(Some("/opt/b".into())), "/opt/b");
    assert_ne!(browser::program(Some("".into())), "");
    Ok(())
}

/// `count` presses of `j` reach the event `id` in the timeline of `t` (in date order).
fn position_of(t: &Timeline, id: &str) -> usize {
    t.events()
        .position(|(_, e)| e.id == id)
        .expect("the event is in the store")
}

#[test]
fn o_and_y_in_the_real_app_open_with_browser_and_copy_through_osc_52() -> Result {
    let dir = tempfile::tempdir()?;
    let pwned = dir.path().join("pwned");
    let store = dir.path().join("several.ron");
    fs::write(&store, several_text(&pwned))?;
    let script = fake_browser(dir.path())?;
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_ali-timeline"));
    command.args(["--data", &store.display().to_string()]);
    command.env("BROWSER", &script);
    command.env("XDG_CACHE_HOME", dir.path().join("cache"));
    command.cwd(dir.path());
    let mut app = Session::spawn(command, 100, 30)?;
    app.wait_for_text("1/13")?;
    let steps = position_of(&several(&pwned), EVENT);
    app.send(&"j".repeat(steps))?;
    app.wait_for_text(&format!("{}/13", steps + 1))?;

    app.send("o")?;
    app.wait_for_text("Open a source (4)")?;
    app.send("j\r")?;
    app.wait_for_text("opened https://example.com/a%20b;$(touch")?;
    let [bait, _] = bait_addresses(&pwned);
    assert_eq!(recorded(dir.path())?, ("1".to_string(), bait));
    assert!(!pwned.exists(), "nothing in the address ran");

    app.send("y")?;
    app.wait_for_text("copied a citation of")?;
    let start = b"\x1b]52;c;";
    app.wait_for_raw("the OSC 52 sequence", |raw| {
        find(raw, start).is_some_and(|at| raw[at..].contains(&0x07))
    })?;
    let at = find(&app.raw, start).ok_or("OSC 52 start")? + start.len();
    let end = at + app.raw[at..].iter().position(|&b| b == 0x07).ok_or("BEL")?;
    let encoded = std::str::from_utf8(&app.raw[at..end])?;
    use base64::Engine as _;
    let copied = String::from_utf8(base64::engine::general_purpose::STANDARD.decode(encoded)?)?;
    assert!(
        copied.starts_with("**Alibaba founds Ali Music Group** (2015-07-15). Sources: [Reuters"),
        "{copied}"
    );
    assert!(
        copied.contains("javascript:alert(1)"),
        "cited, as text: {copied}"
    );
    assert!(!copied.chars().any(char::is_control), "{copied:?}");

    app.send("q")?;
    assert_eq!(app.finish()?, 0);
    Ok(())
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
