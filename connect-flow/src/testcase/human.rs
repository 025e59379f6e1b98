//! The results as a person reads them at a terminal.

use std::fmt::Write as _;

use super::result::{AssertionResult, Failure, Report};

/// Each case with PASS or FAIL, each failure under it (a failed assertion
/// with what was expected and what was there), then a count and the
/// coverage summary.
///
/// ```
/// use connect_flow::testcase::{human, CaseResult, Report};
///
/// let report = Report { cases: vec![CaseResult::new("happy path", "cases/happy.json")], coverage: None };
/// assert_eq!(human(&report), "PASS happy path (cases/happy.json)\n\n1 case: 1 passed, 0 failed\n");
/// ```
pub fn human(report: &Report) -> String {
    let mut out = String::new();
    for case in &report.cases {
        let _ = writeln!(
            out,
            "{} {} ({})",
            if case.passed() { "PASS" } else { "FAIL" },
            safe(&case.name),
            safe(&case.file.display().to_string())
        );
        for failure in &case.failures {
            failure_lines(&mut out, failure);
        }
        if !case.passed() {
            for log in &case.logs {
                let _ = writeln!(
                    out,
                    "  log {} ({}) = {}",
                    safe(&log.label),
                    safe(&log.path),
                    shown(log.value.as_deref())
                );
            }
        }
        for note in &case.notes {
            let _ = writeln!(out, "  note: at {}: {}", safe(&note.at), safe(&note.text));
        }
    }
    let total = report.cases.len();
    let failed = report.failed();
    let _ = writeln!(
        out,
        "\n{total} case{}: {} passed, {failed} failed",
        if total == 1 { "" } else { "s" },
        total - failed
    );
    if let Some(coverage) = &report.coverage {
        let _ = writeln!(out, "{}", coverage.summary);
    }
    out
}

fn failure_lines(out: &mut String, failure: &Failure) {
    match failure {
        Failure::Unmet {
            observation,
            awaited,
            instead,
        } => {
            let _ = writeln!(
                out,
                "  observation {} was never met\n    waited for: {}\n    instead:    {}",
                quoted(observation),
                safe(awaited),
                safe(instead)
            );
        }
        Failure::Assertion(a) => assertion_lines(out, a),
        Failure::MockNotInContract(problem) => {
            let _ = writeln!(
                out,
                "  error[mock-not-in-contract]: {}\n    --> at {}",
                safe(&problem.message),
                safe(&problem.at)
            );
            if let Some(s) = &problem.suggestion {
                let _ = writeln!(out, "    = help: did you mean `{}`?", safe(s));
            }
        }
        Failure::Simulation { message } => {
            let _ = writeln!(out, "  the simulation stopped: {}", safe(message));
        }
    }
}

fn assertion_lines(out: &mut String, a: &AssertionResult) {
    let _ = writeln!(
        out,
        "  assertion {} (observation {}) failed: {} {}\n    expected: {}\n    actual:   {}",
        quoted(&a.action),
        quoted(&a.observation),
        safe(&a.namespace),
        a.operator.name(),
        shown(a.expected.as_deref()),
        shown(a.actual.as_deref())
    );
}

fn quoted(text: &str) -> String {
    format!("{text:?}")
}

fn shown(value: Option<&str>) -> String {
    value.map_or_else(|| "(not set)".to_owned(), quoted)
}

/// The text with control characters escaped, so a case or a flow cannot
/// move the cursor or recolour the terminal.
fn safe(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}
