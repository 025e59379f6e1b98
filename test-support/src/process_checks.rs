//! The runner of the `harness = false` tests that re-run themselves as a
//! child process (`cli_process`, `runtime_safety`): libtest would run their
//! checks on threads of one process, while each of these needs the whole
//! process (its environment, its panic hook, its exit code) to itself.
//! [`run`] runs the checks; [`spawn_self`] and [`finish`] run the child.

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

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
/// stdout and stderr piped for [`finish`].
pub fn spawn_self(
    marker: &str,
    args: &[&str],
    env: &[(&str, &str)],
    stdin: Stdio,
) -> Result<Child, String> {
    let exe = std::env::current_exe().map_err(|error| error.to_string())?;
    let mut command = Command::new(exe);
    command
        .args(args)
        .env(marker, "1")
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for variable in LAMBDA_VARIABLES {
        command.env_remove(variable);
    }
    for (variable, value) in env {
        command.env(variable, value);
    }
    command.spawn().map_err(|error| error.to_string())
}

/// What a finished child wrote and its exit code.
pub struct Output {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// Everything the process wrote, stdout then stderr.
    pub fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Collects `child`'s output as it runs (so a full pipe never blocks it),
/// stopping it first when `stop` (a server child runs until told), and
/// fails when it runs longer than `within`.
pub fn finish(mut child: Child, stop: bool, within: Duration) -> Result<Output, String> {
    let mut stdout_pipe = child.stdout.take().expect("piped stdout");
    let mut stderr_pipe = child.stderr.take().expect("piped stderr");
    let stdout = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stdout_pipe.read_to_string(&mut text);
        text
    });
    let stderr = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr_pipe.read_to_string(&mut text);
        text
    });
    if stop {
        let _ = child.kill();
    }
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|error| error.to_string())? {
            break status;
        }
        if started.elapsed() >= within {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("the child ran for more than {within:?}"));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Ok(Output {
        code: status.code(),
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}
