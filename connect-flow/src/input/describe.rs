//! `aws connect describe-contact-flow` and `describe-contact-flow-module`
//! output: `{"ContactFlow": {"Name": ..., "Content": "<the flow>"}}` and
//! `{"ContactFlowModule": {...}}`, the flow a JSON string inside.
//!
//! ```
//! use connect_flow::input;
//!
//! let path = std::env::temp_dir().join(format!("described-{}.json", std::process::id()));
//! std::fs::write(&path, r#"{"ContactFlow": {"Id": "abc", "Name": "Main", "Type": "CONTACT_FLOW",
//!   "Content": "{\"Version\":\"2019-10-30\",\"StartAction\":\"a\",\"Actions\":[]}"}}"#).unwrap();
//! let flows = input::read(&path).into_flows().unwrap();
//! assert_eq!(flows[0].start_action, "a");
//! assert_eq!(flows[0].path, path);
//! // A transfer may name it by either (`model::Block::link`).
//! assert_eq!(flows[0].known_as, ["Main", "abc"]);
//! # std::fs::remove_file(&path).unwrap();
//! ```

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::error::InputError;
use crate::flow::Flow;

/// The described object of a `describe-contact-flow(-module)` output.
pub(crate) struct Described<'v> {
    /// `ContactFlow` or `ContactFlowModule`.
    key: &'static str,
    /// The object under it.
    object: &'v Map<String, Value>,
}

impl<'v> Described<'v> {
    /// The object under `key` (`ContactFlow` or `ContactFlowModule`).
    pub(crate) fn new(key: &'static str, object: &'v Map<String, Value>) -> Self {
        Described { key, object }
    }
}

/// The flow in `described`'s `Content`; errors name the file and the field.
pub(crate) fn flow(described: Described<'_>, path: &Path) -> Result<Flow, InputError> {
    let key = described.key;
    let not_a_flow = |reason: String| InputError::NotAFlow {
        path: path.to_owned(),
        reason,
    };
    let content = match described.object.get("Content") {
        Some(Value::String(content)) => content,
        Some(other) => {
            return Err(not_a_flow(format!(
                "{key}.Content: expected the flow as a JSON string, found {}",
                connect_types::error::value_kind(other)
            )))
        }
        None => {
            return Err(not_a_flow(format!(
                "{key}.Content is missing: save the whole output of \
                 `aws connect describe-contact-flow` (no --query that drops Content)"
            )))
        }
    };
    // Messages about the content name the field it came from.
    let at = PathBuf::from(format!("{} ({key}.Content)", path.display()));
    let mut flow = Flow::from_slice(content.as_bytes(), &at)?;
    flow.path = path.to_owned();
    flow.known_as = ["Name", "Id"]
        .into_iter()
        .filter_map(|field| described.object.get(field)?.as_str())
        .map(str::to_owned)
        .collect();
    Ok(flow)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Flow, InputError> {
        let value: Value = serde_json::from_str(text).unwrap();
        let (key, object) = value.as_object().unwrap().iter().next().unwrap();
        let key = if key == "ContactFlow" {
            "ContactFlow"
        } else {
            "ContactFlowModule"
        };
        flow(
            Described::new(key, object.as_object().unwrap()),
            Path::new("d.json"),
        )
    }

    #[test]
    fn content_errors_name_the_field() {
        let err = read(r#"{"ContactFlow": {"Name": "x"}}"#)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("d.json: not an Amazon Connect flow: ContactFlow.Content is missing"),
            "{err}"
        );
        let err = read(r#"{"ContactFlowModule": {"Content": {}}}"#)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(
                "ContactFlowModule.Content: expected the flow as a JSON string, found an object"
            ),
            "{err}"
        );
        let err = read(r#"{"ContactFlow": {"Content": "{"}}"#)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("d.json (ContactFlow.Content): not valid JSON"),
            "{err}"
        );
    }

    #[test]
    fn a_module_reads_like_a_flow() {
        let flow = read(
            r#"{"ContactFlowModule": {"Content": "{\"Version\":\"2019-10-30\",\"StartAction\":\"a\",\"Actions\":[],\"Settings\":{}}"}}"#,
        )
        .unwrap();
        assert!(flow.settings.is_some());
        assert_eq!(flow.path, Path::new("d.json"));
        assert_eq!(flow.resource, None);
    }
}
