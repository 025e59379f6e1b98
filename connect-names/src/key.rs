//! The key grammars.
//!
//! A **key** is what a flow writes after `$.External.` and what a handler
//! reads from `Parameters` and `Attributes`: one or more of `A-Z`, `a-z`,
//! `0-9`, `_` and `-` (`[A-Za-z0-9_-]+`). A flow reference
//! `$.External.a.b` is keys joined by `.`, so `.` can never be part of one.
//!
//! A **map key** is a key of one of Connect's own maps inside `ContactData`
//! (`SegmentAttributes`, `Tags`, `References`, `Attributes`): Connect names
//! its entries with `:` (`connect:Subtype`, `aws:connect:instanceId`), so a
//! map key may also hold `:` (`[A-Za-z0-9_:-]+`).
//!
//! ```
//! use connect_names::key::{is_key, is_map_key};
//!
//! assert!(is_key("customer_balance-2"));
//! assert!(!is_key("customer balance"));
//! assert!(!is_key("connect:Subtype"));
//! assert!(is_map_key("connect:Subtype"));
//! assert!(!is_map_key("a.b"));
//! assert!(!is_key("") && !is_map_key(""));
//! ```

/// The key grammar as a regular expression, for messages and schemas.
pub const KEY_PATTERN: &str = "[A-Za-z0-9_-]+";

/// The characters of a key, as messages spell them out.
pub const KEY_CHARACTERS: &str = "A-Z, a-z, 0-9, `_` and `-`";

/// The map-key grammar as a regular expression.
pub const MAP_KEY_PATTERN: &str = "[A-Za-z0-9_:-]+";

/// The characters of a map key, as messages spell them out.
pub const MAP_KEY_CHARACTERS: &str = "A-Z, a-z, 0-9, `_`, `-` and `:`";

/// Whether `byte` may appear in a key: `[A-Za-z0-9_-]`.
///
/// ```
/// assert!(connect_names::key::is_key_byte(b'_'));
/// assert!(!connect_names::key::is_key_byte(b'.'));
/// ```
pub const fn is_key_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-'
}

/// Whether `key` fits the key grammar `[A-Za-z0-9_-]+`.
pub fn is_key(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(is_key_byte)
}

/// The first character of `key` outside the key grammar, if any.
///
/// ```
/// assert_eq!(connect_names::key::invalid_key_char("a.b"), Some('.'));
/// assert_eq!(connect_names::key::invalid_key_char("ab"), None);
/// ```
pub fn invalid_key_char(key: &str) -> Option<char> {
    key.chars()
        .find(|ch| !u8::try_from(*ch).is_ok_and(is_key_byte))
}

/// Whether `byte` may appear in a map key: `[A-Za-z0-9_:-]`.
pub const fn is_map_key_byte(byte: u8) -> bool {
    is_key_byte(byte) || byte == b':'
}

/// Whether `key` fits the map-key grammar `[A-Za-z0-9_:-]+`.
pub fn is_map_key(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(is_map_key_byte)
}
