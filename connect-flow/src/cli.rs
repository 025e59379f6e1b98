//! The `connect-flow` command line.
//!
//! ```text
//! connect-flow check FLOW.json [FLOW2.json ...] [--manifest M.json ...]
//!     [--map ARN=M.json ...] [--map-file MAPS.json]
//!     [--format human|json|sarif|html] [--deny-warnings]
//! connect-flow scaffold FLOW.json [FLOW2.json ...] --out DIR
//!     [--manifest M.json ...] [--map ARN=M.json ...] [--map-file MAPS.json]
//!     [--connect-lambda-path PATH] [--force]
//! connect-flow manifest FLOW.json [FLOW2.json ...] --function NAME
//! connect-flow simulate FLOW.json [FLOW2.json ...] [--lambda F=COMMAND ...]
//!     [--mock F=RESPONSE.json ...] [--manifest M.json ...] [--dtmf DIGITS ...]
//!     [--say TEXT ...] [--hours open|closed] [--format human|json] ...
//! connect-flow test CASE.json [CASE2.json ...] --flow FLOW.json [--flow ...]
//!     [--lambda F=COMMAND ...] [--mock F=RESPONSE.json ...] [--manifest M.json ...]
//!     [--format human|json|junit] [--coverage FILE.html]
//! ```
//!
//! Exit 0 when there is no error (warnings alone pass unless
//! `--deny-warnings`), 1 when there are errors, 2 when an input cannot be
//! read (with a message that says which and why). `scaffold` and
//! `manifest` are [`crate::scaffold`]'s; their exit codes follow `check`'s:
//! 1 when the flows ask two incompatible things of a Lambda, 2 when an
//! input cannot be read.

pub mod simulate;
pub mod test;

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::designer::BlockName;
use crate::error::InputError;
use crate::findings::{check, fails, Finding};
use crate::flow::Flow;
use crate::html::html;
use crate::matching::{parse_map, parse_map_file, LoadedManifest, Manifests};
use crate::placeholder::Placeholder;
use crate::report::{human, json, Summary};
use crate::sarif::sarif;

/// Exit code: no errors (and no warnings under `--deny-warnings`).
pub const EXIT_OK: u8 = 0;
/// Exit code: the check found errors.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: an input could not be read, or the command line is wrong.
pub const EXIT_INPUT: u8 = 2;

/// Checks exported Amazon Connect flows against connect-lambda handler
/// manifests, before deployment.
#[derive(Debug, Parser)]
#[command(name = "connect-flow", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check flows: every $.External reference against the keys the Lambda
    /// that ran last returns, every parameter a Lambda requires, every
    /// block's timeout and validation.
    ///
    /// Exit status: 0 no errors, 1 errors (or warnings with --deny-warnings),
    /// 2 an input cannot be read.
    Check(CheckArgs),
    /// Write a Cargo package with one Rust Lambda per function the flows
    /// invoke: the parameters they pass, the $.External keys they read.
    Scaffold(crate::scaffold::command::ScaffoldArgs),
    /// Print the manifest the flows imply for one Lambda function: the
    /// start of a hand-written manifest for a Lambda in any language.
    Manifest(crate::scaffold::command::ManifestArgs),
    /// Run one contact through the flows offline: each block and branch,
    /// the prompts, each Lambda call (a command or a checked mock), the
    /// attributes at the end and the outcome.
    ///
    /// Exit status: 0 the contact reached an end, 1 the run stopped short
    /// (a block not simulated, a loop), 2 an input cannot be read.
    Simulate(simulate::SimulateArgs),
    /// Run Amazon Connect test cases (the Testing language) offline on the
    /// flows: observations in order, caller instructions, checked mocks,
    /// assertions; results as text, JSON or JUnit XML, and coverage.
    ///
    /// Exit status: 0 every case passed, 1 a case failed, 2 an input cannot
    /// be read.
    Test(test::TestArgs),
}

/// The flows and manifests a subcommand reads, matched as `check` matches
/// them: shared by `check` and `scaffold`.
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Exported flows (Amazon Connect flow language, Version 2019-10-30).
    #[arg(required = true, value_name = "FLOW.json")]
    pub flows: Vec<PathBuf>,
    /// A handler manifest; matched to actions by the function name in
    /// LambdaFunctionARN (its `function`, or else `handler`, ignoring case,
    /// `-` and `_`), or by a placeholder's name.
    #[arg(long = "manifest", value_name = "M.json")]
    pub manifests: Vec<PathBuf>,
    /// Match an exact LambdaFunctionARN string (a placeholder such as
    /// ${Fn.Arn}, or a dynamic reference) to a manifest; wins over name
    /// matching.
    #[arg(long = "map", value_name = "ARN=M.json")]
    pub maps: Vec<String>,
    /// A JSON object of LambdaFunctionARN string to manifest path (relative
    /// to this file's folder), for pipelines with many Lambdas; --map wins
    /// over it.
    #[arg(long = "map-file", value_name = "MAPS.json")]
    pub map_file: Option<PathBuf>,
}

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

/// The flows and manifests of one check, read from disk.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// The flows, in the order given.
    pub flows: Vec<Flow>,
    /// The manifests, with the `--map` table.
    pub manifests: Manifests,
}

impl InputArgs {
    /// Reads every flow, manifest and `--map` target.
    ///
    /// # Errors
    /// The first [`InputError`]: flows first, then manifests, then maps.
    pub fn load(&self) -> Result<Inputs, InputError> {
        let flows = crate::input::read_all(&self.flows).into_flows()?;
        let mut manifests = Manifests::new();
        for path in &self.manifests {
            manifests.add(LoadedManifest::load(path)?);
        }
        let mut maps = Vec::new();
        if let Some(path) = &self.map_file {
            let bytes = std::fs::read(path).map_err(|source| InputError::Read {
                path: path.clone(),
                source,
            })?;
            maps.extend(parse_map_file(&bytes, path)?);
        }
        for argument in &self.maps {
            maps.push(parse_map(argument)?);
        }
        for (arn, path) in maps {
            let index = match manifests.all().iter().position(|m| m.path == path) {
                Some(index) => index,
                None => manifests.add(LoadedManifest::load(&path)?),
            };
            manifests.map(arn, index);
        }
        Ok(Inputs { flows, manifests })
    }
}

impl CheckArgs {
    /// Runs the check and returns the findings.
    ///
    /// # Errors
    /// An [`InputError`] from reading the inputs or from an ambiguous match.
    pub fn findings(&self) -> Result<(Inputs, Vec<Finding>), InputError> {
        let inputs = self.inputs.load()?;
        let findings = check(&inputs.flows, &inputs.manifests)?;
        Ok((inputs, findings))
    }
}

/// Runs the command line `args` (the program name first), writing findings to
/// `stdout` and messages about unreadable input to `stderr`; returns the exit
/// code.
///
/// ```
/// let mut out = Vec::new();
/// let mut err = Vec::new();
/// let code = connect_flow::cli::run(["connect-flow", "check", "no/such/flow.json"], &mut out, &mut err);
/// assert_eq!(code, 2);
/// assert!(String::from_utf8(err).unwrap().contains("no/such/flow.json: cannot read the file"));
/// ```
pub fn run<I, T>(args: I, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let text = e.render().to_string();
            let code = e.exit_code();
            if code == 0 {
                let _ = write!(stdout, "{text}");
                return EXIT_OK;
            }
            let _ = write!(stderr, "{text}");
            return EXIT_INPUT;
        }
    };
    match cli.command {
        Command::Check(args) => run_check(&args, stdout, stderr),
        Command::Scaffold(args) => crate::scaffold::command::run_scaffold(&args, stdout, stderr),
        Command::Manifest(args) => crate::scaffold::command::run_manifest(&args, stdout, stderr),
        Command::Simulate(args) => simulate::run_simulate(&args, stdout, stderr),
        Command::Test(args) => test::run_test(&args, stdout, stderr),
    }
}

fn run_check(args: &CheckArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let (inputs, findings) = match args.findings() {
        Ok(done) => done,
        Err(e) => {
            let _ = writeln!(stderr, "error: {e}");
            return EXIT_INPUT;
        }
    };
    for pairing in inputs.manifests.pairings(&inputs.flows) {
        if let Some(manifest) = inputs.manifests.get(pairing.manifest) {
            let _ = writeln!(
                stderr,
                "note: {}: {} is paired with {}: the placeholder names `{}`; --map overrides it",
                pairing.flow.display(),
                BlockName::of(pairing.action),
                manifest.path.display(),
                Placeholder::read(pairing.placeholder)
                    .map(|p| p.name().to_owned())
                    .unwrap_or_default()
            );
        }
    }
    let written = match args.format {
        Format::Json => writeln!(stdout, "{}", json(&findings)),
        Format::Sarif => writeln!(stdout, "{}", sarif(&findings)),
        Format::Html => writeln!(
            stdout,
            "{}",
            html(&inputs.flows, &inputs.manifests, &findings)
        ),
        Format::Human => {
            let summary = Summary::of(&findings, inputs.flows.len(), inputs.manifests.all().len());
            let body = human(&findings);
            if body.is_empty() {
                writeln!(stdout, "{summary}")
            } else {
                writeln!(stdout, "{body}\n{summary}")
            }
        }
    };
    if written.is_err() {
        return EXIT_INPUT;
    }
    if fails(&findings, args.deny_warnings) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
