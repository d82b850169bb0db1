//! The jump list, as in vim: where the user was before each jump (a search result or org line
//! opened, a filter set or cleared, a date pinned, a year or date jumped to), so Ctrl-O can go
//! back and the forward key return. Plain data in the state; [`crate::tui::update`] records and
//! restores places.

use std::collections::VecDeque;

use crate::store::date::PartialDate;
use crate::store::ids::EventIx;
use crate::tui::app::{Entity, Filter};

/// The most places kept each way (vim keeps 100); the oldest is dropped first.
pub const MAX_JUMPS: usize = 100;

/// Where the user is: what a jump changes and going back restores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The timeline's filter.
    pub filter: Option<Filter>,
    /// The selected event.
    pub event: Option<EventIx>,
    /// The person or unit the detail pane shows.
    pub subject: Option<Entity>,
    /// The date the org chart is pinned to.
    pub org_date: Option<PartialDate>,
}

/// Places to go back to (newest last) and to go forward to again (nearest last).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JumpList {
    back: VecDeque<Place>,
    forward: Vec<Place>,
}

impl JumpList {
    /// Records `from`, the place left by a new jump: the places gone back over are forgotten.
    pub fn record(&mut self, from: Place) {
        self.forward.clear();
        if self.back.back() != Some(&from) {
            self.back.push_back(from);
        }
        if self.back.len() > MAX_JUMPS {
            self.back.pop_front();
        }
    }

    /// The place before `here`, if any; `here` is kept to go forward to.
    pub fn back(&mut self, here: Place) -> Option<Place> {
        let place = self.back.pop_back()?;
        self.forward.push(here);
        Some(place)
    }

    /// The place gone back from last, if any; `here` is kept to go back to.
    pub fn forward(&mut self, here: Place) -> Option<Place> {
        let place = self.forward.pop()?;
        self.back.push_back(here);
        Some(place)
    }

    /// How many places are kept to go back to and to go forward to.
    #[must_use]
    pub fn counts(&self) -> (usize, usize) {
        (self.back.len(), self.forward.len())
    }
}
