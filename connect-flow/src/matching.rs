//! Finding the manifest of the Lambda an action invokes.
//!
//! A manifest matches an `InvokeLambdaFunction` action by the function name at
//! the end of its `LambdaFunctionARN`
//! (`arn:aws:lambda:region:acct:function:NAME`, an alias or version qualifier
//! dropped), compared with the manifest's `function`, or else its `handler`,
//! ignoring case, `-` and `_`. `--map ARN=M.json` matches an exact
//! `LambdaFunctionARN` string instead and wins over name matching: real
//! exports hold deployment placeholders (`${Fn.Arn}`, `%%NAME%%`) or dynamic
//! references there.
//!
//! ```
//! use connect_flow::arn::{function_name, same_function};
//!
//! let arn = "arn:aws:lambda:eu-west-2:123456789012:function:MyFirstConnectLambda:live";
//! assert_eq!(function_name(arn), Some("MyFirstConnectLambda"));
//! assert!(same_function("MyFirstConnectLambda", "my_first_connect_lambda"));
//! ```

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use connect_types::error::value_kind;
use connect_types::manifest::{Manifest, MANIFEST_VERSION, READ_VERSIONS};
use serde_json::Value;

use crate::designer::BlockName;
use crate::error::InputError;
use crate::model::{FunctionRef, Model};

pub use crate::arn::{function_name, normalize, same_function};

/// A manifest and the file it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedManifest {
    /// The file, for messages.
    pub path: PathBuf,
    /// Its content.
    pub manifest: Manifest,
}

impl LoadedManifest {
    /// The name the manifest is matched on: `function`, or else `handler`.
    pub fn match_name(&self) -> &str {
        self.manifest
            .function
            .as_deref()
            .unwrap_or(&self.manifest.handler)
    }

    /// Reads the manifest in the file at `path`.
    ///
    /// # Errors
    /// [`InputError`] when the file is missing, not JSON, of another
    /// `manifestVersion`, or not of the manifest's shape.
    pub fn load(path: &Path) -> Result<LoadedManifest, InputError> {
        let bytes = std::fs::read(path).map_err(|source| InputError::Read {
            path: path.to_owned(),
            source,
        })?;
        LoadedManifest::from_slice(&bytes, path)
    }

    /// Parses a manifest from JSON bytes; `path` is used in messages only.
    ///
    /// # Errors
    /// As [`LoadedManifest::load`], except for reading the file.
    ///
    /// ```
    /// use connect_flow::matching::LoadedManifest;
    ///
    /// let m = LoadedManifest::from_slice(br#"{"manifestVersion": 1, "handler": "balance",
    ///     "responseValidation": "STRING_MAP", "external": []}"#, "balance.json").unwrap();
    /// assert_eq!(m.match_name(), "balance");
    ///
    /// let err = LoadedManifest::from_slice(br#"{"manifestVersion": 3}"#, "v3.json").unwrap_err();
    /// assert_eq!(err.to_string(),
    ///     "v3.json: unsupported manifestVersion 3: this checker reads manifestVersion 1 to 2");
    /// ```
    pub fn from_slice(bytes: &[u8], path: impl AsRef<Path>) -> Result<LoadedManifest, InputError> {
        let path = path.as_ref();
        let malformed = |reason: String| InputError::MalformedManifest {
            path: path.to_owned(),
            reason,
        };
        let value = InputError::parse_json(bytes, path)?;
        let Value::Object(root) = &value else {
            return Err(malformed(format!(
                "expected a JSON object, found {}",
                value_kind(&value)
            )));
        };
        match root.get("manifestVersion") {
            None => return Err(malformed("manifestVersion is missing".into())),
            Some(Value::Number(n)) => match n.as_u64() {
                Some(v) if u32::try_from(v).is_ok_and(|v| READ_VERSIONS.contains(&v)) => {}
                Some(found) => {
                    return Err(InputError::ManifestVersion {
                        path: path.to_owned(),
                        found,
                        expected: MANIFEST_VERSION,
                    })
                }
                None => return Err(malformed("manifestVersion: expected a whole number".into())),
            },
            Some(other) => {
                return Err(malformed(format!(
                    "manifestVersion: expected a number, found {}",
                    value_kind(other)
                )))
            }
        }
        let manifest: Manifest = serde_path_to_error::deserialize(&value).map_err(|e| {
            let at = e.path().to_string();
            let inner = e.into_inner().to_string();
            if at == "." {
                malformed(inner)
            } else {
                malformed(format!("{at}: {inner}"))
            }
        })?;
        if manifest.handler.is_empty() {
            return Err(malformed(
                "handler: expected a name, found an empty string".into(),
            ));
        }
        Ok(LoadedManifest {
            path: path.to_owned(),
            manifest,
        })
    }
}

/// Why an action has the manifest it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    /// `--map` named the exact ARN string; the index into the manifests.
    Mapped(usize),
    /// The function name matched; the index into the manifests.
    Named(usize),
    /// A deployment placeholder (`${GetBalance.Arn}`, `<<getBalanceLambdaArn>>`)
    /// names exactly one manifest's `function` or `handler`; the index into
    /// the manifests.
    Paired(usize),
    /// A placeholder that names more than one manifest: paired with none
    /// (the indices of every one it names).
    Undecided(Vec<usize>),
    /// No manifest matches this ARN.
    Unmatched,
}

impl Match {
    /// The manifest's index, when one matched.
    pub fn index(&self) -> Option<usize> {
        match self {
            Match::Mapped(i) | Match::Named(i) | Match::Paired(i) => Some(*i),
            Match::Undecided(_) | Match::Unmatched => None,
        }
    }
}

/// Two or more manifests match one function name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ambiguous {
    /// The function name taken from the ARN.
    pub function: String,
    /// The indices of every matching manifest.
    pub manifests: Vec<usize>,
}

/// The manifests of one check and the `--map` table.
///
/// ```
/// use connect_flow::matching::{LoadedManifest, Manifests, Match};
///
/// let balance = LoadedManifest::from_slice(br#"{"manifestVersion": 1, "handler": "get_balance",
///     "responseValidation": "STRING_MAP"}"#, "balance.json").unwrap();
/// let mut manifests = Manifests::new();
/// let index = manifests.add(balance);
/// manifests.map("${Balance.Arn}", index);
/// assert_eq!(manifests.resolve("${Balance.Arn}"), Ok(Match::Mapped(index)));
/// assert_eq!(manifests.resolve("arn:aws:lambda:us-east-1:1:function:GetBalance"),
///            Ok(Match::Named(index)));
/// assert_eq!(manifests.resolve("arn:aws:lambda:us-east-1:1:function:Other"), Ok(Match::Unmatched));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Manifests {
    loaded: Vec<LoadedManifest>,
    by_arn: BTreeMap<String, usize>,
}

impl Manifests {
    /// An empty set.
    pub fn new() -> Self {
        Manifests::default()
    }

    /// Adds a manifest (once per file: a file added twice keeps its first
    /// index) and returns its index.
    pub fn add(&mut self, manifest: LoadedManifest) -> usize {
        if let Some(i) = self.loaded.iter().position(|m| m.path == manifest.path) {
            return i;
        }
        self.loaded.push(manifest);
        self.loaded.len() - 1
    }

    /// Maps an exact `LambdaFunctionARN` string to a manifest; a later map of
    /// the same string replaces an earlier one.
    pub fn map(&mut self, arn: impl Into<String>, index: usize) {
        self.by_arn.insert(arn.into(), index);
    }

    /// Every manifest, in the order added.
    pub fn all(&self) -> &[LoadedManifest] {
        &self.loaded
    }

    /// The manifest at `index`.
    pub fn get(&self, index: usize) -> Option<&LoadedManifest> {
        self.loaded.get(index)
    }

    /// The manifest for an action whose `LambdaFunctionARN` is `arn`: as
    /// [`Manifests::resolve_ref`] of the value read.
    ///
    /// # Errors
    /// As [`Manifests::resolve_ref`].
    pub fn resolve(&self, arn: &str) -> Result<Match, Ambiguous> {
        self.resolve_ref(&FunctionRef::parse(arn))
    }

    /// The manifest for a block invoking `function`: the `--map` naming its
    /// exact text, else the one manifest of its function name, else the one
    /// manifest its placeholder's name pairs with.
    ///
    /// # Errors
    /// [`Ambiguous`] when no `--map` names the ARN and more than one manifest
    /// matches its function name.
    pub fn resolve_ref(&self, function: &FunctionRef) -> Result<Match, Ambiguous> {
        if let Some(&index) = function.text().and_then(|text| self.by_arn.get(text)) {
            return Ok(Match::Mapped(index));
        }
        match function {
            FunctionRef::Named { name, .. } => {
                let matching: Vec<usize> = self
                    .loaded
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| function.pairs_with(m.match_name()))
                    .map(|(i, _)| i)
                    .collect();
                match matching.as_slice() {
                    [] => Ok(Match::Unmatched),
                    [one] => Ok(Match::Named(*one)),
                    _ => Err(Ambiguous {
                        function: name.clone(),
                        manifests: matching,
                    }),
                }
            }
            FunctionRef::Placeholder { .. } => {
                let named: Vec<usize> = self
                    .loaded
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| {
                        function.pairs_with(m.match_name())
                            || function.pairs_with(&m.manifest.handler)
                    })
                    .map(|(i, _)| i)
                    .collect();
                Ok(match named.as_slice() {
                    [] => Match::Unmatched,
                    [one] => Match::Paired(*one),
                    _ => Match::Undecided(named),
                })
            }
            FunctionRef::Runtime(_) | FunctionRef::Other(_) | FunctionRef::Missing => {
                Ok(Match::Unmatched)
            }
        }
    }

    /// Every placeholder `LambdaFunctionARN` of the model paired by name (not
    /// by `--map`), once each, in the order first used: the placeholder,
    /// the flow and the block first using it, and the manifest's index. The
    /// command line prints a note for each, so a pairing is never silent.
    pub fn pairings<'m>(&self, model: &'m Model) -> Vec<Pairing<'m>> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for flow in &model.flows {
            for (index, block) in flow.blocks.iter().enumerate() {
                let Some(function) = flow.function(index) else {
                    continue;
                };
                let FunctionRef::Placeholder { placeholder, text } = function else {
                    continue;
                };
                if !seen.insert(text.as_str()) {
                    continue;
                }
                if let Ok(Match::Paired(manifest)) = self.resolve_ref(function) {
                    out.push(Pairing {
                        placeholder: text,
                        name: placeholder.name(),
                        flow: &flow.flow.path,
                        resource: flow.flow.resource.as_deref(),
                        block: &block.name,
                        manifest,
                    });
                }
            }
        }
        out
    }
}

/// A placeholder paired with a manifest by name, where first used.
#[derive(Debug, Clone, PartialEq)]
pub struct Pairing<'m> {
    /// The `LambdaFunctionARN` as written.
    pub placeholder: &'m str,
    /// The name the placeholder carries.
    pub name: &'m str,
    /// The flow of the first block using it.
    pub flow: &'m Path,
    /// That flow's CloudFormation logical id, when it came from a template
    /// (one template holds several flows).
    pub resource: Option<&'m str>,
    /// That block.
    pub block: &'m BlockName,
    /// The manifest's index.
    pub manifest: usize,
}

/// Reads a `--map-file`: a JSON object of `LambdaFunctionARN` string to
/// manifest path, a path relative to the map file's folder.
///
/// # Errors
/// [`InputError::Read`] or [`InputError::Json`] for the file,
/// [`InputError::BadMapFile`] when it is not an object of strings.
///
/// ```
/// use connect_flow::matching::parse_map_file;
///
/// let maps = parse_map_file(br#"{"${GetBalance.Arn}": "manifests/balance.json"}"#,
///                           "deploy/maps.json").unwrap();
/// assert_eq!(maps[0].0, "${GetBalance.Arn}");
/// assert_eq!(maps[0].1, std::path::Path::new("deploy/manifests/balance.json"));
/// assert!(parse_map_file(br#"{"${GetBalance.Arn}": 7}"#, "maps.json").is_err());
/// ```
pub fn parse_map_file(
    bytes: &[u8],
    path: impl AsRef<Path>,
) -> Result<Vec<(String, PathBuf)>, InputError> {
    let path = path.as_ref();
    let value = InputError::parse_json(bytes, path)?;
    let bad = |reason: String| InputError::BadMapFile {
        path: path.to_owned(),
        reason,
    };
    let Value::Object(entries) = value else {
        return Err(bad(format!(
            "expected a JSON object of LambdaFunctionARN to manifest path, found {}",
            value_kind(&value)
        )));
    };
    let folder = path.parent().unwrap_or(Path::new(""));
    entries
        .into_iter()
        .map(|(arn, target)| match target {
            Value::String(manifest) if !manifest.is_empty() => Ok((arn, folder.join(manifest))),
            Value::String(_) => Err(bad(format!(
                "the value of {arn:?} is empty: expected a manifest path"
            ))),
            other => Err(bad(format!(
                "the value of {arn:?}: expected a manifest path (a string), found {}",
                value_kind(&other)
            ))),
        })
        .collect()
}

/// Splits a `--map` argument at its first `=`.
///
/// # Errors
/// [`InputError::BadMap`] when there is no `=`, or either side is empty.
///
/// ```
/// use connect_flow::matching::parse_map;
/// let (arn, path) = parse_map("${Fn.Arn}=manifests/balance.json").unwrap();
/// assert_eq!((arn.as_str(), path.to_str().unwrap()), ("${Fn.Arn}", "manifests/balance.json"));
/// assert!(parse_map("no-equals-sign").is_err());
/// ```
pub fn parse_map(argument: &str) -> Result<(String, PathBuf), InputError> {
    match argument.split_once('=') {
        Some((arn, path)) if !arn.is_empty() && !path.is_empty() => {
            Ok((arn.to_owned(), PathBuf::from(path)))
        }
        _ => Err(InputError::BadMap {
            argument: argument.to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(path: &str, handler: &str, function: Option<&str>) -> LoadedManifest {
        let function = function
            .map(|f| format!(r#", "function": "{f}""#))
            .unwrap_or_default();
        LoadedManifest::from_slice(
            format!(
                r#"{{"manifestVersion": 1, "handler": "{handler}"{function}, "responseValidation": "STRING_MAP"}}"#
            )
            .as_bytes(),
            path,
        )
        .unwrap()
    }

    #[test]
    fn function_names_from_arns() {
        let base = "arn:aws:lambda:us-east-1:123456789012:function:";
        assert_eq!(function_name(&format!("{base}Fn")), Some("Fn"));
        assert_eq!(function_name(&format!("{base}Fn:$LATEST")), Some("Fn"));
        assert_eq!(function_name(&format!("{base}Fn:prod")), Some("Fn"));
        assert_eq!(
            function_name("arn:aws-cn:lambda:cn-north-1:1:function:a_b-c"),
            Some("a_b-c")
        );
        assert_eq!(
            function_name("arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:Balance"),
            Some("Balance")
        );
        assert_eq!(function_name("123456789012:function:Fn"), Some("Fn"));
    }

    #[test]
    fn placeholders_and_dynamic_arns_have_no_name() {
        for arn in [
            "${GetBalance.Arn}",
            "%%GET_BALANCE_ARN%%",
            "<<getBalanceArn>>",
            "{{resolve:ssm:balance-arn}}",
            "$.FlowAttributes.lambdaArn",
            "$.Attributes.arn",
            "arn:aws:lambda:us-east-1:1:function:",
            "arn:aws:lambda:us-east-1:1:function:%%NAME%%",
            "arn:aws:lambda:us-east-1:1:function:${Name}",
            "",
            "GetBalance",
        ] {
            assert_eq!(function_name(arn), None, "{arn}");
        }
    }

    #[test]
    fn names_compare_without_case_dash_underscore() {
        assert!(same_function(
            "MyFirstConnectLambda",
            "my_first_connect_lambda"
        ));
        assert!(same_function(
            "my-first-connect-lambda",
            "MY_FIRST_CONNECT_LAMBDA"
        ));
        assert!(!same_function(
            "my-first-connect-lambda",
            "my first connect lambda"
        ));
        assert!(!same_function("balance", "balance2"));
    }

    #[test]
    fn function_wins_over_handler() {
        let mut set = Manifests::new();
        let i = set.add(manifest("a.json", "get_balance", Some("BalanceLookup")));
        let arn = |name: &str| format!("arn:aws:lambda:us-east-1:1:function:{name}");
        assert_eq!(set.resolve(&arn("balance-lookup")), Ok(Match::Named(i)));
        assert_eq!(set.resolve(&arn("GetBalance")), Ok(Match::Unmatched));
    }

    #[test]
    fn map_overrides_names_and_later_map_replaces_earlier() {
        let mut set = Manifests::new();
        let a = set.add(manifest("a.json", "get_balance", None));
        let b = set.add(manifest("b.json", "other", None));
        let arn = "arn:aws:lambda:us-east-1:1:function:GetBalance";
        assert_eq!(set.resolve(arn), Ok(Match::Named(a)));
        set.map(arn, b);
        assert_eq!(set.resolve(arn), Ok(Match::Mapped(b)));
        set.map(arn, a);
        assert_eq!(set.resolve(arn), Ok(Match::Mapped(a)));
    }

    #[test]
    fn two_manifests_for_one_name_are_ambiguous() {
        let mut set = Manifests::new();
        set.add(manifest("a.json", "get_balance", None));
        set.add(manifest("b.json", "GetBalance", None));
        let arn = "arn:aws:lambda:us-east-1:1:function:get-balance";
        assert_eq!(
            set.resolve(arn),
            Err(Ambiguous {
                function: "get-balance".into(),
                manifests: vec![0, 1]
            })
        );
        set.map(arn, 1);
        assert_eq!(set.resolve(arn), Ok(Match::Mapped(1)));
    }

    #[test]
    fn same_file_added_twice_is_one_manifest() {
        let mut set = Manifests::new();
        let a = set.add(manifest("a.json", "x", None));
        let again = set.add(manifest("a.json", "x", None));
        assert_eq!(a, again);
        assert_eq!(set.all().len(), 1);
    }

    #[test]
    fn manifest_errors() {
        let err = LoadedManifest::from_slice(b"[1]", "m.json").unwrap_err();
        assert_eq!(
            err.to_string(),
            "m.json: malformed manifest: expected a JSON object, found an array"
        );
        let err = LoadedManifest::from_slice(br#"{"handler": "x"}"#, "m.json").unwrap_err();
        assert_eq!(
            err.to_string(),
            "m.json: malformed manifest: manifestVersion is missing"
        );
        let err = LoadedManifest::from_slice(
            br#"{"manifestVersion": 1, "handler": "x", "responseValidation": "STRING_MAP",
                 "parameters": [{"key": "a", "type": "strng", "required": true}]}"#,
            "m.json",
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.starts_with(
                "m.json: malformed manifest: parameters[0].type: unknown variant `strng`"
            ),
            "{err}"
        );
        let err =
            LoadedManifest::from_slice(br#"{"manifestVersion": 1, "handler": "x"}"#, "m.json")
                .unwrap_err()
                .to_string();
        assert!(err.contains("missing field `responseValidation`"), "{err}");
        let err = LoadedManifest::from_slice(br#"{"manifestVersion": "1"}"#, "m.json").unwrap_err();
        assert!(err
            .to_string()
            .contains("manifestVersion: expected a number, found a string"));
    }

    /// Every placeholder form deployment tools write pairs with the one
    /// manifest its name names, by `function` or by `handler`.
    #[test]
    fn placeholders_pair_by_name() {
        let mut set = Manifests::new();
        let balance = set.add(manifest("balance.json", "get_balance", None));
        let hours = set.add(manifest("hours.json", "hours", Some("CheckHours")));
        for (arn, index) in [
            // Terraform
            ("${aws_lambda_function.get_balance.arn}", balance),
            // CloudFormation, SAM, CDK
            ("${LambdaGetBalance.Arn}", balance),
            ("${GetBalanceFunction.Arn}", balance),
            ("!GetAtt GetBalanceFunction.Arn", balance),
            // scripts
            ("<<checkHoursLambdaArn>>", hours),
            ("{{lambdaFunctions.checkHours.arn}}", hours),
            ("%%CHECK_HOURS_ARN%%", hours),
            // a bare name
            ("get-balance-lambda-arn", balance),
        ] {
            assert_eq!(set.resolve(arn), Ok(Match::Paired(index)), "{arn}");
        }
        assert_eq!(set.resolve("${GetBalances.Arn}"), Ok(Match::Unmatched));
        assert_eq!(
            set.resolve("{{resolve:ssm:balance-arn}}"),
            Ok(Match::Unmatched)
        );
    }

    #[test]
    fn map_wins_over_pairing() {
        let mut set = Manifests::new();
        set.add(manifest("balance.json", "get_balance", None));
        let other = set.add(manifest("other.json", "other", None));
        set.map("${LambdaGetBalance.Arn}", other);
        assert_eq!(
            set.resolve("${LambdaGetBalance.Arn}"),
            Ok(Match::Mapped(other))
        );
    }

    /// A placeholder that fits two manifests pairs with neither.
    #[test]
    fn a_placeholder_fitting_two_manifests_is_undecided() {
        let mut set = Manifests::new();
        let a = set.add(manifest("a.json", "get_balance", None));
        let b = set.add(manifest("b.json", "balance_v2", Some("GetBalance")));
        assert_eq!(
            set.resolve("${LambdaGetBalance.Arn}"),
            Ok(Match::Undecided(vec![a, b]))
        );
        assert_eq!(Match::Undecided(vec![a, b]).index(), None);
    }

    #[test]
    fn map_files() {
        let maps = parse_map_file(
            br#"{"${A.Arn}": "a.json", "<<bLambdaArn>>": "../m/b.json"}"#,
            "deploy/maps.json",
        )
        .unwrap();
        assert_eq!(
            maps,
            [
                ("${A.Arn}".to_owned(), PathBuf::from("deploy/a.json")),
                (
                    "<<bLambdaArn>>".to_owned(),
                    PathBuf::from("deploy/../m/b.json")
                ),
            ]
        );
        let err = parse_map_file(b"[]", "maps.json").unwrap_err();
        assert_eq!(
            err.to_string(),
            "maps.json: not a map file: expected a JSON object of LambdaFunctionARN to manifest path, found an array"
        );
        let err = parse_map_file(br#"{"${A.Arn}": ""}"#, "maps.json").unwrap_err();
        assert_eq!(
            err.to_string(),
            "maps.json: not a map file: the value of \"${A.Arn}\" is empty: expected a manifest path"
        );
    }
}
