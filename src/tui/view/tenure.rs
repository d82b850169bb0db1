//! The tenure chart, full screen: a title, the years over the columns, one row per person (under
//! a heading per unit) or per unit, each role or life a bar coloured by unit, a vertical line at
//! the selected event's date, and a legend. Only the rows on screen are drawn, each by mapping
//! its few dates to columns (see [`crate::tui::tenure`] for the rows and the geometry).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;

use crate::store::date::PartialDate;
use crate::tui::app::{App, Entity};
use crate::tui::axis::first_day;
use crate::tui::spans::{clean, fit, wrap};
use crate::tui::tenure::{Bar, ChartKind, ChartRow, End, TenureChart, areas};
use crate::tui::theme::Theme;

/// A role held, or a unit's life.
const HELD: &str = "█";
/// Where a date is known only to the month or year, or is approximate.
const VAGUE: &str = "░";
/// After a role no source ends (its last record), or before a unit only first recorded.
const UNRECORDED: &str = "…";
/// After a bar nothing in the record ends.
const OPEN: &str = "▸";
/// The selected event's date.
const LINE: &str = "│";

/// The legend under the people's chart, item by item.
const PEOPLE_LEGEND: &[&str] = &[
    "█ held",
    "░ date known only to the month or year, or approximate",
    "… last recorded: no source gives the end",
    "▸ no end recorded",
    "│ ▼ the selected event's date",
];
/// The legend under the units' chart, item by item.
const UNITS_LEGEND: &[&str] = &[
    "█ exists",
    "+ founded",
    "$ acquired",
    "→ moved",
    "& merged",
    "» renamed",
    "× dissolved",
    "░ vague date",
    "… first recorded (existed before)",
    "│ ▼ the selected event's date",
];

/// Draws the chart over `area` (the whole screen; the status bar is drawn by the caller).
pub fn render(app: &App<'_>, chart: &TenureChart, area: Rect, buf: &mut Buffer) {
    let parts = areas(area, chart.has_eras);
    let theme = app.theme;
    let line = app
        .selected_event()
        .map(|e| chart.column_of(e.date.start()));
    title(chart, theme, parts.title, buf);
    if !parts.scale.is_empty() {
        scale(chart, line, theme, parts.scale, parts.names, buf);
    }
    if !parts.eras.is_empty() {
        eras(app, chart, parts.eras, parts.names, buf);
    }
    let rows = chart.rows.iter().enumerate().skip(chart.offset);
    for ((index, row), y) in rows.zip(parts.rows.y..parts.rows.bottom()) {
        let highlighted = index == chart.cursor;
        name(
            app,
            row,
            highlighted,
            Rect {
                y,
                height: 1,
                ..parts.rows
            },
            parts.names,
            buf,
        );
        let x0 = parts.rows.x + parts.names + 1;
        let columns = parts.columns;
        let style = theme.unit_colour(row.colour);
        let mut put = |column: i32, symbol: &str, style: Style| {
            if let Ok(c) = u16::try_from(column)
                && c < columns
            {
                buf[(x0 + c, y)].set_symbol(symbol).set_style(style);
            }
        };
        if let Some(column) = line {
            put(column, LINE, theme.date_mark());
        }
        for bar in &row.bars {
            draw_bar(chart, bar, style, theme, &mut put);
        }
        for (date, mark) in &row.marks {
            let at = chart.column_of(date.start());
            put(at, mark.symbol(), style.add_modifier(Modifier::BOLD));
        }
    }
    if chart.rows.is_empty() && !parts.rows.is_empty() {
        let text = match chart.kind {
            ChartKind::People => "No roles in this store.",
            ChartKind::Units => "No units in this store.",
        };
        buf.set_string(parts.rows.x, parts.rows.y, text, theme.dim());
    }
    let legend = match chart.kind {
        ChartKind::People => PEOPLE_LEGEND,
        ChartKind::Units => UNITS_LEGEND,
    };
    let spans = [Span::styled(legend.join("  "), theme.dim())];
    let lines = wrap(&spans, usize::from(parts.legend.width), 0, 0);
    for (line, y) in lines.iter().zip(parts.legend.y..parts.legend.bottom()) {
        buf.set_line(parts.legend.x, y, line, parts.legend.width);
    }
}

/// One bar, through `put(column, symbol, style)`: held cells, vague dates shaded, and how it ends.
fn draw_bar(
    chart: &TenureChart,
    bar: &Bar,
    style: Style,
    theme: Theme,
    put: &mut impl FnMut(i32, &str, Style),
) {
    let first = chart.column_of(bar.start.start());
    let last = match bar.end {
        End::Ended(date) | End::LastRecorded(date) => chart.column_of(date.start()),
        End::Open => chart.column_of(first_day(chart.span.1)),
    }
    .max(first);
    let (left, right) = (first.max(-1), last.min(i32::from(u16::MAX)));
    for column in left..=right {
        put(column, HELD, style);
    }
    let mut shade = |date: PartialDate| {
        if date.is_vague() {
            let (from, to) = (chart.column_of(date.start()), chart.column_of(date.end()));
            for column in from.max(first)..=to.min(last) {
                put(column, VAGUE, style);
            }
        }
    };
    shade(bar.start);
    match bar.end {
        End::Ended(date) => shade(date),
        End::LastRecorded(date) => {
            shade(date);
            put(last + 1, UNRECORDED, style);
        }
        End::Open => put(last + 1, OPEN, theme.dim()),
    }
    if bar.first_recorded {
        put(first - 1, UNRECORDED, style);
    }
}

/// The title: which chart, the zoom, the months shown, and the key that switches.
fn title(chart: &TenureChart, theme: Theme, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let (what, other) = match chart.kind {
        ChartKind::People => ("Tenure chart: people by unit", "Tab unit lifelines"),
        ChartKind::Units => ("Unit lifelines", "Tab people by unit"),
    };
    let per = chart.months_per_column();
    let zoom = match per {
        1 => "1 column = 1 month".to_string(),
        12 => "1 column = 1 year".to_string(),
        24 => "1 column = 2 years".to_string(),
        n => format!("1 column = {n} months"),
    };
    let spans = vec![
        Span::styled(format!(" {what} "), theme.heading()),
        Span::styled(format!("· {zoom} · {other}"), theme.dim()),
    ];
    buf.set_line(
        area.x,
        area.y,
        &fit(spans, usize::from(area.width)),
        area.width,
    );
}

/// The years over the columns where they begin (as many as fit apart), and ▼ over the date line.
fn scale(
    chart: &TenureChart,
    line: Option<i32>,
    theme: Theme,
    area: Rect,
    names: u16,
    buf: &mut Buffer,
) {
    let x0 = area.x + names + 1;
    let columns = i32::from(area.width.saturating_sub(names + 1));
    let per = chart.months_per_column();
    let mut free = 0;
    let first_year = chart.from.div_euclid(12);
    let last_year = (chart.from + columns * per).div_euclid(12);
    for year in first_year..=last_year {
        let column = (year * 12 - chart.from).div_euclid(per);
        let label = year.to_string();
        let end = column + 4;
        let hides_line = line.is_some_and(|l| (column..end).contains(&l));
        if column < free || column < 0 || end > columns || hides_line {
            continue;
        }
        if let Ok(c) = u16::try_from(column) {
            buf.set_string(x0 + c, area.y, &label, theme.dim());
        }
        free = end + 1;
    }
    if let Some(c) = line
        .and_then(|l| u16::try_from(l).ok())
        .filter(|&c| i32::from(c) < columns)
    {
        buf.set_string(x0 + c, area.y, "▼", theme.date_mark());
    }
}

/// The store's eras as bands over the columns they span, `├` where each begins and its title
/// after it as far as it fits, in turns of colour (a later era draws over the end of one it
/// overlaps).
fn eras(app: &App<'_>, chart: &TenureChart, area: Rect, names: u16, buf: &mut Buffer) {
    buf.set_string(area.x, area.y, "Eras", app.theme.dim());
    let x0 = area.x + names + 1;
    let columns = i32::from(area.width.saturating_sub(names + 1));
    for (n, era) in app.timeline.eras().enumerate() {
        let from = chart.column_of(era.start.start());
        let to = chart.column_of(era.end.start()).max(from);
        if to < 0 || from >= columns {
            continue;
        }
        let style = app.theme.unit_colour(n);
        // The title after `├`, cut with `…` to the band (characters one column wide only),
        // when the band has room for a few of them.
        let room = usize::try_from(to - from).unwrap_or(0);
        let mut title: Vec<char> = format!("├{}", clean(&era.era.title)).chars().collect();
        let narrow = title
            .iter()
            .all(|c| unicode_width::UnicodeWidthChar::width(*c) == Some(1));
        if !narrow || room < 5 {
            title.truncate(1);
        } else if title.len() > room {
            title.truncate(room - 1);
            title.push('…');
        }
        for column in from.max(0)..=to.min(columns - 1) {
            let at = usize::try_from(column - from).unwrap_or(0);
            let symbol = match title.get(at) {
                Some(c) => c.to_string(),
                None => "─".to_string(),
            };
            if let Ok(c) = u16::try_from(column) {
                buf[(x0 + c, area.y)].set_symbol(&symbol).set_style(style);
            }
        }
    }
}

/// The row's name: a unit heading in its colour, or a person indented under it.
fn name(
    app: &App<'_>,
    row: &ChartRow,
    highlighted: bool,
    area: Rect,
    width: u16,
    buf: &mut Buffer,
) {
    let theme = app.theme;
    let label = clean(&app.timeline.label(row.entity));
    let (text, style) = if row.heading {
        (
            label,
            theme.unit_colour(row.colour).add_modifier(Modifier::BOLD),
        )
    } else if matches!(row.entity, Entity::Person(_)) {
        (format!("  {label}"), Style::new())
    } else {
        (label, theme.unit_colour(row.colour))
    };
    let style = if highlighted {
        style.add_modifier(Modifier::REVERSED)
    } else {
        style
    };
    let line = fit(vec![Span::styled(text, style)], usize::from(width));
    buf.set_line(area.x, area.y, &line, width);
    if highlighted {
        buf.set_style(Rect { width, ..area }, theme.selected());
    }
}
