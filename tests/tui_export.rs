//! Exporting from the terminal app (`e`), driven through the keymap: the dialog opens on a
//! default format and path, formats are chosen with arrows, `j`/`k` and first letters, the path
//! is edited, Enter writes exactly the events the timeline shows (read back by the csv crate,
//! serde_json and the store loader, with a recorded query that reproduces the filter), an
//! existing file is kept until the user confirms, bad paths get one clean line and the app keeps
//! running, Esc closes. What the dialog looks like is in `tui_export_view.rs`.

mod tui_support;

use std::error::Error;
use std::fs;
use std::path::Path;

use ali_timeline::Timeline;
use ali_timeline::export::{Format, Selection};
use ali_timeline::tui::app::{App, Entity, Mode};
use ali_timeline::tui::export_dialog::{DialogField, ExportDialog, ExportOutcome, Status};
use ali_timeline::tui::update::filter;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use tui_support::{filter_to_person, mini, press, press_key, screen, type_keys};

type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

/// The open dialog (fails the test when it is not open).
fn dialog<'s>(app: &'s App<'_>) -> &'s ExportDialog {
    match &app.mode {
        Mode::Export(dialog) => dialog,
        other => panic!("the export dialog is not open: {other:?}"),
    }
}

/// Opens the dialog and types `path` over the default one.
fn export_to(app: &mut App<'_>, path: &Path) {
    press(app, KeyCode::Char('e'));
    press(app, KeyCode::Tab);
    press_key(app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_keys(app, &path.display().to_string());
}

/// Ids of the events the timeline shows, in order.
fn visible_ids(t: &Timeline, app: &App<'_>) -> Vec<String> {
    app.visible
        .iter()
        .map(|&ix| t.event_id(ix).to_string())
        .collect()
}

/// Records of a CSV file, header first, read by the csv crate.
fn csv_records(path: &Path) -> Result<Vec<csv::StringRecord>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)?;
    Ok(reader.records().collect::<std::result::Result<_, _>>()?)
}

#[test]
fn e_opens_the_dialog_on_csv_with_a_default_path_and_esc_closes_it() {
    let t = mini();
    let mut app = App::new(&t, 100, 30);
    press(&mut app, KeyCode::Char('e'));
    let d = dialog(&app);
    assert_eq!(d.format, Format::Csv);
    assert_eq!(d.path, "ali-timeline-all.csv");
    assert_eq!(d.field, DialogField::Format);
    assert_eq!(d.status, Status::Ready);
    let text = screen(&app);
    assert!(text.contains("Export 13 events"), "{text}");
    assert!(
        text.contains("Writes the 13 events the timeline shows"),
        "{text}"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Browse);
    assert!(app.running);

    filter_to_person(&mut app, "gao");
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(dialog(&app).path, "ali-timeline-gao-xiaosong.csv");
    assert!(screen(&app).contains("Export 2 events: Gao Xiaosong (高晓松)"));
}

#[test]
fn formats_are_chosen_by_arrows_j_k_and_first_letters_and_the_path_follows() {
    let t = mini();
    let mut app = App::new(&t, 100, 30);
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Down);
    assert_eq!(dialog(&app).format, Format::Json);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(dialog(&app).format, Format::Timelinejs);
    assert_eq!(dialog(&app).path, "ali-timeline-all.timelinejs.json");
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Up);
    assert_eq!(dialog(&app).format, Format::Csv);
    for (letter, format) in [
        ('h', Format::Html),
        ('r', Format::Ron),
        ('i', Format::Ics),
        ('m', Format::Md),
        ('t', Format::Timelinejs),
        ('J', Format::Json),
        ('c', Format::Csv),
    ] {
        press(&mut app, KeyCode::Char(letter));
        assert_eq!(dialog(&app).format, format, "{letter}");
        assert_eq!(
            dialog(&app).path,
            format!(
                "ali-timeline-all.{}",
                if format == Format::Timelinejs {
                    "timelinejs.json"
                } else {
                    format.extension()
                }
            )
        );
    }
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(dialog(&app).path, "ali-timeline-all.csv", "x is no format");
    press(&mut app, KeyCode::End);
    assert_eq!(dialog(&app).format, Format::Ron);
    press(&mut app, KeyCode::Home);
    assert_eq!(dialog(&app).format, Format::Md);
    let text = screen(&app);
    for line in [
        "› md",
        "Markdown",
        "TimelineJS3",
        "iCalendar",
        "self-contained",
    ] {
        assert!(text.contains(line), "{line}:\n{text}");
    }
}

#[test]
fn tab_moves_to_the_path_which_is_edited_at_the_cursor() {
    let t = mini();
    let mut app = App::new(&t, 100, 30);
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Tab);
    assert_eq!(dialog(&app).field, DialogField::Path);
    type_keys(&mut app, "jk");
    assert_eq!(
        dialog(&app).path,
        "ali-timeline-all.csvjk",
        "j and k type here"
    );
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    for _ in 0.."ali-timeline-all.csv".len() - "ali-timeline".len() {
        press(&mut app, KeyCode::Left);
    }
    type_keys(&mut app, "-gao");
    assert_eq!(dialog(&app).path, "ali-timeline-gao-all.csv");
    press(&mut app, KeyCode::Home);
    type_keys(&mut app, "out/");
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Right);
    type_keys(&mut app, "!");
    assert_eq!(dialog(&app).path, "out/ali-timeline-gao-all.csv!");
    press_key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(dialog(&app).path, "");
    type_keys(&mut app, "q.md");
    assert_eq!(dialog(&app).path, "q.md", "q types, it does not quit");
    assert!(app.running);
    press_key(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(dialog(&app).field, DialogField::Format);
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(
        dialog(&app).path,
        "q.md",
        "a path of the user's own is kept"
    );
}

#[test]
fn enter_writes_the_events_the_timeline_shows_in_date_order() -> Result {
    let t = mini();
    let dir = tempfile::tempdir()?;
    let mut app = App::new(&t, 100, 30);
    filter_to_person(&mut app, "gao");
    let path = dir.path().join("gao.csv");
    export_to(&mut app, &path);
    press(&mut app, KeyCode::Enter);

    let records = csv_records(&path)?;
    assert_eq!(&records[0][0], "id", "a header row");
    let ids: Vec<String> = records[1..].iter().map(|r| r[0].to_string()).collect();
    assert_eq!(ids, visible_ids(&t, &app));
    assert_eq!(ids, ["ali-music-founded", "dme-reshuffle"]);
    let text = screen(&app);
    assert!(
        text.contains(&format!("wrote 2 events to {}", path.display())),
        "{text}"
    );
    assert!(matches!(
        dialog(&app).status,
        Status::Done(ExportOutcome::Wrote { count: 2, .. })
    ));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Browse, "Enter closes after writing");
    Ok(())
}

#[test]
fn json_records_a_query_that_reproduces_the_filter() -> Result {
    let t = mini();
    let dir = tempfile::tempdir()?;
    let mut app = App::new(&t, 100, 30);
    filter_to_person(&mut app, "gao");
    let path = dir.path().join("gao.json");
    export_to(&mut app, &path);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('J'));
    press(&mut app, KeyCode::Enter);
    let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(&path)?)?;
    let query = json["meta"]["query"].as_str().ok_or("a query in meta")?;
    assert_eq!(query, "person:^gao-xiaosong$");
    assert_eq!(Selection::matching(&t, Some(query))?.events, app.visible);
    assert_eq!(json["events"].as_array().map(Vec::len), Some(2));
    Ok(())
}

#[test]
fn a_ron_export_loads_as_a_store_and_its_notes_are_shown() -> Result {
    let t = mini();
    let dir = tempfile::tempdir()?;
    let mut app = App::new(&t, 100, 30);
    filter_to_person(&mut app, "yang");
    let path = dir.path().join("yang.ron");
    export_to(&mut app, &path);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Enter);
    let loaded = ali_timeline::timeline::load_file(&path)?;
    let ids: Vec<String> = loaded.store.events.iter().map(|e| e.id.clone()).collect();
    assert_eq!(
        ids,
        visible_ids(&t, &app),
        "the round trip keeps the events"
    );
    let Status::Done(ExportOutcome::Wrote { notes, .. }) = &dialog(&app).status else {
        panic!("written: {:?}", dialog(&app).status);
    };
    assert_eq!(
        notes.len(),
        3,
        "the effects that need events without Yang Weidong"
    );
    let text = screen(&app);
    assert!(text.contains("note: dropped the EndRole effect"), "{text}");
    Ok(())
}

#[test]
fn an_existing_file_is_kept_until_the_user_confirms() -> Result {
    let t = mini();
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("mine.csv");
    fs::write(&path, "precious")?;
    let mut app = App::new(&t, 100, 30);
    export_to(&mut app, &path);
    press(&mut app, KeyCode::Enter);
    assert!(dialog(&app).confirming());
    assert_eq!(fs::read_to_string(&path)?, "precious");
    let text = screen(&app);
    assert!(text.contains("already exists"), "{text}");
    assert!(text.contains("Enter or y replaces it"), "{text}");

    press(&mut app, KeyCode::Char('n'));
    assert_eq!(dialog(&app).status, Status::Ready);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(dialog(&app).status, Status::Ready, "Esc keeps the file");
    assert_eq!(fs::read_to_string(&path)?, "precious");

    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(csv_records(&path)?.len(), 14, "a header and 13 events");

    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Browse, "Enter closes after writing");

    fs::write(&path, "precious again")?;
    export_to(&mut app, &path);
    press(&mut app, KeyCode::Enter);
    assert!(dialog(&app).confirming());
    press(&mut app, KeyCode::Enter);
    assert_eq!(csv_records(&path)?.len(), 14, "Enter confirms too");
    let names: Vec<_> = fs::read_dir(dir.path())?.collect();
    assert_eq!(names.len(), 1, "no temporary file left behind");
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_replaced_itself_never_what_it_points_to() -> Result {
    let t = mini();
    let dir = tempfile::tempdir()?;
    let target = dir.path().join("target.txt");
    fs::write(&target, "keep me")?;
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&target, &link)?;
    let mut app = App::new(&t, 120, 40);
    export_to(&mut app, &link);
    press(&mut app, KeyCode::Enter);
    assert!(dialog(&app).confirming());
    assert!(screen(&app).contains("is a link to"));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(fs::read_to_string(&target)?, "keep me");
    assert!(!fs::symlink_metadata(&link)?.file_type().is_symlink());
    assert_eq!(csv_records(&link)?.len(), 14);
    Ok(())
}

/// The message the dialog shows after trying to write to `path`.
fn failure_for(app: &mut App<'_>, path: &str) -> String {
    press(app, KeyCode::Char('e'));
    press(app, KeyCode::Tab);
    press_key(app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_keys(app, path);
    press(app, KeyCode::Enter);
    let Status::Done(ExportOutcome::Failed(message)) = &dialog(app).status else {
        panic!("{path}: {:?}", dialog(app).status);
    };
    let message = message.clone();
    press(app, KeyCode::Esc);
    message
}

#[test]
fn bad_paths_get_one_clear_line_and_the_app_keeps_running() -> Result {
    let t = mini();
    let dir = tempfile::tempdir()?;
    let mut app = App::new(&t, 100, 30);
    let missing = dir.path().join("no-such-folder/out.csv");
    let message = failure_for(&mut app, &missing.display().to_string());
    assert!(message.contains("folder does not exist"), "{message}");
    assert!(!message.contains('\n'), "{message}");
    let message = failure_for(&mut app, &dir.path().display().to_string());
    assert!(message.contains("is a folder"), "{message}");
    let message = failure_for(&mut app, "out/");
    assert!(message.contains("add a file name"), "{message}");
    let message = failure_for(&mut app, "");
    assert!(message.contains("type a file name"), "{message}");
    if cfg!(target_os = "linux") {
        // A folder no one may create files in, root included.
        let message = failure_for(&mut app, "/sys/ali-timeline-export-test.csv");
        assert!(
            message.contains("/sys: cannot create a file in this folder"),
            "{message}"
        );
    }
    assert_eq!(fs::read_dir(dir.path())?.count(), 0, "nothing written");

    // A path with terminal escapes is shown without them.
    let hostile = dir.path().join("\u{1b}[31mred/\u{202e}x.csv");
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Tab);
    press_key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_keys(&mut app, &hostile.display().to_string());
    press(&mut app, KeyCode::Enter);
    let text = screen(&app);
    assert!(text.contains("[31mred/x.csv"), "{text}");
    assert!(!text.contains('\u{1b}') && !text.contains('\u{202e}'));

    // Still running: the dialog closes and the timeline moves.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('j'));
    assert!(app.running);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(app.cursor, 1);
    Ok(())
}

#[test]
fn the_recorded_query_selects_what_each_filter_shows_in_the_bundled_store() -> Result {
    let t = ali_timeline::timeline::load_bundled()?;
    let mut app = App::new(&t, 120, 40);
    let entities = t
        .people()
        .map(|(ix, _)| Entity::Person(ix))
        .chain(t.units().map(|(ix, _)| Entity::Unit(ix)));
    let mut checked = 0;
    for entity in entities {
        filter::filter_to(&mut app, entity);
        assert_eq!(
            app.visible,
            t.events_of(entity),
            "the filter shows their events"
        );
        let query = app.filter_text().ok_or("a filter is on")?;
        assert_eq!(t.filter_query(entity).as_deref(), Some(query));
        assert_eq!(
            Selection::matching(&t, Some(query))?.events,
            app.visible,
            "{query}"
        );
        checked += 1;
    }
    assert!(checked > 10, "the bundled store has people and units");
    Ok(())
}
