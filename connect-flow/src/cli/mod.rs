//! The `connect-flow` command line: one file per command, each a reader of
//! the resolved [`Model`].
//!
//! ```text
//! connect-flow check INPUT [INPUT ...] [--manifest M.json ...]
//!     [--map ARN=M.json ...] [--map-file MAPS.json]
//!     [--format human|json|sarif|html] [--deny-warnings]
//! connect-flow scaffold INPUT [INPUT ...] --out DIR
//!     [--manifest M.json ...] [--map ARN=M.json ...] [--map-file MAPS.json]
//!     [--connect-lambda-path PATH] [--force]
//! connect-flow manifest INPUT [INPUT ...] --function NAME
//! connect-flow simulate INPUT [INPUT ...] [--lambda F=COMMAND ...]
//!     [--mock F=RESPONSE.json ...] [--manifest M.json ...] [--dtmf DIGITS ...]
//!     [--say TEXT ...] [--hours open|closed] [--format human|json] ...
//! connect-flow test CASE.json [CASE2.json ...] --flow INPUT [--flow ...]
//!     [--lambda F=COMMAND ...] [--mock F=RESPONSE.json ...] [--manifest M.json ...]
//!     [--format human|json|junit] [--coverage FILE.html]
//! ```
//!
//! Every INPUT is read by [`crate::input`]: a flow export, a directory,
//! `describe-contact-flow(-module)` output or a CloudFormation JSON template.
//!
//! Exit 0 when there is no error (warnings alone pass unless
//! `--deny-warnings`), 1 when there are errors, 2 when an input cannot be
//! read (with a message that says which and why). `check` still checks and
//! writes, in the chosen format, every flow it could read. `scaffold` and
//! `manifest` exit 1 when the flows ask two incompatible things of a Lambda,
//! 2 when an input cannot be read.

/// What an INPUT of any command may be, for its `--help` (a macro, so each
/// command's help can `concat!` its own first sentence to it): one wording
/// of what [`crate::input`] reads.
macro_rules! input_help {
    () => {
        "Each INPUT is a flow export (Amazon Connect flow language, Version \
         2019-10-30), a directory (every flow under it), `aws connect \
         describe-contact-flow` or `describe-contact-flow-module` output, or a \
         CloudFormation JSON template (CDK's cdk.out/*.template.json included: \
         every AWS::Connect::ContactFlow and ContactFlowModule resource in it)."
    };
}

/// How `simulate` and `test` find the flow a block or a test case names,
/// for their `--help`: one wording of the model's link rules
/// ([`crate::model::Block::link`], [`crate::model::Model::flow_named`]).
macro_rules! flow_matching_help {
    () => {
        "A flow is found by what names it: an ARN's last part (the flow's id), \
         the name in a placeholder ({{contactFlows.Main.arn}}, \
         ${var.main_flow_arn}) or a name, against each flow's \
         describe-contact-flow Name and Id, its Metadata.name, its template \
         logical id and its file name, ignoring case and separators; a name \
         two flows share finds neither. A block's ContactFlowId or FlowModuleId \
         is tried before the name the designer shows for its target; a $. \
         reference there is read when the contact runs."
    };
}

mod check;
pub mod lambda_sources;
mod manifest;
mod scaffold;

pub mod simulate;
pub mod test;

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use check::{CheckArgs, Format};
pub use manifest::ManifestArgs;
pub use scaffold::ScaffoldArgs;

use crate::error::InputError;
use crate::flow::Flow;
use crate::matching::{parse_map, parse_map_file, LoadedManifest, Manifests};
use crate::model::Model;
use crate::output::terminal::escape;
use crate::scaffold::ScaffoldError;

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
    Scaffold(ScaffoldArgs),
    /// Print the manifest the flows imply for one Lambda function: the
    /// start of a hand-written manifest for a Lambda in any language.
    Manifest(ManifestArgs),
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
    /// The flows to read.
    #[arg(required = true, value_name = "INPUT", help = concat!("The flows to read. ", input_help!()))]
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

/// The flows and manifests of one run, read from disk.
#[derive(Debug)]
pub struct Inputs {
    /// The flows that could be read, resolved, in the order given.
    pub model: Model,
    /// The manifests, with the `--map` table.
    pub manifests: Manifests,
    /// Why each flow that could not be read could not, in the order given.
    pub unreadable: Vec<InputError>,
}

/// Reads every flow in `paths`: the flows read, and the error of each one
/// that could not be.
pub fn read_flows(paths: &[PathBuf]) -> (Vec<Flow>, Vec<InputError>) {
    let loaded = crate::input::read_all(paths);
    (loaded.flows, loaded.errors)
}

impl InputArgs {
    /// Reads every flow, manifest and `--map` target, and resolves the
    /// flows. A flow that cannot be read is kept in [`Inputs::unreadable`]
    /// and the others are read on.
    ///
    /// # Errors
    /// The first [`InputError`] of the manifests and maps: a check against
    /// half its manifests would report wrong findings.
    pub fn load(&self) -> Result<Inputs, InputError> {
        let (flows, unreadable) = read_flows(&self.flows);
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
        Ok(Inputs {
            model: Model::new(flows),
            manifests,
            unreadable,
        })
    }
}

/// Writes `error: {message}` to `stderr`, escaped for a terminal.
fn report_error(stderr: &mut dyn Write, error: &dyn std::fmt::Display) {
    let _ = writeln!(stderr, "error: {}", escape(&error.to_string()));
}

/// The exit code of a `scaffold` or `manifest` error.
fn scaffold_exit_code(error: &ScaffoldError) -> u8 {
    match error {
        ScaffoldError::ConflictingValidation { .. }
        | ScaffoldError::ObjectAndValue { .. }
        | ScaffoldError::NestedUnderStringMap { .. } => EXIT_FINDINGS,
        _ => EXIT_INPUT,
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
            let _ = write!(stderr, "{}", escape_lines(&text));
            return EXIT_INPUT;
        }
    };
    match cli.command {
        Command::Check(args) => check::run(&args, stdout, stderr),
        Command::Scaffold(args) => scaffold::run(&args, stdout, stderr),
        Command::Manifest(args) => manifest::run(&args, stdout, stderr),
        Command::Simulate(args) => simulate::run_simulate(&args, stdout, stderr),
        Command::Test(args) => test::run_test(&args, stdout, stderr),
    }
}

/// `text` escaped for a terminal line by line, its line breaks kept.
fn escape_lines(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| match line.strip_suffix('\n') {
            Some(line) => format!("{}\n", escape(line)),
            None => escape(line).into_owned(),
        })
        .collect()
}
