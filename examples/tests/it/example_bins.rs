//! Runs an example binary the way a user does from the workspace root.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use connect_test_support::child::Running;

/// The example binaries, with their paths as cargo built them for the tests.
pub const BINS: [(&str, &str); 3] = [
    (
        "my_first_connect_lambda",
        env!("CARGO_BIN_EXE_my_first_connect_lambda"),
    ),
    ("caller_profile", env!("CARGO_BIN_EXE_caller_profile")),
    ("greeting_router", env!("CARGO_BIN_EXE_greeting_router")),
];

/// The path of the binary `name`.
pub fn bin(name: &str) -> &'static str {
    BINS.iter()
        .find(|(bin, _)| *bin == name)
        .unwrap_or_else(|| panic!("no example binary {name}"))
        .1
}

/// This package's folder (`examples/`).
pub fn package_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The workspace root, where the README's commands run.
pub fn workspace_root() -> PathBuf {
    package_dir()
        .parent()
        .expect("examples/ is inside the workspace")
        .to_owned()
}

/// What one run printed, and its exit code.
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs example `name` with `args` from the workspace root, `stdin` on its
/// standard input, outside Lambda whatever the test's environment, through
/// the tests' one child runner.
pub fn run(name: &str, args: &[&str], stdin: &[u8]) -> Output {
    let mut command = Command::new(bin(name));
    command
        .args(args)
        .current_dir(workspace_root())
        .env_remove("AWS_LAMBDA_RUNTIME_API")
        .env_remove("AWS_LAMBDA_MAX_CONCURRENCY")
        .stdin(Stdio::piped());
    let mut child =
        Running::start(command).unwrap_or_else(|e| panic!("{name} does not start: {e}"));
    // A binary that exits without reading its input closes the pipe: not a
    // failure of the test.
    let _ = child.stdin().expect("piped stdin").write_all(stdin);
    let output = child
        .finish(false, Duration::from_secs(60))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    Output {
        code: output.code.expect("exited, not killed"),
        stdout: output.stdout,
        stderr: output.stderr,
    }
}
