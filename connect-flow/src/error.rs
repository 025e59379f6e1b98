//! Why an input could not be read (exit code 2).
//!
//! Every message names the file and says what is wrong with it, never a
//! value from it beyond what is needed to find the spot (a JSON path, a line
//! and column, a version number).

use std::path::{Path, PathBuf};

use serde_json::Value;

/// An input the checker cannot read: a flow or a manifest that is missing,
/// not JSON, not of the expected shape, or matched ambiguously.
///
/// ```
/// use connect_flow::InputError;
///
/// let err = InputError::NotAFlow {
///     path: "flows/main.json".into(),
///     reason: "expected a JSON object, found an array".into(),
/// };
/// assert_eq!(
///     err.to_string(),
///     "flows/main.json: not an Amazon Connect flow: expected a JSON object, found an array"
/// );
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The file could not be read (missing, a directory, no permission).
    #[error("{}: cannot read the file: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid JSON.
    #[error("{}: not valid JSON: {message}", path.display())]
    Json {
        /// The file.
        path: PathBuf,
        /// serde_json's description, with line and column.
        message: String,
    },
    /// Valid JSON, but not a flow in the Amazon Connect flow language.
    #[error("{}: not an Amazon Connect flow: {reason}", path.display())]
    NotAFlow {
        /// The file.
        path: PathBuf,
        /// What is missing or of the wrong type, with its JSON path.
        reason: String,
    },
    /// A flow in the older export format (`modules`, `InvokeExternalResource`).
    #[error(
        "{}: this flow is in the older export format (`modules`, `InvokeExternalResource`), \
         which the checker does not read; open it in the current flow designer and export it \
         again to get the flow language (Version \"2019-10-30\")",
        path.display()
    )]
    OlderExportFormat {
        /// The file.
        path: PathBuf,
    },
    /// A flow language version other than `2019-10-30`.
    #[error(
        "{}: unsupported flow language Version {version:?}: the checker reads Version \"2019-10-30\"",
        path.display()
    )]
    UnsupportedFlowVersion {
        /// The file.
        path: PathBuf,
        /// The version the file declares.
        version: String,
    },
    /// A manifest that is not of the shape `connect-types` writes.
    #[error("{}: malformed manifest: {reason}", path.display())]
    MalformedManifest {
        /// The file.
        path: PathBuf,
        /// What is missing or of the wrong type, with its JSON path.
        reason: String,
    },
    /// A manifest of another `manifestVersion`.
    #[error(
        "{}: unsupported manifestVersion {found}: this checker reads manifestVersion 1 to {expected}",
        path.display()
    )]
    ManifestVersion {
        /// The file.
        path: PathBuf,
        /// The version the file declares.
        found: u64,
        /// The newest version this checker reads (it reads every one from 1).
        expected: u32,
    },
    /// Two manifests match the same function name.
    #[error(
        "{}: action {action:?} invokes function `{function}`, which matches more than one manifest: {}; \
         pass one of them with --map to choose",
        flow.display(),
        manifests.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    )]
    AmbiguousManifest {
        /// The flow holding the action.
        flow: PathBuf,
        /// The action's Identifier.
        action: String,
        /// The function name taken from its ARN.
        function: String,
        /// Every manifest that matches it.
        manifests: Vec<PathBuf>,
    },
    /// A `--map-file` that is not a JSON object of strings.
    #[error("{}: not a map file: {reason}", path.display())]
    BadMapFile {
        /// The file.
        path: PathBuf,
        /// What is of the wrong type, and where.
        reason: String,
    },
    /// A directory that holds no flow.
    #[error(
        "{}: no flow under this directory: no `.json` file in it is a flow export, \
         `aws connect describe-contact-flow` output or a CloudFormation template with a contact flow",
        path.display()
    )]
    NoFlowInDirectory {
        /// The directory.
        path: PathBuf,
    },
    /// A CloudFormation template with no contact flow resource.
    #[error(
        "{}: this CloudFormation template has no `AWS::Connect::ContactFlow` or \
         `AWS::Connect::ContactFlowModule` resource; pass the template that defines the flows \
         (with CDK, the stack's `cdk.out/<Stack>.template.json`)",
        path.display()
    )]
    NoFlowInTemplate {
        /// The template.
        path: PathBuf,
    },
    /// A contact flow resource of a CloudFormation template whose `Content`
    /// cannot be read without deploying it.
    #[error("{}: resource {resource}: {reason}", path.display())]
    BadResource {
        /// The template.
        path: PathBuf,
        /// The resource's logical id.
        resource: String,
        /// What is wrong, with its JSON path under the resource.
        reason: String,
    },
    /// A YAML file: templates are read as JSON.
    #[error(
        "{}: not valid JSON; a YAML CloudFormation template is not read: convert it to JSON \
         (`cfn-flip template.yaml > template.json`, or with CDK pass the synthesized \
         `cdk.out/<Stack>.template.json`)",
        path.display()
    )]
    YamlTemplate {
        /// The file.
        path: PathBuf,
    },
    /// A `--map` argument without `=`.
    #[error("--map {argument:?}: expected ARN=MANIFEST.json")]
    BadMap {
        /// The argument as given.
        argument: String,
    },
}

impl InputError {
    /// Parses `bytes` as JSON; [`InputError::Json`] naming `path` when they
    /// are not. Every input file (flow, manifest, map file) is read through
    /// it, so a JSON error reads the same whichever file it is in.
    pub(crate) fn parse_json(bytes: &[u8], path: &Path) -> Result<Value, InputError> {
        serde_json::from_slice(bytes).map_err(|e| InputError::Json {
            path: path.to_owned(),
            message: e.to_string(),
        })
    }
}
