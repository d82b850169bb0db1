//! The terminal app draws at every size from 1×1 to 120×40 without panicking, in every mode
//! (browsing each pane, search with results, help, a rejected date, a filter), and keeps the
//! selection on screen once there is room for it. Buffers are drawn directly (no terminal) to
//! keep this fast.

mod tui_support;

use ali_timeline::Timeline;
use ali_timeline::tui::action::Action;
use ali_timeline::tui::app::App;
use ali_timeline::tui::update::update;
use ali_timeline::tui::view;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use tui_support::{buffer_text, mini, press, type_keys};

/// The states drawn at every size, each reached by keys from a fresh app.
fn states(t: &Timeline) -> Vec<App<'_>> {
    let scripts: [&[&str]; 8] = [
        &[],
        &["jjjjjjj"],
        &["jjjjjj", "\t"],
        &["jjjjjjjjjjjj", "\t", "\t", "jjj"],
        &["/gao"],
        &["?"],
        &["a", "2015-13", "\n"],
        &["/song", "\n", "\t"],
    ];
    scripts
        .iter()
        .map(|script| {
            let mut app = App::new(t, 120, 40);
            for keys in *script {
                match *keys {
                    "\t" => press(&mut app, KeyCode::Tab),
                    "\n" => press(&mut app, KeyCode::Enter),
                    text => type_keys(&mut app, text),
                }
            }
            app
        })
        .collect()
}

#[test]
fn every_size_from_1x1_to_120x40_draws_without_panicking() {
    let t = mini();
    let mut apps = states(&t);
    let count = apps.len();
    for width in 1..=120u16 {
        for height in 1..=40u16 {
            // Every state at the small sizes where layouts change most; one state (in turn) at
            // each larger size, so the test stays fast in debug builds.
            let small = width <= 10 || height <= 3;
            let turn = (usize::from(width) * 41 + usize::from(height)) % count;
            for (k, app) in apps.iter_mut().enumerate() {
                if small || k == turn {
                    update(app, Action::Resize { width, height });
                    let area = Rect::new(0, 0, width, height);
                    let mut buffer = Buffer::empty(area);
                    view::render(app, area, &mut buffer);
                }
            }
        }
    }
}

#[test]
fn drawing_into_a_smaller_buffer_than_the_state_expects_is_safe() {
    let t = mini();
    for app in states(&t) {
        for (width, height) in [(1, 1), (3, 2), (20, 5), (200, 60)] {
            let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
            view::render(&app, Rect::new(0, 0, 120, 40), &mut buffer);
        }
    }
}

#[test]
fn from_20x5_up_the_selected_event_is_on_screen() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    press(&mut app, KeyCode::End);
    for (width, height) in [(20, 5), (24, 6), (40, 12), (80, 24)] {
        update(&mut app, Action::Resize { width, height });
        let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
        view::render(&app, buffer.area, &mut buffer);
        let text = buffer_text(&buffer);
        assert!(text.contains("DME resh"), "{width}×{height}:\n{text}");
        assert!(text.contains("13/13"), "{width}×{height}:\n{text}");
    }
}
