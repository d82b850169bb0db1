//! The terminal app under random use, at every size:
//!
//! - random action sequences (every [`Action`] variant, any character typed, resizes to any size
//!   up to 300×100, clicks and wheel anywhere) never panic, keep selections in range, and every
//!   frame after every step draws without panicking and without an unsafe character;
//! - every size up to 300×100 draws (`tui_sizes.rs` covers every size up to 120×40; this covers
//!   the rest: every size along the narrow and short edges, a stride over the middle, the full
//!   width and the full height, and every state at the four corners).
//!
//! Frames are drawn straight into buffers (no terminal) to keep this fast in debug builds.

mod tui_support;

use std::collections::BTreeSet;

use ali_timeline::Timeline;
use ali_timeline::tui::action::{Action, Edit};
use ali_timeline::tui::app::{App, Mode};
use ali_timeline::tui::task::{self, Task};
use ali_timeline::tui::update::update;
use ali_timeline::tui::view;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use tui_support::{Step, assert_cells_safe, fixture, play, render};

/// The stores the random sequences run against: the bundled one and the hostile one.
fn stores() -> &'static [Timeline; 2] {
    static STORES: std::sync::OnceLock<[Timeline; 2]> = std::sync::OnceLock::new();
    STORES.get_or_init(|| {
        [
            ali_timeline::timeline::load_bundled().expect("the bundled store loads"),
            fixture("hostile.ron"),
        ]
    })
}

/// The variants without fields, all of them.
const PLAIN: [Action; 52] = [
    Action::Up,
    Action::Down,
    Action::PageUp,
    Action::PageDown,
    Action::Top,
    Action::Bottom,
    Action::PrevYear,
    Action::NextYear,
    Action::Fold,
    Action::Unfold,
    Action::ToggleFold,
    Action::FoldAll,
    Action::UnfoldAll,
    Action::FocusNext,
    Action::FocusPrev,
    Action::Search,
    Action::Help,
    Action::AskDate,
    Action::Confirm,
    Action::Back,
    Action::Export,
    Action::OpenSource,
    Action::Copy,
    Action::OlderQuery,
    Action::NewerQuery,
    Action::Edit(Edit::Left),
    Action::Edit(Edit::Right),
    Action::Edit(Edit::Home),
    Action::Edit(Edit::End),
    Action::Edit(Edit::WordLeft),
    Action::Edit(Edit::WordRight),
    Action::Edit(Edit::EraseBack),
    Action::Edit(Edit::EraseForward),
    Action::Edit(Edit::EraseWord),
    Action::Edit(Edit::EraseToStart),
    Action::Edit(Edit::EraseToEnd),
    Action::FilterByQuery,
    Action::SaveQuery,
    Action::SavedQueries,
    Action::DeleteSaved,
    Action::JumpBack,
    Action::JumpForward,
    Action::GoToDate,
    Action::Zoom,
    Action::Quit,
    Action::PrevPeriod,
    Action::NextPeriod,
    Action::TenureChart,
    Action::TimeZoomIn,
    Action::TimeZoomOut,
    Action::PanEarlier,
    Action::PanLater,
];

/// Which variant an action is. The match has no wildcard, so a new variant fails to compile
/// here until the generator below makes it too.
fn variant(action: Action) -> &'static str {
    match action {
        Action::Up => "Up",
        Action::Down => "Down",
        Action::PageUp => "PageUp",
        Action::PageDown => "PageDown",
        Action::Top => "Top",
        Action::Bottom => "Bottom",
        Action::PrevYear => "PrevYear",
        Action::NextYear => "NextYear",
        Action::Fold => "Fold",
        Action::Unfold => "Unfold",
        Action::ToggleFold => "ToggleFold",
        Action::FoldAll => "FoldAll",
        Action::UnfoldAll => "UnfoldAll",
        Action::FocusNext => "FocusNext",
        Action::FocusPrev => "FocusPrev",
        Action::Search => "Search",
        Action::Help => "Help",
        Action::AskDate => "AskDate",
        Action::Confirm => "Confirm",
        Action::Back => "Back",
        Action::Type(_) => "Type",
        Action::Export => "Export",
        Action::OpenSource => "OpenSource",
        Action::Copy => "Copy",
        Action::Edit(_) => "Edit",
        Action::OlderQuery => "OlderQuery",
        Action::NewerQuery => "NewerQuery",
        Action::FilterByQuery => "FilterByQuery",
        Action::SaveQuery => "SaveQuery",
        Action::SavedQueries => "SavedQueries",
        Action::DeleteSaved => "DeleteSaved",
        Action::JumpBack => "JumpBack",
        Action::JumpForward => "JumpForward",
        Action::GoToDate => "GoToDate",
        Action::Zoom => "Zoom",
        Action::Click { .. } => "Click",
        Action::Scroll { .. } => "Scroll",
        Action::Resize { .. } => "Resize",
        Action::Quit => "Quit",
        Action::PrevPeriod => "PrevPeriod",
        Action::NextPeriod => "NextPeriod",
        Action::TenureChart => "TenureChart",
        Action::TimeZoomIn => "TimeZoomIn",
        Action::TimeZoomOut => "TimeZoomOut",
        Action::PanEarlier => "PanEarlier",
        Action::PanLater => "PanLater",
    }
}

/// Characters typed into the search and the date input: anything at all, with controls,
/// escapes, bidi and zero-width characters, CJK, and query and date syntax made likely.
fn typed() -> impl Strategy<Value = char> {
    prop_oneof![
        2 => any::<char>(),
        2 => prop::sample::select(vec![
            '\u{0}', '\u{7}', '\u{8}', '\t', '\n', '\r', '\u{1b}', '\u{7f}', '\u{9b}', '\u{202e}',
            '\u{2066}', '\u{200b}', '\u{feff}', '高', '晓', '松', '虾', '米', '音', '乐', '😀',
            '\u{301}',
        ]),
        3 => prop::sample::select(vec![
            ' ', ':', '@', '.', '!', '\'', '^', '$', '~', '-', 'g', 'a', 'o', 'k', 'i', 'n', 'd',
            'p', 'e', 'r', 's', 'u', 't', '0', '1', '2', '5', '9',
        ]),
    ]
}

/// Any action, every variant possible: movements and commands, typing, clicks and wheel
/// anywhere (also off screen), resizes to any size up to 300×100 (zero included).
fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        6 => prop::sample::select(PLAIN.to_vec()),
        4 => typed().prop_map(Action::Type),
        1 => (0u16..=310, 0u16..=110).prop_map(|(column, row)| Action::Click { column, row }),
        1 => (0u16..=310, 0u16..=110, -40i16..=40)
            .prop_map(|(column, row, lines)| Action::Scroll { column, row, lines }),
        1 => (0u16..=300, 0u16..=100).prop_map(|(width, height)| Action::Resize { width, height }),
    ]
}

/// Selections stay within what they select from.
fn assert_consistent(app: &App<'_>) {
    assert!(
        app.cursor < app.visible.len().max(1),
        "cursor {} of {}",
        app.cursor,
        app.visible.len()
    );
    assert!(
        app.visible
            .iter()
            .all(|&ix| ix.index() < app.timeline.store.events.len())
    );
    if let Mode::Search(search) = &app.mode {
        assert!(search.selected < search.hits.len().max(1));
    }
}

#[test]
fn the_generator_makes_every_action_variant() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = action();
    let made: BTreeSet<&str> = (0..2000)
        .map(|_| variant(strategy.new_tree(&mut runner).unwrap().current()))
        .collect();
    let all: BTreeSet<&str> = PLAIN
        .into_iter()
        .chain([
            Action::Type('x'),
            Action::Click { column: 0, row: 0 },
            Action::Scroll {
                column: 0,
                row: 0,
                lines: 0,
            },
            Action::Resize {
                width: 0,
                height: 0,
            },
        ])
        .map(variant)
        .collect();
    assert_eq!(made, all);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_action_sequences_never_panic_and_every_frame_is_safe(
        store in 0usize..2,
        (width, height) in (0u16..=300, 0u16..=100),
        actions in prop::collection::vec(action(), 1..=50),
    ) {
        let t = &stores()[store];
        let mut app = App::new(t, width, height);
        for action in actions {
            // Searches are performed, as the searcher would; exports are not (no files written).
            if let Some(search @ Task::Search(_)) = update(&mut app, action) {
                task::run(&mut app, search);
            }
            assert_consistent(&app);
            assert_cells_safe(&render(&app), &format!("after {action:?}"));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Every size up to 300×100.

/// States drawn at the sizes below, reached by keys from a fresh app of the bundled store.
fn size_states(t: &Timeline) -> Vec<App<'_>> {
    use KeyCode::{End, Enter, Tab};
    use Step::{Press, Repeat, Type};
    let scripts: [&[Step]; 8] = [
        &[],
        &[Press(End)],
        &[Type("jjj"), Press(Tab)],
        &[Type("jjjjjj"), Repeat(Tab, 2), Type("jj")],
        &[Type("/gao")],
        &[Type("?")],
        &[Type("a2015-13"), Press(Enter)],
        &[Type("/song"), Press(Enter), Press(Tab)],
    ];
    scripts
        .iter()
        .map(|script| {
            let mut app = App::new(t, 120, 40);
            play(&mut app, script);
            app
        })
        .collect()
}

/// The sizes past 120×40 (up to 300×100) worth drawing: every size with a narrow (≤ 6 columns)
/// or short (≤ 3 rows) edge, where layouts change most; one size in every 15 columns × 10 rows
/// over the middle; every height at the full width of 300, every third width at the full height
/// of 100. `tui_sizes.rs` draws every size up to 120×40.
fn sizes_past_120x40() -> Vec<(u16, u16)> {
    let mut sizes = Vec::new();
    for width in 1..=300u16 {
        for height in 1..=100u16 {
            let covered = width <= 120 && height <= 40;
            let edge = width <= 6 || height <= 3;
            let stride = width % 15 == 0 && height % 10 == 0;
            let last = width == 300 || (height == 100 && width % 3 == 0);
            if !covered && (edge || stride || last) {
                sizes.push((width, height));
            }
        }
    }
    sizes
}

#[test]
fn every_size_up_to_300x100_draws_without_panicking() {
    let t = ali_timeline::timeline::load_bundled().expect("the bundled store loads");
    let mut apps = size_states(&t);
    let sizes = sizes_past_120x40();
    assert!(sizes.contains(&(300, 100)) && sizes.contains(&(1, 100)) && sizes.contains(&(300, 1)));
    for (n, &(width, height)) in sizes.iter().enumerate() {
        // Every state at the corners; one state, in turn, at each other size.
        let corner = matches!(width, 1 | 300) && matches!(height, 1 | 100);
        for (k, app) in apps.iter_mut().enumerate() {
            if corner || k == n % 8 {
                update(app, Action::Resize { width, height });
                let area = Rect::new(0, 0, width, height);
                let mut buffer = Buffer::empty(area);
                view::render(app, area, &mut buffer);
            }
        }
    }
}
