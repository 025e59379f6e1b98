//! Reading a handler's arguments from the Connect event: the hot path of
//! every invocation, and the source of every event error message.
//!
//! - [`scan`] reads, in one pass over the body, only the values an
//!   [`EventPlan`] names, as borrowed [`RawValue`]s, and skips the rest
//!   without building it.
//! - [`required`] / [`optional`] turn one captured value into the argument's
//!   type through [`Lenient`], with the argument's path on any error.
//! - [`from_slice`] reads a whole document through the same adapter;
//!   [`from_slice_strict`] reads one without coercions, for the event model
//!   itself (`ContactFlowEvent`, a whole `ContactData`): a `ContactId` that is
//!   a number is an error, not a string.
//!
//! Every error is an [`ExtractError`]: `MalformedEvent` or `InvalidEvent`,
//! with the JSON path and the expected type, never a value from the event.
//!
//! ```
//! use connect_types::extract::{optional, required, scan, EventPlan, Source};
//!
//! static PLAN: EventPlan = EventPlan {
//!     parameters: &["companyName", "age"],
//!     attributes: &[],
//!     contact_paths: &["CustomerEndpoint.Address"],
//!     contact_data: false,
//! };
//!
//! let body = br#"{
//!     "Details": {
//!         "ContactData": {"CustomerEndpoint": {"Address": "+15550100", "Type": "TELEPHONE_NUMBER"}},
//!         "Parameters": {"companyName": "GGG", "age": "10"}
//!     },
//!     "Name": "ContactFlowEvent"
//! }"#;
//! let scanned = scan(body, &PLAN).unwrap();
//! let company: String = required(scanned.parameter(0), Source::Parameter, "companyName").unwrap();
//! let age: Option<u32> = optional(scanned.parameter(1), Source::Parameter, "age").unwrap();
//! let phone: &str = required(scanned.contact(0), Source::Contact, "CustomerEndpoint.Address").unwrap();
//! assert_eq!((company.as_str(), age, phone), ("GGG", Some(10), "+15550100"));
//! ```

mod coerce;
mod error;
mod lenient;
mod plain;
mod reader;
mod scan;

use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, Expected, Visitor};
use serde_json::value::RawValue;

use crate::error::{ErrorType, InvokeError};

pub use self::error::ExtractError;
pub use self::lenient::Lenient;
pub use self::scan::{scan, EventPlan, Scanned};

/// Deserialises a whole JSON document through [`Lenient`]: lenient
/// coercions, value-free errors with paths.
///
/// The body is checked to be UTF-8 once up front; trailing characters after
/// the value are an error. `MalformedEvent`: invalid UTF-8, a syntax error,
/// nesting past 128 levels, trailing characters. `InvalidEvent`: JSON of the
/// wrong shape.
///
/// ```
/// use connect_types::error::ErrorType;
/// use connect_types::extract::from_slice;
/// use std::collections::HashMap;
///
/// let values: HashMap<String, u32> = from_slice(br#"{"a": "1", "b": 2}"#).unwrap();
/// assert_eq!(values["a"], 1);
///
/// let error = from_slice::<HashMap<String, u32>>(br#"{"a": "1.5"}"#).unwrap_err();
/// assert_eq!(error.to_string(), "a: invalid type: expected u32, found a string");
///
/// let error = from_slice::<u32>(b"1 2").unwrap_err();
/// assert_eq!(error.kind(), ErrorType::MalformedEvent);
/// ```
pub fn from_slice<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Result<T, ExtractError> {
    let text = std::str::from_utf8(bytes).map_err(ExtractError::utf8)?;
    from_text(text, true)
}

/// Deserialises a whole JSON document through [`Lenient::strict`]: no
/// coercions, value-free errors with paths. For the event model, whose types
/// are Amazon Connect's: `ContactFlowEvent::from_slice` and a handler's
/// `&ContactData` / `&ContactFlowEvent` arguments.
///
/// The errors are [`from_slice`]'s; only the coercions are gone, so a value
/// must be of the type asked for (as with serde_json).
///
/// ```
/// use connect_types::error::ErrorType;
/// use connect_types::extract::from_slice_strict;
/// use std::collections::HashMap;
///
/// let ids: HashMap<String, String> = from_slice_strict(br#"{"ContactId": "abc"}"#).unwrap();
/// assert_eq!(ids["ContactId"], "abc");
///
/// let error = from_slice_strict::<HashMap<String, String>>(br#"{"ContactId": 15550100}"#)
///     .unwrap_err();
/// assert_eq!(error.kind(), ErrorType::InvalidEvent);
/// assert_eq!(error.path(), "ContactId");
/// assert_eq!(
///     error.to_string(),
///     "ContactId: invalid type: expected a string, found an integer"
/// );
///
/// // `from_slice` would read "1" as 1; the strict mode does not.
/// assert!(from_slice_strict::<HashMap<String, u32>>(br#"{"a": "1"}"#).is_err());
/// ```
pub fn from_slice_strict<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Result<T, ExtractError> {
    let text = std::str::from_utf8(bytes).map_err(ExtractError::utf8)?;
    from_text(text, false)
}

/// A `&ContactData` argument: the whole `Details.ContactData` (as
/// [`Scanned::contact_data`] returns it), read strictly: the event model's
/// types are Connect's, so a `ContactId` that is a number is a bad event,
/// not a value to coerce. Errors name their path below
/// `Details.ContactData`, and never a value.
///
/// ```
/// use connect_types::error::ErrorType;
/// use connect_types::event::ContactData;
/// use connect_types::extract::contact_data;
/// use serde_json::value::RawValue;
///
/// let raw = RawValue::from_string(r#"{"ContactId": 15550100}"#.to_owned()).unwrap();
/// let error = contact_data::<ContactData>(Some(&raw)).unwrap_err();
/// assert_eq!(error.error_type(), "InvalidEvent");
/// assert!(error.to_string().starts_with("Details.ContactData.ContactId: invalid type"));
///
/// let error = contact_data::<ContactData>(None).unwrap_err();
/// assert_eq!(error.kind(), ErrorType::InvalidEvent);
/// ```
pub fn contact_data<'de, T: Deserialize<'de>>(
    raw: Option<&'de RawValue>,
) -> Result<T, InvokeError> {
    let Some(raw) = raw else {
        return Err(InvokeError::new(
            ErrorType::InvalidEvent,
            "Details.ContactData: missing required field (expected an object)",
        ));
    };
    from_slice_strict(raw.get().as_bytes()).map_err(|error| {
        let message = if error.path().is_empty() {
            format!("Details.ContactData: {error}")
        } else {
            format!("Details.ContactData.{error}")
        };
        InvokeError::new(error.kind(), message)
    })
}

/// [`from_slice`] (`coerce`) or [`from_slice_strict`] after the UTF-8 check.
fn from_text<'de, T: Deserialize<'de>>(text: &'de str, coerce: bool) -> Result<T, ExtractError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let adapter = if coerce {
        Lenient::new(&mut de)
    } else {
        Lenient::strict(&mut de)
    };
    match T::deserialize(adapter) {
        Ok(value) => {
            de.end().map_err(ExtractError::from_json)?;
            Ok(value)
        }
        Err(error) => Err(error.resolve(text)),
    }
}

/// Where an argument comes from in the event: the start of its error path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// `Details.Parameters.<key>`: the block's function input parameters.
    Parameter,
    /// `Details.ContactData.Attributes.<key>`: a contact attribute.
    Attribute,
    /// `Details.ContactData.<path>`: a field of the contact data (`key` is a
    /// dotted path such as `CustomerEndpoint.Address`; an empty `key` is
    /// the whole `ContactData`).
    Contact,
}

impl Source {
    fn prefix(self) -> &'static str {
        match self {
            Source::Parameter => "Details.Parameters",
            Source::Attribute => "Details.ContactData.Attributes",
            Source::Contact => "Details.ContactData",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Source::Parameter => "parameter",
            Source::Attribute => "contact attribute",
            Source::Contact => "contact field",
        }
    }

    /// Puts `source.key` in front of an error's path.
    #[cold]
    fn locate(self, error: ExtractError, key: &str) -> ExtractError {
        let error = if key.is_empty() {
            error
        } else {
            error.at_key(key)
        };
        error.at_key(self.prefix())
    }
}

/// A required argument: its value deserialised through [`Lenient`], or an
/// `InvalidEvent` when it is absent.
///
/// Errors name `Details.Parameters.<key>` (or `Details.ContactData.Attributes.<key>`,
/// `Details.ContactData.<key>`) and the path below it. A JSON `null` is
/// handed to `T` (an `Option` reads it as `None`, a `String` rejects it).
///
/// ```
/// use connect_types::extract::{required, Source};
/// use serde_json::value::RawValue;
///
/// let raw: &RawValue = serde_json::from_str("10").unwrap();
/// let age: String = required(Some(raw), Source::Parameter, "age").unwrap();
/// assert_eq!(age, "10");
///
/// let error = required::<String>(None, Source::Parameter, "companyName").unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "Details.Parameters.companyName: missing required parameter (expected a string)"
/// );
///
/// let raw: &RawValue = serde_json::from_str(r#""ten""#).unwrap();
/// let error = required::<u32>(Some(raw), Source::Attribute, "age").unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "Details.ContactData.Attributes.age: invalid type: expected u32, found a string"
/// );
/// ```
pub fn required<'de, T: Deserialize<'de>>(
    raw: Option<&'de RawValue>,
    source: Source,
    key: &'static str,
) -> Result<T, ExtractError> {
    match raw {
        Some(raw) => from_raw(raw, source, key),
        None => Err(missing::<T>(source, key)),
    }
}

/// An optional argument: `None` when it is absent or `null`, else its value
/// deserialised through [`Lenient`]. A value of the wrong type is an error,
/// never a silent `None`.
///
/// ```
/// use connect_types::extract::{optional, Source};
/// use serde_json::value::RawValue;
///
/// let age: Option<u32> = optional(None, Source::Parameter, "age").unwrap();
/// assert_eq!(age, None);
///
/// let raw: &RawValue = serde_json::from_str("null").unwrap();
/// assert_eq!(optional::<u32>(Some(raw), Source::Parameter, "age").unwrap(), None);
///
/// let raw: &RawValue = serde_json::from_str(r#""10""#).unwrap();
/// assert_eq!(optional::<u32>(Some(raw), Source::Parameter, "age").unwrap(), Some(10));
///
/// let raw: &RawValue = serde_json::from_str(r#""""#).unwrap();
/// let error = optional::<u32>(Some(raw), Source::Parameter, "age").unwrap_err();
/// assert_eq!(error.to_string(), "Details.Parameters.age: invalid type: expected u32, found a string");
/// ```
pub fn optional<'de, T: Deserialize<'de>>(
    raw: Option<&'de RawValue>,
    source: Source,
    key: &'static str,
) -> Result<Option<T>, ExtractError> {
    match raw {
        Some(raw) if raw.get().trim() != "null" => from_raw(raw, source, key).map(Some),
        _ => Ok(None),
    }
}

fn from_raw<'de, T: Deserialize<'de>>(
    raw: &'de RawValue,
    source: Source,
    key: &'static str,
) -> Result<T, ExtractError> {
    let json = raw.get();
    if let Some(value) = plain::try_plain(json) {
        return Ok(value);
    }
    from_text(json, true).map_err(|error| source.locate(error, key))
}

/// The error for a missing required argument, with what `T` expects when
/// `T` says so without a value (see [`expected_of`]).
#[cold]
#[inline(never)]
fn missing<'de, T: Deserialize<'de>>(source: Source, key: &'static str) -> ExtractError {
    let error = ExtractError::missing_required(source.noun(), expected_of::<T>());
    source.locate(error, key)
}

/// What `T` expects ("a string", "u32", "struct Balance"): `T` is asked to
/// deserialise from a deserializer that answers every request with an
/// `invalid_type` error, which carries the visitor's `Expected` text.
fn expected_of<'de, T: Deserialize<'de>>() -> Option<String> {
    match T::deserialize(Probe) {
        Err(ProbeError(expected)) => expected,
        Ok(_) => None,
    }
}

/// A deserializer with no value, asking visitors what they expect.
struct Probe;

/// Carries the `Expected` text out of a [`Probe`].
#[derive(Debug)]
struct ProbeError(Option<String>);

impl fmt::Display for ProbeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("probe")
    }
}

impl std::error::Error for ProbeError {}

impl de::Error for ProbeError {
    fn custom<T: fmt::Display>(_: T) -> Self {
        ProbeError(None)
    }

    fn invalid_type(_: de::Unexpected<'_>, expected: &dyn Expected) -> Self {
        ProbeError(Some(expected.to_string()))
    }
}

impl<'de> Deserializer<'de> for Probe {
    type Error = ProbeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        Err(de::Error::invalid_type(de::Unexpected::Unit, &visitor))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// Checks that `text` is well-formed JSON within serde_json's nesting limit
/// (128), building nothing: settles an error of unknown origin (see
/// [`ExtractError::resolve`]). serde_json's own skipper has no nesting limit,
/// so the check recurses through `deserialize_any`, which has.
fn validate(text: &str) -> Result<(), serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    Validate.deserialize(&mut de)?;
    de.end()
}

#[derive(Clone, Copy)]
struct Validate;

impl<'de> DeserializeSeed<'de> for Validate {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Validate {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Validate)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key::<de::IgnoredAny>()?.is_some() {
            map.next_value_seed(Validate)?;
        }
        Ok(())
    }
}
