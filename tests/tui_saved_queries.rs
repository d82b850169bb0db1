//! Saved queries in the terminal app: `m` saves the active filter under a name typed in the
//! status bar, `M` lists the saved ones (Enter filters the timeline by one, `d` deletes one after
//! asking), through the same `queries.toml` as the command line (a temporary folder here). A
//! damaged file is shown, never written over; a write that fails is said and loses nothing.

mod tui_support;

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use ali_timeline::saved;
use ali_timeline::tui::app::{App, Mode};
use ali_timeline::tui::task::{self, Task};
use insta::assert_snapshot;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use tui_support::{mini, press, press_key, screen, type_keys};

type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

/// An app whose saved queries are read from `path`, as the run loop reads them at start.
fn started<'t>(t: &'t ali_timeline::Timeline, path: &Path) -> App<'t> {
    let mut app = App::new(t, 100, 30);
    task::run(&mut app, Task::ReadSaved(path.to_path_buf()));
    app
}

fn filter_by(app: &mut App<'_>, query: &str) {
    type_keys(app, &format!("/{query}"));
    press_key(app, KeyCode::Char('f'), KeyModifiers::CONTROL);
    assert!(app.filter.is_some(), "Ctrl-F filtered by {query}");
}

fn save_as(app: &mut App<'_>, name: &str) {
    press(app, KeyCode::Char('m'));
    type_keys(app, name);
    press(app, KeyCode::Enter);
}

fn filter_text(app: &App<'_>) -> Option<String> {
    app.filter.as_ref().map(|f| f.query.text.clone())
}

fn file(dir: &Path) -> PathBuf {
    dir.join("ali-timeline").join(saved::FILE_NAME)
}

#[test]
fn a_filter_saved_in_the_app_is_applied_again_from_the_list() -> Result {
    let dir = tempfile::tempdir()?;
    let path = file(dir.path());
    let t = mini();
    let mut app = started(&t, &path);
    filter_by(&mut app, "kind:acq @2013..2014");
    let shown = app.visible.clone();
    save_as(&mut app, "early deals");
    let Mode::Saved(picker) = &app.mode else {
        panic!("the list shows after saving: {:?}", app.mode)
    };
    let message = picker.message.as_ref().ok_or("a message")?;
    assert!(
        message.text.starts_with("saved `early deals`"),
        "{message:?}"
    );
    assert!(fs::read_to_string(&path)?.contains("\"early deals\" = \"kind:acq @2013..2014\""));

    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc); // clears the filter
    assert_eq!(app.filter, None);
    let mut restarted = started(&t, &path);
    press(&mut restarted, KeyCode::Char('M'));
    assert!(screen(&restarted).contains("early deals  kind:acq @2013..2014"));
    press(&mut restarted, KeyCode::Enter);
    assert_eq!(restarted.mode, Mode::Browse);
    assert_eq!(
        filter_text(&restarted).as_deref(),
        Some("kind:acq @2013..2014")
    );
    assert_eq!(restarted.visible, shown);
    Ok(())
}

#[test]
fn a_name_is_refused_with_a_reason_and_the_filter_kept() -> Result {
    let dir = tempfile::tempdir()?;
    let path = file(dir.path());
    let t = mini();
    let mut app = started(&t, &path);
    press(&mut app, KeyCode::Char('m'));
    assert!(
        screen(&app).contains("no filter to save"),
        "{}",
        screen(&app)
    );
    press(&mut app, KeyCode::Enter);
    assert!(!path.exists());
    press(&mut app, KeyCode::Esc);

    filter_by(&mut app, "xiami");
    save_as(&mut app, "x");
    press(&mut app, KeyCode::Esc);
    save_as(&mut app, "x");
    let Mode::SaveQuery(name) = &app.mode else {
        panic!("still naming: {:?}", app.mode)
    };
    let error = name.error.clone().ok_or("refused")?;
    assert!(error.contains("saved already"), "{error}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(filter_text(&app).as_deref(), Some("xiami"));
    Ok(())
}

#[test]
fn d_deletes_a_saved_query_after_asking() -> Result {
    let dir = tempfile::tempdir()?;
    let path = file(dir.path());
    let t = mini();
    let mut app = started(&t, &path);
    filter_by(&mut app, "xiami");
    save_as(&mut app, "one");
    press(&mut app, KeyCode::Esc);
    save_as(&mut app, "two");
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Char('d'));
    assert!(screen(&app).contains("delete `one`"), "{}", screen(&app));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.saved.entries.len(), 2, "Esc keeps it");
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('d'));
    let names: Vec<&str> = app.saved.entries.iter().map(|q| q.name.as_str()).collect();
    assert_eq!(names, ["two"]);
    let text = fs::read_to_string(&path)?;
    assert!(
        !text.contains("\"one\"") && text.contains("\"two\""),
        "{text}"
    );
    assert_snapshot!("saved_after_delete_60x12", {
        app.size = ratatui::layout::Rect::new(0, 0, 60, 12);
        screen(&app)
    });
    Ok(())
}

#[test]
fn a_damaged_file_is_shown_and_never_written_over() -> Result {
    let dir = tempfile::tempdir()?;
    let path = file(dir.path());
    fs::create_dir_all(path.parent().ok_or("a folder")?)?;
    let text = "[queries]\ngood = \"xiami\"\nbad = 'kind:nope'\n";
    fs::write(&path, text)?;
    let t = mini();
    let mut app = started(&t, &path);
    press(&mut app, KeyCode::Char('M'));
    let shown = screen(&app);
    assert!(shown.contains("queries.toml:3:"), "{shown}");
    assert!(shown.contains("good  xiami"), "{shown}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        filter_text(&app).as_deref(),
        Some("xiami"),
        "what was read works"
    );
    save_as(&mut app, "new");
    let Mode::SaveQuery(name) = &app.mode else {
        panic!("still naming: {:?}", app.mode)
    };
    assert!(name.error.as_deref().is_some_and(|e| e.contains(":3:")));
    assert_eq!(fs::read_to_string(&path)?, text, "the file is untouched");
    Ok(())
}

#[test]
fn a_config_folder_that_cannot_be_made_loses_nothing() -> Result {
    let dir = tempfile::tempdir()?;
    let blocked = dir.path().join("a-file");
    fs::write(&blocked, "")?;
    let t = mini();
    let mut app = started(&t, &file(&blocked));
    filter_by(&mut app, "xiami");
    save_as(&mut app, "x");
    let Mode::SaveQuery(name) = &app.mode else {
        panic!("still naming: {:?}", app.mode)
    };
    let error = name.error.clone().ok_or("the failure is said")?;
    assert!(error.contains("cannot create the folder"), "{error}");
    assert_eq!(error.lines().count(), 1);
    assert!(screen(&app).contains("not saved"));
    assert_eq!(
        filter_text(&app).as_deref(),
        Some("xiami"),
        "the filter stays"
    );
    assert!(app.saved.entries.is_empty());
    Ok(())
}
