//! RON text for a store, laid out like a hand-kept `timeline.ron`: one person, unit or source
//! per line; one field per line in events, with lists and effects kept on one line.

use std::fmt::Write;

use ali_timeline::store::model::{Event, Store};
use serde::Serialize;

/// One value as compact RON (`["a", "b"]`, `StartRole(person: "x", …)`), without `Some(…)`.
fn ron<T: Serialize>(value: &T) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .compact_structs(true)
        .compact_arrays(true)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    // Invariant: the model serialises to RON without error (strings, enums, lists, options).
    let text = ron::ser::to_string_pretty(value, config).unwrap_or_default();
    // The serializer announces `#![enable(implicit_some)]` on a first line of its own.
    match text.split_once('\n') {
        Some((first, rest)) if first.starts_with("#!") => rest.to_string(),
        _ => text,
    }
}

fn list<T: Serialize>(out: &mut String, name: &str, items: &[T]) {
    let _ = writeln!(out, "  {name}: [");
    for item in items {
        let _ = writeln!(out, "    {},", ron(item));
    }
    out.push_str("  ],\n");
}

fn event(out: &mut String, event: &Event) {
    out.push_str("    Event(\n");
    let mut field = |name: &str, value: String| {
        let _ = writeln!(out, "      {name}: {value},");
    };
    field("id", ron(&event.id));
    field("date", ron(&event.date));
    if let Some(end) = &event.end {
        field("end", ron(end));
    }
    field("title", ron(&event.title));
    field("summary", ron(&event.summary));
    field("kind", event.kind.as_str().to_string());
    for (name, ids) in [
        ("people", &event.people),
        ("units", &event.units),
        ("tags", &event.tags),
    ] {
        if !ids.is_empty() {
            field(name, ron(ids));
        }
    }
    field("sources", ron(&event.sources));
    if !event.effects.is_empty() {
        field("effects", ron(&event.effects));
    }
    if let Some(note) = &event.note {
        field("note", ron(note));
    }
    out.push_str("    ),\n");
}

/// The whole store, after the `implicit_some` line and a `header` comment.
pub fn store(store: &Store, header: &str) -> String {
    let mut out = format!("#![enable(implicit_some)]\n{header}\nStore(\n");
    list(&mut out, "people", &store.people);
    list(&mut out, "units", &store.units);
    list(&mut out, "sources", &store.sources);
    out.push_str("  events: [\n");
    for e in &store.events {
        event(&mut out, e);
    }
    out.push_str("  ],\n)\n");
    out
}
