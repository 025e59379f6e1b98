//! Runs one contact through flows offline: the flow language's semantics
//! (`flow-semantics.md`), the test's contact, caller and environment, and
//! Lambdas from Rust functions, commands or checked mocks.
//!
//! A [`Simulator`] holds the flows (the first is where the contact enters;
//! the others are the flows and modules it may transfer to or invoke) and a
//! Lambda per function. [`Simulator::run`] runs one contact and returns its
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

use std::path::Path;

use serde_json::Value;

pub use contact::{Caller, Channel, Contact, Environment, Hours, Input};
pub use lambda::{
    accept_response, check_mock, CommandLambda, JsonLambda, Lambda, Mock, MockError, RESPONSE_LIMIT,
};
pub use run::CONTACT_ID;
pub use trace::{Assumption, Ending, LambdaCall, Outcome, Prompt, Step, Trace};

use crate::flow::Flow;
use crate::matching::Manifests;
use model::IndexedFlow;

/// The blocks a run goes through at most, unless set otherwise: well past
/// any real contact's path, so reaching it means a loop.
pub const DEFAULT_MAX_STEPS: usize = 1_000;

/// Flows and the Lambdas they call, ready to run contacts through.
pub struct Simulator {
    flows: Vec<IndexedFlow>,
    /// Extra ids a flow is known by, per flow (`flow_id`).
    ids: Vec<Vec<String>>,
    lambdas: Vec<(String, Box<dyn Lambda>)>,
    max_steps: usize,
}

impl std::fmt::Debug for Simulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Simulator")
            .field("flows", &self.flows.len())
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
    /// the flows and modules it may go to, found by the id a block names
    /// (see [`Simulator::flow_id`]).
    pub fn new(flows: impl IntoIterator<Item = Flow>) -> Simulator {
        let flows: Vec<IndexedFlow> = flows.into_iter().map(IndexedFlow::new).collect();
        let ids = vec![Vec::new(); flows.len()];
        Simulator {
            flows,
            ids,
            lambdas: Vec::new(),
            max_steps: DEFAULT_MAX_STEPS,
        }
    }

    /// Says that the `index`th flow is the one a "Transfer to flow" or
    /// "Invoke module" block names by `id` (an ARN, a bare id, or a
    /// placeholder). Without it, a block's id is matched against each
    /// flow's file name (without `.json`) and its `Metadata.name`, whole or
    /// its last `/` segment.
    pub fn flow_id(&mut self, index: usize, id: impl Into<String>) -> &mut Simulator {
        if let Some(ids) = self.ids.get_mut(index) {
            ids.push(id.into());
        }
        self
    }

    /// The Lambda for `function`: a function name (matched as the checker
    /// matches manifests: ignoring case, `-` and `_`, or by a placeholder
    /// that names it) or an exact `LambdaFunctionARN` string. A later one
    /// for the same name wins.
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

    /// Runs one contact: `contact` enters the first flow; `caller` answers
    /// the blocks that wait for input; `env` says what Connect would find.
    pub fn run(&self, contact: &Contact, caller: &Caller, env: &Environment) -> Trace {
        run::Run::new(self, contact, caller, env).run()
    }

    /// The flow a block names by `id`.
    fn find_flow(&self, id: &str) -> Option<usize> {
        let id = id.trim();
        let last = id.rsplit('/').next().unwrap_or(id);
        let matches = |name: &str| !name.is_empty() && (name == id || name == last);
        if let Some(i) = self.ids.iter().position(|ids| ids.iter().any(|n| n == id)) {
            return Some(i);
        }
        self.flows.iter().position(|f| {
            let stem = Path::new(&f.flow.path)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            let name = f
                .flow
                .metadata
                .as_ref()
                .and_then(|m| m.get("name"))
                .and_then(Value::as_str)
                .unwrap_or_default();
            matches(stem) || matches(name)
        })
    }
}
