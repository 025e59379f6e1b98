//! Property tests of the event model and the extraction (issue 7): whatever
//! the bytes, parsing a `ContactFlowEvent` and scanning with an `EventPlan`
//! give a clean error or a correct result, never a panic; events built with
//! the builder survive a serialise/parse round trip.
//!
//! The per-input checks are the fuzz targets' own
//! (`connect_test_support::fuzz_checks`: `check` runs `event_parse`,
//! `extract_scan` and `response_serialize`), so `cargo test` and
//! `cargo fuzz` hold the code to the same properties.

use std::path::PathBuf;

use connect_test_support::fuzz_checks;
use connect_types::event::{AudioStream, CustomerMedia, MediaStreams};
use connect_types::{Channel, ContactFlowEvent, Endpoint, InitiationMethod, Queue};
use proptest::prelude::*;

/// Every fuzz target's check on one input.
fn check(bytes: &[u8]) {
    fuzz_checks::event_parse(bytes);
    fuzz_checks::extract_scan(bytes);
    fuzz_checks::response_serialize(bytes);
    fuzz_checks::handler_panic(bytes);
}
use serde_json::{Map, Number, Value};

/// Numbers serde_json parses back exactly: integers of every width and
/// floats with few significant digits.
fn arb_number() -> impl Strategy<Value = Number> {
    prop_oneof![
        any::<i64>().prop_map(Number::from),
        any::<u64>().prop_map(Number::from),
        (any::<i32>(), 0..8_u32).prop_map(|(n, k)| {
            Number::from_f64(f64::from(n) / f64::from(1 << k)).expect("finite")
        }),
    ]
}

/// Any JSON value: scalars, strings of any Unicode, arrays and objects up
/// to a few levels deep.
fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        arb_number().prop_map(Value::Number),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// A JSON object with the keys the model knows at this level, each either
/// well typed (`good`) or any JSON, plus unknown keys.
fn object_with(known: Vec<(&'static str, BoxedStrategy<Value>)>) -> BoxedStrategy<Value> {
    let fields: Vec<BoxedStrategy<Option<(&'static str, Value)>>> = known
        .into_iter()
        .map(|(key, good)| {
            prop_oneof![
                20 => good.prop_map(move |value| Some((key, value))),
                1 => arb_json().prop_map(move |value| Some((key, value))),
                2 => Just(None),
            ]
            .boxed()
        })
        .collect();
    let extra = prop::collection::btree_map("[A-Za-z]{1,12}", arb_json(), 0..3);
    (fields, extra)
        .prop_map(|(fields, extra)| {
            let mut map: Map<String, Value> = extra.into_iter().collect();
            for (key, value) in fields.into_iter().flatten() {
                map.insert(key.to_owned(), value);
            }
            Value::Object(map)
        })
        .boxed()
}

fn string() -> BoxedStrategy<Value> {
    any::<String>().prop_map(Value::String).boxed()
}

/// Map keys: often one a plan of `fuzz_checks::SCAN_PLANS` reads.
fn map_key(known: &'static [&'static str]) -> BoxedStrategy<String> {
    prop_oneof![
        prop::sample::select(known).prop_map(str::to_owned),
        any::<String>(),
    ]
    .boxed()
}

fn string_map(known: &'static [&'static str]) -> BoxedStrategy<Value> {
    prop::collection::btree_map(map_key(known), any::<String>(), 0..4)
        .prop_map(|map| Value::Object(map.into_iter().map(|(k, v)| (k, v.into())).collect()))
        .boxed()
}

fn endpoint() -> BoxedStrategy<Value> {
    prop_oneof![
        1 => Just(Value::Null).boxed(),
        4 => object_with(vec![("Address", string()), ("Type", string())]),
    ]
    .boxed()
}

/// JSON shaped like a Connect event, with wrong types, nulls, missing and
/// unknown keys mixed in: reaches every part of the model.
fn arb_event_shaped() -> impl Strategy<Value = Value> {
    let references = prop::collection::btree_map(
        map_key(&["key1"]),
        object_with(vec![("Type", string()), ("Value", string())]),
        0..3,
    )
    .prop_map(|map| Value::Object(map.into_iter().collect()))
    .boxed();
    let audio = object_with(vec![
        ("StreamARN", string()),
        ("StartTimestamp", string()),
        ("StopTimestamp", string()),
        ("StartFragmentNumber", string()),
        ("StopFragmentNumber", string()),
    ]);
    let media = object_with(vec![("Customer", object_with(vec![("Audio", audio)]))]);
    let queue = object_with(vec![
        ("ARN", string()),
        ("Name", string()),
        ("OutboundCallerId", endpoint()),
    ]);
    let contact_data = object_with(vec![
        (
            "Attributes",
            string_map(&["greetingPlayed", "exampleAttributeKey1"]),
        ),
        ("AwsRegion", string()),
        (
            "Channel",
            prop_oneof![
                Just(Value::from("VOICE")),
                Just(Value::from("CHAT")),
                Just(Value::from("TASK")),
                Just(Value::from("EMAIL")),
                string(),
            ]
            .boxed(),
        ),
        ("ContactId", string()),
        ("CustomerEndpoint", endpoint()),
        ("InitiationMethod", string()),
        ("InstanceARN", string()),
        ("MediaStreams", media),
        ("Queue", queue),
        ("References", references),
        ("SegmentAttributes", arb_json().boxed()),
        ("SystemEndpoint", endpoint()),
        ("Tags", string_map(&["dept"])),
    ]);
    let parameters = prop::collection::btree_map(
        map_key(&["companyName", "Age", "hobbies"]),
        arb_json(),
        0..5,
    )
    .prop_map(|map| Value::Object(map.into_iter().collect()))
    .boxed();
    let details = object_with(vec![
        ("ContactData", contact_data),
        ("Parameters", parameters),
    ]);
    object_with(vec![
        ("Name", Just(Value::from("ContactFlowEvent")).boxed()),
        ("Details", details),
    ])
}

/// The sample events under `examples/events/`.
fn sample_events() -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/events");
    let mut events: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .expect("examples/events")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| std::fs::read(path).expect("a sample event"))
        .collect();
    events.sort();
    assert!(events.len() >= 5, "the sample events are missing");
    events
}

/// One edit of a byte string.
#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, bit: u8 },
    Set { at: usize, byte: u8 },
    Insert { at: usize, bytes: Vec<u8> },
    Delete { at: usize, len: usize },
    Truncate { at: usize },
}

impl Mutation {
    fn apply(&self, bytes: &mut Vec<u8>) {
        if bytes.is_empty() {
            return;
        }
        let at = |at: usize| at % bytes.len();
        match self {
            Mutation::Flip { at: i, bit } => {
                let i = at(*i);
                bytes[i] ^= 1 << (bit % 8);
            }
            Mutation::Set { at: i, byte } => {
                let i = at(*i);
                bytes[i] = *byte;
            }
            Mutation::Insert { at: i, bytes: new } => {
                let i = at(*i);
                bytes.splice(i..i, new.iter().copied());
            }
            Mutation::Delete { at: i, len } => {
                let i = at(*i);
                let end = (i + len).min(bytes.len());
                bytes.drain(i..end);
            }
            Mutation::Truncate { at: i } => {
                let i = at(*i);
                bytes.truncate(i);
            }
        }
    }
}

fn arb_mutation() -> impl Strategy<Value = Mutation> {
    // JSON's structural bytes are the interesting ones to insert.
    let json_byte = prop::sample::select(b"{}[]:,\"\\0123456789.eE-+ntfu \xff\xc3".to_vec());
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        (any::<usize>(), json_byte.clone()).prop_map(|(at, byte)| Mutation::Set { at, byte }),
        (any::<usize>(), prop::collection::vec(json_byte, 1..4))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (any::<usize>(), 1..16_usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

/// Replaces the value at a path of `value` (chosen by `choices`) with
/// `replacement`.
fn replace_somewhere(node: &mut Value, choices: &[usize], replacement: Value) {
    if let Some((&choice, rest)) = choices.split_first() {
        let child = match node {
            Value::Object(map) if !map.is_empty() => {
                let len = map.len();
                map.values_mut().nth(choice % len)
            }
            Value::Array(items) if !items.is_empty() => {
                let len = items.len();
                items.get_mut(choice % len)
            }
            _ => None,
        };
        if let Some(child) = child {
            return replace_somewhere(child, rest, replacement);
        }
    }
    *node = replacement;
}

fn arb_attribute_key() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][A-Za-z0-9_-]{0,20}".boxed(),
        any::<String>().boxed(),
    ]
}

/// Events built with `ContactFlowEvent::builder()`, every setter exercised.
fn arb_built_event() -> impl Strategy<Value = ContactFlowEvent> {
    let maps = (
        prop::collection::btree_map(arb_attribute_key(), arb_json(), 0..6),
        prop::collection::btree_map(arb_attribute_key(), any::<String>(), 0..6),
        prop::collection::btree_map(arb_attribute_key(), ("[A-Z]{3,10}", any::<String>()), 0..4),
        prop::collection::btree_map(arb_attribute_key(), any::<String>(), 0..3),
        prop::collection::btree_map(arb_attribute_key(), arb_json(), 0..3),
    );
    let contact = (
        prop_oneof![
            Just(Channel::Voice),
            Just(Channel::Chat),
            Just(Channel::Task),
            Just(Channel::Email),
            "[A-Z_]{1,12}".prop_map(Channel::from),
        ],
        prop_oneof![
            Just(InitiationMethod::Inbound),
            Just(InitiationMethod::Outbound),
            Just(InitiationMethod::Transfer),
            Just(InitiationMethod::Callback),
            Just(InitiationMethod::Api),
            "[A-Z_]{1,12}".prop_map(InitiationMethod::from),
        ],
        any::<String>(),
        prop::option::of(any::<String>()),
        prop::option::of(any::<String>()),
        prop::option::of((any::<String>(), any::<String>())),
        prop::option::of(any::<String>()),
    );
    let extra = (
        prop::option::of(any::<String>()),
        prop::option::of(any::<String>()),
        prop::option::of(any::<String>()),
        any::<bool>(),
    );
    (maps, contact, extra).prop_map(
        |(
            (parameters, attributes, references, tags, segments),
            (channel, method, contact_id, customer, system, queue, language),
            (description, previous, related, streams),
        )| {
            let mut builder = ContactFlowEvent::builder()
                .channel(channel)
                .initiation_method(method)
                .contact_id(contact_id)
                .customer_endpoint(customer.map(Endpoint::telephone_number))
                .system_endpoint(system.map(Endpoint::telephone_number));
            for (key, value) in parameters {
                builder = builder.parameter(key, value);
            }
            for (key, value) in attributes {
                builder = builder.attribute(key, value);
            }
            for (name, (kind, value)) in references {
                builder = builder.reference(name, kind, value);
            }
            for (key, value) in tags {
                builder = builder.tag(key, value);
            }
            for (key, value) in segments {
                builder = builder.segment_attribute(key, value);
            }
            if let Some((name, arn)) = queue {
                builder = builder.queue(Queue {
                    name: Some(name),
                    arn: Some(arn),
                    ..Queue::default()
                });
            }
            if let Some(code) = language {
                builder = builder.language_code(code);
            }
            if let Some(text) = description {
                builder = builder.description(text);
            }
            if let Some(id) = previous {
                builder = builder.previous_contact_id(id);
            }
            if let Some(id) = related {
                builder = builder.related_contact_id(id);
            }
            if streams {
                builder = builder.media_streams(MediaStreams {
                    customer: Some(CustomerMedia {
                        audio: Some(AudioStream {
                            stream_arn: Some("arn:aws:kinesisvideo:us-east-1:1:stream/s/1".into()),
                            start_timestamp: Some("1571360125131".into()),
                            ..AudioStream::default()
                        }),
                    }),
                });
            }
            builder.build()
        },
    )
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics(value in arb_json()) {
        check(&serde_json::to_vec(&value).unwrap());
    }

    #[test]
    fn event_shaped_json_parses_cleanly_or_fails_cleanly(value in arb_event_shaped()) {
        check(&serde_json::to_vec(&value).unwrap());
        check(&serde_json::to_vec_pretty(&value).unwrap());
    }

    #[test]
    fn mutated_sample_events_never_panic(
        index in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(arb_mutation(), 1..6),
    ) {
        let samples = sample_events();
        let mut bytes = index.get(&samples).clone();
        for mutation in &mutations {
            mutation.apply(&mut bytes);
        }
        check(&bytes);
    }

    #[test]
    fn sample_events_with_a_value_replaced_parse_or_fail_cleanly(
        index in any::<prop::sample::Index>(),
        path in prop::collection::vec(any::<usize>(), 0..6),
        replacement in arb_json(),
    ) {
        let samples = sample_events();
        let sample: &Vec<u8> = index.get(&samples);
        let mut value: Value = serde_json::from_slice(sample).unwrap();
        replace_somewhere(&mut value, &path, replacement);
        check(&serde_json::to_vec(&value).unwrap());
    }

    #[test]
    fn built_events_round_trip(event in arb_built_event()) {
        let compact = serde_json::to_vec(&event).unwrap();
        let parsed: ContactFlowEvent = serde_json::from_slice(&compact).unwrap();
        prop_assert_eq!(&parsed, &event);
        let pretty = serde_json::to_vec_pretty(&event).unwrap();
        let parsed: ContactFlowEvent = serde_json::from_slice(&pretty).unwrap();
        prop_assert_eq!(&parsed, &event);
        check(&compact);
    }
}

#[test]
fn every_sample_event_parses_and_round_trips() {
    for bytes in sample_events() {
        let event: ContactFlowEvent = serde_json::from_slice(&bytes).unwrap();
        let again: ContactFlowEvent =
            serde_json::from_slice(&serde_json::to_vec(&event).unwrap()).unwrap();
        assert_eq!(again, event);
        check(&bytes);
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    for depth in [100, 200, 10_000] {
        let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let event = format!(
            r#"{{"Name":"ContactFlowEvent","Details":{{"ContactData":{{}},"Parameters":{{"deep":{nested}}}}}}}"#
        );
        let parsed = serde_json::from_str::<ContactFlowEvent>(&event);
        // serde_json stops at 128 levels in all (three are the envelope).
        assert_eq!(parsed.is_ok(), depth < 125, "depth {depth}");
        check(event.as_bytes());
        // Unclosed, too.
        check(&event.as_bytes()[..event.len() / 2]);
    }
}

#[test]
fn the_float_comparison_is_not_trivially_true() {
    let a: Value = serde_json::json!({"n": 1.0, "s": "x"});
    assert!(fuzz_checks::same_json(
        &a,
        &serde_json::json!({"n": 1.0, "s": "x"})
    ));
    assert!(!fuzz_checks::same_json(
        &a,
        &serde_json::json!({"n": 1.5, "s": "x"})
    ));
    assert!(!fuzz_checks::same_json(
        &a,
        &serde_json::json!({"n": 1.0, "s": "y"})
    ));
    assert!(!fuzz_checks::same_json(&a, &serde_json::json!({"n": 1.0})));
    assert!(fuzz_checks::same_json(
        &serde_json::json!(0.1 + 0.2),
        &serde_json::json!(0.30000000000000004_f64 + f64::EPSILON / 4.0)
    ));
}

#[test]
fn the_event_shaped_generator_reaches_valid_events() {
    // The round-trip half of the properties only runs on inputs that parse:
    // make sure the generator produces enough of them.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let mut runner = TestRunner::deterministic();
    let strategy = arb_event_shaped();
    let total = 300;
    let plan = &fuzz_checks::SCAN_PLANS[1];
    let (mut parsed, mut captured) = (0, 0);
    for _ in 0..total {
        let value = strategy.new_tree(&mut runner).unwrap().current();
        let bytes = serde_json::to_vec(&value).unwrap();
        if let Ok(scanned) = connect_types::extract::scan(&bytes, plan) {
            if scanned.parameter(0).is_some() || scanned.attribute(0).is_some() {
                captured += 1;
            }
        }
        if serde_json::from_value::<ContactFlowEvent>(value).is_ok() {
            parsed += 1;
        }
    }
    assert!(parsed * 10 >= total, "only {parsed} of {total} parse");
    assert!(
        parsed < total,
        "every generated value parses: no error path"
    );
    assert!(
        captured * 20 >= total,
        "only {captured} of {total} scans capture values"
    );
}
