//! Exports of a filtered timeline, one file per format, each writing to any `Write`.
//!
//! A [`Selection`] says what to export: events of a [`Timeline`] in date order, and the query
//! that chose them. [`write()`] sends it to the writer of a [`Format`]; [`write_file`] puts the
//! result in a file atomically, never clobbering what is there without `force`.
//!
//! Text is kept but escaped by each format's own rules; characters that could drive a terminal
//! or hide text (control, bidi and zero-width characters) are escaped in the data formats (JSON,
//! RON) and shown as a visible `<U+XXXX>` code in the documents (Markdown, CSV, HTML, iCalendar,
//! TimelineJS text). the README (section "Exports") describes every format.

pub mod atomic;
pub mod csv;
pub mod eras;
pub(crate) mod escape;
pub mod html;
pub mod ics;
pub mod json;
pub mod md;
pub mod progress;
pub mod ron;
pub mod svg;
pub mod timelinejs;

use std::cell::OnceCell;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::error::Error;
use crate::org::DiffEntry;
use crate::store::ids::EventIx;
use crate::store::model::{Event, Source};
use crate::timeline::Timeline;
use progress::{Progress, Watched};

/// The heading every document export carries.
pub const TITLE: &str = "Alibaba digital entertainment timeline";

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
    /// One self-contained SVG picture: a time axis, events in lanes by kind.
    Svg,
}

impl Format {
    /// Every format, in the order `--help` lists them (the terminal app's export dialog offers
    /// them in this order too).
    pub const ALL: [Format; 8] = [
        Format::Md,
        Format::Csv,
        Format::Json,
        Format::Timelinejs,
        Format::Ics,
        Format::Html,
        Format::Ron,
        Format::Svg,
    ];

    /// The name given to `--format` (`timelinejs`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Timelinejs => "timelinejs",
            Format::Ics => "ics",
            Format::Html => "html",
            Format::Ron => "ron",
            Format::Svg => "svg",
        }
    }

    /// The usual file extension (`timeline.json` for TimelineJS).
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Format::Timelinejs => "json",
            other => other.name(),
        }
    }
}

/// What to export: some events of a timeline, and the query that chose them.
#[derive(Debug, Clone)]
pub struct Selection<'a> {
    /// The loaded store the events come from.
    pub timeline: &'a Timeline,
    /// The selected events, in date order, each once.
    pub events: Vec<EventIx>,
    /// The query that chose the events; `None` when every event is exported.
    pub query: Option<String>,
    /// What each event changed in the organisation, worked out once on first use.
    changes: OnceCell<HashMap<String, Vec<DiffEntry>>>,
    /// Where the events read and the bytes written are counted, when someone watches.
    progress: Option<Arc<Progress>>,
}

impl<'a> Selection<'a> {
    /// The given events (put in date order, duplicates and out-of-range indices dropped).
    #[must_use]
    pub fn new(timeline: &'a Timeline, mut events: Vec<EventIx>, query: Option<String>) -> Self {
        events.retain(|&ix| ix.index() < timeline.store.events.len());
        events.sort_unstable();
        events.dedup();
        let query = query.filter(|q| !q.trim().is_empty());
        Selection {
            timeline,
            events,
            query,
            changes: OnceCell::new(),
            progress: None,
        }
    }

    /// This selection, counting each event a format reads into `progress` (and, written with
    /// [`write_file`], the bytes; cancelling `progress` stops the write and leaves no file).
    #[must_use]
    pub fn watched_by(mut self, progress: Arc<Progress>) -> Self {
        self.progress = Some(progress);
        self
    }

    /// Every event of the timeline.
    #[must_use]
    pub fn all(timeline: &'a Timeline) -> Self {
        Selection::new(
            timeline,
            timeline.events().map(|(ix, _)| ix).collect(),
            None,
        )
    }

    /// The events matching `query` (every event when `None` or blank).
    ///
    /// # Errors
    /// A malformed query, with its position.
    pub fn matching(timeline: &'a Timeline, query: Option<&str>) -> Result<Self, Error> {
        match query.filter(|q| !q.trim().is_empty()) {
            None => Ok(Selection::all(timeline)),
            Some(q) => {
                let events = crate::query::filter_events(timeline, q)?;
                Ok(Selection::new(timeline, events, Some(q.to_string())))
            }
        }
    }

    /// The selected events, in date order.
    pub fn events(&self) -> impl Iterator<Item = &'a Event> + '_ {
        let timeline = self.timeline;
        let progress = self.progress.as_deref();
        self.events.iter().map(move |&ix| {
            if let Some(progress) = progress {
                progress.event_read();
            }
            timeline.event_at(ix)
        })
    }

    /// How many events are selected.
    #[must_use]
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether no event is selected.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// One line saying what was exported: `3 events matching "xiami" from store sha256:1a2b3c4d5e6f`.
    #[must_use]
    pub fn description(&self) -> String {
        let count = plural(self.len(), "event");
        let hash: String = self.timeline.hash().chars().take(12).collect();
        match &self.query {
            Some(q) => format!("{count} matching \"{q}\" from store sha256:{hash}"),
            None => format!("{count} from store sha256:{hash}"),
        }
    }

    /// Display labels of an event's people: `Gao Xiaosong (高晓松)`.
    #[must_use]
    pub fn people(&self, event: &Event) -> Vec<String> {
        event
            .people
            .iter()
            .map(|id| self.timeline.person_label(id))
            .collect()
    }

    /// Display labels of an event's units: `Ali Music Group (阿里音乐)`.
    #[must_use]
    pub fn units(&self, event: &Event) -> Vec<String> {
        event
            .units
            .iter()
            .map(|id| self.timeline.unit_label(id))
            .collect()
    }

    /// What an event changed in the organisation, in words (see [`crate::org::DiffEntry::describe`]):
    /// `Fan Luyuan (樊路远) became ceo of Damai (大麦网)`, `… last recorded as ceo of … (no source
    /// gives an end)`. Empty for an event without effects.
    #[must_use]
    pub fn changes(&self, event: &Event) -> Vec<String> {
        self.changes
            .get_or_init(|| crate::org::changes_by_event(self.timeline))
            .get(&event.id)
            .into_iter()
            .flatten()
            .map(|change| change.describe(self.timeline))
            .collect()
    }

    /// An event's sources (ids the store does not know are skipped; the validator forbids them).
    #[must_use]
    pub fn sources(&self, event: &Event) -> Vec<&'a Source> {
        event
            .sources
            .iter()
            .filter_map(|id| self.timeline.source(id))
            .collect()
    }
}

/// `1 event`, `2 events`.
#[must_use]
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The days an event covers, both inclusive: from the start of its date to the end of its `end`
/// (or of its date). `2015-07` covers 2015-07-01 to 2015-07-31.
#[must_use]
pub fn span(event: &Event) -> (NaiveDate, NaiveDate) {
    let last = event.end.unwrap_or(event.date).end();
    (event.date.start(), last.max(event.date.start()))
}

/// Writes `selection` in `format` to `out`.
///
/// # Errors
/// A failed write, or a selection the format cannot hold (TimelineJS needs at least one event).
pub fn write(format: Format, selection: &Selection, out: &mut impl Write) -> std::io::Result<()> {
    match format {
        Format::Md => md::write(selection, out),
        Format::Csv => csv::write(selection, out),
        Format::Json => json::write(selection, out),
        Format::Timelinejs => timelinejs::write(selection, out),
        Format::Ics => ics::write(selection, out),
        Format::Html => html::write(selection, out),
        Format::Ron => ron::write(selection, out),
        Format::Svg => svg::write(selection, out),
    }
}

/// Writes `selection` in `format` to the file at `path`, atomically (see [`atomic::write_file`]).
/// A selection [watched](Selection::watched_by) counts the bytes written, and stops when its
/// progress is cancelled before the whole file is written.
///
/// # Errors
/// An existing file or link at `path` without `force`, an unwritable folder, a full disk, a
/// selection the format cannot hold, or a cancelled write; each names the path. Nothing is left
/// behind on error.
pub fn write_file(
    format: Format,
    selection: &Selection,
    path: &Path,
    force: bool,
) -> Result<(), Error> {
    atomic::write_file(path, force, |out| match selection.progress.as_deref() {
        Some(progress) => {
            write(format, selection, &mut Watched::new(out, progress))?;
            // A cancel that came after the last write still leaves no file.
            progress.check()
        }
        None => write(format, selection, out),
    })
}

/// Things the user should know about an export besides the count: effects the RON subset had to
/// drop because they need events outside the selection.
#[must_use]
pub fn notes(format: Format, selection: &Selection) -> Vec<String> {
    match format {
        Format::Ron => ron::subset(selection)
            .dropped
            .iter()
            .map(ToString::to_string)
            .collect(),
        _ => Vec::new(),
    }
}
