//! Views of the organisation replayed from event effects: the chart as of a date, what changed
//! between two dates, careers and lineage, and the tree guides both front-ends draw the chart with.
//!
//! The replay itself belongs to the timeline layer ([`crate::timeline::replay`]): one replay serves
//! both the load (which reports what it rejects) and everything here, so the chart can never
//! disagree with the timeline. Everything below reads [`crate::Timeline::history`]; nothing
//! replays again.

pub mod career;
pub mod chart;
pub mod diagram;
pub mod diff;
pub mod dot;
pub mod json;
pub mod lineage;
pub mod mermaid;
pub mod tree;

pub use career::{CareerEntry, career, original_start};
pub use chart::{
    OrgChart, OrgNode, as_of, chart, counterparties, counterparties_as_of, record_start,
};
pub use diff::{DiffEntry, changes_by, changes_by_event, diff};
pub use lineage::{Lineage, Moment, ParentCause, ParentSpan, UnitLink, lineage};
