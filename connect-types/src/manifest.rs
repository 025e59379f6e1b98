//! The handler manifest: what a flow may read from a Lambda, and what the
//! Lambda reads from the flow.
//!
//! One JSON document per handler, written by `#[connect_handler]` (through
//! `name::manifest()`, the binary's `--manifest` flag, or the tests when
//! `CONNECT_MANIFEST_DIR` is set) and read by the `connect-flow` checker.
//! A Lambda written in another language can ship a hand-written manifest of
//! the same shape: [`JSON_SCHEMA`] describes it.
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

/// The JSON Schema (draft 2020-12) of the manifest, version
/// [`MANIFEST_VERSION`]: the text of `connect-types/schema/manifest.schema.json`.
///
/// It is the contract for anyone writing a manifest by hand, for a Lambda in
/// another language (Python, TypeScript, Java) that the `connect-flow`
/// checker should still check flows against. It states what [`Manifest`]
/// reads and a little more:
///
/// - `manifestVersion` (the constant `1`), `handler` (non-empty) and
///   `responseValidation` (`STRING_MAP` or `JSON`) are required; `function`
///   is a Lambda function name (1 to 64 of `[A-Za-z0-9_-]`); `parameters`,
///   `attributes`, `contactData` and `external` may be left out (none).
/// - Parameter and attribute keys follow the key grammar `[A-Za-z0-9_-]+`
///   and carry `type` and `required`; `{"key": "*"}` alone says the handler
///   may read any key. A contact data path is dotted Connect names with
///   `required`, or `{"path": "*"}` alone.
/// - An external entry has `path`, `key`, `type`, `required` and
///   `referenceable`, and an optional `truncated`. Its key is dotted keys,
///   the last one possibly `*` (keys decided at run time, of type `map`);
///   an `array` is not referenceable. The path must be `$.External.`
///   followed by the key: JSON Schema cannot compare two fields, so that
///   one rule is the writer's (the generated manifests keep it, and their
///   tests check it).
/// - `type` is one of `string`, `number`, `boolean`, `object`, `array`,
///   `map`, `any`.
/// - Unknown fields are errors everywhere: a misspelt `requierd` would
///   otherwise be dropped without a word. [`Manifest`] refuses them too.
/// - Absent options are omitted, never `null` (the Rust reader happens to
///   take `null` for `function` as absent; the schema does not).
///
/// The schema has no external references, so a validator needs no network.
///
/// A hand-written manifest for a Python Lambda, checked against the schema
/// (here with the `jsonschema` crate) and read by the Rust model:
///
/// ```
/// use connect_types::manifest::{Manifest, JSON_SCHEMA};
///
/// let schema: serde_json::Value = serde_json::from_str(JSON_SCHEMA).unwrap();
/// let validator = jsonschema::draft202012::new(&schema).unwrap();
///
/// let text = r#"{
///   "manifestVersion": 1,
///   "handler": "lookup_order",
///   "function": "lookup-order",
///   "responseValidation": "JSON",
///   "parameters": [{"key": "orderId", "type": "string", "required": true}],
///   "contactData": [{"path": "CustomerEndpoint.Address", "required": false}],
///   "external": [
///     {"path": "$.External.Order", "key": "Order", "type": "object",
///      "required": true, "referenceable": true},
///     {"path": "$.External.Order.Status", "key": "Order.Status", "type": "string",
///      "required": true, "referenceable": true},
///     {"path": "$.External.Order.Items", "key": "Order.Items", "type": "array",
///      "required": true, "referenceable": false}
///   ]
/// }"#;
/// let manifest: serde_json::Value = serde_json::from_str(text).unwrap();
/// assert!(validator.is_valid(&manifest));
/// let read: Manifest = serde_json::from_str(text).unwrap();
/// assert_eq!(read.external[1].key, "Order.Status");
///
/// // A misspelt field is refused by both.
/// let typo = text.replace(r#""required": false"#, r#""requierd": false"#);
/// assert!(!validator.is_valid(&serde_json::from_str(&typo).unwrap()));
/// assert!(serde_json::from_str::<Manifest>(&typo).is_err());
/// ```
pub const JSON_SCHEMA: &str = include_str!("../schema/manifest.schema.json");

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
///
/// Reading refuses unknown fields (at every level), as [`JSON_SCHEMA`] does:
/// a misspelt field in a hand-written manifest is an error, not a silent
/// default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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

/// The key grammar Connect references use, `[A-Za-z0-9_-]+`: the one
/// definition lives in [`connect_names::key`], shared with the macros and
/// the flow checker.
///
/// ```
/// assert!(connect_types::manifest::is_valid_key("customer_balance-2"));
/// assert!(!connect_types::manifest::is_valid_key("customer balance"));
/// assert!(!connect_types::manifest::is_valid_key(""));
/// assert!(connect_types::manifest::is_key_byte(b'-'));
/// ```
pub use connect_names::key::{is_key as is_valid_key, is_key_byte};
