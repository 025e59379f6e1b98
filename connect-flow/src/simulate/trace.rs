//! What a simulated run did: each block with the branch it took, the prompts
//! played, each Lambda call, the attributes at the end, the outcome, and
//! every `[UNCONFIRMED]` assumption the run rested on. A trace is the test's
//! own data, so it shows values.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use serde_json::{json, Map, Value};

/// One block the contact went through.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The flow's file, as given.
    pub flow: String,
    /// The block's Identifier.
    pub block: String,
    /// The flow language type (`Compare`).
    pub action_type: String,
    /// The designer's name: type and label (`"Check contact attributes" 50256719`).
    pub name: String,
    /// The branch taken (`Success`, `NoMatchingError`, `Condition 1: Equals "greet"`);
    /// `None` when the run ended at this block.
    pub branch: Option<String>,
    /// What the block saw or did, for the story (`compared "greet"`).
    pub detail: Option<String>,
}

/// A prompt played (or a message sent).
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    /// The index of its step in [`Trace::steps`].
    pub step: usize,
    /// The text with its references filled in; a prompt id or audio URI as
    /// written.
    pub text: String,
}

/// One Lambda invocation.
#[derive(Debug, Clone, PartialEq)]
pub struct LambdaCall {
    /// The index of its step in [`Trace::steps`].
    pub step: usize,
    /// The function, as the block names it.
    pub function: String,
    /// The `LambdaFunctionARN` as the block has it (a placeholder as
    /// written, a reference resolved): what a Connect test case observes.
    pub arn: String,
    /// The parameters sent (`Details.Parameters`).
    pub parameters: Map<String, Value>,
    /// The response `$.External` became, or why the block took its Error
    /// branch.
    pub result: Result<Value, String>,
}

/// How the run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome {
    /// Placed in a queue ("Transfer to queue").
    Queue {
        /// The queue's id or ARN as the flow set it.
        queue: String,
    },
    /// Transferred to a phone number.
    Number {
        /// The number.
        number: String,
    },
    /// The flow disconnected the contact.
    Disconnected,
    /// The caller hung up while a block waited for them.
    HungUp,
    /// The flow ended without disconnecting (`EndFlowExecution`).
    Ended,
    /// Transferred to a flow, or invoked a module, that the run was not given.
    FlowNotGiven {
        /// The flow or module id as the block names it.
        flow: String,
    },
    /// A block the simulator does not simulate, or cannot without the test
    /// saying more.
    NotSimulated {
        /// Why, and what to give.
        reason: String,
    },
    /// The run reached its step limit, in a loop.
    LoopLimit {
        /// The limit.
        steps: usize,
    },
    /// The block has no transition for the branch it took (or names a block
    /// the flow lacks).
    NoTransition {
        /// The branch.
        branch: String,
    },
}

/// An outcome with the block it happened at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ending {
    /// What happened.
    pub outcome: Outcome,
    /// The designer's name of the block, when the run ended at one.
    pub block: Option<String>,
}

/// An `[UNCONFIRMED]` choice the run rested on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assumption {
    /// The block where it was first made.
    pub block: String,
    /// The choice, starting ``[UNCONFIRMED]``.
    pub text: String,
}

/// The whole run.
#[derive(Debug, Clone, PartialEq)]
pub struct Trace {
    /// Each block, in order.
    pub steps: Vec<Step>,
    /// Each prompt, in order.
    pub prompts: Vec<Prompt>,
    /// Each Lambda call, in order.
    pub lambda_calls: Vec<LambdaCall>,
    /// The contact attributes at the end.
    pub attributes: BTreeMap<String, String>,
    /// How it ended.
    pub ending: Ending,
    /// The `[UNCONFIRMED]` choices, each once.
    pub assumptions: Vec<Assumption>,
}

impl Trace {
    /// How the run ended.
    pub fn outcome(&self) -> &Outcome {
        &self.ending.outcome
    }

    /// The prompts' texts, in order.
    pub fn prompt_texts(&self) -> Vec<&str> {
        self.prompts.iter().map(|p| p.text.as_str()).collect()
    }

    /// The branch each step took, in order (`""` for the last block).
    pub fn branches(&self) -> Vec<&str> {
        self.steps
            .iter()
            .map(|s| s.branch.as_deref().unwrap_or(""))
            .collect()
    }

    /// The calls to `function`.
    pub fn calls_to<'t>(&'t self, function: &'t str) -> impl Iterator<Item = &'t LambdaCall> + 't {
        self.lambda_calls
            .iter()
            .filter(move |c| c.function == function)
    }

    /// The trace as JSON: `steps`, `prompts`, `lambdaCalls`, `attributes`,
    /// `outcome`, `assumptions`.
    pub fn to_json(&self) -> Value {
        let steps: Vec<Value> = self
            .steps
            .iter()
            .map(|s| {
                json!({"flow": s.flow, "block": s.block, "type": s.action_type, "name": s.name,
                       "branch": s.branch, "detail": s.detail})
            })
            .collect();
        let prompts: Vec<Value> = self
            .prompts
            .iter()
            .map(|p| json!({"block": self.steps.get(p.step).map(|s| &s.block), "text": p.text}))
            .collect();
        let calls: Vec<Value> = self
            .lambda_calls
            .iter()
            .map(|c| {
                let mut call = json!({"block": self.steps.get(c.step).map(|s| &s.block),
                                      "function": c.function, "arn": c.arn,
                                      "parameters": c.parameters});
                match &c.result {
                    Ok(response) => call["response"] = response.clone(),
                    Err(error) => call["error"] = json!(error),
                }
                call
            })
            .collect();
        let assumptions: Vec<Value> = self
            .assumptions
            .iter()
            .map(|a| json!({"block": a.block, "text": a.text}))
            .collect();
        json!({
            "steps": steps,
            "prompts": prompts,
            "lambdaCalls": calls,
            "attributes": self.attributes,
            "outcome": self.ending.to_json(),
            "assumptions": assumptions,
        })
    }

    /// The trace as a story a flow author follows, control characters in
    /// flow text escaped.
    pub fn human(&self) -> String {
        let mut out = String::new();
        for (i, step) in self.steps.iter().enumerate() {
            let _ = writeln!(out, "{:>3}. {}", i + 1, clean(&step.name));
            // A block plays its prompt before it hears the caller.
            for prompt in self.prompts.iter().filter(|p| p.step == i) {
                let _ = writeln!(out, "       plays \"{}\"", clean(&prompt.text));
            }
            if let Some(detail) = &step.detail {
                let _ = writeln!(out, "       {}", clean(detail));
            }
            for call in self.lambda_calls.iter().filter(|c| c.step == i) {
                let _ = writeln!(
                    out,
                    "       calls {} with {}",
                    clean(&call.function),
                    clean(&Value::Object(call.parameters.clone()).to_string())
                );
                match &call.result {
                    Ok(response) => {
                        let _ = writeln!(out, "       answer {}", clean(&response.to_string()));
                    }
                    Err(error) => {
                        let _ = writeln!(out, "       fails: {}", clean(error));
                    }
                }
            }
            if let Some(branch) = &step.branch {
                let _ = writeln!(out, "       -> {}", clean(branch));
            }
        }
        let _ = writeln!(out, "Outcome: {}", clean(&self.ending.to_string()));
        if self.attributes.is_empty() {
            let _ = writeln!(out, "Attributes at the end: none");
        } else {
            let _ = writeln!(out, "Attributes at the end:");
            for (key, value) in &self.attributes {
                let _ = writeln!(out, "  {} = \"{}\"", clean(key), clean(value));
            }
        }
        for assumption in &self.assumptions {
            let _ = writeln!(
                out,
                "Assumed at {}: {}",
                clean(&assumption.block),
                clean(&assumption.text)
            );
        }
        out
    }
}

/// Flow text made safe for a terminal: control characters escaped.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

impl Outcome {
    /// The JSON `kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            Outcome::Queue { .. } => "queue",
            Outcome::Number { .. } => "number",
            Outcome::Disconnected => "disconnected",
            Outcome::HungUp => "hungUp",
            Outcome::Ended => "ended",
            Outcome::FlowNotGiven { .. } => "flowNotGiven",
            Outcome::NotSimulated { .. } => "notSimulated",
            Outcome::LoopLimit { .. } => "loopLimit",
            Outcome::NoTransition { .. } => "noTransition",
        }
    }
}

impl Ending {
    fn to_json(&self) -> Value {
        let mut value = json!({"kind": self.outcome.kind()});
        match &self.outcome {
            Outcome::Queue { queue } => value["queue"] = json!(queue),
            Outcome::Number { number } => value["number"] = json!(number),
            Outcome::FlowNotGiven { flow } => value["flow"] = json!(flow),
            Outcome::NotSimulated { reason } => value["reason"] = json!(reason),
            Outcome::LoopLimit { steps } => value["steps"] = json!(steps),
            Outcome::NoTransition { branch } => value["branch"] = json!(branch),
            Outcome::Disconnected | Outcome::HungUp | Outcome::Ended => {}
        }
        if let Some(block) = &self.block {
            value["block"] = json!(block);
        }
        value
    }
}

impl fmt::Display for Ending {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.outcome {
            Outcome::Queue { queue } => write!(f, "transferred to queue {queue}")?,
            Outcome::Number { number } => write!(f, "transferred to {number}")?,
            Outcome::Disconnected => f.write_str("disconnected")?,
            Outcome::HungUp => f.write_str("the caller hung up")?,
            Outcome::Ended => f.write_str("the flow ended")?,
            Outcome::FlowNotGiven { flow } => write!(
                f,
                "transferred to flow {flow}, which was not given (pass its file too)"
            )?,
            Outcome::NotSimulated { reason } => write!(f, "not simulated: {reason}")?,
            Outcome::LoopLimit { steps } => {
                write!(f, "stopped after {steps} blocks: the contact is looping")?
            }
            Outcome::NoTransition { branch } => {
                write!(f, "the block has nowhere to go on {branch}")?
            }
        }
        if let Some(block) = &self.block {
            write!(f, " at {block}")?;
        }
        Ok(())
    }
}
