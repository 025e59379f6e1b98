//! The driver: checks every flow, action by action, with the rules of the
//! sibling modules, then sorts the findings and adds the manifests no action
//! used.

use super::codes::Code;
use super::model::Finding;
use crate::error::InputError;
use crate::flow::Flow;
use crate::matching::{LoadedManifest, Manifests, Match};
use crate::model::{FlowModel, Invoke, Model};
use crate::references::{find_references, strings_in};

/// Checks every flow against the manifests; findings come sorted.
///
/// # Errors
/// [`InputError::AmbiguousManifest`] when an action's function name matches
/// more than one manifest and no `--map` decides.
///
/// ```
/// use connect_flow::{check, Code, Flow, Manifests};
///
/// let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "say", "Actions": [
///   {"Identifier": "say", "Type": "MessageParticipant",
///    "Parameters": {"Text": "Hello $.External.name"}, "Transitions": {}}]}"#, "f.json").unwrap();
/// let findings = check(&[flow], &Manifests::new()).unwrap();
/// assert_eq!(findings.len(), 1);
/// assert_eq!(findings[0].code, Code::NoLambdaRan);
/// assert_eq!(findings[0].field.as_deref(), Some("Text"));
/// ```
pub fn check(flows: &[Flow], manifests: &Manifests) -> Result<Vec<Finding>, InputError> {
    check_model(&Model::new(flows.to_vec()), manifests)
}

/// Checks every flow of a resolved [`Model`] against the manifests; findings
/// come sorted. What [`check`] does after resolving the flows.
///
/// # Errors
/// As [`check`].
///
/// ```
/// use connect_flow::{check_model, model::Model, Code, Flow, Manifests};
///
/// let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "lookup", "Actions": [
///   {"Identifier": "lookup", "Type": "InvokeLambdaFunction",
///    "Parameters": {"LambdaFunctionARN": "", "InvocationTimeLimitSeconds": "8"},
///    "Transitions": {"NextAction": "say", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "say"}]}},
///   {"Identifier": "say", "Type": "MessageParticipant",
///    "Parameters": {"Text": "$.External.name"}, "Transitions": {}}]}"#, "f.json").unwrap();
/// let model = Model::new(vec![flow]);
/// let findings = check_model(&model, &Manifests::new()).unwrap();
/// let codes: Vec<Code> = findings.iter().map(|f| f.code).collect();
/// // The empty ARN is said once; the read after it blames no Lambda.
/// assert_eq!(codes, [Code::UnknownFunction, Code::AfterLambdaError]);
/// ```
pub fn check_model(model: &Model, manifests: &Manifests) -> Result<Vec<Finding>, InputError> {
    let mut findings = Vec::new();
    let mut used = vec![false; manifests.all().len()];
    for (flow_index, resolved) in model.flows.iter().enumerate() {
        let flow = &resolved.flow;
        let matches = resolve_blocks(resolved, manifests)?;
        for index in matches.iter().flatten().filter_map(Match::index) {
            used[index] = true;
        }
        let mut checker = FlowChecker {
            flow,
            model: resolved,
            flow_index,
            manifests,
            matches: &matches,
            findings: Vec::new(),
        };
        checker.run();
        findings.extend(checker.findings);
    }
    for (index, manifest) in manifests.all().iter().enumerate() {
        if !used[index] {
            findings.push(unused_manifest(manifest, model.len()));
        }
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    // One finding per thing said: the same Lambda behind two blocks gives the
    // same finding twice, differing only in the note naming the block.
    findings.dedup_by(|later, earlier| {
        later.file == earlier.file
            && later.resource == earlier.resource
            && later.action == earlier.action
            && later.sort_key() == earlier.sort_key()
            && later.suggestion == earlier.suggestion
    });
    Ok(findings)
}

/// The manifest match of every `InvokeLambdaFunction` block that invokes a
/// function (`None` for other actions and "Load Lambda result" blocks).
fn resolve_blocks(
    flow: &FlowModel,
    manifests: &Manifests,
) -> Result<Vec<Option<Match>>, InputError> {
    (0..flow.blocks.len())
        .map(|index| {
            let Some(function) = flow.function(index) else {
                return Ok(None);
            };
            manifests
                .resolve_ref(function)
                .map(Some)
                .map_err(|ambiguous| InputError::AmbiguousManifest {
                    flow: flow.flow.path.clone(),
                    action: flow.flow.actions[index].identifier.clone(),
                    function: ambiguous.function,
                    manifests: ambiguous
                        .manifests
                        .iter()
                        .filter_map(|&i| manifests.get(i))
                        .map(|m| m.path.clone())
                        .collect(),
                })
        })
        .collect()
}

fn unused_manifest(manifest: &LoadedManifest, flow_count: usize) -> Finding {
    let flows = if flow_count == 1 {
        "the flow"
    } else {
        "any of the flows"
    };
    Finding {
        code: Code::UnusedManifest,
        file: manifest.path.clone(),
        resource: None,
        action: None,
        block: None,
        field: None,
        message: format!(
            "the manifest of {} matches no action in {flows}",
            manifest.manifest.handler
        ),
        suggestion: None,
        help: Some(format!(
            "an action matches when the function name in its LambdaFunctionARN, or the name in \
             its placeholder, is `{}` (ignoring case, `-` and `_`); for any other ARN use --map 'ARN={}'",
            manifest.match_name(),
            manifest.path.display()
        )),
        note: None,
        order: (usize::MAX, usize::MAX),
    }
}

pub(super) struct FlowChecker<'a> {
    pub(super) flow: &'a Flow,
    pub(super) model: &'a FlowModel,
    pub(super) flow_index: usize,
    pub(super) manifests: &'a Manifests,
    pub(super) matches: &'a [Option<Match>],
    pub(super) findings: Vec<Finding>,
}

impl<'a> FlowChecker<'a> {
    fn run(&mut self) {
        self.start_action();
        self.duplicates();
        self.dangling();
        self.identifiers();
        self.unreachable();
        self.lambda_chains();
        let facts = self.model.facts();
        for (index, action) in self.flow.actions.iter().enumerate() {
            if let Some(state) = facts.at(index) {
                for (field, text) in strings_in(&action.parameters) {
                    for reference in find_references(text) {
                        for last in state {
                            self.reference(index, &field, &reference, *last);
                        }
                    }
                }
            }
            if let (Some(Invoke::Function { function, .. }), Some(invoke)) =
                (&self.model.blocks[index].invoke, action.lambda_invoke())
            {
                self.block(index, invoke, function);
            }
        }
        self.values();
    }

    pub(super) fn push(
        &mut self,
        code: Code,
        index: Option<usize>,
        field: impl Into<String>,
        message: String,
    ) -> &mut Finding {
        let action = index.map(|i| self.flow.actions[i].identifier.clone());
        self.findings.push(Finding {
            code,
            file: self.flow.path.clone(),
            resource: self.flow.resource.clone(),
            action: action.or_else(|| Some(self.flow.start_action.clone())),
            block: index.map(|i| self.model.blocks[i].name.clone()),
            field: Some(field.into()),
            message,
            suggestion: None,
            help: None,
            note: None,
            order: (self.flow_index, index.map_or(0, |i| i + 1)),
        });
        self.findings.last_mut().expect("just pushed")
    }

    /// The block at `index` as the designer names it, for messages:
    /// `block "Invoke AWS Lambda function" be74f2dc (GetBalance)`.
    pub(super) fn name(&self, index: usize) -> String {
        self.model.blocks[index].name.to_string()
    }

    pub(super) fn manifest_of(&self, block: usize) -> Option<&'a LoadedManifest> {
        let index = self.matches.get(block)?.as_ref()?.index()?;
        self.manifests.get(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::LoadedManifest;

    fn run_check(actions: &str, start: &str, manifests: &[&str]) -> Vec<(Code, String, String)> {
        let flow = Flow::from_slice(
            format!(
                r#"{{"Version": "2019-10-30", "StartAction": "{start}", "Actions": [{actions}]}}"#
            )
            .as_bytes(),
            "f.json",
        )
        .unwrap();
        let mut set = Manifests::new();
        for (i, m) in manifests.iter().enumerate() {
            set.add(LoadedManifest::from_slice(m.as_bytes(), format!("m{i}.json")).unwrap());
        }
        check(&[flow], &set)
            .unwrap()
            .into_iter()
            .map(|f| {
                (
                    f.code,
                    f.action.unwrap_or_default(),
                    f.field.unwrap_or_default(),
                )
            })
            .collect()
    }

    fn invoke(id: &str, function: &str, validation: &str, next: &str) -> String {
        format!(
            r#"{{"Identifier": "{id}", "Type": "InvokeLambdaFunction", "Parameters": {{
                "LambdaFunctionARN": "arn:aws:lambda:us-east-1:1:function:{function}",
                "InvocationTimeLimitSeconds": "8", "ResponseValidation": {{"ResponseType": "{validation}"}}}},
                "Transitions": {{"NextAction": "{next}", "Errors": [{{"ErrorType": "NoMatchingError", "NextAction": "end"}}]}}}}"#
        )
    }

    const PROFILE: &str = r#"{"manifestVersion": 1, "handler": "profile", "responseValidation": "JSON", "external": [
        {"path": "$.External.Name", "key": "Name", "type": "object", "required": true, "referenceable": true},
        {"path": "$.External.Name.First", "key": "Name.First", "type": "string", "required": true, "referenceable": true}]}"#;

    /// A Compare `pick` that leads to one of two blocks invoking `Profile`
    /// (each an identifier and its response validation), both going on to
    /// `say`, which reads `text`; then `end`.
    fn profile_behind_two_blocks(blocks: [(&str, &str); 2], text: &str) -> String {
        let [(first, first_validation), (second, second_validation)] = blocks;
        [
            format!(
                r#"{{"Identifier": "pick", "Type": "Compare", "Parameters": {{"ComparisonValue": "$.Attributes.x"}},
                "Transitions": {{"NextAction": "{first}", "Conditions": [{{"NextAction": "{second}",
                  "Condition": {{"Operator": "Equals", "Operands": ["1"]}}}}]}}}}"#
            ),
            invoke(first, "Profile", first_validation, "say"),
            invoke(second, "Profile", second_validation, "say"),
            format!(
                r#"{{"Identifier": "say", "Type": "MessageParticipant", "Parameters": {{"Text": "{text}"}},
                "Transitions": {{"NextAction": "end"}}}}"#
            ),
            r#"{"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}"#.to_owned(),
        ]
        .join(",")
    }

    #[test]
    fn the_blocks_validation_matters_not_only_the_function() {
        // The same JSON Lambda behind a JSON block and a STRING_MAP block, both
        // leading to one read of a nested key.
        let actions = profile_behind_two_blocks(
            [("json", "JSON"), ("flat", "STRING_MAP")],
            "$.External.Name.First",
        );
        assert_eq!(
            run_check(&actions, "pick", &[PROFILE]),
            [
                (
                    Code::ValidationMismatch,
                    "flat".into(),
                    "ResponseValidation.ResponseType".into()
                ),
                (Code::NestedUnderStringMap, "say".into(), "Text".into()),
            ]
        );
    }

    #[test]
    fn one_finding_when_one_lambda_is_behind_two_blocks() {
        let actions = profile_behind_two_blocks([("a", "JSON"), ("b", "JSON")], "$.External.Nmae");
        assert_eq!(
            run_check(&actions, "pick", &[PROFILE]),
            [(Code::UnknownKey, "say".into(), "Text".into())]
        );
    }

    /// Two flows of one template share the file: each keeps its findings,
    /// named by its resource.
    #[test]
    fn flows_of_one_file_are_told_apart_by_resource() {
        let flow = |resource: &str| {
            let mut flow = Flow::from_slice(
                br#"{"Version": "2019-10-30", "StartAction": "say", "Actions": [
                  {"Identifier": "say", "Type": "MessageParticipant",
                   "Parameters": {"Text": "$.External.x"}, "Transitions": {}}]}"#,
                "cdk.out/Stack.template.json",
            )
            .unwrap();
            flow.resource = Some(resource.to_owned());
            flow
        };
        let findings = check(&[flow("MainFlow"), flow("AfterHours")], &Manifests::new()).unwrap();
        let resources: Vec<Option<&str>> = findings.iter().map(|f| f.resource.as_deref()).collect();
        assert_eq!(resources, [Some("MainFlow"), Some("AfterHours")]);
    }

    #[test]
    fn a_missing_start_action_is_a_dangling_transition() {
        let actions = r#"{"Identifier": "a", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}"#;
        assert_eq!(
            run_check(actions, "gone", &[]),
            [(
                Code::DanglingTransition,
                "gone".into(),
                "StartAction".into()
            )]
        );
    }

    #[test]
    fn references_in_a_dynamic_arn_are_checked() {
        let actions = [
            invoke("first", "Profile", "JSON", "second"),
            r#"{"Identifier": "second", "Type": "InvokeLambdaFunction", "Parameters": {
                "LambdaFunctionARN": "$.External.nextArn", "InvocationTimeLimitSeconds": "8"},
                "Transitions": {"NextAction": "end", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "end"}]}}"#
                .to_owned(),
            r#"{"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}"#.to_owned(),
        ]
        .join(",");
        assert_eq!(
            run_check(&actions, "first", &[PROFILE]),
            [
                (
                    Code::UnknownKey,
                    "second".into(),
                    "LambdaFunctionARN".into()
                ),
                (
                    Code::NoManifest,
                    "second".into(),
                    "LambdaFunctionARN".into()
                ),
            ]
        );
    }

    #[test]
    fn a_loaded_asynchronous_result_is_checked_like_a_response() {
        let actions = r#"
            {"Identifier": "go", "Type": "InvokeLambdaFunction", "Parameters": {
                "LambdaFunctionARN": "arn:aws:lambda:us-east-1:1:function:Profile",
                "InvocationType": "ASYNCHRONOUS", "InvocationTimeLimitSeconds": "30",
                "ResponseValidation": {"ResponseType": "JSON"}},
             "Transitions": {"NextAction": "early", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "end"}]}},
            {"Identifier": "early", "Type": "MessageParticipant", "Parameters": {"Text": "$.External.Name.First"},
             "Transitions": {"NextAction": "load"}},
            {"Identifier": "load", "Type": "InvokeLambdaFunction", "Parameters": {},
             "Transitions": {"NextAction": "late", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "end"}]}},
            {"Identifier": "late", "Type": "MessageParticipant", "Parameters": {"Text": "$.External.Name.Frist"},
             "Transitions": {"NextAction": "end"}},
            {"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}"#;
        assert_eq!(
            run_check(actions, "go", &[PROFILE]),
            [
                (Code::AsyncResultNotLoaded, "early".into(), "Text".into()),
                (Code::UnknownKey, "late".into(), "Text".into()),
            ]
        );
    }
}
