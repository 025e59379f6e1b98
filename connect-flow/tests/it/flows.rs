//! Each flow under tests/flows/ checked against the manifests under
//! tests/manifests/, through the built binary: the exact findings (severity,
//! code, action, field, in order) and the exit code.

use std::path::Path;

use crate::checker::{self, assert_findings, check_json};

const E: &str = "error";
const W: &str = "warning";

/// Several Lambdas in one flow; the first's values stored with
/// UpdateContactAttributes and passed into the next Lambda's parameters; a
/// misspelt key; a key only the first Lambda returns read after the second;
/// references on the shared error branch.
#[test]
fn several_lambdas() {
    let get_customer = "d1ac46d7-451f-5af8-b5e8-16a055e22491";
    let store = "b672eb90-543c-5efb-a247-87d3f065c25b";
    let say_balance = "6f6fad35-3ad0-5ac1-8317-4e84d2c4c8d6";
    let say_name = "2a49741a-2354-5471-a4c0-98b77bdd26bf";
    let sorry = "a1696665-bd47-5a6d-96da-6e8168724bf0";
    let get_balance = "3ba31252-f17d-5549-a2f7-038d8f0ea330";
    let messages = assert_findings(
        &[
            "tests/flows/several_lambdas.json",
            "--manifest",
            "tests/manifests/get_customer.json",
            "--manifest",
            "tests/manifests/get_balance.json",
        ],
        1,
        &[
            (W, "optional-key", Some(store), Some("Attributes.nick")),
            (E, "unknown-key", Some(say_balance), Some("Text")),
            (E, "unknown-key", Some(say_name), Some("Text")),
            (W, "after-lambda-error", Some(sorry), Some("Text")),
            (W, "after-lambda-error", Some(sorry), Some("Text")),
        ],
    );
    assert_eq!(
        messages[1],
        "`$.External.customerBalanse` is never returned by get_balance; did you mean `customerBalance`?"
    );
    assert_eq!(
        messages[2],
        "`$.External.firstName` is never returned by get_balance"
    );
    // The error branch is shared by both Lambdas; each failure is named.
    // Each failure is named as the designer names the block: the UUID's
    // first 8 characters and the function.
    assert!(
        messages[3].contains(&format!("{} (get-balance)", &get_balance[..8])),
        "{}",
        messages[3]
    );
    assert!(messages[4].contains(&get_customer[..8]), "{}", messages[4]);
}

/// A Lambda called in a loop: its own parameter reads its previous
/// response, which does not exist on the first pass.
#[test]
fn lambda_in_a_loop() {
    let next_order = "569cbbff-d444-522b-a6ff-5dd2f77864d9";
    let done = "1fd44ced-fece-5fee-b261-c3c22f9cb6fe";
    let messages = assert_findings(
        &[
            "tests/flows/loop.json",
            "--manifest",
            "tests/manifests/next_order.json",
        ],
        1,
        &[
            (
                W,
                "no-lambda-ran",
                Some(next_order),
                Some("LambdaInvocationAttributes.cursor"),
            ),
            (E, "unknown-key", Some(done), Some("Text")),
            (W, "after-lambda-error", Some(done), Some("Text")),
        ],
    );
    // Sentence punctuation ends the reference; case matters, and is suggested.
    assert_eq!(
        messages[1],
        "`$.External.orderID` is never returned by next_order; did you mean `orderId`?"
    );
}

/// Compare branching on `$.External` to two Lambdas that merge: a key both
/// return is fine, a key only one returns is an error naming the other.
#[test]
fn compare_branching_on_external() {
    let silver = "7a2c0f1b-19d2-5a3b-97a6-a8afb0456ba3";
    let balance = "aab92181-b47a-5019-b73f-ca4003fac4aa";
    let messages = assert_findings(
        &[
            "tests/flows/compare_branching.json",
            "--manifest",
            "tests/manifests/get_customer.json",
            "--manifest",
            "tests/manifests/get_balance.json",
            "--manifest",
            "tests/manifests/next_order.json",
        ],
        1,
        &[
            (
                E,
                "missing-parameter",
                Some(silver),
                Some("LambdaInvocationAttributes.cursor"),
            ),
            (E, "unknown-key", Some(balance), Some("SSML")),
        ],
    );
    assert_eq!(
        messages[0],
        "next_order requires parameter `cursor`, which this block does not pass"
    );
    assert_eq!(
        messages[1],
        "`$.External.customerBalance` is never returned by next_order"
    );
}

/// JSON validation with nested keys: listed children, optional children, a
/// missing child with and without a near miss, a map's children, an array,
/// a scalar parent; then nested reads after a STRING_MAP block, and a JSON
/// Lambda behind a STRING_MAP block.
#[test]
fn json_validation_with_nested_keys() {
    let store = "450e673e-595f-509f-ad18-ad00394acc47";
    let greet = "a8fed903-a038-5aac-a67b-6de42d4e3bf4";
    let say_first = "d7c56861-c94c-531a-8d73-2b59fd82640e";
    let profile_flat = "d2f8109d-4043-57d5-a05a-cfe6ad69892a";
    let say_tier = "8b9aad60-0f5a-5236-9349-f5b07451552f";
    let messages = assert_findings(
        &[
            "tests/flows/json_nested.json",
            "--manifest",
            "tests/manifests/customer_profile.json",
            "--manifest",
            "tests/manifests/get_balance.json",
        ],
        1,
        &[
            (
                E,
                "nested-under-string-map",
                Some(store),
                Some("Attributes.cents"),
            ),
            (W, "optional-key", Some(store), Some("Attributes.city")),
            (
                E,
                "not-referenceable",
                Some(store),
                Some("Attributes.first_item"),
            ),
            (W, "optional-key", Some(store), Some("Attributes.last")),
            (E, "unknown-key", Some(store), Some("Attributes.middle")),
            (E, "unknown-key", Some(greet), Some("Text")),
            (E, "nested-under-string-map", Some(say_first), Some("Text")),
            (
                E,
                "validation-mismatch",
                Some(profile_flat),
                Some("ResponseValidation.ResponseType"),
            ),
            (W, "optional-key", Some(say_tier), Some("Text")),
        ],
    );
    assert_eq!(
        messages[0],
        "`$.External.balance.cents` reads below `balance`, which customer_profile returns as a string"
    );
    assert_eq!(
        messages[5],
        "`$.External.Name.Frist` is never returned by customer_profile; did you mean `Name.First`?"
    );
    assert!(
        messages[6].contains("validates the response as STRING_MAP"),
        "{}",
        messages[6]
    );
}

/// A flow module: friendly-name Identifiers, a Settings block, a placeholder
/// ARN matched with --map, an UpdateContactAttributes error branch (which
/// keeps `$.External`), a dangling transition and a duplicate Identifier.
#[test]
fn flow_module_with_friendly_names() {
    let messages = assert_findings(
        &[
            "tests/flows/case_module.json",
            "--map",
            "${LookupCaseFunction.Arn}=tests/manifests/lookup_case.json",
        ],
        1,
        &[
            (
                W,
                "unused-parameter",
                Some("Look up case"),
                Some("LambdaInvocationAttributes.channel"),
            ),
            (
                E,
                "unknown-key",
                Some("Store case"),
                Some("Attributes.caseOwner"),
            ),
            (E, "unknown-key", Some("Case lookup failed"), Some("Text")),
            (
                W,
                "after-lambda-error",
                Some("Case lookup failed"),
                Some("Text"),
            ),
            (
                W,
                "dangling-transition",
                Some("Case lookup failed"),
                Some("Transitions.NextAction"),
            ),
            (E, "duplicate-identifier", Some("Done"), Some("Identifier")),
        ],
    );
    assert_eq!(
        messages[1],
        "`$.External.case_owner` is never returned by lookup_case; did you mean `caseOwner`?"
    );
    assert_eq!(
        messages[3],
        "`$.External.caseNumber` is read on the error branch of \
         block \"Invoke AWS Lambda function\" \"Look up case\" (${LookupCaseFunction.Arn})"
    );
}

/// The same module without --map: the placeholder pairs by its name.
#[test]
fn flow_module_paired_by_placeholder_name_without_map() {
    // `${LookupCaseFunction.Arn}` names `LookupCase`, which is lookup_case's
    // handler: paired as --map would pair it, with a note saying so.
    let args = |extra: &[&'static str]| {
        let mut all = vec![
            "check",
            "tests/flows/case_module.json",
            "--manifest",
            "tests/manifests/lookup_case.json",
            "--format",
            "json",
        ];
        all.extend_from_slice(extra);
        all
    };
    let paired = checker::run(&args(&[]));
    let mapped = checker::run(&args(&[
        "--map",
        "${LookupCaseFunction.Arn}=tests/manifests/lookup_case.json",
    ]));
    assert_eq!(paired.code, 1);
    assert_eq!(paired.stdout, mapped.stdout);
    assert_eq!(
        paired.stderr,
        "note: tests/flows/case_module.json: block \"Invoke AWS Lambda function\" \"Look up case\" \
         (${LookupCaseFunction.Arn}) is paired with tests/manifests/lookup_case.json: \
         the placeholder names `LookupCase`; --map overrides it\n"
    );
    // --map pairs it explicitly: no note.
    assert_eq!(mapped.stderr, "");
}

/// A placeholder naming no manifest is `no-manifest`, and says which name
/// it looked for.
#[test]
fn a_placeholder_naming_no_manifest() {
    let messages = assert_findings(
        &[
            "tests/flows/case_module.json",
            "--manifest",
            "tests/manifests/get_balance.json",
        ],
        1,
        &[
            (
                W,
                "no-manifest",
                Some("Look up case"),
                Some("LambdaFunctionARN"),
            ),
            (
                W,
                "after-lambda-error",
                Some("Case lookup failed"),
                Some("Text"),
            ),
            (
                W,
                "dangling-transition",
                Some("Case lookup failed"),
                Some("Transitions.NextAction"),
            ),
            (E, "duplicate-identifier", Some("Done"), Some("Identifier")),
            (W, "unused-manifest", None, None),
        ],
    );
    assert_eq!(
        messages[0],
        "no manifest for placeholder `${LookupCaseFunction.Arn}`: no manifest's `function` or `handler` is `LookupCase`"
    );
}

/// A flow with no ResponseValidation (STRING_MAP) invoking a JSON Lambda,
/// timeouts out of range and missing, literal parameters of the wrong type,
/// a misspelt parameter, an asynchronous invoke read before its result is
/// loaded, a Lambda without a manifest and a manifest nothing invokes.
#[test]
fn no_response_validation() {
    let age_check = "d9256376-0460-5ed3-af79-96ebf2e2c1bb";
    let crm = "ae32f199-470c-5a6e-9d91-7dc4903a7137";
    let crm_status = "61372345-7b1a-5a3b-95df-d0e5f97c5968";
    let messages = assert_findings(
        &[
            "tests/flows/no_validation.json",
            "--manifest",
            "tests/manifests/age_check.json",
            "--manifest",
            "tests/manifests/never_invoked.json",
        ],
        1,
        &[
            (
                E,
                "invalid-timeout",
                Some(age_check),
                Some("InvocationTimeLimitSeconds"),
            ),
            (
                W,
                "parameter-type",
                Some(age_check),
                Some("LambdaInvocationAttributes.age"),
            ),
            (
                W,
                "unused-parameter",
                Some(age_check),
                Some("LambdaInvocationAttributes.nmae"),
            ),
            (
                W,
                "parameter-type",
                Some(age_check),
                Some("LambdaInvocationAttributes.verbose"),
            ),
            (
                E,
                "validation-mismatch",
                Some(age_check),
                Some("ResponseValidation"),
            ),
            (
                E,
                "invalid-timeout",
                Some(crm),
                Some("InvocationTimeLimitSeconds"),
            ),
            (W, "no-manifest", Some(crm), Some("LambdaFunctionARN")),
            (W, "async-result-not-loaded", Some(crm_status), Some("Text")),
            (W, "unused-manifest", None, None),
        ],
    );
    assert_eq!(
        messages[0],
        "InvocationTimeLimitSeconds is 10, outside 1..8"
    );
    assert_eq!(
        messages[2],
        "parameter `nmae` is passed, but age_check never reads it; did you mean `name`?"
    );
    assert_eq!(messages[5], "InvocationTimeLimitSeconds is missing");
    assert_eq!(
        messages[8],
        "the manifest of never_invoked matches no action in the flow"
    );
}

/// Two Lambdas, values stored and passed on, error branches that read no
/// `$.External`: nothing to report, exit 0.
#[test]
fn clean_flow() {
    assert_findings(
        &[
            "tests/flows/clean.json",
            "--manifest",
            "tests/manifests/get_customer.json",
            "--manifest",
            "tests/manifests/get_balance.json",
        ],
        0,
        &[],
    );
}

/// A flow that is transferred to reads `$.External` left by the flow before:
/// a warning, which passes unless --deny-warnings.
#[test]
fn warnings_pass_unless_denied() {
    let say = "0d738e36-998b-5503-bd1b-79e44bcff043";
    let expected = [(W, "no-lambda-ran", Some(say), Some("Text"))];
    assert_findings(&["tests/flows/transfer_target.json"], 0, &expected);
    assert_findings(
        &["tests/flows/transfer_target.json", "--deny-warnings"],
        1,
        &expected,
    );
}

/// Several flows in one run: findings in the order the flows are given; a
/// manifest used by any of them is not unused.
#[test]
fn several_flows_in_one_run() {
    assert_findings(
        &[
            "tests/flows/transfer_target.json",
            "tests/flows/clean.json",
            "tests/flows/loop.json",
            "--manifest",
            "tests/manifests/get_customer.json",
            "--manifest",
            "tests/manifests/get_balance.json",
            "--manifest",
            "tests/manifests/next_order.json",
        ],
        1,
        &[
            (
                W,
                "no-lambda-ran",
                Some("0d738e36-998b-5503-bd1b-79e44bcff043"),
                Some("Text"),
            ),
            (
                W,
                "no-lambda-ran",
                Some("569cbbff-d444-522b-a6ff-5dd2f77864d9"),
                Some("LambdaInvocationAttributes.cursor"),
            ),
            (
                E,
                "unknown-key",
                Some("1fd44ced-fece-5fee-b261-c3c22f9cb6fe"),
                Some("Text"),
            ),
            (
                W,
                "after-lambda-error",
                Some("1fd44ced-fece-5fee-b261-c3c22f9cb6fe"),
                Some("Text"),
            ),
        ],
    );
}

/// `--map` wins over name matching, and a later `--map` for the same ARN
/// replaces an earlier one.
#[test]
fn map_overrides_name_matching() {
    let arn = "arn:aws:lambda:us-east-1:123456789012:function:next_order";
    let wrong = format!("{arn}=tests/manifests/get_balance.json");
    let right = format!("{arn}=tests/manifests/next_order.json");
    // Mapped to get_balance: next_order's keys are unknown, its parameter unused.
    let (code, seen, _) = checker::check_json(&["tests/flows/loop.json", "--map", &wrong]);
    assert_eq!(code, 1);
    assert!(seen.iter().any(|f| f.code == "missing-parameter"));
    assert!(seen.iter().any(|f| f.code == "unused-parameter"));
    // The later --map wins: the same findings as name matching, and
    // get_balance.json, read for the replaced --map, now matches nothing.
    let (mapped_code, mut mapped, _) =
        checker::check_json(&["tests/flows/loop.json", "--map", &wrong, "--map", &right]);
    let (named_code, named, _) = checker::check_json(&[
        "tests/flows/loop.json",
        "--manifest",
        "tests/manifests/next_order.json",
    ]);
    assert_eq!(
        mapped.pop().map(|f| f.code),
        Some("unused-manifest".to_owned())
    );
    assert_eq!((mapped_code, &mapped), (named_code, &named));
}

/// 8 + 8 + 6 seconds of synchronous invokes with nothing played between
/// them: the third takes the chain past Connect's 20 seconds.
#[test]
fn a_lambda_chain_past_20_seconds() {
    let messages = assert_findings(
        &["tests/codes/lambda-chain-timeout/fires/flow.json"],
        0,
        &[
            (
                W,
                "no-manifest",
                Some("Look up caller"),
                Some("LambdaFunctionARN"),
            ),
            (
                W,
                "no-manifest",
                Some("Check balance"),
                Some("LambdaFunctionARN"),
            ),
            (
                W,
                "lambda-chain-timeout",
                Some("Find offers"),
                Some("InvocationTimeLimitSeconds"),
            ),
            (
                W,
                "no-manifest",
                Some("Find offers"),
                Some("LambdaFunctionARN"),
            ),
        ],
    );
    assert_eq!(
        messages[2],
        "this invoke can take a chain of Lambdas with no prompt between them to 22 seconds, \
         past the 20 Connect allows"
    );
}

/// The same chain with a Play prompt before the third invoke: two chains of
/// 16 and 6 seconds.
#[test]
fn a_prompt_ends_a_lambda_chain() {
    let (_, seen, _) = check_json(&["tests/codes/lambda-chain-timeout/passes/flow.json"]);
    assert!(seen.iter().all(|f| f.code == "no-manifest"), "{seen:?}");
}

#[test]
fn an_unreachable_block() {
    assert_findings(
        &["tests/codes/unreachable-block/fires/flow.json"],
        0,
        &[(
            W,
            "unreachable-block",
            Some("Old greeting"),
            Some("Identifier"),
        )],
    );
    assert_findings(&["tests/codes/unreachable-block/passes/flow.json"], 0, &[]);
}

#[test]
fn a_lambda_block_without_an_error_branch() {
    assert_findings(
        &["tests/codes/no-error-branch/fires/flow.json"],
        0,
        &[
            (
                W,
                "no-manifest",
                Some("Look up caller"),
                Some("LambdaFunctionARN"),
            ),
            (
                W,
                "no-error-branch",
                Some("Look up caller"),
                Some("Transitions.Errors"),
            ),
        ],
    );
}

/// The block's only error branch is a `Timeout` one: it is an error branch
/// (no `no-error-branch`), and `$.External` read there is `after-lambda-error`.
#[test]
fn any_error_type_is_a_failure_branch() {
    assert_findings(
        &["tests/codes/no-error-branch/passes/flow.json"],
        0,
        &[
            (
                W,
                "no-manifest",
                Some("Look up caller"),
                Some("LambdaFunctionARN"),
            ),
            (W, "after-lambda-error", Some("Too slow"), Some("Text")),
        ],
    );
}

#[test]
fn identifiers_the_flow_language_refuses() {
    let messages = assert_findings(
        &["tests/codes/invalid-identifier/fires/flow.json"],
        1,
        &[
            (
                E,
                "invalid-identifier",
                Some("Welcome: main menu"),
                Some("Identifier"),
            ),
            (
                E,
                "invalid-identifier",
                Some("Tell the caller about every one of our current offers"),
                Some("Identifier"),
            ),
        ],
    );
    assert_eq!(
        messages,
        [
            "the Identifier holds `:`, which the flow language refuses",
            "the Identifier is 53 characters long; the flow language allows 50",
        ]
    );
    assert_findings(&["tests/codes/invalid-identifier/passes/flow.json"], 0, &[]);
}

/// Real public flows that deploy with placeholders (tests/flows/public/,
/// sources and licences in its README), each with the manifests of its
/// functions.
const PUBLIC_FLOWS: [(&str, &[&str]); 3] = [
    (
        "tests/flows/public/contact-surveys-module.json",
        &[
            "get_survey_config",
            "process_survey_flags_config",
            "write_surveys_results",
            "survey_utils",
        ],
    ),
    (
        "tests/flows/public/rules-engine-integration.json",
        &["connect_integration_start", "connect_check_timeout"],
    ),
    (
        "tests/flows/public/snippets-task-flow.json",
        &["send_response"],
    ),
];

fn public_args(flow: &str, handlers: &[&str], manifest_dir: &Path) -> Vec<String> {
    let mut args = vec![flow.to_owned()];
    for handler in handlers {
        args.push("--manifest".into());
        args.push(
            manifest_dir
                .join(format!("{handler}.json"))
                .display()
                .to_string(),
        );
    }
    args
}

/// With no --map, every Lambda of every public flow is paired with its
/// manifest by the placeholder's name: no `no-manifest`, no `unused-manifest`,
/// and one note per placeholder saying which manifest it was paired with.
#[test]
fn public_flows_pair_every_lambda_without_map() {
    for (flow, handlers) in PUBLIC_FLOWS {
        let args = public_args(flow, handlers, Path::new("tests/manifests/public"));
        let mut all: Vec<&str> = vec!["check"];
        all.extend(args.iter().map(String::as_str));
        all.extend(["--format", "json"]);
        let run = checker::run(&all);
        assert_eq!(run.code, 0, "{flow}: {}", run.stdout);
        let (_, seen, messages) = check_json(&all[1..all.len() - 2]);
        for finding in &seen {
            assert!(
                finding.code != "no-manifest" && finding.code != "unused-manifest",
                "{flow}: {seen:?} {messages:?}"
            );
        }
        let notes: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(notes.len(), handlers.len(), "{flow}: {notes:?}");
        for handler in handlers.iter() {
            assert!(
                notes.iter().any(|n| n.contains(&format!(
                    "paired with tests/manifests/public/{handler}.json:"
                ))),
                "{flow}: no note for {handler}: {notes:?}"
            );
        }
    }
}

/// The same check finds a key dropped from one manifest: the flow reads
/// `$.External.surveySize` after GetSurveyConfig.
#[test]
fn a_key_dropped_from_a_public_manifest_is_unknown() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("public-dropped-key");
    std::fs::create_dir_all(&dir).unwrap();
    let (flow, handlers) = PUBLIC_FLOWS[0];
    for handler in handlers {
        let text =
            std::fs::read_to_string(format!("tests/manifests/public/{handler}.json")).unwrap();
        let mut manifest: serde_json::Value = serde_json::from_str(&text).unwrap();
        if *handler == "get_survey_config" {
            let external = manifest["external"].as_array_mut().unwrap();
            let before = external.len();
            external.retain(|e| e["key"] != "surveySize");
            assert_eq!(external.len(), before - 1);
        }
        std::fs::write(dir.join(format!("{handler}.json")), manifest.to_string()).unwrap();
    }
    let args = public_args(flow, handlers, &dir);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, seen, messages) = check_json(&args);
    assert_eq!(code, 1);
    let unknown: Vec<&String> = seen
        .iter()
        .zip(&messages)
        .filter(|(f, _)| f.code == "unknown-key")
        .map(|(_, m)| m)
        .collect();
    assert!(!unknown.is_empty(), "{seen:?}");
    for message in unknown {
        assert_eq!(
            message,
            "`$.External.surveySize` is never returned by get_survey_config"
        );
    }
}

/// The public flows' manifests list the values their Lambdas return where
/// the flows compare them (`IntegrationStatus`, `validInput`) and accept
/// (`operation`). Checked as written, the only value findings are the
/// values a block leaves to its No match branch: `validInput` compared with
/// `false` alone, `IntegrationStatus` compared with `DONE` alone after
/// ConnectIntegrationStart (the block comparing all five is clean).
#[test]
fn public_flows_with_values_find_only_the_values_left_to_no_match() {
    let value_codes = [
        "impossible-condition",
        "unhandled-value",
        "operator-type-mismatch",
        "invalid-parameter-value",
    ];
    let mut found = Vec::new();
    for (flow, handlers) in PUBLIC_FLOWS {
        let args = public_args(flow, handlers, Path::new("tests/manifests/public"));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (_, seen, messages) = check_json(&args);
        for (finding, message) in seen.iter().zip(&messages) {
            if value_codes.contains(&finding.code.as_str()) {
                found.push((
                    finding.code.clone(),
                    finding.action.clone(),
                    message.clone(),
                ));
            }
        }
    }
    let found: Vec<(String, Option<String>, String)> = found
        .into_iter()
        .map(|(code, action, message)| (code, action.map(|a| a[..8].to_owned()), message))
        .collect();
    assert_eq!(
        found,
        [
            (
                "unhandled-value".to_owned(),
                Some("63107da9".to_owned()),
                "`$.External.validInput` can be `true`, which no condition of this block matches: \
                 it takes the No match branch"
                    .to_owned()
            ),
            (
                "unhandled-value".to_owned(),
                Some("e8f5fb15".to_owned()),
                "`$.External.IntegrationStatus` can be `START`, `RUN`, `ERROR` or `TIMEOUT`, which \
                 no condition of this block matches: they take the No match branch"
                    .to_owned()
            ),
        ]
    );
}

/// The same flow against a Lambda that answers in other spellings (Python's
/// `str(True)`, a snake_case operation): the comparison with `false` can
/// never be true, and the literal `validateInput` is refused, each with the
/// value meant.
#[test]
fn public_flow_against_other_spellings_is_impossible() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("public-other-spellings");
    std::fs::create_dir_all(&dir).unwrap();
    let (flow, handlers) = PUBLIC_FLOWS[0];
    for handler in handlers {
        let text =
            std::fs::read_to_string(format!("tests/manifests/public/{handler}.json")).unwrap();
        let mut manifest: serde_json::Value = serde_json::from_str(&text).unwrap();
        if *handler == "survey_utils" {
            for entry in manifest["external"].as_array_mut().unwrap() {
                if entry["key"] == "validInput" {
                    entry["values"] = serde_json::json!(["True", "False"]);
                }
            }
            for entry in manifest["parameters"].as_array_mut().unwrap() {
                if entry["key"] == "operation" {
                    entry["values"] =
                        serde_json::json!(["get_next_survey_question", "validate_input"]);
                }
            }
        }
        std::fs::write(dir.join(format!("{handler}.json")), manifest.to_string()).unwrap();
    }
    let args = public_args(flow, handlers, &dir);
    let mut all: Vec<&str> = vec!["check"];
    all.extend(args.iter().map(String::as_str));
    let run = checker::run(&all);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "error[impossible-condition]: `$.External.validInput` is never `false`: it can only be \
             `True` or `False` (survey_utils's `validInput`)"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("did you mean `False`?"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "error[invalid-parameter-value]: parameter `operation` is `validateInput`, which \
             survey_utils does not accept: it accepts `get_next_survey_question` or `validate_input`"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("did you mean `validate_input`?"),
        "{}",
        run.stdout
    );
}
