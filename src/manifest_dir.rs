//! `CONNECT_MANIFEST_DIR`: the export of every handler's manifest by a
//! crate's tests.
//!
//! `#[connect_handler]` emits a `#[cfg(test)]` test per handler that calls
//! [`export`]; with the variable set, `cargo test` writes `<handler>.json`
//! for each handler into that folder.

use std::path::PathBuf;

use connect_types::manifest::Manifest;

/// The environment variable naming the folder.
pub const VARIABLE: &str = "CONNECT_MANIFEST_DIR";

/// When `CONNECT_MANIFEST_DIR` is set, writes `manifest` to
/// `<dir>/<handler>.json`: pretty JSON, newline-terminated, the text
/// `--manifest` prints.
///
/// The file is written to a temporary name beside it and renamed into place,
/// so a reader (or a second test process exporting the same handler) never
/// sees a half-written file.
///
/// # Panics
///
/// It is the body of a generated test: a folder or file that cannot be
/// written fails that test, with the path and the reason.
pub fn export(manifest: &Manifest) {
    let Some(dir) = std::env::var_os(VARIABLE).map(PathBuf::from) else {
        return;
    };
    let mut json = crate::manifest_text::pretty(manifest);
    json.push(b'\n');
    if let Err(error) = std::fs::create_dir_all(&dir) {
        panic!("{VARIABLE}: cannot create {}: {error}", dir.display());
    }
    let file = dir.join(format!("{}.json", manifest.handler));
    let partial = dir.join(format!(
        ".{}.json.{}.{:?}.partial",
        manifest.handler,
        std::process::id(),
        std::thread::current().id()
    ));
    let written = std::fs::write(&partial, json).and_then(|()| std::fs::rename(&partial, &file));
    if let Err(error) = written {
        let _ = std::fs::remove_file(&partial);
        panic!("{VARIABLE}: cannot write {}: {error}", file.display());
    }
}
