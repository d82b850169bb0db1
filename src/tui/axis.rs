//! The time axis at the top of the timeline pane: how many events fall in each month (all of
//! them, and those the timeline shows), and where the axis goes: one cell per month or per year,
//! whichever fits the width (several years to a cell when even years do not fit). One pure
//! geometry serves drawing and mouse clicks, as [`crate::tui::layout`] does for the panes.
//!
//! The counts ([`Density`]) are worked out by the update when the events shown change (see
//! [`crate::tui::derived`]); drawing only adds up months into cells.

use chrono::{Datelike, NaiveDate};
use ratatui::layout::Rect;

use crate::store::ids::EventIx;
use crate::timeline::Timeline;
use crate::tui::app::App;

/// A month as one number: `year * 12 + month - 1`, so that months count on across years.
pub type Month = i32;

/// The month `day` falls in.
#[must_use]
pub fn month_of(day: NaiveDate) -> Month {
    // A month is 0–11, so the cast cannot overflow.
    day.year() * 12 + i32::try_from(day.month0()).unwrap_or(0)
}

/// The first day of `month`.
#[must_use]
pub fn first_day(month: Month) -> NaiveDate {
    let (year, month0) = (month.div_euclid(12), month.rem_euclid(12));
    // Invariant: month0 is 0–11 and day 1 exists in every month.
    NaiveDate::from_ymd_opt(year, u32::try_from(month0).unwrap_or(0) + 1, 1)
        .unwrap_or(NaiveDate::MIN)
}

/// Events per month, from January of the store's first year to December of its last: every
/// event, and the events the timeline shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Density {
    /// The first month counted (a January).
    pub first: Month,
    /// Every event, per month from `first`.
    pub all: Vec<u32>,
    /// The events shown, per month from `first`.
    pub shown: Vec<u32>,
    /// Whether the timeline shows fewer events than the store holds.
    pub filtered: bool,
}

impl Density {
    /// The counts for the events of `timeline`, of which `visible` are shown. An event dated to
    /// the year counts in that year's January, one dated to the month in that month.
    #[must_use]
    pub fn new(timeline: &Timeline, visible: &[EventIx]) -> Self {
        let mut events = timeline.events();
        let (Some((_, first)), Some((_, last))) = (events.next(), timeline.events().next_back())
        else {
            return Density::default();
        };
        let first = first.date.year() * 12;
        let last = last.date.year() * 12 + 11;
        let len = usize::try_from(last - first + 1).unwrap_or(0);
        let slot = |ix: EventIx| {
            let month = month_of(timeline.event_at(ix).date.start());
            usize::try_from(month - first).ok().filter(|&m| m < len)
        };
        let mut all = vec![0; len];
        for (ix, _) in timeline.events() {
            if let Some(m) = slot(ix) {
                all[m] += 1;
            }
        }
        let filtered = visible.len() != timeline.events().len();
        let shown = if filtered {
            let mut shown = vec![0; len];
            for &ix in visible {
                if let Some(m) = slot(ix) {
                    shown[m] += 1;
                }
            }
            shown
        } else {
            all.clone()
        };
        Density {
            first,
            all,
            shown,
            filtered,
        }
    }

    /// How many months are counted.
    #[must_use]
    pub fn months(&self) -> usize {
        self.all.len()
    }
}

/// Widest a cell is drawn, in columns (a short span does not stretch across a wide pane).
const MAX_CELL: u16 = 6;

/// Where the axis's cells go in a row `width` columns wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// The first month of the first cell (a January).
    pub first: Month,
    /// Months per cell: 1, 12, or a multiple of 12.
    pub cell_months: i32,
    /// How many cells.
    pub cells: usize,
    /// Columns per cell.
    pub cell_width: u16,
}

impl Geometry {
    /// The cells for `months` months from `first` (a January) in `width` columns: months when
    /// they fit, else years, else as few years to a cell as fit.
    #[must_use]
    pub fn new(first: Month, months: usize, width: u16) -> Self {
        let years = months.div_ceil(12).max(1);
        let room = usize::from(width.max(1));
        let cell_months = if years * 12 <= room {
            1
        } else {
            12 * i32::try_from(years.div_ceil(room)).unwrap_or(1)
        };
        let cells = (months.max(1)).div_ceil(usize::try_from(cell_months).unwrap_or(1));
        let cell_width = u16::try_from(room / cells.max(1))
            .unwrap_or(MAX_CELL)
            .clamp(1, MAX_CELL);
        Geometry {
            first,
            cell_months,
            cells,
            cell_width,
        }
    }

    /// The geometry of `density`'s months in `width` columns.
    #[must_use]
    pub fn of(density: &Density, width: u16) -> Self {
        Geometry::new(density.first, density.months(), width)
    }

    /// The cell `month` falls in, if it is on the axis.
    #[must_use]
    pub fn cell_of(&self, month: Month) -> Option<usize> {
        let cell = usize::try_from((month - self.first).div_euclid(self.cell_months)).ok()?;
        (cell < self.cells).then_some(cell)
    }

    /// The cell drawn at column `x` from the axis's left edge, if any.
    #[must_use]
    pub fn cell_at(&self, x: u16) -> Option<usize> {
        let cell = usize::from(x / self.cell_width);
        (cell < self.cells).then_some(cell)
    }

    /// The first month of `cell`.
    #[must_use]
    pub fn start_of(&self, cell: usize) -> Month {
        self.first + i32::try_from(cell).unwrap_or(i32::MAX / 24) * self.cell_months
    }

    /// The left column of `cell`, from the axis's left edge.
    #[must_use]
    pub fn x_of(&self, cell: usize) -> u16 {
        u16::try_from(cell)
            .unwrap_or(u16::MAX)
            .saturating_mul(self.cell_width)
    }

    /// The sum of `counts` (per month from the geometry's first) over each cell.
    #[must_use]
    pub fn per_cell(&self, counts: &[u32]) -> Vec<u32> {
        let mut cells = vec![0; self.cells];
        let per = usize::try_from(self.cell_months).unwrap_or(1);
        for (month, &count) in counts.iter().enumerate() {
            if let Some(cell) = cells.get_mut(month / per) {
                *cell += count;
            }
        }
        cells
    }
}

/// Fewest content rows the timeline pane keeps for its list: below this the axis is left out.
const LIST_MIN: u16 = 5;
/// Narrowest pane that draws the axis.
const AXIS_MIN_WIDTH: u16 = 12;

/// Whether the timeline shows fewer events than the store holds (whatever filtered them).
#[must_use]
pub fn filtered(app: &App<'_>) -> bool {
    app.visible.len() != app.timeline.events().len()
}

/// Rows the axis takes: the bars of every event; the bars of the events shown when they are
/// fewer; the store's eras as bands, when it has eras; and the years with the selection's mark.
/// None when the pane is too small.
#[must_use]
pub fn height(app: &App<'_>, inner: Rect) -> u16 {
    let has_eras = app.timeline.eras().len() > 0;
    let rows = 2 + u16::from(filtered(app)) + u16::from(has_eras);
    if inner.width < AXIS_MIN_WIDTH || inner.height < rows + LIST_MIN {
        0
    } else {
        rows
    }
}

/// The position in `visible` of the first event in or after the months from `from` on; the last
/// event when none is.
#[must_use]
pub fn first_from(timeline: &Timeline, visible: &[EventIx], from: Month) -> Option<usize> {
    if visible.is_empty() {
        return None;
    }
    let pos = visible.partition_point(|&ix| month_of(timeline.event_at(ix).date.start()) < from);
    Some(pos.min(visible.len() - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_when_they_fit_else_years_else_several_years() {
        let first = 2008 * 12;
        let g = Geometry::new(first, 11 * 12, 200);
        assert_eq!((g.cell_months, g.cells, g.cell_width), (1, 132, 1));
        let g = Geometry::new(first, 11 * 12, 38);
        assert_eq!((g.cell_months, g.cells, g.cell_width), (12, 11, 3));
        let g = Geometry::new(first, 30 * 12, 12);
        assert_eq!((g.cell_months, g.cells), (36, 10));
        assert_eq!(g.cell_of(first + 36), Some(1));
        assert_eq!(g.start_of(1), first + 36);
        assert_eq!(g.cell_at(g.x_of(9)), Some(9));
        assert_eq!(g.cell_at(g.x_of(10)), None);
    }

    #[test]
    fn months_count_on_across_years() {
        let day = NaiveDate::from_ymd_opt(2015, 7, 15).expect("a date");
        assert_eq!(first_day(month_of(day)), day.with_day(1).expect("a date"));
        assert_eq!(month_of(first_day(2016 * 12)), 2016 * 12);
    }
}
