//! Reading a valid flow with one action's JSON in memory at a time.
//!
//! [`crate::flow::Flow::from_slice`] parses a document into a
//! `serde_json::Value` to say precisely what is wrong with a bad one. For a
//! good one that costs the whole tree at once (a map node per action, per
//! transition, per condition), most of it dropped right after. This reader
//! turns each action into an [`Action`] as soon as it is parsed, so the
//! peak holds the actions, not the tree. It gives up (`None`) at the first
//! doubt, and the caller then takes the precise path, which decides and
//! words every error: both paths accept the same flows and build the same
//! [`Flow`].

use std::fmt;
use std::path::Path;

use serde::de::{
    DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde_json::Value;

use crate::flow::{parse_action, Action, Flow, FLOW_LANGUAGE_VERSION};

/// The flow in `bytes`, or `None` when it is not a valid flow (or might
/// not be): the precise path then says why.
pub(crate) fn read(bytes: &[u8], path: &Path) -> Option<Flow> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let root = deserializer.deserialize_map(RootVisitor).ok()?;
    deserializer.end().ok()?;
    let (Some(Value::String(version)), Some(Value::String(start_action)), Some(actions)) =
        (root.version, root.start_action, root.actions)
    else {
        return None;
    };
    if version != FLOW_LANGUAGE_VERSION {
        return None;
    }
    Some(Flow {
        path: path.to_owned(),
        resource: None,
        version,
        start_action,
        actions,
        metadata: root.metadata,
        settings: root.settings,
    })
}

#[derive(Default)]
struct Root {
    version: Option<Value>,
    start_action: Option<Value>,
    actions: Option<Vec<Action>>,
    metadata: Option<Value>,
    settings: Option<Value>,
}

struct RootVisitor;

impl<'de> Visitor<'de> for RootVisitor {
    type Value = Root;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a flow")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Root, A::Error> {
        let mut root = Root::default();
        while let Some(key) = map.next_key::<String>()? {
            // A key given twice is left to the precise path, which keeps
            // serde_json's reading of it.
            let taken = match key.as_str() {
                "Version" => root.version.replace(map.next_value()?).is_some(),
                "StartAction" => root.start_action.replace(map.next_value()?).is_some(),
                "Metadata" => root.metadata.replace(map.next_value()?).is_some(),
                "Settings" => root.settings.replace(map.next_value()?).is_some(),
                "Actions" => root
                    .actions
                    .replace(map.next_value_seed(ActionsSeed)?)
                    .is_some(),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    false
                }
            };
            if taken {
                return Err(A::Error::custom("a key given twice"));
            }
        }
        Ok(root)
    }
}

struct ActionsSeed;

impl<'de> DeserializeSeed<'de> for ActionsSeed {
    type Value = Vec<Action>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<Action>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ActionsSeed {
    type Value = Vec<Action>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the actions")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Action>, A::Error> {
        let mut actions = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(value) = seq.next_element::<Value>()? {
            let action = parse_action(value, actions.len()).map_err(A::Error::custom)?;
            actions.push(action);
        }
        Ok(actions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fixture flow, and each cut short or with a key doubled: this
    /// reader builds what the precise path builds, or leaves it to it.
    #[test]
    fn both_paths_agree() {
        let mut files = Vec::new();
        let mut folders = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests"
        ))];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "json") {
                    files.push(path);
                }
            }
        }
        assert!(files.len() > 20);
        let mut read_here = 0;
        for file in files {
            let bytes = std::fs::read(&file).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            let doubled = text.replacen(
                "\"StartAction\"",
                "\"StartAction\": \"x\", \"StartAction\"",
                1,
            );
            for variant in [&bytes[..], &bytes[..bytes.len() / 2], doubled.as_bytes()] {
                let precise = Flow::parse_precisely(variant, &file).ok();
                match read(variant, &file) {
                    Some(flow) => {
                        read_here += 1;
                        assert_eq!(Some(flow), precise, "{}", file.display());
                    }
                    None => assert!(
                        precise.is_none() || variant.len() != bytes.len(),
                        "{}",
                        file.display()
                    ),
                }
            }
        }
        assert!(read_here > 10);
    }
}
