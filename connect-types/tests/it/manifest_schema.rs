//! The manifest's JSON Schema (`JSON_SCHEMA`) against the Rust model:
//! manifests built with the model's types pass; broken ones fail, at the
//! place that is wrong, and the model refuses them too wherever its types
//! can tell.

use connect_types::manifest::{
    ContactDataPath, ExternalKey, InputKey, Manifest, ResponseValidation, ValueType, JSON_SCHEMA,
    MANIFEST_VERSION, READ_VERSIONS,
};
use jsonschema::Validator;
use serde_json::{json, Value};

fn validator() -> Validator {
    let schema: Value = serde_json::from_str(JSON_SCHEMA).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
}

/// The JSON pointers of the places the schema rejects (sorted, deduplicated).
fn errors(validator: &Validator, manifest: &Value) -> Vec<String> {
    let mut at: Vec<String> = validator
        .iter_errors(manifest)
        .map(|error| error.instance_path().as_str().to_owned())
        .collect();
    at.sort();
    at.dedup();
    at
}

fn input(key: &str, ty: ValueType, required: bool) -> InputKey {
    InputKey {
        key: key.into(),
        ty: Some(ty),
        required: Some(required),
        values: None,
    }
}

fn any_key() -> InputKey {
    InputKey {
        key: "*".into(),
        ty: None,
        required: None,
        values: None,
    }
}

fn contact(path: &str, required: Option<bool>) -> ContactDataPath {
    ContactDataPath {
        path: path.into(),
        required,
    }
}

/// A manifest with every kind of entry the model can hold.
fn everything() -> Manifest {
    let mut truncated = ExternalKey::new("Profile.Manager", ValueType::Object, false);
    truncated.truncated = true;
    Manifest {
        manifest_version: MANIFEST_VERSION,
        handler: "caller_profile".into(),
        function: Some("Caller-Profile_2".into()),
        response_validation: ResponseValidation::Json,
        parameters: vec![
            any_key(),
            input("Name", ValueType::String, true),
            input("Age", ValueType::Number, true),
            input("isEnrolledInSchool", ValueType::Boolean, false),
            input("hobbies", ValueType::Any, false),
            input("tags", ValueType::Array, false),
            input("scores", ValueType::Map, false),
            input("address", ValueType::Object, false),
        ],
        attributes: vec![input("greeting-played", ValueType::String, false)],
        contact_data: vec![
            contact("CustomerEndpoint.Address", Some(true)),
            contact("References.invoice.Value", Some(false)),
            contact("Tags.aws:connect:instanceId", Some(false)),
            contact("*", None),
        ],
        external: vec![
            ExternalKey::new("Profile", ValueType::Object, true),
            ExternalKey::new("Profile.DisplayName", ValueType::String, true),
            truncated,
            ExternalKey::new("Profile.*", ValueType::Map, false),
            ExternalKey::new("Books", ValueType::Array, true),
            ExternalKey::new("HobbyCount", ValueType::Number, true),
            ExternalKey::new("InSchool", ValueType::Boolean, false),
            ExternalKey::new("Raw", ValueType::Any, true),
            ExternalKey::new("*", ValueType::Map, false),
        ],
    }
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema() {
    let schema: Value = serde_json::from_str(JSON_SCHEMA).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    if let Err(error) = jsonschema::meta::validate(&schema) {
        panic!("the schema breaks the draft 2020-12 meta-schema: {error}");
    }
}

#[test]
fn manifests_built_with_the_model_pass() {
    let validator = validator();
    let minimal = Manifest {
        manifest_version: MANIFEST_VERSION,
        handler: "h".into(),
        function: None,
        response_validation: ResponseValidation::StringMap,
        parameters: vec![],
        attributes: vec![],
        contact_data: vec![],
        external: vec![ExternalKey::new("status", ValueType::String, true)],
    };
    for manifest in [minimal, everything()] {
        let value = serde_json::to_value(&manifest).unwrap();
        assert_eq!(
            errors(&validator, &value),
            Vec::<String>::new(),
            "{value:#}"
        );
        let back: Manifest = serde_json::from_value(value).unwrap();
        assert_eq!(back, manifest);
    }
}

#[test]
fn the_documented_example_and_the_shortest_manifest_pass() {
    let validator = validator();
    let design = json!({
        "manifestVersion": 1,
        "handler": "my_first_connect_lambda",
        "function": "MyFirstConnectLambda",
        "responseValidation": "STRING_MAP",
        "parameters": [{"key": "companyName", "type": "string", "required": true}],
        "attributes": [{"key": "greetingPlayed", "type": "string", "required": false}],
        "contactData": [{"path": "CustomerEndpoint.Address", "required": true}],
        "external": [
            {"path": "$.External.customerBalance", "key": "customerBalance",
             "type": "string", "required": true, "referenceable": true}
        ]
    });
    // The lists may be left out: the model reads them as empty.
    let shortest = json!({"manifestVersion": 1, "handler": "h", "responseValidation": "JSON"});
    for manifest in [design, shortest] {
        assert!(validator.is_valid(&manifest), "{manifest:#}");
        serde_json::from_value::<Manifest>(manifest).unwrap();
    }
}

/// A broken copy of the minimal valid manifest below.
fn broken(change: impl FnOnce(&mut Value)) -> Value {
    let mut manifest = json!({
        "manifestVersion": 1,
        "handler": "get_balance",
        "function": "GetBalance",
        "responseValidation": "STRING_MAP",
        "parameters": [{"key": "customerId", "type": "string", "required": true}],
        "attributes": [{"key": "*"}],
        "contactData": [{"path": "CustomerEndpoint.Address", "required": true}, {"path": "*"}],
        "external": [
            {"path": "$.External.customerBalance", "key": "customerBalance",
             "type": "string", "required": true, "referenceable": true}
        ]
    });
    change(&mut manifest);
    manifest
}

/// Mistakes both the schema and the model refuse: the schema's error is at
/// `at` (a JSON pointer).
#[test]
fn mistakes_the_model_refuses_fail_at_their_place() {
    let validator = validator();
    let cases: Vec<(&str, Value, &str)> = vec![
        ("valid", broken(|_| {}), ""),
        (
            "wrong parameter type",
            broken(|m| m["parameters"][0]["type"] = json!("text")),
            "/parameters/0",
        ),
        (
            "type not a string",
            broken(|m| m["external"][0]["type"] = json!(1)),
            "/external/0/type",
        ),
        (
            "missing manifestVersion",
            broken(|m| drop(m.as_object_mut().unwrap().remove("manifestVersion"))),
            "",
        ),
        (
            "missing handler",
            broken(|m| drop(m.as_object_mut().unwrap().remove("handler"))),
            "",
        ),
        (
            "missing responseValidation",
            broken(|m| drop(m.as_object_mut().unwrap().remove("responseValidation"))),
            "",
        ),
        (
            "unknown responseValidation",
            broken(|m| m["responseValidation"] = json!("STRINGMAP")),
            "/responseValidation",
        ),
        (
            "manifestVersion as text",
            broken(|m| m["manifestVersion"] = json!("1")),
            "/manifestVersion",
        ),
        (
            "negative manifestVersion",
            broken(|m| m["manifestVersion"] = json!(-1)),
            "/manifestVersion",
        ),
        (
            "missing external key",
            broken(|m| drop(m["external"][0].as_object_mut().unwrap().remove("key"))),
            "/external/0",
        ),
        (
            "missing external required",
            broken(|m| drop(m["external"][0].as_object_mut().unwrap().remove("required"))),
            "/external/0",
        ),
        (
            "missing referenceable",
            broken(|m| {
                drop(
                    m["external"][0]
                        .as_object_mut()
                        .unwrap()
                        .remove("referenceable"),
                )
            }),
            "/external/0",
        ),
        (
            "required as text",
            broken(|m| m["external"][0]["required"] = json!("true")),
            "/external/0/required",
        ),
        (
            "truncated as text",
            broken(|m| m["external"][0]["truncated"] = json!("yes")),
            "/external/0/truncated",
        ),
        (
            "missing contact path",
            broken(|m| m["contactData"][0] = json!({"required": true})),
            "/contactData/0",
        ),
        (
            "missing parameter key",
            broken(|m| m["parameters"][0] = json!({"type": "string", "required": true})),
            "/parameters/0",
        ),
        (
            "unknown top-level field",
            broken(|m| m["returns"] = json!({})),
            "",
        ),
        (
            "misspelt parameter field",
            broken(|m| {
                m["parameters"][0] =
                    json!({"key": "customerId", "type": "string", "requierd": true})
            }),
            "/parameters/0",
        ),
        (
            "unknown external field",
            broken(|m| m["external"][0]["nullable"] = json!(true)),
            "/external/0",
        ),
        (
            "unknown contact field",
            broken(|m| m["contactData"][0]["pii"] = json!(true)),
            "/contactData/0",
        ),
        (
            "parameters not a list",
            broken(|m| m["parameters"] = json!({"customerId": "string"})),
            "/parameters",
        ),
        ("not an object", json!([]), ""),
    ];
    for (name, manifest, at) in cases {
        let found = errors(&validator, &manifest);
        let model = serde_json::from_value::<Manifest>(manifest.clone());
        if name == "valid" {
            assert_eq!(found, Vec::<String>::new());
            model.unwrap();
            continue;
        }
        assert_eq!(found, vec![at.to_owned()], "{name}: {manifest:#}");
        assert!(model.is_err(), "{name}: the model reads it");
    }
}

/// Rules of the manifest the model's types cannot state (any `u32`, any
/// string): the schema holds them.
#[test]
fn rules_beyond_the_model_fail_at_their_place() {
    let validator = validator();
    let cases: Vec<(&str, Value, &[&str])> = vec![
        (
            "manifestVersion 3",
            broken(|m| m["manifestVersion"] = json!(3)),
            &["/manifestVersion"],
        ),
        (
            "manifestVersion 0",
            broken(|m| m["manifestVersion"] = json!(0)),
            &["/manifestVersion"],
        ),
        (
            "empty handler",
            broken(|m| m["handler"] = json!("")),
            &["/handler"],
        ),
        (
            "function as an ARN",
            broken(|m| {
                m["function"] = json!("arn:aws:lambda:us-east-1:123456789012:function:GetBalance")
            }),
            &["/function"],
        ),
        (
            "function too long",
            broken(|m| m["function"] = json!("f".repeat(65))),
            &["/function"],
        ),
        (
            "null function",
            broken(|m| m["function"] = Value::Null),
            &["/function"],
        ),
        (
            "parameter key with a space",
            broken(|m| m["parameters"][0]["key"] = json!("customer id")),
            &["/parameters/0"],
        ),
        (
            "dotted parameter key",
            broken(|m| m["parameters"][0]["key"] = json!("customer.id")),
            &["/parameters/0"],
        ),
        (
            "empty attribute key",
            broken(|m| m["attributes"][0] = json!({"key": "", "type": "string", "required": true})),
            &["/attributes/0"],
        ),
        (
            "named parameter without type",
            broken(|m| m["parameters"][0] = json!({"key": "customerId", "required": true})),
            &["/parameters/0"],
        ),
        (
            "named parameter without required",
            broken(|m| m["parameters"][0] = json!({"key": "customerId", "type": "string"})),
            &["/parameters/0"],
        ),
        (
            "any key with a type",
            broken(|m| m["attributes"][0]["type"] = json!("string")),
            &["/attributes/0"],
        ),
        (
            "contact path without required",
            broken(|m| m["contactData"][0] = json!({"path": "Channel"})),
            &["/contactData/0"],
        ),
        (
            "whole contact with required",
            broken(|m| m["contactData"][1]["required"] = json!(true)),
            &["/contactData/1"],
        ),
        (
            "contact path with an empty segment",
            broken(|m| m["contactData"][0]["path"] = json!("CustomerEndpoint..Address")),
            &["/contactData/0"],
        ),
        (
            "external key with a space",
            broken(|m| {
                m["external"][0]["key"] = json!("customer balance");
                m["external"][0]["path"] = json!("$.External.customer balance");
            }),
            &["/external/0/key", "/external/0/path"],
        ),
        (
            "external key with an empty segment",
            broken(|m| {
                m["external"][0]["key"] = json!("Name..First");
                m["external"][0]["path"] = json!("$.External.Name..First");
            }),
            &["/external/0/key", "/external/0/path"],
        ),
        (
            "path without $.External",
            broken(|m| m["external"][0]["path"] = json!("customerBalance")),
            &["/external/0/path"],
        ),
        (
            "path under $.Attributes",
            broken(|m| m["external"][0]["path"] = json!("$.Attributes.customerBalance")),
            &["/external/0/path"],
        ),
        (
            "run-time keys not a map",
            broken(|m| {
                m["external"][0]["key"] = json!("*");
                m["external"][0]["path"] = json!("$.External.*");
            }),
            &["/external/0/type"],
        ),
        (
            "referenceable array",
            broken(|m| m["external"][0]["type"] = json!("array")),
            &["/external/0/referenceable"],
        ),
        (
            "truncated string",
            broken(|m| m["external"][0]["truncated"] = json!(true)),
            &["/external/0/type"],
        ),
    ];
    for (name, manifest, at) in cases {
        assert_eq!(errors(&validator, &manifest), at, "{name}: {manifest:#}");
    }
}

#[test]
fn the_model_refuses_unknown_fields_at_every_level() {
    for (manifest, field) in [
        (broken(|m| m["Function"] = json!("GetBalance")), "Function"),
        (
            broken(|m| m["parameters"][0]["optional"] = json!(false)),
            "optional",
        ),
        (
            broken(|m| m["contactData"][0]["reason"] = json!("lookup")),
            "reason",
        ),
        (
            broken(|m| m["external"][0]["nullable"] = json!(false)),
            "nullable",
        ),
    ] {
        let error = serde_json::from_value::<Manifest>(manifest).unwrap_err();
        assert!(
            error
                .to_string()
                .contains(&format!("unknown field `{field}`")),
            "{error}"
        );
    }
}

/// The schema's constants and enums are the model's: a variant added to
/// `ValueType` or `ResponseValidation`, or a new `MANIFEST_VERSION`, fails
/// here until the schema says so too.
#[test]
fn the_schema_enums_are_the_model_enums() {
    let schema: Value = serde_json::from_str(JSON_SCHEMA).unwrap();
    assert_eq!(
        schema["properties"]["manifestVersion"]["enum"],
        json!(READ_VERSIONS.collect::<Vec<_>>())
    );
    let types = [
        ValueType::String,
        ValueType::Number,
        ValueType::Boolean,
        ValueType::Object,
        ValueType::Array,
        ValueType::Map,
        ValueType::Any,
    ];
    // Exhaustive: a new variant is a compile error here.
    for ty in types {
        match ty {
            ValueType::String
            | ValueType::Number
            | ValueType::Boolean
            | ValueType::Object
            | ValueType::Array
            | ValueType::Map
            | ValueType::Any => {}
        }
    }
    assert_eq!(
        schema["$defs"]["valueType"]["enum"],
        json!(types.map(ValueType::as_str))
    );
    let validations = [ResponseValidation::StringMap, ResponseValidation::Json];
    for validation in validations {
        match validation {
            ResponseValidation::StringMap | ResponseValidation::Json => {}
        }
    }
    assert_eq!(
        schema["properties"]["responseValidation"]["enum"],
        json!(validations.map(ResponseValidation::as_str))
    );
}

/// Version 2: parameters, attributes and external keys may list the values
/// they can hold; the schema takes them, the model reads them back.
#[test]
fn manifests_with_values_pass() {
    let validator = validator();
    let values = |list: &[&str]| Some(list.iter().map(|v| v.to_string()).collect());
    let mut next = ExternalKey::new("next", ValueType::String, true);
    next.values = values(&["none", "speak", "transferToAgent"]);
    let mut played = ExternalKey::new("played", ValueType::String, false);
    played.values = values(&["true", "false"]);
    let mut mode = input("mode", ValueType::String, false);
    mode.values = values(&["quick", "full"]);
    let mut tier = input("tier", ValueType::String, true);
    tier.values = values(&["gold", "silver"]);
    let manifest = Manifest {
        manifest_version: 0,
        handler: "route".into(),
        function: None,
        response_validation: ResponseValidation::StringMap,
        parameters: vec![mode],
        attributes: vec![tier],
        contact_data: vec![],
        external: vec![next, played],
    }
    .with_lowest_version();
    assert_eq!(manifest.manifest_version, 2);
    let value = serde_json::to_value(&manifest).unwrap();
    assert_eq!(
        value["external"][0]["values"],
        json!(["none", "speak", "transferToAgent"])
    );
    assert_eq!(
        errors(&validator, &value),
        Vec::<String>::new(),
        "{value:#}"
    );
    let back: Manifest = serde_json::from_value(value).unwrap();
    assert_eq!(back, manifest);
}

/// A manifest written before values existed (version 1, no `values`) still
/// passes the schema and reads, as a manifest without values; and a
/// manifest without values is still written as version 1.
#[test]
fn a_version_1_manifest_still_reads() {
    let text = r#"{
  "manifestVersion": 1,
  "handler": "greeting_router",
  "function": "GreetingRouter",
  "responseValidation": "STRING_MAP",
  "parameters": [{"key": "intent", "type": "string", "required": true}],
  "attributes": [{"key": "greetingPlayed", "type": "string", "required": false}],
  "external": [
    {"path": "$.External.next", "key": "next", "type": "string", "required": true, "referenceable": true}
  ]
}"#;
    let value: Value = serde_json::from_str(text).unwrap();
    assert_eq!(errors(&validator(), &value), Vec::<String>::new());
    let manifest: Manifest = serde_json::from_str(text).unwrap();
    assert_eq!(manifest.manifest_version, 1);
    assert!(READ_VERSIONS.contains(&manifest.manifest_version));
    assert_eq!(manifest.parameters[0].values, None);
    assert_eq!(manifest.external[0].values, None);
    assert_eq!(manifest.lowest_version(), 1);
    // Written back the same, bar the empty list the reader filled in.
    let mut written = serde_json::to_value(&manifest).unwrap();
    assert_eq!(written["contactData"], json!([]));
    written.as_object_mut().unwrap().remove("contactData");
    assert_eq!(written, value);
}

/// What the schema refuses in `values`: before version 2, on a type other
/// than string, empty, or with a value twice; each at the entry or the list.
#[test]
fn values_fail_at_their_place() {
    let validator = validator();
    let with_values = |version: u32, entry: Value| {
        broken(|m| {
            m["manifestVersion"] = json!(version);
            m["external"][0] = entry;
        })
    };
    let key = |ty: &str, values: Value| {
        json!({"path": "$.External.customerBalance", "key": "customerBalance",
               "type": ty, "required": true, "referenceable": true, "values": values})
    };
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "version 2",
            with_values(2, key("string", json!(["a", "b"]))),
            "",
        ),
        (
            "version 1",
            with_values(1, key("string", json!(["a"]))),
            "/external/0",
        ),
        (
            "a number",
            with_values(2, key("number", json!(["1"]))),
            "/external/0/type",
        ),
        (
            "empty",
            with_values(2, key("string", json!([]))),
            "/external/0/values",
        ),
        (
            "twice",
            with_values(2, key("string", json!(["a", "a"]))),
            "/external/0/values",
        ),
        (
            "not text",
            with_values(2, key("string", json!([true]))),
            "/external/0/values/0",
        ),
        (
            "on a parameter in version 1",
            broken(|m| m["parameters"][0]["values"] = json!(["x"])),
            "/parameters/0",
        ),
    ];
    for (name, manifest, at) in cases {
        let found = errors(&validator, &manifest);
        if at.is_empty() {
            assert_eq!(found, Vec::<String>::new(), "{name}");
        } else {
            assert!(found.iter().any(|place| place == at), "{name}: {found:?}");
        }
    }
}
