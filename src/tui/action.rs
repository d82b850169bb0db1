//! What the user asked for, independent of the key or mouse gesture that asked for it.
//!
//! Input is mapped to an [`Action`] by [`crate::tui::keymap`]; [`crate::tui::update::update`] is
//! the one place that applies it to the state.

pub use crate::tui::line_input::Edit;

/// One thing the user asked the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    // Moving within the focused pane (or the search results, or the help text).
    /// Move up one line.
    Up,
    /// Move down one line.
    Down,
    /// Move up one page.
    PageUp,
    /// Move down one page.
    PageDown,
    /// Go to the first line.
    Top,
    /// Go to the last line.
    Bottom,
    /// Select the first event of the previous year in the timeline.
    PrevYear,
    /// Select the first event of the next year in the timeline.
    NextYear,
    /// Select the first event of the previous period (month or year) on the time axis.
    PrevPeriod,
    /// Select the first event of the next period (month or year) on the time axis.
    NextPeriod,

    // Folding units in the org chart.
    /// Fold the unit at the cursor, or go to the unit above it.
    Fold,
    /// Unfold the unit at the cursor, or go to its first line.
    Unfold,
    /// Fold or unfold the unit at the cursor (or the unit above a role).
    ToggleFold,
    /// Fold every unit.
    FoldAll,
    /// Unfold every unit.
    UnfoldAll,

    // Focus.
    /// Focus the next pane (timeline → detail → org → timeline).
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,

    // Opening and closing.
    /// Open the search overlay.
    Search,
    /// Open the help overlay.
    Help,
    /// Ask for a date and show the org chart as of it.
    AskDate,
    /// Open or jump to what is selected (Enter).
    Confirm,
    /// Back out one step: close an overlay, stop pinning a date, clear the filter (Esc).
    Back,
    /// Open the export dialog for the events the timeline shows.
    Export,
    /// Open a source of the selected event in the browser (`o`).
    OpenSource,
    /// Copy a citation of the selected event to the clipboard (`y`).
    Copy,
    /// Open the tenure chart.
    TenureChart,
    /// Zoom the tenure chart in: fewer months per column.
    TimeZoomIn,
    /// Zoom the tenure chart out: more months per column.
    TimeZoomOut,
    /// Pan the tenure chart earlier.
    PanEarlier,
    /// Pan the tenure chart later.
    PanLater,
    /// Save the timeline's filter under a name typed next (`m`).
    SaveQuery,
    /// List the saved queries, to apply or delete one (`M`).
    SavedQueries,
    /// Delete the highlighted saved query (asks first).
    DeleteSaved,
    /// Go back to where the last jump left (Ctrl-O).
    JumpBack,
    /// Go forward again to where going back left.
    JumpForward,
    /// Ask for a date and select the first event on or after it.
    GoToDate,
    /// Zoom the focused pane to the whole screen, or back.
    Zoom,
    /// Filter the timeline by a query (Ctrl-F): in the search overlay, the query typed; while
    /// browsing, open the search on the filter's query to edit it.
    FilterByQuery,

    // Typing, in every input (see [`crate::tui::line_input`]).
    /// Type one character at the cursor.
    Type(char),
    /// Move the cursor or delete, in the input being typed in.
    Edit(Edit),
    /// Recall the query searched for before the one shown (search history).
    OlderQuery,
    /// Recall the query searched for after the one shown, or back to what was being typed.
    NewerQuery,

    // Mouse.
    /// A left click at a screen cell: focus the pane there and select the line clicked.
    Click {
        /// Column, from 0 at the left.
        column: u16,
        /// Row, from 0 at the top.
        row: u16,
    },
    /// The wheel turned over a screen cell: scroll what is there.
    Scroll {
        /// Column, from 0 at the left.
        column: u16,
        /// Row, from 0 at the top.
        row: u16,
        /// Lines to move: negative scrolls up.
        lines: i16,
    },

    // The terminal and the app.
    /// The terminal changed size.
    Resize {
        /// New width in columns.
        width: u16,
        /// New height in rows.
        height: u16,
    },
    /// Leave the app.
    Quit,
}

impl Action {
    /// Whether this action moves through a list (line, page, ends, wheel) — the actions every
    /// scrollable list answers the same way.
    #[must_use]
    pub fn is_movement(self) -> bool {
        matches!(
            self,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Top
                | Action::Bottom
                | Action::Scroll { .. }
        )
    }
}
