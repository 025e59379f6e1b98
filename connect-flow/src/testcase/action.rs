//! An observation's actions: the envelope (`Identifier`, `Type`,
//! `Parameters`, `Transitions.NextAction`) around the four kinds.

use serde::Serialize;

use super::assertion::{read_assertion, Assertion};
use super::control::{read_control, Control};
use super::instruction::{read_instruction, Instruction};
use super::mock::{read_override, Override};
use super::read::Node;
use super::CaseError;

/// One action of an observation, run when its event is seen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    /// Its `Identifier` (or `Id`, as the API reference writes it).
    pub id: String,
    /// Its JSON path in the file, for results that point at it.
    pub at: String,
    /// What it does.
    pub kind: ActionKind,
}

/// The four action types.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "parameters")]
pub enum ActionKind {
    /// The caller's input.
    SendInstruction(Instruction),
    /// A block's result mocked or its resource substituted.
    OverrideSystemBehavior(Override),
    /// A check on a contact attribute.
    Assert(Assertion),
    /// Ending the test, or logging values.
    TestControl(Control),
}

const ACTION_TYPES: [&str; 4] = [
    "SendInstruction",
    "OverrideSystemBehavior",
    "Assert",
    "TestControl",
];

/// The actions of one observation, in the order they run: from the first
/// written, along `Transitions.NextAction`, then any not chained, in
/// writing order (every known case chains them in writing order).
pub(crate) fn read_actions(list: &Node<'_>, chat: bool) -> Result<Vec<Action>, CaseError> {
    let mut actions = Vec::new();
    let mut nexts = Vec::new();
    for node in list.array()? {
        node.object()?;
        let id = match node.opt_any(&["Identifier", "Id"])? {
            Some((n, key)) => {
                if key == "Id" {
                    node.ctx.note(
                        &n.path,
                        "`Id` (the API reference's spelling) was read; the service's examples use `Identifier`",
                    );
                }
                n.str()?.to_owned()
            }
            None => return Err(node.err("a member `Identifier`")),
        };
        if actions.iter().any(|a: &Action| a.id == id) {
            return Err(node
                .get("Identifier")
                .unwrap_or(node.clone())
                .err("an Identifier unique among the observation's actions"));
        }
        let (tag, _) = node.tag(&ACTION_TYPES)?;
        let params = node.get("Parameters")?;
        params.object()?;
        // Every type but Assert repeats its type inside Parameters.
        if tag != "Assert" {
            if let Some(inner) = params.opt("ActionType")? {
                if inner.str()? != tag {
                    return Err(inner.err(format!("{tag:?}, the action's Type")));
                }
            }
        }
        let kind = match tag {
            "SendInstruction" => {
                if let Some(actor) = params.opt("Actor")? {
                    if actor.str()? != "Customer" {
                        return Err(actor.err("\"Customer\""));
                    }
                }
                let instruction = read_instruction(&params)?;
                if chat && matches!(instruction, Instruction::Dtmf(_)) {
                    return Err(params.get("Instruction")?.err(
                        "no DtmfInput under a CHAT entry point (the service rejects it): send an \
                         Utterance, or make the entry point VOICE_CALL",
                    ));
                }
                ActionKind::SendInstruction(instruction)
            }
            "OverrideSystemBehavior" => ActionKind::OverrideSystemBehavior(read_override(&params)?),
            "Assert" => ActionKind::Assert(read_assertion(&params)?),
            _ => ActionKind::TestControl(read_control(&params)?),
        };
        let next = match node.opt("Transitions")? {
            Some(t) => match t.opt("NextAction")? {
                Some(n) => {
                    Some((n.str()?.to_owned(), n.path.clone())).filter(|(s, _)| !s.is_empty())
                }
                None => None,
            },
            None => None,
        };
        nexts.push(next);
        actions.push(Action {
            id,
            at: node.path.clone(),
            kind,
        });
    }
    order(list, actions, nexts)
}

fn order(
    list: &Node<'_>,
    actions: Vec<Action>,
    nexts: Vec<Option<(String, String)>>,
) -> Result<Vec<Action>, CaseError> {
    let mut index = Vec::with_capacity(nexts.len());
    for next in &nexts {
        index.push(match next {
            Some((id, at)) => Some(actions.iter().position(|a| a.id == *id).ok_or_else(|| {
                list.ctx.shape(
                    at,
                    "the Identifier of an action of the same observation, or \"\"",
                )
            })?),
            None => None,
        });
    }
    let mut seen = vec![false; actions.len()];
    let mut sequence = Vec::with_capacity(actions.len());
    for start in 0..actions.len() {
        let mut at = Some(start);
        while let Some(i) = at {
            if seen[i] {
                break;
            }
            seen[i] = true;
            sequence.push(i);
            at = index[i];
        }
    }
    let mut slots: Vec<Option<Action>> = actions.into_iter().map(Some).collect();
    Ok(sequence
        .into_iter()
        .filter_map(|i| slots[i].take())
        .collect())
}
