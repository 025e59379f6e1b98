//! Events of the wrong shape are rejected: repeated keys, missing required
//! parts, wrong types.

use connect_types::event::{ContactData, ContactFlowEvent};

fn parse_err(text: &str) -> String {
    match serde_json::from_str::<ContactFlowEvent>(text) {
        Ok(event) => panic!("parsed: {event:?}"),
        Err(error) => error.to_string(),
    }
}

fn with_contact(contact: &str, parameters: &str) -> String {
    format!(
        r#"{{"Name": "ContactFlowEvent", "Details": {{"ContactData": {contact}, "Parameters": {parameters}}}}}"#
    )
}

#[test]
fn duplicate_attribute_key_is_rejected() {
    let error = parse_err(&with_contact(
        r#"{"Attributes": {"greetingPlayed": "secret-1", "greetingPlayed": "secret-2"}}"#,
        "{}",
    ));
    assert!(error.contains("duplicate key `greetingPlayed`"), "{error}");
    assert!(
        !error.contains("secret"),
        "the error echoes a value: {error}"
    );
}

#[test]
fn duplicate_parameter_key_is_rejected() {
    let error = parse_err(&with_contact(
        "{}",
        r#"{"companyName": "GGG", "age": 1, "companyName": "HHH"}"#,
    ));
    assert!(error.contains("duplicate key `companyName`"), "{error}");
    assert!(!error.contains("HHH"), "{error}");
}

#[test]
fn duplicate_key_inside_a_parameter_value_is_rejected() {
    let error = parse_err(&with_contact(
        "{}",
        r#"{"hobbies": {"books": ["a"], "art": [], "books": ["b"]}}"#,
    ));
    assert!(error.contains("duplicate key `books`"), "{error}");
}

#[test]
fn duplicate_reference_tag_and_segment_keys_are_rejected() {
    for (contact, key) in [
        (
            r#"{"References": {"r": {"Type": "URL", "Value": "a"}, "r": {"Type": "URL", "Value": "b"}}}"#,
            "r",
        ),
        (r#"{"Tags": {"dept": "a", "dept": "b"}}"#, "dept"),
        (
            r#"{"SegmentAttributes": {"connect:Subtype": {"ValueString": "a"}, "connect:Subtype": {}}}"#,
            "connect:Subtype",
        ),
    ] {
        let error = parse_err(&with_contact(contact, "{}"));
        assert!(error.contains(&format!("duplicate key `{key}`")), "{error}");
    }
}

#[test]
fn duplicate_struct_field_is_rejected() {
    let error = parse_err(&with_contact(
        r#"{"ContactId": "a", "ContactId": "b"}"#,
        "{}",
    ));
    assert!(error.contains("duplicate field `ContactId`"), "{error}");
    let error = serde_json::from_str::<ContactData>(
        r#"{"CustomerEndpoint": {"Address": "+1", "Address": "+2"}}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(error.contains("duplicate field `Address`"), "{error}");
}

#[test]
fn same_key_in_different_objects_is_fine() {
    let event: ContactFlowEvent = serde_json::from_str(&with_contact(
        r#"{"Attributes": {"k": "attribute"}, "Tags": {"k": "tag"}}"#,
        r#"{"k": {"k": {"k": "nested"}}}"#,
    ))
    .unwrap();
    assert_eq!(event.attribute("k"), Some("attribute"));
    assert_eq!(event.details.parameters["k"]["k"]["k"], "nested");
}

#[test]
fn missing_required_parts_are_rejected() {
    assert!(parse_err(r#"{"Name": "ContactFlowEvent"}"#).contains("missing field `Details`"));
    assert!(parse_err(r#"{"Details": {"ContactData": {}}}"#).contains("missing field `Name`"));
    assert!(
        parse_err(r#"{"Name": "ContactFlowEvent", "Details": {"Parameters": {}}}"#)
            .contains("missing field `ContactData`")
    );
}

#[test]
fn wrong_types_are_rejected() {
    // An attribute value must be a string.
    let error = parse_err(&with_contact(r#"{"Attributes": {"n": 1}}"#, "{}"));
    assert!(error.contains("expected a string"), "{error}");
    // Parameters must be an object (or null).
    let error = parse_err(&with_contact("{}", r#"["companyName"]"#));
    assert!(error.contains("a map of JSON values"), "{error}");
    // An enum value must be a string.
    let error = parse_err(&with_contact(r#"{"Channel": 5}"#, "{}"));
    assert!(error.contains("a Connect channel name"), "{error}");
    // An endpoint must be an object.
    let error = parse_err(&with_contact(
        r#"{"CustomerEndpoint": "+15555550100"}"#,
        "{}",
    ));
    assert!(error.contains("Endpoint"), "{error}");
    // A reference must be an object.
    let error = parse_err(&with_contact(r#"{"References": {"r": null}}"#, "{}"));
    assert!(error.contains("Reference"), "{error}");
}

#[test]
fn malformed_json_is_rejected() {
    for text in [
        "",
        "{",
        "null",
        "[]",
        r#"{"Name": "ContactFlowEvent", "Details": "#,
    ] {
        assert!(
            serde_json::from_str::<ContactFlowEvent>(text).is_err(),
            "{text:?}"
        );
    }
}
