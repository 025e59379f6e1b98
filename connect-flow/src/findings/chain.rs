//! `lambda-chain-timeout`: Connect stops a chain of synchronous Lambda
//! invocations with no prompt or input between them at 20 seconds, so a
//! chain whose `InvocationTimeLimitSeconds` add up to more may be cut short.
//!
//! The walk follows every edge from `StartAction` and keeps, at each action,
//! the longest the chain reaching it may already have run: a synchronous
//! invoke adds its time limit, a block that speaks to or listens to the
//! contact starts a new chain, every other block passes the time on. The
//! times only grow and stop growing once past the limit, so loops end.

use std::collections::VecDeque;

use super::block::whole_seconds;
use super::codes::Code;
use super::driver::FlowChecker;
use crate::flow::{Action, InvocationType};

/// The longest a chain of Lambda invocations with nothing played or asked
/// between them may run, in seconds.
pub const CHAIN_LIMIT_SECONDS: u64 = 20;

/// Action types that play something to the contact or wait for its input:
/// each ends a chain ("Play prompt", "Loop prompts", "Get customer input",
/// "Store customer input" are one `GetParticipantInput`, "Get customer
/// input" with a Lex bot, "Show view").
const CHAIN_BREAKERS: [&str; 5] = [
    "MessageParticipant",
    "MessageParticipantIteratively",
    "GetParticipantInput",
    "ConnectParticipantWithLexBot",
    "ShowView",
];

/// The seconds a synchronous invoke in `action` may wait, or `None` when
/// the action is not one (a missing or malformed limit counts as none:
/// `invalid-timeout` reports it).
fn sync_seconds(action: &Action) -> Option<u64> {
    let invoke = action.lambda_invoke()?;
    if invoke.is_load_result() || invoke.invocation_type() == InvocationType::Asynchronous {
        return None;
    }
    invoke.timeout().and_then(whole_seconds)
}

impl FlowChecker<'_> {
    pub(super) fn lambda_chains(&mut self) {
        let actions = &self.flow.actions;
        let Some(start) = self.model.start else {
            return;
        };
        // The longest chain already run when the contact reaches each action.
        let mut before: Vec<Option<u64>> = vec![None; actions.len()];
        // The block that first takes a chain past the limit, with the total.
        let mut crossing: Vec<Option<u64>> = vec![None; actions.len()];
        before[start] = Some(0);
        let mut queue = VecDeque::from([start]);
        while let Some(at) = queue.pop_front() {
            let incoming = before[at].unwrap_or(0);
            let action = &actions[at];
            let after = if CHAIN_BREAKERS.contains(&action.action_type.as_str()) {
                0
            } else if let Some(seconds) = sync_seconds(action) {
                let total = incoming + seconds;
                if incoming <= CHAIN_LIMIT_SECONDS && total > CHAIN_LIMIT_SECONDS {
                    crossing[at] = Some(crossing[at].map_or(total, |t| t.max(total)));
                }
                total
            } else {
                incoming
            };
            // Past the limit every total is the same: stop there, so loops end.
            let after = after.min(CHAIN_LIMIT_SECONDS + 1);
            for branch in &self.model.blocks[at].branches {
                let Some(to) = branch.block() else {
                    continue;
                };
                if before[to].is_none_or(|seen| seen < after) {
                    before[to] = Some(after);
                    queue.push_back(to);
                }
            }
        }
        for (at, total) in crossing.into_iter().enumerate() {
            let Some(total) = total else {
                continue;
            };
            let message = format!(
                "this invoke can take a chain of Lambdas with no prompt between them to {total} seconds, \
                 past the {CHAIN_LIMIT_SECONDS} Connect allows"
            );
            self.push(
                Code::LambdaChainTimeout,
                Some(at),
                "InvocationTimeLimitSeconds",
                message,
            )
            .help = Some(
                "play a prompt (or take input) between the invocations, lower their time limits, \
                 or invoke one of them asynchronously"
                    .into(),
            );
        }
    }
}
