//! The rules every manifest a handler generates must keep, whatever crate it
//! is in: what the `connect-flow` checker and the manifest's JSON Schema
//! take for granted. Each handler's generated test checks them first, so
//! that test has something to fail on in every crate, with or without a
//! committed `manifests/` folder or `CONNECT_MANIFEST_DIR`.
//!
//! The schema states most of them; the ones it cannot (unique keys, the
//! `$.External` path spelled from the key, the round trip through the
//! reader) are only here.

use std::collections::HashSet;

use connect_names::{contact_data, function_name, key};
use connect_types::manifest::{InputKey, Manifest, ValueType, EXTERNAL_PREFIX};

/// The key that stands for "any key" in the input and external lists.
const ANY: &str = "*";

/// Panics with every broken rule, a line each, when `manifest` breaks any.
///
/// # Panics
///
/// It is part of the body of a generated test.
pub(crate) fn assert_valid(manifest: &Manifest) {
    let broken = broken_rules(manifest);
    assert!(
        broken.is_empty(),
        "the manifest of handler `{}` breaks the manifest's rules (a bug in connect-lambda, \
         please report it):\n{}",
        manifest.handler,
        broken
            .iter()
            .map(|line| format!("  - {line}\n"))
            .collect::<String>()
    );
}

/// Each rule `manifest` breaks, in the manifest's own names.
pub(crate) fn broken_rules(manifest: &Manifest) -> Vec<String> {
    let mut broken = Vec::new();
    // A writer writes the lowest version that holds what the manifest says,
    // so that a checker of an older version still reads it.
    let expected = manifest.lowest_version();
    if manifest.manifest_version != expected {
        broken.push(format!(
            "`manifestVersion` is {}, not {expected}",
            manifest.manifest_version
        ));
    }
    if manifest.handler.is_empty() {
        broken.push("`handler` is empty".to_owned());
    }
    if let Some(function) = &manifest.function {
        if !function_name::is_function_name(function) {
            broken.push(format!(
                "`function` `{function}` is not a Lambda function name (1 to 64 of [A-Za-z0-9_-])"
            ));
        }
    }
    inputs("parameters", &manifest.parameters, &mut broken);
    inputs("attributes", &manifest.attributes, &mut broken);
    let mut paths = HashSet::new();
    for entry in &manifest.contact_data {
        let path = &entry.path;
        if !paths.insert(path) {
            broken.push(format!("`contactData` `{path}`: listed twice"));
        }
        if path == ANY {
            if entry.required.is_some() {
                broken.push(format!("`contactData` `{ANY}`: has `required`"));
            }
        } else {
            if contact_data::check_syntax(path).is_err() {
                broken.push(format!(
                    "`contactData` `{path}`: not a dotted path of Connect names"
                ));
            }
            if entry.required.is_none() {
                broken.push(format!("`contactData` `{path}`: no `required`"));
            }
        }
    }
    let mut keys = HashSet::new();
    for entry in &manifest.external {
        let name = &entry.key;
        if !keys.insert(name) {
            broken.push(format!("`external` `{name}`: listed twice"));
        }
        let (parents, last) = name.rsplit_once('.').unwrap_or(("", name));
        let parents_valid = parents.is_empty() || parents.split('.').all(key::is_key);
        if !parents_valid || !(key::is_key(last) || last == ANY) {
            broken.push(format!(
                "`external` `{name}`: not dotted keys of [A-Za-z0-9_-] (the last one may be `{ANY}`)"
            ));
        }
        if last == ANY && entry.ty != ValueType::Map {
            broken.push(format!(
                "`external` `{name}`: keys decided at run time, but not of type `map`"
            ));
        }
        let path = format!("{EXTERNAL_PREFIX}.{name}");
        if entry.path != path {
            broken.push(format!(
                "`external` `{name}`: path `{}`, not `{path}`",
                entry.path
            ));
        }
        if entry.ty == ValueType::Array && entry.referenceable {
            broken.push(format!("`external` `{name}`: an array, yet referenceable"));
        }
        if entry.truncated && entry.ty != ValueType::Object {
            broken.push(format!("`external` `{name}`: truncated, but not an object"));
        }
        values(
            "external",
            name,
            Some(entry.ty),
            entry.values.as_deref(),
            &mut broken,
        );
    }
    let text = crate::manifest_dir::file_text(manifest);
    match serde_json::from_slice::<Manifest>(&text) {
        Ok(read) if read == *manifest => {}
        Ok(_) => broken.push("its file text reads back as a different manifest".to_owned()),
        Err(error) => broken.push(format!("its file text does not read back: {error}")),
    }
    broken
}

/// The rules of `parameters` and `attributes`: unique keys of the key
/// grammar with a type and `required`, or `*` alone.
fn inputs(list: &str, entries: &[InputKey], broken: &mut Vec<String>) {
    let mut keys = HashSet::new();
    for entry in entries {
        let name = &entry.key;
        if !keys.insert(name) {
            broken.push(format!("`{list}` `{name}`: listed twice"));
        }
        if name == ANY {
            if entry.ty.is_some() || entry.required.is_some() {
                broken.push(format!("`{list}` `{ANY}`: has `type` or `required`"));
            }
            continue;
        }
        if !key::is_key(name) {
            broken.push(format!("`{list}` `{name}`: not a key of [A-Za-z0-9_-]"));
        }
        if entry.ty.is_none() || entry.required.is_none() {
            broken.push(format!("`{list}` `{name}`: no `type` or no `required`"));
        }
        values(list, name, entry.ty, entry.values.as_deref(), broken);
    }
}

/// The rules of a closed set of `values`: at least one, none twice, on a
/// `string` entry only (a flow compares text).
fn values(
    list: &str,
    name: &str,
    ty: Option<ValueType>,
    values: Option<&[String]>,
    broken: &mut Vec<String>,
) {
    let Some(values) = values else {
        return;
    };
    if values.is_empty() {
        broken.push(format!("`{list}` `{name}`: `values` is empty"));
    }
    let mut seen = HashSet::new();
    for value in values {
        if !seen.insert(value) {
            broken.push(format!("`{list}` `{name}`: value `{value}` listed twice"));
        }
    }
    if ty != Some(ValueType::String) {
        broken.push(format!(
            "`{list}` `{name}`: `values` on an entry not of type `string`"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use connect_types::manifest::{ContactDataPath, ExternalKey, ResponseValidation};

    fn input(key: &str) -> InputKey {
        InputKey {
            key: key.to_owned(),
            ty: Some(ValueType::String),
            required: Some(true),
            values: None,
        }
    }

    /// A manifest with one of each kind of entry, as a handler generates it.
    fn valid() -> Manifest {
        Manifest {
            manifest_version: 1,
            handler: "greet".to_owned(),
            function: Some("Greet-1".to_owned()),
            response_validation: ResponseValidation::Json,
            parameters: vec![input("companyName"), input("age")],
            attributes: vec![InputKey {
                key: ANY.to_owned(),
                ty: None,
                required: None,
                values: None,
            }],
            contact_data: vec![ContactDataPath {
                path: "Tags.aws:connect:instanceId".to_owned(),
                required: Some(false),
            }],
            external: vec![
                ExternalKey::new("Name", ValueType::Object, true),
                ExternalKey::new("Name.First", ValueType::String, true),
                ExternalKey::new("OrderIds", ValueType::Array, true),
                ExternalKey::new("Profile.*", ValueType::Map, false),
            ],
        }
    }

    #[test]
    fn a_generated_manifest_keeps_every_rule() {
        assert_eq!(broken_rules(&valid()), Vec::<String>::new());
        assert_valid(&valid());
    }

    #[test]
    fn each_broken_rule_is_named() {
        let mut manifest = valid();
        manifest.manifest_version = 3;
        manifest.parameters[1].values = Some(vec!["10".to_owned(), "10".to_owned()]);
        manifest.function = Some("arn:aws:lambda:greet".to_owned());
        manifest.parameters.push(input("age"));
        manifest.parameters.push(input("first name"));
        manifest.attributes[0].required = Some(true);
        manifest.contact_data.push(ContactDataPath {
            path: "Queue..Name".to_owned(),
            required: None,
        });
        manifest.external[1].path = "$.External.First".to_owned();
        manifest.external[2].referenceable = true;
        manifest
            .external
            .push(ExternalKey::new("Name", ValueType::Object, true));
        manifest
            .external
            .push(ExternalKey::new("Tags.*", ValueType::String, true));
        assert_eq!(
            broken_rules(&manifest),
            [
                "`manifestVersion` is 3, not 2",
                "`function` `arn:aws:lambda:greet` is not a Lambda function name (1 to 64 of [A-Za-z0-9_-])",
                "`parameters` `age`: value `10` listed twice",
                "`parameters` `age`: listed twice",
                "`parameters` `first name`: not a key of [A-Za-z0-9_-]",
                "`attributes` `*`: has `type` or `required`",
                "`contactData` `Queue..Name`: not a dotted path of Connect names",
                "`contactData` `Queue..Name`: no `required`",
                "`external` `Name.First`: path `$.External.First`, not `$.External.Name.First`",
                "`external` `OrderIds`: an array, yet referenceable",
                "`external` `Name`: listed twice",
                "`external` `Tags.*`: keys decided at run time, but not of type `map`",
            ]
        );
    }

    #[test]
    #[should_panic(expected = "`external` `Name`: listed twice")]
    fn the_generated_test_fails_on_a_broken_rule() {
        let mut manifest = valid();
        manifest
            .external
            .push(ExternalKey::new("Name", ValueType::Object, true));
        // What each handler's generated test calls, in a crate without a
        // `manifests/` folder: the rules still fail it.
        crate::manifest_check::generated_test(env!("CARGO_MANIFEST_DIR"), &manifest);
    }
}
