//! Reading the settings file: TOML walked with the position of every key and value, so that each
//! problem is reported at its `FILE:LINE:COL` and only that setting falls back to its default.

mod theme;

use std::ops::Range;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::keys::{self, Rebinding};
use super::{FileState, Origin, Setting, Settings};
use crate::diagnostic::{Diagnostic, Position, Severity};
use crate::store::load::did_you_mean;
use crate::tui::keymap::Chord;

/// The settings a file may hold.
const SETTINGS: [&str; 4] = ["theme", "store", "cache", "keys"];

/// The largest settings file read (64 KiB): anything bigger is not a settings file.
const MAX_BYTES: u64 = 64 * 1024;

/// A file being read: its text, and the warnings found so far.
struct Reader<'a> {
    path: &'a Path,
    text: &'a str,
    warnings: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn position(&self, span: &Range<usize>) -> Position {
        let before = self.text.get(..span.start).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Position { line, col }
    }

    fn warn(&mut self, span: &Range<usize>, message: String) {
        let position = self.position(span);
        self.warnings.push(Diagnostic {
            file: self.path.display().to_string(),
            position,
            severity: Severity::Warning,
            message,
        });
    }

    fn origin(&self, span: &Range<usize>) -> Origin {
        Origin::File(self.position(span))
    }
}

/// Reads the file at `path` into `settings`, adding a warning for each problem.
pub(super) fn read(path: &Path, settings: &mut Settings) {
    let text = match read_text(path) {
        Ok(Some(text)) => text,
        Ok(None) => return,
        Err(why) => {
            settings.warnings.push(Diagnostic {
                file: path.display().to_string(),
                position: Position { line: 1, col: 1 },
                severity: Severity::Warning,
                message: format!("{why}; using the default settings"),
            });
            settings.file = FileState::Unreadable(why);
            return;
        }
    };
    settings.file = FileState::Read;
    let mut reader = Reader {
        path,
        text: &text,
        warnings: Vec::new(),
    };
    match DeTable::parse(&text) {
        Ok(table) => walk(&mut reader, table.get_ref(), settings),
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim().to_string();
            reader.warn(
                &span,
                format!("not valid TOML: {message}; using the default settings"),
            );
        }
    }
    reader.warnings.sort_by_key(|w| w.position);
    settings.warnings.extend(reader.warnings);
}

/// The file's text; `None` when there is no file.
fn read_text(path: &Path) -> Result<Option<String>, String> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        // No file, or no folder for it (a file where the folder should be): no settings.
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(None);
        }
        Err(e) => return Err(format!("cannot read the settings file: {e}")),
    };
    if !meta.is_file() {
        return Err("the settings file is not a regular file".into());
    }
    if meta.len() > MAX_BYTES {
        return Err(format!(
            "the settings file is {} bytes, over the {MAX_BYTES}-byte limit",
            meta.len()
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read the settings file: {e}"))?;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| "the settings file is not UTF-8 text".into())
}

/// The entries of `table` in the order the file writes them.
fn in_file_order<'t, 'i>(
    table: &'t DeTable<'i>,
) -> Vec<(
    &'t Spanned<toml::de::DeString<'i>>,
    &'t Spanned<DeValue<'i>>,
)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

fn walk(reader: &mut Reader<'_>, table: &DeTable<'_>, settings: &mut Settings) {
    for (key, value) in in_file_order(table) {
        let (name, span) = (key.get_ref().as_ref(), key.span());
        match name {
            "theme" => {
                if let Some(theme) = theme::theme(reader, value) {
                    settings.theme = Setting {
                        value: theme,
                        from: reader.origin(&span),
                    };
                }
            }
            "store" => match value.get_ref() {
                DeValue::String(s) if !s.trim().is_empty() => {
                    settings.store = Setting {
                        value: Some(super::resolve_path(s, reader.path)),
                        from: reader.origin(&span),
                    };
                }
                _ => reader.warn(
                    &value.span(),
                    "`store` must be a path in quotes (\"~/timeline.ron\"); using the bundled store"
                        .into(),
                ),
            },
            "cache" => match value.get_ref() {
                DeValue::Boolean(on) => {
                    settings.cache = Setting {
                        value: *on,
                        from: reader.origin(&span),
                    };
                }
                _ => reader.warn(
                    &value.span(),
                    "`cache` must be true or false (no quotes); using the default (true)".into(),
                ),
            },
            "keys" => {
                let rebindings = rebindings(reader, value);
                let (settled, conflicts) = keys::settle(&rebindings);
                for conflict in conflicts {
                    let refused = &rebindings[conflict.refused];
                    let (key, holder) = (conflict.key.name(), conflict.holder);
                    let whose = if conflict.holder_rebound {
                        format!("`keys.{holder}`, set above")
                    } else {
                        format!("`{holder}` by default")
                    };
                    let span = key_span(value, &refused.name);
                    reader.warn(
                        &span,
                        format!(
                            "`keys.{}` gives `{key}`, which is already the key of {whose}; `{}` keeps its default keys",
                            refused.name, refused.name
                        ),
                    );
                }
                if !settled.is_empty() {
                    settings.keys = Setting {
                        value: settled,
                        from: reader.origin(&span),
                    };
                }
            }
            other => {
                let hint = did_you_mean(other, &SETTINGS);
                reader.warn(
                    &span,
                    format!(
                        "unknown setting `{other}`{hint}; the settings are {}",
                        SETTINGS.join(", ")
                    ),
                );
            }
        }
    }
}

/// The span of `name` in the table `value`, or the table's own.
fn key_span(value: &Spanned<DeValue<'_>>, name: &str) -> Range<usize> {
    match value.get_ref() {
        DeValue::Table(table) => table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == name)
            .map_or_else(|| value.span(), |(k, _)| k.span()),
        _ => value.span(),
    }
}

/// The `[keys]` table: each action's new keys, or a warning and the action's defaults.
fn rebindings(reader: &mut Reader<'_>, value: &Spanned<DeValue<'_>>) -> Vec<Rebinding> {
    let DeValue::Table(table) = value.get_ref() else {
        reader.warn(
            &value.span(),
            "`keys` must be a table: [keys] then lines such as search = \"/\"".into(),
        );
        return Vec::new();
    };
    let names: Vec<&str> = keys::ACTIONS.iter().map(|(n, _)| *n).collect();
    let mut found = Vec::new();
    for (key, value) in in_file_order(table) {
        let (name, span) = (key.get_ref().as_ref(), key.span());
        let Some(action) = keys::action_named(name) else {
            let hint = did_you_mean(name, &names);
            reader.warn(
                &span,
                format!(
                    "unknown action `{name}`{hint}; the actions are {}",
                    names.join(", ")
                ),
            );
            continue;
        };
        let written: Vec<(String, Range<usize>)> = match value.get_ref() {
            DeValue::String(s) => vec![(s.to_string(), value.span())],
            DeValue::Array(items) => items
                .iter()
                .map(|item| match item.get_ref() {
                    DeValue::String(s) => (s.to_string(), item.span()),
                    _ => (String::new(), item.span()),
                })
                .collect(),
            _ => vec![(String::new(), value.span())],
        };
        let parsed: Option<Vec<Chord>> = written
            .iter()
            .map(|(text, span)| {
                let key = Chord::parse(text);
                if key.is_none() {
                    reader.warn(
                        span,
                        format!("`{text}` is not a key; write a character, Ctrl-x, Alt-x, Space, Enter, Esc, Tab, Up, Down, PgUp, PgDn, Home, End or F1-F12; `{name}` keeps its default keys"),
                    );
                }
                key
            })
            .collect();
        match parsed {
            Some(keys) if !keys.is_empty() => found.push(Rebinding {
                name: name.to_string(),
                action,
                keys,
            }),
            Some(_) => reader.warn(
                &value.span(),
                format!("`{name}` needs at least one key; it keeps its default keys"),
            ),
            None => {}
        }
    }
    found
}
