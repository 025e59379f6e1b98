//! Rules on the values a Lambda's answer can hold (the manifest's `values`):
//! every "Check contact attributes" (`Compare`) block whose value is a key
//! with a known set, and every literal parameter of a Lambda block.
//!
//! A compared value has a known set when it is the whole reference
//! `$.External.k` and every Lambda that may have run last has a manifest
//! listing `k`'s values (or typing it a number), or when it is
//! `$.Attributes.name` and every way to the block set that attribute from
//! such a set (see [`super::carried`]). Anything less, and nothing is said:
//! the rules claim only what they are sure of. Whether a condition matches
//! a value is [`crate::condition::evaluate`]'s to say, as in the simulator.

use connect_names::suggest::did_you_mean;
use connect_types::manifest::{ExternalKey, InputKey, ValueType, EXTERNAL_PREFIX};
use serde_json::Value;

use super::codes::Code;
use super::driver::FlowChecker;
use crate::condition::{self, Verdict};
use crate::flow::ActionType;
use crate::model::Last;
use crate::references::find_references;

/// What is known of the values a compared value can hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Known {
    /// The values it can hold, in the order first listed; `None` when the
    /// set is open (a number without listed values).
    pub(super) values: Option<Vec<String>>,
    /// Whether every source types it a number.
    pub(super) number: bool,
    /// Where the set comes from, for messages: "greeting_router's
    /// `nextStep`", "set to `gold`", "set from greeting_router's `nextStep`".
    pub(super) from: Vec<String>,
}

impl Known {
    /// What a manifest's external key says of its values; `None` when it
    /// says nothing (no `values`, not a number).
    pub(super) fn of(entry: &ExternalKey, handler: &str) -> Option<Known> {
        let number = entry.ty == ValueType::Number;
        if entry.values.is_none() && !number {
            return None;
        }
        Some(Known {
            values: entry.values.clone(),
            number,
            from: vec![format!("{handler}'s `{}`", entry.key)],
        })
    }

    /// What an attribute set to the literal `text` holds.
    pub(super) fn literal(text: &str) -> Known {
        Known {
            values: Some(vec![text.to_owned()]),
            number: false,
            from: vec![format!("set to `{text}`")],
        }
    }

    /// What an attribute set from a value with this set holds: the same
    /// set, said to come through the attribute.
    pub(super) fn stored(mut self) -> Known {
        for from in &mut self.from {
            *from = format!("set from {from}");
        }
        self
    }

    /// What holds when the value comes from either: the union of the sets;
    /// `None` when nothing is known any more.
    pub(super) fn join(mut self, other: &Known) -> Option<Known> {
        self.values = match (self.values, &other.values) {
            (Some(mut mine), Some(theirs)) => {
                for value in theirs {
                    if !mine.contains(value) {
                        mine.push(value.clone());
                    }
                }
                Some(mine)
            }
            _ => None,
        };
        self.number &= other.number;
        for from in &other.from {
            if !self.from.contains(from) {
                self.from.push(from.clone());
            }
        }
        (self.values.is_some() || self.number).then_some(self)
    }

    /// "it can only be `a` or `b` (greeting_router's `next`)", for messages.
    fn can_only_be(&self) -> String {
        let what = match &self.values {
            Some(values) => either(values),
            None => "a number".to_owned(),
        };
        format!("it can only be {what} ({})", self.from.join(", "))
    }
}

/// `` `a`, `b` or `c` ``, for messages.
fn either(values: &[String]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
    match quoted.split_last() {
        None => "nothing".to_owned(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// The key `text` reads when it is, whole, one `$.External` reference.
pub(super) fn whole_external(text: &str) -> Option<&str> {
    match find_references(text).as_slice() {
        [reference] if reference.text == text && !reference.indexed => {
            text.get(EXTERNAL_PREFIX.len() + 1..)
        }
        _ => None,
    }
}

/// The attribute `text` reads when it is, whole, `$.Attributes.name`.
pub(super) fn whole_attribute(text: &str) -> Option<&str> {
    let name = text.strip_prefix("$.Attributes.")?;
    (!name.is_empty() && name.bytes().all(connect_names::key::is_key_byte)).then_some(name)
}

/// Whether `text` is a literal: it reads nothing when the contact runs.
pub(super) fn is_literal(text: &str) -> bool {
    !text.contains("$.")
}

/// How a text operator reads in a message.
fn text_operator_phrase(operator: &str) -> &'static str {
    match operator {
        "TextStartsWith" => "starts with",
        "TextEndsWith" => "ends with",
        _ => "contains",
    }
}

impl FlowChecker<'_> {
    /// The value rules on every block of the flow.
    pub(super) fn values(&mut self) {
        let carried = self.carried_attributes();
        for index in 0..self.flow.actions.len() {
            if self.model.facts().at(index).is_none() {
                continue;
            }
            let action = &self.flow.actions[index];
            if action.action_type != ActionType::Compare {
                continue;
            }
            let Some(compared) = action
                .parameters
                .get("ComparisonValue")
                .and_then(Value::as_str)
            else {
                continue;
            };
            let known = if let Some(key) = whole_external(compared) {
                self.external_set(index, key)
            } else if let Some(name) = whole_attribute(compared) {
                carried
                    .get(index)
                    .and_then(Option::as_ref)
                    .and_then(|state| state.get(name))
                    .map(|known| Known::clone(known))
            } else {
                None
            };
            if let Some(known) = known {
                self.compare(index, compared, &known);
            }
        }
    }

    /// What is known of `$.External.key` at block `index`: every Lambda that
    /// may have run last ran (no failure, nothing pending, nothing unknown),
    /// has a manifest, and lists the key with values or as a number.
    pub(super) fn external_set(&self, index: usize, key: &str) -> Option<Known> {
        let mut known: Option<Known> = None;
        for last in self.model.facts().at(index)? {
            let Last::Ran(block) = *last else {
                return None;
            };
            let manifest = &self.manifest_of(block)?.manifest;
            let entry = manifest.external.iter().find(|e| e.key == key)?;
            let this = Known::of(entry, &manifest.handler)?;
            known = Some(match known {
                None => this,
                Some(earlier) => earlier.join(&this)?,
            });
        }
        known
    }

    /// The rules on one Compare block whose value `compared` has the set
    /// `known`.
    fn compare(&mut self, index: usize, compared: &str, known: &Known) {
        let conditions = &self.flow.actions[index].transitions.conditions;
        let values = known.values.as_deref().unwrap_or_default();
        let mut handled = vec![false; values.len()];
        // A value some condition cannot be evaluated on may be handled:
        // it is not named as unhandled.
        let mut undecided = vec![false; values.len()];
        let mut findings = Vec::new();
        for (position, transition) in conditions.iter().enumerate() {
            let condition = transition.condition.as_ref();
            let Some(operator) = condition::operator(condition) else {
                continue;
            };
            let at = format!("Transitions.Conditions[{position}].Condition");
            if condition::is_number_operator(operator)
                && !values.is_empty()
                && values.iter().all(|v| condition::number(v).is_none())
            {
                findings.push((
                    Code::OperatorTypeMismatch,
                    format!("{at}.Operator"),
                    format!(
                        "{operator} compares numbers, but `{compared}` is never a number: {}",
                        known.can_only_be()
                    ),
                    None,
                    "compare it with Equals".to_owned(),
                ));
                continue;
            }
            if condition::is_text_operator(operator) && known.number {
                findings.push((
                    Code::OperatorTypeMismatch,
                    format!("{at}.Operator"),
                    format!(
                        "{operator} compares text, but `{compared}` is a number ({})",
                        known.from.join(", ")
                    ),
                    None,
                    "compare it with Equals or a Number operator".to_owned(),
                ));
                continue;
            }
            if values.is_empty() {
                continue;
            }
            let mut any = false;
            let mut decided = true;
            for (value, (handled, undecided)) in values
                .iter()
                .zip(handled.iter_mut().zip(undecided.iter_mut()))
            {
                match condition::evaluate(condition, value) {
                    Verdict::Holds(true, _) => {
                        any = true;
                        *handled = true;
                    }
                    Verdict::Holds(false, _) => {}
                    Verdict::NotSimulated(_) => {
                        decided = false;
                        *undecided = true;
                    }
                }
            }
            let Some(operand) = condition::operand(condition) else {
                continue;
            };
            // An empty operand may match a key the Lambda leaves out: not sure.
            if any || !decided || operand.is_empty() {
                continue;
            }
            let (message, suggestion) = match operator {
                "Equals" => (
                    format!("`{compared}` is never `{operand}`: {}", known.can_only_be()),
                    did_you_mean(operand, values.iter().map(String::as_str)).map(str::to_owned),
                ),
                _ if condition::is_text_operator(operator) => (
                    format!(
                        "`{compared}` never {} `{operand}`: {}",
                        text_operator_phrase(operator),
                        known.can_only_be()
                    ),
                    None,
                ),
                _ => (
                    format!(
                        "`{compared}` {operator} `{operand}` is never true: {}",
                        known.can_only_be()
                    ),
                    None,
                ),
            };
            findings.push((
                Code::ImpossibleCondition,
                format!("{at}.Operands"),
                message,
                suggestion,
                "compare with a value it can hold (Connect compares case-sensitively), \
                 or remove the condition"
                    .to_owned(),
            ));
        }
        let unhandled: Vec<String> = values
            .iter()
            .zip(handled.iter().zip(&undecided))
            .filter(|(_, (handled, undecided))| !**handled && !**undecided)
            .map(|(value, _)| value.clone())
            .collect();
        if handled.iter().any(|h| *h) && !unhandled.is_empty() {
            let (them, they) = if unhandled.len() == 1 {
                ("it", "it takes")
            } else {
                ("each", "they take")
            };
            findings.push((
                Code::UnhandledValue,
                "ComparisonValue".to_owned(),
                format!(
                    "`{compared}` can be {}, which no condition of this block matches: {they} the No match branch",
                    either(&unhandled)
                ),
                None,
                format!("add a condition for {them}, or check that No match is where {them} should go"),
            ));
        }
        for (code, field, message, suggestion, help) in findings {
            let finding = self.push(code, Some(index), field, message);
            finding.help = suggestion.is_none().then_some(help);
            finding.suggestion = suggestion;
        }
    }

    /// `invalid-parameter-value`: a literal parameter `value` of the Lambda
    /// block `index` outside the values the handler accepts for `parameter`.
    pub(super) fn parameter_value(
        &mut self,
        index: usize,
        handler: &str,
        parameter: &InputKey,
        value: &Value,
    ) {
        let (Some(accepted), Some(text)) = (&parameter.values, value.as_str()) else {
            return;
        };
        if !is_literal(text) || accepted.iter().any(|a| a == text) {
            return;
        }
        let key = &parameter.key;
        let message = format!(
            "parameter `{key}` is `{text}`, which {handler} does not accept: it accepts {}",
            either(accepted)
        );
        let suggestion = did_you_mean(text, accepted.iter().map(String::as_str)).map(str::to_owned);
        let finding = self.push(
            Code::InvalidParameterValue,
            Some(index),
            format!("LambdaInvocationAttributes.{key}"),
            message,
        );
        finding.note = Some(
            "the handler cannot read the value: the invocation fails and the block takes its error branch"
                .into(),
        );
        finding.suggestion = suggestion;
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::{check, Code};
    use crate::flow::Flow;
    use crate::matching::{LoadedManifest, Manifests};

    const ROUTE: &str = r#"{"manifestVersion": 2, "handler": "route", "responseValidation": "STRING_MAP",
        "external": [{"path": "$.External.next", "key": "next", "type": "string", "required": true,
          "referenceable": true, "values": ["greet", "menu"]}]}"#;

    fn lambda(id: &str, function: &str, next: &str) -> String {
        format!(
            r#"{{"Identifier": "{id}", "Type": "InvokeLambdaFunction", "Parameters": {{
                "LambdaFunctionARN": "arn:aws:lambda:us-east-1:1:function:{function}",
                "InvocationTimeLimitSeconds": "3"}},
                "Transitions": {{"NextAction": "{next}", "Errors": [{{"ErrorType": "NoMatchingError", "NextAction": "end"}}]}}}}"#
        )
    }

    fn set(id: &str, attributes: &str, next: &str, error: &str) -> String {
        format!(
            r#"{{"Identifier": "{id}", "Type": "UpdateContactAttributes", "Parameters": {{"Attributes": {{{attributes}}}}},
                "Transitions": {{"NextAction": "{next}", "Errors": [{{"ErrorType": "NoMatchingError", "NextAction": "{error}"}}]}}}}"#
        )
    }

    /// A Compare of `value` with `Equals "Menu"` (a case slip).
    fn compare(id: &str, value: &str) -> String {
        format!(
            r#"{{"Identifier": "{id}", "Type": "Compare", "Parameters": {{"ComparisonValue": "{value}"}},
                "Transitions": {{"NextAction": "end", "Conditions": [{{"NextAction": "end",
                  "Condition": {{"Operator": "Equals", "Operands": ["Menu"]}}}}],
                  "Errors": [{{"ErrorType": "NoMatchingCondition", "NextAction": "end"}}]}}}}"#
        )
    }

    const END: &str = r#"{"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}"#;

    fn codes(actions: &[String], start: &str) -> Vec<Code> {
        let mut all: Vec<String> = actions.to_vec();
        all.push(END.to_owned());
        let flow = Flow::from_slice(
            format!(
                r#"{{"Version": "2019-10-30", "StartAction": "{start}", "Actions": [{}]}}"#,
                all.join(",")
            )
            .as_bytes(),
            "f.json",
        )
        .unwrap();
        let mut manifests = Manifests::new();
        manifests.add(LoadedManifest::from_slice(ROUTE.as_bytes(), "route.json").unwrap());
        check(&[flow], &manifests)
            .unwrap()
            .into_iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn the_set_follows_a_copy_from_attribute_to_attribute() {
        let actions = [
            lambda("go", "Route", "keep"),
            set("keep", r#""step": "$.External.next""#, "copy", "end"),
            set("copy", r#""again": "$.Attributes.step""#, "cmp", "end"),
            compare("cmp", "$.Attributes.again"),
        ];
        assert_eq!(codes(&actions, "go"), [Code::ImpossibleCondition]);
    }

    #[test]
    fn nothing_is_claimed_past_a_flow_module_or_a_failed_set() {
        let module = r#"{"Identifier": "module", "Type": "InvokeFlowModule", "Parameters": {"FlowModuleId": "m"},
            "Transitions": {"NextAction": "cmp", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "cmp"}]}}"#;
        let actions = [
            lambda("go", "Route", "keep"),
            set("keep", r#""step": "$.External.next""#, "module", "end"),
            module.to_owned(),
            compare("cmp", "$.Attributes.step"),
        ];
        assert_eq!(codes(&actions, "go"), []);
        // The set's error branch reaches the compare: it may not be set.
        let actions = [
            lambda("go", "Route", "keep"),
            set("keep", r#""step": "$.External.next""#, "cmp", "cmp"),
            compare("cmp", "$.Attributes.step"),
        ];
        assert_eq!(codes(&actions, "go"), []);
    }

    #[test]
    fn a_loop_keeps_the_union_and_ends() {
        // around: step is the Lambda's answer, then the literal `menu`, and
        // the compare sees both ways: `Menu` is still impossible.
        let actions = [
            lambda("go", "Route", "keep"),
            set("keep", r#""step": "$.External.next""#, "cmp", "end"),
            r#"{"Identifier": "cmp", "Type": "Compare", "Parameters": {"ComparisonValue": "$.Attributes.step"},
                "Transitions": {"NextAction": "again", "Conditions": [{"NextAction": "end",
                  "Condition": {"Operator": "Equals", "Operands": ["Menu"]}}],
                  "Errors": [{"ErrorType": "NoMatchingCondition", "NextAction": "again"}]}}"#
                .to_owned(),
            set("again", r#""step": "menu""#, "cmp", "end"),
        ];
        assert_eq!(codes(&actions, "go"), [Code::ImpossibleCondition]);
    }

    #[test]
    fn a_lambda_without_a_manifest_on_one_way_claims_nothing() {
        let pick = r#"{"Identifier": "pick", "Type": "Compare", "Parameters": {"ComparisonValue": "$.Attributes.x"},
            "Transitions": {"NextAction": "a", "Conditions": [{"NextAction": "b",
              "Condition": {"Operator": "Equals", "Operands": ["1"]}}],
              "Errors": [{"ErrorType": "NoMatchingCondition", "NextAction": "a"}]}}"#;
        let actions = [
            pick.to_owned(),
            lambda("a", "Route", "cmp"),
            lambda("b", "Other", "cmp"),
            compare("cmp", "$.External.next"),
        ];
        assert_eq!(codes(&actions, "pick"), [Code::NoManifest]);
        // Part of a text, not the whole value: nothing claimed either.
        let actions = [
            lambda("go", "Route", "cmp"),
            compare("cmp", "next: $.External.next"),
        ];
        assert_eq!(codes(&actions, "go"), []);
    }
}
