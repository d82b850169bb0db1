//! The time axis at the top of the timeline pane: how many events each month or year holds, as
//! bars (▁▂▃▄▅▆▇█, scaled to the busiest cell); when the timeline is filtered, a second row of
//! bars for the events shown, on the same scale, under the dimmed bars of every event; the
//! store's eras as bands; then the years, with ▲ under the selected event's period. See [`crate::tui::axis`] for the geometry.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::tui::app::App;
use crate::tui::axis::{Geometry, month_of};
use crate::tui::theme::Theme;

/// The bars, from one event to the busiest cell.
const BARS: [&str; 8] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/// The mark under the selected event's period.
const MARK: &str = "▲";

/// Draws the axis into `area` (nothing when it has no rows).
pub fn render(app: &App<'_>, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let density = app.density();
    let geometry = Geometry::of(&density, area.width);
    let all = geometry.per_cell(&density.all);
    let max = all.iter().copied().max().unwrap_or(0).max(1);
    let theme = app.theme;
    let mut y = area.y;
    bars(
        &geometry,
        &all,
        max,
        theme.axis_bar(density.filtered),
        area,
        y,
        buf,
    );
    if density.filtered {
        y += 1;
        let shown = geometry.per_cell(&density.shown);
        bars(&geometry, &shown, max, theme.axis_shown(), area, y, buf);
    }
    if app.timeline.eras().len() > 0 {
        y += 1;
        eras(app, &geometry, area, y, buf);
    }
    let mark = app
        .selected_event()
        .and_then(|e| geometry.cell_of(month_of(e.date.start())))
        .map(|cell| geometry.x_of(cell) + bar_width(&geometry).saturating_sub(1) / 2);
    years(&geometry, mark, theme, area, y + 1, buf);
}

/// Columns of bar in a cell (a one-column gap between cells from three columns on).
fn bar_width(geometry: &Geometry) -> u16 {
    if geometry.cell_width >= 3 {
        geometry.cell_width - 1
    } else {
        geometry.cell_width
    }
}

/// One row of bars for `counts` (per cell), scaled to `max`.
fn bars(
    geometry: &Geometry,
    counts: &[u32],
    max: u32,
    style: Style,
    area: Rect,
    y: u16,
    buf: &mut Buffer,
) {
    let width = bar_width(geometry);
    for (cell, &count) in counts.iter().enumerate() {
        if count == 0 {
            continue;
        }
        // From 1 (one event) to 8 (the busiest cell), rounding up so one event always shows.
        let level = (u64::from(count) * 8).div_ceil(u64::from(max)).clamp(1, 8);
        let bar = BARS[usize::try_from(level - 1).unwrap_or(0)];
        let x = geometry.x_of(cell);
        for dx in 0..width {
            if x + dx < area.width {
                buf[(area.x + x + dx, y)].set_symbol(bar).set_style(style);
            }
        }
    }
}

/// The store's eras as bands over the cells they span, each starting with `├`, in turns of
/// colour (a later era draws over the end of one it overlaps).
fn eras(app: &App<'_>, geometry: &Geometry, area: Rect, y: u16, buf: &mut Buffer) {
    let last = bar_width(geometry).saturating_sub(1);
    for (n, era) in app.timeline.eras().enumerate() {
        let cell = |date: crate::store::date::PartialDate| geometry.cell_of(month_of(date.start()));
        let (Some(from), Some(to)) = (cell(era.start), cell(era.end)) else {
            continue;
        };
        let style = app.theme.unit_colour(n);
        let (x0, x1) = (geometry.x_of(from), geometry.x_of(to) + last);
        for x in x0..=x1.min(area.width.saturating_sub(1)) {
            let symbol = if x == x0 { "├" } else { "─" };
            buf[(area.x + x, y)].set_symbol(symbol).set_style(style);
        }
    }
}

/// The years under the cells that start one, as many as fit apart, and the selection's mark.
fn years(
    geometry: &Geometry,
    mark: Option<u16>,
    theme: Theme,
    area: Rect,
    y: u16,
    buf: &mut Buffer,
) {
    let mut free = 0;
    for cell in 0..geometry.cells {
        let month = geometry.start_of(cell);
        if month.rem_euclid(12) != 0 {
            continue;
        }
        let x = geometry.x_of(cell);
        let label = (month / 12).to_string();
        let end = x + u16::try_from(label.len()).unwrap_or(4);
        let hides_mark = mark.is_some_and(|m| (x..end).contains(&m));
        if x < free || end > area.width || hides_mark {
            continue;
        }
        buf.set_string(area.x + x, y, &label, theme.dim());
        free = end + 1;
    }
    if let Some(m) = mark.filter(|&m| m < area.width) {
        buf.set_string(area.x + m, y, MARK, theme.date_mark());
    }
}
