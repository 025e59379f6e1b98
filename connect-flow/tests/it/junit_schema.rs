//! `--format junit` against JUnit XML schemas, with xmllint, the libxml2
//! validator CI systems' own tooling uses: Jenkins' `junit-10.xsd` (the
//! schema Jenkins holds Surefire/JUnit reports to), named by `JUNIT_XSD`,
//! and tests/junit/junit.xsd, the Ant shape written out here for runs
//! without it.
//!
//! Without xmllint the test is skipped with a message, unless `CI` is set:
//! CI installs Debian's `libxml2-utils` and fetches Jenkins' schema from
//! PyPI (.ci/run, .ci/junit-schema), so there a missing validator or schema
//! fails. The report holds a passing case, each kind of failure,
//! notes, and text no XML may hold raw (markup, a terminal escape).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use connect_flow::testcase::{
    junit, AssertionResult, CaseResult, Failure, MockProblem, Note, Operator, Report,
};

fn xmllint() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    let found = std::env::split_paths(&path)
        .map(|dir| dir.join("xmllint"))
        .find(|candidate| candidate.is_file());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "no xmllint found and CI is set: install Debian's `libxml2-utils` (.ci/run does)"
        );
        let _ = writeln!(
            std::io::stderr(),
            "skipped: no xmllint found; install the `libxml2-utils` package (with CI set, this test fails instead)"
        );
    }
    found
}

/// The schemas each report is held to: Jenkins' when `JUNIT_XSD` names it
/// (required under `CI`), and the Ant shape kept here.
fn schemas() -> Vec<PathBuf> {
    let mut schemas = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/junit/junit.xsd")];
    match std::env::var_os("JUNIT_XSD") {
        Some(jenkins) => schemas.push(PathBuf::from(jenkins)),
        None => assert!(
            std::env::var_os("CI").is_none(),
            "JUNIT_XSD is not set and CI is: .ci/run fetches Jenkins' junit-10.xsd with .ci/junit-schema"
        ),
    }
    schemas
}

/// Validates `file` against every schema; the first refusal's message.
fn validate(xmllint: &Path, file: &Path) -> Result<(), String> {
    for schema in schemas() {
        let out = Command::new(xmllint)
            .arg("--noout")
            .arg("--schema")
            .arg(&schema)
            .arg(file)
            .output()
            .unwrap();
        if !out.status.success() {
            return Err(format!(
                "{}: {}",
                schema.display(),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    Ok(())
}

fn report() -> Report {
    let mut passed = CaseResult::new("greets & routes <menu>", "cases/happy path.json");
    passed.duration = Duration::from_micros(1234);
    let mut failed = CaseResult::new("wrong balance", "cases/wrong.json");
    failed.failures = vec![
        Failure::Assertion(AssertionResult {
            observation: "balance".into(),
            action: "a1".into(),
            namespace: "$.Attributes.customerBalance".into(),
            operator: Operator::Equals,
            expected: Some("12.50".into()),
            actual: Some("\u{1b}[31m13.00\"'".into()),
            passed: false,
        }),
        Failure::Unmet {
            observation: "goodbye".into(),
            awaited: "MessageReceived \"Goodbye\"".into(),
            instead: "the contact was disconnected".into(),
        },
        Failure::Simulation {
            message: "unknown block".into(),
        },
    ];
    failed.notes = vec![Note {
        at: "$.Version".into(),
        text: "read 2025-06-21".into(),
    }];
    let mut refused = CaseResult::new("misspelt mock", "cases/mock.json");
    refused.failures = vec![Failure::MockNotInContract(MockProblem {
        at: "$.Observations[0].Actions[0]".into(),
        function: "MyFirstConnectLambda".into(),
        key: "customerBalanse".into(),
        message: "MyFirstConnectLambda never returns `customerBalanse`".into(),
        suggestion: Some("customerBalance".into()),
    })];
    Report {
        cases: vec![passed, failed, refused],
        coverage: None,
    }
}

#[test]
fn junit_output_is_valid_against_the_junit_schema() {
    let Some(xmllint) = xmllint() else { return };
    let dir = std::env::temp_dir().join(format!("connect-flow-junit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = Report::default();
    for (name, report) in [("results.xml", report()), ("empty.xml", empty)] {
        let file = dir.join(name);
        std::fs::write(&file, junit(&report)).unwrap();
        if let Err(refusal) = validate(&xmllint, &file) {
            panic!(
                "{name} is not valid JUnit XML:\n{refusal}\n{}",
                junit(&report)
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The command's own output on the examples' cases (passing, failing,
/// refused), through the same validator.
#[test]
fn the_commands_junit_output_is_valid() {
    let Some(xmllint) = xmllint() else { return };
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let cases: Vec<PathBuf> = std::fs::read_dir(repo.join("examples/tests/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let out = Command::new(env!("CARGO_BIN_EXE_connect-flow"))
        .current_dir(&repo)
        .arg("test")
        .args(&cases)
        .args(["--flow", "examples/flows/customer-service.json"])
        .args([
            "--manifest",
            "examples/manifests/my_first_connect_lambda.json",
        ])
        .args(["--format", "junit"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "some examples' cases fail on purpose"
    );
    let file =
        std::env::temp_dir().join(format!("connect-flow-junit-cli-{}.xml", std::process::id()));
    std::fs::write(&file, &out.stdout).unwrap();
    let valid = validate(&xmllint, &file);
    let _ = std::fs::remove_file(&file);
    if let Err(refusal) = valid {
        panic!("{refusal}\n{}", String::from_utf8_lossy(&out.stdout));
    }
}

#[test]
fn junit_counts_and_failure_text() {
    let xml = junit(&report());
    assert!(
        xml.contains("<testsuite name=\"connect-flow test\" tests=\"3\" failures=\"2\""),
        "{xml}"
    );
    assert!(xml.contains("type=\"assertion\""), "{xml}");
    assert!(xml.contains("expected"), "{xml}");
    assert!(xml.contains("type=\"mock-not-in-contract\""), "{xml}");
    assert!(xml.contains("did you mean `customerBalance`?"), "{xml}");
    assert!(
        !xml.contains('\u{1b}'),
        "no terminal escape reaches the XML"
    );
}
