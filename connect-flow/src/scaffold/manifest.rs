//! The manifest a contract implies: what `connect-flow manifest --function`
//! prints, and what the scaffolded bin's `--manifest` prints too.

use std::collections::BTreeMap;

use connect_types::manifest::{ExternalKey, InputKey, Manifest, ValueType, MANIFEST_VERSION};

use super::contract::{Key, LambdaContract};
use super::rust::handler_name;

/// The manifest of a handler that meets `contract`: every parameter the
/// flows pass that `#[param]` can name (a string, required when every
/// invoking block passes it),
/// and every key they read (objects before the keys below them, in the
/// order the scaffolded response declares them).
pub fn manifest(contract: &LambdaContract) -> Manifest {
    let mut external = Vec::new();
    external_keys(&contract.keys, "", &mut external);
    Manifest {
        manifest_version: MANIFEST_VERSION,
        handler: handler_name(&contract.function),
        function: Some(contract.function.clone()),
        response_validation: contract.validation,
        parameters: contract
            .nameable_parameters()
            .map(|parameter| InputKey {
                key: parameter.key.clone(),
                ty: Some(ValueType::String),
                required: Some(parameter.required),
                values: None,
            })
            .collect(),
        attributes: Vec::new(),
        contact_data: Vec::new(),
        external,
    }
    .with_lowest_version()
}

fn external_keys(keys: &BTreeMap<String, Key>, prefix: &str, out: &mut Vec<ExternalKey>) {
    for (key, entry) in keys {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        if entry.is_object() {
            out.push(ExternalKey::new(path.clone(), ValueType::Object, true));
            external_keys(&entry.children, &path, out);
        } else if entry.indexed {
            out.push(ExternalKey::new(path, ValueType::Any, true));
        } else {
            let mut key = ExternalKey::new(path, ValueType::String, true);
            key.values = entry.values();
            out.push(key);
        }
    }
}
