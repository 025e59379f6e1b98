//! The event an observation waits for: the test starting, a message the
//! contact hears or reads, a flow block starting, the test ending.

use serde::Serialize;
use serde_json::{Map, Value};

use super::read::{one_of, Node};
use super::CaseError;

/// An observation's event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// The event's `Identifier`, when it has one (the service's UI needs it,
    /// a run does not).
    pub id: Option<String>,
    /// What is awaited.
    pub kind: EventKind,
}

/// The four event types of the Testing language.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum EventKind {
    /// The test starts: where overrides are set up before the flow runs.
    TestInitiated,
    /// The contact is sent a message: a prompt, text, SSML or media.
    MessageReceived(ExpectedMessage),
    /// A flow block of a given type starts, with the parameters it was
    /// authored with.
    FlowActionStarted(ExpectedAction),
    /// The contact's run through the flows ends.
    TestCompleted,
}

/// What a `MessageReceived` event must match.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExpectedMessage {
    /// The expected message.
    pub content: MessageContent,
    /// How the message is compared.
    pub criteria: MatchingCriteria,
}

/// A message's content, one of the four the Testing language names.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value")]
pub enum MessageContent {
    /// A prompt from the instance's library, by id or ARN.
    PromptId(String),
    /// Plain text (text to speech on voice, a message on chat).
    Text(String),
    /// SSML.
    Ssml(String),
    /// Media by URI.
    Media {
        /// Where the media is.
        uri: String,
    },
}

impl MessageContent {
    /// The expected text, id or URI, whichever kind it is.
    pub fn value(&self) -> &str {
        match self {
            MessageContent::PromptId(s) | MessageContent::Text(s) | MessageContent::Ssml(s) => s,
            MessageContent::Media { uri } => uri,
        }
    }
}

/// How a `MessageReceived` event compares messages. Connect does not publish
/// its similarity measure; offline, both compare text with case, punctuation
/// and runs of white space ignored (see [`MatchingCriteria::matches`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum MatchingCriteria {
    /// The whole message is (nearly) the expected text. The default.
    Similarity,
    /// The message contains the expected text.
    Inclusion,
}

impl MatchingCriteria {
    /// Whether the message `actual` matches `expected`.
    ///
    /// ```
    /// use connect_flow::testcase::MatchingCriteria;
    ///
    /// assert!(MatchingCriteria::Similarity.matches("Welcome to Example Corp.", "welcome to example corp"));
    /// assert!(MatchingCriteria::Inclusion.matches("Welcome  to Example Corp.", "example corp"));
    /// assert!(!MatchingCriteria::Similarity.matches("Welcome to Example Corp.", "welcome"));
    /// ```
    pub fn matches(self, actual: &str, expected: &str) -> bool {
        let (actual, expected) = (normalise(actual), normalise(expected));
        match self {
            MatchingCriteria::Similarity => actual == expected,
            MatchingCriteria::Inclusion => actual.contains(&expected),
        }
    }
}

/// Lower case, punctuation dropped, white space collapsed: the differences
/// a similarity match should not see (speech has no punctuation).
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '$'))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// A flow block type that `FlowActionStarted` can observe and
/// `OverrideSystemBehavior` can override.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub enum FlowActionType {
    /// Invoke AWS Lambda function.
    InvokeLambdaFunction,
    /// Check hours of operation.
    CheckHoursOfOperation,
    /// Transfer to queue.
    TransferContactToQueue,
    /// Get customer input with a Lex bot.
    ConnectParticipantWithLexBot,
    /// Dequeue and transfer to queue: an override target only.
    DequeueAndTransferToQueue,
    /// Any other block type: read as an extension of the language (the
    /// service rejects it in a `FlowActionStarted` event), and said so in
    /// the case's notes.
    Extension(String),
}

impl FlowActionType {
    /// The four types Connect documents (and accepts) in a
    /// `FlowActionStarted` event.
    pub const OBSERVABLE: [&'static str; 4] = [
        "InvokeLambdaFunction",
        "CheckHoursOfOperation",
        "TransferContactToQueue",
        "ConnectParticipantWithLexBot",
    ];

    /// The type named `name` in a flow or a case.
    pub fn from_name(name: &str) -> Self {
        match name {
            "InvokeLambdaFunction" => FlowActionType::InvokeLambdaFunction,
            "CheckHoursOfOperation" => FlowActionType::CheckHoursOfOperation,
            "TransferContactToQueue" => FlowActionType::TransferContactToQueue,
            "ConnectParticipantWithLexBot" => FlowActionType::ConnectParticipantWithLexBot,
            "DequeueAndTransferToQueue" => FlowActionType::DequeueAndTransferToQueue,
            other => FlowActionType::Extension(other.to_owned()),
        }
    }

    /// The type's name as the flow language writes it.
    pub fn name(&self) -> &str {
        match self {
            FlowActionType::InvokeLambdaFunction => "InvokeLambdaFunction",
            FlowActionType::CheckHoursOfOperation => "CheckHoursOfOperation",
            FlowActionType::TransferContactToQueue => "TransferContactToQueue",
            FlowActionType::ConnectParticipantWithLexBot => "ConnectParticipantWithLexBot",
            FlowActionType::DequeueAndTransferToQueue => "DequeueAndTransferToQueue",
            FlowActionType::Extension(name) => name,
        }
    }
}

/// What a `FlowActionStarted` event must match: the block's type and its
/// authored parameters (each given member equal; others not compared).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExpectedAction {
    /// The block type.
    pub action_type: FlowActionType,
    /// The parameters to compare, as written (`LexV2Bot` nests).
    pub parameters: Map<String, Value>,
}

const EVENT_TYPES: [&str; 4] = [
    "TestInitiated",
    "MessageReceived",
    "FlowActionStarted",
    "TestCompleted",
];

pub(crate) fn read_event(node: &Node<'_>) -> Result<Event, CaseError> {
    node.object()?;
    let id = node.opt_str("Identifier")?.map(str::to_owned);
    let (tag, _) = node.tag(&EVENT_TYPES)?;
    if let Some(actor) = node.opt("Actor")? {
        if actor.str()? != "System" {
            return Err(actor.err("\"System\": every event comes from the system"));
        }
    }
    let props = node.opt("Properties")?;
    let kind = match tag {
        "TestInitiated" => EventKind::TestInitiated,
        "TestCompleted" => EventKind::TestCompleted,
        "MessageReceived" => {
            let props = props.ok_or_else(|| node.err("a member `Properties`"))?;
            EventKind::MessageReceived(read_message(node, &props)?)
        }
        _ => {
            let props = props.ok_or_else(|| node.err("a member `Properties`"))?;
            EventKind::FlowActionStarted(read_flow_action(&props, true)?)
        }
    };
    Ok(Event { id, kind })
}

fn read_message(event: &Node<'_>, props: &Node<'_>) -> Result<ExpectedMessage, CaseError> {
    let content = if let Some(n) = props.opt("PromptId")? {
        MessageContent::PromptId(n.str()?.to_owned())
    } else if let Some(n) = props.opt("Text")? {
        MessageContent::Text(n.str()?.to_owned())
    } else if let Some(n) = props.opt("SSML")? {
        MessageContent::Ssml(n.str()?.to_owned())
    } else if let Some(n) = props.opt("Media")? {
        MessageContent::Media {
            uri: n.get_str("Uri")?.to_owned(),
        }
    } else {
        return Err(props.err("one of the members `PromptId`, `Text`, `SSML`, `Media`"));
    };
    const CRITERIA: [&str; 2] = ["Similarity", "Inclusion"];
    let criteria = match props.opt("MatchingCriteria")? {
        Some(n) => n.tag(&CRITERIA)?.0,
        None => match event.opt("MatchingCriteria")? {
            // The worked example's sibling string form; a third party says
            // the service normalises it away, so the case may not match live.
            Some(n) => {
                let s = n.str()?;
                if !CRITERIA.contains(&s) {
                    return Err(n.err(one_of(&CRITERIA)));
                }
                event.ctx.note(
                    &n.path,
                    "MatchingCriteria as a string beside Properties (the documentation's worked \
                     example) was read; write {\"Type\": ...} inside Properties, the form the \
                     service is known to honour",
                );
                s
            }
            None => "Similarity",
        },
    };
    let criteria = if criteria == "Inclusion" {
        MatchingCriteria::Inclusion
    } else {
        MatchingCriteria::Similarity
    };
    Ok(ExpectedMessage { content, criteria })
}

/// `ActionType` and `ActionParameters`, in an event (`observed`) or an
/// override's target.
pub(crate) fn read_flow_action(
    props: &Node<'_>,
    observed: bool,
) -> Result<ExpectedAction, CaseError> {
    let type_node = props.get("ActionType")?;
    let action_type = FlowActionType::from_name(type_node.str()?);
    let documented = if observed {
        FlowActionType::OBSERVABLE.contains(&action_type.name())
    } else {
        !matches!(action_type, FlowActionType::Extension(_))
    };
    if !documented {
        props.ctx.note(
            &type_node.path,
            format!(
                "{} {:?} is read as an extension: Connect documents (and its service accepts) only {}",
                if observed { "FlowActionStarted of" } else { "an override of" },
                action_type.name(),
                one_of(&FlowActionType::OBSERVABLE),
            ),
        );
    }
    let params = props.get("ActionParameters")?;
    let parameters = params.object()?.clone();
    if parameters.is_empty() {
        return Err(params.err(
            "the block's parameters, e.g. {\"LambdaFunctionARN\": \"...\"} (the service rejects \
             an empty ActionParameters)",
        ));
    }
    Ok(ExpectedAction {
        action_type,
        parameters,
    })
}
