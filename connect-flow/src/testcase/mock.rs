//! `OverrideSystemBehavior`: a block's resource substituted, or its result
//! mocked, the next time the block runs.

use serde::Serialize;
use serde_json::Value;

use super::event::{read_flow_action, ExpectedAction};
use super::read::Node;
use super::CaseError;

/// An override: which block it applies to and what it does instead.
///
/// Connect applies an override once, to the next run of a block with the
/// same type and parameters; several for one resource queue up first in,
/// first out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Override {
    /// The block it applies to (type and authored parameters).
    pub target: ExpectedAction,
    /// What happens instead.
    pub strategy: Strategy,
}

/// An override's strategy.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum Strategy {
    /// The block runs with another resource (`SubstituteArn`).
    SubstituteResource {
        /// The resource used instead.
        arn: String,
    },
    /// The block does not run its resource; its result is this.
    MockResponse(MockResponse),
}

/// A mocked result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all_fields = "camelCase")]
pub enum MockResponse {
    /// A success (`Type: "ExecutionResult"`).
    ExecutionResult {
        /// `DelaySeconds`: recorded, not waited for offline.
        delay_seconds: Option<f64>,
        /// `LoadedData`, parsed: a Lambda's response (or a Lex bot's).
        loaded_data: Option<Value>,
        /// `Value`: a result by name (`InHours`, `OutOfHours`).
        value: Option<String>,
    },
    /// A failure (`Type: "Error"`), such as `NoMatchingError`,
    /// `TimeLimitExceeded`, `QueueAtCapacity`.
    Error {
        /// `DelaySeconds`: recorded, not waited for offline.
        delay_seconds: Option<f64>,
        /// The error's name, which picks the block's error branch.
        value: String,
    },
}

pub(crate) fn read_override(params: &Node<'_>) -> Result<Override, CaseError> {
    let behavior = params.get("Behavior")?;
    behavior.tag(&["FlowAction"])?;
    let props = behavior.get("Properties")?;
    let target = read_flow_action(&props, false)?;
    let strategy = props.get("Strategy")?;
    let (tag, _) = strategy.tag(&["SubstituteResource", "MockResponse"])?;
    let strategy = if tag == "SubstituteResource" {
        Strategy::SubstituteResource {
            arn: strategy.get_str("SubstituteArn")?.to_owned(),
        }
    } else {
        Strategy::MockResponse(read_response(&strategy.get("Response")?)?)
    };
    Ok(Override { target, strategy })
}

fn read_response(response: &Node<'_>) -> Result<MockResponse, CaseError> {
    let (tag, _) = response.tag(&["ExecutionResult", "Error"])?;
    let body = response.get(tag)?;
    let delay_seconds = body.opt("DelaySeconds")?.map(|n| n.number()).transpose()?;
    if tag == "Error" {
        return Ok(MockResponse::Error {
            delay_seconds,
            value: body.get_str("Value")?.to_owned(),
        });
    }
    let loaded_data = match body.opt("LoadedData")? {
        Some(n) => {
            let text = n.value.as_str().ok_or_else(|| {
                n.err(format!(
                    "serialized JSON (a string, as the service requires), found {}: write the \
                     response as a string, e.g. \"{{\\\"customerBalance\\\": \\\"12.50\\\"}}\"",
                    super::read::kind(n.value)
                ))
            })?;
            Some(n.ctx.parse_inner(text, &n.path)?)
        }
        None => None,
    };
    let value = body.opt("Value")?.map(|n| n.text()).transpose()?;
    if loaded_data.is_none() && value.is_none() {
        return Err(body.err("a member `LoadedData` (serialized JSON) or `Value`"));
    }
    Ok(MockResponse::ExecutionResult {
        delay_seconds,
        loaded_data,
        value,
    })
}
