//! Flows linked to each other: which given flow a `TransferToFlow` or
//! `InvokeFlowModule` block goes to. This is the one place that decides
//! it; the HTML page and the simulator read [`super::Block::link`].
//!
//! A block names its target by its parameter (`ContactFlowId`,
//! `FlowModuleId`): an ARN whose last part is the flow's id
//! (`arn:aws:connect:...:contact-flow/ID`), a placeholder a pipeline fills
//! in that carries the flow's name (`{{contactFlows.Main.arn}}`,
//! `${var.main_flow_arn}`, `${var.flows["main"]}`,
//! `${aws_connect_contact_flow.main.arn}`, `<MAIN_FLOW_ARN>`,
//! CloudFormation's `${Main.ContactFlowArn}` / `Fn::GetAtt`), or a name. The
//! designer also writes the target's name into the block's metadata, which
//! is tried after the parameter (the parameter is what Connect runs).
//!
//! A given flow is known by the names Connect has for it when its source
//! says them (`describe-contact-flow`'s `Name` and `Id`), its exported name
//! (`Metadata.name`), its CloudFormation logical id when it came from a
//! template, and its file name without extension. Names compare loosely
//! (case, separators and a trailing `arn` / `id` word ignored). A block links
//! only to a name that picks out exactly one flow: a wrong link would send a
//! reader, or a simulated contact, to the wrong flow.

use std::collections::HashMap;

use serde_json::Value;

use super::{flow_target, FlowModel};
use crate::flow::{Action, Flow};

/// The names a target may use for `flow`, compared loosely.
fn names_of(flow: &Flow) -> Vec<String> {
    let exported = flow
        .metadata
        .as_ref()
        .and_then(|m| m.get("name"))
        .and_then(Value::as_str);
    let stem = flow.path.file_stem().map(|s| s.to_string_lossy());
    let mut names: Vec<String> = flow
        .known_as
        .iter()
        .map(String::as_str)
        .chain(exported)
        .chain(flow.resource.as_deref())
        .map(loose)
        .chain(stem.map(|s| loose(&s)))
        .filter(|n| !n.is_empty())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Each name to the one flow it names (`None` when several share it).
fn by_name(flows: &[FlowModel]) -> HashMap<String, Option<usize>> {
    let mut by_name: HashMap<String, Option<usize>> = HashMap::new();
    for (i, flow) in flows.iter().enumerate() {
        for name in names_of(&flow.flow) {
            by_name
                .entry(name)
                .and_modify(|found| *found = None)
                .or_insert(Some(i));
        }
    }
    by_name
}

/// The flow the first of `candidates` that is known at all names: a name
/// that names two flows is not overruled by a later candidate.
fn decide(
    by_name: &HashMap<String, Option<usize>>,
    candidates: impl IntoIterator<Item = String>,
) -> Option<usize> {
    candidates
        .into_iter()
        .map(|name| loose(&name))
        .filter(|name| !SLOT_NAMES.contains(&name.as_str()))
        .find_map(|name| by_name.get(&name).copied())
        .flatten()
}

pub(super) fn link(flows: &mut [FlowModel]) {
    let by_name = by_name(flows);
    if by_name.is_empty() {
        return;
    }
    for flow in flows.iter_mut() {
        for (index, action) in flow.flow.actions.iter().enumerate() {
            let Some((named, shown)) = names(&flow.flow, action) else {
                continue;
            };
            // The parameter first: it is what Connect runs.
            flow.blocks[index].link = decide(&by_name, named.into_iter().chain(shown));
        }
    }
}

impl super::Model {
    /// The given flow a flow reference names by the rules of
    /// [`super::Block::link`] (an ARN's id, a placeholder's name, a name);
    /// `None` when no given flow, or more than one, has that name. For a
    /// reference known only when the contact runs (`$.Attributes.nextFlow`,
    /// resolved by the simulator) and a test case's entry point.
    ///
    /// ```
    /// use connect_flow::{model::Model, Flow};
    ///
    /// let empty = br#"{"Version": "2019-10-30", "StartAction": "B", "Actions": []}"#;
    /// let model = Model::new(vec![Flow::from_slice(empty, "flows/after-hours.json").unwrap()]);
    /// assert_eq!(model.flow_named("arn:aws:connect:us-east-1:1:instance/i/contact-flow/after-hours"), Some(0));
    /// assert_eq!(model.flow_named("{{contactFlows.AfterHours.arn}}"), Some(0));
    /// assert_eq!(model.flow_named("main"), None);
    /// ```
    pub fn flow_named(&self, reference: &str) -> Option<usize> {
        decide(&by_name(&self.flows), [name_in_reference(reference)])
    }
}

/// Names that say what the slot holds, not which flow: `${var.flow_arn}`,
/// `<CONTACT_FLOW_ID>`. A target naming only these links nowhere, even to a
/// file called `flow.json`.
const SLOT_NAMES: [&str; 4] = ["flow", "contactflow", "module", "flowmodule"];

/// The name to show for the target of a transfer or module block: the
/// designer's name for it, else the name its parameter carries; `None` for
/// another block.
///
/// ```
/// use connect_flow::{model::target_name, Flow};
///
/// let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "T", "Actions": [
///   {"Identifier": "T", "Type": "TransferToFlow",
///    "Parameters": {"ContactFlowId": "${var.after_hours_flow_arn}"}, "Transitions": {}}]}"#,
///   "main.json").unwrap();
/// assert_eq!(target_name(&flow, &flow.actions[0]).as_deref(), Some("after_hours_flow_arn"));
/// ```
pub fn target_name(flow: &Flow, action: &Action) -> Option<String> {
    let (named, shown) = names(flow, action)?;
    shown.into_iter().next().or(named).filter(|n| !n.is_empty())
}

/// For a transfer or module block: the name its parameter carries, and the
/// names the designer wrote for its target; `None` for another block.
fn names(flow: &Flow, action: &Action) -> Option<(Option<String>, Vec<String>)> {
    let (parameter, reference) = flow_target(action)?;
    let named = reference.map(name_in_reference);
    let designer = flow
        .metadata
        .as_ref()
        .and_then(|m| m.get("ActionMetadata"))
        .and_then(|m| m.get(&action.identifier));
    let shown = designer
        .into_iter()
        .flat_map(|d| {
            [
                d.pointer(&format!("/parameters/{parameter}/displayName")),
                d.pointer("/ContactFlow/text"),
                d.pointer("/FlowModule/text"),
                d.pointer("/flowModule/text"),
            ]
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_owned)
        })
        .collect();
    Some((named, shown))
}

/// The name a flow reference carries: an ARN's last part (the flow's id),
/// the name inside a placeholder, or the text itself.
fn name_in_reference(reference: &str) -> String {
    let text = reference.trim();
    if text.starts_with("arn:") {
        return text.rsplit('/').next().unwrap_or(text).to_owned();
    }
    let inner = text
        .trim_start_matches("!GetAtt ")
        .trim_start_matches("${")
        .trim_start_matches("{{")
        .trim_start_matches('<')
        .trim_end_matches("}}")
        .trim_end_matches('}')
        .trim_end_matches('>')
        .trim();
    // `${var.flows["main"]}`: the key names the flow.
    if let Some((_, key)) = inner.split_once("[\"") {
        if let Some((key, _)) = key.split_once("\"]") {
            return key.to_owned();
        }
    }
    // `{{contactFlows.Main.arn}}`, `${aws_connect_contact_flow.main.arn}`,
    // `${Main.ContactFlowArn}`, `${var.main_arn}`: the last part that is not
    // a word of the template language or an attribute.
    const NOT_NAMES: [&str; 13] = [
        "var",
        "local",
        "arn",
        "id",
        "contactflows",
        "flowmodules",
        "awsconnectcontactflow",
        "awsconnectcontactflowmodule",
        "contactflowid",
        "contactflowarn",
        "contactflowmodulearn",
        "flowmodulearn",
        "flowmoduleid",
    ];
    inner
        .split('.')
        .rev()
        .find(|part| !part.is_empty() && !NOT_NAMES.contains(&loose_word(part).as_str()))
        .unwrap_or(inner)
        .to_owned()
}

/// `part` lower-cased without separators, to compare with [`NOT_NAMES`].
fn loose_word(part: &str) -> String {
    part.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A name compared loosely: its words lower-cased and joined, without a
/// trailing `arn` / `id` word (`MAIN_FLOW_ARN`, `main-flow` and `Main flow`
/// are one name).
fn loose(name: &str) -> String {
    let mut words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    while words.len() > 1 && matches!(words.last().map(String::as_str), Some("arn" | "id")) {
        words.pop();
    }
    words.concat()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Model;

    #[test]
    fn references_carry_these_names() {
        for (reference, name) in [
            (
                "arn:aws:connect:us-east-1:123456789012:instance/abc/contact-flow/0f1e2d3c",
                "0f1e2d3c",
            ),
            ("{{contactFlows.RulesEngineError.arn}}", "RulesEngineError"),
            ("${var.flows[\"after-hours\"]}", "after-hours"),
            ("${aws_connect_contact_flow.main.arn}", "main"),
            ("${MainFlow.Arn}", "MainFlow"),
            ("${MainFlow.ContactFlowArn}", "MainFlow"),
            ("!GetAtt Hours.ContactFlowModuleArn", "Hours"),
            ("<MAIN_FLOW_ARN>", "MAIN_FLOW_ARN"),
            ("Opening hours", "Opening hours"),
        ] {
            assert_eq!(name_in_reference(reference), name, "{reference}");
        }
        assert_eq!(loose("MAIN_FLOW_ARN"), loose("main-flow"));
        assert_eq!(loose("Opening hours"), loose("opening_hours_id"));
        assert_ne!(loose("paid"), loose("pa"));
    }

    fn flow(path: &str, body: &str) -> Flow {
        Flow::from_slice(body.as_bytes(), path).unwrap()
    }

    const EMPTY: &str = r#"{"Version": "2019-10-30", "StartAction": "B", "Actions": []}"#;

    fn transfer(reference: &str) -> Flow {
        flow(
            "main.json",
            &format!(
                r#"{{"Version": "2019-10-30", "StartAction": "go", "Actions": [
                  {{"Identifier": "go", "Type": "TransferToFlow",
                   "Parameters": {{"ContactFlowId": {reference:?}}}, "Transitions": {{}}}}]}}"#
            ),
        )
    }

    #[test]
    fn a_transfer_names_a_given_flow_by_placeholder() {
        let main = transfer("{{contactFlows.RulesEngineError.arn}}");
        let error = flow("flows/rules-engine-error.json", EMPTY);
        let model = Model::new(vec![main, error]);
        assert_eq!(model.flows[0].blocks[0].link, Some(1));
    }

    #[test]
    fn a_placeholder_naming_only_the_slot_links_nowhere() {
        for reference in ["${var.flow_arn}", "<CONTACT_FLOW_ID>", "{{flowModule.arn}}"] {
            let model = Model::new(vec![transfer(reference), flow("flow.json", EMPTY)]);
            assert_eq!(model.flows[0].blocks[0].link, None, "{reference}");
        }
    }

    #[test]
    fn a_transfer_names_a_described_flow_by_its_id_or_name() {
        let mut described = flow("out/describe.json", EMPTY);
        described.known_as = vec!["Opening hours".into(), "0f1e2d3c".into()];
        for reference in [
            "arn:aws:connect:us-east-1:1:instance/abc/contact-flow/0f1e2d3c",
            "${var.opening_hours_arn}",
        ] {
            let model = Model::new(vec![transfer(reference), described.clone()]);
            assert_eq!(model.flows[0].blocks[0].link, Some(1), "{reference}");
        }
    }

    #[test]
    fn a_transfer_names_a_template_flow_by_its_logical_id() {
        let mut hours = flow("cdk.out/Stack.template.json", EMPTY);
        hours.resource = Some("HoursFlow".into());
        let model = Model::new(vec![transfer("${HoursFlow.ContactFlowArn}"), hours]);
        assert_eq!(model.flows[0].blocks[0].link, Some(1));
    }

    #[test]
    fn only_a_name_that_picks_out_one_flow_links() {
        let main = flow(
            "main.json",
            r#"{"Version": "2019-10-30", "StartAction": "T", "Actions": [
              {"Identifier": "T", "Type": "TransferToFlow",
               "Parameters": {"ContactFlowId": "<SHARED_ARN>"}, "Transitions": {}},
              {"Identifier": "M", "Type": "InvokeFlowModule",
               "Parameters": {"FlowModuleId": "arn:aws:connect:eu-west-2:1:instance/i/flow-module/x"},
               "Transitions": {}}],
              "Metadata": {"ActionMetadata": {"M": {"FlowModule": {"text": "Hours check"}}}}}"#,
        );
        let hours = flow(
            "module.json",
            r#"{"Version": "2019-10-30", "StartAction": "B", "Actions": [],
                "Metadata": {"name": "Hours check"}}"#,
        );
        let model = Model::new(vec![
            main.clone(),
            flow("a/shared.json", EMPTY),
            flow("b/shared.json", EMPTY),
            hours,
        ]);
        assert_eq!(model.flows[0].blocks[0].link, None);
        // The ARN's id names no flow here; the designer's name does.
        assert_eq!(model.flows[0].blocks[1].link, Some(3));
        assert_eq!(
            target_name(&main, &main.actions[1]).as_deref(),
            Some("Hours check")
        );
        assert_eq!(
            target_name(&main, &main.actions[0]).as_deref(),
            Some("SHARED_ARN")
        );
    }
}
