//! Which sample events the benchmarks' peer, aws_lambda_events'
//! `ConnectEvent`, can parse at all (BENCHMARKS.md's event table), next to
//! connect-lambda's event model, which parses every one.
//!
//! The peer's `Parameters` is a `HashMap<String, String>` and its endpoints
//! are required, so the number and object parameters the block sends, and
//! chat contacts without endpoints, are errors there.

use aws_lambda_events::event::connect::ConnectEvent;
use connect_types::ContactFlowEvent;

fn read(file: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/events")
        .join(file);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

#[test]
fn the_peer_parses_only_string_parameters_and_present_endpoints() {
    let cases = [
        ("connect-mock.json", true),
        ("full-contact-data.json", true),
        ("large-contact.json", true),
        ("nested-json-parameters.json", false),
        ("chat-without-endpoints.json", false),
        ("voice-with-segment-attributes-and-tags.json", false),
    ];
    for (file, peer_parses) in cases {
        let bytes = read(file);
        let peer = serde_json::from_slice::<ConnectEvent>(&bytes);
        assert_eq!(peer.is_ok(), peer_parses, "{file}: {peer:?}");
        let ours = serde_json::from_slice::<ContactFlowEvent>(&bytes);
        assert!(ours.is_ok(), "{file}: {ours:?}");
    }
}
