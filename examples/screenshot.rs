//! Draws the terminal app on the bundled store into a 120×40 test terminal and writes the picture
//! used in the README: `assets/screenshot.svg` (with colours) and `assets/screenshot.txt` (text).
//!
//! Regenerate after changing the app or the store:
//!
//! ```sh
//! cargo run --example screenshot            # the bundled timeline.ron
//! cargo run --example screenshot -- EVENT   # another event selected (its id)
//! ```

use std::fmt::Write as _;
use std::path::Path;

use ali_timeline::tui::app::App;
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
    while app.event_index().is_some_and(|i| i < target) {
        update(&mut app, Action::Down);
    }
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT))?;
    terminal.draw(|frame| view::render(&app, frame.area(), frame.buffer_mut()))?;
    let buffer = terminal.backend().buffer();
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    std::fs::write(assets.join("screenshot.txt"), text(buffer))?;
    std::fs::write(assets.join("screenshot.svg"), svg(buffer))?;
    println!("wrote assets/screenshot.svg and assets/screenshot.txt ({event} selected)");
    Ok(())
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
