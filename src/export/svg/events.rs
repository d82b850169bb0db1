//! The events of the picture: one lane per event kind, each event a mark at its date with its
//! title as a tooltip, and a label where it fits.

use std::io::{self, Write};

use super::axis::{Axis, LEFT};
use super::{COLOURS, width_of, xml};
use crate::export::escape::one_line;
use crate::store::model::{Event, EventKind};
use crate::text::truncate;

/// Height of one lane.
const LANE: f64 = 56.0;
/// The widest label, in columns; longer titles are cut with `…` (the tooltip has them whole).
const LABEL_COLUMNS: usize = 28;

/// The events by kind, in the order of [`EventKind::ALL`]; kinds with no event left out.
pub(super) struct Lanes<'a> {
    lanes: Vec<(EventKind, Vec<&'a Event>)>,
}

impl<'a> Lanes<'a> {
    /// The lanes of `events` (in date order).
    pub(super) fn of(events: &[&'a Event]) -> Self {
        let lanes = EventKind::ALL
            .into_iter()
            .map(|kind| {
                let of_kind: Vec<&Event> =
                    events.iter().copied().filter(|e| e.kind == kind).collect();
                (kind, of_kind)
            })
            .filter(|(_, of_kind)| !of_kind.is_empty())
            .collect();
        Lanes { lanes }
    }

    /// The height the lanes take.
    pub(super) fn height(&self) -> f64 {
        LANE * self.lanes.len() as f64
    }

    /// Writes the lanes from `top` down, in a picture `width` wide. A label goes right of its
    /// mark when it starts after the previous label of its lane ends and ends inside the picture.
    pub(super) fn write<W: Write>(
        &self,
        axis: &Axis,
        top: f64,
        width: f64,
        out: &mut W,
    ) -> io::Result<()> {
        for (lane, (kind, events)) in self.lanes.iter().enumerate() {
            let mid = top + LANE * lane as f64 + LANE / 2.0;
            let colour = COLOURS[lane % COLOURS.len()];
            writeln!(
                out,
                "<g class=\"lane\"><line x1=\"{LEFT}\" y1=\"{mid}\" x2=\"{end}\" y2=\"{mid}\" \
                 stroke=\"#dddddd\"/><text x=\"10\" y=\"{text_y}\" fill=\"{colour}\">{}</text></g>",
                xml(kind.as_str()),
                end = width - 20.0,
                text_y = mid + 4.0,
            )?;
            let mut free_from = f64::MIN;
            for event in events {
                let x = axis.x(event.date.start());
                let title = one_line(&event.title);
                writeln!(
                    out,
                    "<g class=\"event\"><title>{} {}</title><circle cx=\"{x:.1}\" cy=\"{mid}\" \
                     r=\"5\" fill=\"{colour}\"/></g>",
                    xml(&event.date.to_string()),
                    xml(&title),
                )?;
                let label = truncate(&title, LABEL_COLUMNS);
                let label_end = x + 7.0 + width_of(&label);
                if x >= free_from && label_end <= width - 4.0 {
                    writeln!(
                        out,
                        "<text class=\"label\" x=\"{:.1}\" y=\"{}\">{}</text>",
                        x + 7.0,
                        mid - 8.0,
                        xml(&label)
                    )?;
                    free_from = label_end + 4.0;
                }
            }
        }
        Ok(())
    }
}
