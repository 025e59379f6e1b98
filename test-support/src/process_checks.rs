//! The runner of the `harness = false` tests that re-run themselves as a
//! child process (`cli_process`, `runtime_safety`): libtest would run their
//! checks on threads of one process, while each of these needs the whole
//! process (its environment, its panic hook, its exit code) to itself.
//! [`run`] runs the checks; [`spawn_self`] and [`finish`] run the child
//! (through [`crate::child`], as every test's child process).

use std::process::{Command, Stdio};
use std::time::Duration;

pub use crate::child::{Output, Running};

/// One check: `Err` holds what went wrong, for the report.
pub type Check = fn() -> Result<(), String>;

/// Runs every check in order, prints a libtest-like line for each and a
/// summary naming `suite`, and exits 1 when any failed.
pub fn run(suite: &str, checks: &[(&str, Check)]) {
    let mut failed = 0;
    for (name, check) in checks {
        match check() {
            Ok(()) => println!("test {name} ... ok"),
            Err(problem) => {
                failed += 1;
                println!("test {name} ... FAILED\n{problem}");
            }
        }
    }
    println!();
    println!("{suite}: {} passed, {failed} failed", checks.len() - failed);
    if failed > 0 {
        std::process::exit(1);
    }
}

/// The variables that switch `connect_lambda::run` to serving Lambda or
/// change what it reports: removed from every child's environment, so a
/// child sees only what its check sets.
pub const LAMBDA_VARIABLES: &[&str] = &[
    "AWS_LAMBDA_RUNTIME_API",
    "AWS_LAMBDA_FUNCTION_NAME",
    "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    "AWS_LAMBDA_MAX_CONCURRENCY",
    "CONNECT_LAMBDA_PANIC_MESSAGES",
];

/// Starts this test binary again as a child: `marker` set in its
/// environment (the test's `main` sees it and becomes the handler binary),
/// [`LAMBDA_VARIABLES`] removed, `env` on top, `args` as its command line,
/// its output read as it runs ([`Running`]).
pub fn spawn_self(
    marker: &str,
    args: &[&str],
    env: &[(&str, &str)],
    stdin: Stdio,
) -> Result<Running, String> {
    let exe = std::env::current_exe().map_err(|error| error.to_string())?;
    let mut command = Command::new(exe);
    command.args(args).env(marker, "1").stdin(stdin);
    for variable in LAMBDA_VARIABLES {
        command.env_remove(variable);
    }
    for (variable, value) in env {
        command.env(variable, value);
    }
    Running::start(command)
}

/// Waits for `child` (stopping it first when `stop`) and returns what it
/// wrote: [`Running::finish`].
pub fn finish(child: Running, stop: bool, within: Duration) -> Result<Output, String> {
    child.finish(stop, within)
}
