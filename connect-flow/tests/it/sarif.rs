//! `--format sarif` writes logs that the OASIS SARIF 2.1.0 JSON Schema
//! (vendored in tests/sarif/, with its licence) accepts, with one rule per
//! finding code and each result on its flow file and block.

use std::path::Path;

use jsonschema::Validator;
use serde_json::Value;

use crate::checker;

fn validator() -> Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sarif/sarif-schema-2.1.0.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the schema is vendored"))
            .expect("the schema is JSON");
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

fn sarif(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "sarif"]);
    let run = checker::run(&all);
    let log = serde_json::from_str(&run.stdout).expect("--format sarif prints JSON");
    (run.code, log)
}

fn assert_valid(log: &Value) {
    let errors: Vec<String> = validator()
        .iter_errors(log)
        .map(|e| format!("{}: {e}", e.instance_path().as_str()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_log_passes_the_sarif_schema() {
    let (code, log) = sarif(&[
        "tests/flows/case_module.json",
        "tests/codes/lambda-chain-timeout/fires/flow.json",
        "--manifest",
        "tests/manifests/lookup_case.json",
        "--manifest",
        "tests/manifests/never_invoked.json",
    ]);
    assert_eq!(code, 1, "exit codes do not depend on the format");
    assert_valid(&log);
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), connect_flow::Code::COUNT);
    assert!(ids.contains(&"lambda-chain-timeout") && ids.contains(&"unknown-key"));
    for rule in rules {
        assert!(rule["shortDescription"]["text"].is_string());
        assert!(rule["help"]["text"].is_string());
    }

    let results = run["results"].as_array().unwrap();
    let unknown = results
        .iter()
        .find(|r| r["ruleId"] == "unknown-key")
        .expect("an unknown-key result");
    assert_eq!(unknown["level"], "error");
    assert!(unknown["message"]["text"]
        .as_str()
        .unwrap()
        .contains("did you mean `caseOwner`?"));
    let location = &unknown["locations"][0];
    assert_eq!(
        location["physicalLocation"]["artifactLocation"]["uri"],
        "tests/flows/case_module.json"
    );
    let block = &location["logicalLocations"][0];
    assert_eq!(block["fullyQualifiedName"], "Store case");
    assert_eq!(block["properties"]["type"], "Set contact attributes");
    assert_eq!(block["properties"]["label"], "Store case");

    let chain = results
        .iter()
        .find(|r| r["ruleId"] == "lambda-chain-timeout")
        .expect("a lambda-chain-timeout result");
    assert_eq!(chain["level"], "warning");
    assert_eq!(
        chain["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "tests/codes/lambda-chain-timeout/fires/flow.json"
    );

    // unused-manifest has its manifest as the artifact and no block.
    let unused = results
        .iter()
        .find(|r| r["ruleId"] == "unused-manifest")
        .expect("an unused-manifest result");
    assert_eq!(
        unused["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "tests/manifests/never_invoked.json"
    );
    assert!(unused["locations"][0].get("logicalLocations").is_none());
}

#[test]
fn a_clean_run_is_a_valid_log_with_no_results() {
    let (code, log) = sarif(&[
        "tests/flows/clean.json",
        "--manifest",
        "tests/manifests/get_customer.json",
        "--manifest",
        "tests/manifests/get_balance.json",
    ]);
    assert_eq!(code, 0);
    assert_valid(&log);
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
}

/// The schema does catch a log that is not SARIF, so the tests above can fail.
#[test]
fn the_schema_refuses_a_result_without_a_message() {
    let (_, mut log) = sarif(&["tests/codes/unreachable-block/fires/flow.json"]);
    assert_valid(&log);
    log["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    assert!(validator().iter_errors(&log).next().is_some());
}
