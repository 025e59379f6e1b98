//! Every flow under a directory.
//!
//! The walk is recursive and in sorted path order (byte order of each name),
//! so a run's output is the same on every machine. It reads the `.json`
//! files (any case) and keeps those that hold a flow: a flow export,
//! `describe-contact-flow` output or a template with a contact flow. A
//! flow repository also holds files that are clearly not flows, and
//! reporting each would make a directory unusable as an input:
//!
//! - a file not named `.json` (YAML templates, code, READMEs);
//! - JSON of another kind (`package.json`, a connect-lambda manifest, CDK's
//!   `manifest.json` and `tree.json`), and a template with no contact flow
//!   (CDK's other stacks): listed in [`Loaded::skipped`];
//! - a file that is not valid JSON and names no flow, such as a
//!   `tsconfig.json` with comments;
//! - hidden directories (`.git`) and `node_modules`, which hold no flows of
//!   the project's own and are large.
//!
//! A file that is meant as a flow but cannot be read (a flow export with a
//! broken action, a template whose flow's `Content` is not JSON, or
//! invalid JSON that mentions `StartAction` or `AWS::Connect::`) is an
//! error like any other input's. Symbolic links to directories are not
//! followed (a link loop cannot make the walk endless); links to files are.
//!
//! ```
//! use connect_flow::input;
//!
//! let dir = std::env::temp_dir().join(format!("connect-flow-dir-doc-{}", std::process::id()));
//! std::fs::create_dir_all(dir.join("b")).unwrap();
//! let flow = r#"{"Version": "2019-10-30", "StartAction": "a", "Actions": []}"#;
//! std::fs::write(dir.join("b/z.json"), flow).unwrap();
//! std::fs::write(dir.join("a.json"), flow).unwrap();
//! std::fs::write(dir.join("package.json"), r#"{"name": "flows"}"#).unwrap();
//! std::fs::write(dir.join("README.md"), "# flows").unwrap();
//!
//! let loaded = input::read(&dir);
//! let found: Vec<_> = loaded.flows.iter().map(|f| f.path.strip_prefix(&dir).unwrap()).collect();
//! assert_eq!(found, [std::path::Path::new("a.json"), "b/z.json".as_ref()]);
//! assert!(loaded.errors.is_empty());
//! assert_eq!(loaded.skipped, [dir.join("README.md"), dir.join("package.json")]);
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```

use std::path::{Path, PathBuf};

use crate::error::InputError;
use crate::input::{from_slice, File, Loaded};

/// Directory names never walked into: version control and tool data
/// (hidden), and JavaScript dependencies (CDK projects hold thousands of
/// `.json` files there, none a flow of the project's).
fn is_skipped_directory(name: &str) -> bool {
    name.starts_with('.') || name == "node_modules"
}

/// Text that marks invalid JSON as a broken flow rather than some other
/// file: the flow language's start, a template's contact flow resource
/// type, the describe output's key.
const FLOW_MARKERS: [&[u8]; 3] = [b"\"StartAction\"", b"AWS::Connect::", b"\"ContactFlow"];

/// Reads every flow under `dir`.
pub(crate) fn read(dir: &Path) -> Loaded {
    let mut loaded = Loaded::default();
    let mut files = Vec::new();
    if let Err(error) = collect(dir, &mut files) {
        loaded.errors.push(error);
    }
    for path in files {
        if !is_json(&path) {
            loaded.skipped.push(path);
            continue;
        }
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(source) => {
                loaded.errors.push(InputError::Read { path, source });
                continue;
            }
        };
        match from_slice(&bytes, &path) {
            Ok(File::Flows(results)) => results.into_iter().for_each(|r| loaded.push(r)),
            Ok(File::NoFlow(_)) => loaded.skipped.push(path),
            Err(error) if names_a_flow(&bytes) => loaded.errors.push(error),
            Err(_) => loaded.skipped.push(path),
        }
    }
    if loaded.flows.is_empty() && loaded.errors.is_empty() {
        loaded.errors.push(InputError::NoFlowInDirectory {
            path: dir.to_owned(),
        });
    }
    loaded
}

/// Every file under `dir`, in sorted path order, skipped directories left
/// out; the first directory that cannot be listed is an error (what was
/// listed before it is kept).
fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), InputError> {
    let listing_error = |source| InputError::Read {
        path: dir.to_owned(),
        source,
    };
    let mut entries = std::fs::read_dir(dir)
        .map_err(listing_error)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(listing_error)?;
    entries.sort_by_key(|entry| entry.file_name());
    let mut first_error = None;
    for entry in entries {
        let path = entry.path();
        // `DirEntry::file_type` does not follow links: a link to a directory
        // is a symlink here, and is not walked.
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            if !is_skipped_directory(&entry.file_name().to_string_lossy()) {
                if let Err(error) = collect(&path, files) {
                    first_error.get_or_insert(error);
                }
            }
        } else if file_type.is_file() || path.is_file() {
            files.push(path);
        }
    }
    first_error.map_or(Ok(()), Err)
}

/// Whether `path` is named `*.json`, in any case.
fn is_json(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// Whether invalid JSON was meant as a flow: it holds one of the
/// [`FLOW_MARKERS`].
fn names_a_flow(bytes: &[u8]) -> bool {
    FLOW_MARKERS
        .iter()
        .any(|marker| bytes.windows(marker.len()).any(|w| w == *marker))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_json_is_a_broken_flow_only_when_it_names_one() {
        assert!(names_a_flow(br#"{"StartAction": "a", "Actions": [,]}"#));
        assert!(names_a_flow(br#"{"Type": "AWS::Connect::ContactFlow",}"#));
        assert!(!names_a_flow(b"{ // tsconfig\n \"compilerOptions\": {} }"));
    }

    #[test]
    fn hidden_and_dependency_directories_are_not_walked() {
        assert!(is_skipped_directory(".git"));
        assert!(is_skipped_directory("node_modules"));
        assert!(!is_skipped_directory("flows"));
        assert!(!is_skipped_directory("cdk.out"));
    }
}
