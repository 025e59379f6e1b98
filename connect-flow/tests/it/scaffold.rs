//! `connect-flow scaffold` and `connect-flow manifest --function`, on real
//! public flows (tests/scaffold/public/, sources and licences in its
//! README) and on flows written for the cases they lack
//! (tests/scaffold/written/).
//!
//! The generated package is built and tested with cargo, offline, in
//! target/tmp/packages (as trybuild keeps its own folder under target/,
//! so the outer `cargo test` holds no lock on it and connect-lambda is
//! compiled there once, then reused); its bins' manifests are checked
//! against the same flows.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use connect_types::manifest::JSON_SCHEMA;
use serde_json::Value;

/// The target folder of the packages the tests build with cargo.
fn packages_target() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("packages")
}

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn workspace_dir() -> PathBuf {
    crate_dir()
        .parent()
        .expect("connect-flow is in the workspace")
        .to_owned()
}

/// Public flows from three repositories: CloudFormation placeholders
/// (`${LambdaGetSurveyConfig.Arn}`, the checker's own fixture),
/// templating placeholders (`{{lambdaFunctions.connectnlumenu.arn}}`) and a
/// real ARN with JSON validation; and one written here for nested keys
/// under JSON and a Terraform placeholder.
fn flows() -> Vec<PathBuf> {
    [
        "flows/public/contact-surveys-module.json",
        "scaffold/public/RulesEngineNLUMenu.json",
        "scaffold/public/SBSGuides_Example_AgentWorkspace_Guide.json",
        "scaffold/written/customer_profile.json",
    ]
    .iter()
    .map(|name| crate_dir().join("tests").join(name))
    .collect()
}

/// Runs the command line in process; returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (u8, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = connect_flow::cli::run(
        std::iter::once("connect-flow").chain(args.iter().copied()),
        &mut out,
        &mut err,
    );
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn scaffold(flows: &[PathBuf], out: &Path, extra: &[&str]) -> (u8, String, String) {
    let workspace = workspace_dir();
    let mut args: Vec<&str> = vec!["scaffold"];
    args.extend(flows.iter().map(|p| p.to_str().unwrap()));
    args.extend(["--out", out.to_str().unwrap()]);
    args.extend(["--connect-lambda-path", workspace.to_str().unwrap()]);
    args.extend(extra);
    run(&args)
}

/// Every file below `dir`, by relative path.
fn files(dir: &Path) -> BTreeMap<PathBuf, String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let text = std::fs::read_to_string(&path).unwrap();
                out.insert(path.strip_prefix(root).unwrap().to_owned(), text);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// A fresh folder under target/tmp.
fn fresh(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("scaffold")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Runs cargo in the generated package, offline, with its own target
/// folder under the workspace's; fails with cargo's output unless it
/// succeeds without a warning.
fn cargo(package: &Path, args: &[&str]) {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args(args)
        .args(if args[0] == "fmt" {
            None
        } else {
            Some("--offline")
        })
        .current_dir(package)
        // Shared with the facade's manifest-contract test, which builds
        // the same dependencies the same way.
        .env("CARGO_TARGET_DIR", packages_target())
        // The package has no [profile] of its own: without these its
        // dependencies would carry full debug info, and incremental state
        // nothing ever reads again (as trybuild's project, connect-derive's
        // ui test).
        .env("CARGO_PROFILE_DEV_DEBUG", "false")
        .env("CARGO_PROFILE_TEST_DEBUG", "false")
        .env("CARGO_INCREMENTAL", "0")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "cargo {args:?} failed:\n{stderr}\n{stdout}"
    );
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|line| line.starts_with("warning"))
        .collect();
    assert!(warnings.is_empty(), "cargo {args:?} warned:\n{stderr}");
}

fn schema() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(JSON_SCHEMA).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

#[test]
fn the_package_from_real_flows_builds_runs_and_checks_against_them() {
    let flows = flows();
    let package = fresh("real-flows");
    let (code, out, err) = scaffold(&flows, &package, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(&format!("wrote {}: 8 bins (", package.display())),
        "{out}"
    );
    let written = files(&package);

    // A key the flows compare with literals only is a ConnectValue enum of
    // them, the response field typed with it; one compared only with
    // `false` is a boolean's string form, both values.
    let nlu = &written[Path::new("src/bin/connectnlumenu.rs")];
    for expected in [
        "/// What `$.External.CurrentRule_offerMessageType` holds: the values the flows compare it with.\n\
         #[derive(\n    Debug,\n    Clone,\n    Copy,\n    PartialEq,\n    Eq,\n    serde::Serialize,\n    \
         serde::Deserialize,\n    connect_lambda::ConnectValue,\n)]\n\
         enum CurrentRuleOfferMessageType {\n    /// `text`.\n    #[serde(rename = \"text\")]\n    Text,\n    \
         /// `ssml`.\n    #[serde(rename = \"ssml\")]\n    Ssml,\n    \
         /// `prompt`.\n    #[serde(rename = \"prompt\")]\n    Prompt,\n}\n",
        "    current_rule_offer_message_type: CurrentRuleOfferMessageType,\n",
        "enum CurrentRuleValidInput {\n    /// `true`.\n    #[serde(rename = \"true\")]\n    True,\n    \
         /// `false`.\n    #[serde(rename = \"false\")]\n    False,\n}\n",
    ] {
        assert!(nlu.contains(expected), "{expected}\nnot in:\n{nlu}");
    }
    assert!(written[Path::new("Cargo.toml")]
        .contains("serde = { version = \"1\", features = [\"derive\"] }\n"));

    // The same flows give the same files, in another folder of the same
    // name and over the package itself.
    let again = fresh("again").join("real-flows");
    assert_eq!(scaffold(&flows, &again, &[]).0, 0);
    assert_eq!(files(&again), written);
    let (code, _, err) = scaffold(&flows, &package, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("the folder is not empty"), "{err}");
    assert_eq!(scaffold(&flows, &package, &["--force"]).0, 0);
    assert_eq!(files(&package), written);

    // Laid out as rustfmt lays it out, so `cargo fmt` in the package
    // changes nothing.
    cargo(&package, &["fmt", "--check"]);
    cargo(&package, &["build", "--bins"]);
    cargo(&package, &["test"]);

    let validator = schema();
    let bins = package.join("src/bin");
    let mut manifest_args: Vec<String> = Vec::new();
    let mut names: Vec<String> = std::fs::read_dir(&bins)
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert_eq!(names.len(), 8, "{names:?}");
    for name in &names {
        let binary = packages_target().join("debug").join(name);
        let output = Command::new(&binary).arg("--manifest").output().unwrap();
        assert!(output.status.success(), "{name} --manifest failed");
        let printed: Value = serde_json::from_slice(&output.stdout).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&printed)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");

        // `manifest --function` prints the same manifest without building.
        let function = printed["function"].as_str().unwrap();
        let mut args = vec!["manifest", "--function", function];
        args.extend(flows.iter().map(|p| p.to_str().unwrap()));
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        assert_eq!(
            serde_json::from_str::<Value>(&out).unwrap(),
            printed,
            "{name}"
        );

        if name == "connectnlumenu" {
            let offer = printed["external"]
                .as_array()
                .unwrap()
                .iter()
                .find(|key| key["key"] == "CurrentRule_offerMessageType")
                .unwrap();
            assert_eq!(
                offer["values"],
                serde_json::json!(["text", "ssml", "prompt"])
            );
            assert_eq!(printed["manifestVersion"], 2);
        }

        let file = package.join(format!("{name}.manifest.json"));
        std::fs::write(&file, &output.stdout).unwrap();
        manifest_args.push("--manifest".into());
        manifest_args.push(file.to_string_lossy().into_owned());
    }

    // The flows check against the bins' manifests, paired with no --map:
    // no error, every Lambda block has its manifest, every manifest is used.
    let mut args: Vec<&str> = vec!["check", "--format", "json"];
    args.extend(flows.iter().map(|p| p.to_str().unwrap()));
    args.extend(manifest_args.iter().map(String::as_str));
    let (code, out, err) = run(&args);
    let report: Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{out}{err}"));
    let findings = report["findings"].as_array().unwrap();
    let wrong: Vec<&Value> = findings
        .iter()
        .filter(|f| {
            f["severity"] == "error"
                || [
                    "no-manifest",
                    "unused-manifest",
                    "unused-parameter",
                    "optional-key",
                ]
                .contains(&f["code"].as_str().unwrap())
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn a_parameter_some_blocks_do_not_pass_is_optional_and_the_manifest_fits_the_schema() {
    let survey = crate_dir().join("tests/flows/public/contact-surveys-module.json");
    let (code, out, err) = run(&[
        "manifest",
        survey.to_str().unwrap(),
        "--function",
        "survey-utils",
    ]);
    assert_eq!(code, 0, "{err}");
    let manifest: Value = serde_json::from_str(&out).unwrap();
    let errors: Vec<String> = schema()
        .iter_errors(&manifest)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(manifest["handler"], "survey_utils");
    assert_eq!(manifest["function"], "SurveyUtils");
    let required: BTreeMap<&str, bool> = manifest["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["key"].as_str().unwrap(), p["required"].as_bool().unwrap()))
        .collect();
    // Two of the three blocks pass `input`; all three pass `operation`.
    assert!(!required["input"]);
    assert!(required["operation"]);
    let keys: Vec<&str> = manifest["external"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["key"].as_str().unwrap())
        .collect();
    assert!(
        keys.contains(&"nextQuestion") && keys.contains(&"validInput"),
        "{keys:?}"
    );

    let (code, _, err) = run(&[
        "manifest",
        survey.to_str().unwrap(),
        "--function",
        "NoSuchLambda",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("the flows invoke no function `NoSuchLambda`; they invoke: `GetSurveyConfig`"),
        "{err}"
    );
}

#[test]
fn two_validations_for_one_function_are_an_error_naming_both_blocks_and_nothing_is_written() {
    let flow = crate_dir().join("tests/scaffold/written/two_validations.json");
    let out = fresh("two-validations");
    let (code, stdout, err) = scaffold(&[flow], &out, &[]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert_eq!(
        err,
        "error: function `GetBalance` is invoked with two response validations: \
         two_validations.json: block \"Invoke AWS Lambda function\" \"Get balance\" (GetBalance) \
         validates as STRING_MAP, two_validations.json: block \"Invoke AWS Lambda function\" \
         \"Get balance as JSON\" (get-balance) as JSON; one handler returns one shape, so set \
         both blocks' \"Response validation\" to the same mode\n"
    );
    assert!(!out.exists());
}

#[test]
fn a_key_read_as_a_value_and_as_an_object_is_an_error_naming_both_blocks() {
    let flow = crate_dir().join("tests/scaffold/written/object_and_value.json");
    let out = fresh("object-and-value");
    let (code, _, err) = scaffold(std::slice::from_ref(&flow), &out, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "error: `$.External.Name` of function `customerProfile` is read as a value by \
         object_and_value.json: block \"Set contact attributes\" \"Store the name\" and as an \
         object by object_and_value.json: block \"Play prompt\" \"Say the name\" \
         (`$.External.Name.First`); one response cannot hold both, so change one of the \
         references\n"
    );
    assert!(!out.exists());
    let (code, out, _) = run(&[
        "manifest",
        flow.to_str().unwrap(),
        "--function",
        "customerProfile",
    ]);
    assert_eq!((code, out.as_str()), (1, ""));
}

#[test]
fn a_nested_key_after_a_string_map_block_is_an_error() {
    // No ResponseValidation: STRING_MAP, where `$.External.Name.First`
    // cannot exist.
    let flow = crate_dir().join("tests/scaffold/written/nested_under_string_map.json");
    let out = fresh("nested-under-string-map");
    let (code, _, err) = scaffold(&[flow], &out, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "error: nested_under_string_map.json: block \"Play prompt\" \"Say the name\" reads \
         `$.External.Name.First` of function `CustomerProfile` after \
         nested_under_string_map.json: block \"Invoke AWS Lambda function\" \"Look up the caller\" \
         (CustomerProfile), whose response validation is STRING_MAP (flat strings: no nested \
         keys, no arrays); set that block's \"Response validation\" to JSON\n"
    );
    assert!(!out.exists());
}

#[test]
fn the_readme_shows_the_bin_scaffold_writes() {
    let readme = std::fs::read_to_string(crate_dir().join("README.md")).unwrap();
    let section = &readme[readme
        .find("## Scaffolding")
        .expect("the README's scaffold section")..];
    let start = section.find("```rust,ignore\n").unwrap() + "```rust,ignore\n".len();
    let shown = &section[start..start + section[start..].find("```\n").unwrap()];

    let flow =
        crate_dir().join("tests/scaffold/public/SBSGuides_Example_AgentWorkspace_Guide.json");
    let out = fresh("readme");
    assert_eq!(scaffold(&[flow], &out, &[]).0, 0);
    let written =
        std::fs::read_to_string(out.join("src/bin/agent_workspace_example_lambda.rs")).unwrap();
    assert_eq!(shown, written);
}

#[test]
fn a_function_chosen_at_run_time_gets_a_note_and_no_bin() {
    let dir = fresh("run-time-arn");
    std::fs::create_dir_all(&dir).unwrap();
    let flow = dir.join("vmx.json");
    std::fs::write(
        &flow,
        r#"{"Version": "2019-10-30", "StartAction": "Stamp", "Actions": [
          {"Identifier": "Stamp", "Type": "InvokeLambdaFunction",
           "Parameters": {"LambdaFunctionARN": "$.FlowAttributes.vmx3_timestamper_function",
                          "InvocationTimeLimitSeconds": "3"},
           "Transitions": {"NextAction": "Presign", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "Presign"}]}},
          {"Identifier": "Presign", "Type": "InvokeLambdaFunction",
           "Parameters": {"LambdaFunctionARN": "${VMXPresigner.Arn}", "InvocationTimeLimitSeconds": "3"},
           "Transitions": {"NextAction": "Done", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "Done"}]}},
          {"Identifier": "Done", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}
        ]}"#,
    )
    .unwrap();
    let out = dir.join("package");
    let (code, stdout, err) = scaffold(&[flow], &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        stdout,
        format!("wrote {}: 1 bin (vmx_presigner)\n", out.display())
    );
    assert_eq!(
        err,
        "note: vmx.json: block \"Invoke AWS Lambda function\" \"Stamp\" \
         ($.FlowAttributes.vmx3_timestamper_function) invokes a function chosen at run time: \
         no bin for it; write its handler by hand\n"
    );
}

#[test]
fn a_function_with_a_manifest_as_check_matches_it_gets_no_bin() {
    let survey = crate_dir().join("tests/flows/public/contact-surveys-module.json");
    let manifests = crate_dir().join("tests/manifests/public");
    let utils = manifests.join("survey_utils.json");
    let results = manifests.join("write_surveys_results.json");
    let map = format!("${{LambdaWriteSurveysResults.Arn}}={}", results.display());
    let out = fresh("with-manifests");
    let (code, stdout, err) = scaffold(
        std::slice::from_ref(&survey),
        &out,
        &["--manifest", utils.to_str().unwrap(), "--map", &map],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        stdout,
        format!(
            "wrote {}: 2 bins (get_survey_config, process_survey_flags_config)\n",
            out.display()
        )
    );
    assert_eq!(
        err,
        format!(
            "note: `SurveyUtils` has a manifest ({}): no bin for it\n\
             note: `WriteSurveysResults` has a manifest ({}): no bin for it\n",
            utils.display(),
            results.display()
        )
    );

    let all: Vec<String> = std::fs::read_dir(&manifests)
        .unwrap()
        .flat_map(|e| {
            [
                "--manifest".to_owned(),
                e.unwrap().path().display().to_string(),
            ]
        })
        .collect();
    let mut extra: Vec<&str> = all.iter().map(String::as_str).collect();
    extra.push("--force");
    let (code, _, err) = scaffold(&[survey], &out, &extra);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: every Lambda function the flows invoke already has a manifest (--manifest, \
         --map): nothing to scaffold\n"
    );
}
