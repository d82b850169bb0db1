//! `completions` and `man`: the bash script loads in a real bash and completes subcommands and
//! the store's ids; every shell gets a script; the manual is roff (and renders with `man -l`
//! when `man` is installed).

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::bin;

fn has(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

fn stdout_of(args: &[&str]) -> String {
    let out = bin().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// What bash's completion offers for `words`, the last being the word being completed, with
/// the script for `ali-timeline` loaded; and what bash said on stderr.
fn complete(script: &str, words: &[&str]) -> (Vec<String>, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ali-timeline.bash");
    std::fs::write(&path, script).unwrap();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let cword = words.len() - 1;
    let prev = if cword > 0 { words[cword - 1] } else { "" };
    let driver = format!(
        "source '{}' || exit 3\n\
         COMP_WORDS=({})\nCOMP_CWORD={cword}\n\
         COMP_LINE=\"${{COMP_WORDS[*]}}\"\nCOMP_POINT=${{#COMP_LINE}}\n\
         _ali__timeline ali-timeline '{}' '{prev}'\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        path.display(),
        quoted.join(" "),
        words[cword],
    );
    let out = Command::new("bash")
        .arg("--norc")
        .arg("--noprofile")
        .arg("-s")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().unwrap().write_all(driver.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    assert!(out.status.success(), "bash failed: {out:?}");
    let offered = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    (offered, String::from_utf8(out.stderr).unwrap())
}

#[test]
fn the_bash_script_loads_and_completes_subcommands_and_ids() {
    if !has("bash") {
        return; // bash is not installed: nothing to load the script into
    }
    let script = stdout_of(&["completions", "bash"]);
    let (offered, stderr) = complete(&script, &["ali-timeline", "val"]);
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(offered, ["validate"]);
    let (offered, _) = complete(&script, &["ali-timeline", "se"]);
    assert_eq!(offered, ["search"]);
    // The ids of the store's people and units complete after `person`, `unit` and `org --unit`.
    let (offered, _) = complete(&script, &["ali-timeline", "person", "gao"]);
    assert_eq!(offered, ["gao-xiaosong"]);
    let (offered, _) = complete(&script, &["ali-timeline", "unit", "xia"]);
    assert_eq!(offered, ["xiami"]);
    let (offered, _) = complete(&script, &["ali-timeline", "org", "--unit", "ali-m"]);
    assert_eq!(offered, ["ali-music"]);
    let (offered, _) = complete(&script, &["ali-timeline", "completions", "fi"]);
    assert_eq!(offered, ["fish"]);
}

#[test]
fn ids_come_from_the_store_given_with_data() {
    let script = stdout_of(&[
        "--data",
        common::fixture("org-basic.ron").to_str().unwrap(),
        "completions",
        "bash",
    ]);
    let timeline = common::load_fixture("org-basic.ron");
    for p in &timeline.store.people {
        assert!(script.contains(&p.id), "{} missing", p.id);
    }
    for u in &timeline.store.units {
        assert!(script.contains(&u.id), "{} missing", u.id);
    }
    // Not the bundled store's: its people are not in this one.
    assert!(timeline.person("jack-ma").is_none());
    assert!(!script.contains("jack-ma"));
    assert!(stdout_of(&["completions", "bash"]).contains("jack-ma"));
}

#[test]
fn every_shell_gets_a_script_that_names_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(&["completions", shell]);
        for sub in ["validate", "search", "person", "unit", "completions", "man"] {
            assert!(script.contains(sub), "{shell}: no {sub}");
        }
    }
    // zsh lists the ids among the values of `person`, as bash does (tested by running it above).
    assert!(stdout_of(&["completions", "zsh"]).contains("gao-xiaosong"));
    bin().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_manual_is_roff_with_a_page_per_subcommand() {
    let page = stdout_of(&["man"]);
    assert!(page.contains(".TH ali-timeline 1"), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS"] {
        assert!(page.contains(section), "no {section}");
    }
    for sub in ["search", "person", "unit", "export", "completions"] {
        assert!(page.contains(&format!(".TH ali-timeline-{sub} 1")), "{sub}");
    }
    // Every line is a roff request, or text that cannot be taken for one.
    for line in page.lines() {
        assert!(
            !line.starts_with('\'') && (line.starts_with('.') || !line.starts_with(' ')),
            "suspicious roff line: {line:?}"
        );
    }
    assert!(page.contains("74"), "the exit codes are in the manual");
}

#[test]
fn the_manual_renders_with_man() {
    if !has("man") {
        return; // man is not installed: the roff checks above stand alone
    }
    let page = stdout_of(&["man"]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ali-timeline.1");
    std::fs::write(&path, page).unwrap();
    let out = Command::new("man")
        .arg("-l")
        .arg(&path)
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "80")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    assert!(text.contains("SYNOPSIS"), "{text}");
    assert!(text.contains("ali-timeline-person"), "{text}");
}
