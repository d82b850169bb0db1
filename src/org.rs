//! The organisation derived from event effects: replay, the chart as of a date.
//!
//! One replay serves both the validator (which reports what it rejects) and the org chart, so the
//! chart can never disagree with the timeline.

pub mod chart;
pub mod replay;

pub use chart::{OrgChart, OrgNode, as_of};
pub use replay::{Change, ChangeKind, History, Tenure, replay};
