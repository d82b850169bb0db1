//! The layers point one way: `diagnostic` and `store` → `timeline` → `org`, `query` → `export` →
//! `tui`, `cli`. Every source file is read, and each `crate::…` path it names (in `use` lines,
//! code and doc links alike, `use crate::{a, b}` groups included) is checked against the layers
//! its own layer may not reach.

use std::fs;
use std::path::{Path, PathBuf};

/// The layers a file under each prefix of `src/` must not name, most specific prefix first.
const FORBIDDEN: &[(&str, &[&str])] = &[
    (
        "diagnostic.rs",
        &["store", "timeline", "org", "query", "export", "tui", "cli"],
    ),
    (
        "store",
        &["timeline", "org", "query", "export", "tui", "cli"],
    ),
    ("timeline", &["org", "query", "export", "tui", "cli"]),
    ("org", &["export", "tui", "cli"]),
    ("query", &["export", "tui", "cli"]),
    ("export", &["tui", "cli"]),
];

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("source directory is readable") {
            let path = entry.expect("directory entry is readable").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The top-level modules named by `crate::…` paths in `text`, with the line of each: `crate::org`
/// gives `org`; `crate::{org::chart, store::{a, b}}` (over any number of lines) gives `org` and
/// `store`; `crate::Timeline` gives `Timeline` (see [`root_alias`]).
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let line_of = |at: usize| text[..at].matches('\n').count() + 1;
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = text[from..].find("crate::") {
        let at = from + offset;
        from = at + "crate::".len();
        // A preceding identifier character means another name ending in `crate` (`my_crate::`).
        if text[..at]
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            continue;
        }
        let rest = &text[from..];
        let Some(group) = rest.strip_prefix('{') else {
            found.push((line_of(at), leading_ident(rest)));
            continue;
        };
        // The top-level items of the group: after the `{` and after each comma at depth 0.
        let mut depth = 0;
        let mut item_start = Some(0);
        for (i, c) in group.char_indices() {
            if let Some(start) = item_start.take() {
                let item = group[start..].trim_start();
                let skipped = group.len() - start - item.len();
                found.push((line_of(from + 1 + start + skipped), leading_ident(item)));
            }
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => item_start = Some(i + 1),
                _ => {}
            }
        }
    }
    found.retain(|(_, name)| !name.is_empty());
    found
}

fn leading_ident(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// The layer a name at the crate root stands for: the re-exports in `src/lib.rs`.
fn root_alias(name: &str) -> &str {
    match name {
        "Timeline" => "timeline",
        "Error" | "Result" => "error",
        other => other,
    }
}

/// The rule for a file at `relative` (a path under `src/`, with `/`), if any.
fn rule_for(relative: &str) -> Option<&'static [&'static str]> {
    FORBIDDEN.iter().find_map(|(prefix, forbidden)| {
        let matches = relative == *prefix
            || relative == format!("{prefix}.rs")
            || relative.starts_with(&format!("{prefix}/"));
        matches.then_some(*forbidden)
    })
}

#[test]
fn every_layer_names_only_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut violations = Vec::new();
    let mut checked = 0;
    for file in rust_files(&src) {
        let relative = file
            .strip_prefix(&src)
            .expect("file is under src")
            .to_string_lossy()
            .replace('\\', "/");
        let Some(forbidden) = rule_for(&relative) else {
            continue;
        };
        checked += 1;
        let text = fs::read_to_string(&file).expect("source file is readable");
        for (line, name) in crate_paths(&text) {
            let layer = root_alias(&name);
            if forbidden.contains(&layer) {
                violations.push(format!("src/{relative}:{line} names crate::{name}"));
            }
        }
    }
    assert!(
        checked > 20,
        "the source tree was not found ({checked} files)"
    );
    assert!(
        violations.is_empty(),
        "layering violations:\n{}",
        violations.join("\n")
    );
}

#[test]
fn the_scanner_sees_grouped_nested_and_doc_link_paths() {
    let text = "use crate::{org::chart, store::{model::Store, date},\n    query,\n};\n\
                /// See [`crate::tui::App`] and [`crate::Timeline`].\n\
                fn f() { crate::cli::main(); my_crate::export(); }\n";
    let found = crate_paths(text);
    let names: Vec<&str> = found.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["org", "store", "query", "tui", "Timeline", "cli"]);
    let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [1, 1, 2, 4, 4, 5]);
    assert_eq!(rule_for("store/validate.rs"), rule_for("store.rs"));
    assert_eq!(
        rule_for("diagnostic.rs"),
        Some(&["store", "timeline", "org", "query", "export", "tui", "cli"][..])
    );
    assert_eq!(rule_for("tui/app.rs"), None);
}
