//! What the views need that is costly to work out on a large store: the timeline's rows, the org
//! chart (per day), what the selected event changed, the org pane's lines and the detail pane's
//! text.
//!
//! Each is worked out when what it depends on changes, not on every frame, so a frame costs the
//! same on 100,000 events as on 60. A [`Memo`] keeps one value with the key it was made for
//! (the parts of the state it depends on); asked with another key, it makes the value afresh and
//! keeps that instead. The update asks for each after every change (keeping each selection in
//! view needs them), so the work is done on the keystroke and drawing finds it done; but what is
//! drawn never depends on the cache, only on the state.

use std::cell::RefCell;
use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use ratatui::text::Line;

use crate::org::{DiffEntry, OrgChart, changes_by, chart};
use crate::store::ids::EventIx;
use crate::timeline::Timeline;
use crate::tui::app::{App, Entity, Row};
use crate::tui::org_lines::{OrgLine, lines_of};
use crate::tui::theme::Theme;
use crate::tui::view::detail;

/// One value kept with the key it was made for.
pub struct Memo<K, V: ?Sized>(RefCell<Option<(K, Arc<V>)>>);

impl<K: PartialEq + Clone, V: ?Sized> Memo<K, V> {
    /// The value for `key`: the one kept if it was made for `key`, else `make()` (then kept).
    pub fn get(&self, key: &K, make: impl FnOnce() -> Arc<V>) -> Arc<V> {
        if let Ok(kept) = self.0.try_borrow()
            && let Some((k, value)) = kept.as_ref()
            && k == key
        {
            return Arc::clone(value);
        }
        let value = make();
        // Borrows of the cell never outlive these two statements, so this cannot fail; if it
        // somehow did, the value would simply not be kept.
        if let Ok(mut kept) = self.0.try_borrow_mut() {
            *kept = Some((key.clone(), Arc::clone(&value)));
        }
        value
    }
}

impl<K, V: ?Sized> Default for Memo<K, V> {
    fn default() -> Self {
        Memo(RefCell::new(None))
    }
}

impl<K: Clone, V: ?Sized> Clone for Memo<K, V> {
    fn clone(&self) -> Self {
        Memo(RefCell::new(
            self.0.try_borrow().ok().and_then(|k| k.clone()),
        ))
    }
}

impl<K: fmt::Debug, V: ?Sized> fmt::Debug for Memo<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.try_borrow().as_deref() {
            Ok(Some((key, _))) => write!(f, "Memo(for {key:?})"),
            _ => f.write_str("Memo(empty)"),
        }
    }
}

/// The timeline's lines for a list of events: a year header before the first event of each year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelineRows {
    rows: Vec<Row>,
    /// The row of each event, by position in the list.
    row_of: Vec<usize>,
    /// Whether any event's date is approximate (the date column is then one wider).
    approximate: bool,
}

impl TimelineRows {
    /// The rows for `visible` (events of `timeline`, in date order).
    #[must_use]
    pub fn new(timeline: &Timeline, visible: &[EventIx]) -> Self {
        let mut rows = Vec::with_capacity(visible.len() + 32);
        let mut row_of = Vec::with_capacity(visible.len());
        let mut year = None;
        let mut approximate = false;
        for &ix in visible {
            let date = &timeline.event_at(ix).date;
            approximate |= date.is_approximate();
            if year != Some(date.year()) {
                rows.push(Row::Year(date.year()));
                year = Some(date.year());
            }
            row_of.push(rows.len());
            rows.push(Row::Event(ix));
        }
        TimelineRows {
            rows,
            row_of,
            approximate,
        }
    }

    /// Every row, in order.
    #[must_use]
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The row of the event at position `pos` in the list, if there is one.
    #[must_use]
    pub fn row_of(&self, pos: usize) -> Option<usize> {
        self.row_of.get(pos).copied()
    }

    /// The position in the list of the event on row `row`, if that row shows an event.
    #[must_use]
    pub fn position_at(&self, row: usize) -> Option<usize> {
        self.row_of.binary_search(&row).ok()
    }

    /// Whether any event's date is approximate.
    #[must_use]
    pub fn any_approximate(&self) -> bool {
        self.approximate
    }
}

/// What the timeline rows depend on: the filter (which decides the events shown) and how many.
type RowsKey = (Option<Entity>, usize);

/// What the org lines depend on: the day shown and the event whose changes are marked.
type OrgKey = (NaiveDate, Option<EventIx>);

/// What the detail text depends on: subject, filter, selected event, width and colours.
type DetailKey = (Option<Entity>, Option<Entity>, Option<EventIx>, u16, Theme);

/// The values kept, each with the state it was made for.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    rows: Memo<RowsKey, TimelineRows>,
    chart: Memo<NaiveDate, OrgChart>,
    changes: Memo<EventIx, [DiffEntry]>,
    org: Memo<Option<OrgKey>, [OrgLine]>,
    detail: Memo<DetailKey, [Line<'static>]>,
}

impl App<'_> {
    /// The timeline's rows for the events shown.
    #[must_use]
    pub fn rows(&self) -> Arc<TimelineRows> {
        let key = (self.filter, self.visible.len());
        self.derived.rows.get(&key, || {
            Arc::new(TimelineRows::new(self.timeline, &self.visible))
        })
    }

    /// The org chart's lines, with what the selected event changed marked (when following it).
    #[must_use]
    pub fn org_lines(&self) -> Arc<[OrgLine]> {
        let followed = match self.org_date {
            Some(_) => None,
            None => self.event_index(),
        };
        let key = self.org_day().map(|day| (day, followed));
        self.derived.org.get(&key, || {
            let Some((day, followed)) = key else {
                return Arc::new([]);
            };
            let chart = self
                .derived
                .chart
                .get(&day, || Arc::new(chart(self.timeline, day)));
            let changes = followed.map(|ix| (ix, self.event_changes(ix)));
            lines_of(
                self.timeline,
                &chart,
                changes
                    .as_ref()
                    .map(|(ix, changes)| (self.timeline.event_id(*ix), &changes[..])),
            )
            .into()
        })
    }

    /// What event `ix` changed in the organisation (see [`changes_by`]).
    #[must_use]
    pub fn event_changes(&self, ix: EventIx) -> Arc<[DiffEntry]> {
        self.derived.changes.get(&ix, || {
            changes_by(self.timeline, self.timeline.event_id(ix)).into()
        })
    }

    /// The detail pane's text wrapped to `width` columns.
    #[must_use]
    pub fn detail_lines(&self, width: u16) -> Arc<[Line<'static>]> {
        let key = (
            self.subject,
            self.filter,
            self.event_index(),
            width,
            self.theme,
        );
        self.derived
            .detail
            .get(&key, || detail::lines(self, width).into())
    }
}
