//! The handler manifest: what a flow may read from a Lambda, and what the
//! Lambda reads from the flow.
//!
//! One JSON document per handler, written by `#[connect_handler]` (through
//! `name::manifest()`, the binary's `--manifest` flag, or the tests when
//! `CONNECT_MANIFEST_DIR` is set) and read by the `connect-flow` checker.
//! A Lambda written in another language can ship a hand-written manifest of
//! the same shape.
//!
//! ```
//! use connect_types::manifest::Manifest;
//!
//! let manifest: Manifest = serde_json::from_str(r#"{
//!   "manifestVersion": 1,
//!   "handler": "my_first_connect_lambda",
//!   "function": "MyFirstConnectLambda",
//!   "responseValidation": "STRING_MAP",
//!   "parameters": [{"key": "companyName", "type": "string", "required": true}],
//!   "attributes": [],
//!   "contactData": [{"path": "CustomerEndpoint.Address", "required": true}],
//!   "external": [
//!     {"path": "$.External.customerBalance", "key": "customerBalance",
//!      "type": "string", "required": true, "referenceable": true}
//!   ]
//! }"#).unwrap();
//! assert_eq!(manifest.external[0].key, "customerBalance");
//! ```

use serde::{Deserialize, Serialize};

/// The manifest format version this crate writes and reads.
pub const MANIFEST_VERSION: u32 = 1;

/// The prefix of every key a flow reads from the most recent Lambda.
pub const EXTERNAL_PREFIX: &str = "$.External";

/// The response validation an "Invoke AWS Lambda function" block applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum ResponseValidation {
    /// A flat object whose values are all strings (the default, and the only
    /// mode older flows had).
    #[default]
    #[serde(rename = "STRING_MAP")]
    StringMap,
    /// Any JSON object; nested keys are referenced as `$.External.a.b`.
    #[serde(rename = "JSON")]
    Json,
}

impl ResponseValidation {
    /// Connect's name for the mode: `STRING_MAP` or `JSON`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ResponseValidation::StringMap => "STRING_MAP",
            ResponseValidation::Json => "JSON",
        }
    }
}

impl std::fmt::Display for ResponseValidation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The JSON type of a key, as the manifest names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueType {
    /// A JSON string.
    String,
    /// A JSON number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// A JSON object whose keys are listed as their own entries.
    Object,
    /// A JSON array: listed, but a flow cannot reference into it.
    Array,
    /// An object whose keys are decided at run time.
    Map,
    /// Any JSON value (an enum, a `serde_json::Value`, a custom type).
    Any,
}

impl ValueType {
    /// The manifest's name of the type (`string`, `number`, ...).
    pub const fn as_str(self) -> &'static str {
        match self {
            ValueType::String => "string",
            ValueType::Number => "number",
            ValueType::Boolean => "boolean",
            ValueType::Object => "object",
            ValueType::Array => "array",
            ValueType::Map => "map",
            ValueType::Any => "any",
        }
    }
}

impl std::fmt::Display for ValueType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One handler's manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    /// Always [`MANIFEST_VERSION`] for manifests this crate writes.
    pub manifest_version: u32,
    /// The Rust function's name.
    pub handler: String,
    /// The deployed Lambda function's name, when the handler names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    /// The response validation the response type is written for.
    pub response_validation: ResponseValidation,
    /// The flow parameters (`Details.Parameters`) the handler reads.
    #[serde(default)]
    pub parameters: Vec<InputKey>,
    /// The contact attributes (`ContactData.Attributes`) the handler reads.
    #[serde(default)]
    pub attributes: Vec<InputKey>,
    /// The contact data fields the handler reads (`*` for all of them).
    #[serde(default)]
    pub contact_data: Vec<ContactDataPath>,
    /// The keys the flow may reference as `$.External.<key>`.
    #[serde(default)]
    pub external: Vec<ExternalKey>,
}

/// A parameter or attribute the handler reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputKey {
    /// The key in `Details.Parameters` or `ContactData.Attributes`; `*` when
    /// the handler may read any.
    pub key: String,
    /// The JSON type the handler expects; absent for `*`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub ty: Option<ValueType>,
    /// Whether the invocation fails without it; absent for `*`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
}

/// A contact data field the handler reads, in Connect's names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactDataPath {
    /// `CustomerEndpoint.Address`, `References.<name>.Value`, or `*` for the
    /// whole contact.
    pub path: String,
    /// Whether the invocation fails without it; absent for `*`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
}

/// A key of the response, as the flow sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalKey {
    /// The full reference: `$.External.Name.First`.
    pub path: String,
    /// The key below `$.External`: `Name.First`; `*` for keys decided at run
    /// time.
    pub key: String,
    /// The JSON type of the value.
    #[serde(rename = "type")]
    pub ty: ValueType,
    /// `false` when the value may be left out of the response (an `Option`
    /// field that is `None`, or any key below one).
    pub required: bool,
    /// `false` when a flow cannot reference the key (arrays).
    pub referenceable: bool,
    /// `true` where a recursive type was cut: its keys repeat above.
    #[serde(default, skip_serializing_if = "is_false")]
    pub truncated: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl ExternalKey {
    /// An entry for `key` (dotted for nested keys) with its `$.External`
    /// path filled in.
    pub fn new(key: impl Into<String>, ty: ValueType, required: bool) -> Self {
        let key = key.into();
        ExternalKey {
            path: format!("{EXTERNAL_PREFIX}.{key}"),
            referenceable: ty != ValueType::Array,
            key,
            ty,
            required,
            truncated: false,
        }
    }
}

/// Whether `key` fits the one key grammar Connect references use:
/// `[A-Za-z0-9_-]+`.
///
/// ```
/// assert!(connect_types::manifest::is_valid_key("customer_balance-2"));
/// assert!(!connect_types::manifest::is_valid_key("customer balance"));
/// assert!(!connect_types::manifest::is_valid_key(""));
/// ```
pub fn is_valid_key(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(is_key_byte)
}

/// Whether `byte` may appear in a key: `[A-Za-z0-9_-]`.
pub const fn is_key_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-'
}
