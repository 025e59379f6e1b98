//! Committed manifests, kept true by `cargo test`.
//!
//! A crate opts in by having a `manifests/` folder beside its Cargo.toml.
//! Each `#[connect_handler]` emits a `#[cfg(test)]` test that calls
//! [`check`] with that crate's folder: the test fails when
//! `manifests/<handler>.json` is missing or is not the text `--manifest`
//! prints, and names the keys that changed. With
//! `CONNECT_MANIFEST=overwrite` it writes the file instead, the way
//! `TRYBUILD=overwrite` and insta keep their snapshots. Without the folder
//! only the manifest's own rules are checked (`manifest_rules`).

use std::io::ErrorKind;
use std::path::Path;

use connect_types::manifest::Manifest;
use serde_json::Value;

use crate::manifest_dir::{file_name, file_text, write};

/// The environment variable that turns the check into an update.
pub const VARIABLE: &str = "CONNECT_MANIFEST";
/// Its one value.
const OVERWRITE: &str = "overwrite";
/// The folder, beside the crate's Cargo.toml, that opts a crate in.
pub const FOLDER: &str = "manifests";
/// What a person runs to accept a change.
const UPDATE: &str = "CONNECT_MANIFEST=overwrite cargo test";

/// The body of each handler's generated test: checks the manifest against
/// the manifest's rules (in every crate), exports it to
/// `CONNECT_MANIFEST_DIR` when that is set, and checks the committed one
/// (`check`).
pub fn generated_test(crate_dir: &str, manifest: &Manifest) {
    crate::manifest_rules::assert_valid(manifest);
    crate::manifest_dir::export(manifest);
    check(crate_dir, manifest);
}

/// Compares `manifest` with `<crate_dir>/manifests/<handler>.json` when that
/// folder exists; with `CONNECT_MANIFEST=overwrite`, writes the file.
///
/// # Panics
///
/// It is the body of a generated test: a missing or different file, one
/// that cannot be read or written, or another value of `CONNECT_MANIFEST`
/// fails that test with the path, the reason and what to run.
pub fn check(crate_dir: &str, manifest: &Manifest) {
    let folder = Path::new(crate_dir).join(FOLDER);
    if !folder.is_dir() {
        return;
    }
    let file = folder.join(file_name(manifest));
    let text = file_text(manifest);
    let overwrite = match std::env::var(VARIABLE) {
        Err(std::env::VarError::NotPresent) => false,
        Ok(value) if value == OVERWRITE => true,
        _ => panic!("{VARIABLE} is set, but not to `{OVERWRITE}`: run `{UPDATE}` to update the committed manifests, or unset it to check them"),
    };
    let committed = match std::fs::read(&file) {
        Ok(committed) => Some(committed),
        Err(error) if error.kind() == ErrorKind::NotFound => None,
        Err(error) => panic!("cannot read {}: {error}", file.display()),
    };
    if committed.as_deref() == Some(&text[..]) {
        return;
    }
    if overwrite {
        if let Err(error) = write(&file, &text) {
            panic!(
                "{VARIABLE}={OVERWRITE}: cannot write {}: {error}",
                file.display()
            );
        }
        return;
    }
    let handler = &manifest.handler;
    match committed {
        None => panic!(
            "{} is missing: this crate has a `{FOLDER}/` folder, so the manifest of each handler \
             (`{handler}` here) is committed there. Write it with `{UPDATE}`",
            file.display()
        ),
        Some(committed) => panic!(
            "{} is not the manifest of handler `{handler}` (what its `--manifest` prints):\n{}\
             If the change is meant, update the committed file with `{UPDATE}`",
            file.display(),
            changes(&committed, &text)
        ),
    }
}

/// The differences between a committed manifest and the current one, a line
/// each, in the manifest's own names.
fn changes(committed: &[u8], current: &[u8]) -> String {
    let current: Value = serde_json::from_slice(current).expect("a manifest's text is JSON");
    let committed: Value = match serde_json::from_slice(committed) {
        Ok(committed) => committed,
        Err(error) => return format!("  - the committed file is not JSON: {error}\n"),
    };
    let mut lines = Vec::new();
    match (&committed, &current) {
        (Value::Object(old), Value::Object(new)) => {
            for (member, new_value) in new {
                match old.get(member) {
                    None => lines.push(format!("`{member}`: added")),
                    Some(old_value) => member_changes(member, old_value, new_value, &mut lines),
                }
            }
            for member in old.keys().filter(|member| !new.contains_key(*member)) {
                lines.push(format!("`{member}`: removed"));
            }
        }
        _ => lines.push("the committed file is not a JSON object".to_owned()),
    }
    if lines.is_empty() {
        lines.push("the same manifest, written differently (layout or spacing)".to_owned());
    }
    lines.iter().map(|line| format!("  - {line}\n")).collect()
}

/// One top-level member's changes: entry by entry for the lists (by their
/// `key`, or `path` for `contactData`), the old and new value otherwise.
fn member_changes(member: &str, old: &Value, new: &Value, lines: &mut Vec<String>) {
    if old == new {
        return;
    }
    let (Some(old_entries), Some(new_entries)) = (entries(old), entries(new)) else {
        lines.push(format!("`{member}`: {old} -> {new}"));
        return;
    };
    let before = lines.len();
    for (id, new_entry) in &new_entries {
        match old_entries.iter().find(|(old_id, _)| old_id == id) {
            None => lines.push(format!("`{member}` `{id}`: added")),
            Some((_, old_entry)) => {
                for (field, new_value) in *new_entry {
                    match old_entry.get(field) {
                        Some(old_value) if old_value == new_value => {}
                        Some(old_value) => lines.push(format!(
                            "`{member}` `{id}`: `{field}` {old_value} -> {new_value}"
                        )),
                        None => {
                            lines.push(format!("`{member}` `{id}`: `{field}` {new_value} added"))
                        }
                    }
                }
                for field in old_entry
                    .keys()
                    .filter(|field| !new_entry.contains_key(*field))
                {
                    lines.push(format!("`{member}` `{id}`: `{field}` removed"));
                }
            }
        }
    }
    for (id, _) in &old_entries {
        if !new_entries.iter().any(|(new_id, _)| new_id == id) {
            lines.push(format!("`{member}` `{id}`: removed"));
        }
    }
    if lines.len() == before {
        lines.push(format!("`{member}`: the same entries in another order"));
    }
}

/// A list of manifest entries, each with what names it (`key`, or `path`).
fn entries(list: &Value) -> Option<Vec<(&str, &serde_json::Map<String, Value>)>> {
    list.as_array()?
        .iter()
        .map(|entry| {
            let entry = entry.as_object()?;
            let id = entry.get("key").or_else(|| entry.get("path"))?.as_str()?;
            Some((id, entry))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change_lines(committed: &str, current: &str) -> Vec<String> {
        changes(committed.as_bytes(), current.as_bytes())
            .lines()
            .map(|line| line.trim_start_matches("  - ").to_owned())
            .collect()
    }

    #[test]
    fn changed_keys_are_named_entry_by_entry() {
        let committed = r#"{"handler": "h", "parameters": [{"key": "companyName", "required": true}, {"key": "age"}],
            "external": [{"path": "$.External.customerBalanse", "key": "customerBalanse"}]}"#;
        let current = r#"{"handler": "h", "parameters": [{"key": "companyName", "required": false}],
            "external": [{"path": "$.External.customerBalance", "key": "customerBalance"}],
            "function": "F"}"#;
        assert_eq!(
            change_lines(committed, current),
            // Members in name order (serde_json's map), entries in the
            // manifest's order.
            [
                "`external` `customerBalance`: added",
                "`external` `customerBalanse`: removed",
                "`function`: added",
                "`parameters` `companyName`: `required` true -> false",
                "`parameters` `age`: removed",
            ]
        );
    }

    #[test]
    fn contact_data_is_named_by_path_and_order_and_layout_are_told() {
        assert_eq!(
            change_lines(
                r#"{"contactData": [{"path": "Queue.Name"}, {"path": "Channel"}]}"#,
                r#"{"contactData": [{"path": "Channel"}, {"path": "Queue.Name", "required": true}]}"#
            ),
            ["`contactData` `Queue.Name`: `required` true added"]
        );
        assert_eq!(
            change_lines(
                r#"{"contactData": [{"path": "Queue.Name"}, {"path": "Channel"}]}"#,
                r#"{"contactData": [{"path": "Channel"}, {"path": "Queue.Name"}]}"#
            ),
            ["`contactData`: the same entries in another order"]
        );
        assert_eq!(
            change_lines(r#"{"handler":"h"}"#, "{\"handler\": \"h\"}"),
            ["the same manifest, written differently (layout or spacing)"]
        );
        assert_eq!(
            change_lines(
                r#"{"responseValidation": "JSON"}"#,
                r#"{"responseValidation": "STRING_MAP"}"#
            ),
            [r#"`responseValidation`: "JSON" -> "STRING_MAP""#]
        );
    }

    #[test]
    fn a_committed_file_that_is_not_json_is_said_so() {
        let lines = change_lines("{\"handler\": ", r#"{"handler": "h"}"#);
        assert_eq!(lines.len(), 1);
        assert!(
            lines[0].starts_with("the committed file is not JSON: "),
            "{lines:?}"
        );
    }
}
