//! The search history: Enter in the search box records the query (blank, malformed and repeated
//! ones dropped, the newest kept within a bound), Alt-↑/↓ and Alt-P/N recall it and give back
//! what was being typed, and it is kept across runs in the state folder (a temporary
//! `XDG_STATE_HOME` here), read and written through tasks; a file that cannot be read is never
//! written over.

mod tui_support;

use std::error::Error;
use std::path::{Path, PathBuf};

use ali_timeline::Timeline;
use ali_timeline::config::dirs;
use ali_timeline::tui::app::{App, Mode};
use ali_timeline::tui::search_history::{FILE_NAME, MAX_ENTRIES, SearchHistory};
use ali_timeline::tui::task::{self, Task};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use tui_support::{mini, press, press_key, type_keys};

type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

/// Searches for `query` and presses Enter, then closes what Enter left open.
fn search(app: &mut App<'_>, query: &str) {
    type_keys(app, &format!("/{query}"));
    press(app, KeyCode::Enter);
    if matches!(app.mode, Mode::Search(_)) {
        press(app, KeyCode::Esc);
    }
    press(app, KeyCode::Esc); // clear a filter the jump set
}

/// The text in the search box.
fn typed(app: &App<'_>) -> String {
    match &app.mode {
        Mode::Search(search) => search.text().to_string(),
        other => panic!("the search is not open: {other:?}"),
    }
}

fn alt(app: &mut App<'_>, code: KeyCode) {
    press_key(app, code, KeyModifiers::ALT);
}

#[test]
fn enter_records_each_query_once_and_never_a_blank_or_malformed_one() {
    let t = mini();
    let mut app = App::new(&t, 100, 30);
    for query in ["gao", "kind:acq", "   ", "@20", "xiami", "gao"] {
        search(&mut app, query);
    }
    assert_eq!(app.history.entries(), ["kind:acq", "xiami", "gao"]);
}

#[test]
fn alt_up_and_down_walk_the_history_and_give_back_the_draft() {
    let t = mini();
    let mut app = App::new(&t, 100, 30);
    for query in ["kind:acq", "xiami", "gao"] {
        search(&mut app, query);
    }
    type_keys(&mut app, "/dam");
    let mut seen = Vec::new();
    for _ in 0..4 {
        alt(&mut app, KeyCode::Up);
        seen.push(typed(&app));
    }
    assert_eq!(seen, ["gao", "xiami", "kind:acq", "kind:acq"]);
    alt(&mut app, KeyCode::Char('n'));
    assert_eq!(typed(&app), "xiami", "Alt-N is Alt-↓");
    alt(&mut app, KeyCode::Down);
    alt(&mut app, KeyCode::Down);
    assert_eq!(typed(&app), "dam", "past the newest: what was being typed");
    alt(&mut app, KeyCode::Down);
    assert_eq!(typed(&app), "dam");

    alt(&mut app, KeyCode::Char('p'));
    assert_eq!(typed(&app), "gao", "Alt-P is Alt-↑");
    let Mode::Search(search) = &app.mode else {
        panic!("search open")
    };
    assert!(
        search.hits.iter().any(|h| h.label.contains("Gao Xiaosong")),
        "a recalled query is searched for"
    );
    type_keys(&mut app, "!");
    alt(&mut app, KeyCode::Down);
    assert_eq!(
        typed(&app),
        "gao!",
        "an edit ends the recall: nothing newer"
    );
}

#[test]
fn only_the_newest_queries_are_kept() {
    let t = mini();
    let mut app = App::new(&t, 100, 30);
    for i in 0..MAX_ENTRIES + 3 {
        search(&mut app, &format!("q{i}"));
    }
    let entries = app.history.entries();
    assert_eq!(entries.len(), MAX_ENTRIES);
    assert_eq!(entries[0], "q3");
    assert_eq!(entries[MAX_ENTRIES - 1], format!("q{}", MAX_ENTRIES + 2));
}

/// The history file under a temporary `XDG_STATE_HOME`, found as the app finds it.
fn history_file(state_home: &Path) -> PathBuf {
    let home = state_home.as_os_str().to_owned();
    let env = move |name: &str| (name == "XDG_STATE_HOME").then(|| home.clone());
    let dir = dirs::state_dir_in(&env).expect("a state folder");
    dir.join(FILE_NAME)
}

/// An app as the run loop starts it: the history read from `path`.
fn started<'t>(t: &'t Timeline, path: &Path) -> App<'t> {
    let mut app = App::new(t, 100, 30);
    app.history = SearchHistory::at(Some(path.to_path_buf()));
    task::run(&mut app, Task::ReadHistory(path.to_path_buf()));
    app
}

#[test]
fn the_history_survives_a_restart() -> Result {
    let state = tempfile::tempdir()?;
    let path = history_file(state.path());
    assert!(path.starts_with(state.path().join("ali-timeline")));
    let t = mini();
    let mut first = started(&t, &path);
    search(&mut first, "kind:acq");
    search(&mut first, "gao");
    drop(first);
    assert_eq!(std::fs::read_to_string(&path)?, "kind:acq\ngao\n");

    let mut second = started(&t, &path);
    type_keys(&mut second, "/");
    alt(&mut second, KeyCode::Up);
    assert_eq!(typed(&second), "gao");
    alt(&mut second, KeyCode::Up);
    assert_eq!(typed(&second), "kind:acq");
    press(&mut second, KeyCode::Enter);
    assert_eq!(std::fs::read_to_string(&path)?, "gao\nkind:acq\n");
    Ok(())
}

#[test]
fn a_history_file_that_cannot_be_read_is_left_as_it_is() -> Result {
    let state = tempfile::tempdir()?;
    let path = history_file(state.path());
    std::fs::create_dir_all(path.parent().ok_or("a folder")?)?;
    let bytes = b"gao\n\xff\xfe not text\n".to_vec();
    std::fs::write(&path, &bytes)?;
    let t = mini();
    let mut app = started(&t, &path);
    let problem = app.history.problem.clone().ok_or("the problem is kept")?;
    assert!(problem.contains("not UTF-8"), "{problem}");
    assert!(problem.contains(&path.display().to_string()), "{problem}");
    type_keys(&mut app, "/");
    let shown = tui_support::screen(&app);
    assert!(
        shown.contains("not UTF-8"),
        "the search box says why:\n{shown}"
    );
    press(&mut app, KeyCode::Esc);
    search(&mut app, "xiami");
    assert_eq!(app.history.entries(), ["xiami"], "kept for this run");
    assert_eq!(std::fs::read(&path)?, bytes, "the file is untouched");
    Ok(())
}

#[test]
fn an_unwritable_state_folder_keeps_the_history_for_the_run() -> Result {
    let state = tempfile::tempdir()?;
    // A file where the state folder should be: nothing can be created under it.
    let blocker = state.path().join("blocked");
    std::fs::write(&blocker, "")?;
    let path = history_file(&blocker);
    let t = mini();
    let mut app = started(&t, &path);
    assert_eq!(app.history.problem, None, "no file yet is no problem");
    search(&mut app, "gao");
    let problem = app.history.problem.clone().ok_or("the failure is kept")?;
    assert!(problem.contains("cannot create the folder"), "{problem}");
    assert_eq!(app.history.entries(), ["gao"]);
    search(&mut app, "xiami");
    assert_eq!(app.history.entries(), ["gao", "xiami"]);
    Ok(())
}
