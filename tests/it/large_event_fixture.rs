//! `examples/events/large-contact.json` is exactly what
//! `connect_test_support::large_event` generates, so the benchmark's large
//! event is reproducible. To regenerate it after changing the generator:
//!
//! ```text
//! CONNECT_LAMBDA_REGENERATE=1 cargo test -p connect-lambda --test it large_event_fixture
//! ```

use std::path::PathBuf;

use connect_test_support::large_event;
use connect_types::ContactFlowEvent;

fn fixture_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/events/large-contact.json")
}

#[test]
fn the_committed_large_event_is_the_generated_one() {
    let generated = large_event::large_event_json();
    if std::env::var_os("CONNECT_LAMBDA_REGENERATE").is_some() {
        std::fs::write(fixture_path(), &generated).expect("write the fixture");
    }
    let committed = std::fs::read_to_string(fixture_path()).expect("read the fixture");
    assert!(
        committed == generated,
        "examples/events/large-contact.json differs from the generator: \
         run CONNECT_LAMBDA_REGENERATE=1 cargo test -p connect-lambda --test it large_event_fixture"
    );
}

#[test]
fn the_large_event_has_the_advertised_shape() {
    let bytes = large_event::large_event_json();
    assert!(
        (28_000..40_000).contains(&bytes.len()),
        "about 30 KB, got {}",
        bytes.len()
    );
    let event: ContactFlowEvent = serde_json::from_str(&bytes).expect("a valid Connect event");
    let contact = &event.details.contact_data;
    assert_eq!(contact.attributes.len(), large_event::LARGE_EVENT_ENTRIES);
    assert_eq!(contact.references.len(), large_event::LARGE_EVENT_ENTRIES);
    assert_eq!(contact.customer_address(), Some("+15555550142"));
    assert_eq!(
        event.parameter("companyName").and_then(|v| v.as_str()),
        Some("GGG")
    );
    // Only string parameters: the aws_lambda_events peer parses it too.
    assert!(event.details.parameters.values().all(|v| v.is_string()));
}
