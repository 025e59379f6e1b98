//! contact_data_paths() lists exactly the paths the model writes.

use std::collections::BTreeSet;

use crate::support::sample_events::{example, parse};
use connect_types::event::{contact_data_paths, is_contact_data_path};
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

    // A segment attribute's value has a shape of its own (ValueString,
    // ValueMap, ...), which the model keeps as JSON.
    let listed: BTreeSet<String> = contact_data_paths()
        .into_iter()
        .filter(|path| !path.starts_with("SegmentAttributes.*."))
        .collect();
    assert_eq!(found, listed);
}

#[test]
fn known_and_unknown_paths() {
    for path in contact_data_paths() {
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
    assert!(is_contact_data_path(
        "SegmentAttributes.connect:Subtype.ValueString"
    ));
    assert!(is_contact_data_path("Tags.aws:connect:instanceId"));
    assert!(!is_contact_data_path(
        "SegmentAttributes.connect:Subtype.ValueStrin"
    ));
    assert!(!is_contact_data_path("SegmentAttributes."));
}
