//! The help text: every key from the keymap table, by context, then the mouse, the query
//! syntax, the event kind symbols and the org chart marks, laid out for a width. The help overlay draws it; the update
//! counts its lines to scroll by.

use ratatui::text::{Line, Span};

use crate::store::model::EventKind;
use crate::tui::app::App;
use crate::tui::keymap::{Context, MOUSE, bindings, keys_label};
use crate::tui::spans::wrap;
use crate::tui::theme::Theme;

/// The query language in brief (the README's "Query language" has it in full; see
/// [`crate::query`]).
const QUERY_SYNTAX: &[(&str, &str)] = &[
    (
        "gao 高晓松",
        "fuzzy: titles, summaries, names of people and units (pinyin, aliases, ids)",
    ),
    ("'damai", "exact text; 'ali music' an exact phrase"),
    (
        "^ali down$",
        "at the start / at the end; ^xiami$ the whole text",
    ),
    (
        "!ttpod",
        "leave out what has this text (!'ttp: fuzzy); ! works on every atom",
    ),
    (
        "person:gao",
        "only in that field: person:, unit:, tag: (every form above after the colon)",
    ),
    (
        "kind:acq",
        "events of a kind, or any unambiguous start of one (kinds below)",
    ),
    ("@2015-03", "dates overlapping a year, month or day"),
    (
        "@2015..2016-06",
        "dates overlapping a range; @..2014 and @2017.. are open",
    ),
    (
        "era:reset",
        "events within an era's span (ali-timeline eras lists the eras)",
    ),
    ("Gao", "an atom with a capital letter matches case exactly"),
];

/// The help text wrapped to `width` columns.
#[must_use]
pub fn lines(app: &App<'_>, width: u16) -> Vec<Line<'static>> {
    let theme = app.theme;
    let width = usize::from(width).max(1);
    let keys_width = if width >= 50 { 14 } else { 10 };
    let mut lines = Vec::new();
    let entry = |lines: &mut Vec<Line<'static>>, keys: String, what: &str| {
        let spans = [
            Span::styled(format!("{keys:<keys_width$} "), theme.key()),
            Span::raw(what.to_string()),
        ];
        lines.extend(wrap(&spans, width, 2, keys_width + 3));
    };
    for context in [
        Context::Browse,
        Context::Search,
        Context::Date,
        Context::Export,
        Context::Sources,
        Context::Tenure,
        Context::SaveName,
        Context::Saved,
        Context::Input,
        Context::Help,
        Context::Anywhere,
    ] {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(context.title(), theme.heading())));
        for binding in bindings().iter().filter(|b| b.context == context) {
            entry(&mut lines, keys_label(binding), binding.help);
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("Mouse", theme.heading())));
    for (gesture, what) in MOUSE {
        entry(&mut lines, (*gesture).to_string(), what);
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Queries (search, and export --query): atoms separated by spaces, all must match",
        theme.heading(),
    )));
    for (atom, what) in QUERY_SYNTAX {
        entry(&mut lines, (*atom).to_string(), what);
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Event kinds (the symbol before each date in the timeline)",
        theme.heading(),
    )));
    for kind in EventKind::ALL {
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(Theme::kind_symbol(kind), theme.kind(kind)),
            Span::raw(format!(" {}", kind.as_str())),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Org chart marks (what the selected event changed)",
        theme.heading(),
    )));
    for (mark, style, what) in [
        ("+", theme.new_mark(), "founded, or role started"),
        ("→", theme.moved_mark(), "moved under another unit"),
        ("−", theme.dim(), "ended (struck through)"),
    ] {
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(mark, style),
            Span::raw(format!(" {what}")),
        ]));
    }
    lines
}
