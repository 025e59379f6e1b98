//! `connect-flow manifest --function NAME`: the manifest the flows imply for
//! one Lambda function.

use std::io::Write;
use std::path::PathBuf;

use super::{read_flows, report_error, scaffold_exit_code, EXIT_OK};
use crate::model::Model;
use crate::output::json::safe_for_terminal;
use crate::scaffold::{contracts, manifest, ScaffoldError};

/// The arguments of `connect-flow manifest`.
#[derive(Debug, Clone, clap::Args)]
pub struct ManifestArgs {
    /// The flows to read.
    #[arg(required = true, value_name = "INPUT", help = concat!("The flows to read. ", input_help!()))]
    pub flows: Vec<PathBuf>,
    /// The Lambda function: its name in LambdaFunctionARN, or a
    /// placeholder's name as pairing reads it (case, `-` and `_` ignored).
    #[arg(long, value_name = "NAME")]
    pub function: String,
}

fn implied(args: &ManifestArgs) -> Result<connect_types::manifest::Manifest, ScaffoldError> {
    let (flows, unreadable) = read_flows(&args.flows);
    // A manifest implied by some of the flows would miss what the others read.
    if let Some(e) = unreadable.into_iter().next() {
        return Err(e.into());
    }
    let found = contracts(&Model::new(flows))?;
    if found.lambdas.is_empty() {
        return Err(ScaffoldError::NoFunction);
    }
    let contract = found
        .lambdas
        .iter()
        .find(|contract| contract.is_named(&args.function))
        .ok_or_else(|| ScaffoldError::UnknownFunction {
            name: args.function.clone(),
            known: found
                .lambdas
                .iter()
                .map(|contract| format!("`{}`", contract.function))
                .collect::<Vec<_>>()
                .join(", "),
        })?;
    Ok(manifest(contract))
}

/// Runs `connect-flow manifest --function NAME`: prints the manifest the
/// flows imply for that function; exit codes as for `scaffold`.
pub(super) fn run(args: &ManifestArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    match implied(args) {
        Ok(manifest) => match serde_json::to_string_pretty(&manifest).map(safe_for_terminal) {
            Ok(text) => {
                let _ = writeln!(stdout, "{text}");
                EXIT_OK
            }
            Err(e) => {
                report_error(stderr, &e);
                super::EXIT_INPUT
            }
        },
        Err(e) => {
            report_error(stderr, &e);
            scaffold_exit_code(&e)
        }
    }
}
