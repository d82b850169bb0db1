//! `ali-timeline eras [--json]`: the store's eras, in store order, each with its span, id, title
//! and how many events fall in it — the names the query atom `era:` takes.
//!
//! `--json` writes `{"eras": [...]}` (`assets/eras.schema.json`). Every string from the store is
//! sanitised in text (and escaped in JSON).

use std::io::Write;

use serde::Serialize;

use super::columns::{padded, widest};
use super::json;
use crate::error::Error;
use crate::store::date::PartialDate;
use crate::text::sanitize;
use crate::timeline::{EraSpan, Timeline};

/// Prints the eras of `timeline`.
///
/// # Errors
/// A failed write (an era's date range always parses as a query).
pub fn run(timeline: &Timeline, json: bool, out: &mut impl Write) -> Result<(), Error> {
    let mut eras: Vec<(EraSpan, usize)> = Vec::new();
    for era in timeline.eras() {
        // The events `era:` selects: those of the date range it resolves to.
        let (from, to) = era.days();
        let events = crate::query::filter_events(timeline, &format!("@{from}..{to}"))?.len();
        eras.push((era, events));
    }
    if json {
        let output = JsonEras {
            eras: eras
                .iter()
                .map(|(era, events)| JsonEra::new(era, *events))
                .collect(),
        };
        return json::write(&output, out);
    }
    if eras.is_empty() {
        writeln!(out, "No eras in this store.")?;
        return Ok(());
    }
    let spans: Vec<String> = eras
        .iter()
        .map(|(era, _)| format!("{}..{}", era.start, era.end))
        .collect();
    let ids: Vec<String> = eras.iter().map(|(era, _)| sanitize(&era.era.id)).collect();
    let span_column = widest(spans.iter().map(String::as_str), 0);
    let id_column = widest(ids.iter().map(String::as_str), 0);
    for (((era, events), span), id) in eras.iter().zip(&spans).zip(&ids) {
        writeln!(
            out,
            "{}  {}  {} ({})",
            padded(span, span_column),
            padded(id, id_column),
            sanitize(&era.era.title),
            crate::export::plural(*events, "event")
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonEras<'a> {
    eras: Vec<JsonEra<'a>>,
}

#[derive(Serialize)]
struct JsonEra<'a> {
    id: &'a str,
    title: &'a str,
    note: Option<&'a str>,
    start_event: &'a str,
    end_event: &'a str,
    start: PartialDate,
    end: PartialDate,
    events: usize,
}

impl<'a> JsonEra<'a> {
    fn new(era: &EraSpan<'a>, events: usize) -> Self {
        JsonEra {
            id: &era.era.id,
            title: &era.era.title,
            note: era.era.note.as_deref(),
            start_event: &era.era.start_event,
            end_event: &era.era.end_event,
            start: era.start,
            end: era.end,
            events,
        }
    }
}
