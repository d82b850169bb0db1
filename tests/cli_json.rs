//! Every `--json` output checked against its JSON Schema under `assets/` by a real validator
//! (the `jsonschema` crate), on the bundled store and on fixtures, including a broken store for
//! `validate`. Each schema is itself checked against the JSON Schema meta-schema.

mod common;

use common::{bin, fixture};
use serde_json::Value;

fn schema(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(format!("{name}.schema.json"));
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(
        jsonschema::meta::is_valid(&schema),
        "{name}.schema.json is not a valid schema"
    );
    schema
}

/// Runs `args`, expecting exit `code`, and returns stdout as JSON.
fn json_of(args: &[&str], code: i32) -> Value {
    let out = bin().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Fails with every violation when `instance` does not match the schema `name`.
fn assert_matches(name: &str, instance: &Value) {
    let validator = jsonschema::validator_for(&schema(name)).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
}

#[test]
fn validate_json_matches_its_schema_for_a_good_and_a_broken_store() {
    let good = json_of(&["validate", "--json"], 0);
    assert_matches("validate", &good);
    assert_eq!(good["valid"], true);
    assert!(good["counts"]["events"].as_u64().unwrap() > 0);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    let text = common::fixture_text("store-valid.ron").replacen(
        "sources: [\"seed-003\"]",
        "sources: [\"seed-03\"]",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let bad = json_of(&["validate", "--json", "--data", path.to_str().unwrap()], 1);
    assert_matches("validate", &bad);
    assert_eq!(bad["valid"], false);
    assert_eq!(bad["counts"], Value::Null);
    let first = &bad["diagnostics"][0];
    assert_eq!(first["severity"], "error");
    assert!(first["line"].as_u64().unwrap() > 1, "{first}");
    assert!(
        first["message"].as_str().unwrap().contains("seed-03"),
        "{first}"
    );
}

#[test]
fn a_schema_rejects_what_it_does_not_describe() {
    // The check is real: a wrong type and a missing field are both caught.
    let validator = jsonschema::validator_for(&schema("validate")).unwrap();
    let wrong = serde_json::json!({"valid": "yes", "counts": null});
    assert!(validator.iter_errors(&wrong).count() >= 2);
}

#[test]
fn list_json_matches_its_schema_with_and_without_a_query() {
    let all = json_of(&["list", "--json"], 0);
    assert_matches("list", &all);
    let text = String::from_utf8(bin().arg("list").output().unwrap().stdout).unwrap();
    assert_eq!(
        all["events"].as_array().unwrap().len(),
        text.lines().count()
    );
    let some = json_of(&["list", "xiami", "--json"], 0);
    assert_matches("list", &some);
    assert_eq!(some["query"], "xiami");
    let none = json_of(&["list", "zzzzqqqq", "--json"], 1);
    assert_matches("list", &none);
    assert_eq!(none["events"], serde_json::json!([]));
}

#[test]
fn search_json_matches_its_schema_and_counts_what_was_cut() {
    let cut = json_of(&["search", "song", "--json", "--limit", "2"], 0);
    assert_matches("search", &cut);
    assert_eq!(cut["hits"].as_array().unwrap().len(), 2);
    let all = json_of(&["search", "song", "--json", "--limit", "0"], 0);
    assert_matches("search", &all);
    assert_eq!(cut["total"], all["total"]);
    assert_eq!(
        all["hits"].as_array().unwrap().len() as u64,
        all["total"].as_u64().unwrap()
    );
}

#[test]
fn person_json_matches_its_schema_for_every_person_of_a_fixture_and_the_bundled_store() {
    for id in ["gao-xiaosong", "song-ke", "yu-yongfu"] {
        let person = json_of(&["person", id, "--json"], 0);
        assert_matches("person", &person);
        assert_eq!(person["id"], id);
    }
    let data = fixture("org-basic.ron");
    let data = data.to_str().unwrap();
    let ids = ali_timeline::timeline::load(Some(&fixture("org-basic.ron"))).unwrap();
    for p in &ids.store.people {
        let person = json_of(&["--data", data, "person", &p.id, "--json"], 0);
        assert_matches("person", &person);
    }
}

#[test]
fn unit_json_matches_its_schema_for_every_unit_of_the_bundled_store() {
    let timeline = ali_timeline::timeline::load_bundled().unwrap();
    for u in &timeline.store.units {
        let unit = json_of(&["unit", &u.id, "--json"], 0);
        assert_matches("unit", &unit);
        assert_eq!(unit["id"], u.id.as_str());
    }
}
