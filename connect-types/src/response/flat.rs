//! The run-time STRING_MAP check for hand-written responses.

use serde_json::Value;

use crate::error::{ErrorType, InvokeError};

/// Checks that serialised response bytes are what STRING_MAP validation
/// accepts: one JSON object whose values are all strings.
///
/// The error names the offending key and the kind of value found there,
/// never the value itself.
///
/// ```
/// use connect_types::response::check_flat_string_map;
///
/// assert!(check_flat_string_map(br#"{"balance":"7"}"#).is_ok());
/// let error = check_flat_string_map(br#"{"name":{"first":"Jane"}}"#).unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "response key `name` is an object: a STRING_MAP response holds only string values"
/// );
/// ```
pub fn check_flat_string_map(bytes: &[u8]) -> Result<(), InvokeError> {
    let value: Value = serde_json::from_slice(bytes).map_err(|error| {
        // Our own serialisation always parses; say so without echoing bytes.
        InvokeError::new(
            ErrorType::InvalidResponse,
            format!(
                "the response is not valid JSON (at line {}, column {})",
                error.line(),
                error.column()
            ),
        )
    })?;
    let Value::Object(map) = value else {
        return Err(InvokeError::new(
            ErrorType::InvalidResponse,
            format!(
                "the response is {}: a STRING_MAP response is a JSON object of string values",
                kind(&value)
            ),
        ));
    };
    for (key, value) in &map {
        if !value.is_string() {
            return Err(InvokeError::new(
                ErrorType::InvalidResponse,
                format!(
                    "response key `{key}` is {}: a STRING_MAP response holds only string values",
                    kind(value)
                ),
            ));
        }
    }
    Ok(())
}

/// The kind of a JSON value, with its article, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_an_empty_object_and_string_values() {
        assert!(check_flat_string_map(b"{}").is_ok());
        assert!(check_flat_string_map(br#"{"a":"","b":"\u00e9"}"#).is_ok());
    }

    #[test]
    fn names_the_key_and_kind_never_the_value() {
        for (json, kind) in [
            (r#"{"ok":"x","secret":15550100}"#, "a number"),
            (r#"{"secret":true}"#, "a boolean"),
            (r#"{"secret":null}"#, "null"),
            (r#"{"secret":["15550100"]}"#, "an array"),
        ] {
            let error = check_flat_string_map(json.as_bytes()).unwrap_err();
            assert_eq!(error.kind(), ErrorType::InvalidResponse);
            let message = error.to_string();
            assert!(message.contains("`secret`"), "{message}");
            assert!(message.contains(kind), "{message}");
            assert!(!message.contains("15550100"), "{message}");
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
    }
}
