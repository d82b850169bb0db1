//! HTML: one self-contained page — inline CSS, no script, no external resource (a
//! Content-Security-Policy says so to the browser too) — readable on screen and in print. The
//! picture of the [SVG export](super::svg) (eras, events, roles on a time axis) is inlined at
//! its top, scaled to the page's width.
//!
//! Every text is HTML-escaped, hidden characters are shown as `<U+XXXX>`, and links are made
//! only to `http(s)` URLs.

use std::io::{self, Write};

use super::escape::{html, link};
use super::{Selection, TITLE};
use crate::store::date::PartialDate;
use crate::store::model::Event;

const STYLE: &str = "
:root { color-scheme: light dark; --muted: #666; --rule: #ccc; --accent: #b3541e; }
body { font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif;
  max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
header p, .meta, .sources { color: var(--muted); font-size: 0.9rem; }
h2 { border-bottom: 2px solid var(--accent); margin-top: 2.5rem; }
article { border-left: 3px solid var(--rule); padding: 0 0 0 1rem; margin: 1.5rem 0; }
article h3 { margin: 0.2rem 0; font-size: 1.1rem; }
.date { font-variant-numeric: tabular-nums; font-weight: 600; }
.kind { text-transform: uppercase; letter-spacing: 0.05em; font-size: 0.75rem;
  border: 1px solid var(--rule); border-radius: 3px; padding: 0 0.3rem; margin-left: 0.4rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 0.8rem; margin: 0.5rem 0; }
dt { color: var(--muted); }
dd { margin: 0; }
.summary { white-space: pre-line; }
.sources { padding-left: 1.2rem; }
a { color: inherit; }
figure.picture { margin: 1.5rem 0; }
figure.picture svg { width: 100%; height: auto; display: block; }
@media print {
  :root { color-scheme: light; }
  body { font-size: 10.5pt; max-width: none; margin: 0; color: #000; }
  h2 { break-after: avoid; }
  article { break-inside: avoid; }
  a[href]::after { content: ' <' attr(href) '>'; font-size: 0.8em; word-break: break-all; }
}
";

/// Writes the selection as one HTML page.
///
/// # Errors
/// A failed write.
pub fn write<W: Write>(sel: &Selection, out: &mut W) -> io::Result<()> {
    let title = html(TITLE);
    write!(
        out,
        "<!DOCTYPE html>
<html lang=\"en\">
<head>
<meta charset=\"utf-8\">
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">
<meta name=\"generator\" content=\"ali-timeline {version}\">
<title>{title}</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>{title}</h1>
<p>{meta}</p>
</header>
<main>
",
        version = env!("CARGO_PKG_VERSION"),
        meta = html(&sel.description()),
    )?;
    if !sel.is_empty() {
        writeln!(out, "<figure class=\"picture\">")?;
        super::svg::write(sel, out)?;
        writeln!(out, "</figure>")?;
    }
    let mut year = None;
    for event in sel.events() {
        if year != Some(event.date.year()) {
            if year.is_some() {
                writeln!(out, "</section>")?;
            }
            year = Some(event.date.year());
            writeln!(out, "<section>\n<h2>{}</h2>", event.date.year())?;
        }
        write_event(sel, event, out)?;
    }
    if year.is_some() {
        writeln!(out, "</section>")?;
    } else {
        writeln!(out, "<p>No events.</p>")?;
    }
    writeln!(out, "</main>\n</body>\n</html>")
}

fn write_event<W: Write>(sel: &Selection, event: &Event, out: &mut W) -> io::Result<()> {
    let mut date = event.date.to_string();
    if let Some(end) = event.end {
        date.push_str(&format!(" – {end}"));
    }
    writeln!(
        out,
        "<article id=\"{}\">",
        html(&format!("event-{}", event.id))
    )?;
    writeln!(
        out,
        "<p class=\"meta\"><time class=\"date\" datetime=\"{}\">{}</time><span class=\"kind\">{}</span></p>",
        machine_date(event.date),
        html(&date),
        event.kind.as_str()
    )?;
    writeln!(out, "<h3>{}</h3>", html(&event.title))?;
    writeln!(out, "<p class=\"summary\">{}</p>", html(&event.summary))?;
    let mut facts = Vec::new();
    for (label, values, separator) in [
        ("People", sel.people(event), ", "),
        ("Units", sel.units(event), ", "),
        ("Tags", event.tags.clone(), ", "),
        ("Organisation", sel.changes(event), "; "),
    ] {
        if !values.is_empty() {
            facts.push(format!(
                "<dt>{label}</dt><dd>{}</dd>",
                html(&values.join(separator))
            ));
        }
    }
    if let Some(note) = &event.note {
        facts.push(format!("<dt>Note</dt><dd>{}</dd>", html(note)));
    }
    if !facts.is_empty() {
        writeln!(out, "<dl>{}</dl>", facts.concat())?;
    }
    let sources = sel.sources(event);
    if !sources.is_empty() {
        writeln!(out, "<ol class=\"sources\">")?;
        for s in sources {
            let citation = html(&s.citation());
            match s.url.as_deref() {
                Some(url) => match link(url) {
                    Some(href) => {
                        writeln!(out, "<li><a href=\"{}\">{citation}</a></li>", html(&href))?
                    }
                    None => writeln!(out, "<li>{citation} ({})</li>", html(url))?,
                },
                None => writeln!(out, "<li>{citation}</li>")?,
            }
        }
        writeln!(out, "</ol>")?;
    }
    writeln!(out, "</article>")
}

/// The date as an HTML `datetime` value at its own precision: `2015`, `2015-07`, `2015-07-15`.
fn machine_date(date: PartialDate) -> String {
    date.to_string().trim_start_matches('~').to_string()
}
