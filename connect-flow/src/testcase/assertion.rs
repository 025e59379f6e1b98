//! `Assert`: a contact attribute compared with an operand.

use serde::Serialize;

use super::read::{one_of, Node};
use super::CaseError;

/// An `Assert` action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assertion {
    /// What is compared: a JSONPath such as `$.Attributes.balance`,
    /// `$.Queue.Name`, `$.Channel`.
    pub namespace: String,
    /// How.
    pub operator: Operator,
    /// With what (`None` for [`Operator::Exists`] only).
    pub operand: Option<String>,
}

/// The documented assertion operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Operator {
    /// The same text.
    Equals,
    /// Starts with the operand.
    TextStartsWith,
    /// Ends with the operand.
    TextEndsWith,
    /// Contains the operand.
    TextContains,
    /// A number greater than the operand.
    NumberGreaterThan,
    /// A number greater than or equal to the operand.
    NumberGreaterOrEqualTo,
    /// A number less than the operand.
    NumberLessThan,
    /// A number less than or equal to the operand.
    NumberLessOrEqualTo,
    /// The value is set. Documented, but the service is known to reject it.
    Exists,
}

const OPERATORS: [(&str, Operator); 9] = [
    ("Equals", Operator::Equals),
    ("TextStartsWith", Operator::TextStartsWith),
    ("TextEndsWith", Operator::TextEndsWith),
    ("TextContains", Operator::TextContains),
    ("NumberGreaterThan", Operator::NumberGreaterThan),
    ("NumberGreaterOrEqualTo", Operator::NumberGreaterOrEqualTo),
    ("NumberLessThan", Operator::NumberLessThan),
    ("NumberLessOrEqualTo", Operator::NumberLessOrEqualTo),
    ("Exists", Operator::Exists),
];

impl Operator {
    /// The operator's name in the Testing language.
    pub fn name(self) -> &'static str {
        OPERATORS
            .iter()
            .find(|(_, op)| *op == self)
            .map_or("Equals", |(name, _)| name)
    }
}

impl Assertion {
    /// Whether the assertion holds when the namespace holds `actual`
    /// (`None`: not set). A comparison with a value that is not set fails;
    /// a number operator on text that is not a number fails.
    ///
    /// ```
    /// use connect_flow::testcase::{Assertion, Operator};
    ///
    /// let a = Assertion { namespace: "$.Attributes.balance".into(),
    ///                     operator: Operator::NumberGreaterThan, operand: Some("10".into()) };
    /// assert!(a.holds(Some("12.5")));
    /// assert!(!a.holds(Some("ten")));
    /// assert!(!a.holds(None));
    /// ```
    pub fn holds(&self, actual: Option<&str>) -> bool {
        let Some(actual) = actual else {
            return false;
        };
        let operand = self.operand.as_deref().unwrap_or_default();
        let number = |s: &str| s.trim().parse::<f64>().ok().filter(|n| n.is_finite());
        let compare = |f: fn(f64, f64) -> bool| match (number(actual), number(operand)) {
            (Some(a), Some(b)) => f(a, b),
            _ => false,
        };
        match self.operator {
            Operator::Equals => actual == operand,
            Operator::TextStartsWith => actual.starts_with(operand),
            Operator::TextEndsWith => actual.ends_with(operand),
            Operator::TextContains => actual.contains(operand),
            Operator::NumberGreaterThan => compare(|a, b| a > b),
            Operator::NumberGreaterOrEqualTo => compare(|a, b| a >= b),
            Operator::NumberLessThan => compare(|a, b| a < b),
            Operator::NumberLessOrEqualTo => compare(|a, b| a <= b),
            Operator::Exists => true,
        }
    }
}

pub(crate) fn read_assertion(params: &Node<'_>) -> Result<Assertion, CaseError> {
    let namespace = params.get("Namespace")?;
    let namespace_text = namespace.str()?;
    if !namespace_text.starts_with("$.") {
        return Err(namespace.err("a JSONPath starting `$.`, such as `$.Attributes.balance`"));
    }
    let op_node = params.get("Operator")?;
    let name = op_node.str()?;
    let names: Vec<&str> = OPERATORS.iter().map(|(n, _)| *n).collect();
    let operator = OPERATORS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, op)| *op)
        .ok_or_else(|| op_node.err(one_of(&names)))?;
    let operand = match params.opt("Operand")? {
        Some(n) => Some(n.text()?),
        None if operator == Operator::Exists => None,
        None => {
            return Err(
                params.err("a member `Operand` (every operator but Exists compares with one)")
            )
        }
    };
    if operator == Operator::Exists {
        params.ctx.note(
            &op_node.path,
            "Exists is documented but the service is known to reject it: the case may not \
             be accepted by CreateTestCase",
        );
    }
    Ok(Assertion {
        namespace: namespace_text.to_owned(),
        operator,
        operand,
    })
}
