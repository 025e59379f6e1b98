//! Null, missing and unknown parts of an event parse.

use crate::support::sample_events::{fixture, parse};
use connect_types::event::{Channel, ContactFlowEvent, EndpointType, InitiationMethod};
use serde_json::json;

#[test]
fn null_optional_parts_are_none_or_empty() {
    let event = parse(
        "null-optional-parts.json",
        &fixture("null-optional-parts.json"),
    );
    let contact = &event.details.contact_data;
    assert!(event.details.parameters.is_empty());
    assert!(contact.attributes.is_empty());
    assert!(contact.references.is_empty());
    assert!(contact.segment_attributes.is_empty());
    assert!(contact.tags.is_empty());
    assert_eq!(contact.channel, None);
    assert_eq!(contact.contact_id, None);
    assert_eq!(contact.customer_endpoint, None);
    assert_eq!(contact.initiation_method, None);
    assert_eq!(contact.instance_arn, None);
    assert_eq!(contact.media_streams, None);
    assert_eq!(contact.queue, None);
    assert_eq!(contact.system_endpoint, None);
    assert_eq!(*contact, Default::default());
}

#[test]
fn missing_optional_parts_are_none_or_empty() {
    let missing = parse(
        "missing-optional-parts.json",
        &fixture("missing-optional-parts.json"),
    );
    let null = parse(
        "null-optional-parts.json",
        &fixture("null-optional-parts.json"),
    );
    assert_eq!(missing, null);
}

#[test]
fn null_nested_parts() {
    let event = parse("null-nested-parts.json", &fixture("null-nested-parts.json"));
    let contact = &event.details.contact_data;
    let customer = contact.customer_endpoint.as_ref().unwrap();
    assert_eq!(customer.address, None);
    assert_eq!(customer.r#type, None);
    assert_eq!(contact.system_endpoint, Some(Default::default()));
    assert_eq!(
        contact
            .media_streams
            .as_ref()
            .unwrap()
            .customer
            .as_ref()
            .unwrap()
            .audio,
        None
    );
    let queue = contact.queue.as_ref().unwrap();
    assert_eq!(queue.arn, None);
    assert_eq!(queue.name.as_deref(), Some("PasswordReset"));
    assert_eq!(contact.references["note"].r#type.as_deref(), Some("STRING"));
    assert_eq!(contact.references["note"].value, None);
    // A null parameter is kept: the parameter was sent, as null.
    assert_eq!(event.details.parameters.get("empty"), Some(&json!(null)));
}

#[test]
fn unknown_fields_and_enum_values_parse() {
    let event = parse(
        "unknown-fields-and-values.json",
        &fixture("unknown-fields-and-values.json"),
    );
    let contact = &event.details.contact_data;
    assert_eq!(contact.channel, Some(Channel::Other("VIDEO".to_owned())));
    assert_eq!(
        contact.initiation_method,
        Some(InitiationMethod::Other("CAMPAIGN_PREVIEW".to_owned()))
    );
    let customer = contact.customer_endpoint.as_ref().unwrap();
    assert_eq!(
        customer.r#type,
        Some(EndpointType::Other("WHATSAPP".to_owned()))
    );
    assert_eq!(customer.address.as_deref(), Some("whatsapp:+15555550100"));
    assert_eq!(contact.queue_name(), Some("Video"));
    assert_eq!(
        contact.references["recording"].value.as_deref(),
        Some("s3://bucket/key")
    );
    assert_eq!(
        contact
            .media_streams
            .as_ref()
            .unwrap()
            .customer
            .as_ref()
            .unwrap()
            .audio
            .as_ref()
            .unwrap()
            .stream_arn
            .as_deref(),
        Some("arn:aws:kinesisvideo:us-east-1:123456789012:stream/s/1")
    );
    assert_eq!(event.details.parameters["companyName"], "GGG");
}

#[test]
fn details_without_parameters() {
    let event: ContactFlowEvent = serde_json::from_value(json!({
        "Name": "ContactFlowEvent",
        "Details": {"ContactData": {"Attributes": {"a": "b"}, "Channel": "EMAIL"}}
    }))
    .unwrap();
    assert!(event.details.parameters.is_empty());
    assert_eq!(event.details.contact_data.channel, Some(Channel::Email));
    assert_eq!(event.attribute("a"), Some("b"));
}

#[test]
fn parameters_hold_any_json_value() {
    let event: ContactFlowEvent = serde_json::from_str(
        r#"{"Name": "ContactFlowEvent", "Details": {"ContactData": {}, "Parameters": {
            "s": "text", "i": -3, "u": 18446744073709551615, "f": 2.5, "t": true,
            "n": null, "a": [1, "x", [false]], "o": {"deep": {"deeper": [{"k": "v"}]}}
        }}}"#,
    )
    .unwrap();
    let p = &event.details.parameters;
    assert_eq!(p["s"], "text");
    assert_eq!(p["i"].as_i64(), Some(-3));
    assert_eq!(p["u"].as_u64(), Some(u64::MAX));
    assert_eq!(p["f"].as_f64(), Some(2.5));
    assert_eq!(p["t"], true);
    assert!(p["n"].is_null());
    assert_eq!(p["a"], json!([1, "x", [false]]));
    assert_eq!(p["o"]["deep"]["deeper"][0]["k"], "v");
}
