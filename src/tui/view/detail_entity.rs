//! The detail pane for a person or a unit opened from search or the org chart: who or what it
//! is and the events it appears in.

use ratatui::style::Style;
use ratatui::text::Span;

use super::detail::Doc;
use super::spans::{clean, styled};
use super::theme::Theme;
use crate::tui::app::{App, Entity};

/// A person: name, aliases, note, events.
pub(super) fn person(app: &App<'_>, index: usize, doc: &mut Doc) {
    let person = &app.timeline.store.people[index];
    doc.para(vec![styled(
        &app.timeline.person_label(&person.id),
        doc.theme.heading(),
    )]);
    doc.para(vec![Span::styled(
        format!("person · {}", clean(&person.id)),
        doc.theme.dim(),
    )]);
    about(&person.aliases, person.note.as_deref(), doc);
    events(app, Entity::Person(index), doc);
}

/// A unit: name, kind, aliases, note, events.
pub(super) fn unit(app: &App<'_>, index: usize, doc: &mut Doc) {
    let unit = &app.timeline.store.units[index];
    doc.para(vec![styled(
        &app.timeline.unit_label(&unit.id),
        doc.theme.heading(),
    )]);
    doc.para(vec![Span::styled(
        format!(
            "{} · {}",
            unit.kind.as_str().replace('_', " "),
            clean(&unit.id)
        ),
        doc.theme.dim(),
    )]);
    about(&unit.aliases, unit.note.as_deref(), doc);
    events(app, Entity::Unit(index), doc);
}

fn about(aliases: &[String], note: Option<&str>, doc: &mut Doc) {
    if !aliases.is_empty() {
        doc.para(vec![
            Span::styled("also ", doc.theme.dim()),
            styled(&aliases.join(", "), Style::new()),
        ]);
    }
    if let Some(note) = note {
        doc.lines.push(ratatui::text::Line::default());
        doc.para(vec![styled(note, Style::new())]);
    }
}

fn events(app: &App<'_>, entity: Entity, doc: &mut Doc) {
    let events = app.events_of(entity);
    doc.heading(&format!("Events ({})", events.len()));
    for i in events {
        let event = &app.timeline.store.events[i];
        doc.item(vec![
            Span::styled(Theme::kind_symbol(event.kind), doc.theme.kind(event.kind)),
            Span::styled(format!(" {} ", event.date), doc.theme.dim()),
            styled(&event.title, Style::new()),
        ]);
    }
}
