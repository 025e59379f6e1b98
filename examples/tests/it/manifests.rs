//! Each example's manifest, as its binary prints it with `--manifest`: valid
//! against the manifest JSON Schema, and exactly the one committed in
//! `examples/manifests/<bin>.json` (each Lambda's contract, for reviewers and
//! the flow checker).
//!
//! After a deliberate change, regenerate the committed files with
//! `CONNECT_MANIFEST_DIR=manifests cargo test -p connect-lambda-examples --bins`.

use crate::example_bins::{self, run, BINS};
use connect_lambda::manifest::{Manifest, JSON_SCHEMA};
use serde_json::Value;

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(JSON_SCHEMA).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
}

#[test]
fn each_example_prints_its_committed_manifest_and_it_passes_the_schema() {
    let validator = validator();
    for (name, _) in BINS {
        let out = run(name, &["--manifest"], b"");
        assert_eq!(
            (out.code, out.stderr.as_str()),
            (0, ""),
            "{name} --manifest"
        );

        let printed: Value = serde_json::from_str(&out.stdout)
            .unwrap_or_else(|e| panic!("{name} --manifest is not JSON: {e}"));
        let errors: Vec<String> = validator
            .iter_errors(&printed)
            .map(|e| format!("{}: {e}", e.instance_path().as_str()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");

        let manifest: Manifest = serde_json::from_value(printed).unwrap();
        assert_eq!(manifest.handler, name);
        // The one rule the schema cannot state.
        for entry in &manifest.external {
            assert_eq!(entry.path, format!("$.External.{}", entry.key), "{name}");
        }

        let file = example_bins::package_dir().join(format!("manifests/{name}.json"));
        let committed =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert!(
            out.stdout == committed,
            "{} is not what `{name} --manifest` prints: if the change is meant, regenerate it with \
             `CONNECT_MANIFEST_DIR=manifests cargo test -p connect-lambda-examples --bins`\n\
             --- printed\n{}\n--- committed\n{committed}",
            file.display(),
            out.stdout,
        );
    }
}

#[test]
fn every_committed_manifest_belongs_to_an_example() {
    let mut files: Vec<String> = std::fs::read_dir(example_bins::package_dir().join("manifests"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    let mut expected: Vec<String> = BINS
        .iter()
        .map(|(name, _)| format!("{name}.json"))
        .collect();
    expected.sort();
    assert_eq!(files, expected);
}
