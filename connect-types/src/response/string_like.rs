//! The string-like types a STRING_MAP response may hold.

use std::borrow::Cow;
use std::rc::Rc;
use std::sync::Arc;

/// A type whose value is sent as a JSON string: what every field of a
/// STRING_MAP response must be.
///
/// Implemented for `String`, `str`, `&str`, `Cow<str>`, `Box<str>`,
/// `Arc<str>`, `Rc<str>` and `Option` of any of them (`None` leaves the key
/// out of the response). `#[derive(ConnectResponse)]` serialises STRING_MAP
/// fields through [`StringLike::as_response_str`], so a newtype of your own
/// can be a field too:
///
/// ```
/// use connect_types::response::StringLike;
///
/// struct AccountId(String);
///
/// impl StringLike for AccountId {
///     fn as_response_str(&self) -> Option<&str> {
///         Some(&self.0)
///     }
/// }
///
/// assert_eq!(AccountId("A-1".into()).as_response_str(), Some("A-1"));
/// assert_eq!(None::<&str>.as_response_str(), None);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a string: a STRING_MAP response holds only string values",
    label = "not a string",
    note = "send its text with `#[connect(display)]`, or validate the response as JSON with `#[connect(json)]`; an enum of fixed strings can `#[derive(ConnectValue)]`"
)]
pub trait StringLike {
    /// The text to send, or `None` to leave the key out of the response.
    fn as_response_str(&self) -> Option<&str>;
}

impl StringLike for str {
    fn as_response_str(&self) -> Option<&str> {
        Some(self)
    }
}

impl StringLike for String {
    fn as_response_str(&self) -> Option<&str> {
        Some(self)
    }
}

impl StringLike for Cow<'_, str> {
    fn as_response_str(&self) -> Option<&str> {
        Some(self)
    }
}

impl StringLike for Box<str> {
    fn as_response_str(&self) -> Option<&str> {
        Some(self)
    }
}

impl StringLike for Arc<str> {
    fn as_response_str(&self) -> Option<&str> {
        Some(self)
    }
}

impl StringLike for Rc<str> {
    fn as_response_str(&self) -> Option<&str> {
        Some(self)
    }
}

impl<T: StringLike + ?Sized> StringLike for &T {
    fn as_response_str(&self) -> Option<&str> {
        (**self).as_response_str()
    }
}

impl<T: StringLike> StringLike for Option<T> {
    fn as_response_str(&self) -> Option<&str> {
        self.as_ref().and_then(StringLike::as_response_str)
    }
}
