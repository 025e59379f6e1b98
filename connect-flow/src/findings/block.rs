//! Rules on each Lambda block: its response validation, the parameters it
//! passes, its timeout, and whether a manifest describes its Lambda.

use connect_types::error::value_kind;
use connect_types::manifest::{ResponseValidation, ValueType};
use serde_json::{Map, Value};

use super::codes::Code;
use super::driver::FlowChecker;
use connect_names::suggest::did_you_mean;

use super::keys::article;
use crate::flow::{InvocationType, LambdaInvoke};
use crate::matching::Match;
use crate::model::FunctionRef;
use crate::placeholder::{map_argument, Unnamed};

const UNKNOWN_FUNCTION_NOTE: &str =
    "the $.External keys read after this block are not checked against any Lambda";

impl<'a> FlowChecker<'a> {
    pub(super) fn block(&mut self, index: usize, invoke: LambdaInvoke<'a>, function: &FunctionRef) {
        self.timeout(index, invoke);
        self.error_branch(index, invoke);
        if function.is_missing() {
            self.unknown_function(index, invoke);
            return;
        }
        let Some(loaded) = self.manifest_of(index) else {
            self.no_manifest(index, function);
            return;
        };
        let manifest = &loaded.manifest;
        let handler = manifest.handler.as_str();
        if manifest.response_validation == ResponseValidation::Json
            && invoke.effective_validation() == ResponseValidation::StringMap
        {
            let (field, how) = match invoke.declared_validation() {
                Some(_) => (
                    "ResponseValidation.ResponseType",
                    "validates the response as STRING_MAP",
                ),
                None => (
                    "ResponseValidation",
                    "has no response validation, so Connect validates the response as STRING_MAP",
                ),
            };
            let message = format!(
                "this block {how}, but {handler} returns JSON: Connect will reject its response"
            );
            self.push(Code::ValidationMismatch, Some(index), field, message)
                .help = Some("set Response validation to JSON in this block".into());
        }

        let empty = Map::new();
        let passed = invoke.invocation_attributes().unwrap_or(&empty);
        let reads_any = manifest.parameters.iter().any(|p| p.key == "*");
        for parameter in &manifest.parameters {
            if parameter.key == "*"
                || parameter.required != Some(true)
                || passed.contains_key(&parameter.key)
            {
                continue;
            }
            let key = &parameter.key;
            let message =
                format!("{handler} requires parameter `{key}`, which this block does not pass");
            let ty = parameter.ty.map(|t| format!(" ({t})")).unwrap_or_default();
            self.push(
                Code::MissingParameter,
                Some(index),
                format!("LambdaInvocationAttributes.{key}"),
                message,
            )
            .help = Some(format!(
                "add `{key}`{ty} to the block's function input parameters"
            ));
        }
        for (key, value) in passed {
            let declared = manifest.parameters.iter().find(|p| &p.key == key);
            let field = format!("LambdaInvocationAttributes.{key}");
            match declared {
                None if !reads_any => {
                    let missing = manifest
                        .parameters
                        .iter()
                        .filter(|p| p.key != "*" && !passed.contains_key(&p.key))
                        .map(|p| p.key.as_str());
                    let suggestion = did_you_mean(key, missing).map(str::to_owned);
                    let message =
                        format!("parameter `{key}` is passed, but {handler} never reads it");
                    let finding = self.push(Code::UnusedParameter, Some(index), field, message);
                    finding.suggestion = suggestion;
                    if finding.suggestion.is_none() {
                        finding.help =
                            Some("remove it from the block, or read it in the handler".into());
                    }
                }
                Some(parameter) => {
                    self.parameter_value(index, handler, parameter, value);
                    if let Some(ty) = parameter.ty {
                        if let Some(what) = literal_misfit(value, ty) {
                            let message = format!(
                                "parameter `{key}` is {what}, which cannot be {}: {handler} reads it as {}",
                                article(ty),
                                article(ty)
                            );
                            self.push(Code::ParameterType, Some(index), field, message)
                                .note = Some("the invocation fails before the handler runs".into());
                        }
                    }
                }
                None => {}
            }
        }
    }

    /// A block whose function cannot be determined: said here, once, and a
    /// barrier in the facts, so nothing read after it is blamed on an
    /// earlier Lambda.
    fn unknown_function(&mut self, index: usize, invoke: LambdaInvoke<'a>) {
        let how = match invoke.action().parameters.get("LambdaFunctionARN") {
            None => "has no LambdaFunctionARN",
            Some(Value::String(_)) => "has an empty LambdaFunctionARN",
            Some(other) => {
                let kind = value_kind(other);
                let finding = self.push(
                    Code::UnknownFunction,
                    Some(index),
                    "LambdaFunctionARN",
                    format!("this block's LambdaFunctionARN is {kind}, not a function ARN: which Lambda it invokes is unknown"),
                );
                finding.help = Some(Unnamed::Empty.help(""));
                finding.note = Some(UNKNOWN_FUNCTION_NOTE.into());
                return;
            }
        };
        let finding = self.push(
            Code::UnknownFunction,
            Some(index),
            "LambdaFunctionARN",
            format!("this block {how}: which Lambda it invokes is unknown"),
        );
        finding.help = Some(Unnamed::Empty.help(""));
        finding.note = Some(UNKNOWN_FUNCTION_NOTE.into());
    }

    fn error_branch(&mut self, index: usize, invoke: LambdaInvoke<'a>) {
        let errors = &invoke.action().transitions.errors;
        if errors.iter().any(|e| e.next_action.is_some()) {
            return;
        }
        let finding = self.push(
            Code::NoErrorBranch,
            Some(index),
            "Transitions.Errors",
            "this block has no error branch".into(),
        );
        finding.help =
            Some("connect its Error branch to a block that tells the caller and moves on".into());
        finding.note = Some(
            "when the Lambda fails or times out, the flow has nowhere to send the contact".into(),
        );
    }

    fn no_manifest(&mut self, index: usize, function: &FunctionRef) {
        let (message, help) = match function {
            FunctionRef::Named { name, arn } => (
                format!("no manifest for function `{name}`, invoked here"),
                format!(
                    "pass its manifest with --manifest (its `function` or `handler` must be `{name}`), \
                     or with {}",
                    map_argument(arn, "MANIFEST.json")
                ),
            ),
            FunctionRef::Placeholder {
                placeholder,
                text: arn,
            } => match self.matches.get(index) {
                Some(Some(Match::Undecided(named))) => {
                    let paths: Vec<String> = named
                        .iter()
                        .filter_map(|i| self.manifests.get(*i))
                        .map(|m| m.path.display().to_string())
                        .collect();
                    (
                        format!(
                            "placeholder `{arn}` names `{}`, which fits more than one manifest: {}; it is paired with neither",
                            placeholder.name(),
                            paths.join(" and ")
                        ),
                        format!("choose one with {}", map_argument(arn, "MANIFEST.json")),
                    )
                }
                _ => (
                    format!(
                        "no manifest for placeholder `{arn}`: no manifest's `function` or `handler` is `{}`",
                        placeholder.name()
                    ),
                    format!(
                        "pass a manifest whose `function` is `{}`, or pair it with {}",
                        placeholder.name(),
                        map_argument(arn, "MANIFEST.json")
                    ),
                ),
            },
            FunctionRef::Runtime(arn) | FunctionRef::Other(arn) => {
                let unnamed = Unnamed::read(arn).unwrap_or(Unnamed::NoName);
                (
                    format!("no manifest for the Lambda invoked here (`{arn}`): {unnamed}"),
                    unnamed.help(arn),
                )
            }
            // `unknown-function` reports it.
            FunctionRef::Missing => return,
        };
        let finding = self.push(Code::NoManifest, Some(index), "LambdaFunctionARN", message);
        finding.help = Some(help);
        finding.note = Some("the keys this Lambda returns and reads are not checked".into());
    }

    fn timeout(&mut self, index: usize, invoke: LambdaInvoke<'a>) {
        let max: u64 = if invoke.invocation_type() == InvocationType::Asynchronous {
            60
        } else {
            8
        };
        let problem = match invoke.timeout() {
            None => Some("InvocationTimeLimitSeconds is missing".to_owned()),
            Some(value) => match whole_seconds(value) {
                None => {
                    Some("InvocationTimeLimitSeconds is not a whole number of seconds".to_owned())
                }
                Some(n) if (1..=max).contains(&n) => None,
                Some(n) => Some(format!(
                    "InvocationTimeLimitSeconds is {n}, outside 1..{max}"
                )),
            },
        };
        if let Some(message) = problem {
            let mode = if max == 8 {
                "synchronous"
            } else {
                "asynchronous"
            };
            self.push(Code::InvalidTimeout, Some(index), "InvocationTimeLimitSeconds", message)
                .help = Some(format!(
                "set a whole number of seconds from 1 to {max} (the most Connect waits for {mode} invoke)"
            ));
        }
    }
}

/// `InvocationTimeLimitSeconds` as a whole number: `"8"` or `8`.
pub(super) fn whole_seconds(value: &Value) -> Option<u64> {
    match value {
        Value::String(s) => s.trim().parse::<u64>().ok(),
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

/// Why a literal parameter value cannot be of type `ty`, or `None` when it
/// can (or is not a literal).
fn literal_misfit(value: &Value, ty: ValueType) -> Option<String> {
    match value {
        Value::String(s) if s.contains("$.") => None,
        Value::String(s) => {
            let fits = match ty {
                ValueType::Number => serde_json::from_str::<serde_json::Number>(s.trim()).is_ok(),
                ValueType::Boolean => {
                    s.trim().eq_ignore_ascii_case("true") || s.trim().eq_ignore_ascii_case("false")
                }
                ValueType::Object | ValueType::Map => {
                    matches!(serde_json::from_str::<Value>(s), Ok(Value::Object(_)))
                }
                ValueType::Array => matches!(serde_json::from_str::<Value>(s), Ok(Value::Array(_))),
                ValueType::String | ValueType::Any => true,
            };
            (!fits).then(|| format!("the literal {s:?}"))
        }
        Value::Null => None,
        other => {
            let fits = match ty {
                ValueType::Any => true,
                ValueType::String => other.is_number() || other.is_boolean(),
                ValueType::Number => other.is_number(),
                ValueType::Boolean => other.is_boolean(),
                ValueType::Object | ValueType::Map => other.is_object(),
                ValueType::Array => other.is_array(),
            };
            (!fits).then(|| value_kind(other).into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::parse_map;

    #[test]
    fn literals() {
        use serde_json::json;
        assert!(literal_misfit(&json!("abc"), ValueType::Number).is_some());
        assert!(literal_misfit(&json!("12.5"), ValueType::Number).is_none());
        assert!(literal_misfit(&json!("$.Attributes.age"), ValueType::Number).is_none());
        assert!(literal_misfit(&json!("yes"), ValueType::Boolean).is_some());
        assert!(literal_misfit(&json!("True"), ValueType::Boolean).is_none());
        assert!(literal_misfit(&json!("anything"), ValueType::String).is_none());
        assert!(literal_misfit(&json!(5), ValueType::Boolean).is_some());
        assert!(literal_misfit(&json!({"a": 1}), ValueType::Object).is_none());
        assert!(literal_misfit(&json!("{\"a\": 1}"), ValueType::Map).is_none());
        assert!(literal_misfit(&json!("plain"), ValueType::Object).is_some());
    }

    /// What a POSIX shell passes for a word made of '...' and \' pieces.
    fn unquote(word: &str) -> String {
        word.split("'\\''")
            .map(|piece| piece.trim_matches('\''))
            .collect::<Vec<_>>()
            .join("'")
    }

    #[test]
    fn every_map_help_is_an_argument_the_cli_accepts() {
        for arn in [
            "${Balance.Arn}",
            "it's",
            "$.Attributes.fn",
            "arn:aws:lambda:r:1:function:f",
        ] {
            let help = map_argument(arn, "MANIFEST.json");
            let word = help.strip_prefix("--map ").expect("a --map argument");
            let (mapped, manifest) = parse_map(&unquote(word)).expect("the CLI accepts it");
            assert_eq!(
                (mapped.as_str(), manifest.to_str()),
                (arn, Some("MANIFEST.json"))
            );
        }
        assert!(map_argument("a=b", "MANIFEST.json").starts_with("a --map-file entry {\"a=b\""));
    }
}
