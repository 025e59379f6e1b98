//! `connect-flow check`: the findings on the flows, in the chosen format.

use std::io::Write;

use clap::ValueEnum;

use super::{report_error, InputArgs, EXIT_FINDINGS, EXIT_INPUT, EXIT_OK};
use crate::findings::{check_model, fails};
use crate::output::html::html;
use crate::output::human::{human, Summary};
use crate::output::json::json;
use crate::output::sarif::sarif;
use crate::output::terminal::escape;

/// The arguments of `connect-flow check`.
#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// The flows and manifests.
    #[command(flatten)]
    pub inputs: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics for a terminal.
    Human,
    /// `{"findings": [...]}` for a pipeline.
    Json,
    /// SARIF 2.1.0, for code-review tools.
    Sarif,
    /// One self-contained HTML page: each flow drawn, each finding on its
    /// block.
    Html,
}

/// Runs `connect-flow check`. Each flow that cannot be read is reported on
/// `stderr` and the others are checked and written, so a pipeline's report
/// still holds them; the exit code is then 2.
pub(super) fn run(args: &CheckArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let inputs = match args.inputs.load() {
        Ok(inputs) => inputs,
        Err(e) => {
            report_error(stderr, &e);
            return EXIT_INPUT;
        }
    };
    for e in &inputs.unreadable {
        report_error(stderr, e);
    }
    if inputs.model.is_empty() {
        return EXIT_INPUT;
    }
    let findings = match check_model(&inputs.model, &inputs.manifests) {
        Ok(findings) => findings,
        Err(e) => {
            report_error(stderr, &e);
            return EXIT_INPUT;
        }
    };
    for pairing in inputs.manifests.pairings(&inputs.model) {
        if let Some(manifest) = inputs.manifests.get(pairing.manifest) {
            // The flow named as a finding names it: path, then the
            // template's logical id.
            let resource = pairing
                .resource
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            let note = format!(
                "{}{resource}: {} is paired with {}: the placeholder names `{}`; --map overrides it",
                pairing.flow.display(),
                pairing.block,
                manifest.path.display(),
                pairing.name
            );
            let _ = writeln!(stderr, "note: {}", escape(&note));
        }
    }
    let written = match args.format {
        Format::Json => writeln!(stdout, "{}", json(&findings)),
        Format::Sarif => writeln!(stdout, "{}", sarif(&findings)),
        Format::Html => writeln!(
            stdout,
            "{}",
            html(&inputs.model, &inputs.manifests, &findings)
        ),
        Format::Human => {
            let summary = Summary::of(&findings, inputs.model.len(), inputs.manifests.all().len());
            let body = human(&findings);
            if body.is_empty() {
                writeln!(stdout, "{summary}")
            } else {
                writeln!(stdout, "{body}\n{summary}")
            }
        }
    };
    if written.is_err() || !inputs.unreadable.is_empty() {
        return EXIT_INPUT;
    }
    if fails(&findings, args.deny_warnings) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
