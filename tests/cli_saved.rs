//! Saved queries on the command line: `saved` lists them, `saved add NAME QUERY` (the query
//! checked first) and `saved rm NAME` change them, `--saved NAME` works on `list`, `search` and
//! `export` (an unknown name gets a did-you-mean), a damaged file is one located line and is
//! never written over, an unwritable config folder is one clear line and loses nothing, and the
//! completions and the manual know the subcommand. Each test has its own `XDG_CONFIG_HOME`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::{bin, fixture};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// `ali-timeline --data tui-mini.ron` with its config folder under `config_home`.
fn with(config_home: &Path) -> Command {
    let mut cmd = bin();
    cmd.env("XDG_CONFIG_HOME", config_home)
        .arg("--data")
        .arg(fixture("tui-mini.ron"));
    cmd
}

fn file_in(config_home: &Path) -> PathBuf {
    config_home.join("ali-timeline").join("queries.toml")
}

/// stdout and stderr of a run that ends with `code`.
fn run(cmd: &mut Command, args: &[&str], code: i32) -> (String, String) {
    let out = cmd.args(args).assert().code(code).get_output().clone();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn saved_lists_what_add_saves_and_rm_removes() -> Result {
    let home = tempfile::tempdir()?;
    let (out, err) = run(&mut with(home.path()), &["saved"], 0);
    assert_eq!(out, "");
    assert!(err.contains("no saved queries"), "{err}");
    assert!(
        !home.path().join("ali-timeline").exists(),
        "listing writes nothing"
    );

    run(
        &mut with(home.path()),
        &["saved", "add", "acq", "kind:acq"],
        0,
    );
    let (_, err) = run(
        &mut with(home.path()),
        &["saved", "add", "gao years", "person:gao @2015..2016"],
        0,
    );
    assert!(err.contains("saved `gao years`"), "{err}");
    let (out, _) = run(&mut with(home.path()), &["saved"], 0);
    assert_eq!(
        out,
        "acq        kind:acq\ngao years  person:gao @2015..2016\n"
    );
    let text = fs::read_to_string(file_in(home.path()))?;
    assert!(
        text.contains("\"gao years\" = \"person:gao @2015..2016\""),
        "{text}"
    );

    let (_, err) = run(&mut with(home.path()), &["saved", "rm", "acq"], 0);
    assert!(err.contains("removed `acq` (kind:acq)"), "{err}");
    let (out, _) = run(&mut with(home.path()), &["saved"], 0);
    assert_eq!(out, "gao years  person:gao @2015..2016\n");
    let (_, err) = run(&mut with(home.path()), &["saved", "rm", "gao yeras"], 1);
    assert!(err.contains("did you mean `gao years`?"), "{err}");
    Ok(())
}

#[test]
fn add_checks_the_query_and_the_name_and_keeps_a_saved_one() -> Result {
    let home = tempfile::tempdir()?;
    let (_, err) = run(
        &mut with(home.path()),
        &["saved", "add", "x", "kind:foo"],
        1,
    );
    assert!(
        err.contains("unknown kind `foo`") && err.contains('^'),
        "{err}"
    );
    assert!(
        !file_in(home.path()).exists(),
        "nothing written for a bad query"
    );
    let (_, err) = run(&mut with(home.path()), &["saved", "add", " x", "gao"], 1);
    assert!(err.contains("starts or ends with a space"), "{err}");

    run(&mut with(home.path()), &["saved", "add", "x", "gao"], 0);
    let before = fs::read(file_in(home.path()))?;
    let (_, err) = run(&mut with(home.path()), &["saved", "add", "x", "xiami"], 1);
    assert!(
        err.contains("saved already and was kept") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(fs::read(file_in(home.path()))?, before);
    run(
        &mut with(home.path()),
        &["saved", "add", "x", "xiami", "--force"],
        0,
    );
    let (out, _) = run(&mut with(home.path()), &["saved"], 0);
    assert_eq!(out, "x  xiami\n");
    Ok(())
}

#[test]
fn saved_names_work_on_list_search_and_export() -> Result {
    let home = tempfile::tempdir()?;
    let query = "kind:acq @2013..2014";
    run(
        &mut with(home.path()),
        &["saved", "add", "early-deals", query],
        0,
    );
    for (by_name, by_query) in [
        (vec!["list", "--saved", "early-deals"], vec!["list", query]),
        (
            vec!["search", "--saved", "early-deals"],
            vec!["search", query],
        ),
        (
            vec!["export", "-f", "json", "--saved", "early-deals"],
            vec!["export", "-f", "json", "-q", query],
        ),
    ] {
        let (named, _) = run(&mut with(home.path()), &by_name, 0);
        let (direct, _) = run(&mut with(home.path()), &by_query, 0);
        assert!(!named.is_empty());
        assert_eq!(named, direct, "{by_name:?}");
    }
    let (listed, _) = run(
        &mut with(home.path()),
        &["list", "--saved", "early-deals"],
        0,
    );
    assert!(listed.contains("Alibaba acquires Xiami"), "{listed}");

    let (_, err) = run(
        &mut with(home.path()),
        &["list", "--saved", "early-deal"],
        1,
    );
    assert!(err.contains("no saved query named `early-deal`"), "{err}");
    assert!(err.contains("did you mean `early-deals`?"), "{err}");
    run(
        &mut with(home.path()),
        &["list", "gao", "--saved", "early-deals"],
        2,
    );
    Ok(())
}

#[test]
fn a_damaged_file_is_one_located_line_and_is_never_written_over() -> Result {
    let home = tempfile::tempdir()?;
    let path = file_in(home.path());
    fs::create_dir_all(path.parent().ok_or("a folder")?)?;
    let text = "[queries]\ngood = \"xiami\"\nbad = \"gao @20x\"\n";
    fs::write(&path, text)?;
    let located = format!("{}:3:", path.display());

    let (out, err) = run(&mut with(home.path()), &["saved"], 1);
    assert_eq!(out, "good  xiami\n", "what could be read is listed");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&located) && err.contains("fix it"), "{err}");

    for args in [
        &["saved", "add", "new", "gao"][..],
        &["saved", "rm", "good"],
    ] {
        let (_, err) = run(&mut with(home.path()), args, 1);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(&located), "{err}");
        assert_eq!(fs::read_to_string(&path)?, text, "the file is untouched");
    }
    let (out, err) = run(&mut with(home.path()), &["list", "--saved", "good"], 0);
    assert!(out.contains("Xiami"), "{out}");
    assert_eq!(err.lines().count(), 1, "the problem is said once: {err}");

    fs::write(&path, "[queries\n")?;
    let (_, err) = run(&mut with(home.path()), &["list", "--saved", "good"], 1);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&format!("{}:1:", path.display())), "{err}");
    assert!(err.contains("not valid TOML"), "{err}");
    Ok(())
}

#[test]
fn an_unwritable_config_folder_is_one_clear_line_and_nothing_is_lost() -> Result {
    let scratch = tempfile::tempdir()?;
    // A file where the config folder should be: no folder can be made under it (even by root).
    let blocked = scratch.path().join("not-a-folder");
    fs::write(&blocked, "mine")?;
    let (_, err) = run(&mut with(&blocked), &["saved", "add", "x", "gao"], 1);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("cannot create the folder for saved queries"),
        "{err}"
    );
    assert!(err.contains("nothing was saved"), "{err}");
    assert_eq!(fs::read_to_string(&blocked)?, "mine");

    // A folder that cannot be written to, holding a file: the file is kept as it was.
    let home = scratch.path().join("home");
    run(&mut with(&home), &["saved", "add", "kept", "xiami"], 0);
    let folder = home.join("ali-timeline");
    let before = fs::read(file_in(&home))?;
    if lock(&folder) {
        let (_, err) = run(&mut with(&home), &["saved", "add", "x", "gao"], 1);
        unlock(&folder);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("nothing was saved"), "{err}");
    } else {
        eprintln!("skipped the read-only folder: it can be written to here (root)");
    }
    assert_eq!(fs::read(file_in(&home))?, before);
    let (out, _) = run(&mut with(&home), &["saved"], 0);
    assert_eq!(out, "kept  xiami\n");
    Ok(())
}

/// Makes `folder` read-only; whether writing into it now fails.
fn lock(folder: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    if fs::set_permissions(folder, fs::Permissions::from_mode(0o555)).is_err() {
        return false;
    }
    let probe = folder.join(".probe");
    if fs::write(&probe, "x").is_ok() {
        let _ = fs::remove_file(&probe);
        unlock(folder);
        return false;
    }
    true
}

fn unlock(folder: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = fs::set_permissions(folder, fs::Permissions::from_mode(0o755));
}

#[test]
fn completions_and_the_manual_know_saved() -> Result {
    let (bash, _) = run(&mut bin(), &["completions", "bash"], 0);
    assert!(
        bash.contains("saved") && bash.contains("--saved"),
        "bash completes saved"
    );
    let (page, _) = run(&mut bin(), &["man"], 0);
    assert!(page.contains(".TH ali-timeline-saved 1"));
    assert!(page.contains("queries.toml"));
    Ok(())
}
