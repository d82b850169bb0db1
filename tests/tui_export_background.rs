//! Exports from the terminal app are written on a worker thread: the dialog shows how far the
//! write has got (events and bytes of the total), keys are handled while it runs, and Esc cancels
//! it, leaving no file — not even its temporary one — also on a large synthetic store whose export
//! takes a while. Driven through the keymap and the update (as the run loop does, with the
//! [`Exporter`] the loop uses), and end to end with the real binary in a pseudo-terminal.

#[allow(dead_code)] // the generator has more than these tests use
#[path = "../examples/synth/mod.rs"]
mod synth;
mod tui_support;

use std::error::Error;
use std::fs;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use ali_timeline::Timeline;
use ali_timeline::export::Format;
use ali_timeline::export::progress::Progress;
use ali_timeline::tui::app::{App, Mode};
use ali_timeline::tui::export_dialog::{ExportOutcome, ExportRequest, Status};
use ali_timeline::tui::exporter::Exporter;
use ali_timeline::tui::keymap::{Context, action_for_key};
use ali_timeline::tui::task::{self, Task, TaskOutcome};
use ali_timeline::tui::update::{finished, update};
use portable_pty::CommandBuilder;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_support::pty::{PATIENCE, Session};
use tui_support::{mini, press, press_key, screen, type_keys};

type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

/// Events in the large store: enough that writing them takes a while in a test build.
const LARGE: usize = 20_000;

/// The large synthetic store as RON text, the same every run; made once.
fn large_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let config = synth::Config::sized(LARGE, 11);
        synth::to_ron(&synth::generate(&config), &config)
    })
}

/// The large store, loaded once.
fn large() -> &'static Timeline {
    static STORE: OnceLock<Timeline> = OnceLock::new();
    STORE.get_or_init(|| {
        ali_timeline::timeline::load_str("synthetic.ron", large_text())
            .expect("the synthetic store is valid")
    })
}

/// The names in `dir`, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("the folder can be read")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Presses `code` through the keymap and returns the task the update asks for, unperformed.
fn press_for_task(app: &mut App<'_>, code: KeyCode) -> Option<Task> {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    action_for_key(Context::of(&app.mode), &key).and_then(|action| update(app, action))
}

/// Opens the dialog, chooses `format_key`'s format, types `path` and presses Enter: the export
/// the update asks the run loop to start.
fn ask_export(app: &mut App<'_>, format_key: char, path: &Path) -> ExportRequest {
    press(app, KeyCode::Char('e'));
    press(app, KeyCode::Char(format_key));
    press(app, KeyCode::Tab);
    press_key(app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_keys(app, &path.display().to_string());
    match press_for_task(app, KeyCode::Enter) {
        Some(Task::Export(request)) => request,
        other => panic!("Enter asks for an export, not {other:?}"),
    }
}

/// The dialog's status (fails the test when the dialog is not open).
fn status(app: &App<'_>) -> Status {
    match &app.mode {
        Mode::Export(dialog) => dialog.status.clone(),
        other => panic!("the export dialog is not open: {other:?}"),
    }
}

#[test]
fn esc_cancels_a_large_export_under_way_and_no_file_is_left() -> Result {
    let t = large();
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("all.md");
    let mut app = App::new(t, 100, 30);
    let request = ask_export(&mut app, 'm', &path);
    assert_eq!(request.events.len(), LARGE);
    assert!(matches!(status(&app), Status::Writing(w) if w.total == LARGE));
    std::thread::scope(|scope| -> Result {
        let exporter = Exporter::start(scope, t, request);
        // Wait (polling, as the run loop does) until some events are written, not all.
        let deadline = Instant::now() + PATIENCE;
        let written = loop {
            let now = exporter.progress();
            if now.events > 0 && now.bytes > 0 {
                break now;
            }
            assert!(Instant::now() < deadline, "no progress: {now:?}");
            if let Ok(outcome) = exporter.wait_outcome(Duration::from_millis(1)) {
                panic!("the export ended before it could be cancelled: {outcome:?}");
            }
        };
        assert!(written.events < LARGE, "{written:?}");
        finished(&mut app, TaskOutcome::ExportProgress(written));
        let text = screen(&app);
        assert!(
            text.contains("Writing…") && text.contains("of 20,000 events"),
            "{text}"
        );
        assert!(text.contains("Esc cancels"), "{text}");

        // Keys are handled while it runs: other keys wait, a resize redraws, Esc cancels.
        assert_eq!(
            press_for_task(&mut app, KeyCode::Enter),
            None,
            "no second write"
        );
        assert_eq!(press_for_task(&mut app, KeyCode::Char('c')), None);
        update(
            &mut app,
            ali_timeline::tui::action::Action::Resize {
                width: 80,
                height: 24,
            },
        );
        assert!(screen(&app).contains("Writing…"));
        assert_eq!(
            press_for_task(&mut app, KeyCode::Esc),
            Some(Task::CancelExport)
        );
        assert!(matches!(status(&app), Status::Cancelling(_)));
        assert!(screen(&app).contains("Cancelling…"));
        exporter.cancel();
        let outcome = exporter.wait_outcome(PATIENCE)?;
        assert_eq!(outcome, ExportOutcome::Cancelled);
        finished(&mut app, TaskOutcome::Export(outcome));
        Ok(())
    })?;
    assert!(screen(&app).contains("Cancelled: nothing was written."));
    assert_eq!(
        entries(dir.path()),
        Vec::<String>::new(),
        "no file, no temporary file"
    );
    // The dialog is usable again: Esc closes it.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Browse);
    Ok(())
}

#[test]
fn a_large_export_on_the_worker_runs_to_the_end_with_its_progress_counted() -> Result {
    let t = large();
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("all.csv");
    let mut app = App::new(t, 100, 30);
    let request = ask_export(&mut app, 'c', &path);
    let (outcome, last) = std::thread::scope(|scope| -> Result<_> {
        let exporter = Exporter::start(scope, t, request);
        let outcome = exporter.wait_outcome(PATIENCE)?;
        Ok((outcome, exporter.progress()))
    })?;
    assert_eq!(last.events, LARGE);
    assert_eq!(last.bytes, fs::metadata(&path)?.len(), "every byte counted");
    finished(&mut app, TaskOutcome::Export(outcome));
    assert!(matches!(
        status(&app),
        Status::Done(ExportOutcome::Wrote { count: LARGE, .. })
    ));
    let rows = csv::Reader::from_path(&path)?.records().count();
    assert_eq!(rows, LARGE);
    assert_eq!(entries(dir.path()), ["all.csv"]);
    Ok(())
}

#[test]
fn a_cancelled_write_removes_its_temporary_file_in_every_format() -> Result {
    let t = mini();
    let dir = tempfile::tempdir()?;
    for format in Format::ALL {
        let progress = Arc::new(Progress::default());
        progress.cancel();
        let request = ExportRequest {
            format,
            events: t.events().map(|(ix, _)| ix).collect(),
            query: None,
            path: dir
                .path()
                .join(format!("x.{}", format.extension()))
                .display()
                .to_string(),
            force: false,
        };
        let outcome = task::write_export(&t, request, progress);
        assert_eq!(outcome, ExportOutcome::Cancelled, "{}", format.name());
    }
    assert_eq!(entries(dir.path()), Vec::<String>::new());
    Ok(())
}

#[test]
fn cancelling_a_replacement_keeps_the_old_file() -> Result {
    let t = mini();
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("kept.csv");
    fs::write(&path, "the user's own")?;
    let progress = Arc::new(Progress::default());
    progress.cancel();
    let request = ExportRequest {
        format: Format::Csv,
        events: t.events().map(|(ix, _)| ix).collect(),
        query: None,
        path: path.display().to_string(),
        force: true,
    };
    assert_eq!(
        task::write_export(&t, request, progress),
        ExportOutcome::Cancelled
    );
    assert_eq!(fs::read_to_string(&path)?, "the user's own");
    assert_eq!(entries(dir.path()), ["kept.csv"]);
    Ok(())
}

#[test]
fn esc_cancels_an_export_in_the_real_app_and_leaves_no_file() -> Result {
    let dir = tempfile::tempdir()?;
    let store = dir.path().join("big.ron");
    fs::write(&store, large_text())?;
    let out = dir.path().join("out");
    fs::create_dir(&out)?;
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_ali-timeline"));
    command.args(["--data", &store.display().to_string()]);
    command.env("XDG_CACHE_HOME", dir.path().join("cache"));
    command.env_remove("NO_COLOR");
    command.cwd(&out);
    let mut app = Session::spawn(command, 100, 30)?;
    app.wait_for_text("1/20000")?;
    // Markdown: the slowest format to start (it works out every event's changes first).
    app.send("em\r")?;
    app.wait_for_all(&["Writing…", "of 20,000 events", "Esc cancels"], &[])?;
    app.send("\x1b")?;
    app.wait_for_text("Cancelled: nothing was written.")?;
    assert_eq!(
        entries(&out),
        Vec::<String>::new(),
        "no file, no temporary file"
    );
    app.send("\x1b")?;
    app.wait_for_all(&["Timeline"], &["Cancelled"])?;

    // Quitting while an export is written stops it and leaves nothing either.
    app.send("em\r")?;
    app.wait_for_all(&["Writing…", "of 20,000 events"], &[])?;
    app.send("\x03")?;
    assert_eq!(app.finish()?, 0);
    assert!(
        !app.parser.screen().alternate_screen(),
        "the terminal is restored"
    );
    assert_eq!(
        entries(&out),
        Vec::<String>::new(),
        "no file, no temporary file"
    );
    Ok(())
}
