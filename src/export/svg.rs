//! SVG: one self-contained picture of the selected events — a time axis with every year of their
//! span, one lane per event kind, each event a mark at its date with its title as a `<title>`
//! tooltip, and a label beside the mark where it does not overlap the previous label in its lane
//! (labels that would overlap are left out; the tooltip keeps every title).
//!
//! No script, no external font, image or stylesheet: only shapes and text with a generic font
//! family. Every text is XML-escaped, hidden characters shown as `<U+XXXX>` (see
//! [`super::escape::html`]).

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};

use super::escape::{html, one_line};
use super::{Selection, TITLE};
use crate::store::model::{Event, EventKind};
use crate::text::{self, truncate};

/// Left margin, where the lane names go.
const LEFT: f64 = 130.0;
/// Width of one year on the axis.
const YEAR_WIDTH: f64 = 110.0;
/// Height of one lane.
const LANE: f64 = 56.0;
/// Space above the first lane (the heading).
const TOP: f64 = 48.0;
/// Space below the last lane (the axis and its years).
const BOTTOM: f64 = 40.0;
/// Estimated width of one column of a label (11 px sans-serif; a CJK character is two columns),
/// to keep labels apart.
const COLUMN_WIDTH: f64 = 6.6;
/// The widest label, in columns; longer titles are cut with `…` (the tooltip has them whole).
const LABEL_COLUMNS: usize = 28;
/// Mark colours, one per lane in turn.
const COLOURS: [&str; 6] = [
    "#b3541e", "#1e6bb3", "#2e8b57", "#8b2e7a", "#b38f1e", "#555555",
];

/// Writes the selection as one SVG picture.
///
/// # Errors
/// A failed write.
pub fn write<W: Write>(sel: &Selection, out: &mut W) -> io::Result<()> {
    let events: Vec<&Event> = sel.events().collect();
    let kinds: Vec<EventKind> = EventKind::ALL
        .into_iter()
        .filter(|k| events.iter().any(|e| e.kind == *k))
        .collect();
    let first = events.iter().map(|e| e.date.start().year()).min();
    let last = events.iter().map(|e| e.date.start().year()).max();
    let years: Vec<i32> = match (first, last) {
        (Some(a), Some(b)) => (a..=b).collect(),
        _ => Vec::new(),
    };
    let width = LEFT + YEAR_WIDTH * years.len().max(1) as f64 + 40.0;
    let height = TOP + LANE * kinds.len().max(1) as f64 + BOTTOM;
    writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\">"
    )?;
    writeln!(
        out,
        "<title>{} — {}</title>",
        xml(TITLE),
        xml(&sel.description())
    )?;
    writeln!(
        out,
        "<desc>ali-timeline {}</desc>",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>"
    )?;
    writeln!(
        out,
        "<text x=\"10\" y=\"24\" font-size=\"15\" font-weight=\"bold\">{}</text>",
        xml(TITLE)
    )?;
    if years.is_empty() {
        writeln!(out, "<text x=\"10\" y=\"{}\">No events.</text>", TOP + 20.0)?;
        return writeln!(out, "</svg>");
    }
    let axis = TOP + LANE * kinds.len() as f64;
    write_axis(&years, axis, out)?;
    for (lane, kind) in kinds.iter().enumerate() {
        let y = TOP + LANE * lane as f64;
        let colour = COLOURS[lane % COLOURS.len()];
        writeln!(
            out,
            "<g class=\"lane\"><line x1=\"{LEFT}\" y1=\"{mid}\" x2=\"{end}\" y2=\"{mid}\" \
             stroke=\"#dddddd\"/><text x=\"10\" y=\"{text_y}\" fill=\"{colour}\">{}</text></g>",
            xml(kind.as_str()),
            mid = y + LANE / 2.0,
            end = width - 20.0,
            text_y = y + LANE / 2.0 + 4.0,
        )?;
        let mut free_from = f64::MIN;
        for event in events.iter().filter(|e| e.kind == *kind) {
            let x = x_of(event.date.start(), years[0]);
            let title = one_line(&event.title);
            writeln!(
                out,
                "<g class=\"event\"><title>{} {}</title><circle cx=\"{x:.1}\" cy=\"{cy}\" r=\"5\" \
                 fill=\"{colour}\"/></g>",
                xml(&event.date.to_string()),
                xml(&title),
                cy = y + LANE / 2.0,
            )?;
            let label = truncate(&title, LABEL_COLUMNS);
            let label_end = x + 7.0 + COLUMN_WIDTH * text::width(&label) as f64;
            if x >= free_from {
                writeln!(
                    out,
                    "<text class=\"label\" x=\"{:.1}\" y=\"{}\">{}</text>",
                    x + 7.0,
                    y + LANE / 2.0 - 8.0,
                    xml(&label)
                )?;
                free_from = label_end + 4.0;
            }
        }
    }
    writeln!(out, "</svg>")
}

/// The axis line at height `y`, with a tick and a label at the start of every year.
fn write_axis<W: Write>(years: &[i32], y: f64, out: &mut W) -> io::Result<()> {
    let end = LEFT + YEAR_WIDTH * years.len() as f64;
    writeln!(
        out,
        "<g class=\"axis\"><line x1=\"{LEFT}\" y1=\"{y}\" x2=\"{end}\" y2=\"{y}\" stroke=\"#333333\"/>"
    )?;
    for (i, year) in years.iter().enumerate() {
        let x = LEFT + YEAR_WIDTH * i as f64;
        writeln!(
            out,
            "<line x1=\"{x}\" y1=\"{y}\" x2=\"{x}\" y2=\"{tick}\" stroke=\"#333333\"/>\
             <text x=\"{tx}\" y=\"{ty}\">{year}</text>",
            tick = y + 6.0,
            tx = x + 4.0,
            ty = y + 20.0,
        )?;
    }
    writeln!(out, "</g>")
}

/// Where `day` falls on the axis that starts on 1 January of `first_year`: each year is
/// [`YEAR_WIDTH`] wide, and a day falls in its year by its ordinal.
fn x_of(day: NaiveDate, first_year: i32) -> f64 {
    let in_year = f64::from(day.ordinal0()) / 366.0;
    LEFT + YEAR_WIDTH * (f64::from(day.year() - first_year) + in_year)
}

/// `text` escaped for XML text or a quoted attribute (see [`html`]), with the two characters
/// XML forbids that [`html`] keeps (U+FFFE, U+FFFF) replaced by U+FFFD.
fn xml(text: &str) -> String {
    html(text).replace(['\u{fffe}', '\u{ffff}'], "\u{fffd}")
}
