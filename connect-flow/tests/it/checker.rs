//! Runs the built `connect-flow` binary from the crate's directory, so paths
//! in messages read `tests/flows/...`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use connect_flow::{LoadedManifest, Manifests};

use serde_json::Value;

/// What one run printed, and its exit code.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_connect-flow"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the connect-flow binary runs");
    Run {
        code: output.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

/// One finding as the JSON output gives it, without the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub severity: String,
    pub code: String,
    pub action: Option<String>,
    pub field: Option<String>,
}

/// An expected finding: `(severity, code, action, field)`.
pub type Expected<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>);

/// Runs `check` with `--format json` and returns the exit code, the findings
/// without their messages, and the messages.
pub fn check_json(args: &[&str]) -> (i32, Vec<Seen>, Vec<String>) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let run = run(&all);
    // Only notes (a placeholder paired by name) go to stderr on success.
    assert!(
        run.stderr.lines().all(|line| line.starts_with("note: ")),
        "stderr: {}",
        run.stderr
    );
    let value: Value = serde_json::from_str(&run.stdout).expect("--format json prints JSON");
    let object = value.as_object().expect("an object");
    assert_eq!(object.keys().collect::<Vec<_>>(), ["findings"]);
    let mut seen = Vec::new();
    let mut messages = Vec::new();
    for finding in value["findings"].as_array().expect("findings is an array") {
        let keys: Vec<&String> = finding.as_object().expect("object").keys().collect();
        let mut sorted = keys.clone();
        sorted.sort();
        // `type` and `label` name the block; absent when there is none.
        if finding["action"].is_string() && finding.get("type").is_some() {
            assert_eq!(
                sorted,
                ["action", "code", "field", "file", "label", "message", "severity", "type"]
            );
        } else {
            assert_eq!(
                sorted,
                ["action", "code", "field", "file", "message", "severity"]
            );
        }
        let text = |key: &str| finding[key].as_str().map(str::to_owned);
        seen.push(Seen {
            severity: text("severity").expect("severity"),
            code: text("code").expect("code"),
            action: text("action"),
            field: text("field"),
        });
        messages.push(text("message").expect("message"));
    }
    (run.code, seen, messages)
}

/// Asserts the exact findings, in order, and the exit code.
pub fn assert_findings(
    args: &[&str],
    expected_code: i32,
    expected: &[Expected<'_>],
) -> Vec<String> {
    let (code, seen, messages) = check_json(args);
    let expected: Vec<Seen> = expected
        .iter()
        .map(|(severity, code, action, field)| Seen {
            severity: (*severity).to_owned(),
            code: (*code).to_owned(),
            action: action.map(str::to_owned),
            field: field.map(str::to_owned),
        })
        .collect();
    assert_eq!(seen, expected, "messages: {messages:#?}");
    assert_eq!(code, expected_code);
    messages
}

/// A path under the crate's folder.
pub fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The manifests `tests/manifests/<name>.json` of `names`.
pub fn manifests(names: &[&str]) -> Manifests {
    let mut set = Manifests::new();
    for name in names {
        let path = fixture(&format!("tests/manifests/{name}.json"));
        set.add(LoadedManifest::load(&path).unwrap());
    }
    set
}
