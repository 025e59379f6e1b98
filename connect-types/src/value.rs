//! Closed sets of strings: the values a key can hold.

use crate::manifest::ManifestType;

/// A fieldless enum whose values are a closed set of strings, as a flow
/// compares them: what `#[derive(ConnectValue)]` implements (from
/// `connect-lambda`), with each variant's string form read from serde's
/// `rename` and `rename_all`.
///
/// Such a type is a string in a STRING_MAP response, a handler argument
/// (`#[param]`, `#[attribute]`, through its `Deserialize`), and its
/// [`VALUES`](ManifestType::VALUES) are the manifest's `values`, so the
/// flow checker can tell a condition that never matches.
///
/// ```
/// use connect_types::manifest::{ManifestType, ValueType};
/// use connect_types::value::ConnectValue;
///
/// // What the derive writes for `enum Next { None, Speak }` under
/// // `#[serde(rename_all = "camelCase")]`.
/// enum Next { None, Speak }
///
/// impl ManifestType for Next {
///     const TYPE: ValueType = ValueType::String;
///     const VALUES: Option<&'static [&'static str]> = Some(<Next as ConnectValue>::ALL);
/// }
///
/// impl ConnectValue for Next {
///     const ALL: &'static [&'static str] = &["none", "speak"];
///     fn as_str(&self) -> &'static str {
///         match self {
///             Next::None => "none",
///             Next::Speak => "speak",
///         }
///     }
/// }
///
/// assert_eq!(Next::Speak.as_str(), "speak");
/// assert_eq!(<Next as ManifestType>::VALUES, Some(&["none", "speak"][..]));
/// ```
pub trait ConnectValue: ManifestType {
    /// Every value's string form, in declaration order.
    const ALL: &'static [&'static str];

    /// This value's string form: what serde writes for it.
    fn as_str(&self) -> &'static str;
}
