//! `ali-timeline org`: the organisation as of a date, or what changed between two dates. Every string from the store is sanitised before printing (in
//! JSON, control, bidi and zero-width characters are written as `\uXXXX` escapes).
//!
//! A date on the command line may be `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and means the last day it
//! covers: `--as-of 2015` is the organisation on 2015-12-31, after everything dated 2015, and
//! `--diff 2015 2016` lists what changed during 2016. See the README (section "The organisation").

use std::io::Write;

use chrono::NaiveDate;

use crate::error::Error;
use crate::export::escape::json_ascii_safe;
use crate::org::{self, DiffEntry, OrgChart};
use crate::store::date::{PartialDate, Precision};
use crate::text::sanitize;
use crate::timeline::Timeline;

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
    json: bool,
    out: &mut impl Write,
) -> Result<(), Error> {
    match (as_of, diff) {
        (_, Some(_)) if unit.is_some() => Err(Error::Usage(
            "--unit applies to --as-of only; `org --diff` covers the whole organisation".into(),
        )),
        (_, Some([from, to])) => run_diff(timeline, from, to, json, out),
        (Some(date), None) => run_as_of(timeline, date, unit, json, out),
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
    json: bool,
    out: &mut impl Write,
) -> Result<(), Error> {
    let (day, partial) = parse_day(date, "--as-of")?;
    let mut chart = org::chart(timeline, day);
    if let Some(id) = unit {
        let id = timeline.resolve_unit(id)?;
        chart = chart
            .subtree(&id)
            .ok_or_else(|| not_there(timeline, &id, day))?;
    }
    if json {
        writeln!(
            out,
            "{}",
            json_ascii_safe(format!("{:#}", org::json::chart(timeline, &chart)))
        )?;
        return Ok(());
    }
    writeln!(out, "Organisation as of {}", day_words(day, &partial))?;
    if chart.nodes.is_empty() {
        writeln!(out, "No units exist on {day}.")?;
    }
    write_chart(timeline, &chart, out)
}

/// Why `unit` is not in the chart on `day`.
fn not_there(timeline: &Timeline, unit: &str, day: NaiveDate) -> Error {
    let life = timeline.history.units.get(unit);
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
        writeln!(
            out,
            "{indent}{} [{}]",
            sanitize(&timeline.unit_label(&node.unit)),
            sanitize(&node.unit)
        )?;
        for &i in &node.roles {
            let t = &history.tenures[i];
            let (since, _) = org::original_start(history, i);
            // Only the start matters here: the role is still held on the day.
            let approx = if org::career::is_vague(&t.start) || org::career::is_vague(since) {
                " (approx.)"
            } else {
                ""
            };
            writeln!(
                out,
                "{indent}  {}: {} since {since}{approx}",
                sanitize(&t.role),
                sanitize(&timeline.person_label(&t.person)),
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
            json_ascii_safe(format!("{:#}", org::json::diff(from_day, to_day, &entries)))
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
        sanitize(&entry.event)
    )?;
    Ok(())
}
