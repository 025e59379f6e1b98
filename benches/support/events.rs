//! The benchmark events: the files under `examples/events/` that the
//! aws_lambda_events peer can parse (it takes only string parameters and
//! requires both endpoints), read once into memory.

use std::path::PathBuf;

use connect_test_support::large_event;

/// One event, as the bytes Lambda would hand the runtime.
pub struct Event {
    /// The event's short name in reports.
    pub name: &'static str,
    /// Its bytes, as on disk.
    pub bytes: Vec<u8>,
}

/// The benchmark events: the tutorial's test event, every documented
/// ContactData field, and the large generated one (about 30 KB).
pub const BENCH_EVENTS: [(&str, &str); 3] = [
    ("tutorial", "connect-mock.json"),
    ("full-contact-data", "full-contact-data.json"),
    ("large", "large-contact.json"),
];

/// Every event under `examples/events/`, for the check of which ones the
/// peer can parse.
pub const ALL_EVENT_FILES: [&str; 6] = [
    "connect-mock.json",
    "full-contact-data.json",
    "large-contact.json",
    "nested-json-parameters.json",
    "chat-without-endpoints.json",
    "voice-with-segment-attributes-and-tags.json",
];

/// The path of `file` under `examples/events/`.
pub fn path(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples/events")
        .join(file)
}

/// Reads `file` from `examples/events/`.
pub fn read(file: &str) -> Vec<u8> {
    let path = path(file);
    std::fs::read(&path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// The benchmark events, read from disk. Panics if the committed large
/// event is not what `large_event::large_event_json` generates (regenerate
/// it with `CONNECT_LAMBDA_REGENERATE=1 cargo test -p connect-lambda --test
/// it large_event_fixture`).
pub fn bench_events() -> Vec<Event> {
    let events: Vec<Event> = BENCH_EVENTS
        .iter()
        .map(|&(name, file)| Event {
            name,
            bytes: read(file),
        })
        .collect();
    let large = events.iter().find(|event| event.name == "large");
    assert!(
        large.is_some_and(|event| event.bytes == large_event::large_event_json().as_bytes()),
        "examples/events/large-contact.json is stale: run \
         CONNECT_LAMBDA_REGENERATE=1 cargo test -p connect-lambda --test it large_event_fixture"
    );
    events
}

/// Whether aws_lambda_events' `ConnectEvent` parses each file of
/// [`ALL_EVENT_FILES`]: `Err` holds serde_json's reason. The peer rejects
/// number and object parameters and null endpoints, which Connect sends.
pub fn peer_parses() -> Vec<(&'static str, Result<(), String>)> {
    ALL_EVENT_FILES
        .iter()
        .map(|&file| {
            let parsed = serde_json::from_slice::<aws_lambda_events::event::connect::ConnectEvent>(
                &read(file),
            );
            (file, parsed.map(drop).map_err(|error| error.to_string()))
        })
        .collect()
}
