//! The org chart pane: units as a tree (guides `├─ └─ │`, `▾` open and `▸` folded units with
//! how many lines they hide) with the people holding roles, as of the selected event or of a
//! date typed after `a`. What the event changed is marked in a fixed column at the left: `+` new,
//! `→` moved, `−` ended (struck through), `•` inside a folded unit. The person or unit opened is
//! highlighted. A role line keeps the holder's name and the date: its title is cut first.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;

use crate::text::{truncate, width as text_width};
use crate::tui::app::{App, Entity};
use crate::tui::layout::keep_visible;
use crate::tui::org_fold::{foldable, is_folded};
use crate::tui::org_lines::{Mark, OrgItem, OrgLine, guide_step, guide_text};
use crate::tui::spans::{fit, note, spans_width, styled_line};
use crate::tui::theme::Theme;

/// The pane's title: the date shown, and whether it is pinned.
#[must_use]
pub fn title(app: &App<'_>) -> String {
    match (app.org_date, app.selected_event()) {
        (Some(date), _) => format!("Org chart as of {date} (pinned)"),
        (None, Some(event)) => format!("Org chart · {}", event.date),
        (None, None) => "Org chart".to_string(),
    }
}

/// Draws the org chart into `area`; the cursor line is shown when the pane has focus.
pub fn render(app: &App<'_>, area: Rect, focused: bool, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let theme = app.theme;
    let width = usize::from(area.width);
    let lines = app.org_lines();
    if lines.is_empty() {
        let starts = crate::org::record_start(&app.timeline.store, &app.timeline.history);
        let message = match (app.org_day(), starts) {
            (Some(day), Some(start)) if day < start.start() => {
                format!("The record starts later, on {start}.")
            }
            (Some(_), _) => "No units existed on this day.".to_string(),
            (None, _) => "No event selected. Press a to choose a date.".to_string(),
        };
        note(theme, &message, area, buf);
        return;
    }
    let offset = keep_visible(
        app.org_offset,
        Some(app.org_cursor),
        lines.len(),
        area.height,
    );
    let shown = &lines[offset.min(lines.len())..];
    let shown = &shown[..shown.len().min(usize::from(area.height))];
    let step = guide_step(shown, width);
    for (i, (line, y)) in shown.iter().zip(area.y..area.bottom()).enumerate() {
        let spans = line_spans(app, line, width, step);
        buf.set_line(area.x, y, &fit(spans, width), area.width);
        if focused && offset + i == app.org_cursor {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                theme.selected(),
            );
        }
    }
}

/// The change mark, in a fixed column at the left of every line.
fn mark_span(theme: Theme, mark: Mark) -> Span<'static> {
    match mark {
        Mark::Same => Span::raw("  "),
        Mark::New => Span::styled("+ ", theme.new_mark()),
        Mark::Moved => Span::styled("→ ", theme.moved_mark()),
        Mark::Ended => Span::styled("− ", theme.dim()),
        Mark::Inside => Span::styled("• ", theme.new_mark()),
    }
}

/// The person or unit opened (the detail pane's subject, else the timeline's filter): its lines
/// are highlighted.
fn opened(app: &App<'_>) -> Option<Entity> {
    app.subject.or(app.filter_entity())
}

/// One org line: change mark, tree guides, then the unit (with its fold sign) or the role.
fn line_spans(app: &App<'_>, line: &OrgLine, width: usize, step: usize) -> Vec<Span<'static>> {
    let theme = app.theme;
    let ended = line.mark == Mark::Ended;
    let text_style = |style: Style| {
        if ended {
            style.patch(theme.ended_mark())
        } else {
            style
        }
    };
    let mut spans = vec![
        mark_span(theme, line.mark),
        Span::styled(guide_text(line, step, width), theme.dim()),
    ];
    match &line.item {
        OrgItem::Unit(id) => {
            let folded = is_folded(line, &app.org_folded);
            if foldable(line).is_some() {
                spans.push(Span::styled(if folded { "▸ " } else { "▾ " }, theme.dim()));
            }
            let mut style = if line.depth == 0 {
                theme.heading()
            } else {
                Style::new()
            };
            if opened(app) == Some(Entity::Unit(*id)) {
                style = style.patch(theme.opened());
            }
            let label = one_line(&app.timeline.unit_label_at(*id), width);
            if folded {
                // The count of hidden lines stays: the name is cut first.
                let hidden = format!(" ({} hidden)", line.descendants);
                let room = width.saturating_sub(spans_width(&spans) + text_width(&hidden));
                spans.push(Span::styled(
                    truncate(&label, room.max(1)),
                    text_style(style),
                ));
                spans.push(Span::styled(hidden, theme.dim()));
            } else {
                spans.push(Span::styled(label, text_style(style)));
            }
        }
        OrgItem::Role(index) => {
            let tenure = app.timeline.history.tenure(*index);
            // A role no source ends is shown as last recorded, in those words, as the CLI does;
            // where that does not fit, as a span of dates (`2016-09-19–…` when not over).
            let (when, compact) = match (ended, tenure.end, tenure.last_recorded_on()) {
                (true, _, Some(last)) => (format!(" last recorded {last}"), format!(" –{last}")),
                (true, Some(end), None) => (format!(" until {end}"), format!(" –{end}")),
                (false, _, Some(last)) => (
                    format!(" since {}, last recorded {last}", tenure.start),
                    format!(" {}–…", tenure.start),
                ),
                _ => (
                    format!(" since {}", tenure.start),
                    format!(" {}–", tenure.start),
                ),
            };
            let person = app.timeline.person_at(tenure.person);
            let mut name_style = Style::new();
            if opened(app) == Some(Entity::Person(tenure.person)) {
                name_style = name_style.patch(theme.opened());
            }
            let room = width.saturating_sub(spans_width(&spans));
            let role = RoleText {
                role: one_line(&tenure.role, width),
                name: one_line(&app.timeline.person_label_at(tenure.person), width),
                short_name: one_line(&person.name, width),
                when,
                compact,
            };
            let (role, name, when) = role.fitted(room);
            spans.push(Span::styled(role, text_style(theme.dim())));
            spans.push(Span::styled(name, text_style(name_style)));
            spans.push(Span::styled(when, text_style(theme.dim())));
        }
    }
    spans
}

/// Store text made safe for the terminal, only as much of it as a line of `width` can show.
fn one_line(text: &str, width: usize) -> String {
    styled_line(text, width, Style::new()).content.into_owned()
}

/// The words of a role line, to be fitted to the room left after the mark and the guides.
struct RoleText {
    /// The title (`chairman, entertainment strategy committee`).
    role: String,
    /// The holder, with their name in Chinese when the store has it.
    name: String,
    /// The holder's name alone.
    short_name: String,
    /// When: ` since 2015-07-15`.
    when: String,
    /// When, in fewer columns: ` 2015-07-15–`.
    compact: String,
}

impl RoleText {
    /// `role: `, the name and the date, cut so that the holder's name and the date stay
    /// readable: the title is cut first (down to `…`), then the name in Chinese is left out,
    /// then the date is written shorter; what still does not fit is cut from the end of the line
    /// (the date, then the name).
    fn fitted(self, room: usize) -> (String, String, String) {
        let RoleText {
            role,
            name,
            short_name,
            when,
            compact,
        } = self;
        let rest = |name: &str, when: &str| text_width(name) + text_width(when) + 2;
        if text_width(&role) + rest(&name, &when) <= room {
            return (format!("{role}: "), name, when);
        }
        for (name, when) in [
            (&name, &when),
            (&short_name, &when),
            (&short_name, &compact),
        ] {
            let rest = rest(name, when);
            if rest < room {
                let role = truncate(&role, room - rest);
                return (format!("{role}: "), name.clone(), when.clone());
            }
        }
        ("…: ".to_string(), short_name, compact)
    }
}
