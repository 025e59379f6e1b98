//! Each example's manifest, as its binary prints it with `--manifest`: valid
//! against the manifest JSON Schema. That it is exactly the one committed in
//! `examples/manifests/<bin>.json` (each Lambda's contract, for reviewers and
//! the flow checker) is each handler's generated test's business: this
//! package has a `manifests/` folder, so `cargo test` compares them, and
//! `CONNECT_MANIFEST=overwrite cargo test -p connect-lambda-examples --bins`
//! updates them after a deliberate change.

use crate::example_bins::{self, run, BINS};
use connect_lambda::manifest::{Manifest, JSON_SCHEMA};
use serde_json::Value;

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(JSON_SCHEMA).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
}

#[test]
fn each_example_prints_a_manifest_that_passes_the_schema() {
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

/// The examples' enums reach their manifests as `values`, and every
/// "Check contact attributes" block of the example flow that compares a
/// Lambda's answer compares it with exactly those values: each condition
/// can match, and no value falls to "No match".
#[test]
fn the_flow_compares_the_values_the_manifests_list() {
    let dir = example_bins::package_dir();
    let mut values: Vec<(String, Vec<String>)> = Vec::new();
    for (name, _) in BINS {
        let text =
            std::fs::read_to_string(dir.join("manifests").join(format!("{name}.json"))).unwrap();
        let manifest: Manifest = serde_json::from_str(&text).unwrap();
        for entry in manifest.external {
            if let Some(list) = entry.values {
                assert_eq!(
                    manifest.manifest_version, 2,
                    "{name}: values need version 2"
                );
                values.push((entry.path, list));
            }
        }
    }
    let listed = |path: &str| -> Vec<String> {
        values
            .iter()
            .find(|(listed, _)| listed == path)
            .map(|(_, list)| list.clone())
            .unwrap_or_default()
    };
    assert_eq!(listed("$.External.nextStep"), ["greet", "menu"]);
    assert_eq!(
        listed("$.External.Profile.AgeGroup"),
        ["child", "teen", "adult"]
    );

    let flow: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("flows/customer-service.json")).unwrap(),
    )
    .unwrap();
    let mut compared = Vec::new();
    for action in flow["Actions"].as_array().unwrap() {
        let Some(path) = action["Parameters"]["ComparisonValue"].as_str() else {
            continue;
        };
        let mut operands: Vec<String> = action["Transitions"]["Conditions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|condition| {
                assert_eq!(condition["Condition"]["Operator"], "Equals");
                condition["Condition"]["Operands"][0]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        let mut expected = listed(path);
        operands.sort();
        expected.sort();
        assert_eq!(operands, expected, "{path}");
        compared.push(path.to_owned());
    }
    compared.sort();
    assert_eq!(
        compared,
        ["$.External.Profile.AgeGroup", "$.External.nextStep"]
    );
}
