//! Actions in the export dialog: choosing a format, editing the path, and Enter, which asks the
//! run loop to write (a [`Task`]); what came of it comes back through [`finished`].

use crate::tui::action::{Action, Edit};
use crate::tui::app::{App, Mode};
use crate::tui::export_dialog::{
    self, DialogField, ExportDialog, ExportOutcome, ExportRequest, Status,
};
use crate::tui::task::Task;

/// Opens the dialog on the default format and a default path named after the filter.
pub(super) fn open(app: &mut App<'_>) {
    let stem = export_dialog::stem(export_dialog::filter_name(app));
    app.mode = Mode::Export(ExportDialog::new(stem));
}

/// Applies `action` to the open dialog; Enter returns the write to perform.
pub(super) fn update(app: &mut App<'_>, action: Action) -> Option<Task> {
    // The filter's query selects exactly the events shown (none is recorded for a person or
    // unit whose id no query can spell).
    let query = app
        .filter_text()
        .filter(|text| !text.is_empty())
        .map(str::to_string);
    let Mode::Export(dialog) = &mut app.mode else {
        return None;
    };
    let force = match action {
        Action::Confirm if dialog.confirming() => true,
        Action::Confirm if matches!(dialog.status, Status::Done(ExportOutcome::Wrote { .. })) => {
            app.mode = Mode::Browse;
            return None;
        }
        Action::Confirm => false,
        Action::Type('y' | 'Y') if dialog.confirming() => true,
        Action::Type('n' | 'N') if dialog.confirming() => {
            dialog.status = Status::Ready;
            return None;
        }
        Action::Back if dialog.confirming() => {
            dialog.status = Status::Ready;
            return None;
        }
        Action::Back => {
            app.mode = Mode::Browse;
            return None;
        }
        other => {
            edit(dialog, other);
            return None;
        }
    };
    if dialog.path.text().trim().is_empty() {
        dialog.field = DialogField::Path;
        dialog.status = Status::Done(ExportOutcome::Failed(
            "no path: type a file name to write to".into(),
        ));
        return None;
    }
    dialog.status = Status::Writing;
    Some(Task::Export(ExportRequest {
        format: dialog.format,
        events: app.visible.clone(),
        query,
        path: dialog.path.text().to_string(),
        force,
    }))
}

/// Keys that change the format or the path (in the format list, characters choose a format;
/// editing while asked to confirm drops the question).
fn edit(dialog: &mut ExportDialog, action: Action) {
    match action {
        Action::Up => dialog.move_format(-1),
        Action::Down => dialog.move_format(1),
        Action::FocusNext | Action::FocusPrev => {
            dialog.field = match dialog.field {
                DialogField::Format => DialogField::Path,
                DialogField::Path => DialogField::Format,
            };
        }
        Action::Type(c) => match dialog.field {
            DialogField::Format => {
                dialog.format_key(c);
            }
            DialogField::Path => dialog.type_in_path(c.encode_utf8(&mut [0; 4])),
        },
        Action::Edit(edit) => {
            dialog.field = DialogField::Path;
            dialog.edit_path(edit);
        }
        Action::Top | Action::Bottom => {
            let end = action == Action::Bottom;
            match dialog.field {
                DialogField::Path => dialog.edit_path(if end { Edit::End } else { Edit::Home }),
                DialogField::Format => {
                    dialog.move_format(if end { isize::MAX } else { isize::MIN })
                }
            }
        }
        _ => {}
    }
}

/// Shows what came of a write in the dialog (if it is still open).
pub(super) fn finished(app: &mut App<'_>, outcome: ExportOutcome) {
    if let Mode::Export(dialog) = &mut app.mode {
        dialog.status = Status::Done(outcome);
    }
}
