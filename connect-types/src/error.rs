//! The errors an invocation reports to Lambda.
//!
//! Every error carries a short, stable [`ErrorType`] (Lambda's `errorType`)
//! and a message that never contains a value from the event: phone numbers
//! and contact attributes are personal data. A message names the key and
//! what was expected instead.

use std::borrow::Cow;
use std::fmt;

/// The `errorType` Lambda reports for a failed invocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorType {
    /// The body is not JSON: a syntax error, invalid UTF-8, nesting past the
    /// limit, trailing characters.
    MalformedEvent,
    /// JSON of the wrong shape: a missing required key, a wrong type.
    InvalidEvent,
    /// The handler's response breaks the block's response validation or is
    /// over Connect's 32 KB limit.
    InvalidResponse,
    /// The handler itself returned an error.
    HandlerError,
    /// The handler panicked (in its own code or while its response was
    /// serialised). The message names the handler and the panic's location,
    /// never the panic's own message, which may hold event values.
    HandlerPanic,
    /// The handler was still running a short margin before the invocation's
    /// deadline; its future was dropped (cancelled at the `.await` it was
    /// waiting on).
    Timeout,
}

impl ErrorType {
    /// The stable name reported as Lambda's `errorType`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorType::MalformedEvent => "MalformedEvent",
            ErrorType::InvalidEvent => "InvalidEvent",
            ErrorType::InvalidResponse => "InvalidResponse",
            ErrorType::HandlerError => "HandlerError",
            ErrorType::HandlerPanic => "HandlerPanic",
            ErrorType::Timeout => "Timeout",
        }
    }

    /// Every error type, in the order the documentation lists them.
    ///
    /// ```
    /// use connect_types::error::ErrorType;
    ///
    /// let names: Vec<&str> = ErrorType::ALL.iter().map(|kind| kind.as_str()).collect();
    /// assert!(names.contains(&"HandlerPanic"));
    /// ```
    pub const ALL: [ErrorType; 6] = [
        ErrorType::MalformedEvent,
        ErrorType::InvalidEvent,
        ErrorType::InvalidResponse,
        ErrorType::HandlerError,
        ErrorType::HandlerPanic,
        ErrorType::Timeout,
    ];
}

impl fmt::Display for ErrorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kind of a JSON value with its article ("a string", "an object",
/// "null"), never the value: the words a value-free message uses for what it
/// found.
///
/// ```
/// use connect_types::error::value_kind;
/// use serde_json::json;
///
/// assert_eq!(value_kind(&json!("+15550100")), "a string");
/// assert_eq!(value_kind(&json!({"Address": "+15550100"})), "an object");
/// assert_eq!(value_kind(&json!(null)), "null");
/// ```
pub fn value_kind(value: &serde_json::Value) -> &'static str {
    use serde_json::Value;
    match value {
        Value::Null => kind::NULL,
        Value::Bool(_) => kind::BOOLEAN,
        Value::Number(_) => kind::NUMBER,
        Value::String(_) => kind::STRING,
        Value::Array(_) => kind::ARRAY,
        Value::Object(_) => kind::OBJECT,
    }
}

/// The words [`value_kind`] uses, for checks that read a kind without
/// building a `Value`.
pub(crate) mod kind {
    pub(crate) const NULL: &str = "null";
    pub(crate) const BOOLEAN: &str = "a boolean";
    pub(crate) const NUMBER: &str = "a number";
    pub(crate) const STRING: &str = "a string";
    pub(crate) const ARRAY: &str = "an array";
    pub(crate) const OBJECT: &str = "an object";
}

/// A failed invocation: what Lambda reports as `errorType` and
/// `errorMessage`.
///
/// Its `Display` is the message alone; [`InvokeError::error_type`] is the
/// stable kind.
///
/// ```
/// use connect_types::error::{ErrorType, InvokeError};
///
/// let error = InvokeError::new(
///     ErrorType::InvalidEvent,
///     "Details.Parameters.companyName: missing required parameter (expected a string)",
/// );
/// assert_eq!(error.error_type(), "InvalidEvent");
/// assert!(error.to_string().contains("companyName"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvokeError {
    kind: ErrorType,
    message: Cow<'static, str>,
}

impl InvokeError {
    /// An error of `kind` with a value-free `message`.
    pub fn new(kind: ErrorType, message: impl Into<Cow<'static, str>>) -> Self {
        InvokeError {
            kind,
            message: message.into(),
        }
    }

    /// The stable `errorType`: one of [`ErrorType::ALL`].
    pub fn error_type(&self) -> &'static str {
        self.kind.as_str()
    }

    /// The kind as an enum.
    pub fn kind(&self) -> ErrorType {
        self.kind
    }

    /// The `errorMessage`.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for InvokeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for InvokeError {}
