//! The exact manifest `#[connect_handler]` writes for each argument kind.

use std::collections::{BTreeMap, HashMap};

use crate::support::responses::{Echo, Json};
use connect_lambda::{connect_handler, ConnectResponse, ContactData, ContactFlowEvent, Context};
use serde::Deserialize;
use serde_json::json;

#[connect_handler(function = "MyFirstConnectLambda")]
async fn my_first_connect_lambda(
    #[param(rename = "companyName")] company: String,
    #[param] age: Option<u32>,
    #[attribute(rename = "greetingPlayed")] greeted: Option<String>,
    #[contact("CustomerEndpoint.Address")] phone: String,
    contact: &ContactData,
) -> Result<Echo, connect_lambda::Error> {
    let _ = (age, greeted, contact);
    Ok(Echo::new(format!("{company} {phone}")))
}

#[test]
fn the_design_example() {
    assert_eq!(
        serde_json::to_value(my_first_connect_lambda::manifest()).unwrap(),
        json!({
            "manifestVersion": 1,
            "handler": "my_first_connect_lambda",
            "function": "MyFirstConnectLambda",
            "responseValidation": "STRING_MAP",
            "parameters": [
                {"key": "companyName", "type": "string", "required": true},
                {"key": "age", "type": "number", "required": false}
            ],
            "attributes": [
                {"key": "greetingPlayed", "type": "string", "required": false}
            ],
            "contactData": [
                {"path": "CustomerEndpoint.Address", "required": true},
                {"path": "*"}
            ],
            "external": [
                {"path": "$.External.echo", "key": "echo", "type": "string",
                 "required": true, "referenceable": true}
            ]
        })
    );
}

#[test]
fn the_handler_value_gives_the_same_manifest() {
    assert_eq!(
        my_first_connect_lambda::handler().manifest(),
        my_first_connect_lambda::manifest()
    );
}

#[derive(Deserialize)]
struct Hobbies {
    #[allow(dead_code)]
    books: Vec<String>,
}

#[connect_handler]
#[allow(clippy::too_many_arguments)] // a handler reads what it reads
fn types(
    #[param] name: Option<Box<str>>,
    #[param] count: i64,
    #[param] ratio: Option<f64>,
    #[param] enrolled: bool,
    #[param] tags: Vec<String>,
    #[param] scores: HashMap<String, u32>,
    #[param] limits: Option<BTreeMap<String, f32>>,
    #[param] hobbies: Hobbies,
    #[param] raw: serde_json::Value,
    #[attribute] language: std::borrow::Cow<'static, str>,
) -> Json {
    let _ = (
        name, count, ratio, enrolled, tags, scores, limits, hobbies, raw, language,
    );
    Json { value: json!(null) }
}

#[test]
fn parameter_types_come_from_the_rust_types() {
    let manifest = serde_json::to_value(types::manifest()).unwrap();
    assert_eq!(manifest["responseValidation"], "JSON");
    assert!(manifest.get("function").is_none(), "absent, not null");
    assert_eq!(
        manifest["parameters"],
        json!([
            {"key": "name", "type": "string", "required": false},
            {"key": "count", "type": "number", "required": true},
            {"key": "ratio", "type": "number", "required": false},
            {"key": "enrolled", "type": "boolean", "required": true},
            {"key": "tags", "type": "array", "required": true},
            {"key": "scores", "type": "map", "required": true},
            {"key": "limits", "type": "map", "required": false},
            {"key": "hobbies", "type": "any", "required": true},
            {"key": "raw", "type": "any", "required": true}
        ])
    );
    assert_eq!(
        manifest["attributes"],
        json!([{"key": "language", "type": "string", "required": true}])
    );
    assert_eq!(manifest["contactData"], json!([]));
}

#[connect_handler]
fn everything(
    #[contact(path = "Queue.Name")] queue: Option<String>,
    event: &ContactFlowEvent,
    #[param] extra: String,
    contact: &ContactData,
    context: &Context,
    #[contact(path = "CustomerVoiceActivity.GreetingEndTimestamp", unchecked)] greeting_end: Option<
        String,
    >,
) -> Echo {
    let _ = (queue, event, contact, context, greeting_end);
    Echo::new(extra)
}

#[test]
fn the_whole_event_reads_any_key_and_entries_keep_declaration_order() {
    let manifest = serde_json::to_value(everything::manifest()).unwrap();
    assert_eq!(
        manifest["parameters"],
        json!([{"key": "*"}, {"key": "extra", "type": "string", "required": true}])
    );
    assert_eq!(manifest["attributes"], json!([{"key": "*"}]));
    assert_eq!(
        manifest["contactData"],
        json!([
            {"path": "Queue.Name", "required": false},
            {"path": "*"},
            {"path": "CustomerVoiceActivity.GreetingEndTimestamp", "required": false}
        ])
    );
}

#[test]
fn the_manifest_round_trips_through_its_model() {
    for manifest in [
        my_first_connect_lambda::manifest(),
        types::manifest(),
        everything::manifest(),
    ] {
        let text = serde_json::to_string(&manifest).unwrap();
        let back: connect_lambda::Manifest = serde_json::from_str(&text).unwrap();
        assert_eq!(back, manifest);
    }
}

/// A nested response with every kind of entry the schema has rules for:
/// objects, a flattened map below one (`Profile.*`), an array, an optional
/// nested object, a recursive type cut where it repeats.
#[derive(ConnectResponse)]
#[connect(json, rename_all = "PascalCase")]
struct Shapes {
    profile: Profile,
    tags: Vec<String>,
    manager: Option<Person>,
}

#[derive(ConnectResponse)]
#[connect(json, rename_all = "PascalCase")]
struct Profile {
    name: String,
    #[connect(flatten)]
    extra: BTreeMap<String, String>,
}

#[derive(ConnectResponse)]
#[connect(json, rename_all = "PascalCase")]
struct Person {
    name: String,
    manager: Option<Box<Person>>,
}

#[connect_handler]
fn shapes(#[param] name: String) -> Shapes {
    Shapes {
        profile: Profile {
            name,
            extra: BTreeMap::new(),
        },
        tags: vec![],
        manager: None,
    }
}

#[test]
fn nested_maps_arrays_and_recursion_are_listed() {
    let manifest = serde_json::to_value(shapes::manifest()).unwrap();
    let entries: Vec<(&str, &str, bool, bool, bool)> = manifest["external"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["key"].as_str().unwrap(),
                e["type"].as_str().unwrap(),
                e["required"].as_bool().unwrap(),
                e["referenceable"].as_bool().unwrap(),
                e.get("truncated").is_some_and(|t| t == true),
            )
        })
        .collect();
    assert_eq!(
        entries,
        [
            ("Profile", "object", true, true, false),
            ("Profile.Name", "string", true, true, false),
            ("Profile.*", "map", false, true, false),
            ("Tags", "array", true, false, false),
            ("Manager", "object", false, true, false),
            ("Manager.Name", "string", false, true, false),
            ("Manager.Manager", "object", false, true, true),
        ]
    );
}

#[connect_handler]
fn segment_and_tag(
    #[contact("SegmentAttributes.connect:Subtype.ValueString")] subtype: Option<String>,
    #[contact("Tags.aws:connect:instanceId")] instance: String,
) -> Echo {
    Echo::new(format!("{subtype:?} {instance}"))
}

#[test]
fn connects_own_map_keys_are_listed_as_written() {
    let manifest = serde_json::to_value(segment_and_tag::manifest()).unwrap();
    assert_eq!(
        manifest["contactData"],
        json!([
            {"path": "SegmentAttributes.connect:Subtype.ValueString", "required": false},
            {"path": "Tags.aws:connect:instanceId", "required": true}
        ])
    );
}

#[test]
fn every_manifest_here_passes_the_json_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(connect_lambda::manifest::JSON_SCHEMA).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    for manifest in [
        my_first_connect_lambda::manifest(),
        types::manifest(),
        everything::manifest(),
        shapes::manifest(),
        segment_and_tag::manifest(),
    ] {
        let value = serde_json::to_value(&manifest).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{}: {e}", e.instance_path().as_str()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", manifest.handler);
        // The one rule the schema cannot state.
        for entry in &manifest.external {
            assert_eq!(entry.path, format!("$.External.{}", entry.key));
        }
    }
}
