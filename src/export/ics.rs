//! iCalendar (RFC 5545), written by hand: one all-day `VEVENT` per event.
//!
//! - A date known to the day is that day; one known only to the month spans the whole month,
//!   and one known only to the year the whole year (`DTSTART;VALUE=DATE` on the first day,
//!   exclusive `DTEND` on the day after the last). An `end` date extends the span to the end of
//!   its own precision. The description says how precisely the date is known.
//! - `UID` is `EVENT-ID@ali-timeline`, stable across exports, so a re-import updates events.
//! - `DTSTAMP` must be a UTC time; to keep exports reproducible it is not the wall clock but
//!   midnight UTC of the last day any event of the store covers: the same for every export of
//!   the same store.
//! - Text values are escaped (`\\`, `\;`, `\,`, `\n`), hidden characters shown as `<U+XXXX>`,
//!   lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character.

use std::io::{self, Write};

use super::escape::{link, visible};
use super::{Selection, TITLE, span};
use crate::store::date::Precision;
use crate::store::model::Event;

/// The longest content line, in octets, before folding (RFC 5545 §3.1).
pub const LINE_OCTETS: usize = 75;

/// Writes the selection as an iCalendar file.
///
/// # Errors
/// A failed write.
pub fn write<W: Write>(sel: &Selection, out: &mut W) -> io::Result<()> {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        format!(
            "PRODID:-//ali-timeline//ali-timeline {}//EN",
            env!("CARGO_PKG_VERSION")
        ),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", text(TITLE)),
        format!("X-WR-CALDESC:{}", text(&sel.description())),
    ];
    let stamp = dtstamp(sel);
    for event in sel.events() {
        lines.extend(vevent(sel, event, &stamp));
    }
    lines.push("END:VCALENDAR".to_string());
    for line in &lines {
        out.write_all(fold(line).as_bytes())?;
    }
    Ok(())
}

/// Midnight UTC of the last day any event of the whole store covers (`19700101T000000Z` for an
/// empty store).
fn dtstamp(sel: &Selection) -> String {
    let last = sel
        .timeline
        .store
        .events
        .iter()
        .map(|e| span(e).1)
        .max()
        .unwrap_or_default();
    format!("{}T000000Z", last.format("%Y%m%d"))
}

fn vevent(sel: &Selection, event: &Event, stamp: &str) -> Vec<String> {
    let (first, last) = span(event);
    let after = last.succ_opt().unwrap_or(last);
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", text(&format!("{}@ali-timeline", event.id))),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{}", first.format("%Y%m%d")),
        format!("DTEND;VALUE=DATE:{}", after.format("%Y%m%d")),
        format!("SUMMARY:{}", text(&event.title)),
        format!("DESCRIPTION:{}", text(&description(sel, event))),
    ];
    let categories: Vec<String> = std::iter::once(event.kind.as_str().to_string())
        .chain(event.tags.iter().filter(|t| !t.trim().is_empty()).cloned())
        .map(|c| text(&c))
        .collect();
    lines.push(format!("CATEGORIES:{}", categories.join(",")));
    if let Some(url) = sel
        .sources(event)
        .iter()
        .find_map(|s| s.url.as_deref().and_then(link))
    {
        lines.push(format!("URL:{url}"));
    }
    lines.push("TRANSP:TRANSPARENT".to_string());
    lines.push("END:VEVENT".to_string());
    lines
}

fn description(sel: &Selection, event: &Event) -> String {
    let mut parts = vec![event.summary.clone(), String::new()];
    parts.push(format!("Date: {}", date_words(event)));
    parts.push(format!("Kind: {}", event.kind.as_str()));
    let people = sel.people(event);
    if !people.is_empty() {
        parts.push(format!("People: {}", people.join(", ")));
    }
    let units = sel.units(event);
    if !units.is_empty() {
        parts.push(format!("Units: {}", units.join(", ")));
    }
    let changes = sel.changes(event);
    if !changes.is_empty() {
        parts.push(format!("Organisation: {}", changes.join("; ")));
    }
    let sources = sel.sources(event);
    if !sources.is_empty() {
        parts.push("Sources:".to_string());
        for s in sources {
            match &s.url {
                Some(url) => parts.push(format!("- {} {url}", s.citation())),
                None => parts.push(format!("- {}", s.citation())),
            }
        }
    }
    if let Some(note) = &event.note {
        parts.push(format!("Note: {note}"));
    }
    parts.join("\n")
}

/// `2015-07 (known to the month; shown as the whole month)`.
fn date_words(event: &Event) -> String {
    let mut words = event.date.to_string();
    if let Some(end) = event.end {
        words.push_str(&format!(" to {end}"));
    }
    let precision = event.date.precision();
    if precision != Precision::Day {
        let unit = precision.as_str();
        words.push_str(&format!(
            " (known to the {unit}; shown as the whole {unit})"
        ));
    }
    if event.date.is_approximate() {
        words.push_str(" (approximate)");
    }
    words
}

/// A TEXT value: hidden characters made visible, then `\`, `;`, `,` and line breaks escaped.
#[must_use]
pub fn text(value: &str) -> String {
    let value = visible(value);
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// One content line folded to at most [`LINE_OCTETS`] octets per physical line (continuations
/// start with a space, which counts), never inside a UTF-8 character, each ending in CRLF.
#[must_use]
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 64 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
        assert_eq!(text("\u{1b}[2J"), "<U+001B>[2J");
    }

    #[test]
    fn folding_respects_octets_and_characters() {
        let line = format!("SUMMARY:{}", "高".repeat(40));
        let folded = fold(&line);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= LINE_OCTETS, "{} octets", physical.len());
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
        assert_eq!(fold("SHORT"), "SHORT\r\n");
    }
}
