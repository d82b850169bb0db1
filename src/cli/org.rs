//! `ali-timeline org`: the organisation as of a date, or what changed between two dates. Every string from the store is sanitised before printing (in
//! JSON, control, bidi and zero-width characters are written as `\uXXXX` escapes).
//!
//! A date on the command line may be `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and means the last day it
//! covers: `--as-of 2015` is the organisation on 2015-12-31, after everything dated 2015, and
//! `--diff 2015 2016` lists what changed during 2016. See the README (section "The organisation").

use std::io::Write;

use chrono::NaiveDate;

use super::json;
use crate::error::Error;
use crate::org::{self, DiffEntry, OrgChart};
use crate::store::date::{PartialDate, Precision};
use crate::text::sanitize;
use crate::timeline::Timeline;
use crate::timeline::history::UnitLife;

/// What `org` writes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum OrgFormat {
    /// Text: the tree with guides (├─ └─ │).
    #[default]
    Text,
    /// JSON.
    Json,
    /// A Graphviz DOT digraph of the chart (`--as-of` only).
    Dot,
    /// A Mermaid flowchart of the chart (`--as-of` only).
    Mermaid,
}

impl OrgFormat {
    /// The format asked for by `--format` and `--json` together: `--json` means `json`, and may
    /// only be combined with `--format json`.
    ///
    /// # Errors
    /// `--json` with another `--format`.
    pub fn choose(format: Option<OrgFormat>, json: bool) -> Result<OrgFormat, Error> {
        match (format, json) {
            (Some(f), true) if f != OrgFormat::Json => Err(Error::Usage(format!(
                "--json asks for JSON but --format asks for {}; give only one of them",
                f.name()
            ))),
            (_, true) => Ok(OrgFormat::Json),
            (f, false) => Ok(f.unwrap_or_default()),
        }
    }

    /// The name given on the command line.
    fn name(self) -> &'static str {
        match self {
            OrgFormat::Text => "text",
            OrgFormat::Json => "json",
            OrgFormat::Dot => "dot",
            OrgFormat::Mermaid => "mermaid",
        }
    }

    /// Whether this is a diagram (DOT or Mermaid), which only draws a chart as of a date.
    fn is_diagram(self) -> bool {
        matches!(self, OrgFormat::Dot | OrgFormat::Mermaid)
    }
}

/// How `org` prints.
#[derive(Debug, Clone, Copy, Default)]
pub struct OrgOptions {
    /// Also list the counterparties (units of kind `external`) in a group of their own.
    pub counterparties: bool,
    /// Text, JSON or a diagram.
    pub format: OrgFormat,
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
    let json = options.format == OrgFormat::Json;
    match (as_of, diff) {
        (_, Some(_)) if unit.is_some() => Err(Error::Usage(
            "--unit applies to --as-of only; `org --diff` covers the whole organisation".into(),
        )),
        (_, Some(_)) if options.format.is_diagram() => Err(Error::Usage(format!(
            "--format {} draws the organisation on one day: use it with --as-of, not --diff \
             (--diff prints text or json)",
            options.format.name()
        ))),
        _ if options.format.is_diagram() && options.counterparties => Err(Error::Usage(format!(
            "--format {} draws Alibaba's organisation only; --counterparties needs text or json",
            options.format.name()
        ))),
        (_, Some([from, to])) => run_diff(timeline, from, to, json, out),
        (Some(date), None) => run_as_of(timeline, date, unit, options, out),
        _ => Err(Error::Usage(
            "give `--as-of DATE` or `--diff FROM TO`".into(),
        )),
    }
}

/// Parses a command-line date into the last day it covers. `what` names the argument in errors.
///
/// # Errors
/// A malformed date, with the accepted forms.
pub fn parse_day(text: &str, what: &str) -> Result<(NaiveDate, PartialDate), Error> {
    let date: PartialDate = text.parse().map_err(|source| Error::Date {
        argument: what.to_string(),
        source,
    })?;
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
        let id = timeline.resolve_unit(id)?;
        if starts.is_none() {
            let tree = chart.subtree(&id).or_else(|| outside.subtree(&id));
            chart = tree.ok_or_else(|| not_there(timeline, &id, day))?;
        }
        outside.nodes.clear();
    }
    match options.format {
        OrgFormat::Dot => return Ok(org::dot::write(timeline, &chart, out)?),
        OrgFormat::Mermaid => return Ok(org::mermaid::write(timeline, &chart, out)?),
        OrgFormat::Text | OrgFormat::Json => {}
    }
    if options.format == OrgFormat::Json {
        let mut value = org::json::chart(timeline, &chart);
        if options.counterparties {
            value["counterparties"] = org::json::chart(timeline, &outside)["units"].take();
        }
        if let Some(start) = starts {
            value["record_starts"] = start.to_string().into();
        }
        return json::write(&value, out);
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
    write_chart(timeline, &chart, "", out)?;
    if options.counterparties {
        writeln!(out, "Counterparties (outside Alibaba):")?;
        if outside.nodes.is_empty() {
            writeln!(out, "  none on {day}")?;
        }
        write_chart(timeline, &outside, "  ", out)?;
    }
    Ok(())
}

/// Why `unit` is not in the chart on `day`.
fn not_there(timeline: &Timeline, unit: &str, day: NaiveDate) -> Error {
    let life = timeline.unit_life(unit);
    let why = match (life.and_then(|l| l.start), life.and_then(|l| l.end)) {
        (_, Some(end)) if end.start() <= day => format!("it ended on {end}; try an earlier date"),
        (Some(start), _) => format!("it began on {start}; try a later date"),
        _ => "the record never shows it existing".to_string(),
    };
    Error::Usage(sanitize(&format!(
        "unit `{unit}` does not exist on {day}: {why}"
    )))
}

/// The chart as a tree of text lines (guides `├─ └─ │`, see [`org::tree`]): each unit, then its
/// roles and its sub-units one level deeper; every line after `margin`.
fn write_chart(
    timeline: &Timeline,
    chart: &OrgChart,
    margin: &str,
    out: &mut impl Write,
) -> Result<(), Error> {
    let history = &timeline.history;
    let mut lines: Vec<(usize, String)> = Vec::new();
    for node in &chart.nodes {
        let first = timeline
            .unit_life(&node.unit)
            .and_then(UnitLife::first_recorded_on)
            .map_or_else(String::new, |d| format!(" (first recorded {d})"));
        let unit = format!(
            "{} [{}]{first}",
            sanitize(&timeline.unit_label(&node.unit)),
            sanitize(&node.unit)
        );
        lines.push((node.depth, unit));
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
                .last_recorded_on()
                .map_or_else(String::new, |d| format!(", last recorded {d}"));
            let role = format!(
                "{}: {} since {since}{last}{approx}",
                sanitize(&t.role),
                sanitize(&timeline.person_label_at(t.person)),
            );
            lines.push((node.depth + 1, role));
        }
    }
    let depths: Vec<usize> = lines.iter().map(|(depth, _)| *depth).collect();
    for ((_, text), rails) in lines.iter().zip(org::tree::rails(&depths)) {
        writeln!(out, "{margin}{}{text}", org::tree::guides(&rails, 3))?;
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
        return json::write(&org::json::diff(timeline, from_day, to_day, &entries), out);
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
