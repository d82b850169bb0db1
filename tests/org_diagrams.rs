//! `org --as-of DATE --format dot|mermaid`: the organisation on a day as a Graphviz digraph or a
//! Mermaid flowchart. The DOT is read back by a DOT parser (the `graphviz-rust` crate) in every run
//! and rendered by Graphviz (`dot -Tsvg`) where it is installed; with `ALI_TIMELINE_REQUIRE_DOT=1`
//! (as `.ci/run` sets) a missing `dot` fails the test. The Mermaid is checked line by line. Units,
//! parents and holders are compared with `org --format json` on the same day.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::process::{Command, Stdio};

use graphviz_rust::dot_structures::{Attribute, EdgeTy, Graph, Id, NodeId, Stmt, Vertex};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use serde_json::Value;

use common::{bin, fixture, stdout_with};

const DAY: &str = "2016-06-01";

fn org(store: &str, args: &[&str]) -> String {
    stdout_with(&fixture(store), &[&["org"], args].concat())
}

/// The units of the chart as `org --format json` gives them: id → (parent, `role: name` lines).
fn units(store: &str, day: &str) -> BTreeMap<String, (Option<String>, Vec<String>)> {
    let json: Value = serde_json::from_str(&org(store, &["--as-of", day, "--format", "json"]))
        .expect("valid JSON");
    json["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| {
            let roles = u["roles"].as_array().expect("roles").iter();
            let holders = roles
                .map(|r| {
                    let holder = format!(
                        "{}: {}",
                        r["role"].as_str().unwrap(),
                        r["name"].as_str().unwrap()
                    );
                    shown(&holder)
                })
                .collect();
            let parent = u["parent"].as_str().map(str::to_string);
            (u["id"].as_str().unwrap().to_string(), (parent, holders))
        })
        .collect()
}

/// `text` as a diagram shows it: controls and bidi or zero-width characters removed.
fn shown(text: &str) -> String {
    text.chars()
        .filter(|&c| !c.is_control() && !('\u{200b}'..='\u{206f}').contains(&c))
        .collect()
}

/// The text of a DOT id, quotes removed and escapes undone.
fn text(id: &Id) -> String {
    match id {
        Id::Escaped(s) => {
            let inner = &s[1..s.len() - 1];
            let mut out = String::new();
            let mut chars = inner.chars();
            while let Some(c) = chars.next() {
                if c == '\\' {
                    match chars.next() {
                        Some('l' | 'n') => out.push('\n'),
                        Some(other) => out.push(other),
                        None => {}
                    }
                } else {
                    out.push(c);
                }
            }
            out
        }
        Id::Plain(s) | Id::Html(s) | Id::Anonymous(s) => s.clone(),
    }
}

fn vertex(v: &Vertex) -> String {
    match v {
        Vertex::N(NodeId(id, _)) => text(id),
        Vertex::S(_) => panic!("no subgraph expected"),
    }
}

/// The DOT read back: node id → label, and the edges (parent, child).
fn read_dot(dot: &str) -> (BTreeMap<String, String>, BTreeSet<(String, String)>) {
    let graph = graphviz_rust::parse(dot).unwrap_or_else(|e| panic!("DOT parses: {e}\n{dot}"));
    let Graph::DiGraph { stmts, .. } = graph else {
        panic!("a digraph: {dot}");
    };
    let (mut nodes, mut edges) = (BTreeMap::new(), BTreeSet::new());
    for stmt in &stmts {
        match stmt {
            Stmt::Node(node) => {
                let label = node
                    .attributes
                    .iter()
                    .find(|Attribute(k, _)| text(k) == "label")
                    .map(|Attribute(_, v)| text(v))
                    .expect("every node has a label");
                nodes.insert(text(&node.id.0), label);
            }
            Stmt::Edge(edge) => match &edge.ty {
                EdgeTy::Pair(a, b) => {
                    edges.insert((vertex(a), vertex(b)));
                }
                EdgeTy::Chain(_) => panic!("one edge per statement: {dot}"),
            },
            _ => {}
        }
    }
    (nodes, edges)
}

/// Checks the DOT of `store` on `day` against its JSON chart: every unit a node labelled with its
/// holders, every parent an edge, nothing else.
fn dot_matches_chart(store: &str, day: &str) -> String {
    let dot = org(store, &["--as-of", day, "--format", "dot"]);
    let (nodes, edges) = read_dot(&dot);
    let units = units(store, day);
    assert!(!units.is_empty(), "the fixture has units on {day}");
    assert_eq!(
        nodes.keys().collect::<Vec<_>>(),
        units.keys().collect::<Vec<_>>(),
        "{dot}"
    );
    let mut parents = BTreeSet::new();
    for (id, (parent, holders)) in &units {
        let label = &nodes[id];
        assert!(label.contains(&format!("[{id}]")), "{id}: {label}");
        for holder in holders {
            assert!(
                label.contains(holder.as_str()),
                "{id} lacks {holder}: {label}"
            );
        }
        if let Some(p) = parent {
            parents.insert((p.clone(), id.clone()));
        }
    }
    assert_eq!(edges, parents, "{dot}");
    dot
}

/// Renders `dot` with Graphviz when it is installed (required with `ALI_TIMELINE_REQUIRE_DOT=1`).
fn render_with_graphviz(dot: &str) {
    let required = std::env::var("ALI_TIMELINE_REQUIRE_DOT").is_ok_and(|v| v == "1");
    let child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) if !required => {
            eprintln!("Graphviz `dot` not run ({e}); set ALI_TIMELINE_REQUIRE_DOT=1 to require it");
            return;
        }
        Err(e) => panic!("ALI_TIMELINE_REQUIRE_DOT=1 but `dot` cannot run: {e}"),
    };
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(dot.as_bytes())
        .expect("dot reads its input");
    let out = child.wait_with_output().expect("dot finishes");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "dot -Tsvg failed: {stderr}\n{dot}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("<svg"),
        "{stderr}"
    );
}

#[test]
fn dot_has_every_unit_with_its_holders_and_every_parent_edge() {
    let dot = dot_matches_chart("org-basic.ron", DAY);
    let (nodes, _) = read_dot(&dot);
    assert!(
        nodes["ali-music"].contains("chairman: Gao Xiaosong"),
        "{dot}"
    );
    // Counterparties stay out, as in `org --as-of`.
    assert!(!nodes.contains_key("kugou"), "{dot}");
    render_with_graphviz(&dot);
}

#[test]
fn dot_keeps_hostile_text_inside_its_labels() {
    let dot = dot_matches_chart("org-diagram-hostile.ron", "2015-06-01");
    let (nodes, edges) = read_dot(&dot);
    assert_eq!(nodes.len(), 2, "no node smuggled in: {dot}");
    assert_eq!(edges.len(), 1, "no edge smuggled in: {dot}");
    assert!(
        nodes["top-unit"].contains("Top\"]; evil -> x; {a|b} <b>&amp;"),
        "{dot}"
    );
    let sub = &nodes["sub-unit"];
    assert!(
        sub.contains("ceo {\"x\"} | <y>: Q \"uote\" \\ back</text><script>"),
        "{sub}"
    );
    assert!(
        !dot.contains('\u{1b}'),
        "escape sequences are removed: {dot:?}"
    );
    render_with_graphviz(&dot);
    let dot = dot_matches_chart("org-hostile.ron", "2015-08-01");
    assert!(
        !dot.contains('\u{1b}') && !dot.contains('\u{202e}'),
        "{dot:?}"
    );
    render_with_graphviz(&dot);
}

/// The Mermaid of `store` on `day`, checked against its JSON chart: the first line, one quoted
/// node per unit, one edge per parent, and nothing else. Returns the label of each unit.
fn mermaid_matches_chart(store: &str, day: &str) -> BTreeMap<String, String> {
    let text = org(store, &["--as-of", day, "--format", "mermaid"]);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("flowchart TD"), "{text}");
    let units = units(store, day);
    let (mut labels, mut names, mut edges) = (
        BTreeMap::new(),
        BTreeMap::<String, String>::new(),
        BTreeSet::new(),
    );
    for line in lines {
        let line = line.trim();
        if line.starts_with("%%") {
            continue;
        }
        if let Some((from, to)) = line.split_once(" --> ") {
            edges.insert((names[from].clone(), names[to].clone()));
            continue;
        }
        let (name, rest) = line
            .split_once("[\"")
            .unwrap_or_else(|| panic!("a node: {line}"));
        let label = rest
            .strip_suffix("\"]")
            .unwrap_or_else(|| panic!("one label: {line}"));
        assert!(
            !label
                .replace("<br/>", "")
                .contains(['"', '<', '>', '{', '}', '|', '[', ']', '`', '\\', '\n']),
            "label escaped: {line}"
        );
        let id = label
            .split("<br/>")
            .next()
            .and_then(|first| first.rsplit_once(" #91;"))
            .and_then(|(_, id)| id.strip_suffix("#93;"))
            .unwrap_or_else(|| panic!("unit id at the end of the first line: {line}"))
            .to_string();
        names.insert(name.to_string(), id.clone());
        labels.insert(id, label.to_string());
    }
    assert_eq!(
        labels.keys().collect::<Vec<_>>(),
        units.keys().collect::<Vec<_>>(),
        "{text}"
    );
    let parents: BTreeSet<_> = units
        .iter()
        .filter_map(|(id, (p, _))| p.clone().map(|p| (p, id.clone())))
        .collect();
    assert_eq!(edges, parents, "{text}");
    labels
}

#[test]
fn mermaid_has_every_unit_with_its_holders_and_every_parent_edge() {
    let labels = mermaid_matches_chart("org-basic.ron", DAY);
    assert!(
        labels["ali-music"].contains("<br/>chairman: Gao Xiaosong"),
        "{labels:?}"
    );
    assert!(!labels.contains_key("kugou"));
}

#[test]
fn mermaid_keeps_hostile_text_inside_its_labels() {
    let labels = mermaid_matches_chart("org-diagram-hostile.ron", "2015-06-01");
    assert!(
        labels["top-unit"]
            .starts_with("Top#quot;#93;; evil -#gt; x; #123;a#124;b#125; #lt;b#gt;#amp;amp;"),
        "{labels:?}"
    );
    assert!(
        labels["sub-unit"].contains("#lt;/text#gt;#lt;script#gt;"),
        "{labels:?}"
    );
    let all = labels.values().cloned().collect::<String>();
    assert!(!all.contains('\u{1b}'), "{all:?}");
    let labels = mermaid_matches_chart("org-hostile.ron", "2015-08-01");
    let all = labels.values().cloned().collect::<String>();
    assert!(
        !all.contains('\u{1b}') && !all.contains('\u{202e}'),
        "{all:?}"
    );
}

#[test]
fn json_flag_and_json_format_print_the_same() {
    assert_eq!(
        org("org-basic.ron", &["--as-of", DAY, "--json"]),
        org("org-basic.ron", &["--as-of", DAY, "--format", "json"])
    );
    assert_eq!(
        org("org-basic.ron", &["--as-of", DAY]),
        org("org-basic.ron", &["--as-of", DAY, "--format", "text"])
    );
}

#[test]
fn a_format_that_does_not_fit_is_refused_clearly() {
    let run = |args: &[&str]| {
        bin()
            .arg("--data")
            .arg(fixture("org-basic.ron"))
            .arg("org")
            .args(args)
            .assert()
            .failure()
    };
    run(&["--diff", "2015", "2016", "--format", "dot"])
        .stderr(contains("--format dot").and(contains("--as-of")));
    run(&["--diff", "2015", "2016", "--format", "mermaid"]).stderr(contains("--format mermaid"));
    run(&["--as-of", DAY, "--json", "--format", "dot"]).stderr(contains("--json"));
    run(&["--as-of", DAY, "--counterparties", "--format", "mermaid"])
        .stderr(contains("--counterparties"));
    run(&["--as-of", DAY, "--format", "png"]).stderr(contains("possible values"));
}
