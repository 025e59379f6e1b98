//! Findings as SARIF 2.1.0, the format code-review tools read: one rule per
//! finding code (from [`Code::ALL`]: id, one-line doc, help), one result per
//! finding with its level and message, the flow file as the physical
//! location and the block as a logical location (full Identifier, the
//! designer's type and label).
//!
//! ```
//! use connect_flow::{check, output::sarif::sarif, Flow, Manifests};
//!
//! let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "Say", "Actions": [
//!   {"Identifier": "Say", "Type": "MessageParticipant",
//!    "Parameters": {"Text": "$.External.x"}, "Transitions": {}}]}"#, "flows/main.json").unwrap();
//! let log: serde_json::Value =
//!     serde_json::from_str(&sarif(&check(&[flow], &Manifests::new()).unwrap())).unwrap();
//! let result = &log["runs"][0]["results"][0];
//! assert_eq!(result["ruleId"], "no-lambda-ran");
//! assert_eq!(result["level"], "warning");
//! let location = &result["locations"][0];
//! assert_eq!(location["physicalLocation"]["artifactLocation"]["uri"], "flows/main.json");
//! assert_eq!(location["logicalLocations"][0]["fullyQualifiedName"], "Say");
//! assert_eq!(location["logicalLocations"][0]["properties"]["type"], "Play prompt");
//! ```

use std::path::Path;

use serde_json::{json, Map, Value};

use super::json::safe_for_terminal;
use crate::findings::{Code, Finding};

/// The SARIF version written.
pub const SARIF_VERSION: &str = "2.1.0";

/// Where the SARIF 2.1.0 schema is published (the log's `$schema`).
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Where each rule's help lives: the README's table of codes.
const RULES_HELP_URI: &str = concat!(
    env!("CARGO_PKG_REPOSITORY"),
    "/blob/main/connect-flow/README.md#codes"
);

/// The findings as a SARIF 2.1.0 log with one run, pretty-printed. A
/// finding's severity is its SARIF level: SARIF names them `error` and
/// `warning` too.
pub fn sarif(findings: &[Finding]) -> String {
    let rules: Vec<Value> = Code::ALL.iter().map(|code| rule(*code)).collect();
    let results: Vec<Value> = findings.iter().map(result).collect();
    let log = json!({
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {
                "name": "connect-flow",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": RULES_HELP_URI,
                "rules": rules,
            }},
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log)
        .map(safe_for_terminal)
        .unwrap_or_else(|_| String::from("{}"))
}

fn rule(code: Code) -> Value {
    json!({
        "id": code.as_str(),
        "shortDescription": {"text": code.doc()},
        "help": {"text": format!(
            "Reports {}. See connect-flow/README.md, section Codes, for every code and the Connect rule it rests on.",
            code.doc()
        )},
        "helpUri": RULES_HELP_URI,
        "defaultConfiguration": {"level": code.severity().as_str()},
    })
}

fn result(finding: &Finding) -> Value {
    let mut text = finding.full_message();
    for line in [&finding.help, &finding.note].into_iter().flatten() {
        text.push_str("; ");
        text.push_str(line);
    }
    let mut location = Map::new();
    location.insert(
        "physicalLocation".into(),
        json!({"artifactLocation": {"uri": uri(&finding.file)}}),
    );
    if let Some(action) = &finding.action {
        let mut logical = json!({
            "fullyQualifiedName": action,
            "kind": "block",
        });
        if let Some(block) = &finding.block {
            logical["name"] = json!(block.label.as_str());
            logical["decoratedName"] = json!(block.to_string());
            logical["properties"] = json!({
                "type": block.type_name,
                "label": block.label.as_str(),
            });
        }
        location.insert("logicalLocations".into(), json!([logical]));
    }
    let code_index = Code::ALL.iter().position(|c| *c == finding.code);
    let mut result = json!({
        "ruleId": finding.code.as_str(),
        "ruleIndex": code_index,
        "level": finding.severity().as_str(),
        "message": {"text": text},
        "locations": [Value::Object(location)],
    });
    let mut properties = Map::new();
    if let Some(field) = &finding.field {
        properties.insert("field".into(), json!(field));
    }
    if let Some(resource) = &finding.resource {
        properties.insert("resource".into(), json!(resource));
    }
    if !properties.is_empty() {
        result["properties"] = Value::Object(properties);
    }
    result
}

/// A file path as a relative URI reference: `/` separators, and the
/// characters a URI cannot hold percent-encoded.
fn uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/:@!$&'()*+,;=".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri(Path::new("flows/main.json")), "flows/main.json");
        assert_eq!(uri(Path::new("my flows/a b.json")), "my%20flows/a%20b.json");
        assert_eq!(uri(Path::new("flows/50%.json")), "flows/50%25.json");
    }
}
