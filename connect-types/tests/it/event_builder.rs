//! ContactFlowEvent::builder(): realistic defaults and one-line test events.

use connect_types::event::{
    Channel, ContactData, ContactFlowEvent, Endpoint, EndpointType, InitiationMethod, Queue,
    Reference,
};
use serde_json::json;

#[test]
fn the_one_liner() {
    let event = ContactFlowEvent::builder()
        .parameter("companyName", "GGG")
        .attribute("greetingPlayed", "true")
        .customer_phone("+15550100")
        .build();
    assert_eq!(event.details.parameters["companyName"], json!("GGG"));
    assert_eq!(event.attribute("greetingPlayed"), Some("true"));
    let customer = event
        .details
        .contact_data
        .customer_endpoint
        .as_ref()
        .unwrap();
    assert_eq!(customer.address.as_deref(), Some("+15550100"));
    assert_eq!(customer.r#type, Some(EndpointType::TelephoneNumber));

    // It serialises to what Connect sends.
    let json = serde_json::to_value(&event).unwrap();
    assert_eq!(json["Details"]["Parameters"]["companyName"], "GGG");
    assert_eq!(
        json["Details"]["ContactData"]["Attributes"]["greetingPlayed"],
        "true"
    );
    assert_eq!(
        json["Details"]["ContactData"]["CustomerEndpoint"],
        json!({"Address": "+15550100", "Type": "TELEPHONE_NUMBER"})
    );
}

#[test]
fn defaults_are_a_realistic_voice_contact() {
    let event = ContactFlowEvent::builder().build();
    let contact = &event.details.contact_data;
    assert_eq!(event.name, "ContactFlowEvent");
    assert_eq!(contact.channel, Some(Channel::Voice));
    assert_eq!(contact.initiation_method, Some(InitiationMethod::Inbound));
    let contact_id = contact.contact_id.as_deref().unwrap();
    assert_eq!(contact_id.len(), 36, "a UUID");
    assert_eq!(contact.initial_contact_id.as_deref(), Some(contact_id));
    let arn = contact.instance_arn.as_deref().unwrap();
    assert!(arn.starts_with("arn:aws:connect:"), "{arn}");
    assert!(arn.contains(":instance/"), "{arn}");
    assert!(arn.contains(contact.aws_region.as_deref().unwrap()));
    assert!(contact.customer_address().unwrap().starts_with('+'));
    assert!(contact.system_address().unwrap().starts_with('+'));
    assert!(contact.attributes.is_empty());
    assert!(event.details.parameters.is_empty());
    assert_eq!(contact.queue, None);
}

#[test]
fn every_setter() {
    let event = ContactFlowEvent::builder()
        .name("ContactFlowEvent")
        .parameter("Age", 10)
        .parameter("isEnrolledInSchool", true)
        .parameter("hobbies", json!({"books": ["book1"]}))
        .attribute("a", "1")
        .attribute("b", String::from("2"))
        .channel(Channel::Task)
        .initiation_method("API")
        .contact_id("c-2")
        .initial_contact_id("c-1")
        .previous_contact_id("c-0")
        .related_contact_id("c-9")
        .instance_arn("arn:aws:connect:eu-west-2:111111111111:instance/i")
        .aws_region("eu-west-2")
        .customer_id("cust")
        .system_phone("+15555550123")
        .queue_arn("arn:q")
        .queue_name("Tasks")
        .language_code("en-GB")
        .contact_name("Refund")
        .description("Customer wants a refund")
        .reference("case", "URL", "https://example.com/1")
        .tag("dept", "billing")
        .segment_attribute("connect:Subtype", json!({"ValueString": "connect:Task"}))
        .build();
    let c = &event.details.contact_data;
    let p = &event.details.parameters;
    assert_eq!(p["Age"].as_u64(), Some(10));
    assert_eq!(p["isEnrolledInSchool"], true);
    assert_eq!(p["hobbies"]["books"][0], "book1");
    assert_eq!(c.attributes.len(), 2);
    assert_eq!(c.attribute("b"), Some("2"));
    assert_eq!(c.channel, Some(Channel::Task));
    assert_eq!(c.initiation_method, Some(InitiationMethod::Api));
    assert_eq!(c.contact_id.as_deref(), Some("c-2"));
    assert_eq!(c.initial_contact_id.as_deref(), Some("c-1"));
    assert_eq!(c.previous_contact_id.as_deref(), Some("c-0"));
    assert_eq!(c.related_contact_id.as_deref(), Some("c-9"));
    assert_eq!(
        c.instance_arn.as_deref(),
        Some("arn:aws:connect:eu-west-2:111111111111:instance/i")
    );
    assert_eq!(c.aws_region.as_deref(), Some("eu-west-2"));
    assert_eq!(c.customer_id.as_deref(), Some("cust"));
    assert_eq!(
        c.system_endpoint,
        Some(Endpoint::telephone_number("+15555550123"))
    );
    assert_eq!(
        c.queue,
        Some(Queue {
            arn: Some("arn:q".into()),
            name: Some("Tasks".into()),
            outbound_caller_id: None,
        })
    );
    assert_eq!(c.language_code.as_deref(), Some("en-GB"));
    assert_eq!(c.name.as_deref(), Some("Refund"));
    assert_eq!(c.description.as_deref(), Some("Customer wants a refund"));
    assert_eq!(
        c.references["case"],
        Reference::new("URL", "https://example.com/1")
    );
    assert_eq!(c.tags["dept"], "billing");
    assert_eq!(
        c.segment_attributes["connect:Subtype"]["ValueString"],
        "connect:Task"
    );
}

#[test]
fn a_later_value_replaces_an_earlier_one() {
    let event = ContactFlowEvent::builder()
        .parameter("k", "first")
        .parameter("k", "second")
        .customer_phone("+15555550101")
        .customer_phone("+15555550102")
        .build();
    assert_eq!(event.details.parameters["k"], "second");
    assert_eq!(
        event.details.contact_data.customer_address(),
        Some("+15555550102")
    );
}

#[test]
fn endpoints_queue_and_streams_can_be_removed() {
    let event = ContactFlowEvent::builder()
        .channel("CHAT")
        .customer_endpoint(None)
        .system_endpoint(None)
        .queue_name("q")
        .queue(None)
        .media_streams(None)
        .build();
    let c = &event.details.contact_data;
    assert_eq!(c.channel, Some(Channel::Chat));
    assert_eq!(c.customer_endpoint, None);
    assert_eq!(c.system_endpoint, None);
    assert_eq!(c.queue, None);
    let json = serde_json::to_value(&event).unwrap();
    let contact = json["Details"]["ContactData"].as_object().unwrap();
    assert!(!contact.contains_key("CustomerEndpoint"));
    assert!(!contact.contains_key("Queue"));
}

#[test]
fn contact_data_replaces_the_contact() {
    let contact = ContactData {
        channel: Some(Channel::Email),
        customer_endpoint: Some(Endpoint::new(
            "jane@example.com",
            EndpointType::EmailAddress,
        )),
        ..ContactData::default()
    };
    let event = ContactFlowEvent::builder()
        .attribute("dropped", "yes")
        .contact_data(contact.clone())
        .build();
    assert_eq!(event.details.contact_data, contact);
    assert_eq!(event.attribute("dropped"), None);
}
