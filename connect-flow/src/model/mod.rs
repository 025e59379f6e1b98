//! The resolved flow model: flows read once into what every command reads.
//!
//! [`crate::flow`] is the raw layer (the flow language as exported). A
//! [`Model`] resolves it once: each [`Block`] with its designer name, its
//! [`Branch`]es resolved to block indices, its function read once into a
//! [`FunctionRef`], the flow a transfer or module invoke goes to when it is
//! one of the given flows, and the derived [`Facts`] (reachability, the
//! Lambda that may have run last at each block). The checker's rules, every
//! output format, the scaffold and the manifest command read the model;
//! none walks the graph again.
//!
//! ```
//! use connect_flow::flow::Flow;
//! use connect_flow::model::{BranchKind, FunctionRef, Last, Model};
//!
//! let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "Get balance", "Actions": [
//!   {"Identifier": "Get balance", "Type": "InvokeLambdaFunction",
//!    "Parameters": {"LambdaFunctionARN": "${LambdaGetBalance.Arn}"},
//!    "Transitions": {"NextAction": "Say", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "Say"}]}},
//!   {"Identifier": "Say", "Type": "MessageParticipant",
//!    "Parameters": {"Text": "$.External.balance"}, "Transitions": {}}
//! ]}"#, "main.json").unwrap();
//! let model = Model::new(vec![flow]);
//! let main = &model.flows[0];
//! let lambda = &main.blocks[0];
//! assert_eq!(lambda.name.to_string(), r#"block "Invoke AWS Lambda function" "Get balance" (${LambdaGetBalance.Arn})"#);
//! assert_eq!(main.function(0).and_then(FunctionRef::name), Some("GetBalance"));
//! assert_eq!(lambda.branches[1].block(), Some(1));
//! assert!(matches!(&lambda.branches[1].kind, BranchKind::Error { error_type, .. } if error_type == "NoMatchingError"));
//! assert!(main.facts().at(1).unwrap().contains(&Last::Ran(0)));
//! ```

mod block;
mod facts;
mod links;

use std::collections::HashMap;

pub use crate::function::FunctionRef;
pub use block::{Block, Branch, BranchKind, Invoke, Target};
pub use facts::{Facts, Last};
pub use links::target_name;

use crate::designer::{type_name, BlockLabel, BlockName};
use crate::flow::{Action, ActionType, Flow, InvocationType};

/// Every flow of one run, resolved, in the order given.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The flows, in the order given.
    pub flows: Vec<FlowModel>,
}

impl Model {
    /// Resolves `flows`: blocks, branches, functions, links between the
    /// flows, and the facts of each. Time and memory are linear in the
    /// flows' size.
    pub fn new(flows: Vec<Flow>) -> Model {
        let mut resolved: Vec<FlowModel> = flows.into_iter().map(FlowModel::new).collect();
        links::link(&mut resolved);
        Model { flows: resolved }
    }

    /// How many flows there are.
    pub fn len(&self) -> usize {
        self.flows.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.flows.is_empty()
    }

    /// The raw flows, in order.
    pub fn raw(&self) -> impl Iterator<Item = &Flow> {
        self.flows.iter().map(|f| &f.flow)
    }
}

/// One flow, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowModel {
    /// The flow as parsed.
    pub flow: Flow,
    /// One block per action, in file order.
    pub blocks: Vec<Block>,
    /// The block `StartAction` names; `None` when no block has that
    /// Identifier.
    pub start: Option<usize>,
    index: HashMap<String, usize>,
    facts: Facts,
}

impl FlowModel {
    fn new(flow: Flow) -> FlowModel {
        let mut index: HashMap<String, usize> = HashMap::with_capacity(flow.actions.len());
        for (i, action) in flow.actions.iter().enumerate() {
            index.entry(action.identifier.clone()).or_insert(i);
        }
        // Without an asynchronous invoke to load, a Lambda block with no
        // LambdaFunctionARN is not "Load Lambda result": its function is
        // missing.
        let loads = flow.actions.iter().any(|action| {
            action
                .lambda_invoke()
                .is_some_and(|i| i.invocation_type() == InvocationType::Asynchronous)
        });
        let blocks: Vec<Block> = flow
            .actions
            .iter()
            .map(|action| resolve_block(action, &index, loads))
            .collect();
        let start = index.get(&flow.start_action).copied();
        let facts = Facts::compute(&blocks, start);
        FlowModel {
            flow,
            blocks,
            start,
            index,
            facts,
        }
    }

    /// The index of the first block with this Identifier.
    pub fn position(&self, identifier: &str) -> Option<usize> {
        self.index.get(identifier).copied()
    }

    /// The raw action of block `index`.
    pub fn action(&self, index: usize) -> Option<&Action> {
        self.flow.actions.get(index)
    }

    /// The derived facts: reachability and the last Lambda at each block.
    pub fn facts(&self) -> &Facts {
        &self.facts
    }

    /// The function block `index` invokes; `None` when it is not a Lambda
    /// block or loads an asynchronous result.
    pub fn function(&self, index: usize) -> Option<&FunctionRef> {
        self.blocks.get(index)?.invoke.as_ref()?.function()
    }

    /// Whether block `index` is the first with its Identifier (a later
    /// duplicate is never a branch's target).
    pub fn is_first_of_identifier(&self, index: usize) -> bool {
        self.flow
            .actions
            .get(index)
            .is_some_and(|a| self.position(&a.identifier) == Some(index))
    }
}

fn resolve_block(action: &Action, index: &HashMap<String, usize>, loads: bool) -> Block {
    let branches = action
        .transitions
        .targets()
        .map(|(edge, target)| {
            let kind = match edge {
                crate::flow::EdgeKind::Next => BranchKind::Next,
                crate::flow::EdgeKind::Condition(i) => BranchKind::Condition {
                    index: i,
                    condition: action.transitions.conditions[i].condition.clone(),
                },
                crate::flow::EdgeKind::Error(i) => BranchKind::Error {
                    index: i,
                    error_type: action.transitions.errors[i].error_type.clone(),
                },
            };
            // Only a dangling branch keeps its Identifier: the index says
            // the rest, and a copy per branch would double the model.
            let target = match index.get(target) {
                Some(&block) => Target::Block(block),
                None => Target::Dangling(target.to_owned()),
            };
            Branch { kind, target }
        })
        .collect();
    let invoke = action.lambda_invoke().map(|invoke| {
        if invoke.is_load_result() && loads {
            Invoke::LoadResult
        } else {
            Invoke::Function {
                function: FunctionRef::of(&action.parameters),
                asynchronous: invoke.invocation_type() == InvocationType::Asynchronous,
            }
        }
    });
    // The name shows the function read above, not a second reading.
    let name = BlockName {
        type_name: type_name(action.action_type.as_str(), &action.parameters).to_owned(),
        label: BlockLabel::of(&action.identifier),
        function: invoke
            .as_ref()
            .and_then(Invoke::function)
            .and_then(FunctionRef::label)
            .map(str::to_owned),
    };
    Block {
        name,
        branches,
        invoke,
        link: None,
    }
}

/// For a block that goes to another flow: the parameter naming the flow,
/// and its value when it is a string; `None` for any other block.
fn flow_target(action: &Action) -> Option<(&'static str, Option<&str>)> {
    let key = match &action.action_type {
        ActionType::TransferToFlow => "ContactFlowId",
        ActionType::Other(name) if name == "InvokeFlowModule" => "FlowModuleId",
        _ => return None,
    };
    Some((key, action.parameters.get(key).and_then(|v| v.as_str())))
}
