//! The manifest key lookup: what a manifest says about `$.External.a.b`,
//! and the keys a flow can reference.

use connect_types::manifest::{ExternalKey, Manifest, ValueType};

/// The outcome of looking a reference up in a manifest.
pub(super) enum KeyStatus {
    Fine,
    Optional,
    Unknown,
    /// The key itself or a parent is an array, or an index into a scalar.
    NotReferenceable(String),
    /// A parent is a scalar: `parent` is a `ty`.
    NotObject {
        parent: String,
        ty: ValueType,
    },
}

/// Whether a manifest entry's key (which may hold `*` segments) names `keys`.
fn entry_matches(entry: &str, keys: &[&str]) -> bool {
    let mut segments = entry.split('.');
    for key in keys {
        match segments.next() {
            Some(segment) if segment == "*" || segment == *key => {}
            _ => return false,
        }
    }
    segments.next().is_none()
}

/// Whether a manifest entry's key lies strictly below `keys`.
fn entry_below(entry: &str, keys: &[&str]) -> bool {
    let segments: Vec<&str> = entry.split('.').collect();
    segments.len() > keys.len() && entry_matches(&segments[..keys.len()].join("."), keys)
}

fn find_entry<'m>(manifest: &'m Manifest, keys: &[&str]) -> Option<&'m ExternalKey> {
    manifest
        .external
        .iter()
        .find(|e| entry_matches(&e.key, keys))
}

pub(super) fn key_status(manifest: &Manifest, keys: &[&str], indexed: bool) -> KeyStatus {
    let full = keys.join(".");
    if let Some(entry) = find_entry(manifest, keys) {
        if indexed {
            return match entry.ty {
                ValueType::Map | ValueType::Any if entry.referenceable => KeyStatus::Fine,
                ValueType::Array => KeyStatus::NotReferenceable(format!("`{full}` is an array")),
                ty => KeyStatus::NotReferenceable(format!(
                    "`{full}` is {}, it has no index",
                    article(ty)
                )),
            };
        }
        if !entry.referenceable {
            return KeyStatus::NotReferenceable(format!(
                "the manifest lists `{full}` ({}) as not referenceable",
                entry.ty
            ));
        }
        return if entry.required {
            KeyStatus::Fine
        } else {
            KeyStatus::Optional
        };
    }
    for len in (1..keys.len()).rev() {
        let Some(parent) = find_entry(manifest, &keys[..len]) else {
            continue;
        };
        let parent_key = keys[..len].join(".");
        return match parent.ty {
            _ if parent.truncated => KeyStatus::Fine,
            ValueType::Map | ValueType::Any if parent.required => KeyStatus::Fine,
            ValueType::Map | ValueType::Any => KeyStatus::Optional,
            ValueType::Object => KeyStatus::Unknown,
            ValueType::Array => KeyStatus::NotReferenceable(format!("`{parent_key}` is an array")),
            ty @ (ValueType::String | ValueType::Number | ValueType::Boolean) => {
                KeyStatus::NotObject {
                    parent: parent_key,
                    ty,
                }
            }
        };
    }
    if manifest.external.iter().any(|e| entry_below(&e.key, keys)) {
        return KeyStatus::Fine;
    }
    KeyStatus::Unknown
}

pub(super) fn referenceable_keys(manifest: &Manifest) -> impl Iterator<Item = &str> {
    manifest
        .external
        .iter()
        .filter(|e| e.referenceable && !e.key.split('.').any(|s| s == "*"))
        .map(|e| e.key.as_str())
}

pub(super) fn returns_list(manifest: &Manifest) -> String {
    let keys: Vec<String> = referenceable_keys(manifest)
        .take(8)
        .map(|k| format!("`{k}`"))
        .collect();
    let more = referenceable_keys(manifest)
        .count()
        .saturating_sub(keys.len());
    match (keys.is_empty(), more) {
        (true, _) => format!("{} returns no key a flow can reference", manifest.handler),
        (false, 0) => format!("{} returns {}", manifest.handler, keys.join(", ")),
        (false, more) => format!(
            "{} returns {} and {more} more",
            manifest.handler,
            keys.join(", ")
        ),
    }
}

/// `a {ty}` or `an {ty}`.
pub(super) fn article(ty: ValueType) -> String {
    match ty {
        ValueType::Object | ValueType::Array | ValueType::Any => format!("an {ty}"),
        _ => format!("a {ty}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(external: &str) -> Manifest {
        serde_json::from_str(&format!(
            r#"{{"manifestVersion": 1, "handler": "h", "responseValidation": "JSON", "external": [{external}]}}"#
        ))
        .unwrap()
    }

    fn entry(key: &str, ty: &str, required: bool) -> String {
        let referenceable = ty != "array";
        format!(
            r#"{{"path": "$.External.{key}", "key": "{key}", "type": "{ty}", "required": {required}, "referenceable": {referenceable}}}"#
        )
    }

    fn status(m: &Manifest, key: &str, indexed: bool) -> &'static str {
        let keys: Vec<&str> = key.split('.').collect();
        match key_status(m, &keys, indexed) {
            KeyStatus::Fine => "fine",
            KeyStatus::Optional => "optional",
            KeyStatus::Unknown => "unknown",
            KeyStatus::NotReferenceable(_) => "not-referenceable",
            KeyStatus::NotObject { .. } => "not-object",
        }
    }

    #[test]
    fn key_lookup() {
        let m = manifest(
            &[
                entry("balance", "string", true),
                entry("nick", "string", false),
                entry("Name", "object", true),
                entry("Name.First", "string", true),
                entry("items", "array", true),
                entry("extra", "map", true),
                entry("raw", "any", false),
                entry("Deep.Inner.Leaf", "number", true),
            ]
            .join(","),
        );
        assert_eq!(status(&m, "balance", false), "fine");
        assert_eq!(status(&m, "nick", false), "optional");
        assert_eq!(status(&m, "missing", false), "unknown");
        assert_eq!(status(&m, "Name.First", false), "fine");
        assert_eq!(status(&m, "Name.Last", false), "unknown");
        assert_eq!(status(&m, "balance.cents", false), "not-object");
        assert_eq!(status(&m, "items", false), "not-referenceable");
        assert_eq!(status(&m, "items", true), "not-referenceable");
        assert_eq!(status(&m, "items.x", false), "not-referenceable");
        assert_eq!(status(&m, "extra.anything.below", false), "fine");
        assert_eq!(status(&m, "raw.x", false), "optional");
        assert_eq!(status(&m, "Deep", false), "fine");
        assert_eq!(status(&m, "Deep.Inner", false), "fine");
        assert_eq!(status(&m, "Deep.Other", false), "unknown");
        assert_eq!(status(&m, "balance", true), "not-referenceable");
    }

    #[test]
    fn wildcard_keys() {
        let m = manifest(&[entry("*", "string", true), entry("meta.*", "string", false)].join(","));
        assert_eq!(status(&m, "anything", false), "fine");
        assert_eq!(status(&m, "meta.x", false), "optional");
        assert_eq!(status(&m, "anything.below", false), "not-object");
    }
}
