//! What a handler returns to Amazon Connect, and the checks it must pass.
//!
//! A response is a type that implements [`ConnectResponse`]: usually through
//! `#[derive(ConnectResponse)]` (re-exported by `connect-lambda`), which
//! checks at compile time that every field fits the block's response
//! validation, writes the `serde::Serialize` impl, and lists the keys a flow
//! can reference as `$.External.<key>`.
//!
//! At run time the response is serialised once and checked against
//! Connect's limit of [`MAX_RESPONSE_BYTES`] (32 KB of UTF-8). A
//! hand-written impl (no derive) is also checked against the flat-string
//! rule and the key grammar when it declares
//! [`ResponseValidation::StringMap`]: the derive proves both at compile
//! time, a hand-written impl cannot.
//!
//! ```
//! use connect_types::manifest::{ExternalKey, ResponseValidation, ValueType};
//! use connect_types::response::ConnectResponse;
//! use std::collections::BTreeMap;
//!
//! // A hand-written response: a map whose keys are known only at run time.
//! #[derive(serde::Serialize)]
//! struct Greeting(BTreeMap<String, String>);
//!
//! impl ConnectResponse for Greeting {
//!     const VALIDATION: ResponseValidation = ResponseValidation::StringMap;
//!     fn external_keys() -> Vec<ExternalKey> {
//!         vec![ExternalKey::new("*", ValueType::Map, false)]
//!     }
//! }
//!
//! let greeting = Greeting(BTreeMap::from([("text".to_owned(), "Hello".to_owned())]));
//! assert_eq!(greeting.to_response_bytes().unwrap(), br#"{"text":"Hello"}"#);
//! ```

mod flat;
mod flatten;
mod keys;
mod string_like;
mod write;

#[doc(hidden)]
pub mod __private;

pub use flat::check_flat_string_map;
pub use flatten::FlattenMap;
pub use keys::{DescribeValue, KeyCollector, NestedKeys};
pub use string_like::StringLike;

use crate::error::{ErrorType, InvokeError};
use crate::manifest::{ExternalKey, ResponseValidation};

/// Connect's limit on a Lambda response: 32 KB of UTF-8 (32768 bytes).
pub const MAX_RESPONSE_BYTES: usize = 32 * 1024;

/// A value a handler can return to an Amazon Connect flow.
///
/// Derive it (`#[derive(ConnectResponse)]` from `connect-lambda`): the
/// derive checks the fields against the response validation at compile
/// time, writes the `serde::Serialize` impl (do not derive `Serialize` as
/// well) and lists the keys. Implement it by hand only for shapes the derive
/// does not cover; the default [`to_response_bytes`] then checks the
/// STRING_MAP rule at run time.
///
/// [`to_response_bytes`]: ConnectResponse::to_response_bytes
///
/// ```
/// use connect_types::manifest::{ExternalKey, ResponseValidation, ValueType};
/// use connect_types::response::ConnectResponse;
///
/// #[derive(serde::Serialize)]
/// struct Reply {
///     balance: u32,
/// }
///
/// impl ConnectResponse for Reply {
///     const VALIDATION: ResponseValidation = ResponseValidation::StringMap;
///     fn external_keys() -> Vec<ExternalKey> {
///         vec![ExternalKey::new("balance", ValueType::String, true)]
///     }
/// }
///
/// // A number under STRING_MAP: Connect would reject it, so the check does
/// // first. Keys may come from the event: the error names the entry's
/// // position, never its key or value.
/// let error = Reply { balance: 7 }.to_response_bytes().unwrap_err();
/// assert_eq!(error.error_type(), "InvalidResponse");
/// assert_eq!(
///     error.to_string(),
///     "response entry 1 (counting from 1) is a number: a STRING_MAP response holds only string values"
/// );
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Connect response",
    label = "not a `ConnectResponse`",
    note = "derive it on the struct: `#[derive(ConnectResponse)]` (add `#[connect(json)]` for JSON response validation)"
)]
pub trait ConnectResponse: serde::Serialize {
    /// The response validation the type is written for; the block's
    /// "Response validation" must match it.
    const VALIDATION: ResponseValidation;

    /// The keys a flow can reference, in declaration order: the manifest's
    /// `external` list.
    fn external_keys() -> Vec<ExternalKey>;

    /// Serialises the response once and checks it: at most
    /// [`MAX_RESPONSE_BYTES`], and under STRING_MAP a flat object of string
    /// values under keys of the key grammar (see [`check_flat_string_map`]).
    /// A failure is an [`ErrorType::InvalidResponse`] error that names the
    /// entry's position, never a key or a value.
    ///
    /// The derive overrides this with a version that skips the flat-string
    /// check, which it has proved at compile time.
    fn to_response_bytes(&self) -> Result<Vec<u8>, InvokeError> {
        let bytes = serialize_response(self)?;
        if Self::VALIDATION == ResponseValidation::StringMap {
            check_flat_string_map(&bytes)?;
        }
        Ok(bytes)
    }
}

/// Serialises `value` to compact JSON and checks the size limit, without the
/// flat-string check (what derived impls call).
///
/// ```
/// let bytes = connect_types::response::serialize_response(&[("a", "b")]).unwrap();
/// assert_eq!(bytes, br#"[["a","b"]]"#);
/// ```
pub fn serialize_response<T: serde::Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, InvokeError> {
    let mut bytes = Vec::with_capacity(128);
    serde_json::to_writer(&mut bytes, value).map_err(|error| write::cannot_serialise(&error))?;
    check_size(&bytes)?;
    Ok(bytes)
}

/// Checks Connect's size limit on serialised response bytes: at most
/// [`MAX_RESPONSE_BYTES`] (32768 bytes of UTF-8).
///
/// ```
/// use connect_types::response::{check_size, MAX_RESPONSE_BYTES};
///
/// assert!(check_size(&vec![b' '; MAX_RESPONSE_BYTES]).is_ok());
/// let error = check_size(&vec![b' '; MAX_RESPONSE_BYTES + 1]).unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "the response is 32769 bytes of UTF-8, over Connect's limit of 32768 bytes (32 KB)"
/// );
/// ```
pub fn check_size(bytes: &[u8]) -> Result<(), InvokeError> {
    if bytes.len() > MAX_RESPONSE_BYTES {
        return Err(InvokeError::new(
            ErrorType::InvalidResponse,
            format!(
                "the response is {} bytes of UTF-8, over Connect's limit of {MAX_RESPONSE_BYTES} bytes (32 KB)",
                bytes.len()
            ),
        ));
    }
    Ok(())
}
