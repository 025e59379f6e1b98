//! Helpers shared by the event tests: where the sample events live.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use connect_types::event::ContactFlowEvent;

/// `examples/events/` at the workspace root.
pub fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/events")
}

/// `connect-types/tests/fixtures/`.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every `.json` file in `dir`, sorted, as (file name, contents).
pub fn json_files(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = fs::read_to_string(&path).unwrap();
            (name, text)
        })
        .collect();
    files.sort();
    files
}

/// Every sample event: examples/events and tests/fixtures.
pub fn all_events() -> Vec<(String, String)> {
    let mut all = json_files(&examples_dir());
    all.extend(json_files(&fixtures_dir()));
    all
}

/// The text of `examples/events/<name>`.
pub fn example(name: &str) -> String {
    fs::read_to_string(examples_dir().join(name)).unwrap()
}

/// The text of `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> String {
    fs::read_to_string(fixtures_dir().join(name)).unwrap()
}

/// Parses an event, panicking with the file name and serde_json's error.
pub fn parse(name: &str, text: &str) -> ContactFlowEvent {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{name} does not parse: {e}"))
}
