//! The command line a handler's binary offers outside Lambda.
//!
//! [`run`](crate::run()) calls [`main_with`] with the process's arguments and
//! standard streams when `AWS_LAMBDA_RUNTIME_API` is not set:
//!
//! | command | does | exit |
//! |---|---|---|
//! | `--event FILE` (`-` for stdin) | invokes the handler once, prints the response JSON (compact) on stdout | 0; 1 when the invocation fails (`ErrorType: message` on stderr) |
//! | `--manifest` | prints the handler's manifest (pretty JSON) on stdout | 0 |
//! | `--help` | explains the flags and the environment | 0 |
//! | nothing, or anything else | usage on stderr | 2 |
//!
//! An event file that cannot be read exits 2 as well, with the reason on
//! stderr, and so does an event over Lambda's payload limit
//! ([`MAX_EVENT_BYTES`]): the CLI reads no further than one byte past it,
//! so `--event /dev/zero` stops at once.
//!
//! A handler that panics is answered like a failed invocation:
//! `HandlerPanic: ...` on stderr (its name and the panic's location, not
//! its message), exit 1.

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use bytes::Bytes;
use connect_types::error::{ErrorType, InvokeError};
use connect_types::manifest::Manifest;

use crate::handler::{Erased, Handler, HandlerFn};
use crate::handler_panic::SHOW_PANIC_MESSAGES;
use crate::run::{
    FUNCTION_MEMORY_SIZE, FUNCTION_NAME, FUNCTION_VERSION, MAX_CONCURRENCY, RUNTIME_API,
};

/// Exit code: done.
pub const SUCCESS: i32 = 0;
/// Exit code: the invocation failed (the error is on stderr).
pub const INVOCATION_FAILED: i32 = 1;
/// Exit code: a bad command line, or an event that cannot be read (or is
/// over [`MAX_EVENT_BYTES`]).
pub const USAGE: i32 = 2;

/// Lambda's limit on a synchronous invocation's payload: 6 MB (6291456
/// bytes). Lambda refuses a larger event before any handler runs, so the
/// CLI does too.
pub const MAX_EVENT_BYTES: usize = 6 * 1024 * 1024;

/// Runs the command line on `args` (the program name first, as
/// [`std::env::args_os`] gives them) with the given streams, and returns
/// the process's exit code.
///
/// Nothing here exits the process or touches the real standard streams, so
/// tests drive it with in-memory buffers.
///
/// ```
/// # use connect_lambda::{Context, ErrorType, HandlerFn, InvokeError, Manifest};
/// # struct Echo;
/// # impl HandlerFn for Echo {
/// #     async fn call(&self, body: &[u8], _: &Context) -> Result<Vec<u8>, InvokeError> {
/// #         serde_json::from_slice::<serde_json::Value>(body)
/// #             .map_err(|_| InvokeError::new(ErrorType::MalformedEvent, "not JSON"))?;
/// #         Ok(body.to_vec())
/// #     }
/// #     fn manifest() -> Manifest {
/// #         serde_json::from_str(r#"{"manifestVersion": 1, "handler": "echo",
/// #             "responseValidation": "JSON"}"#).unwrap()
/// #     }
/// # }
/// use connect_lambda::{cli, Handler};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let handler = Handler::new(Echo);
/// let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
/// let code = cli::main_with(
///     &handler,
///     ["my_lambda", "--event", "-"],
///     &br#"{"ok":"yes"}"#[..],
///     &mut stdout,
///     &mut stderr,
/// )
/// .await;
/// assert_eq!(code, cli::SUCCESS);
/// assert_eq!(stdout, b"{\"ok\":\"yes\"}\n");
///
/// let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
/// let code = cli::main_with(&handler, ["my_lambda", "--event", "-"], &b"{"[..], &mut stdout, &mut stderr).await;
/// assert_eq!(code, cli::INVOCATION_FAILED);
/// assert_eq!(stderr, b"MalformedEvent: not JSON\n");
/// # }
/// ```
pub async fn main_with<F, I, A, R, O, E>(
    handler: &Handler<F>,
    args: I,
    stdin: R,
    stdout: O,
    stderr: E,
) -> i32
where
    F: HandlerFn,
    I: IntoIterator<Item = A>,
    A: Into<OsString>,
    R: Read,
    O: Write,
    E: Write,
{
    let args = args.into_iter().map(Into::into).collect();
    main_erased(handler, args, stdin, stdout, stderr).await
}

/// [`main_with`] for a handler behind `dyn Erased` (what [`run`](crate::run())
/// calls).
///
/// Everything but the handler's own future is synchronous code (in
/// [`prepare`] and [`finish`]); the handler's future is the boxed one that
/// the Lambda path polls too, so a handler binary carries the handler's code
/// once, not once for Lambda and once for the command line. The streams stay
/// generic: behind `dyn Read` / `dyn Write`, every method of their vtables
/// (vectored writes, `read_exact`, `read_to_string`, ...) would be compiled
/// in, used or not.
pub(crate) async fn main_erased<R: Read, O: Write, E: Write>(
    handler: &dyn Erased,
    args: Vec<OsString>,
    mut stdin: R,
    mut stdout: O,
    mut stderr: E,
) -> i32 {
    let body = match prepare(handler, args, &mut stdin, &mut stdout, &mut stderr) {
        Ok(body) => body,
        Err(code) => return code,
    };
    let result = handler.call_owned(Bytes::from(body), None).await;
    finish(result, &mut stdout, &mut stderr)
}

/// Runs the command line up to the invocation: the event's bytes to invoke
/// the handler on, or the exit code when there is nothing to invoke (help,
/// the manifest, a bad command line, an event that cannot be read).
fn prepare(
    handler: &dyn Erased,
    args: Vec<OsString>,
    stdin: &mut impl Read,
    stdout: &mut impl Write,
    stderr: &mut impl Write,
) -> Result<Vec<u8>, i32> {
    let mut args = args.into_iter();
    let program = program_name(args.next());
    let command = match parse(args) {
        Ok(command) => command,
        Err(problem) => {
            let _ = write_usage(stderr, &program, problem.as_deref());
            return Err(USAGE);
        }
    };
    match command {
        Command::Help => Err(match write_help(stdout, &program, &handler.manifest()) {
            Ok(()) => SUCCESS,
            Err(error) => output_failed(stderr, &error),
        }),
        Command::Manifest => {
            let written = stdout
                .write_all(&crate::manifest_text::pretty(&handler.manifest()))
                .and_then(|()| writeln!(stdout))
                .and_then(|()| stdout.flush());
            Err(match written {
                Ok(()) => SUCCESS,
                Err(error) => output_failed(stderr, &error),
            })
        }
        Command::Event(source) => read_event(&source, stdin).map_err(|error| {
            let _ = match &source {
                Source::Stdin => {
                    writeln!(stderr, "error: cannot read the event from stdin: {error}")
                }
                Source::File(path) => writeln!(
                    stderr,
                    "error: cannot read the event file {}: {error}",
                    path.display()
                ),
            };
            USAGE
        }),
    }
}

/// Writes the invocation's outcome and returns the exit code.
fn finish(
    result: Result<Vec<u8>, InvokeError>,
    stdout: &mut impl Write,
    stderr: &mut impl Write,
) -> i32 {
    match result {
        Ok(response) => {
            let written = stdout
                .write_all(&response)
                .and_then(|()| writeln!(stdout))
                .and_then(|()| stdout.flush());
            match written {
                Ok(()) => SUCCESS,
                Err(error) => output_failed(stderr, &error),
            }
        }
        Err(error) => {
            let _ = writeln!(stderr, "{}: {}", error.error_type(), error.message());
            INVOCATION_FAILED
        }
    }
}

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Command {
    Help,
    Manifest,
    Event(Source),
}

/// Where `--event` reads from.
#[derive(Debug, PartialEq)]
enum Source {
    Stdin,
    File(PathBuf),
}

/// Parses the arguments after the program name; the error is what to say
/// above the usage (nothing for an empty command line).
fn parse(mut args: impl Iterator<Item = OsString>) -> Result<Command, Option<String>> {
    let mut command = None;
    while let Some(arg) = args.next() {
        let next = match arg.to_str() {
            Some("--help" | "-h") => Command::Help,
            Some("--manifest") => Command::Manifest,
            Some("--event") => match args.next() {
                Some(value) => Command::Event(source(&value)?),
                None => return Err(Some(missing_event_file())),
            },
            Some(flag) if flag.starts_with("--event=") => {
                Command::Event(source(OsStr::new(&flag["--event=".len()..]))?)
            }
            _ => {
                return Err(Some(format!(
                    "unexpected argument '{}'",
                    arg.to_string_lossy()
                )))
            }
        };
        if command.replace(next).is_some() {
            return Err(Some(
                "give one of --event FILE, --manifest or --help".to_owned(),
            ));
        }
    }
    command.ok_or(None)
}

fn source(value: &OsStr) -> Result<Source, Option<String>> {
    if value.is_empty() {
        Err(Some(missing_event_file()))
    } else if value == "-" {
        Ok(Source::Stdin)
    } else {
        Ok(Source::File(PathBuf::from(value)))
    }
}

fn missing_event_file() -> String {
    "--event needs the event's file name (or - for stdin)".to_owned()
}

/// Reads the event, refusing one over [`MAX_EVENT_BYTES`] after reading
/// at most one byte past the limit.
fn read_event(source: &Source, stdin: &mut impl Read) -> std::io::Result<Vec<u8>> {
    let body = match source {
        Source::Stdin => read_limited(stdin)?,
        Source::File(path) => read_limited(std::fs::File::open(path)?)?,
    };
    if body.len() > MAX_EVENT_BYTES {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "the event is over Lambda's payload limit of 6 MB ({MAX_EVENT_BYTES} bytes), \
                 so Lambda would refuse it before invoking the handler; use a smaller event"
            ),
        ));
    }
    Ok(body)
}

/// Reads up to `MAX_EVENT_BYTES + 1` bytes: one past the limit is enough to
/// know the event is over it.
fn read_limited(source: impl Read) -> std::io::Result<Vec<u8>> {
    let mut body = Vec::new();
    source
        .take(MAX_EVENT_BYTES as u64 + 1)
        .read_to_end(&mut body)?;
    Ok(body)
}

fn program_name(arg: Option<OsString>) -> String {
    arg.as_deref()
        .map(Path::new)
        .and_then(Path::file_name)
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "handler".to_owned())
}

fn output_failed(stderr: &mut impl Write, error: &std::io::Error) -> i32 {
    let _ = writeln!(stderr, "error: cannot write the output: {error}");
    INVOCATION_FAILED
}

fn write_usage(out: &mut impl Write, program: &str, problem: Option<&str>) -> std::io::Result<()> {
    if let Some(problem) = problem {
        writeln!(out, "error: {problem}")?;
    }
    writeln!(out, "usage: {program} --event FILE | --manifest | --help")?;
    writeln!(out, "Run '{program} --help' for more.")?;
    out.flush()
}

fn write_help(out: &mut impl Write, program: &str, manifest: &Manifest) -> std::io::Result<()> {
    let name = match &manifest.function {
        Some(function) => format!("{} (Lambda function {function})", manifest.handler),
        None => manifest.handler.clone(),
    };
    let error_types = ErrorType::ALL.map(ErrorType::as_str).join(", ");
    write!(
        out,
        "\
{program}: the Amazon Connect Lambda handler {name}, built with connect-lambda.

Inside AWS Lambda ({RUNTIME_API} is set) it serves the Lambda Runtime API.
Outside Lambda it is this command line:

Usage:
  {program} --event FILE   invoke the handler once on the event in FILE (- reads
                           stdin) and print the response JSON on stdout
  {program} --manifest     print the handler's manifest (the keys it reads and
                           returns, for the connect-flow checker) on stdout
  {program} --help         print this help

Exit status:
  {SUCCESS}  success
  {INVOCATION_FAILED}  the invocation failed (a panic included); stderr says
     \"ErrorType: message\", ErrorType one of
     {error_types}
  {USAGE}  a bad command line, or an event that cannot be read or is over
     Lambda's 6 MB payload limit

Environment (Lambda sets these):
  {RUNTIME_API}           host:port of the Lambda Runtime API; when set,
                                   serve Lambda instead of this command line
  {FUNCTION_NAME}, {FUNCTION_VERSION},
  {FUNCTION_MEMORY_SIZE}  required when {RUNTIME_API} is set
  {MAX_CONCURRENCY}       serve that many invocations at once (Lambda
                                   Managed Instances); unset: one at a time

Environment (for local debugging):
  {SHOW_PANIC_MESSAGES}=show  log a panic's own message, which is left
                                   out by default as it may hold event values
"
    )?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(args: &[&str]) -> Result<Command, Option<String>> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn each_command_parses() {
        assert_eq!(parsed(&["--help"]), Ok(Command::Help));
        assert_eq!(parsed(&["-h"]), Ok(Command::Help));
        assert_eq!(parsed(&["--manifest"]), Ok(Command::Manifest));
        assert_eq!(parsed(&["--event", "-"]), Ok(Command::Event(Source::Stdin)));
        assert_eq!(
            parsed(&["--event", "e.json"]),
            Ok(Command::Event(Source::File("e.json".into())))
        );
        assert_eq!(
            parsed(&["--event=e.json"]),
            Ok(Command::Event(Source::File("e.json".into())))
        );
    }

    #[test]
    fn bad_command_lines_are_refused() {
        assert_eq!(parsed(&[]), Err(None));
        for args in [
            &["--event"][..],
            &["--event="],
            &["--event", ""],
            &["--manifest", "--help"],
            &["--event", "a.json", "--event", "b.json"],
            &["--verbose"],
            &["event.json"],
        ] {
            assert!(matches!(parsed(args), Err(Some(_))), "{args:?}");
        }
    }

    #[test]
    fn the_program_name_is_the_file_name() {
        assert_eq!(
            program_name(Some("/var/task/bootstrap".into())),
            "bootstrap"
        );
        assert_eq!(program_name(None), "handler");
    }
}
