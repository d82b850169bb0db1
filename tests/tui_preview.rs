//! A large store opens at once: its first frame is drawn from its search index while the store
//! loads (the timeline's first events and a line saying what is loading), and a store with no
//! index yet gets one written in the background for its next launch.

mod synth_support;
mod tui_support;

use std::sync::OnceLock;

use ali_timeline::Timeline;
use ali_timeline::timeline::index::Index;
use ali_timeline::tui::theme::Theme;
use ali_timeline::tui::view;
use insta::assert_snapshot;
use portable_pty::CommandBuilder;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui_support::buffer_text;
use tui_support::pty::Session;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The preview of `timeline`'s index as a `width`×`height` screen.
fn preview(timeline: &Timeline, name: &str, width: u16, height: u16) -> Result<String> {
    let index = Index::build(timeline).ok_or("the index builds")?;
    let mut terminal = Terminal::new(TestBackend::new(width, height))?;
    terminal.draw(|frame| {
        view::preview::render(
            &index,
            name,
            Theme::default(),
            frame.area(),
            frame.buffer_mut(),
        );
    })?;
    Ok(buffer_text(terminal.backend().buffer()))
}

#[test]
fn the_preview_shows_the_first_events_and_what_is_loading() -> Result {
    let t = tui_support::mini();
    assert_snapshot!("preview_80x12", preview(&t, "mini.ron", 80, 12)?);
    // Narrow and tiny screens draw what fits, without dates below 26 columns, and never panic.
    assert_snapshot!("preview_24x6", preview(&t, "mini.ron", 24, 6)?);
    for (width, height) in [(1, 1), (2, 2), (0, 0), (5, 1)] {
        preview(&t, "mini.ron", width, height)?;
    }
    Ok(())
}

/// The synthetic store's text, generated once.
fn big() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| synth_support::store(11))
}

/// `ali-timeline --data STORE` in a pseudo-terminal with its cache in `cache`.
fn launch(store: &std::path::Path, cache: &std::path::Path) -> Result<Session> {
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_ali-timeline"));
    command.args(["--data", &store.display().to_string()]);
    command.env("ALI_TIMELINE_CACHE_DIR", cache);
    command.env_remove("NO_COLOR");
    Session::spawn(command, 100, 30)
}

#[test]
fn a_large_store_opens_on_its_index_once_it_has_one() -> Result {
    let dir = tempfile::tempdir()?;
    let (store, cache) = (dir.path().join("big.ron"), dir.path().join("cache"));
    std::fs::write(&store, big())?;
    let indexes = || -> Result<usize> {
        let files = std::fs::read_dir(&cache)?.filter_map(std::result::Result::ok);
        Ok(files
            .filter(|f| f.file_name().to_string_lossy().ends_with(".idx"))
            .count())
    };

    // First launch: no index, so no preview; the app writes one while the user works.
    let mut first = launch(&store, &cache)?;
    first.wait_for_text("? help")?;
    first.send("q")?;
    assert_eq!(first.finish()?, 0);
    assert!(
        !String::from_utf8_lossy(&first.raw).contains("Loading big.ron"),
        "no index, no preview"
    );
    assert_eq!(
        indexes()?,
        1,
        "the app wrote the store's index for next time"
    );

    // Second launch: the preview from the index comes first, then the app.
    let mut second = launch(&store, &cache)?;
    second.wait_for_text("? help")?;
    let raw = String::from_utf8_lossy(&second.raw).into_owned();
    let loading = raw.find("Loading big.ron").ok_or("the preview was drawn")?;
    assert!(raw[loading..].contains("events, "), "it counts the events");
    assert!(
        !second.screen().contains("Loading"),
        "then the app replaces the preview"
    );
    second.send("q")?;
    assert_eq!(second.finish()?, 0);

    // A store changed since (to the same size) is not previewed from the old index.
    let changed = big()
        .replacen("Store(", "Store (", 1)
        .replacen("  ", " ", 1);
    assert_eq!(changed.len(), big().len());
    std::fs::write(&store, changed)?;
    let mut third = launch(&store, &cache)?;
    third.wait_for_text("? help")?;
    assert!(
        !String::from_utf8_lossy(&third.raw).contains("Loading big.ron"),
        "a changed store is never previewed from its old index"
    );
    third.send("q")?;
    assert_eq!(third.finish()?, 0);
    Ok(())
}
