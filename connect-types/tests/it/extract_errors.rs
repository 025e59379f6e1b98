//! Errors name the path and the expected type and never echo a value from
//! the event; malformed input is `MalformedEvent`, never a panic.

use std::collections::HashMap;

use connect_types::error::{ErrorType, InvokeError};
use connect_types::extract::{from_slice, optional, required, ExtractError, Source};
use serde::de::{self, Deserializer, Unexpected};
use serde::Deserialize;
use serde_json::value::RawValue;

/// The error is an `InvalidEvent` at `path` whose message mentions every
/// `wanted` text and none of the `secrets`.
#[track_caller]
fn assert_value_free(error: &ExtractError, path: &str, wanted: &[&str], secrets: &[&str]) {
    let message = error.to_string();
    assert_eq!(error.kind(), ErrorType::InvalidEvent, "{message}");
    assert_eq!(error.path(), path, "{message}");
    assert!(message.contains(path), "{message}");
    for text in wanted {
        assert!(message.contains(text), "{message:?} lacks {text:?}");
    }
    for secret in secrets {
        assert!(!message.contains(secret), "{message:?} leaks {secret:?}");
        assert!(
            !format!("{error:?}").contains(secret),
            "{error:?} leaks {secret:?}"
        );
    }
}

/// serde_json itself would have leaked it: the test is not vacuous.
#[track_caller]
fn serde_json_leaks<T: for<'de> Deserialize<'de>>(json: &str, secret: &str) {
    let message = serde_json::from_str::<T>(json)
        .err()
        .expect(json)
        .to_string();
    assert!(message.contains(secret), "{message}");
}

#[derive(Deserialize, Debug)]
#[allow(dead_code)]
struct Parameters {
    age: u32,
    flag: bool,
    tags: Vec<u32>,
    name: Option<String>,
}

#[derive(Deserialize, Debug)]
#[allow(dead_code)]
#[serde(rename_all = "PascalCase")]
struct Details {
    parameters: Parameters,
}

#[derive(Deserialize, Debug)]
#[allow(dead_code)]
#[serde(rename_all = "PascalCase")]
struct Event {
    details: Details,
}

#[test]
fn strings_never_echoed() {
    let json =
        r#"{"Details": {"Parameters": {"age": "+1-555-0100 secret", "flag": true, "tags": []}}}"#;
    serde_json_leaks::<Event>(json, "+1-555-0100");
    let error = from_slice::<Event>(json.as_bytes()).unwrap_err();
    assert_value_free(
        &error,
        "Details.Parameters.age",
        &["expected u32", "found a string"],
        &["+1-555-0100", "secret"],
    );
    assert_eq!(
        error.to_string(),
        "Details.Parameters.age: invalid type: expected u32, found a string"
    );
}

#[test]
fn numbers_never_echoed() {
    let json = r#"{"Details": {"Parameters": {"age": 15550100, "flag": 15550199, "tags": []}}}"#;
    serde_json_leaks::<Event>(json, "15550199");
    let error = from_slice::<Event>(json.as_bytes()).unwrap_err();
    assert_value_free(
        &error,
        "Details.Parameters.flag",
        &["expected a boolean", "found an integer"],
        &["15550199"],
    );

    let json = r#"{"Details": {"Parameters": {"age": 15550100123, "flag": true, "tags": []}}}"#;
    serde_json_leaks::<Event>(json, "15550100123");
    let error = from_slice::<Event>(json.as_bytes()).unwrap_err();
    assert_value_free(
        &error,
        "Details.Parameters.age",
        &["invalid value", "expected u32", "found an integer"],
        &["15550100123"],
    );

    let json = r#"{"Details": {"Parameters": {"age": 1, "flag": true, "tags": [1, 2.75309]}}}"#;
    serde_json_leaks::<Event>(json, "2.75309");
    let error = from_slice::<Event>(json.as_bytes()).unwrap_err();
    assert_value_free(
        &error,
        "Details.Parameters.tags[1]",
        &["expected u32", "found a floating-point number"],
        &["2.75309"],
    );
}

#[test]
fn bools_never_echoed() {
    let json = r#"{"Details": {"Parameters": {"age": 1, "flag": true, "tags": [1, false]}}}"#;
    serde_json_leaks::<Event>(json, "false");
    let error = from_slice::<Event>(json.as_bytes()).unwrap_err();
    assert_value_free(
        &error,
        "Details.Parameters.tags[1]",
        &["expected u32", "found a boolean"],
        &["false"],
    );
}

#[derive(Deserialize, Debug)]
#[allow(dead_code)]
enum Color {
    Red,
    Green,
}

#[test]
fn unknown_variants_never_echoed() {
    let json = r#"{"color": "PurpleSecret"}"#;
    serde_json_leaks::<HashMap<String, Color>>(json, "PurpleSecret");
    let error = from_slice::<HashMap<String, Color>>(json.as_bytes()).unwrap_err();
    assert_value_free(
        &error,
        "color",
        &["unknown variant, expected one of `Red`, `Green`"],
        &["PurpleSecret"],
    );
    let error = from_slice::<Color>(br#"{"PurpleSecret": null}"#).unwrap_err();
    assert_value_free(&error, "", &["unknown variant"], &["PurpleSecret"]);
}

/// A type whose own errors quote the value.
#[derive(Debug)]
struct Phone(#[allow(dead_code)] String);

impl<'de> Deserialize<'de> for Phone {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text.starts_with('+') {
            Ok(Phone(text))
        } else if text.len() > 20 {
            Err(de::Error::invalid_value(
                Unexpected::Str(&text),
                &"a phone number",
            ))
        } else {
            Err(de::Error::custom(format!("not a phone number: {text}")))
        }
    }
}

#[test]
fn custom_errors_are_replaced() {
    let json = r#"{"phone": "5550100-secret"}"#;
    serde_json_leaks::<HashMap<String, Phone>>(json, "5550100-secret");
    let error = from_slice::<HashMap<String, Phone>>(json.as_bytes()).unwrap_err();
    assert_value_free(&error, "phone", &["invalid value"], &["5550100", "secret"]);
    assert_eq!(error.to_string(), "phone: invalid value");

    let json = r#"{"phone": "5550100-a-long-secret-text"}"#;
    serde_json_leaks::<HashMap<String, Phone>>(json, "long-secret");
    let error = from_slice::<HashMap<String, Phone>>(json.as_bytes()).unwrap_err();
    assert_value_free(
        &error,
        "phone",
        &["invalid value: expected a phone number, found a string"],
        &["5550100", "secret"],
    );
}

#[derive(Deserialize, Debug)]
#[allow(dead_code)]
#[serde(deny_unknown_fields)]
struct Strict {
    a: u32,
    b: Option<u32>,
}

#[test]
fn field_names_are_kept_as_keys() {
    let error = from_slice::<Strict>(br#"{"a": 1, "zzz": "secret"}"#).unwrap_err();
    assert_value_free(
        &error,
        "",
        &["unknown field `zzz`, expected one of `a`, `b`"],
        &["secret"],
    );
    let error = from_slice::<Strict>(br#"{"b": 1}"#).unwrap_err();
    assert_eq!(error.to_string(), "missing field `a`");
    let error = from_slice::<Strict>(br#"{"a": 1, "a": 2}"#).unwrap_err();
    assert_eq!(error.to_string(), "duplicate field `a`");
    let error = from_slice::<Vec<Strict>>(br#"[{"a": 1}, {"a": {"x": "secret"}}]"#).unwrap_err();
    assert_value_free(
        &error,
        "[1].a",
        &["expected u32", "found an object"],
        &["secret"],
    );
}

#[test]
fn paths_go_through_maps_arrays_and_nested_structs() {
    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Hobbies {
        books: Vec<String>,
    }
    let json = br#"{"hobbies": {"books": ["book1", {"title": "secret"}]}}"#;
    let error = from_slice::<HashMap<String, Hobbies>>(json).unwrap_err();
    assert_value_free(
        &error,
        "hobbies.books[1]",
        &["expected a string, found an object"],
        &["secret", "book1"],
    );
    let error = from_slice::<Vec<Vec<u8>>>(b"[[1], [2, 3, 999]]").unwrap_err();
    assert_eq!(error.path(), "[1][2]");
}

#[test]
fn required_and_optional_errors_name_the_argument() {
    let error = required::<String>(None, Source::Parameter, "companyName").unwrap_err();
    assert_value_free(
        &error,
        "Details.Parameters.companyName",
        &["missing required parameter"],
        &[],
    );
    assert_eq!(
        error.to_string(),
        "Details.Parameters.companyName: missing required parameter (expected a string)"
    );
    let error = required::<u32>(None, Source::Attribute, "tries").unwrap_err();
    assert_eq!(
        error.to_string(),
        "Details.ContactData.Attributes.tries: missing required contact attribute (expected u32)"
    );
    let error = required::<&str>(None, Source::Contact, "CustomerEndpoint.Address").unwrap_err();
    assert_eq!(error.path(), "Details.ContactData.CustomerEndpoint.Address");
    assert!(error.to_string().contains("missing required contact field"));

    let raw: &RawValue = serde_json::from_str(r#""""#).unwrap();
    let error = optional::<u32>(Some(raw), Source::Parameter, "age").unwrap_err();
    assert_eq!(
        error.to_string(),
        "Details.Parameters.age: invalid type: expected u32, found a string"
    );

    let raw: &RawValue = serde_json::from_str("null").unwrap();
    let error = required::<String>(Some(raw), Source::Parameter, "companyName").unwrap_err();
    assert_eq!(
        error.to_string(),
        "Details.Parameters.companyName: invalid type: expected a string, found null"
    );

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Hobbies {
        books: Vec<u32>,
    }
    let raw: &RawValue = serde_json::from_str(r#"{"books": [1, "secret"]}"#).unwrap();
    let error = required::<Hobbies>(Some(raw), Source::Parameter, "hobbies").unwrap_err();
    assert_value_free(
        &error,
        "Details.Parameters.hobbies.books[1]",
        &["expected u32, found a string"],
        &["secret"],
    );

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    #[serde(rename_all = "PascalCase")]
    struct ContactData {
        contact_id: String,
    }
    let raw: &RawValue = serde_json::from_str(r#"{"ContactId": 5}"#).unwrap();
    let contact: ContactData = required(Some(raw), Source::Contact, "").unwrap();
    assert_eq!(contact.contact_id, "5");
    let raw: &RawValue = serde_json::from_str(r#"{"ContactId": []}"#).unwrap();
    let error = required::<ContactData>(Some(raw), Source::Contact, "").unwrap_err();
    assert_eq!(error.path(), "Details.ContactData.ContactId");
    let error = required::<ContactData>(None, Source::Contact, "").unwrap_err();
    assert_eq!(
        error.to_string(),
        "Details.ContactData: missing required contact field (expected struct ContactData)"
    );
}

#[test]
fn into_invoke_error_keeps_kind_and_message() {
    let error = from_slice::<u32>(br#""secret""#).unwrap_err();
    let message = error.to_string();
    let invoke: InvokeError = error.into();
    assert_eq!(invoke.error_type(), "InvalidEvent");
    assert_eq!(invoke.message(), message);
    let invoke: InvokeError = from_slice::<u32>(b"{").unwrap_err().into();
    assert_eq!(invoke.error_type(), "MalformedEvent");
}

/// `MalformedEvent`, no panic, no value in the message.
#[track_caller]
fn assert_malformed<T: for<'de> Deserialize<'de> + std::fmt::Debug>(body: &[u8], wanted: &str) {
    let error = from_slice::<T>(body).unwrap_err();
    let message = error.to_string();
    assert_eq!(error.kind(), ErrorType::MalformedEvent, "{message}");
    assert!(message.contains(wanted), "{message:?} lacks {wanted:?}");
    assert!(!message.contains("secret"), "{message}");
}

#[test]
fn malformed_json_is_malformed_event() {
    assert_malformed::<serde_json::Value>(b"", "EOF while parsing a value");
    assert_malformed::<serde_json::Value>(b"{", "EOF while parsing an object");
    assert_malformed::<serde_json::Value>(br#"{"a": }"#, "expected value at line 1 column 7");
    assert_malformed::<serde_json::Value>(br#"{"a": "secret" "b"}"#, "expected `,` or `}`");
    assert_malformed::<serde_json::Value>(b"[1,]", "trailing comma");
    assert_malformed::<Event>(
        br#"{"Details": {"Parameters": {"age": 1,}}}"#,
        "trailing comma",
    );
    assert_malformed::<Event>(br#"{"Details": {"Parameters": {"age": "1}}}"#, "EOF");
    assert_malformed::<HashMap<String, u32>>(br#"{"a": 1e999}"#, "number out of range");
    assert_malformed::<HashMap<String, String>>(b"{\"a\": \"\\x\"}", "invalid escape");
    assert_malformed::<Strict>(br#"{"a": 1, "b": tru}"#, "expected ident");
}

#[test]
fn invalid_utf8_is_malformed_event() {
    assert_malformed::<serde_json::Value>(b"{\"a\": \"secret\xff\"}", "invalid UTF-8");
    assert_malformed::<String>(b"\"\xc3\x28\"", "invalid UTF-8 after byte 1");
}

#[test]
fn trailing_characters_are_malformed_event() {
    assert_malformed::<serde_json::Value>(b"{} secret", "trailing characters");
    assert_malformed::<serde_json::Value>(b"{}{}", "trailing characters");
    assert_malformed::<Strict>(br#"{"a": 1} ]"#, "trailing characters");
    assert_malformed::<u32>(b"1 2", "trailing characters");
    // Whitespace after the value is fine.
    assert_eq!(from_slice::<u32>(b" 1 \n").unwrap(), 1);
}

#[test]
fn deep_nesting_is_malformed_event_without_overflowing_the_stack() {
    let depth = 10_000;
    let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert_malformed::<serde_json::Value>(arrays.as_bytes(), "recursion limit exceeded");
    let objects = format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
    assert_malformed::<serde_json::Value>(objects.as_bytes(), "recursion limit exceeded");
    let event = format!(r#"{{"Details": {{"Parameters": {{"age": {arrays}}}}}}}"#);
    let error = from_slice::<HashMap<String, HashMap<String, HashMap<String, serde_json::Value>>>>(
        event.as_bytes(),
    )
    .unwrap_err();
    assert_eq!(error.kind(), ErrorType::MalformedEvent);
    assert!(
        error.to_string().contains("recursion limit exceeded"),
        "{error}"
    );
    assert!(
        error.path().starts_with("Details.Parameters.age"),
        "{error}"
    );
    // Unclosed: malformed too.
    assert_malformed::<serde_json::Value>("[".repeat(depth).as_bytes(), "");
    // Within the limit it is served.
    let fine = format!("{}{}", "[".repeat(100), "]".repeat(100));
    assert!(from_slice::<serde_json::Value>(fine.as_bytes()).is_ok());
}

#[test]
fn garbage_never_panics() {
    let inputs: [&[u8]; 12] = [
        b"\0",
        b"\"",
        b"-",
        b"1.",
        b"{\"a\"",
        b"{\"a\":",
        b"[\"\\u",
        b"[\"\\ud800\"]",
        b"nul",
        b"\xef\xbb\xbf{}",
        b"{\"Details\": {\"Parameters\": {\"a\": [1, 2, {\"b\": }]}}}",
        b"\t\n ",
    ];
    for input in inputs {
        for error in [
            from_slice::<serde_json::Value>(input).err(),
            from_slice::<Event>(input).err(),
            from_slice::<HashMap<String, String>>(input).err(),
        ]
        .into_iter()
        .flatten()
        {
            let _ = error.to_string();
        }
    }
}

#[test]
fn repeated_keys_in_maps_and_values_are_invalid_event() {
    #[track_caller]
    fn duplicate<T: for<'de> Deserialize<'de> + std::fmt::Debug>(json: &str, path: &str) {
        let error = from_slice::<T>(json.as_bytes()).unwrap_err();
        assert_value_free(
            &error,
            path,
            &[&format!("duplicate key `{path}`")],
            &["secret"],
        );
    }
    duplicate::<HashMap<String, String>>(r#"{"a": "secret1", "a": "secret2"}"#, "a");
    duplicate::<serde_json::Value>(r#"{"x": {"b": 1, "c": 2, "b": "secret"}}"#, "x.b");
    duplicate::<Vec<serde_json::Value>>(r#"[{}, {"k": 1, "k": 1}]"#, "[1].k");
    // An escaped spelling of the same key.
    duplicate::<HashMap<String, u32>>(r#"{"ab": 1, "a\u0062": 2}"#, "ab");
    duplicate::<HashMap<String, u32>>(r#"{"a\u0062": 1, "ab": 2}"#, "ab");
    // Past the inline capacity.
    let many: String = (0..40).map(|i| format!(r#""k{i}": {i}, "#)).collect();
    duplicate::<HashMap<String, u32>>(&format!("{{{many}\"k7\": 0}}"), "k7");
    duplicate::<HashMap<String, u32>>(&format!("{{{many}\"k39\": 0}}"), "k39");
    let parsed: HashMap<String, u32> =
        from_slice(format!("{{{many}\"last\": 0}}").as_bytes()).unwrap();
    assert_eq!(parsed.len(), 41);
    // A nested event path.
    let json = r#"{"Details": {"Parameters": {"companyName": "secret", "companyName": "GGG"}}}"#;
    duplicate::<HashMap<String, HashMap<String, HashMap<String, String>>>>(
        json,
        "Details.Parameters.companyName",
    );
    // A derived struct names its repeated field itself.
    let error = from_slice::<Strict>(br#"{"a": 1, "b": 2, "b": 3}"#).unwrap_err();
    assert_eq!(error.to_string(), "duplicate field `b`");
}

/// A map of maps, as deep as the event nests it.
#[derive(Deserialize, Debug)]
#[allow(dead_code)]
struct Tree(HashMap<String, Tree>);

/// Keys from the event can be megabytes long and nested 128 deep: each is
/// cut in the path (and in a duplicate-key message), and a long path is
/// shown with its middle elided, so a message stays short whatever the
/// event. (A 5 MB event of long nested keys used to make a 5 MB message,
/// built in quadratic time.)
#[test]
fn long_and_deep_keys_make_a_short_message() {
    let key = "k".repeat(40_000);
    let cut = format!("{}...", "k".repeat(128));

    let body = format!(r#"{{"b": {{"{key}": 1, "{key}": 2}}}}"#);
    let error = from_slice::<HashMap<String, serde_json::Value>>(body.as_bytes()).unwrap_err();
    assert_eq!(error.kind(), ErrorType::InvalidEvent);
    assert_eq!(error.to_string(), format!("duplicate key `b.{cut}`"));

    // A string where a map is expected, under 100 levels of long keys.
    let mut nested = String::from(r#""SECRET""#);
    for _ in 0..100 {
        nested = format!(r#"{{"{key}": {nested}}}"#);
    }
    let body = format!(r#"{{"outer": {nested}}}"#);
    let error = from_slice::<HashMap<String, Tree>>(body.as_bytes()).unwrap_err();
    assert_eq!(error.kind(), ErrorType::InvalidEvent);
    // Every segment is cut: the path is bounded, and still exact in its
    // structure.
    let path = format!("outer{}", format!(".{cut}").repeat(100));
    assert_eq!(error.path(), path);
    let message = error.to_string();
    assert!(message.len() < 400, "{} bytes: {message}", message.len());
    assert!(
        message.starts_with(&format!("outer.{}", "k".repeat(100))),
        "{message}"
    );
    assert!(
        message.ends_with(&format!(
            "{}...: invalid type: expected a map, found a string",
            "k".repeat(100)
        )),
        "{message}"
    );
    assert!(!message.contains("SECRET"), "{message}");

    // A short deep path is shown whole.
    let error = from_slice::<HashMap<String, Tree>>(br#"{"a": {"b": {"c": 1}}}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "a.b.c: invalid type: expected a map, found an integer"
    );
}
