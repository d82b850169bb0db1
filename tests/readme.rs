//! The README's examples, run against the real binary so they cannot go stale.
//!
//! - In a ```` ```console ```` block, each `$ ali-timeline …` line is run and what it prints
//!   (stdout, then stderr) must equal the lines below it, up to the next `$` line. A line holding
//!   only `…` stands for any number of lines.
//! - In a ```` ```sh ```` block, each line that starts with `ali-timeline` is run and must succeed;
//!   `> FILE` at its end writes its output there (`~` is the test's home folder).
//!
//! Every command runs in one temporary folder, in README order, with the cache off, colour off and
//! a private config folder, so examples that write files can use them later. After a deliberate
//! change, `README_UPDATE=1 cargo test --test readme` rewrites the console blocks with what the
//! program prints now (read the diff before committing it).

use std::path::Path;
use std::process::Command;

/// A command found in the README, with what it is expected to print.
struct Example {
    /// Index of the `$` line (or the `sh` line) in the README.
    line: usize,
    /// The arguments after `ali-timeline`.
    args: Vec<String>,
    /// The expected output lines, for console examples; `None` for `sh` examples.
    expected: Option<Vec<String>>,
    /// Index one past the last expected line (where the next command or the fence starts).
    end: usize,
}

fn readme_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")
}

/// Every example in the README, in order.
fn examples(lines: &[&str]) -> Vec<Example> {
    let mut found = Vec::new();
    let mut block: Option<&str> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some(lang) = line.strip_prefix("```") {
            block = if block.is_some() {
                None
            } else {
                Some(lang.trim())
            };
            i += 1;
            continue;
        }
        match block {
            Some("console") if line.starts_with("$ ali-timeline") => {
                let mut end = i + 1;
                while end < lines.len()
                    && !lines[end].starts_with('$')
                    && !lines[end].starts_with("```")
                {
                    end += 1;
                }
                let expected: Vec<String> =
                    lines[i + 1..end].iter().map(|l| (*l).to_string()).collect();
                found.push(Example {
                    line: i,
                    args: words(&line["$ ali-timeline".len()..]),
                    expected: Some(trim_blank_end(expected)),
                    end,
                });
                i = end;
                continue;
            }
            Some("sh") if line.starts_with("ali-timeline ") => {
                let command = line.split(" # ").next().unwrap_or(line);
                found.push(Example {
                    line: i,
                    args: words(&command["ali-timeline".len()..]),
                    expected: None,
                    end: i + 1,
                });
            }
            _ => {}
        }
        i += 1;
    }
    found
}

fn words(text: &str) -> Vec<String> {
    shell_words::split(text).expect("README command lines are valid shell words")
}

fn trim_blank_end(mut lines: Vec<String>) -> Vec<String> {
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    lines
}

/// Runs one example in `dir`: its exit success and its output lines (stdout, then stderr). A
/// trailing `> FILE` sends stdout to that file instead, as the shell would.
fn run(dir: &Path, args: &[String]) -> (bool, Vec<String>) {
    let (args, target) = match args {
        [rest @ .., arrow, file] if arrow == ">" => {
            let file = file
                .strip_prefix("~/")
                .map_or_else(|| dir.join(file), |f| dir.join(f));
            (rest, Some(file))
        }
        _ => (args, None),
    };
    let out = Command::new(env!("CARGO_BIN_EXE_ali-timeline"))
        .args(args)
        .current_dir(dir)
        .env("ALI_TIMELINE_CACHE", "off")
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", dir.join(".config"))
        .env("XDG_STATE_HOME", dir.join(".state"))
        .env("XDG_CACHE_HOME", dir.join(".cache"))
        .env("HOME", dir)
        .output()
        .expect("the binary runs");
    let mut text = String::new();
    match target {
        Some(file) => {
            let folder = file.parent().expect("a file in a folder");
            std::fs::create_dir_all(folder).expect("the folder can be made");
            std::fs::write(&file, &out.stdout).expect("the output can be written");
        }
        None => text.push_str(&String::from_utf8_lossy(&out.stdout)),
    }
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    let lines = trim_blank_end(text.lines().map(str::to_string).collect());
    (out.status.success(), lines)
}

/// Whether `actual` matches `expected`, where a `…` line stands for any number of lines.
fn matches(expected: &[String], actual: &[String]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first.trim() == "…" => {
            (0..=actual.len()).any(|skip| matches(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(a, more)| a == first && matches(rest, more)),
    }
}

#[test]
fn every_readme_example_prints_what_the_readme_says() {
    let text = std::fs::read_to_string(readme_path()).expect("README.md is readable");
    let lines: Vec<&str> = text.lines().collect();
    let found = examples(&lines);
    assert!(
        found.len() >= 10,
        "the README has its examples ({} found)",
        found.len()
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let update = std::env::var_os("README_UPDATE").is_some();
    let mut failures = Vec::new();
    let mut replacements: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for example in &found {
        let (ok, actual) = run(dir.path(), &example.args);
        let shown = format!(
            "README.md:{}: ali-timeline {}",
            example.line + 1,
            example.args.join(" ")
        );
        match &example.expected {
            None if !ok => failures.push(format!("{shown}\n  failed:\n{}", actual.join("\n"))),
            Some(expected) if !matches(expected, &actual) => {
                if update {
                    let mut new = actual.clone();
                    if example.end < lines.len() && lines[example.end].starts_with('$') {
                        new.push(String::new());
                    }
                    replacements.push((example.line + 1, example.end, new));
                } else {
                    failures.push(format!(
                        "{shown}\n  expected:\n{}\n  actual:\n{}",
                        expected.join("\n"),
                        actual.join("\n")
                    ));
                }
            }
            _ => {}
        }
    }
    if update && !replacements.is_empty() {
        let mut out: Vec<String> = lines.iter().map(|l| (*l).to_string()).collect();
        for (start, end, new) in replacements.into_iter().rev() {
            out.splice(start..end, new);
        }
        std::fs::write(readme_path(), out.join("\n") + "\n").expect("README.md is writable");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn an_elided_line_matches_any_run_of_lines_and_nothing_else() {
    let s = |v: &[&str]| v.iter().map(|l| (*l).to_string()).collect::<Vec<_>>();
    assert!(matches(&s(&["a", "…", "d"]), &s(&["a", "b", "c", "d"])));
    assert!(matches(&s(&["a", "…"]), &s(&["a"])));
    assert!(!matches(&s(&["a", "…", "d"]), &s(&["a", "b", "c"])));
    assert!(!matches(&s(&["a", "b"]), &s(&["a", "b", "c"])));
}
