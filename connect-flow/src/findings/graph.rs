//! Rules on the flow's graph: where it starts, its Identifiers, its
//! transitions.

use std::collections::BTreeSet;

use super::codes::Code;
use super::driver::FlowChecker;

impl FlowChecker<'_> {
    pub(super) fn start_action(&mut self) {
        if self.flow.position(&self.flow.start_action).is_none() {
            let message = format!(
                "StartAction names action {:?}, which does not exist",
                self.flow.start_action
            );
            self.push(Code::DanglingTransition, None, "StartAction", message)
                .note = Some("no action of the flow can run".into());
        }
    }

    pub(super) fn duplicates(&mut self) {
        let mut seen = BTreeSet::new();
        for (index, action) in self.flow.actions.iter().enumerate() {
            if !seen.insert(action.identifier.as_str()) {
                let first = self.flow.position(&action.identifier).unwrap_or(index);
                let message = format!(
                    "Identifier {:?} is used by more than one action",
                    action.identifier
                );
                self.push(
                    Code::DuplicateIdentifier,
                    Some(index),
                    "Identifier",
                    message,
                )
                .note = Some(format!(
                    "actions {} and {} share it; a transition to it cannot tell them apart",
                    first + 1,
                    index + 1
                ));
            }
        }
    }

    pub(super) fn dangling(&mut self) {
        for (index, action) in self.flow.actions.iter().enumerate() {
            for (edge, target) in action.transitions.targets() {
                if self.flow.position(target).is_none() {
                    let message =
                        format!("transition to {target:?}, which is not an action of this flow");
                    self.push(Code::DanglingTransition, Some(index), edge.field(), message)
                        .note = Some("a contact that takes this branch has nowhere to go".into());
                }
            }
        }
    }
}
