//! `ali-timeline org`, `person` and `unit`: the organisation, careers and lineage.

use std::io::Write;

use crate::error::Error;
use crate::store::Timeline;

/// Prints the org chart as of a date, or the diff between two dates (placeholder).
///
/// # Errors
/// A malformed date or unknown unit, or a failed write.
pub fn run_org(
    _timeline: &Timeline,
    _as_of: Option<&str>,
    _unit: Option<&str>,
    _diff: Option<&[String]>,
    _json: bool,
    _out: &mut impl Write,
) -> Result<(), Error> {
    Err(Error::Usage("org is not available yet".into()))
}

/// Prints a person's career (placeholder).
///
/// # Errors
/// An unknown person, or a failed write.
pub fn run_person(_timeline: &Timeline, _id: &str, _out: &mut impl Write) -> Result<(), Error> {
    Err(Error::Usage("person is not available yet".into()))
}

/// Prints a unit's lineage (placeholder).
///
/// # Errors
/// An unknown unit, or a failed write.
pub fn run_unit(_timeline: &Timeline, _id: &str, _out: &mut impl Write) -> Result<(), Error> {
    Err(Error::Usage("unit is not available yet".into()))
}
