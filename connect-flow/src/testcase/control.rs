//! `TestControl`: ending the test, logging what expressions hold.

use std::collections::BTreeMap;

use serde::Serialize;

use super::read::Node;
use super::CaseError;

/// A `TestControl` command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type")]
pub enum Control {
    /// Ends the test: passed, unless an assertion failed.
    EndTest,
    /// Records the value of each expression (label → JSONPath such as
    /// `$.External.customerBalance`) in the case's result.
    LogData {
        /// Label → JSONPath, in label order.
        expressions: BTreeMap<String, String>,
    },
}

pub(crate) fn read_control(params: &Node<'_>) -> Result<Control, CaseError> {
    let command = params.get("Command")?;
    let (tag, _) = command.tag(&["EndTest", "LogData"])?;
    if tag == "EndTest" {
        return Ok(Control::EndTest);
    }
    let exprs = command.get("Properties")?.get("Expressions")?;
    let mut expressions = BTreeMap::new();
    for key in exprs.object()?.keys() {
        let path = exprs.get(key)?;
        expressions.insert(key.clone(), path.str()?.to_owned());
    }
    Ok(Control::LogData { expressions })
}
