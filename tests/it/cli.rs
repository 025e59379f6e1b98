//! The local command line through its testable core, `cli::main_with`,
//! with in-memory streams.

use std::path::PathBuf;

use connect_lambda::{cli, Handler};
use connect_test_support::company_handler::{event, CompanyEcho, MANIFEST};
use serde_json::json;

/// What one command line did.
struct Ran {
    code: i32,
    stdout: String,
    stderr: String,
}

async fn cli(args: &[&str], stdin: &[u8]) -> Ran {
    let handler = Handler::new(CompanyEcho);
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let argv = std::iter::once("company_echo").chain(args.iter().copied());
    let code = cli::main_with(&handler, argv, stdin, &mut stdout, &mut stderr).await;
    Ran {
        code,
        stdout: String::from_utf8(stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(stderr).expect("UTF-8 stderr"),
    }
}

/// A file in the temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!(
            "connect-lambda-cli-{}-{name}.json",
            std::process::id()
        ));
        std::fs::write(&path, contents).expect("write a temporary event");
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("a UTF-8 temporary path")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Checks that `stdout` is the response to `GGG` under the local context,
/// on one compact line.
fn assert_good_response(stdout: &str) {
    let line = stdout.strip_suffix('\n').expect("a line");
    assert!(
        !line.contains('\n') && !line.contains(": "),
        "not compact: {line}"
    );
    let response: serde_json::Value = serde_json::from_str(line).expect("JSON");
    assert_eq!(
        response,
        json!({"companyName": "GGG", "deadline": "0", "functionArn": "", "requestId": "local-invoke"})
    );
}

#[tokio::test]
async fn event_file_prints_the_compact_response() {
    let file = TempFile::new("good", &event(json!("GGG"), "+15550100"));
    for args in [
        vec!["--event", file.path()],
        vec![&*format!("--event={}", file.path())],
    ] {
        let ran = cli(&args, b"").await;
        assert_eq!(ran.code, cli::SUCCESS, "{}", ran.stderr);
        assert_good_response(&ran.stdout);
        assert_eq!(ran.stderr, "");
    }
}

#[tokio::test]
async fn a_dash_reads_the_event_from_stdin() {
    let ran = cli(&["--event", "-"], &event(json!("GGG"), "+15550100")).await;
    assert_eq!(ran.code, cli::SUCCESS, "{}", ran.stderr);
    assert_good_response(&ran.stdout);
}

#[tokio::test]
async fn a_failed_invocation_prints_its_error_type_and_exits_1() {
    let cases: [(Vec<u8>, &str); 4] = [
        (
            event(json!(918273645), "+15550100"),
            "InvalidEvent: Details.Parameters.companyName: invalid type: expected a string\n",
        ),
        (
            br#"{"Details": {"Parameters": {"companyName": "+15550100"#.to_vec(),
            "MalformedEvent: the event is not a JSON document\n",
        ),
        (
            br#"{"Details": {"Parameters": {}}}"#.to_vec(),
            "InvalidEvent: Details.Parameters.companyName: missing required parameter (expected a string)\n",
        ),
        (
            event(json!("fail"), "+15550100"),
            "HandlerError: the balance service did not answer\n",
        ),
    ];
    for (body, expected) in cases {
        let ran = cli(&["--event", "-"], &body).await;
        assert_eq!(ran.code, cli::INVOCATION_FAILED);
        assert_eq!(ran.stdout, "");
        assert_eq!(ran.stderr, expected);
        assert!(!ran.stderr.contains("918273645") && !ran.stderr.contains("+1555"));
    }
}

#[tokio::test]
async fn manifest_prints_the_pretty_manifest() {
    let ran = cli(&["--manifest"], b"").await;
    assert_eq!(ran.code, cli::SUCCESS, "{}", ran.stderr);
    assert_eq!(ran.stderr, "");
    let printed: serde_json::Value = serde_json::from_str(&ran.stdout).expect("JSON");
    let expected: serde_json::Value = serde_json::from_str(MANIFEST).expect("JSON");
    assert_eq!(printed, expected);
    assert!(
        ran.stdout.starts_with("{\n  \"manifestVersion\": 1,\n"),
        "{}",
        ran.stdout
    );
    assert!(ran.stdout.ends_with("}\n"));
}

#[tokio::test]
async fn help_explains_the_flags_and_the_environment() {
    for flag in ["--help", "-h"] {
        let ran = cli(&[flag], b"").await;
        assert_eq!(ran.code, cli::SUCCESS);
        assert_eq!(ran.stderr, "");
        for needle in [
            "company_echo (Lambda function CompanyEcho)",
            "--event FILE",
            "--manifest",
            "--help",
            "AWS_LAMBDA_RUNTIME_API",
            "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_MAX_CONCURRENCY",
            "Exit status",
        ] {
            assert!(
                ran.stdout.contains(needle),
                "no {needle:?} in:\n{}",
                ran.stdout
            );
        }
    }
}

#[tokio::test]
async fn no_argument_or_a_bad_one_prints_usage_and_exits_2() {
    let ran = cli(&[], b"").await;
    assert_eq!(ran.code, cli::USAGE);
    assert_eq!(ran.stdout, "");
    assert_eq!(
        ran.stderr,
        "usage: company_echo --event FILE | --manifest | --help\n\
         Run 'company_echo --help' for more.\n"
    );

    for (args, problem) in [
        (
            &["--verbose"][..],
            "error: unexpected argument '--verbose'\n",
        ),
        (&["event.json"], "error: unexpected argument 'event.json'\n"),
        (
            &["--event"],
            "error: --event needs the event's file name (or - for stdin)\n",
        ),
        (
            &["--manifest", "--help"],
            "error: give one of --event FILE, --manifest or --help\n",
        ),
    ] {
        let ran = cli(args, b"").await;
        assert_eq!(ran.code, cli::USAGE, "{args:?}");
        assert_eq!(ran.stdout, "");
        assert!(ran.stderr.starts_with(problem), "{args:?}: {}", ran.stderr);
        assert!(ran.stderr.contains("usage: company_echo"), "{}", ran.stderr);
    }
}

#[tokio::test]
async fn an_unreadable_event_file_exits_2() {
    let missing = std::env::temp_dir().join("connect-lambda-cli-no-such-event.json");
    let ran = cli(&["--event", missing.to_str().expect("UTF-8")], b"").await;
    assert_eq!(ran.code, cli::USAGE);
    assert_eq!(ran.stdout, "");
    assert!(
        ran.stderr.starts_with("error: cannot read the event file "),
        "{}",
        ran.stderr
    );
}

/// A handler written as `#[connect_handler]` may generate it: `call` returns
/// an `async move` block (`CompanyEcho` is an `async fn`).
struct ExplicitFuture;

impl connect_lambda::HandlerFn for ExplicitFuture {
    #[allow(clippy::manual_async_fn)]
    fn call<'a>(
        &'a self,
        body: &'a [u8],
        context: &'a connect_lambda::Context,
    ) -> impl std::future::Future<Output = Result<Vec<u8>, connect_lambda::InvokeError>> + Send + 'a
    {
        async move {
            let _ = &context.request_id;
            Ok(body.to_vec())
        }
    }

    fn manifest() -> connect_lambda::Manifest {
        serde_json::from_str(
            r#"{"manifestVersion": 1, "handler": "explicit", "responseValidation": "JSON"}"#,
        )
        .expect("a valid manifest")
    }
}

/// `run`, `invoke` and the CLI can be spawned on a multi-threaded runtime
/// whichever way the handler's future is written (a compile-time check: rustc
/// can fail to prove such futures `Send`).
#[test]
fn the_futures_are_send_for_handlers_written_either_way() {
    fn send<T: Send + 'static>(_: T) {}
    fn handler_futures<F: connect_lambda::HandlerFn>(handler: Handler<F>) {
        send(connect_lambda::run(handler.clone()));
        let h = handler.clone();
        send(async move { h.invoke(b"{}").await });
        send(async move {
            let body = b"{}".to_vec();
            let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
            cli::main_with(
                &handler,
                ["x", "--event", "-"],
                &body[..],
                &mut stdout,
                &mut stderr,
            )
            .await
        });
    }
    handler_futures(Handler::new(CompanyEcho));
    handler_futures(Handler::new(ExplicitFuture));
    // The same with the concrete types spelled out at the use site.
    send(connect_lambda::run(Handler::new(CompanyEcho)));
    send(connect_lambda::run(Handler::new(ExplicitFuture)));
    let handler = Handler::new(ExplicitFuture);
    send(async move { handler.invoke(b"{}").await });
}

#[tokio::test]
async fn the_handler_is_clone_send_sync_static() {
    fn shareable<T: Clone + Send + Sync + 'static>(_: &T) {}
    let handler = Handler::new(ExplicitFuture);
    shareable(&handler);
    let response = tokio::spawn({
        let handler = handler.clone();
        async move { handler.invoke(br#"{"a":1}"#).await }
    })
    .await
    .expect("the task ran");
    assert_eq!(response.as_deref(), Ok(&br#"{"a":1}"#[..]));
}
