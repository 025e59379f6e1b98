//! `CONNECT_MANIFEST_DIR`: the export of every handler's manifest by a
//! crate's tests.
//!
//! `#[connect_handler]` emits a `#[cfg(test)]` test per handler that calls
//! [`export`]; with the variable set, `cargo test` writes `<handler>.json`
//! for each handler into that folder.

use std::path::{Path, PathBuf};

use connect_types::manifest::Manifest;

/// The environment variable naming the folder.
pub const VARIABLE: &str = "CONNECT_MANIFEST_DIR";

/// When `CONNECT_MANIFEST_DIR` is set, writes `manifest` to
/// `<dir>/<handler>.json`: pretty JSON, newline-terminated, the text
/// `--manifest` prints, written atomically (see [`write`]).
///
/// # Panics
///
/// It is the body of a generated test: a folder or file that cannot be
/// written fails that test, with the path and the reason.
pub fn export(manifest: &Manifest) {
    let Some(dir) = std::env::var_os(VARIABLE).map(PathBuf::from) else {
        return;
    };
    if let Err(error) = std::fs::create_dir_all(&dir) {
        panic!("{VARIABLE}: cannot create {}: {error}", dir.display());
    }
    let file = dir.join(file_name(manifest));
    if let Err(error) = write(&file, &file_text(manifest)) {
        panic!("{VARIABLE}: cannot write {}: {error}", file.display());
    }
}

/// `<handler>.json`: the name of a handler's manifest file, exported or
/// committed.
pub(crate) fn file_name(manifest: &Manifest) -> String {
    format!("{}.json", manifest.handler)
}

/// A manifest file's text: the text `--manifest` prints, newline-terminated.
pub(crate) fn file_text(manifest: &Manifest) -> Vec<u8> {
    let mut json = crate::manifest_text::pretty(manifest);
    json.push(b'\n');
    json
}

/// Writes `text` to `file` through a temporary name beside it, renamed into
/// place, so a reader (or a second test process writing the same handler's
/// file) never sees a half-written file.
pub(crate) fn write(file: &Path, text: &[u8]) -> std::io::Result<()> {
    let mut name = std::ffi::OsString::from(".");
    name.push(file.file_name().unwrap_or_default());
    name.push(format!(
        ".{}.{:?}.partial",
        std::process::id(),
        std::thread::current().id()
    ));
    let partial = file.with_file_name(name);
    let written = std::fs::write(&partial, text).and_then(|()| std::fs::rename(&partial, file));
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}
