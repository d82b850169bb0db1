//! SVG: one self-contained picture of the selected events. From top to bottom:
//!
//! - the store's eras that overlap the events, as labelled bands (packed in rows so that none
//!   overlaps another), each also shading the whole height of the picture behind it;
//! - one lane per event kind, each event a mark at its date with its title as a `<title>` tooltip,
//!   and a label beside the mark where it does not overlap the previous label in its lane nor run
//!   past the right edge (other labels are left out; the tooltip keeps every title);
//! - the roles of the people the events name, from the replayed history: one bar per role, from
//!   its start to its end, in rows per person. A role no source ends stops at the date it was last
//!   recorded, followed by a dashed stub; a role with no end at all is drawn faded and dashed up
//!   to the right edge;
//! - a time axis with every year of the events' span, and a faint line at each year.
//!
//! Eras and roles are cut to the axis. Labels on bands and bars are cut to fit inside them (the
//! tooltip has them whole), so they never overlap. No script, no external font, image or
//! stylesheet: only shapes and text with a generic font family. Every text is XML-escaped, hidden
//! characters shown as `<U+XXXX>` (see [`super::escape::html`]).

use std::io::{self, Write};

use super::escape::html;
use super::{Selection, TITLE};
use crate::store::model::Event;
use crate::text::{self, truncate};

mod axis;
mod eras;
mod events;
mod tenures;

use axis::Axis;

/// Space above the first band or lane (the heading).
const TOP: f64 = 40.0;
/// Space below the axis line (its years).
const BOTTOM: f64 = 40.0;
/// Space right of the axis.
const RIGHT: f64 = 40.0;
/// Estimated width of one column of 11 px sans-serif text (a CJK character is two columns), to
/// keep labels apart and inside their shapes.
const COLUMN_WIDTH: f64 = 6.6;
/// Colours of marks and bars, taken in turn.
const COLOURS: [&str; 6] = [
    "#b3541e", "#1e6bb3", "#2e8b57", "#8b2e7a", "#b38f1e", "#555555",
];

/// Writes the selection as one SVG picture.
///
/// # Errors
/// A failed write.
pub fn write<W: Write>(sel: &Selection, out: &mut W) -> io::Result<()> {
    let events: Vec<&Event> = sel.events().collect();
    let axis = Axis::of(&events);
    let eras = axis.as_ref().map(|a| eras::Rows::of(sel, a));
    let lanes = events::Lanes::of(&events);
    let roles = axis.as_ref().map(|a| tenures::Rows::of(sel, a));
    let eras_top = TOP;
    let lanes_top = eras_top + eras.as_ref().map_or(0.0, eras::Rows::height);
    let roles_top = lanes_top + lanes.height();
    let axis_y = roles_top + roles.as_ref().map_or(0.0, tenures::Rows::height);
    let width = axis.as_ref().map_or(axis::LEFT, Axis::right) + RIGHT;
    let height = axis_y + BOTTOM;
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
    let (Some(axis), Some(eras), Some(roles)) = (axis, eras, roles) else {
        writeln!(out, "<text x=\"10\" y=\"{}\">No events.</text>", TOP + 20.0)?;
        return writeln!(out, "</svg>");
    };
    eras.write_shading(eras_top, axis_y, out)?;
    axis.write(eras_top, axis_y, out)?;
    eras.write_bands(eras_top, out)?;
    lanes.write(&axis, lanes_top, width, out)?;
    roles.write(sel.timeline, &axis, roles_top, out)?;
    writeln!(out, "</svg>")
}

/// `text` cut to fit `pixels` of width (with a little padding), or `None` when not even three
/// columns fit.
fn fit(text: &str, pixels: f64) -> Option<String> {
    let columns = ((pixels - 6.0) / COLUMN_WIDTH).floor();
    // At most a few thousand columns: the cast cannot truncate a meaningful value.
    (columns >= 3.0).then(|| truncate(text, columns as usize))
}

/// The width `text` takes, estimated at [`COLUMN_WIDTH`] a column.
fn width_of(text: &str) -> f64 {
    COLUMN_WIDTH * text::width(text) as f64
}

/// `text` escaped for XML text or a quoted attribute (see [`html`]), with the two characters
/// XML forbids that [`html`] keeps (U+FFFE, U+FFFF) replaced by U+FFFD.
fn xml(text: &str) -> String {
    html(text).replace(['\u{fffe}', '\u{ffff}'], "\u{fffd}")
}
