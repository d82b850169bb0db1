use ali_timeline::tui::{action::Action, app::App, update::update, view};
use ratatui::{buffer::Buffer, layout::Rect};
use std::time::Instant;
fn main() {
    let t = ali_timeline::store::load_file(std::path::Path::new("tests/fixtures/tui-mini.ron"))
        .unwrap();
    let mut app = App::new(&t, 120, 40);
    update(&mut app, Action::Down);
    let n = 500;
    let s = Instant::now();
    for _ in 0..n {
        update(
            &mut app,
            Action::Resize {
                width: 120,
                height: 40,
            },
        );
    }
    println!("update {:?}", s.elapsed() / n);
    let s = Instant::now();
    for _ in 0..n {
        let _ = app.org_lines();
    }
    println!("org_lines {:?}", s.elapsed() / n);
    let s = Instant::now();
    for _ in 0..n {
        let _ = view::detail::lines(&app, 60);
    }
    println!("detail {:?}", s.elapsed() / n);
    let s = Instant::now();
    for _ in 0..n {
        let _ = view::help::lines(&app);
    }
    println!("help {:?}", s.elapsed() / n);
    let s = Instant::now();
    for _ in 0..n {
        let area = Rect::new(0, 0, 120, 40);
        let mut b = Buffer::empty(area);
        view::render(&app, area, &mut b);
    }
    println!("render {:?}", s.elapsed() / n);
    let area = Rect::new(0, 0, 120, 40);
    let mut b = Buffer::empty(area);
    let s = Instant::now();
    for _ in 0..n {
        view::timeline::render(&app, Rect::new(1, 1, 50, 37), true, &mut b);
    }
    println!("timeline {:?}", s.elapsed() / n);
    let s = Instant::now();
    for _ in 0..n {
        view::org::render(&app, Rect::new(1, 1, 50, 37), true, &mut b);
    }
    println!("org {:?}", s.elapsed() / n);
    let s = Instant::now();
    for _ in 0..n {
        view::detail::render(&app, Rect::new(1, 1, 50, 37), &mut b);
    }
    println!("detail render {:?}", s.elapsed() / n);
    let s = Instant::now();
    for _ in 0..n {
        view::status::render(&app, Rect::new(0, 39, 120, 1), &mut b);
    }
    println!("status {:?}", s.elapsed() / n);
    let s = Instant::now();
    for _ in 0..n {
        use ratatui::widgets::Widget;
        ratatui::widgets::Block::bordered().render(Rect::new(0, 0, 60, 40), &mut b);
    }
    println!("block {:?}", s.elapsed() / n);
    let s = Instant::now();
    for _ in 0..n {
        let _b = Buffer::empty(area);
    }
    println!("buffer {:?}", s.elapsed() / n);
}
#[allow(dead_code)]
fn more() {}
