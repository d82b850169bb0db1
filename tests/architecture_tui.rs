//! The terminal app's layers point one way: the update (`src/tui/update.rs` and
//! `src/tui/update/`) never calls into the views (`src/tui/view.rs` and `src/tui/view/`), and
//! neither does anything else under `src/tui/` that the update can reach (the state, what is
//! worked out from it, the detail and help text, the theme, the layout). Only the views and the
//! run loop (`src/tui.rs`) draw.

use std::fs;
use std::path::{Path, PathBuf};

/// The Rust files under `dir`, recursively, in a stable order.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

/// Whether `name` occurs in `code` as a whole identifier.
fn names(code: &str, name: &str) -> bool {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices(name).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + name.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

/// The lines of `source` that reach into the views: any mention of `view::` or
/// `crate::tui::view` (comments included), or the name `view` in code (a grouped import such as
/// `use crate::tui::{view, app}` or `use super::view`).
fn view_mentions(source: &str) -> Vec<(usize, String)> {
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| {
            let code = line.split("//").next().unwrap_or("");
            line.contains("view::") || line.contains("crate::tui::view") || names(code, "view")
        })
        .map(|(i, line)| (i + 1, line.trim().to_string()))
        .collect()
}

/// Fails naming every file and line in `files` that reaches into the views.
fn assert_no_view(files: &[PathBuf], rule: &str) {
    assert!(!files.is_empty(), "no files found for: {rule}");
    let mut found = Vec::new();
    for file in files {
        let source = fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for (line, text) in view_mentions(&source) {
            found.push(format!("{}:{line}: {text}", file.display()));
        }
    }
    assert!(found.is_empty(), "{rule}:\n{}", found.join("\n"));
}

fn tui_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui")
}

#[test]
fn the_update_never_calls_into_the_views() {
    let dir = tui_dir();
    let mut files = vec![dir.join("update.rs")];
    files.extend(rust_files(&dir.join("update")));
    assert_no_view(&files, "the update must not use src/tui/view*");
}

#[test]
fn nothing_below_the_views_calls_into_them() {
    let dir = tui_dir();
    let files: Vec<PathBuf> = rust_files(&dir)
        .into_iter()
        .filter(|f| !f.starts_with(dir.join("view")) && *f != dir.join("view.rs"))
        .collect();
    assert!(
        files.iter().any(|f| f.ends_with("derived.rs")),
        "the state's modules are looked at"
    );
    assert_no_view(
        &files,
        "only the views and the run loop may use src/tui/view*",
    );
}

#[test]
fn the_check_sees_each_way_of_reaching_the_views() {
    for reaching in [
        "use crate::tui::view;",
        "use crate::tui::view::help;",
        "    let n = view::help::lines(app, 10).len();",
        "use crate::tui::{app::App, view};",
        "use super::super::view;",
        "/// Drawn by [`crate::tui::view::render`].",
    ] {
        assert_eq!(view_mentions(reaching).len(), 1, "{reaching}");
    }
    for harmless in [
        "//! What the views read, worked out by the update.",
        "let preview = overview(app); // what the views show",
        "use crate::tui::layout;",
    ] {
        assert_eq!(view_mentions(harmless), Vec::new(), "{harmless}");
    }
}
