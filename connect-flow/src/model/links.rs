//! Flows linked to each other: a `TransferToFlow` or `InvokeFlowModule`
//! block whose target names one of the given flows.
//!
//! A target names a flow by ARN (`arn:aws:connect:...:contact-flow/ID`, the
//! last segment compared), by placeholder (`{{contactFlows.Main.arn}}`, the
//! name it carries) or by name; a flow is known by its CloudFormation
//! logical id when it came from a template, and by its file name without
//! extension. Names compare as placeholders pair with manifests (case, `-`,
//! `_` and `Flow`/`Arn`-style affixes ignored). A target that fits no flow,
//! or more than one, links nowhere.

use std::collections::HashMap;

use super::{flow_target, FlowModel};
use crate::placeholder::{pairing_key, Placeholder};

/// The names a target may use for `flow`.
fn names_of(flow: &FlowModel) -> Vec<String> {
    let mut names = Vec::new();
    if let Some(resource) = &flow.flow.resource {
        names.push(pairing_key(resource));
    }
    if let Some(stem) = flow.flow.path.file_stem() {
        names.push(pairing_key(&stem.to_string_lossy()));
    }
    names.retain(|n| !n.is_empty());
    names
}

/// The name a target uses.
fn name_in(target: &str) -> String {
    if let Some(placeholder) = Placeholder::read(target) {
        return placeholder.key().to_owned();
    }
    let last = target.rsplit('/').next().unwrap_or(target);
    pairing_key(last)
}

pub(super) fn link(flows: &mut [FlowModel]) {
    // Each name to the one flow it names (`None` when several share it).
    let mut by_name: HashMap<String, Option<usize>> = HashMap::new();
    for (i, flow) in flows.iter().enumerate() {
        for name in names_of(flow) {
            by_name
                .entry(name)
                .and_modify(|found| {
                    if *found != Some(i) {
                        *found = None;
                    }
                })
                .or_insert(Some(i));
        }
    }
    if by_name.is_empty() {
        return;
    }
    for flow in flows.iter_mut() {
        for (index, action) in flow.flow.actions.iter().enumerate() {
            let Some(target) = flow_target(action) else {
                continue;
            };
            flow.blocks[index].link = by_name.get(&name_in(target)).copied().flatten();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::flow::Flow;
    use crate::model::Model;

    #[test]
    fn a_transfer_names_a_given_flow_by_placeholder() {
        let main = Flow::from_slice(
            br#"{"Version": "2019-10-30", "StartAction": "go", "Actions": [
              {"Identifier": "go", "Type": "TransferToFlow",
               "Parameters": {"ContactFlowId": "{{contactFlows.RulesEngineError.arn}}"}, "Transitions": {}}]}"#,
            "main.json",
        )
        .unwrap();
        let error = Flow::from_slice(
            br#"{"Version": "2019-10-30", "StartAction": "x", "Actions": [
              {"Identifier": "x", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}]}"#,
            "flows/rules-engine-error.json",
        )
        .unwrap();
        let model = Model::new(vec![main, error]);
        assert_eq!(model.flows[0].blocks[0].link, Some(1));
    }
}
