//! The detail pane's text, laid out for a width: the selected event in full (date at its
//! precision, summary, people, units, the changes it made, sources with their addresses), or the
//! person or unit opened (in `entity`).
//!
//! Styled lines, not drawing: the update keeps them in the state (see [`crate::tui::derived`])
//! to scroll by, and the detail view draws them.

mod entity;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::store::date::{PartialDate, Precision};
use crate::store::ids::EventIx;
use crate::timeline::history::ChangeKind;
use crate::tui::app::{App, Entity};
use crate::tui::spans::{MAX_SPAN_CHARS, clean, clip, styled, wrap};
use crate::tui::theme::Theme;

/// The pane's text wrapped to `width` columns, worked out afresh (drawing and scrolling use the
/// copy the state keeps: [`App::detail_lines`]).
#[must_use]
pub fn lines(app: &App<'_>, width: u16) -> Vec<Line<'static>> {
    let mut doc = Doc {
        width: usize::from(width).max(1),
        theme: app.theme,
        lines: Vec::new(),
    };
    match app.subject {
        None => match app.event_index() {
            Some(index) => event_doc(app, index, &mut doc),
            None => doc.para(vec![Span::styled("No event selected.", app.theme.dim())]),
        },
        Some(Entity::Person(i)) => entity::person(app, i, &mut doc),
        Some(Entity::Unit(i)) => entity::unit(app, i, &mut doc),
    }
    doc.lines
}

/// Lines being built, wrapped as they are added.
struct Doc {
    width: usize,
    theme: Theme,
    lines: Vec<Line<'static>>,
}

impl Doc {
    /// A paragraph.
    fn para(&mut self, spans: Vec<Span<'static>>) {
        self.lines.extend(wrap(&spans, self.width, 0, 0));
    }

    /// A section heading, after a blank line.
    fn heading(&mut self, text: &str) {
        self.lines.push(Line::default());
        self.lines.push(Line::from(Span::styled(
            text.to_string(),
            self.theme.heading(),
        )));
    }

    /// An indented item; continuation lines indented further.
    fn item(&mut self, spans: Vec<Span<'static>>) {
        self.lines.extend(wrap(&spans, self.width, 2, 4));
    }

    /// A line indented under an item.
    fn sub_item(&mut self, spans: Vec<Span<'static>>) {
        self.lines.extend(wrap(&spans, self.width, 4, 6));
    }
}

/// `2015-03 (to the month)`, `~2018 (approximate, to the year)`, `2015-03 – 2016`.
#[must_use]
pub fn date_text(date: &PartialDate, end: Option<&PartialDate>) -> String {
    let mut text = date.to_string();
    if let Some(end) = end {
        text.push_str(&format!(" – {end}"));
    }
    let precision = match date.precision() {
        Precision::Day => None,
        Precision::Month => Some("to the month"),
        Precision::Year => Some("to the year"),
    };
    match (date.is_approximate(), precision) {
        (true, Some(p)) => text.push_str(&format!(" (approximate, {p})")),
        (true, None) => text.push_str(" (approximate)"),
        (false, Some(p)) => text.push_str(&format!(" ({p})")),
        (false, None) => {}
    }
    text
}

fn event_doc(app: &App<'_>, index: EventIx, doc: &mut Doc) {
    let theme = app.theme;
    let timeline = app.timeline;
    let event = timeline.event_at(index);
    doc.para(vec![styled(&event.title, theme.heading())]);
    doc.para(vec![
        Span::styled(Theme::kind_symbol(event.kind), theme.kind(event.kind)),
        Span::raw(format!(" {} · ", event.kind.as_str())),
        Span::raw(date_text(&event.date, event.end.as_ref())),
    ]);
    doc.lines.push(Line::default());
    doc.para(vec![styled(&event.summary, Style::new())]);
    if clip(&event.summary, MAX_SPAN_CHARS).1 {
        doc.para(vec![Span::styled(
            format!(
                "(The summary is cut here: it is {} bytes long. `ali-timeline export` writes it whole.)",
                event.summary.len()
            ),
            theme.dim(),
        )]);
    }
    if !event.people.is_empty() {
        doc.heading("People");
        for id in &event.people {
            doc.item(vec![styled(&timeline.person_label(id), Style::new())]);
        }
    }
    if !event.units.is_empty() {
        doc.heading("Units");
        for id in &event.units {
            doc.item(vec![styled(&timeline.unit_label(id), Style::new())]);
        }
    }
    let changes = app.event_changes(index);
    if !changes.is_empty() {
        doc.heading("Changes");
        for change in changes.iter() {
            let (mark, style) = change_mark(theme, &change.kind);
            doc.item(vec![
                Span::styled(format!("{mark} "), style),
                styled(&change.describe(timeline), Style::new()),
            ]);
        }
    }
    if !event.sources.is_empty() {
        doc.heading("Sources");
        for id in &event.sources {
            match timeline.source(id) {
                Some(source) => {
                    doc.item(vec![styled(&source.citation(), Style::new())]);
                    if let Some(url) = &source.url {
                        doc.sub_item(vec![styled(url, theme.dim())]);
                    }
                }
                None => doc.item(vec![styled(id, Style::new())]),
            }
        }
    }
    if !event.tags.is_empty() {
        doc.heading("Tags");
        doc.item(vec![styled(&event.tags.join(", "), Style::new())]);
    }
    if let Some(note) = &event.note {
        doc.heading("Note");
        doc.item(vec![styled(note, Style::new())]);
    }
    doc.lines.push(Line::default());
    doc.para(vec![Span::styled(
        format!("id: {}", clean(&event.id)),
        theme.dim(),
    )]);
}

/// The mark the org chart uses for a kind of change: `+` new, `→` moved or renamed, `−` ended.
#[must_use]
pub fn change_mark(theme: Theme, kind: &ChangeKind) -> (&'static str, Style) {
    match kind {
        ChangeKind::RoleStarted { .. } | ChangeKind::Founded { .. } => ("+", theme.new_mark()),
        ChangeKind::Moved { .. } | ChangeKind::Renamed { .. } => ("→", theme.moved_mark()),
        ChangeKind::RoleEnded { .. } | ChangeKind::Merged { .. } | ChangeKind::Dissolved { .. } => {
            ("−", theme.dim())
        }
        ChangeKind::RoleLastRecorded { .. } => ("·", theme.dim()),
    }
}
