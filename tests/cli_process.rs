//! `connect_lambda::run` as a real process: this test binary runs itself as
//! a handler binary (its `main` is `run`, when `CHILD` is set) and checks
//! the exit codes and streams of each command line.
//!
//! A test without libtest's harness (`harness = false`), so that the child
//! sees only the command line under test.

use std::io::Write;
use std::process::Stdio;
use std::time::Duration;

use connect_lambda::Handler;
use connect_test_support::company_handler::{event, CompanyEcho};
use connect_test_support::process_checks::{self, Check, Output};
use serde_json::json;

/// Set in the child's environment: be the handler binary.
const CHILD: &str = "CONNECT_LAMBDA_CLI_PROCESS_CHILD";

fn main() {
    if std::env::var_os(CHILD).is_some() {
        child();
    }

    let checks: &[(&str, Check)] = &[
        ("an event on stdin", an_event_on_stdin),
        ("an event file", an_event_file),
        ("a failed invocation", a_failed_invocation),
        ("the manifest", the_manifest),
        ("help", help),
        ("no argument", no_argument),
        ("a bad argument", a_bad_argument),
        (
            "a missing Lambda variable",
            a_missing_lambda_variable_is_an_error_not_a_panic,
        ),
    ];
    process_checks::run("cli_process", checks);
}

/// The handler binary: what a user's `main` does.
fn child() -> ! {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    match runtime.block_on(connect_lambda::run(Handler::new(CompanyEcho))) {
        Ok(()) => std::process::exit(0),
        Err(error) => {
            // What `fn main() -> Result<(), connect_lambda::Error>` prints.
            eprintln!("Error: {error:?}");
            std::process::exit(1)
        }
    }
}

/// Runs the handler binary (this binary, as a child) with `args`, `stdin`
/// and `env`, to its end.
fn run_child(args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Result<Output, String> {
    let mut child = process_checks::spawn_self(CHILD, args, env, Stdio::piped())?;
    let mut pipe = child.stdin().expect("piped stdin");
    pipe.write_all(stdin).map_err(|error| error.to_string())?;
    drop(pipe);
    process_checks::finish(child, false, TIMEOUT)
}

/// Longer than any command line here takes, even on a loaded machine.
const TIMEOUT: Duration = Duration::from_secs(60);

fn expect(condition: bool, what: &str, output: &Output) -> Result<(), String> {
    if condition {
        Ok(())
    } else {
        Err(format!(
            "  expected {what}\n  exit code: {:?}\n  stdout: {:?}\n  stderr: {:?}",
            output.code, output.stdout, output.stderr
        ))
    }
}

fn is_good_response(stdout: &str) -> bool {
    stdout.ends_with('\n')
        && serde_json::from_str::<serde_json::Value>(stdout.trim_end()).is_ok_and(|response| {
            response["companyName"] == "GGG" && response["requestId"] == "local-invoke"
        })
}

fn an_event_on_stdin() -> Result<(), String> {
    let output = run_child(&["--event", "-"], &event(json!("GGG"), "+15550100"), &[])?;
    expect(output.code == Some(0), "exit 0", &output)?;
    expect(is_good_response(&output.stdout), "the response", &output)?;
    expect(output.stderr.is_empty(), "nothing on stderr", &output)
}

fn an_event_file() -> Result<(), String> {
    let path = std::env::temp_dir().join(format!(
        "connect-lambda-cli-process-{}.json",
        std::process::id()
    ));
    std::fs::write(&path, event(json!("GGG"), "+15550100")).map_err(|error| error.to_string())?;
    let output = run_child(&["--event", &path.to_string_lossy()], b"", &[]);
    let _ = std::fs::remove_file(&path);
    let output = output?;
    expect(output.code == Some(0), "exit 0", &output)?;
    expect(is_good_response(&output.stdout), "the response", &output)
}

fn a_failed_invocation() -> Result<(), String> {
    let output = run_child(
        &["--event", "-"],
        &event(json!(918273645), "+15550100"),
        &[],
    )?;
    expect(output.code == Some(1), "exit 1", &output)?;
    expect(output.stdout.is_empty(), "nothing on stdout", &output)?;
    expect(
        output.stderr
            == "InvalidEvent: Details.Parameters.companyName: invalid type: expected a string\n",
        "the error type and message on stderr",
        &output,
    )
}

fn the_manifest() -> Result<(), String> {
    let output = run_child(&["--manifest"], b"", &[])?;
    expect(output.code == Some(0), "exit 0", &output)?;
    let manifest: Result<serde_json::Value, _> = serde_json::from_str(&output.stdout);
    expect(
        manifest.is_ok_and(|manifest| manifest["handler"] == "company_echo"),
        "the manifest on stdout",
        &output,
    )
}

fn help() -> Result<(), String> {
    let output = run_child(&["--help"], b"", &[])?;
    expect(output.code == Some(0), "exit 0", &output)?;
    expect(
        output.stdout.contains("--event FILE") && output.stdout.contains("AWS_LAMBDA_RUNTIME_API"),
        "the help on stdout",
        &output,
    )
}

fn no_argument() -> Result<(), String> {
    let output = run_child(&[], b"", &[])?;
    expect(output.code == Some(2), "exit 2", &output)?;
    expect(output.stdout.is_empty(), "nothing on stdout", &output)?;
    expect(
        output.stderr.starts_with("usage: "),
        "the usage on stderr",
        &output,
    )
}

fn a_bad_argument() -> Result<(), String> {
    let output = run_child(&["--evnet", "x.json"], b"", &[])?;
    expect(output.code == Some(2), "exit 2", &output)?;
    expect(
        output
            .stderr
            .starts_with("error: unexpected argument '--evnet'\nusage: "),
        "the problem and the usage on stderr",
        &output,
    )
}

fn a_missing_lambda_variable_is_an_error_not_a_panic() -> Result<(), String> {
    let output = run_child(
        &[],
        b"",
        &[
            ("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9"),
            ("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
            ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"),
        ],
    )?;
    expect(output.code == Some(1), "exit 1", &output)?;
    expect(
        output
            .stderr
            .starts_with("Error: AWS_LAMBDA_FUNCTION_NAME is not set: "),
        "the variable named on stderr",
        &output,
    )?;
    expect(!output.stderr.contains("panicked"), "no panic", &output)
}
