//! Every finding of the checker, with its code, severity, action and field.
//!
//! | code | severity | what |
//! |---|---|---|
//! | `unknown-key` | error | `$.External.k` where a Lambda that may have run last never returns `k` |
//! | `nested-under-string-map` | error | `$.External.a.b` under STRING_MAP, or below a key that is not an object |
//! | `not-referenceable` | error | a reference to a key a flow cannot reference (arrays) |
//! | `validation-mismatch` | error | the block validates as STRING_MAP, the manifest says JSON |
//! | `missing-parameter` | error | a required parameter the block does not pass |
//! | `duplicate-identifier` | error | two actions with one Identifier |
//! | `optional-key` | warning | a reference to a key the Lambda may leave out |
//! | `no-lambda-ran` | warning | `$.External` where no Lambda ran in this flow |
//! | `after-lambda-error` | warning | `$.External` on a Lambda's error branch |
//! | `unused-parameter` | warning | a parameter the Lambda never reads |
//! | `no-manifest` | warning | an invoked Lambda with no manifest |
//! | `dangling-transition` | warning | a transition to an Identifier that does not exist |
//! | `invalid-timeout` | error | `InvocationTimeLimitSeconds` missing, not an integer, or out of range |
//! | `async-result-not-loaded` | warning | `$.External` read before an asynchronous result is loaded |
//! | `parameter-type` | warning | a literal parameter that cannot be the manifest's type |
//! | `unused-manifest` | warning | a manifest no action matches |
//!
//! Findings come in the order of the flows given, then of the actions in the
//! file, then by field, then in the order of the table.

use std::collections::BTreeSet;
use std::fmt;
use std::path::PathBuf;

use connect_types::manifest::{ExternalKey, Manifest, ResponseValidation, ValueType};
use serde_json::{Map, Value};

use crate::analysis::{analyze, Last};
use crate::error::InputError;
use crate::flow::{Flow, InvocationType, LambdaInvoke};
use crate::matching::{function_name, LoadedManifest, Manifests, Match};
use crate::references::{find_references, Reference};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The flow will not work as written: exit code 1.
    Error,
    /// Worth a look; fails the check only with `--deny-warnings`.
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    ///
    /// ```
    /// assert_eq!(connect_flow::Severity::Warning.as_str(), "warning");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a finding is about. The variants are in the design's order, which is
/// also the order findings on one field come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// `$.External.k` where some Lambda that may have run last never returns `k`.
    UnknownKey,
    /// `$.External.a.b` where the block validates as STRING_MAP, or where `a`
    /// is not an object in the manifest.
    NestedUnderStringMap,
    /// A reference to a key the manifest lists as not referenceable (arrays).
    NotReferenceable,
    /// The block validates as STRING_MAP but the manifest says JSON.
    ValidationMismatch,
    /// A required parameter missing from `LambdaInvocationAttributes`.
    MissingParameter,
    /// Two actions share an Identifier.
    DuplicateIdentifier,
    /// A reference to a key the manifest marks `"required": false`.
    OptionalKey,
    /// `$.External` reached on a path where no Lambda ran in this flow.
    NoLambdaRan,
    /// A reference reached on a Lambda's error branch.
    AfterLambdaError,
    /// A parameter passed that the Lambda never reads.
    UnusedParameter,
    /// An invoked Lambda with no manifest.
    NoManifest,
    /// A transition to an Identifier that does not exist.
    DanglingTransition,
    /// `InvocationTimeLimitSeconds` missing, not an integer, or out of range.
    InvalidTimeout,
    /// `$.External` read right after an asynchronous invoke.
    AsyncResultNotLoaded,
    /// A literal parameter value that cannot be the manifest's type.
    ParameterType,
    /// A manifest that matches no action.
    UnusedManifest,
}

impl Code {
    /// Every code, in the design's order.
    pub const ALL: [Code; 16] = [
        Code::UnknownKey,
        Code::NestedUnderStringMap,
        Code::NotReferenceable,
        Code::ValidationMismatch,
        Code::MissingParameter,
        Code::DuplicateIdentifier,
        Code::OptionalKey,
        Code::NoLambdaRan,
        Code::AfterLambdaError,
        Code::UnusedParameter,
        Code::NoManifest,
        Code::DanglingTransition,
        Code::InvalidTimeout,
        Code::AsyncResultNotLoaded,
        Code::ParameterType,
        Code::UnusedManifest,
    ];

    /// The code as printed: `unknown-key`, ...
    ///
    /// ```
    /// assert_eq!(connect_flow::Code::NestedUnderStringMap.as_str(), "nested-under-string-map");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::UnknownKey => "unknown-key",
            Code::NestedUnderStringMap => "nested-under-string-map",
            Code::NotReferenceable => "not-referenceable",
            Code::ValidationMismatch => "validation-mismatch",
            Code::MissingParameter => "missing-parameter",
            Code::DuplicateIdentifier => "duplicate-identifier",
            Code::OptionalKey => "optional-key",
            Code::NoLambdaRan => "no-lambda-ran",
            Code::AfterLambdaError => "after-lambda-error",
            Code::UnusedParameter => "unused-parameter",
            Code::NoManifest => "no-manifest",
            Code::DanglingTransition => "dangling-transition",
            Code::InvalidTimeout => "invalid-timeout",
            Code::AsyncResultNotLoaded => "async-result-not-loaded",
            Code::ParameterType => "parameter-type",
            Code::UnusedManifest => "unused-manifest",
        }
    }

    /// The severity every finding of this code has.
    ///
    /// ```
    /// use connect_flow::{Code, Severity};
    /// assert_eq!(Code::InvalidTimeout.severity(), Severity::Error);
    /// assert_eq!(Code::OptionalKey.severity(), Severity::Warning);
    /// ```
    pub const fn severity(self) -> Severity {
        match self {
            Code::UnknownKey
            | Code::NestedUnderStringMap
            | Code::NotReferenceable
            | Code::ValidationMismatch
            | Code::MissingParameter
            | Code::DuplicateIdentifier
            | Code::InvalidTimeout => Severity::Error,
            Code::OptionalKey
            | Code::NoLambdaRan
            | Code::AfterLambdaError
            | Code::UnusedParameter
            | Code::NoManifest
            | Code::DanglingTransition
            | Code::AsyncResultNotLoaded
            | Code::ParameterType
            | Code::UnusedManifest => Severity::Warning,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What it is about.
    pub code: Code,
    /// The file: the flow, or the manifest for `unused-manifest`.
    pub file: PathBuf,
    /// The Identifier of the action (for a `StartAction` that names no
    /// action, that missing Identifier); `None` for `unused-manifest`.
    pub action: Option<String>,
    /// The dotted path inside the action (`LambdaInvocationAttributes.companyName`,
    /// `Attributes.balance`, `SSML`, `Transitions.NextAction`); `None` for
    /// `unused-manifest`.
    pub field: Option<String>,
    /// What is wrong, in the flow author's terms.
    pub message: String,
    /// The nearest key the Lambda does return, for a misspelt one.
    pub suggestion: Option<String>,
    /// How to fix it, when there is more to say than the suggestion.
    pub help: Option<String>,
    /// Why it matters.
    pub note: Option<String>,
    order: (usize, usize),
}

impl Finding {
    /// The severity of its code.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// The message with the suggestion, as one line (the JSON output's
    /// `message`).
    pub fn full_message(&self) -> String {
        match &self.suggestion {
            Some(s) => format!("{}; did you mean `{s}`?", self.message),
            None => self.message.clone(),
        }
    }

    fn sort_key(&self) -> impl Ord + '_ {
        (
            self.order,
            self.field.as_deref().unwrap_or(""),
            self.code,
            &self.message,
        )
    }
}

/// Whether any finding is an error, or, with `deny_warnings`, any finding at
/// all: the check fails (exit code 1).
///
/// ```
/// assert!(!connect_flow::findings::fails(&[], true));
/// ```
pub fn fails(findings: &[Finding], deny_warnings: bool) -> bool {
    findings
        .iter()
        .any(|f| deny_warnings || f.severity() == Severity::Error)
}

/// Checks every flow against the manifests; findings come sorted.
///
/// # Errors
/// [`InputError::AmbiguousManifest`] when an action's function name matches
/// more than one manifest and no `--map` decides.
///
/// ```
/// use connect_flow::{check, Code, Flow, Manifests};
///
/// let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "say", "Actions": [
///   {"Identifier": "say", "Type": "MessageParticipant",
///    "Parameters": {"Text": "Hello $.External.name"}, "Transitions": {}}]}"#, "f.json").unwrap();
/// let findings = check(&[flow], &Manifests::new()).unwrap();
/// assert_eq!(findings.len(), 1);
/// assert_eq!(findings[0].code, Code::NoLambdaRan);
/// assert_eq!(findings[0].field.as_deref(), Some("Text"));
/// ```
pub fn check(flows: &[Flow], manifests: &Manifests) -> Result<Vec<Finding>, InputError> {
    let mut findings = Vec::new();
    let mut used = vec![false; manifests.all().len()];
    for (flow_index, flow) in flows.iter().enumerate() {
        let matches = resolve_blocks(flow, manifests)?;
        for index in matches.iter().flatten().filter_map(Match::index) {
            used[index] = true;
        }
        let mut checker = FlowChecker {
            flow,
            flow_index,
            manifests,
            matches: &matches,
            findings: Vec::new(),
        };
        checker.run();
        findings.extend(checker.findings);
    }
    for (index, manifest) in manifests.all().iter().enumerate() {
        if !used[index] {
            findings.push(unused_manifest(manifest, flows.len()));
        }
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    // One finding per thing said: the same Lambda behind two blocks gives the
    // same finding twice, differing only in the note naming the block.
    findings.dedup_by(|later, earlier| {
        later.file == earlier.file
            && later.action == earlier.action
            && later.sort_key() == earlier.sort_key()
            && later.suggestion == earlier.suggestion
    });
    Ok(findings)
}

/// The manifest match of every `InvokeLambdaFunction` block that invokes a
/// function (`None` for other actions and "Load Lambda result" blocks).
fn resolve_blocks(flow: &Flow, manifests: &Manifests) -> Result<Vec<Option<Match>>, InputError> {
    flow.actions
        .iter()
        .map(|action| {
            let Some(invoke) = action.lambda_invoke() else {
                return Ok(None);
            };
            if invoke.is_load_result() {
                return Ok(None);
            }
            let Some(arn) = invoke.function_arn() else {
                return Ok(Some(Match::Unmatched));
            };
            manifests
                .resolve(arn)
                .map(Some)
                .map_err(|ambiguous| InputError::AmbiguousManifest {
                    flow: flow.path.clone(),
                    action: action.identifier.clone(),
                    function: ambiguous.function,
                    manifests: ambiguous
                        .manifests
                        .iter()
                        .filter_map(|&i| manifests.get(i))
                        .map(|m| m.path.clone())
                        .collect(),
                })
        })
        .collect()
}

fn unused_manifest(manifest: &LoadedManifest, flow_count: usize) -> Finding {
    let flows = if flow_count == 1 {
        "the flow"
    } else {
        "any of the flows"
    };
    Finding {
        code: Code::UnusedManifest,
        file: manifest.path.clone(),
        action: None,
        field: None,
        message: format!(
            "the manifest of {} matches no action in {flows}",
            manifest.manifest.handler
        ),
        suggestion: None,
        help: Some(format!(
            "an action matches when the function name in its LambdaFunctionARN is `{}` \
             (ignoring case, `-` and `_`); for a placeholder ARN use --map 'ARN={}'",
            manifest.match_name(),
            manifest.path.display()
        )),
        note: None,
        order: (usize::MAX, usize::MAX),
    }
}

struct FlowChecker<'a> {
    flow: &'a Flow,
    flow_index: usize,
    manifests: &'a Manifests,
    matches: &'a [Option<Match>],
    findings: Vec<Finding>,
}

/// The outcome of looking a reference up in a manifest.
enum KeyStatus {
    Fine,
    Optional,
    Unknown,
    /// The key itself or a parent is an array, or an index into a scalar.
    NotReferenceable(String),
    /// A parent is a scalar: `parent` is a `ty`.
    NotObject {
        parent: String,
        ty: ValueType,
    },
}

impl<'a> FlowChecker<'a> {
    fn run(&mut self) {
        self.start_action();
        self.duplicates();
        self.dangling();
        let analysis = analyze(self.flow);
        for (index, action) in self.flow.actions.iter().enumerate() {
            if let Some(state) = analysis.at(index) {
                for (field, text) in strings(&action.parameters) {
                    for reference in find_references(text) {
                        for last in state {
                            self.reference(index, &field, &reference, *last);
                        }
                    }
                }
            }
            if let Some(invoke) = action.lambda_invoke() {
                if !invoke.is_load_result() {
                    self.block(index, invoke);
                }
            }
        }
    }

    fn push(
        &mut self,
        code: Code,
        index: Option<usize>,
        field: impl Into<String>,
        message: String,
    ) -> &mut Finding {
        let action = index.map(|i| self.flow.actions[i].identifier.clone());
        self.findings.push(Finding {
            code,
            file: self.flow.path.clone(),
            action: action.or_else(|| Some(self.flow.start_action.clone())),
            field: Some(field.into()),
            message,
            suggestion: None,
            help: None,
            note: None,
            order: (self.flow_index, index.map_or(0, |i| i + 1)),
        });
        self.findings.last_mut().expect("just pushed")
    }

    fn name(&self, index: usize) -> &'a str {
        &self.flow.actions[index].identifier
    }

    fn manifest_of(&self, block: usize) -> Option<&'a LoadedManifest> {
        let index = self.matches.get(block)?.as_ref()?.index()?;
        self.manifests.get(index)
    }

    fn start_action(&mut self) {
        if self.flow.position(&self.flow.start_action).is_none() {
            let message = format!(
                "StartAction names action {:?}, which does not exist",
                self.flow.start_action
            );
            self.push(Code::DanglingTransition, None, "StartAction", message)
                .note = Some("no action of the flow can run".into());
        }
    }

    fn duplicates(&mut self) {
        let mut seen = BTreeSet::new();
        for (index, action) in self.flow.actions.iter().enumerate() {
            if !seen.insert(action.identifier.as_str()) {
                let first = self.flow.position(&action.identifier).unwrap_or(index);
                let message = format!(
                    "Identifier {:?} is used by more than one action",
                    action.identifier
                );
                self.push(
                    Code::DuplicateIdentifier,
                    Some(index),
                    "Identifier",
                    message,
                )
                .note = Some(format!(
                    "actions {} and {} share it; a transition to it cannot tell them apart",
                    first + 1,
                    index + 1
                ));
            }
        }
    }

    fn dangling(&mut self) {
        for (index, action) in self.flow.actions.iter().enumerate() {
            for (edge, target) in action.transitions.targets() {
                if self.flow.position(target).is_none() {
                    let message =
                        format!("transition to {target:?}, which is not an action of this flow");
                    self.push(Code::DanglingTransition, Some(index), edge.field(), message)
                        .note = Some("a contact that takes this branch has nowhere to go".into());
                }
            }
        }
    }

    fn reference(&mut self, index: usize, field: &str, reference: &Reference<'_>, last: Last) {
        let text = reference.text;
        match last {
            Last::Nothing => {
                let message = format!("`{text}` is read where no Lambda has run in this flow");
                self.push(Code::NoLambdaRan, Some(index), field, message)
                    .note = Some(
                    "the value can only come from a flow that transferred here; \
                     store it in a contact attribute there and read `$.Attributes` instead"
                        .into(),
                );
            }
            Last::Failed(block) => {
                let message = format!(
                    "`{text}` is read on the error branch of {:?}",
                    self.name(block)
                );
                self.push(Code::AfterLambdaError, Some(index), field, message)
                    .note = Some("when the Lambda fails there is no response to read".into());
            }
            Last::Pending(block) => {
                let message = format!(
                    "`{text}` is read before the result of the asynchronous invoke in {:?} is loaded",
                    self.name(block)
                );
                self.push(Code::AsyncResultNotLoaded, Some(index), field, message)
                    .help = Some(
                    "load it first with an AWS Lambda function block set to \"Load Lambda result\""
                        .into(),
                );
            }
            Last::Ran(block) => self.returned_key(index, field, reference, block),
        }
    }

    fn returned_key(&mut self, index: usize, field: &str, reference: &Reference<'_>, block: usize) {
        let text = reference.text;
        let Some(invoke) = self.flow.actions[block].lambda_invoke() else {
            return;
        };
        if reference.is_nested() && invoke.effective_validation() == ResponseValidation::StringMap {
            let message = format!(
                "`{text}` reads a nested key, but {:?} validates the response as STRING_MAP",
                self.name(block)
            );
            self.push(Code::NestedUnderStringMap, Some(index), field, message)
                .help = Some(format!(
                "set Response validation to JSON in {:?}, or return `{}` as a top-level key",
                self.name(block),
                reference.keys.join("_")
            ));
            return;
        }
        let Some(loaded) = self.manifest_of(block) else {
            return;
        };
        let manifest = &loaded.manifest;
        let handler = manifest.handler.as_str();
        match key_status(manifest, &reference.keys, reference.indexed) {
            KeyStatus::Fine => {}
            KeyStatus::Optional => {
                let message =
                    format!("`{text}` may be missing: {handler} leaves it out of some responses");
                self.push(Code::OptionalKey, Some(index), field, message).note = Some(
                    "the manifest marks it \"required\": false; check that it is set before relying on it"
                        .into(),
                );
            }
            KeyStatus::Unknown => {
                let key = reference.key();
                let suggestion = nearest(key, referenceable_keys(manifest));
                let message = format!("`{text}` is never returned by {handler}");
                let help = if suggestion.is_some() {
                    None
                } else {
                    Some(returns_list(manifest))
                };
                let block_name = self.name(block).to_owned();
                let finding = self.push(Code::UnknownKey, Some(index), field, message);
                finding.suggestion = suggestion;
                finding.help = help;
                finding.note = Some(format!("{handler} is the Lambda invoked by {block_name:?}"));
            }
            KeyStatus::NotReferenceable(why) => {
                let message = format!("`{text}` cannot be referenced: {why}");
                self.push(Code::NotReferenceable, Some(index), field, message)
                    .note = Some(
                    "a flow cannot read into an array; return the values it needs as separate keys"
                        .into(),
                );
            }
            KeyStatus::NotObject { parent, ty } => {
                let message = format!(
                    "`{text}` reads below `{parent}`, which {handler} returns as {}",
                    article(ty)
                );
                self.push(Code::NestedUnderStringMap, Some(index), field, message)
                    .help = Some(format!("reference `$.External.{parent}` itself"));
            }
        }
    }

    fn block(&mut self, index: usize, invoke: LambdaInvoke<'a>) {
        self.timeout(index, invoke);
        let Some(loaded) = self.manifest_of(index) else {
            self.no_manifest(index, invoke);
            return;
        };
        let manifest = &loaded.manifest;
        let handler = manifest.handler.as_str();
        if manifest.response_validation == ResponseValidation::Json
            && invoke.effective_validation() == ResponseValidation::StringMap
        {
            let (field, how) = match invoke.declared_validation() {
                Some(_) => (
                    "ResponseValidation.ResponseType",
                    "validates the response as STRING_MAP",
                ),
                None => (
                    "ResponseValidation",
                    "has no response validation, so Connect validates the response as STRING_MAP",
                ),
            };
            let message = format!(
                "this block {how}, but {handler} returns JSON: Connect will reject its response"
            );
            self.push(Code::ValidationMismatch, Some(index), field, message)
                .help = Some("set Response validation to JSON in this block".into());
        }

        let empty = Map::new();
        let passed = invoke.invocation_attributes().unwrap_or(&empty);
        let reads_any = manifest.parameters.iter().any(|p| p.key == "*");
        for parameter in &manifest.parameters {
            if parameter.key == "*"
                || parameter.required != Some(true)
                || passed.contains_key(&parameter.key)
            {
                continue;
            }
            let key = &parameter.key;
            let message =
                format!("{handler} requires parameter `{key}`, which this block does not pass");
            let ty = parameter.ty.map(|t| format!(" ({t})")).unwrap_or_default();
            self.push(
                Code::MissingParameter,
                Some(index),
                format!("LambdaInvocationAttributes.{key}"),
                message,
            )
            .help = Some(format!(
                "add `{key}`{ty} to the block's function input parameters"
            ));
        }
        for (key, value) in passed {
            let declared = manifest.parameters.iter().find(|p| &p.key == key);
            let field = format!("LambdaInvocationAttributes.{key}");
            match declared {
                None if !reads_any => {
                    let missing = manifest
                        .parameters
                        .iter()
                        .filter(|p| p.key != "*" && !passed.contains_key(&p.key))
                        .map(|p| p.key.as_str());
                    let suggestion = nearest(key, missing);
                    let message =
                        format!("parameter `{key}` is passed, but {handler} never reads it");
                    let finding = self.push(Code::UnusedParameter, Some(index), field, message);
                    finding.suggestion = suggestion;
                    if finding.suggestion.is_none() {
                        finding.help =
                            Some("remove it from the block, or read it in the handler".into());
                    }
                }
                Some(parameter) => {
                    if let Some(ty) = parameter.ty {
                        if let Some(what) = literal_misfit(value, ty) {
                            let message = format!(
                                "parameter `{key}` is {what}, which cannot be {}: {handler} reads it as {}",
                                article(ty),
                                article(ty)
                            );
                            self.push(Code::ParameterType, Some(index), field, message)
                                .note = Some("the invocation fails before the handler runs".into());
                        }
                    }
                }
                None => {}
            }
        }
    }

    fn no_manifest(&mut self, index: usize, invoke: LambdaInvoke<'a>) {
        let (message, help) = match invoke.function_arn() {
            Some(arn) => match function_name(arn) {
                Some(name) => (
                    format!("no manifest for function `{name}`, invoked here"),
                    format!(
                        "pass its manifest with --manifest (its `function` or `handler` must be `{name}`), \
                         or with --map '{arn}=MANIFEST.json'"
                    ),
                ),
                None => (
                    format!("no manifest for the Lambda invoked here: LambdaFunctionARN `{arn}` names no function"),
                    format!("a placeholder or dynamic ARN is matched with --map '{arn}=MANIFEST.json'"),
                ),
            },
            None => (
                "no manifest for the Lambda invoked here: LambdaFunctionARN is not a string".into(),
                "set the function in the block".into(),
            ),
        };
        let finding = self.push(Code::NoManifest, Some(index), "LambdaFunctionARN", message);
        finding.help = Some(help);
        finding.note = Some("the keys this Lambda returns and reads are not checked".into());
    }

    fn timeout(&mut self, index: usize, invoke: LambdaInvoke<'a>) {
        let max: u64 = if invoke.invocation_type() == InvocationType::Asynchronous {
            60
        } else {
            8
        };
        let problem = match invoke.timeout() {
            None => Some("InvocationTimeLimitSeconds is missing".to_owned()),
            Some(value) => match whole_seconds(value) {
                None => {
                    Some("InvocationTimeLimitSeconds is not a whole number of seconds".to_owned())
                }
                Some(n) if (1..=max).contains(&n) => None,
                Some(n) => Some(format!(
                    "InvocationTimeLimitSeconds is {n}, outside 1..{max}"
                )),
            },
        };
        if let Some(message) = problem {
            let mode = if max == 8 {
                "synchronous"
            } else {
                "asynchronous"
            };
            self.push(Code::InvalidTimeout, Some(index), "InvocationTimeLimitSeconds", message)
                .help = Some(format!(
                "set a whole number of seconds from 1 to {max} (the most Connect waits for {mode} invoke)"
            ));
        }
    }
}

/// `InvocationTimeLimitSeconds` as a whole number: `"8"` or `8`.
fn whole_seconds(value: &Value) -> Option<u64> {
    match value {
        Value::String(s) => s.trim().parse::<u64>().ok(),
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

/// Every string inside `parameters`, with its dotted path.
fn strings(parameters: &Map<String, Value>) -> Vec<(String, &str)> {
    fn walk<'v>(value: &'v Value, path: String, out: &mut Vec<(String, &'v str)>) {
        match value {
            Value::String(s) => out.push((path, s)),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, format!("{path}[{i}]"), out);
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    walk(item, format!("{path}.{key}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (key, value) in parameters {
        walk(value, key.clone(), &mut out);
    }
    out
}

/// Whether a manifest entry's key (which may hold `*` segments) names `keys`.
fn entry_matches(entry: &str, keys: &[&str]) -> bool {
    let mut segments = entry.split('.');
    for key in keys {
        match segments.next() {
            Some(segment) if segment == "*" || segment == *key => {}
            _ => return false,
        }
    }
    segments.next().is_none()
}

/// Whether a manifest entry's key lies strictly below `keys`.
fn entry_below(entry: &str, keys: &[&str]) -> bool {
    let segments: Vec<&str> = entry.split('.').collect();
    segments.len() > keys.len() && entry_matches(&segments[..keys.len()].join("."), keys)
}

fn find_entry<'m>(manifest: &'m Manifest, keys: &[&str]) -> Option<&'m ExternalKey> {
    manifest
        .external
        .iter()
        .find(|e| entry_matches(&e.key, keys))
}

fn key_status(manifest: &Manifest, keys: &[&str], indexed: bool) -> KeyStatus {
    let full = keys.join(".");
    if let Some(entry) = find_entry(manifest, keys) {
        if indexed {
            return match entry.ty {
                ValueType::Map | ValueType::Any if entry.referenceable => KeyStatus::Fine,
                ValueType::Array => KeyStatus::NotReferenceable(format!("`{full}` is an array")),
                ty => KeyStatus::NotReferenceable(format!(
                    "`{full}` is {}, it has no index",
                    article(ty)
                )),
            };
        }
        if !entry.referenceable {
            return KeyStatus::NotReferenceable(format!(
                "the manifest lists `{full}` ({}) as not referenceable",
                entry.ty
            ));
        }
        return if entry.required {
            KeyStatus::Fine
        } else {
            KeyStatus::Optional
        };
    }
    for len in (1..keys.len()).rev() {
        let Some(parent) = find_entry(manifest, &keys[..len]) else {
            continue;
        };
        let parent_key = keys[..len].join(".");
        return match parent.ty {
            _ if parent.truncated => KeyStatus::Fine,
            ValueType::Map | ValueType::Any if parent.required => KeyStatus::Fine,
            ValueType::Map | ValueType::Any => KeyStatus::Optional,
            ValueType::Object => KeyStatus::Unknown,
            ValueType::Array => KeyStatus::NotReferenceable(format!("`{parent_key}` is an array")),
            ty @ (ValueType::String | ValueType::Number | ValueType::Boolean) => {
                KeyStatus::NotObject {
                    parent: parent_key,
                    ty,
                }
            }
        };
    }
    if manifest.external.iter().any(|e| entry_below(&e.key, keys)) {
        return KeyStatus::Fine;
    }
    KeyStatus::Unknown
}

fn referenceable_keys(manifest: &Manifest) -> impl Iterator<Item = &str> {
    manifest
        .external
        .iter()
        .filter(|e| e.referenceable && !e.key.split('.').any(|s| s == "*"))
        .map(|e| e.key.as_str())
}

fn returns_list(manifest: &Manifest) -> String {
    let keys: Vec<String> = referenceable_keys(manifest)
        .take(8)
        .map(|k| format!("`{k}`"))
        .collect();
    let more = referenceable_keys(manifest)
        .count()
        .saturating_sub(keys.len());
    match (keys.is_empty(), more) {
        (true, _) => format!("{} returns no key a flow can reference", manifest.handler),
        (false, 0) => format!("{} returns {}", manifest.handler, keys.join(", ")),
        (false, more) => format!(
            "{} returns {} and {more} more",
            manifest.handler,
            keys.join(", ")
        ),
    }
}

/// The candidate nearest to `target` by edit distance, when near enough to
/// be a misspelling: a case-insensitive match first, then the smallest
/// edit distance (optimal string alignment: a swap of two neighbours counts one) no greater than a third of the length (at least 1),
/// the earliest candidate on a tie.
///
/// ```
/// use connect_flow::findings::nearest;
///
/// let keys = ["customerBalance", "customerName"];
/// assert_eq!(nearest("customerBalanse", keys), Some("customerBalance".to_owned()));
/// assert_eq!(nearest("CUSTOMERNAME", keys), Some("customerName".to_owned()));
/// assert_eq!(nearest("orderId", keys), None);
/// ```
pub fn nearest<'c>(target: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<String> {
    let candidates: Vec<&str> = candidates.into_iter().filter(|c| *c != target).collect();
    if let Some(same) = candidates.iter().find(|c| c.eq_ignore_ascii_case(target)) {
        return Some((*same).to_owned());
    }
    let limit = (target.chars().count().max(3)) / 3;
    candidates
        .iter()
        .map(|c| (strsim::osa_distance(target, c), *c))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c.to_owned())
}

/// Why a literal parameter value cannot be of type `ty`, or `None` when it
/// can (or is not a literal).
fn literal_misfit(value: &Value, ty: ValueType) -> Option<String> {
    match value {
        Value::String(s) if s.contains("$.") => None,
        Value::String(s) => {
            let fits = match ty {
                ValueType::Number => serde_json::from_str::<serde_json::Number>(s.trim()).is_ok(),
                ValueType::Boolean => {
                    s.trim().eq_ignore_ascii_case("true") || s.trim().eq_ignore_ascii_case("false")
                }
                ValueType::Object | ValueType::Map => {
                    matches!(serde_json::from_str::<Value>(s), Ok(Value::Object(_)))
                }
                ValueType::Array => matches!(serde_json::from_str::<Value>(s), Ok(Value::Array(_))),
                ValueType::String | ValueType::Any => true,
            };
            (!fits).then(|| format!("the literal {s:?}"))
        }
        Value::Number(_) => (!matches!(ty, ValueType::Number | ValueType::String | ValueType::Any))
            .then(|| "a number".into()),
        Value::Bool(_) => (!matches!(ty, ValueType::Boolean | ValueType::String | ValueType::Any))
            .then(|| "a boolean".into()),
        Value::Object(_) => (!matches!(ty, ValueType::Object | ValueType::Map | ValueType::Any))
            .then(|| "an object".into()),
        Value::Array(_) => {
            (!matches!(ty, ValueType::Array | ValueType::Any)).then(|| "an array".into())
        }
        Value::Null => None,
    }
}

fn article(ty: ValueType) -> String {
    match ty {
        ValueType::Object | ValueType::Array | ValueType::Any => format!("an {ty}"),
        _ => format!("a {ty}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(external: &str) -> Manifest {
        serde_json::from_str(&format!(
            r#"{{"manifestVersion": 1, "handler": "h", "responseValidation": "JSON", "external": [{external}]}}"#
        ))
        .unwrap()
    }

    fn entry(key: &str, ty: &str, required: bool) -> String {
        let referenceable = ty != "array";
        format!(
            r#"{{"path": "$.External.{key}", "key": "{key}", "type": "{ty}", "required": {required}, "referenceable": {referenceable}}}"#
        )
    }

    fn status(m: &Manifest, key: &str, indexed: bool) -> &'static str {
        let keys: Vec<&str> = key.split('.').collect();
        match key_status(m, &keys, indexed) {
            KeyStatus::Fine => "fine",
            KeyStatus::Optional => "optional",
            KeyStatus::Unknown => "unknown",
            KeyStatus::NotReferenceable(_) => "not-referenceable",
            KeyStatus::NotObject { .. } => "not-object",
        }
    }

    #[test]
    fn key_lookup() {
        let m = manifest(
            &[
                entry("balance", "string", true),
                entry("nick", "string", false),
                entry("Name", "object", true),
                entry("Name.First", "string", true),
                entry("items", "array", true),
                entry("extra", "map", true),
                entry("raw", "any", false),
                entry("Deep.Inner.Leaf", "number", true),
            ]
            .join(","),
        );
        assert_eq!(status(&m, "balance", false), "fine");
        assert_eq!(status(&m, "nick", false), "optional");
        assert_eq!(status(&m, "missing", false), "unknown");
        assert_eq!(status(&m, "Name.First", false), "fine");
        assert_eq!(status(&m, "Name.Last", false), "unknown");
        assert_eq!(status(&m, "balance.cents", false), "not-object");
        assert_eq!(status(&m, "items", false), "not-referenceable");
        assert_eq!(status(&m, "items", true), "not-referenceable");
        assert_eq!(status(&m, "items.x", false), "not-referenceable");
        assert_eq!(status(&m, "extra.anything.below", false), "fine");
        assert_eq!(status(&m, "raw.x", false), "optional");
        assert_eq!(status(&m, "Deep", false), "fine");
        assert_eq!(status(&m, "Deep.Inner", false), "fine");
        assert_eq!(status(&m, "Deep.Other", false), "unknown");
        assert_eq!(status(&m, "balance", true), "not-referenceable");
    }

    #[test]
    fn wildcard_keys() {
        let m = manifest(&[entry("*", "string", true), entry("meta.*", "string", false)].join(","));
        assert_eq!(status(&m, "anything", false), "fine");
        assert_eq!(status(&m, "meta.x", false), "optional");
        assert_eq!(status(&m, "anything.below", false), "not-object");
    }

    #[test]
    fn nearest_keys() {
        let keys = ["customerBalance", "customerName", "a"];
        assert_eq!(
            nearest("customerBalanse", keys),
            Some("customerBalance".into())
        );
        assert_eq!(nearest("b", keys), Some("a".into()));
        assert_eq!(nearest("xyz", keys), None);
        assert_eq!(nearest("customer", keys), None);
        assert_eq!(nearest("nmae", ["name", "age"]), Some("name".into()));
    }

    #[test]
    fn literals() {
        use serde_json::json;
        assert!(literal_misfit(&json!("abc"), ValueType::Number).is_some());
        assert!(literal_misfit(&json!("12.5"), ValueType::Number).is_none());
        assert!(literal_misfit(&json!("$.Attributes.age"), ValueType::Number).is_none());
        assert!(literal_misfit(&json!("yes"), ValueType::Boolean).is_some());
        assert!(literal_misfit(&json!("True"), ValueType::Boolean).is_none());
        assert!(literal_misfit(&json!("anything"), ValueType::String).is_none());
        assert!(literal_misfit(&json!(5), ValueType::Boolean).is_some());
        assert!(literal_misfit(&json!({"a": 1}), ValueType::Object).is_none());
        assert!(literal_misfit(&json!("{\"a\": 1}"), ValueType::Map).is_none());
        assert!(literal_misfit(&json!("plain"), ValueType::Object).is_some());
    }

    #[test]
    fn paths_of_strings() {
        let params: Map<String, Value> = serde_json::from_str(
            r#"{"Text": "a", "Attributes": {"x": "b"}, "Messages": [{"Text": "c"}], "N": 1}"#,
        )
        .unwrap();
        let mut fields: Vec<String> = strings(&params).into_iter().map(|(f, _)| f).collect();
        fields.sort();
        assert_eq!(fields, ["Attributes.x", "Messages[0].Text", "Text"]);
    }

    fn run_check(actions: &str, start: &str, manifests: &[&str]) -> Vec<(Code, String, String)> {
        let flow = Flow::from_slice(
            format!(
                r#"{{"Version": "2019-10-30", "StartAction": "{start}", "Actions": [{actions}]}}"#
            )
            .as_bytes(),
            "f.json",
        )
        .unwrap();
        let mut set = Manifests::new();
        for (i, m) in manifests.iter().enumerate() {
            set.add(LoadedManifest::from_slice(m.as_bytes(), format!("m{i}.json")).unwrap());
        }
        check(&[flow], &set)
            .unwrap()
            .into_iter()
            .map(|f| {
                (
                    f.code,
                    f.action.unwrap_or_default(),
                    f.field.unwrap_or_default(),
                )
            })
            .collect()
    }

    fn invoke(id: &str, function: &str, validation: &str, next: &str) -> String {
        format!(
            r#"{{"Identifier": "{id}", "Type": "InvokeLambdaFunction", "Parameters": {{
                "LambdaFunctionARN": "arn:aws:lambda:us-east-1:1:function:{function}",
                "InvocationTimeLimitSeconds": "8", "ResponseValidation": {{"ResponseType": "{validation}"}}}},
                "Transitions": {{"NextAction": "{next}", "Errors": [{{"ErrorType": "NoMatchingError", "NextAction": "end"}}]}}}}"#
        )
    }

    const PROFILE: &str = r#"{"manifestVersion": 1, "handler": "profile", "responseValidation": "JSON", "external": [
        {"path": "$.External.Name", "key": "Name", "type": "object", "required": true, "referenceable": true},
        {"path": "$.External.Name.First", "key": "Name.First", "type": "string", "required": true, "referenceable": true}]}"#;

    #[test]
    fn the_blocks_validation_matters_not_only_the_function() {
        // The same JSON Lambda behind a JSON block and a STRING_MAP block, both
        // leading to one read of a nested key.
        let actions = [
            r#"{"Identifier": "pick", "Type": "Compare", "Parameters": {"ComparisonValue": "$.Attributes.x"},
                "Transitions": {"NextAction": "json", "Conditions": [{"NextAction": "flat",
                  "Condition": {"Operator": "Equals", "Operands": ["1"]}}]}}"#
                .to_owned(),
            invoke("json", "Profile", "JSON", "say"),
            invoke("flat", "Profile", "STRING_MAP", "say"),
            r#"{"Identifier": "say", "Type": "MessageParticipant", "Parameters": {"Text": "$.External.Name.First"},
                "Transitions": {"NextAction": "end"}}"#
                .to_owned(),
            r#"{"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}"#.to_owned(),
        ]
        .join(",");
        assert_eq!(
            run_check(&actions, "pick", &[PROFILE]),
            [
                (
                    Code::ValidationMismatch,
                    "flat".into(),
                    "ResponseValidation.ResponseType".into()
                ),
                (Code::NestedUnderStringMap, "say".into(), "Text".into()),
            ]
        );
    }

    #[test]
    fn one_finding_when_one_lambda_is_behind_two_blocks() {
        let actions = [
            r#"{"Identifier": "pick", "Type": "Compare", "Parameters": {"ComparisonValue": "$.Attributes.x"},
                "Transitions": {"NextAction": "a", "Conditions": [{"NextAction": "b",
                  "Condition": {"Operator": "Equals", "Operands": ["1"]}}]}}"#
                .to_owned(),
            invoke("a", "Profile", "JSON", "say"),
            invoke("b", "Profile", "JSON", "say"),
            r#"{"Identifier": "say", "Type": "MessageParticipant", "Parameters": {"Text": "$.External.Nmae"},
                "Transitions": {"NextAction": "end"}}"#
                .to_owned(),
            r#"{"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}"#.to_owned(),
        ]
        .join(",");
        assert_eq!(
            run_check(&actions, "pick", &[PROFILE]),
            [(Code::UnknownKey, "say".into(), "Text".into())]
        );
    }

    #[test]
    fn a_missing_start_action_is_a_dangling_transition() {
        let actions = r#"{"Identifier": "a", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}"#;
        assert_eq!(
            run_check(actions, "gone", &[]),
            [(
                Code::DanglingTransition,
                "gone".into(),
                "StartAction".into()
            )]
        );
    }

    #[test]
    fn references_in_a_dynamic_arn_are_checked() {
        let actions = [
            invoke("first", "Profile", "JSON", "second"),
            r#"{"Identifier": "second", "Type": "InvokeLambdaFunction", "Parameters": {
                "LambdaFunctionARN": "$.External.nextArn", "InvocationTimeLimitSeconds": "8"},
                "Transitions": {"NextAction": "end", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "end"}]}}"#
                .to_owned(),
            r#"{"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}"#.to_owned(),
        ]
        .join(",");
        assert_eq!(
            run_check(&actions, "first", &[PROFILE]),
            [
                (
                    Code::UnknownKey,
                    "second".into(),
                    "LambdaFunctionARN".into()
                ),
                (
                    Code::NoManifest,
                    "second".into(),
                    "LambdaFunctionARN".into()
                ),
            ]
        );
    }

    #[test]
    fn a_loaded_asynchronous_result_is_checked_like_a_response() {
        let actions = r#"
            {"Identifier": "go", "Type": "InvokeLambdaFunction", "Parameters": {
                "LambdaFunctionARN": "arn:aws:lambda:us-east-1:1:function:Profile",
                "InvocationType": "ASYNCHRONOUS", "InvocationTimeLimitSeconds": "30",
                "ResponseValidation": {"ResponseType": "JSON"}},
             "Transitions": {"NextAction": "early", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "end"}]}},
            {"Identifier": "early", "Type": "MessageParticipant", "Parameters": {"Text": "$.External.Name.First"},
             "Transitions": {"NextAction": "load"}},
            {"Identifier": "load", "Type": "InvokeLambdaFunction", "Parameters": {},
             "Transitions": {"NextAction": "late", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "end"}]}},
            {"Identifier": "late", "Type": "MessageParticipant", "Parameters": {"Text": "$.External.Name.Frist"},
             "Transitions": {"NextAction": "end"}},
            {"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}"#;
        assert_eq!(
            run_check(actions, "go", &[PROFILE]),
            [
                (Code::AsyncResultNotLoaded, "early".into(), "Text".into()),
                (Code::UnknownKey, "late".into(), "Text".into()),
            ]
        );
    }

    #[test]
    fn codes_in_design_order_with_severities() {
        let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            names,
            [
                "unknown-key",
                "nested-under-string-map",
                "not-referenceable",
                "validation-mismatch",
                "missing-parameter",
                "duplicate-identifier",
                "optional-key",
                "no-lambda-ran",
                "after-lambda-error",
                "unused-parameter",
                "no-manifest",
                "dangling-transition",
                "invalid-timeout",
                "async-result-not-loaded",
                "parameter-type",
                "unused-manifest",
            ]
        );
        let mut sorted = Code::ALL;
        sorted.sort();
        assert_eq!(sorted, Code::ALL);
        let errors: Vec<&str> = Code::ALL
            .iter()
            .filter(|c| c.severity() == Severity::Error)
            .map(|c| c.as_str())
            .collect();
        assert_eq!(
            errors,
            [
                "unknown-key",
                "nested-under-string-map",
                "not-referenceable",
                "validation-mismatch",
                "missing-parameter",
                "duplicate-identifier",
                "invalid-timeout"
            ]
        );
    }
}
