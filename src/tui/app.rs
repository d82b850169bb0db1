//! The app's state: a plain struct that borrows the timeline and never changes the store.
//!
//! Everything the views draw is here: the user's state, and what is worked out from it that is
//! costly on a large store ([`App::rows`], [`App::org_lines`], [`App::detail_lines`]: kept as
//! plain data, see [`crate::tui::derived`]); [`crate::tui::update::update`] is the only code that
//! changes it.

use chrono::NaiveDate;
use ratatui::layout::Rect;

use crate::query::{Hit, Query, QueryError};
use crate::saved::SavedQueries;
use crate::store::date::PartialDate;
use crate::store::ids::EventIx;
use crate::store::model::Event;
use crate::timeline::Timeline;
use crate::tui::derived::{Derived, TimelineRows};
use crate::tui::export_dialog::ExportDialog;
use crate::tui::jumps::JumpList;
use crate::tui::line_input::LineInput;
use crate::tui::links::SourcePicker;
use crate::tui::org_fold::Folded;
use crate::tui::saved_picker::{NameInput, SavedPicker};
use crate::tui::search_history::SearchHistory;
use crate::tui::tenure::TenureChart;
use crate::tui::theme::Theme;

/// One of the three panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The events, in date order under year headers.
    Timeline,
    /// The selected event, or the person or unit opened.
    Detail,
    /// The organisation as of the selected event (or a date asked for).
    Org,
}

impl Pane {
    /// The pane's name, as shown in its title and in the status bar.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Pane::Timeline => "Timeline",
            Pane::Detail => "Detail",
            Pane::Org => "Org chart",
        }
    }

    /// The pane after this one, for Tab.
    #[must_use]
    pub fn next(self) -> Pane {
        match self {
            Pane::Timeline => Pane::Detail,
            Pane::Detail => Pane::Org,
            Pane::Org => Pane::Timeline,
        }
    }

    /// The pane before this one, for Shift-Tab.
    #[must_use]
    pub fn prev(self) -> Pane {
        match self {
            Pane::Timeline => Pane::Org,
            Pane::Detail => Pane::Timeline,
            Pane::Org => Pane::Detail,
        }
    }
}

/// The search overlay's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// What has been typed, with the cursor.
    pub input: LineInput,
    /// The query of the search history shown in the input (Alt-↑/↓), if one is.
    pub recall: Option<Recall>,
    /// The results shown, best first: for the input's text, or for an earlier text while the
    /// results of this one are awaited from the background searcher.
    pub hits: Vec<Hit>,
    /// Index of the highlighted result.
    pub selected: usize,
    /// Why the input's text is not a valid query, if it is not.
    pub error: Option<QueryError>,
}

impl Search {
    /// What has been typed.
    #[must_use]
    pub fn text(&self) -> &str {
        self.input.text()
    }
}

/// Going through the search history in the search box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recall {
    /// The query shown: a position in [`SearchHistory::entries`].
    pub at: usize,
    /// What was typed before the history was recalled, given back past its newest query.
    pub draft: String,
}

/// The longest date input accepted (the longest valid date, `~2015-07-15`, has 11 characters).
const DATE_INPUT_MAX: usize = 24;

/// A search under way: the update asks for each query typed as a [`crate::tui::task::Task`],
/// which the run loop hands to the background searcher (see [`crate::tui::searcher`]) and tests
/// perform on the spot; its results come back through [`crate::tui::update::finished`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchJob {
    /// The query text whose results are awaited.
    pub awaiting: Option<String>,
    /// Enter was pressed while they were awaited: jump to the first result when they come.
    pub jump_when_done: bool,
}

/// The date input shown in the status bar after `a` (or `d`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateInput {
    /// What has been typed, with the cursor.
    pub input: LineInput,
    /// Why the last date entered was rejected.
    pub error: Option<String>,
    /// What the date is for.
    pub goal: DateGoal,
}

/// What a date typed is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DateGoal {
    /// Showing the org chart as of it (`a`).
    #[default]
    OrgChart,
    /// Selecting the first event on or after it in the timeline (`d`).
    GoTo,
}

impl Default for DateInput {
    fn default() -> Self {
        DateInput {
            input: LineInput::with_max(DATE_INPUT_MAX),
            error: None,
            goal: DateGoal::default(),
        }
    }
}

/// What takes the keyboard: the panes, or an overlay or input on top of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Browsing the panes.
    Browse,
    /// The search overlay is open.
    Search(Search),
    /// The help overlay is open.
    Help,
    /// A date is being typed for the org chart.
    Date(DateInput),
    /// The export dialog is open.
    Export(ExportDialog),
    /// Choosing which source of the selected event to open (`o`).
    Sources(SourcePicker),
    /// The tenure chart fills the screen (`t`).
    Tenure(Box<TenureChart>),
    /// A name is being typed to save the filter under (`m`).
    SaveQuery(NameInput),
    /// The saved queries are listed (`M`).
    Saved(SavedPicker),
}

/// A line for the status bar saying what came of a key (a copy, an address opened or refused),
/// shown until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// What to say, one line.
    pub text: String,
    /// Whether it says something went wrong.
    pub error: bool,
}

/// A person or a unit: what the timeline can be filtered to and the detail pane can open.
pub use crate::timeline::Entity;

/// The timeline's filter: the query whose events it shows (see [`crate::tui::update::filter`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// The query, as typed or as set for a person or unit (`person:^gao-xiaosong$`); empty only
    /// for a person or unit whose id no query atom can spell.
    pub query: Query,
    /// The person or unit whose events the query selects exactly, when it is one: named in the
    /// pane title and the export's file name.
    pub entity: Option<Entity>,
}

/// One line of the timeline pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A year header.
    Year(i32),
    /// An event.
    Event(EventIx),
}

/// Events shown per page when no pane height is known.
const DEFAULT_PAGE: usize = 10;

/// The whole state of the app.
#[derive(Debug, Clone)]
pub struct App<'a> {
    /// The store being browsed (never changed).
    pub timeline: &'a Timeline,
    /// Colours, or none (`NO_COLOR`).
    pub theme: Theme,
    /// The terminal's size.
    pub size: Rect,
    /// False once the user has asked to quit.
    pub running: bool,
    /// The pane that takes movement keys.
    pub focus: Pane,
    /// The side pane (detail or org) shown when only one fits beside the timeline.
    pub side: Pane,
    /// Overlay or input in use.
    pub mode: Mode,
    /// Whether the focused pane fills the screen (`z`).
    pub zoomed: bool,
    /// The query the timeline is filtered by; `visible` holds the events it matches. Set it with
    /// [`crate::tui::update::filter::set_filter`], read its text with [`App::filter_text`].
    pub filter: Option<Filter>,
    /// The events shown, in date order.
    pub visible: Vec<EventIx>,
    /// The selection: a position in `visible`.
    pub cursor: usize,
    /// First timeline row shown.
    pub timeline_offset: usize,
    /// The person or unit the detail pane shows; `None` shows the selected event.
    pub subject: Option<Entity>,
    /// First detail line shown.
    pub detail_scroll: usize,
    /// The date the org chart is pinned to (`a`); `None` follows the selection.
    pub org_date: Option<PartialDate>,
    /// The highlighted line of the org chart.
    pub org_cursor: usize,
    /// First org chart line shown.
    pub org_offset: usize,
    /// The org chart's folded units (see [`crate::tui::org_fold`]).
    pub org_folded: Folded,
    /// First help line shown.
    pub help_scroll: usize,
    /// The search under way: what is awaited, and whether to jump when it comes.
    pub search_job: SearchJob,
    /// What the status bar says about the last key, if anything.
    pub notice: Option<Notice>,
    /// The queries searched for, recalled in the search box and kept across runs.
    pub history: SearchHistory,
    /// The saved queries (`queries.toml`), as last read or written.
    pub saved: SavedQueries,
    /// Where the user was before each jump (Ctrl-O goes back).
    pub jumps: JumpList,
    /// Rows, org chart and lines, detail text: worked out by the update when what they depend on
    /// changes, read by the views (see [`crate::tui::derived`]).
    pub(super) derived: Derived,
}

impl<'a> App<'a> {
    /// The app at start: every event, the first selected, the timeline focused.
    #[must_use]
    pub fn new(timeline: &'a Timeline, width: u16, height: u16) -> Self {
        App {
            timeline,
            theme: Theme::default(),
            size: Rect::new(0, 0, width, height),
            running: true,
            focus: Pane::Timeline,
            side: Pane::Detail,
            mode: Mode::Browse,
            zoomed: false,
            filter: None,
            visible: timeline.events().map(|(ix, _)| ix).collect(),
            cursor: 0,
            timeline_offset: 0,
            subject: None,
            detail_scroll: 0,
            org_date: None,
            org_cursor: 0,
            org_offset: 0,
            org_folded: Folded::new(),
            help_scroll: 0,
            search_job: SearchJob::default(),
            notice: None,
            history: SearchHistory::default(),
            saved: SavedQueries::default(),
            jumps: JumpList::default(),
            derived: Derived::default(),
        }
    }

    /// The selected event, if any, by index.
    #[must_use]
    pub fn event_index(&self) -> Option<EventIx> {
        self.visible.get(self.cursor).copied()
    }

    /// The selected event, if any.
    #[must_use]
    pub fn selected_event(&self) -> Option<&'a Event> {
        self.event_index().map(|ix| self.timeline.event_at(ix))
    }

    /// The row of the selected event in `rows` (see [`App::rows`]).
    #[must_use]
    pub fn selected_row(&self, rows: &TimelineRows) -> Option<usize> {
        rows.row_of(self.cursor)
    }

    /// The day the org chart shows: the pinned date, else the selected event's first day.
    #[must_use]
    pub fn org_day(&self) -> Option<NaiveDate> {
        match self.org_date {
            Some(date) => Some(date.start()),
            None => self.selected_event().map(|e| e.date.start()),
        }
    }

    /// The text of the query the timeline is filtered by, if any (`kind:acq @2016`).
    #[must_use]
    pub fn filter_text(&self) -> Option<&str> {
        self.filter.as_ref().map(|f| f.query.text.as_str())
    }

    /// The person or unit whose events the timeline is filtered to, if the filter is one.
    #[must_use]
    pub fn filter_entity(&self) -> Option<Entity> {
        self.filter.as_ref().and_then(|f| f.entity)
    }

    /// Whether the search overlay waits for the results of what is typed in it.
    #[must_use]
    pub fn search_pending(&self) -> bool {
        match &self.mode {
            Mode::Search(search) => self.search_job.awaiting.as_deref() == Some(search.text()),
            _ => false,
        }
    }

    /// The events involving `entity` (see [`Timeline::events_of`]), in date order.
    #[must_use]
    pub fn events_of(&self, entity: Entity) -> Vec<EventIx> {
        if self.filter_entity() == Some(entity) {
            // The timeline is filtered to exactly these: no need to look through every event.
            return self.visible.clone();
        }
        self.timeline.events_of(entity)
    }

    /// Lines moved by PgUp/PgDn in a pane `height` rows tall.
    #[must_use]
    pub fn page(height: usize) -> usize {
        if height == 0 {
            DEFAULT_PAGE
        } else {
            height.saturating_sub(1).max(1)
        }
    }
}
