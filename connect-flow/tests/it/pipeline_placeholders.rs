//! The placeholders deployment pipelines write in `LambdaFunctionARN`
//! (tests/flows/pipelines/, see its README): each that carries a name pairs
//! with the manifest of that name and can be scaffolded; each that carries
//! none says so, with a `--map` argument the command line accepts.

use connect_flow::placeholder::{Placeholder, Unnamed};
use connect_flow::{check, input};

use crate::checker::{check_json, fixture, manifests, run};

/// Terraform's `${var.get_balance_lambda_arn}` and
/// `${var.lambda_functions_map["state-lookup"]}` pair with `get_balance`
/// and `state_lookup` by name: no finding, no --map.
#[test]
fn terraform_placeholders_pair_by_name() {
    let flows = input::read(&fixture("tests/flows/pipelines/terraform.json"))
        .into_flows()
        .unwrap();
    let manifests = manifests(&["get_balance", "state_lookup"]);
    let findings = check(&flows, &manifests).unwrap();
    assert!(findings.is_empty(), "{findings:#?}");
    let model = connect_flow::model::Model::new(flows.clone());
    let paired: Vec<(&str, &str)> = manifests
        .pairings(&model)
        .iter()
        .map(|p| {
            let name = manifests.get(p.manifest).unwrap().manifest.handler.as_str();
            (p.placeholder, name)
        })
        .collect();
    assert_eq!(
        paired,
        [
            ("${var.get_balance_lambda_arn}", "get_balance"),
            (
                r#"${var.lambda_functions_map["state-lookup"]}"#,
                "state_lookup"
            ),
        ]
    );
}

/// `<PATIENT_VERIFICATION_LAMBDA_ARN>` pairs with `patient_verification`.
#[test]
fn angle_bracket_placeholder_pairs_by_name() {
    let flows = input::read(&fixture("tests/flows/pipelines/angle_brackets.json"))
        .into_flows()
        .unwrap();
    let manifests = manifests(&["patient_verification"]);
    assert!(check(&flows, &manifests).unwrap().is_empty());
    assert_eq!(
        manifests
            .pairings(&connect_flow::model::Model::new(flows.clone()))
            .len(),
        1
    );
}

/// Each named placeholder can be scaffolded under its name: `connect-flow
/// manifest --function` finds it.
#[test]
fn named_placeholders_can_be_scaffolded() {
    for (flow, function, handler) in [
        (
            "tests/flows/pipelines/terraform.json",
            "state-lookup",
            "state_lookup",
        ),
        (
            "tests/flows/pipelines/terraform.json",
            "get_balance",
            "get_balance",
        ),
        (
            "tests/flows/pipelines/angle_brackets.json",
            "PATIENT_VERIFICATION",
            "patient_verification",
        ),
        (
            "tests/flows/pipelines/cdk.out/ConnectStack.template.json",
            "GetBalance",
            "get_balance",
        ),
    ] {
        let run = run(&["manifest", flow, "--function", function]);
        assert_eq!(run.code, 0, "{flow} {function}: {}", run.stderr);
        let manifest: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(manifest["handler"], handler, "{flow} {function}");
    }
}

/// `${lambda_arn}` and `${var.lambda_function_arn}` name the slot, not the
/// function, and an empty ARN names nothing: each says so. The `--map`
/// argument printed for the placeholders is one the command line accepts,
/// passed as a shell would pass it; an empty ARN is not offered one.
#[test]
fn placeholders_without_a_name_say_how_to_map_them() {
    let flows = input::read(&fixture("tests/flows/pipelines/unnamed.json"))
        .into_flows()
        .unwrap();
    let values: Vec<&str> = flows[0]
        .actions
        .iter()
        .filter_map(|a| a.lambda_invoke()?.function_arn())
        .collect();
    assert_eq!(values, ["${lambda_arn}", "${var.lambda_function_arn}", ""]);
    for value in &values {
        assert_eq!(Placeholder::read(value), None, "{value}");
    }
    let kinds: Vec<_> = values.iter().map(|v| Unnamed::read(v)).collect();
    assert_eq!(
        kinds,
        [
            Some(Unnamed::NoName),
            Some(Unnamed::NoName),
            Some(Unnamed::Empty)
        ]
    );
    let help = Unnamed::NoName.help("${lambda_arn}");
    assert!(
        help.contains("--map '${lambda_arn}=MANIFEST.json'"),
        "{help}"
    );
    assert!(!Unnamed::Empty.help("").contains("--map"));

    // What the shell passes for `--map '${lambda_arn}=M.json'`: the text
    // between the quotes. Each mapped block is then checked against its
    // manifest (the parameter it does not pass is found), not left without
    // one.
    let (code, seen, _) = check_json(&[
        "tests/flows/pipelines/unnamed.json",
        "--map",
        "${lambda_arn}=tests/manifests/get_balance.json",
        "--map",
        "${var.lambda_function_arn}=tests/manifests/state_lookup.json",
    ]);
    assert_eq!(code, 1);
    for (action, field) in [
        ("Invoke the Lambda", "LambdaInvocationAttributes.customerId"),
        ("Invoke the variable", "LambdaInvocationAttributes.zipCode"),
    ] {
        let codes: Vec<&str> = seen
            .iter()
            .filter(|f| f.action.as_deref() == Some(action))
            .map(|f| f.code.as_str())
            .collect();
        assert_eq!(codes, ["missing-parameter"], "{action}");
        assert!(seen.iter().any(|f| f.field.as_deref() == Some(field)));
    }
}
