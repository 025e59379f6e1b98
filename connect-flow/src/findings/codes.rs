//! The finding codes: each declared once, with its severity and one-line
//! doc, in `codes!` below. The enum, [`Code::ALL`], the printed names, the
//! severities and the one-line docs (the README's table, SARIF's rule
//! descriptions) all come from that one table.

use std::fmt;

use super::severity::Severity;

/// Declares [`Code`] from `Variant = "printed-code", Severity, "rule file",
/// "one-line doc";` rows, in the order findings on one field are sorted in.
/// The rule file is the module of `findings/` that raises the code.
macro_rules! codes {
    ($($variant:ident = $id:literal, $severity:ident, $file:literal, $doc:literal;)*) => {
        /// What a finding is about. The variants are in the design's order,
        /// which is also the order findings on one field come in.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(#[doc = $doc] $variant,)*
        }

        impl Code {
            /// How many codes there are.
            pub const COUNT: usize = [$($id),*].len();

            /// Every code, in the design's order.
            pub const ALL: [Code; Code::COUNT] = [$(Code::$variant),*];

            /// The code as printed: `unknown-key`, ...
            ///
            /// ```
            /// assert_eq!(connect_flow::Code::NestedUnderStringMap.as_str(), "nested-under-string-map");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $id,)*
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
                    $(Code::$variant => Severity::$severity,)*
                }
            }

            /// The module of `findings/` whose rule raises the code
            /// (`external` for `findings/external.rs`).
            ///
            /// ```
            /// assert_eq!(connect_flow::Code::UnknownFunction.rule_file(), "block");
            /// ```
            pub const fn rule_file(self) -> &'static str {
                match self {
                    $(Code::$variant => $file,)*
                }
            }

            /// The variant's name, for the test that holds each rule file
            /// to its codes.
            #[cfg(test)]
            const fn variant(self) -> &'static str {
                match self {
                    $(Code::$variant => stringify!($variant),)*
                }
            }

            /// What the code reports, in one line (the README's table and
            /// SARIF's rule description).
            ///
            /// ```
            /// assert_eq!(connect_flow::Code::NoManifest.doc(), "an invoked Lambda with no manifest");
            /// ```
            pub const fn doc(self) -> &'static str {
                match self {
                    $(Code::$variant => $doc,)*
                }
            }
        }
    };
}

codes! {
    UnknownKey = "unknown-key", Error, "external",
        "`$.External.k` where a Lambda that may have run last never returns `k`";
    NestedUnderStringMap = "nested-under-string-map", Error, "external",
        "`$.External.a.b` under STRING_MAP, or below a key that is not an object";
    NotReferenceable = "not-referenceable", Error, "external",
        "a reference to a key a flow cannot reference (arrays)";
    ValidationMismatch = "validation-mismatch", Error, "block",
        "the block validates as STRING_MAP, the manifest says JSON";
    MissingParameter = "missing-parameter", Error, "block",
        "a required parameter the block does not pass";
    DuplicateIdentifier = "duplicate-identifier", Error, "graph",
        "two actions with one Identifier";
    OptionalKey = "optional-key", Warning, "external",
        "a reference to a key the Lambda may leave out";
    NoLambdaRan = "no-lambda-ran", Warning, "external",
        "`$.External` where no Lambda ran in this flow";
    AfterLambdaError = "after-lambda-error", Warning, "external",
        "`$.External` on a Lambda's error branch";
    UnusedParameter = "unused-parameter", Warning, "block",
        "a parameter the Lambda never reads";
    NoManifest = "no-manifest", Warning, "block",
        "an invoked Lambda with no manifest";
    DanglingTransition = "dangling-transition", Warning, "graph",
        "a transition to an Identifier that does not exist";
    InvalidTimeout = "invalid-timeout", Error, "block",
        "`InvocationTimeLimitSeconds` missing, not an integer, or out of range";
    AsyncResultNotLoaded = "async-result-not-loaded", Warning, "external",
        "`$.External` read before an asynchronous result is loaded";
    ParameterType = "parameter-type", Warning, "block",
        "a literal parameter that cannot be the manifest's type";
    UnusedManifest = "unused-manifest", Warning, "driver",
        "a manifest no action matches";
    LambdaChainTimeout = "lambda-chain-timeout", Warning, "chain",
        "synchronous Lambda invokes with no prompt or input between them whose time limits add up to more than 20 seconds";
    UnreachableBlock = "unreachable-block", Warning, "graph",
        "an action no path from `StartAction` reaches";
    NoErrorBranch = "no-error-branch", Warning, "block",
        "an `InvokeLambdaFunction` block with no error transition";
    InvalidIdentifier = "invalid-identifier", Error, "graph",
        "an Identifier longer than 50 characters or holding one of `% : ( \\ / ) = $ , ; [ ] { }`";
    UnknownFunction = "unknown-function", Warning, "block",
        "an `InvokeLambdaFunction` block whose function cannot be determined (no ARN, an empty one)";
    ImpossibleCondition = "impossible-condition", Error, "values",
        "a condition on a Lambda's answer that none of the values the manifest lists can meet";
    UnhandledValue = "unhandled-value", Warning, "values",
        "values a Lambda can return that no condition of a block comparing its answer matches";
    OperatorTypeMismatch = "operator-type-mismatch", Error, "values",
        "a `Number...` operator on a key whose values are not numbers, or a text operator on a number";
    InvalidParameterValue = "invalid-parameter-value", Error, "values",
        "a literal parameter outside the values the handler accepts";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's table of codes, row for row, is the declaration above.
    #[test]
    fn the_readme_lists_every_code_as_declared() {
        let readme = include_str!("../../README.md");
        let rows: Vec<String> = readme
            .lines()
            .filter(|line| line.starts_with("| `"))
            .map(str::to_owned)
            .collect();
        let declared: Vec<String> = Code::ALL
            .iter()
            .map(|c| format!("| `{}` | {} | {} |", c.as_str(), c.severity(), c.doc()))
            .collect();
        assert_eq!(rows, declared);
    }

    /// The declaration's order is the enum's order, which sorts findings on
    /// one field (the README test above holds names and severities).
    #[test]
    fn codes_sort_in_declaration_order() {
        let mut sorted = Code::ALL;
        sorted.sort();
        assert_eq!(sorted, Code::ALL);
        assert_eq!(Code::ALL[0].as_str(), "unknown-key");
        assert_eq!(
            Code::ALL[Code::COUNT - 1].as_str(),
            "invalid-parameter-value"
        );
    }

    /// Each code's rule file is where it is raised.
    #[test]
    fn each_code_is_raised_in_its_rule_file() {
        let sources = [
            ("block", include_str!("block.rs")),
            ("chain", include_str!("chain.rs")),
            ("driver", include_str!("driver.rs")),
            ("external", include_str!("external.rs")),
            ("graph", include_str!("graph.rs")),
            ("values", include_str!("values.rs")),
        ];
        for code in Code::ALL {
            let raises = format!("Code::{}", code.variant());
            let (_, source) = sources
                .iter()
                .find(|(file, _)| *file == code.rule_file())
                .expect("a rule file of findings/");
            assert!(
                source.contains(&raises),
                "{} is said to be raised in {}.rs",
                code,
                code.rule_file()
            );
        }
    }
}
