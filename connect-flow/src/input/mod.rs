//! Reading the paths a command is given into flows.
//!
//! Flows are rarely kept as bare exports. Each path may be:
//!
//! | input | what is read |
//! |---|---|
//! | a flow export (the flow language, `Version` "2019-10-30") | the flow |
//! | `aws connect describe-contact-flow` / `describe-contact-flow-module` output | `ContactFlow.Content` / `ContactFlowModule.Content`, a flow as a string ([`describe`]) |
//! | a CloudFormation JSON template, CDK's `cdk.out/*.template.json` included | every `AWS::Connect::ContactFlow` and `AWS::Connect::ContactFlowModule` resource, its `Content` a string, `Fn::Sub` or `Fn::Join` ([`cloudformation`]); [`Flow::resource`] is the logical id |
//! | a directory | every flow under it ([`directory`]) |
//!
//! The kind is told by the JSON's shape, not by the file name, so a flow
//! saved as `flow.txt` or a template named `stack.json` reads the same.
//!
//! One unreadable input does not stop the others: [`read_all`] returns every
//! flow it could read and an [`InputError`] for each input it could not,
//! each naming the file (and the resource, in a template), so a command
//! can check the rest and still report the failure.
//!
//! ```
//! use std::path::Path;
//! use connect_flow::input;
//!
//! let dir = std::env::temp_dir().join(format!("connect-flow-input-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! std::fs::write(dir.join("main.json"), r#"{"Version": "2019-10-30", "StartAction": "a",
//!   "Actions": [{"Identifier": "a", "Type": "DisconnectParticipant", "Transitions": {}}]}"#).unwrap();
//! std::fs::write(dir.join("described.json"), r#"{"ContactFlow": {"Name": "Main",
//!   "Content": "{\"Version\": \"2019-10-30\", \"StartAction\": \"a\", \"Actions\": []}"}}"#).unwrap();
//!
//! let loaded = input::read_all(&[dir.clone(), dir.join("missing.json")]);
//! // The directory's two flows, in sorted order; the missing file reported.
//! let names: Vec<_> = loaded.flows.iter().map(|f| f.path.file_name().unwrap()).collect();
//! assert_eq!(names, ["described.json", "main.json"]);
//! assert_eq!(loaded.errors.len(), 1);
//! assert!(loaded.errors[0].to_string().contains("missing.json: cannot read the file"));
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```

pub mod cloudformation;
pub mod describe;
pub mod directory;

use std::path::{Path, PathBuf};

use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::error::InputError;
use crate::flow::Flow;

/// The flows read from a command's paths, and why each unreadable input
/// could not be read.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Every flow read, in the order of the paths given; a directory's in
    /// sorted path order, a template's in logical-id order.
    pub flows: Vec<Flow>,
    /// One error per input (a file, or a resource of a template) that could
    /// not be read, in the same order.
    pub errors: Vec<InputError>,
    /// Files under a given directory that were skipped as clearly not flows
    /// (not `.json`, or JSON of another kind: a `package.json`, a
    /// connect-lambda manifest, CDK's `manifest.json`), in sorted order.
    pub skipped: Vec<PathBuf>,
}

impl Loaded {
    /// The flows, or the first error: for a command that stops at the first
    /// unreadable input.
    ///
    /// # Errors
    /// The first of [`Loaded::errors`].
    pub fn into_flows(self) -> Result<Vec<Flow>, InputError> {
        match self.errors.into_iter().next() {
            Some(error) => Err(error),
            None => Ok(self.flows),
        }
    }

    fn extend(&mut self, other: Loaded) {
        self.flows.extend(other.flows);
        self.errors.extend(other.errors);
        self.skipped.extend(other.skipped);
    }

    fn push(&mut self, result: Result<Flow, InputError>) {
        match result {
            Ok(flow) => self.flows.push(flow),
            Err(error) => self.errors.push(error),
        }
    }
}

/// Reads every path in `paths`, each a flow export, a directory,
/// `describe-contact-flow` output or a CloudFormation template.
pub fn read_all<P: AsRef<Path>>(paths: &[P]) -> Loaded {
    let mut loaded = Loaded::default();
    for path in paths {
        loaded.extend(read(path.as_ref()));
    }
    loaded
}

/// Reads one path: a directory's flows, or a file's (one, or a template's
/// several).
///
/// ```
/// use connect_flow::input;
///
/// let loaded = input::read("no/such/flow.json".as_ref());
/// assert!(loaded.flows.is_empty());
/// assert!(loaded.errors[0].to_string().starts_with("no/such/flow.json: cannot read the file"));
/// ```
pub fn read(path: &Path) -> Loaded {
    if path.is_dir() {
        return directory::read(path);
    }
    let mut loaded = Loaded::default();
    match read_file(path) {
        Ok(File::Flows(results)) => results.into_iter().for_each(|r| loaded.push(r)),
        Ok(File::NoFlow(error)) => loaded.errors.push(error),
        Err(error) => loaded.errors.push(error),
    }
    loaded
}

/// What one file held.
enum File {
    /// Its flows, or the error of each flow it holds that cannot be read.
    Flows(Vec<Result<Flow, InputError>>),
    /// Valid JSON of no kind that holds a flow (in a directory: skipped);
    /// the error says what was expected, for a file given by name.
    NoFlow(InputError),
}

/// Reads the file at `path` into its flows.
fn read_file(path: &Path) -> Result<File, InputError> {
    let bytes = std::fs::read(path).map_err(|source| InputError::Read {
        path: path.to_owned(),
        source,
    })?;
    from_slice(&bytes, path)
}

/// Reads a file's bytes into its flows, telling the kind by the JSON's
/// shape; `path` is for messages and [`Flow::path`].
fn from_slice(bytes: &[u8], path: &Path) -> Result<File, InputError> {
    let shape = match serde_json::from_slice::<Shape>(bytes) {
        Ok(shape) => shape,
        // Not JSON: the error is the one every input file gives
        // (`parse_json`, parsing again only on this path).
        Err(e) if e.is_syntax() || e.is_eof() || e.is_io() => {
            let error = InputError::parse_json(bytes, path).err();
            return Err(match error {
                _ if is_yaml(path) => InputError::YamlTemplate {
                    path: path.to_owned(),
                },
                Some(error) => error,
                None => InputError::Json {
                    path: path.to_owned(),
                    message: e.to_string(),
                },
            });
        }
        // Valid JSON of another shape (an array, a key twice): the flow
        // reader below says what is wrong.
        Err(_) => Shape::default(),
    };
    match shape.kind() {
        Kind::Export => Ok(File::Flows(vec![Flow::from_slice(bytes, path)])),
        Kind::Describe(described) => Ok(File::Flows(vec![describe::flow(described, path)])),
        Kind::Template(resources) => {
            let flows = cloudformation::flows(resources, path);
            if flows.is_empty() {
                Ok(File::NoFlow(InputError::NoFlowInTemplate {
                    path: path.to_owned(),
                }))
            } else {
                Ok(File::Flows(flows))
            }
        }
        // The flow reader says what a flow export lacks ("Version is
        // missing"); the other kinds are named after it.
        Kind::Other => match Flow::from_slice(bytes, path) {
            Err(InputError::NotAFlow { path, reason }) => Ok(File::NoFlow(InputError::NotAFlow {
                path,
                reason: format!(
                    "{reason}; nor is it `aws connect describe-contact-flow` output \
                     (ContactFlow.Content) or a CloudFormation template (Resources)"
                ),
            })),
            other => Ok(File::Flows(vec![other])),
        },
    }
}

/// The top-level keys that tell the kinds of input apart. A flow export's
/// keys are skimmed, not built into values ([`IgnoredAny`]), so the flow
/// reader's own parse is the only full one of a large flow; a describe
/// output's object and a template's resources are kept, as they are read
/// here.
#[derive(Debug, Default, Deserialize)]
struct Shape {
    #[serde(rename = "Actions")]
    actions: Option<IgnoredAny>,
    #[serde(rename = "StartAction")]
    start_action: Option<IgnoredAny>,
    #[serde(rename = "Version")]
    version: Option<IgnoredAny>,
    /// The older export format's list of blocks.
    modules: Option<IgnoredAny>,
    #[serde(rename = "ContactFlow")]
    contact_flow: Option<Value>,
    #[serde(rename = "ContactFlowModule")]
    contact_flow_module: Option<Value>,
    #[serde(rename = "Resources")]
    resources: Option<Value>,
}

/// The kind of input a file's JSON is.
enum Kind<'v> {
    /// A flow in the flow language (or the older format, which the flow
    /// reader recognises and asks to re-export).
    Export,
    /// `describe-contact-flow(-module)` output: the `ContactFlow` or
    /// `ContactFlowModule` object.
    Describe(describe::Described<'v>),
    /// A CloudFormation template: its `Resources`.
    Template(&'v Map<String, Value>),
    /// None of these.
    Other,
}

impl Shape {
    fn kind(&self) -> Kind<'_> {
        let is_export = self.actions.is_some()
            || self.start_action.is_some()
            || self.version.is_some()
            || self.modules.is_some();
        if is_export {
            return Kind::Export;
        }
        let described = [
            ("ContactFlow", &self.contact_flow),
            ("ContactFlowModule", &self.contact_flow_module),
        ]
        .into_iter()
        .find_map(|(key, value)| Some(describe::Described::new(key, value.as_ref()?.as_object()?)));
        if let Some(described) = described {
            Kind::Describe(described)
        } else if let Some(resources) = self.resources.as_ref().and_then(Value::as_object) {
            Kind::Template(resources)
        } else {
            Kind::Other
        }
    }
}

/// Whether `path` is named as a YAML file.
fn is_yaml(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> &'static str {
        let shape: Shape = serde_json::from_str(text).unwrap_or_default();
        match shape.kind() {
            Kind::Export => "export",
            Kind::Describe(_) => "describe",
            Kind::Template(_) => "template",
            Kind::Other => "other",
        }
    }

    #[test]
    fn the_kind_is_told_by_shape() {
        assert_eq!(
            kind(r#"{"Version": "2019-10-30", "Actions": []}"#),
            "export"
        );
        assert_eq!(kind(r#"{"modules": [], "version": "1"}"#), "export");
        assert_eq!(kind(r#"{"ContactFlow": {"Content": "{}"}}"#), "describe");
        assert_eq!(
            kind(r#"{"ContactFlowModule": {"Content": "{}"}}"#),
            "describe"
        );
        assert_eq!(kind(r#"{"Resources": {}}"#), "template");
        assert_eq!(kind(r#"{"name": "my-app", "version": "1.0.0"}"#), "other");
        assert_eq!(kind(r#"{"manifestVersion": 1, "handler": "x"}"#), "other");
        assert_eq!(kind("[]"), "other");
    }

    #[test]
    fn a_file_of_another_kind_says_what_was_expected() {
        let Ok(File::NoFlow(error)) = from_slice(br#"{"name": "app"}"#, Path::new("p.json")) else {
            panic!("expected NoFlow")
        };
        let message = error.to_string();
        assert!(
            message.starts_with("p.json: not an Amazon Connect flow"),
            "{message}"
        );
        assert!(message.contains("Version is missing"), "{message}");
        assert!(
            message.contains("nor is it `aws connect describe-contact-flow` output"),
            "{message}"
        );
    }

    #[test]
    fn a_yaml_template_is_named_as_such() {
        let Err(error) = from_slice(b"Resources:\n  Flow: {}\n", Path::new("t.yaml")) else {
            panic!("expected an error")
        };
        assert!(matches!(error, InputError::YamlTemplate { .. }));
        let Err(error) = from_slice(b"{", Path::new("t.json")) else {
            panic!("expected an error")
        };
        assert!(error.to_string().starts_with("t.json: not valid JSON"));
    }
}
