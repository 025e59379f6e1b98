//! Every event survives parse, serialise, parse; the JSON written back has
//! Connect's shape and leaves absent fields absent.

use crate::support::sample_events::{all_events, example, fixture, parse};
use connect_types::event::ContactFlowEvent;
use serde_json::{json, Value};

fn round_trip(name: &str, text: &str) -> (ContactFlowEvent, Value) {
    let event = parse(name, text);
    let written = serde_json::to_string(&event).unwrap();
    let again: ContactFlowEvent = serde_json::from_str(&written)
        .unwrap_or_else(|e| panic!("{name}: what we wrote does not parse: {e}"));
    assert_eq!(again, event, "{name}: round trip changed the event");
    (event, serde_json::from_str(&written).unwrap())
}

/// `value` with every `null` member removed, at any depth: what the model
/// writes back, since `null` and absent read the same.
fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

#[test]
fn every_event_round_trips() {
    let events = all_events();
    assert!(events.len() >= 9, "found only {}", events.len());
    for (name, text) in &events {
        round_trip(name, text);
    }
}

#[test]
fn documented_samples_serialise_to_the_same_json() {
    // Every field of these samples is modelled, so the JSON written back is
    // the input itself (less the nulls, which read as absent).
    for name in [
        "connect-mock.json",
        "full-contact-data.json",
        "nested-json-parameters.json",
        "chat-without-endpoints.json",
        "voice-with-segment-attributes-and-tags.json",
    ] {
        let input: Value = serde_json::from_str(&example(name)).unwrap();
        let (_, written) = round_trip(name, &example(name));
        assert_eq!(written, without_nulls(&input), "{name}");
    }
}

#[test]
fn connects_names_are_written() {
    let (_, written) = round_trip("full-contact-data.json", &example("full-contact-data.json"));
    let contact = &written["Details"]["ContactData"];
    assert!(contact["InstanceARN"].is_string());
    assert!(contact["Queue"]["ARN"].is_string());
    assert!(contact["Queue"]["OutboundCallerId"]["Address"].is_string());
    assert!(contact["MediaStreams"]["Customer"]["Audio"]["StreamARN"].is_string());
    assert_eq!(
        contact["References"]["key1"],
        json!({"Type": "url", "Value": "urlvalue"})
    );
    assert_eq!(contact["CustomerEndpoint"]["Type"], "TELEPHONE_NUMBER");
    assert_eq!(written["Name"], "ContactFlowEvent");
}

#[test]
fn absent_fields_stay_absent() {
    let (_, written) = round_trip("connect-mock.json", &example("connect-mock.json"));
    let contact = written["Details"]["ContactData"].as_object().unwrap();
    for absent in [
        "AwsRegion",
        "CustomerId",
        "Description",
        "LanguageCode",
        "MediaStreams",
        "Name",
        "References",
        "RelatedContactId",
        "SegmentAttributes",
        "Tags",
    ] {
        assert!(!contact.contains_key(absent), "{absent} was written");
    }
    assert!(!written["Details"]["ContactData"]["Queue"]
        .as_object()
        .unwrap()
        .contains_key("OutboundCallerId"));
}

#[test]
fn missing_optional_parts_stay_absent() {
    let (event, written) = round_trip(
        "missing-optional-parts.json",
        &fixture("missing-optional-parts.json"),
    );
    assert!(event.details.parameters.is_empty());
    assert!(event.details.contact_data.attributes.is_empty());
    // Only Connect's always-present maps are written.
    assert_eq!(
        written,
        json!({"Name": "ContactFlowEvent", "Details": {"ContactData": {"Attributes": {}}, "Parameters": {}}})
    );
}

#[test]
fn nulls_are_not_written_back() {
    let (_, written) = round_trip(
        "null-optional-parts.json",
        &fixture("null-optional-parts.json"),
    );
    assert_eq!(
        written,
        json!({"Name": "ContactFlowEvent", "Details": {"ContactData": {"Attributes": {}}, "Parameters": {}}})
    );
}

#[test]
fn unknown_enum_values_are_written_back_unchanged() {
    let (_, written) = round_trip(
        "unknown-fields-and-values.json",
        &fixture("unknown-fields-and-values.json"),
    );
    let contact = &written["Details"]["ContactData"];
    assert_eq!(contact["Channel"], "VIDEO");
    assert_eq!(contact["InitiationMethod"], "CAMPAIGN_PREVIEW");
    assert_eq!(contact["CustomerEndpoint"]["Type"], "WHATSAPP");
    // Unknown fields are accepted, not kept.
    assert!(contact.get("Campaign").is_none());
    assert!(written.get("Version").is_none());
}

#[test]
fn builder_events_round_trip() {
    let event = ContactFlowEvent::builder()
        .parameter("companyName", "GGG")
        .parameter("hobbies", json!({"books": ["book1"]}))
        .attribute("greetingPlayed", "true")
        .reference("case", "URL", "https://example.com/case/1")
        .tag("department", "billing")
        .segment_attribute(
            "connect:Subtype",
            json!({"ValueString": "connect:Telephony"}),
        )
        .queue_name("PasswordReset")
        .build();
    let text = serde_json::to_string(&event).unwrap();
    round_trip("builder", &text);
}
