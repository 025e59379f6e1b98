//! One block of a resolved flow: its designer name, its branches resolved to
//! block indices, the function it invokes and the flow it goes to.

use serde_json::Value;

use crate::designer::BlockName;
use crate::flow::EdgeKind;
use crate::function::FunctionRef;

/// A block of a [`super::FlowModel`], in file order (its index is the
/// action's index in [`crate::flow::Flow::actions`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The block as the flow designer names it (type, label, function).
    pub name: BlockName,
    /// Every branch with a target, in file order: next, then each
    /// condition, then each error.
    pub branches: Vec<Branch>,
    /// What an "Invoke AWS Lambda function" block does; `None` for any
    /// other block.
    pub invoke: Option<Invoke>,
    /// For a `TransferToFlow` or `InvokeFlowModule` block naming one of the
    /// flows of the model: that flow's index in [`super::Model::flows`].
    pub link: Option<usize>,
}

/// What an "Invoke AWS Lambda function" block does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invoke {
    /// It invokes a function.
    Function {
        /// The function, read once from `LambdaFunctionARN`.
        function: FunctionRef,
        /// Whether it runs asynchronously (its result is loaded later).
        asynchronous: bool,
    },
    /// "Load Lambda result": it names no function and loads the result of
    /// an earlier asynchronous invoke of the flow.
    LoadResult,
}

impl Invoke {
    /// The function it invokes; `None` for "Load Lambda result".
    pub fn function(&self) -> Option<&FunctionRef> {
        match self {
            Invoke::Function { function, .. } => Some(function),
            Invoke::LoadResult => None,
        }
    }
}

/// An outgoing branch of a block.
#[derive(Debug, Clone, PartialEq)]
pub struct Branch {
    /// Which branch it is.
    pub kind: BranchKind,
    /// Where it goes.
    pub target: Target,
}

/// Where a branch goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The block with the Identifier it names (the first, when several
    /// share it), by index.
    Block(usize),
    /// An Identifier no block has (`dangling-transition`), as written.
    Dangling(String),
}

impl Branch {
    /// The block it goes to; `None` when it dangles.
    pub fn block(&self) -> Option<usize> {
        match self.target {
            Target::Block(index) => Some(index),
            Target::Dangling(_) => None,
        }
    }
}

/// Which branch of a block a [`Branch`] is.
#[derive(Debug, Clone, PartialEq)]
pub enum BranchKind {
    /// `Transitions.NextAction`.
    Next,
    /// `Transitions.Conditions[index]`, taken when its condition holds.
    Condition {
        /// Its position among the conditions.
        index: usize,
        /// The condition as exported (`{"Operator": "Equals", "Operands": [...]}`).
        condition: Option<Value>,
    },
    /// `Transitions.Errors[index]`, taken on that error.
    Error {
        /// Its position among the errors.
        index: usize,
        /// The error: `NoMatchingError`, `NoMatchingCondition`, ...
        error_type: String,
    },
}

impl BranchKind {
    /// The raw layer's edge kind (for field paths in findings).
    pub fn edge(&self) -> EdgeKind {
        match self {
            BranchKind::Next => EdgeKind::Next,
            BranchKind::Condition { index, .. } => EdgeKind::Condition(*index),
            BranchKind::Error { index, .. } => EdgeKind::Error(*index),
        }
    }

    /// Whether it is an error branch: on a Lambda block, the function
    /// failed.
    pub fn is_error(&self) -> bool {
        matches!(self, BranchKind::Error { .. })
    }
}
