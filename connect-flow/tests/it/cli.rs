//! The `connect-flow` binary: human and JSON output, help, exit codes, and
//! every kind of unreadable input (exit 2 with a message that says which file
//! and what is wrong).

use crate::checker::{self, run};

/// Runs `check` on arguments that cannot be read; asserts exit 2, nothing on
/// stdout, and one `error:` message on stderr holding every `expected` part.
fn unreadable(args: &[&str], expected: &[&str]) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    let run = run(&all);
    assert_eq!(run.code, 2, "stderr: {}", run.stderr);
    assert!(run.stdout.is_empty(), "stdout: {}", run.stdout);
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    for part in expected {
        assert!(run.stderr.contains(part), "{part:?} not in {}", run.stderr);
    }
}

#[test]
fn bad_json() {
    unreadable(
        &["tests/bad/bad_json.json"],
        &[
            "tests/bad/bad_json.json: not valid JSON: EOF while parsing",
            "line 6",
        ],
    );
}

#[test]
fn a_json_array_is_not_a_flow() {
    unreadable(
        &["tests/bad/array.json"],
        &["tests/bad/array.json: not an Amazon Connect flow: expected a JSON object with Version, StartAction and Actions, found an array"],
    );
}

#[test]
fn an_object_without_version_is_not_a_flow() {
    unreadable(
        &["tests/bad/not_a_flow.json"],
        &["tests/bad/not_a_flow.json: not an Amazon Connect flow: Version is missing"],
    );
}

#[test]
fn the_older_export_format_must_be_re_exported() {
    unreadable(
        &["tests/bad/older_format.json"],
        &[
            "tests/bad/older_format.json: this flow is in the older export format (`modules`, `InvokeExternalResource`)",
            "export it again",
        ],
    );
}

#[test]
fn a_missing_flow() {
    unreadable(
        &["tests/flows/no_such_flow.json"],
        &["tests/flows/no_such_flow.json: cannot read the file"],
    );
}

#[test]
fn a_missing_manifest() {
    unreadable(
        &[
            "tests/flows/clean.json",
            "--manifest",
            "tests/manifests/no_such.json",
        ],
        &["tests/manifests/no_such.json: cannot read the file"],
    );
}

#[test]
fn a_malformed_manifest_names_the_path() {
    unreadable(
        &["tests/flows/clean.json", "--manifest", "tests/bad/manifest_malformed.json"],
        &["tests/bad/manifest_malformed.json: malformed manifest: parameters[0].type: unknown variant `text`"],
    );
    unreadable(
        &["tests/flows/clean.json", "--manifest", "tests/bad/manifest_no_validation.json"],
        &["tests/bad/manifest_no_validation.json: malformed manifest: missing field `responseValidation`"],
    );
    unreadable(
        &[
            "tests/flows/clean.json",
            "--manifest",
            "tests/bad/array.json",
        ],
        &["tests/bad/array.json: malformed manifest: expected a JSON object, found an array"],
    );
}

#[test]
fn a_manifest_of_another_version() {
    unreadable(
        &["tests/flows/clean.json", "--manifest", "tests/bad/manifest_v3.json"],
        &["tests/bad/manifest_v3.json: unsupported manifestVersion 3: this checker reads manifestVersion 1 to 2"],
    );
}

#[test]
fn a_manifest_given_to_map_is_read_too() {
    unreadable(
        &[
            "tests/flows/clean.json",
            "--map",
            "${Fn.Arn}=tests/bad/manifest_v3.json",
        ],
        &["tests/bad/manifest_v3.json: unsupported manifestVersion 3"],
    );
    unreadable(
        &[
            "tests/flows/clean.json",
            "--map",
            "tests/manifests/get_balance.json",
        ],
        &["--map \"tests/manifests/get_balance.json\": expected ARN=MANIFEST.json"],
    );
}

#[test]
fn two_manifests_matching_one_function_are_an_input_error() {
    unreadable(
        &[
            "tests/flows/clean.json",
            "--manifest",
            "tests/manifests/get_balance.json",
            "--manifest",
            "tests/bad/duplicate_get_balance.json",
        ],
        &[
            "tests/flows/clean.json: action \"34e2c834-8384-58a2-9e65-876c12480df0\" invokes function `GetBalance`, which matches more than one manifest",
            "tests/manifests/get_balance.json, tests/bad/duplicate_get_balance.json",
            "--map",
        ],
    );
    // A --map for that ARN settles it.
    let run = run(&[
        "check",
        "tests/flows/clean.json",
        "--manifest",
        "tests/manifests/get_customer.json",
        "--manifest",
        "tests/manifests/get_balance.json",
        "--manifest",
        "tests/bad/duplicate_get_balance.json",
        "--map",
        "arn:aws:lambda:us-east-1:123456789012:function:GetBalance=tests/manifests/get_balance.json",
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    // The duplicate matched no action.
    assert!(
        run.stdout
            .contains("warning[unused-manifest]: the manifest of GetBalance"),
        "{}",
        run.stdout
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["check"][..],
        &["check", "tests/flows/clean.json", "--format", "xml"][..],
        &["check", "tests/flows/clean.json", "--no-such-flag"][..],
        &["lint", "tests/flows/clean.json"][..],
    ] {
        let run = run(args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(!run.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn help_exits_0_and_lists_the_options() {
    let run = run(&["check", "--help"]);
    assert_eq!(run.code, 0);
    for option in [
        "--manifest",
        "--map",
        "--format",
        "--deny-warnings",
        "<INPUT>",
    ] {
        assert!(
            run.stdout.contains(option),
            "{option} not in {}",
            run.stdout
        );
    }
    // Every command that reads flows says what an INPUT may be.
    for command in ["check", "scaffold", "manifest", "simulate", "test"] {
        let help = checker::run(&[command, "--help"]);
        assert_eq!(help.code, 0, "{command}");
        for kind in [
            "flow export",
            "a directory",
            "describe-contact-flow",
            "CloudFormation JSON template",
        ] {
            assert!(help.stdout.contains(kind), "{command} --help lacks {kind}");
        }
    }
    let run = checker::run(&["--help"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("check"));
}

#[test]
fn human_output_reads_like_rustc() {
    let run = run(&[
        "check",
        "tests/flows/case_module.json",
        "--map",
        "${LookupCaseFunction.Arn}=tests/manifests/lookup_case.json",
    ]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.is_empty());
    let expected = r#"warning[unused-parameter]: parameter `channel` is passed, but lookup_case never reads it
  --> tests/flows/case_module.json: block "Invoke AWS Lambda function" "Look up case" (${LookupCaseFunction.Arn}), field LambdaInvocationAttributes.channel
   = help: remove it from the block, or read it in the handler

error[unknown-key]: `$.External.case_owner` is never returned by lookup_case
  --> tests/flows/case_module.json: block "Set contact attributes" "Store case", field Attributes.caseOwner
   = help: did you mean `caseOwner`?
   = note: lookup_case is the Lambda invoked by block "Invoke AWS Lambda function" "Look up case" (${LookupCaseFunction.Arn})

error[unknown-key]: `$.External.caseNumber` is never returned by lookup_case
  --> tests/flows/case_module.json: block "Play prompt" "Case lookup failed", field Text
   = help: lookup_case returns `caseStatus`, `caseOwner`
   = note: lookup_case is the Lambda invoked by block "Invoke AWS Lambda function" "Look up case" (${LookupCaseFunction.Arn})
warning[after-lambda-error]: `$.External.caseNumber` is read on the error branch of block "Invoke AWS Lambda function" "Look up case" (${LookupCaseFunction.Arn})
  --> tests/flows/case_module.json: block "Play prompt" "Case lookup failed", field Text
   = note: when the Lambda fails there is no response to read
warning[dangling-transition]: transition to "Report error", which is not an action of this flow
  --> tests/flows/case_module.json: block "Play prompt" "Case lookup failed", field Transitions.NextAction
   = note: a contact that takes this branch has nowhere to go

error[duplicate-identifier]: Identifier "Done" is used by more than one action
  --> tests/flows/case_module.json: block "Return" "Done", field Identifier
   = note: actions 5 and 6 share it; a transition to it cannot tell them apart

checked 1 flow against 1 manifest: 3 errors, 3 warnings
"#;
    assert_eq!(run.stdout, expected);
}

#[test]
fn human_output_when_clean() {
    let run = run(&[
        "check",
        "tests/flows/clean.json",
        "--manifest",
        "tests/manifests/get_customer.json",
        "--manifest",
        "tests/manifests/get_balance.json",
    ]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        "checked 1 flow against 2 manifests: no findings\n"
    );
}

#[test]
fn json_output_shape() {
    let run = run(&[
        "check",
        "tests/flows/no_validation.json",
        "--manifest",
        "tests/manifests/age_check.json",
        "--manifest",
        "tests/manifests/never_invoked.json",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = value["findings"].as_array().unwrap();
    assert_eq!(
        findings[0],
        serde_json::json!({
            "severity": "error",
            "code": "invalid-timeout",
            "file": "tests/flows/no_validation.json",
            "action": "d9256376-0460-5ed3-af79-96ebf2e2c1bb",
            "type": "Invoke AWS Lambda function",
            "label": "d9256376",
            "field": "InvocationTimeLimitSeconds",
            "message": "InvocationTimeLimitSeconds is 10, outside 1..8"
        })
    );
    // unused-manifest belongs to no action.
    let last = findings.last().unwrap();
    assert_eq!(last["code"], "unused-manifest");
    assert!(last["action"].is_null() && last["field"].is_null());
    assert_eq!(last["file"], "tests/manifests/never_invoked.json");

    let clean = checker::run(&[
        "check",
        "tests/flows/clean.json",
        "--manifest",
        "tests/manifests/get_customer.json",
        "--manifest",
        "tests/manifests/get_balance.json",
        "--format",
        "json",
    ]);
    assert_eq!(clean.code, 0);
    let value: serde_json::Value = serde_json::from_str(&clean.stdout).unwrap();
    assert_eq!(value, serde_json::json!({"findings": []}));
}

#[test]
fn deny_warnings_in_json_too() {
    let args = [
        "check",
        "tests/flows/transfer_target.json",
        "--format",
        "json",
    ];
    assert_eq!(run(&args).code, 0);
    let mut denied = args.to_vec();
    denied.push("--deny-warnings");
    assert_eq!(run(&denied).code, 1);
}

#[test]
fn a_map_file_maps_like_map() {
    let base = ["check", "tests/flows/case_module.json", "--format", "json"];
    let mapped = run(&[
        &base[..],
        &[
            "--map",
            "${LookupCaseFunction.Arn}=tests/manifests/lookup_case.json",
        ],
    ]
    .concat());
    let from_file = run(&[&base[..], &["--map-file", "tests/maps/case_module.json"]].concat());
    assert_eq!(from_file.code, 1);
    assert_eq!(
        from_file.stdout,
        mapped.stdout.replace(
            "tests/manifests/lookup_case.json",
            "tests/maps/../manifests/lookup_case.json",
        )
    );
    assert_eq!(from_file.stderr, "", "a mapped placeholder needs no note");
    assert!(from_file.stdout.contains("\"code\": \"unknown-key\""));
}

#[test]
fn a_map_file_that_is_not_a_map_is_an_input_error() {
    unreadable(
        &["tests/flows/case_module.json", "--map-file", "tests/bad/map_file_number.json"],
        &["tests/bad/map_file_number.json: not a map file: the value of \"${LookupCaseFunction.Arn}\": expected a manifest path (a string), found a number"],
    );
    unreadable(
        &[
            "tests/flows/case_module.json",
            "--map-file",
            "tests/maps/missing.json",
        ],
        &["tests/maps/missing.json: cannot read the file"],
    );
}

/// A placeholder naming two manifests pairs with neither: `no-manifest`,
/// naming both.
#[test]
fn a_placeholder_fitting_two_manifests_is_a_warning_naming_both() {
    let run = run(&[
        "check",
        "tests/flows/case_module.json",
        "--manifest",
        "tests/manifests/lookup_case.json",
        "--manifest",
        "tests/manifests/lookup_case_v2.json",
    ]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "");
    assert!(run.stdout.starts_with(
        "warning[no-manifest]: placeholder `${LookupCaseFunction.Arn}` names `LookupCase`, which fits more than one manifest: \
         tests/manifests/lookup_case.json and tests/manifests/lookup_case_v2.json; it is paired with neither\n"
    ), "{}", run.stdout);
    assert!(run
        .stdout
        .contains("   = help: choose one with --map '${LookupCaseFunction.Arn}=MANIFEST.json'\n"));
}
