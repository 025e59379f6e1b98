//! Malformed events fail with the JSON path and what was expected, and never
//! the value found: events carry phone numbers and attributes.

use connect_types::error::ErrorType;
use connect_types::event::ContactFlowEvent;

/// A value no message may contain.
const SECRET: &str = "+15550100-SECRET";

fn error_of(text: &str) -> connect_types::extract::ExtractError {
    match ContactFlowEvent::from_slice(text.as_bytes()) {
        Ok(event) => panic!("parsed: {event:?}"),
        Err(error) => error,
    }
}

fn assert_value_free(message: &str) {
    assert!(
        !message.contains(SECRET),
        "the error echoes a value: {message}"
    );
    assert!(
        !message.contains("SECRET"),
        "the error echoes a value: {message}"
    );
}

#[test]
fn missing_details_names_details() {
    let error = error_of(r#"{"Name": "ContactFlowEvent", "Other": "+15550100-SECRET"}"#);
    let message = error.to_string();
    assert_eq!(error.kind(), ErrorType::InvalidEvent);
    assert!(message.contains("Details"), "{message}");
    assert!(message.contains("missing"), "{message}");
    assert_value_free(&message);
}

#[test]
fn null_details_names_details_and_the_expected_object() {
    let error = error_of(r#"{"Name": "ContactFlowEvent", "Details": null}"#);
    let message = error.to_string();
    assert_eq!(error.kind(), ErrorType::InvalidEvent);
    assert!(message.starts_with("Details: "), "{message}");
    assert!(message.contains("null"), "names the kind found: {message}");
}

#[test]
fn wrong_type_for_contact_id_names_the_path_not_the_value() {
    for (value, found) in [
        ("15550100", "integer"),
        ("true", "boolean"),
        (r#"{"Id": "+15550100-SECRET"}"#, "an object"),
        (r#"["+15550100-SECRET"]"#, "an array"),
    ] {
        let text = format!(
            r#"{{"Name": "ContactFlowEvent", "Details": {{"ContactData": {{"ContactId": {value}, "CustomerEndpoint": {{"Address": "{SECRET}"}}}}, "Parameters": {{}}}}}}"#
        );
        let error = error_of(&text);
        let message = error.to_string();
        assert_eq!(error.kind(), ErrorType::InvalidEvent, "{message}");
        assert_eq!(error.path(), "Details.ContactData.ContactId", "{message}");
        assert!(message.contains("expected a string"), "{message}");
        assert!(message.contains(found), "names the kind found: {message}");
        assert!(
            !message.contains("15550100"),
            "the error echoes a value: {message}"
        );
        assert_value_free(&message);
    }
}

#[test]
fn wrong_type_deep_in_the_contact_names_the_whole_path() {
    let error = error_of(
        r#"{"Name": "ContactFlowEvent", "Details": {"ContactData": {"Queue": {"OutboundCallerId": {"Address": 15550100}}}}}"#,
    );
    assert_eq!(
        error.path(),
        "Details.ContactData.Queue.OutboundCallerId.Address"
    );
    assert!(!error.to_string().contains("15550100"), "{error}");
}

#[test]
fn attribute_that_is_not_a_string_names_the_attribute() {
    let error = error_of(
        r#"{"Name": "ContactFlowEvent", "Details": {"ContactData": {"Attributes": {"vip": 15550100}}}}"#,
    );
    assert_eq!(error.kind(), ErrorType::InvalidEvent);
    assert_eq!(
        error.path(),
        "Details.ContactData.Attributes.vip",
        "{error}"
    );
    assert!(!error.to_string().contains("15550100"), "{error}");
}

#[test]
fn not_json_is_malformed_without_echoing_the_text() {
    for text in [
        "",
        "{",
        r#"{"Name": "ContactFlowEvent", "Details": {"ContactData": {"ContactId": "+15550100-SECRET"#,
        r#"{"Name": +15550100-SECRET}"#,
    ] {
        let error = error_of(text);
        assert_eq!(error.kind(), ErrorType::MalformedEvent, "{error}");
        assert_value_free(&error.to_string());
    }
    let error = ContactFlowEvent::from_slice(b"{\"Name\": \"\xff\xfe\"}").unwrap_err();
    assert_eq!(error.kind(), ErrorType::MalformedEvent, "{error}");
}

#[test]
fn every_sample_event_parses_through_the_value_free_path() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/events");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "json") {
            let bytes = std::fs::read(&path).unwrap();
            let event = ContactFlowEvent::from_slice(&bytes)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            assert_eq!(event, serde_json::from_slice(&bytes).unwrap());
            count += 1;
        }
    }
    assert!(count >= 4, "found {count} events");
}
