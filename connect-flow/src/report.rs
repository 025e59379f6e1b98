//! Printing findings: for a person at a terminal (rustc's style), or as JSON
//! for a pipeline.
//!
//! ```
//! use connect_flow::report::{json, Summary};
//!
//! let text = json(&[]);
//! assert_eq!(text, "{\n  \"findings\": []\n}");
//! assert_eq!(Summary::of(&[], 1, 0).to_string(), "checked 1 flow against 0 manifests: no findings");
//! ```

use std::fmt::{self, Write as _};

use serde::Serialize;

use crate::findings::{Finding, Severity};

/// The findings as a person reads them: one rustc-style diagnostic each,
/// grouped by flow and action (the order [`check`](crate::check) sorts them
/// in), with the fix on `help` lines and the reason on `note` lines.
///
/// ```
/// use connect_flow::{check, report::human, Flow, Manifests};
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
            finding.message
        );
        let _ = write!(out, "  --> {}", finding.file.display());
        match (&finding.block, &finding.action) {
            (Some(block), _) => {
                let _ = write!(out, ": {block}");
            }
            (None, Some(action)) => {
                let _ = write!(out, ": action {action:?}");
            }
            (None, None) => {}
        }
        if let Some(field) = &finding.field {
            let _ = write!(out, ", field {field}");
        }
        out.push('\n');
        if let Some(suggestion) = &finding.suggestion {
            let _ = writeln!(out, "   = help: did you mean `{suggestion}`?");
        }
        if let Some(help) = &finding.help {
            let _ = writeln!(out, "   = help: {help}");
        }
        if let Some(note) = &finding.note {
            let _ = writeln!(out, "   = note: {note}");
        }
    }
    out
}

#[derive(Serialize)]
struct JsonReport<'a> {
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    severity: &'static str,
    code: &'static str,
    action: Option<&'a str>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    block_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    field: Option<&'a str>,
    message: String,
}

/// The findings as `{"findings": [{"severity", "code", "action", "type",
/// "label", "field", "message"}]}`, pretty-printed. `action` is the full
/// Identifier; `type` and `label` name the block as the flow designer does
/// (absent when the action does not exist); `action` and `field` are `null`
/// for `unused-manifest`; a suggestion is part of `message`.
///
/// ```
/// use connect_flow::{check, report::json, Flow, Manifests};
///
/// let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "Say", "Actions": [
///   {"Identifier": "Say", "Type": "MessageParticipant",
///    "Parameters": {"Text": "$.External.x"}, "Transitions": {}}]}"#, "main.json").unwrap();
/// let value: serde_json::Value =
///     serde_json::from_str(&json(&check(&[flow], &Manifests::new()).unwrap())).unwrap();
/// assert_eq!(value["findings"][0]["code"], "no-lambda-ran");
/// assert_eq!(value["findings"][0]["severity"], "warning");
/// assert_eq!(value["findings"][0]["action"], "Say");
/// assert_eq!(value["findings"][0]["type"], "Play prompt");
/// assert_eq!(value["findings"][0]["label"], "Say");
/// assert_eq!(value["findings"][0]["field"], "Text");
/// ```
pub fn json(findings: &[Finding]) -> String {
    let report = JsonReport {
        findings: findings
            .iter()
            .map(|f| JsonFinding {
                severity: f.severity().as_str(),
                code: f.code.as_str(),
                action: f.action.as_deref(),
                block_type: f.block.as_ref().map(|b| b.type_name.as_str()),
                label: f.block.as_ref().map(|b| b.label.as_str()),
                field: f.field.as_deref(),
                message: f.full_message(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|_| String::from("{\"findings\": []}"))
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
