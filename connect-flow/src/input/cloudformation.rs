//! The contact flows of a CloudFormation JSON template, CDK's synthesized
//! `cdk.out/<Stack>.template.json` included.
//!
//! Every `AWS::Connect::ContactFlow` and `AWS::Connect::ContactFlowModule`
//! resource is a flow; [`Flow::resource`] is its logical id. Its
//! `Properties.Content` is the flow as a string, written one of three ways,
//! each read as CloudFormation would read it, except that what only a
//! deployment knows is kept as a placeholder the
//! [`placeholder`](crate::placeholder) grammar reads:
//!
//! | `Content` | read as |
//! |---|---|
//! | a string | itself |
//! | `{"Fn::Sub": "..."}` | itself: `${X.Arn}` and `${AWS::Region}` stay placeholders, `${!Literal}` is `${Literal}` |
//! | `{"Fn::Sub": ["...", {"Var": ...}]}` | each `${Var}` replaced: by a literal string's value; by `${X.Arn}` for `{"Fn::GetAtt": ["X", "Arn"]}`; by `${X}` for `{"Ref": "X"}` |
//! | `{"Fn::Join": ["", [...]]}` (CDK writes this) | the parts joined: strings as they are, `Fn::GetAtt` as `${X.Arn}`, `Ref` as `${X}`, `Fn::ImportValue` of a name as `${Name}`, a nested `Fn::Sub` or `Fn::Join` read the same way |
//!
//! An intrinsic function whose value only exists at deployment and that
//! names nothing (`Fn::If`, `Fn::Select`, ...) is an error naming the
//! resource and the function, and the template's other flows are still
//! read.
//!
//! ```
//! use connect_flow::input;
//!
//! let path = std::env::temp_dir().join(format!("stack-{}.template.json", std::process::id()));
//! std::fs::write(&path, r#"{"Resources": {
//!   "GetBalanceE0F9B3A1": {"Type": "AWS::Lambda::Function", "Properties": {}},
//!   "MainFlow": {"Type": "AWS::Connect::ContactFlow", "Properties": {"Content": {"Fn::Join": ["", [
//!     "{\"Version\":\"2019-10-30\",\"StartAction\":\"a\",\"Actions\":[{\"Identifier\":\"a\",",
//!     "\"Type\":\"InvokeLambdaFunction\",\"Parameters\":{\"LambdaFunctionARN\":\"",
//!     {"Fn::GetAtt": ["GetBalanceE0F9B3A1", "Arn"]},
//!     "\"},\"Transitions\":{}}]}"]]}}}
//! }}"#).unwrap();
//!
//! let flows = input::read(&path).into_flows().unwrap();
//! assert_eq!(flows[0].resource.as_deref(), Some("MainFlow"));
//! let arn = flows[0].actions[0].lambda_invoke().unwrap().function_arn();
//! assert_eq!(arn, Some("${GetBalanceE0F9B3A1.Arn}"));
//! # std::fs::remove_file(&path).unwrap();
//! ```

use std::path::{Path, PathBuf};

use connect_types::error::value_kind;
use serde_json::{Map, Value};

use crate::error::InputError;
use crate::flow::Flow;

/// The resource types that are flows.
const FLOW_TYPES: [&str; 2] = [
    "AWS::Connect::ContactFlow",
    "AWS::Connect::ContactFlowModule",
];

/// Every contact flow resource of a template's `resources`, in logical-id
/// order: the flow, or why it cannot be read. Empty when it has none.
pub(crate) fn flows(resources: &Map<String, Value>, path: &Path) -> Vec<Result<Flow, InputError>> {
    resources
        .iter()
        .filter(|(_, resource)| {
            resource
                .get("Type")
                .and_then(Value::as_str)
                .is_some_and(|t| FLOW_TYPES.contains(&t))
        })
        .map(|(id, resource)| flow(id, resource, path))
        .collect()
}

/// The flow of the resource `id`.
fn flow(id: &str, resource: &Value, path: &Path) -> Result<Flow, InputError> {
    let bad = |reason: String| InputError::BadResource {
        path: path.to_owned(),
        resource: id.to_owned(),
        reason,
    };
    let content = resource
        .get("Properties")
        .and_then(|p| p.get("Content"))
        .ok_or_else(|| bad("Properties.Content is missing".into()))?;
    let content = evaluate(content).map_err(|e| bad(format!("Properties.Content: {e}")))?;
    // Messages about the content name the resource it came from.
    let at = PathBuf::from(format!("{} (resource {id})", path.display()));
    let mut flow = Flow::from_slice(content.as_bytes(), &at)?;
    flow.path = path.to_owned();
    flow.resource = Some(id.to_owned());
    Ok(flow)
}

/// `Content` as text: a string, `Fn::Sub` or `Fn::Join`.
fn evaluate(value: &Value) -> Result<String, String> {
    match value {
        Value::String(text) => Ok(text.clone()),
        Value::Object(object) => match single(object) {
            Some(("Fn::Sub", argument)) => sub(argument),
            Some(("Fn::Join", argument)) => join(argument),
            _ => Err(format!(
                "expected the flow as a string, Fn::Sub or Fn::Join, found {}",
                describe(value)
            )),
        },
        other => Err(format!(
            "expected the flow as a string, Fn::Sub or Fn::Join, found {}",
            value_kind(other)
        )),
    }
}

/// A part of an `Fn::Join`, or a variable of an `Fn::Sub`, as text.
fn part(value: &Value) -> Result<String, String> {
    let Value::Object(object) = value else {
        return match value {
            Value::String(text) => Ok(text.clone()),
            other => Err(format!("expected a string, found {}", value_kind(other))),
        };
    };
    match single(object) {
        Some(("Fn::GetAtt", argument)) => get_att(argument),
        Some(("Ref", Value::String(name))) => Ok(format!("${{{name}}}")),
        Some(("Fn::ImportValue", Value::String(name))) => Ok(format!("${{{name}}}")),
        Some(("Fn::Sub", argument)) => sub(argument),
        Some(("Fn::Join", argument)) => join(argument),
        _ => Err(format!(
            "{} has no value before deployment and names nothing the checker can read; \
             write the value as a string, an Fn::GetAtt or a Ref",
            describe(value)
        )),
    }
}

/// `{"Fn::GetAtt": ["X", "Arn"]}` or `{"Fn::GetAtt": "X.Arn"}` as `${X.Arn}`,
/// the form the placeholder grammar reads.
fn get_att(argument: &Value) -> Result<String, String> {
    match argument {
        Value::String(dotted) => Ok(format!("${{{dotted}}}")),
        Value::Array(items) => match items.as_slice() {
            [Value::String(resource), Value::String(attribute)] => {
                Ok(format!("${{{resource}.{attribute}}}"))
            }
            _ => Err("Fn::GetAtt: expected [\"LogicalId\", \"Attribute\"]".into()),
        },
        other => Err(format!(
            "Fn::GetAtt: expected [\"LogicalId\", \"Attribute\"], found {}",
            value_kind(other)
        )),
    }
}

/// `Fn::Join`: `[separator, [parts]]`.
fn join(argument: &Value) -> Result<String, String> {
    let Some([Value::String(separator), Value::Array(parts)]) =
        argument.as_array().map(Vec::as_slice)
    else {
        return Err("Fn::Join: expected [\"separator\", [parts]]".into());
    };
    let parts = parts
        .iter()
        .enumerate()
        .map(|(i, p)| part(p).map_err(|e| format!("Fn::Join part {i}: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(parts.join(separator))
}

/// `Fn::Sub`: `"text"` or `["text", {variables}]`.
fn sub(argument: &Value) -> Result<String, String> {
    let empty = Map::new();
    let (text, variables) = match argument {
        Value::String(text) => (text, &empty),
        Value::Array(items) => match items.as_slice() {
            [Value::String(text), Value::Object(variables)] => (text, variables),
            _ => return Err("Fn::Sub: expected \"text\" or [\"text\", {variables}]".into()),
        },
        other => {
            return Err(format!(
                "Fn::Sub: expected \"text\" or [\"text\", {{variables}}], found {}",
                value_kind(other)
            ))
        }
    };
    substitute(text, variables)
}

/// `text` with each `${Name}` that `variables` binds replaced by its value;
/// other `${...}` kept as the placeholders they are, `${!Literal}` written
/// `${Literal}` as CloudFormation does.
fn substitute(text: &str, variables: &Map<String, Value>) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("${") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        if let Some(literal) = after.strip_prefix('!') {
            out.push_str("${");
            rest = literal;
            continue;
        }
        let Some(end) = after.find('}') else {
            out.push_str(&rest[at..]);
            return Ok(out);
        };
        let name = &after[..end];
        match variables.get(name) {
            Some(value) => {
                out.push_str(&part(value).map_err(|e| format!("Fn::Sub variable {name}: {e}"))?)
            }
            None => out.push_str(&rest[at..at + 2 + end + 1]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The one key of an intrinsic function object and its argument.
fn single(object: &Map<String, Value>) -> Option<(&str, &Value)> {
    match object.iter().next() {
        Some((key, value)) if object.len() == 1 => Some((key.as_str(), value)),
        _ => None,
    }
}

/// How a value is named in messages: an intrinsic function by its name.
fn describe(value: &Value) -> String {
    match value.as_object().and_then(single) {
        Some((key, _)) => format!("`{key}`"),
        None => value_kind(value).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sub_keeps_placeholders_and_replaces_variables() {
        let text = evaluate(&json!({"Fn::Sub": "a ${X.Arn} ${AWS::Region} ${!Literal}"})).unwrap();
        assert_eq!(text, "a ${X.Arn} ${AWS::Region} ${Literal}");
        let text = evaluate(&json!({"Fn::Sub": ["${Stage}/${Fn}/${P}/${Other}", {
            "Stage": "prod",
            "Fn": {"Fn::GetAtt": ["GetBalance", "Arn"]},
            "P": {"Ref": "Param"}
        }]}))
        .unwrap();
        assert_eq!(text, "prod/${GetBalance.Arn}/${Param}/${Other}");
    }

    #[test]
    fn join_writes_get_att_and_ref_as_placeholders() {
        let text = evaluate(&json!({"Fn::Join": ["", [
            "x", {"Fn::GetAtt": "A.Arn"}, {"Ref": "B"}, {"Fn::ImportValue": "C"},
            {"Fn::Sub": "${D.Arn}"}, {"Fn::Join": ["-", ["e", "f"]]}
        ]]}))
        .unwrap();
        assert_eq!(text, "x${A.Arn}${B}${C}${D.Arn}e-f");
    }

    #[test]
    fn unreadable_intrinsics_say_where() {
        let err =
            evaluate(&json!({"Fn::Join": ["", ["a", {"Fn::If": ["C", "x", "y"]}]]})).unwrap_err();
        assert!(
            err.starts_with("Fn::Join part 1: `Fn::If` has no value before deployment"),
            "{err}"
        );
        let err = evaluate(&json!({"Fn::Base64": "x"})).unwrap_err();
        assert!(err.contains("found `Fn::Base64`"), "{err}");
        let err = evaluate(&json!(3)).unwrap_err();
        assert!(err.contains("found a number"), "{err}");
        let err = evaluate(&json!({"Fn::Join": "x"})).unwrap_err();
        assert!(err.starts_with("Fn::Join: expected"), "{err}");
        // An unclosed `${` is text, as CloudFormation leaves it.
        assert_eq!(evaluate(&json!({"Fn::Sub": "a ${b"})).unwrap(), "a ${b");
    }

    #[test]
    fn a_resource_error_names_the_template_and_the_resource() {
        let resources = json!({
            "Broken": {"Type": "AWS::Connect::ContactFlow", "Properties": {}},
            "NotJson": {"Type": "AWS::Connect::ContactFlowModule", "Properties": {"Content": "{"}},
            "Queue": {"Type": "AWS::Connect::Queue", "Properties": {}}
        });
        let results = flows(resources.as_object().unwrap(), Path::new("t.json"));
        assert_eq!(results.len(), 2);
        let messages: Vec<String> = results
            .into_iter()
            .map(|r| r.unwrap_err().to_string())
            .collect();
        assert_eq!(
            messages[0],
            "t.json: resource Broken: Properties.Content is missing"
        );
        assert!(
            messages[1].starts_with("t.json (resource NotJson): not valid JSON"),
            "{}",
            messages[1]
        );
    }
}
