//! Which flow on the page a `TransferToFlow` or `InvokeFlowModule` block
//! goes to, so the drawing can link to it.
//!
//! A block names its target by the parameter (`ContactFlowId`,
//! `FlowModuleId`): an ARN whose last part is the flow's id, a placeholder a
//! pipeline fills in (`{{contactFlows.Main.arn}}`, `${var.main_flow_arn}`,
//! `<MAIN_FLOW_ARN>`, ...) that carries the flow's name, or a name. The
//! designer also writes the target's name into the block's metadata. A flow
//! on the page is known by its file's stem and by the name its export
//! carries (`Metadata.name`). Names are compared loosely (case, separators
//! and a trailing `arn` / `id` word ignored), and only a name that picks
//! out one flow links: a wrong link would send a reader to the wrong flow.
//!
//! The page is the only reader of these links today; once the resolved
//! model links flows itself, [`Targets::of_action`] reads it instead.
//!
//! ```
//! use connect_flow::output::html::transfer::Targets;
//! use connect_flow::Flow;
//!
//! let main = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "T", "Actions": [
//!   {"Identifier": "T", "Type": "TransferToFlow",
//!    "Parameters": {"ContactFlowId": "${var.after_hours_flow_arn}"}, "Transitions": {}}]}"#,
//!   "flows/main.json").unwrap();
//! let after = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "B", "Actions": [
//!   {"Identifier": "B", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}]}"#,
//!   "flows/after-hours-flow.json").unwrap();
//! let flows = [main, after];
//! let targets = Targets::of(&[&flows[0], &flows[1]]);
//! assert_eq!(targets.of_action(&flows[0], &flows[0].actions[0]), Some(1));
//! ```

use std::collections::HashMap;

use serde_json::Value;

use crate::flow::{Action, Flow};

/// The flows of a page, by the names a transfer may give them.
pub struct Targets {
    /// Loose name to the flows known by it.
    by_name: HashMap<String, Vec<usize>>,
}

impl Targets {
    /// Indexes `flows` by file stem and exported name.
    pub fn of(flows: &[&Flow]) -> Self {
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, flow) in flows.iter().enumerate() {
            let stem = flow
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned());
            let exported = flow
                .metadata
                .as_ref()
                .and_then(|m| m.get("name"))
                .and_then(Value::as_str)
                .map(str::to_owned);
            for name in stem.into_iter().chain(exported) {
                let key = loose(&name);
                if key.is_empty() {
                    continue;
                }
                let known = by_name.entry(key).or_default();
                if !known.contains(&index) {
                    known.push(index);
                }
            }
        }
        Targets { by_name }
    }

    /// The index of the one flow `action` (a block of `flow`) transfers to
    /// or invokes, if it names exactly one flow on the page.
    pub fn of_action(&self, flow: &Flow, action: &Action) -> Option<usize> {
        let (named, shown) = names(flow, action)?;
        // The parameter first: it is what Connect runs. The designer's
        // names are what the author saw when choosing the target.
        named.into_iter().chain(shown).find_map(|name| {
            match self.by_name.get(&loose(&name))?.as_slice() {
                [one] => Some(*one),
                _ => None,
            }
        })
    }
}

/// The name to show for the target of a transfer or module block: the
/// designer's name for it, else the name its parameter carries.
pub fn target_name(flow: &Flow, action: &Action) -> Option<String> {
    let (named, shown) = names(flow, action)?;
    shown.into_iter().next().or(named).filter(|n| !n.is_empty())
}

/// For a transfer or module block: the name its parameter carries, and
/// the names the designer wrote for its target; `None` for another block.
fn names(flow: &Flow, action: &Action) -> Option<(Option<String>, Vec<String>)> {
    let parameter = match action.action_type.as_str() {
        "TransferToFlow" => "ContactFlowId",
        "InvokeFlowModule" => "FlowModuleId",
        _ => return None,
    };
    let named = action
        .parameters
        .get(parameter)
        .and_then(Value::as_str)
        .map(name_in_reference);
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
        .trim_start_matches("${")
        .trim_start_matches("{{")
        .trim_start_matches('<')
        .trim_end_matches("}}")
        .trim_end_matches('}')
        .trim_end_matches('>')
        .trim();
    // `${var.flows["main"]}`: the key names the flow.
    if let Some(open) = inner.find("[\"") {
        let key = &inner[open + 2..];
        if let Some(close) = key.find("\"]") {
            return key[..close].to_owned();
        }
    }
    // `{{contactFlows.Main.arn}}`, `${aws_connect_contact_flow.main.arn}`,
    // `${Main.Arn}`, `${var.main_arn}`: the last part that is not a word of
    // the template language.
    const NOT_NAMES: [&str; 9] = [
        "var",
        "local",
        "arn",
        "id",
        "contactflows",
        "flowmodules",
        "aws_connect_contact_flow",
        "aws_connect_contact_flow_module",
        "contact_flow_id",
    ];
    inner
        .split('.')
        .rev()
        .find(|part| !part.is_empty() && !NOT_NAMES.contains(&part.to_ascii_lowercase().as_str()))
        .unwrap_or(inner)
        .to_owned()
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
        let empty = r#"{"Version": "2019-10-30", "StartAction": "B", "Actions": []}"#;
        let a = flow("a/shared.json", empty);
        let b = flow("b/shared.json", empty);
        let hours = flow(
            "module.json",
            r#"{"Version": "2019-10-30", "StartAction": "B", "Actions": [],
                "Metadata": {"name": "Hours check"}}"#,
        );
        let flows = [main, a, b, hours];
        let refs: Vec<&Flow> = flows.iter().collect();
        let targets = Targets::of(&refs);
        assert_eq!(targets.of_action(&flows[0], &flows[0].actions[0]), None);
        // The ARN's id names no flow here; the designer's name does.
        assert_eq!(targets.of_action(&flows[0], &flows[0].actions[1]), Some(3));
        assert_eq!(
            target_name(&flows[0], &flows[0].actions[1]).as_deref(),
            Some("Hours check")
        );
        assert_eq!(
            target_name(&flows[0], &flows[0].actions[0]).as_deref(),
            Some("SHARED_ARN")
        );
        assert_eq!(
            target_name(&flows[1], &flows[0].actions[1]).as_deref(),
            Some("x")
        );
    }
}
