//! `ali-timeline org`, `person` and `unit`: the organisation as of a date, what changed between
//! two dates, careers and lineage. Every string from the store is sanitised before printing (in
//! JSON, control, bidi and zero-width characters are written as `\uXXXX` escapes).
//!
//! A date on the command line may be `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and means the last day it
//! covers: `--as-of 2015` is the organisation on 2015-12-31, after everything dated 2015, and
//! `--diff 2015 2016` lists what changed during 2016. See the README (section "The organisation").

use std::io::Write;

use chrono::NaiveDate;

use crate::error::Error;
use crate::export::escape::json_ascii_safe;
use crate::org::{self, CareerEntry, DiffEntry, Lineage, OrgChart, ParentSpan};
use crate::store::date::{PartialDate, Precision};
use crate::store::load::did_you_mean;
use crate::text::sanitize;
use crate::timeline::Timeline;

/// How `org` prints.
#[derive(Debug, Clone, Copy, Default)]
pub struct OrgOptions {
    /// Also list the counterparties (units of kind `external`) in a group of their own.
    pub counterparties: bool,
    /// JSON instead of text.
    pub json: bool,
}

/// Prints the org chart as of a date, or the diff between two dates.
///
/// # Errors
/// A malformed date, an unknown unit or one that does not exist on the date, `FROM` after `TO`,
/// or a failed write.
pub fn run_org(
    timeline: &Timeline,
    as_of: Option<&str>,
    unit: Option<&str>,
    diff: Option<&[String]>,
    options: OrgOptions,
    out: &mut impl Write,
) -> Result<(), Error> {
    let json = options.json;
    let result = match (as_of, diff) {
        (_, Some(_)) if unit.is_some() => Err(Error::Usage(
            "--unit applies to --as-of only; `org --diff` covers the whole organisation".into(),
        )),
        (_, Some([from, to])) => run_diff(timeline, from, to, json, out),
        (Some(date), None) => run_as_of(timeline, date, unit, options, out),
        _ => Err(Error::Usage(
            "give `--as-of DATE` or `--diff FROM TO`".into(),
        )),
    };
    closed_pipe_is_fine(result)
}

/// Output piped into `head` and cut short is not an error.
fn closed_pipe_is_fine(result: Result<(), Error>) -> Result<(), Error> {
    match result {
        Err(Error::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Parses a command-line date into the last day it covers. `what` names the argument in errors.
///
/// # Errors
/// A malformed date, with the accepted forms.
pub fn parse_day(text: &str, what: &str) -> Result<(NaiveDate, PartialDate), Error> {
    let date: PartialDate = text
        .parse()
        .map_err(|e| Error::Usage(format!("{what}: {e}")))?;
    Ok((date.end(), date))
}

/// `2015-12-31` for a day, `2015-12-31 (end of 2015)` for a partial date.
fn day_words(day: NaiveDate, date: &PartialDate) -> String {
    if date.precision() == Precision::Day {
        day.to_string()
    } else {
        format!("{day} (end of {date})")
    }
}

fn run_as_of(
    timeline: &Timeline,
    date: &str,
    unit: Option<&str>,
    options: OrgOptions,
    out: &mut impl Write,
) -> Result<(), Error> {
    let (day, partial) = parse_day(date, "--as-of")?;
    // A date before anything is recorded is answered, not refused (exit code 0).
    let starts = org::record_start(&timeline.store, &timeline.history).filter(|s| day < s.start());
    let mut chart = org::chart(timeline, day);
    let mut outside = org::counterparties(timeline, day);
    if let Some(id) = unit {
        let id = resolve_unit(timeline, id)?;
        if starts.is_none() {
            let tree = chart.subtree(&id).or_else(|| outside.subtree(&id));
            chart = tree.ok_or_else(|| not_there(timeline, &id, day))?;
        }
        outside.nodes.clear();
    }
    if options.json {
        let mut value = org::json::chart(timeline, &chart);
        if options.counterparties {
            value["counterparties"] = org::json::chart(timeline, &outside)["units"].take();
        }
        if let Some(start) = starts {
            value["record_starts"] = start.to_string().into();
        }
        writeln!(out, "{}", json_ascii_safe(format!("{value:#}")))?;
        return Ok(());
    }
    writeln!(out, "Organisation as of {}", day_words(day, &partial))?;
    if let Some(start) = starts {
        writeln!(
            out,
            "The record starts later, on {start}: nothing is recorded as of {day}."
        )?;
        return Ok(());
    }
    if chart.nodes.is_empty() {
        writeln!(out, "No units exist on {day}.")?;
    }
    write_chart(timeline, &chart, out)?;
    if options.counterparties {
        writeln!(out, "Counterparties (outside Alibaba):")?;
        if outside.nodes.is_empty() {
            writeln!(out, "  none on {day}")?;
        }
        for node in &mut outside.nodes {
            node.depth += 1;
        }
        write_chart(timeline, &outside, out)?;
    }
    Ok(())
}

/// Why `unit` is not in the chart on `day`.
fn not_there(timeline: &Timeline, unit: &str, day: NaiveDate) -> Error {
    let life = timeline
        .ids()
        .unit(unit)
        .and_then(|u| timeline.history.unit(u));
    let why = match (life.and_then(|l| l.start), life.and_then(|l| l.end)) {
        (_, Some(end)) if end.start() <= day => format!("it ended on {end}; try an earlier date"),
        (Some(start), _) => format!("it began on {start}; try a later date"),
        _ => "the record never shows it existing".to_string(),
    };
    Error::Usage(sanitize(&format!(
        "unit `{unit}` does not exist on {day}: {why}"
    )))
}

/// The chart as indented text: each unit, then its roles, then its sub-units, one level deeper.
fn write_chart(timeline: &Timeline, chart: &OrgChart, out: &mut impl Write) -> Result<(), Error> {
    let history = &timeline.history;
    for node in &chart.nodes {
        let indent = "  ".repeat(node.depth);
        let first = timeline
            .unit_life(&node.unit)
            .filter(|life| life.first_recorded)
            .and_then(|life| life.start)
            .map_or_else(String::new, |d| format!(" (first recorded {d})"));
        writeln!(
            out,
            "{indent}{} [{}]{first}",
            sanitize(&timeline.unit_label(&node.unit)),
            sanitize(&node.unit)
        )?;
        for &i in &node.roles {
            let t = history.tenure(i);
            let (since, _) = org::original_start(history, i);
            // Only the start matters here: the role is still held on the day.
            let approx = if t.start.is_vague() || since.is_vague() {
                " (approx.)"
            } else {
                ""
            };
            let last = t
                .end
                .filter(|_| t.last_recorded)
                .map_or_else(String::new, |d| format!(", last recorded {d}"));
            writeln!(
                out,
                "{indent}  {}: {} since {since}{last}{approx}",
                sanitize(&t.role),
                sanitize(&timeline.person_label_at(t.person)),
            )?;
        }
    }
    Ok(())
}

fn run_diff(
    timeline: &Timeline,
    from: &str,
    to: &str,
    json: bool,
    out: &mut impl Write,
) -> Result<(), Error> {
    let (from_day, from_date) = parse_day(from, "--diff FROM")?;
    let (to_day, to_date) = parse_day(to, "--diff TO")?;
    if from_day > to_day {
        return Err(Error::Usage(format!(
            "--diff: FROM ({from_day}) is after TO ({to_day}); give the earlier date first"
        )));
    }
    let entries = org::diff(timeline, from_day, to_day);
    if json {
        writeln!(
            out,
            "{}",
            json_ascii_safe(format!(
                "{:#}",
                org::json::diff(timeline, from_day, to_day, &entries)
            ))
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "Changes after {} up to {}: {}",
        day_words(from_day, &from_date),
        day_words(to_day, &to_date),
        entries.len()
    )?;
    for entry in &entries {
        write_change(timeline, entry, out)?;
    }
    Ok(())
}

fn write_change(timeline: &Timeline, entry: &DiffEntry, out: &mut impl Write) -> Result<(), Error> {
    let approx = if entry.approximate { " (approx.)" } else { "" };
    writeln!(
        out,
        "{:<11} {}{approx} [{}]",
        entry.date.to_string(),
        sanitize(&entry.describe(timeline)),
        sanitize(timeline.event_id(entry.event))
    )?;
    Ok(())
}

/// Prints a person's career.
///
/// # Errors
/// An unknown person, or a failed write.
pub fn run_person(timeline: &Timeline, id: &str, out: &mut impl Write) -> Result<(), Error> {
    closed_pipe_is_fine(write_person(timeline, id, out))
}

fn write_person(timeline: &Timeline, id: &str, out: &mut impl Write) -> Result<(), Error> {
    let id = resolve_person(timeline, id)?;
    let career = org::career(timeline, &id);
    writeln!(
        out,
        "{} [{}]",
        sanitize(&timeline.person_label(&id)),
        sanitize(&id)
    )?;
    if career.is_empty() {
        writeln!(out, "No roles on record.")?;
    }
    for entry in &career {
        writeln!(
            out,
            "  {:<28} {} at {} [{}]",
            entry.span(),
            sanitize(&entry.role),
            sanitize(&timeline.unit_label(&entry.unit)),
            sanitize(&entry.unit)
        )?;
        write_causes(timeline, entry, out)?;
    }
    Ok(())
}

/// The events that started and ended a role, one line each.
fn write_causes(
    timeline: &Timeline,
    entry: &CareerEntry,
    out: &mut impl Write,
) -> Result<(), Error> {
    let started = match &entry.continues {
        Some(old) => format!("continued from {} (renamed)", timeline.unit_label(old)),
        None => "started".to_string(),
    };
    writeln!(
        out,
        "      {}: {}",
        sanitize(&started),
        event_words(timeline, &entry.start_event)
    )?;
    if let Some(end) = &entry.end_event {
        let what = if entry.last_recorded {
            "last recorded"
        } else {
            "ended"
        };
        writeln!(out, "      {what}: {}", event_words(timeline, end))?;
    }
    Ok(())
}

/// `2015-07-15 Alibaba founds Ali Music Group [ali-music-founded]`, sanitised.
fn event_words(timeline: &Timeline, id: &str) -> String {
    let text = match timeline.event(id) {
        Some(e) => format!("{} {} [{id}]", e.date, e.title),
        None => format!("[{id}]"),
    };
    sanitize(&text)
}

/// Prints a unit's lineage.
///
/// # Errors
/// An unknown unit, or a failed write.
pub fn run_unit(timeline: &Timeline, id: &str, out: &mut impl Write) -> Result<(), Error> {
    closed_pipe_is_fine(write_unit(timeline, id, out))
}

fn write_unit(timeline: &Timeline, id: &str, out: &mut impl Write) -> Result<(), Error> {
    let id = resolve_unit(timeline, id)?;
    let lineage = org::lineage(timeline, &id)
        .ok_or_else(|| Error::Usage(format!("unknown unit `{}`", sanitize(&id))))?;
    let kind = timeline.unit(&id).map_or("", |u| u.kind.as_str());
    writeln!(
        out,
        "{} [{}], {}",
        sanitize(&timeline.unit_label(&id)),
        sanitize(&id),
        kind.replace('_', " ")
    )?;
    write_origin(timeline, &lineage, out)?;
    writeln!(out, "Parents:")?;
    for span in &lineage.parents {
        write_parent(timeline, span, out)?;
    }
    for link in &lineage.absorbed {
        writeln!(
            out,
            "Absorbed {} [{}]: {}",
            sanitize(&timeline.unit_label(&link.unit)),
            sanitize(&link.unit),
            event_words(timeline, &link.event)
        )?;
    }
    let endings = [
        ("Renamed to", &lineage.renamed_to),
        ("Merged into", &lineage.merged_into),
    ];
    for (what, link) in endings {
        if let Some(link) = link {
            writeln!(
                out,
                "{what} {} [{}]: {}",
                sanitize(&timeline.unit_label(&link.unit)),
                sanitize(&link.unit),
                event_words(timeline, &link.event)
            )?;
        }
    }
    if let Some(m) = &lineage.dissolved {
        writeln!(out, "Dissolved: {}", event_words(timeline, &m.event))?;
    }
    writeln!(out, "Leaders:")?;
    if lineage.leaders.is_empty() {
        writeln!(out, "  none on record")?;
    }
    for entry in &lineage.leaders {
        let carried = entry
            .continues
            .as_ref()
            .map_or_else(String::new, |old| format!(" (carried over from {old})"));
        writeln!(
            out,
            "  {:<28} {}: {}{}",
            entry.span(),
            sanitize(&entry.role),
            sanitize(&timeline.person_label(&entry.person)),
            sanitize(&carried)
        )?;
    }
    Ok(())
}

fn write_origin(timeline: &Timeline, lineage: &Lineage, out: &mut impl Write) -> Result<(), Error> {
    match (&lineage.founded, &lineage.renamed_from) {
        (Some(m), _) => {
            writeln!(out, "Founded: {}", event_words(timeline, &m.event))?;
            let founders = org::lineage::founders(timeline, &lineage.unit, &m.event);
            if !founders.is_empty() {
                let names: Vec<String> =
                    founders.iter().map(|p| timeline.person_label(p)).collect();
                writeln!(out, "Founded by: {}", sanitize(&names.join(", ")))?;
            }
        }
        (None, Some(link)) => writeln!(
            out,
            "Renamed from {} [{}]: {}",
            sanitize(&timeline.unit_label(&link.unit)),
            sanitize(&link.unit),
            event_words(timeline, &link.event)
        )?,
        (None, None) => {
            let unit = timeline.unit(&lineage.unit);
            let life = timeline.unit_life(&lineage.unit);
            match (unit.and_then(|u| u.since), life.and_then(|l| l.start)) {
                (Some(since), _) => {
                    let cited: Vec<String> = unit
                        .into_iter()
                        .flat_map(|u| &u.since_sources)
                        .map(|id| {
                            timeline
                                .source(id)
                                .map_or_else(|| id.clone(), crate::store::model::Source::citation)
                        })
                        .collect();
                    writeln!(
                        out,
                        "Since: {since} (no founding event; {})",
                        sanitize(&cited.join("; "))
                    )?;
                }
                (None, Some(start)) => writeln!(
                    out,
                    "First recorded: {start} (no founding event or `since` date)"
                )?,
                (None, None) => writeln!(out, "No start on record")?,
            }
        }
    }
    Ok(())
}

fn write_parent(timeline: &Timeline, span: &ParentSpan, out: &mut impl Write) -> Result<(), Error> {
    let since = span.since.map_or_else(
        || "start".to_string(),
        |d| {
            let approx = if d.is_vague() { " (approx.)" } else { "" };
            format!("{d}{approx}")
        },
    );
    let parent = span.parent.as_ref().map_or_else(
        || "(top level)".to_string(),
        |p| format!("{} [{p}]", timeline.unit_label(p)),
    );
    let event = span
        .event
        .as_ref()
        .map_or_else(String::new, |e| format!(" [{e}]"));
    writeln!(
        out,
        "  {since:<20} {} ({}){}",
        sanitize(&parent),
        span.cause.as_str(),
        sanitize(&event)
    )?;
    Ok(())
}

/// The names a person or unit answers to: id, name, Chinese name, aliases.
struct Names<'a> {
    id: &'a str,
    name: &'a str,
    name_zh: Option<&'a str>,
    aliases: &'a [String],
}

/// Finds the id `what` (`person` or `unit`) given as an id, or as an exact name, Chinese name or
/// alias (ignoring case); otherwise an error with a did-you-mean.
fn resolve<'a>(
    what: &str,
    given: &str,
    all: impl Iterator<Item = Names<'a>>,
) -> Result<String, Error> {
    let all: Vec<Names<'a>> = all.collect();
    let wanted = given.trim().to_lowercase();
    let by_id = all.iter().find(|n| n.id == given);
    let by_name = || {
        all.iter().find(|n| {
            n.name.to_lowercase() == wanted
                || n.name_zh == Some(given.trim())
                || n.aliases.iter().any(|a| a.to_lowercase() == wanted)
        })
    };
    match by_id.or_else(by_name) {
        Some(found) => Ok(found.id.to_string()),
        None => {
            let ids: Vec<&str> = all.iter().map(|n| n.id).collect();
            Err(Error::Usage(sanitize(&format!(
                "unknown {what} `{given}`{}; give an id, or find one with `ali-timeline search NAME`",
                did_you_mean(given, &ids)
            ))))
        }
    }
}

fn resolve_person(timeline: &Timeline, given: &str) -> Result<String, Error> {
    let names = timeline.store.people.iter().map(|p| Names {
        id: &p.id,
        name: &p.name,
        name_zh: p.name_zh.as_deref(),
        aliases: &p.aliases,
    });
    resolve("person", given, names)
}

fn resolve_unit(timeline: &Timeline, given: &str) -> Result<String, Error> {
    let names = timeline.store.units.iter().map(|u| Names {
        id: &u.id,
        name: &u.name,
        name_zh: u.name_zh.as_deref(),
        aliases: &u.aliases,
    });
    resolve("unit", given, names)
}
