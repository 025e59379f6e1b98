//! A model of the Amazon Connect flow language (`Version` "2019-10-30"), as
//! the flow designer exports it.
//!
//! The model keeps what the checker needs (actions, their parameters and
//! transitions) and tolerates everything else: action types it does not know,
//! fields it does not know, `Metadata` (designer data only) and a flow
//! module's `Settings`. It recognises the older export format (`modules`,
//! `InvokeExternalResource`) and asks for a re-export instead of failing
//! obscurely.
//!
//! ```
//! use connect_flow::flow::{ActionType, Flow};
//!
//! let flow = Flow::from_slice(br#"{
//!   "Version": "2019-10-30",
//!   "StartAction": "Greet",
//!   "Actions": [
//!     {"Identifier": "Greet", "Type": "MessageParticipant",
//!      "Parameters": {"Text": "Hello"}, "Transitions": {"NextAction": "Bye"}},
//!     {"Identifier": "Bye", "Type": "DisconnectParticipant",
//!      "Parameters": {}, "Transitions": {}}
//!   ]
//! }"#, "inline.json").unwrap();
//! assert_eq!(flow.start_action, "Greet");
//! assert_eq!(flow.actions[1].action_type, ActionType::DisconnectParticipant);
//! assert_eq!(flow.actions[0].transitions.targets().count(), 1);
//! ```

use std::path::{Path, PathBuf};

use connect_types::error::value_kind;
use connect_types::manifest::ResponseValidation;
use serde_json::{Map, Value};

use crate::error::InputError;

/// The only flow language version Amazon Connect exports.
pub const FLOW_LANGUAGE_VERSION: &str = "2019-10-30";

/// A flow (or flow module) in the flow language.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    /// The file it was read from, for messages.
    pub path: PathBuf,
    /// The CloudFormation logical id of the resource this flow came from, when it came from a template.
    pub resource: Option<String>,
    /// The names Amazon Connect knows it by, when its source says them
    /// (`describe-contact-flow`'s `Name` and `Id`): a transfer to it may
    /// name it by either.
    pub known_as: Vec<String>,
    /// Always [`FLOW_LANGUAGE_VERSION`].
    pub version: String,
    /// The Identifier of the first action.
    pub start_action: String,
    /// The actions, in file order.
    pub actions: Vec<Action>,
    /// Designer data (positions, friendly names); not used by the checker.
    pub metadata: Option<Value>,
    /// A flow module's settings (its inputs, outputs and branches).
    pub settings: Option<Value>,
}

/// One block of the flow.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    /// The action's Identifier: a UUID or a free-text name.
    pub identifier: String,
    /// What the block does.
    pub action_type: ActionType,
    /// The block's parameters, as exported (values are usually strings).
    pub parameters: Map<String, Value>,
    /// Where the contact goes next.
    pub transitions: Transitions,
}

/// The type of an action. Types the checker has no rule for are kept as
/// [`ActionType::Other`].
///
/// ```
/// use connect_flow::flow::ActionType;
///
/// assert_eq!(ActionType::from_name("Compare"), ActionType::Compare);
/// assert_eq!(ActionType::from_name("ShowView").as_str(), "ShowView");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ActionType {
    /// "Invoke AWS Lambda function".
    InvokeLambdaFunction,
    /// "Set contact attributes".
    UpdateContactAttributes,
    /// "Check contact attributes".
    Compare,
    /// "Play prompt" / "Send message".
    MessageParticipant,
    /// "Get customer input" / "Store customer input".
    GetParticipantInput,
    /// "Transfer to flow".
    TransferToFlow,
    /// "Disconnect / hang up".
    DisconnectParticipant,
    /// The end of a flow module or of a whisper flow.
    EndFlowExecution,
    /// Any other type, by its name.
    Other(String),
}

impl ActionType {
    /// The type named `name` in the flow language.
    pub fn from_name(name: &str) -> Self {
        match name {
            "InvokeLambdaFunction" => ActionType::InvokeLambdaFunction,
            "UpdateContactAttributes" => ActionType::UpdateContactAttributes,
            "Compare" => ActionType::Compare,
            "MessageParticipant" => ActionType::MessageParticipant,
            "GetParticipantInput" => ActionType::GetParticipantInput,
            "TransferToFlow" => ActionType::TransferToFlow,
            "DisconnectParticipant" => ActionType::DisconnectParticipant,
            "EndFlowExecution" => ActionType::EndFlowExecution,
            other => ActionType::Other(other.to_owned()),
        }
    }

    /// The flow language's name of the type.
    pub fn as_str(&self) -> &str {
        match self {
            ActionType::InvokeLambdaFunction => "InvokeLambdaFunction",
            ActionType::UpdateContactAttributes => "UpdateContactAttributes",
            ActionType::Compare => "Compare",
            ActionType::MessageParticipant => "MessageParticipant",
            ActionType::GetParticipantInput => "GetParticipantInput",
            ActionType::TransferToFlow => "TransferToFlow",
            ActionType::DisconnectParticipant => "DisconnectParticipant",
            ActionType::EndFlowExecution => "EndFlowExecution",
            ActionType::Other(name) => name,
        }
    }
}

/// An action's outgoing edges. Terminal actions have none (`{}`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Transitions {
    /// The default next action.
    pub next_action: Option<String>,
    /// Branches taken when a condition holds (Compare, input, ...).
    pub conditions: Vec<ConditionTransition>,
    /// Branches taken on an error (`NoMatchingError`, ...).
    pub errors: Vec<ErrorTransition>,
}

/// A conditional branch.
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionTransition {
    /// Where the contact goes when the condition holds.
    pub next_action: Option<String>,
    /// The condition as exported (`{"Operator": "Equals", "Operands": [...]}`).
    pub condition: Option<Value>,
}

/// An error branch.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorTransition {
    /// Where the contact goes on this error.
    pub next_action: Option<String>,
    /// The error: `NoMatchingError`, `NoMatchingCondition`, ...
    pub error_type: String,
}

/// Which kind of edge a transition is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EdgeKind {
    /// `Transitions.NextAction`.
    Next,
    /// `Transitions.Conditions[i].NextAction`.
    Condition(usize),
    /// `Transitions.Errors[i].NextAction`.
    Error(usize),
}

impl EdgeKind {
    /// The dotted path of the edge's target inside the action.
    ///
    /// ```
    /// use connect_flow::flow::EdgeKind;
    /// assert_eq!(EdgeKind::Error(0).field(), "Transitions.Errors[0].NextAction");
    /// ```
    pub fn field(self) -> String {
        match self {
            EdgeKind::Next => "Transitions.NextAction".to_owned(),
            EdgeKind::Condition(i) => format!("Transitions.Conditions[{i}].NextAction"),
            EdgeKind::Error(i) => format!("Transitions.Errors[{i}].NextAction"),
        }
    }
}

impl Transitions {
    /// Every edge with a target, in file order: NextAction, then each
    /// Condition, then each Error.
    pub fn targets(&self) -> impl Iterator<Item = (EdgeKind, &str)> {
        let next = self
            .next_action
            .as_deref()
            .map(|target| (EdgeKind::Next, target));
        let conditions = self
            .conditions
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some((EdgeKind::Condition(i), c.next_action.as_deref()?)));
        let errors = self
            .errors
            .iter()
            .enumerate()
            .filter_map(|(i, e)| Some((EdgeKind::Error(i), e.next_action.as_deref()?)));
        next.into_iter().chain(conditions).chain(errors)
    }
}

/// How an "Invoke AWS Lambda function" block runs the function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InvocationType {
    /// The contact waits for the response (the default).
    Synchronous,
    /// The contact moves on; the result is loaded later.
    Asynchronous,
    /// Another value, kept by name.
    Other(String),
}

/// A view of an `InvokeLambdaFunction` action's parameters.
///
/// ```
/// use connect_flow::flow::{Flow, InvocationType};
/// use connect_types::manifest::ResponseValidation;
///
/// let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "a", "Actions": [
///   {"Identifier": "a", "Type": "InvokeLambdaFunction", "Parameters": {
///     "LambdaFunctionARN": "arn:aws:lambda:us-east-1:123456789012:function:Balance",
///     "InvocationTimeLimitSeconds": "8",
///     "ResponseValidation": {"ResponseType": "JSON"}}, "Transitions": {}}]}"#, "f.json").unwrap();
/// let invoke = flow.actions[0].lambda_invoke().unwrap();
/// assert_eq!(invoke.effective_validation(), ResponseValidation::Json);
/// assert_eq!(invoke.invocation_type(), InvocationType::Synchronous);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct LambdaInvoke<'a> {
    action: &'a Action,
}

impl<'a> LambdaInvoke<'a> {
    /// The action itself.
    pub fn action(&self) -> &'a Action {
        self.action
    }

    /// `LambdaFunctionARN` when it is a string.
    pub fn function_arn(&self) -> Option<&'a str> {
        self.action.parameters.get("LambdaFunctionARN")?.as_str()
    }

    /// `InvocationTimeLimitSeconds` as exported.
    pub fn timeout(&self) -> Option<&'a Value> {
        self.action.parameters.get("InvocationTimeLimitSeconds")
    }

    /// `InvocationType`; absent means synchronous.
    pub fn invocation_type(&self) -> InvocationType {
        match self
            .action
            .parameters
            .get("InvocationType")
            .and_then(Value::as_str)
        {
            None | Some("SYNCHRONOUS") => InvocationType::Synchronous,
            Some("ASYNCHRONOUS") => InvocationType::Asynchronous,
            Some(other) => InvocationType::Other(other.to_owned()),
        }
    }

    /// `ResponseValidation.ResponseType` as written, if any.
    pub fn declared_validation(&self) -> Option<&'a str> {
        self.action
            .parameters
            .get("ResponseValidation")?
            .get("ResponseType")?
            .as_str()
    }

    /// The validation Connect applies: JSON only when the block says so;
    /// absent (older flows) or anything else is STRING_MAP.
    pub fn effective_validation(&self) -> ResponseValidation {
        match self.declared_validation() {
            Some("JSON") => ResponseValidation::Json,
            _ => ResponseValidation::StringMap,
        }
    }

    /// `LambdaInvocationAttributes`: the function input parameters.
    pub fn invocation_attributes(&self) -> Option<&'a Map<String, Value>> {
        self.action
            .parameters
            .get("LambdaInvocationAttributes")?
            .as_object()
    }

    /// Whether this block only loads the result of an earlier asynchronous
    /// invocation ("Load Lambda result"): it names no function to invoke.
    pub fn is_load_result(&self) -> bool {
        !self.action.parameters.contains_key("LambdaFunctionARN")
    }
}

impl Action {
    /// The Lambda view of this action, when it is an `InvokeLambdaFunction`.
    pub fn lambda_invoke(&self) -> Option<LambdaInvoke<'_>> {
        (self.action_type == ActionType::InvokeLambdaFunction)
            .then_some(LambdaInvoke { action: self })
    }
}

impl Flow {
    /// Reads and parses the flow in the file at `path`.
    ///
    /// # Errors
    /// [`InputError`] when the file is missing, not JSON, not a flow, in the
    /// older export format, or of another flow language version.
    pub fn load(path: &Path) -> Result<Flow, InputError> {
        let bytes = std::fs::read(path).map_err(|source| InputError::Read {
            path: path.to_owned(),
            source,
        })?;
        Flow::from_slice(&bytes, path)
    }

    /// Parses a flow from JSON bytes; `path` is used in messages only.
    ///
    /// # Errors
    /// As [`Flow::load`], except for reading the file.
    ///
    /// ```
    /// use connect_flow::flow::Flow;
    ///
    /// let err = Flow::from_slice(br#"{"modules": [], "version": "1"}"#, "old.json").unwrap_err();
    /// assert!(err.to_string().contains("older export format"));
    /// let err = Flow::from_slice(b"[]", "list.json").unwrap_err();
    /// assert!(err.to_string().contains("found an array"));
    /// ```
    pub fn from_slice(bytes: &[u8], path: impl AsRef<Path>) -> Result<Flow, InputError> {
        let path = path.as_ref();
        match streaming::read(bytes, path) {
            Some(flow) => Ok(flow),
            None => Flow::parse_precisely(bytes, path),
        }
    }

    /// Parses through a `Value`, to say precisely what is wrong with a
    /// document that is not a valid flow.
    pub(crate) fn parse_precisely(bytes: &[u8], path: &Path) -> Result<Flow, InputError> {
        let value = InputError::parse_json(bytes, path)?;
        let not_a_flow = |reason: String| InputError::NotAFlow {
            path: path.to_owned(),
            reason,
        };
        let Value::Object(mut root) = value else {
            return Err(not_a_flow(format!(
                "expected a JSON object with Version, StartAction and Actions, found {}",
                value_kind(&value)
            )));
        };
        if is_older_export(&root) {
            return Err(InputError::OlderExportFormat {
                path: path.to_owned(),
            });
        }
        let version =
            match root.get("Version") {
                Some(Value::String(v)) => v.clone(),
                Some(other) => {
                    return Err(not_a_flow(format!(
                        "Version: expected a string, found {}",
                        value_kind(other)
                    )))
                }
                None => return Err(not_a_flow(
                    "Version is missing (a flow language export has \"Version\": \"2019-10-30\")"
                        .into(),
                )),
            };
        if version != FLOW_LANGUAGE_VERSION {
            return Err(InputError::UnsupportedFlowVersion {
                path: path.to_owned(),
                version,
            });
        }
        let start_action =
            required_string(root.get("StartAction"), "StartAction").map_err(not_a_flow)?;
        // The actions are taken out of the parsed document, not copied: a
        // flow of 100,000 actions would otherwise be held twice.
        let actions = match root.remove("Actions") {
            Some(Value::Array(items)) => items
                .into_iter()
                .enumerate()
                .map(|(i, item)| parse_action(item, i))
                .collect::<Result<Vec<_>, String>>()
                .map_err(not_a_flow)?,
            Some(other) => {
                return Err(not_a_flow(format!(
                    "Actions: expected an array, found {}",
                    value_kind(&other)
                )))
            }
            None => return Err(not_a_flow("Actions is missing".into())),
        };
        Ok(Flow {
            path: path.to_owned(),
            resource: None,
            known_as: Vec::new(),
            version,
            start_action,
            actions,
            metadata: root.remove("Metadata"),
            settings: root.remove("Settings"),
        })
    }

    /// The index of the first action with this Identifier.
    pub fn position(&self, identifier: &str) -> Option<usize> {
        self.actions.iter().position(|a| a.identifier == identifier)
    }
}

/// The older export format: `{"modules": [...], "version": "1", "start": ...}`
/// with types like `InvokeExternalResource`.
fn is_older_export(root: &Map<String, Value>) -> bool {
    root.contains_key("modules") && !root.contains_key("Actions")
}

pub(crate) fn parse_action(value: Value, index: usize) -> Result<Action, String> {
    let at = format!("Actions[{index}]");
    let Value::Object(mut object) = value else {
        return Err(format!(
            "{at}: expected an object, found {}",
            value_kind(&value)
        ));
    };
    let identifier = required_string(object.get("Identifier"), &format!("{at}.Identifier"))?;
    let action_type =
        ActionType::from_name(&required_string(object.get("Type"), &format!("{at}.Type"))?);
    let parameters = match object.remove("Parameters") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(map)) => map,
        Some(other) => {
            return Err(format!(
                "{at}.Parameters: expected an object, found {}",
                value_kind(&other)
            ))
        }
    };
    let transitions =
        match optional_object(object.get("Transitions"), &format!("{at}.Transitions"))? {
            Some(map) => parse_transitions(map, &at)?,
            None => Transitions::default(),
        };
    Ok(Action {
        identifier,
        action_type,
        parameters,
        transitions,
    })
}

fn parse_transitions(map: &Map<String, Value>, at: &str) -> Result<Transitions, String> {
    let next_action = optional_string(
        map.get("NextAction"),
        &format!("{at}.Transitions.NextAction"),
    )?;
    let conditions = items(
        map.get("Conditions"),
        &format!("{at}.Transitions.Conditions"),
    )?
    .iter()
    .enumerate()
    .map(|(i, c)| {
        let at = format!("{at}.Transitions.Conditions[{i}]");
        let object = object(c, &at)?;
        Ok(ConditionTransition {
            next_action: optional_string(object.get("NextAction"), &format!("{at}.NextAction"))?,
            condition: object.get("Condition").cloned(),
        })
    })
    .collect::<Result<Vec<_>, String>>()?;
    let errors = items(map.get("Errors"), &format!("{at}.Transitions.Errors"))?
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let at = format!("{at}.Transitions.Errors[{i}]");
            let object = object(e, &at)?;
            Ok(ErrorTransition {
                next_action: optional_string(
                    object.get("NextAction"),
                    &format!("{at}.NextAction"),
                )?,
                error_type: optional_string(object.get("ErrorType"), &format!("{at}.ErrorType"))?
                    .unwrap_or_default(),
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(Transitions {
        next_action,
        conditions,
        errors,
    })
}

fn required_string(value: Option<&Value>, at: &str) -> Result<String, String> {
    match value {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(format!(
            "{at}: expected a string, found {}",
            value_kind(other)
        )),
        None => Err(format!("{at} is missing")),
    }
}

fn object<'v>(value: &'v Value, at: &str) -> Result<&'v Map<String, Value>, String> {
    value
        .as_object()
        .ok_or_else(|| format!("{at}: expected an object, found {}", value_kind(value)))
}

fn optional_object<'v>(
    value: Option<&'v Value>,
    at: &str,
) -> Result<Option<&'v Map<String, Value>>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(map)) => Ok(Some(map)),
        Some(other) => Err(format!(
            "{at}: expected an object, found {}",
            value_kind(other)
        )),
    }
}

fn optional_string(value: Option<&Value>, at: &str) -> Result<Option<String>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!(
            "{at}: expected a string, found {}",
            value_kind(other)
        )),
    }
}

fn items<'v>(value: Option<&'v Value>, at: &str) -> Result<&'v [Value], String> {
    match value {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(format!(
            "{at}: expected an array, found {}",
            value_kind(other)
        )),
    }
}

mod streaming {
    //! Reading a valid flow with one action's JSON in memory at a time.
    //!
    //! [`crate::flow::Flow::from_slice`] parses a document into a
    //! `serde_json::Value` to say precisely what is wrong with a bad one. For a
    //! good one that costs the whole tree at once (a map node per action, per
    //! transition, per condition), most of it dropped right after. This reader
    //! turns each action into an [`Action`] as soon as it is parsed, so the
    //! peak holds the actions, not the tree. It gives up (`None`) at the first
    //! doubt, and the caller then takes the precise path, which decides and
    //! words every error: both paths accept the same flows and build the same
    //! [`Flow`].

    use std::fmt;
    use std::path::Path;

    use serde::de::{
        DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor,
    };
    use serde_json::Value;

    use super::{parse_action, Action, Flow, FLOW_LANGUAGE_VERSION};

    /// The flow in `bytes`, or `None` when it is not a valid flow (or might
    /// not be): the precise path then says why.
    pub(crate) fn read(bytes: &[u8], path: &Path) -> Option<Flow> {
        let mut deserializer = serde_json::Deserializer::from_slice(bytes);
        let root = deserializer.deserialize_map(RootVisitor).ok()?;
        deserializer.end().ok()?;
        let (Some(Value::String(version)), Some(Value::String(start_action)), Some(actions)) =
            (root.version, root.start_action, root.actions)
        else {
            return None;
        };
        if version != FLOW_LANGUAGE_VERSION {
            return None;
        }
        Some(Flow {
            path: path.to_owned(),
            resource: None,
            known_as: Vec::new(),
            version,
            start_action,
            actions,
            metadata: root.metadata,
            settings: root.settings,
        })
    }

    #[derive(Default)]
    struct Root {
        version: Option<Value>,
        start_action: Option<Value>,
        actions: Option<Vec<Action>>,
        metadata: Option<Value>,
        settings: Option<Value>,
    }

    struct RootVisitor;

    impl<'de> Visitor<'de> for RootVisitor {
        type Value = Root;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a flow")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Root, A::Error> {
            let mut root = Root::default();
            while let Some(key) = map.next_key::<String>()? {
                // A key given twice is left to the precise path, which keeps
                // serde_json's reading of it.
                let taken = match key.as_str() {
                    "Version" => root.version.replace(map.next_value()?).is_some(),
                    "StartAction" => root.start_action.replace(map.next_value()?).is_some(),
                    "Metadata" => root.metadata.replace(map.next_value()?).is_some(),
                    "Settings" => root.settings.replace(map.next_value()?).is_some(),
                    "Actions" => root
                        .actions
                        .replace(map.next_value_seed(ActionsSeed)?)
                        .is_some(),
                    _ => {
                        map.next_value::<IgnoredAny>()?;
                        false
                    }
                };
                if taken {
                    return Err(A::Error::custom("a key given twice"));
                }
            }
            Ok(root)
        }
    }

    struct ActionsSeed;

    impl<'de> DeserializeSeed<'de> for ActionsSeed {
        type Value = Vec<Action>;

        fn deserialize<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Vec<Action>, D::Error> {
            deserializer.deserialize_seq(self)
        }
    }

    impl<'de> Visitor<'de> for ActionsSeed {
        type Value = Vec<Action>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("the actions")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Action>, A::Error> {
            let mut actions = Vec::with_capacity(seq.size_hint().unwrap_or(0));
            while let Some(value) = seq.next_element::<Value>()? {
                let action = parse_action(value, actions.len()).map_err(A::Error::custom)?;
                actions.push(action);
            }
            Ok(actions)
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// Every fixture flow, and each cut short or with a key doubled: this
        /// reader builds what the precise path builds, or leaves it to it.
        #[test]
        fn both_paths_agree() {
            let mut files = Vec::new();
            let mut folders = vec![std::path::PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests"
            ))];
            while let Some(folder) = folders.pop() {
                for entry in std::fs::read_dir(folder).unwrap() {
                    let path = entry.unwrap().path();
                    if path.is_dir() {
                        folders.push(path);
                    } else if path.extension().is_some_and(|e| e == "json") {
                        files.push(path);
                    }
                }
            }
            assert!(files.len() > 20);
            let mut read_here = 0;
            for file in files {
                let bytes = std::fs::read(&file).unwrap();
                let text = String::from_utf8_lossy(&bytes);
                let doubled = text.replacen(
                    "\"StartAction\"",
                    "\"StartAction\": \"x\", \"StartAction\"",
                    1,
                );
                for variant in [&bytes[..], &bytes[..bytes.len() / 2], doubled.as_bytes()] {
                    let precise = Flow::parse_precisely(variant, &file).ok();
                    match read(variant, &file) {
                        Some(flow) => {
                            read_here += 1;
                            assert_eq!(Some(flow), precise, "{}", file.display());
                        }
                        None => assert!(
                            precise.is_none() || variant.len() != bytes.len(),
                            "{}",
                            file.display()
                        ),
                    }
                }
            }
            assert!(read_here > 10);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Flow, InputError> {
        Flow::from_slice(text.as_bytes(), "t.json")
    }

    #[test]
    fn tolerates_unknown_types_and_fields() {
        let flow = parse(
            r#"{"Version": "2019-10-30", "StartAction": "x", "Comment": "new field",
                "Metadata": {"entryPointPosition": {"x": 1}},
                "Actions": [{"Identifier": "x", "Type": "ShowView", "Extra": 1,
                  "Parameters": {"ViewResource": {"Id": "arn"}},
                  "Transitions": {"NextAction": "y", "Conditions": [], "Errors": [], "Future": true}}]}"#,
        )
        .unwrap();
        assert_eq!(
            flow.actions[0].action_type,
            ActionType::Other("ShowView".into())
        );
        assert_eq!(
            flow.actions[0].transitions.next_action.as_deref(),
            Some("y")
        );
        assert!(flow.metadata.is_some());
    }

    #[test]
    fn terminal_actions_and_missing_parts() {
        let flow = parse(
            r#"{"Version": "2019-10-30", "StartAction": "x",
                "Actions": [{"Identifier": "x", "Type": "DisconnectParticipant", "Transitions": {}},
                            {"Identifier": "y", "Type": "EndFlowExecution"}]}"#,
        )
        .unwrap();
        assert_eq!(flow.actions[0].transitions, Transitions::default());
        assert!(flow.actions[1].parameters.is_empty());
    }

    #[test]
    fn settings_of_a_module() {
        let flow = parse(
            r#"{"Version": "2019-10-30", "StartAction": "x", "Settings": {"InputParameters": []},
                "Actions": [{"Identifier": "x", "Type": "EndFlowExecution", "Parameters": {}, "Transitions": {}}]}"#,
        )
        .unwrap();
        assert!(flow.settings.is_some());
    }

    #[test]
    fn errors_say_what_and_where() {
        let err = parse("{").unwrap_err().to_string();
        assert!(err.starts_with("t.json: not valid JSON: EOF"), "{err}");
        let err = parse("[]").unwrap_err().to_string();
        assert!(err.contains("found an array"), "{err}");
        let err = parse(r#"{"Version": "2019-10-30", "StartAction": "x"}"#).unwrap_err();
        assert!(err.to_string().contains("Actions is missing"));
        let err = parse(
            r#"{"Version": "2019-10-30", "StartAction": "x", "Actions": [{"Type": "Compare"}]}"#,
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("Actions[0].Identifier is missing"),
            "{err}"
        );
        let err = parse(
            r#"{"Version": "2019-10-30", "StartAction": "x", "Actions": [
                {"Identifier": "x", "Type": "Compare", "Transitions": {"Conditions": {}}}]}"#,
        )
        .unwrap_err();
        assert!(err
            .to_string()
            .contains("Actions[0].Transitions.Conditions: expected an array, found an object"));
        let err =
            parse(r#"{"Version": "2020-01-01", "StartAction": "x", "Actions": []}"#).unwrap_err();
        assert!(matches!(err, InputError::UnsupportedFlowVersion { .. }));
        let err = parse(
            r#"{"modules": [{"type": "InvokeExternalResource"}], "version": "1", "start": "a"}"#,
        )
        .unwrap_err();
        assert!(matches!(err, InputError::OlderExportFormat { .. }));
    }

    #[test]
    fn lambda_view() {
        let flow = parse(
            r#"{"Version": "2019-10-30", "StartAction": "x", "Actions": [
                {"Identifier": "x", "Type": "InvokeLambdaFunction", "Parameters": {
                    "LambdaFunctionARN": "arn", "InvocationType": "ASYNCHRONOUS",
                    "LambdaInvocationAttributes": {"a": "1"}}, "Transitions": {}},
                {"Identifier": "y", "Type": "InvokeLambdaFunction", "Parameters": {}, "Transitions": {}}]}"#,
        )
        .unwrap();
        let invoke = flow.actions[0].lambda_invoke().unwrap();
        assert_eq!(invoke.invocation_type(), InvocationType::Asynchronous);
        assert_eq!(invoke.effective_validation(), ResponseValidation::StringMap);
        assert_eq!(invoke.invocation_attributes().unwrap().len(), 1);
        assert!(!invoke.is_load_result());
        assert!(flow.actions[1].lambda_invoke().unwrap().is_load_result());
    }
}
