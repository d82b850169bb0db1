//! The eras of the picture: each era that overlaps the events (cut to them, see
//! [`Selection::eras`]) as a labelled band in the rows at the top, packed so that no two bands
//! of a row overlap, and as faint shading over the whole height behind everything.

use std::io::{self, Write};

use super::axis::Axis;
use super::{fit, xml};
use crate::export::Selection;
use crate::export::eras::ShownEra;
use crate::export::escape::one_line;

/// Height of one row of bands (a band and the space below it).
const ROW: f64 = 22.0;
/// Height of a band.
const BAND: f64 = 17.0;
/// Band colours, one per era in store order, in turn.
const COLOURS: [&str; 7] = [
    "#d9a441", "#4f8fc0", "#5aa05a", "#a06cb8", "#d0704f", "#3f9f94", "#a89a3a",
];

/// A shown era with where it goes.
struct Band<'a> {
    era: ShownEra<'a>,
    x1: f64,
    x2: f64,
    colour: &'static str,
}

/// The bands, in rows.
pub(super) struct Rows<'a> {
    rows: Vec<Vec<Band<'a>>>,
}

impl<'a> Rows<'a> {
    /// The eras of `sel` on `axis`, each in the first row where it overlaps no other band
    /// (bands that only meet, one ending where the next starts, share a row).
    pub(super) fn of(sel: &Selection<'a>, axis: &Axis) -> Self {
        let mut rows: Vec<Vec<Band<'a>>> = Vec::new();
        for era in sel.eras() {
            let (from, to) = era.days();
            let band = Band {
                x1: axis.x(from),
                x2: axis.x(to).max(axis.x(from) + 2.0),
                colour: COLOURS[era.span.ix.index() % COLOURS.len()],
                era,
            };
            let free = rows.iter().position(|row| {
                row.iter()
                    .all(|b| b.x2 <= band.x1 + 1.0 || b.x1 >= band.x2 - 1.0)
            });
            match free {
                Some(r) => rows[r].push(band),
                None => rows.push(vec![band]),
            }
        }
        Rows { rows }
    }

    /// The height the rows take (with a gap below them when there are any).
    pub(super) fn height(&self) -> f64 {
        if self.rows.is_empty() {
            0.0
        } else {
            ROW * self.rows.len() as f64 + 6.0
        }
    }

    /// Faint shading of each era from `top` down to `bottom`.
    pub(super) fn write_shading<W: Write>(
        &self,
        top: f64,
        bottom: f64,
        out: &mut W,
    ) -> io::Result<()> {
        for band in self.rows.iter().flatten() {
            writeln!(
                out,
                "<rect class=\"era-shade\" x=\"{:.1}\" y=\"{top}\" width=\"{:.1}\" height=\"{}\" \
                 fill=\"{}\" fill-opacity=\"0.07\"/>",
                band.x1,
                band.x2 - band.x1,
                bottom - top,
                band.colour
            )?;
        }
        Ok(())
    }

    /// The bands, row by row from `top`: each with its title and dates (and note) as a tooltip,
    /// and its title inside it, cut to fit.
    pub(super) fn write_bands<W: Write>(&self, top: f64, out: &mut W) -> io::Result<()> {
        for (r, row) in self.rows.iter().enumerate() {
            let y = top + ROW * r as f64;
            for band in row {
                let era = band.era.span.era;
                let title = one_line(&era.title);
                let note = era
                    .note
                    .as_deref()
                    .map_or_else(String::new, |n| format!(". {}", one_line(n)));
                let width = band.x2 - band.x1;
                write!(
                    out,
                    "<g class=\"era\"><title>{} ({} – {}){}</title><rect class=\"era-band\" \
                     x=\"{:.1}\" y=\"{y}\" width=\"{width:.1}\" height=\"{BAND}\" fill=\"{}\" \
                     fill-opacity=\"0.35\" stroke=\"{}\"/>",
                    xml(&title),
                    band.era.span.start,
                    band.era.span.end,
                    xml(&note),
                    band.x1,
                    band.colour,
                    band.colour,
                )?;
                if let Some(label) = fit(&title, width) {
                    write!(
                        out,
                        "<text class=\"era-label\" x=\"{:.1}\" y=\"{}\">{}</text>",
                        band.x1 + 3.0,
                        y + 12.5,
                        xml(&label)
                    )?;
                }
                writeln!(out, "</g>")?;
            }
        }
        Ok(())
    }
}
