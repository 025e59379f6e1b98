//! The results as JUnit XML, the format CI systems (Jenkins, GitLab,
//! GitHub's test reporters, Azure DevOps) display.
//!
//! Written by hand, not with an XML crate: the document is five element
//! kinds, and the one subtle part, dropping the characters XML 1.0 forbids
//! (control characters a case or a Lambda may hold), is not done by the
//! escaping of the common XML writers either.

use std::fmt::Write as _;

use super::result::{CaseResult, Failure, Report};

/// The report as a JUnit XML document: one `<testsuite>` named
/// `connect-flow test`, one `<testcase>` per case (its class name the case
/// file), each failure a `<failure>` with its message and details.
///
/// ```
/// use connect_flow::testcase::{junit, CaseResult, Report};
///
/// let report = Report { cases: vec![CaseResult::new("happy <path>", "cases/happy.json")], coverage: None };
/// let xml = junit(&report);
/// assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"));
/// assert!(xml.contains("<testcase name=\"happy &lt;path&gt;\" classname=\"cases/happy.json\""));
/// ```
pub fn junit(report: &Report) -> String {
    // Times in seconds with at most three decimals: Surefire's format, which
    // Jenkins' schema (SUREFIRE_TIME) holds every `time` to.
    let total = report.cases.len();
    let failed = report.failed();
    // Summed as durations: a sum of no f64 is -0.0, which prints as `-0.000`.
    let time = report
        .cases
        .iter()
        .map(|c| c.duration)
        .sum::<std::time::Duration>()
        .as_secs_f64();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"connect-flow test\" tests=\"{total}\" failures=\"{failed}\" errors=\"0\" time=\"{time:.3}\">"
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"connect-flow test\" tests=\"{total}\" failures=\"{failed}\" errors=\"0\" skipped=\"0\" time=\"{time:.3}\">"
    );
    for case in &report.cases {
        case_element(&mut out, case);
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

fn case_element(out: &mut String, case: &CaseResult) {
    let _ = write!(
        out,
        "    <testcase name=\"{}\" classname=\"{}\" time=\"{:.3}\"",
        escape(&case.name),
        escape(&case.file.display().to_string()),
        case.duration.as_secs_f64()
    );
    if case.failures.is_empty() && case.notes.is_empty() {
        out.push_str("/>\n");
        return;
    }
    out.push_str(">\n");
    if let Some(first) = case.failures.first() {
        let _ = writeln!(
            out,
            "      <failure message=\"{}\" type=\"{}\">{}</failure>",
            escape(&summary(first)),
            kind(first),
            escape(&details(case))
        );
    }
    if !case.notes.is_empty() {
        let notes: Vec<String> = case
            .notes
            .iter()
            .map(|n| format!("note: at {}: {}", n.at, n.text))
            .collect();
        let _ = writeln!(
            out,
            "      <system-out>{}</system-out>",
            escape(&notes.join("\n"))
        );
    }
    out.push_str("    </testcase>\n");
}

fn kind(failure: &Failure) -> &'static str {
    match failure {
        Failure::Unmet { .. } => "unmet-observation",
        Failure::Assertion(_) => "assertion",
        Failure::MockNotInContract(_) => "mock-not-in-contract",
        Failure::Simulation { .. } => "simulation",
    }
}

fn summary(failure: &Failure) -> String {
    match failure {
        Failure::Unmet {
            observation,
            awaited,
            ..
        } => format!("observation {observation:?} was never met: waited for {awaited}"),
        Failure::Assertion(a) => format!(
            "assertion {:?} failed: {} {}: expected {}, actual {}",
            a.action,
            a.namespace,
            a.operator.name(),
            a.expected
                .as_deref()
                .map_or_else(|| "nothing".to_owned(), |v| format!("{v:?}")),
            a.actual
                .as_deref()
                .map_or_else(|| "not set".to_owned(), |v| format!("{v:?}"))
        ),
        Failure::MockNotInContract(p) => format!("mock-not-in-contract: {}", p.message),
        Failure::Simulation { message } => message.clone(),
    }
}

/// Every failure, one a line: JUnit has room for one `<failure>` per case.
fn details(case: &CaseResult) -> String {
    let mut text = String::new();
    for failure in &case.failures {
        text.push_str(&summary(failure));
        if let Failure::Unmet { instead, .. } = failure {
            let _ = write!(text, "; instead: {instead}");
        }
        if let Failure::MockNotInContract(p) = failure {
            let _ = write!(text, " (at {})", p.at);
            if let Some(s) = &p.suggestion {
                let _ = write!(text, "; did you mean `{s}`?");
            }
        }
        text.push('\n');
    }
    text
}

/// Escapes the five XML specials and replaces each character XML 1.0 does
/// not allow (most C0 controls) with U+FFFD.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn characters_xml_forbids_are_replaced() {
        assert_eq!(
            escape("a\u{1b}[31m<b>&\"'"),
            "a\u{FFFD}[31m&lt;b&gt;&amp;&quot;&apos;"
        );
    }
}
