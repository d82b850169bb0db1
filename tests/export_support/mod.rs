//! Helpers for the export tests: the stores the goldens run on, exporting into a string, the
//! characters that must never reach an output raw, and a small JSON Schema checker.

#![allow(dead_code)] // each test crate uses a different part

use ali_timeline::Timeline;
use ali_timeline::export::{self, Format, Selection};
use ali_timeline::store;
use ali_timeline::timeline;
use serde_json::Value;

/// The stores every golden test runs on: (name used in snapshot names, store text). Add a line
/// to cover another store.
pub const STORES: &[(&str, &str)] = &[
    ("mini", include_str!("../fixtures/export-mini.ron")),
    // The bundled store: its goldens are regenerated whenever timeline.ron changes.
    ("bundled", store::load::BUNDLED),
];

/// The fixture with Chinese and hostile text, loaded under a fixed name.
pub fn mini() -> Timeline {
    load(STORES[0].1)
}

/// Loads store text under a fixed name, so outputs do not depend on where the test runs.
pub fn load(text: &str) -> Timeline {
    timeline::load_str("store.ron", text).expect("test store is valid")
}

/// `format` of `selection` as text; an error becomes `error: MESSAGE`.
pub fn export(format: Format, selection: &Selection) -> String {
    let mut out = Vec::new();
    match export::write(format, selection, &mut out) {
        Ok(()) => String::from_utf8(out).expect("exports are UTF-8"),
        Err(e) => format!("error: {e}\n"),
    }
}

/// Characters that must never appear raw in any export: ESC (starts CSI and OSC), BEL (ends
/// OSC), the C1 CSI, bidi override and zero-width space.
pub const HIDDEN: [char; 5] = ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{200b}'];

/// The first raw hidden character in `text`, with its byte offset.
pub fn raw_hidden(text: &str) -> Option<(usize, char)> {
    text.char_indices().find(|(_, c)| HIDDEN.contains(c))
}

/// Checks `value` against the subset of JSON Schema used by `assets/export.schema.json`
/// (`type`, `const`, `enum`, `required`, `properties`, `additionalProperties: false`, `items`,
/// `minimum`, `$ref` to `#/$defs/…`). Returns every violation, each with its JSON path.
pub fn schema_errors(schema: &Value, value: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(schema, schema, value, "$", &mut errors);
    errors
}

fn check(root: &Value, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/$defs/");
        return check(root, &root["$defs"][name], value, path, errors);
    }
    if let Some(types) = schema.get("type") {
        let allowed: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let actual = match value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        };
        let fits =
            allowed.contains(&actual) || (actual == "integer" && allowed.contains(&"number"));
        if !fits {
            errors.push(format!("{path}: is {actual}, expected {allowed:?}"));
            return;
        }
    }
    if let Some(expected) = schema.get("const")
        && expected != value
    {
        errors.push(format!("{path}: is {value}, expected {expected}"));
    }
    if let Some(options) = schema.get("enum").and_then(Value::as_array)
        && !options.contains(value)
    {
        errors.push(format!("{path}: {value} is not one of {options:?}"));
    }
    if let (Some(min), Some(n)) = (
        schema.get("minimum").and_then(Value::as_f64),
        value.as_f64(),
    ) && n < min
    {
        errors.push(format!("{path}: {n} is below {min}"));
    }
    if let Value::Object(fields) = value {
        for key in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let key = key.as_str().unwrap_or_default();
            if !fields.contains_key(key) {
                errors.push(format!("{path}: missing required `{key}`"));
            }
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (key, field) in fields {
            match properties.and_then(|p| p.get(key)) {
                Some(sub) => check(root, sub, field, &format!("{path}.{key}"), errors),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{path}: unexpected key `{key}`"));
                }
                None => {}
            }
        }
    }
    if let (Value::Array(items), Some(item_schema)) = (value, schema.get("items")) {
        for (i, item) in items.iter().enumerate() {
            check(root, item_schema, item, &format!("{path}[{i}]"), errors);
        }
    }
}
