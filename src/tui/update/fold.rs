//! The org chart's fold keys, as in a file tree (VS Code's explorer, lazygit's file tree): `←`
//! folds an open unit or goes to the unit above; `→` unfolds a folded unit or goes into an open
//! one; `Space` folds or unfolds the unit (on a role: folds the unit above it); `-` folds every
//! unit, `=` unfolds every one.
//!
//! The cursor stays on its line; when folding hides it, it goes to the unit that hid it.

use crate::tui::action::Action;
use crate::tui::app::{App, Pane};
use crate::tui::derived;
use crate::tui::org_fold::{find_first, foldable, lineage, parent};

/// Applies a fold key, when the org chart has the focus.
pub(super) fn apply(app: &mut App<'_>, action: Action) {
    if app.focus != Pane::Org {
        return;
    }
    let lines = app.org_lines().into_owned();
    let cursor = app.org_cursor;
    let Some(line) = lines.get(cursor) else {
        return;
    };
    let unit = foldable(line);
    let folded = unit.is_some_and(|u| app.org_folded.contains(&u));
    let up = parent(&lines, cursor);
    match (action, unit) {
        (Action::Fold, Some(unit)) if !folded => {
            app.org_folded.insert(unit);
        }
        (Action::Fold, _) => app.org_cursor = up.unwrap_or(cursor),
        (Action::Unfold | Action::ToggleFold, Some(unit)) if folded => {
            app.org_folded.remove(&unit);
        }
        (Action::Unfold, Some(_)) => app.org_cursor = cursor + 1,
        (Action::ToggleFold, Some(unit)) => {
            app.org_folded.insert(unit);
        }
        (Action::ToggleFold, None) => {
            if let Some(up) = up.and_then(|i| foldable(&lines[i]).map(|u| (i, u))) {
                app.org_folded.insert(up.1);
                app.org_cursor = up.0;
            }
        }
        (Action::FoldAll, _) => {
            let every = app
                .org_tree()
                .iter()
                .filter_map(foldable)
                .collect::<Vec<_>>();
            app.org_folded.extend(every);
        }
        (Action::UnfoldAll, _) => app.org_folded.clear(),
        _ => {}
    }
    // Keep the cursor on its line, or on the nearest unit above it still shown.
    let keep = lineage(&lines, app.org_cursor);
    derived::refresh_org(app);
    let shown = app.org_lines();
    app.org_cursor = find_first(&shown, &keep).unwrap_or(0);
}
