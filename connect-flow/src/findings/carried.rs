//! The value sets contact attributes carry within a flow: an attribute set
//! ("Set contact attributes") from `$.External.k`, from a literal or from
//! another such attribute, and later compared as `$.Attributes.name`, holds
//! what its source held.
//!
//! A forward dataflow over the model's blocks. At each block, for each
//! attribute, either a [`Known`] set (every way to the block set it from a
//! known set: the union of those sets) or nothing (an attribute absent from
//! the state is unknown: the caller, an earlier flow or a module may have set
//! it). Only attributes both set from a known source and compared somewhere
//! are tracked, so a flow with none costs one pass over its blocks. A
//! block's state only loses attributes or grows their sets, each bounded by
//! the values the flow's sources hold, so the walk ends, and in time linear
//! in the blocks for a fixed number of tracked attributes and values.

use std::collections::{BTreeMap, HashSet, VecDeque};

use serde_json::Value;

use super::driver::FlowChecker;
use super::values::{is_literal, whole_attribute, whole_external, Known};
use crate::flow::ActionType;

/// The known attributes at one block.
pub(super) type State = BTreeMap<String, Known>;

/// What a "Set contact attributes" block writes into a tracked attribute.
enum Source {
    /// A set fixed by the block itself (a literal, `$.External.k`), or
    /// nothing known.
    Set(Option<Known>),
    /// The value of another attribute, as it is when the block runs.
    Copy(String),
}

/// What one block does to the tracked attributes.
enum Effect {
    /// It leaves them alone.
    None,
    /// It sets these (and, on its error branch, may have set them or not).
    Sets(Vec<(String, Source)>),
    /// It may set any of them (a flow module runs): nothing is known after.
    Forgets,
}

impl FlowChecker<'_> {
    /// At each block, the attributes whose value set is known on every way
    /// there; empty when the flow compares no attribute it sets.
    pub(super) fn carried_attributes(&self) -> Vec<Option<State>> {
        let actions = &self.flow.actions;
        let compared: HashSet<&str> = actions
            .iter()
            .filter(|a| a.action_type == ActionType::Compare)
            .filter_map(|a| a.parameters.get("ComparisonValue")?.as_str())
            .filter_map(whole_attribute)
            .collect();
        if compared.is_empty() {
            return Vec::new();
        }
        let effects: Vec<Effect> = (0..actions.len())
            .map(|index| self.effect(index, &compared))
            .collect();
        if !effects
            .iter()
            .any(|e| matches!(e, Effect::Sets(s) if !s.is_empty()))
        {
            return Vec::new();
        }
        let blocks = &self.model.blocks;
        let mut states: Vec<Option<State>> = vec![None; blocks.len()];
        let mut queue = VecDeque::new();
        let mut queued = vec![false; blocks.len()];
        if let Some(start) = self.model.start {
            states[start] = Some(State::new());
            queue.push_back(start);
            queued[start] = true;
        }
        while let Some(at) = queue.pop_front() {
            queued[at] = false;
            let Some(state) = states[at].clone() else {
                continue;
            };
            let after = apply(&effects[at], &state, false);
            let after_error = apply(&effects[at], &state, true);
            for branch in &blocks[at].branches {
                let Some(to) = branch.block() else {
                    continue;
                };
                let out = if branch.kind.is_error() {
                    &after_error
                } else {
                    &after
                };
                let changed = match &mut states[to] {
                    slot @ None => {
                        *slot = Some(out.clone());
                        true
                    }
                    Some(existing) => meet(existing, out),
                };
                if changed && !queued[to] {
                    queued[to] = true;
                    queue.push_back(to);
                }
            }
        }
        states
    }

    fn effect(&self, index: usize, compared: &HashSet<&str>) -> Effect {
        let action = &self.flow.actions[index];
        match &action.action_type {
            ActionType::UpdateContactAttributes => {}
            ActionType::Other(name) if name == "InvokeFlowModule" => return Effect::Forgets,
            _ => return Effect::None,
        }
        // Attributes of a related contact are not this contact's.
        if action
            .parameters
            .get("TargetContact")
            .and_then(Value::as_str)
            .is_some_and(|target| target != "Current")
        {
            return Effect::None;
        }
        let Some(attributes) = action
            .parameters
            .get("Attributes")
            .and_then(Value::as_object)
        else {
            return Effect::None;
        };
        let sets = attributes
            .iter()
            .filter(|(name, _)| compared.contains(name.as_str()))
            .map(|(name, value)| {
                let source = match value.as_str() {
                    Some(text) => {
                        if let Some(key) = whole_external(text) {
                            Source::Set(self.external_set(index, key))
                        } else if let Some(other) = whole_attribute(text) {
                            Source::Copy(other.to_owned())
                        } else if is_literal(text) {
                            Source::Set(Some(Known::literal(text)))
                        } else {
                            Source::Set(None)
                        }
                    }
                    None => Source::Set(None),
                };
                (name.clone(), source)
            })
            .collect();
        Effect::Sets(sets)
    }
}

/// The state after a block with `effect`, entered with `state`; on its
/// error branch (`failed`) the attributes it sets may or may not be set.
fn apply(effect: &Effect, state: &State, failed: bool) -> State {
    match effect {
        Effect::None => state.clone(),
        Effect::Forgets => State::new(),
        Effect::Sets(sets) => {
            let mut after = state.clone();
            for (name, source) in sets {
                let known = match source {
                    _ if failed => None,
                    Source::Set(known) => known.clone(),
                    Source::Copy(other) => state.get(other).cloned(),
                };
                match known {
                    Some(known) => after.insert(name.clone(), known),
                    None => after.remove(name),
                };
            }
            after
        }
    }
}

/// Merges `incoming` into `existing` (another way to the same block): an
/// attribute stays known only when known on both, with both sets. Returns
/// whether `existing` changed.
fn meet(existing: &mut State, incoming: &State) -> bool {
    let before = existing.clone();
    existing.retain(|name, known| match incoming.get(name) {
        Some(other) => match known.clone().join(other) {
            Some(joined) => {
                *known = joined;
                true
            }
            None => false,
        },
        None => false,
    });
    *existing != before
}
