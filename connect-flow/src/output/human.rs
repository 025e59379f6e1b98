//! Findings for a person at a terminal, in rustc's style. Every piece of
//! text from a flow or a manifest goes through [`super::terminal::escape`]
//! on its way out.
//!
//! ```
//! use connect_flow::output::human::Summary;
//!
//! assert_eq!(Summary::of(&[], 1, 0).to_string(), "checked 1 flow against 0 manifests: no findings");
//! ```

use std::fmt::{self, Write as _};

use super::terminal::escape;
use crate::findings::{Finding, Severity};

/// The findings as a person reads them: one rustc-style diagnostic each,
/// grouped by flow and action (the order [`check`](crate::check) sorts them
/// in), with the fix on `help` lines and the reason on `note` lines.
///
/// ```
/// use connect_flow::{check, output::human::human, Flow, Manifests};
///
/// let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "Say", "Actions": [
///   {"Identifier": "Say", "Type": "MessageParticipant",
///    "Parameters": {"Text": "$.External.x"}, "Transitions": {}}]}"#, "main.json").unwrap();
/// let out = human(&check(&[flow], &Manifests::new()).unwrap());
/// assert!(out.starts_with("warning[no-lambda-ran]: `$.External.x` is read where no Lambda has run"));
/// assert!(out.contains("  --> main.json: block \"Play prompt\" \"Say\", field Text\n"));
/// ```
pub fn human(findings: &[Finding]) -> String {
    let mut out = String::new();
    let mut previous: Option<(&std::path::Path, Option<&str>)> = None;
    for finding in findings {
        let group = (finding.file.as_path(), finding.action.as_deref());
        if previous.is_some() && previous != Some(group) {
            out.push('\n');
        }
        previous = Some(group);
        let _ = writeln!(
            out,
            "{}[{}]: {}",
            finding.severity(),
            finding.code,
            escape(&finding.message)
        );
        let _ = write!(out, "  --> {}", escape(&finding.file.display().to_string()));
        if let Some(resource) = &finding.resource {
            let _ = write!(out, " ({})", escape(resource));
        }
        match (&finding.block, &finding.action) {
            (Some(block), _) => {
                let _ = write!(out, ": {}", escape(&block.to_string()));
            }
            (None, Some(action)) => {
                let _ = write!(out, ": action {}", escape(&format!("{action:?}")));
            }
            (None, None) => {}
        }
        if let Some(field) = &finding.field {
            let _ = write!(out, ", field {}", escape(field));
        }
        out.push('\n');
        if let Some(suggestion) = &finding.suggestion {
            let _ = writeln!(out, "   = help: did you mean `{}`?", escape(suggestion));
        }
        if let Some(help) = &finding.help {
            let _ = writeln!(out, "   = help: {}", escape(help));
        }
        if let Some(note) = &finding.note {
            let _ = writeln!(out, "   = note: {}", escape(note));
        }
    }
    out
}

/// The closing line of the human output: what was checked and how it went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Flows checked.
    pub flows: usize,
    /// Manifests read.
    pub manifests: usize,
}

impl Summary {
    /// Counts the findings.
    pub fn of(findings: &[Finding], flows: usize, manifests: usize) -> Summary {
        let errors = findings
            .iter()
            .filter(|f| f.severity() == Severity::Error)
            .count();
        Summary {
            errors,
            warnings: findings.len() - errors,
            flows,
            manifests,
        }
    }
}

pub(crate) fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {one}s")
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "checked {} against {}: ",
            plural(self.flows, "flow"),
            plural(self.manifests, "manifest")
        )?;
        match (self.errors, self.warnings) {
            (0, 0) => f.write_str("no findings"),
            (e, 0) => f.write_str(&plural(e, "error")),
            (0, w) => f.write_str(&plural(w, "warning")),
            (e, w) => write!(f, "{}, {}", plural(e, "error"), plural(w, "warning")),
        }
    }
}
