//! The files of a scaffolded package, and writing them.

use std::path::{Path, PathBuf};

use super::contract::Contracts;
use super::error::ScaffoldError;
use super::rust::{bin_source, handler_name, uses_serde, uses_serde_json};

/// Where the package's `connect-lambda` dependency comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dependency {
    /// The published crate at this version.
    Version(String),
    /// A checkout at this path (this workspace's tests, unpublished work).
    Path(PathBuf),
}

impl Default for Dependency {
    /// The version of this checker, which is connect-lambda's own.
    fn default() -> Self {
        Dependency::Version(env!("CARGO_PKG_VERSION").to_owned())
    }
}

/// One file of the package: its path below the package folder and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// `Cargo.toml`, `src/bin/<handler>.rs`.
    pub path: PathBuf,
    /// The whole text.
    pub text: String,
}

/// The files of the package named `name` for `contracts`, in the order
/// written.
pub fn files(
    name: &str,
    contracts: &Contracts,
    dependency: &Dependency,
    flows: &[String],
) -> Vec<File> {
    let mut files = vec![File {
        path: PathBuf::from("Cargo.toml"),
        text: cargo_toml(
            name,
            dependency,
            flows,
            contracts.lambdas.iter().any(uses_serde_json),
            contracts.lambdas.iter().any(uses_serde),
        ),
    }];
    for contract in &contracts.lambdas {
        files.push(File {
            path: Path::new("src/bin").join(format!("{}.rs", handler_name(&contract.function))),
            text: bin_source(contract),
        });
    }
    files
}

fn cargo_toml(
    name: &str,
    dependency: &Dependency,
    flows: &[String],
    serde_json: bool,
    serde: bool,
) -> String {
    let connect_lambda = match dependency {
        Dependency::Version(version) => toml_string(version),
        Dependency::Path(path) => format!("{{ path = {} }}", toml_string(&path.to_string_lossy())),
    };
    format!(
        "# Scaffolded by `connect-flow scaffold` from {flows}.\n\
         # One bin per Lambda function the flows invoke (src/bin/): fill in each\n\
         # handler's body, then `cargo test`, and check the flows against the\n\
         # manifests the bins print with `--manifest`.\n\
         [package]\n\
         name = {name}\n\
         version = \"0.1.0\"\n\
         edition = \"2021\"\n\
         publish = false\n\
         \n\
         [dependencies]\n\
         connect-lambda = {connect_lambda}\n\
         {serde}\
         {serde_json}\
         tokio = {{ version = \"1\", features = [\"macros\", \"rt\"] }}\n\
         \n\
         # A package of its own; delete this table to make it a member of an\n\
         # enclosing workspace.\n\
         [workspace]\n",
        flows = flows.join(", "),
        name = toml_string(name),
        serde = if serde {
            "# The values the flows compare a key with are an enum's serde forms.\n\
             serde = { version = \"1\", features = [\"derive\"] }\n"
        } else {
            ""
        },
        serde_json = if serde_json {
            "# The arrays the flows index are `serde_json::Value`s.\nserde_json = \"1\"\n"
        } else {
            ""
        },
    )
}

/// A TOML basic string holding `text` (JSON's string escapes are TOML's).
fn toml_string(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}

/// The package name for the folder `dir`: its name in Cargo's characters,
/// or `connect-lambdas`.
pub fn package_name(dir: &Path) -> String {
    let name: String = dir
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let name = name.trim_matches('-');
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        "connect-lambdas".to_owned()
    } else {
        name.to_owned()
    }
}

/// Writes `files` below `dir`, which must be missing or empty unless
/// `force`.
///
/// # Errors
/// [`ScaffoldError::OutNotEmpty`] (nothing written), or
/// [`ScaffoldError::Write`].
pub fn write(dir: &Path, files: &[File], force: bool) -> Result<(), ScaffoldError> {
    let write_error = |path: &Path| {
        let path = path.to_owned();
        move |source| ScaffoldError::Write { path, source }
    };
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() && !force {
                return Err(ScaffoldError::OutNotEmpty {
                    dir: dir.to_owned(),
                });
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(write_error(dir)(e)),
    }
    for file in files {
        let path = dir.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(write_error(parent))?;
        }
        std::fs::write(&path, &file.text).map_err(write_error(&path))?;
    }
    Ok(())
}
