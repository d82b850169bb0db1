//! The detail pane for a person or a unit opened from search or the org chart: a person's career
//! (every role in order, with its dates and the events behind it), a unit's lineage (founding,
//! renames, mergers, parents over time, leaders), then the events each appears in.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Doc;
use crate::org::{CareerEntry, career, lineage};
use crate::store::date::PartialDate;
use crate::store::ids::{PersonIx, UnitIx};
use crate::tui::app::{App, Entity};
use crate::tui::spans::{clean, styled};
use crate::tui::theme::Theme;

/// A person: name, aliases, note, career, events.
pub(super) fn person(app: &App<'_>, index: PersonIx, doc: &mut Doc) {
    let timeline = app.timeline;
    let person = timeline.person_at(index);
    title(
        &timeline.person_label_at(index),
        format!("person · {}", clean(&person.id)),
        doc,
    );
    about(&person.aliases, person.note.as_deref(), doc);
    let entries = career(timeline, &person.id);
    doc.heading("Career");
    if entries.is_empty() {
        doc.item(vec![Span::styled(
            "no roles in the record",
            doc.theme.dim(),
        )]);
    }
    for entry in &entries {
        doc.item(vec![
            styled(&entry.role, doc.theme.heading()),
            Span::raw(" of "),
            styled(&timeline.unit_label(&entry.unit), Style::new()),
        ]);
        tenure_events(app, entry, doc);
    }
    events(app, Entity::Person(index), doc);
}

/// When a role ran and the events that started and ended it.
fn tenure_events(app: &App<'_>, entry: &CareerEntry, doc: &mut Doc) {
    doc.sub_item(vec![Span::styled(entry.span(), doc.theme.dim())]);
    if let Some(previous) = &entry.continues {
        doc.sub_item(vec![
            Span::styled("carried over from ", doc.theme.dim()),
            styled(&app.timeline.unit_label(previous), Style::new()),
        ]);
    }
    doc.sub_item(vec![
        Span::styled("+ ", doc.theme.new_mark()),
        styled(&event_title(app, &entry.start_event), Style::new()),
    ]);
    if let Some(end) = &entry.end_event {
        doc.sub_item(vec![
            Span::styled("− ", doc.theme.dim()),
            styled(&event_title(app, end), Style::new()),
        ]);
    }
}

/// A unit: name, kind, aliases, note, lineage, parents, leaders, events.
pub(super) fn unit(app: &App<'_>, index: UnitIx, doc: &mut Doc) {
    let timeline = app.timeline;
    let unit = timeline.unit_at(index);
    title(
        &timeline.unit_label_at(index),
        format!(
            "{} · {}",
            unit.kind.as_str().replace('_', " "),
            clean(&unit.id)
        ),
        doc,
    );
    about(&unit.aliases, unit.note.as_deref(), doc);
    if let Some(life) = lineage(timeline, &unit.id) {
        doc.heading("Lineage");
        if life.predates_record() {
            doc.item(vec![Span::styled(
                "existed before the record starts",
                doc.theme.dim(),
            )]);
        }
        let mut step = |what: String, date: &PartialDate, event: &str| {
            doc.item(vec![
                Span::raw(what),
                Span::styled(format!(" {date}"), doc.theme.dim()),
            ]);
            doc.sub_item(vec![styled(&event_title(app, event), Style::new())]);
        };
        if let Some(founded) = &life.founded {
            step("founded".into(), &founded.date, &founded.event);
        }
        if let Some(from) = &life.renamed_from {
            let name = clean(&timeline.unit_label(&from.unit));
            step(format!("renamed from {name}"), &from.date, &from.event);
        }
        for absorbed in &life.absorbed {
            let name = clean(&timeline.unit_label(&absorbed.unit));
            step(format!("absorbed {name}"), &absorbed.date, &absorbed.event);
        }
        if let Some(to) = &life.renamed_to {
            let name = clean(&timeline.unit_label(&to.unit));
            step(format!("renamed {name}"), &to.date, &to.event);
        }
        if let Some(into) = &life.merged_into {
            let name = clean(&timeline.unit_label(&into.unit));
            step(format!("merged into {name}"), &into.date, &into.event);
        }
        if let Some(end) = &life.dissolved {
            step("dissolved".into(), &end.date, &end.event);
        }
        doc.heading("Parents");
        for span in &life.parents {
            let parent = span.parent.as_deref().map_or_else(
                || "none (top level)".to_string(),
                |p| clean(&timeline.unit_label(p)),
            );
            let since = span
                .since
                .map_or_else(String::new, |d| format!(" since {d}"));
            doc.item(vec![
                Span::raw(parent),
                Span::styled(
                    format!("{since} ({})", span.cause.as_str()),
                    doc.theme.dim(),
                ),
            ]);
        }
        doc.heading("Leaders");
        if life.leaders.is_empty() {
            doc.item(vec![Span::styled(
                "no roles in the record",
                doc.theme.dim(),
            )]);
        }
        for entry in &life.leaders {
            doc.item(vec![
                styled(&entry.role, doc.theme.heading()),
                Span::raw(": "),
                styled(&timeline.person_label(&entry.person), Style::new()),
            ]);
            doc.sub_item(vec![Span::styled(entry.span(), doc.theme.dim())]);
        }
    }
    events(app, Entity::Unit(index), doc);
}

/// The top of a person's or a unit's detail: its name as a heading, then what it is and its id.
fn title(name: &str, what: String, doc: &mut Doc) {
    doc.para(vec![styled(name, doc.theme.heading())]);
    doc.para(vec![Span::styled(what, doc.theme.dim())]);
}

/// The title of the event with this id (the id itself if the store has no such event).
fn event_title(app: &App<'_>, id: &str) -> String {
    app.timeline
        .event(id)
        .map_or_else(|| id.to_string(), |e| e.title.clone())
}

fn about(aliases: &[String], note: Option<&str>, doc: &mut Doc) {
    if !aliases.is_empty() {
        doc.para(vec![
            Span::styled("also ", doc.theme.dim()),
            styled(&aliases.join(", "), Style::new()),
        ]);
    }
    if let Some(note) = note {
        doc.lines.push(Line::default());
        doc.para(vec![styled(note, Style::new())]);
    }
}

fn events(app: &App<'_>, entity: Entity, doc: &mut Doc) {
    let events = app.events_of(entity);
    doc.heading(&format!("Events ({})", events.len()));
    for ix in events {
        let event = app.timeline.event_at(ix);
        doc.item(vec![
            Span::styled(Theme::kind_symbol(event.kind), doc.theme.kind(event.kind)),
            Span::styled(format!(" {} ", event.date), doc.theme.dim()),
            styled(&event.title, Style::new()),
        ]);
    }
}
