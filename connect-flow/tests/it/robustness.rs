//! No panic on any input: every fixture flow with each value in turn replaced
//! by every kind of JSON value, and truncated at many points, is either
//! rejected with an input error or checked.

use std::path::Path;

use connect_flow::{check, Flow, LoadedManifest, Manifests};
use serde_json::{json, Value};

fn fixtures(dir: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

fn manifests() -> Manifests {
    let mut set = Manifests::new();
    for (path, bytes) in fixtures("tests/manifests") {
        set.add(LoadedManifest::from_slice(&bytes, path).unwrap());
    }
    set
}

/// Every path to a value inside `value`, as JSON pointers.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let child = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                out.push(child.clone());
                pointers(v, child, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let child = format!("{at}/{i}");
                out.push(child.clone());
                pointers(v, child, out);
            }
        }
        _ => {}
    }
}

fn check_bytes(bytes: &[u8], manifests: &Manifests) {
    if let Ok(flow) = Flow::from_slice(bytes, "mutant.json") {
        // An ambiguous match is an input error, not a panic; any result is fine.
        let _ = check(&[flow], manifests);
    }
}

#[test]
fn every_value_replaced_by_every_kind() {
    let manifests = manifests();
    let replacements = [
        Value::Null,
        json!(true),
        json!(8),
        json!(-1.5),
        json!(""),
        json!("$.External"),
        json!("$.External.a.b[0]"),
        json!([]),
        json!({}),
        json!([{"NextAction": 1}]),
    ];
    let mut checked = 0;
    for (_, bytes) in fixtures("tests/flows") {
        let original: Value = serde_json::from_slice(&bytes).unwrap();
        let mut paths = Vec::new();
        pointers(&original, String::new(), &mut paths);
        for path in &paths {
            for replacement in &replacements {
                let mut mutant = original.clone();
                *mutant.pointer_mut(path).unwrap() = replacement.clone();
                check_bytes(&serde_json::to_vec(&mutant).unwrap(), &manifests);
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "{checked}");
}

#[test]
fn truncated_files() {
    let manifests = manifests();
    for (_, bytes) in fixtures("tests/flows") {
        for end in (0..bytes.len()).step_by(13) {
            check_bytes(&bytes[..end], &manifests);
        }
    }
    for (path, bytes) in fixtures("tests/manifests") {
        // Cut before the closing brace: never a whole manifest.
        let whole = bytes.trim_ascii_end().len();
        for end in (0..whole).step_by(5) {
            assert!(LoadedManifest::from_slice(&bytes[..end], &path).is_err());
        }
    }
}
