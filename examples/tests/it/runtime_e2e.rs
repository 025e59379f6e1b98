//! The example binaries end to end, as Lambda runs them: each is started as
//! a child process with `AWS_LAMBDA_RUNTIME_API` (and the variables Lambda
//! sets beside it) pointing at an in-process Lambda Runtime API on loopback,
//! so the `#[connect_handler]`-generated handler is served by the real
//! `lambda_runtime` client. Each test serves a series of good and bad
//! events and checks every response body or `errorType` / `errorMessage`,
//! that the process survives the bad events, and that nothing the events
//! hold reaches an error message or the process's stdout / stderr.
//!
//! The children run with `RUST_LOG=trace` and `AWS_LAMBDA_LOG_LEVEL=TRACE`,
//! the variables `lambda_runtime`'s subscriber reads, so a subscriber added
//! to an example later is held to the same rule at its most verbose.

use std::process::{Command, ExitStatus, Stdio};
use std::time::Duration;

use connect_test_support::child::Running;

use connect_test_support::runtime_api::{Outcome, RuntimeApi};
use serde_json::{json, Value};

const TIMEOUT: Duration = Duration::from_secs(60);

/// The tutorial's event, as shipped with the examples.
const TUTORIAL_EVENT: &str = include_str!("../../events/connect-mock.json");
/// Nested JSON parameters, as shipped with the examples.
const NESTED_EVENT: &str = include_str!("../../events/nested-json-parameters.json");

/// A running example binary serving the Runtime API; killed (and reaped)
/// when dropped, so a failing test leaves no process behind.
struct Lambda {
    name: &'static str,
    child: Running,
}

impl Lambda {
    /// Starts `binary` against the Runtime API at `endpoint`, with only the
    /// environment Lambda gives a function (and the log levels).
    fn start(
        name: &'static str,
        binary: &str,
        endpoint: &str,
        concurrency: Option<&str>,
    ) -> Lambda {
        let mut command = Command::new(binary);
        command
            .env_clear()
            .env("AWS_LAMBDA_RUNTIME_API", endpoint)
            .env("AWS_LAMBDA_FUNCTION_NAME", name)
            .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
            .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
            .env("RUST_LOG", "trace")
            .env("AWS_LAMBDA_LOG_LEVEL", "TRACE")
            .env("RUST_BACKTRACE", "1")
            .stdin(Stdio::null());
        if let Some(concurrency) = concurrency {
            command.env("AWS_LAMBDA_MAX_CONCURRENCY", concurrency);
        }
        let child =
            Running::start(command).unwrap_or_else(|error| panic!("start {binary}: {error}"));
        Lambda { name, child }
    }

    /// The exit status, if the process has ended.
    fn exited(&mut self) -> Option<ExitStatus> {
        self.child.exited()
    }

    /// Kills the process and returns everything it wrote to stdout and
    /// stderr.
    fn stop(self) -> String {
        let output = self
            .child
            .finish(true, TIMEOUT)
            .unwrap_or_else(|error| panic!("{}: {error}", self.name));
        let mut text = String::new();
        for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
            text.push_str(&format!("--- {} {stream} ---\n{bytes}\n", self.name));
        }
        text
    }
}

/// What a series of events got from one example process.
struct Served {
    outcomes: Vec<Outcome>,
    /// The process's stdout and stderr.
    output: String,
}

/// Serves `events` to the example `binary` (with `workers` concurrent
/// invocations when set) until every event is answered and the runtime has
/// asked for the next one again; checks the process is still serving, then
/// kills it.
async fn serve(
    name: &'static str,
    binary: &str,
    events: Vec<Vec<u8>>,
    workers: Option<usize>,
) -> Served {
    let count = events.len();
    let api = RuntimeApi::start(events).await;
    let concurrency = workers.map(|workers| workers.to_string());
    let mut lambda = Lambda::start(name, binary, &api.endpoint(), concurrency.as_deref());

    // Every event answered, and then each worker polls for the next one
    // (one loop without the `concurrency` feature).
    let loops = if cfg!(feature = "concurrency") {
        workers.unwrap_or(1)
    } else {
        1
    };
    let answered = async {
        let outcomes = api.outcomes(TIMEOUT).await?;
        api.wait_for_next_calls(count + loops, TIMEOUT).await?;
        Ok::<_, String>(outcomes)
    };
    let exited = async {
        loop {
            if let Some(status) = lambda.exited() {
                return status;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    let result = tokio::select! {
        outcomes = answered => outcomes,
        status = exited => Err(format!("{name} exited while serving: {status}")),
    };
    let still_serving = lambda.exited().is_none();
    let output = lambda.stop();
    let outcomes = result.unwrap_or_else(|problem| panic!("{problem}\n{output}"));
    assert!(still_serving, "{name} stopped after the series\n{output}");
    assert_eq!(api.unexpected(), Vec::<String>::new(), "{output}");
    Served { outcomes, output }
}

/// The event's `Details.ContactData`.
fn contact(event: &mut Value) -> &mut Value {
    &mut event["Details"]["ContactData"]
}

/// A JSON document from the examples' events, to modify.
fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("a JSON event")
}

fn bytes(event: &Value) -> Vec<u8> {
    serde_json::to_vec(event).expect("JSON")
}

fn assert_response(outcome: &Outcome, expected: Value) {
    assert!(
        outcome.success,
        "{} failed: {}",
        outcome.request_id,
        String::from_utf8_lossy(&outcome.body)
    );
    assert_eq!(outcome.json(), expected, "{}", outcome.request_id);
}

fn assert_output_is_clean(output: &str, values: &[&str]) {
    for value in values {
        assert!(
            !output.contains(value),
            "the process wrote {value:?}:\n{output}"
        );
    }
}

/// Values planted in the bad events: no message or log line may hold them.
const SECRETS: &[&str] = &["SECRET", "+15550100", "Jane Roe"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_tutorial_lambda_serves_a_series_and_survives_bad_events() {
    let tutorial = parse(TUTORIAL_EVENT);
    let with = |company: Value, address: Value| {
        let mut event = tutorial.clone();
        event["Details"]["Parameters"]["companyName"] = company;
        event["Details"]["ContactData"]["CustomerEndpoint"]["Address"] = address;
        event
    };

    // A missing required parameter: only a look-alike key is there.
    let mut missing = with(json!("SECRET-Acme"), json!("+15550100-SECRET"));
    missing["Details"]["Parameters"] = json!({"companyname": "SECRET-Acme"});
    // The contact field's parent is null (a chat contact has no endpoint).
    let mut no_endpoint = with(json!("SECRET-Acme"), json!("+15550100-SECRET"));
    no_endpoint["Details"]["ContactData"]["CustomerEndpoint"] = Value::Null;
    no_endpoint["Details"]["ContactData"]["Attributes"] = json!({"holder": "Jane Roe"});
    // Details is absent altogether.
    let no_details = json!({"Name": "ContactFlowEvent", "Parameters": {"companyName": "SECRET"}});

    let events = vec![
        TUTORIAL_EVENT.as_bytes().to_vec(),
        // Malformed JSON: cut in the middle of the phone number.
        br#"{"Details": {"ContactData": {"CustomerEndpoint": {"Address": "+15550100-SECRET"#
            .to_vec(),
        bytes(&missing),
        // A wrong type: an object where the company's name should be.
        bytes(&with(
            json!({"name": "SECRET-Acme"}),
            json!("+15550100-SECRET"),
        )),
        bytes(&no_endpoint),
        bytes(&no_details),
        // Not UTF-8, inside the value the handler reads.
        b"{\"Details\": {\"Parameters\": {\"companyName\": \"\xff\xfeSECRET\"}}}".to_vec(),
        bytes(&with(json!("Acme"), json!("+15550177"))),
    ];
    let served = serve(
        "MyFirstConnectLambda",
        env!("CARGO_BIN_EXE_my_first_connect_lambda"),
        events,
        None,
    )
    .await;
    let outcomes = &served.outcomes;

    assert_response(
        &outcomes[0],
        json!({"customerBalance": "78.90", "websiteUrl": "https://www.ggg.example.com"}),
    );
    outcomes[1].assert_value_free_error("MalformedEvent", "malformed JSON", SECRETS);
    outcomes[2].assert_value_free_error(
        "InvalidEvent",
        "Details.Parameters.companyName: missing required parameter (expected a string)",
        SECRETS,
    );
    outcomes[3].assert_value_free_error(
        "InvalidEvent",
        "Details.Parameters.companyName: invalid type: expected a string, found an object",
        SECRETS,
    );
    outcomes[4].assert_value_free_error("InvalidEvent",
        "Details.ContactData.CustomerEndpoint.Address: missing required contact field (expected a string)",
        SECRETS,
    );
    outcomes[5].assert_value_free_error(
        "InvalidEvent",
        "Details: missing, expected an object",
        SECRETS,
    );
    outcomes[6].assert_value_free_error("MalformedEvent", "invalid UTF-8", SECRETS);
    // The process survived every bad event and answers the next good one.
    assert_response(
        &outcomes[7],
        json!({"customerBalance": "1.77", "websiteUrl": "https://www.acme.example.com"}),
    );

    assert_output_is_clean(
        &served.output,
        &[
            SECRETS,
            &["+1234567890", "GGG", "+15550177", "PasswordReset"],
        ]
        .concat(),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_profile_lambda_serves_nested_parameters_with_max_concurrency_set_and_survives_bad_events(
) {
    let nested = parse(NESTED_EVENT);
    let with_parameters = |parameters: Value| {
        let mut event = nested.clone();
        event["Details"]["Parameters"] = parameters;
        bytes(&event)
    };
    // 10,000 levels of arrays in a parameter the handler reads.
    let deep = format!(
        r#"{{"Details": {{"Parameters": {{"Name": "Jane Roe", "Age": 10, "hobbies": {{"books": {}{}}}}}}}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );

    let events = vec![
        NESTED_EVENT.as_bytes().to_vec(),
        // A number given as its text, a boolean as its text, no hobbies.
        with_parameters(json!({"Name": "Jordan", "Age": "42", "isEnrolledInSchool": "false"})),
        // A wrong type deep inside a nested parameter.
        with_parameters(json!({"Name": "Jane Roe", "Age": 10, "hobbies": {"books": "SECRET"}})),
        // A number's text that is not a number.
        with_parameters(json!({"Name": "Jane Roe", "Age": "ten-SECRET"})),
        // A required parameter missing.
        with_parameters(json!({"Name": "Jane Roe", "age": 10})),
        // Parameters as a string.
        with_parameters(json!("Name=Jane Roe;Age=SECRET")),
        // An empty body.
        Vec::new(),
        deep.into_bytes(),
        // A JSON array instead of an event.
        br#"[{"Details": {"Parameters": {"Name": "Jane Roe"}}}]"#.to_vec(),
        with_parameters(json!({
            "Name": "Sam",
            "Age": 15,
            "hobbies": {"books": ["b1"], "art": [], "music": ["SECRET"]}
        })),
    ];
    let served = serve(
        "CallerProfile",
        env!("CARGO_BIN_EXE_caller_profile"),
        events,
        Some(2),
    )
    .await;
    let outcomes = &served.outcomes;
    // Without the feature, the log says how to serve two at once.
    assert_eq!(
        served
            .output
            .contains("built without its `concurrency` feature: serving one invocation at a time"),
        !cfg!(feature = "concurrency"),
        "{}",
        served.output
    );

    assert_response(
        &outcomes[0],
        json!({
            "Profile": {"DisplayName": "Jane", "AgeGroup": "child", "InSchool": true},
            "HobbyCount": 4,
            "Books": ["book1", "book2"]
        }),
    );
    assert_response(
        &outcomes[1],
        json!({
            "Profile": {"DisplayName": "Jordan", "AgeGroup": "adult", "InSchool": false},
            "HobbyCount": 0,
            "Books": []
        }),
    );
    outcomes[2].assert_value_free_error(
        "InvalidEvent",
        "Details.Parameters.hobbies.books: invalid type: expected a sequence, found a string",
        SECRETS,
    );
    outcomes[3].assert_value_free_error(
        "InvalidEvent",
        "Details.Parameters.Age: invalid type: expected u32, found a string",
        SECRETS,
    );
    outcomes[4].assert_value_free_error(
        "InvalidEvent",
        "Details.Parameters.Age: missing required parameter (expected u32)",
        SECRETS,
    );
    outcomes[5].assert_value_free_error(
        "InvalidEvent",
        "Details.Parameters: invalid type: expected an object, found a string",
        SECRETS,
    );
    outcomes[6].assert_value_free_error("MalformedEvent", "malformed JSON", SECRETS);
    outcomes[7].assert_value_free_error(
        "MalformedEvent",
        "Details.Parameters.hobbies: malformed JSON: recursion limit exceeded",
        SECRETS,
    );
    outcomes[8].assert_value_free_error(
        "InvalidEvent",
        "invalid type: expected an object, found an array",
        SECRETS,
    );
    assert_response(
        &outcomes[9],
        json!({
            "Profile": {"DisplayName": "Sam", "AgeGroup": "teen", "InSchool": false},
            "HobbyCount": 1,
            "Books": ["b1"]
        }),
    );

    assert_output_is_clean(
        &served.output,
        &[SECRETS, &["Jane", "Jordan", "Sam", "book1", "art1"]].concat(),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_router_lambda_reads_attributes_and_survives_bad_events() {
    let chat = parse(include_str!("../../events/chat-without-endpoints.json"));
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut event = chat.clone();
        edit(&mut event);
        bytes(&event)
    };

    let events = vec![
        include_bytes!("../../events/chat-without-endpoints.json").to_vec(),
        // Not greeted yet, a VIP, in French, by phone.
        with(&|event| {
            let data = contact(event);
            data["Attributes"] = json!({"greetingPlayed": "false", "vip": "true"});
            data["Channel"] = json!("VOICE");
            data["LanguageCode"] = json!("fr-CA");
        }),
        // An attribute that is not a boolean's text.
        with(&|event| contact(event)["Attributes"]["vip"] = json!("SECRET-yes")),
        // Attributes as an array.
        with(&|event| contact(event)["Attributes"] = json!(["vip", "SECRET"])),
        // The channel, read as an enum, missing.
        with(&|event| {
            contact(event).as_object_mut().unwrap().remove("Channel");
        }),
        // The channel as an object (a number would be read as its text, a
        // channel this toolkit does not know yet, as any string is).
        with(&|event| contact(event)["Channel"] = json!({"Name": "SECRET"})),
        // A duplicate of a read attribute.
        br#"{"Details": {"ContactData": {"Channel": "CHAT", "Attributes": {"vip": "true", "vip": "SECRET"}}}}"#
            .to_vec(),
        // Null attributes are empty; an unknown channel is kept as Other.
        with(&|event| {
            let data = contact(event);
            data["Attributes"] = Value::Null;
            data["Channel"] = json!("CARRIER_PIGEON");
        }),
    ];
    let served = serve(
        "GreetingRouter",
        env!("CARGO_BIN_EXE_greeting_router"),
        events,
        None,
    )
    .await;
    let outcomes = &served.outcomes;

    assert_response(&outcomes[0], json!({"nextStep": "menu"}));
    assert_response(
        &outcomes[1],
        json!({
            "greeting": "Bonjour, thank you for calling.",
            "nextStep": "greet",
            "vipNote": "Priority queue"
        }),
    );
    outcomes[2].assert_value_free_error(
        "InvalidEvent",
        "Details.ContactData.Attributes.vip: invalid type: expected a boolean, found a string",
        SECRETS,
    );
    outcomes[3].assert_value_free_error(
        "InvalidEvent",
        "Details.ContactData.Attributes: invalid type: expected an object, found an array",
        SECRETS,
    );
    outcomes[4].assert_value_free_error(
        "InvalidEvent",
        "Details.ContactData.Channel: missing required contact field",
        SECRETS,
    );
    outcomes[5].assert_value_free_error("InvalidEvent",
        "Details.ContactData.Channel: invalid type: expected a Connect channel name such as \"VOICE\", found an object",
        SECRETS,
    );
    outcomes[6].assert_value_free_error(
        "InvalidEvent",
        "duplicate key `Details.ContactData.Attributes.vip`",
        SECRETS,
    );
    assert_response(
        &outcomes[7],
        json!({"greeting": "Hello, thank you for contacting us.", "nextStep": "greet"}),
    );

    assert_output_is_clean(
        &served.output,
        &[SECRETS, &["CARRIER_PIGEON", "fr-CA"]].concat(),
    );
}
