//! The plan-driven scanner: the right values whatever the key order, the
//! rest skipped, null and absent objects, duplicate keys, bad shapes.

use connect_types::error::ErrorType;
use connect_types::extract::{optional, required, scan, EventPlan, ExtractError, Scanned, Source};
use serde::Deserialize;

const TUTORIAL: &[u8] = include_bytes!("../events/connect-mock.json");
const FULL: &[u8] = include_bytes!("../events/full-contact-data.json");
const NESTED: &[u8] = include_bytes!("../events/nested-json-parameters.json");
const CHAT: &[u8] = include_bytes!("../events/chat-without-endpoints.json");

fn plan(
    parameters: &'static [&'static str],
    attributes: &'static [&'static str],
    contact_paths: &'static [&'static str],
) -> EventPlan {
    EventPlan {
        parameters,
        attributes,
        contact_paths,
        contact_data: false,
    }
}

fn ok<'de>(body: &'de [u8], plan: &EventPlan) -> Scanned<'de> {
    match scan(body, plan) {
        Ok(scanned) => scanned,
        Err(error) => panic!("{}: {error}", String::from_utf8_lossy(body)),
    }
}

#[track_caller]
fn invalid(body: &str, plan: &EventPlan, path: &str, message: &str) -> ExtractError {
    let error = scan(body.as_bytes(), plan).unwrap_err();
    assert_eq!(error.kind(), ErrorType::InvalidEvent, "{error}");
    assert_eq!(error.path(), path, "{error}");
    assert_eq!(error.to_string(), message);
    assert!(!error.to_string().contains("secret"), "{error}");
    error
}

fn text(raw: Option<&serde_json::value::RawValue>) -> Option<&str> {
    raw.map(|raw| raw.get())
}

#[test]
fn tutorial_event() {
    let plan = plan(
        &["companyName", "missing"],
        &["greetingPlayed"],
        &["CustomerEndpoint.Address", "Queue.Name", "Channel"],
    );
    let scanned = ok(TUTORIAL, &plan);
    assert_eq!(text(scanned.parameter(0)), Some(r#""GGG""#));
    assert_eq!(text(scanned.parameter(1)), None);
    assert_eq!(text(scanned.attribute(0)), None);
    assert_eq!(text(scanned.contact(0)), Some(r#""+1234567890""#));
    assert_eq!(text(scanned.contact(1)), Some(r#""PasswordReset""#));
    assert_eq!(text(scanned.contact(2)), Some(r#""VOICE""#));
    assert!(scanned.contact_data().is_none());
    // Out of range is None, not a panic.
    assert!(scanned.parameter(2).is_none());
    assert!(scanned.attribute(1).is_none());
    assert!(scanned.contact(3).is_none());
    let company: String = required(scanned.parameter(0), Source::Parameter, "companyName").unwrap();
    assert_eq!(company, "GGG");
}

#[test]
fn full_contact_data_paths() {
    let plan = plan(
        &["exampleParameterKey2"],
        &["exampleAttributeKey1"],
        &[
            "References.key1.Value",
            "MediaStreams.Customer.Audio.StreamARN",
            "MediaStreams.Customer.Audio.StartFragmentNumber",
            "Queue.OutboundCallerId.Address",
            "Queue",
            "LanguageCode",
            "Tags.dept",
            "SegmentAttributes.connect:Subtype.ValueString",
        ],
    );
    let scanned = ok(FULL, &plan);
    assert_eq!(
        text(scanned.parameter(0)),
        Some(r#""exampleParameterValue2""#)
    );
    assert_eq!(
        text(scanned.attribute(0)),
        Some(r#""exampleAttributeValue1""#)
    );
    assert_eq!(text(scanned.contact(0)), Some(r#""urlvalue""#));
    assert!(text(scanned.contact(1)).unwrap().contains("kinesisvideo"));
    assert_eq!(text(scanned.contact(2)), Some(r#""100""#));
    assert_eq!(text(scanned.contact(3)), Some(r#""+12345678903""#));
    let queue = text(scanned.contact(4)).unwrap();
    assert!(
        queue.starts_with('{') && queue.contains("PasswordReset"),
        "{queue}"
    );
    assert_eq!(text(scanned.contact(5)), Some(r#""en-US""#));
    assert_eq!(text(scanned.contact(6)), None);
    assert_eq!(text(scanned.contact(7)), None);
    let fragment: u64 = required(
        scanned.contact(2),
        Source::Contact,
        "MediaStreams.Customer.Audio.StartFragmentNumber",
    )
    .unwrap();
    assert_eq!(fragment, 100);
}

#[test]
fn tags_and_segment_attributes() {
    let body = r#"{"Details": {"ContactData": {
        "Tags": {"dept": "sales", "aws:connect:x": "y", "a.b": "dotted"},
        "SegmentAttributes": {"connect:Subtype": {"ValueString": "connect:Guide"}}
    }}}"#;
    let plan = plan(
        &[],
        &[],
        &[
            "Tags.dept",
            "SegmentAttributes.connect:Subtype.ValueString",
            "Tags.aws:connect:x",
            "Tags.a.b",
        ],
    );
    let scanned = ok(body.as_bytes(), &plan);
    assert_eq!(text(scanned.contact(0)), Some(r#""sales""#));
    assert_eq!(text(scanned.contact(1)), Some(r#""connect:Guide""#));
    assert_eq!(text(scanned.contact(2)), Some(r#""y""#));
    assert_eq!(text(scanned.contact(3)), Some(r#""dotted""#));
}

#[test]
fn key_order_does_not_matter_and_the_rest_is_skipped() {
    let plan = plan(
        &["b", "a"],
        &["x"],
        &["CustomerEndpoint.Address", "Queue.Name"],
    );
    let bodies = [
        r#"{"Name": "ContactFlowEvent", "Details": {"Parameters": {"a": 1, "b": "2"}, "ContactData": {"Queue": {"Name": "q"}, "CustomerEndpoint": {"Type": "T", "Address": "+1"}, "Attributes": {"x": "y"}}}}"#,
        r#"{"Details": {"ContactData": {"Attributes": {"x": "y"}, "CustomerEndpoint": {"Address": "+1", "Type": "T"}, "Queue": {"Name": "q"}}, "Parameters": {"b": "2", "a": 1}}, "Name": "ContactFlowEvent"}"#,
        r#"{"junk": [1, {"Details": 2}, "x"], "Details": {"other": {"Parameters": {"a": 9}}, "Parameters": {"zz": [[[]]], "b": "2", "a": 1, "c": {"a": 3}}, "ContactData": {"Nested": {"CustomerEndpoint": {"Address": "no"}}, "Queue": {"Deep": {"Name": "no"}, "Name": "q"}, "CustomerEndpoint": {"Address": "+1"}, "Attributes": {"y": "x", "x": "y"}}}, "after": null}"#,
    ];
    for body in bodies {
        let scanned = ok(body.as_bytes(), &plan);
        assert_eq!(text(scanned.parameter(0)), Some(r#""2""#), "{body}");
        assert_eq!(text(scanned.parameter(1)), Some("1"), "{body}");
        assert_eq!(text(scanned.attribute(0)), Some(r#""y""#), "{body}");
        assert_eq!(text(scanned.contact(0)), Some(r#""+1""#), "{body}");
        assert_eq!(text(scanned.contact(1)), Some(r#""q""#), "{body}");
    }
}

#[test]
fn nested_json_parameters() {
    #[derive(Deserialize, Debug, PartialEq)]
    struct Hobbies {
        books: Vec<String>,
        art: Vec<String>,
    }
    let plan = plan(&["Name", "Age", "isEnrolledInSchool", "hobbies"], &[], &[]);
    let scanned = ok(NESTED, &plan);
    let name: String = required(scanned.parameter(0), Source::Parameter, "Name").unwrap();
    let age: u32 = required(scanned.parameter(1), Source::Parameter, "Age").unwrap();
    let age_text: String = required(scanned.parameter(1), Source::Parameter, "Age").unwrap();
    let enrolled: Option<bool> = optional(
        scanned.parameter(2),
        Source::Parameter,
        "isEnrolledInSchool",
    )
    .unwrap();
    let hobbies: Hobbies = required(scanned.parameter(3), Source::Parameter, "hobbies").unwrap();
    assert_eq!(
        (name.as_str(), age, age_text.as_str(), enrolled),
        ("Jane", 10, "10", Some(true))
    );
    assert_eq!(hobbies.books, ["book1", "book2"]);
    let error =
        required::<Vec<u32>>(scanned.parameter(3), Source::Parameter, "hobbies").unwrap_err();
    assert_eq!(
        error.to_string(),
        "Details.Parameters.hobbies: invalid type: expected a sequence, found an object"
    );
}

#[test]
fn null_and_absent_objects_are_empty() {
    let plan = plan(
        &["a"],
        &["x"],
        &["CustomerEndpoint.Address", "Queue.OutboundCallerId.Address"],
    );
    for body in [
        r#"{"Details": {}}"#,
        r#"{"Details": {"Parameters": null, "ContactData": null}}"#,
        r#"{"Details": {"Parameters": {}, "ContactData": {"Attributes": null}}}"#,
        r#"{"Details": {"ContactData": {"Attributes": {}, "CustomerEndpoint": null, "Queue": null}}}"#,
        r#"{"Details": {"ContactData": {"CustomerEndpoint": {}, "Queue": {"OutboundCallerId": null}}}}"#,
    ] {
        let scanned = ok(body.as_bytes(), &plan);
        assert!(scanned.parameter(0).is_none(), "{body}");
        assert!(scanned.attribute(0).is_none(), "{body}");
        assert!(scanned.contact(0).is_none(), "{body}");
        assert!(scanned.contact(1).is_none(), "{body}");
        let error = required::<String>(
            scanned.contact(0),
            Source::Contact,
            "CustomerEndpoint.Address",
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "Details.ContactData.CustomerEndpoint.Address: missing required contact field (expected a string)"
        );
    }
    let scanned = ok(CHAT, &plan);
    assert!(scanned.contact(0).is_none());
    assert_eq!(text(scanned.attribute(0)), None);
    let scanned = ok(
        CHAT,
        &EventPlan {
            attributes: &["greetingPlayed"],
            ..plan
        },
    );
    assert_eq!(text(scanned.attribute(0)), Some(r#""true""#));
}

#[test]
fn null_values_are_present_and_read_as_none_by_optional() {
    let plan = plan(&["a"], &[], &["CustomerEndpoint.Address"]);
    let body = br#"{"Details": {"Parameters": {"a": null}, "ContactData": {"CustomerEndpoint": {"Address": null}}}}"#;
    let scanned = ok(body, &plan);
    assert_eq!(text(scanned.parameter(0)), Some("null"));
    assert_eq!(
        optional::<u32>(scanned.parameter(0), Source::Parameter, "a").unwrap(),
        None
    );
    assert_eq!(text(scanned.contact(0)), Some("null"));
    let error = required::<String>(
        scanned.contact(0),
        Source::Contact,
        "CustomerEndpoint.Address",
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "Details.ContactData.CustomerEndpoint.Address: invalid type: expected a string, found null"
    );
}

#[test]
fn whole_contact_data_with_attributes_and_paths() {
    let plan = EventPlan {
        parameters: &["companyName"],
        attributes: &["exampleAttributeKey1"],
        contact_paths: &["CustomerEndpoint.Address"],
        contact_data: true,
    };
    let scanned = ok(FULL, &plan);
    let contact_data = scanned.contact_data().unwrap().get();
    assert!(contact_data.starts_with('{') && contact_data.ends_with('}'));
    assert!(contact_data.contains("\"References\""));
    assert_eq!(
        text(scanned.attribute(0)),
        Some(r#""exampleAttributeValue1""#)
    );
    assert_eq!(text(scanned.contact(0)), Some(r#""+1234567890""#));
    let value: serde_json::Value = required(scanned.contact_data(), Source::Contact, "").unwrap();
    assert_eq!(value["Channel"], "VOICE");

    let body = br#"{"Details": {"ContactData": null}}"#;
    let scanned = ok(body, &plan);
    assert!(scanned.contact_data().is_none());
    assert!(scanned.contact(0).is_none());
    let scanned = ok(br#"{"Details": {}}"#, &plan);
    assert!(scanned.contact_data().is_none());

    let error = scan(
        br#"{"Details": {"ContactData": {"CustomerEndpoint": "secret"}}}"#,
        &plan,
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "Details.ContactData.CustomerEndpoint: invalid type: expected an object, found a string"
    );
}

#[test]
fn one_value_with_several_readers() {
    // `Queue` whole and `Queue.Name`; `Attributes` as attributes and as a
    // contact path.
    let plan = plan(
        &[],
        &["x"],
        &["Queue", "Queue.Name", "Attributes.x", "Queue.Name"],
    );
    let body = br#"{"Details": {"ContactData": {"Queue": {"Name": "q", "ARN": "a"}, "Attributes": {"x": "1"}}}}"#;
    let scanned = ok(body, &plan);
    assert_eq!(
        text(scanned.contact(0)),
        Some(r#"{"Name": "q", "ARN": "a"}"#)
    );
    assert_eq!(text(scanned.contact(1)), Some(r#""q""#));
    assert_eq!(text(scanned.contact(2)), Some(r#""1""#));
    assert_eq!(text(scanned.contact(3)), Some(r#""q""#));
    assert_eq!(text(scanned.attribute(0)), Some(r#""1""#));
    let body = br#"{"Details": {"ContactData": {"Queue": null, "Attributes": null}}}"#;
    let scanned = ok(body, &plan);
    assert_eq!(text(scanned.contact(0)), Some("null"));
    assert!(scanned.contact(1).is_none());
    assert!(scanned.attribute(0).is_none());
    let error = scan(br#"{"Details": {"ContactData": {"Queue": [1]}}}"#, &plan).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Details.ContactData.Queue: invalid type: expected an object, found an array"
    );
}

#[test]
fn escaped_keys_match() {
    let plan = plan(&["companyName"], &[], &["CustomerEndpoint.Address"]);
    let body = br#"{"D\u0065tails": {"Parameters": {"company\u004eame": "GGG"}, "ContactData": {"Customer\u0045ndpoint": {"Addr\u0065ss": "+1"}}}}"#;
    let scanned = ok(body, &plan);
    assert_eq!(text(scanned.parameter(0)), Some(r#""GGG""#));
    assert_eq!(text(scanned.contact(0)), Some(r#""+1""#));
}

#[test]
fn many_slots_spill_to_the_heap() {
    static PARAMETERS: [&str; 20] = [
        "p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10", "p11", "p12", "p13",
        "p14", "p15", "p16", "p17", "p18", "p19",
    ];
    let plan = plan(&PARAMETERS, &["a"], &["Channel"]);
    let mut body = String::from(
        r#"{"Details": {"ContactData": {"Channel": "CHAT", "Attributes": {"a": "b"}}, "Parameters": {"#,
    );
    for i in (0..20).rev() {
        body.push_str(&format!(r#""p{i}": {i},"#));
    }
    body.push_str(r#""last": 0}}}"#);
    let scanned = ok(body.as_bytes(), &plan);
    for i in 0..20 {
        assert_eq!(text(scanned.parameter(i)), Some(i.to_string().as_str()));
    }
    assert_eq!(text(scanned.attribute(0)), Some(r#""b""#));
    assert_eq!(text(scanned.contact(0)), Some(r#""CHAT""#));
    assert!(format!("{scanned:?}").contains("contact_data: false"));
}

#[test]
fn debug_does_not_show_values() {
    let plan = plan(&["companyName"], &[], &[]);
    let scanned = ok(TUTORIAL, &plan);
    let debug = format!("{scanned:?}");
    assert!(!debug.contains("GGG"), "{debug}");
    assert!(debug.contains("parameters: [true]"), "{debug}");
}

#[test]
fn wrong_shapes_name_their_path() {
    let plan = plan(&["a"], &["x"], &["CustomerEndpoint.Address"]);
    invalid(
        "[]",
        &plan,
        "",
        "invalid type: expected an object, found an array",
    );
    invalid(
        r#""secret""#,
        &plan,
        "",
        "invalid type: expected an object, found a string",
    );
    invalid(
        "null",
        &plan,
        "",
        "invalid type: expected an object, found null",
    );
    invalid(
        "5550100",
        &plan,
        "",
        "invalid type: expected an object, found an integer",
    );
    invalid(
        "{}",
        &plan,
        "Details",
        "Details: missing, expected an object",
    );
    invalid(
        r#"{"Name": "ContactFlowEvent", "details": {}}"#,
        &plan,
        "Details",
        "Details: missing, expected an object",
    );
    invalid(
        r#"{"Details": null}"#,
        &plan,
        "Details",
        "Details: invalid type: expected an object, found null",
    );
    invalid(
        r#"{"Details": "secret"}"#,
        &plan,
        "Details",
        "Details: invalid type: expected an object, found a string",
    );
    invalid(
        r#"{"Details": {"Parameters": "secret"}}"#,
        &plan,
        "Details.Parameters",
        "Details.Parameters: invalid type: expected an object, found a string",
    );
    invalid(
        r#"{"Details": {"Parameters": [1]}}"#,
        &plan,
        "Details.Parameters",
        "Details.Parameters: invalid type: expected an object, found an array",
    );
    invalid(
        r#"{"Details": {"ContactData": true}}"#,
        &plan,
        "Details.ContactData",
        "Details.ContactData: invalid type: expected an object, found a boolean",
    );
    invalid(
        r#"{"Details": {"ContactData": {"Attributes": 2.5}}}"#,
        &plan,
        "Details.ContactData.Attributes",
        "Details.ContactData.Attributes: invalid type: expected an object, found a floating-point number",
    );
    invalid(
        r#"{"Details": {"ContactData": {"CustomerEndpoint": "secret"}}}"#,
        &plan,
        "Details.ContactData.CustomerEndpoint",
        "Details.ContactData.CustomerEndpoint: invalid type: expected an object, found a string",
    );
}

#[test]
fn shapes_the_plan_does_not_read_are_not_checked() {
    // Parameters as a string is fine for a handler reading no parameter.
    let plan = plan(&[], &[], &["Channel"]);
    let scanned = ok(br#"{"Details": {"Parameters": "x", "ContactData": {"Channel": "VOICE", "Attributes": 1}}}"#, &plan);
    assert_eq!(text(scanned.contact(0)), Some(r#""VOICE""#));
}

#[test]
fn duplicate_keys() {
    let plan = plan(
        &["companyName"],
        &["x"],
        &["CustomerEndpoint.Address", "Channel"],
    );
    let cases = [
        (
            r#"{"Details": {"Parameters": {"companyName": "secret1", "companyName": "secret2"}}}"#,
            "Details.Parameters.companyName",
        ),
        (r#"{"Details": {}, "Details": {}}"#, "Details"),
        (
            r#"{"Details": {"Parameters": {}, "Parameters": {}}}"#,
            "Details.Parameters",
        ),
        (
            r#"{"Details": {"ContactData": {}, "ContactData": {}}}"#,
            "Details.ContactData",
        ),
        (
            r#"{"Details": {"ContactData": {"Attributes": {"x": "1", "x": "2"}}}}"#,
            "Details.ContactData.Attributes.x",
        ),
        (
            r#"{"Details": {"ContactData": {"Attributes": {}, "Attributes": {}}}}"#,
            "Details.ContactData.Attributes",
        ),
        (
            r#"{"Details": {"ContactData": {"CustomerEndpoint": {"Address": "1"}, "CustomerEndpoint": {}}}}"#,
            "Details.ContactData.CustomerEndpoint",
        ),
        (
            r#"{"Details": {"ContactData": {"CustomerEndpoint": {"Address": "1", "Address": "2"}}}}"#,
            "Details.ContactData.CustomerEndpoint.Address",
        ),
        (
            r#"{"Details": {"ContactData": {"Channel": "VOICE", "Channel": "CHAT"}}}"#,
            "Details.ContactData.Channel",
        ),
    ];
    for (body, path) in cases {
        invalid(body, &plan, path, &format!("duplicate key `{path}`"));
    }
    // Also when the first value was null.
    invalid(
        r#"{"Details": {"Parameters": {"companyName": null, "companyName": "x"}}}"#,
        &plan,
        "Details.Parameters.companyName",
        "duplicate key `Details.Parameters.companyName`",
    );
    // Keys the plan does not read may repeat: they are skipped unread.
    let scanned = ok(
        br#"{"Name": 1, "Name": 2, "Details": {"Parameters": {"other": 1, "other": 2, "companyName": "GGG"}}}"#,
        &plan,
    );
    assert_eq!(text(scanned.parameter(0)), Some(r#""GGG""#));
}

#[test]
fn malformed_bodies() {
    let plan = plan(&["companyName"], &["x"], &["CustomerEndpoint.Address"]);
    let cases: [&[u8]; 10] = [
        b"",
        b"{",
        br#"{"Details": {"Parameters": {"companyName": "GGG"}}"#,
        br#"{"Details": {"Parameters": {"companyName": "GGG"}}} trailing"#,
        br#"{"Details": {"Parameters": {"companyName": "GGG"}}}{}"#,
        br#"{"Details": {"Parameters": {"companyName": "GGG"}}, "skipped": [1, 2,]}"#,
        br#"{"Details": {"Parameters": {"companyName": "GGG", "other": tru}}}"#,
        b"{\"Details\": {\"Parameters\": {\"other\": \"secret\xff\"}}}",
        // A wrong shape before the syntax error: still malformed.
        br#"{"Details": null, "x": }"#,
        br#"[1, 2"#,
    ];
    for body in cases {
        let error = scan(body, &plan).unwrap_err();
        assert_eq!(error.kind(), ErrorType::MalformedEvent, "{error}");
        assert!(!error.to_string().contains("secret"), "{error}");
    }
}

#[test]
fn deep_nesting() {
    let plan = plan(&["read"], &[], &[]);
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    // Skipped unread: no stack is spent on it, nothing to reject.
    let body = format!(r#"{{"Details": {{"Parameters": {{"skipped": {deep}, "read": 1}}}}}}"#);
    let scanned = ok(body.as_bytes(), &plan);
    assert_eq!(text(scanned.parameter(0)), Some("1"));
    // Read: past the nesting limit, malformed.
    let body = format!(r#"{{"Details": {{"Parameters": {{"read": {deep}}}}}}}"#);
    let scanned = ok(body.as_bytes(), &plan);
    let error =
        required::<serde_json::Value>(scanned.parameter(0), Source::Parameter, "read").unwrap_err();
    assert_eq!(error.kind(), ErrorType::MalformedEvent);
    assert!(
        error.to_string().starts_with("Details.Parameters.read"),
        "{error}"
    );
    assert!(
        error.to_string().contains("recursion limit exceeded"),
        "{error}"
    );
    // Unclosed.
    let body = format!(
        r#"{{"Details": {{"Parameters": {{"read": {}"#,
        "[".repeat(10_000)
    );
    assert_eq!(
        scan(body.as_bytes(), &plan).unwrap_err().kind(),
        ErrorType::MalformedEvent
    );
}

#[test]
fn an_empty_plan_still_checks_the_event() {
    let plan = EventPlan::default();
    assert!(scan(TUTORIAL, &plan).is_ok());
    assert!(scan(FULL, &plan).is_ok());
    assert_eq!(scan(b"{}", &plan).unwrap_err().path(), "Details");
    assert_eq!(
        scan(b"{} x", &plan).unwrap_err().kind(),
        ErrorType::MalformedEvent
    );
}
