//! Actions on saved queries: `m` names the active filter to save it, `M` lists the saved ones
//! (Enter applies one as the filter, `d` deletes one after asking). Writing `queries.toml` is a
//! [`Task`]; what came of it comes back through [`written`].

use super::{filter, moved, set_focus};
use crate::query::Query;
use crate::saved::SavedError;
use crate::tui::action::Action;
use crate::tui::app::{App, Mode, Pane};
use crate::tui::saved_picker::{Message, NameInput, SavedChange, SavedPicker};
use crate::tui::task::Task;

/// Opens the name input for the active filter (saying so when there is nothing to save).
pub(super) fn open_name(app: &mut App<'_>) {
    let mut name = NameInput::default();
    if filter_text(app).is_none() {
        name.error =
            Some("no filter to save: search with /, then Ctrl-F filters by the query".into());
    }
    app.mode = Mode::SaveQuery(name);
}

/// The active filter's query, when there is one to save.
fn filter_text(app: &App<'_>) -> Option<String> {
    let filter = app.filter.as_ref()?;
    let text = filter.query.text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// An action while the name is typed; Enter asks for the write.
pub(super) fn name(app: &mut App<'_>, action: Action) -> Option<Task> {
    let query = filter_text(app);
    let Mode::SaveQuery(name) = &mut app.mode else {
        return None;
    };
    match action {
        Action::Type(c) => {
            name.input.insert(c);
            name.error = None;
        }
        Action::Edit(edit) => {
            let changed = name.input.edit(edit);
            if changed {
                name.error = None;
            }
        }
        Action::Back => app.mode = Mode::Browse,
        Action::Confirm => {
            let query = query?;
            let typed = name.input.text().trim().to_string();
            let asked = app
                .saved
                .with_added(&typed, &query, false)
                .and_then(|entries| {
                    let path = app.saved.writable()?.to_path_buf();
                    Ok(Task::WriteSaved {
                        path,
                        entries,
                        change: SavedChange::Added(typed),
                    })
                });
            match asked {
                Ok(task) => return Some(task),
                Err(error) => name.error = Some(refusal(&error)),
            }
        }
        _ => {}
    }
    None
}

/// Why a save or delete was refused, with what to do in the app.
fn refusal(error: &SavedError) -> String {
    match error {
        SavedError::Exists(_) => {
            format!("{error}: type another name, or delete it first (M, then d)")
        }
        other => other.to_string(),
    }
}

/// Opens the saved-queries overlay.
pub(super) fn open_picker(app: &mut App<'_>) {
    app.mode = Mode::Saved(SavedPicker::default());
}

/// An action in the saved-queries overlay: move, apply, delete (asked first), close.
pub(super) fn picker(app: &mut App<'_>, action: Action) -> Option<Task> {
    let len = app.saved.entries.len();
    let Mode::Saved(picker) = &mut app.mode else {
        return None;
    };
    let highlighted = app.saved.entries.get(picker.selected).cloned();
    match action {
        Action::Back if picker.deleting => {
            picker.deleting = false;
            picker.message = None;
        }
        Action::Back => app.mode = Mode::Browse,
        action if action.is_movement() => {
            picker.selected = moved(picker.selected, len, action, len.max(1));
            picker.deleting = false;
            picker.message = None;
        }
        Action::DeleteSaved | Action::Confirm if picker.deleting => {
            let name = highlighted?.name;
            let asked = app.saved.without(&name).and_then(|entries| {
                let path = app.saved.writable()?.to_path_buf();
                Ok(Task::WriteSaved {
                    path,
                    entries,
                    change: SavedChange::Deleted(name),
                })
            });
            picker.deleting = false;
            match asked {
                Ok(task) => return Some(task),
                Err(error) => picker.message = Some(failed(refusal(&error))),
            }
        }
        Action::DeleteSaved => {
            let saved = highlighted?;
            picker.deleting = true;
            picker.message = Some(Message {
                text: format!(
                    "delete `{}` ({})? d or Enter deletes it, Esc keeps it",
                    saved.name, saved.query
                ),
                failed: false,
            });
        }
        Action::Confirm => {
            let saved = highlighted?;
            match Query::parse_in(&saved.query, app.timeline) {
                Ok(query) => {
                    app.mode = Mode::Browse;
                    app.subject = None;
                    filter::set_filter(app, query);
                    set_focus(app, Pane::Timeline);
                }
                Err(error) => picker.message = Some(failed(error.to_string())),
            }
        }
        _ => {}
    }
    None
}

fn failed(text: String) -> Message {
    Message { text, failed: true }
}

/// What came of writing the saved queries: the list is updated when they were written; a save
/// shows the list with the new query highlighted, a delete says so; a failure is said where it
/// was asked for (nothing is lost: the filter, or the query, is still there).
pub(super) fn written(
    app: &mut App<'_>,
    change: SavedChange,
    entries: Vec<crate::saved::SavedQuery>,
    result: Result<(), String>,
) {
    let file = app.saved.shown_path();
    if let Err(why) = result {
        match &mut app.mode {
            Mode::SaveQuery(name) => name.error = Some(why),
            Mode::Saved(picker) => picker.message = Some(failed(why)),
            _ => {}
        }
        return;
    }
    app.saved.entries = entries;
    let (selected, text) = match change {
        SavedChange::Added(name) => (
            app.saved.entries.iter().position(|q| q.name == name),
            format!("saved `{name}` in {file}"),
        ),
        SavedChange::Deleted(name) => (None, format!("deleted `{name}`")),
    };
    let keep = match &app.mode {
        Mode::Saved(picker) => picker.selected,
        _ => 0,
    };
    let last = app.saved.entries.len().saturating_sub(1);
    app.mode = Mode::Saved(SavedPicker {
        selected: selected.unwrap_or(keep).min(last),
        deleting: false,
        message: Some(Message {
            text,
            failed: false,
        }),
    });
}
