//! The tenure chart's state (opened with `t`): who held which role when, as bars on a time
//! scale, people grouped by the unit they served in; or, switched with Tab, each unit's lifeline
//! (founded, acquired, moved, merged, renamed, dissolved). Its rows are worked out from the
//! replayed history once, when the chart opens ([`TenureChart::new`]); drawing only maps their
//! dates to columns for the rows on screen. Where the chart's parts go ([`areas`]) is one pure
//! function for drawing and for the update.

mod rows;

use chrono::NaiveDate;
use ratatui::layout::Rect;

use crate::store::date::PartialDate;
use crate::store::ids::EventIx;
use crate::timeline::Timeline;
use crate::tui::app::Entity;
use crate::tui::axis::{Month, month_of};

/// What the rows are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// People's roles, grouped by unit.
    People,
    /// Units' lifelines.
    Units,
}

/// How a bar ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// A source gives the end (a role ended, a unit ceased).
    Ended(PartialDate),
    /// No source gives the end: the bar stops at the last record of the role.
    LastRecorded(PartialDate),
    /// Nothing in the record ends it: the bar runs to the record's last month.
    Open,
}

/// One bar: a role held, or a unit's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bar {
    /// When it began.
    pub start: PartialDate,
    /// Whether `start` is only the first record (a unit with no founding or `since` date).
    pub first_recorded: bool,
    /// How it ends.
    pub end: End,
}

/// What happened to a unit at one date of its lifeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Founded.
    Founded,
    /// Acquired by another company.
    Acquired,
    /// Moved under another parent.
    Moved,
    /// Merged into another unit.
    Merged,
    /// Renamed (ended under this name, or began under it).
    Renamed,
    /// Dissolved.
    Dissolved,
}

impl Mark {
    /// The one-column symbol drawn on the lifeline.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            Mark::Founded => "+",
            Mark::Acquired => "$",
            Mark::Moved => "→",
            Mark::Merged => "&",
            Mark::Renamed => "»",
            Mark::Dissolved => "×",
        }
    }
}

/// One row of the chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartRow {
    /// Whom or what the row shows (Enter opens it).
    pub entity: Entity,
    /// Which colour: the place of the row's unit (or group) among the chart's units.
    pub colour: usize,
    /// Whether this is a unit's heading over the people who served in it.
    pub heading: bool,
    /// The bars.
    pub bars: Vec<Bar>,
    /// Dated marks on a unit's lifeline.
    pub marks: Vec<(PartialDate, Mark)>,
    /// The events behind the row's bars and marks, with their first days, in date order (the
    /// timeline selects the one nearest the date line when the row is opened).
    pub events: Vec<(NaiveDate, EventIx)>,
}

/// Months per column at each zoom level, finest first.
pub const ZOOMS: [i32; 7] = [1, 2, 3, 4, 6, 12, 24];

/// The tenure chart's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenureChart {
    /// People or units.
    pub kind: ChartKind,
    /// The rows, in order.
    pub rows: Vec<ChartRow>,
    /// The highlighted row.
    pub cursor: usize,
    /// First row shown.
    pub offset: usize,
    /// The month of the first column.
    pub from: Month,
    /// Index in [`ZOOMS`].
    pub zoom: usize,
    /// The record's first and last months (January of its first year, December of its last).
    pub span: (Month, Month),
    /// Whether the store has eras (drawn as a row of bands under the years).
    pub has_eras: bool,
}

impl TenureChart {
    /// The chart of `kind` for `timeline`, for a screen of `size`: the whole record in view when
    /// it fits (else the finest zoom that shows the most), the row of event `selected` highlighted.
    #[must_use]
    pub fn new(
        timeline: &Timeline,
        kind: ChartKind,
        size: Rect,
        selected: Option<EventIx>,
    ) -> Self {
        let first = timeline.events().next().map_or(0, |(_, e)| e.date.year());
        let last = timeline
            .events()
            .next_back()
            .map_or(0, |(_, e)| e.date.year());
        let span = (first * 12, last * 12 + 11);
        let rows = match kind {
            ChartKind::People => rows::people_rows(timeline),
            ChartKind::Units => rows::unit_rows(timeline),
        };
        let cursor = selected
            .and_then(|ix| rows.iter().position(|r| r.events.iter().any(|e| e.1 == ix)))
            .unwrap_or(0);
        let has_eras = timeline.eras().len() > 0;
        let columns = i32::from(areas(size, has_eras).columns.max(1));
        let months = span.1 - span.0 + 1;
        let zoom = ZOOMS
            .iter()
            .position(|&z| months <= z * columns)
            .unwrap_or(ZOOMS.len() - 1);
        let mut chart = TenureChart {
            kind,
            rows,
            cursor,
            offset: 0,
            from: span.0,
            zoom,
            span,
            has_eras,
        };
        chart.clamp(size);
        chart
    }

    /// Months per column.
    #[must_use]
    pub fn months_per_column(&self) -> i32 {
        ZOOMS[self.zoom.min(ZOOMS.len() - 1)]
    }

    /// The column of `day` from the chart's left edge (negative or past the width when off it).
    #[must_use]
    pub fn column_of(&self, day: NaiveDate) -> i32 {
        (month_of(day) - self.from).div_euclid(self.months_per_column())
    }

    /// Keeps the window within the record (as far as it can) on a screen of `size`.
    pub fn clamp(&mut self, size: Rect) {
        let shown = i32::from(areas(size, self.has_eras).columns) * self.months_per_column();
        let latest = (self.span.1 + 1 - shown).max(self.span.0);
        self.from = self.from.clamp(self.span.0, latest);
    }

    /// Moves the window by `columns` columns (negative: earlier).
    pub fn pan(&mut self, columns: i32, size: Rect) {
        self.from += columns * self.months_per_column();
        self.clamp(size);
    }

    /// Zooms in (`finer`) or out one level, keeping the month in the middle of the window there.
    pub fn zoom_by(&mut self, finer: bool, size: Rect) {
        let half = i32::from(areas(size, self.has_eras).columns) / 2;
        let middle = self.from + half * self.months_per_column();
        self.zoom = if finer {
            self.zoom.saturating_sub(1)
        } else {
            (self.zoom + 1).min(ZOOMS.len() - 1)
        };
        self.from = middle - half * self.months_per_column();
        self.clamp(size);
    }
}

/// Where the chart's parts go on a screen of `size`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartAreas {
    /// The title line.
    pub title: Rect,
    /// The years over the columns.
    pub scale: Rect,
    /// The eras as bands (no rows when the store has none, or the screen is short).
    pub eras: Rect,
    /// The rows (names and bars).
    pub rows: Rect,
    /// The legend line.
    pub legend: Rect,
    /// The status bar.
    pub status: Rect,
    /// Columns of names at the left of each row (a space after them).
    pub names: u16,
    /// Columns of time.
    pub columns: u16,
}

/// Divides a screen of `size` for the chart: title, years, eras (when `eras`), rows, legend and
/// status bar, top to bottom (the legend and title go first as the height drops; the legend takes two lines from
/// 16 rows).
#[must_use]
pub fn areas(size: Rect, eras: bool) -> ChartAreas {
    let line = |y: u16, on: bool| Rect {
        y,
        height: u16::from(on),
        ..size
    };
    let bottom = size.bottom();
    let has_status = size.height >= 1;
    let has_frame = size.height >= 8;
    let status = line(bottom.saturating_sub(1), has_status);
    // Two lines of legend where there is room (it wraps at words), else one.
    let legend_lines = if size.height >= 16 { 2 } else { 1 };
    let legend = Rect {
        y: bottom.saturating_sub(1 + legend_lines),
        height: if has_frame { legend_lines } else { 0 },
        ..size
    };
    let title = line(size.y, has_frame);
    let scale = line(size.y + title.height, size.height >= 3);
    let eras = line(scale.bottom(), eras && size.height >= 12);
    let top = eras.bottom();
    let end = bottom - status.height - legend.height;
    let rows = Rect {
        y: top,
        height: end.saturating_sub(top),
        ..size
    };
    let names = (size.width / 3).clamp(8, 30).min(size.width / 2);
    ChartAreas {
        title,
        scale,
        eras,
        rows,
        legend,
        status,
        names,
        columns: size.width.saturating_sub(names + 1),
    }
}
