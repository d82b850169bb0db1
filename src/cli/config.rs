//! `ali-timeline config [--init]`: where the settings file is, every setting in effect and where
//! it came from; or a commented default file, written only where there is none.

use std::io::Write;
use std::path::Path;

use crate::config::{FileState, Setting, Settings};
use crate::error::Error;
use crate::text::sanitize;

/// Prints the settings file's path and state, then each setting, its value and its origin.
///
/// # Errors
/// A failed write.
pub fn show(settings: &Settings, out: &mut impl Write) -> Result<(), Error> {
    let Some(path) = &settings.path else {
        writeln!(
            out,
            "settings file: none (no HOME or XDG_CONFIG_HOME to find it by)"
        )?;
        return show_settings(settings, out);
    };
    let state = match &settings.file {
        FileState::Missing => "not there; `ali-timeline config --init` writes one".to_string(),
        FileState::Read if settings.warnings.is_empty() => "read".to_string(),
        FileState::Read => format!(
            "read, with {} warning(s) (on stderr)",
            settings.warnings.len()
        ),
        FileState::Unreadable(why) => format!("unreadable: {why}"),
    };
    writeln!(out, "settings file: {} ({state})", shown(path))?;
    show_settings(settings, out)
}

fn show_settings(settings: &Settings, out: &mut impl Write) -> Result<(), Error> {
    let keys = if settings.keys.value.is_empty() {
        "defaults".to_string()
    } else {
        let each: Vec<String> = settings
            .keys
            .value
            .iter()
            .map(|r| {
                let names: Vec<String> = r.keys.iter().map(|k| k.name()).collect();
                format!("{} = {}", r.name, names.join(" "))
            })
            .collect();
        each.join(", ")
    };
    let store = settings
        .store
        .value
        .as_deref()
        .map_or_else(|| "the bundled timeline.ron".to_string(), shown);
    let on_off = |on: bool| if on { "on" } else { "off" }.to_string();
    let rows = [
        ("theme", row(&settings.theme, ToString::to_string)),
        ("colour", row(&settings.colour, |&on| on_off(on))),
        ("keys", (keys, settings.keys.from.to_string())),
        ("store", (store, settings.store.from.to_string())),
        ("cache", row(&settings.cache, |&on| on_off(on))),
    ];
    let width = rows
        .iter()
        .map(|(_, (v, _))| v.chars().count())
        .max()
        .unwrap_or(0);
    for (name, (value, from)) in rows {
        writeln!(out, "{name:<7} {value:<width$}  ({from})")?;
    }
    Ok(())
}

fn row<T>(setting: &Setting<T>, value: impl Fn(&T) -> String) -> (String, String) {
    (value(&setting.value), setting.from.to_string())
}

fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string())
}

/// Writes the commented default file at the settings path, creating its folder; never over
/// anything already there.
///
/// # Errors
/// No known path, something already at it, or the folder or file cannot be written.
pub fn init(settings: &Settings, err: &mut impl Write) -> Result<(), Error> {
    let path = settings.path.as_deref().ok_or_else(|| {
        Error::Usage("no place for a settings file: set HOME or XDG_CONFIG_HOME".into())
    })?;
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(Error::Usage(format!(
            "{}: already exists and was kept; edit it, or move it away and run `ali-timeline config --init` again",
            shown(path)
        )));
    }
    let file_error = |at: &Path, what: &str, e: std::io::Error| Error::File {
        path: at.to_path_buf(),
        message: format!("{what}: {e}"),
        source: Some(e),
    };
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)
            .map_err(|e| file_error(folder, "cannot create the folder", e))?;
    }
    // `create_new` refuses a file that appeared since the check above.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| file_error(path, "cannot create the file", e))?;
    file.write_all(crate::config::TEMPLATE.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| file_error(path, "cannot write the file", e))?;
    writeln!(err, "wrote {}", shown(path))?;
    Ok(())
}
