//! Each example binary on its bundled events: the exact response JSON on
//! stdout and exit 0; on a bad event, exit 1 with `InvalidEvent: ...` on
//! stderr naming the key and the expected type, and no value of the event;
//! `--help` exits 0; no arguments exit 2.

use crate::example_bins::{self, run, BINS};
use serde_json::{json, Value};

/// Runs `bin --event examples/events/<event>` and expects exactly
/// `response` (compact JSON, keys in declaration order) and a newline.
fn responds(bin: &str, event: &str, response: &str) {
    let path = format!("examples/events/{event}");
    let out = run(bin, &["--event", &path], b"");
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (0, ""),
        "{bin} --event {path}"
    );
    assert_eq!(out.stdout, format!("{response}\n"), "{bin} --event {path}");
}

#[test]
fn my_first_connect_lambda_on_the_tutorial_event() {
    responds(
        "my_first_connect_lambda",
        "connect-mock.json",
        r#"{"customerBalance":"78.90","websiteUrl":"https://www.ggg.example.com"}"#,
    );
}

#[test]
fn caller_profile_on_nested_json_parameters() {
    responds(
        "caller_profile",
        "nested-json-parameters.json",
        concat!(
            r#"{"Profile":{"DisplayName":"Jane","AgeGroup":"child","InSchool":true},"#,
            r#""HobbyCount":4,"Books":["book1","book2"]}"#
        ),
    );
}

#[test]
fn greeting_router_on_each_kind_of_contact() {
    // Greeting already played (attribute "true"), a chat without endpoints.
    responds(
        "greeting_router",
        "chat-without-endpoints.json",
        r#"{"nextStep":"menu"}"#,
    );
    // No attributes, no language: the default greeting for a call.
    responds(
        "greeting_router",
        "connect-mock.json",
        r#"{"greeting":"Hello, thank you for calling.","nextStep":"greet"}"#,
    );
    responds(
        "greeting_router",
        "voice-with-segment-attributes-and-tags.json",
        r#"{"nextStep":"menu"}"#,
    );
    responds(
        "greeting_router",
        "vip-chat-in-french.json",
        concat!(
            r#"{"greeting":"Bonjour, thank you for contacting us.","nextStep":"greet","#,
            r#""vipNote":"Priority queue"}"#
        ),
    );
}

/// A bundled event, changed by `edit`.
fn edited(event: &str, edit: impl FnOnce(&mut Value)) -> Value {
    let path = example_bins::package_dir().join("events").join(event);
    let mut value: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    edit(&mut value);
    value
}

/// Every scalar of `value` as text (strings without quotes).
fn scalars(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => map.values().for_each(|v| scalars(v, out)),
        Value::Array(items) => items.iter().for_each(|v| scalars(v, out)),
        Value::String(s) => out.push(s.clone()),
        Value::Number(n) => out.push(n.to_string()),
        Value::Bool(b) => out.push(b.to_string()),
        Value::Null => {}
    }
}

/// Runs `bin --event -` on `event` and expects an `InvalidEvent` naming
/// `key` and `expected` (the type), with no value of the event in it.
fn refuses(bin: &str, event: Value, key: &str, expected: &str) {
    let out = run(bin, &["--event", "-"], event.to_string().as_bytes());
    assert_eq!(out.code, 1, "{bin}: {}", out.stderr);
    assert_eq!(out.stdout, "", "{bin}: nothing on stdout");
    let message = out.stderr.as_str();
    assert!(
        message.starts_with(&format!("InvalidEvent: {key}: ")) && message.ends_with('\n'),
        "{bin}: {message}"
    );
    assert_eq!(message.lines().count(), 1, "{bin}: {message}");
    assert!(message.contains(expected), "{bin}: {message}");
    let mut values = Vec::new();
    scalars(&event, &mut values);
    for value in values {
        // Shorter texts ("1", "10") could be part of any sentence.
        if value.len() >= 3 {
            assert!(
                !message.contains(&value),
                "{bin}: the error echoes `{value}`: {message}"
            );
        }
    }
}

#[test]
fn a_missing_required_parameter_is_named_with_its_type() {
    refuses(
        "my_first_connect_lambda",
        edited("connect-mock.json", |e| {
            e["Details"]["Parameters"]
                .as_object_mut()
                .unwrap()
                .remove("companyName");
        }),
        "Details.Parameters.companyName",
        "expected a string",
    );
    refuses(
        "caller_profile",
        edited("nested-json-parameters.json", |e| {
            e["Details"]["Parameters"] = Value::Null;
        }),
        "Details.Parameters.Name",
        "expected a string",
    );
}

#[test]
fn a_missing_contact_field_is_named_with_its_type() {
    refuses(
        "my_first_connect_lambda",
        edited("connect-mock.json", |e| {
            e["Details"]["ContactData"]["CustomerEndpoint"] = Value::Null;
        }),
        "Details.ContactData.CustomerEndpoint.Address",
        "expected a string",
    );
    refuses(
        "greeting_router",
        edited("vip-chat-in-french.json", |e| {
            e["Details"]["ContactData"]
                .as_object_mut()
                .unwrap()
                .remove("Channel");
        }),
        "Details.ContactData.Channel",
        "expected a Connect channel name",
    );
}

#[test]
fn a_wrong_type_is_named_without_the_value() {
    refuses(
        "my_first_connect_lambda",
        edited("connect-mock.json", |e| {
            e["Details"]["Parameters"]["companyName"] = json!({"legalName": "GGG Holdings"});
        }),
        "Details.Parameters.companyName",
        "expected a string",
    );
    refuses(
        "caller_profile",
        edited("nested-json-parameters.json", |e| {
            e["Details"]["Parameters"]["Age"] = json!("ten years");
        }),
        "Details.Parameters.Age",
        "expected u32",
    );
    refuses(
        "caller_profile",
        edited("nested-json-parameters.json", |e| {
            e["Details"]["Parameters"]["Age"] = json!(-40);
        }),
        "Details.Parameters.Age",
        "expected u32",
    );
    // A wrong-typed optional parameter is an error, not a silent None.
    refuses(
        "caller_profile",
        edited("nested-json-parameters.json", |e| {
            e["Details"]["Parameters"]["isEnrolledInSchool"] = json!("sometimes");
        }),
        "Details.Parameters.isEnrolledInSchool",
        "expected a boolean",
    );
    refuses(
        "caller_profile",
        edited("nested-json-parameters.json", |e| {
            e["Details"]["Parameters"]["hobbies"]["books"] = json!("Dune");
        }),
        "Details.Parameters.hobbies.books",
        "expected a sequence",
    );
    refuses(
        "greeting_router",
        edited("vip-chat-in-french.json", |e| {
            e["Details"]["ContactData"]["Attributes"]["vip"] = json!("platinum");
        }),
        "Details.ContactData.Attributes.vip",
        "expected a boolean",
    );
}

#[test]
fn number_parameters_also_come_as_text() {
    let event = edited("nested-json-parameters.json", |e| {
        e["Details"]["Parameters"]["Age"] = json!("15");
    });
    let out = run(
        "caller_profile",
        &["--event", "-"],
        event.to_string().as_bytes(),
    );
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    let response: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(response["Profile"]["AgeGroup"], "teen");
}

#[test]
fn help_exits_0_and_no_arguments_exit_2() {
    for (name, _) in BINS {
        let help = run(name, &["--help"], b"");
        assert_eq!(help.code, 0, "{name} --help");
        for flag in ["--event FILE", "--manifest", "--help"] {
            assert!(help.stdout.contains(flag), "{name} --help: {}", help.stdout);
        }

        let bare = run(name, &[], b"");
        assert_eq!(bare.code, 2, "{name} with no arguments");
        assert_eq!(bare.stdout, "");
        assert!(
            bare.stderr.starts_with(&format!("usage: {name} ")),
            "{}",
            bare.stderr
        );

        let unknown = run(name, &["--evnt", "x.json"], b"");
        assert_eq!(unknown.code, 2, "{name} --evnt");
        assert!(unknown.stderr.contains("--evnt"), "{}", unknown.stderr);
    }
}
