//! Damaged events are errors, never panics; deep nesting stops at
//! serde_json's recursion limit.

use crate::support::sample_events::all_events;
use connect_types::event::ContactFlowEvent;

#[test]
fn every_truncation_is_an_error_not_a_panic() {
    for (name, text) in all_events() {
        let bytes = text.as_bytes();
        let full_end = text.trim_end().len();
        for end in 0..full_end {
            assert!(
                serde_json::from_slice::<ContactFlowEvent>(&bytes[..end]).is_err(),
                "{name} cut at {end} parsed"
            );
        }
    }
}

#[test]
fn damaged_bytes_do_not_panic() {
    for (_, text) in all_events() {
        let original = text.into_bytes();
        for at in 0..original.len() {
            for replacement in [b'"', b'{', b'}', b',', b'0', b'n', 0xff] {
                let mut damaged = original.clone();
                damaged[at] = replacement;
                // Either result is fine; what matters is returning.
                let _ = serde_json::from_slice::<ContactFlowEvent>(&damaged);
            }
        }
    }
}

#[test]
fn deeply_nested_parameter_is_an_error() {
    let depth = 10_000;
    let value = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let text = format!(
        r#"{{"Name": "ContactFlowEvent", "Details": {{"ContactData": {{}}, "Parameters": {{"deep": {value}}}}}}}"#
    );
    let error = serde_json::from_str::<ContactFlowEvent>(&text).unwrap_err();
    assert!(error.to_string().contains("recursion limit"), "{error}");

    let object = format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
    let text = format!(
        r#"{{"Name": "ContactFlowEvent", "Details": {{"ContactData": {{"SegmentAttributes": {{"x": {object}}}}}}}}}"#
    );
    assert!(serde_json::from_str::<ContactFlowEvent>(&text).is_err());
}

#[test]
fn nesting_within_the_limit_parses() {
    let depth = 100;
    let value = format!("{}\"leaf\"{}", "[".repeat(depth), "]".repeat(depth));
    let text = format!(
        r#"{{"Name": "ContactFlowEvent", "Details": {{"ContactData": {{}}, "Parameters": {{"deep": {value}}}}}}}"#
    );
    let event: ContactFlowEvent = serde_json::from_str(&text).unwrap();
    let mut value = &event.details.parameters["deep"];
    for _ in 0..depth {
        value = &value[0];
    }
    assert_eq!(value, "leaf");
}
