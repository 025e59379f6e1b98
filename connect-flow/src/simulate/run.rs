//! The run loop: from the first flow's start block, one block after
//! another, following the branch each takes, into modules and other flows,
//! until the contact leaves (or the run cannot go on without guessing).

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

use super::contact::{Caller, Contact, Environment, Input};
use super::resolve::{references, whole_reference, Resolved, Scope};
use super::trace::{Assumption, Ending, LambdaCall, Outcome, Prompt, Step, Trace};
use super::Simulator;
use crate::flow::Action;
use crate::model::{Block, BranchKind, Target};

/// The contact id every simulated contact has (`$.ContactId`).
pub const CONTACT_ID: &str = "00000000-0000-4000-8000-000000000000";

/// Which transition a block takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Branch {
    /// `Transitions.NextAction`: the success path.
    Next,
    /// `Transitions.Conditions[i]`.
    Condition(usize),
    /// The `Transitions.Errors` entry of this `ErrorType`.
    Error(&'static str),
}

/// What a block does with the contact.
#[derive(Debug)]
pub(crate) enum Go {
    /// Follows one of its transitions.
    Branch(Branch),
    /// Enters a given flow: a module (which returns here) or a transfer.
    Enter { flow: usize, module: bool },
    /// Returns from a module to the block after its "Invoke module".
    Return,
    /// The run ends.
    End(Outcome),
}

/// A module's caller, to return to.
struct Frame {
    flow: usize,
    /// The "Invoke module" block, whose success branch the contact takes
    /// when the module returns.
    block: usize,
    flow_attributes: BTreeMap<String, String>,
}

/// One contact's state while it runs.
pub(crate) struct Run<'s> {
    pub(crate) sim: &'s Simulator,
    pub(crate) contact: &'s Contact,
    pub(crate) env: &'s Environment,
    inputs: &'s [Input],
    next_input: usize,
    next_draw: usize,
    pub(crate) attributes: BTreeMap<String, String>,
    pub(crate) external: Map<String, Value>,
    pub(crate) flow_attributes: BTreeMap<String, String>,
    pub(crate) stored_input: Option<String>,
    pub(crate) lex_intent: Option<String>,
    pub(crate) queue: Option<String>,
    /// Loop counters, per (flow, block position).
    pub(crate) loops: HashMap<(usize, usize), u32>,
    frames: Vec<Frame>,
    pub(crate) flow: usize,
    /// The block running, by position in its flow.
    pub(crate) block: usize,
    steps: Vec<Step>,
    prompts: Vec<Prompt>,
    lambda_calls: Vec<LambdaCall>,
    assumptions: Vec<Assumption>,
}

impl<'s> Run<'s> {
    pub(crate) fn new(
        sim: &'s Simulator,
        contact: &'s Contact,
        caller: &'s Caller,
        env: &'s Environment,
    ) -> Run<'s> {
        Run {
            sim,
            contact,
            env,
            inputs: &caller.inputs,
            next_input: 0,
            next_draw: 0,
            attributes: contact.attributes.clone(),
            external: Map::new(),
            flow_attributes: BTreeMap::new(),
            stored_input: None,
            lex_intent: None,
            queue: None,
            loops: HashMap::new(),
            frames: Vec::new(),
            flow: sim.entry,
            block: 0,
            steps: Vec::new(),
            prompts: Vec::new(),
            lambda_calls: Vec::new(),
            assumptions: Vec::new(),
        }
    }

    /// Runs the contact to its end.
    pub(crate) fn run(mut self) -> Trace {
        let ending = self.walk();
        Trace {
            steps: self.steps,
            prompts: self.prompts,
            lambda_calls: self.lambda_calls,
            attributes: self.attributes,
            ending,
            assumptions: self.assumptions,
        }
    }

    fn walk(&mut self) -> Ending {
        let sim = self.sim;
        let Some(first) = sim.model.flows.get(self.flow) else {
            return Ending {
                outcome: Outcome::NotSimulated {
                    reason: "no flow was given".into(),
                },
                block: None,
            };
        };
        let mut at = match first.start {
            Some(start) => start,
            None => return self.no_block(&first.flow.start_action),
        };
        loop {
            if self.steps.len() >= sim.max_steps {
                return Ending {
                    outcome: Outcome::LoopLimit {
                        steps: sim.max_steps,
                    },
                    block: self.steps.last().map(|s| s.name.clone()),
                };
            }
            let flow = &sim.model.flows[self.flow];
            let (Some(block), Some(action)) = (flow.blocks.get(at), flow.action(at)) else {
                return self.no_block(&at.to_string());
            };
            self.block = at;
            let shown = &sim.shown[self.flow];
            let name = shown.block(at).to_owned();
            self.steps.push(Step {
                flow: shown.flow.clone(),
                block: action.identifier.clone(),
                action_type: action.action_type.as_str().to_owned(),
                name: name.clone(),
                branch: None,
                detail: None,
            });
            let go = self.execute(action);
            let ended = |outcome| Ending {
                outcome,
                block: Some(name.clone()),
            };
            let next = match go {
                Go::End(outcome) => return ended(outcome),
                Go::Branch(branch) => {
                    let (label, target) = self.transition(action, block, &branch);
                    self.set_branch(label.clone());
                    match target {
                        Some(target) => target,
                        None => return ended(Outcome::NoTransition { branch: label }),
                    }
                }
                Go::Enter {
                    flow: index,
                    module,
                } => {
                    let entered = &sim.model.flows[index];
                    let to = sim.shown[index].flow.clone();
                    if module {
                        self.frames.push(Frame {
                            flow: self.flow,
                            block: at,
                            flow_attributes: std::mem::take(&mut self.flow_attributes),
                        });
                        self.set_branch(format!("into module {to}"));
                    } else {
                        // Flow attributes are not carried to the next flow
                        // (admin guide); $.External is, as rules-engine
                        // flows rely on [UNCONFIRMED].
                        self.flow_attributes.clear();
                        self.frames.clear();
                        self.assume(
                            "[UNCONFIRMED] $.External keeps the last Lambda's response \
                             across a transfer to another flow",
                        );
                        self.set_branch(format!("into flow {to}"));
                    }
                    self.flow = index;
                    match entered.start {
                        Some(start) => {
                            at = start;
                            continue;
                        }
                        None => return self.no_block(&entered.flow.start_action),
                    }
                }
                Go::Return => match self.frames.pop() {
                    None => return ended(Outcome::Ended),
                    Some(frame) => {
                        self.flow = frame.flow;
                        self.flow_attributes = frame.flow_attributes;
                        self.set_branch("back from the module".into());
                        let caller = sim.model.flows[frame.flow].blocks.get(frame.block);
                        match caller
                            .and_then(|b| b.branches.iter().find(|b| b.kind == BranchKind::Next))
                        {
                            Some(branch) => &branch.target,
                            None => {
                                return ended(Outcome::NoTransition {
                                    branch: "Success of the module's Invoke module block".into(),
                                })
                            }
                        }
                    }
                },
            };
            at = match next {
                Target::Block(next) => *next,
                Target::Dangling(identifier) => return self.no_block(identifier),
            };
        }
    }

    /// The run ends at a transition to a block its flow does not have.
    fn no_block(&self, identifier: &str) -> Ending {
        Ending {
            outcome: Outcome::NoTransition {
                branch: format!(
                    "a transition to {identifier:?}, which {} does not have",
                    self.sim.shown[self.flow].flow
                ),
            },
            block: self.steps.last().map(|s| s.name.clone()),
        }
    }

    /// The label and target of `branch` on `action` (whose resolved block is
    /// `block`). A missing specific error branch falls back to
    /// `NoMatchingError`, the documented catch-all [UNCONFIRMED when used].
    fn transition<'a>(
        &mut self,
        action: &Action,
        block: &'a Block,
        branch: &Branch,
    ) -> (String, Option<&'a Target>) {
        match branch {
            Branch::Next => ("Success".into(), target(block, |k| *k == BranchKind::Next)),
            Branch::Condition(i) => {
                let c = action.transitions.conditions.get(*i);
                (
                    format!(
                        "Condition {}: {}",
                        i + 1,
                        crate::condition::describe(c.and_then(|c| c.condition.as_ref()))
                    ),
                    target(
                        block,
                        |k| matches!(k, BranchKind::Condition { index, .. } if index == i),
                    ),
                )
            }
            Branch::Error(kind) => {
                // An error the block lists, even without a target, is its
                // own: the catch-all is taken only for one it does not list.
                let error = |wanted: &str| {
                    let has = action
                        .transitions
                        .errors
                        .iter()
                        .any(|e| e.error_type == wanted);
                    has.then(|| {
                        target(block, |k| {
                            matches!(k, BranchKind::Error { error_type, .. } if error_type == wanted)
                        })
                    })
                };
                if let Some(target) = error(kind) {
                    return ((*kind).into(), target);
                }
                if let Some(target) = error("NoMatchingError") {
                    self.assume(&format!(
                        "[UNCONFIRMED] the block has no {kind} branch: NoMatchingError, the \
                         catch-all, is taken"
                    ));
                    return (format!("NoMatchingError (for {kind})"), target);
                }
                ((*kind).into(), None)
            }
        }
    }

    fn set_branch(&mut self, label: String) {
        if let Some(step) = self.steps.last_mut() {
            step.branch = Some(label);
        }
    }

    /// Says what the current block saw or did.
    pub(crate) fn detail(&mut self, text: String) {
        if let Some(step) = self.steps.last_mut() {
            match &mut step.detail {
                Some(detail) => {
                    detail.push_str("; ");
                    detail.push_str(&text);
                }
                None => step.detail = Some(text),
            }
        }
    }

    /// States an `[UNCONFIRMED]` choice, once per run.
    pub(crate) fn assume(&mut self, text: &str) {
        if self.assumptions.iter().any(|a| a.text == text) {
            return;
        }
        let block = self
            .steps
            .last()
            .map(|s| s.name.clone())
            .unwrap_or_default();
        self.assumptions.push(Assumption {
            block,
            text: text.to_owned(),
        });
    }

    pub(crate) fn prompt(&mut self, text: String) {
        let step = self.steps.len().saturating_sub(1);
        self.prompts.push(Prompt { step, text });
    }

    pub(crate) fn lambda_call(
        &mut self,
        function: String,
        arn: String,
        parameters: Map<String, Value>,
        result: Result<Value, String>,
    ) {
        let step = self.steps.len().saturating_sub(1);
        self.lambda_calls.push(LambdaCall {
            step,
            function,
            arn,
            parameters,
            result,
        });
    }

    /// The caller's next input; silence once the script runs out.
    pub(crate) fn next_input(&mut self) -> Input {
        let input = self.inputs.get(self.next_input).cloned();
        self.next_input += 1;
        input.unwrap_or(Input::Silence)
    }

    /// How many modules deep the contact is.
    pub(crate) fn module_depth(&self) -> usize {
        self.frames.len()
    }

    /// The next percentage draw, if the test gave one.
    pub(crate) fn next_draw(&mut self) -> Option<u32> {
        let draw = self.env.percentages.get(self.next_draw).copied();
        self.next_draw += 1;
        draw
    }

    fn scope(&self) -> Scope<'_> {
        Scope {
            contact: self.contact,
            contact_id: CONTACT_ID,
            attributes: &self.attributes,
            external: &self.external,
            flow_attributes: &self.flow_attributes,
            stored_input: self.stored_input.as_deref(),
            lex_intent: self.lex_intent.as_deref(),
            queue: self.queue.as_deref(),
        }
    }

    /// `text` with every reference replaced by its value. An unset
    /// reference reads as empty `[UNCONFIRMED]`, stated in the trace.
    pub(crate) fn fill(&mut self, text: &str) -> String {
        let found = references(text);
        if found.is_empty() {
            return text.to_owned();
        }
        let mut out = String::with_capacity(text.len());
        let mut notes = Vec::new();
        let mut at = 0;
        {
            let scope = self.scope();
            for reference in &found {
                out.push_str(&text[at..reference.start]);
                let written = &text[reference.start..reference.end];
                match scope.resolve(text, reference) {
                    Resolved::Text(value) => out.push_str(&value),
                    Resolved::Json(value) => {
                        notes.push(format!(
                            "[UNCONFIRMED] {written} is not a string and is written as its JSON text"
                        ));
                        out.push_str(&value);
                    }
                    Resolved::Unset => notes.push(format!(
                        "[UNCONFIRMED] {written} is not set here and reads as empty"
                    )),
                    Resolved::NotSimulated => notes.push(format!(
                        "{written} is not simulated and reads as empty: give its value \
                         (Contact::data, or --data {written}=VALUE)"
                    )),
                }
                at = reference.end;
            }
        }
        out.push_str(&text[at..]);
        for note in notes {
            self.assume(&note);
        }
        out
    }

    /// A field that takes "a single JSONPath identifier" or a static value.
    pub(crate) fn field(&mut self, text: &str) -> String {
        if whole_reference(text).is_some() {
            self.fill(text.trim())
        } else {
            text.to_owned()
        }
    }
}

/// Where the first branch of `block` that is `wanted` goes; `None` when the
/// block has no such branch with a target.
fn target(block: &Block, wanted: impl Fn(&BranchKind) -> bool) -> Option<&Target> {
    block
        .branches
        .iter()
        .find(|b| wanted(&b.kind))
        .map(|b| &b.target)
}
