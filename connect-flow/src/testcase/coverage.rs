//! Which blocks and branches of the flows the test cases reached.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::result::CoverageSummary;
use crate::designer::BlockName;
use crate::flow::{EdgeKind, Flow};
use crate::output::html::coverage::Overlay;

/// Visits per block and uses per branch, over every case run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Coverage {
    /// The totals.
    pub summary: CoverageSummary,
    /// Per flow, in the order given.
    pub flows: Vec<FlowCoverage>,
}

/// One flow's blocks and branches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowCoverage {
    /// The flow's file.
    pub file: PathBuf,
    /// Every block, in file order.
    pub blocks: Vec<BlockCoverage>,
    /// Every branch with a target in the flow.
    pub branches: Vec<BranchCoverage>,
}

/// One block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlockCoverage {
    /// Its Identifier.
    pub id: String,
    /// Its name as the designer shows it.
    pub name: String,
    /// How many times the cases went through it.
    pub visits: usize,
}

/// One branch: a block's next, condition or error transition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BranchCoverage {
    /// The block it leaves.
    pub from: String,
    /// The block it enters.
    pub to: String,
    /// `next`, `condition-<i>` or `error-<i>` (the index in the block's
    /// `Conditions` / `Errors`), as the page's `data-branch`.
    pub branch: String,
    /// How many times the cases took it.
    pub taken: usize,
    /// For an error branch, its error type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_type: Option<String>,
    #[serde(skip)]
    kind: EdgeKind,
}

impl BranchCoverage {
    /// Whether the simulator's label for the branch a block took is this
    /// branch.
    fn is_labelled(&self, label: &str) -> bool {
        match (self.kind, &self.error_type) {
            (EdgeKind::Next, _) => label == "Success",
            (EdgeKind::Condition(i), _) => {
                label
                    .strip_prefix("Condition ")
                    .and_then(|rest| rest.split(':').next())
                    .and_then(|n| n.trim().parse::<usize>().ok())
                    == Some(i + 1)
            }
            (EdgeKind::Error(_), Some(t)) => {
                // The simulator falls back to NoMatchingError for a missing
                // specific error branch and says so in the label.
                label == t || (t == "NoMatchingError" && label.starts_with("NoMatchingError ("))
            }
            (EdgeKind::Error(_), None) => false,
        }
    }
}

impl Coverage {
    /// Nothing reached yet of `flows`.
    ///
    /// ```
    /// use connect_flow::testcase::Coverage;
    /// use connect_flow::Flow;
    ///
    /// let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "Say", "Actions": [
    ///   {"Identifier": "Say", "Type": "MessageParticipant", "Parameters": {"Text": "Hi"},
    ///    "Transitions": {"NextAction": "Bye", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "Bye"}]}},
    ///   {"Identifier": "Bye", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}]}"#,
    ///   "main.json").unwrap();
    /// let mut coverage = Coverage::new(&[flow]);
    /// coverage.record("main.json", "Say", Some("Success"));
    /// coverage.record("main.json", "Bye", None);
    /// assert_eq!(coverage.summary.to_string(),
    ///            "coverage: 2 of 2 blocks reached, 1 of 2 branches taken");
    /// ```
    pub fn new<'f>(flows: impl IntoIterator<Item = &'f Flow>) -> Coverage {
        let mut coverage = Coverage::default();
        for flow in flows {
            let blocks: Vec<BlockCoverage> = flow
                .actions
                .iter()
                .map(|a| BlockCoverage {
                    id: a.identifier.clone(),
                    name: BlockName::of(a).to_string(),
                    visits: 0,
                })
                .collect();
            let mut branches = Vec::new();
            for action in &flow.actions {
                for (kind, target) in action.transitions.targets() {
                    if flow.position(target).is_none() {
                        continue;
                    }
                    branches.push(BranchCoverage {
                        from: action.identifier.clone(),
                        to: target.to_owned(),
                        branch: match kind {
                            EdgeKind::Next => "next".to_owned(),
                            EdgeKind::Condition(i) => format!("condition-{i}"),
                            EdgeKind::Error(i) => format!("error-{i}"),
                        },
                        taken: 0,
                        error_type: match kind {
                            EdgeKind::Error(i) => action
                                .transitions
                                .errors
                                .get(i)
                                .map(|e| e.error_type.clone()),
                            _ => None,
                        },
                        kind,
                    });
                }
            }
            coverage.summary.blocks += blocks.len();
            coverage.summary.branches += branches.len();
            coverage.flows.push(FlowCoverage {
                file: flow.path.clone(),
                blocks,
                branches,
            });
        }
        coverage
    }

    /// Counts a visit to block `block` of the flow whose file is `flow`,
    /// which left by the branch the simulator calls `branch` (`Success`,
    /// `Condition 2: ...`, an error type, `NoMatchingError (for ...)`;
    /// `None` when the run ended there).
    pub fn record(&mut self, flow: &str, block: &str, branch: Option<&str>) {
        let Some(f) = self.flows.iter_mut().find(|f| f.file == Path::new(flow)) else {
            return;
        };
        if let Some(b) = f.blocks.iter_mut().find(|b| b.id == block) {
            b.visits += 1;
            if b.visits == 1 {
                self.summary.blocks_reached += 1;
            }
        }
        let Some(label) = branch else { return };
        if let Some(b) = f
            .branches
            .iter_mut()
            .find(|b| b.from == block && b.is_labelled(label))
        {
            b.taken += 1;
            if b.taken == 1 {
                self.summary.branches_taken += 1;
            }
        }
    }

    /// The counts as the report page draws them.
    pub fn overlay(&self) -> Overlay {
        let mut overlay = Overlay {
            summary: self.summary.to_string(),
            ..Overlay::default()
        };
        for f in &self.flows {
            for b in &f.blocks {
                overlay
                    .visits
                    .insert((f.file.clone(), b.id.clone()), b.visits);
            }
            for b in &f.branches {
                overlay
                    .taken
                    .insert((f.file.clone(), b.from.clone(), b.kind), b.taken);
            }
        }
        overlay
    }
}
