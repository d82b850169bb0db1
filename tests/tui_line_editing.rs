//! The line editor every input shares (the search box, the date for the org chart, the export
//! path): each editing key through the keymap, as a user presses it, paste at the cursor, and
//! the cursor drawn where it is (snapshots with a `^` under the cursor cell).

mod tui_support;

use ali_timeline::tui::app::{App, Mode};
use ali_timeline::tui::keymap::{BINDINGS, Context};
use ali_timeline::tui::line_input::LineInput;
use ali_timeline::tui::update::paste;
use insta::assert_snapshot;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::style::Modifier;
use tui_support::{buffer_text, draw, mini, press, press_key, type_keys};

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;

/// The input's text with `|` at the cursor.
fn marked(input: &LineInput) -> String {
    let mut text: Vec<char> = input.text().chars().collect();
    text.insert(input.cursor(), '|');
    text.into_iter().collect()
}

fn search_input(app: &App<'_>) -> String {
    match &app.mode {
        Mode::Search(search) => marked(&search.input),
        other => panic!("the search is not open: {other:?}"),
    }
}

/// Every editing key, in the search box, starting from `gao kind:acq @2016` with the cursor
/// after `@20`.
#[test]
fn every_editing_key_edits_the_search_box_at_the_cursor() {
    let t = mini();
    let cases: &[(KeyCode, KeyModifiers, &str)] = &[
        (KeyCode::Left, NONE, "gao kind:acq @2|016"),
        (KeyCode::Right, NONE, "gao kind:acq @201|6"),
        (KeyCode::Home, NONE, "|gao kind:acq @2016"),
        (KeyCode::Char('a'), CTRL, "|gao kind:acq @2016"),
        (KeyCode::End, NONE, "gao kind:acq @2016|"),
        (KeyCode::Char('e'), CTRL, "gao kind:acq @2016|"),
        (KeyCode::Char('b'), ALT, "gao kind:acq @|2016"),
        (KeyCode::Char('f'), ALT, "gao kind:acq @2016|"),
        (KeyCode::Backspace, NONE, "gao kind:acq @2|16"),
        (KeyCode::Delete, NONE, "gao kind:acq @20|6"),
        (KeyCode::Char('w'), CTRL, "gao kind:acq |16"),
        (KeyCode::Char('u'), CTRL, "|16"),
        (KeyCode::Char('k'), CTRL, "gao kind:acq @20|"),
    ];
    for &(code, modifiers, expected) in cases {
        let mut app = App::new(&t, 100, 30);
        type_keys(&mut app, "/gao kind:acq @2016");
        press(&mut app, KeyCode::Left);
        press(&mut app, KeyCode::Left);
        press_key(&mut app, code, modifiers);
        assert_eq!(search_input(&app), expected, "{code:?} {modifiers:?}");
    }
}

#[test]
fn typing_mid_query_searches_for_the_whole_query() {
    let t = mini();
    let mut app = App::new(&t, 100, 30);
    type_keys(&mut app, "/xiami");
    press(&mut app, KeyCode::Home);
    type_keys(&mut app, "zzz ");
    assert_eq!(search_input(&app), "zzz |xiami");
    let Mode::Search(search) = &app.mode else {
        panic!("search open")
    };
    assert!(search.hits.is_empty(), "zzz matches nothing");
    press_key(&mut app, KeyCode::Char('w'), CTRL);
    let Mode::Search(search) = &app.mode else {
        panic!("search open")
    };
    assert_eq!(search.text(), "xiami");
    assert!(
        search.hits.iter().any(|h| h.label.contains("Xiami")),
        "the results follow the edit"
    );
}

#[test]
fn a_paste_goes_in_at_the_cursor() {
    let t = mini();
    let mut app = App::new(&t, 100, 30);
    type_keys(&mut app, "/@2016");
    press(&mut app, KeyCode::Home);
    paste(&mut app, "kind:acq\n");
    assert_eq!(search_input(&app), "kind:acq |@2016");
}

#[test]
fn the_date_input_is_edited_at_the_cursor() {
    let t = mini();
    let mut app = App::new(&t, 100, 30);
    press(&mut app, KeyCode::Char('a'));
    type_keys(&mut app, "201-02");
    for _ in 0..3 {
        press(&mut app, KeyCode::Left);
    }
    type_keys(&mut app, "5");
    press_key(&mut app, KeyCode::Char('e'), CTRL);
    let Mode::Date(date) = &app.mode else {
        panic!("the date is being typed")
    };
    assert_eq!(marked(&date.input), "2015-02|");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.org_date.map(|d| d.to_string()).as_deref(),
        Some("2015-02")
    );
}

#[test]
fn the_export_path_takes_the_same_keys() {
    let t = mini();
    let mut app = App::new(&t, 100, 30);
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Tab);
    press_key(&mut app, KeyCode::Char('a'), CTRL);
    type_keys(&mut app, "out/");
    press_key(&mut app, KeyCode::Char('f'), ALT);
    press_key(&mut app, KeyCode::Char('f'), ALT);
    press_key(&mut app, KeyCode::Char('k'), CTRL);
    let Mode::Export(dialog) = &app.mode else {
        panic!("the dialog is open")
    };
    assert_eq!(marked(&dialog.path), "out/ali-timeline|");
    press_key(&mut app, KeyCode::Char('w'), CTRL);
    let Mode::Export(dialog) = &app.mode else {
        panic!("the dialog is open")
    };
    assert_eq!(marked(&dialog.path), "|");
}

/// The screen, with a line holding `^` under each cell of the row that holds `row_text` whose
/// reversal differs from the row's first cell (the cursor of the input on that row).
fn with_cursor(buffer: &Buffer, row_text: &str) -> String {
    let text = buffer_text(buffer);
    let mut out = String::new();
    for (y, line) in text.lines().enumerate() {
        out.push_str(line);
        out.push('\n');
        if line.contains(row_text) {
            let y = u16::try_from(y).expect("a screen row");
            let reversed = |x: u16| buffer[(x, y)].modifier.contains(Modifier::REVERSED);
            let marks: String = (0..buffer.area.width)
                .map(|x| if reversed(x) == reversed(0) { ' ' } else { '^' })
                .collect();
            out.push_str(marks.trim_end());
            out.push('\n');
        }
    }
    out
}

#[test]
fn the_cursor_is_drawn_where_it_is() {
    let t = mini();
    let mut app = App::new(&t, 60, 12);
    type_keys(&mut app, "/kind:acq @2016");
    for _ in 0..5 {
        press(&mut app, KeyCode::Left);
    }
    assert_snapshot!(
        "search_cursor_mid_60x12",
        with_cursor(&draw(&app), "/ kind")
    );

    // A query wider than the box scrolls to keep the cursor in view, `…` marking what is cut.
    let mut app = App::new(&t, 30, 10);
    type_keys(&mut app, "/gao xiaosong kind:appointment @2015..2016");
    press_key(&mut app, KeyCode::Char('a'), CTRL);
    press_key(&mut app, KeyCode::Char('f'), ALT);
    assert_snapshot!(
        "search_cursor_start_30x10",
        with_cursor(&draw(&app), "/ gao")
    );

    let mut app = App::new(&t, 60, 12);
    press(&mut app, KeyCode::Char('a'));
    type_keys(&mut app, "2016-10");
    press(&mut app, KeyCode::Home);
    assert_snapshot!("date_cursor_start_60x12", with_cursor(&draw(&app), "as of"));
}

/// The editing keys reach every input but the export dialog, whose `Home` and `End` also choose
/// the first and last format: no input's own keys hide them.
#[test]
fn no_input_hides_an_editing_key() {
    let editing: Vec<_> = BINDINGS
        .iter()
        .filter(|b| b.context == Context::Input)
        .flat_map(|b| b.keys)
        .collect();
    for context in [Context::Search, Context::Date, Context::SaveName] {
        assert!(context.takes_text());
        for binding in BINDINGS.iter().filter(|b| b.context == context) {
            for key in binding.keys {
                assert!(
                    !editing.contains(&key),
                    "{} hides {}",
                    context.title(),
                    key.name()
                );
            }
        }
    }
}
