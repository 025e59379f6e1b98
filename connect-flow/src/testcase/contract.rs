//! Mocks held to their Lambda's manifest before a case runs
//! (`mock-not-in-contract`): a mocked response the real Lambda could never
//! give makes a case pass that production fails.

use connect_names::suggest::did_you_mean;
use connect_types::manifest::{ExternalKey, ResponseValidation, ValueType};
use serde_json::{Map, Value};

use super::event::FlowActionType;
use super::mock::{MockResponse, Strategy};
use super::result::MockProblem;
use super::{ActionKind, TestCase};
use crate::matching::Manifests;

/// Where in an override its mocked Lambda response is.
const LOADED_DATA: &str =
    ".Parameters.Behavior.Properties.Strategy.Response.ExecutionResult.LoadedData";

/// Every `MockResponse` of `case` for a Lambda with a manifest in
/// `manifests`, checked against it: a key the Lambda never returns (with
/// the key probably meant), a value that is not a string under
/// `STRING_MAP`, a value outside the `values` the manifest lists for its key
/// (with the value probably meant), a response that is not a JSON object. Mocks of Lambdas
/// without a manifest, and error mocks, are not checked.
///
/// ```
/// use connect_flow::testcase::{check_mocks, TestCase};
/// use connect_flow::{LoadedManifest, Manifests};
///
/// let mut manifests = Manifests::new();
/// manifests.add(LoadedManifest::from_slice(br#"{"manifestVersion": 1, "handler": "get_balance",
///   "responseValidation": "STRING_MAP", "external": [{"path": "$.External.customerBalance",
///   "key": "customerBalance", "type": "string", "required": true, "referenceable": true}]}"#,
///   "get_balance.json").unwrap());
/// let case = TestCase::from_slice(br#"{"Version": "2019-10-30", "Observations": [
///   {"Identifier": "o", "Event": {"Type": "TestInitiated"}, "Actions": [
///     {"Identifier": "mock", "Type": "OverrideSystemBehavior", "Parameters": {"Behavior": {
///       "Type": "FlowAction", "Properties": {"ActionType": "InvokeLambdaFunction",
///       "ActionParameters": {"LambdaFunctionARN": "arn:aws:lambda:us-east-1:1:function:GetBalance"},
///       "Strategy": {"Type": "MockResponse", "Response": {"Type": "ExecutionResult",
///         "ExecutionResult": {"LoadedData": "{\"customerBalanse\": \"12.50\"}"}}}}}}}]}]}"#,
///   "case.json").unwrap();
/// let problems = check_mocks(&case, &manifests);
/// assert_eq!(problems[0].key, "customerBalanse");
/// assert_eq!(problems[0].suggestion.as_deref(), Some("customerBalance"));
/// ```
pub fn check_mocks(case: &TestCase, manifests: &Manifests) -> Vec<MockProblem> {
    let mut problems = Vec::new();
    for observation in &case.observations {
        for action in &observation.actions {
            let ActionKind::OverrideSystemBehavior(over) = &action.kind else {
                continue;
            };
            if over.target.action_type != FlowActionType::InvokeLambdaFunction {
                continue;
            }
            let Strategy::MockResponse(MockResponse::ExecutionResult {
                loaded_data: Some(data),
                ..
            }) = &over.strategy
            else {
                continue;
            };
            let Some(arn) = over
                .target
                .parameters
                .get("LambdaFunctionARN")
                .and_then(Value::as_str)
            else {
                continue;
            };
            let Some(loaded) = manifests
                .resolve(arn)
                .ok()
                .and_then(|m| m.index())
                .and_then(|i| manifests.get(i))
            else {
                continue;
            };
            let function = loaded.match_name().to_owned();
            let at = format!("{}{LOADED_DATA}", action.at);
            let problem = |key: &str, message: String, suggestion: Option<String>| MockProblem {
                at: at.clone(),
                function: function.clone(),
                key: key.to_owned(),
                message,
                suggestion,
            };
            let Some(object) = data.as_object() else {
                problems.push(problem(
                    "",
                    format!("the mocked response of `{function}` is not a JSON object: a Lambda called by a flow returns an object"),
                    None,
                ));
                continue;
            };
            let manifest = &loaded.manifest;
            let mut found = Vec::new();
            keys(object, "", manifest.response_validation, &mut found);
            for (key, value) in found {
                if manifest.response_validation == ResponseValidation::StringMap
                    && !value.is_string()
                {
                    problems.push(problem(
                        &key,
                        format!(
                            "`{key}` is {} in the mocked response of `{function}`, whose responses are \
                             STRING_MAP: every value is a string (write it in quotes)",
                            super::read::kind(value)
                        ),
                        None,
                    ));
                    continue;
                }
                if !known(&manifest.external, &key) {
                    let suggestion =
                        did_you_mean(&key, manifest.external.iter().map(|k| k.key.as_str()))
                            .map(str::to_owned);
                    problems.push(problem(
                        &key,
                        format!(
                            "`{function}` never returns `{key}` (its manifest, {}, does not list it): \
                             the mock would run the flow on a response production never gives",
                            loaded.path.display()
                        ),
                        suggestion,
                    ));
                }
                if let Some((values, text)) = outside_values(&manifest.external, &key, value) {
                    let suggestion =
                        did_you_mean(&text, values.iter().map(String::as_str)).map(str::to_owned);
                    let listed: Vec<&str> = values.iter().map(String::as_str).collect();
                    problems.push(problem(
                        &key,
                        format!(
                            "`{key}` is `{text}` in the mocked response of `{function}`, which returns only \
                             one of {} (its manifest, {}): the mock would run the flow on a value \
                             production never gives",
                            connect_names::suggest::list(&listed),
                            loaded.path.display()
                        ),
                        suggestion,
                    ));
                }
            }
        }
    }
    problems
}

/// The response's keys as the manifest lists them: top-level only under
/// STRING_MAP; dotted paths to every leaf (and every object) under JSON.
fn keys<'v>(
    object: &'v Map<String, Value>,
    prefix: &str,
    mode: ResponseValidation,
    out: &mut Vec<(String, &'v Value)>,
) {
    for (name, value) in object {
        let key = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}.{name}")
        };
        match (mode, value) {
            (ResponseValidation::Json, Value::Object(inner)) => {
                out.push((key.clone(), value));
                keys(inner, &key, mode, out);
            }
            _ => out.push((key, value)),
        }
    }
}

/// When the manifest lists the values `key` can hold and the mocked `value`
/// is none of them: those values and the value as text. A string is its own
/// text; a JSON number or boolean is compared as Connect reads it.
fn outside_values<'m>(
    external: &'m [ExternalKey],
    key: &str,
    value: &Value,
) -> Option<(&'m [String], String)> {
    let values = external.iter().find(|k| k.key == key)?.values.as_deref()?;
    let text = match value {
        Value::String(text) => text.clone(),
        Value::Bool(_) | Value::Number(_) => value.to_string(),
        _ => return None,
    };
    (!values.contains(&text)).then_some((values, text))
}

/// Whether the manifest lists `key`, or a key whose contents are decided at
/// run time (`*`, a map or any value) above it.
fn known(external: &[ExternalKey], key: &str) -> bool {
    external.iter().any(|k| {
        k.key == key
            || k.key == "*"
            || (matches!(k.ty, ValueType::Map | ValueType::Any)
                && key
                    .strip_prefix(k.key.as_str())
                    .is_some_and(|rest| rest.starts_with('.')))
            || k.key.strip_suffix(".*").is_some_and(|parent| {
                key.strip_prefix(parent)
                    .is_some_and(|rest| rest.starts_with('.'))
            })
    })
}
