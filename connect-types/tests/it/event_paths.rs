//! CONTACT_DATA_PATHS lists exactly the paths the model writes.

use std::collections::BTreeSet;

use crate::sample_events::{example, parse};
use connect_types::event::{is_contact_data_path, CONTACT_DATA_PATHS};
use serde_json::Value;

/// Every path of `value`, with the keys of the event's maps written
/// as `*` and nothing below a `SegmentAttributes` entry.
fn paths(value: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    let Value::Object(map) = value else { return };
    let is_map = ["Attributes", "References", "SegmentAttributes", "Tags"].contains(&prefix);
    for (key, child) in map {
        let segment = if is_map { "*" } else { key.as_str() };
        let path = if prefix.is_empty() {
            segment.to_owned()
        } else {
            format!("{prefix}.{segment}")
        };
        out.insert(path.clone());
        if path != "SegmentAttributes.*" {
            paths(child, &path, out);
        }
    }
}

#[test]
fn the_list_matches_the_model() {
    let name = "voice-with-segment-attributes-and-tags.json";
    let mut event = parse(name, &example(name));
    // Fill what that event leaves null, so every field is written.
    let contact = &mut event.details.contact_data;
    contact.customer_id = Some("c".into());
    contact.description = Some("d".into());
    contact.name = Some("n".into());
    contact.related_contact_id = Some("r".into());

    let written = serde_json::to_value(&event.details.contact_data).unwrap();
    let mut found = BTreeSet::new();
    paths(&written, "", &mut found);

    let listed: BTreeSet<String> = CONTACT_DATA_PATHS.iter().map(|p| p.to_string()).collect();
    assert_eq!(found, listed);

    let mut sorted = CONTACT_DATA_PATHS.to_vec();
    sorted.sort_unstable();
    assert_eq!(sorted, CONTACT_DATA_PATHS, "keep the list sorted");
}

#[test]
fn known_and_unknown_paths() {
    for path in CONTACT_DATA_PATHS {
        assert!(is_contact_data_path(&path.replace('*', "key")), "{path}");
    }
    for path in [
        "",
        ".",
        "Queue.",
        ".Queue",
        "Queue..Name",
        "Queue.Name.First",
        "Queue.Arn",
        "InstanceArn",
        "References.key1.Status",
        "References.*.Type.x",
        "Attributes.a.b",
        "Tags.a.b",
        "MediaStreams.Agent",
        "Details",
    ] {
        assert!(!is_contact_data_path(path), "{path}");
    }
    assert!(is_contact_data_path("SegmentAttributes.connect:Subtype"));
    assert!(is_contact_data_path("SegmentAttributes.x.ValueMap.y"));
    assert!(!is_contact_data_path("SegmentAttributes."));
}
