//! Where the Lambdas of a simulated contact come from, as `simulate` and
//! `test` both take them on the command line: commands, mocks, the
//! manifests mocks are held to, and the values of references no Lambda or
//! case gives.

use std::path::PathBuf;

use clap::Args;
use serde_json::Value;

use crate::error::InputError;
use crate::matching::{LoadedManifest, Manifests};

/// The Lambda-source options `simulate` and `test` share.
#[derive(Debug, Clone, Default, Args)]
pub struct LambdaSources {
    /// Run COMMAND (through the shell) as the Lambda FUNCTION: the event on
    /// stdin, the response on stdout, a non-zero exit an error. A
    /// connect-lambda binary works as one with `--event -`. (In `test`, a
    /// case's own override answers first.)
    #[arg(long = "lambda", value_name = "FUNCTION=COMMAND")]
    pub lambdas: Vec<String>,
    /// Answer FUNCTION's calls with the JSON in RESPONSE.json, checked first
    /// against FUNCTION's manifest (--manifest). (In `test`, a case's own
    /// override answers first.)
    #[arg(long = "mock", value_name = "FUNCTION=RESPONSE.json")]
    pub mocks: Vec<String>,
    /// A handler manifest: mocks of its Lambda are held to it.
    #[arg(long = "manifest", value_name = "M.json")]
    pub manifests: Vec<PathBuf>,
    /// The value of another reference the flow reads, which neither a
    /// Lambda nor the contact gives ($.Customer.FirstName=Jane).
    #[arg(long = "data", value_name = "REF=VALUE")]
    pub data: Vec<String>,
}

/// One `--mock`, read: the function it answers for, its file, its response.
#[derive(Debug, Clone)]
pub struct MockFile<'a> {
    /// FUNCTION, as given.
    pub function: &'a str,
    /// RESPONSE.json's path, for messages.
    pub path: PathBuf,
    /// The response.
    pub response: Value,
}

impl LambdaSources {
    /// Reads every `--manifest`.
    ///
    /// # Errors
    /// The first manifest that cannot be read, as the message to print.
    pub fn load_manifests(&self) -> Result<Manifests, String> {
        let mut manifests = Manifests::new();
        for path in &self.manifests {
            manifests.add(LoadedManifest::load(path).map_err(|e| e.to_string())?);
        }
        Ok(manifests)
    }

    /// Each `--lambda` as (FUNCTION, COMMAND).
    ///
    /// # Errors
    /// An argument without `FUNCTION=`.
    pub fn commands(&self) -> Result<Vec<(&str, &str)>, String> {
        self.lambdas
            .iter()
            .map(|argument| pair(argument, "--lambda", "FUNCTION=COMMAND"))
            .collect()
    }

    /// Each `--data` as (REF, VALUE).
    ///
    /// # Errors
    /// An argument without `REF=`.
    pub fn data(&self) -> Result<Vec<(&str, &str)>, String> {
        self.data
            .iter()
            .map(|argument| pair(argument, "--data", "REF=VALUE"))
            .collect()
    }

    /// Each `--mock`, its file read as JSON.
    ///
    /// # Errors
    /// An argument without `FUNCTION=`, or a file that cannot be read or is
    /// not JSON.
    pub fn mock_files(&self) -> Result<Vec<MockFile<'_>>, String> {
        self.mocks
            .iter()
            .map(|argument| {
                let (function, path) = pair(argument, "--mock", "FUNCTION=RESPONSE.json")?;
                let path = PathBuf::from(path);
                let bytes = std::fs::read(&path).map_err(|source| {
                    InputError::Read {
                        path: path.clone(),
                        source,
                    }
                    .to_string()
                })?;
                let response = InputError::parse_json(&bytes, &path).map_err(|e| e.to_string())?;
                Ok(MockFile {
                    function,
                    path,
                    response,
                })
            })
            .collect()
    }
}

/// Splits `K=V` at its first `=`.
///
/// # Errors
/// No `=`, or nothing before it: the message names the flag and the shape.
pub(crate) fn pair<'a>(
    argument: &'a str,
    flag: &str,
    shape: &str,
) -> Result<(&'a str, &'a str), String> {
    match argument.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k, v)),
        _ => Err(format!(
            "{flag} {argument:?}: expected {shape}, with a non-empty name before the `=`"
        )),
    }
}
