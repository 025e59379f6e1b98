//! The run-time STRING_MAP check for hand-written responses.
//!
//! A hand-written response gets the guarantees the derive proves at compile
//! time: one flat object, every value a string, every key one a flow can
//! reference. Its keys may be decided at run time, from the event as easily
//! as from the code, so an error names an entry by its position (counting
//! from 1, in the order the response writes them) and the kind of value
//! found there, never a key or a value.

use std::fmt;

use connect_names::key::KEY_CHARACTERS;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::error::kind::{ARRAY, BOOLEAN, NULL, NUMBER, OBJECT, STRING};
use crate::error::{ErrorType, InvokeError};
use crate::manifest::is_valid_key;

/// Checks that serialised response bytes are what STRING_MAP validation
/// accepts: one JSON object whose values are all strings, under keys that
/// fit the key grammar `[A-Za-z0-9_-]+` (what `$.External.<key>` can
/// reference).
///
/// The error names the offending entry by its position and the kind of
/// value found there, never the key or the value.
///
/// ```
/// use connect_types::response::check_flat_string_map;
///
/// assert!(check_flat_string_map(br#"{"balance":"7"}"#).is_ok());
/// let error = check_flat_string_map(br#"{"balance":"7","name":{"first":"Jane"}}"#).unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "response entry 2 (counting from 1) is an object: a STRING_MAP response holds only string values"
/// );
/// let error = check_flat_string_map(br#"{"a.b c":"7"}"#).unwrap_err();
/// assert!(error.to_string().starts_with("the key of response entry 1 (counting from 1) is empty"));
/// ```
pub fn check_flat_string_map(bytes: &[u8]) -> Result<(), InvokeError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let checked = deserializer
        .deserialize_any(FlatStringMap)
        .and_then(|checked| deserializer.end().map(|()| checked));
    match checked {
        Ok(Ok(())) => Ok(()),
        Ok(Err(problem)) => Err(problem.into_error()),
        // Our own serialisation always parses; say so without echoing bytes.
        Err(error) => Err(InvokeError::new(
            ErrorType::InvalidResponse,
            format!(
                "the response is not valid JSON (at line {}, column {})",
                error.line(),
                error.column()
            ),
        )),
    }
}

/// What is wrong with a response, by position only.
enum Problem {
    /// The whole response is not an object.
    NotAnObject(&'static str),
    /// Entry `n` (from 1) holds a value of this kind, not a string.
    NotAString(usize, &'static str),
    /// Entry `n`'s key is outside the key grammar.
    BadKey(usize),
}

impl Problem {
    fn into_error(self) -> InvokeError {
        let message = match self {
            Problem::NotAnObject(kind) => format!(
                "the response is {kind}: a STRING_MAP response is a JSON object of string values"
            ),
            Problem::NotAString(entry, kind) => format!(
                "response entry {entry} (counting from 1) is {kind}: a STRING_MAP response holds \
                 only string values"
            ),
            Problem::BadKey(entry) => format!(
                "the key of response entry {entry} (counting from 1) is empty or has a character \
                 other than {KEY_CHARACTERS}, so a flow cannot reference it as \
                 $.External.<key>; check keys decided at run time (they may come from the event) \
                 before returning them"
            ),
        };
        InvokeError::new(ErrorType::InvalidResponse, message)
    }
}

/// Reads the whole response, answering the first problem found (the rest
/// of the document is still read, so syntax is checked to the end).
struct FlatStringMap;

impl<'de> Visitor<'de> for FlatStringMap {
    type Value = Result<(), Problem>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object of string values")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut problem = None;
        let mut entry = 0;
        while let Some(key_fits) = map.next_key_seed(KeyFits)? {
            entry += 1;
            let kind = map.next_value_seed(Kind)?;
            if problem.is_some() {
                continue;
            }
            if !key_fits {
                problem = Some(Problem::BadKey(entry));
            } else if kind != STRING {
                problem = Some(Problem::NotAString(entry, kind));
            }
        }
        Ok(problem.map_or(Ok(()), Err))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Kind.visit_seq(seq)
            .map(|kind| Err(Problem::NotAnObject(kind)))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Err(Problem::NotAnObject(BOOLEAN)))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Err(Problem::NotAnObject(NUMBER)))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Err(Problem::NotAnObject(NUMBER)))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Err(Problem::NotAnObject(NUMBER)))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Err(Problem::NotAnObject(STRING)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Err(Problem::NotAnObject(NULL)))
    }
}

/// Reads a key and answers whether it fits the key grammar, without keeping
/// it.
struct KeyFits;

impl<'de> DeserializeSeed<'de> for KeyFits {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyFits {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<bool, E> {
        Ok(is_valid_key(key))
    }
}

/// Reads a value and answers its kind ("a string", "an object", ...),
/// skipping its contents.
struct Kind;

impl<'de> DeserializeSeed<'de> for Kind {
    type Value = &'static str;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<&'static str, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Kind {
    type Value = &'static str;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<&'static str, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(OBJECT)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<&'static str, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(ARRAY)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<&'static str, E> {
        Ok(BOOLEAN)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<&'static str, E> {
        Ok(NUMBER)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<&'static str, E> {
        Ok(NUMBER)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<&'static str, E> {
        Ok(NUMBER)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<&'static str, E> {
        Ok(STRING)
    }

    fn visit_unit<E: de::Error>(self) -> Result<&'static str, E> {
        Ok(NULL)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_an_empty_object_and_string_values() {
        assert!(check_flat_string_map(b"{}").is_ok());
        assert!(check_flat_string_map(br#"{"a":"","b_2-C":"\u00e9"}"#).is_ok());
    }

    #[test]
    fn names_the_position_and_kind_never_the_key_or_value() {
        for (json, kind) in [
            (r#"{"ok":"x","secret":15550100}"#, "a number"),
            (r#"{"ok":"x","secret":true}"#, "a boolean"),
            (r#"{"ok":"x","secret":null}"#, "null"),
            (r#"{"ok":"x","secret":["15550100"]}"#, "an array"),
            (
                r#"{"ok":"x","secret":{"15550100":"15550100"}}"#,
                "an object",
            ),
        ] {
            let error = check_flat_string_map(json.as_bytes()).unwrap_err();
            assert_eq!(error.kind(), ErrorType::InvalidResponse);
            let message = error.to_string();
            assert!(message.starts_with("response entry 2 "), "{message}");
            assert!(message.contains(kind), "{message}");
            assert!(!message.contains("secret"), "{message}");
            assert!(!message.contains("15550100"), "{message}");
        }
    }

    #[test]
    fn refuses_keys_a_flow_cannot_reference_without_naming_them() {
        for json in [
            r#"{"ok":"x","+15550100":"x"}"#,
            r#"{"ok":"x","a.b c":"x"}"#,
            r#"{"ok":"x","":"x"}"#,
            r#"{"ok":"x","n\u00e4me":"x"}"#,
            r#"{"ok":"x","+15550100":15550100}"#,
        ] {
            let message = check_flat_string_map(json.as_bytes())
                .unwrap_err()
                .to_string();
            assert!(
                message.starts_with("the key of response entry 2 "),
                "{message}"
            );
            for secret in ["15550100", "a.b", "ä"] {
                assert!(!message.contains(secret), "{message}");
            }
        }
    }

    #[test]
    fn refuses_a_response_that_is_not_an_object() {
        let error = check_flat_string_map(br#"["a"]"#).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the response is an array: a STRING_MAP response is a JSON object of string values"
        );
        assert!(check_flat_string_map(br#""text""#).is_err());
        assert!(check_flat_string_map(b"not json").is_err());
        assert!(check_flat_string_map(br#"{"a":"b"} {}"#).is_err());
        assert!(check_flat_string_map(br#"{"a":"b""#).is_err());
    }
}
