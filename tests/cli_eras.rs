//! `ali-timeline eras [--json]`: the store's eras with their spans, ids, titles and how many
//! events each holds (what `era:` selects); the JSON output matches `assets/eras.schema.json`.

mod common;

use ali_timeline::query::filter_events;
use ali_timeline::timeline::load_bundled;
use common::{bin, fixture};
use serde_json::Value;

fn stdout(args: &[&str]) -> String {
    let out = bin().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn eras_lists_each_era_with_its_span_id_title_and_count() {
    let timeline = load_bundled().expect("bundled store loads");
    let out = stdout(&["eras"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), timeline.eras().len());
    for (era, line) in timeline.eras().zip(&lines) {
        let count = filter_events(&timeline, &format!("era:{}", era.era.id))
            .unwrap()
            .len();
        assert!(
            line.starts_with(&format!("{}..{}", era.start, era.end)),
            "{line}"
        );
        assert!(line.contains(&format!(" {} ", era.era.id)), "{line}");
        assert!(
            line.ends_with(&format!("{} ({count} events)", era.era.title)),
            "{line}"
        );
    }
}

#[test]
fn a_store_without_eras_says_so() {
    let out = bin()
        .arg("--data")
        .arg(fixture("store-valid.ron"))
        .arg("eras")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "No eras in this store.\n"
    );
}

#[test]
fn eras_json_matches_its_schema() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/eras.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(jsonschema::meta::is_valid(&schema));
    let validator = jsonschema::validator_for(&schema).unwrap();
    let value: Value = serde_json::from_str(&stdout(&["eras", "--json"])).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let eras = value["eras"].as_array().unwrap();
    assert_eq!(eras.len(), 7);
    let reset = eras.iter().find(|e| e["id"] == "yu-yongfu-reset").unwrap();
    assert_eq!(reset["start_event"], "entertainment-leadership-group");
    assert_eq!(reset["start"], "2016-06-15");
    let wrong = serde_json::json!({"eras": [{"id": "x"}]});
    assert!(!validator.is_valid(&wrong));
}
