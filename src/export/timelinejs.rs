//! TimelineJS3 JSON: a title slide and one slide per event, loadable by TimelineJS as it is
//! (`new TL.Timeline('timeline-embed', 'timeline.json')`).
//!
//! Dates are given as parts (`year`, and `month`, `day` when known), so month- and year-only
//! dates show at their own precision; approximate dates carry a `display_date` of `c. …`.
//! Headlines and texts are HTML (TimelineJS renders them as such), so every text is
//! HTML-escaped; links are made only to `http(s)` URLs. `group` is the event kind, and
//! `unique_id` the event id reduced to `[a-z0-9-]` (made unique when needed). The store's eras
//! that overlap the exported events go in `eras`, cut to the events' days (see
//! [`Selection::eras`]); TimelineJS draws them as bands.

use std::collections::HashSet;
use std::io::{self, Write};

use serde::Serialize;

use super::escape::{html, json_ascii_safe, link};
use super::{Selection, TITLE};
use crate::store::date::{PartialDate, Precision};
use crate::store::model::Event;

/// The document TimelineJS reads: a title slide, one slide per event, the eras, and the scale.
#[derive(Serialize)]
struct Document {
    title: Slide,
    events: Vec<Slide>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    eras: Vec<EraBand>,
    scale: &'static str,
}

/// An era as TimelineJS draws it: a band from `start_date` to `end_date` with a headline.
#[derive(Serialize)]
struct EraBand {
    start_date: DateParts,
    end_date: DateParts,
    text: Text,
}

#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<DateParts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<DateParts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    unique_id: String,
}

#[derive(Serialize)]
struct DateParts {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
}

#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

/// Writes the selection as TimelineJS3 JSON.
///
/// # Errors
/// [`io::ErrorKind::InvalidInput`] when no event is selected (TimelineJS refuses a timeline with
/// no events), or a failed write.
pub fn write<W: Write>(sel: &Selection, out: &mut W) -> io::Result<()> {
    if sel.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "TimelineJS cannot show a timeline with no events, and the selection is empty; widen the query",
        ));
    }
    let mut used = HashSet::from(["title".to_string()]);
    let doc = Document {
        title: Slide {
            start_date: None,
            end_date: None,
            display_date: None,
            text: Text {
                headline: html(TITLE),
                text: format!("<p>{}</p>", html(&sel.description())),
            },
            group: None,
            unique_id: "title".into(),
        },
        events: sel
            .events()
            .map(|e| slide(sel, e, unique_id(&e.id, &mut used)))
            .collect(),
        eras: sel
            .eras()
            .into_iter()
            .map(|shown| EraBand {
                start_date: parts(shown.start),
                end_date: parts(shown.end),
                text: Text {
                    headline: html(&shown.span.era.title),
                    text: shown
                        .span
                        .era
                        .note
                        .as_deref()
                        .map_or_else(String::new, paragraphs),
                },
            })
            .collect(),
        scale: "human",
    };
    let text = serde_json::to_string_pretty(&doc).map_err(io::Error::other)?;
    out.write_all(json_ascii_safe(text).as_bytes())?;
    out.write_all(b"\n")
}

fn parts(date: PartialDate) -> DateParts {
    DateParts {
        year: date.year(),
        month: date.month(),
        day: date.day(),
    }
}

/// A date in words at its own precision: `2012`, `March 2015`, `15 July 2015`.
fn words(date: PartialDate) -> String {
    let start = date.start();
    match date.precision() {
        Precision::Year => start.format("%Y").to_string(),
        Precision::Month => start.format("%B %Y").to_string(),
        Precision::Day => start.format("%-d %B %Y").to_string(),
    }
}

fn slide(sel: &Selection, event: &Event, unique_id: String) -> Slide {
    let approximate = event.date.is_approximate() || event.end.is_some_and(|e| e.is_approximate());
    let display_date = approximate.then(|| match event.end {
        Some(end) => format!("c. {} – {}", words(event.date), words(end)),
        None => format!("c. {}", words(event.date)),
    });
    Slide {
        start_date: Some(parts(event.date)),
        end_date: event.end.map(parts),
        display_date,
        text: Text {
            headline: html(&event.title),
            text: body(sel, event),
        },
        group: Some(event.kind.as_str().to_string()),
        unique_id,
    }
}

/// The slide text: summary paragraphs, people and units, sources as links.
fn body(sel: &Selection, event: &Event) -> String {
    let mut text = paragraphs(&event.summary);
    let mut facts = Vec::new();
    let people = sel.people(event);
    if !people.is_empty() {
        facts.push(format!(
            "<strong>People:</strong> {}",
            html(&people.join(", "))
        ));
    }
    let units = sel.units(event);
    if !units.is_empty() {
        facts.push(format!(
            "<strong>Units:</strong> {}",
            html(&units.join(", "))
        ));
    }
    let changes = sel.changes(event);
    if !changes.is_empty() {
        facts.push(format!(
            "<strong>Organisation:</strong> {}",
            html(&changes.join("; "))
        ));
    }
    if !facts.is_empty() {
        text.push_str(&format!("<p>{}</p>", facts.join("<br>")));
    }
    let sources: Vec<String> = sel
        .sources(event)
        .into_iter()
        .map(|s| match s.url.as_deref().and_then(link) {
            Some(href) => format!("<a href=\"{}\">{}</a>", html(&href), html(&s.citation())),
            None => html(&s.citation()),
        })
        .collect();
    if !sources.is_empty() {
        text.push_str(&format!(
            "<p><strong>Sources:</strong> {}</p>",
            sources.join("; ")
        ));
    }
    text
}

/// Blank-line separated paragraphs as `<p>`, single line breaks as `<br>`.
fn paragraphs(text: &str) -> String {
    html(text)
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", p.replace('\n', "<br>")))
        .collect()
}

/// The event id reduced to lowercase letters, digits and `-`, unique among `used`.
fn unique_id(id: &str, used: &mut HashSet<String>) -> String {
    let slug: String = id
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '-') => c,
            _ => '-',
        })
        .collect();
    let slug = if slug.trim_matches('-').is_empty() {
        "event".to_string()
    } else {
        slug
    };
    let mut candidate = slug.clone();
    let mut n = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{slug}-{n}");
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_ids_are_slugs_and_never_repeat() {
        let mut used = HashSet::new();
        assert_eq!(unique_id("ali-music", &mut used), "ali-music");
        assert_eq!(unique_id("Ali_Music", &mut used), "ali-music-2");
        assert_eq!(unique_id("<script>", &mut used), "-script-");
        assert_eq!(unique_id("高晓松", &mut used), "event");
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(paragraphs("a\nb\n\n<c>"), "<p>a<br>b</p><p>&lt;c&gt;</p>");
    }
}
