//! `connect_lambda::run` end to end: the real `lambda_runtime` client
//! against an in-process Lambda Runtime API on loopback.
//!
//! The runtime reads its configuration from the process environment, so the
//! tests that serve through it take turns through `ENV`.

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::Duration;

use connect_lambda::Handler;
use connect_test_support::company_handler::{event, CompanyEcho};
use connect_test_support::runtime_api::{Outcome, RuntimeApi, FUNCTION_ARN};
use serde_json::json;

use crate::LAMBDA_ENVIRONMENT as ENV;

const TIMEOUT: Duration = Duration::from_secs(30);

/// The event of Amazon Connect's Lambda tutorial.
const TUTORIAL_EVENT: &str = r#"{
  "Details": {
    "ContactData": {
      "Attributes": {},
      "Channel": "VOICE",
      "ContactId": "4a573372-1f28-4e26-b97b-XXXXXXXXXXX",
      "CustomerEndpoint": {"Address": "+15550100", "Type": "TELEPHONE_NUMBER"},
      "InitialContactId": "4a573372-1f28-4e26-b97b-XXXXXXXXXXX",
      "InitiationMethod": "INBOUND",
      "InstanceARN": "arn:aws:connect:aws-region:1234567890:instance/c8c0e68d-2200-4265-82c0-XXXXXXXXXX",
      "PreviousContactId": "4a573372-1f28-4e26-b97b-XXXXXXXXXXX",
      "Queue": {
        "ARN": "arn:aws:connect:eu-west-2:111111111111:instance/cccccccc-bbbb-dddd-eeee-ffffffffffff/queue/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        "Name": "PasswordReset"
      },
      "SystemEndpoint": {"Address": "+15550000", "Type": "TELEPHONE_NUMBER"}
    },
    "Parameters": {"companyName": "GGG"}
  },
  "Name": "ContactFlowEvent"
}"#;

/// Personal data in the test events: none of it may appear in an error
/// message or a log line.
const PERSONAL: &[&str] = &[
    "+155501", // every customer phone number below starts so
    "918273645",
    "Jane Roe",
    "accountHolder",
];

/// Everything logged by this test binary, at every level (TRACE included).
fn logs() -> Arc<Mutex<Vec<u8>>> {
    static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&logs);
        tracing_subscriber::fmt()
            .with_max_level(tracing_subscriber::filter::LevelFilter::TRACE)
            .with_ansi(false)
            .with_writer(move || LogWriter(Arc::clone(&sink)))
            .try_init()
            .expect("the only subscriber of this test binary");
        logs
    })
    .clone()
}

struct LogWriter(Arc<Mutex<Vec<u8>>>);

impl Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn logged() -> String {
    String::from_utf8_lossy(&logs().lock().unwrap_or_else(PoisonError::into_inner)).into_owned()
}

/// Sets the variables Lambda sets, pointing at `endpoint`.
fn lambda_environment(endpoint: &str, concurrency: Option<&str>) {
    std::env::set_var("AWS_LAMBDA_RUNTIME_API", endpoint);
    std::env::set_var("AWS_LAMBDA_FUNCTION_NAME", "connect-test");
    std::env::set_var("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    std::env::set_var("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128");
    match concurrency {
        Some(value) => std::env::set_var("AWS_LAMBDA_MAX_CONCURRENCY", value),
        None => std::env::remove_var("AWS_LAMBDA_MAX_CONCURRENCY"),
    }
}

/// Runs `connect_lambda::run` until every event of `api` is answered and the
/// runtime has asked for the next event `polls` times in all; fails if the
/// runtime stops first.
async fn serve_all(api: &RuntimeApi, polls: usize) -> Vec<Outcome> {
    let runtime = tokio::spawn(connect_lambda::run(Handler::new(CompanyEcho)));
    let answered = async {
        let outcomes = api.outcomes(TIMEOUT).await?;
        api.wait_for_next_calls(polls, TIMEOUT).await?;
        Ok::<_, String>(outcomes)
    };
    tokio::pin!(runtime);
    let outcomes = tokio::select! {
        outcomes = answered => outcomes.unwrap_or_else(|problem| panic!("{problem}")),
        stopped = &mut runtime => panic!("the runtime stopped while serving: {stopped:?}"),
    };
    // A moment for any further poll (a loop more than expected) to show.
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(!runtime.is_finished(), "the runtime keeps serving");
    runtime.abort();
    assert_eq!(api.unexpected(), Vec::<String>::new());
    outcomes
}

fn assert_response(outcome: &Outcome, company: &str) {
    assert!(
        outcome.success,
        "{} failed: {:?}",
        outcome.request_id,
        String::from_utf8_lossy(&outcome.body)
    );
    let response = outcome.json();
    assert_eq!(response["companyName"], company);
    assert_eq!(response["requestId"], outcome.request_id.as_str());
    let deadline: u64 = response["deadline"]
        .as_str()
        .and_then(|deadline| deadline.parse().ok())
        .expect("the deadline as a string");
    assert!(deadline > 0, "the handler sees Lambda's deadline");
    assert_eq!(response["functionArn"], FUNCTION_ARN);
}

/// An error post with `error_type` whose message contains `message` and
/// none of the event's personal values.
#[track_caller]
fn assert_error(outcome: &Outcome, error_type: &str, message: &str) {
    outcome.assert_value_free_error(error_type, message, PERSONAL);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_a_series_and_survives_bad_events() {
    let _env = ENV.lock().await;
    logs();
    // Nested JSON parameters beside the one the handler reads.
    let mut nested: serde_json::Value =
        serde_json::from_slice(&event(json!("Nested"), "+15550108")).expect("a JSON event");
    nested["Details"]["Parameters"]["hobbies"] =
        json!({"books": ["book1", "book2"], "art": ["art1"]});
    nested["Details"]["Parameters"]["Age"] = json!(10);
    // A large event (Lambda accepts up to 6 MB): a 5 MB attribute.
    let mut large: serde_json::Value =
        serde_json::from_slice(&event(json!("Large"), "+15550109")).expect("a JSON event");
    large["Details"]["ContactData"]["Attributes"]["notes"] = json!("x".repeat(5 << 20));
    let events = vec![
        TUTORIAL_EVENT.as_bytes().to_vec(),
        serde_json::to_vec(&nested).expect("JSON"),
        serde_json::to_vec(&large).expect("JSON"),
        event(json!("GGG"), "+15550101"),
        // Malformed JSON: cut in the middle of the phone number.
        br#"{"Details": {"ContactData": {"CustomerEndpoint": {"Address": "+1555010"#.to_vec(),
        // A number where a string is expected.
        event(json!(918273645), "+15550103"),
        // Not UTF-8 (lambda_runtime's TRACE log of the body used to fail on it).
        b"{\"Details\": {\"Parameters\": {\"companyName\": \"\xff\xfe+15550104\"}}}".to_vec(),
        // The required key is missing.
        br#"{"Details": {"ContactData": {"Attributes": {"accountHolder": "Jane Roe"}}, "Parameters": {}}}"#.to_vec(),
        event(json!("fail"), "+15550105"),
        event(json!("panic"), "+15550106"),
        event(json!("Acme"), "+15550107"),
    ];
    let count = events.len();
    let api = RuntimeApi::start(events).await;
    lambda_environment(&api.endpoint(), None);

    // One poll per event, then one more: the runtime waits for the next.
    let outcomes = serve_all(&api, count + 1).await;

    assert_response(&outcomes[0], "GGG");
    assert_response(&outcomes[1], "Nested");
    assert_response(&outcomes[2], "Large");
    assert_response(&outcomes[3], "GGG");
    assert_error(&outcomes[4], "MalformedEvent", "not a JSON document");
    assert_error(
        &outcomes[5],
        "InvalidEvent",
        "Details.Parameters.companyName: invalid type: expected a string",
    );
    assert_error(&outcomes[6], "MalformedEvent", "not a JSON document");
    assert_error(
        &outcomes[7],
        "InvalidEvent",
        "Details.Parameters.companyName: missing required parameter",
    );
    assert_error(
        &outcomes[8],
        "HandlerError",
        "the balance service did not answer",
    );
    // A panicking handler is caught by connect-lambda: HandlerPanic, with
    // the handler's name and the panic's location, not its message.
    assert_error(
        &outcomes[9],
        "HandlerPanic",
        "the handler `company_echo` panicked at test-support/src/company_handler.rs:",
    );
    assert!(!outcomes[9]
        .error_message()
        .is_some_and(|message| message.contains("the handler gave up")));
    assert_response(&outcomes[10], "Acme");

    // The whole series was traced at TRACE level, and no event value was
    // logged: lambda_runtime only ever saw the body's token.
    let logs = logged();
    assert!(
        logs.contains("raw JSON event received from Lambda"),
        "TRACE logging is on: {logs}"
    );
    for value in PERSONAL.iter().chain(&[
        "GGG",
        "Acme",
        "Nested",
        "hobbies",
        "xxxxxxxx",
        "CustomerEndpoint",
    ]) {
        assert!(!logs.contains(value), "the logs hold {value:?}:\n{logs}");
    }
}

#[cfg(feature = "concurrency")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_concurrently_when_max_concurrency_is_set() {
    // Three workers: each asks for one more event after the last.
    serves_with_max_concurrency_3(3).await;
}

#[cfg(not(feature = "concurrency"))]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_one_at_a_time_without_the_concurrency_feature() {
    // One loop: it asks for one more event after the last.
    serves_with_max_concurrency_3(1).await;
}

/// Serves a series with `AWS_LAMBDA_MAX_CONCURRENCY=3`, expecting `workers`
/// loops to poll for the next event after it.
async fn serves_with_max_concurrency_3(workers: usize) {
    let _env = ENV.lock().await;
    logs();
    let mut events: Vec<Vec<u8>> = (0..8)
        .map(|index| event(json!(format!("company-{index}")), "+15550110"))
        .collect();
    events.insert(3, b"[1, 2".to_vec());
    events.insert(6, event(json!(918273645), "+15550111"));
    let count = events.len();
    let api = RuntimeApi::start(events).await;
    lambda_environment(&api.endpoint(), Some("3"));

    let outcomes = serve_all(&api, count + workers).await;
    // No more loops than that: each would have polled once more.
    assert_eq!(api.next_calls(), count + workers);

    let mut company = 0;
    for (index, outcome) in outcomes.iter().enumerate() {
        match index {
            3 => assert_error(outcome, "MalformedEvent", "not a JSON document"),
            6 => assert_error(outcome, "InvalidEvent", "expected a string"),
            _ => {
                assert_response(outcome, &format!("company-{company}"));
                company += 1;
            }
        }
    }
}

/// Runs `connect_lambda::run` with the environment as set and returns its
/// error; fails if it starts serving.
async fn refused(api: &RuntimeApi) -> String {
    let error = tokio::time::timeout(TIMEOUT, connect_lambda::run(Handler::new(CompanyEcho)))
        .await
        .expect("run returns at once")
        .expect_err("run refuses the environment");
    assert_eq!(api.next_calls(), 0, "nothing was served");
    error.to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_or_malformed_lambda_variable_is_an_error_naming_it() {
    let _env = ENV.lock().await;
    let api = RuntimeApi::start([event(json!("GGG"), "+15550130")]).await;

    for variable in [
        "AWS_LAMBDA_FUNCTION_NAME",
        "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    ] {
        lambda_environment(&api.endpoint(), None);
        std::env::remove_var(variable);
        let message = refused(&api).await;
        assert!(
            message.starts_with(&format!("{variable} is not set")),
            "{message}"
        );
        assert!(
            message.contains("unset AWS_LAMBDA_RUNTIME_API"),
            "{message}"
        );
    }

    for (variable, value, expected) in [
        ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "lots", "an integer"),
        ("AWS_LAMBDA_RUNTIME_API", "not a host", "a host and port"),
        ("AWS_LAMBDA_RUNTIME_API", "", "a host and port"),
        ("AWS_LAMBDA_MAX_CONCURRENCY", "many", "a whole number"),
        // Values lambda_runtime ignores (it would serve one at a time).
        (
            "AWS_LAMBDA_MAX_CONCURRENCY",
            " 4",
            "lambda_runtime would ignore",
        ),
        (
            "AWS_LAMBDA_MAX_CONCURRENCY",
            "4 ",
            "lambda_runtime would ignore",
        ),
        (
            "AWS_LAMBDA_MAX_CONCURRENCY",
            "0",
            "lambda_runtime would ignore",
        ),
        (
            "AWS_LAMBDA_MAX_CONCURRENCY",
            "-2",
            "lambda_runtime would ignore",
        ),
    ] {
        lambda_environment(&api.endpoint(), None);
        std::env::set_var(variable, value);
        let message = refused(&api).await;
        assert!(
            message.starts_with(&format!("{variable} is not ")),
            "{message}"
        );
        assert!(message.contains(expected), "{message}");
    }
}
