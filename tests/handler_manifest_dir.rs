//! `CONNECT_MANIFEST_DIR`: every `#[connect_handler]` also emits a
//! `#[cfg(test)]` test, `__connect_manifest_<name>`, that writes
//! `<name>.json` into that folder when the variable is set. Running a
//! crate's tests with it set exports every handler's manifest.
//!
//! This binary holds one handler and calls its generated test directly,
//! with the variable pointing at a fresh folder.

mod support;

use connect_lambda::connect_handler;
use support::Echo;

#[connect_handler(function = "Exporter")]
fn exported(#[param] name: String) -> Echo {
    Echo::new(name)
}

#[test]
fn the_generated_test_writes_the_manifest_when_the_variable_is_set() {
    let dir = std::env::temp_dir().join(format!("connect-manifest-dir-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::env::set_var("CONNECT_MANIFEST_DIR", &dir);
    __connect_manifest_exported();
    std::env::remove_var("CONNECT_MANIFEST_DIR");

    let written = std::fs::read_to_string(dir.join("exported.json")).unwrap();
    assert!(written.ends_with("}\n"));
    let manifest: connect_lambda::Manifest = serde_json::from_str(&written).unwrap();
    assert_eq!(manifest, exported::manifest());
    assert_eq!(manifest.function.as_deref(), Some("Exporter"));
    std::fs::remove_dir_all(&dir).unwrap();
}
