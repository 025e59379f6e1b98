//! `connect-flow scaffold`: a Cargo package with one Rust Lambda per
//! function the flows invoke.

use std::io::Write;
use std::path::PathBuf;

use super::{report_error, scaffold_exit_code, InputArgs, EXIT_OK};
use crate::output::terminal::escape;
use crate::scaffold::{
    contracts, files, handler_name, package_name, write, BlockRef, Dependency, ScaffoldError,
};

/// The arguments of `connect-flow scaffold`.
#[derive(Debug, Clone, clap::Args)]
pub struct ScaffoldArgs {
    /// The folder to write the Cargo package in (created if missing; it
    /// must be empty unless --force).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Depend on the connect-lambda checkout at PATH instead of the
    /// published version.
    #[arg(long, value_name = "PATH")]
    pub connect_lambda_path: Option<PathBuf>,
    /// Write into a folder that is not empty, overwriting the files the
    /// scaffold writes (other files are left as they are).
    #[arg(long)]
    pub force: bool,
    /// The manifests of Lambdas that already have a handler, matched to
    /// blocks as `check` matches them: their functions get no bin.
    #[command(flatten)]
    pub inputs: InputArgs,
}

/// What `scaffold` did.
struct Scaffolded {
    /// The bins written.
    bins: Vec<String>,
    /// The functions a given manifest already covers, with that manifest.
    kept: Vec<(String, PathBuf)>,
    /// The blocks whose function is chosen at run time and no `--map` names.
    unnamed: Vec<BlockRef>,
}

fn scaffold(args: &ScaffoldArgs) -> Result<Scaffolded, ScaffoldError> {
    // The flows and manifests are read, and manifests matched to blocks,
    // exactly as `check` reads and matches them.
    let inputs = args.inputs.load()?;
    // A package written from some of the flows would miss their Lambdas.
    if let Some(e) = inputs.unreadable.into_iter().next() {
        return Err(e.into());
    }
    let manifest_of = |arn: &str| {
        let index = inputs.manifests.resolve(arn).ok()?.index()?;
        inputs.manifests.get(index)
    };
    let mut found = contracts(&inputs.model)?;
    let mut kept = Vec::new();
    found.lambdas.retain(
        |contract| match contract.arns.iter().find_map(|arn| manifest_of(arn)) {
            Some(manifest) => {
                kept.push((contract.function.clone(), manifest.path.clone()));
                false
            }
            None => true,
        },
    );
    let unnamed = found
        .unnamed
        .iter()
        .filter(|(_, arn)| manifest_of(arn).is_none())
        .map(|(block, _)| block.clone())
        .collect();
    if found.lambdas.is_empty() {
        return Err(if kept.is_empty() {
            ScaffoldError::NoFunction
        } else {
            ScaffoldError::EveryFunctionHasAManifest
        });
    }

    // Absolute, since Cargo reads a path dependency relative to the
    // package, not to where scaffold ran.
    let dependency = match &args.connect_lambda_path {
        Some(path) => Dependency::Path(std::fs::canonicalize(path).map_err(|source| {
            ScaffoldError::ConnectLambdaPath {
                path: path.clone(),
                source,
            }
        })?),
        None => Dependency::default(),
    };
    let names: Vec<String> = inputs
        .model
        .raw()
        .map(|flow| {
            flow.path.file_name().map_or_else(
                || flow.path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        })
        .collect();
    let files = files(&package_name(&args.out), &found, &dependency, &names);
    write(&args.out, &files, args.force)?;
    Ok(Scaffolded {
        bins: found
            .lambdas
            .iter()
            .map(|contract| handler_name(&contract.function))
            .collect(),
        kept,
        unnamed,
    })
}

/// Runs `connect-flow scaffold`: exit 0 when the package is written, 1 when
/// the flows ask incompatible things of a Lambda, 2 when an input cannot be
/// read or the folder is in the way. Nothing is written unless 0.
pub(super) fn run(args: &ScaffoldArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    match scaffold(args) {
        Ok(done) => {
            for (function, manifest) in &done.kept {
                let note = format!(
                    "`{function}` has a manifest ({}): no bin for it",
                    manifest.display()
                );
                let _ = writeln!(stderr, "note: {}", escape(&note));
            }
            for block in &done.unnamed {
                let note = format!(
                    "{block} invokes a function chosen at run time: no bin for it; \
                     write its handler by hand"
                );
                let _ = writeln!(stderr, "note: {}", escape(&note));
            }
            let count = done.bins.len();
            let line = format!(
                "wrote {}: {count} {} ({})",
                args.out.display(),
                if count == 1 { "bin" } else { "bins" },
                done.bins.join(", ")
            );
            let _ = writeln!(stdout, "{}", escape(&line));
            EXIT_OK
        }
        Err(e) => {
            report_error(stderr, &e);
            scaffold_exit_code(&e)
        }
    }
}
