//! A branch's condition (`{"Operator": ..., "Operands": [...]}`) against a
//! value, as flow-semantics.md §1 collects it: the eight operators,
//! case-sensitive, checked in the order listed by the caller.
//!
//! The one home of condition semantics: the simulator takes a branch with
//! [`evaluate`], and the checker's value rules (`findings/values.rs`) ask the
//! same function which of a key's values a condition can match.

use serde_json::Value;

/// What evaluating one condition gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// The condition holds (or not), with an assumption to state in the
    /// trace when an `[UNCONFIRMED]` rule decided it.
    Holds(bool, Option<String>),
    /// The condition cannot be evaluated without guessing: why.
    NotSimulated(String),
}

/// The condition's operator and its single operand, for messages.
pub(crate) fn describe(condition: Option<&Value>) -> String {
    let Some(condition) = condition else {
        return "(no condition)".to_owned();
    };
    let operator = condition
        .get("Operator")
        .and_then(Value::as_str)
        .unwrap_or("?");
    let operands: Vec<String> = condition
        .get("Operands")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .map(|o| match o {
                    Value::String(s) => format!("{s:?}"),
                    other => other.to_string(),
                })
                .collect()
        })
        .unwrap_or_default();
    format!("{operator} {}", operands.join(", "))
}

/// The operators that compare numbers (`NumericLessThan` is the console's
/// DistributeByPercentage export).
const NUMBER_OPERATORS: [&str; 5] = [
    "NumberGreaterThan",
    "NumberGreaterOrEqualTo",
    "NumberLessThan",
    "NumberLessOrEqualTo",
    "NumericLessThan",
];

/// The operators that compare text and only text (`Equals` compares any
/// value as text).
const TEXT_OPERATORS: [&str; 3] = ["TextStartsWith", "TextEndsWith", "TextContains"];

/// The condition's operator, when it has one.
pub(crate) fn operator(condition: Option<&Value>) -> Option<&str> {
    condition?.get("Operator")?.as_str()
}

/// The condition's operand, when it has exactly one and it is a string.
pub(crate) fn operand(condition: Option<&Value>) -> Option<&str> {
    match condition?.get("Operands")?.as_array()?.as_slice() {
        [Value::String(text)] => Some(text),
        _ => None,
    }
}

/// Whether `operator` compares numbers.
pub(crate) fn is_number_operator(operator: &str) -> bool {
    NUMBER_OPERATORS.contains(&operator)
}

/// Whether `operator` compares text only (starts with, ends with, contains).
pub(crate) fn is_text_operator(operator: &str) -> bool {
    TEXT_OPERATORS.contains(&operator)
}

/// Whether `condition` holds for `value`.
pub(crate) fn evaluate(condition: Option<&Value>, value: &str) -> Verdict {
    let Some(condition) = condition else {
        return Verdict::NotSimulated("a condition branch has no Condition".into());
    };
    let Some(operator) = condition.get("Operator").and_then(Value::as_str) else {
        return Verdict::NotSimulated("a condition has no Operator".into());
    };
    let operand = match condition.get("Operands").and_then(Value::as_array) {
        Some(items) if items.len() == 1 => match &items[0] {
            Value::String(s) => s.as_str(),
            _ => return Verdict::NotSimulated("a condition's operand is not a string".into()),
        },
        Some(items) => {
            return Verdict::NotSimulated(format!(
                "a condition has {} operands; what more than one means is not documented",
                items.len()
            ))
        }
        None => return Verdict::NotSimulated("a condition has no Operands".into()),
    };
    match operator {
        "Equals" => {
            let holds = value == operand;
            // Numbers compared as text: "5" is not "5.0". [UNCONFIRMED]
            let note = (!holds && numeric_equal(value, operand)).then(|| {
                format!(
                    "[UNCONFIRMED] Equals compares text: {value:?} is not {operand:?}, \
                     though they are equal as numbers"
                )
            });
            Verdict::Holds(holds, note)
        }
        "TextStartsWith" => Verdict::Holds(value.starts_with(operand), None),
        "TextEndsWith" => Verdict::Holds(value.ends_with(operand), None),
        "TextContains" => Verdict::Holds(value.contains(operand), None),
        _ if is_number_operator(operator) => match (number(value), number(operand)) {
            (Some(a), Some(b)) => Verdict::Holds(
                match operator {
                    "NumberGreaterThan" => a > b,
                    "NumberGreaterOrEqualTo" => a >= b,
                    "NumberLessOrEqualTo" => a <= b,
                    _ => a < b,
                },
                None,
            ),
            _ => Verdict::Holds(
                false,
                Some(format!(
                    "[UNCONFIRMED] {operator} on a value that is not a number \
                         ({value:?} against {operand:?}) is taken as not holding"
                )),
            ),
        },
        other => Verdict::NotSimulated(format!("the operator {other} is not in the flow language")),
    }
}

/// `text` as the number operators read it; `None` when it is not a number.
pub(crate) fn number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|n| n.is_finite())
}

fn numeric_equal(a: &str, b: &str) -> bool {
    matches!((number(a), number(b)), (Some(x), Some(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn eval(operator: &str, operand: &str, value: &str) -> Verdict {
        evaluate(
            Some(&json!({"Operator": operator, "Operands": [operand]})),
            value,
        )
    }

    #[test]
    fn text_operators_are_case_sensitive() {
        assert_eq!(eval("Equals", "Gold", "Gold"), Verdict::Holds(true, None));
        assert_eq!(eval("Equals", "Gold", "gold"), Verdict::Holds(false, None));
        assert_eq!(
            eval("TextStartsWith", "Go", "gold"),
            Verdict::Holds(false, None)
        );
        assert_eq!(
            eval("TextEndsWith", "ld", "Gold"),
            Verdict::Holds(true, None)
        );
        assert_eq!(
            eval("TextContains", "OL", "Gold"),
            Verdict::Holds(false, None)
        );
    }

    #[test]
    fn numbers_and_their_assumptions() {
        assert_eq!(
            eval("NumberGreaterThan", "10", "10.5"),
            Verdict::Holds(true, None)
        );
        assert_eq!(
            eval("NumberLessOrEqualTo", "3", "3"),
            Verdict::Holds(true, None)
        );
        assert_eq!(
            eval("NumberGreaterOrEqualTo", "3", "2"),
            Verdict::Holds(false, None)
        );
        assert!(
            matches!(eval("NumberLessThan", "3", "abc"), Verdict::Holds(false, Some(n)) if n.contains("[UNCONFIRMED]"))
        );
        assert!(
            matches!(eval("Equals", "5", "5.0"), Verdict::Holds(false, Some(n)) if n.contains("compares text"))
        );
    }

    #[test]
    fn what_is_not_documented_is_not_guessed() {
        let two = json!({"Operator": "Equals", "Operands": ["a", "b"]});
        assert!(matches!(
            evaluate(Some(&two), "a"),
            Verdict::NotSimulated(_)
        ));
        assert!(matches!(
            eval("Matches", "a", "a"),
            Verdict::NotSimulated(_)
        ));
        assert!(matches!(evaluate(None, "a"), Verdict::NotSimulated(_)));
    }
}
