//! What a replay produces: tenures (who held which role when), unit lives (when each unit
//! existed and under which parent), the change log, and the problems found.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::store::date::PartialDate;

/// One person holding one role at one unit for a span of time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tenure {
    /// Person id.
    pub person: String,
    /// Unit id.
    pub unit: String,
    /// The title (`chairman`).
    pub role: String,
    /// When it started (the date of `start_event`).
    pub start: PartialDate,
    /// Event that started it.
    pub start_event: String,
    /// When it ended, if it has.
    pub end: Option<PartialDate>,
    /// Event that ended it, if it has.
    pub end_event: Option<String>,
    /// The tenure this one continues after a rename, as an index into [`History::tenures`].
    pub carried_from: Option<usize>,
    /// Whether `end` is only the last record of the role (a `LastRecorded` effect): no source
    /// says when it ended. The role counts as held up to and including that day.
    #[serde(default)]
    pub last_recorded: bool,
}

impl Tenure {
    /// Whether the role is held on `day`.
    #[must_use]
    pub fn held_on(&self, day: NaiveDate) -> bool {
        self.start.start() <= day
            && self.end.is_none_or(|e| {
                if self.last_recorded {
                    day <= e.end()
                } else {
                    day < e.start()
                }
            })
    }

    /// Whether the start or end is known only to the month or year, or approximate.
    #[must_use]
    pub fn is_approximate(&self) -> bool {
        let vague = |d: &PartialDate| {
            d.is_approximate() || d.precision() != crate::store::date::Precision::Day
        };
        vague(&self.start) || self.end.as_ref().is_some_and(vague)
    }
}

/// The life of one unit: when it existed and under which parent.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UnitLife {
    /// When it began: founded, took its name in a rename, its `since` date, or (see
    /// `first_recorded`) the first event that names it. `None` only for a unit with no start.
    pub start: Option<PartialDate>,
    /// Whether `start` is only the first event that names the unit: no founding event and no
    /// `since` date.
    #[serde(default)]
    pub first_recorded: bool,
    /// When it ceased (merged, renamed away, dissolved), if it did.
    pub end: Option<PartialDate>,
    /// Its parent over time: from each date on, the parent (or none).
    pub parents: Vec<(NaiveDate, Option<String>)>,
}

impl UnitLife {
    /// Whether the unit exists on `day`.
    #[must_use]
    pub fn exists_on(&self, day: NaiveDate) -> bool {
        self.start.is_none_or(|s| s.start() <= day) && self.end.is_none_or(|e| day < e.start())
    }

    /// The unit's parent on `day`, if any.
    #[must_use]
    pub fn parent_on(&self, day: NaiveDate) -> Option<&str> {
        self.parents
            .iter()
            .rev()
            .find(|(from, _)| *from <= day)
            .and_then(|(_, parent)| parent.as_deref())
    }
}

/// What one effect did, recorded in replay order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeKind {
    /// A person started a role.
    RoleStarted {
        /// Person id.
        person: String,
        /// Unit id.
        unit: String,
        /// Title.
        role: String,
    },
    /// A person's role ended (explicitly, or because the unit merged or dissolved).
    RoleEnded {
        /// Person id.
        person: String,
        /// Unit id.
        unit: String,
        /// Title.
        role: String,
    },
    /// The last record of a person's role: no source says when it ended.
    RoleLastRecorded {
        /// Person id.
        person: String,
        /// Unit id.
        unit: String,
        /// Title.
        role: String,
    },
    /// A unit was founded.
    Founded {
        /// Unit id.
        unit: String,
        /// Its parent, if any.
        parent: Option<String>,
    },
    /// A unit moved under another parent (by reorganisation or acquisition).
    Moved {
        /// Unit id.
        unit: String,
        /// Its previous parent.
        from: Option<String>,
        /// Its new parent.
        to: String,
        /// Whether this was an acquisition.
        acquired: bool,
    },
    /// A unit merged into another and ceased.
    Merged {
        /// Unit id.
        unit: String,
        /// Where it went.
        into: String,
    },
    /// A unit continued under a new identity.
    Renamed {
        /// Old unit id.
        unit: String,
        /// New unit id.
        to: String,
    },
    /// A unit ceased.
    Dissolved {
        /// Unit id.
        unit: String,
    },
}

/// One recorded change with its date and cause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// When it applied.
    pub date: PartialDate,
    /// Id of the event whose effect caused it.
    pub event: String,
    /// What changed.
    pub kind: ChangeKind,
}

/// A replay problem, located at one effect of one event (indices into the store as written).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplayIssue {
    /// Index of the event in the store's `events` list as written.
    pub event: usize,
    /// Index of the effect in that event's `effects`.
    pub effect: usize,
    /// What is wrong.
    pub message: String,
}

/// The result of replaying every effect: tenures, unit lives and the change log.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct History {
    /// Every tenure, in the order they started.
    pub tenures: Vec<Tenure>,
    /// Every unit's life, by unit id.
    pub units: HashMap<String, UnitLife>,
    /// Every change, in replay order.
    pub changes: Vec<Change>,
    /// Effects that could not be applied (errors).
    pub errors: Vec<ReplayIssue>,
    /// Effects that applied but look wrong (warnings).
    pub warnings: Vec<ReplayIssue>,
}
