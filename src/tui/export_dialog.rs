//! The export dialog (`e`): its state and the pure logic behind it — the format chosen, the path
//! being typed (pre-filled, following the format while it is not edited), and what came of the
//! last write.
//!
//! Nothing here touches the file system: the update turns Enter into an [`ExportRequest`], the
//! run loop carries it out ([`crate::tui::task`]) and the [`ExportOutcome`] comes back to the
//! dialog's [`Status`].

use std::path::PathBuf;

use crate::export::Format;
use crate::store::ids::EventIx;
use crate::tui::app::App;
use crate::tui::line_input::{Edit, LineInput};

/// The format the dialog opens on: one row per event, what most people open first.
pub const DEFAULT_FORMAT: Format = Format::Csv;

/// The longest path accepted, in characters.
const PATH_MAX: usize = 4096;

/// The dialog's two fields; Tab switches between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogField {
    /// The list of formats.
    Format,
    /// The output path.
    Path,
}

/// What the dialog says under its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Nothing written yet: the dialog says what would be exported.
    Ready,
    /// The write was asked for and is under way.
    Writing,
    /// What came of the last write.
    Done(ExportOutcome),
}

/// The export dialog's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDialog {
    /// The format chosen.
    pub format: Format,
    /// The output path as typed (relative to the current directory, or absolute, or `~/…`),
    /// with the cursor.
    pub path: LineInput,
    /// The field that takes the keys.
    pub field: DialogField,
    /// The start of the default file name: `ali-timeline-all`, `ali-timeline-gao-xiaosong`.
    pub stem: String,
    /// What the last write did, if anything.
    pub status: Status,
}

/// What the run loop is asked to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    /// The format.
    pub format: Format,
    /// The events the timeline shows, in date order.
    pub events: Vec<EventIx>,
    /// A query that selects the same events (the filter), recorded in the exports that keep one.
    pub query: Option<String>,
    /// The path as typed.
    pub path: String,
    /// Whether an existing file may be replaced (the user confirmed).
    pub force: bool,
}

/// What came of a write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportOutcome {
    /// The file was written.
    Wrote {
        /// Events written.
        count: usize,
        /// Where, absolute.
        path: PathBuf,
        /// What the user should know besides (effects a RON export dropped).
        notes: Vec<String>,
    },
    /// Something is at the path already and nothing was written: the next Enter (or `y`)
    /// replaces it.
    Exists {
        /// The path, absolute.
        path: PathBuf,
        /// Where it points, when it is a symbolic link (the link is replaced, not its target).
        link_to: Option<PathBuf>,
    },
    /// Nothing was written, for the reason given (one line, with what to do).
    Failed(String),
}

/// A one-line description of each format, for the list.
#[must_use]
pub fn describe(format: Format) -> &'static str {
    match format {
        Format::Md => "Markdown: a readable chronology by year",
        Format::Csv => "one row per event, for spreadsheets",
        Format::Json => "JSON with the query and store hash",
        Format::Timelinejs => "TimelineJS3 JSON, loads as it is",
        Format::Ics => "iCalendar: an all-day event each",
        Format::Html => "one self-contained page, printable",
        Format::Ron => "a store of these events (--data)",
        Format::Svg => "an SVG picture: axis, lanes by kind",
    }
}

/// The end of a default file name for `format` (`timelinejs.json`, to tell it from `json`).
#[must_use]
pub fn suffix(format: Format) -> &'static str {
    match format {
        Format::Timelinejs => "timelinejs.json",
        other => other.extension(),
    }
}

/// The default path for `format`: a file in the current directory, `STEM.SUFFIX`.
#[must_use]
pub fn default_path(stem: &str, format: Format) -> String {
    format!("{stem}.{}", suffix(format))
}

/// The longest name [`stem`] keeps from a filter (a long query makes no longer a file name).
const STEM_NAME_MAX: usize = 40;

/// The start of default file names for a timeline filtered by `name`, the id of the person or
/// unit or else the query (`ali-timeline-gao-xiaosong`, `ali-timeline-kind-acq-2016`), or showing
/// everything (`ali-timeline-all`). Runs of characters other than ASCII letters, digits and `_`
/// become one `-`; a long name is cut at a `-`.
#[must_use]
pub fn stem(name: Option<&str>) -> String {
    let Some(id) = name else {
        return "ali-timeline-all".to_string();
    };
    let mut name = String::new();
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            name.push(c.to_ascii_lowercase());
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
    }
    if name.len() > STEM_NAME_MAX {
        let cut = name[..STEM_NAME_MAX].rfind('-').unwrap_or(STEM_NAME_MAX);
        name.truncate(cut);
    }
    let name = name.trim_end_matches('-');
    if name.is_empty() {
        "ali-timeline-filtered".to_string()
    } else {
        format!("ali-timeline-{name}")
    }
}

/// What names the timeline's filter in file names: the id of the person or unit it selects,
/// else its query.
#[must_use]
pub fn filter_name<'a>(app: &'a App<'_>) -> Option<&'a str> {
    let filter = app.filter.as_ref()?;
    Some(match filter.entity {
        Some(entity) => app.timeline.entity_id(entity),
        None => &filter.query.text,
    })
}

impl ExportDialog {
    /// A fresh dialog: the default format, its default path, the format list focused.
    #[must_use]
    pub fn new(stem: String) -> Self {
        let path = LineInput::with_max(PATH_MAX).with_text(&default_path(&stem, DEFAULT_FORMAT));
        ExportDialog {
            format: DEFAULT_FORMAT,
            path,
            field: DialogField::Format,
            stem,
            status: Status::Ready,
        }
    }

    /// Whether the dialog is waiting for the user to confirm replacing an existing file.
    #[must_use]
    pub fn confirming(&self) -> bool {
        matches!(self.status, Status::Done(ExportOutcome::Exists { .. }))
    }

    /// Chooses `format`. A path still ending in the old format's suffix (the default one, or a
    /// name typed with that ending) gets the new format's.
    pub fn set_format(&mut self, format: Format) {
        if format == self.format {
            return;
        }
        let old = format!(".{}", suffix(self.format));
        if let Some(base) = self.path.text().strip_suffix(&old) {
            let follows_cursor = self.path.cursor() == self.path.text().chars().count();
            let cursor = self.path.cursor();
            let new = format!("{base}.{}", suffix(format));
            self.path.set(&new);
            if !follows_cursor {
                self.path.set_cursor(cursor);
            }
        }
        self.format = format;
        self.status = Status::Ready;
    }

    /// Moves the format choice `delta` places in [`Format::ALL`], stopping at the ends.
    pub fn move_format(&mut self, delta: isize) {
        let at = Format::ALL
            .iter()
            .position(|&f| f == self.format)
            .unwrap_or(0);
        let to = at.saturating_add_signed(delta).min(Format::ALL.len() - 1);
        self.set_format(Format::ALL[to]);
    }

    /// A character typed in the format list: `j`/`k` move; another letter chooses the format
    /// starting with it (`J` chooses JSON, since `j` moves); other characters do nothing.
    pub fn format_key(&mut self, c: char) {
        match c {
            'j' => self.move_format(1),
            'k' => self.move_format(-1),
            c => {
                let lower = c.to_ascii_lowercase();
                if let Some(&format) = Format::ALL.iter().find(|f| f.name().starts_with(lower)) {
                    self.set_format(format);
                }
            }
        }
    }

    /// Inserts `text` at the cursor in the path.
    pub fn type_in_path(&mut self, text: &str) {
        if self.path.insert_str(text) {
            self.status = Status::Ready;
        }
    }

    /// Edits the path: moves its cursor, or deletes.
    pub fn edit_path(&mut self, edit: Edit) {
        if self.path.edit(edit) {
            self.status = Status::Ready;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_follows_the_format_until_its_ending_is_changed() {
        let mut d = ExportDialog::new(stem(None));
        assert_eq!(d.path, "ali-timeline-all.csv");
        d.set_format(Format::Timelinejs);
        assert_eq!(d.path, "ali-timeline-all.timelinejs.json");
        d.set_format(Format::Json);
        assert_eq!(d.path, "ali-timeline-all.json");
        d.edit_path(Edit::EraseToStart);
        d.type_in_path("notes.txt");
        d.set_format(Format::Md);
        assert_eq!(d.path, "notes.txt", "a path of the user's own is kept");
    }

    #[test]
    fn letters_choose_formats_and_j_k_move() {
        let mut d = ExportDialog::new(stem(None));
        d.format_key('h');
        assert_eq!(d.format, Format::Html);
        d.format_key('J');
        assert_eq!(d.format, Format::Json);
        d.format_key('j');
        assert_eq!(d.format, Format::Timelinejs);
        d.format_key('k');
        d.format_key('k');
        assert_eq!(d.format, Format::Csv);
        d.format_key('z');
        d.format_key('/');
        assert_eq!(d.format, Format::Csv, "other characters do nothing");
        d.move_format(-5);
        assert_eq!(d.format, Format::Md, "stops at the top");
        d.move_format(50);
        assert_eq!(d.format, Format::Ron, "stops at the bottom");
    }

    #[test]
    fn a_cursor_inside_the_path_stays_where_it_was_when_the_format_changes() {
        let mut d = ExportDialog::new("x".into());
        d.edit_path(Edit::Home);
        d.edit_path(Edit::Right);
        d.set_format(Format::Md);
        assert_eq!(d.path, "x.md");
        assert_eq!(d.path.cursor(), 1);
        d.edit_path(Edit::End);
        d.set_format(Format::Html);
        assert_eq!(
            d.path.cursor(),
            "x.html".len(),
            "a cursor at the end follows it"
        );
    }

    #[test]
    fn stems_are_safe_file_names() {
        assert_eq!(stem(Some("gao-xiaosong")), "ali-timeline-gao-xiaosong");
        assert_eq!(stem(Some("../Etc/x  y-")), "ali-timeline-etc-x-y");
        assert_eq!(stem(Some("高晓松")), "ali-timeline-filtered");
        assert_eq!(stem(None), "ali-timeline-all");
        assert_eq!(stem(Some("kind:acq @2016")), "ali-timeline-kind-acq-2016");
        let long = stem(Some(&"gao xiaosong ".repeat(20)));
        assert!(
            long.len() <= "ali-timeline-".len() + STEM_NAME_MAX,
            "{long}"
        );
        assert!(long.ends_with("xiaosong"), "cut at a word: {long}");
    }
}
