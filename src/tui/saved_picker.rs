//! The terminal app's saved queries (see [`crate::saved`]): naming the active filter to save it
//! (`m`, a name typed in the status bar) and the overlay that lists them (`M`: Enter applies one
//! as the timeline's filter, `d` deletes one after asking).
//!
//! Plain state: reading and writing `queries.toml` are tasks the run loop performs
//! ([`crate::tui::task`]); what came of a write comes back here as a message.

use crate::saved::NAME_MAX;
use crate::tui::line_input::LineInput;

/// The name being typed for the active filter (`m`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameInput {
    /// The name, with the cursor.
    pub input: LineInput,
    /// Why the name (or the save) was refused, or why there is nothing to save.
    pub error: Option<String>,
}

impl Default for NameInput {
    fn default() -> Self {
        NameInput {
            input: LineInput::with_max(NAME_MAX),
            error: None,
        }
    }
}

/// The saved-queries overlay (`M`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SavedPicker {
    /// The highlighted query: a position in the saved list.
    pub selected: usize,
    /// `d` was pressed: the highlighted query is deleted by `d` or Enter again, kept by Esc.
    pub deleting: bool,
    /// What the last save or delete did, or why it failed.
    pub message: Option<Message>,
}

/// A line the overlay shows under its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The text (one line).
    pub text: String,
    /// Whether it says something failed.
    pub failed: bool,
}

/// What a write of the saved queries was for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SavedChange {
    /// The active filter saved under this name.
    Added(String),
    /// The query of this name deleted.
    Deleted(String),
}
