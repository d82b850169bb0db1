//! Exports of a filtered timeline, one file per format, each writing to any `Write`.

/// The formats `export` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown chronology grouped by year.
    Md,
    /// RFC 4180 CSV, one row per event.
    Csv,
    /// JSON with a `meta` block.
    Json,
    /// TimelineJS3 JSON.
    Timelinejs,
    /// RFC 5545 iCalendar.
    Ics,
    /// One self-contained HTML page.
    Html,
    /// A valid store with the selected events.
    Ron,
}
