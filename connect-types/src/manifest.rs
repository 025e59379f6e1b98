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

/// The newest manifest format version: the one this crate writes when a
/// manifest needs it, and the highest it reads.
///
/// The format's rule: a version adds what an older reader would refuse
/// (every level refuses unknown fields), and a reader accepts every version
/// up to its own ([`READ_VERSIONS`]). A writer writes the lowest version
/// that holds what it says ([`Manifest::lowest_version`]), so a manifest
/// that uses nothing new still reads with an older checker.
///
/// - Version 1: keys, types, `required`, `referenceable`, `truncated`.
/// - Version 2 adds `values` (the closed set of strings a key can hold) to
///   parameters, attributes and external keys. A version 1 manifest reads
///   as a version 2 one without values.
pub const MANIFEST_VERSION: u32 = 2;

/// The manifest versions this crate reads: 1 to [`MANIFEST_VERSION`].
///
/// ```
/// use connect_types::manifest::READ_VERSIONS;
///
/// assert!(READ_VERSIONS.contains(&1) && READ_VERSIONS.contains(&2));
/// assert!(!READ_VERSIONS.contains(&3));
/// ```
pub const READ_VERSIONS: std::ops::RangeInclusive<u32> = 1..=MANIFEST_VERSION;

pub use crate::manifest_type::ManifestType;

/// What the macros expand to when they ask a type for its manifest type.
/// Not a public API: names here change without notice.
#[doc(hidden)]
pub mod __private {
    pub use crate::manifest_type::{TypeInfo, TypeProbe, ViaAnyType, ViaManifestType};
}

/// The JSON Schema (draft 2020-12) of the manifest, version
/// [`MANIFEST_VERSION`]: the text of `connect-types/schema/manifest.schema.json`.
///
/// It is the contract for anyone writing a manifest by hand, for a Lambda in
/// another language (Python, TypeScript, Java) that the `connect-flow`
/// checker should still check flows against. It states what [`Manifest`]
/// reads and a little more:
///
/// - `manifestVersion` (`1`, or `2` when an entry lists `values`), `handler` (non-empty) and
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
/// - `values` (version 2), on a parameter, an attribute or an external key
///   of type `string`: the closed set of strings it can hold, at least one,
///   no repeats. A version 1 manifest has none.
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

impl Manifest {
    /// The lowest format version that holds this manifest: 2 when an entry
    /// lists `values`, else 1. What the macros write, so that a handler
    /// without closed sets keeps a manifest older checkers read.
    ///
    /// ```
    /// use connect_types::manifest::{ExternalKey, Manifest, ResponseValidation, ValueType};
    ///
    /// let mut next = ExternalKey::new("next", ValueType::String, true);
    /// let mut manifest = Manifest {
    ///     manifest_version: 0,
    ///     handler: "route".into(),
    ///     function: None,
    ///     response_validation: ResponseValidation::StringMap,
    ///     parameters: vec![],
    ///     attributes: vec![],
    ///     contact_data: vec![],
    ///     external: vec![next.clone()],
    /// };
    /// assert_eq!(manifest.lowest_version(), 1);
    /// next.values = Some(vec!["none".into(), "speak".into()]);
    /// manifest.external = vec![next];
    /// assert_eq!(manifest.lowest_version(), 2);
    /// ```
    pub fn lowest_version(&self) -> u32 {
        let inputs = self.parameters.iter().chain(&self.attributes);
        if inputs.clone().any(|input| input.values.is_some())
            || self.external.iter().any(|key| key.values.is_some())
        {
            2
        } else {
            1
        }
    }

    /// `self` with [`manifest_version`](Self::manifest_version) set to
    /// [`lowest_version`](Self::lowest_version): what the macros return.
    pub fn with_lowest_version(mut self) -> Self {
        self.manifest_version = self.lowest_version();
        self
    }
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
    /// Every value the handler accepts, when that is a closed set (a
    /// `ConnectValue` enum, in its string forms); absent when any value
    /// of `type` is accepted. Version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
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
    /// Every value the key can hold, when that is a closed set (a
    /// `ConnectValue` enum, or `true` and `false` for a
    /// `#[connect(display)]` bool); absent when any value of `type` can
    /// occur. Connect compares them case-sensitively. Version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
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
            values: None,
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
