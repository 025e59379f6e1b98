//! The `create-test-case` request around a case's content: its name, entry
//! point and initial attributes.

use std::collections::BTreeMap;

use serde::Serialize;

use super::read::Node;
use super::CaseError;

/// The channel a case's contact arrives on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Channel {
    /// `VOICE_CALL`: the default.
    Voice,
    /// `CHAT`.
    Chat,
}

/// A case's `EntryPoint`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryPoint {
    /// The channel.
    pub channel: Channel,
    /// The flow the contact starts in (an id or an ARN), when given.
    pub flow_id: Option<String>,
    /// The caller's number (`$.CustomerEndpoint.Address`), when given.
    pub source_phone_number: Option<String>,
    /// The number called, when given.
    pub destination_phone_number: Option<String>,
}

impl Default for EntryPoint {
    fn default() -> Self {
        EntryPoint {
            channel: Channel::Voice,
            flow_id: None,
            source_phone_number: None,
            destination_phone_number: None,
        }
    }
}

pub(crate) fn read_entry_point(node: &Node<'_>) -> Result<EntryPoint, CaseError> {
    let (tag, _) = node.tag(&["VOICE_CALL", "CHAT"])?;
    let mut entry = EntryPoint::default();
    if tag == "CHAT" {
        entry.channel = Channel::Chat;
        if let Some(params) = node.opt("ChatEntryPointParameters")? {
            entry.flow_id = params.opt_str("FlowId")?.map(str::to_owned);
        }
        return Ok(entry);
    }
    if let Some(params) = node.opt("VoiceCallEntryPointParameters")? {
        entry.flow_id = params.opt_str("FlowId")?.map(str::to_owned);
        entry.source_phone_number = params.opt_str("SourcePhoneNumber")?.map(str::to_owned);
        entry.destination_phone_number =
            params.opt_str("DestinationPhoneNumber")?.map(str::to_owned);
        if entry.flow_id.is_some() && entry.destination_phone_number.is_some() {
            return Err(params.err(
                "either FlowId or DestinationPhoneNumber, not both (the service rejects both: \
                 \"Must specify either FlowId or phone numbers\")",
            ));
        }
    }
    Ok(entry)
}

/// `InitializationData`: a string holding `{"Attributes": {...},
/// "SegmentAttributes": {}}`, the one form whose attributes the service is
/// known to read back.
pub(crate) fn read_initialization(node: &Node<'_>) -> Result<BTreeMap<String, String>, CaseError> {
    let text = node.value.as_str().ok_or_else(|| {
        node.err(format!(
            "a string holding JSON (as the AWS CLI takes it), found {}",
            super::read::kind(node.value)
        ))
    })?;
    let value = node.ctx.parse_inner(text, &node.path)?;
    let mut ctx_path = node.path.clone();
    ctx_path.push_str(" > $");
    let inner = Node {
        ctx: node.ctx,
        value: &value,
        path: ctx_path,
    };
    inner.object()?;
    let mut attributes = BTreeMap::new();
    match inner.opt("Attributes")? {
        Some(attrs) => {
            for key in attrs.object()?.keys() {
                let v = attrs.get(key)?;
                let text = v
                    .value
                    .as_str()
                    .ok_or_else(|| v.err("a string: contact attributes are strings"))?;
                attributes.insert(key.clone(), text.to_owned());
            }
        }
        None => node.ctx.note(
            &inner.path,
            "InitializationData has no `Attributes`: no attribute is set. The service reads \
             attributes only from {\"Attributes\": {...}, \"SegmentAttributes\": {}}",
        ),
    }
    Ok(attributes)
}
