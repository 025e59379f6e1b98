//! Runs an example binary the way a user does from the workspace root.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

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
/// standard input, outside Lambda whatever the test's environment.
pub fn run(name: &str, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(bin(name))
        .args(args)
        .current_dir(workspace_root())
        .env_remove("AWS_LAMBDA_RUNTIME_API")
        .env_remove("AWS_LAMBDA_MAX_CONCURRENCY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{name} does not start: {e}"));
    // A binary that exits without reading its input closes the pipe: not a
    // failure of the test.
    let _ = child.stdin.take().expect("piped stdin").write_all(stdin);
    let output = child.wait_with_output().expect("the example runs");
    Output {
        code: output.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}
