//! `o` and `y`: opening a source of the selected event (straight away when it has one address,
//! through a list when it has several) and copying a citation of it. The update only decides:
//! it returns a [`Task`] for the run loop to open or copy, or says in the status bar why not.

use crate::tui::action::Action;
use crate::tui::app::{App, Mode, Notice};
use crate::tui::links::{self, SourceLink, SourcePicker};
use crate::tui::task::Task;

/// `o`: opens the selected event's one source with an address, or lists them when there are
/// several.
pub(super) fn open(app: &mut App<'_>) -> Option<Task> {
    let event = app.selected_event()?;
    let mut found = links::source_links(app.timeline, event);
    match found.len() {
        0 => {
            refuse(app, "no source of this event has an address to open".into());
            None
        }
        1 => open_link(app, &found.remove(0)),
        _ => {
            app.mode = Mode::Sources(SourcePicker {
                links: found,
                selected: 0,
            });
            None
        }
    }
}

/// `y`: copies a citation of the selected event.
pub(super) fn copy(app: &mut App<'_>) -> Option<Task> {
    let event = app.selected_event()?;
    Some(Task::Copy {
        text: links::citation(app.timeline, event),
        what: format!(
            "a citation of “{}”",
            crate::text::truncate(&crate::text::sanitize(&event.title), 40)
        ),
    })
}

/// Keys in the list of sources.
pub(super) fn pick(app: &mut App<'_>, action: Action) -> Option<Task> {
    let Mode::Sources(picker) = &mut app.mode else {
        return None;
    };
    match action {
        Action::Up | Action::Down => {
            picker.selected = super::moved(picker.selected, picker.links.len(), action, 1);
            None
        }
        Action::Confirm => {
            let link = picker.links.get(picker.selected)?.clone();
            app.mode = Mode::Browse;
            open_link(app, &link)
        }
        Action::Copy => {
            let link = picker.links.get(picker.selected)?;
            Some(Task::Copy {
                text: crate::text::sanitize(&link.url),
                what: "the source's address".into(),
            })
        }
        Action::Back => {
            app.mode = Mode::Browse;
            None
        }
        _ => None,
    }
}

/// Asks for `link` to be opened, or says why it is not (not an http(s) address).
fn open_link(app: &mut App<'_>, link: &SourceLink) -> Option<Task> {
    match links::web_address(&link.url) {
        Ok(address) => Some(Task::Open(address)),
        Err(reason) => {
            refuse(app, reason);
            None
        }
    }
}

fn refuse(app: &mut App<'_>, text: String) {
    app.notice = Some(Notice { text, error: true });
}
