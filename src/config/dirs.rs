//! Where the program keeps the user's files: the config folder (settings, saved queries) and the
//! state folder (search history), each `ali-timeline/` under the platform's usual place.
//!
//! | | config | state |
//! |---|---|---|
//! | Linux, other Unix | `$XDG_CONFIG_HOME`, else `~/.config` | `$XDG_STATE_HOME`, else `~/.local/state` |
//! | macOS | `$XDG_CONFIG_HOME`, else `~/Library/Application Support` | `$XDG_STATE_HOME`, else `~/Library/Application Support` |
//! | Windows | `$XDG_CONFIG_HOME`, else `%APPDATA%` | `$XDG_STATE_HOME`, else `%LOCALAPPDATA%` |
//!
//! Only absolute paths count: an empty or relative variable (or `HOME`) is ignored, as the XDG
//! base directory specification asks.

use std::ffi::OsString;
use std::path::PathBuf;

/// The folder under the base folders.
const APP: &str = "ali-timeline";

/// The config folder, from the process's environment; `None` when no place is known.
#[must_use]
pub fn config_dir() -> Option<PathBuf> {
    config_dir_in(&|name| std::env::var_os(name))
}

/// The state folder, from the process's environment; `None` when no place is known.
#[must_use]
pub fn state_dir() -> Option<PathBuf> {
    state_dir_in(&|name| std::env::var_os(name))
}

/// The config folder in the environment `env` gives.
#[must_use]
pub fn config_dir_in(env: &dyn Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    base_dir(env, "XDG_CONFIG_HOME", "APPDATA", ".config")
}

/// The state folder in the environment `env` gives.
#[must_use]
pub fn state_dir_in(env: &dyn Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    base_dir(env, "XDG_STATE_HOME", "LOCALAPPDATA", ".local/state")
}

/// `ali-timeline` under `$xdg`, else the platform's place (`windows` on Windows, the
/// application support folder on macOS, `~/unix` elsewhere).
fn base_dir(
    env: &dyn Fn(&str) -> Option<OsString>,
    xdg: &str,
    windows: &str,
    unix: &str,
) -> Option<PathBuf> {
    let var = |name: &str| {
        env(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    let home = || var("HOME");
    let dir = var(xdg).or_else(|| {
        if cfg!(windows) {
            var(windows)
        } else if cfg!(target_os = "macos") {
            home().map(|h| h.join("Library/Application Support"))
        } else {
            home().map(|h| h.join(unix))
        }
    })?;
    Some(dir.join(APP))
}

#[cfg(all(test, unix, not(target_os = "macos")))]
mod tests {
    use super::*;

    fn env(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<OsString> {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn xdg_folders_come_first_then_the_home_defaults() {
        let set = env(&[
            ("HOME", "/home/u"),
            ("XDG_CONFIG_HOME", "/c"),
            ("XDG_STATE_HOME", "/s"),
        ]);
        assert_eq!(config_dir_in(&set), Some("/c/ali-timeline".into()));
        assert_eq!(state_dir_in(&set), Some("/s/ali-timeline".into()));
        let home = env(&[("HOME", "/home/u"), ("XDG_STATE_HOME", "relative")]);
        assert_eq!(
            config_dir_in(&home),
            Some("/home/u/.config/ali-timeline".into())
        );
        assert_eq!(
            state_dir_in(&home),
            Some("/home/u/.local/state/ali-timeline".into())
        );
        assert_eq!(state_dir_in(&env(&[("HOME", "")])), None);
    }
}
