//! Reading the paths a command is given ([`connect_flow::input`]): a CDK
//! template with two flows, `describe-contact-flow` output, a directory,
//! and an unreadable input among good ones, on the fixtures under
//! tests/flows/pipelines/ (see its README).

use std::path::{Path, PathBuf};

use connect_flow::{check, input, Code, Flow, InputError};

use crate::checker::{fixture, manifests};
use serde_json::{json, Value};

fn arns(flow: &Flow) -> Vec<&str> {
    flow.actions
        .iter()
        .filter_map(|a| a.lambda_invoke()?.function_arn())
        .collect()
}

const TEMPLATE: &str = "tests/flows/pipelines/cdk.out/ConnectStack.template.json";

/// Both contact flow resources of a CDK-synthesized template are flows,
/// named by logical id; `Fn::GetAtt` in an `Fn::Join` and a variable of an
/// `Fn::Sub` become `${X.Arn}` placeholders, which pair with the manifests
/// by name (CDK's logical-id hash dropped).
#[test]
fn a_cdk_template_holds_two_flows_named_by_logical_id() {
    let path = fixture(TEMPLATE);
    let loaded = input::read(&path);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let flows = loaded.flows;
    let resources: Vec<_> = flows.iter().map(|f| f.resource.as_deref()).collect();
    assert_eq!(
        resources,
        [Some("MainFlow5B6C7D8E"), Some("VerifyModule1A2B3C4D")]
    );
    assert!(flows.iter().all(|f| f.path == path));
    assert_eq!(
        arns(&flows[0]),
        ["${GetBalanceE0F9B3A1.Arn}", "${StateLookup3A1B2C4D.Arn}"]
    );
    assert_eq!(arns(&flows[1]), ["${PatientVerification9F8E7D6C.Arn}"]);
    // The module's literal variable is substituted, as CloudFormation does.
    assert_eq!(flows[1].actions[0].parameters["Text"], "Welcome back.");
    assert!(flows[1].settings.is_some());

    let manifests = manifests(&["get_balance", "state_lookup", "patient_verification"]);
    let findings = check(&flows, &manifests).unwrap();
    assert!(findings.is_empty(), "{findings:#?}");
    assert_eq!(
        manifests
            .pairings(&connect_flow::model::Model::new(flows.clone()))
            .len(),
        3
    );
}

/// `aws connect describe-contact-flow` output is read from its `Content`
/// string and checked like an export: the misspelt key is found.
#[test]
fn describe_contact_flow_output_is_checked() {
    let path = fixture("tests/flows/pipelines/describe-contact-flow.json");
    let flows = input::read(&path).into_flows().unwrap();
    assert_eq!(flows.len(), 1);
    assert_eq!(flows[0].path, path);
    assert_eq!(flows[0].resource, None);
    let findings = check(&flows, &manifests(&["get_balance"])).unwrap();
    let codes: Vec<Code> = findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, [Code::UnknownKey]);
    assert_eq!(findings[0].suggestion.as_deref(), Some("customerBalance"));
}

/// A directory gives every flow under it in sorted path order (a template's
/// in logical-id order), and skips what is clearly not a flow: the README,
/// and CDK's `manifest.json` and `tree.json` beside the template.
#[test]
fn a_directory_gives_every_flow_under_it_in_sorted_order() {
    let dir = fixture("tests/flows/pipelines");
    let loaded = input::read(&dir);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let found: Vec<(String, Option<&str>)> = loaded
        .flows
        .iter()
        .map(|f| {
            let relative = f.path.strip_prefix(&dir).unwrap();
            (relative.display().to_string(), f.resource.as_deref())
        })
        .collect();
    let expected = [
        ("angle_brackets.json", None),
        (
            "cdk.out/ConnectStack.template.json",
            Some("MainFlow5B6C7D8E"),
        ),
        (
            "cdk.out/ConnectStack.template.json",
            Some("VerifyModule1A2B3C4D"),
        ),
        ("describe-contact-flow.json", None),
        ("terraform.json", None),
        ("unnamed.json", None),
    ];
    let expected: Vec<(String, Option<&str>)> = expected
        .iter()
        .map(|(path, resource)| (path.to_string(), *resource))
        .collect();
    assert_eq!(found, expected);
    let skipped: Vec<_> = loaded
        .skipped
        .iter()
        .map(|p| p.strip_prefix(&dir).unwrap().display().to_string())
        .collect();
    assert_eq!(
        skipped,
        ["README.md", "cdk.out/manifest.json", "cdk.out/tree.json"]
    );
}

/// One unreadable input among good ones: every good flow is still read
/// (including the good resource of a template whose other resource is
/// broken), and each failure is reported, naming its file and resource.
#[test]
fn an_unreadable_input_among_good_ones_is_reported_and_the_rest_read() {
    let paths = [
        fixture("tests/flows/pipelines/terraform.json"),
        fixture("tests/bad/bad_json.json"),
        fixture("tests/no/such/flow.json"),
        fixture("tests/bad/template_one_bad_flow.json"),
        fixture("tests/flows/pipelines/describe-contact-flow.json"),
    ];
    let loaded = input::read_all(&paths);
    let read: Vec<_> = loaded
        .flows
        .iter()
        .map(|f| (f.path.file_name().unwrap().to_owned(), f.resource.clone()))
        .collect();
    assert_eq!(
        read,
        [
            ("terraform.json".into(), None),
            ("template_one_bad_flow.json".into(), Some("GoodFlow".into())),
            ("describe-contact-flow.json".into(), None),
        ]
    );
    let messages: Vec<String> = loaded.errors.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 3, "{messages:#?}");
    assert!(
        messages[0].contains("bad_json.json: not valid JSON"),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].contains("no/such/flow.json: cannot read the file"),
        "{}",
        messages[1]
    );
    assert!(
        messages[2].ends_with(
            "template_one_bad_flow.json: resource BrokenFlow: Properties.Content: Fn::Join part 1: \
             `Fn::If` has no value before deployment and names nothing the checker can read; \
             write the value as a string, an Fn::GetAtt or a Ref"
        ),
        "{}",
        messages[2]
    );
    assert!(matches!(loaded.errors[2], InputError::BadResource { .. }));
    // A command that stops at the first error gets the first one.
    assert!(matches!(
        input::read_all(&paths).into_flows(),
        Err(InputError::Json { .. })
    ));
}

/// A directory with no flow in it, a template with no flow and a YAML
/// template each say what is wrong and what to pass instead.
#[test]
fn inputs_without_a_flow_say_what_to_pass() {
    let dir = temp_dir("no-flow");
    std::fs::write(dir.join("package.json"), r#"{"name": "x"}"#).unwrap();
    let message = input::read(&dir).errors[0].to_string();
    assert!(
        message.contains("no flow under this directory"),
        "{message}"
    );

    let template = dir.join("other.template.json");
    std::fs::write(
        &template,
        r#"{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}"#,
    )
    .unwrap();
    let message = input::read(&template).errors[0].to_string();
    assert!(
        message.contains(
            "no `AWS::Connect::ContactFlow` or `AWS::Connect::ContactFlowModule` resource"
        ),
        "{message}"
    );

    let yaml = dir.join("template.yaml");
    std::fs::write(
        &yaml,
        "Resources:\n  Flow:\n    Type: AWS::Connect::ContactFlow\n",
    )
    .unwrap();
    let message = input::read(&yaml).errors[0].to_string();
    assert!(
        message.contains("a YAML CloudFormation template is not read: convert it to JSON"),
        "{message}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A directory of 1,000 flows is read whole, in order; its time is printed
/// (`--nocapture`) for BENCHMARKS.md rather than asserted, as CI machines
/// vary.
#[test]
fn a_directory_of_a_thousand_flows() {
    let dir = temp_dir("thousand");
    let flow = std::fs::read(fixture("tests/flows/pipelines/terraform.json")).unwrap();
    for i in 0..1000 {
        let sub = dir.join(format!("team{:02}", i % 10));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("flow{i:04}.json")), &flow).unwrap();
    }
    let started = std::time::Instant::now();
    let loaded = input::read(&dir);
    let elapsed = started.elapsed();
    eprintln!("read 1,000 flows in {elapsed:?}");
    assert!(loaded.errors.is_empty());
    assert_eq!(loaded.flows.len(), 1000);
    let paths: Vec<&Path> = loaded.flows.iter().map(|f| f.path.as_path()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// No panic on a mangled template: each value of the CDK fixture replaced
/// in turn by every kind of JSON value is read or reported.
#[test]
fn a_mangled_template_never_panics() {
    let template: Value =
        serde_json::from_slice(&std::fs::read(fixture(TEMPLATE)).unwrap()).unwrap();
    let dir = temp_dir("mangled");
    let path = dir.join("t.json");
    let kinds = [
        json!(null),
        json!(true),
        json!(7),
        json!("${"),
        json!([]),
        json!({}),
        json!({"Fn::GetAtt": 1}),
        json!({"Fn::Sub": ["${x}", {"x": {"Fn::Join": 1}}]}),
    ];
    let mut pointers = Vec::new();
    collect_pointers(&template, String::new(), &mut pointers);
    assert!(pointers.len() > 50, "{}", pointers.len());
    for pointer in &pointers {
        for kind in &kinds {
            let mut mangled = template.clone();
            *mangled.pointer_mut(pointer).unwrap() = kind.clone();
            std::fs::write(&path, serde_json::to_vec(&mangled).unwrap()).unwrap();
            let loaded = input::read(&path);
            assert!(loaded.flows.len() + loaded.errors.len() >= 1, "{pointer}");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

fn collect_pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let pointer = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                out.push(pointer.clone());
                collect_pointers(child, pointer, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let pointer = format!("{at}/{i}");
                out.push(pointer.clone());
                collect_pointers(child, pointer, out);
            }
        }
        _ => {}
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("connect-flow-inputs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The commands read their INPUT paths through the input module: `check`
/// takes a CDK output directory and describe output, `manifest` a
/// template.
#[test]
fn the_commands_read_directories_templates_and_describe_output() {
    let run = crate::checker::run(&[
        "check",
        "tests/flows/pipelines/cdk.out",
        "tests/flows/pipelines/describe-contact-flow.json",
        "--manifest",
        "tests/manifests/get_balance.json",
        "--manifest",
        "tests/manifests/state_lookup.json",
        "--manifest",
        "tests/manifests/patient_verification.json",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("checked 3 flows against 3 manifests: 1 error"),
        "{}",
        run.stdout
    );
    assert!(run
        .stdout
        .contains("`$.External.customerBalanse` is never returned by get_balance"));
    let run = crate::checker::run(&[
        "manifest",
        "tests/flows/pipelines/cdk.out/ConnectStack.template.json",
        "--function",
        "PatientVerification",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("\"dateOfBirth\""), "{}", run.stdout);
}
