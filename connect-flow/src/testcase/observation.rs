//! An observation: one awaited event, the actions run when it is seen, how
//! many times it may be seen, and which observations are awaited next.

use serde::Serialize;

use super::action::{read_actions, Action};
use super::event::{read_event, Event};
use super::read::Node;
use super::CaseError;

/// One observation of a test case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Observation {
    /// Its `Identifier`, which `NextObservations` name.
    pub id: String,
    /// Its JSON path in the file.
    pub at: String,
    /// The awaited event.
    pub event: Event,
    /// The actions run when the event is seen, in order.
    pub actions: Vec<Action>,
    /// How many times the event is awaited.
    pub usage: Usage,
    /// The observations awaited once this one is met (`NextObservations`);
    /// empty: the chain ends here.
    pub next: Vec<String>,
}

/// An observation's `Usage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Usage {
    /// `EXACTLY` with `Times` (default 1): met on the last of that many
    /// matching events. The default when `Usage` is omitted.
    Exactly(u32),
    /// `ANY`: met by every matching event while it is awaited.
    Any,
}

pub(crate) fn read_observation(node: &Node<'_>, chat: bool) -> Result<Observation, CaseError> {
    node.object()?;
    let id = node.get_str("Identifier")?.to_owned();
    let event = read_event(&node.get("Event")?)?;
    let actions = match node.opt("Actions")? {
        Some(list) => read_actions(&list, chat)?,
        None => Vec::new(),
    };
    let usage = match node.opt("Usage")? {
        None => Usage::Exactly(1),
        Some(usage) => {
            let (tag, _) = usage.tag(&["EXACTLY", "ANY"])?;
            if tag == "ANY" {
                Usage::Any
            } else {
                match usage.opt("Times")? {
                    None => Usage::Exactly(1),
                    Some(times) => {
                        let n = times
                            .value
                            .as_u64()
                            .and_then(|n| u32::try_from(n).ok())
                            .filter(|n| *n >= 1)
                            .ok_or_else(|| times.err("a whole number of times, at least 1"))?;
                        Usage::Exactly(n)
                    }
                }
            }
        }
    };
    let mut next = Vec::new();
    if let Some(transitions) = node.opt("Transitions")? {
        let list = match transitions.opt_any(&["NextObservations", "NextActions"])? {
            Some((list, key)) => {
                if key == "NextActions" {
                    node.ctx.note(
                        &list.path,
                        "`NextActions` (the API reference's spelling) was read as NextObservations",
                    );
                }
                list.array()?
            }
            None => Vec::new(),
        };
        for item in list {
            let target = item.str()?;
            if !target.is_empty() {
                next.push(target.to_owned());
            }
        }
    }
    Ok(Observation {
        id,
        at: node.path.clone(),
        event,
        actions,
        usage,
        next,
    })
}
