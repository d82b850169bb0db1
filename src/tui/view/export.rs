//! The export dialog (`e`): the seven formats with a line on each, the path being typed, and what
//! the last write did (or why it did not), drawn over the panes. Sized to its content on large
//! terminals; on small ones the format list folds into one line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{line_input, overlay};
use crate::export::{Format, plural};
use crate::text;
use crate::tui::app::App;
use crate::tui::export_dialog::{DialogField, ExportDialog, ExportOutcome, Status, describe};
use crate::tui::layout::{self, Framing};
use crate::tui::spans::{clean, fit, wrap};
use crate::tui::theme::Theme;

/// The widest the dialog gets.
const MAX_WIDTH: u16 = 72;
/// Columns for a format's name in the list.
const NAME_WIDTH: usize = 11;
/// Lines of the full layout besides the message: a heading and seven formats, a blank, a
/// heading and the path, a blank, and the hint.
const FULL_FIXED: usize = 13;
/// The most lines the message under the fields takes.
const MESSAGE_LINES: usize = 6;

/// Draws the dialog for `dialog` over `body` (the area above the status bar).
pub fn render(app: &App<'_>, dialog: &ExportDialog, body: Rect, buf: &mut Buffer) {
    let room = layout::overlay(body);
    if room.is_empty() {
        return;
    }
    let width = room.width.min(MAX_WIDTH);
    let framed = layout::overlay_inner(room).0 == Framing::Full;
    let border = if framed { 2 } else { 0 };
    let inner_width = usize::from(width - border);
    let rows = usize::from(room.height - border);
    let lines = if rows > FULL_FIXED {
        full_lines(app, dialog, inner_width, rows - FULL_FIXED)
    } else {
        compact_lines(app, dialog, inner_width, rows)
    };
    // A framed dialog needs five rows to keep its frame (see `layout::overlay_inner`).
    let least = if framed { 5 } else { 0 };
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(border)
        .clamp(least, room.height);
    let area = Rect {
        x: room.x + (room.width - width) / 2,
        y: room.y + (room.height - height) / 2,
        width,
        height,
    };
    let inner = overlay::frame(app.theme, title(app), area, buf);
    for (line, y) in lines.into_iter().zip(inner.y..inner.bottom()) {
        buf.set_line(inner.x, y, &line, inner.width);
    }
}

/// ` Export 2 events: Gao Xiaosong (高晓松) `.
fn title(app: &App<'_>) -> String {
    let count = plural(app.visible.len(), "event");
    match &app.filter {
        Some(filter) => {
            let name = match filter.entity {
                Some(entity) => app.timeline.label(entity),
                None => filter.query.text.clone(),
            };
            format!(" Export {count}: {} ", clean(&name))
        }
        None => format!(" Export {count} "),
    }
}

/// The dialog with every format listed, the message in at most `message_rows` lines.
fn full_lines(
    app: &App<'_>,
    dialog: &ExportDialog,
    width: usize,
    message_rows: usize,
) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut lines = vec![Line::from(Span::styled("Format", theme.heading()))];
    for format in Format::ALL {
        lines.push(format_row(theme, dialog, format, width));
    }
    lines.push(Line::default());
    lines.push(fit(
        vec![
            Span::styled("Save to ", theme.heading()),
            Span::styled("(from the current folder; ~ is home)", theme.dim()),
        ],
        width,
    ));
    lines.push(path_line(theme, dialog, "", width));
    lines.push(Line::default());
    lines.extend(message_lines(
        app,
        dialog,
        width,
        message_rows.min(MESSAGE_LINES),
    ));
    lines.push(fit(hint(theme, dialog), width));
    lines
}

/// The dialog in at most `rows` lines: the format on one line, the path, as much of the message
/// as fits and, given room, the hint.
fn compact_lines(
    app: &App<'_>,
    dialog: &ExportDialog,
    width: usize,
    rows: usize,
) -> Vec<Line<'static>> {
    let theme = app.theme;
    let format_style = if dialog.field == DialogField::Format {
        theme.selected()
    } else {
        theme.heading()
    };
    let mut lines = vec![
        fit(
            vec![
                Span::styled("Format", theme.heading()),
                Span::styled(format!(" {} ", dialog.format.name()), format_style),
                Span::styled(format!(" {}", describe(dialog.format)), theme.dim()),
            ],
            width,
        ),
        path_line(theme, dialog, "Path ", width),
    ];
    let hint_row = usize::from(rows >= 4);
    let room = rows.saturating_sub(lines.len() + hint_row);
    lines.extend(message_lines(app, dialog, width, room));
    if hint_row == 1 {
        lines.push(fit(hint(theme, dialog), width));
    }
    lines.truncate(rows);
    lines
}

/// One format in the list: a marker on the chosen one (the whole row reversed while the list has
/// the keys), its name and what it is.
fn format_row(theme: Theme, dialog: &ExportDialog, format: Format, width: usize) -> Line<'static> {
    let chosen = format == dialog.format;
    let marker = if chosen { "›" } else { " " };
    let text = format!(
        "{marker} {:<NAME_WIDTH$}{}",
        format.name(),
        describe(format)
    );
    let padded = format!("{text:<width$}");
    let style = match (chosen, dialog.field) {
        (true, DialogField::Format) => theme.selected(),
        (true, DialogField::Path) => theme.heading(),
        (false, _) => Style::new(),
    };
    fit(vec![Span::styled(padded, style)], width)
}

/// The path after `label`, scrolled so the cursor shows while the path has the keys (else its
/// end shows); `…` marks text cut off at either side.
fn path_line(theme: Theme, dialog: &ExportDialog, label: &str, width: usize) -> Line<'static> {
    let focused = dialog.field == DialogField::Path;
    let marker = if focused { "› " } else { "  " };
    let room = width.saturating_sub(text::width(label) + text::width(marker));
    let mut spans = vec![
        Span::styled(label.to_string(), theme.heading()),
        Span::styled(marker, theme.key()),
    ];
    let cursor = focused.then(|| theme.cursor());
    spans.extend(line_input::drawn(theme, &dialog.path, room, cursor).spans);
    fit(spans, width)
}

/// What the dialog says under the fields, wrapped to `width`, in at most `rows` lines: the
/// message first, then each note on a line of its own, with a count of those left out.
fn message_lines(
    app: &App<'_>,
    dialog: &ExportDialog,
    width: usize,
    rows: usize,
) -> Vec<Line<'static>> {
    let theme = app.theme;
    let count = plural(app.visible.len(), "event");
    let mut notes: &[String] = &[];
    let (text, style) = match &dialog.status {
        Status::Ready => (
            format!("Writes the {count} the timeline shows, in date order."),
            theme.dim(),
        ),
        Status::Writing => (format!("Writing {count}…"), Style::new()),
        Status::Done(ExportOutcome::Wrote {
            count,
            path,
            notes: said,
        }) => {
            notes = said;
            (
                format!("wrote {} to {}", plural(*count, "event"), path.display()),
                theme.new_mark(),
            )
        }
        Status::Done(ExportOutcome::Exists { path, link_to }) => {
            let text = match link_to {
                Some(target) => format!(
                    "{} is a link to {}. Enter or y replaces the link (not what it points to); n or Esc keeps it.",
                    path.display(),
                    target.display()
                ),
                None => format!(
                    "{} already exists. Enter or y replaces it; n or Esc keeps it.",
                    path.display()
                ),
            };
            (text, theme.error())
        }
        Status::Done(ExportOutcome::Failed(message)) => (message.clone(), theme.error()),
    };
    let mut lines = wrap(&[Span::styled(clean(&text), style)], width, 0, 0);
    if lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.pop() {
            let mut spans = last.spans;
            // `fit` keeps the ellipsis when there is room, else cuts the line to make some.
            spans.push(Span::styled("…", style));
            lines.push(fit(spans, width));
        }
        return lines;
    }
    for (i, note) in notes.iter().enumerate() {
        let left = rows - lines.len();
        if left == 0 {
            break;
        }
        let more = notes.len() - i;
        let text = if left == 1 && more > 1 {
            format!("and {} more", plural(more, "note"))
        } else {
            format!("note: {}", clean(note))
        };
        lines.push(fit(vec![Span::styled(text, theme.dim())], width));
    }
    lines
}

/// The keys that matter now, in a line (the status bar lists the table's).
fn hint(theme: Theme, dialog: &ExportDialog) -> Vec<Span<'static>> {
    let text = if dialog.confirming() {
        "y or Enter: replace · n or Esc: keep"
    } else if matches!(dialog.status, Status::Done(ExportOutcome::Wrote { .. })) {
        "Enter: close · or edit, and write again"
    } else {
        match dialog.field {
            DialogField::Format => "↑↓ j k or a first letter (J: json)",
            DialogField::Path => "← → Home End edit · Ctrl-U clears",
        }
    };
    vec![Span::styled(text, theme.dim())]
}
