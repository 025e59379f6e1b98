//! `connect-flow test`'s runner on the examples' flow: cases in Connect's
//! Testing language that pass, fail for the right reason, or are refused
//! before the run for a mock the Lambda's manifest rules out.

use std::path::{Path, PathBuf};

use connect_flow::testcase::{human, Failure, Report, Runner, TestCase};
use connect_flow::{Flow, LoadedManifest, Manifests};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn runner() -> Runner {
    let flow = Flow::load(&repo().join("examples/flows/customer-service.json")).unwrap();
    let mut manifests = Manifests::new();
    for name in [
        "my_first_connect_lambda",
        "greeting_router",
        "caller_profile",
    ] {
        let path = repo().join(format!("examples/manifests/{name}.json"));
        manifests.add(LoadedManifest::load(&path).unwrap());
    }
    Runner::new(vec![flow], manifests)
}

fn run(names: &[&str]) -> Report {
    let cases: Vec<TestCase> = names
        .iter()
        .map(|n| TestCase::read(&repo().join("examples/tests/cases").join(n)).unwrap())
        .collect();
    runner().run_all(&cases, true)
}

#[test]
fn the_happy_path_passes() {
    let report = run(&["happy-path.json", "balance-lookup-fails.json"]);
    assert!(report.passed(), "{}", human(&report));
    assert_eq!(report.cases[0].assertions.len(), 2);
    assert!(report.cases[0].assertions.iter().all(|a| a.passed));
}

#[test]
fn a_wrong_expectation_fails_with_expected_and_actual() {
    let report = run(&["wrong-balance.json"]);
    let case = &report.cases[0];
    let [Failure::Assertion(a)] = case.failures.as_slice() else {
        panic!("one failed assertion: {}", human(&report));
    };
    assert_eq!(a.namespace, "$.Attributes.customerBalance");
    assert_eq!(a.expected.as_deref(), Some("13.00"));
    assert_eq!(a.actual.as_deref(), Some("12.50"));
    let text = human(&report);
    assert!(
        text.contains("expected: \"13.00\"\n    actual:   \"12.50\""),
        "{text}"
    );
}

#[test]
fn an_observation_never_met_fails_at_once_with_what_happened_instead() {
    let report = run(&["no-greeting.json"]);
    let case = &report.cases[0];
    let Some(Failure::Unmet {
        observation,
        awaited,
        instead,
    }) = case.failures.first()
    else {
        panic!("an unmet observation: {}", human(&report));
    };
    assert_eq!(observation, "welcome");
    assert!(
        awaited.starts_with("MessageReceived \"Welcome to Example Corp\""),
        "{awaited}"
    );
    assert!(instead.contains("please enter your age"), "{instead}");
    assert!(instead.contains("disconnected"), "{instead}");
}

#[test]
fn a_misspelt_mock_is_refused_before_the_run() {
    let cases = [TestCase::read(&repo().join("examples/tests/cases/misspelt-mock.json")).unwrap()];
    let (result, trace) = runner().run(&cases[0]);
    assert!(trace.is_none(), "the case must not run");
    let [Failure::MockNotInContract(problem)] = result.failures.as_slice() else {
        panic!("one mock-not-in-contract: {:?}", result.failures);
    };
    assert_eq!(problem.key, "customerBalanse");
    assert_eq!(problem.suggestion.as_deref(), Some("customerBalance"));
    assert_eq!(problem.function, "MyFirstConnectLambda");
}

#[test]
fn coverage_counts_blocks_and_branches() {
    let report = run(&["happy-path.json", "balance-lookup-fails.json"]);
    let coverage = report.coverage.as_ref().unwrap();
    let flow = &coverage.flows[0];
    let visits = |id: &str| flow.blocks.iter().find(|b| b.id == id).unwrap().visits;
    // The start block, once per case.
    assert_eq!(visits("78a583f9-0ba6-5137-8044-8661ca7cf8f5"), 2);
    // The balance Lambda's error branch: once, in the failing lookup.
    let error = flow
        .branches
        .iter()
        .find(|b| b.from == "34dbcf6e-2c92-5ff4-86f1-343430148f23" && b.branch == "error-0")
        .unwrap();
    assert_eq!(error.taken, 1);
    assert!(coverage.summary.blocks_reached < coverage.summary.blocks);
}

const BIN: &str = env!("CARGO_BIN_EXE_connect-flow");

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(BIN)
        .current_dir(repo())
        .arg("test")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const FLOW: &str = "examples/flows/customer-service.json";

#[test]
fn the_command_exits_0_when_all_pass_1_when_one_fails_2_when_unreadable() {
    let manifests = [
        "--manifest",
        "examples/manifests/my_first_connect_lambda.json",
    ];
    let (code, out, _) = cli(&[
        &["examples/tests/cases/happy-path.json", "--flow", FLOW],
        &manifests[..],
    ]
    .concat());
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("1 case: 1 passed, 0 failed"), "{out}");
    assert!(
        out.contains("$.Customer.FirstName is not simulated"),
        "{out}"
    );
    let (code, out, _) = cli(&[
        "examples/tests/cases/happy-path.json",
        "--flow",
        FLOW,
        "--data",
        "$.Customer.FirstName=Ann",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        !out.contains("$.Customer.FirstName is not simulated"),
        "--data gives it: {out}"
    );
    let (code, out, _) = cli(&[
        &["examples/tests/cases/misspelt-mock.json", "--flow", FLOW],
        &manifests[..],
    ]
    .concat());
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[mock-not-in-contract]"), "{out}");
    assert!(out.contains("did you mean `customerBalance`?"), "{out}");
    let (code, _, err) = cli(&["connect-flow/tests/cases/missing.json", "--flow", FLOW]);
    assert_eq!(code, 2);
    assert!(
        err.contains("connect-flow/tests/cases/missing.json: cannot read the file"),
        "{err}"
    );
    let (code, _, err) = cli(&["examples/flows/customer-service.json", "--flow", FLOW]);
    assert_eq!(code, 2, "a flow is not a test case");
    assert!(
        err.contains("not a Connect test case: at $: expected a member `Observations`: this is a flow, not a test case"),
        "{err}"
    );
}

#[test]
fn json_output_carries_results_and_coverage() {
    let dir = std::env::temp_dir().join(format!("connect-flow-cov-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("coverage.html");
    let (code, out, err) = cli(&[
        "examples/tests/cases/happy-path.json",
        "examples/tests/cases/wrong-balance.json",
        "--flow",
        FLOW,
        "--format",
        "json",
        "--coverage",
        page.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["passed"], false);
    assert_eq!(value["cases"][1]["failures"][0]["kind"], "assertion");
    assert_eq!(value["cases"][1]["failures"][0]["actual"], "12.50");
    let summary = &value["coverage"]["summary"];
    assert_eq!(summary["blocks"], 17);
    assert!(summary["blocksReached"].as_u64().unwrap() > 0);
    let blocks = value["coverage"]["flows"][0]["blocks"].as_array().unwrap();
    let html = std::fs::read_to_string(&page).unwrap();
    for block in blocks {
        let marker = format!(
            "data-block-id=\"{}\" data-visits=\"{}\"",
            block["id"].as_str().unwrap(),
            block["visits"]
        );
        assert!(html.contains(&marker), "{marker}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The coverage page in headless Chromium (one run): the page's own
/// self-test passes with the overlay on (every block visible, nothing
/// overlapping, nothing fetched), and every block's `data-visits` and every
/// arrow's `data-taken` in the rendered DOM are the counts `--format json`
/// gives.
#[test]
fn the_coverage_page_renders_in_chromium_with_the_json_counts() {
    use crate::html_report::{assert_clean, browser, render, scratch};
    let Some(browser) = browser() else { return };
    let dir = scratch("coverage");
    let page = dir.join("coverage.html");
    let (_, out, err) = cli(&[
        "examples/tests/cases/happy-path.json",
        "examples/tests/cases/balance-lookup-fails.json",
        "--flow",
        FLOW,
        "--format",
        "json",
        "--coverage",
        page.to_str().unwrap(),
    ]);
    let value: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let html = std::fs::read_to_string(&page).unwrap();
    let (verdict, dom) = render(&browser, &dir, &html);
    assert_clean(&verdict);
    let flow = &value["coverage"]["flows"][0];
    for block in flow["blocks"].as_array().unwrap() {
        let marker = format!(
            "data-block-id=\"{}\" data-visits=\"{}\"",
            block["id"].as_str().unwrap(),
            block["visits"]
        );
        assert!(dom.contains(&marker), "{marker} not in the rendered page");
    }
    for branch in flow["branches"].as_array().unwrap() {
        let marker = format!(
            "data-from=\"{}\" data-branch=\"{}\" data-taken=\"{}\"",
            branch["from"].as_str().unwrap(),
            branch["branch"].as_str().unwrap(),
            branch["taken"].as_u64().unwrap() > 0
        );
        assert!(dom.contains(&marker), "{marker} not in the rendered page");
    }
    let summary = &value["coverage"]["summary"];
    let line = format!(
        "coverage: {} of {} blocks reached, {} of {} branches taken",
        summary["blocksReached"], summary["blocks"], summary["branchesTaken"], summary["branches"]
    );
    assert!(dom.contains(&line), "{line}");
    assert!(
        dom.contains("data-taken=\"false\""),
        "some branch is never taken"
    );
}

/// A small flow: a menu that takes one key, a Lambda, a prompt with its
/// answer, and the end.
const MENU: &str = r#"{"Version": "2019-10-30", "StartAction": "Menu", "Actions": [
  {"Identifier": "Menu", "Type": "GetParticipantInput",
   "Parameters": {"Text": "Press 1 for sales, 2 for support.", "StoreInput": "False", "InputTimeLimitSeconds": "5"},
   "Transitions": {"NextAction": "Bye", "Conditions": [
     {"NextAction": "Lookup", "Condition": {"Operator": "Equals", "Operands": ["1"]}}],
     "Errors": [{"ErrorType": "NoMatchingCondition", "NextAction": "Bye"},
                {"ErrorType": "InputTimeLimitExceeded", "NextAction": "Bye"},
                {"ErrorType": "NoMatchingError", "NextAction": "Bye"}]}},
  {"Identifier": "Lookup", "Type": "InvokeLambdaFunction",
   "Parameters": {"LambdaFunctionARN": "arn:aws:lambda:us-east-1:123456789012:function:Lookup", "InvocationTimeLimitSeconds": "3"},
   "Transitions": {"NextAction": "Store", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "Bye"}]}},
  {"Identifier": "Store", "Type": "UpdateContactAttributes",
   "Parameters": {"Attributes": {"agent": "$.External.agent"}, "TargetContact": "Current"},
   "Transitions": {"NextAction": "Say", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "Bye"}]}},
  {"Identifier": "Say", "Type": "MessageParticipant", "Parameters": {"Text": "Connecting you to $.Attributes.agent."},
   "Transitions": {"NextAction": "Bye", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "Bye"}]}},
  {"Identifier": "Bye", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}
]}"#;

fn menu_case(observations: &str) -> TestCase {
    let json = format!(r#"{{"Version": "2019-10-30", "Observations": [{observations}]}}"#);
    TestCase::from_slice(json.as_bytes(), "menu-case.json").unwrap()
}

fn run_menu(case: &TestCase) -> connect_flow::testcase::CaseResult {
    let flow = Flow::from_slice(MENU.as_bytes(), "menu.json").unwrap();
    let mut runner = Runner::new(vec![flow], Manifests::new());
    runner.lambda(
        "Lookup",
        connect_flow::simulate::Mock::new(&serde_json::json!({"agent": "Sam"})),
    );
    runner.run(case).0
}

const PRESS_1: &str = r#"{"Identifier": "menu", "Event": {"Type": "MessageReceived",
    "Properties": {"Text": "Press 1 for sales", "MatchingCriteria": {"Type": "Inclusion"}}},
   "Actions": [{"Identifier": "one", "Type": "SendInstruction", "Parameters": {
     "Instruction": {"Type": "DtmfInput", "Properties": {"Value": "1"}}}}],
   "Transitions": {"NextObservations": ["lookup"]}}"#;

#[test]
fn attributes_and_external_are_read_as_they_were_at_the_event() {
    let case = menu_case(&format!(
        r#"{PRESS_1},
        {{"Identifier": "lookup", "Event": {{"Type": "FlowActionStarted", "Properties": {{
            "ActionType": "InvokeLambdaFunction",
            "ActionParameters": {{"LambdaFunctionARN": "arn:aws:lambda:us-east-1:123456789012:function:Lookup"}}}}}},
         "Actions": [{{"Identifier": "not-yet", "Type": "Assert", "Parameters": {{"Namespace": "$.Attributes.agent", "Operator": "Equals", "Operand": "Sam"}}}}],
         "Transitions": {{"NextObservations": ["say"]}}}},
        {{"Identifier": "say", "Event": {{"Type": "MessageReceived", "Properties": {{"Text": "Connecting you to Sam."}}}},
         "Actions": [{{"Identifier": "now", "Type": "Assert", "Parameters": {{"Namespace": "$.Attributes.agent", "Operator": "Equals", "Operand": "Sam"}}}},
                     {{"Identifier": "log", "Type": "TestControl", "Parameters": {{"Command": {{"Type": "LogData",
                       "Properties": {{"Expressions": {{"agent": "$.External.agent"}}}}}}}}}}]}}"#
    ));
    let result = run_menu(&case);
    // Before the Lambda block runs, the attribute is not set yet.
    let [Failure::Assertion(a)] = result.failures.as_slice() else {
        panic!("{:?}", result.failures);
    };
    assert_eq!((a.action.as_str(), a.actual.as_deref()), ("not-yet", None));
    assert!(
        result.assertions[1].passed,
        "set by the time the prompt plays"
    );
    assert_eq!(result.logs[0].value.as_deref(), Some("Sam"));
}

#[test]
fn an_observation_awaited_when_the_contact_ends_fails_with_the_ending() {
    // Key 2: no Lambda runs, so the Lambda's observation is never met.
    let case = menu_case(&PRESS_1.replace(r#""Value": "1""#, r#""Value": "2""#).replace(
        r#""NextObservations": ["lookup"]"#,
        r#""NextObservations": ["lookup"]}},
        {"Identifier": "lookup", "Event": {"Type": "FlowActionStarted", "Properties": {
            "ActionType": "InvokeLambdaFunction",
            "ActionParameters": {"LambdaFunctionARN": "arn:aws:lambda:us-east-1:123456789012:function:Lookup"}}},
         "Transitions": {"NextObservations": []"#,
    ));
    let result = run_menu(&case);
    let [Failure::Unmet {
        observation,
        awaited,
        instead,
    }] = result.failures.as_slice()
    else {
        panic!("{:?}", result.failures);
    };
    assert_eq!(observation, "lookup");
    assert!(
        awaited.starts_with("FlowActionStarted InvokeLambdaFunction with LambdaFunctionARN"),
        "{awaited}"
    );
    assert!(
        instead.contains("then the contact was disconnected"),
        "{instead}"
    );
}

#[test]
fn end_test_stops_the_case_and_exactly_counts_events() {
    // EndTest at the menu: the unmet observation after it does not fail.
    let ended = menu_case(
        r#"{"Identifier": "menu", "Event": {"Type": "MessageReceived", "Properties": {"Text": "Press 1", "MatchingCriteria": {"Type": "Inclusion"}}},
            "Actions": [{"Identifier": "end", "Type": "TestControl", "Parameters": {"Command": {"Type": "EndTest"}}}],
            "Transitions": {"NextObservations": ["never"]}},
           {"Identifier": "never", "Event": {"Type": "MessageReceived", "Properties": {"Text": "never said"}}}"#,
    );
    assert!(run_menu(&ended).passed());
    // The menu plays once: EXACTLY 2 is not met.
    let twice = menu_case(
        r#"{"Identifier": "menu", "Event": {"Type": "MessageReceived", "Properties": {"Text": "Press 1", "MatchingCriteria": {"Type": "Inclusion"}}},
            "Usage": {"Type": "EXACTLY", "Times": 2}}"#,
    );
    let result = run_menu(&twice);
    let [Failure::Unmet { awaited, .. }] = result.failures.as_slice() else {
        panic!("{:?}", result.failures);
    };
    assert!(awaited.ends_with("2 times (seen 1)"), "{awaited}");
    // ANY: met by none as well as by many.
    let any = menu_case(
        r#"{"Identifier": "menu", "Event": {"Type": "MessageReceived", "Properties": {"Text": "not played"}}, "Usage": {"Type": "ANY"}}"#,
    );
    assert!(run_menu(&any).passed());
}

#[test]
fn an_error_mock_takes_the_error_branch() {
    let case = menu_case(&format!(
        r#"{{"Identifier": "start", "Event": {{"Type": "TestInitiated"}}, "Actions": [
            {{"Identifier": "fail", "Type": "OverrideSystemBehavior", "Parameters": {{"Behavior": {{"Type": "FlowAction", "Properties": {{
              "ActionType": "InvokeLambdaFunction",
              "ActionParameters": {{"LambdaFunctionARN": "arn:aws:lambda:us-east-1:123456789012:function:Lookup"}},
              "Strategy": {{"Type": "MockResponse", "Response": {{"Type": "Error", "Error": {{"Value": "NoMatchingError"}}}}}}}}}}}}}}],
           "Transitions": {{"NextObservations": ["menu"]}}}},
        {PRESS_1},
        {{"Identifier": "lookup", "Event": {{"Type": "TestCompleted"}},
         "Actions": [{{"Identifier": "no-agent", "Type": "Assert", "Parameters": {{"Namespace": "$.Attributes.agent", "Operator": "Equals", "Operand": "Sam"}}}}]}}"#
    ));
    let result = run_menu(&case);
    let [Failure::Assertion(a)] = result.failures.as_slice() else {
        panic!("{:?}", result.failures);
    };
    assert_eq!(
        a.actual, None,
        "the mocked error skipped the attribute block"
    );
}

/// The README's excerpt of `connect-flow test` output is what the command
/// prints: each line of it (up to a `...` where it is cut) is a line of the
/// real output, and the command is the README's.
#[test]
fn the_readmes_test_output_is_what_the_command_prints() {
    let readme = std::fs::read_to_string(repo().join("connect-flow/README.md")).unwrap();
    let section = &readme[readme.find("## Connect's own test cases, offline").unwrap()..];
    let block = |fence: &str| -> String {
        let start = section.find(fence).unwrap() + fence.len();
        section[start..start + section[start..].find("```").unwrap()].to_owned()
    };
    let command = block("```sh\n").replace("\\\n", " ");
    let mut args: Vec<String> = command
        .split_whitespace()
        .skip(6)
        .map(str::to_owned)
        .collect();
    assert_eq!(args[0], "test");
    args.remove(0);
    // The shell's glob, and the page written where the test may write.
    let glob = args.iter().position(|a| a.ends_with("*.json")).unwrap();
    let mut cases: Vec<String> = std::fs::read_dir(repo().join("examples/tests/cases"))
        .unwrap()
        .map(|e| {
            format!(
                "examples/tests/cases/{}",
                e.unwrap().file_name().to_string_lossy()
            )
        })
        .collect();
    cases.sort();
    args.splice(glob..=glob, cases);
    let page = std::env::temp_dir().join(format!("readme-coverage-{}.html", std::process::id()));
    let at = args.iter().position(|a| a == "coverage.html").unwrap();
    args[at] = page.display().to_string();
    let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, err) = cli(&arg_refs);
    let _ = std::fs::remove_file(&page);
    assert_eq!(code, 1, "{err}");
    for line in block("```text\n").lines() {
        let line = line.split(" ...").next().unwrap();
        assert!(
            out.lines().any(|l| l.starts_with(line)),
            "README line {line:?} is not in the output:\n{out}"
        );
    }
}

/// Cases mangled every which way either fail to read (with an error) or
/// run to a result: never a panic, never a hang.
#[test]
fn mangled_cases_never_panic_the_runner() {
    let original =
        std::fs::read_to_string(repo().join("examples/tests/cases/happy-path.json")).unwrap();
    let swaps: &[(&str, &str)] = &[
        ("MessageReceived", "FlowActionStarted"),
        ("FlowActionStarted", "TestCompleted"),
        ("TestInitiated", "MessageReceived"),
        ("\"welcome\"", "\"done\""),
        ("\"age-prompt\"", "\"start\""),
        ("Inclusion", "Similarity"),
        ("EndTest", "LogData"),
        ("\"Equals\"", "\"NumberGreaterThan\""),
        ("42#", ""),
        ("ExecutionResult\"", "Error\""),
        ("EXACTLY", "ANY"),
        ("InvokeLambdaFunction", "CheckHoursOfOperation"),
    ];
    let runner = runner();
    for mask in 0u32..(1 << swaps.len()) {
        if mask.count_ones() > 3 {
            continue;
        }
        let mut text = original.clone();
        for (i, (from, to)) in swaps.iter().enumerate() {
            if mask & (1 << i) != 0 {
                text = text.replace(from, to);
            }
        }
        if let Ok(case) = TestCase::from_slice(text.as_bytes(), "mangled.json") {
            let (result, _) = runner.run(&case);
            let _ = (
                human(&Report {
                    cases: vec![result.clone()],
                    coverage: None,
                }),
                result,
            );
        }
    }
}
