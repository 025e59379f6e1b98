//! Reading a deployment placeholder in `LambdaFunctionARN` into a name.
//!
//! Flows deployed by CloudFormation, SAM, CDK, Terraform or a script hold a
//! placeholder where the ARN goes, replaced at deployment:
//!
//! | tool | placeholder | its name |
//! |---|---|---|
//! | Terraform | `${aws_lambda_function.get_balance.arn}` | `get_balance` |
//! | CloudFormation, SAM, CDK | `${LambdaGetBalance.Arn}`, `!GetAtt LambdaGetBalance.Arn` | `GetBalance` |
//! | templating scripts | `<<checkHoursLambdaArn>>`, `{{lambdaFunctions.menu.arn}}`, `%%MENU_ARN%%` | `checkHours`, `menu`, `MENU` |
//! | a bare name | `asapp-generativeagent-engage-lambda-arn` | `asapp-generativeagent-engage` |
//!
//! The name is what is left once the delimiters, the resource type in front
//! (`aws_lambda_function.`, `lambdaFunctions.`), the attribute behind
//! (`.arn`, `.Arn`) and `Lambda` / `Function` / `Arn` words at either end
//! are dropped. A placeholder pairs with a manifest whose `function` (or
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
const DELIMITERS: [(&str, &str); 4] = [("${", "}"), ("{{", "}}"), ("<<", ">>"), ("%%", "%%")];

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

/// The name inside one placeholder: the last segment (split at `.`, `:` and
/// `/`) that is not an attribute (`arn`), so the resource type in front
/// (`aws_lambda_function.`, `lambdaFunctions.`, `resolve:ssm:`) drops too.
/// CloudFormation's pseudo parameters (`AWS::Region`) name nothing.
fn name_in_expression(inner: &str) -> Option<&str> {
    let inner = inner.trim();
    if inner.starts_with("AWS::") {
        return None;
    }
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
    let segment = *segments.last()?;
    if is_only_affixes(segment) {
        return None;
    }
    is_key(segment).then(|| without_affixes(segment))
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
