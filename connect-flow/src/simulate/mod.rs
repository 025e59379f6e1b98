//! Runs one contact through flows offline: the flow language's semantics
//! (`flow-semantics.md`), the test's contact, caller and environment, and
//! Lambdas from Rust functions, commands or checked mocks.
//!
//! A [`Simulator`] reads the resolved [`crate::model::Model`] of the flows
//! (the first is where the contact enters; the others are the flows and
//! modules it may transfer to or invoke, as [`crate::model::Block::link`]
//! links them) and holds a Lambda per function, paired with the blocks by
//! [`crate::model::FunctionRef::registered_as`]. [`Simulator::run`] runs one contact and returns its
//! [`Trace`]: each block with the branch it took, the prompts, the Lambda
//! calls, the attributes at the end, the [`Outcome`], and every
//! `[UNCONFIRMED]` choice the run rested on. A block the simulator has no
//! semantics for, or one that needs something the test did not say (the
//! hours, a Lex intent, a Lambda), ends the run as
//! [`Outcome::NotSimulated`], naming the block.
//!
//! ```
//! use connect_flow::simulate::{Caller, Contact, Environment, JsonLambda, Outcome, Simulator};
//! use connect_flow::Flow;
//! use serde_json::json;
//!
//! let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "Balance", "Actions": [
//!   {"Identifier": "Balance", "Type": "InvokeLambdaFunction",
//!    "Parameters": {"LambdaFunctionARN": "arn:aws:lambda:us-east-1:123456789012:function:GetBalance",
//!                   "InvocationTimeLimitSeconds": "8"},
//!    "Transitions": {"NextAction": "Say", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "Sorry"}]}},
//!   {"Identifier": "Say", "Type": "MessageParticipant",
//!    "Parameters": {"Text": "Your balance is $.External.balance."}, "Transitions": {"NextAction": "Bye"}},
//!   {"Identifier": "Sorry", "Type": "MessageParticipant",
//!    "Parameters": {"Text": "Sorry."}, "Transitions": {"NextAction": "Bye"}},
//!   {"Identifier": "Bye", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}
//! ]}"#, "main.json").unwrap();
//!
//! let mut simulator = Simulator::new([flow]);
//! simulator.lambda("GetBalance", JsonLambda(|_event: &serde_json::Value| Ok(json!({"balance": "12.50"}))));
//! let trace = simulator.run(&Contact::voice("+15550100"), &Caller::new(), &Environment::new());
//! assert_eq!(trace.prompt_texts(), ["Your balance is 12.50."]);
//! assert_eq!(trace.outcome(), &Outcome::Disconnected);
//! assert_eq!(trace.branches(), ["Success", "Success", ""]);
//! ```

mod blocks;
mod contact;
mod lambda;
mod model;
mod resolve;
mod run;
mod trace;

use std::sync::Arc;

use serde_json::Value;

pub use contact::{Caller, Channel, Contact, Environment, Hours, Input};
pub use lambda::{
    accept_response, check_mock, CommandLambda, JsonLambda, Lambda, Mock, MockError, RESPONSE_LIMIT,
};
pub use run::CONTACT_ID;
pub use trace::{Assumption, Ending, LambdaCall, Outcome, Prompt, Step, Trace};

use crate::flow::Flow;
use crate::matching::Manifests;
use crate::model::Model;
use model::Shown;

/// The blocks a run goes through at most, unless set otherwise: well past
/// any real contact's path, so reaching it means a loop.
pub const DEFAULT_MAX_STEPS: usize = 1_000;

/// Flows and the Lambdas they call, ready to run contacts through.
pub struct Simulator {
    /// The flows, resolved: blocks, branches, functions, and the flow each
    /// transfer or module invoke goes to.
    model: Arc<Model>,
    shown: Vec<Shown>,
    /// The flow the contact enters.
    entry: usize,
    lambdas: Vec<(String, Box<dyn Lambda>)>,
    max_steps: usize,
}

impl std::fmt::Debug for Simulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Simulator")
            .field("flows", &self.model.len())
            .field("entry", &self.entry)
            .field(
                "lambdas",
                &self.lambdas.iter().map(|(k, _)| k).collect::<Vec<_>>(),
            )
            .field("max_steps", &self.max_steps)
            .finish()
    }
}

impl Simulator {
    /// A simulator for `flows`: the contact enters the first; the others are
    /// the flows and modules it may go to, as the resolved model links them
    /// (see [`crate::model::Block::link`]).
    pub fn new(flows: impl IntoIterator<Item = Flow>) -> Simulator {
        Simulator::of(Model::new(flows.into_iter().collect()))
    }

    /// A simulator reading an already resolved `model` (shared, so that
    /// many simulators, one per test case, resolve the flows once).
    pub fn of(model: impl Into<Arc<Model>>) -> Simulator {
        let model = model.into();
        Simulator {
            shown: Shown::of(&model),
            model,
            entry: 0,
            lambdas: Vec::new(),
            max_steps: DEFAULT_MAX_STEPS,
        }
    }

    /// Makes the contact enter the `index`th flow instead of the first (an
    /// index past the flows is ignored).
    pub fn entry(&mut self, index: usize) -> &mut Simulator {
        if index < self.model.len() {
            self.entry = index;
        }
        self
    }

    /// The resolved flows.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The Lambda for `function`: a function name or ARN (matched as the
    /// checker matches manifests, by [`crate::model::FunctionRef::pairs_with`]:
    /// ignoring case, `-` and `_`, or by a placeholder that names it) or an
    /// exact `LambdaFunctionARN` string. A later one for the same name wins.
    pub fn lambda(
        &mut self,
        function: impl Into<String>,
        source: impl Lambda + 'static,
    ) -> &mut Simulator {
        self.lambdas.insert(0, (function.into(), Box::new(source)));
        self
    }

    /// A command as the Lambda for `function` (see [`CommandLambda`]).
    pub fn command(
        &mut self,
        function: impl Into<String>,
        command: impl Into<String>,
    ) -> &mut Simulator {
        self.lambda(function, CommandLambda::new(command))
    }

    /// A fixed response as the Lambda for `function`, checked first against
    /// the manifest in `manifests` that names the function (if any).
    ///
    /// # Errors
    /// [`MockError`] when the mock says what the Lambda never does.
    pub fn mock(
        &mut self,
        function: impl Into<String>,
        response: &Value,
        manifests: &Manifests,
    ) -> Result<&mut Simulator, MockError> {
        let function = function.into();
        check_mock(&function, response, manifests)?;
        Ok(self.lambda(function, Mock::new(response)))
    }

    /// Sets the most blocks one run goes through.
    pub fn max_steps(&mut self, steps: usize) -> &mut Simulator {
        self.max_steps = steps;
        self
    }

    /// Runs one contact: `contact` enters the entry flow (the first, unless
    /// [`Simulator::entry`] says otherwise); `caller` answers
    /// the blocks that wait for input; `env` says what Connect would find.
    pub fn run(&self, contact: &Contact, caller: &Caller, env: &Environment) -> Trace {
        run::Run::new(self, contact, caller, env).run()
    }
}
