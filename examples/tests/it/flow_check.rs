//! The examples' own flow, checked the way a flow author checks it before
//! deploying: each example binary exports its manifest (`--manifest`, written
//! by the real `#[connect_handler]` expansion), and `connect-flow check` reads
//! `flows/customer-service.json` with those manifests.
//!
//! The flow is clean as shipped; each edit a flow author could make by
//! mistake (a misspelt `$.External` key, a dropped function input parameter,
//! a prompt reading a key the Lambda may leave out) is made on a copy and
//! must be reported on the right action and field.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use connect_flow::cli::{EXIT_FINDINGS, EXIT_OK};
use serde_json::Value;

/// The flow, as exported from the flow designer.
const FLOW: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/flows/customer-service.json");

/// Each example: its binary and the function name its flow blocks invoke.
const EXAMPLES: [(&str, &str, &str); 3] = [
    (
        "my_first_connect_lambda",
        env!("CARGO_BIN_EXE_my_first_connect_lambda"),
        "MyFirstConnectLambda",
    ),
    (
        "caller_profile",
        env!("CARGO_BIN_EXE_caller_profile"),
        "CallerProfile",
    ),
    (
        "greeting_router",
        env!("CARGO_BIN_EXE_greeting_router"),
        "GreetingRouter",
    ),
];

/// An empty directory of this test's own, under Cargo's target tmpdir.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("flow_check")
        .join(test);
    if dir.exists() {
        fs::remove_dir_all(&dir).expect("clear the scratch directory");
    }
    fs::create_dir_all(&dir).expect("create the scratch directory");
    dir
}

/// Runs every example binary with `--manifest` and writes what it prints to
/// `dir/<handler>.json`; returns the files.
fn export_manifests(dir: &Path) -> Vec<PathBuf> {
    EXAMPLES
        .iter()
        .map(|(handler, exe, _)| {
            let output = Command::new(exe)
                .arg("--manifest")
                .output()
                .expect("the example binary runs");
            assert!(
                output.status.success(),
                "{handler} --manifest failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            assert!(
                output.stderr.is_empty(),
                "{handler} --manifest wrote to stderr"
            );
            let path = dir.join(format!("{handler}.json"));
            fs::write(&path, &output.stdout).expect("write the manifest");
            path
        })
        .collect()
}

/// What one `connect-flow` run printed, and its exit code.
struct Outcome {
    code: u8,
    stdout: String,
    stderr: String,
}

/// `connect-flow check FLOW --manifest M ... EXTRA...`, through the binary's
/// own entry point.
fn check(flow: &Path, manifests: &[PathBuf], extra: &[&str]) -> Outcome {
    let mut args: Vec<OsString> = vec!["connect-flow".into(), "check".into(), flow.into()];
    for manifest in manifests {
        args.push("--manifest".into());
        args.push(manifest.into());
    }
    args.extend(extra.iter().map(OsString::from));
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let code = connect_flow::cli::run(args, &mut stdout, &mut stderr);
    Outcome {
        code,
        stdout: String::from_utf8(stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(stderr).expect("UTF-8 stderr"),
    }
}

/// One finding of `--format json`.
#[derive(Debug, PartialEq)]
struct Seen {
    severity: String,
    code: String,
    action: String,
    field: String,
    message: String,
}

/// Runs the check with `--format json` and returns the exit code and the
/// findings.
fn check_json(flow: &Path, manifests: &[PathBuf], extra: &[&str]) -> (u8, Vec<Seen>) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(extra);
    let run = check(flow, manifests, &all);
    assert_eq!(run.stderr, "", "no input problem expected");
    let value: Value = serde_json::from_str(&run.stdout).expect("--format json prints JSON");
    let findings = value["findings"]
        .as_array()
        .expect("a findings array")
        .iter()
        .map(|f| {
            let text = |key: &str| f[key].as_str().unwrap_or_default().to_owned();
            Seen {
                severity: text("severity"),
                code: text("code"),
                action: text("action"),
                field: text("field"),
                message: text("message"),
            }
        })
        .collect();
    (run.code, findings)
}

fn flow_text() -> String {
    fs::read_to_string(FLOW).expect("examples/flows/customer-service.json")
}

fn flow_json() -> Value {
    serde_json::from_str(&flow_text()).expect("the flow is JSON")
}

fn actions(flow: &Value) -> &Vec<Value> {
    flow["Actions"].as_array().expect("Actions")
}

/// The Identifier of the block that invokes `function`.
fn invoking(flow: &Value, function: &str) -> String {
    let suffix = format!(":function:{function}");
    let found: Vec<&Value> = actions(flow)
        .iter()
        .filter(|a| {
            a["Type"] == "InvokeLambdaFunction"
                && a["Parameters"]["LambdaFunctionARN"]
                    .as_str()
                    .is_some_and(|arn| arn.ends_with(&suffix))
        })
        .collect();
    assert_eq!(found.len(), 1, "one block invokes {function}");
    found[0]["Identifier"]
        .as_str()
        .expect("Identifier")
        .to_owned()
}

/// The Identifier of the "Set contact attributes" block that stores
/// `attribute`.
fn storing(flow: &Value, attribute: &str) -> String {
    let found: Vec<&Value> = actions(flow)
        .iter()
        .filter(|a| {
            a["Type"] == "UpdateContactAttributes"
                && a["Parameters"]["Attributes"].get(attribute).is_some()
        })
        .collect();
    assert_eq!(found.len(), 1, "one block stores {attribute}");
    found[0]["Identifier"]
        .as_str()
        .expect("Identifier")
        .to_owned()
}

/// Writes `text` as a flow file in `dir`.
fn write_flow(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).expect("write the edited flow");
    path
}

/// `text` with its one occurrence of `from` replaced by `to`.
fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "the flow holds `{from}` exactly once"
    );
    text.replacen(from, to, 1)
}

#[test]
fn the_exported_manifests_name_the_functions_the_flow_invokes() {
    let dir = scratch("names");
    let manifests = export_manifests(&dir);
    let flow = flow_json();
    for ((handler, _, function), path) in EXAMPLES.iter().zip(&manifests) {
        let loaded = connect_flow::LoadedManifest::load(path).expect("the checker reads it");
        assert_eq!(loaded.manifest.handler, *handler);
        assert_eq!(loaded.manifest.function.as_deref(), Some(*function));
        // Exactly one block of the flow invokes it, by the deployed name.
        invoking(&flow, function);
    }
}

#[test]
fn the_customer_service_flow_is_clean() {
    let dir = scratch("clean");
    let manifests = export_manifests(&dir);
    let flow = Path::new(FLOW);

    let run = check(flow, &manifests, &[]);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        "checked 1 flow against 3 manifests: no findings\n"
    );
    assert_eq!(run.code, EXIT_OK);

    assert_eq!(check_json(flow, &manifests, &[]), (EXIT_OK, vec![]));
    // Not even a warning.
    assert_eq!(
        check_json(flow, &manifests, &["--deny-warnings"]),
        (EXIT_OK, vec![])
    );
}

#[test]
fn a_misspelt_external_key_is_found_with_the_suggestion() {
    let dir = scratch("typo");
    let manifests = export_manifests(&dir);
    let original = flow_json();
    let store = storing(&original, "customerBalance");
    let balance = invoking(&original, "MyFirstConnectLambda");
    let text = replace_once(
        &flow_text(),
        "$.External.customerBalance",
        "$.External.customerBalanse",
    );
    let flow = write_flow(&dir, "customer-service.json", &text);

    let (code, findings) = check_json(&flow, &manifests, &[]);
    assert_eq!(
        findings,
        [Seen {
            severity: "error".into(),
            code: "unknown-key".into(),
            action: store.clone(),
            field: "Attributes.customerBalance".into(),
            message: "`$.External.customerBalanse` is never returned by my_first_connect_lambda; \
                      did you mean `customerBalance`?"
                .into(),
        }]
    );
    assert_eq!(code, EXIT_FINDINGS);

    // What the flow author reads in the terminal.
    let run = check(&flow, &manifests, &[]);
    assert_eq!(run.code, EXIT_FINDINGS);
    assert_eq!(run.stderr, "");
    let expected = format!(
        "error[unknown-key]: `$.External.customerBalanse` is never returned by my_first_connect_lambda\n  \
         --> {}: block \"Set contact attributes\" {}, field Attributes.customerBalance\n   \
         = help: did you mean `customerBalance`?\n   \
         = note: my_first_connect_lambda is the Lambda invoked by \
         block \"Invoke AWS Lambda function\" {} (MyFirstConnectLambda)\n",
        flow.display(),
        &store[..8],
        &balance[..8],
    );
    assert!(
        run.stdout.starts_with(&expected),
        "expected\n{expected}\ngot\n{}",
        run.stdout
    );
    assert!(
        run.stdout
            .ends_with("checked 1 flow against 3 manifests: 1 error\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_missing_required_parameter_is_found() {
    let dir = scratch("missing");
    let manifests = export_manifests(&dir);
    let mut edited = flow_json();
    let balance = invoking(&edited, "MyFirstConnectLambda");
    let block = edited["Actions"]
        .as_array_mut()
        .expect("Actions")
        .iter_mut()
        .find(|a| a["Identifier"] == balance.as_str())
        .expect("the balance block");
    let removed = block["Parameters"]["LambdaInvocationAttributes"]
        .as_object_mut()
        .expect("the block passes parameters")
        .remove("companyName");
    assert!(removed.is_some(), "the flow passes companyName");
    let text = serde_json::to_string_pretty(&edited).expect("serialise");
    let flow = write_flow(&dir, "customer-service.json", &text);

    let (code, findings) = check_json(&flow, &manifests, &[]);
    assert_eq!(
        findings,
        [Seen {
            severity: "error".into(),
            code: "missing-parameter".into(),
            action: balance,
            field: "LambdaInvocationAttributes.companyName".into(),
            message: "my_first_connect_lambda requires parameter `companyName`, \
                      which this block does not pass"
                .into(),
        }]
    );
    assert_eq!(code, EXIT_FINDINGS);
}

#[test]
fn a_prompt_reading_an_optional_key_is_a_warning() {
    // GreetingRouter leaves `greeting` out once the caller was greeted: a
    // prompt reading it passes the check, with a warning that fails CI under
    // --deny-warnings.
    let dir = scratch("optional");
    let manifests = export_manifests(&dir);
    let welcome = "Welcome to Example Corp. Let us look up your account.";
    let original = flow_json();
    let prompt = actions(&original)
        .iter()
        .find(|a| a["Parameters"]["Text"] == welcome)
        .and_then(|a| a["Identifier"].as_str())
        .expect("the welcome prompt")
        .to_owned();
    let text = replace_once(
        &flow_text(),
        welcome,
        "$.External.greeting Let us look up your account.",
    );
    let flow = write_flow(&dir, "customer-service.json", &text);

    let expected = [Seen {
        severity: "warning".into(),
        code: "optional-key".into(),
        action: prompt,
        field: "Text".into(),
        message:
            "`$.External.greeting` may be missing: greeting_router leaves it out of some responses"
                .into(),
    }];
    let (code, findings) = check_json(&flow, &manifests, &[]);
    assert_eq!(findings, expected);
    assert_eq!(code, EXIT_OK);
    let (code, findings) = check_json(&flow, &manifests, &["--deny-warnings"]);
    assert_eq!(findings, expected);
    assert_eq!(code, EXIT_FINDINGS);
}
