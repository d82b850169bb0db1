//! Markdown: a readable chronology grouped by year, one section per event, sources as links.
//!
//! Every text is escaped so that it renders as the same words, never as markup: Markdown
//! punctuation is backslash-escaped, line starts that would open a list, heading, quote or code
//! block are neutralised, and hidden characters are shown as `<U+XXXX>`.

use std::io::{self, Write};

use super::escape::{link, one_line, visible};
use super::{Selection, TITLE, plural};
use crate::store::model::{Event, Source};
use crate::timeline::Timeline;

/// Writes the selection as a Markdown chronology.
///
/// # Errors
/// A failed write.
pub fn write<W: Write>(sel: &Selection, out: &mut W) -> io::Result<()> {
    writeln!(out, "# {TITLE}")?;
    writeln!(out)?;
    writeln!(out, "{}", meta_line(sel))?;
    let mut year = None;
    for event in sel.events() {
        if year != Some(event.date.year()) {
            year = Some(event.date.year());
            writeln!(out)?;
            writeln!(out, "## {}", event.date.year())?;
        }
        write_event(sel, event, out)?;
    }
    if sel.is_empty() {
        writeln!(out)?;
        writeln!(out, "No events.")?;
    }
    Ok(())
}

fn meta_line(sel: &Selection) -> String {
    let hash: String = sel.timeline.hash().chars().take(12).collect();
    let count = plural(sel.len(), "event");
    let query = sel
        .query
        .as_deref()
        .map(|q| format!(" matching “{}”", inline(q)))
        .unwrap_or_default();
    format!(
        "{count}{query} · store sha256:{hash} · ali-timeline {}",
        env!("CARGO_PKG_VERSION")
    )
}

fn write_event<W: Write>(sel: &Selection, event: &Event, out: &mut W) -> io::Result<()> {
    writeln!(out)?;
    writeln!(
        out,
        "### {} · {}",
        inline(&date_label(event)),
        inline(&event.title)
    )?;
    writeln!(out)?;
    let mut facts = vec![format!("*{}*", event.kind.as_str())];
    let people = sel.people(event);
    if !people.is_empty() {
        facts.push(format!("People: {}", list(&people)));
    }
    let units = sel.units(event);
    if !units.is_empty() {
        facts.push(format!("Units: {}", list(&units)));
    }
    if !event.tags.is_empty() {
        facts.push(format!("Tags: {}", list(&event.tags)));
    }
    writeln!(out, "{}", facts.join(" · "))?;
    writeln!(out)?;
    writeln!(out, "{}", block(&event.summary))?;
    let changes = sel.changes(event);
    if !changes.is_empty() {
        writeln!(out)?;
        writeln!(out, "Organisation: {}", inline(&changes.join("; ")))?;
    }
    if let Some(note) = &event.note {
        writeln!(out)?;
        writeln!(out, "*Note:* {}", block(note))?;
    }
    let sources: Vec<String> = sel.sources(event).into_iter().map(source_ref).collect();
    if !sources.is_empty() {
        writeln!(out)?;
        writeln!(out, "Sources: {}", sources.join("; "))?;
    }
    Ok(())
}

/// One event cited in one line of Markdown, with no line break or other control character:
/// `**Title** (2015-07-15). Sources: [Reuters, "…" (2015-07-15)](<https://…>); seed article 001.`
/// (what the terminal app's `y` copies).
#[must_use]
pub fn cite(timeline: &Timeline, event: &Event) -> String {
    let mut out = format!(
        "**{}** ({})",
        inline(&event.title),
        inline(&date_label(event))
    );
    let sources: Vec<String> = event
        .sources
        .iter()
        .filter_map(|id| timeline.source(id))
        .map(source_ref)
        .collect();
    if !sources.is_empty() {
        out.push_str(&format!(". Sources: {}", sources.join("; ")));
    }
    out.push('.');
    out
}

/// A source as Markdown: its citation, linked to its address when that is an http(s) URL.
fn source_ref(source: &Source) -> String {
    let citation = inline(&source.citation());
    match source.url.as_deref() {
        Some(url) => match link(url) {
            Some(href) => format!("[{citation}](<{href}>)"),
            None => format!("{citation}, {}", inline(url)),
        },
        None => citation,
    }
}

/// `2015-07-15`, `2015-07`, `2016-02-29 to 2016-03`, with `~` for approximate dates: each date
/// at its own precision.
fn date_label(event: &Event) -> String {
    match event.end {
        Some(end) => format!("{} to {end}", event.date),
        None => event.date.to_string(),
    }
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|i| inline(i))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Text for one line (a heading or list): escaped, line breaks turned into spaces.
fn inline(text: &str) -> String {
    escape_line(&one_line(text))
}

/// Text for a paragraph: escaped line by line, leading spaces dropped so nothing becomes code,
/// blank lines kept as paragraph breaks.
fn block(text: &str) -> String {
    visible(text)
        .split('\n')
        .map(|line| escape_line(line.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Backslash-escapes Markdown punctuation in one line, including line-start markers (`+`, `-`,
/// `=`, `1.`) that only mean something at the start of a line.
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in line.chars().enumerate() {
        let at_start = i == 0 && matches!(c, '+' | '-' | '=');
        let list_number = digits > 0 && i == digits && matches!(c, '.' | ')');
        if at_start
            || list_number
            || matches!(
                c,
                '\\' | '`'
                    | '*'
                    | '_'
                    | '['
                    | ']'
                    | '<'
                    | '>'
                    | '#'
                    | '|'
                    | '~'
                    | '&'
                    | '!'
                    | '{'
                    | '}'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_at_any_position() {
        assert_eq!(escape_line("# h"), "\\# h");
        assert_eq!(escape_line("- item"), "\\- item");
        assert_eq!(escape_line("12. x"), "12\\. x");
        assert_eq!(escape_line("a-b 1.5"), "a-b 1.5");
        assert_eq!(
            escape_line("[x](javascript:y) <b> *e* &amp;"),
            "\\[x\\](javascript:y) \\<b\\> \\*e\\* \\&amp;"
        );
        assert_eq!(block("a\n    code\n\nb"), "a\ncode\n\nb");
    }
}
