//! The one place the simulator reads the flow model: finding a block by its
//! Identifier, and deciding which function a Lambda block names.
//!
//! Everything else in the simulator goes through these two questions, so
//! moving it onto another model of the flow (resolved branch indices, a
//! function reference decided once) changes this file, not the semantics.

use std::collections::HashMap;

use crate::designer::BlockName;
use crate::flow::{Action, Flow};
use crate::matching::{function_name, same_function};
use crate::placeholder::Placeholder;

/// A flow with its blocks indexed by Identifier.
#[derive(Debug, Clone)]
pub(crate) struct IndexedFlow {
    pub(crate) flow: Flow,
    /// The flow's file, as the trace names it.
    pub(crate) display: String,
    by_identifier: HashMap<String, usize>,
    /// Each block's designer name (`"Play prompt" 2f3b3b72`), by position:
    /// worked out once, not on every step of every run.
    names: Vec<String>,
}

impl IndexedFlow {
    pub(crate) fn new(flow: Flow) -> IndexedFlow {
        let mut by_identifier = HashMap::with_capacity(flow.actions.len());
        for (i, action) in flow.actions.iter().enumerate() {
            // The first of two blocks with one Identifier wins, as in
            // `Flow::position` (the checker reports the duplicate).
            by_identifier.entry(action.identifier.clone()).or_insert(i);
        }
        let names = flow.actions.iter().map(designer_name).collect();
        IndexedFlow {
            display: flow.path.display().to_string(),
            flow,
            by_identifier,
            names,
        }
    }

    /// The designer's name of the block at `position`.
    pub(crate) fn name(&self, position: usize) -> &str {
        self.names.get(position).map_or("", String::as_str)
    }

    /// The block with this Identifier, and its position.
    pub(crate) fn block(&self, identifier: &str) -> Option<(usize, &Action)> {
        let position = *self.by_identifier.get(identifier)?;
        Some((position, self.flow.actions.get(position)?))
    }

    /// The block's position in the flow, the key of its loop counter.
    pub(crate) fn position(&self, identifier: &str) -> Option<usize> {
        self.by_identifier.get(identifier).copied()
    }
}

/// The designer's name of a block, without the leading `block `.
fn designer_name(action: &Action) -> String {
    let name = BlockName::of(action).to_string();
    match name.strip_prefix("block ") {
        Some(rest) => rest.to_owned(),
        None => name,
    }
}

/// Which function an "Invoke AWS Lambda function" block names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FunctionRef<'a> {
    /// A function ARN: the name in it, alias or version dropped.
    Named(&'a str),
    /// A deployment placeholder (`${GetBalance.Arn}`), as written.
    Placeholder(&'a str),
    /// A reference resolved at run time (`$.Attributes.lambdaArn`).
    Reference(&'a str),
    /// No `LambdaFunctionARN`: a "Load Lambda result" block, or a broken one.
    Missing,
}

/// The function `action` (an `InvokeLambdaFunction`) names.
pub(crate) fn function_ref(action: &Action) -> FunctionRef<'_> {
    let Some(arn) = action.lambda_invoke().and_then(|l| l.function_arn()) else {
        return FunctionRef::Missing;
    };
    if let Some(name) = function_name(arn) {
        FunctionRef::Named(name)
    } else if arn.trim_start().starts_with("$.") {
        FunctionRef::Reference(arn)
    } else {
        FunctionRef::Placeholder(arn)
    }
}

/// Whether the function a test registered under `key` (an exact
/// `LambdaFunctionARN` string or a function name) is the one `arn` names:
/// the exact string, else the same function name (ignoring case, `-` and
/// `_`), else a placeholder that stands for that name.
pub(crate) fn registered_as(key: &str, arn: &str) -> bool {
    if key == arn {
        return true;
    }
    if let Some(name) = function_name(arn) {
        return same_function(key, name) || function_name(key).is_some_and(|k| k == name);
    }
    Placeholder::read(arn).is_some_and(|p| p.pairs_with(key))
}
