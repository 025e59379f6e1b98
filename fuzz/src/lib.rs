//! The checks the fuzz targets run, one function per target.
//!
//! Each takes the fuzzer's bytes and panics only when a property breaks (a
//! panic is what libFuzzer reports as a crash). `tests/fuzz_corpus.rs` in the
//! main workspace includes this file and replays every file under
//! `fuzz/corpus/<target>/` through the same functions, so the corpus is a
//! regression suite of the normal `cargo test`.
//!
//! This file is included as a module by that test: keep it free of crate
//! attributes and of dependencies beyond connect-types and serde_json.

use connect_types::ContactFlowEvent;
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
