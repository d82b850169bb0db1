//! The help text: every key from the keymap table, by context, then the mouse, the event kind
//! symbols and the org chart marks, laid out for a width. The help overlay draws it; the update
//! counts its lines to scroll by.

use ratatui::text::{Line, Span};

use crate::store::model::EventKind;
use crate::tui::app::App;
use crate::tui::keymap::{Context, MOUSE, bindings, keys_label};
use crate::tui::spans::wrap;
use crate::tui::theme::Theme;

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
    lines.push(Line::from(Span::styled("Event kinds", theme.heading())));
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
