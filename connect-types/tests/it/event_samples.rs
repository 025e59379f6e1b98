//! Every sample event in examples/events parses, with the values it holds.

use crate::support::sample_events::{example, examples_dir, json_files, parse};
use connect_types::event::{Channel, EndpointType, InitiationMethod, Reference};
use serde_json::json;

const CONTACT_ID: &str = "4a573372-1f28-4e26-b97b-XXXXXXXXXXX";
const INSTANCE_ARN: &str =
    "arn:aws:connect:aws-region:1234567890:instance/c8c0e68d-2200-4265-82c0-XXXXXXXXXX";
const QUEUE_ARN: &str = "arn:aws:connect:eu-west-2:111111111111:instance/cccccccc-bbbb-dddd-eeee-ffffffffffff/queue/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

#[test]
fn every_example_event_parses() {
    let files = json_files(&examples_dir());
    // The four shared samples and ours.
    assert!(files.len() >= 5, "found only {files:?}");
    for (name, text) in &files {
        let event = parse(name, text);
        assert_eq!(event.name, "ContactFlowEvent", "{name}");
    }
}

#[test]
fn connect_mock() {
    let event = parse("connect-mock.json", &example("connect-mock.json"));
    let contact = &event.details.contact_data;

    assert!(contact.attributes.is_empty());
    assert_eq!(contact.channel, Some(Channel::Voice));
    assert_eq!(contact.contact_id.as_deref(), Some(CONTACT_ID));
    assert_eq!(contact.customer_address(), Some("+1234567890"));
    assert_eq!(
        contact.customer_endpoint.as_ref().unwrap().r#type,
        Some(EndpointType::TelephoneNumber)
    );
    assert_eq!(contact.initial_contact_id.as_deref(), Some(CONTACT_ID));
    assert_eq!(contact.initiation_method, Some(InitiationMethod::Inbound));
    assert_eq!(contact.instance_arn.as_deref(), Some(INSTANCE_ARN));
    assert_eq!(contact.previous_contact_id.as_deref(), Some(CONTACT_ID));
    let queue = contact.queue.as_ref().unwrap();
    assert_eq!(queue.name.as_deref(), Some("PasswordReset"));
    assert_eq!(queue.arn.as_deref(), Some(QUEUE_ARN));
    assert_eq!(queue.outbound_caller_id, None);
    assert_eq!(contact.system_address(), Some("+1234567890"));

    assert_eq!(contact.customer_id, None);
    assert_eq!(contact.media_streams, None);
    assert!(contact.references.is_empty());
    assert!(contact.tags.is_empty());

    assert_eq!(event.details.parameters.len(), 1);
    assert_eq!(event.details.parameters["companyName"], json!("GGG"));
}

#[test]
fn full_contact_data() {
    let event = parse("full-contact-data.json", &example("full-contact-data.json"));
    let contact = &event.details.contact_data;

    assert_eq!(
        contact.attribute("exampleAttributeKey1"),
        Some("exampleAttributeValue1")
    );
    assert_eq!(contact.customer_id.as_deref(), Some("someCustomerId"));
    assert_eq!(contact.description.as_deref(), Some("someDescription"));
    assert_eq!(contact.language_code.as_deref(), Some("en-US"));
    assert_eq!(contact.name.as_deref(), Some("ContactFlowEvent"));

    let audio = contact
        .media_streams
        .as_ref()
        .and_then(|m| m.customer.as_ref())
        .and_then(|c| c.audio.as_ref())
        .expect("MediaStreams.Customer.Audio");
    assert_eq!(
        audio.stream_arn.as_deref(),
        Some("arn:aws:kinesisvideo::eu-west-2:111111111111:stream/instance-alias-contact-ddddddd-bbbb-dddd-eeee-ffffffffffff/9999999999999")
    );
    assert_eq!(audio.start_timestamp.as_deref(), Some("1571360125131"));
    assert_eq!(audio.stop_timestamp.as_deref(), Some("1571360126131"));
    assert_eq!(audio.start_fragment_number.as_deref(), Some("100"));
    assert_eq!(audio.stop_fragment_number, None);

    let caller_id = contact
        .queue
        .as_ref()
        .and_then(|q| q.outbound_caller_id.as_ref())
        .expect("Queue.OutboundCallerId");
    assert_eq!(caller_id.address.as_deref(), Some("+12345678903"));
    assert_eq!(caller_id.r#type, Some(EndpointType::TelephoneNumber));

    assert_eq!(contact.references.len(), 1);
    let reference = &contact.references["key1"];
    assert_eq!(reference.r#type.as_deref(), Some("url"));
    assert_eq!(reference.value.as_deref(), Some("urlvalue"));

    assert_eq!(
        event.details.parameters["exampleParameterKey2"],
        json!("exampleParameterValue2")
    );
}

#[test]
fn nested_json_parameters() {
    let event = parse(
        "nested-json-parameters.json",
        &example("nested-json-parameters.json"),
    );
    let parameters = &event.details.parameters;

    assert_eq!(parameters["Name"], json!("Jane"));
    assert_eq!(parameters["Age"].as_u64(), Some(10));
    assert_eq!(parameters["isEnrolledInSchool"].as_bool(), Some(true));
    assert_eq!(parameters["hobbies"]["books"][0], json!("book1"));
    assert_eq!(parameters["hobbies"]["books"][1], json!("book2"));
    assert_eq!(parameters["hobbies"]["art"], json!(["art1", "art2"]));
    assert_eq!(event.parameter("hobbies").unwrap()["books"][0], "book1");
}

#[test]
fn chat_without_endpoints() {
    let event = parse(
        "chat-without-endpoints.json",
        &example("chat-without-endpoints.json"),
    );
    let contact = &event.details.contact_data;

    assert_eq!(contact.channel, Some(Channel::Chat));
    assert_eq!(contact.customer_endpoint, None);
    assert_eq!(contact.system_endpoint, None);
    assert_eq!(contact.queue, None);
    assert_eq!(contact.customer_address(), None);
    assert_eq!(contact.attribute("greetingPlayed"), Some("true"));
    assert_eq!(contact.attributes.len(), 1);
    assert_eq!(event.details.parameters["companyName"], json!("GGG"));
}

#[test]
fn voice_with_segment_attributes_and_tags() {
    let name = "voice-with-segment-attributes-and-tags.json";
    let event = parse(name, &example(name));
    let contact = &event.details.contact_data;

    assert_eq!(contact.aws_region.as_deref(), Some("us-east-1"));
    assert_eq!(contact.initiation_method, Some(InitiationMethod::Transfer));
    assert_eq!(contact.related_contact_id, None);
    assert_eq!(contact.customer_id, None);
    assert_eq!(contact.name, None);
    assert_eq!(
        contact.segment_attributes["connect:Subtype"],
        json!({"ValueString": "connect:Telephony"})
    );
    assert_eq!(
        contact.segment_attributes["connect:Direction"]["ValueString"],
        "INBOUND"
    );
    assert_eq!(contact.tags["department"], "billing");
    assert_eq!(contact.tags["aws:connect:systemEndpoint"], "+15555550199");
    assert_eq!(contact.tags.len(), 3);
    assert_eq!(
        contact.references["amountDue"],
        Reference::new("NUMBER", "129.50")
    );
    assert_eq!(
        contact.references["caseUrl"].value.as_deref(),
        Some("https://example.com/cases/42")
    );

    let audio = contact
        .media_streams
        .as_ref()
        .and_then(|m| m.customer.as_ref())
        .and_then(|c| c.audio.as_ref())
        .unwrap();
    assert_eq!(audio.stop_timestamp.as_deref(), Some("1700000042000"));
    assert_eq!(
        audio.stop_fragment_number.as_deref(),
        Some("91343852333181432397633822764885441725874549018")
    );

    assert_eq!(contact.queue_name(), Some("Billing"));
    assert_eq!(
        contact
            .queue
            .as_ref()
            .unwrap()
            .outbound_caller_id
            .as_ref()
            .unwrap()
            .address
            .as_deref(),
        Some("+15555550111")
    );
    assert_eq!(event.details.parameters["maxTries"].as_u64(), Some(3));
    assert_eq!(event.details.parameters["accountNumber"], "0012345678");
}
