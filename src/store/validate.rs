//! Reference checks of a parsed store (unique ids, references that resolve, sources present,
//! dates in order); every problem is reported, each at its line and column.
//!
//! Problems are collected in a [`Report`] first and located afterwards, in one pass over the text
//! that follows only the paths of the problems found: a valid store is never re-read. The timeline
//! layer adds the replay's problems to the same report before locating it.

use super::halves::on_halves;
use super::ids::{EventIx, Ids, PersonIx, SourceIx, UnitIx};
use super::load::{MAX_DEPTH, did_you_mean};
use super::locate::{Path, SourceMap};
use super::model::{Event, Store};
use super::starts::UnitStarts;
use crate::diagnostic::{Diagnostic, Severity};

mod eras;
mod events;
mod starts;
use crate::text::sanitize;
use eras::check_eras;
use events::check_events;
use starts::check_unit_starts;

/// What is wrong, in words.
enum Message {
    /// Ready to show.
    Text(String),
    /// A duplicate id; the line of its first definition is filled in once located.
    Duplicate {
        /// `person`, `unit`, `source` or `event`.
        what: String,
        /// The id.
        id: String,
        /// Where it was first defined.
        first: Path,
    },
}

/// One problem, not yet located.
struct Issue {
    severity: Severity,
    path: Path,
    message: Message,
}

/// The problems of one store, not yet located; paths are only built for problems found.
#[derive(Default)]
pub struct Report {
    issues: Vec<Issue>,
}

impl Report {
    fn push(&mut self, severity: Severity, path: Path, message: Message) {
        self.issues.push(Issue {
            severity,
            path,
            message,
        });
    }

    /// Adds the problems `check` finds in `events`, a large store's on two threads (see
    /// [`on_halves`]): `check` is given a report to fill, a share of `events` and the position of
    /// its first event.
    pub fn check_halves(
        &mut self,
        events: &[Event],
        check: impl Fn(&mut Report, &[Event], usize) + Sync,
    ) {
        let (earlier, later) = on_halves(events, |share, first| {
            let mut found = Report::default();
            check(&mut found, share, first);
            found
        });
        for mut found in std::iter::once(earlier).chain(later) {
            self.issues.append(&mut found.issues);
        }
    }

    /// Adds a problem of `severity` at `path`.
    pub fn add(&mut self, severity: Severity, path: Path, message: String) {
        self.push(severity, path, Message::Text(message));
    }

    fn error(&mut self, path: Path, message: String) {
        self.add(Severity::Error, path, message);
    }

    fn warn(&mut self, path: Path, message: String) {
        self.add(Severity::Warning, path, message);
    }

    /// Locates every problem in `text` (shown as `file`), in file order.
    #[must_use]
    pub fn locate(self, file: &str, text: &str) -> Vec<Diagnostic> {
        if self.issues.is_empty() {
            return Vec::new();
        }
        let wanted = self.issues.iter().flat_map(|issue| {
            let first = match &issue.message {
                Message::Duplicate { first, .. } => Some(first),
                Message::Text(_) => None,
            };
            std::iter::once(&issue.path).chain(first)
        });
        let map = SourceMap::for_paths(text, MAX_DEPTH, wanted);
        let mut diagnostics: Vec<Diagnostic> = self
            .issues
            .into_iter()
            .map(|issue| Diagnostic {
                file: file.to_string(),
                position: map.position(&issue.path),
                severity: issue.severity,
                message: match issue.message {
                    Message::Text(text) => text,
                    Message::Duplicate { what, id, first } => format!(
                        "duplicate {what} id `{id}` (first defined at line {}); ids must be unique",
                        map.position(&first).line
                    ),
                },
            })
            .collect();
        diagnostics.sort_by_key(|d| d.position);
        diagnostics
    }
}

/// Checks the ids of one list are well-formed and unique; `first` gives the position of an id's
/// first occurrence (from [`Ids`]), and is `None` when the list repeats no id.
fn check_ids<'s>(
    report: &mut Report,
    list: &str,
    what: &str,
    ids: impl Iterator<Item = &'s str>,
    first: Option<impl Fn(&str) -> Option<usize>>,
) {
    for (i, id) in ids.enumerate() {
        let path = |i: usize| Path::root().field(list).index(i).field("id");
        if id.trim().is_empty() || id.chars().any(char::is_whitespace) {
            report.error(
                path(i),
                format!("{what} id `{id}` must be non-empty with no spaces (use kebab-case)"),
            );
        }
        if let Some(j) = first
            .as_ref()
            .and_then(|first| first(id))
            .filter(|&j| j != i)
        {
            report.push(
                Severity::Error,
                path(i),
                Message::Duplicate {
                    what: what.to_string(),
                    id: id.to_string(),
                    first: path(j),
                },
            );
        }
    }
}

/// The ids of one kind, for lookup and for suggestions.
struct Known<'s> {
    /// Whether an id names something of this kind.
    has: &'s (dyn Fn(&str) -> bool + Sync),
    /// Every id of this kind, in store order (only read to suggest one).
    all: &'s (dyn Fn() -> Vec<&'s str> + Sync),
}

/// Reports `id` at `path()` unless it is one of `known`.
fn check_ref(
    report: &mut Report,
    path: impl FnOnce() -> Path,
    what: &str,
    id: &str,
    known: &Known<'_>,
) {
    if !(known.has)(id) {
        report.error(
            path(),
            format!(
                "unknown {what} `{id}`{}; add it to `{}` or fix the id",
                did_you_mean(id, &(known.all)()),
                list_of(what)
            ),
        );
    }
}

/// The store list that holds things of kind `what`.
fn list_of(what: &str) -> &'static str {
    match what {
        "person" => "people",
        "unit" => "units",
        _ => "sources",
    }
}

/// Reports each title and name that shows as nothing: one made only of characters that are
/// removed before text reaches a terminal (format characters such as U+202E, controls) and
/// spaces. Wholly empty titles are reported with the other event checks.
fn check_shown_text(report: &mut Report, store: &Store) {
    // Most text is clean: only text that holds something to remove is sanitised.
    let blank = |text: &str| {
        text.trim().is_empty() || (!crate::text::is_clean(text) && sanitize(text).trim().is_empty())
    };
    let mut shows_nothing = |path: Path, owner: String, field: &str| {
        report.error(
            path.field(field),
            format!(
                "{owner} has a `{field}` that shows as nothing (it is empty or made only of \
                 invisible characters such as U+202E); write visible text"
            ),
        );
    };
    let people = store.people.iter().map(|p| (&p.id, &p.name, &p.name_zh));
    let units = store.units.iter().map(|u| (&u.id, &u.name, &u.name_zh));
    for (list, what, names) in [
        ("people", "person", people.collect::<Vec<_>>()),
        ("units", "unit", units.collect()),
    ] {
        for (i, (id, name, name_zh)) in names.into_iter().enumerate() {
            let path = || Path::root().field(list).index(i);
            if blank(name) {
                shows_nothing(path(), format!("{what} `{id}`"), "name");
            }
            // An empty Chinese name is allowed (it is not shown); an invisible one is not.
            if name_zh
                .as_deref()
                .is_some_and(|zh| !zh.is_empty() && blank(zh))
            {
                shows_nothing(path(), format!("{what} `{id}`"), "name_zh");
            }
        }
    }
    for (i, event) in store.events.iter().enumerate() {
        // A title of spaces only is reported with the other event checks.
        if !event.title.trim().is_empty() && blank(&event.title) {
            let path = Path::root().field("events").index(i);
            shows_nothing(path, format!("event `{}`", event.id), "title");
        }
    }
}

/// Checks the references of `store`, looked up in its `ids` (built for the store as written):
/// every problem found, not yet located (see [`Report::locate`]).
#[must_use]
pub fn references(store: &Store, ids: &Ids, starts: &UnitStarts) -> Report {
    let mut report = Report::default();
    // A list with as many different ids as entries repeats none: its ids need not be looked up.
    let [people, units, sources, events] = ids.distinct();
    check_ids(
        &mut report,
        "people",
        "person",
        store.people.iter().map(|p| p.id.as_str()),
        (people < store.people.len()).then_some(|id: &str| ids.person(id).map(PersonIx::index)),
    );
    check_ids(
        &mut report,
        "units",
        "unit",
        store.units.iter().map(|u| u.id.as_str()),
        (units < store.units.len()).then_some(|id: &str| ids.unit(id).map(UnitIx::index)),
    );
    check_ids(
        &mut report,
        "sources",
        "source",
        store.sources.iter().map(|s| s.id.as_str()),
        (sources < store.sources.len()).then_some(|id: &str| ids.source(id).map(SourceIx::index)),
    );
    check_ids(
        &mut report,
        "events",
        "event",
        store.events.iter().map(|e| e.id.as_str()),
        (events < store.events.len()).then_some(|id: &str| ids.event(id).map(EventIx::index)),
    );
    let people = Known {
        has: &|id| ids.person(id).is_some(),
        all: &|| store.people.iter().map(|p| p.id.as_str()).collect(),
    };
    let units = Known {
        has: &|id| ids.unit(id).is_some(),
        all: &|| store.units.iter().map(|u| u.id.as_str()).collect(),
    };
    let sources = Known {
        has: &|id| ids.source(id).is_some(),
        all: &|| store.sources.iter().map(|s| s.id.as_str()).collect(),
    };

    for (i, source) in store.sources.iter().enumerate() {
        let path = || Path::root().field("sources").index(i);
        match &source.seed {
            Some(seed) if seed.len() != 3 || !seed.bytes().all(|b| b.is_ascii_digit()) => {
                report.error(
                    path().field("seed"),
                    format!("seed `{seed}` should be the three-digit number of a seed article, e.g. \"001\""),
                );
            }
            Some(_) => {}
            None if source.title.is_none() || source.url.is_none() => report.error(
                path(),
                format!(
                    "source `{}` needs either `seed: \"NNN\"` or both a `title` and a `url`",
                    source.id
                ),
            ),
            None => {}
        }
    }

    check_unit_starts(&mut report, store, ids, starts, &sources);
    check_shown_text(&mut report, store);
    check_eras(&mut report, store, ids);

    check_events(&mut report, &store.events, [&people, &units, &sources]);
    report
}
