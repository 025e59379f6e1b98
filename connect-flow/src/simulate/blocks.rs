//! Each block type's semantics, as `flow-semantics.md` §3 collects them.
//! A type not listed here stops the run with an outcome naming the block:
//! nothing is guessed.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

use super::contact::{Hours, Input};
use super::lambda::accept_response;
use super::resolve::whole_reference;
use super::run::{Branch, Go, Run, CONTACT_ID};
use crate::condition::{evaluate, Verdict};
use crate::flow::{Action, InvocationType};
use crate::model::FunctionRef;

/// Connect's limit on a contact's attributes, all keys and values together.
const ATTRIBUTES_LIMIT: usize = 32 * 1024;

/// The longest a Lambda block may wait, in seconds.
const LAMBDA_TIME_LIMIT: u64 = 8;

/// Blocks that change nothing a simulated contact's path depends on: they
/// continue on their success path, and the trace says so.
const PASS_THROUGH: &[&str] = &[
    "UpdateFlowLoggingBehavior",
    "UpdateContactTextToSpeechVoice",
    "UpdateContactRecordingBehavior",
    "UpdateContactRoutingBehavior",
    "UpdateContactEventHooks",
    "TagContact",
    "UnTagContact",
];

fn not_simulated(reason: impl Into<String>) -> Go {
    Go::End(super::trace::Outcome::NotSimulated {
        reason: reason.into(),
    })
}

fn parameter<'a>(action: &'a Action, key: &str) -> Option<&'a str> {
    action.parameters.get(key).and_then(Value::as_str)
}

/// A number as the designer exports it: a string (`"5"`) or a number.
fn whole_number(value: Option<&Value>) -> Option<u64> {
    match value? {
        Value::String(s) => s.trim().parse().ok(),
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

impl Run<'_> {
    /// Runs `action` and says where the contact goes.
    pub(crate) fn execute(&mut self, action: &Action) -> Go {
        let kind = action.action_type.as_str();
        match kind {
            "MessageParticipant" => {
                self.play(action);
                Go::Branch(Branch::Next)
            }
            "GetParticipantInput" => self.get_input(action),
            "ConnectParticipantWithLexBot" => self.lex(action),
            "Compare" => {
                let value = match parameter(action, "ComparisonValue") {
                    Some(text) => self.field(text),
                    None => return not_simulated("the block has no ComparisonValue"),
                };
                self.detail(format!("compared {value:?}"));
                self.conditions(action, &value, "NoMatchingCondition")
            }
            "UpdateContactAttributes" => self.set_attributes(action),
            "UpdateFlowAttributes" => self.set_flow_attributes(action),
            "InvokeLambdaFunction" => self.invoke_lambda(action),
            "CheckHoursOfOperation" => {
                let value = match self.env.hours {
                    Some(Hours::Open) => "True",
                    Some(Hours::Closed) => "False",
                    None => {
                        return not_simulated(
                            "the test does not say whether the hours of operation are open \
                             (--hours open|closed, or Environment::hours)",
                        )
                    }
                };
                self.detail(format!("hours open: {value}"));
                self.conditions(action, value, "NoMatchingError")
            }
            "CheckMetricData" => self.check_metric(action),
            "DistributeByPercentage" => {
                let Some(draw) = self.next_draw() else {
                    return not_simulated(
                        "the test does not say which branch the percentage split takes \
                         (--percent N, or Environment::percent, a draw from 1 to 100)",
                    );
                };
                self.detail(format!("drew {draw} of 100"));
                self.conditions(action, &draw.to_string(), "NoMatchingCondition")
            }
            "Loop" => self.run_loop(action),
            "UpdateContactTargetQueue" => {
                let target = parameter(action, "QueueId").or_else(|| parameter(action, "AgentId"));
                let Some(target) = target else {
                    return not_simulated("the block sets neither QueueId nor AgentId");
                };
                let queue = self.field(target);
                self.detail(format!("working queue {queue}"));
                self.queue = Some(queue);
                Go::Branch(Branch::Next)
            }
            "TransferContactToQueue" => match self.queue.clone() {
                None => {
                    self.assume(
                        "[UNCONFIRMED] \"Transfer to queue\" with no working queue set takes \
                         the Error branch",
                    );
                    Go::Branch(Branch::Error("NoMatchingError"))
                }
                Some(_) if self.env.queue_at_capacity => {
                    Go::Branch(Branch::Error("QueueAtCapacity"))
                }
                Some(queue) => Go::End(super::trace::Outcome::Queue { queue }),
            },
            "TransferParticipantToThirdParty" => match parameter(action, "ThirdPartyPhoneNumber") {
                Some(number) => {
                    let number = self.field(number);
                    Go::End(super::trace::Outcome::Number { number })
                }
                None => not_simulated("a transfer with no ThirdPartyPhoneNumber"),
            },
            "TransferToFlow" => self.enter(action, "ContactFlowId", false),
            "InvokeFlowModule" => self.enter(action, "FlowModuleId", true),
            "EndFlowModuleExecution" => Go::Return,
            "EndFlowExecution" => Go::End(super::trace::Outcome::Ended),
            "DisconnectParticipant" => Go::End(super::trace::Outcome::Disconnected),
            other if PASS_THROUGH.contains(&other) => {
                self.detail("no effect on the contact's path is simulated".into());
                Go::Branch(Branch::Next)
            }
            other => not_simulated(format!("{other} blocks are not simulated")),
        }
    }

    /// Plays the block's prompt, if it has one.
    fn play(&mut self, action: &Action) {
        let text = if let Some(text) = parameter(action, "Text") {
            self.fill(text)
        } else if let Some(ssml) = parameter(action, "SSML") {
            self.fill(ssml)
        } else if let Some(id) = parameter(action, "PromptId") {
            format!("prompt {}", self.field(id))
        } else if let Some(uri) = action
            .parameters
            .get("Media")
            .and_then(|m| m.get("Uri"))
            .and_then(Value::as_str)
        {
            format!("audio {}", self.fill(uri))
        } else {
            return;
        };
        self.prompt(text);
    }

    /// The first condition that holds for `value`, in order; none: the
    /// `no_match` error branch.
    fn conditions(&mut self, action: &Action, value: &str, no_match: &'static str) -> Go {
        for (i, c) in action.transitions.conditions.iter().enumerate() {
            match evaluate(c.condition.as_ref(), value) {
                Verdict::Holds(holds, note) => {
                    if let Some(note) = note {
                        self.assume(&note);
                    }
                    if holds {
                        return Go::Branch(Branch::Condition(i));
                    }
                }
                Verdict::NotSimulated(reason) => return not_simulated(reason),
            }
        }
        Go::Branch(Branch::Error(no_match))
    }

    fn get_input(&mut self, action: &Action) -> Go {
        self.play(action);
        let store = parameter(action, "StoreInput") == Some("True");
        let input = self.next_input();
        let (text, digits) = match input {
            Input::HangUp => return Go::End(super::trace::Outcome::HungUp),
            Input::Silence if store => {
                // "the contact takes the Success branch" and the stored
                // input "holds a value of Timeout" (Store customer input).
                self.detail("no input: stored \"Timeout\"".into());
                self.stored_input = Some("Timeout".into());
                return Go::Branch(Branch::Next);
            }
            Input::Silence => {
                self.detail("no input".into());
                return Go::Branch(Branch::Error("InputTimeLimitExceeded"));
            }
            Input::Dtmf(digits) => (digits, true),
            Input::Say(words) => (words, false),
        };
        if store {
            let validation = action.parameters.get("InputValidation");
            if validation.is_some_and(|v| v.get("PhoneNumberValidation").is_some()) {
                return not_simulated("phone number validation is not simulated");
            }
            let mut value = text;
            if digits {
                let terminator = action
                    .parameters
                    .get("DTMFConfiguration")
                    .and_then(|c| c.get("InputTerminationSequence"))
                    .and_then(Value::as_str)
                    .filter(|t| !t.is_empty());
                if let Some(at) = terminator.and_then(|t| value.find(t)) {
                    value.truncate(at);
                }
            }
            let max = whole_number(
                validation
                    .and_then(|v| v.get("CustomValidation"))
                    .and_then(|c| c.get("MaximumLength")),
            );
            if let Some(max) = max.and_then(|m| usize::try_from(m).ok()) {
                if value.chars().count() > max {
                    self.assume(
                        "[UNCONFIRMED] input longer than MaximumLength is cut to that length",
                    );
                    value = value.chars().take(max).collect();
                }
            }
            self.detail(format!("caller entered {value:?}: stored"));
            self.stored_input = Some(value);
            return Go::Branch(Branch::Next);
        }
        let value = if digits {
            let mut keys = text.chars();
            let first = keys.next().map(String::from).unwrap_or_default();
            if keys.next().is_some() {
                self.assume(
                    "[UNCONFIRMED] a menu reads one key: the keys pressed after the first are \
                     dropped",
                );
            }
            self.detail(format!("caller pressed {first:?}"));
            first
        } else {
            self.assume(
                "[UNCONFIRMED] words said or typed at \"Get customer input\" are compared \
                 with its conditions as text",
            );
            self.detail(format!("caller said {text:?}"));
            text
        };
        self.conditions(action, &value, "NoMatchingCondition")
    }

    fn lex(&mut self, action: &Action) -> Go {
        self.play(action);
        let utterance = match self.next_input() {
            Input::HangUp => return Go::End(super::trace::Outcome::HungUp),
            Input::Silence => {
                self.detail("no input".into());
                return Go::Branch(Branch::Error("InputTimeLimitExceeded"));
            }
            Input::Say(words) | Input::Dtmf(words) => words,
        };
        let Some(intent) = self.env.intents.get(&utterance).cloned() else {
            return not_simulated(format!(
                "the test does not say which Lex intent {utterance:?} is \
                 (Environment::intent, or --intent UTTERANCE=INTENT)"
            ));
        };
        self.detail(format!("caller said {utterance:?}: intent {intent}"));
        self.lex_intent = Some(intent.clone());
        self.conditions(action, &intent, "NoMatchingCondition")
    }

    fn set_attributes(&mut self, action: &Action) -> Go {
        if parameter(action, "TargetContact") == Some("Related") {
            return not_simulated("setting the related contact's attributes is not simulated");
        }
        let Some(Value::Object(attributes)) = action.parameters.get("Attributes") else {
            return not_simulated("the block has no Attributes object");
        };
        // "either all attributes are set or none are set": resolve every
        // key and value first, then write them together.
        let mut set = Vec::with_capacity(attributes.len());
        for (key, value) in attributes {
            let Some(value) = value.as_str() else {
                return not_simulated(format!("the value of attribute {key:?} is not a string"));
            };
            set.push((self.fill(key), self.fill(value)));
        }
        let mut next = self.attributes.clone();
        let written: Vec<String> = set.iter().map(|(k, v)| format!("{k} = {v:?}")).collect();
        next.extend(set);
        let size: usize = next.iter().map(|(k, v)| k.len() + v.len()).sum();
        if size > ATTRIBUTES_LIMIT {
            self.assume(
                "[UNCONFIRMED] the 32 KB attribute limit counts the UTF-8 bytes of every key and \
                 value",
            );
            self.detail(format!(
                "the attributes would take {size} bytes, over Connect's 32 KB: none is set"
            ));
            return Go::Branch(Branch::Error("NoMatchingError"));
        }
        self.detail(format!("sets {}", written.join(", ")));
        self.attributes = next;
        Go::Branch(Branch::Next)
    }

    fn set_flow_attributes(&mut self, action: &Action) -> Go {
        let Some(Value::Object(attributes)) = action.parameters.get("FlowAttributes") else {
            return not_simulated("the block has no FlowAttributes object");
        };
        for (key, value) in attributes {
            // The documented value type is undefined: a string, or an
            // object with a string `Value`, are read; anything else stops.
            let text = match value {
                Value::String(s) => s.as_str(),
                other => match other.get("Value").and_then(Value::as_str) {
                    Some(s) => s,
                    None => {
                        return not_simulated(format!(
                            "the flow attribute {key:?} is neither a string nor {{\"Value\": ...}}"
                        ))
                    }
                },
            };
            let key = self.fill(key);
            let value = self.fill(text);
            self.flow_attributes.insert(key, value);
        }
        Go::Branch(Branch::Next)
    }

    fn check_metric(&mut self, action: &Action) -> Go {
        let Some(metric) = parameter(action, "MetricType") else {
            return not_simulated("the block has no MetricType");
        };
        let Some(value) = self.env.metrics.get(metric).copied() else {
            return not_simulated(format!(
                "the test does not say what {metric} is (Environment::metric or agents, or \
                 --agents N)"
            ));
        };
        self.detail(format!("{metric} is {value}"));
        let no_match = if action
            .transitions
            .errors
            .iter()
            .any(|e| e.error_type == "NoMatchingCondition")
        {
            "NoMatchingCondition"
        } else {
            "NoMatchingError"
        };
        if no_match == "NoMatchingError" {
            self.assume(
                "[UNCONFIRMED] \"Check staffing\" with no condition holding and no \
                 NoMatchingCondition branch takes NoMatchingError",
            );
        }
        self.conditions(action, &value.to_string(), no_match)
    }

    fn run_loop(&mut self, action: &Action) -> Go {
        let count = match action.parameters.get("LoopCount") {
            Some(Value::String(s)) => self.field(s),
            Some(Value::Number(n)) => n.to_string(),
            _ => return not_simulated("the block has no LoopCount"),
        };
        let Ok(count) = count.trim().parse::<u32>() else {
            return not_simulated(format!("LoopCount {count:?} is not a whole number"));
        };
        // NotDone `count` times, then Done once, then reset (Loop action).
        let done_so_far = self.loops.entry((self.flow, self.block)).or_insert(0);
        let continuing = *done_so_far < count;
        if continuing {
            *done_so_far += 1;
        } else {
            *done_so_far = 0;
        }
        let round = *done_so_far;
        let wanted = if continuing {
            self.detail(format!("round {round} of {count}"));
            "ContinueLooping"
        } else {
            self.detail(format!("done after {count}"));
            "DoneLooping"
        };
        let found = action.transitions.conditions.iter().position(|c| {
            c.condition
                .as_ref()
                .and_then(|c| c.get("Operands"))
                .and_then(Value::as_array)
                .is_some_and(|o| o.len() == 1 && o[0].as_str() == Some(wanted))
        });
        match found {
            Some(i) => Go::Branch(Branch::Condition(i)),
            None if !continuing => {
                // Real exports mirror DoneLooping in NextAction.
                self.assume(
                    "[UNCONFIRMED] a Loop block with no DoneLooping condition goes to its \
                     NextAction when done",
                );
                Go::Branch(Branch::Next)
            }
            None => not_simulated("the Loop block has no ContinueLooping condition"),
        }
    }

    fn enter(&mut self, action: &Action, key: &str, module: bool) -> Go {
        let Some(id) = parameter(action, key) else {
            return not_simulated(format!("the block has no {key}"));
        };
        let filled = self.field(id);
        if module && self.module_depth() >= 5 {
            return not_simulated("modules nest at most 5 deep");
        }
        // A reference known only now is matched as the model links a
        // written one.
        let model = self.sim.model();
        let flow = if whole_reference(id).is_some() {
            model.flow_named(&filled)
        } else {
            model.flows[self.flow]
                .blocks
                .get(self.block)
                .and_then(|b| b.link)
        };
        match flow {
            Some(index) => Go::Enter {
                flow: index,
                module,
            },
            None => Go::End(super::trace::Outcome::FlowNotGiven { flow: filled }),
        }
    }

    fn invoke_lambda(&mut self, action: &Action) -> Go {
        let Some(invoke) = action.lambda_invoke() else {
            return not_simulated("not a Lambda block");
        };
        if invoke.invocation_type() != InvocationType::Synchronous {
            return not_simulated("asynchronous Lambda invocation is not simulated");
        }
        let sim = self.sim;
        let written = sim.model.flows[self.flow].function(self.block);
        // A reference resolved now is read as the model reads a written one.
        let resolved;
        let function = match written {
            Some(FunctionRef::Runtime(reference)) => {
                resolved = FunctionRef::parse(&self.field(reference));
                &resolved
            }
            Some(FunctionRef::Missing) | None => {
                return not_simulated(
                    "a \"Load Lambda result\" block (no LambdaFunctionARN) is not simulated",
                )
            }
            Some(function) => function,
        };
        let arn = function.text().unwrap_or_default().to_owned();
        let name = function.label().unwrap_or_default().to_owned();
        let Some(source) = sim
            .lambdas
            .iter()
            .find(|(key, _)| function.registered_as(key))
            .map(|(_, source)| source)
        else {
            return not_simulated(format!(
                "no Lambda was given for {name}: give one (--lambda {name}=COMMAND, \
                 --mock {name}=RESPONSE.json, or Simulator::lambda)"
            ));
        };
        let mut parameters = Map::new();
        if let Some(attributes) = invoke.invocation_attributes() {
            for (key, value) in attributes {
                let value = match value {
                    Value::String(s) => Value::String(self.fill(s)),
                    other => other.clone(),
                };
                parameters.insert(key.clone(), value);
            }
        }
        let event = self.event(&parameters);
        let limit = whole_number(invoke.timeout())
            .unwrap_or(LAMBDA_TIME_LIMIT)
            .clamp(1, LAMBDA_TIME_LIMIT);
        let result = source
            .invoke(&event, limit)
            .and_then(|bytes| accept_response(&bytes, invoke.effective_validation()));
        let go = match &result {
            Ok(Value::Object(map)) => {
                // "overwritten with the next invocation": replaced wholesale.
                self.external = map.clone();
                Go::Branch(Branch::Next)
            }
            Ok(_) => {
                self.assume(
                    "[UNCONFIRMED] a JSON response that is not an object leaves $.External empty",
                );
                self.external.clear();
                Go::Branch(Branch::Next)
            }
            Err(error) => {
                if error.contains("32 KB") {
                    self.assume(
                        "[UNCONFIRMED] Connect's \"less than 32 Kb\" response limit is read as \
                         32 KiB (32,768 bytes)",
                    );
                }
                // The archived admin guide: Connect retries a failing
                // synchronous call up to 3 times within 8 s; the simulator
                // calls once and says so.
                self.detail(
                    "Connect would retry a failing call up to 3 times within 8 s; called once"
                        .into(),
                );
                self.assume("[UNCONFIRMED] a failed Lambda call leaves $.External empty");
                self.external.clear();
                Go::Branch(Branch::Error("NoMatchingError"))
            }
        };
        self.lambda_call(name, arn, parameters, result);
        go
    }

    /// The `ContactFlowEvent` Connect sends a Lambda.
    fn event(&self, parameters: &Map<String, Value>) -> Vec<u8> {
        let event = Event {
            details: Details {
                contact_data: ContactData {
                    attributes: &self.attributes,
                    channel: self.contact.channel.as_str(),
                    contact_id: CONTACT_ID,
                    customer_endpoint: Endpoint::of(self.contact.customer.as_deref()),
                    initial_contact_id: CONTACT_ID,
                    initiation_method: "INBOUND",
                    instance_arn: INSTANCE_ARN,
                    previous_contact_id: CONTACT_ID,
                    queue: self.queue.as_deref().map(|arn| Queue { arn }),
                    system_endpoint: Endpoint::of(self.contact.system.as_deref()),
                    language_code: self.contact.language.as_deref(),
                },
                parameters,
            },
            name: "ContactFlowEvent",
        };
        // Serialising strings and string maps cannot fail.
        serde_json::to_vec(&event).unwrap_or_default()
    }
}

/// The instance every simulated contact is in (`InstanceARN`).
const INSTANCE_ARN: &str =
    "arn:aws:connect:us-east-1:123456789012:instance/00000000-0000-4000-8000-000000000001";

/// The event, written straight from the run's state: a `serde_json::Value`
/// tree would copy every attribute on every call.
#[derive(Serialize)]
struct Event<'a> {
    #[serde(rename = "Details")]
    details: Details<'a>,
    #[serde(rename = "Name")]
    name: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Details<'a> {
    contact_data: ContactData<'a>,
    parameters: &'a Map<String, Value>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ContactData<'a> {
    attributes: &'a BTreeMap<String, String>,
    channel: &'static str,
    contact_id: &'static str,
    customer_endpoint: Option<Endpoint<'a>>,
    initial_contact_id: &'static str,
    initiation_method: &'static str,
    #[serde(rename = "InstanceARN")]
    instance_arn: &'static str,
    previous_contact_id: &'static str,
    queue: Option<Queue<'a>>,
    system_endpoint: Option<Endpoint<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language_code: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Endpoint<'a> {
    address: &'a str,
    #[serde(rename = "Type")]
    kind: &'static str,
}

impl<'a> Endpoint<'a> {
    fn of(address: Option<&'a str>) -> Option<Endpoint<'a>> {
        address.map(|address| Endpoint {
            address,
            kind: "TELEPHONE_NUMBER",
        })
    }
}

#[derive(Serialize)]
struct Queue<'a> {
    #[serde(rename = "ARN")]
    arn: &'a str,
}
