//! How bad a finding is: the one fact both a [`super::Code`] (its severity)
//! and a [`super::Finding`] read.

use std::fmt;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The flow will not work as written: exit code 1.
    Error,
    /// Worth a look; fails the check only with `--deny-warnings`.
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    ///
    /// ```
    /// assert_eq!(connect_flow::Severity::Warning.as_str(), "warning");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
