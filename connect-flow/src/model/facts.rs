//! The facts derived from a flow's graph, computed once per flow:
//! reachability, and at every block which Lambda may have run last.
//!
//! `$.External` always holds the response of the most recently invoked
//! Lambda. The walk follows every branch from `StartAction` (next, every
//! condition, every error) and computes, at each block, the set of [`Last`]
//! facts that may hold when the contact arrives there. The facts name the
//! invoking block, not only the function, because the block's response
//! validation matters.
//!
//! The sets only grow and are finite, so the walk over loops terminates. An
//! "Invoke AWS Lambda function" block's own parameters are evaluated before
//! it runs, so the set *at* a block is the one its parameters see. A block
//! whose function cannot be determined ([`FunctionRef::Missing`]) is a
//! barrier: after it the state is [`Last::Unknown`], never an earlier
//! Lambda.
//!
//! ```
//! use connect_flow::model::{Last, Model};
//! use connect_flow::flow::Flow;
//!
//! let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "lookup", "Actions": [
//!   {"Identifier": "lookup", "Type": "InvokeLambdaFunction",
//!    "Parameters": {"LambdaFunctionARN": "arn:aws:lambda:us-east-1:1:function:Lookup"},
//!    "Transitions": {"NextAction": "say", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "sorry"}]}},
//!   {"Identifier": "say", "Type": "MessageParticipant", "Parameters": {"Text": "$.External.name"},
//!    "Transitions": {}},
//!   {"Identifier": "sorry", "Type": "MessageParticipant", "Parameters": {"Text": "Sorry"},
//!    "Transitions": {}}
//! ]}"#, "f.json").unwrap();
//! let model = Model::new(vec![flow]);
//! let facts = model.flows[0].facts();
//! assert_eq!(facts.at(0).unwrap().iter().collect::<Vec<_>>(), [&Last::Nothing]);
//! assert_eq!(facts.at(1).unwrap().iter().collect::<Vec<_>>(), [&Last::Ran(0)]);
//! assert_eq!(facts.at(2).unwrap().iter().collect::<Vec<_>>(), [&Last::Failed(0)]);
//! ```

use std::collections::{HashSet, VecDeque};

use super::block::{Block, BranchKind, Invoke};
use crate::function::FunctionRef;

/// What `$.External` holds when the contact reaches a block. Block indices
/// are positions in the flow's blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Last {
    /// No Lambda ran in this flow on this path: `$.External` can only hold
    /// what a flow that transferred here left.
    Nothing,
    /// The Lambda invoked by this block ran and returned its response.
    Ran(usize),
    /// The Lambda invoked by this block failed (its error branch): there is no
    /// response to read.
    Failed(usize),
    /// This block invoked its Lambda asynchronously and its result has not
    /// been loaded yet.
    Pending(usize),
    /// This block invoked a function that cannot be determined (no ARN, an
    /// empty one): what `$.External` holds is unknown, and nothing read
    /// after it is attributed to any Lambda.
    Unknown(usize),
}

/// The facts of one flow: at each block, the [`Last`] facts that may hold,
/// sorted; `None` where no path from `StartAction` reaches the block.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Facts {
    // A sorted slice per block, not a set: most blocks hold one or two
    // facts, and a tree node per block would be most of the model's size.
    states: Vec<Option<Vec<Last>>>,
}

impl Facts {
    /// The facts that may hold when the contact reaches block `index`,
    /// sorted, or `None` when it is unreachable.
    pub fn at(&self, index: usize) -> Option<&[Last]> {
        self.states.get(index)?.as_deref()
    }

    /// Whether block `index` is reachable from `StartAction`.
    pub fn is_reachable(&self, index: usize) -> bool {
        self.at(index).is_some()
    }

    /// Walks the blocks from `start`, propagating only the facts a block
    /// gained since it was last visited: the transfer of a block is applied
    /// fact by fact, so the new facts are all its successors can gain. Each
    /// fact crosses each branch at most once, so the time is linear in the
    /// branches times the facts that reach them (a shared error handler
    /// collecting every Lambda's failure is visited once per new failure,
    /// not once per failure with all the earlier ones).
    pub(super) fn compute(blocks: &[Block], start: Option<usize>) -> Facts {
        let mut states: Vec<Option<Vec<Last>>> = vec![None; blocks.len()];
        // Which (block, fact) pairs are known, for the membership test.
        let mut known: HashSet<(usize, Last)> = HashSet::with_capacity(blocks.len());
        // Facts each block gained and has not passed on yet.
        let mut fresh: Vec<Vec<Last>> = vec![Vec::new(); blocks.len()];
        let mut queue: VecDeque<usize> = VecDeque::new();
        let mut queued = vec![false; blocks.len()];
        if let Some(start) = start {
            states[start] = Some(vec![Last::Nothing]);
            known.insert((start, Last::Nothing));
            fresh[start].push(Last::Nothing);
            queue.push_back(start);
            queued[start] = true;
        }
        while let Some(at) = queue.pop_front() {
            queued[at] = false;
            let incoming = std::mem::take(&mut fresh[at]);
            let block = &blocks[at];
            for branch in &block.branches {
                let Some(to) = branch.block() else {
                    continue;
                };
                let state = states[to].get_or_insert_with(Vec::new);
                let mut grew = false;
                for last in transfer(block, at, &incoming, &branch.kind) {
                    if known.insert((to, last)) {
                        state.push(last);
                        fresh[to].push(last);
                        grew = true;
                    }
                }
                if grew && !queued[to] {
                    queued[to] = true;
                    queue.push_back(to);
                }
            }
        }
        for state in states.iter_mut().flatten() {
            state.sort_unstable();
            state.shrink_to_fit();
        }
        Facts { states }
    }
}

/// The facts that hold after leaving block `at` over a branch of `kind`,
/// for the facts `incoming` that reached it (applied fact by fact, so it may
/// be given only the new ones).
fn transfer(block: &Block, at: usize, incoming: &[Last], kind: &BranchKind) -> Vec<Last> {
    let Some(invoke) = &block.invoke else {
        // Blocks other than a Lambda invoke leave $.External as it was.
        return incoming.to_vec();
    };
    let failed = kind.is_error();
    let (function, asynchronous) = match invoke {
        Invoke::LoadResult => {
            // "Load Lambda result": the pending invocations' results become
            // $.External (or, on its error branch, they failed).
            return incoming
                .iter()
                .map(|last| match *last {
                    Last::Pending(block) if failed => Last::Failed(block),
                    Last::Pending(block) => Last::Ran(block),
                    other => other,
                })
                .collect();
        }
        Invoke::Function {
            function,
            asynchronous,
        } => (function, *asynchronous),
    };
    if incoming.is_empty() {
        return Vec::new();
    }
    let after = if failed {
        Last::Failed(at)
    } else if matches!(function, FunctionRef::Missing) {
        Last::Unknown(at)
    } else if asynchronous {
        Last::Pending(at)
    } else {
        Last::Ran(at)
    };
    vec![after]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::Flow;
    use crate::model::Model;

    fn analyze(flow: &Flow) -> Facts {
        Model::new(vec![flow.clone()]).flows[0].facts().clone()
    }

    fn flow(actions: &str, start: &str) -> Flow {
        Flow::from_slice(
            format!(
                r#"{{"Version": "2019-10-30", "StartAction": "{start}", "Actions": [{actions}]}}"#
            )
            .as_bytes(),
            "t.json",
        )
        .unwrap()
    }

    fn lambda(id: &str, next: &str, error: &str) -> String {
        format!(
            r#"{{"Identifier": "{id}", "Type": "InvokeLambdaFunction",
                "Parameters": {{"LambdaFunctionARN": "arn:aws:lambda:r:1:function:{id}"}},
                "Transitions": {{"NextAction": "{next}",
                  "Errors": [{{"ErrorType": "NoMatchingError", "NextAction": "{error}"}}]}}}}"#
        )
    }

    fn plain(id: &str, next: &str) -> String {
        format!(
            r#"{{"Identifier": "{id}", "Type": "MessageParticipant", "Parameters": {{}},
                "Transitions": {{"NextAction": "{next}"}}}}"#
        )
    }

    fn set(items: &[Last]) -> Vec<Last> {
        let mut items = items.to_vec();
        items.sort();
        items
    }

    #[test]
    fn two_lambdas_in_sequence() {
        let f = flow(
            &[
                lambda("a", "b", "end"),
                lambda("b", "end", "end"),
                plain("end", ""),
            ]
            .join(","),
            "a",
        );
        let analysis = analyze(&f);
        assert_eq!(
            analysis.at(0).map(<[Last]>::to_vec),
            Some(set(&[Last::Nothing]))
        );
        assert_eq!(
            analysis.at(1).map(<[Last]>::to_vec),
            Some(set(&[Last::Ran(0)]))
        );
        assert_eq!(
            analysis.at(2).map(<[Last]>::to_vec),
            Some(set(&[Last::Failed(0), Last::Ran(1), Last::Failed(1)]))
        );
    }

    #[test]
    fn loops_terminate_and_merge() {
        // m -> a -> m: m is reached first with nothing, then again after a.
        let f = flow(&[plain("m", "a"), lambda("a", "m", "m")].join(","), "m");
        let analysis = analyze(&f);
        assert_eq!(
            analysis.at(0).map(<[Last]>::to_vec),
            Some(set(&[Last::Nothing, Last::Ran(1), Last::Failed(1)]))
        );
        assert_eq!(
            analysis.at(1).map(<[Last]>::to_vec),
            Some(set(&[Last::Nothing, Last::Ran(1), Last::Failed(1)]))
        );
    }

    #[test]
    fn self_loop() {
        let f = flow(&lambda("a", "a", "a"), "a");
        let analysis = analyze(&f);
        assert_eq!(
            analysis.at(0).map(<[Last]>::to_vec),
            Some(set(&[Last::Nothing, Last::Ran(0), Last::Failed(0)]))
        );
    }

    #[test]
    fn unreachable_and_dangling() {
        let f = flow(&[plain("a", "nowhere"), plain("b", "a")].join(","), "a");
        let analysis = analyze(&f);
        assert!(analysis.is_reachable(0));
        assert!(!analysis.is_reachable(1));
        assert_eq!(analysis.at(5).map(<[Last]>::to_vec), None);
    }

    #[test]
    fn missing_start_action_reaches_nothing() {
        let f = flow(&plain("a", "a"), "zzz");
        assert!(!analyze(&f).is_reachable(0));
    }

    #[test]
    fn conditions_carry_the_state() {
        let f = flow(
            &[
                lambda("a", "cmp", "cmp"),
                r#"{"Identifier": "cmp", "Type": "Compare", "Parameters": {"ComparisonValue": "$.External.x"},
                    "Transitions": {"NextAction": "d", "Conditions": [
                       {"NextAction": "yes", "Condition": {"Operator": "Equals", "Operands": ["1"]}}],
                     "Errors": [{"ErrorType": "NoMatchingCondition", "NextAction": "d"}]}}"#
                    .to_owned(),
                plain("yes", ""),
                plain("d", ""),
            ]
            .join(","),
            "a",
        );
        let analysis = analyze(&f);
        let expected = set(&[Last::Ran(0), Last::Failed(0)]);
        assert_eq!(analysis.at(2).map(<[Last]>::to_vec), Some(expected.clone()));
        assert_eq!(analysis.at(3).map(<[Last]>::to_vec), Some(expected.clone()));
    }

    #[test]
    fn asynchronous_then_load() {
        let f = flow(
            r#"{"Identifier": "go", "Type": "InvokeLambdaFunction",
                "Parameters": {"LambdaFunctionARN": "arn:aws:lambda:r:1:function:x", "InvocationType": "ASYNCHRONOUS"},
                "Transitions": {"NextAction": "wait", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "end"}]}},
               {"Identifier": "wait", "Type": "MessageParticipant", "Parameters": {}, "Transitions": {"NextAction": "load"}},
               {"Identifier": "load", "Type": "InvokeLambdaFunction", "Parameters": {},
                "Transitions": {"NextAction": "end", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "end"}]}},
               {"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}"#,
            "go",
        );
        let analysis = analyze(&f);
        assert_eq!(
            analysis.at(1).map(<[Last]>::to_vec),
            Some(set(&[Last::Pending(0)]))
        );
        assert_eq!(
            analysis.at(2).map(<[Last]>::to_vec),
            Some(set(&[Last::Pending(0)]))
        );
        assert_eq!(
            analysis.at(3).map(<[Last]>::to_vec),
            Some(set(&[Last::Ran(0), Last::Failed(0)]))
        );
    }

    #[test]
    fn long_chain_of_loops_terminates() {
        let mut actions = Vec::new();
        for i in 0..200 {
            actions.push(lambda(
                &format!("l{i}"),
                &format!("l{}", (i + 1) % 200),
                "l0",
            ));
        }
        let f = flow(&actions.join(","), "l0");
        let analysis = analyze(&f);
        // Nothing, Ran(l199), and Failed(li) for every block.
        assert_eq!(analysis.at(0).unwrap().len(), 1 + 1 + 200);
    }
}
