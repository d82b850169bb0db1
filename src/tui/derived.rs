//! What the views need that is costly to work out on a large store: the timeline's rows, the
//! time axis's counts ([`Density`]), the org chart (per day), what the selected event changed,
//! the org pane's lines and the detail pane's text. Plain data kept in the state, each with its
//! key: the parts of the state it was made from.
//!
//! The update works each out again when its key no longer matches the state (`refresh_rows`,
//! `refresh_org`, `refresh_detail`), so the work is done once, on the keystroke that changed
//! what it depends on, and a frame costs the same on 100,000 events as on 60. The views only read
//! it, through the accessors on [`App`] ([`App::rows`], [`App::org_lines`], [`App::event_changes`],
//! [`App::detail_lines`]), which hand out what is kept when its key matches the state and
//! otherwise work it out on the spot without keeping it: what is drawn depends only on the state,
//! even when a field was set without the update (the run loop's theme, a test's colours).

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use ratatui::text::Line;

use crate::org::{DiffEntry, OrgChart, changes_by, chart};
use crate::store::ids::EventIx;
use crate::timeline::Timeline;
use crate::tui::app::{App, Entity, Row};
use crate::tui::axis::Density;
use crate::tui::detail_doc;
use crate::tui::org_fold::{Folded, shown};
use crate::tui::org_lines::{OrgLine, lines_of};
use crate::tui::theme::Theme;

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

/// What the timeline rows depend on: the filter (its query and person or unit, which decide the
/// events shown) and how many.
type RowsKey = (Option<String>, Option<Entity>, usize);

/// What the org lines depend on: the day shown and the event whose changes are marked.
type OrgKey = Option<(NaiveDate, Option<EventIx>)>;

/// What the detail text depends on: subject, filter, selected event, width and colours.
type DetailKey = (Option<Entity>, Option<String>, Option<EventIx>, u16, Theme);

/// A value with the key it was made for.
#[derive(Clone)]
struct Kept<K, V> {
    key: K,
    value: V,
}

/// The value in `slot` if it was made for `key`.
fn kept<'v, K: PartialEq, V>(slot: &'v Option<Kept<K, V>>, key: &K) -> Option<&'v V> {
    slot.as_ref()
        .filter(|kept| kept.key == *key)
        .map(|kept| &kept.value)
}

/// Whether `slot` holds a value made for `key`.
fn fresh<K: PartialEq, V>(slot: &Option<Kept<K, V>>, key: &K) -> bool {
    kept(slot, key).is_some()
}

/// The values kept, each with the state it was made for (none at first).
#[derive(Clone, Default)]
pub struct Derived {
    rows: Option<Kept<RowsKey, TimelineRows>>,
    density: Option<Kept<RowsKey, Density>>,
    chart: Option<Kept<NaiveDate, OrgChart>>,
    changes: Option<Kept<EventIx, Vec<DiffEntry>>>,
    org: Option<Kept<OrgKey, Vec<OrgLine>>>,
    /// The org lines shown, the folded units' lines left out (kept only while some are folded).
    org_shown: Option<Kept<(OrgKey, Folded), Vec<OrgLine>>>,
    detail: Option<Kept<DetailKey, Vec<Line<'static>>>>,
}

impl fmt::Debug for Derived {
    /// The keys only: the values can be as long as the store.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Derived")
            .field("rows", &self.rows.as_ref().map(|k| &k.key))
            .field("density", &self.density.as_ref().map(|k| &k.key))
            .field("chart", &self.chart.as_ref().map(|k| k.key))
            .field("changes", &self.changes.as_ref().map(|k| k.key))
            .field("org", &self.org.as_ref().map(|k| k.key))
            .field("org_shown", &self.org_shown.as_ref().map(|k| &k.key))
            .field("detail", &self.detail.as_ref().map(|k| &k.key))
            .finish()
    }
}

impl App<'_> {
    fn rows_key(&self) -> RowsKey {
        (
            self.filter_text().map(str::to_string),
            self.filter_entity(),
            self.visible.len(),
        )
    }

    fn org_key(&self) -> OrgKey {
        let followed = match self.org_date {
            Some(_) => None,
            None => self.event_index(),
        };
        self.org_day().map(|day| (day, followed))
    }

    fn detail_key(&self, width: u16) -> DetailKey {
        (
            self.subject,
            self.filter_text().map(str::to_string),
            self.event_index(),
            width,
            self.theme,
        )
    }

    /// The timeline's rows for the events shown.
    #[must_use]
    pub fn rows(&self) -> Cow<'_, TimelineRows> {
        match kept(&self.derived.rows, &self.rows_key()) {
            Some(rows) => Cow::Borrowed(rows),
            None => Cow::Owned(TimelineRows::new(self.timeline, &self.visible)),
        }
    }

    /// The time axis's counts for the events shown (see [`Density`]).
    #[must_use]
    pub fn density(&self) -> Cow<'_, Density> {
        match kept(&self.derived.density, &self.rows_key()) {
            Some(density) => Cow::Borrowed(density),
            None => Cow::Owned(Density::new(self.timeline, &self.visible)),
        }
    }

    /// The org chart as of `day`.
    fn chart(&self, day: NaiveDate) -> Cow<'_, OrgChart> {
        match kept(&self.derived.chart, &day) {
            Some(chart) => Cow::Borrowed(chart),
            None => Cow::Owned(chart(self.timeline, day)),
        }
    }

    /// The org chart's lines as shown: [`App::org_tree`] without the lines under folded units.
    #[must_use]
    pub fn org_lines(&self) -> Cow<'_, [OrgLine]> {
        if self.org_folded.is_empty() {
            return self.org_tree();
        }
        let key = self.org_key();
        if let Some(kept) = &self.derived.org_shown
            && kept.key.0 == key
            && kept.key.1 == self.org_folded
        {
            return Cow::Borrowed(&kept.value);
        }
        Cow::Owned(shown(&self.org_tree(), &self.org_folded))
    }

    /// The org chart's lines, every unit unfolded, with what the selected event changed marked
    /// (when following it).
    #[must_use]
    pub fn org_tree(&self) -> Cow<'_, [OrgLine]> {
        let key = self.org_key();
        if let Some(lines) = kept(&self.derived.org, &key) {
            return Cow::Borrowed(lines);
        }
        let Some((day, followed)) = key else {
            return Cow::Borrowed(&[]);
        };
        let changes = followed.map(|ix| (ix, self.event_changes(ix)));
        Cow::Owned(lines_of(
            self.timeline,
            &self.chart(day),
            changes
                .as_ref()
                .map(|(ix, changes)| (self.timeline.event_id(*ix), &changes[..])),
        ))
    }

    /// What event `ix` changed in the organisation (see [`changes_by`]).
    #[must_use]
    pub fn event_changes(&self, ix: EventIx) -> Cow<'_, [DiffEntry]> {
        match kept(&self.derived.changes, &ix) {
            Some(changes) => Cow::Borrowed(changes),
            None => Cow::Owned(changes_by(self.timeline, self.timeline.event_id(ix))),
        }
    }

    /// The detail pane's text wrapped to `width` columns.
    #[must_use]
    pub fn detail_lines(&self, width: u16) -> Cow<'_, [Line<'static>]> {
        match kept(&self.derived.detail, &self.detail_key(width)) {
            Some(lines) => Cow::Borrowed(lines),
            None => Cow::Owned(detail_doc::lines(self, width)),
        }
    }
}

/// Works the timeline's rows out again if the events shown have changed.
pub(crate) fn refresh_rows(app: &mut App<'_>) {
    let key = app.rows_key();
    if !fresh(&app.derived.rows, &key) {
        let value = TimelineRows::new(app.timeline, &app.visible);
        app.derived.rows = Some(Kept { key, value });
    }
}

/// Works the time axis's counts out again if the events shown have changed.
pub(crate) fn refresh_density(app: &mut App<'_>) {
    let key = app.rows_key();
    if !fresh(&app.derived.density, &key) {
        let value = Density::new(app.timeline, &app.visible);
        app.derived.density = Some(Kept { key, value });
    }
}

/// Works out again what event `ix` changed, if it is another event than last time.
fn refresh_changes(app: &mut App<'_>, ix: EventIx) {
    if !fresh(&app.derived.changes, &ix) {
        let value = changes_by(app.timeline, app.timeline.event_id(ix));
        app.derived.changes = Some(Kept { key: ix, value });
    }
}

/// Works the org lines out again if the day shown or the event followed has changed (the chart
/// only if the day has, the changes only if the event has), and the lines shown if the folded
/// units have changed too.
pub(crate) fn refresh_org(app: &mut App<'_>) {
    let key = app.org_key();
    if !fresh(&app.derived.org, &key) {
        if let Some((day, followed)) = key {
            if !fresh(&app.derived.chart, &day) {
                let value = chart(app.timeline, day);
                app.derived.chart = Some(Kept { key: day, value });
            }
            if let Some(index) = followed {
                refresh_changes(app, index);
            }
        }
        let value = app.org_tree().into_owned();
        app.derived.org = Some(Kept { key, value });
    }
    let kept_shown = app
        .derived
        .org_shown
        .as_ref()
        .is_some_and(|kept| kept.key.0 == key && kept.key.1 == app.org_folded);
    if !app.org_folded.is_empty() && !kept_shown {
        let value = shown(&app.org_tree(), &app.org_folded);
        let key = (key, app.org_folded.clone());
        app.derived.org_shown = Some(Kept { key, value });
    }
}

/// Works the detail text out again for `width` columns if what it shows, the width or the
/// colours have changed.
pub(crate) fn refresh_detail(app: &mut App<'_>, width: u16) {
    let key = app.detail_key(width);
    if fresh(&app.derived.detail, &key) {
        return;
    }
    if let (None, Some(index)) = (app.subject, app.event_index()) {
        refresh_changes(app, index);
    }
    let value = detail_doc::lines(app, width);
    app.derived.detail = Some(Kept { key, value });
}
