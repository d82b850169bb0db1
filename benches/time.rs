//! Drawing time: the time axis at the top of the timeline pane (unfiltered and filtered), and
//! the tenure chart full screen (people by unit, unit lifelines), on the bundled store and on the
//! synthetic 100,000-event store, at 120×40 with the middle event selected (target: the 100k
//! render costs at most 1.5× the bundled one). Opening the chart (working its rows out from the
//! replayed history, done once by the update on `t`) is measured too, for the record.

mod common;

use ali_timeline::tui::action::Action;
use ali_timeline::tui::app::{App, Entity, Mode};
use ali_timeline::tui::layout;
use ali_timeline::tui::tenure::{ChartKind, TenureChart};
use ali_timeline::tui::update::{self, update};
use ali_timeline::tui::view;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use common::{HEIGHT, WIDTH};

/// `app` with the timeline filtered to the first person with events, as the update would.
fn filtered<'a>(app: &App<'a>) -> App<'a> {
    let mut app = app.clone();
    let person = app
        .timeline
        .people()
        .map(|(ix, _)| Entity::Person(ix))
        .find(|&p| !app.timeline.events_of(p).is_empty())
        .expect("someone has events");
    update::filter::filter_to(&mut app, person);
    app.cursor = app.visible.len() / 2;
    update::refresh(&mut app);
    app
}

fn bench_time(c: &mut Criterion) {
    let stores = common::stores();
    let mut group = c.benchmark_group("time");
    let mut buf = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
    for (name, timeline) in &stores {
        let app = common::app(timeline);
        let area = layout::axis_area(&app).expect("the axis shows at 120x40");
        group.bench_function(format!("axis/{name}"), |b| {
            b.iter(|| view::axis::render(&app, area, &mut buf));
        });
        let narrowed = filtered(&app);
        let area = layout::axis_area(&narrowed).expect("the axis shows at 120x40");
        group.bench_function(format!("axis_filtered/{name}"), |b| {
            b.iter(|| view::axis::render(&narrowed, area, &mut buf));
        });
        let mut charted = app.clone();
        update(&mut charted, Action::TenureChart);
        assert!(matches!(charted.mode, Mode::Tenure(_)), "t opens the chart");
        group.bench_function(format!("tenure/{name}"), |b| {
            b.iter(|| view::render(&charted, buf.area, &mut buf));
        });
        let mut lifelines = charted.clone();
        update(&mut lifelines, Action::FocusNext);
        group.bench_function(format!("lifelines/{name}"), |b| {
            b.iter(|| view::render(&lifelines, buf.area, &mut buf));
        });
        let size = app.size;
        let selected = app.event_index();
        group.bench_function(format!("tenure_open/{name}"), |b| {
            b.iter(|| TenureChart::new(timeline, ChartKind::People, size, selected));
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = bench_time
}
criterion_main!(benches);
