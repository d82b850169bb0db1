//! Eras: named spans of the history, each bounded by two of the store's events, so that a span
//! moves with the data it is drawn from and cannot drift from it.

use serde::{Deserialize, Serialize};

/// A named span of time from one event to another (`Ali Music under Gao Xiaosong and Song Ke`).
///
/// ```ron
/// Era(
///     id: "gao-and-song",
///     title: "Ali Music under Gao Xiaosong and Song Ke",
///     start_event: "ali-music-group-founded",
///     end_event: "ali-music-reshuffle-2016",
///     note: "…",
/// )
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Era {
    /// Stable identifier (`gao-and-song`), matched by the query atom `era:`.
    pub id: String,
    /// What the span is called, shown on bands and in lists.
    pub title: String,
    /// Id of the event the era starts with (its date is the era's start).
    pub start_event: String,
    /// Id of the event the era ends with (its date is the era's end); may be `start_event` for an
    /// era of one event.
    pub end_event: String,
    /// A short editorial description; states nothing its events and their sources do not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
