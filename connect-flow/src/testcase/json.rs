//! The results as JSON, for a pipeline.

use super::result::Report;

/// The report as pretty JSON: `cases` (each with `failures`, `assertions`,
/// `logs`, `notes`, `duration` in seconds) and, when asked for, `coverage`.
///
/// ```
/// use connect_flow::testcase::{json, CaseResult, Report};
///
/// let report = Report { cases: vec![CaseResult::new("happy", "happy.json")], coverage: None };
/// let value: serde_json::Value = serde_json::from_str(&json(&report)).unwrap();
/// assert_eq!(value["cases"][0]["name"], "happy");
/// assert_eq!(value["passed"], true);
/// ```
pub fn json(report: &Report) -> String {
    #[derive(serde::Serialize)]
    struct Out<'a> {
        passed: bool,
        #[serde(flatten)]
        report: &'a Report,
    }
    serde_json::to_string_pretty(&Out {
        passed: report.passed(),
        report,
    })
    // Serialising plain structs of strings and numbers cannot fail; an
    // empty object keeps the no-panic rule should it ever.
    .unwrap_or_else(|_| "{}".to_owned())
}
