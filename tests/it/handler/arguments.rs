//! Every argument kind of `#[connect_handler]`, invoked through the whole
//! per-invocation path (`handler().invoke(bytes)`): coercions, nested JSON
//! parameters, missing keys, null `Parameters` / `Attributes`, value-free
//! errors.

use std::collections::HashMap;

use crate::support::responses::{self, Echo, Json};
use connect_lambda::{connect_handler, ContactData, ContactFlowEvent, Context, InvokeError};
use serde::Deserialize;
use serde_json::{json, Value};

/// An event with these `Parameters` and `ContactData` (as JSON values).
fn event(parameters: Value, contact_data: Value) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "Name": "ContactFlowEvent",
        "Details": {"ContactData": contact_data, "Parameters": parameters}
    }))
    .unwrap()
}

fn contact() -> Value {
    json!({
        "Attributes": {"greetingPlayed": "true", "language": "en-US"},
        "Channel": "VOICE",
        "ContactId": "4a573372-1f28-4e26-b97b-XXXXXXXXXXX",
        "CustomerEndpoint": {"Address": "+15550100", "Type": "TELEPHONE_NUMBER"},
        "InitialContactId": "4a573372-1f28-4e26-b97b-XXXXXXXXXXX",
        "InitiationMethod": "INBOUND",
        "InstanceARN": "arn:aws:connect:eu-west-2:111111111111:instance/c8c0e68d",
        "PreviousContactId": "4a573372-1f28-4e26-b97b-XXXXXXXXXXX",
        "Queue": {"ARN": "arn:aws:connect:eu-west-2:111111111111:queue/q", "Name": "PasswordReset"},
        "References": {"invoice": {"Type": "url", "Value": "https://example.com/i/1"}},
        "SystemEndpoint": {"Address": "+15550199", "Type": "TELEPHONE_NUMBER"}
    })
}

/// The `echo` of a successful invocation.
fn echo(result: Result<Vec<u8>, InvokeError>) -> String {
    let bytes = result.expect("the invocation succeeds");
    responses::json(&bytes)["echo"].as_str().unwrap().to_owned()
}

/// The `errorType` and message of a failed invocation.
fn error(result: Result<Vec<u8>, InvokeError>) -> (String, String) {
    let error = result.expect_err("the invocation fails");
    (error.error_type().to_owned(), error.to_string())
}

#[connect_handler]
async fn age_of(#[param] age: Option<u32>) -> Echo {
    Echo::new(format!("{age:?}"))
}

#[tokio::test]
async fn an_optional_number_takes_a_number_or_its_string() {
    let handler = age_of::handler();
    let cases = [
        (json!({"age": 10}), "Some(10)"),
        (json!({"age": "10"}), "Some(10)"),
        (json!({"age": null}), "None"),
        (json!({}), "None"),
        (json!({"other": "x"}), "None"),
    ];
    for (parameters, expected) in cases {
        let body = event(parameters.clone(), contact());
        assert_eq!(echo(handler.invoke(&body).await), expected, "{parameters}");
    }
}

#[tokio::test]
async fn null_or_absent_parameters_are_empty() {
    let handler = age_of::handler();
    assert_eq!(
        echo(handler.invoke(&event(Value::Null, contact())).await),
        "None"
    );
    let body = serde_json::to_vec(&json!({
        "Name": "ContactFlowEvent",
        "Details": {"ContactData": contact()}
    }))
    .unwrap();
    assert_eq!(echo(handler.invoke(&body).await), "None");
}

#[tokio::test]
async fn a_wrong_typed_optional_is_an_error_not_none() {
    let handler = age_of::handler();
    for value in [
        json!(""),
        json!("ten"),
        json!(-1),
        json!({"n": 1}),
        json!(true),
    ] {
        let body = event(json!({ "age": value }), contact());
        let (kind, message) = error(handler.invoke(&body).await);
        assert_eq!(kind, "InvalidEvent", "{value}");
        assert!(message.contains("Details.Parameters.age"), "{message}");
        assert!(!message.contains("ten"), "the value leaked: {message}");
    }
}

#[connect_handler]
fn company_of(#[param(rename = "companyName")] company: String) -> Echo {
    Echo::new(company)
}

#[tokio::test]
async fn a_missing_required_parameter_names_the_key() {
    let handler = company_of::handler();
    for parameters in [json!({}), Value::Null, json!({"companyname": "GGG"})] {
        let (kind, message) = error(handler.invoke(&event(parameters, contact())).await);
        assert_eq!(kind, "InvalidEvent");
        assert!(
            message.contains("Details.Parameters.companyName"),
            "{message}"
        );
    }
    let body = event(json!({"companyName": "GGG"}), contact());
    assert_eq!(echo(handler.invoke(&body).await), "GGG");
}

#[tokio::test]
async fn a_string_parameter_takes_a_number_as_its_text() {
    let handler = company_of::handler();
    let body = event(json!({"companyName": 10}), contact());
    assert_eq!(echo(handler.invoke(&body).await), "10");
}

#[connect_handler]
async fn enrolled(#[param(rename = "isEnrolledInSchool")] enrolled: bool) -> Echo {
    Echo::new(enrolled.to_string())
}

#[tokio::test]
async fn a_bool_takes_true_or_its_string() {
    let handler = enrolled::handler();
    for (value, expected) in [
        (json!(true), "true"),
        (json!("true"), "true"),
        (json!(false), "false"),
        (json!("false"), "false"),
    ] {
        let body = event(json!({ "isEnrolledInSchool": value }), contact());
        assert_eq!(echo(handler.invoke(&body).await), expected, "{value}");
    }
}

#[derive(Debug, Deserialize)]
struct Hobbies {
    books: Vec<String>,
    art: Vec<String>,
}

#[connect_handler]
async fn student(
    #[param(rename = "Name")] name: String,
    #[param(rename = "Age")] age: u32,
    #[param(rename = "isEnrolledInSchool")] enrolled: bool,
    #[param] hobbies: Hobbies,
    #[param] scores: Option<HashMap<String, f64>>,
) -> Json {
    Json {
        value: json!({
            "name": name,
            "age": age,
            "enrolled": enrolled,
            "books": hobbies.books,
            "art": hobbies.art,
            "scores": scores,
        }),
    }
}

#[tokio::test]
async fn nested_json_parameters() {
    // /work/shared/events/nested-json-parameters.json's parameters.
    let parameters = json!({
        "Name": "Jane",
        "Age": 10,
        "isEnrolledInSchool": true,
        "hobbies": {"books": ["book1", "book2"], "art": ["art1", "art2"]}
    });
    let bytes = student::handler()
        .invoke(&event(parameters, contact()))
        .await
        .unwrap();
    assert_eq!(
        responses::json(&bytes),
        json!({"value": {
            "name": "Jane", "age": 10, "enrolled": true,
            "books": ["book1", "book2"], "art": ["art1", "art2"], "scores": null
        }})
    );
}

#[tokio::test]
async fn a_wrong_nested_field_names_its_path() {
    let parameters = json!({
        "Name": "Jane",
        "Age": 10,
        "isEnrolledInSchool": true,
        "hobbies": {"books": "book1", "art": []}
    });
    let (kind, message) = error(
        student::handler()
            .invoke(&event(parameters, contact()))
            .await,
    );
    assert_eq!(kind, "InvalidEvent");
    assert!(message.contains("Details.Parameters.hobbies"), "{message}");
    assert!(!message.contains("book1"), "the value leaked: {message}");
}

#[connect_handler]
async fn greeted(
    #[attribute(rename = "greetingPlayed")] greeted: Option<bool>,
    #[attribute] language: Option<String>,
) -> Echo {
    Echo::new(format!("{greeted:?} {language:?}"))
}

#[tokio::test]
async fn attributes_are_read_and_coerced() {
    let handler = greeted::handler();
    let body = event(json!({}), contact());
    assert_eq!(
        echo(handler.invoke(&body).await),
        r#"Some(true) Some("en-US")"#
    );
}

#[tokio::test]
async fn null_or_absent_attributes_are_empty() {
    let handler = greeted::handler();
    let mut contact_data = contact();
    contact_data["Attributes"] = Value::Null;
    assert_eq!(
        echo(
            handler
                .invoke(&event(json!({}), contact_data.clone()))
                .await
        ),
        "None None"
    );
    contact_data.as_object_mut().unwrap().remove("Attributes");
    assert_eq!(
        echo(handler.invoke(&event(json!({}), contact_data)).await),
        "None None"
    );
}

#[connect_handler]
async fn required_attribute(#[attribute] language: String) -> Echo {
    Echo::new(language)
}

#[tokio::test]
async fn a_missing_required_attribute_names_the_key() {
    let mut contact_data = contact();
    contact_data["Attributes"] = json!({});
    let body = event(json!({}), contact_data);
    let (kind, message) = error(required_attribute::handler().invoke(&body).await);
    assert_eq!(kind, "InvalidEvent");
    assert!(
        message.contains("Details.ContactData.Attributes.language"),
        "{message}"
    );
}

#[connect_handler]
async fn caller(
    #[contact("CustomerEndpoint.Address")] phone: Option<String>,
    #[contact("Queue.Name")] queue: String,
    #[contact("References.invoice.Value")] invoice: Option<String>,
    #[contact(path = "Tags.department", unchecked)] department: Option<String>,
) -> Echo {
    Echo::new(format!("{phone:?} {queue} {invoice:?} {department:?}"))
}

#[tokio::test]
async fn contact_fields_are_read_by_path() {
    let handler = caller::handler();
    let body = event(json!({}), contact());
    assert_eq!(
        echo(handler.invoke(&body).await),
        r#"Some("+15550100") PasswordReset Some("https://example.com/i/1") None"#
    );
}

#[tokio::test]
async fn a_null_parent_makes_an_optional_contact_field_none() {
    // /work/shared/events/chat-without-endpoints.json: CustomerEndpoint null.
    let mut contact_data = contact();
    contact_data["CustomerEndpoint"] = Value::Null;
    let body = event(json!({}), contact_data);
    assert_eq!(
        echo(caller::handler().invoke(&body).await),
        r#"None PasswordReset Some("https://example.com/i/1") None"#
    );
}

#[tokio::test]
async fn a_missing_required_contact_field_names_the_path() {
    let mut contact_data = contact();
    contact_data["Queue"] = Value::Null;
    let (kind, message) = error(
        caller::handler()
            .invoke(&event(json!({}), contact_data))
            .await,
    );
    assert_eq!(kind, "InvalidEvent");
    assert!(
        message.contains("Details.ContactData.Queue.Name"),
        "{message}"
    );
    assert!(
        !message.contains("+15550100"),
        "the value leaked: {message}"
    );
}

/// Connect's own map keys hold `:`; these two are in every real voice
/// contact (examples/events/voice-with-segment-attributes-and-tags.json).
#[connect_handler]
async fn segment_and_tag(
    #[contact("SegmentAttributes.connect:Subtype.ValueString")] subtype: Option<String>,
    #[contact("Tags.aws:connect:instanceId")] instance: Option<String>,
) -> Echo {
    Echo::new(format!("{subtype:?} {instance:?}"))
}

#[tokio::test]
async fn segment_attributes_and_tags_are_read_by_connects_keys() {
    let body = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/events/voice-with-segment-attributes-and-tags.json"
    ))
    .unwrap();
    assert_eq!(
        echo(segment_and_tag::handler().invoke(&body).await),
        r#"Some("connect:Telephony") Some("9308c2a1-9bc6-4cea-8290-6c0b4a6d38fa")"#
    );
}

#[tokio::test]
async fn null_or_absent_segment_attributes_and_tags_read_as_none() {
    // `None` stands for the map left out of the event.
    for map_value in [Some(Value::Null), Some(json!({})), None] {
        let mut contact_data = contact();
        if let Some(map_value) = &map_value {
            contact_data["SegmentAttributes"] = map_value.clone();
            contact_data["Tags"] = map_value.clone();
        }
        let body = event(json!({}), contact_data);
        assert_eq!(
            echo(segment_and_tag::handler().invoke(&body).await),
            "None None",
            "{map_value:?}"
        );
    }
}

#[connect_handler]
async fn whole_contact(contact: &ContactData, #[param] note: Option<String>) -> Echo {
    let greeted = contact.attributes.get("greetingPlayed").cloned();
    Echo::new(format!("{greeted:?} {note:?}"))
}

#[tokio::test]
async fn the_whole_contact_data() {
    let body = event(json!({"note": "x"}), contact());
    assert_eq!(
        echo(whole_contact::handler().invoke(&body).await),
        r#"Some("true") Some("x")"#
    );
}

#[tokio::test]
async fn a_missing_contact_data_is_an_invalid_event() {
    let body = serde_json::to_vec(&json!({
        "Name": "ContactFlowEvent",
        "Details": {"Parameters": {}}
    }))
    .unwrap();
    let (kind, message) = error(whole_contact::handler().invoke(&body).await);
    assert_eq!(kind, "InvalidEvent");
    assert!(message.contains("Details.ContactData"), "{message}");
}

#[tokio::test]
async fn a_whole_contact_data_is_read_strictly() {
    // Arguments coerce; the event model (Connect's own types) does not.
    let mut contact = contact();
    contact["ContactId"] = json!(15550100);
    let body = event(json!({"note": 7}), contact);
    let (kind, message) = error(whole_contact::handler().invoke(&body).await);
    assert_eq!(kind, "InvalidEvent");
    assert!(
        message.starts_with("Details.ContactData.ContactId: "),
        "{message}"
    );
    assert!(message.contains("expected a string"), "{message}");
    assert!(message.contains("an integer"), "{message}");
    assert!(!message.contains("15550100"), "the value leaked: {message}");
}

#[connect_handler]
fn whole_event(event: &ContactFlowEvent, context: &Context) -> Echo {
    let _ = context;
    let company = event.details.parameters.get("companyName").cloned();
    Echo::new(format!("{} {company:?}", event.name))
}

#[tokio::test]
async fn the_whole_event_and_the_context() {
    let body = event(json!({"companyName": "GGG"}), contact());
    assert_eq!(
        echo(whole_event::handler().invoke(&body).await),
        r#"ContactFlowEvent Some(String("GGG"))"#
    );
}

#[tokio::test]
async fn a_whole_event_is_read_strictly() {
    let mut contact = contact();
    contact["Attributes"]["vip"] = json!(15550100);
    let body = event(json!({"companyName": "GGG"}), contact);
    let (kind, message) = error(whole_event::handler().invoke(&body).await);
    assert_eq!(kind, "InvalidEvent");
    assert!(
        message.starts_with("Details.ContactData.Attributes.vip: "),
        "{message}"
    );
    assert!(!message.contains("15550100"), "the value leaked: {message}");
}

#[tokio::test]
async fn malformed_events_are_reported_as_such() {
    for body in [&b"{\"Details\": "[..], b"not json", b""] {
        let (kind, _) = error(age_of::handler().invoke(body).await);
        assert_eq!(kind, "MalformedEvent", "{}", String::from_utf8_lossy(body));
        let (kind, _) = error(whole_event::handler().invoke(body).await);
        assert_eq!(kind, "MalformedEvent", "{}", String::from_utf8_lossy(body));
    }
}

#[tokio::test]
async fn the_runtime_serves_the_next_event_after_a_bad_one() {
    let handler = company_of::handler();
    assert!(handler.invoke(b"{").await.is_err());
    assert!(handler.invoke(&event(json!({}), contact())).await.is_err());
    let body = event(json!({"companyName": "GGG"}), contact());
    assert_eq!(echo(handler.invoke(&body).await), "GGG");
}
