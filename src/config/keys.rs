//! Keys of the browsing view set in the settings file: action names, and the key table with the
//! user's keys in place, refusing any key that would then do two things.

use crate::tui::action::Action;
use crate::tui::keymap::{BINDINGS, Binding, Chord, Context};

/// The actions of the browsing view, by the name the settings file gives them.
pub const ACTIONS: [(&str, Action); 34] = [
    ("down", Action::Down),
    ("up", Action::Up),
    ("page_down", Action::PageDown),
    ("page_up", Action::PageUp),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("prev_year", Action::PrevYear),
    ("next_year", Action::NextYear),
    ("prev_period", Action::PrevPeriod),
    ("next_period", Action::NextPeriod),
    ("fold", Action::Fold),
    ("unfold", Action::Unfold),
    ("toggle_fold", Action::ToggleFold),
    ("fold_all", Action::FoldAll),
    ("unfold_all", Action::UnfoldAll),
    ("focus_next", Action::FocusNext),
    ("focus_prev", Action::FocusPrev),
    ("search", Action::Search),
    ("open", Action::Confirm),
    ("filter", Action::FilterByQuery),
    ("back", Action::Back),
    ("jump_back", Action::JumpBack),
    ("jump_forward", Action::JumpForward),
    ("as_of", Action::AskDate),
    ("go_to_date", Action::GoToDate),
    ("zoom", Action::Zoom),
    ("help", Action::Help),
    ("export", Action::Export),
    ("tenure", Action::TenureChart),
    ("open_source", Action::OpenSource),
    ("copy", Action::Copy),
    ("save_query", Action::SaveQuery),
    ("saved_queries", Action::SavedQueries),
    ("quit", Action::Quit),
];

/// The action a name in `[keys]` stands for.
#[must_use]
pub fn action_named(name: &str) -> Option<Action> {
    ACTIONS.iter().find(|(n, _)| *n == name).map(|&(_, a)| a)
}

/// The name of an action of the browsing view.
fn name_of(action: Action) -> &'static str {
    ACTIONS
        .iter()
        .find(|(_, a)| *a == action)
        .map_or("?", |(n, _)| n)
}

/// New keys for one action of the browsing view, as the file gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebinding {
    /// The action's name in the file (`search`).
    pub name: String,
    /// The action.
    pub action: Action,
    /// Its keys, in place of the defaults.
    pub keys: Vec<Chord>,
}

/// A key that two actions would share: the rebinding that loses it keeps its defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The key.
    pub key: Chord,
    /// The rebinding refused (an index into the rebindings given).
    pub refused: usize,
    /// The action that keeps the key, and whether its key came from the file too.
    pub holder: &'static str,
    /// Whether the holder's key was set in the file (else it is the holder's default).
    pub holder_rebound: bool,
}

/// The keys of the browsing view (and those that work anywhere) with `rebindings` applied, in
/// table order: (context, action, keys).
fn keys_with(rebindings: &[&Rebinding]) -> Vec<(Action, Vec<Chord>, bool)> {
    BINDINGS
        .iter()
        .filter(|b| matches!(b.context, Context::Browse | Context::Anywhere))
        .map(|b| {
            let rebound = (b.context == Context::Browse)
                .then(|| rebindings.iter().find(|r| r.action == b.action))
                .flatten();
            match rebound {
                Some(r) => (b.action, r.keys.clone(), true),
                None => (b.action, b.keys.to_vec(), false),
            }
        })
        .collect()
}

/// Which of `rebindings` can be applied together: a rebinding that gives a key to a second
/// action is refused (a later one before an earlier), until no key does two things.
#[must_use]
pub fn settle(rebindings: &[Rebinding]) -> (Vec<Rebinding>, Vec<Conflict>) {
    let mut kept: Vec<usize> = (0..rebindings.len()).collect();
    let mut conflicts = Vec::new();
    loop {
        let active: Vec<&Rebinding> = kept.iter().map(|&i| &rebindings[i]).collect();
        let table = keys_with(&active);
        let clash = table
            .iter()
            .enumerate()
            .find_map(|(i, (action, keys, rebound))| {
                table[i + 1..]
                    .iter()
                    .find_map(|(other, other_keys, other_rebound)| {
                        if other == action {
                            return None; // `quit` both anywhere (Ctrl-C) and while browsing
                        }
                        let key = keys.iter().find(|k| other_keys.contains(k))?;
                        Some((*key, (*action, *rebound), (*other, *other_rebound)))
                    })
            });
        let Some((key, first, second)) = clash else {
            break;
        };
        // Refuse the rebinding that came later in the file (or the only one involved).
        let position = |action: Action| kept.iter().position(|&i| rebindings[i].action == action);
        let (refused, holder) = match (
            first.1.then(|| position(first.0)).flatten(),
            second.1.then(|| position(second.0)).flatten(),
        ) {
            (Some(a), Some(b)) if a > b => (a, second),
            (Some(_), Some(b)) => (b, first),
            (Some(a), None) => (a, second),
            (None, Some(b)) => (b, first),
            // Invariant: the default table has no clash, so a clash involves a rebinding.
            (None, None) => break,
        };
        conflicts.push(Conflict {
            key,
            refused: kept[refused],
            holder: name_of(holder.0),
            holder_rebound: holder.1,
        });
        kept.remove(refused);
    }
    let settled = kept.iter().map(|&i| rebindings[i].clone()).collect();
    (settled, conflicts)
}

/// The whole key table with `rebindings` (already [`settle`]d) in place. Each new key list is
/// leaked: the table is built once, for the life of the process.
#[must_use]
pub fn table(rebindings: &[Rebinding]) -> Vec<Binding> {
    BINDINGS
        .iter()
        .map(|b| match rebindings.iter().find(|r| r.action == b.action) {
            Some(r) if b.context == Context::Browse => Binding {
                keys: Box::leak(r.keys.clone().into_boxed_slice()),
                ..*b
            },
            _ => *b,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebind(name: &str, keys: &[&str]) -> Rebinding {
        Rebinding {
            name: name.into(),
            action: action_named(name).unwrap(),
            keys: keys.iter().map(|k| Chord::parse(k).unwrap()).collect(),
        }
    }

    #[test]
    fn every_browsing_action_has_a_name_and_the_defaults_do_not_clash() {
        for b in BINDINGS.iter().filter(|b| b.context == Context::Browse) {
            assert_ne!(name_of(b.action), "?", "{:?}", b.action);
        }
        assert_eq!(settle(&[]), (vec![], vec![]));
    }

    #[test]
    fn a_swap_is_fine_and_a_clash_names_both_actions() {
        let swap = [rebind("search", &["e"]), rebind("export", &["/"])];
        let (kept, conflicts) = settle(&swap);
        assert_eq!(kept.len(), 2);
        assert!(conflicts.is_empty(), "{conflicts:?}");

        let clash = [rebind("search", &["x"]), rebind("export", &["x"])];
        let (kept, conflicts) = settle(&clash);
        assert_eq!(kept, [clash[0].clone()]);
        assert_eq!(conflicts.len(), 1);
        assert_eq!((conflicts[0].refused, conflicts[0].holder), (1, "search"));
        assert!(conflicts[0].holder_rebound);

        // A key another action has by default.
        let (kept, conflicts) = settle(&[rebind("help", &["q"])]);
        assert!(kept.is_empty());
        assert_eq!(
            (conflicts[0].holder, conflicts[0].holder_rebound),
            ("quit", false)
        );
        // Ctrl-C quits anywhere.
        let (_, conflicts) = settle(&[rebind("search", &["Ctrl-c"])]);
        assert_eq!(conflicts[0].holder, "quit");
    }

    #[test]
    fn the_table_has_the_new_keys_and_only_for_browsing() {
        let table = table(&[rebind("quit", &["x"])]);
        let quit: Vec<_> = table.iter().filter(|b| b.action == Action::Quit).collect();
        let browse = quit.iter().find(|b| b.context == Context::Browse).unwrap();
        assert_eq!(browse.keys, [Chord::parse("x").unwrap()]);
        let help = quit.iter().find(|b| b.context == Context::Help).unwrap();
        assert_eq!(help.keys, [Chord::parse("q").unwrap()]);
    }
}
