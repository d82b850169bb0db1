//! What a replay produces: tenures (who held which role when), unit lives (when each unit
//! existed and under which parent), the change log, and the problems found.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::store::date::PartialDate;
use crate::store::ids::{EventIx, PersonIx, UnitIx, index_type};

index_type!(
    /// A tenure: an index into [`History::tenures`].
    TenureIx
);

/// One person holding one role at one unit for a span of time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tenure {
    /// Who.
    pub person: PersonIx,
    /// Where.
    pub unit: UnitIx,
    /// The title (`chairman`).
    pub role: String,
    /// When it started (the date of `start_event`).
    pub start: PartialDate,
    /// Event that started it.
    pub start_event: EventIx,
    /// When it ended, if it has.
    pub end: Option<PartialDate>,
    /// Event that ended it, if it has.
    pub end_event: Option<EventIx>,
    /// The tenure this one continues after a rename.
    pub carried_from: Option<TenureIx>,
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

    /// The date a source last records the role on, when no source gives its end (a
    /// `LastRecorded` effect); `None` while it is held or when it has a real end.
    #[must_use]
    pub fn last_recorded_on(&self) -> Option<PartialDate> {
        self.end.filter(|_| self.last_recorded)
    }

    /// Whether the start or end is vague (see [`PartialDate::is_vague`]).
    #[must_use]
    pub fn is_vague(&self) -> bool {
        self.start.is_vague() || self.end.as_ref().is_some_and(PartialDate::is_vague)
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
    pub parents: Vec<(NaiveDate, Option<UnitIx>)>,
}

impl UnitLife {
    /// The date of the first event naming the unit, when that is all the store says of its start
    /// (no founding event, no `since`).
    #[must_use]
    pub fn first_recorded_on(&self) -> Option<PartialDate> {
        self.start.filter(|_| self.first_recorded)
    }

    /// Whether the unit exists on `day`.
    #[must_use]
    pub fn exists_on(&self, day: NaiveDate) -> bool {
        self.start.is_none_or(|s| s.start() <= day) && self.end.is_none_or(|e| day < e.start())
    }

    /// The unit's parent on `day`, if any.
    #[must_use]
    pub fn parent_on(&self, day: NaiveDate) -> Option<UnitIx> {
        self.parents
            .iter()
            .rev()
            .find(|(from, _)| *from <= day)
            .and_then(|(_, parent)| *parent)
    }
}

/// What one effect did, recorded in replay order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeKind {
    /// A person started a role.
    RoleStarted {
        /// Who.
        person: PersonIx,
        /// The unit.
        unit: UnitIx,
        /// Title.
        role: String,
    },
    /// A person's role ended (explicitly, or because the unit merged or dissolved).
    RoleEnded {
        /// Who.
        person: PersonIx,
        /// The unit.
        unit: UnitIx,
        /// Title.
        role: String,
    },
    /// The last record of a person's role: no source says when it ended.
    RoleLastRecorded {
        /// Who.
        person: PersonIx,
        /// The unit.
        unit: UnitIx,
        /// Title.
        role: String,
    },
    /// A unit was founded.
    Founded {
        /// The unit.
        unit: UnitIx,
        /// Its parent, if any.
        parent: Option<UnitIx>,
    },
    /// A unit moved under another parent (by reorganisation or acquisition).
    Moved {
        /// The unit.
        unit: UnitIx,
        /// Its previous parent.
        from: Option<UnitIx>,
        /// Its new parent.
        to: UnitIx,
        /// Whether this was an acquisition.
        acquired: bool,
    },
    /// A unit merged into another and ceased.
    Merged {
        /// The unit.
        unit: UnitIx,
        /// Where it went.
        into: UnitIx,
    },
    /// A unit continued under a new identity.
    Renamed {
        /// The old identity.
        unit: UnitIx,
        /// The new identity.
        to: UnitIx,
    },
    /// A unit ceased.
    Dissolved {
        /// The unit.
        unit: UnitIx,
    },
}

/// One recorded change with its date and cause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// When it applied.
    pub date: PartialDate,
    /// The event whose effect caused it.
    pub event: EventIx,
    /// What changed.
    pub kind: ChangeKind,
}

/// A replay problem, located at one effect of one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplayIssue {
    /// The event, in the replayed store's (date) order.
    pub event: EventIx,
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
    /// Every unit's life, by [`UnitIx`]; `None` for a unit no event brings into existence (or a
    /// duplicate of another's id).
    pub units: Vec<Option<UnitLife>>,
    /// Every change, in replay order.
    pub changes: Vec<Change>,
    /// Effects that could not be applied (errors).
    pub errors: Vec<ReplayIssue>,
    /// Effects that applied but look wrong (warnings).
    pub warnings: Vec<ReplayIssue>,
}

impl History {
    /// The tenure `ix`.
    ///
    /// # Panics
    /// When `ix` is not from this history (a `TenureIx` is only made by the replay that built it).
    #[must_use]
    pub fn tenure(&self, ix: TenureIx) -> &Tenure {
        &self.tenures[ix.index()]
    }

    /// Every tenure with its index, in the order they started.
    pub fn tenures(&self) -> impl Iterator<Item = (TenureIx, &Tenure)> {
        self.tenures
            .iter()
            .enumerate()
            .map(|(i, t)| (TenureIx::new(i), t))
    }

    /// The life of `unit`, if any event or the start of the record brings it into existence.
    #[must_use]
    pub fn unit(&self, unit: UnitIx) -> Option<&UnitLife> {
        self.units.get(unit.index()).and_then(Option::as_ref)
    }

    /// Every unit that has a life, with it.
    pub fn unit_lives(&self) -> impl Iterator<Item = (UnitIx, &UnitLife)> {
        self.units
            .iter()
            .enumerate()
            .filter_map(|(i, life)| life.as_ref().map(|l| (UnitIx::new(i), l)))
    }
}
