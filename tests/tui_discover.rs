//! Finding one's way: `? help` and `q quit` stay in the status bar at every width from 40
//! columns (and `Esc back` once there is something to go back from: a filter, a person or unit
//! opened, a pinned date); the help scrolls with a position indicator and holds the query syntax
//! and the legend of event kinds. Snapshots of the status bar and of the help scrolled to its end
//! at 80×24 and 40×12.

mod tui_support;

use ali_timeline::store::model::EventKind;
use ali_timeline::tui::action::Action;
use ali_timeline::tui::app::{App, Notice};
use ali_timeline::tui::help_text;
use ali_timeline::tui::theme::Theme;
use ali_timeline::tui::update::update;
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use tui_support::{filter_to_person, mini, press, screen, type_keys};

/// The status bar's text (the last row).
fn status_bar(app: &App<'_>) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

#[test]
fn help_and_quit_stay_in_the_status_bar_at_every_width_from_40() {
    let t = mini();
    for width in 40..=160 {
        let mut app = App::new(&t, width, 24);
        let bar = status_bar(&app);
        assert!(
            bar.contains("? help") && bar.contains("q quit"),
            "{width}: {bar}"
        );

        filter_to_person(&mut app, "gao");
        let bar = status_bar(&app);
        for hint in ["? help", "q quit", "Esc back"] {
            assert!(bar.contains(hint), "{width}, filtered: {bar}");
        }

        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('a'));
        type_keys(&mut app, "2015-02");
        press(&mut app, KeyCode::Enter);
        let bar = status_bar(&app);
        for hint in ["? help", "q quit", "Esc back"] {
            assert!(bar.contains(hint), "{width}, date pinned: {bar}");
        }

        app.notice = Some(Notice {
            text: "copied a citation of “Alibaba acquires Xiami” to the clipboard".into(),
            error: false,
        });
        let bar = status_bar(&app);
        assert!(
            bar.contains("? help") && bar.contains("q quit"),
            "{width}, notice: {bar}"
        );
        assert!(bar.contains("copied"), "{width}, notice: {bar}");
    }
}

#[test]
fn the_other_hints_fill_the_rest_in_table_order() {
    let t = mini();
    let app = App::new(&t, 160, 24);
    let bar = status_bar(&app);
    let order = [
        "Tab pane",
        "/ search",
        "Enter open",
        "? help",
        "e export",
        "o source",
        "y cite",
        "q quit",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|hint| bar.find(hint).unwrap_or_else(|| panic!("{hint}: {bar}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{bar}");
}

#[test]
fn snapshots_of_the_status_bar_at_80x24_and_40x12() {
    let t = mini();
    let mut wide = App::new(&t, 80, 24);
    filter_to_person(&mut wide, "gao");
    let mut narrow = App::new(&t, 40, 12);
    filter_to_person(&mut narrow, "gao");
    let plain = App::new(&t, 40, 12);
    assert_snapshot!(
        "status_bars",
        [status_bar(&wide), status_bar(&narrow), status_bar(&plain)].join("\n")
    );
}

/// The help's lines as plain text at `width`.
fn help_lines(app: &App<'_>, width: u16) -> Vec<String> {
    help_text::lines(app, width)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

#[test]
fn the_help_holds_the_query_syntax_and_the_kind_legend() {
    let t = mini();
    let app = App::new(&t, 120, 40);
    let help = help_lines(&app, 118);
    let has = |needle: &str| help.iter().any(|l| l.contains(needle));
    for needle in [
        "Queries",
        "'damai",
        "!ttpod",
        "person:gao",
        "kind:acq",
        "@2015..2016-06",
        "Event kinds",
    ] {
        assert!(has(needle), "{needle}: {help:#?}");
    }
    for kind in EventKind::ALL {
        let entry = format!("  {} {}", Theme::kind_symbol(kind), kind.as_str());
        assert!(help.contains(&entry), "{entry}: {help:#?}");
    }
}

#[test]
fn the_help_scrolls_and_says_which_lines_it_shows() {
    let t = mini();
    for (width, height) in [(80, 24), (40, 12)] {
        let mut app = App::new(&t, width, height);
        press(&mut app, KeyCode::Char('?'));
        let text = screen(&app);
        let total = lines_in_note(&text);
        assert!(text.contains(" 1–"), "{text}");
        assert!(text.contains(&format!(" of {total} · ↓ more")), "{text}");
        assert!(!text.contains("ended (struck through)"), "{text}");
        update(&mut app, Action::Bottom);
        let text = screen(&app);
        assert!(
            text.contains(&format!("–{total} of {total} · end")),
            "{text}"
        );
        assert!(
            text.contains("ended (struck through)"),
            "the last line shows: {text}"
        );
        assert_snapshot!(format!("help_end_{width}x{height}"), text);
    }
}

/// The number of help lines the position note gives (`1–17 of N · …`).
fn lines_in_note(text: &str) -> usize {
    text.split(" of ")
        .skip(1)
        .find_map(|after| {
            let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
            after[digits.len()..]
                .starts_with(" ·")
                .then(|| digits.parse().ok())?
        })
        .expect("a position note")
}
