//! `CONNECT_MANIFEST_DIR`: every `#[connect_handler]` also emits a
//! `#[cfg(test)]` test, `__connect_manifest_<name>`, that writes
//! `<name>.json` into that folder when the variable is set. Running a
//! crate's tests with it set exports every handler's manifest.
//!
//! This binary holds one handler and calls its generated test directly,
//! with the variable pointing at a fresh folder.

use crate::support::responses::Echo;
use connect_lambda::connect_handler;

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
    // The folder stays: the generated `__connect_manifest_exported` test of
    // this binary runs in parallel and may be writing into it now (the
    // variable is process-wide); its writes are atomic, so the read above
    // never sees half a file.
    let partials = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|entry| {
            let name = entry.as_ref().unwrap().file_name();
            name.to_string_lossy().ends_with(".partial")
        })
        .count();
    assert!(partials <= 1, "temporary files left behind: {partials}");
}
