//! The settings file through the real binary: a good file applied (and shown by `config` with
//! where each setting came from), an unknown key, a bad colour, a key conflict and an unreadable
//! file each reported at FILE:LINE:COL with the rest still applied, the environment over the
//! file, `config --init` refusing to write over a file, and a rebound key working in the app.

mod common;
mod tui_support;

use std::path::{Path, PathBuf};

use ali_timeline::config::{self, Origin, ThemeChoice};
use ali_timeline::tui::theme::Palette;
use assert_cmd::Command;
use tui_support::pty::Session;

/// A folder to serve as `XDG_CONFIG_HOME`, and the settings file's path in it.
fn home() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ali-timeline").join("config.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    (dir, path)
}

/// The binary with `XDG_CONFIG_HOME` at `dir`, the environment otherwise clean.
fn bin_in(dir: &Path) -> Command {
    let mut cmd = common::bin();
    cmd.env("XDG_CONFIG_HOME", dir)
        .env_remove("NO_COLOR")
        .env_remove("ALI_TIMELINE_CACHE")
        .env("ALI_TIMELINE_CACHE_DIR", dir.join("cache"));
    cmd
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The line of `config`'s output for `setting`.
fn shown<'a>(config: &'a str, setting: &str) -> &'a str {
    config
        .lines()
        .find(|l| l.starts_with(&format!("{setting} ")))
        .unwrap_or_else(|| panic!("no {setting} in:\n{config}"))
}

#[test]
fn a_good_file_is_applied_and_config_says_where_each_setting_came_from() {
    let (dir, path) = home();
    let store = common::fixture("query-small.ron");
    std::fs::write(
        &path,
        format!(
            "theme = \"light\"\nstore = \"{}\"\ncache = false\n\n[keys]\nsearch = \"s\"\nquit = [\"x\", \"Ctrl-q\"]\n",
            store.display()
        ),
    )
    .unwrap();
    let (code, out, err) = run(bin_in(dir.path()).arg("config"));
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    assert!(
        out.starts_with(&format!("settings file: {} (read)", path.display())),
        "{out}"
    );
    assert!(shown(&out, "theme").contains("light") && shown(&out, "theme").contains("line 1"));
    assert!(shown(&out, "store").contains("query-small.ron"), "{out}");
    assert!(shown(&out, "cache").contains("off") && shown(&out, "cache").contains("line 3"));
    assert!(
        shown(&out, "keys").contains("search = s, quit = x Ctrl-Q"),
        "{out}"
    );
    assert!(shown(&out, "colour").contains("(default)"), "{out}");

    // The store named in the file is the one commands read; --data still wins.
    let from_file = run(bin_in(dir.path()).arg("list")).1;
    let given = run(common::bin().arg("--data").arg(&store).arg("list")).1;
    assert_eq!(from_file, given);
    let bundled = run(bin_in(dir.path()).args(["--data", "-"]).arg("validate"));
    assert_eq!(bundled.0, 1, "--data is used over the file's store");
    // cache = false: nothing is written to the cache folder.
    assert!(!dir.path().join("cache").exists());
}

#[test]
fn the_environment_overrides_the_file() {
    let (dir, path) = home();
    std::fs::write(&path, "cache = false\n").unwrap();
    let (_, out, _) = run(bin_in(dir.path())
        .arg("config")
        .env("ALI_TIMELINE_CACHE", "on")
        .env("NO_COLOR", "1"));
    assert!(
        shown(&out, "cache").contains("on")
            && shown(&out, "cache").contains("ALI_TIMELINE_CACHE=on")
    );
    assert!(shown(&out, "colour").contains("off") && shown(&out, "colour").contains("NO_COLOR"));
}

#[test]
fn an_unknown_key_is_located_with_a_did_you_mean_and_the_rest_applies() {
    let (dir, path) = home();
    std::fs::write(
        &path,
        "cache = false\nthme = \"light\"\n[keys]\nserch = \"s\"\n",
    )
    .unwrap();
    let (code, out, err) = run(bin_in(dir.path()).arg("config"));
    assert_eq!(code, 0);
    let file = path.display();
    assert!(
        err.contains(&format!(
            "{file}:2:1: warning: unknown setting `thme` (did you mean `theme`?)"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{file}:4:1: warning: unknown action `serch` (did you mean `search`?)"
        )),
        "{err}"
    );
    assert!(shown(&out, "theme").contains("dark") && shown(&out, "theme").contains("(default)"));
    assert!(shown(&out, "keys").contains("defaults"));
    assert!(
        shown(&out, "cache").contains("off"),
        "the good line still counts"
    );
    // Every command warns the same way, and still works.
    let (code, _, err) = run(bin_in(dir.path()).arg("validate"));
    assert_eq!(code, 0);
    assert!(err.contains("unknown setting `thme`"), "{err}");
}

#[test]
fn bad_colours_are_located_and_replaced_by_the_defaults() {
    let (dir, path) = home();
    std::fs::write(
        &path,
        "[theme]\nbase = \"light\"\nred = \"#ffeeee\"\nblue = \"navy\"\ngreen = \"#004d00\"\n",
    )
    .unwrap();
    let (_, _, err) = run(bin_in(dir.path()).arg("config"));
    let file = path.display();
    assert!(
        err.contains(&format!(
            "{file}:3:7: warning: `red` #ffeeee has a contrast of 1.1:1"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{file}:4:8: warning: `blue` must be a colour written \"#rrggbb\""
        )),
        "{err}"
    );
    let settings = config::load_from(Some(path), false, None);
    let ThemeChoice::Custom { palette, .. } = settings.theme.value else {
        panic!("{:?}", settings.theme)
    };
    assert_eq!(palette.red, Palette::LIGHT.red);
    assert_eq!(palette.blue, Palette::LIGHT.blue);
    assert_eq!(palette.green, ratatui::style::Color::Rgb(0, 0x4d, 0));
}

#[test]
fn a_key_conflict_names_both_and_the_later_keeps_its_defaults() {
    let (dir, path) = home();
    std::fs::write(
        &path,
        "[keys]\nsearch = \"x\"\nexport = \"x\"\nhelp = \"q\"\n",
    )
    .unwrap();
    let (_, out, err) = run(bin_in(dir.path()).arg("config"));
    let file = path.display();
    assert!(
        err.contains(&format!("{file}:3:1: warning: `keys.export` gives `x`, which is already the key of `keys.search`")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{file}:4:1: warning: `keys.help` gives `q`, which is already the key of `quit` by default")),
        "{err}"
    );
    assert!(shown(&out, "keys").contains("search = x") && !shown(&out, "keys").contains("export"));
}

#[test]
fn an_unreadable_file_is_a_warning_and_every_default() {
    let (dir, path) = home();
    // A folder where the file should be (unreadable whoever runs the test, root included).
    std::fs::create_dir(&path).unwrap();
    let (code, out, err) = run(bin_in(dir.path()).arg("config"));
    assert_eq!(code, 0);
    assert!(
        err.contains(&format!(
            "{}:1:1: warning: the settings file is not a regular file",
            path.display()
        )),
        "{err}"
    );
    assert!(out.contains("unreadable"), "{out}");
    std::fs::remove_dir(&path).unwrap();
    // Not UTF-8, and not TOML.
    std::fs::write(&path, b"theme = \"\xff\"\n").unwrap();
    let (_, _, err) = run(bin_in(dir.path()).arg("list"));
    assert!(err.contains("not UTF-8"), "{err}");
    std::fs::write(&path, "theme = [\n").unwrap();
    let (code, _, err) = run(bin_in(dir.path()).arg("validate"));
    assert_eq!(code, 0);
    assert!(
        err.contains(":1:") && err.contains("not valid TOML"),
        "{err}"
    );
}

#[test]
fn init_writes_a_commented_file_once_and_never_over_one() {
    let (dir, path) = home();
    let (code, _, err) = run(bin_in(dir.path()).args(["config", "--init"]));
    assert_eq!(code, 0, "{err}");
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        written.lines().all(|l| l.is_empty() || l.starts_with('#')),
        "{written}"
    );
    // As written, it changes nothing and warns of nothing.
    let settings = config::load_from(Some(path.clone()), false, None);
    assert!(settings.warnings.is_empty());
    assert_eq!(settings.theme.from, Origin::Default);

    std::fs::write(&path, "theme = \"light\"\n").unwrap();
    let (code, _, err) = run(bin_in(dir.path()).args(["config", "--init"]));
    assert_eq!(code, 1);
    assert!(err.contains("already exists and was kept"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "theme = \"light\"\n"
    );
}

#[test]
fn a_rebound_key_works_in_the_app_and_the_help_shows_it() -> tui_support::pty::Result {
    let (dir, path) = home();
    std::fs::write(&path, "[keys]\nquit = \"x\"\n").unwrap();
    let fixture = common::fixture("tui-mini.ron");
    let mut command = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_ali-timeline"));
    command.args(["--data", fixture.to_str().unwrap()]);
    command.env("XDG_CONFIG_HOME", dir.path());
    command.env("ALI_TIMELINE_CACHE", "off");
    let mut app = Session::spawn(command, 100, 60)?;
    app.wait_for_text("1/13")?;
    app.send("?")?; // a tall terminal, so the Browsing keys fit on the first page
    // The help lists the key from the file against `quit`.
    app.wait_for_all(&["Keys (Esc closes)", "x              quit"], &[])?;
    app.send("\x1b")?;
    app.wait_for_all(&["1/13"], &["Keys (Esc closes)"])?;
    app.send("x")?;
    assert_eq!(app.finish()?, 0);
    Ok(())
}
