//! Running test cases on the simulator: the caller's instructions and the
//! overrides go into the contact, the contact runs through the flows, and
//! the observation chain is held to what the contact did, in order.
//!
//! Offline, the whole contact is known once it has run, so an observation
//! that is never met fails at once, with what happened instead: there is no
//! timeout to wait for.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

use serde_json::Value;

use super::contract::check_mocks;
use super::coverage::Coverage;
use super::event::{EventKind, ExpectedAction, ExpectedMessage, FlowActionType, MessageContent};
use super::mock::{MockResponse, Strategy};
use super::result::{AssertionResult, CaseResult, Failure, LogEntry, Report};
use super::{ActionKind, Channel, Control, Instruction, Note, Observation, TestCase, Usage};
use crate::flow::Flow;
use crate::matching::Manifests;
use crate::model::{FunctionRef, Model};
use crate::simulate::{Caller, Contact, Environment, Hours, Lambda, Outcome, Simulator, Trace};

/// Flows, Lambdas and manifests: what every case runs against.
///
/// ```
/// use connect_flow::testcase::{Runner, TestCase};
/// use connect_flow::{Flow, Manifests};
///
/// let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "Hi", "Actions": [
///   {"Identifier": "Hi", "Type": "MessageParticipant", "Parameters": {"Text": "Hello"},
///    "Transitions": {"NextAction": "Bye"}},
///   {"Identifier": "Bye", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}]}"#,
///   "main.json").unwrap();
/// let case = TestCase::from_slice(br#"{"Version": "2019-10-30", "Observations": [
///   {"Identifier": "hello", "Event": {"Type": "MessageReceived", "Properties": {"Text": "hello"}},
///    "Transitions": {"NextObservations": ["end"]}},
///   {"Identifier": "end", "Event": {"Type": "TestCompleted"}}]}"#, "hello.json").unwrap();
/// let runner = Runner::new(vec![flow], Manifests::new());
/// let report = runner.run_all(&[case], false);
/// assert!(report.passed(), "{}", connect_flow::testcase::human(&report));
/// ```
pub struct Runner {
    /// The flows, resolved once for every case's simulator.
    model: Arc<Model>,
    manifests: Manifests,
    sources: Vec<(String, Rc<dyn Lambda>)>,
    /// Contact data the Testing language cannot give (`$.Customer.*`).
    data: Vec<(String, String)>,
}

impl std::fmt::Debug for Runner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Runner")
            .field("flows", &self.model.len())
            .field(
                "lambdas",
                &self.sources.iter().map(|(k, _)| k).collect::<Vec<_>>(),
            )
            .finish()
    }
}

/// Something the contact did, in the order it did it.
#[derive(Debug, Clone)]
enum Happening {
    Initiated,
    /// A block started (its index in the trace's steps).
    Block(usize),
    /// A prompt (its index in the trace's prompts).
    Prompt(usize),
    Completed,
}

impl Runner {
    /// A runner for `flows` (the contact enters the first, or the one a
    /// case's `EntryPoint.FlowId` names) with `manifests` to hold mocks to.
    pub fn new(flows: Vec<Flow>, manifests: Manifests) -> Runner {
        Runner {
            model: Arc::new(Model::new(flows)),
            manifests,
            sources: Vec::new(),
            data: Vec::new(),
        }
    }

    /// The flows, resolved.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The value every case's contact has for `reference` (such as
    /// `$.Customer.FirstName`, from Customer Profiles), which a test case
    /// has no way to give.
    pub fn data(&mut self, reference: impl Into<String>, value: impl Into<String>) -> &mut Runner {
        self.data.push((reference.into(), value.into()));
        self
    }

    /// The Lambda for `function` (a name, or an exact ARN) when a case does
    /// not mock it: an in-process handler, a command, a fixed response.
    pub fn lambda(
        &mut self,
        function: impl Into<String>,
        source: impl Lambda + 'static,
    ) -> &mut Runner {
        self.sources.push((function.into(), Rc::new(source)));
        self
    }

    /// Runs every case; with `coverage`, counts the blocks and branches
    /// they reached.
    pub fn run_all(&self, cases: &[TestCase], coverage: bool) -> Report {
        let mut cov = coverage.then(|| Coverage::new(self.model.raw()));
        let cases = cases
            .iter()
            .map(|case| {
                let (result, trace) = self.run(case);
                if let (Some(cov), Some(trace)) = (cov.as_mut(), trace) {
                    for step in &trace.steps {
                        cov.record(&step.flow, &step.block, step.branch.as_deref());
                    }
                }
                result
            })
            .collect();
        Report {
            cases,
            coverage: cov,
        }
    }

    /// Runs one case: its result, and the contact's trace when it ran (a
    /// case whose mocks break their contract does not run).
    pub fn run(&self, case: &TestCase) -> (CaseResult, Option<Trace>) {
        let started = Instant::now();
        let mut result = CaseResult::new(case.name.clone(), case.file.clone());
        result.notes = case.notes.clone();
        let problems = check_mocks(case, &self.manifests);
        if !problems.is_empty() {
            result.failures = problems
                .into_iter()
                .map(Failure::MockNotInContract)
                .collect();
            result.duration = started.elapsed();
            return (result, None);
        }
        let mut plan = Plan::of(case, &mut result.notes);
        for (reference, value) in &self.data {
            plan.contact = std::mem::take(&mut plan.contact).data(reference.clone(), value.clone());
        }
        let entry = self.entry(case, &mut result.notes);
        let trace = self.simulate(entry, &plan, None);
        Matcher {
            runner: self,
            case,
            plan: &plan,
            entry,
            trace: &trace,
            snapshots: RefCell::new(HashMap::new()),
        }
        .check(&mut result);
        result.duration = started.elapsed();
        (result, Some(trace))
    }

    /// The flow the case's contact enters: the one its
    /// `EntryPoint.FlowId` names (as the model links a transfer), else the
    /// first.
    fn entry(&self, case: &TestCase, notes: &mut Vec<Note>) -> usize {
        let Some(id) = case.entry_point.flow_id.as_deref() else {
            return 0;
        };
        self.model.flow_named(id).unwrap_or_else(|| {
            notes.push(Note {
                at: "$.EntryPoint".into(),
                text: "no flow given matches the entry point's FlowId (by its id, name or file \
                       name, as a transfer's target is matched): the contact enters the first \
                       --flow"
                    .into(),
            });
            0
        })
    }

    /// One run of the contact; `max_steps` stops it early, for the state
    /// at an earlier point.
    fn simulate(&self, entry: usize, plan: &Plan, max_steps: Option<usize>) -> Trace {
        let mut sim = Simulator::of(self.model.clone());
        sim.entry(entry);
        if let Some(steps) = max_steps {
            sim.max_steps(steps);
        }
        for (key, source) in &self.sources {
            sim.lambda(key.clone(), Shared(source.clone()));
        }
        // Registered after the sources, so found first (the simulator takes
        // the last registered).
        for (arn, queue) in &plan.overrides {
            let fallback = self.source_for(arn);
            sim.lambda(
                arn.clone(),
                Overridden {
                    queue: RefCell::new(queue.iter().cloned().collect()),
                    fallback,
                    sources: self.sources.clone(),
                },
            );
        }
        sim.run(&plan.contact, &plan.caller, &plan.env)
    }

    fn source_for(&self, arn: &str) -> Option<Rc<dyn Lambda>> {
        source_for(&self.sources, arn)
    }
}

fn source_for(sources: &[(String, Rc<dyn Lambda>)], arn: &str) -> Option<Rc<dyn Lambda>> {
    sources
        .iter()
        .rev()
        .find(|(key, _)| FunctionRef::parse(arn).registered_as(key))
        .map(|(_, s)| s.clone())
}

/// A source shared by every run.
struct Shared(Rc<dyn Lambda>);

impl Lambda for Shared {
    fn invoke(&self, event: &[u8], limit: u64) -> Result<Vec<u8>, String> {
        self.0.invoke(event, limit)
    }
}

/// What one override does to one invocation.
#[derive(Debug, Clone)]
enum LambdaOverride {
    Respond(Value),
    Fail(String),
    Substitute(String),
}

/// A Lambda with overrides: each invocation takes the next (first in,
/// first out, as Connect applies them), then the function's own source.
struct Overridden {
    queue: RefCell<VecDeque<LambdaOverride>>,
    fallback: Option<Rc<dyn Lambda>>,
    sources: Vec<(String, Rc<dyn Lambda>)>,
}

impl Lambda for Overridden {
    fn invoke(&self, event: &[u8], limit: u64) -> Result<Vec<u8>, String> {
        let next = self.queue.borrow_mut().pop_front();
        match next {
            Some(LambdaOverride::Respond(value)) => Ok(value.to_string().into_bytes()),
            Some(LambdaOverride::Fail(error)) => Err(format!("mocked error {error}")),
            Some(LambdaOverride::Substitute(arn)) => match source_for(&self.sources, &arn) {
                Some(source) => source.invoke(event, limit),
                None => Err(format!(
                    "no Lambda was given for the substitute {arn}: give one with --lambda or --mock"
                )),
            },
            None => match &self.fallback {
                Some(source) => source.invoke(event, limit),
                None => Err(
                    "its overrides are used up and no Lambda was given for it: give one \
                             with --lambda or --mock, or override each call"
                        .into(),
                ),
            },
        }
    }
}

/// The caller's number when a voice case gives none: a voice contact has
/// one, and Lambdas read it.
const DEFAULT_CALLER: &str = "+15555550100";

/// What a case says before the contact runs: the caller's inputs, the
/// overrides per Lambda ARN, the world.
struct Plan {
    contact: Contact,
    caller: Caller,
    env: Environment,
    overrides: Vec<(String, Vec<LambdaOverride>)>,
}

impl Plan {
    /// The instructions and overrides of the observations in the order they
    /// become awaited (the chain from its roots). Offline, the contact runs
    /// in one go, so each input is the caller's next answer and each
    /// override the Lambda's next call, wherever the observation stands.
    fn of(case: &TestCase, notes: &mut Vec<Note>) -> Plan {
        let mut contact = match (
            case.entry_point.channel,
            &case.entry_point.source_phone_number,
        ) {
            (Channel::Voice, Some(number)) => Contact::voice(number.clone()),
            (Channel::Voice, None) => {
                notes.push(Note {
                    at: "$.EntryPoint".into(),
                    text: format!(
                        "no SourcePhoneNumber: the caller's number is {DEFAULT_CALLER}, a fictional \
                         one; give EntryPoint.VoiceCallEntryPointParameters.SourcePhoneNumber \
                         (the create-test-case request form) to choose it"
                    ),
                });
                Contact::voice(DEFAULT_CALLER)
            }
            (Channel::Chat, _) => Contact::chat(),
        };
        if let Some(system) = &case.entry_point.destination_phone_number {
            contact = contact.system(system.clone());
        }
        for (key, value) in &case.attributes {
            contact = contact.attribute(key.clone(), value.clone());
        }
        let mut caller = Caller::new();
        let mut env = Environment::new();
        let mut overrides: Vec<(String, Vec<LambdaOverride>)> = Vec::new();
        for observation in chain_order(case) {
            let later = !matches!(observation.event.kind, EventKind::TestInitiated);
            for action in &observation.actions {
                if later && matches!(action.kind, ActionKind::OverrideSystemBehavior(_)) {
                    notes.push(Note {
                        at: action.at.clone(),
                        text: "an override outside the TestInitiated observation applies offline \
                               from the start, in chain order; Connect applies it once its \
                               observation is met: set overrides in TestInitiated, as Connect advises"
                            .into(),
                    });
                }
                match &action.kind {
                    ActionKind::SendInstruction(Instruction::Dtmf(keys)) => {
                        caller = caller.dtmf(keys.clone())
                    }
                    ActionKind::SendInstruction(Instruction::Utterance(words)) => {
                        caller = caller.say(words.clone())
                    }
                    ActionKind::SendInstruction(Instruction::Disconnect) => {
                        caller = caller.hang_up()
                    }
                    ActionKind::OverrideSystemBehavior(over) => {
                        let arn = over
                            .target
                            .parameters
                            .get("LambdaFunctionARN")
                            .and_then(Value::as_str);
                        match (&over.target.action_type, arn, &over.strategy) {
                            (FlowActionType::InvokeLambdaFunction, Some(arn), strategy) => {
                                let one = match strategy {
                                    Strategy::SubstituteResource { arn } => {
                                        LambdaOverride::Substitute(arn.clone())
                                    }
                                    Strategy::MockResponse(MockResponse::Error {
                                        value, ..
                                    }) => LambdaOverride::Fail(value.clone()),
                                    Strategy::MockResponse(MockResponse::ExecutionResult {
                                        loaded_data,
                                        value,
                                        ..
                                    }) => LambdaOverride::Respond(match (loaded_data, value) {
                                        (Some(data), _) => data.clone(),
                                        // One third party writes the response in Value.
                                        (None, Some(text)) => serde_json::from_str(text)
                                            .unwrap_or(Value::String(text.clone())),
                                        (None, None) => Value::Null,
                                    }),
                                };
                                match overrides.iter_mut().find(|(a, _)| a == arn) {
                                    Some((_, queue)) => queue.push(one),
                                    None => overrides.push((arn.to_owned(), vec![one])),
                                }
                            }
                            (
                                FlowActionType::CheckHoursOfOperation,
                                _,
                                Strategy::MockResponse(MockResponse::ExecutionResult {
                                    value: Some(v),
                                    ..
                                }),
                            ) => {
                                env = env.hours(if v == "OutOfHours" {
                                    Hours::Closed
                                } else {
                                    Hours::Open
                                });
                            }
                            (
                                FlowActionType::TransferContactToQueue
                                | FlowActionType::DequeueAndTransferToQueue,
                                _,
                                Strategy::MockResponse(MockResponse::Error { value, .. }),
                            ) if value == "QueueAtCapacity" => {
                                env = env.queue_at_capacity();
                            }
                            (target, _, _) => notes.push(Note {
                                at: action.at.clone(),
                                text: format!(
                                    "this override of {} has no offline effect: the simulator runs \
                                     the block as the flow has it",
                                    target.name()
                                ),
                            }),
                        }
                    }
                    ActionKind::Assert(_) | ActionKind::TestControl(_) => {}
                }
            }
        }
        Plan {
            contact,
            caller,
            env,
            overrides,
        }
    }
}

/// The observations in the order they become awaited: the roots, then
/// breadth first along `NextObservations`, each once.
fn chain_order(case: &TestCase) -> Vec<&Observation> {
    let mut order: Vec<&Observation> = Vec::new();
    let mut queue: VecDeque<&Observation> = case.roots().into_iter().collect();
    while let Some(o) = queue.pop_front() {
        if order.iter().any(|seen| seen.id == o.id) {
            continue;
        }
        order.push(o);
        queue.extend(o.next.iter().filter_map(|id| case.observation(id)));
    }
    order
}

/// The observation chain held to one trace.
struct Matcher<'a> {
    runner: &'a Runner,
    case: &'a TestCase,
    plan: &'a Plan,
    /// The flow the contact entered.
    entry: usize,
    trace: &'a Trace,
    /// The trace of a run stopped after n blocks, for attribute values then.
    snapshots: RefCell<HashMap<usize, Trace>>,
}

/// An observation being awaited: since which happening, and how often met.
struct Awaited<'a> {
    observation: &'a Observation,
    since: usize,
    seen: u32,
}

impl<'a> Matcher<'a> {
    fn happenings(&self) -> Vec<Happening> {
        let mut list = vec![Happening::Initiated];
        for i in 0..self.trace.steps.len() {
            list.push(Happening::Block(i));
            for (p, prompt) in self.trace.prompts.iter().enumerate() {
                if prompt.step == i {
                    list.push(Happening::Prompt(p));
                }
            }
        }
        if self.completed() {
            list.push(Happening::Completed);
        }
        list
    }

    /// Whether the contact's run ended as a contact does (not stopped by
    /// the simulator).
    fn completed(&self) -> bool {
        matches!(
            self.trace.outcome(),
            Outcome::Disconnected
                | Outcome::HungUp
                | Outcome::Ended
                | Outcome::Queue { .. }
                | Outcome::Number { .. }
        )
    }

    fn check(&self, result: &mut CaseResult) {
        let happenings = self.happenings();
        let mut awaited: Vec<Awaited<'a>> = self
            .case
            .roots()
            .into_iter()
            .map(|observation| Awaited {
                observation,
                since: 0,
                seen: 0,
            })
            .collect();
        let mut ended = false;
        'events: for (at, happening) in happenings.iter().enumerate() {
            let mut i = 0;
            while i < awaited.len() {
                let observation = awaited[i].observation;
                if !self.matches(&observation.event.kind, happening) {
                    i += 1;
                    continue;
                }
                awaited[i].seen += 1;
                let met = match observation.usage {
                    Usage::Exactly(n) => awaited[i].seen >= n,
                    Usage::Any => true,
                };
                if !met {
                    i += 1;
                    continue;
                }
                if self.act(observation, happening, result) {
                    ended = true;
                    break 'events;
                }
                let first_time = awaited[i].seen == 1 || observation.usage != Usage::Any;
                // ANY stays awaited: each later match runs its actions again.
                if observation.usage != Usage::Any {
                    awaited.remove(i);
                }
                if first_time {
                    for next in &observation.next {
                        if let Some(o) = self.case.observation(next) {
                            if !awaited.iter().any(|a| a.observation.id == o.id) {
                                awaited.push(Awaited {
                                    observation: o,
                                    since: at + 1,
                                    seen: 0,
                                });
                            }
                        }
                    }
                }
                // One happening meets one observation: the next in the
                // chain waits for a later one.
                continue 'events;
            }
        }
        if !ended {
            // ANY is met by none as well as by many.
            for a in awaited.iter().filter(|a| a.observation.usage != Usage::Any) {
                result.failures.push(Failure::Unmet {
                    observation: a.observation.id.clone(),
                    awaited: describe_expected(
                        &a.observation.event.kind,
                        a.observation.usage,
                        a.seen,
                    ),
                    instead: self.instead(&happenings[a.since.min(happenings.len())..]),
                });
            }
            // Why the contact stopped short, when the simulator stopped it.
            if !result.failures.is_empty() && !self.completed() {
                result.failures.push(Failure::Simulation {
                    message: self.trace.ending.to_string(),
                });
            }
        }
        for assumption in &self.trace.assumptions {
            result.notes.push(Note {
                at: assumption.block.clone(),
                text: assumption.text.clone(),
            });
        }
    }

    /// Runs an observation's actions; whether one ended the test.
    fn act(
        &self,
        observation: &Observation,
        happening: &Happening,
        result: &mut CaseResult,
    ) -> bool {
        for action in &observation.actions {
            match &action.kind {
                ActionKind::Assert(assertion) => {
                    let actual = self.value_at(&assertion.namespace, happening);
                    let passed = assertion.holds(actual.as_deref());
                    let record = AssertionResult {
                        observation: observation.id.clone(),
                        action: action.id.clone(),
                        namespace: assertion.namespace.clone(),
                        operator: assertion.operator,
                        expected: assertion.operand.clone(),
                        actual,
                        passed,
                    };
                    if !passed {
                        result.failures.push(Failure::Assertion(record.clone()));
                    }
                    result.assertions.push(record);
                }
                ActionKind::TestControl(Control::LogData { expressions }) => {
                    for (label, path) in expressions {
                        result.logs.push(LogEntry {
                            observation: observation.id.clone(),
                            label: label.clone(),
                            path: path.clone(),
                            value: self.value_at(path, happening),
                        });
                    }
                }
                ActionKind::TestControl(Control::EndTest) => return true,
                ActionKind::SendInstruction(_) | ActionKind::OverrideSystemBehavior(_) => {}
            }
        }
        false
    }

    fn matches(&self, expected: &EventKind, happening: &Happening) -> bool {
        match (expected, happening) {
            (EventKind::TestInitiated, Happening::Initiated) => true,
            (EventKind::TestCompleted, Happening::Completed) => true,
            (EventKind::MessageReceived(m), Happening::Prompt(p)) => self
                .trace
                .prompts
                .get(*p)
                .is_some_and(|prompt| message_matches(m, &prompt.text)),
            (EventKind::FlowActionStarted(a), Happening::Block(i)) => self.block_matches(a, *i),
            _ => false,
        }
    }

    fn block_matches(&self, expected: &ExpectedAction, step: usize) -> bool {
        let Some(step) = self.trace.steps.get(step) else {
            return false;
        };
        if step.action_type != expected.action_type.name() {
            return false;
        }
        let Some(action) = self
            .runner
            .model
            .raw()
            .find(|f| f.path == Path::new(&step.flow))
            .and_then(|f| f.actions.iter().find(|a| a.identifier == step.block))
        else {
            return false;
        };
        // Connect reports the authored parameters; each one the case names
        // must be equal.
        expected
            .parameters
            .iter()
            .all(|(key, value)| action.parameters.get(key) == Some(value))
    }

    /// The value of a JSONPath when `happening` happened.
    fn value_at(&self, path: &str, happening: &Happening) -> Option<String> {
        // Attributes before a block runs, after a prompt's block ran, at
        // the start, at the end.
        let blocks_done = match happening {
            Happening::Initiated => 0,
            Happening::Block(i) => *i,
            Happening::Prompt(p) => self.trace.prompts.get(*p).map_or(0, |p| p.step + 1),
            Happening::Completed => self.trace.steps.len(),
        };
        if let Some(key) = path.strip_prefix("$.Attributes.") {
            return self.attributes_after(blocks_done).get(key).cloned();
        }
        if let Some(key) = path.strip_prefix("$.External.") {
            let call = self
                .trace
                .lambda_calls
                .iter()
                .rev()
                .find(|c| c.step < blocks_done)?;
            let mut value = call.result.as_ref().ok()?;
            for part in key.split('.') {
                value = value.get(part)?;
            }
            return Some(match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            });
        }
        match path {
            "$.Channel" => Some(
                match self.case.entry_point.channel {
                    Channel::Voice => "VOICE",
                    Channel::Chat => "CHAT",
                }
                .to_owned(),
            ),
            "$.CustomerEndpoint.Address" => self.plan.contact.customer.clone(),
            "$.Queue.Name" | "$.Queue.ARN" | "$.Queue.Id" => match self.trace.outcome() {
                Outcome::Queue { queue }
                    if blocks_done >= self.trace.steps.len().saturating_sub(1) =>
                {
                    Some(queue.clone())
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// The contact attributes after the first `blocks` blocks.
    fn attributes_after(&self, blocks: usize) -> BTreeMap<String, String> {
        if blocks >= self.trace.steps.len() {
            return self.trace.attributes.clone();
        }
        if blocks == 0 {
            return self.case.attributes.clone();
        }
        let mut snapshots = self.snapshots.borrow_mut();
        let trace = snapshots
            .entry(blocks)
            .or_insert_with(|| self.runner.simulate(self.entry, self.plan, Some(blocks)));
        trace.attributes.clone()
    }

    /// What the contact did from `happenings[0]` on, in a few words.
    fn instead(&self, happenings: &[Happening]) -> String {
        let mut parts: Vec<String> = happenings
            .iter()
            .filter_map(|h| match h {
                Happening::Initiated => None,
                Happening::Block(i) => {
                    let step = self.trace.steps.get(*i)?;
                    FlowActionType::OBSERVABLE
                        .contains(&step.action_type.as_str())
                        .then(|| format!("started {}", step.name))
                }
                Happening::Prompt(p) => self
                    .trace
                    .prompts
                    .get(*p)
                    .map(|p| format!("received {:?}", p.text)),
                Happening::Completed => None,
            })
            .collect();
        const SHOWN: usize = 4;
        if parts.len() > SHOWN {
            let more = parts.len() - SHOWN;
            parts.truncate(SHOWN);
            parts.push(format!("{more} more"));
        }
        let ending = format!("then the contact was {}", self.trace.ending);
        if parts.is_empty() {
            format!("nothing observable happened; {ending}")
        } else {
            format!("{}; {ending}", parts.join(", "))
        }
    }
}

fn message_matches(expected: &ExpectedMessage, actual: &str) -> bool {
    match &expected.content {
        MessageContent::Text(text) => expected.criteria.matches(actual, text),
        MessageContent::Ssml(ssml) => expected
            .criteria
            .matches(&strip_tags(actual), &strip_tags(ssml)),
        MessageContent::PromptId(id) => {
            actual == id
                || actual.ends_with(&format!("/{id}"))
                || id.ends_with(&format!("/{actual}"))
        }
        MessageContent::Media { uri } => actual == uri,
    }
}

/// SSML's text: the tags removed.
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The event an observation waits for, in words.
fn describe_expected(kind: &EventKind, usage: Usage, seen: u32) -> String {
    let what = match kind {
        EventKind::TestInitiated => "TestInitiated".to_owned(),
        EventKind::TestCompleted => "TestCompleted (the contact's run ending)".to_owned(),
        EventKind::MessageReceived(m) => {
            format!("MessageReceived {:?} ({:?})", m.content.value(), m.criteria)
        }
        EventKind::FlowActionStarted(a) => {
            let params: Vec<String> = a
                .parameters
                .iter()
                .map(|(k, v)| {
                    format!(
                        "{k} = {}",
                        v.as_str()
                            .map_or_else(|| v.to_string(), |s| format!("{s:?}"))
                    )
                })
                .collect();
            format!(
                "FlowActionStarted {} with {}",
                a.action_type.name(),
                params.join(", ")
            )
        }
    };
    match usage {
        Usage::Exactly(n) if n > 1 => format!("{what}, {n} times (seen {seen})"),
        _ => what,
    }
}
