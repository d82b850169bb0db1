//! What the export dialog looks like and how it is reached: `e` in the key table, the help and
//! the hints; snapshots at 80×24 (every format listed) and 40×12 (folded to one line); every
//! size from 1×1 drawn without panicking; and the real binary in a pseudo-terminal writing an
//! export into the folder it was started in.

mod tui_support;

use std::error::Error;
use std::path::PathBuf;

use ali_timeline::tui::action::Action;
use ali_timeline::tui::app::{App, Mode};
use ali_timeline::tui::export_dialog::{ExportOutcome, Status};
use ali_timeline::tui::help_text;
use ali_timeline::tui::keymap::{BINDINGS, Context, action_for_key, hints};
use ali_timeline::tui::update::update;
use ali_timeline::tui::view;
use insta::assert_snapshot;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use tui_support::pty::Session;
use tui_support::{MINI, buffer_text, filter_to_person, mini, press, press_key, screen, type_keys};

type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

#[test]
fn e_is_in_the_key_table_the_help_and_the_hints() {
    let e = KeyEvent::new(KeyCode::Char('e'), KeyModifiers::NONE);
    assert_eq!(action_for_key(Context::Browse, &e), Some(Action::Export));
    assert!(hints(Context::Browse).contains(&("e".to_string(), "export")));
    let t = mini();
    let app = App::new(&t, 120, 40);
    assert!(screen(&app).contains("e export"), "status bar hint");
    let help: Vec<String> = help_text::lines(&app, 200)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    let line = |needle: &str| help.iter().any(|l| l.contains(needle));
    assert!(line("export the events the timeline shows"), "{help:#?}");
    assert!(line("Export (format list"), "{help:#?}");
    assert!(
        line("Ctrl-U") && line("delete everything before the cursor"),
        "{help:#?}"
    );

    let mut seen = std::collections::HashSet::new();
    for binding in BINDINGS
        .iter()
        .filter(|b| matches!(b.context, Context::Export | Context::Anywhere))
    {
        for key in binding.keys {
            assert!(seen.insert(*key), "{} bound twice", key.name());
        }
    }
}

#[test]
fn snapshot_of_the_dialog_at_80x24_filtered_after_writing() {
    let t = mini();
    let mut app = App::new(&t, 80, 24);
    filter_to_person(&mut app, "gao");
    press(&mut app, KeyCode::Char('e'));
    assert_snapshot!("export_80x24_ready", screen(&app));
    press(&mut app, KeyCode::Char('r'));
    let Mode::Export(d) = &mut app.mode else {
        panic!("the dialog is open");
    };
    // A written state set directly, so the snapshot does not depend on a temporary folder.
    d.status = Status::Done(ExportOutcome::Wrote {
        count: 2,
        path: PathBuf::from("/home/analyst/exports/ali-timeline-gao-xiaosong.ron"),
        notes: vec!["dropped effect of dme-reshuffle: needs events outside the selection".into()],
    });
    assert_snapshot!("export_80x24_wrote", screen(&app));
}

#[test]
fn snapshots_of_the_dialog_at_40x12() {
    let t = mini();
    let mut app = App::new(&t, 40, 12);
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Char('m'));
    assert_snapshot!("export_40x12_ready", screen(&app));
    press(&mut app, KeyCode::Tab);
    press_key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    press(&mut app, KeyCode::Enter);
    assert_snapshot!("export_40x12_no_path", screen(&app));
    type_keys(&mut app, "~/a/very/long/folder/name/for/exports/高晓松.md");
    for _ in 0..5 {
        press(&mut app, KeyCode::Left);
    }
    assert_snapshot!("export_40x12_long_path", screen(&app));
}

#[test]
fn every_size_draws_the_dialog_without_panicking() {
    let t = mini();
    let mut apps = Vec::new();
    for script in ["", "\t~/x/高晓松.csv", "\t\u{15}\n"] {
        let mut app = App::new(&t, 120, 40);
        press(&mut app, KeyCode::Char('e'));
        for c in script.chars() {
            match c {
                '\t' => press(&mut app, KeyCode::Tab),
                '\n' => press(&mut app, KeyCode::Enter),
                '\u{15}' => press_key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL),
                c => press(&mut app, KeyCode::Char(c)),
            }
        }
        apps.push(app);
    }
    for width in 1..=120u16 {
        for height in 1..=40u16 {
            if width > 12 && height > 6 && (width + height) % 5 != 0 {
                continue;
            }
            for app in &mut apps {
                update(app, Action::Resize { width, height });
                let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
                view::render(app, buffer.area, &mut buffer);
            }
        }
    }
    let mut buffer = Buffer::empty(Rect::new(0, 0, 40, 12));
    view::render(&apps[2], buffer.area, &mut buffer);
    assert!(buffer_text(&buffer).contains("type a file name"));
}

#[test]
fn the_real_app_writes_an_export_in_its_folder() -> Result {
    let dir = tempfile::tempdir()?;
    let mut app = Session::start_in(dir.path(), &["--data", MINI], 100, 30)?;
    app.wait_for_all(&["1/13", "Alibaba acquires Xiami", "e export"], &[])?;
    app.send("e")?;
    app.wait_for_all(&["Export 13 events", "ali-timeline-all.csv"], &[])?;
    app.send("\r")?;
    app.wait_for_all(&["wrote 13 events to"], &["Writing"])?;
    app.send("\x1b")?;
    app.wait_for_all(&["Alibaba acquires Xiami"], &["Export 13 events"])?;
    app.send("q")?;
    assert_eq!(app.finish()?, 0, "screen:\n{}", app.screen());
    assert!(!app.parser.screen().alternate_screen(), "terminal restored");

    let path = dir.path().join("ali-timeline-all.csv");
    let records = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(&path)?
        .into_records()
        .collect::<std::result::Result<Vec<_>, _>>()?;
    assert_eq!(records.len(), 14, "a header and the 13 events");
    let t = mini();
    let ids: Vec<&str> = records[1..].iter().map(|r| &r[0]).collect();
    let expected: Vec<&str> = t.store.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, expected, "every event, in date order");
    Ok(())
}
