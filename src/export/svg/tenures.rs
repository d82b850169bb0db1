//! The roles of the people the selected events name, from the replayed history: per person, one
//! bar per role from its start to its end, packed into as few rows as keep the bars apart.
//!
//! How a bar ends says what is known: a sourced end is a plain end; a role no source ends stops
//! at the date it was last recorded, followed by a dashed stub; a role with no end at all
//! (held at the end of the record) runs faded, with a dashed outline, to the right edge.

use std::io::{self, Write};

use super::axis::{Axis, LEFT};
use super::{COLOURS, fit, xml};
use crate::export::Selection;
use crate::export::escape::one_line;
use crate::org::CareerEntry;
use crate::store::ids::PersonIx;
use crate::timeline::Timeline;
use crate::timeline::history::TenureIx;

/// Height of one row of bars.
const ROW: f64 = 18.0;
/// Height of a bar.
const BAR: f64 = 13.0;
/// Height of the section's heading.
const HEADING: f64 = 26.0;
/// Length of the dashed stub after a role last recorded.
const STUB: f64 = 12.0;

/// How a role's bar ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// A source gives the end.
    Sourced,
    /// No source gives the end: the bar stops at the last record, with a dashed stub.
    LastRecorded,
    /// No end at all: the bar runs faded to the right edge.
    Open,
}

/// One role with where it goes.
struct Bar {
    tenure: TenureIx,
    x1: f64,
    x2: f64,
    ending: Ending,
}

impl Bar {
    /// Where the bar's drawing ends, its stub included.
    fn reach(&self, axis: &Axis) -> f64 {
        match self.ending {
            Ending::LastRecorded => (self.x2 + STUB).min(axis.right()),
            Ending::Sourced | Ending::Open => self.x2,
        }
    }
}

/// The bars of every person involved, person by person.
pub(super) struct Rows {
    people: Vec<(PersonIx, Vec<Vec<Bar>>)>,
}

impl Rows {
    /// The roles on `axis` of the people `sel`'s events name, people in the order they first
    /// appear, roles by start; each bar in its person's first row where it touches no other.
    pub(super) fn of(sel: &Selection, axis: &Axis) -> Self {
        let timeline = sel.timeline;
        let mut seen = vec![false; timeline.store.people.len()];
        let mut involved: Vec<PersonIx> = Vec::new();
        for event in sel.events() {
            for p in event
                .people
                .iter()
                .filter_map(|id| timeline.ids().person(id))
            {
                if !std::mem::replace(&mut seen[p.index()], true) {
                    involved.push(p);
                }
            }
        }
        // Each person's tenures, gathered in one pass over the history.
        let mut tenures: Vec<Vec<TenureIx>> = vec![Vec::new(); timeline.store.people.len()];
        for (ix, t) in timeline.history.tenures() {
            if seen[t.person.index()] {
                tenures[t.person.index()].push(ix);
            }
        }
        let people = involved
            .into_iter()
            .map(|person| {
                let rows = rows_of(timeline, axis, &tenures[person.index()]);
                (person, rows)
            })
            .filter(|(_, rows)| !rows.is_empty())
            .collect();
        Rows { people }
    }

    /// The height the section takes: nothing when no one involved held a role.
    pub(super) fn height(&self) -> f64 {
        let rows: usize = self.people.iter().map(|(_, rows)| rows.len()).sum();
        if rows == 0 {
            0.0
        } else {
            HEADING + ROW * rows as f64 + 6.0
        }
    }

    /// The section from `top` down: a heading, then each person's name beside their first row.
    pub(super) fn write<W: Write>(
        &self,
        timeline: &Timeline,
        axis: &Axis,
        top: f64,
        out: &mut W,
    ) -> io::Result<()> {
        if self.people.is_empty() {
            return Ok(());
        }
        writeln!(
            out,
            "<text class=\"heading\" x=\"10\" y=\"{}\" font-weight=\"bold\">Roles of the people \
             involved</text>",
            top + 17.0
        )?;
        let mut y = top + HEADING;
        for (person, rows) in &self.people {
            let name = one_line(&timeline.person_at(*person).name);
            writeln!(
                out,
                "<text class=\"person\" x=\"10\" y=\"{}\">{}</text>",
                y + 10.5,
                xml(&fit(&name, LEFT - 14.0).unwrap_or_default())
            )?;
            for row in rows {
                for bar in row {
                    write_bar(timeline, axis, bar, y, out)?;
                }
                y += ROW;
            }
        }
        Ok(())
    }
}

/// The rows of one person's roles (`tenures`) that show on `axis`.
fn rows_of(timeline: &Timeline, axis: &Axis, tenures: &[TenureIx]) -> Vec<Vec<Bar>> {
    let (first, last) = (axis.first_day(), axis.last_day());
    let mut bars: Vec<Bar> = tenures
        .iter()
        .map(|&ix| (ix, timeline.history.tenure(ix)))
        .filter_map(|(ix, t)| {
            let (end, ending) = match t.end {
                None => (last, Ending::Open),
                Some(e) if t.last_recorded => (e.end(), Ending::LastRecorded),
                Some(e) => (e.start(), Ending::Sourced),
            };
            let start = t.start.start();
            (start <= last && end >= first).then(|| Bar {
                tenure: ix,
                x1: axis.x(start),
                x2: axis.x(end).max(axis.x(start) + 3.0),
                ending,
            })
        })
        .collect();
    bars.sort_by(|a, b| a.x1.total_cmp(&b.x1));
    let mut rows: Vec<Vec<Bar>> = Vec::new();
    for bar in bars {
        let free = rows.iter().position(|row| {
            row.last()
                .is_none_or(|prev| prev.reach(axis) + 2.0 <= bar.x1)
        });
        match free {
            Some(r) => rows[r].push(bar),
            None => rows.push(vec![bar]),
        }
    }
    rows
}

/// One bar at row top `y`, with who, what, where and when as its tooltip and its role and unit
/// inside it, cut to fit.
fn write_bar<W: Write>(
    timeline: &Timeline,
    axis: &Axis,
    bar: &Bar,
    y: f64,
    out: &mut W,
) -> io::Result<()> {
    let entry = CareerEntry::from_tenure(timeline, bar.tenure);
    let tenure = timeline.history.tenure(bar.tenure);
    let unit = timeline.unit_at(tenure.unit);
    let colour = COLOURS[tenure.unit.index() % COLOURS.len()];
    let tip = format!(
        "{} — {} at {}: {}",
        one_line(&timeline.person_at(tenure.person).name),
        one_line(&tenure.role),
        one_line(&timeline.unit_label_at(tenure.unit)),
        entry.span()
    );
    let (class, style) = match bar.ending {
        Ending::Sourced => ("tenure", String::new()),
        Ending::LastRecorded => ("tenure last-recorded", String::new()),
        Ending::Open => (
            "tenure open",
            format!(" fill-opacity=\"0.45\" stroke=\"{colour}\" stroke-dasharray=\"4 2\""),
        ),
    };
    let width = bar.x2 - bar.x1;
    write!(
        out,
        "<g class=\"{class}\"><title>{}</title><rect class=\"bar\" x=\"{:.1}\" y=\"{y}\" \
         width=\"{width:.1}\" height=\"{BAR}\" fill=\"{colour}\"{style}/>",
        xml(&tip),
        bar.x1,
    )?;
    if bar.ending == Ending::LastRecorded {
        write!(
            out,
            "<line class=\"unsourced-end\" x1=\"{:.1}\" y1=\"{mid}\" x2=\"{:.1}\" y2=\"{mid}\" \
             stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>",
            bar.x2,
            bar.reach(axis),
            mid = y + BAR / 2.0,
        )?;
    }
    let label = format!("{}, {}", one_line(&tenure.role), one_line(&unit.name));
    if let Some(label) = fit(&label, width) {
        let fill = if bar.ending == Ending::Open {
            "#222222"
        } else {
            "#ffffff"
        };
        write!(
            out,
            "<text class=\"tenure-label\" x=\"{:.1}\" y=\"{}\" font-size=\"9.5\" \
             fill=\"{fill}\">{}</text>",
            bar.x1 + 3.0,
            y + 9.5,
            xml(&label)
        )?;
    }
    writeln!(out, "</g>")
}
