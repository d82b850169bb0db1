//! Drawing the app: a pure function of the state, one module per pane or overlay.

pub mod axis;
pub mod detail;
pub mod export;
pub mod help;
pub mod line_input;
pub mod org;
pub mod overlay;
pub mod preview;
pub mod saved;
pub mod search;
pub mod sources;
pub mod status;
pub mod tenure;
pub mod timeline;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::tui::app::{App, Mode, Pane};
use crate::tui::layout::{self, Framing, PaneArea};
use crate::tui::spans::{self, fit, wrap};
use crate::tui::theme::Theme;

/// Draws the whole app for `app` into `buf` over `area`.
pub fn render(app: &App<'_>, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if let Mode::Tenure(chart) = &app.mode {
        tenure::render(app, chart, area, buf);
        status::render(
            app,
            crate::tui::tenure::areas(area, chart.has_eras).status,
            buf,
        );
        return;
    }
    let areas = layout::app_areas(app, area);
    for pane in &areas.panes {
        let focused = pane.pane == app.focus;
        let title = match pane.pane {
            Pane::Timeline => timeline::title(app),
            Pane::Detail => detail::title(app),
            Pane::Org => org::title(app),
        };
        frame(app.theme, pane, &title, focused, buf);
        match pane.pane {
            Pane::Timeline => timeline::render(app, pane.inner, focused, buf),
            Pane::Detail => detail::render(app, pane, buf),
            Pane::Org => org::render(app, pane.inner, focused, buf),
        }
    }
    status::render(app, areas.status, buf);
    match &app.mode {
        Mode::Search(search) => search::render(app, search, layout::overlay(areas.body), buf),
        Mode::Help => help::render(app, layout::overlay(areas.body), buf),
        Mode::Export(dialog) => export::render(app, dialog, areas.body, buf),
        Mode::Date(input) => {
            if let Some(error) = &input.error {
                date_error(app.theme, error, areas.body, buf);
            }
        }
        Mode::Sources(picker) => sources::render(app, picker, areas.body, buf),
        Mode::Saved(picker) => saved::render(app, picker, layout::overlay(areas.body), buf),
        Mode::SaveQuery(name) => {
            if let Some(error) = &name.error {
                date_error(app.theme, error, areas.body, buf);
            }
        }
        Mode::Browse | Mode::Tenure(_) => {}
    }
}

/// Draws a pane's border and title.
fn frame(theme: Theme, pane: &PaneArea, title: &str, focused: bool, buf: &mut Buffer) {
    let borders = match pane.framing {
        Framing::Full => Borders::ALL,
        Framing::Title => Borders::TOP,
        Framing::Bare => return,
    };
    let room = usize::from(pane.outer.width.saturating_sub(2));
    let style = theme.border(focused);
    let title = fit(vec![Span::styled(format!(" {title} "), style)], room);
    Block::new()
        .borders(borders)
        .border_style(style)
        .title(title)
        .render(pane.outer, buf);
}

/// Shows a rejected date's error, wrapped, just above the status bar.
fn date_error(theme: Theme, error: &str, body: Rect, buf: &mut Buffer) {
    let lines = wrap(
        &[spans::styled(error, theme.error())],
        usize::from(body.width),
        0,
        2,
    );
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .min(body.height);
    let area = Rect {
        y: body.bottom() - height,
        height,
        ..body
    };
    Clear.render(area, buf);
    for (line, y) in lines.iter().zip(area.y..area.bottom()) {
        buf.set_line(area.x, y, line, area.width);
    }
}
