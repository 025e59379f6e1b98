//! What running test cases found: per case, whether it passed, and why not.

use std::path::PathBuf;
use std::time::Duration;

use serde::Serialize;

use super::assertion::Operator;
use super::Note;

/// The results of one run of test cases.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Each case, in the order given.
    pub cases: Vec<CaseResult>,
    /// What the cases reached of the flows, when it was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coverage: Option<super::Coverage>,
}

impl Report {
    /// Whether every case passed (exit code 0; else 1).
    pub fn passed(&self) -> bool {
        self.cases.iter().all(CaseResult::passed)
    }

    /// How many cases failed.
    pub fn failed(&self) -> usize {
        self.cases.iter().filter(|c| !c.passed()).count()
    }
}

/// One case's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseResult {
    /// The case's name.
    pub name: String,
    /// Its file.
    pub file: PathBuf,
    /// Why it failed; empty when it passed.
    pub failures: Vec<Failure>,
    /// Every assertion run, passed or not, in order.
    pub assertions: Vec<AssertionResult>,
    /// What `LogData` recorded, in order.
    pub logs: Vec<LogEntry>,
    /// What was read that the service may take differently.
    pub notes: Vec<Note>,
    /// How long the run took.
    #[serde(serialize_with = "seconds")]
    pub duration: Duration,
}

fn seconds<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

impl CaseResult {
    /// A result with no failures yet.
    pub fn new(name: impl Into<String>, file: impl Into<PathBuf>) -> Self {
        CaseResult {
            name: name.into(),
            file: file.into(),
            failures: Vec::new(),
            assertions: Vec::new(),
            logs: Vec::new(),
            notes: Vec::new(),
            duration: Duration::ZERO,
        }
    }

    /// Whether the case passed.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Why a case failed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Failure {
    /// An awaited event did not come: the contact did something else first.
    Unmet {
        /// The observation's Identifier.
        observation: String,
        /// The event it waited for, described.
        awaited: String,
        /// What the contact did instead.
        instead: String,
    },
    /// An assertion did not hold.
    Assertion(AssertionResult),
    /// A mock that its Lambda's manifest rules out: the case was not run.
    MockNotInContract(MockProblem),
    /// The simulator could not go on (an unknown block, a Lambda that failed
    /// to start...).
    Simulation {
        /// What the simulator said.
        message: String,
    },
}

/// One assertion run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssertionResult {
    /// The observation it belongs to.
    pub observation: String,
    /// The action's Identifier.
    pub action: String,
    /// The JSONPath compared.
    pub namespace: String,
    /// The operator.
    pub operator: Operator,
    /// The operand: what was expected.
    pub expected: Option<String>,
    /// What the namespace held (`None`: not set).
    pub actual: Option<String>,
    /// Whether it held.
    pub passed: bool,
}

/// One `LogData` value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogEntry {
    /// The observation whose action logged it.
    pub observation: String,
    /// The expression's label.
    pub label: String,
    /// The JSONPath.
    pub path: String,
    /// Its value then (`None`: not set).
    pub value: Option<String>,
}

/// A `MockResponse` that the mocked Lambda's manifest rules out
/// (`mock-not-in-contract`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MockProblem {
    /// The JSON path of the override's `LoadedData`.
    pub at: String,
    /// The mocked function's name.
    pub function: String,
    /// The key at fault.
    pub key: String,
    /// What is wrong, in words.
    pub message: String,
    /// The key the manifest has that was probably meant.
    pub suggestion: Option<String>,
}

/// Blocks and branches reached, of all in the flows given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CoverageSummary {
    /// Blocks visited at least once.
    pub blocks_reached: usize,
    /// All blocks.
    pub blocks: usize,
    /// Branches taken at least once.
    pub branches_taken: usize,
    /// All branches.
    pub branches: usize,
}

impl std::fmt::Display for CoverageSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "coverage: {} of {} blocks reached, {} of {} branches taken",
            self.blocks_reached, self.blocks, self.branches_taken, self.branches
        )
    }
}
