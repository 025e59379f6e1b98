//! `connect-flow test`: Connect's own test cases (the Testing language) run
//! offline on the simulator; results for people, pipelines and CI, and the
//! flows' coverage drawn on the report page.
//!
//! ```text
//! connect-flow test CASE.json [CASE2.json ...] --flow INPUT [--flow INPUT2 ...]
//!     [--lambda FUNCTION=COMMAND ...] [--mock FUNCTION=RESPONSE.json ...]
//!     [--manifest M.json ...] [--data REF=VALUE ...]
//!     [--format human|json|junit] [--coverage FILE.html]
//! ```
//!
//! A case's own overrides answer its Lambdas first; `--lambda` and `--mock`
//! answer the calls it does not override. Every `MockResponse` for a Lambda
//! with a `--manifest` is held to it before the case runs. Exit 0 when every
//! case passes, 1 when one fails, 2 when an input cannot be read.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::lambda_sources::LambdaSources;
use super::{EXIT_FINDINGS, EXIT_INPUT, EXIT_OK};
use crate::matching::Manifests;
use crate::output::html::html_with_coverage;
use crate::simulate::{check_mock, CommandLambda, Mock};
use crate::testcase::{human, json, junit, Runner, TestCase};

/// The arguments of `connect-flow test`.
#[derive(Debug, Clone, Args)]
pub struct TestArgs {
    /// Test cases: a case's content (`{"Version", "Observations"}`), or the
    /// whole create-test-case request (`Content` as a string, `EntryPoint`,
    /// `InitializationData`).
    #[arg(required = true, value_name = "CASE.json")]
    pub cases: Vec<PathBuf>,
    /// The flows: the contact enters the first.
    #[arg(long = "flow", required = true, value_name = "INPUT", help = concat!(
        "The flows: the contact enters the first, or the one a case's \
         `EntryPoint.FlowId` names; the others are flows and modules it may \
         transfer to or invoke. ",
        flow_matching_help!(),
        " ",
        input_help!()
    ))]
    pub flows: Vec<PathBuf>,
    /// The Lambdas the cases do not override, the manifests their mocks
    /// are held to, and other references' values, as for `simulate`.
    #[command(flatten)]
    pub sources: LambdaSources,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TestFormat::Human)]
    pub format: TestFormat,
    /// Write the flows drawn with each block's visits and each branch
    /// taken or not to FILE.html (and add the counts to the output).
    #[arg(long, value_name = "FILE.html")]
    pub coverage: Option<PathBuf>,
}

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TestFormat {
    /// Each case PASS or FAIL, each failure with what was expected and what
    /// happened.
    Human,
    /// `{"passed", "cases": [...], "coverage"}` for a pipeline.
    Json,
    /// JUnit XML, as CI systems display test results.
    Junit,
}

impl TestArgs {
    fn prepare(&self) -> Result<(Runner, Vec<TestCase>, Manifests), String> {
        let flows = crate::input::read_all(&self.flows)
            .into_flows()
            .map_err(|e| e.to_string())?;
        let manifests = self.sources.load_manifests()?;
        let cases = self
            .cases
            .iter()
            .map(|path| TestCase::read(path).map_err(|e| e.to_string()))
            .collect::<Result<Vec<_>, String>>()?;
        let mut runner = Runner::new(flows, manifests.clone());
        for (function, command) in self.sources.commands()? {
            runner.lambda(function, CommandLambda::new(command));
        }
        for (reference, value) in self.sources.data()? {
            runner.data(reference, value);
        }
        for mock in self.sources.mock_files()? {
            check_mock(mock.function, &mock.response, &manifests)
                .map_err(|e| format!("{}: {e}", mock.path.display()))?;
            runner.lambda(mock.function, Mock::new(&mock.response));
        }
        Ok((runner, cases, manifests))
    }
}

/// Runs `connect-flow test`; returns the exit code.
pub fn run_test(args: &TestArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let (runner, cases, manifests) = match args.prepare() {
        Ok(prepared) => prepared,
        Err(message) => {
            let _ = writeln!(stderr, "error: {message}");
            return EXIT_INPUT;
        }
    };
    let report = runner.run_all(&cases, args.coverage.is_some());
    if let (Some(path), Some(coverage)) = (&args.coverage, &report.coverage) {
        let page = html_with_coverage(
            // The flows the cases ran through, resolved once.
            runner.model(),
            &manifests,
            &[],
            &coverage.overlay(),
        );
        if let Err(e) = std::fs::write(path, page) {
            let _ = writeln!(
                stderr,
                "error: {}: cannot write the coverage page: {e}",
                path.display()
            );
            return EXIT_INPUT;
        }
    }
    let text = match args.format {
        TestFormat::Human => human(&report),
        TestFormat::Json => json(&report) + "\n",
        TestFormat::Junit => junit(&report),
    };
    if stdout.write_all(text.as_bytes()).is_err() {
        return EXIT_INPUT;
    }
    if report.passed() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    }
}
