//! Reading a deployment placeholder in `LambdaFunctionARN` into a name.
//!
//! Flows deployed by CloudFormation, SAM, CDK, Terraform or a script hold a
//! placeholder where the ARN goes, replaced at deployment:
//!
//! | tool | placeholder | its name |
//! |---|---|---|
//! | Terraform | `${aws_lambda_function.get_balance.arn}`, `${var.get_balance_lambda_arn}`, `${local.get_balance_arn}` | `get_balance` |
//! | Terraform, a map of functions | `${var.lambda_functions_map["state-lookup"]}` | `state-lookup` |
//! | CloudFormation, SAM, CDK | `${LambdaGetBalance.Arn}`, `!GetAtt LambdaGetBalance.Arn`, CDK's `${GetBalanceFunctionE0F9B3A1.Arn}` | `GetBalance` |
//! | templating scripts | `<<checkHoursLambdaArn>>`, `{{lambdaFunctions.menu.arn}}`, `%%MENU_ARN%%`, `<PATIENT_VERIFICATION_LAMBDA_ARN>` | `checkHours`, `menu`, `MENU`, `PATIENT_VERIFICATION` |
//! | a bare name | `asapp-generativeagent-engage-lambda-arn` | `asapp-generativeagent-engage` |
//!
//! The name is what is left once the delimiters, the resource type or
//! Terraform namespace in front (`aws_lambda_function.`, `var.`, `local.`,
//! `lambdaFunctions.`), the attribute behind (`.arn`, `.Arn`), the hash CDK
//! appends to a logical id, and `Lambda` /
//! `Function` / `Arn` words at either end are dropped; in a map lookup
//! (`map["key"]`) the key is the name, as it is the only part that differs
//! from one function to the next. A CloudFormation template's
//! `{"Fn::GetAtt": ["X", "Arn"]}` reaches this module as `${X.Arn}`
//! ([`crate::input`] writes it so).
//!
//! Some placeholders name the slot, not the function: `${lambda_arn}`,
//! `${var.lambda_function_arn}`, `<LAMBDA_ARN>` hold only the words
//! dropped above. They are not read as a name (a manifest named `lambda`
//! would pair with every such flow, each meaning another function);
//! [`Unnamed`] says so and gives the `--map` argument that pairs them.
//!
//! A placeholder pairs with a manifest whose `function` (or
//! `handler`) has the same [`pairing_key`]: the checker's name comparison
//! ([`normalize`]: case, `-` and `_` ignored) after the same affixes are
//! dropped from both.
//!
//! ```
//! use connect_flow::placeholder::Placeholder;
//!
//! let p = Placeholder::read("${aws_lambda_function.get_balance.arn}").unwrap();
//! assert_eq!(p.name(), "get_balance");
//! assert!(p.pairs_with("GetBalance"));
//! assert!(p.pairs_with("get-balance-lambda"));
//! assert!(!p.pairs_with("GetBalances"));
//!
//! // A real ARN or a dynamic reference is not a placeholder.
//! assert_eq!(Placeholder::read("arn:aws:lambda:us-east-1:123456789012:function:GetBalance"), None);
//! assert_eq!(Placeholder::read("$.FlowAttributes.lambdaArn"), None);
//! ```

use std::fmt;
use std::ops::Range;

use connect_names::key::is_key;

use crate::arn::{function_name, normalize};

/// The words dropped from either end of a name: they say what the thing is,
/// not which one it is (`LambdaGetBalance`, `checkHoursLambdaArn`,
/// `get-balance-function`).
const AFFIX_WORDS: [&str; 3] = ["lambda", "function", "arn"];

/// Segments of a dotted placeholder that name an attribute of the resource,
/// not the resource, besides those made only of [`AFFIX_WORDS`] (`.arn`,
/// `.lambda_function_arn`): Terraform's `.qualified_arn`, `.invoke_arn` and
/// `.function_name`, compared after [`normalize`].
const ATTRIBUTE_SEGMENTS: [&str; 4] = ["qualifiedarn", "invokearn", "functionname", "name"];

/// The delimiters deployment tools put around a placeholder, opening and
/// closing.
/// `<<` comes before `<`, so `<<name>>` is read as one placeholder, not as
/// `<name>` in angle brackets.
const DELIMITERS: [(&str, &str); 5] = [
    ("${", "}"),
    ("{{", "}}"),
    ("<<", ">>"),
    ("<", ">"),
    ("%%", "%%"),
];

/// Terraform's namespaces: `var.x`, `local.x`, `data.x`, `module.x`,
/// `each.value`. Left alone once the attribute is dropped
/// (`${var.lambda_arn}`), one names no function.
const TERRAFORM_NAMESPACES: [&str; 7] = ["var", "local", "data", "module", "each", "self", "path"];

/// The tag or intrinsic-function prefixes a CloudFormation template may leave
/// in front of the value when the flow content is pasted from it.
const INTRINSIC_PREFIXES: [&str; 4] = ["!GetAtt", "!Sub", "Fn::GetAtt", "Fn::Sub"];

/// A deployment placeholder found in a `LambdaFunctionARN` value, read into
/// the name of the function it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    name: String,
    key: String,
}

impl Placeholder {
    /// Reads `arn` as a placeholder; `None` when it is a real function ARN
    /// (whose name [`function_name`] reads), a dynamic reference
    /// (`$.FlowAttributes.x`), or names nothing (`${AWS::Region}` alone).
    ///
    /// ```
    /// use connect_flow::placeholder::Placeholder;
    ///
    /// let name = |arn: &str| Placeholder::read(arn).map(|p| p.name().to_owned());
    /// assert_eq!(name("${LambdaGetBalance.Arn}").as_deref(), Some("GetBalance"));
    /// assert_eq!(name("!GetAtt LambdaGetBalance.Arn").as_deref(), Some("GetBalance"));
    /// assert_eq!(name("<<checkHoursLambdaArn>>").as_deref(), Some("checkHours"));
    /// assert_eq!(name("{{lambdaFunctions.menu.arn}}").as_deref(), Some("menu"));
    /// assert_eq!(name("%%GET_BALANCE_ARN%%").as_deref(), Some("GET_BALANCE"));
    /// assert_eq!(name("asapp-generativeagent-engage-lambda-arn").as_deref(),
    ///            Some("asapp-generativeagent-engage"));
    /// ```
    pub fn read(arn: &str) -> Option<Placeholder> {
        let value = arn.trim();
        if value.contains("$.") || function_name(value).is_some() {
            return None;
        }
        let value = strip_intrinsic(value);
        // `arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Name}`:
        // only the part after `:function:` names the function.
        let value = match value.split_once(":function:") {
            Some((_, after)) => without_qualifier(after),
            None => value,
        };
        let name = name_in(value)?;
        let key = pairing_key(name);
        if key.is_empty() {
            return None;
        }
        Some(Placeholder {
            name: name.to_owned(),
            key,
        })
    }

    /// The function's name as the placeholder spells it, affixes dropped
    /// (`GetBalance` for `${LambdaGetBalance.Arn}`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The form the name is compared in: [`pairing_key`] of [`Self::name`].
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Whether a manifest's `function` (or `handler`) names the function this
    /// placeholder stands for: equal [`pairing_key`]s.
    pub fn pairs_with(&self, function: &str) -> bool {
        self.key == pairing_key(function)
    }
}

/// Why a `LambdaFunctionARN` value names no function: neither an ARN
/// ([`function_name`]) nor a [`Placeholder`] with a name.
///
/// Its `Display` says what the value is, in a user's terms; [`Unnamed::help`]
/// says how to pair it with a manifest, with an argument the command line
/// accepts.
///
/// ```
/// use connect_flow::placeholder::Unnamed;
///
/// let generic = Unnamed::read("${lambda_arn}").unwrap();
/// assert_eq!(generic, Unnamed::NoName);
/// assert_eq!(generic.help("${lambda_arn}"),
///            "pair it with its manifest: --map '${lambda_arn}=MANIFEST.json'; or name the \
///             function in the placeholder (`${get_balance_lambda_arn}`), which pairs by name");
/// assert_eq!(Unnamed::read(""), Some(Unnamed::Empty));
/// assert_eq!(Unnamed::read("$.FlowAttributes.lambdaArn"), Some(Unnamed::RunTime));
/// assert_eq!(Unnamed::read("${GetBalance.Arn}"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unnamed {
    /// Empty (or only spaces): the block has no function chosen. `--map`
    /// cannot match an empty string, so the block itself must be fixed.
    Empty,
    /// A function chosen at run time: a reference such as
    /// `$.FlowAttributes.lambdaArn`.
    RunTime,
    /// A placeholder (or text) that carries no function name:
    /// `${lambda_arn}`, `${var.lambda_function_arn}`, `<LAMBDA_ARN>`, or a
    /// value no deployment tool writes.
    NoName,
}

impl Unnamed {
    /// Why `arn` names no function; `None` when it does (an ARN, or a
    /// placeholder with a name).
    pub fn read(arn: &str) -> Option<Unnamed> {
        let value = arn.trim();
        if value.is_empty() {
            Some(Unnamed::Empty)
        } else if function_name(value).is_some() || Placeholder::read(value).is_some() {
            None
        } else if value.contains("$.") {
            Some(Unnamed::RunTime)
        } else {
            Some(Unnamed::NoName)
        }
    }

    /// What to do, for the value `arn` this was read from: the `--map`
    /// argument that pairs it (quoted for a POSIX shell), or, for an empty
    /// one, how to fix the block.
    pub fn help(self, arn: &str) -> String {
        let map = map_argument(arn, "MANIFEST.json");
        match self {
            Unnamed::Empty => "choose the function in the block (\"Function ARN\"), \
                               or set its LambdaFunctionARN, and export the flow again"
                .to_owned(),
            Unnamed::RunTime => {
                format!("pair it with the manifest of the function it holds at run time: {map}")
            }
            Unnamed::NoName => format!(
                "pair it with its manifest: {map}; or name the function in the placeholder \
                 (`${{get_balance_lambda_arn}}`), which pairs by name"
            ),
        }
    }
}

impl fmt::Display for Unnamed {
    /// What the value is: `LambdaFunctionARN is empty`, ....
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Unnamed::Empty => "LambdaFunctionARN is empty: the block names no function",
            Unnamed::RunTime => {
                "LambdaFunctionARN is a run-time reference: the function is chosen as the contact runs"
            }
            Unnamed::NoName => {
                "LambdaFunctionARN carries no function name: a placeholder such as `${lambda_arn}` \
                 names the slot, not the function"
            }
        })
    }
}

/// The `--map` argument that pairs the `LambdaFunctionARN` value `arn`
/// with `manifest`, quoted for a POSIX shell (a placeholder's `$`, `{` and
/// `"` stay as written; a `'` in it is closed, escaped and reopened), so it
/// can be pasted as printed.
///
/// ```
/// use connect_flow::placeholder::map_argument;
///
/// assert_eq!(map_argument("${lambda_arn}", "M.json"), "--map '${lambda_arn}=M.json'");
/// assert_eq!(map_argument(r#"${var.fns["a"]}"#, "m's.json"),
///            r#"--map '${var.fns["a"]}=m'\''s.json'"#);
/// // `--map` splits at the first `=`: a value holding one goes in a map file.
/// assert_eq!(map_argument("a=b", "M.json"), r#"a --map-file entry {"a=b": "M.json"}"#);
/// ```
pub fn map_argument(arn: &str, manifest: &str) -> String {
    if arn.contains('=') {
        // `--map` splits at the first `=`: such a value only pairs through
        // a map file.
        let key = serde_json::to_string(arn).unwrap_or_default();
        let value = serde_json::to_string(manifest).unwrap_or_default();
        return format!("a --map-file entry {{{key}: {value}}}");
    }
    let argument = format!("{arn}={manifest}");
    format!("--map '{}'", argument.replace('\'', r"'\''"))
}

/// The form a function name is paired with a placeholder in: `Lambda`,
/// `Function` and `Arn` words dropped from either end (a name made only of
/// them is kept whole), then the checker's [`normalize`] (lower case, no `-`
/// or `_`).
///
/// ```
/// use connect_flow::placeholder::pairing_key;
///
/// assert_eq!(pairing_key("LambdaGetBalance"), "getbalance");
/// assert_eq!(pairing_key("get-balance-function-arn"), "getbalance");
/// assert_eq!(pairing_key("GetBalance"), "getbalance");
/// assert_eq!(pairing_key("Lambda"), "lambda");
/// // Only whole words are affixes.
/// assert_eq!(pairing_key("Arnold"), "arnold");
/// ```
pub fn pairing_key(name: &str) -> String {
    normalize(without_affixes(name))
}

/// `name` without the [`AFFIX_WORDS`] at either end, as a slice of it (so
/// the rest keeps its spelling).
fn without_affixes(name: &str) -> &str {
    let words = words(name);
    let is_affix = |range: &Range<usize>| is_affix_word(&name[range.clone()]);
    let first = words.iter().position(|w| !is_affix(w));
    let last = words.iter().rposition(|w| !is_affix(w));
    match (first, last) {
        (Some(first), Some(last)) => &name[words[first].start..words[last].end],
        _ => name,
    }
}

/// Whether `word` is one of the [`AFFIX_WORDS`], in any case.
fn is_affix_word(word: &str) -> bool {
    AFFIX_WORDS
        .iter()
        .any(|affix| word.eq_ignore_ascii_case(affix))
}

/// Whether every word of `segment` is one of the [`AFFIX_WORDS`] (`arn`,
/// `lambda_function_arn`).
fn is_only_affixes(segment: &str) -> bool {
    words(segment)
        .iter()
        .all(|w| is_affix_word(&segment[w.clone()]))
}

/// The words of a name, as byte ranges: split at `-`, `_`, `.` and camel-case
/// boundaries (`checkHoursLambdaArn`, `ARNValue` → `ARN`, `Value`).
pub(crate) fn words(name: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    for (i, &(at, c)) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if let Some(s) = start.take() {
                words.push(s..at);
            }
            continue;
        }
        let previous = i.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(i + 1).map(|&(_, n)| n);
        let boundary = c.is_uppercase()
            && previous.is_some_and(|p| {
                p.is_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_uppercase() && next.is_some_and(char::is_lowercase))
            });
        match start {
            Some(s) if boundary => {
                words.push(s..at);
                start = Some(at);
            }
            Some(_) => {}
            None => start = Some(at),
        }
    }
    if let Some(s) = start {
        words.push(s..name.len());
    }
    words
}

/// `value` without a CloudFormation tag or intrinsic-function name in front
/// (`!GetAtt X.Arn`, `Fn::Sub: ${X.Arn}`) or quotes around it.
fn strip_intrinsic(value: &str) -> &str {
    let mut value = value;
    for prefix in INTRINSIC_PREFIXES {
        if let Some(rest) = value.strip_prefix(prefix) {
            value = rest.trim_start_matches(':').trim();
            break;
        }
    }
    value.trim_matches(|c| c == '"' || c == '\'')
}

/// The function part of an ARN tail without its `:alias` or `:version`
/// qualifier; a `:` inside a placeholder (`${AWS::Region}`) is not one.
fn without_qualifier(tail: &str) -> &str {
    let mut depth = 0usize;
    for (at, c) in tail.char_indices() {
        match c {
            '{' | '<' => depth += 1,
            '}' | '>' => depth = depth.saturating_sub(1),
            ':' if depth == 0 => return &tail[..at],
            _ => {}
        }
    }
    tail
}

/// The name a placeholder expression stands for, affixes dropped.
///
/// Undelimited text is read as a placeholder's inside (a bare name, or
/// `LambdaGetBalance.Arn` after `!GetAtt`); a single delimited placeholder
/// is read inside; literal name text beside placeholders wins
/// (`${Stage}-get-balance` is `get-balance`: the placeholder there is a
/// stage or a prefix).
fn name_in(value: &str) -> Option<&str> {
    let (literal, placeholders) = split_placeholders(value)?;
    match placeholders.as_slice() {
        [] => name_in_expression(value),
        [inner] if literal.is_empty() => name_in_expression(inner),
        _ => {
            let literal = value_without_placeholders(value, &literal)?;
            is_key(literal).then(|| without_affixes(literal))
        }
    }
}

/// The literal text of `value` as a slice of it, `-` and `_` at its ends
/// trimmed; `None` when placeholders split it in two.
fn value_without_placeholders<'a>(value: &'a str, literal: &str) -> Option<&'a str> {
    let literal = literal.trim_matches(|c| c == '-' || c == '_');
    if literal.is_empty() {
        return None;
    }
    let at = value.find(literal)?;
    Some(&value[at..at + literal.len()])
}

/// Splits `value` into its literal text (concatenated) and the insides of
/// its delimited placeholders; `None` when a delimiter is not closed.
fn split_placeholders(value: &str) -> Option<(String, Vec<&str>)> {
    let mut literal = String::new();
    let mut placeholders = Vec::new();
    let mut rest = value;
    'scan: while !rest.is_empty() {
        for (open, close) in DELIMITERS {
            if let Some(after) = rest.strip_prefix(open) {
                let end = after.find(close)?;
                placeholders.push(&after[..end]);
                rest = &after[end + close.len()..];
                continue 'scan;
            }
        }
        let c = rest.chars().next()?;
        literal.push(c);
        rest = &rest[c.len_utf8()..];
    }
    Some((literal, placeholders))
}

/// The name inside one placeholder: a map lookup's key (`map["key"]`), or
/// else the last segment (split at `.`, `:` and `/`) that is not an
/// attribute (`arn`), so the resource type in front
/// (`aws_lambda_function.`, `lambdaFunctions.`, `resolve:ssm:`) drops too.
/// CloudFormation's pseudo parameters (`AWS::Region`) and a Terraform
/// namespace left alone (`var` of `var.lambda_arn`) name nothing.
fn name_in_expression(inner: &str) -> Option<&str> {
    let inner = inner.trim();
    if inner.starts_with("AWS::") {
        return None;
    }
    if let Some(key) = map_key(inner) {
        return (is_key(key) && !is_only_affixes(key)).then(|| without_affixes(key));
    }
    // A number index (`aws_lambda_function.x[0].arn`) says which copy, not
    // which function: the segment in front of it does. Any other index
    // (`map[each.key]`) is chosen as Terraform runs, so nothing here names
    // the function.
    let inner = match inner.split_once('[') {
        Some((front, index)) => {
            let index = index.split(']').next().unwrap_or_default();
            if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            front
        }
        None => inner,
    };
    let is_attribute = |segment: &str| {
        ATTRIBUTE_SEGMENTS.contains(&normalize(segment).as_str()) || is_only_affixes(segment)
    };
    let mut segments: Vec<&str> = inner
        .split(['.', ':', '/'])
        .filter(|s| !s.is_empty())
        .collect();
    // A lone segment is the name itself (`%%NAME%%`), unless it is only
    // affixes (`${Arn}`), which name no function.
    while segments.len() > 1 && segments.last().is_some_and(|s| is_attribute(s)) {
        segments.pop();
    }
    let segment = without_cdk_hash(segments.last()?);
    if is_only_affixes(segment) || TERRAFORM_NAMESPACES.contains(&segment) {
        return None;
    }
    is_key(segment).then(|| without_affixes(segment))
}

/// `logical_id` without the 8-character hash CDK appends to the logical ids
/// it makes (`GetBalanceFunctionE0F9B3A1` for the construct `GetBalanceFunction`):
/// the hash differs per stack, so only what is in front of it names the
/// function. A hash is 8 upper-case hex digits with at least one digit (so
/// a name ending in a word such as `FACEBEAD` keeps it) after at least one
/// other character.
fn without_cdk_hash(logical_id: &str) -> &str {
    const HASH: usize = 8;
    let Some(front) = logical_id.len().checked_sub(HASH).filter(|&f| f > 0) else {
        return logical_id;
    };
    let Some(hash) = logical_id.get(front..) else {
        return logical_id;
    };
    let is_hash = hash
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
        && hash.bytes().any(|b| b.is_ascii_digit());
    if is_hash {
        &logical_id[..front]
    } else {
        logical_id
    }
}

/// The key of the last map lookup with a quoted key in `inner`
/// (`lambda_functions_map["state-lookup"]`, `fns['menu'].arn`), as a slice
/// of it.
fn map_key(inner: &str) -> Option<&str> {
    let (_, after) = inner.rsplit_once('[')?;
    let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let key = &after[1..];
    let end = key.find(quote)?;
    key[end + 1..].starts_with(']').then(|| &key[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(arn: &str) -> Option<String> {
        Placeholder::read(arn).map(|p| p.name().to_owned())
    }

    #[test]
    fn terraform_resource_attributes() {
        assert_eq!(
            name("${aws_lambda_function.get_balance.arn}").as_deref(),
            Some("get_balance")
        );
        assert_eq!(
            name("${aws_lambda_function.get_balance.qualified_arn}").as_deref(),
            Some("get_balance")
        );
        assert_eq!(
            name("${data.aws_lambda_function.check_hours_lambda.arn}").as_deref(),
            Some("check_hours")
        );
        assert_eq!(
            name("${module.survey.lambda_function_arn}").as_deref(),
            Some("survey")
        );
    }

    #[test]
    fn cloudformation_sam_and_cdk_forms() {
        for arn in [
            "${LambdaGetBalance.Arn}",
            "${GetBalanceFunction.Arn}",
            "!GetAtt LambdaGetBalance.Arn",
            "Fn::GetAtt: LambdaGetBalance.Arn",
            "!Sub '${LambdaGetBalance.Arn}'",
            "Fn::Sub: ${LambdaGetBalance.Arn}",
            "${GetBalanceLambdaArn}",
            "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${GetBalanceFunction}",
            "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Stage}-GetBalance:live",
        ] {
            assert_eq!(name(arn).as_deref(), Some("GetBalance"), "{arn}");
        }
    }

    #[test]
    fn terraform_variables_locals_and_maps() {
        for (arn, expected) in [
            ("${var.get_balance_lambda_arn}", "get_balance"),
            ("${local.get_balance_arn}", "get_balance"),
            ("${var.lambda_arns.get_balance}", "get_balance"),
            (
                r#"${var.lambda_functions_map["state-lookup"]}"#,
                "state-lookup",
            ),
            (r#"${local.lambdas['state-lookup'].arn}"#, "state-lookup"),
            (
                r#"${module.lambdas["state_lookup_lambda"].lambda_function_arn}"#,
                "state_lookup",
            ),
            ("${aws_lambda_function.state_lookup[0].arn}", "state_lookup"),
            ("${aws_lambda_function.state_lookup.arn}", "state_lookup"),
        ] {
            assert_eq!(name(arn).as_deref(), Some(expected), "{arn}");
        }
    }

    /// CDK's synthesized templates name a function's ARN
    /// `{"Fn::GetAtt": ["GetBalanceFunctionE0F9B3A1", "Arn"]}`, which the
    /// input module writes as `${GetBalanceFunctionE0F9B3A1.Arn}`.
    #[test]
    fn cdk_logical_ids_lose_their_hash() {
        assert_eq!(
            name("${GetBalanceFunctionE0F9B3A1.Arn}").as_deref(),
            Some("GetBalance")
        );
        assert_eq!(
            name("${StateLookup3A1B2C4D.Arn}").as_deref(),
            Some("StateLookup")
        );
        // Not a hash: no digit, or nothing in front of it.
        assert_eq!(name("${PayFACEBEAD.Arn}").as_deref(), Some("PayFACEBEAD"));
        assert_eq!(name("${12345678.Arn}").as_deref(), Some("12345678"));
    }

    #[test]
    fn angle_brackets() {
        assert_eq!(
            name("<PATIENT_VERIFICATION_LAMBDA_ARN>").as_deref(),
            Some("PATIENT_VERIFICATION")
        );
        assert_eq!(name("<session-lambda-arn>").as_deref(), Some("session"));
        assert_eq!(
            name("arn:aws:lambda:<REGION>:<ACCOUNT_ID>:function:<GET_BALANCE>").as_deref(),
            Some("GET_BALANCE")
        );
        // `<<` is its own delimiter, not `<` twice.
        assert_eq!(name("<<menuArn>>").as_deref(), Some("menu"));
    }

    /// Placeholders that name the slot, not the function, are not read as
    /// a name: each such flow means another function.
    #[test]
    fn slot_placeholders_carry_no_name() {
        for arn in [
            "${lambda_arn}",
            "${var.lambda_arn}",
            "${var.lambda_function_arn}",
            "${local.function_arn}",
            "<LAMBDA_ARN>",
            r#"${var.lambda_functions_map["lambda_arn"]}"#,
            "${var.lambda_functions_map[each.key]}",
        ] {
            assert_eq!(name(arn), None, "{arn}");
            assert_eq!(Unnamed::read(arn), Some(Unnamed::NoName), "{arn}");
        }
    }

    #[test]
    fn unnamed_values_say_what_they_are_and_how_to_map_them() {
        assert_eq!(Unnamed::read("  "), Some(Unnamed::Empty));
        assert!(!Unnamed::Empty.help("").contains("--map"));
        assert_eq!(
            Unnamed::read("$.Attributes.lambdaArn"),
            Some(Unnamed::RunTime)
        );
        assert_eq!(
            Unnamed::RunTime.help("$.Attributes.lambdaArn"),
            "pair it with the manifest of the function it holds at run time: \
             --map '$.Attributes.lambdaArn=MANIFEST.json'"
        );
        assert!(Unnamed::NoName
            .to_string()
            .contains("carries no function name"));
        assert_eq!(
            Unnamed::read("arn:aws:lambda:us-east-1:123456789012:function:GetBalance"),
            None
        );
        assert_eq!(Unnamed::read("<PATIENT_VERIFICATION_LAMBDA_ARN>"), None);
    }

    /// The printed argument survives a POSIX shell unchanged: `sh -c` with
    /// it prints the value `--map` receives.
    #[cfg(unix)]
    #[test]
    fn map_argument_round_trips_through_a_shell() {
        for arn in ["${lambda_arn}", r#"${var.m["it's"]}"#, "a b`c`$(d)"] {
            let argument = map_argument(arn, "M.json");
            let printed = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("printf %s {}", &argument["--map ".len()..]))
                .output()
                .unwrap();
            assert_eq!(
                String::from_utf8(printed.stdout).unwrap(),
                format!("{arn}=M.json")
            );
        }
    }

    #[test]
    fn templating_delimiters() {
        assert_eq!(
            name("<<checkHoursLambdaArn>>").as_deref(),
            Some("checkHours")
        );
        assert_eq!(
            name("{{lambdaFunctions.menu.arn}}").as_deref(),
            Some("menu")
        );
        assert_eq!(name("%%NAME%%").as_deref(), Some("NAME"));
        assert_eq!(name("%%GET_BALANCE_ARN%%").as_deref(), Some("GET_BALANCE"));
        assert_eq!(
            name("{{resolve:ssm:/connect/balance-lambda-arn}}").as_deref(),
            Some("balance")
        );
    }

    #[test]
    fn bare_names() {
        assert_eq!(
            name("asapp-generativeagent-engage-lambda-arn").as_deref(),
            Some("asapp-generativeagent-engage")
        );
        assert_eq!(name("GetBalance").as_deref(), Some("GetBalance"));
        assert_eq!(
            name("  get_balance_function ").as_deref(),
            Some("get_balance")
        );
    }

    #[test]
    fn not_placeholders() {
        for arn in [
            "arn:aws:lambda:us-east-1:123456789012:function:GetBalance",
            "arn:aws:lambda:us-east-1:123456789012:function:GetBalance:7",
            "$.FlowAttributes.lambdaArn",
            "$.Attributes.arn",
            "${AWS::Region}",
            "${Unclosed",
            "${A}${B}",
            "${Balance.Arn} and more words",
            "",
            "${.arn}",
            "%%LAMBDA_ARN%%",
        ] {
            assert_eq!(name(arn), None, "{arn}");
        }
    }

    #[test]
    fn affixes_are_whole_words_at_either_end() {
        assert_eq!(without_affixes("LambdaGetBalanceFunctionArn"), "GetBalance");
        assert_eq!(without_affixes("get-lambda-balance"), "get-lambda-balance");
        assert_eq!(without_affixes("Arnold"), "Arnold");
        assert_eq!(without_affixes("lambdaget"), "lambdaget");
        assert_eq!(without_affixes("ARNValue"), "Value");
        assert_eq!(without_affixes("LAMBDA_ARN"), "LAMBDA_ARN");
        assert_eq!(without_affixes("Function"), "Function");
    }

    #[test]
    fn pairing_ignores_case_dashes_underscores_and_affixes_on_both_sides() {
        let p = Placeholder::read("${LambdaGetBalance.Arn}").unwrap();
        assert_eq!(p.key(), "getbalance");
        for manifest_name in [
            "GetBalance",
            "get_balance",
            "get-balance-lambda",
            "GETBALANCE",
        ] {
            assert!(p.pairs_with(manifest_name), "{manifest_name}");
        }
        for manifest_name in ["GetBalances", "Balance", "get balance"] {
            assert!(!p.pairs_with(manifest_name), "{manifest_name}");
        }
        let tf = Placeholder::read("${aws_lambda_function.get_balance.arn}").unwrap();
        assert_eq!(tf.key(), p.key());
    }
}
