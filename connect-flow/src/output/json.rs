//! Findings as JSON, for a pipeline.
//!
//! ```
//! use connect_flow::output::json::json;
//!
//! assert_eq!(json(&[]), "{\n  \"findings\": []\n}");
//! ```

use serde::Serialize;

use super::terminal::acts_on_terminal;
use crate::findings::Finding;

#[derive(Serialize)]
struct JsonReport<'a> {
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    severity: &'static str,
    code: &'static str,
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    resource: Option<&'a str>,
    action: Option<&'a str>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    block_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    field: Option<&'a str>,
    message: String,
}

/// The findings as `{"findings": [{"severity", "code", "file", "resource",
/// "action", "type", "label", "field", "message"}]}`, pretty-printed. `file`
/// is the flow's path as given (the manifest's for `unused-manifest`);
/// `resource` the CloudFormation logical id of the flow, present only when
/// the flow came from a template. `action` is the full
/// Identifier; `type` and `label` name the block as the flow designer does
/// (absent when the action does not exist); `action` and `field` are `null`
/// for `unused-manifest`; a suggestion is part of `message`.
///
/// ```
/// use connect_flow::{check, output::json::json, Flow, Manifests};
///
/// let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "Say", "Actions": [
///   {"Identifier": "Say", "Type": "MessageParticipant",
///    "Parameters": {"Text": "$.External.x"}, "Transitions": {}}]}"#, "main.json").unwrap();
/// let value: serde_json::Value =
///     serde_json::from_str(&json(&check(&[flow], &Manifests::new()).unwrap())).unwrap();
/// assert_eq!(value["findings"][0]["code"], "no-lambda-ran");
/// assert_eq!(value["findings"][0]["severity"], "warning");
/// assert_eq!(value["findings"][0]["file"], "main.json");
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
                file: f.file.display().to_string(),
                resource: f.resource.as_deref(),
                action: f.action.as_deref(),
                block_type: f.block.as_ref().map(|b| b.type_name.as_str()),
                label: f.block.as_ref().map(|b| b.label.as_str()),
                field: f.field.as_deref(),
                message: f.full_message(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&report)
        .map(safe_for_terminal)
        .unwrap_or_else(|_| String::from("{\"findings\": []}"))
}

/// Serialized JSON with the characters serde_json leaves raw but a terminal
/// acts on (C1 controls such as the one-byte CSI `U+009B`, bidirectional
/// controls) written as `\uXXXX` escapes: still the same JSON value, and a
/// report piped to a terminal cannot drive it. Such characters only occur
/// inside strings, where the escape is valid.
///
/// ```
/// use connect_flow::output::json::safe_for_terminal;
///
/// let text = safe_for_terminal(serde_json::to_string("a\u{9b}2J\u{202e}").unwrap());
/// assert_eq!(text, r#""a\u009b2J\u202e""#);
/// assert_eq!(serde_json::from_str::<String>(&text).unwrap(), "a\u{9b}2J\u{202e}");
/// ```
pub fn safe_for_terminal(json: String) -> String {
    if !json.chars().any(|c| c != '\n' && acts_on_terminal(c)) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if c != '\n' && acts_on_terminal(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}
