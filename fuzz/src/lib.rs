//! The checks the fuzz targets run, one function per target.
//!
//! Each takes the fuzzer's bytes and panics only when a property breaks (a
//! panic is what libFuzzer reports as a crash). `tests/fuzz_corpus.rs` in the
//! main workspace includes this file and replays every file under
//! `fuzz/corpus/<target>/` through the same functions, so the corpus is a
//! regression suite of the normal `cargo test`.
//!
//! This file is included as a module by that test: keep it free of crate
//! attributes and of dependencies beyond connect-types, serde and
//! serde_json.

use connect_types::error::ErrorType;
use connect_types::extract::{scan, EventPlan, ExtractError};
use connect_types::ContactFlowEvent;
use serde::de::IgnoredAny;
use serde_json::Value;

/// `event_parse`: any bytes into [`ContactFlowEvent`].
///
/// - Parsing never panics.
/// - Only well-formed JSON parses: if the event parses, so does a
///   [`Value`] (the event model may reject more, e.g. repeated keys, never
///   less), with one known exception that the fuzzer found: serde_json
///   skips the fields the model ignores without checking their strings'
///   UTF-8 or `\u` escapes, nor their numbers' range (see
///   [`skipped_value_leniency`]).
/// - A parsed event serialises, parses back, and is the same event (numbers
///   compared to within one rounding of serde_json's float parsing).
pub fn event_parse(data: &[u8]) {
    let Ok(event) = serde_json::from_slice::<ContactFlowEvent>(data) else {
        return;
    };
    if let Err(error) = serde_json::from_slice::<Value>(data) {
        assert!(
            skipped_value_leniency(&error),
            "the event model accepted JSON that serde_json::Value rejects: {}",
            error
        );
    }
    let bytes = serde_json::to_vec(&event).expect("a parsed event serialises");
    let again: ContactFlowEvent =
        serde_json::from_slice(&bytes).expect("a serialised event parses back");
    let first = serde_json::to_value(&event).expect("a parsed event is a JSON value");
    let second = serde_json::to_value(&again).expect("a re-parsed event is a JSON value");
    assert!(
        same_json(&first, &second),
        "the event changed in a serialise/parse round trip"
    );
}

/// Whether `error` (from parsing the whole input as a [`Value`]) is one that
/// serde_json's `IgnoredAny` (what skips unknown fields) does not check for:
/// a string's content (invalid UTF-8, a lone surrogate, a code point out of
/// range) or a number out of `f64`'s range. Such input parses as an event
/// when the bad value is in a field the model does not read.
pub fn skipped_value_leniency(error: &serde_json::Error) -> bool {
    let message = error.to_string();
    [
        "invalid unicode code point",
        "lone leading surrogate in hex escape",
        "unexpected end of hex escape",
        "number out of range",
    ]
    .iter()
    .any(|known| message.starts_with(known))
}

/// `a == b`, except that two floats one rounding apart are the same number
/// (serde_json parses floats fast, not always to the nearest double, unless
/// its `float_roundtrip` feature is on).
pub fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            if x == y {
                return true;
            }
            match (x.as_f64(), y.as_f64()) {
                (Some(x), Some(y)) => (x - y).abs() <= 4.0 * f64::EPSILON * x.abs().max(y.abs()),
                _ => false,
            }
        }
        (Value::Array(xs), Value::Array(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(xs), Value::Object(ys)) => {
            xs.len() == ys.len()
                && xs
                    .iter()
                    .all(|(key, x)| ys.get(key).is_some_and(|y| same_json(x, y)))
        }
        _ => a == b,
    }
}

/// The plans `extract_scan` runs every input through: the tutorial's, one
/// reading every kind of value (nested paths, map entries, whole objects,
/// the whole contact), and one reading nothing.
pub static SCAN_PLANS: [EventPlan; 3] = [
    EventPlan {
        parameters: &["companyName"],
        attributes: &[],
        contact_paths: &["CustomerEndpoint.Address"],
        contact_data: false,
    },
    EventPlan {
        parameters: &["companyName", "Age", "hobbies"],
        attributes: &["greetingPlayed", "exampleAttributeKey1"],
        contact_paths: &[
            "CustomerEndpoint.Address",
            "Channel",
            "Queue",
            "Queue.Name",
            "Queue.OutboundCallerId.Address",
            "References.key1.Value",
            "Tags.dept",
            "MediaStreams.Customer.Audio.StreamARN",
        ],
        contact_data: true,
    },
    EventPlan {
        parameters: &[],
        attributes: &[],
        contact_paths: &[],
        contact_data: false,
    },
];

/// `extract_scan`: any bytes through [`scan`] with each of [`SCAN_PLANS`].
///
/// - No panic.
/// - Well-formedness agrees with serde_json: input that is not UTF-8, or
///   that serde_json's `IgnoredAny` rejects, is a `MalformedEvent`; an
///   error on input serde_json parses as a [`Value`] is an `InvalidEvent`
///   (in between, either); the scan accepts nothing `IgnoredAny` rejects.
/// - What the scan captures is what serde_json finds at the same path
///   (when serde_json can parse the input as a [`Value`]); a value is
///   absent exactly when serde_json has none there (or a parent is null).
/// - Errors are value-free: no string value of the input that looks like
///   personal data (a digit and a non-digit, five bytes or more, not also a
///   key) appears in an error's text.
pub fn extract_scan(data: &[u8]) {
    let text = std::str::from_utf8(data).ok();
    let well_formed = text.is_some() && serde_json::from_slice::<IgnoredAny>(data).is_ok();
    let value = serde_json::from_slice::<Value>(data).ok();
    for plan in &SCAN_PLANS {
        match scan(data, plan) {
            Err(error) => {
                // Between the two (input `IgnoredAny` skips but a `Value`
                // rejects: a lone surrogate, a number out of range) the
                // scanner may say either: it decodes the keys it compares.
                if !well_formed {
                    assert_eq!(error.kind(), ErrorType::MalformedEvent, "{error}");
                } else if value.is_some() {
                    assert_eq!(error.kind(), ErrorType::InvalidEvent, "{error}");
                }
                if let Some(value) = &value {
                    assert_value_free(&error, value, plan);
                }
            }
            Ok(scanned) => {
                assert!(well_formed, "scan accepted input serde_json rejects");
                let Some(value) = &value else { continue };
                let details = value.get("Details");
                let parameters = details.and_then(|d| d.get("Parameters"));
                let contact = details.and_then(|d| d.get("ContactData"));
                let attributes = contact.and_then(|c| c.get("Attributes"));
                for (i, key) in plan.parameters.iter().enumerate() {
                    let expected = parameters.and_then(|p| p.get(key));
                    assert_captured(scanned.parameter(i), expected, "a parameter");
                }
                for (i, key) in plan.attributes.iter().enumerate() {
                    let expected = attributes.and_then(|a| a.get(key));
                    assert_captured(scanned.attribute(i), expected, "an attribute");
                }
                for (i, path) in plan.contact_paths.iter().enumerate() {
                    let expected = path
                        .split('.')
                        .try_fold(contact, |node, key| match node {
                            Some(Value::Object(map)) => Some(map.get(key)),
                            Some(Value::Null) | None => Some(None),
                            Some(_) => None,
                        })
                        .expect("scan accepted a path through a non-object");
                    assert_captured(scanned.contact(i), expected, "a contact path");
                }
                if plan.contact_data {
                    assert_captured(scanned.contact_data(), contact, "ContactData");
                } else {
                    assert!(
                        scanned.contact_data().is_none(),
                        "ContactData not asked for"
                    );
                }
            }
        }
    }
}

/// The scan's capture against serde_json's value at the same path (a
/// `null` there may be captured as `null` or be absent).
fn assert_captured(
    captured: Option<&serde_json::value::RawValue>,
    expected: Option<&Value>,
    what: &str,
) {
    match (captured, expected) {
        (None, None) | (None, Some(Value::Null)) => {}
        (Some(raw), Some(expected)) => {
            let captured: Value =
                serde_json::from_str(raw.get()).expect("a captured value is JSON");
            assert!(
                same_json(&captured, expected),
                "{what} differs from serde_json's"
            );
        }
        (Some(_), None) => panic!("scan captured {what} serde_json does not find"),
        (None, Some(_)) => panic!("scan missed {what} serde_json finds"),
    }
}

/// No personal-looking string value of `value` appears in `error`'s text.
fn assert_value_free(error: &ExtractError, value: &Value, plan: &EventPlan) {
    let message = error.to_string();
    let mut keys = Vec::new();
    let mut values = Vec::new();
    collect_strings(value, &mut keys, &mut values);
    let named: Vec<&str> = plan
        .parameters
        .iter()
        .chain(plan.attributes)
        .chain(plan.contact_paths)
        .copied()
        .collect();
    for text in values {
        let personal = text.len() >= 5
            && text.bytes().any(|b| b.is_ascii_digit())
            && text.bytes().any(|b| !b.is_ascii_digit() && b != b' ')
            && !keys.iter().any(|key| key.contains(text.as_str()))
            && !named.iter().any(|name| name.contains(text.as_str()));
        assert!(
            !(personal && message.contains(text.as_str())),
            "an error echoes a value of the event: {message}"
        );
    }
}

fn collect_strings(value: &Value, keys: &mut Vec<String>, values: &mut Vec<String>) {
    match value {
        Value::String(text) => values.push(text.clone()),
        Value::Array(items) => items
            .iter()
            .for_each(|item| collect_strings(item, keys, values)),
        Value::Object(map) => {
            for (key, item) in map {
                keys.push(key.clone());
                collect_strings(item, keys, values);
            }
        }
        _ => {}
    }
}
