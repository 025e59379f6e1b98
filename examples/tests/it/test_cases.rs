//! The examples' suite of Connect test cases (`tests/cases/`, in the
//! Testing language, as they would be sent to `create-test-case`) run
//! offline on the examples' flow with `connect-flow test`'s runner: the
//! example handlers answer in process where a case does not mock them, and
//! every mock is held to the handler's manifest.
//!
//! Each case passes, or fails for the reason written beside it.

use std::path::{Path, PathBuf};

use connect_flow::matching::{LoadedManifest, Manifests};
use connect_flow::testcase::{human, junit, CaseResult, Failure, Runner, TestCase};
use connect_flow::Flow;

use crate::in_process::{handlers, FLOW};

fn examples() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn runner() -> Runner {
    let flow = Flow::load(Path::new(FLOW)).unwrap();
    let mut manifests = Manifests::new();
    for name in [
        "my_first_connect_lambda",
        "greeting_router",
        "caller_profile",
    ] {
        let path = examples().join(format!("manifests/{name}.json"));
        manifests.add(LoadedManifest::load(&path).unwrap());
    }
    let mut runner = Runner::new(vec![flow], manifests);
    for (function, handler) in handlers() {
        runner.lambda(function, handler);
    }
    runner
}

/// Every case in tests/cases/, in name order.
fn cases() -> Vec<TestCase> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(examples().join("tests/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths.iter().map(|p| TestCase::read(p).unwrap()).collect()
}

/// What each case must come to.
fn expect(result: &CaseResult) {
    let file = result.file.file_name().unwrap().to_str().unwrap();
    let failures = result.failures.as_slice();
    match file {
        "happy-path.json" | "balance-lookup-fails.json" | "real-handlers.json" => {
            assert!(failures.is_empty(), "{file} must pass: {failures:?}");
        }
        // The case expects 13.00; the mocked balance stored is 12.50.
        "wrong-balance.json" => {
            let [Failure::Assertion(a)] = failures else {
                panic!("{file}: {failures:?}")
            };
            assert_eq!(
                (a.expected.as_deref(), a.actual.as_deref()),
                (Some("13.00"), Some("12.50"))
            );
        }
        // The router's mock says "menu": the greeting is never played.
        "no-greeting.json" => {
            let [Failure::Unmet { observation, .. }] = failures else {
                panic!("{file}: {failures:?}")
            };
            assert_eq!(observation, "welcome");
        }
        // customerBalanse: refused before the run.
        "misspelt-mock.json" => {
            let [Failure::MockNotInContract(p)] = failures else {
                panic!("{file}: {failures:?}")
            };
            assert_eq!(p.suggestion.as_deref(), Some("customerBalance"));
        }
        other => panic!("{other}: a new case needs its expected result here"),
    }
}

#[test]
fn the_examples_test_cases_pass_or_fail_for_their_reason() {
    let cases = cases();
    assert!(cases.len() >= 6);
    let report = runner().run_all(&cases, true);
    for result in &report.cases {
        expect(result);
    }
    assert_eq!(report.failed(), 3, "{}", human(&report));
    let coverage = report.coverage.unwrap();
    assert!(
        coverage.summary.blocks_reached >= 14,
        "{}",
        coverage.summary
    );
}

#[test]
fn the_real_handlers_answer_what_the_case_asserts() {
    let case = TestCase::read(&examples().join("tests/cases/real-handlers.json")).unwrap();
    let (result, trace) = runner().run(&case);
    assert!(result.passed(), "{:?}", result.failures);
    let trace = trace.unwrap();
    // No override: every Lambda was the example handler.
    assert_eq!(trace.lambda_calls.len(), 3);
    assert_eq!(result.assertions.len(), 2);
    assert_eq!(result.logs[0].label, "website");
    assert!(result.logs[0].value.is_some());
    let xml = junit(&connect_flow::testcase::Report {
        cases: vec![result],
        coverage: None,
    });
    assert!(xml.contains("tests=\"1\" failures=\"0\""), "{xml}");
}
