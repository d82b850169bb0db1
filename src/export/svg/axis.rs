//! The time axis of the picture: one column per year from the first selected event's year to
//! the last, where each day falls, and the axis line with its years.

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};

use crate::store::model::Event;

/// Left margin, where lane names and people's names go.
pub(super) const LEFT: f64 = 130.0;
/// Width of one year on the axis, at least.
const YEAR_WIDTH: f64 = 110.0;
/// Width of the whole axis, at least: a span of a few years gets wider years, so that era and
/// role labels have room.
const MIN_WIDTH: f64 = 720.0;

/// The years the picture spans.
pub(super) struct Axis {
    /// Every year from the first to the last, each once.
    years: Vec<i32>,
    /// Width of one year.
    year_width: f64,
}

impl Axis {
    /// The axis over the years `events` start in; `None` for no events.
    pub(super) fn of(events: &[&Event]) -> Option<Axis> {
        let first = events.iter().map(|e| e.date.start().year()).min()?;
        let last = events.iter().map(|e| e.date.start().year()).max()?;
        let years: Vec<i32> = (first..=last).collect();
        Some(Axis {
            year_width: YEAR_WIDTH.max(MIN_WIDTH / years.len() as f64).round(),
            years,
        })
    }

    /// Where the axis ends on the right.
    pub(super) fn right(&self) -> f64 {
        LEFT + self.year_width * self.years.len() as f64
    }

    /// The first day on the axis (1 January of its first year).
    pub(super) fn first_day(&self) -> NaiveDate {
        NaiveDate::from_yo_opt(self.years[0], 1).unwrap_or(NaiveDate::MIN)
    }

    /// The last day on the axis (31 December of its last year).
    pub(super) fn last_day(&self) -> NaiveDate {
        let last = self.years[self.years.len() - 1];
        NaiveDate::from_ymd_opt(last, 12, 31).unwrap_or(NaiveDate::MAX)
    }

    /// Where `day` falls: each year is as wide as the others and a day falls in its year by its
    /// ordinal; days off the axis are put at its ends.
    pub(super) fn x(&self, day: NaiveDate) -> f64 {
        let day = day.clamp(self.first_day(), self.last_day());
        let in_year = f64::from(day.ordinal0()) / 366.0;
        LEFT + self.year_width * (f64::from(day.year() - self.years[0]) + in_year)
    }

    /// A faint line at the start of every year from `top` down to the axis line at `y`, then the
    /// axis line with a tick and a label at every year.
    pub(super) fn write<W: Write>(&self, top: f64, y: f64, out: &mut W) -> io::Result<()> {
        let end = self.right();
        writeln!(
            out,
            "<g class=\"axis\"><line x1=\"{LEFT}\" y1=\"{y}\" x2=\"{end}\" y2=\"{y}\" stroke=\"#333333\"/>"
        )?;
        for (i, year) in self.years.iter().enumerate() {
            let x = LEFT + self.year_width * i as f64;
            writeln!(
                out,
                "<line x1=\"{x}\" y1=\"{top}\" x2=\"{x}\" y2=\"{y}\" stroke=\"#eeeeee\"/>\
                 <line x1=\"{x}\" y1=\"{y}\" x2=\"{x}\" y2=\"{tick}\" stroke=\"#333333\"/>\
                 <text x=\"{tx}\" y=\"{ty}\">{year}</text>",
                tick = y + 6.0,
                tx = x + 4.0,
                ty = y + 20.0,
            )?;
        }
        writeln!(out, "</g>")
    }
}
