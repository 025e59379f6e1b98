//! What `#[derive(ConnectResponse)]` expands to. Not a public API: names
//! here change without notice.

use std::fmt::{self, Display};
use std::marker::PhantomData;

pub use serde;

pub use super::flatten::FlattenMap;
pub use super::keys::{DescribeValue, KeyCollector, NestedKeys};
pub use super::string_like::StringLike;
pub use super::write::{
    write_key, write_response, write_serde, write_str, ViaSerde, ViaWriteJson, WriteJson, Writer,
};
pub use super::{serialize_response, ConnectResponse};
pub use crate::error::InvokeError;
pub use crate::manifest::__private::{TypeInfo, TypeProbe, ViaAnyType, ViaManifestType};
pub use crate::manifest::{ExternalKey, ManifestType, ResponseValidation, ValueType};
pub use crate::value::ConnectValue;

use super::flatten::{check_flatten_key, FlattenKeyError};

/// The error of [`WriteJson::write_json`] (serde_json's, from a field it
/// writes).
pub type JsonError = serde_json::Error;

/// Autoref-specialisation probe over a field's type: the generated code
/// calls methods on `&&&Probe::<T>::new()`, and method resolution picks the
/// most specific of [`ViaDescribeValue`] (`T: DescribeValue`), [`ViaOption`]
/// (`T = Option<_>`) and [`ViaPlain`] (anything).
pub struct Probe<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> Probe<T> {
    /// The probe for `T`.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Probe(PhantomData)
    }
}

/// Chosen when the type lists its own keys (or is a known std type).
pub trait ViaDescribeValue {
    /// Describes the field through [`DescribeValue`].
    fn describe_value(&self, keys: &mut KeyCollector, key: &str, required: bool);
}

impl<T: DescribeValue + ?Sized> ViaDescribeValue for &&Probe<T> {
    fn describe_value(&self, keys: &mut KeyCollector, key: &str, required: bool) {
        T::describe(keys, key, required);
    }
}

/// Chosen for `Option<T>` fields.
pub trait ViaOption {
    /// An `Option` of a type with no description: `any`, not required.
    fn describe_value(&self, keys: &mut KeyCollector, key: &str, required: bool);
    /// Whether the value is left out of the response.
    fn is_absent<U>(&self, value: &Option<U>) -> bool;
    /// Whether the field may be left out.
    fn is_optional(&self) -> bool;
}

impl<T> ViaOption for &Probe<Option<T>> {
    fn describe_value(&self, keys: &mut KeyCollector, key: &str, _required: bool) {
        keys.leaf(key, ValueType::Any, false);
    }
    fn is_absent<U>(&self, value: &Option<U>) -> bool {
        value.is_none()
    }
    fn is_optional(&self) -> bool {
        true
    }
}

/// Chosen for every other type.
pub trait ViaPlain {
    /// A `Serialize` type with no description: `any`.
    fn describe_value(&self, keys: &mut KeyCollector, key: &str, required: bool);
    /// Never left out.
    fn is_absent<U: ?Sized>(&self, value: &U) -> bool;
    /// Never optional.
    fn is_optional(&self) -> bool;
}

impl<T: ?Sized> ViaPlain for Probe<T> {
    fn describe_value(&self, keys: &mut KeyCollector, key: &str, required: bool) {
        keys.leaf(key, ValueType::Any, required);
    }
    fn is_absent<U: ?Sized>(&self, _value: &U) -> bool {
        false
    }
    fn is_optional(&self) -> bool {
        false
    }
}

/// The bound of a JSON field: `Serialize`, with a message in Connect's
/// terms. Going through `Json::Ser` keeps a missing impl to one error.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent in a JSON response: it does not implement `serde::Serialize`",
    label = "not `Serialize`",
    note = "derive `serde::Serialize` on it (or `ConnectResponse` with `#[connect(json)]`, which also lists its keys), or leave the field out with `#[connect(skip)]`"
)]
pub trait JsonValue {
    /// The type serialised: `Self`.
    type Ser: serde::Serialize + ?Sized;
    /// The value itself.
    fn as_json(&self) -> &Self::Ser;
}

impl<T: serde::Serialize + ?Sized> JsonValue for T {
    type Ser = T;
    fn as_json(&self) -> &T {
        self
    }
}

/// The bound of a `#[connect(display)]` field.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no text to send: `#[connect(display)]` sends a value's `Display` text",
    label = "does not implement `std::fmt::Display`",
    note = "implement `std::fmt::Display` for it, or remove `display`"
)]
pub trait DisplayText: Display {}

impl<T: Display + ?Sized> DisplayText for T {}

/// Serialises a value as its `Display` text, without an intermediate
/// `String`.
pub struct DisplayStr<'a>(&'a dyn Display);

/// The `DisplayStr` of a `#[connect(display)]` field; the bound is checked
/// here, once, at the field's type.
pub fn display_str<T: DisplayText>(value: &T) -> DisplayStr<'_> {
    DisplayStr(value)
}

impl serde::Serialize for DisplayStr<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

/// Serialises the entries of a flattened STRING_MAP field into `state`
/// (`None` values are left out), checking every key. The bounds are checked
/// here, once, at the field's type.
pub fn flatten_strings<M, S>(
    map: &M,
    state: &mut S,
    field: &'static str,
    declared: &[&str],
) -> Result<(), S::Error>
where
    M: FlattenMap + ?Sized,
    M::Value: StringLike,
    S: serde::ser::SerializeMap,
{
    map.for_each_entry(|key, value| {
        flatten_key::<S::Error>(key, field, declared)?;
        match value.as_response_str() {
            Some(text) => state.serialize_entry(key, text),
            None => Ok(()),
        }
    })
}

/// Serialises the entries of a flattened JSON field into `state`, checking
/// every key. The bounds are checked here, once, at the field's type.
pub fn flatten_values<M, S>(
    map: &M,
    state: &mut S,
    field: &'static str,
    declared: &[&str],
) -> Result<(), S::Error>
where
    M: FlattenMap + ?Sized,
    M::Value: JsonValue,
    S: serde::ser::SerializeMap,
{
    map.for_each_entry(|key, value| {
        flatten_key::<S::Error>(key, field, declared)?;
        state.serialize_entry(key, value.as_json())
    })
}

/// Checks one key of a flattened field; the error names the field, never
/// the run-time key (it may be personal data), unless it is a declared key.
pub fn flatten_key<E: serde::ser::Error>(
    key: &str,
    field: &'static str,
    declared: &[&str],
) -> Result<(), E> {
    match check_flatten_key(key, declared) {
        Ok(()) => Ok(()),
        Err(FlattenKeyError::Grammar) => Err(E::custom(format_args!(
            "flattened field `{field}` holds a key that is empty or has a character outside [A-Za-z0-9_-], so a flow cannot reference it"
        ))),
        Err(FlattenKeyError::Declared) => Err(E::custom(DeclaredKey { field, key })),
    }
}

struct DeclaredKey<'a> {
    field: &'static str,
    key: &'a str,
}

impl Display for DeclaredKey<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "flattened field `{}` holds the key `{}`, which the response already has",
            self.field, self.key
        )
    }
}
