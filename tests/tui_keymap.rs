//! The terminal app's keymap: the keys the issue names map to the right actions, text inputs take
//! characters, the mouse and resizes map to actions, and the one table drives the help overlay and
//! the status bar hints.

mod tui_support;

use std::collections::HashSet;

use ali_timeline::tui::action::{Action, Edit};
use ali_timeline::tui::app::App;
use ali_timeline::tui::help_text;
use ali_timeline::tui::keymap::{
    BINDINGS, Context, action_for_event, action_for_key, hints, keys_label,
};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use tui_support::{mini, screen};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn browse(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
    action_for_key(Context::Browse, &KeyEvent::new(code, modifiers))
}

#[test]
fn the_keys_of_the_issue_do_what_it_says() {
    let none = KeyModifiers::NONE;
    let cases = [
        (KeyCode::Char('j'), none, Action::Down),
        (KeyCode::Down, none, Action::Down),
        (KeyCode::Char('k'), none, Action::Up),
        (KeyCode::Up, none, Action::Up),
        (KeyCode::Char('g'), none, Action::Top),
        (KeyCode::Home, none, Action::Top),
        (KeyCode::Char('G'), KeyModifiers::SHIFT, Action::Bottom),
        (KeyCode::End, none, Action::Bottom),
        (KeyCode::PageUp, none, Action::PageUp),
        (KeyCode::PageDown, none, Action::PageDown),
        (KeyCode::Char('['), none, Action::PrevYear),
        (KeyCode::Char(']'), none, Action::NextYear),
        (KeyCode::Tab, none, Action::FocusNext),
        (KeyCode::BackTab, KeyModifiers::SHIFT, Action::FocusPrev),
        (KeyCode::Char('/'), none, Action::Search),
        (KeyCode::Enter, none, Action::Confirm),
        (KeyCode::Esc, none, Action::Back),
        (KeyCode::Char('?'), KeyModifiers::SHIFT, Action::Help),
        (KeyCode::Char('a'), none, Action::AskDate),
        (KeyCode::Char('q'), none, Action::Quit),
        (KeyCode::Char('c'), KeyModifiers::CONTROL, Action::Quit),
    ];
    for (code, modifiers, action) in cases {
        assert_eq!(
            browse(code, modifiers),
            Some(action),
            "{code:?} {modifiers:?}"
        );
    }
    assert_eq!(
        browse(KeyCode::Char('x'), none),
        None,
        "unbound keys do nothing"
    );
    assert_eq!(
        browse(KeyCode::Char('j'), KeyModifiers::CONTROL),
        None,
        "Ctrl-J is not j"
    );
}

#[test]
fn inputs_take_characters_but_keep_their_own_keys() {
    for context in [Context::Search, Context::Date] {
        for c in ['j', 'k', 'q', '?', '/', 'G', 'a', ' ', '高', '~', '-'] {
            assert_eq!(
                action_for_key(context, &key(KeyCode::Char(c))),
                Some(Action::Type(c)),
                "{context:?} {c}"
            );
        }
        assert_eq!(
            action_for_key(context, &key(KeyCode::Enter)),
            Some(Action::Confirm)
        );
        assert_eq!(
            action_for_key(context, &key(KeyCode::Esc)),
            Some(Action::Back)
        );
        assert_eq!(
            action_for_key(context, &key(KeyCode::Backspace)),
            Some(Action::Edit(Edit::EraseBack))
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for_key(context, &ctrl_c), Some(Action::Quit));
    }
    assert_eq!(
        action_for_key(Context::Search, &key(KeyCode::Down)),
        Some(Action::Down)
    );
    assert_eq!(
        action_for_key(Context::Help, &key(KeyCode::Char('?'))),
        Some(Action::Back)
    );
    assert_eq!(
        action_for_key(Context::Help, &key(KeyCode::Char('x'))),
        None
    );
}

#[test]
fn key_releases_are_ignored() {
    let mut release = key(KeyCode::Char('q'));
    release.kind = KeyEventKind::Release;
    assert_eq!(action_for_key(Context::Browse, &release), None);
}

#[test]
fn mouse_and_resize_become_actions() {
    let mouse = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: 7,
            row: 3,
            modifiers: KeyModifiers::NONE,
        })
    };
    let at = |e| action_for_event(Context::Browse, &e);
    assert_eq!(
        at(mouse(MouseEventKind::Down(MouseButton::Left))),
        Some(Action::Click { column: 7, row: 3 })
    );
    assert_eq!(
        at(mouse(MouseEventKind::ScrollDown)),
        Some(Action::Scroll {
            column: 7,
            row: 3,
            lines: 3
        })
    );
    assert_eq!(
        at(mouse(MouseEventKind::ScrollUp)),
        Some(Action::Scroll {
            column: 7,
            row: 3,
            lines: -3
        })
    );
    assert_eq!(at(mouse(MouseEventKind::Moved)), None);
    assert_eq!(
        at(Event::Resize(80, 24)),
        Some(Action::Resize {
            width: 80,
            height: 24
        })
    );
}

#[test]
fn no_key_is_bound_twice_where_it_applies() {
    for context in [
        Context::Browse,
        Context::Search,
        Context::Date,
        Context::Help,
    ] {
        let mut seen = HashSet::new();
        for binding in BINDINGS
            .iter()
            .filter(|b| b.context == context || b.context == Context::Anywhere)
        {
            assert!(!binding.help.is_empty());
            for k in binding.keys {
                assert!(seen.insert(*k), "{} bound twice in {context:?}", k.name());
            }
        }
    }
}

#[test]
fn the_help_overlay_lists_every_binding_from_the_table() {
    let t = mini();
    let app = App::new(&t, 120, 40);
    let text: Vec<String> = help_text::lines(&app, 200)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    for binding in BINDINGS {
        let keys = keys_label(binding);
        assert!(
            text.iter()
                .any(|l| l.contains(&keys) && l.contains(binding.help)),
            "help lacks {keys}: {}",
            binding.help
        );
    }
    assert!(text.iter().any(|l| l.contains("Shift-Tab")));
    assert!(text.iter().any(|l| l.contains("Ctrl-C")));
    assert!(text.iter().any(|l| l.contains("wheel")));
}

#[test]
fn the_status_bar_hints_come_from_the_table() {
    let browse_hints = hints(Context::Browse);
    assert!(browse_hints.contains(&("/".to_string(), "search")));
    assert!(browse_hints.contains(&("?".to_string(), "help")));
    let t = mini();
    let app = App::new(&t, 160, 40);
    let status = screen(&app).lines().last().unwrap_or_default().to_string();
    for (key, hint) in browse_hints {
        assert!(status.contains(&format!("{key} {hint}")), "{status}");
    }
}
