//! Draws the terminal app on the bundled store into a 120×40 test terminal and writes the pictures
//! used in the README, each as SVG (with colours) and as text: `assets/screenshot` (the three
//! panes, with the time axis over the timeline), `assets/tenure` (the tenure chart, `t`) and
//! `assets/lifelines` (the unit lifelines, Tab in the chart); and `assets/axis.txt`, the time
//! axis of an 80-column terminal, with every event and filtered to Gao Xiaosong's.
//!
//! Regenerate after changing the app or the store:
//!
//! ```sh
//! cargo run --example screenshot            # the bundled timeline.ron
//! cargo run --example screenshot -- EVENT   # another event selected (its id)
//! ```

use std::fmt::Write as _;
use std::path::Path;

use ali_timeline::tui::app::{App, Entity};
use ali_timeline::tui::update::update;
use ali_timeline::tui::{action::Action, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;
/// The event selected in the picture.
const EVENT: &str = "ali-music-group-founded";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let event = std::env::args().nth(1).unwrap_or_else(|| EVENT.to_string());
    let timeline = ali_timeline::timeline::load_bundled()?;
    let mut app = App::new(&timeline, WIDTH, HEIGHT);
    let target = timeline
        .event_index(&event)
        .ok_or_else(|| format!("no event `{event}` in the bundled store"))?;
    while app.event_index().is_some_and(|ix| ix < target) {
        update(&mut app, Action::Down);
    }
    capture(&app, "screenshot")?;
    let mut chart = app.clone();
    update(&mut chart, Action::TenureChart);
    capture(&chart, "tenure")?;
    update(&mut chart, Action::FocusNext);
    capture(&chart, "lifelines")?;
    let mut axis = String::new();
    let mut narrow = app.clone();
    update(
        &mut narrow,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    axis.push_str(&axis_rows(&narrow)?);
    let gao = timeline
        .ids()
        .person("gao-xiaosong")
        .ok_or("no gao-xiaosong in the bundled store")?;
    ali_timeline::tui::update::filter::filter_to(&mut narrow, Entity::Person(gao));
    narrow.cursor = 0;
    ali_timeline::tui::update::refresh(&mut narrow);
    axis.push_str(&axis_rows(&narrow)?);
    std::fs::write(assets().join("axis.txt"), axis)?;
    println!(
        "wrote assets/{{screenshot,tenure,lifelines}}.{{svg,txt}} and assets/axis.txt ({event} selected)"
    );
    Ok(())
}

fn assets() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets")
}

/// Draws `app` and writes `assets/NAME.txt` and `assets/NAME.svg`.
fn capture(app: &App<'_>, name: &str) -> Result<(), Box<dyn std::error::Error>> {
    let buffer = draw(app)?;
    std::fs::write(assets().join(format!("{name}.txt")), text(&buffer))?;
    std::fs::write(assets().join(format!("{name}.svg")), svg(&buffer))?;
    Ok(())
}

fn draw(app: &App<'_>) -> Result<Buffer, Box<dyn std::error::Error>> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height))?;
    terminal.draw(|frame| view::render(app, frame.area(), frame.buffer_mut()))?;
    Ok(terminal.backend().buffer().clone())
}

/// The timeline pane's title and axis rows, as text.
fn axis_rows(app: &App<'_>) -> Result<String, Box<dyn std::error::Error>> {
    let areas = ali_timeline::tui::layout::areas(app.size, app.focus, app.side);
    let pane = areas
        .pane(ali_timeline::tui::app::Pane::Timeline)
        .ok_or("no timeline pane")?;
    let axis = ali_timeline::tui::layout::timeline_parts(app, pane.inner).axis;
    let buffer = draw(app)?;
    let mut out = String::new();
    for y in pane.outer.y..axis.bottom() + 1 {
        let line: String = row(&buffer, y)
            .iter()
            .filter(|(x, _)| *x < pane.outer.right())
            .map(|(_, c)| c.symbol())
            .collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    Ok(out)
}

/// The cells of row `y` that start a character (the cells under wide characters are skipped).
fn row(buffer: &Buffer, y: u16) -> Vec<(u16, &Cell)> {
    let mut cells = Vec::new();
    let mut x = 0;
    while x < buffer.area.width {
        let cell = &buffer[(x, y)];
        cells.push((x, cell));
        x += u16::try_from(cell.symbol().width().max(1)).unwrap_or(1);
    }
    cells
}

fn text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let line: String = row(buffer, y).iter().map(|(_, c)| c.symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

// A dark palette for the picture (terminals use their own).
const BACKGROUND: &str = "#1d1f21";
const FOREGROUND: &str = "#d5d8d6";

fn colour(color: Color) -> Option<&'static str> {
    Some(match color {
        Color::Red => "#e06c75",
        Color::Green => "#98c379",
        Color::Yellow => "#e5c07b",
        Color::Blue => "#61afef",
        Color::Magenta => "#c678dd",
        Color::Cyan => "#56b6c2",
        _ => return None,
    })
}

const CELL_W: f32 = 8.4;
const CELL_H: f32 = 18.0;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// How one run of cells is drawn: colours after reversing, and the text attributes.
#[derive(Clone, PartialEq)]
struct Look {
    fg: &'static str,
    bg: Option<&'static str>,
    attrs: String,
    wide: bool,
}

fn look(cell: &Cell) -> Look {
    let mut fg = colour(cell.fg).unwrap_or(FOREGROUND);
    let mut bg = colour(cell.bg);
    if cell.modifier.contains(Modifier::REVERSED) {
        (fg, bg) = (bg.unwrap_or(BACKGROUND), Some(fg));
    }
    let mut attrs = String::new();
    if cell.modifier.contains(Modifier::BOLD) {
        attrs.push_str(" font-weight=\"bold\"");
    }
    if cell.modifier.contains(Modifier::DIM) {
        attrs.push_str(" opacity=\"0.6\"");
    }
    let mut lines = Vec::new();
    if cell.modifier.contains(Modifier::UNDERLINED) {
        lines.push("underline");
    }
    if cell.modifier.contains(Modifier::CROSSED_OUT) {
        lines.push("line-through");
    }
    if !lines.is_empty() {
        let _ = write!(attrs, " text-decoration=\"{}\"", lines.join(" "));
    }
    Look {
        fg,
        bg,
        attrs,
        wide: cell.symbol().width() > 1,
    }
}

/// The picture as SVG: per row, runs of cells that look alike, each stretched to its cells so
/// that wide (CJK) characters keep the columns aligned.
fn svg(buffer: &Buffer) -> String {
    let (w, h) = (
        f32::from(buffer.area.width) * CELL_W,
        f32::from(buffer.area.height) * CELL_H,
    );
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"14\" xml:space=\"preserve\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"{BACKGROUND}\"/>\n"
    );
    for y in 0..buffer.area.height {
        let top = f32::from(y) * CELL_H;
        let mut runs: Vec<(u16, usize, String, Look)> = Vec::new();
        for (x, cell) in row(buffer, y) {
            let cells = cell.symbol().width().max(1);
            let look = look(cell);
            match runs.last_mut() {
                Some((_, n, text, last)) if *last == look => {
                    *n += cells;
                    text.push_str(cell.symbol());
                }
                _ => runs.push((x, cells, cell.symbol().to_string(), look)),
            }
        }
        for (x, cells, text, look) in runs {
            let left = f32::from(x) * CELL_W;
            let span = CELL_W * cells as f32;
            if let Some(bg) = look.bg {
                let _ = writeln!(
                    out,
                    "<rect x=\"{left}\" y=\"{top}\" width=\"{span}\" height=\"{CELL_H}\" fill=\"{bg}\"/>"
                );
            }
            if text.trim().is_empty() {
                continue;
            }
            let _ = writeln!(
                out,
                "<text x=\"{left}\" y=\"{}\" textLength=\"{span}\" lengthAdjust=\"spacingAndGlyphs\" fill=\"{}\"{}>{}</text>",
                top + 14.0,
                look.fg,
                look.attrs,
                escape(&text)
            );
        }
    }
    out.push_str("</svg>\n");
    out
}
