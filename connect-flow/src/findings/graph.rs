//! Rules on the flow's graph: where it starts, its Identifiers, its
//! transitions.

use std::collections::HashSet;

use super::codes::Code;
use super::driver::FlowChecker;
use crate::model::Target;

/// The longest Identifier the flow language accepts.
pub const MAX_IDENTIFIER_LEN: usize = 50;

/// The characters the flow language refuses in an Identifier.
pub const IDENTIFIER_FORBIDDEN: [char; 14] = [
    '%', ':', '(', '\\', '/', ')', '=', '$', ',', ';', '[', ']', '{', '}',
];

impl FlowChecker<'_> {
    pub(super) fn identifiers(&mut self) {
        for (index, action) in self.flow.actions.iter().enumerate() {
            let identifier = action.identifier.as_str();
            let length = identifier.chars().count();
            let forbidden: Vec<String> = IDENTIFIER_FORBIDDEN
                .iter()
                .filter(|c| identifier.contains(**c))
                .map(|c| format!("`{c}`"))
                .collect();
            let message = if length > MAX_IDENTIFIER_LEN {
                format!("the Identifier is {length} characters long; the flow language allows {MAX_IDENTIFIER_LEN}")
            } else if !forbidden.is_empty() {
                format!(
                    "the Identifier holds {}, which the flow language refuses",
                    forbidden.join(" ")
                )
            } else {
                continue;
            };
            self.push(Code::InvalidIdentifier, Some(index), "Identifier", message)
                .help = Some(format!(
                "rename the block: at most {MAX_IDENTIFIER_LEN} characters, none of % : ( \\ / ) = $ , ; [ ] {{ }}"
            ));
        }
    }

    pub(super) fn unreachable(&mut self) {
        if self.model.start.is_none() {
            // Nothing is reachable: the dangling StartAction says it once.
            return;
        }
        for index in 0..self.flow.actions.len() {
            // A later copy of a duplicate Identifier is never a target:
            // duplicate-identifier already says so.
            let duplicate = !self.model.is_first_of_identifier(index);
            if !self.model.facts().is_reachable(index) && !duplicate {
                self.push(
                    Code::UnreachableBlock,
                    Some(index),
                    "Identifier",
                    "no path from StartAction reaches this block".into(),
                )
                .help = Some("connect a branch to it, or delete it".into());
            }
        }
    }

    pub(super) fn start_action(&mut self) {
        if self.model.start.is_none() {
            let message = format!(
                "StartAction names action {:?}, which does not exist",
                self.flow.start_action
            );
            self.push(Code::DanglingTransition, None, "StartAction", message)
                .note = Some("no action of the flow can run".into());
        }
    }

    pub(super) fn duplicates(&mut self) {
        let mut seen = HashSet::with_capacity(self.flow.actions.len());
        for (index, action) in self.flow.actions.iter().enumerate() {
            if !seen.insert(action.identifier.as_str()) {
                let first = self.model.position(&action.identifier).unwrap_or(index);
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
        let model = self.model;
        for (index, block) in model.blocks.iter().enumerate() {
            for branch in &block.branches {
                let Target::Dangling(target) = &branch.target else {
                    continue;
                };
                let message =
                    format!("transition to {target:?}, which is not an action of this flow");
                self.push(
                    Code::DanglingTransition,
                    Some(index),
                    branch.kind.edge().field(),
                    message,
                )
                .note = Some("a contact that takes this branch has nowhere to go".into());
            }
        }
    }
}
