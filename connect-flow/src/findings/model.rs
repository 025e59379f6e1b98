//! The finding model: a [`Finding`], and whether a set of findings fails
//! the check.

use std::path::PathBuf;

use super::codes::Code;
use super::severity::Severity;
use crate::designer::BlockName;

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What it is about.
    pub code: Code,
    /// The file: the flow, or the manifest for `unused-manifest`.
    pub file: PathBuf,
    /// The CloudFormation logical id of the flow's resource, when the flow
    /// came from a template.
    pub resource: Option<String>,
    /// The Identifier of the action (for a `StartAction` that names no
    /// action, that missing Identifier); `None` for `unused-manifest`.
    pub action: Option<String>,
    /// The block as the flow designer names it (type, label, function);
    /// `None` when `action` names no action of the flow, and for
    /// `unused-manifest`.
    pub block: Option<BlockName>,
    /// The dotted path inside the action (`LambdaInvocationAttributes.companyName`,
    /// `Attributes.balance`, `SSML`, `Transitions.NextAction`); `None` for
    /// `unused-manifest`.
    pub field: Option<String>,
    /// What is wrong, in the flow author's terms.
    pub message: String,
    /// The nearest key the Lambda does return, for a misspelt one.
    pub suggestion: Option<String>,
    /// How to fix it, when there is more to say than the suggestion.
    pub help: Option<String>,
    /// Why it matters.
    pub note: Option<String>,
    pub(crate) order: (usize, usize),
}

impl Finding {
    /// The severity of its code.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// The message with the suggestion, as one line (the JSON output's
    /// `message`).
    pub fn full_message(&self) -> String {
        match &self.suggestion {
            Some(s) => format!("{}; did you mean `{s}`?", self.message),
            None => self.message.clone(),
        }
    }

    pub(crate) fn sort_key(&self) -> impl Ord + '_ {
        (
            self.order,
            self.field.as_deref().unwrap_or(""),
            self.code,
            &self.message,
        )
    }
}

/// Whether any finding is an error, or, with `deny_warnings`, any finding at
/// all: the check fails (exit code 1).
///
/// ```
/// assert!(!connect_flow::findings::fails(&[], true));
/// ```
pub fn fails(findings: &[Finding], deny_warnings: bool) -> bool {
    findings
        .iter()
        .any(|f| deny_warnings || f.severity() == Severity::Error)
}
