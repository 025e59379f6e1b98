//! The path analysis: at every action, which Lambda may have run last.
//!
//! `$.External` always holds the response of the most recently invoked
//! Lambda. The analysis walks every path of the action graph from
//! `StartAction` (NextAction, every Condition's NextAction, every Error's
//! NextAction) and computes, at each action, the set of [`Last`] facts that
//! may hold when the contact arrives there. The facts name the invoking block,
//! not only the function, because the block's response validation matters.
//!
//! The sets only grow and are finite, so the walk over loops terminates.
//! An `InvokeLambdaFunction` action's own parameters are evaluated before it
//! runs, so the set *at* an action is the one its parameters see.
//!
//! ```
//! use connect_flow::analysis::{analyze, Last};
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
//! let analysis = analyze(&flow);
//! assert_eq!(analysis.at(0).unwrap().iter().collect::<Vec<_>>(), [&Last::Nothing]);
//! assert_eq!(analysis.at(1).unwrap().iter().collect::<Vec<_>>(), [&Last::Ran(0)]);
//! assert_eq!(analysis.at(2).unwrap().iter().collect::<Vec<_>>(), [&Last::Failed(0)]);
//! ```

use std::collections::{BTreeSet, HashMap, VecDeque};

use crate::flow::{EdgeKind, Flow, InvocationType};

/// What `$.External` holds when the contact reaches an action. Block indices
/// are positions in [`Flow::actions`].
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
}

/// The set of facts that may hold at an action.
pub type LastSet = BTreeSet<Last>;

/// The result of [`analyze`]: one set per action, `None` where no path from
/// `StartAction` reaches it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    states: Vec<Option<LastSet>>,
}

impl Analysis {
    /// The facts that may hold when the contact reaches action `index`, or
    /// `None` when it is unreachable.
    pub fn at(&self, index: usize) -> Option<&LastSet> {
        self.states.get(index)?.as_ref()
    }

    /// Whether action `index` is reachable from `StartAction`.
    pub fn is_reachable(&self, index: usize) -> bool {
        self.at(index).is_some()
    }
}

/// Computes the last-Lambda set at every action of `flow`.
///
/// Transitions to Identifiers that do not exist are skipped (they are
/// reported as `dangling-transition`); with duplicate Identifiers, the first
/// action of that Identifier is the target.
pub fn analyze(flow: &Flow) -> Analysis {
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, action) in flow.actions.iter().enumerate() {
        index.entry(action.identifier.as_str()).or_insert(i);
    }
    let mut states: Vec<Option<LastSet>> = vec![None; flow.actions.len()];
    let mut queue: VecDeque<usize> = VecDeque::new();
    let mut queued = vec![false; flow.actions.len()];

    if let Some(&start) = index.get(flow.start_action.as_str()) {
        states[start] = Some(LastSet::from([Last::Nothing]));
        queue.push_back(start);
        queued[start] = true;
    }

    while let Some(at) = queue.pop_front() {
        queued[at] = false;
        let incoming = states[at].clone().unwrap_or_default();
        let action = &flow.actions[at];
        for (edge, target) in action.transitions.targets() {
            let Some(&to) = index.get(target) else {
                continue;
            };
            let outgoing = transfer(flow, at, &incoming, edge);
            let newly_reached = states[to].is_none();
            let state = states[to].get_or_insert_with(LastSet::new);
            let before = state.len();
            state.extend(outgoing);
            if (newly_reached || state.len() != before) && !queued[to] {
                queued[to] = true;
                queue.push_back(to);
            }
        }
    }
    Analysis { states }
}

/// The facts that hold after leaving action `at` over `edge`, given the facts
/// `incoming` when it was reached.
fn transfer(flow: &Flow, at: usize, incoming: &LastSet, edge: EdgeKind) -> LastSet {
    let Some(invoke) = flow.actions[at].lambda_invoke() else {
        // Actions other than InvokeLambdaFunction leave $.External as it was.
        return incoming.clone();
    };
    let failed = matches!(edge, EdgeKind::Error(_));
    if invoke.is_load_result() {
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
    let after = if failed {
        Last::Failed(at)
    } else if invoke.invocation_type() == InvocationType::Asynchronous {
        Last::Pending(at)
    } else {
        Last::Ran(at)
    };
    LastSet::from([after])
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn set(items: &[Last]) -> LastSet {
        items.iter().copied().collect()
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
        assert_eq!(analysis.at(0), Some(&set(&[Last::Nothing])));
        assert_eq!(analysis.at(1), Some(&set(&[Last::Ran(0)])));
        assert_eq!(
            analysis.at(2),
            Some(&set(&[Last::Failed(0), Last::Ran(1), Last::Failed(1)]))
        );
    }

    #[test]
    fn loops_terminate_and_merge() {
        // m -> a -> m: m is reached first with nothing, then again after a.
        let f = flow(&[plain("m", "a"), lambda("a", "m", "m")].join(","), "m");
        let analysis = analyze(&f);
        assert_eq!(
            analysis.at(0),
            Some(&set(&[Last::Nothing, Last::Ran(1), Last::Failed(1)]))
        );
        assert_eq!(
            analysis.at(1),
            Some(&set(&[Last::Nothing, Last::Ran(1), Last::Failed(1)]))
        );
    }

    #[test]
    fn self_loop() {
        let f = flow(&lambda("a", "a", "a"), "a");
        let analysis = analyze(&f);
        assert_eq!(
            analysis.at(0),
            Some(&set(&[Last::Nothing, Last::Ran(0), Last::Failed(0)]))
        );
    }

    #[test]
    fn unreachable_and_dangling() {
        let f = flow(&[plain("a", "nowhere"), plain("b", "a")].join(","), "a");
        let analysis = analyze(&f);
        assert!(analysis.is_reachable(0));
        assert!(!analysis.is_reachable(1));
        assert_eq!(analysis.at(5), None);
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
        assert_eq!(analysis.at(2), Some(&expected));
        assert_eq!(analysis.at(3), Some(&expected));
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
        assert_eq!(analysis.at(1), Some(&set(&[Last::Pending(0)])));
        assert_eq!(analysis.at(2), Some(&set(&[Last::Pending(0)])));
        assert_eq!(analysis.at(3), Some(&set(&[Last::Ran(0), Last::Failed(0)])));
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
