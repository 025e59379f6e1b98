//! Why a test case file could not be read (exit code 2).

use std::path::PathBuf;

/// A test case file that cannot be read: missing, not JSON, or not of the
/// Testing language's shape.
///
/// The message names the file, the JSON path within it and what was
/// expected there, never a value from the file, so it can be shown in a CI
/// log whatever the case holds.
///
/// ```
/// use connect_flow::testcase::CaseError;
///
/// let err = CaseError::Shape {
///     path: "cases/happy.json".into(),
///     at: "$.Observations[0].Event.Type".into(),
///     expected: "one of \"TestInitiated\", \"MessageReceived\", \"FlowActionStarted\", \"TestCompleted\"".into(),
/// };
/// assert_eq!(
///     err.to_string(),
///     "cases/happy.json: not a Connect test case: at $.Observations[0].Event.Type: expected \
///      one of \"TestInitiated\", \"MessageReceived\", \"FlowActionStarted\", \"TestCompleted\""
/// );
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CaseError {
    /// The file could not be read (missing, a directory, no permission).
    #[error("{}: cannot read the file: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The file, or a string in it that must hold JSON (`Content`,
    /// `InitializationData`, `LoadedData`), is not valid JSON.
    #[error("{}: not valid JSON{}: {message}", path.display(), at_suffix(at))]
    Json {
        /// The file.
        path: PathBuf,
        /// The JSON path of the string that holds the bad JSON, empty for the
        /// file itself.
        at: String,
        /// serde_json's description, with line and column.
        message: String,
    },
    /// Valid JSON, but something is missing or of the wrong shape.
    #[error("{}: not a Connect test case: at {at}: expected {expected}", path.display())]
    Shape {
        /// The file.
        path: PathBuf,
        /// The JSON path of the offending value (within `Content` when the
        /// file is a `create-test-case` request: `$.Content/` prefixes it).
        at: String,
        /// What was expected there, and the fix when there is one.
        expected: String,
    },
}

fn at_suffix(at: &str) -> String {
    if at.is_empty() {
        String::new()
    } else {
        format!(" in the string at {at}")
    }
}
