//! Rendering: one whole frame through ratatui's `TestBackend` (as the app draws it), and each
//! pane and overlay on its own into a buffer, on the bundled store and on the synthetic
//! 100,000-event store (target: the 100k frame costs at most 1.5× the bundled one), with the
//! middle event selected, at 120×40.

mod common;

use ali_timeline::Timeline;
use ali_timeline::query::{self, Query};
use ali_timeline::tui::app::{App, Mode, Pane, Search};
use ali_timeline::tui::layout::{self, PaneArea};
use ali_timeline::tui::line_input::LineInput;
use ali_timeline::tui::view;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use common::{HEIGHT, WIDTH};

/// The search overlay showing the results of "gao song".
fn searching(timeline: &Timeline) -> Search {
    let query = Query::parse("gao song").expect("query parses");
    Search {
        input: LineInput::new().with_text(&query.text),
        hits: query::search(timeline, &query, 200),
        ..Search::default()
    }
}

fn area_of(app: &App<'_>, pane: Pane) -> PaneArea {
    let areas = layout::areas(app.size, app.focus, pane);
    *areas.pane(pane).expect("every pane shows at 120x40")
}

fn bench_render(c: &mut Criterion) {
    let stores = common::stores();
    let mut group = c.benchmark_group("render");
    for (name, timeline) in &stores {
        let app = common::app(timeline);
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test backend");
        group.bench_function(format!("frame/{name}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| view::render(&app, frame.area(), frame.buffer_mut()))
                    .map(|_| ())
                    .expect("draws")
            });
        });
        let mut buf = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
        let (timeline_pane, detail, org) = (
            area_of(&app, Pane::Timeline),
            area_of(&app, Pane::Detail),
            area_of(&app, Pane::Org),
        );
        group.bench_function(format!("timeline/{name}"), |b| {
            b.iter(|| view::timeline::render(&app, timeline_pane.inner, true, &mut buf));
        });
        group.bench_function(format!("detail/{name}"), |b| {
            b.iter(|| view::detail::render(&app, &detail, &mut buf));
        });
        group.bench_function(format!("org/{name}"), |b| {
            b.iter(|| view::org::render(&app, org.inner, false, &mut buf));
        });
        let body = layout::areas(app.size, app.focus, app.side).body;
        let search = searching(timeline);
        group.bench_function(format!("search_overlay/{name}"), |b| {
            b.iter(|| view::search::render(&app, &search, layout::overlay(body), &mut buf));
        });
        let mut helping = app.clone();
        helping.mode = Mode::Help;
        group.bench_function(format!("help_overlay/{name}"), |b| {
            b.iter(|| view::help::render(&helping, layout::overlay(body), &mut buf));
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = bench_render
}
criterion_main!(benches);
