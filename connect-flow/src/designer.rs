//! Blocks named as the flow designer names them.
//!
//! A flow author finds a block in the Amazon Connect flow designer by its
//! type ("Invoke AWS Lambda function") and its label, not by the flow
//! language's `InvokeLambdaFunction` or a UUID. [`BlockName`] is that name:
//! the designer's name for the action type (the raw type for one this table
//! does not know), the Identifier when it is a name or its first 8
//! characters when it is a UUID, and the function name on a Lambda block.
//! Every output (human, JSON, SARIF, HTML) names blocks through it.
//!
//! ```
//! use connect_flow::designer::BlockName;
//! use connect_flow::Flow;
//!
//! let flow = Flow::from_slice(br#"{"Version": "2019-10-30",
//!   "StartAction": "be74f2dc-3f2a-4f0e-9c1d-6a5b4c3d2e1f", "Actions": [
//!   {"Identifier": "be74f2dc-3f2a-4f0e-9c1d-6a5b4c3d2e1f", "Type": "InvokeLambdaFunction",
//!    "Parameters": {"LambdaFunctionARN":
//!       "arn:aws:lambda:us-east-1:123456789012:function:GetBalance:live"},
//!    "Transitions": {"NextAction": "Say balance"}},
//!   {"Identifier": "Say balance", "Type": "MessageParticipant",
//!    "Parameters": {"Text": "Hello"}, "Transitions": {}}
//! ]}"#, "main.json").unwrap();
//!
//! let lambda = BlockName::of(&flow.actions[0]);
//! assert_eq!(lambda.to_string(), r#"block "Invoke AWS Lambda function" be74f2dc (GetBalance)"#);
//! let prompt = BlockName::of(&flow.actions[1]);
//! assert_eq!(prompt.to_string(), r#"block "Play prompt" "Say balance""#);
//! assert_eq!(prompt.label.as_str(), "Say balance");
//! ```

use std::fmt;

use serde_json::{Map, Value};

use crate::flow::Action;
use crate::function::FunctionRef;

/// How the designer names one block: its type, its label, and on a Lambda
/// block the function it invokes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BlockName {
    /// The designer's name of the block type ("Invoke AWS Lambda function"),
    /// or the flow language's type when the designer's name is not known.
    pub type_name: String,
    /// The Identifier, shortened when it is a UUID.
    pub label: BlockLabel,
    /// On an `InvokeLambdaFunction` block: the function name from the
    /// `LambdaFunctionARN`, or the value as written when it is not an ARN
    /// (a deployment placeholder such as `${GetBalance.Arn}`).
    pub function: Option<String>,
}

/// A block's label: a free-text Identifier as written, or a UUID's first 8
/// characters (as short as git's commit ids, and as unambiguous in a flow
/// of at most 250 blocks).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum BlockLabel {
    /// A free-text Identifier ("Validate Card Number").
    Name(String),
    /// The first 8 characters of a UUID Identifier.
    ShortId(String),
}

impl BlockLabel {
    /// The label of the block with this Identifier.
    ///
    /// ```
    /// use connect_flow::designer::BlockLabel;
    ///
    /// assert_eq!(BlockLabel::of("Say balance"), BlockLabel::Name("Say balance".into()));
    /// assert_eq!(BlockLabel::of("be74f2dc-3f2a-4f0e-9c1d-6a5b4c3d2e1f"),
    ///            BlockLabel::ShortId("be74f2dc".into()));
    /// ```
    pub fn of(identifier: &str) -> BlockLabel {
        if is_uuid(identifier) {
            BlockLabel::ShortId(identifier[..8].to_owned())
        } else {
            BlockLabel::Name(identifier.to_owned())
        }
    }

    /// The label's text, without quotes.
    pub fn as_str(&self) -> &str {
        match self {
            BlockLabel::Name(text) | BlockLabel::ShortId(text) => text,
        }
    }
}

impl fmt::Display for BlockLabel {
    /// A name is quoted (it may hold spaces); a short id is not.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BlockLabel::Name(name) => write!(f, "\"{name}\""),
            BlockLabel::ShortId(id) => f.write_str(id),
        }
    }
}

impl BlockName {
    /// The designer's name of `action`.
    pub fn of(action: &Action) -> BlockName {
        let function = action.lambda_invoke().and_then(|_| {
            FunctionRef::of(&action.parameters)
                .label()
                .map(str::to_owned)
        });
        BlockName {
            type_name: type_name(action.action_type.as_str(), &action.parameters).to_owned(),
            label: BlockLabel::of(&action.identifier),
            function,
        }
    }
}

impl fmt::Display for BlockName {
    /// `block "Invoke AWS Lambda function" be74f2dc (GetBalance)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "block \"{}\" {}", self.type_name, self.label)?;
        if let Some(function) = &self.function {
            write!(f, " ({function})")?;
        }
        Ok(())
    }
}

/// Whether `identifier` is a UUID in the hyphenated form the designer
/// writes (8-4-4-4-12 hex digits).
///
/// ```
/// use connect_flow::designer::is_uuid;
///
/// assert!(is_uuid("be74f2dc-3f2a-4f0e-9c1d-6a5b4c3d2e1f"));
/// assert!(!is_uuid("Validate Card Number"));
/// assert!(!is_uuid("be74f2dc-3f2a-4f0e-9c1d-6a5b4c3d2e1"));
/// ```
pub fn is_uuid(identifier: &str) -> bool {
    const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];
    let mut groups = identifier.split('-');
    GROUPS.iter().all(|&len| {
        groups
            .next()
            .is_some_and(|group| group.len() == len && group.bytes().all(|b| b.is_ascii_hexdigit()))
    }) && groups.next().is_none()
}

/// The designer's name for a block of the flow language type
/// `action_type` with these `parameters`, or `action_type` itself when the
/// designer's name is not known.
///
/// The names are those of the "Corresponding block in the UI" of each
/// action in Amazon's flow language reference. A few actions stand for
/// several blocks, told apart by a parameter: `GetParticipantInput` with
/// `StoreInput` is "Store customer input", `UpdateContactEventHooks` is
/// named by the event it sets, `UpdateContactMediaStreamingBehavior` by
/// whether it starts or stops streaming.
///
/// ```
/// use connect_flow::designer::type_name;
/// use serde_json::{json, Map};
///
/// assert_eq!(type_name("Compare", &Map::new()), "Check contact attributes");
/// assert_eq!(type_name("SomeFutureAction", &Map::new()), "SomeFutureAction");
/// let hooks = json!({"EventHooks": {"CustomerQueue": "arn:aws:connect:..."}});
/// assert_eq!(type_name("UpdateContactEventHooks", hooks.as_object().unwrap()),
///            "Set customer queue flow");
/// ```
pub fn type_name<'a>(action_type: &'a str, parameters: &Map<String, Value>) -> &'a str {
    let parameter = |key: &str| parameters.get(key).and_then(Value::as_str);
    match action_type {
        // Interactions.
        "InvokeLambdaFunction" => "Invoke AWS Lambda function",
        "CreatePersistentContactAssociation" => "Create persistent contact association",
        "GetCustomerProfile" | "CreateCustomerProfile" | "UpdateCustomerProfile" => {
            "Customer profiles"
        }
        // Participant actions.
        "MessageParticipant" => "Play prompt",
        "MessageParticipantIteratively" => "Loop prompts",
        "GetParticipantInput" if parameter("StoreInput") == Some("True") => "Store customer input",
        "GetParticipantInput" | "ConnectParticipantWithLexBot" => "Get customer input",
        "DisconnectParticipant" => "Disconnect / hang up",
        "TransferParticipantToThirdParty" => "Transfer to phone number",
        "ShowView" => "Show view",
        "AuthenticateParticipant" => "Authenticate Customer",
        "Wait" => "Wait",
        // Flow control actions.
        "Compare" => "Check contact attributes",
        "CheckHoursOfOperation" => "Check hours of operation",
        "CheckMetricData"
            if parameter("MetricType").is_some_and(|metric| metric.contains("Agents")) =>
        {
            "Check staffing"
        }
        "CheckMetricData" => "Check queue status",
        "CheckOutboundCallStatus" => "Check call progress",
        "CheckVoiceId" => "Check Voice ID",
        "StartVoiceIdStream" => "Set Voice ID",
        "DistributeByPercentage" => "Distribute by percentage",
        "EndFlowExecution" => "End flow / Resume",
        "GetMetricData" => "Get queue metrics",
        "Loop" => "Loop",
        "TransferToFlow" => "Transfer to flow",
        "UpdateFlowAttributes" | "UpdateContactAttributes" => "Set contact attributes",
        "UpdateFlowLoggingBehavior" => "Set logging behavior",
        "UpdateRoutingCriteria" => "Set routing criteria",
        // Contact actions.
        "CompleteOutboundCall" => "Call phone number",
        "CreateTask" => "Create task",
        "CreateCase" | "GetCase" | "UpdateCase" => "Cases",
        "CreateCallbackContact" | "TransferContactToQueue" | "DequeueContactAndTransferToQueue" => {
            "Transfer to queue"
        }
        "TransferContactToAgent" => "Transfer to agent",
        "EndFlowModuleExecution" => "Return",
        "InvokeFlowModule" => "Invoke module",
        "TagContact" => "Tag contact",
        "UnTagContact" => "Untag contact",
        "ResumeContact" => "Resume contact",
        "UpdateContactCallbackNumber" => "Set callback number",
        "CreateWisdomSession" => "Amazon Q in Connect",
        "UpdateContactData" => contact_data_block(parameters),
        "UpdateContactEventHooks" => event_hook_block(parameters),
        "UpdateContactMediaStreamingBehavior"
            if parameter("MediaStreamingState") == Some("Disabled") =>
        {
            "Stop media streaming"
        }
        "UpdateContactMediaStreamingBehavior" | "StartMediaStreaming" => "Start media streaming",
        "StopMediaStreaming" => "Stop media streaming",
        "UpdateContactRecordingBehavior" | "UpdateContactRecordingAndAnalyticsBehavior" => {
            "Set recording and analytics behavior"
        }
        "UpdateContactRoutingBehavior" => "Change routing priority / age",
        "UpdateContactTargetQueue" => "Set working queue",
        "UpdateContactTextToSpeechVoice" => "Set voice",
        "UpdatePreviousContactParticipantState" => "Hold customer or agent",
        other => other,
    }
}

/// The parameters the "Set Voice ID" block writes into `UpdateContactData`.
const VOICE_ID_PARAMETERS: [&str; 6] = [
    "IsVoiceIdStreamingEnabled",
    "IsVoiceAuthenticationEnabled",
    "IsFraudDetectionEnabled",
    "VoiceAuthenticationThreshold",
    "VoiceAuthenticationResponseTime",
    "FraudDetectionThreshold",
];

/// `UpdateContactData` is written by several blocks, each setting its own
/// parameters: "Amazon Q in Connect" stores the session it created
/// (`WisdomSessionArn`, after a `CreateWisdomSession`), "Set voice" the
/// language and voice, "Set Voice ID" its settings. Other parameters keep
/// the raw type, as for any action the table does not know.
fn contact_data_block(parameters: &Map<String, Value>) -> &'static str {
    let has = |key: &str| parameters.contains_key(key);
    if has("WisdomSessionArn") {
        "Amazon Q in Connect"
    } else if has("LanguageCode") || has("TextToSpeechVoice") || has("TextToSpeechEngine") {
        "Set voice"
    } else if VOICE_ID_PARAMETERS.iter().any(|key| has(key)) {
        "Set Voice ID"
    } else {
        "UpdateContactData"
    }
}

/// `UpdateContactEventHooks` sets one event hook; the designer has a block
/// per kind of event.
fn event_hook_block(parameters: &Map<String, Value>) -> &'static str {
    let event = parameters
        .get("EventHooks")
        .and_then(Value::as_object)
        .and_then(|hooks| hooks.keys().next());
    match event.map(String::as_str) {
        Some("CustomerQueue") => "Set customer queue flow",
        Some("CustomerHold" | "AgentHold") => "Set hold flow",
        Some("CustomerWhisper" | "AgentWhisper") => "Set whisper flow",
        Some("CustomerRemaining") => "Set disconnect flow",
        _ => "Set event flow",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Flow;

    fn action(json: &str) -> Action {
        let flow =
            format!(r#"{{"Version": "2019-10-30", "StartAction": "x", "Actions": [{json}]}}"#);
        Flow::from_slice(flow.as_bytes(), "t.json")
            .unwrap()
            .actions
            .remove(0)
    }

    #[test]
    fn brief_types_have_designer_names() {
        let names = [
            ("InvokeLambdaFunction", "Invoke AWS Lambda function"),
            ("UpdateContactAttributes", "Set contact attributes"),
            ("MessageParticipant", "Play prompt"),
            ("GetParticipantInput", "Get customer input"),
            ("Compare", "Check contact attributes"),
            ("ShowView", "Show view"),
            ("TransferContactToQueue", "Transfer to queue"),
            ("DisconnectParticipant", "Disconnect / hang up"),
            ("EndFlowModuleExecution", "Return"),
            ("UpdateFlowLoggingBehavior", "Set logging behavior"),
            ("UpdateContactTextToSpeechVoice", "Set voice"),
            ("GetCustomerProfile", "Customer profiles"),
        ];
        for (raw, designer) in names {
            assert_eq!(type_name(raw, &Map::new()), designer, "{raw}");
        }
    }

    /// Action types seen in public exports that the first table lacked.
    #[test]
    fn types_seen_in_public_exports_have_designer_names() {
        let names = [
            (
                "TransferParticipantToThirdParty",
                "Transfer to phone number",
            ),
            ("CreateWisdomSession", "Amazon Q in Connect"),
            ("StartMediaStreaming", "Start media streaming"),
            ("StopMediaStreaming", "Stop media streaming"),
            ("ConnectParticipantWithLexBot", "Get customer input"),
            ("CheckVoiceId", "Check Voice ID"),
            ("CreateTask", "Create task"),
            ("GetCase", "Cases"),
            ("CreateCustomerProfile", "Customer profiles"),
            ("Loop", "Loop"),
        ];
        for (raw, designer) in names {
            assert_eq!(type_name(raw, &Map::new()), designer, "{raw}");
        }
    }

    /// `UpdateContactData` is named by the block that wrote it, told by its
    /// parameters (as public exports hold them).
    #[test]
    fn update_contact_data_is_named_by_its_parameters() {
        let name = |parameters: serde_json::Value| {
            type_name("UpdateContactData", parameters.as_object().unwrap()).to_owned()
        };
        use serde_json::json;
        assert_eq!(
            name(json!({"WisdomSessionArn": "$.Wisdom.SessionArn"})),
            "Amazon Q in Connect"
        );
        assert_eq!(name(json!({"LanguageCode": "en-US"})), "Set voice");
        assert_eq!(name(json!({"TextToSpeechVoice": "Joanna"})), "Set voice");
        assert_eq!(
            name(json!({"IsVoiceIdStreamingEnabled": "true", "IsFraudDetectionEnabled": "true"})),
            "Set Voice ID"
        );
        assert_eq!(name(json!({"Something": "new"})), "UpdateContactData");
    }

    #[test]
    fn unknown_type_keeps_its_raw_name() {
        assert_eq!(
            type_name("InvokeExternalResource", &Map::new()),
            "InvokeExternalResource"
        );
    }

    #[test]
    fn parameters_choose_between_blocks_of_one_action() {
        let store = action(
            r#"{"Identifier": "x", "Type": "GetParticipantInput",
                "Parameters": {"StoreInput": "True"}, "Transitions": {}}"#,
        );
        assert_eq!(BlockName::of(&store).type_name, "Store customer input");
        let hold = action(
            r#"{"Identifier": "x", "Type": "UpdateContactEventHooks",
                "Parameters": {"EventHooks": {"AgentHold": "arn"}}, "Transitions": {}}"#,
        );
        assert_eq!(BlockName::of(&hold).type_name, "Set hold flow");
        let stop = action(
            r#"{"Identifier": "x", "Type": "UpdateContactMediaStreamingBehavior",
                "Parameters": {"MediaStreamingState": "Disabled"}, "Transitions": {}}"#,
        );
        assert_eq!(BlockName::of(&stop).type_name, "Stop media streaming");
    }

    #[test]
    fn uuid_identifier_is_shortened_and_a_name_is_kept() {
        let uuid = action(
            r#"{"Identifier": "2d0ad8a5-0d77-4f1b-9a3e-8b1f4bb8c6a1", "Type": "Compare",
                "Parameters": {}, "Transitions": {}}"#,
        );
        assert_eq!(
            BlockName::of(&uuid).to_string(),
            r#"block "Check contact attributes" 2d0ad8a5"#
        );
        // 36 characters with hyphens but not hex: a name, kept whole.
        let name = action(
            r#"{"Identifier": "Validate-Card-Number-Before-Transfer", "Type": "Compare",
                "Parameters": {}, "Transitions": {}}"#,
        );
        assert_eq!(
            BlockName::of(&name).label,
            BlockLabel::Name("Validate-Card-Number-Before-Transfer".into())
        );
    }

    #[test]
    fn lambda_block_names_its_function_or_its_placeholder() {
        let arn = action(
            r#"{"Identifier": "Get balance", "Type": "InvokeLambdaFunction",
                "Parameters": {"LambdaFunctionARN":
                  "arn:aws:lambda:us-east-1:123456789012:function:GetBalance:7"},
                "Transitions": {}}"#,
        );
        assert_eq!(
            BlockName::of(&arn).to_string(),
            r#"block "Invoke AWS Lambda function" "Get balance" (GetBalance)"#
        );
        let placeholder = action(
            r#"{"Identifier": "be74f2dc-3f2a-4f0e-9c1d-6a5b4c3d2e1f",
                "Type": "InvokeLambdaFunction",
                "Parameters": {"LambdaFunctionARN": "SELECT LAMBDA TO VIEW"},
                "Transitions": {}}"#,
        );
        assert_eq!(
            BlockName::of(&placeholder).to_string(),
            r#"block "Invoke AWS Lambda function" be74f2dc (SELECT LAMBDA TO VIEW)"#
        );
        let prompt = action(
            r#"{"Identifier": "Say", "Type": "MessageParticipant",
                "Parameters": {"LambdaFunctionARN": "not a lambda block"}, "Transitions": {}}"#,
        );
        assert_eq!(BlockName::of(&prompt).function, None);
    }
}
