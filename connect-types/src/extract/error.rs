//! [`ExtractError`]: what went wrong reading the event, where, and never with
//! which value.
//!
//! The message is built from the *kind* of value found ("a string", "an
//! integer"), the type's own `Expected` text ("u32", "a string", "struct
//! Balance") and the JSON path. serde's `Unexpected` carries the offending
//! value; it is reduced to its kind on arrival and the value is dropped.
//! Messages of `Error::custom` (which a `Deserialize` impl may fill with the
//! value) are replaced by a generic one.

use std::fmt;

use serde::de::{self, Expected, Unexpected};

use crate::error::{ErrorType, InvokeError};

/// A value-free error from reading the event: a malformed body
/// ([`ErrorType::MalformedEvent`]) or JSON of the wrong shape
/// ([`ErrorType::InvalidEvent`]).
///
/// `Display` is `"<path>: <message>"`, for example
/// `Details.Parameters.age: invalid type: expected u32, found a string`. The
/// message names the key and the expected type, never a value from the event
/// (phone numbers and attributes are personal data).
///
/// ```
/// use connect_types::error::ErrorType;
/// use connect_types::extract::from_slice;
///
/// #[derive(serde::Deserialize, Debug)]
/// struct Person {
///     age: u32,
/// }
///
/// let error = from_slice::<Person>(br#"{"age": "ten years"}"#).unwrap_err();
/// assert_eq!(error.kind(), ErrorType::InvalidEvent);
/// assert_eq!(error.path(), "age");
/// assert_eq!(error.to_string(), "age: invalid type: expected u32, found a string");
/// assert!(!error.to_string().contains("ten years"));
/// ```
pub struct ExtractError {
    // Boxed: a `Result<T, ExtractError>` stays one pointer wide on the hot
    // path; the box is only allocated when something went wrong.
    inner: Box<Inner>,
}

#[derive(Debug)]
struct Inner {
    kind: ErrorType,
    /// Dotted JSON path, `[i]` for array elements; empty for the root.
    path: String,
    message: Message,
}

/// What went wrong, without the value.
#[derive(Debug)]
pub(crate) enum Message {
    InvalidType {
        expected: String,
        found: &'static str,
    },
    InvalidValue {
        expected: String,
        found: &'static str,
    },
    InvalidLength {
        len: usize,
        expected: String,
    },
    UnknownVariant {
        expected: &'static [&'static str],
    },
    UnknownField {
        field: String,
        expected: &'static [&'static str],
    },
    MissingField(&'static str),
    DuplicateField(&'static str),
    /// A key repeated in one object; the path names it.
    DuplicateKey,
    /// An array or object with more entries than its type reads.
    Trailing(&'static str),
    /// A required argument is absent: what kind of argument, and what its
    /// type expects when that could be found out.
    MissingRequired {
        what: &'static str,
        expected: Option<String>,
    },
    /// A required object (`Details`) is absent.
    MissingObject,
    /// A `Deserialize` impl's own message, replaced: it may hold the value.
    Custom,
    /// serde_json's syntax message (fixed texts and a line/column).
    Syntax(String),
    /// The body is not UTF-8.
    Utf8 {
        valid_up_to: usize,
    },
    /// An error of the wrapped deserializer whose text we do not trust; see
    /// [`ExtractError::resolve`].
    Foreign,
}

/// Keys from the event are quoted in messages (they are not personal data),
/// but a key of a megabyte should not make a megabyte message.
const MAX_QUOTED_KEY: usize = 128;

impl ExtractError {
    /// [`ErrorType::MalformedEvent`] (not JSON, invalid UTF-8, nesting past
    /// the limit, trailing characters) or [`ErrorType::InvalidEvent`] (JSON
    /// of the wrong shape).
    ///
    /// ```
    /// use connect_types::error::ErrorType;
    /// use connect_types::extract::from_slice;
    ///
    /// let error = from_slice::<serde_json::Value>(b"{\"a\": ").unwrap_err();
    /// assert_eq!(error.kind(), ErrorType::MalformedEvent);
    /// ```
    pub fn kind(&self) -> ErrorType {
        self.inner.kind
    }

    /// The JSON path of the offending value, e.g. `Details.Parameters.age`
    /// or `hobbies.books[0]`; empty for the document itself.
    ///
    /// ```
    /// use connect_types::extract::from_slice;
    ///
    /// let error = from_slice::<Vec<u32>>(br#"[1, "two"]"#).unwrap_err();
    /// assert_eq!(error.path(), "[1]");
    /// ```
    pub fn path(&self) -> &str {
        &self.inner.path
    }

    #[cold]
    pub(crate) fn new(kind: ErrorType, message: Message) -> Self {
        ExtractError {
            inner: Box::new(Inner {
                kind,
                path: String::new(),
                message,
            }),
        }
    }

    #[cold]
    pub(crate) fn invalid(message: Message) -> Self {
        Self::new(ErrorType::InvalidEvent, message)
    }

    /// `path: invalid type: expected <expected>, found <found>`.
    #[cold]
    pub(crate) fn invalid_type_at(path: String, expected: &str, found: &'static str) -> Self {
        let mut error = Self::invalid(Message::InvalidType {
            expected: expected.to_owned(),
            found,
        });
        error.inner.path = path;
        error
    }

    /// A key repeated in one object; `path` names the key.
    #[cold]
    pub(crate) fn duplicate_key(path: String) -> Self {
        let mut error = Self::invalid(Message::DuplicateKey);
        error.inner.path = path;
        error
    }

    /// A required object (`Details`) is absent.
    #[cold]
    pub(crate) fn missing_object(path: &str) -> Self {
        let mut error = Self::invalid(Message::MissingObject);
        error.inner.path = path.to_owned();
        error
    }

    /// A required argument is absent.
    #[cold]
    pub(crate) fn missing_required(what: &'static str, expected: Option<String>) -> Self {
        Self::invalid(Message::MissingRequired { what, expected })
    }

    /// An error of the wrapped deserializer (in practice serde_json's syntax
    /// errors). Its text is dropped: a data error of serde_json quotes the
    /// value. It is taken for malformed JSON until [`ExtractError::resolve`]
    /// looks at the document.
    #[cold]
    pub(crate) fn foreign() -> Self {
        Self::new(ErrorType::MalformedEvent, Message::Foreign)
    }

    /// A serde_json error of a pass we drive ourselves (scanner, trailing
    /// characters, validation). Syntax errors keep serde_json's message: a
    /// fixed text and a line/column, never a value. Data errors quote the
    /// value and are replaced.
    #[cold]
    pub(crate) fn from_json(error: serde_json::Error) -> Self {
        use serde_json::error::Category;
        match error.classify() {
            Category::Syntax | Category::Eof | Category::Io => Self::new(
                ErrorType::MalformedEvent,
                Message::Syntax(error.to_string()),
            ),
            Category::Data => Self::invalid(Message::Custom),
        }
    }

    /// The body is not UTF-8.
    #[cold]
    pub(crate) fn utf8(error: std::str::Utf8Error) -> Self {
        Self::new(
            ErrorType::MalformedEvent,
            Message::Utf8 {
                valid_up_to: error.valid_up_to(),
            },
        )
    }

    /// Settles an error against the document it came from. A document that
    /// is not well-formed JSON (or nests past the limit) is a
    /// `MalformedEvent` whatever was found first, reported with serde_json's
    /// syntax message and position. Otherwise a [`Message::Foreign`] error
    /// is a value its type rejected.
    #[cold]
    pub(crate) fn resolve(mut self, text: &str) -> Self {
        match super::validate(text) {
            Err(error) if error.classify() != serde_json::error::Category::Data => {
                if !matches!(self.inner.message, Message::Foreign) {
                    // The path led to another problem, not to this one.
                    self.inner.path.clear();
                }
                self.inner.kind = ErrorType::MalformedEvent;
                self.inner.message = Message::Syntax(error.to_string());
            }
            _ => {
                if matches!(self.inner.message, Message::Foreign) {
                    self.inner.kind = ErrorType::InvalidEvent;
                    self.inner.message = Message::Custom;
                }
            }
        }
        self
    }

    /// Prepends an object key (or a dotted run of keys) to the path.
    #[cold]
    pub(crate) fn at_key(mut self, key: &str) -> Self {
        self.prepend(key);
        self
    }

    /// Prepends an array index to the path.
    #[cold]
    pub(crate) fn at_index(mut self, index: usize) -> Self {
        self.prepend(&format!("[{index}]"));
        self
    }

    fn prepend(&mut self, segment: &str) {
        let path = &mut self.inner.path;
        if path.is_empty() {
            path.push_str(segment);
        } else {
            if !path.starts_with('[') {
                path.insert(0, '.');
            }
            path.insert_str(0, segment);
        }
    }
}

/// The kind of an unexpected value, without the value.
fn found(unexpected: &Unexpected<'_>) -> &'static str {
    match unexpected {
        Unexpected::Bool(_) => "a boolean",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) => "an integer",
        Unexpected::Float(_) => "a floating-point number",
        Unexpected::Char(_) => "a character",
        Unexpected::Str(_) => "a string",
        Unexpected::Bytes(_) => "bytes",
        Unexpected::Unit => "null",
        Unexpected::Option => "an optional value",
        Unexpected::NewtypeStruct => "a newtype struct",
        Unexpected::Seq => "an array",
        Unexpected::Map => "an object",
        Unexpected::Enum => "an enum",
        Unexpected::UnitVariant => "a unit variant",
        Unexpected::NewtypeVariant => "a newtype variant",
        Unexpected::TupleVariant => "a tuple variant",
        Unexpected::StructVariant => "a struct variant",
        // Free text chosen by the caller: it may describe the value.
        Unexpected::Other(_) => "an unexpected value",
    }
}

fn write_one_of(f: &mut fmt::Formatter<'_>, names: &[&str], none: &str) -> fmt::Result {
    match names {
        [] => f.write_str(none),
        [only] => write!(f, "expected `{only}`"),
        _ => {
            f.write_str("expected one of ")?;
            for (i, name) in names.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "`{name}`")?;
            }
            Ok(())
        }
    }
}

fn quoted_key(key: &str) -> String {
    if key.len() <= MAX_QUOTED_KEY {
        return key.to_owned();
    }
    let mut end = MAX_QUOTED_KEY;
    while !key.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}...", &key[..end])
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Message::InvalidType { expected, found } => {
                write!(f, "invalid type: expected {expected}, found {found}")
            }
            Message::InvalidValue { expected, found } => {
                write!(f, "invalid value: expected {expected}, found {found}")
            }
            Message::InvalidLength { len, expected } => {
                write!(f, "invalid length {len}, expected {expected}")
            }
            Message::UnknownVariant { expected } => {
                f.write_str("unknown variant, ")?;
                write_one_of(f, expected, "there are no variants")
            }
            Message::UnknownField { field, expected } => {
                write!(f, "unknown field `{field}`, ")?;
                write_one_of(f, expected, "there are no fields")
            }
            Message::MissingField(field) => write!(f, "missing field `{field}`"),
            Message::DuplicateField(field) => write!(f, "duplicate field `{field}`"),
            Message::DuplicateKey => f.write_str("duplicate key"),
            Message::Trailing(what) => write!(f, "invalid length: {what}"),
            Message::MissingRequired { what, expected } => {
                write!(f, "missing required {what}")?;
                match expected {
                    Some(expected) => write!(f, " (expected {expected})"),
                    None => Ok(()),
                }
            }
            Message::MissingObject => f.write_str("missing, expected an object"),
            Message::Custom => f.write_str("invalid value"),
            Message::Syntax(message) => write!(f, "malformed JSON: {message}"),
            Message::Utf8 { valid_up_to } => {
                write!(f, "malformed event: invalid UTF-8 after byte {valid_up_to}")
            }
            Message::Foreign => f.write_str("malformed JSON"),
        }
    }
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Inner { path, message, .. } = &*self.inner;
        if let Message::DuplicateKey = message {
            return write!(f, "duplicate key `{path}`");
        }
        if !path.is_empty() {
            write!(f, "{path}: ")?;
        }
        fmt::Display::fmt(message, f)
    }
}

impl fmt::Debug for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ExtractError")
            .field("kind", &self.inner.kind)
            .field("path", &self.inner.path)
            .field("message", &self.inner.message)
            .finish()
    }
}

impl std::error::Error for ExtractError {}

/// serde's constructors, value-free: each keeps the kind of what was found
/// and the `Expected` text, and drops the value.
impl de::Error for ExtractError {
    #[cold]
    fn custom<T: fmt::Display>(_message: T) -> Self {
        Self::invalid(Message::Custom)
    }

    #[cold]
    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Self::invalid(Message::InvalidType {
            expected: expected.to_string(),
            found: found(&unexpected),
        })
    }

    #[cold]
    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Self::invalid(Message::InvalidValue {
            expected: expected.to_string(),
            found: found(&unexpected),
        })
    }

    #[cold]
    fn invalid_length(len: usize, expected: &dyn Expected) -> Self {
        Self::invalid(Message::InvalidLength {
            len,
            expected: expected.to_string(),
        })
    }

    #[cold]
    fn unknown_variant(_variant: &str, expected: &'static [&'static str]) -> Self {
        // The variant is a value: never echoed.
        Self::invalid(Message::UnknownVariant { expected })
    }

    #[cold]
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        // A field is a key, not personal data: named, like the path.
        Self::invalid(Message::UnknownField {
            field: quoted_key(field),
            expected,
        })
    }

    #[cold]
    fn missing_field(field: &'static str) -> Self {
        Self::invalid(Message::MissingField(field))
    }

    #[cold]
    fn duplicate_field(field: &'static str) -> Self {
        Self::invalid(Message::DuplicateField(field))
    }
}

/// The extraction error as Lambda reports it: its kind as `errorType`, its
/// (value-free) `Display` as `errorMessage`.
///
/// ```
/// use connect_types::error::InvokeError;
/// use connect_types::extract::from_slice;
///
/// let error: InvokeError = from_slice::<u32>(b"true").unwrap_err().into();
/// assert_eq!(error.error_type(), "InvalidEvent");
/// assert_eq!(error.message(), "invalid type: expected u32, found a boolean");
/// ```
impl From<ExtractError> for InvokeError {
    fn from(error: ExtractError) -> Self {
        InvokeError::new(error.kind(), error.to_string())
    }
}
