//! What a Lambda block's `LambdaFunctionARN` names, read once.
//!
//! Every reader (the rules, the outputs, the scaffold, the manifest matcher,
//! the designer's block names) takes the function from a [`FunctionRef`],
//! so what counts as a named function, a placeholder, a run-time reference or
//! no function at all is decided here and nowhere else. The grammars
//! underneath are [`crate::arn`] (real ARNs) and
//! [`crate::placeholder`] (deployment placeholders).
//!
//! ```
//! use connect_flow::model::FunctionRef;
//!
//! let named = FunctionRef::parse("arn:aws:lambda:us-east-1:123456789012:function:GetBalance:live");
//! assert_eq!(named.name(), Some("GetBalance"));
//! let placeholder = FunctionRef::parse("${LambdaGetBalance.Arn}");
//! assert_eq!(placeholder.name(), Some("GetBalance"));
//! assert!(matches!(FunctionRef::parse("$.Attributes.lambdaArn"), FunctionRef::Runtime(_)));
//! assert_eq!(FunctionRef::parse("  "), FunctionRef::Missing);
//! ```

use serde_json::{Map, Value};

use crate::arn::{function_name, same_function};
use crate::placeholder::Placeholder;

/// The parameter of an "Invoke AWS Lambda function" block that names the
/// function.
pub const FUNCTION_ARN: &str = "LambdaFunctionARN";

/// The function a Lambda block invokes, as its `LambdaFunctionARN` names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FunctionRef {
    /// A function ARN: `arn:aws:lambda:region:account:function:NAME[:qualifier]`.
    Named {
        /// The function name, without alias or version.
        name: String,
        /// The ARN as written.
        arn: String,
    },
    /// A deployment placeholder (`${LambdaGetBalance.Arn}`,
    /// `<<checkHoursLambdaArn>>`), with the name it carries.
    Placeholder {
        /// The placeholder read by [`Placeholder::read`].
        placeholder: Placeholder,
        /// The value as written.
        text: String,
    },
    /// A reference resolved when the contact runs (`$.Attributes.lambdaArn`):
    /// only `--map` can match it.
    Runtime(String),
    /// A value that is none of the above and names no function: only
    /// `--map` can match it.
    Other(String),
    /// No function: the block has no `LambdaFunctionARN`, an empty one, or
    /// one that is not a string. Nothing after the block can be attributed
    /// to any Lambda.
    Missing,
}

impl FunctionRef {
    /// Reads a `LambdaFunctionARN` value.
    pub fn parse(text: &str) -> FunctionRef {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return FunctionRef::Missing;
        }
        if trimmed.contains("$.") {
            return FunctionRef::Runtime(text.to_owned());
        }
        if let Some(name) = function_name(text) {
            return FunctionRef::Named {
                name: name.to_owned(),
                arn: text.to_owned(),
            };
        }
        match Placeholder::read(text) {
            Some(placeholder) => FunctionRef::Placeholder {
                placeholder,
                text: text.to_owned(),
            },
            None => FunctionRef::Other(text.to_owned()),
        }
    }

    /// Reads the `LambdaFunctionARN` of a block's parameters: absent, empty
    /// or not a string is [`FunctionRef::Missing`].
    ///
    /// ```
    /// use connect_flow::model::FunctionRef;
    ///
    /// let parameters = serde_json::json!({"LambdaFunctionARN": ""});
    /// assert_eq!(FunctionRef::of(parameters.as_object().unwrap()), FunctionRef::Missing);
    /// ```
    pub fn of(parameters: &Map<String, Value>) -> FunctionRef {
        match parameters.get(FUNCTION_ARN).and_then(Value::as_str) {
            Some(text) => FunctionRef::parse(text),
            None => FunctionRef::Missing,
        }
    }

    /// The value as written (the key `--map` matches on); `None` for
    /// [`FunctionRef::Missing`].
    pub fn text(&self) -> Option<&str> {
        match self {
            FunctionRef::Named { arn: text, .. }
            | FunctionRef::Placeholder { text, .. }
            | FunctionRef::Runtime(text)
            | FunctionRef::Other(text) => Some(text),
            FunctionRef::Missing => None,
        }
    }

    /// The function's name: an ARN's function name, or the name a
    /// placeholder carries; `None` when the value names no function.
    pub fn name(&self) -> Option<&str> {
        match self {
            FunctionRef::Named { name, .. } => Some(name),
            FunctionRef::Placeholder { placeholder, .. } => Some(placeholder.name()),
            FunctionRef::Runtime(_) | FunctionRef::Other(_) | FunctionRef::Missing => None,
        }
    }

    /// How a block name shows the function: its name, or else the value as
    /// written.
    ///
    /// ```
    /// use connect_flow::model::FunctionRef;
    /// assert_eq!(FunctionRef::parse("$.Attributes.f").label(), Some("$.Attributes.f"));
    /// ```
    pub fn label(&self) -> Option<&str> {
        match self {
            FunctionRef::Named { name, .. } => Some(name),
            other => other.text(),
        }
    }

    /// Whether `name` (a manifest's `function` or `handler`, a function a
    /// test registered) names this function: an ARN's function name equal
    /// ignoring case, `-` and `_`, or a placeholder that pairs with it. The
    /// one rule the checker's manifest matching and the simulator's Lambdas
    /// share.
    ///
    /// ```
    /// use connect_flow::model::FunctionRef;
    ///
    /// assert!(FunctionRef::parse("arn:aws:lambda:r:1:function:get-balance").pairs_with("GetBalance"));
    /// assert!(FunctionRef::parse("${LambdaGetBalance.Arn}").pairs_with("get_balance"));
    /// assert!(!FunctionRef::parse("$.Attributes.f").pairs_with("f"));
    /// ```
    pub fn pairs_with(&self, name: &str) -> bool {
        match self {
            FunctionRef::Named { name: own, .. } => same_function(own, name),
            FunctionRef::Placeholder { placeholder, .. } => placeholder.pairs_with(name),
            FunctionRef::Runtime(_) | FunctionRef::Other(_) | FunctionRef::Missing => false,
        }
    }

    /// Whether a Lambda registered under `key` is this function's: `key` is
    /// the value as written, or a function name or ARN that
    /// [pairs with](FunctionRef::pairs_with) it.
    ///
    /// ```
    /// use connect_flow::model::FunctionRef;
    ///
    /// let named = FunctionRef::parse("arn:aws:lambda:r:1:function:GetBalance:live");
    /// assert!(named.registered_as("arn:aws:lambda:r:1:function:GetBalance"));
    /// assert!(named.registered_as("get-balance"));
    /// assert!(FunctionRef::parse("$.Attributes.f").registered_as("$.Attributes.f"));
    /// ```
    pub fn registered_as(&self, key: &str) -> bool {
        self.text() == Some(key)
            || self.pairs_with(key)
            || function_name(key).is_some_and(|name| self.pairs_with(name))
    }

    /// Whether the function cannot be determined at all (no ARN, an empty
    /// one): the `unknown-function` finding, and a barrier for attribution.
    pub fn is_missing(&self) -> bool {
        matches!(self, FunctionRef::Missing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form() {
        assert_eq!(
            FunctionRef::parse("arn:aws:lambda:r:1:function:f:7").name(),
            Some("f")
        );
        assert!(matches!(
            FunctionRef::parse("<<checkHoursLambdaArn>>"),
            FunctionRef::Placeholder { .. }
        ));
        assert!(matches!(
            FunctionRef::parse("$.FlowAttributes.x"),
            FunctionRef::Runtime(_)
        ));
        assert_eq!(FunctionRef::parse(""), FunctionRef::Missing);
        let not_string = serde_json::json!({"LambdaFunctionARN": 7});
        assert_eq!(
            FunctionRef::of(not_string.as_object().unwrap()),
            FunctionRef::Missing
        );
    }
}
