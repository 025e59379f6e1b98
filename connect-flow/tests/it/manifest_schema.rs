//! The manifests the checker's tests read are manifests a writer could
//! produce: each in tests/manifests/ and tests/codes/ passes connect-types' JSON Schema, and
//! the deliberately malformed ones in tests/bad/ fail it, as the checker
//! refuses them.

use std::path::{Path, PathBuf};

use connect_types::manifest::JSON_SCHEMA;
use jsonschema::Validator;
use serde_json::Value;

fn validator() -> Validator {
    let schema: Value = serde_json::from_str(JSON_SCHEMA).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

#[test]
fn every_fixture_manifest_passes_the_schema() {
    let validator = validator();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixture("tests/manifests"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 7, "found {paths:?}");
    // The finding codes' fixtures (tests/codes/<code>/<variant>/manifests/).
    let codes = std::fs::read_dir(fixture("tests/codes")).unwrap();
    for code in codes
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.is_dir())
    {
        for variant in ["fires", "passes"] {
            let Ok(manifests) = std::fs::read_dir(code.join(variant).join("manifests")) else {
                continue;
            };
            paths.extend(manifests.map(|entry| entry.unwrap().path()));
        }
    }
    // A valid manifest that only clashes with get_balance.json by name.
    paths.push(fixture("tests/bad/duplicate_get_balance.json"));
    for path in paths {
        let manifest = read(&path);
        let errors: Vec<String> = validator
            .iter_errors(&manifest)
            .map(|e| format!("{}: {e}", e.instance_path().as_str()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

#[test]
fn the_malformed_fixtures_fail_the_schema_where_the_checker_refuses_them() {
    let validator = validator();
    for (file, at) in [
        // "type": "text"
        ("tests/bad/manifest_malformed.json", "/parameters/0"),
        // responseValidation missing
        ("tests/bad/manifest_no_validation.json", ""),
        // manifestVersion 2 (and a field version 1 does not have)
        ("tests/bad/manifest_v3.json", "/manifestVersion"),
    ] {
        let manifest = read(&fixture(file));
        let errors: Vec<String> = validator
            .iter_errors(&manifest)
            .map(|e| e.instance_path().as_str().to_owned())
            .collect();
        assert!(errors.iter().any(|e| e == at), "{file}: {errors:?}");
    }
}
