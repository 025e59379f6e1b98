//! `SendInstruction`: what the caller does (keys, speech or text, hanging up).

use serde::Serialize;

use super::read::Node;
use super::CaseError;

/// The caller's input, fed to the flow's next input block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "value")]
pub enum Instruction {
    /// DTMF keys (`DtmfInput`).
    Dtmf(String),
    /// Speech or chat text (`Utterance`, as the service accepts it, or
    /// `TextUtterance`, as the documentation writes it).
    Utterance(String),
    /// The caller hangs up (`Disconnect`).
    Disconnect,
}

pub(crate) fn read_instruction(params: &Node<'_>) -> Result<Instruction, CaseError> {
    let node = params.get("Instruction")?;
    let (tag, tag_node) = node.tag(&["DtmfInput", "Utterance", "TextUtterance", "Disconnect"])?;
    Ok(match tag {
        "DtmfInput" => {
            let props = node.get("Properties")?;
            let value = props.get("Value")?;
            let keys = value.text()?;
            if keys.is_empty()
                || !keys
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '*' || c == '#')
            {
                return Err(value.err("DTMF keys: digits, `*` and `#`"));
            }
            Instruction::Dtmf(keys)
        }
        "Disconnect" => Instruction::Disconnect,
        "Utterance" => Instruction::Utterance(node.get("Properties")?.get_str("Value")?.to_owned()),
        _ => {
            let props = node.get("Properties")?;
            let text = match props.opt_str("Text")? {
                Some(text) => text.to_owned(),
                None => props.get_str("SSML")?.to_owned(),
            };
            params.ctx.note(
                &tag_node.path,
                "TextUtterance (as documented) was read; the service is known to accept \
                 {\"Type\": \"Utterance\", \"Properties\": {\"Value\": ...}} and to reject Text/SSML",
            );
            Instruction::Utterance(text)
        }
    })
}
