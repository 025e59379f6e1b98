//! A handler binary's edges as a real process: panics, deadlines, oversized
//! input and a refusing Runtime API.
//!
//! This test binary runs itself as a handler binary (its `main` is
//! `connect_lambda::run`, when `CHILD` is set) served through the real
//! `lambda_runtime` client against the in-process Runtime API on loopback,
//! or as the command line, and checks what the Runtime API received and
//! everything the process wrote on stdout and stderr.
//!
//! A test without libtest's harness (`harness = false`), so that the child
//! sees only the command line under test.

use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant, SystemTime};

use connect_lambda::{connect_handler, ConnectResponse, Context, RemainingTime};
use connect_test_support::process_checks::{self, finish, Check, Output, Running};
use connect_test_support::runtime_api::{self, Outcome, RuntimeApi};
use serde_json::json;

/// Set in the child's environment: be the handler binary.
const CHILD: &str = "CONNECT_LAMBDA_RUNTIME_SAFETY_CHILD";

/// Planted in the events: the caller's number and a word the flow passes.
/// Neither may appear in an error body or anything the process writes.
const PHONE: &str = "+15550100";
const PLANTED: &[&str] = &["15550100", "SECRET"];

const TIMEOUT: Duration = Duration::from_secs(30);

// ---------------------------------------------------------------------------
// The handler, as a user writes it.

/// The route for a caller.
#[derive(ConnectResponse)]
#[connect(rename_all = "camelCase")]
struct Routed {
    route: String,
    #[connect(display)]
    queue: Queue,
}

/// A queue whose text panics, with the caller's number in the message, when
/// the response is serialised.
struct Queue {
    caller: String,
    refuse: bool,
}

impl std::fmt::Display for Queue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.refuse {
            panic!("no queue for caller {}", self.caller);
        }
        f.write_str("queue-1")
    }
}

/// Routes the caller; `word` "panic-now..." panics in the handler,
/// "panic-late..." while the response is serialised, "slow..." waits
/// longer than any deadline, and "yield..." yields once.
#[connect_handler]
async fn router(
    #[param] word: String,
    #[contact("CustomerEndpoint.Address")] phone: String,
    context: &Context,
) -> Routed {
    if word.starts_with("panic-now") {
        panic!("cannot route caller {phone} ({word})");
    }
    if word.starts_with("yield") {
        // Pending once: the guard then arms its timer, if the runtime has one.
        tokio::task::yield_now().await;
    }
    if word.starts_with("slow") {
        // Cancelled at this `.await` when the deadline comes.
        tokio::time::sleep(Duration::from_secs(60)).await;
        unreachable!("the deadline cancels the handler first");
    }
    let left = context.remaining_time().map_or("none".to_owned(), |left| {
        if left > Duration::ZERO {
            "some"
        } else {
            "zero"
        }
        .to_owned()
    });
    Routed {
        route: format!("{}-{left}", word.len()),
        queue: Queue {
            caller: phone,
            refuse: word.starts_with("panic-late"),
        },
    }
}

fn event(word: &str) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "Details": {
            "ContactData": {
                "Attributes": {"accountHolder": "SECRET Jane"},
                "Channel": "VOICE",
                "ContactId": "4a573372-1f28-4e26-b97b-000000000001",
                "CustomerEndpoint": {"Address": PHONE, "Type": "TELEPHONE_NUMBER"},
                "InitiationMethod": "INBOUND",
                "SystemEndpoint": {"Address": "+15550000", "Type": "TELEPHONE_NUMBER"}
            },
            "Parameters": {"word": word}
        },
        "Name": "ContactFlowEvent"
    }))
    .expect("a JSON event")
}

// ---------------------------------------------------------------------------
// The harness.

fn main() {
    if std::env::var_os(CHILD).is_some() {
        child();
    }
    let checks: &[(&str, Check)] = &[
        (
            "panics are HandlerPanic, value-free, and the next event is served",
            panics_served,
        ),
        #[cfg(feature = "concurrency")]
        ("the same in concurrent mode", panics_served_concurrently),
        (
            "CONNECT_LAMBDA_PANIC_MESSAGES=show logs the message",
            panic_messages_shown,
        ),
        ("a near deadline is answered Timeout in time", near_deadline),
        (
            "a runtime without timers serves, deadline unenforced",
            no_timers,
        ),
        ("the command line answers a panic with exit 1", cli_panic),
        ("the command line refuses a 7 MB event", cli_seven_megabytes),
        ("the command line refuses /dev/zero", cli_dev_zero),
        #[cfg(feature = "concurrency")]
        (
            "concurrent mode waits for a refusing Runtime API",
            refusing_api,
        ),
    ];
    process_checks::run("runtime_safety", checks);
}

/// The handler binary: what a user's `main` does.
fn child() -> ! {
    if std::env::var_os(REPORT_PEAK).is_some() {
        // SAFETY: registers a plain function with no captured state; it
        // runs once, at exit.
        unsafe { libc::atexit(report_peak) };
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    match runtime.block_on(connect_lambda::run(router::handler())) {
        Ok(()) => std::process::exit(0),
        Err(error) => {
            eprintln!("Error: {error:?}");
            std::process::exit(1)
        }
    }
}

/// Starts the handler binary (this binary, as a child) with `args` and
/// `env`, asking it to report its peak memory at exit.
fn spawn_child(args: &[&str], env: &[(&str, &str)], stdin: Stdio) -> Result<Running, String> {
    let mut env = env.to_vec();
    env.push((REPORT_PEAK, "1"));
    process_checks::spawn_self(CHILD, args, &env, stdin)
}

/// The peak resident set in KB the child reported at exit, if it did.
fn peak_rss_kb(output: &Output) -> Option<u64> {
    output
        .stderr
        .lines()
        .find_map(|line| line.strip_prefix(PEAK_LINE))
        .and_then(|kb| kb.trim().parse().ok())
}

/// Set in the child's environment: report the peak memory at exit.
const REPORT_PEAK: &str = "CONNECT_LAMBDA_RUNTIME_SAFETY_PEAK";
/// The line the child writes on stderr at exit: `VmHWM` in KB.
const PEAK_LINE: &str = "peak-rss-kb: ";

/// Writes the process's peak resident set (`VmHWM` of /proc/self/status:
/// this process image's own, unlike `ru_maxrss`, which Linux carries over
/// from the parent through fork and exec) on stderr; run at `exit`, which
/// `connect_lambda::run` calls with the command line's code.
extern "C" fn report_peak() {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(kb) = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().strip_suffix("kB"))
    {
        eprintln!("{PEAK_LINE}{}", kb.trim());
    }
}

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

fn value_free(text: &str, what: &str) -> Result<(), String> {
    for planted in PLANTED {
        if text.contains(planted) {
            return Err(format!("{what} holds the planted {planted:?}: {text:?}"));
        }
    }
    Ok(())
}

/// Serves `events` through a child handler process with `env` on top of
/// Lambda's variables (`deadline` after each event is served), until each
/// is answered; then stops the child and returns the outcomes and its
/// output.
fn serve(
    events: Vec<Vec<u8>>,
    env: &[(&str, &str)],
    deadline: Duration,
) -> Result<(Vec<Outcome>, Output, Vec<Duration>), String> {
    let tokio = tokio::runtime::Runtime::new().map_err(|error| error.to_string())?;
    tokio.block_on(async {
        let count = events.len();
        let api = RuntimeApi::start_with("127.0.0.1:0", deadline, events).await;
        let endpoint = api.endpoint();
        let mut lambda = vec![
            ("AWS_LAMBDA_RUNTIME_API", endpoint.as_str()),
            ("AWS_LAMBDA_FUNCTION_NAME", "router"),
            ("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
            ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"),
        ];
        lambda.extend_from_slice(env);
        let started = Instant::now();
        let child = spawn_child(&[], &lambda, Stdio::null())?;
        let outcomes = api.outcomes(TIMEOUT).await;
        let answered_after = started.elapsed();
        // Served and polling again: the process lives on.
        let polling = api.wait_for_next_calls(count + 1, TIMEOUT).await;
        let output = finish(child, true, TIMEOUT)?;
        let outcomes = outcomes.map_err(|problem| format!("{problem}\n{}", output.all()))?;
        polling.map_err(|problem| format!("{problem}\n{}", output.all()))?;
        if !api.unexpected().is_empty() {
            return Err(format!("unexpected requests: {:?}", api.unexpected()));
        }
        Ok((outcomes, output, vec![answered_after]))
    })
}

// ---------------------------------------------------------------------------
// The checks.

fn assert_panic(outcome: &Outcome) -> Result<(), String> {
    let body = String::from_utf8_lossy(&outcome.body).into_owned();
    if outcome.success || outcome.error_type().as_deref() != Some("HandlerPanic") {
        return Err(format!(
            "{}: not a HandlerPanic: {body}",
            outcome.request_id
        ));
    }
    let message = outcome.error_message().unwrap_or_default();
    if !message.starts_with("the handler `router` panicked at tests/runtime_safety.rs:") {
        return Err(format!("{}: {message:?}", outcome.request_id));
    }
    value_free(&body, "the error body")
}

fn assert_routed(outcome: &Outcome, route: &str) -> Result<(), String> {
    let body = outcome.json();
    if !outcome.success || body != json!({"route": route, "queue": "queue-1"}) {
        return Err(format!("{}: {body}", outcome.request_id));
    }
    Ok(())
}

fn panic_series(env: &[(&str, &str)]) -> Result<(), String> {
    let events = vec![
        event("panic-now-SECRET"),
        event("fine"),
        event("panic-late-SECRET"),
        event("fine"),
    ];
    let (outcomes, output, _) = serve(events, env, runtime_api::DEADLINE)?;
    assert_panic(&outcomes[0])?;
    assert_routed(&outcomes[1], "4-some")?;
    assert_panic(&outcomes[2])?;
    assert_routed(&outcomes[3], "4-some")?;
    value_free(&output.all(), "the process's output")?;
    let logged = "connect-lambda: the handler `router` panicked at tests/runtime_safety.rs:";
    expect(
        output.stderr.matches(logged).count() == 2,
        "one value-free log line per panic",
        &output,
    )
}

fn panics_served() -> Result<(), String> {
    panic_series(&[])
}

#[cfg(feature = "concurrency")]
fn panics_served_concurrently() -> Result<(), String> {
    panic_series(&[("AWS_LAMBDA_MAX_CONCURRENCY", "2")])
}

fn panic_messages_shown() -> Result<(), String> {
    let (outcomes, output, _) = serve(
        vec![event("panic-now-SECRET")],
        &[("CONNECT_LAMBDA_PANIC_MESSAGES", "show")],
        runtime_api::DEADLINE,
    )?;
    // The answer stays value-free; the log shows the message.
    assert_panic(&outcomes[0])?;
    expect(
        output
            .stderr
            .contains("cannot route caller +15550100 (panic-now-SECRET)"),
        "the panic's message in the log",
        &output,
    )
}

fn near_deadline() -> Result<(), String> {
    let deadline = Duration::from_secs(3);
    let served = SystemTime::now();
    let (outcomes, output, answered) = serve(vec![event("slow"), event("fine")], &[], deadline)?;
    let timeout = &outcomes[0];
    let body = String::from_utf8_lossy(&timeout.body).into_owned();
    if timeout.success || timeout.error_type().as_deref() != Some("Timeout") {
        return Err(format!("not a Timeout: {body}"));
    }
    let message = timeout.error_message().unwrap_or_default();
    if !message.starts_with("the handler `router` was still running 200 ms before") {
        return Err(format!("{message:?}"));
    }
    // Answered in time: before the deadline (the child's start is counted
    // in, so this bounds it from above), and not long before the margin.
    let elapsed = served.elapsed().unwrap_or_default();
    if answered[0] >= deadline || elapsed < deadline - Duration::from_millis(500) {
        return Err(format!(
            "answered {:?} after serving, deadline {deadline:?}",
            answered[0]
        ));
    }
    // The next event is served (and sees its time left).
    assert_routed(&outcomes[1], "4-some")?;
    value_free(&output.all(), "the process's output")
}

fn no_timers() -> Result<(), String> {
    // In process: a Tokio runtime built without timers, a context with a
    // deadline, and a handler that is pending once.
    let tokio = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|error| error.to_string())?;
    let mut context = Context::default();
    let in_a_minute = SystemTime::now() + Duration::from_secs(60);
    context.deadline = in_a_minute
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|error| error.to_string())?
        .as_millis() as u64;
    let response = tokio
        .block_on(router::handler().invoke_with_context(&event("yield"), &context))
        .map_err(|error| format!("{}: {error}", error.error_type()))?;
    let body: serde_json::Value =
        serde_json::from_slice(&response).map_err(|error| error.to_string())?;
    if body != json!({"route": "5-some", "queue": "queue-1"}) {
        return Err(format!("{body}"));
    }
    Ok(())
}

fn cli_panic() -> Result<(), String> {
    let mut child = spawn_child(&["--event", "-"], &[], Stdio::piped())?;
    let mut stdin = child.stdin().expect("piped stdin");
    stdin
        .write_all(&event("panic-now-SECRET"))
        .map_err(|error| error.to_string())?;
    drop(stdin);
    let output = finish(child, false, TIMEOUT)?;
    println!("  peak RSS of the child: {:?} KB", peak_rss_kb(&output));
    expect(output.code == Some(1), "exit 1", &output)?;
    expect(output.stdout.is_empty(), "nothing on stdout", &output)?;
    expect(
        output.stderr.lines().any(|line| {
            line.starts_with(
                "HandlerPanic: the handler `router` panicked at tests/runtime_safety.rs:",
            )
        }),
        "the HandlerPanic error on stderr",
        &output,
    )?;
    value_free(&output.all(), "the process's output")
}

/// The largest peak memory the oversized-input checks accept: the 6 MB
/// buffer and its growth, with room to spare, far from what reading 7 MB
/// (or /dev/zero) whole would take.
const PEAK_RSS_LIMIT_KB: u64 = 24 * 1024;

fn refused_as_oversized(output: &Output) -> Result<(), String> {
    expect(output.code == Some(2), "exit 2", output)?;
    expect(
        output
            .stderr
            .contains("the event is over Lambda's payload limit of 6 MB (6291456 bytes)"),
        "the limit named on stderr",
        output,
    )?;
    println!("  peak RSS of the child: {:?} KB", peak_rss_kb(output));
    expect(
        peak_rss_kb(output).is_some_and(|kb| kb < PEAK_RSS_LIMIT_KB),
        "a bounded peak memory",
        output,
    )
}

fn cli_seven_megabytes() -> Result<(), String> {
    // A valid event of 7 MB: a long attribute.
    let mut event: serde_json::Value =
        serde_json::from_slice(&event("fine")).map_err(|error| error.to_string())?;
    event["Details"]["ContactData"]["Attributes"]["notes"] = json!("x".repeat(7 << 20));
    let bytes = serde_json::to_vec(&event).map_err(|error| error.to_string())?;
    let path = std::env::temp_dir().join(format!(
        "connect-lambda-runtime-safety-{}.json",
        std::process::id()
    ));
    std::fs::write(&path, &bytes).map_err(|error| error.to_string())?;
    let child = spawn_child(&["--event", &path.to_string_lossy()], &[], Stdio::null());
    let output = child.and_then(|child| finish(child, false, TIMEOUT));
    let _ = std::fs::remove_file(&path);
    let output = output?;
    refused_as_oversized(&output)?;
    // The same from stdin.
    let mut child = spawn_child(&["--event", "-"], &[], Stdio::piped())?;
    let mut stdin = child.stdin().expect("piped stdin");
    let writer = std::thread::spawn(move || {
        // The child stops reading past the limit: a broken pipe is expected.
        let _ = stdin.write_all(&bytes);
    });
    let output = finish(child, false, TIMEOUT)?;
    let _ = writer.join();
    refused_as_oversized(&output)
}

fn cli_dev_zero() -> Result<(), String> {
    let child = spawn_child(&["--event", "/dev/zero"], &[], Stdio::null())?;
    let output = finish(child, false, Duration::from_secs(10))?;
    refused_as_oversized(&output)
}

#[cfg(feature = "concurrency")]
fn refusing_api() -> Result<(), String> {
    // A loopback port nothing listens on (yet).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map_err(|error| error.to_string())?
        .port();
    let endpoint = format!("127.0.0.1:{port}");
    let child = spawn_child(
        &[],
        &[
            ("AWS_LAMBDA_RUNTIME_API", endpoint.as_str()),
            ("AWS_LAMBDA_FUNCTION_NAME", "router"),
            ("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
            ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"),
            ("AWS_LAMBDA_MAX_CONCURRENCY", "2"),
        ],
        Stdio::null(),
    )?;
    // Refused for a while; then the API comes up on that port and the
    // waiting runtime serves from it.
    std::thread::sleep(Duration::from_millis(1500));
    let tokio = tokio::runtime::Runtime::new().map_err(|error| error.to_string())?;
    let outcomes = tokio.block_on(async {
        let api =
            RuntimeApi::start_with(&endpoint, runtime_api::DEADLINE, vec![event("fine")]).await;
        api.outcomes(TIMEOUT).await
    });
    let output = finish(child, true, TIMEOUT)?;
    let outcomes = outcomes.map_err(|problem| format!("{problem}\n{}", output.all()))?;
    assert_routed(&outcomes[0], "4-some")?;
    expect(
        output.stderr.contains(&format!(
            "connect-lambda: the Lambda Runtime API at {endpoint} refuses connections"
        )) && output.stderr.contains("accepts connections after"),
        "the refusal and the recovery in the log",
        &output,
    )
}
