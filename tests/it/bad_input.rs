//! Hostile and broken input, through handlers written with the real macros:
//! every bad event gets the design's `errorType` (`MalformedEvent`,
//! `InvalidEvent`, `InvalidResponse`, `HandlerPanic`) and a message that
//! names the key and the expected type (or the panic's location) and holds
//! no value from the event; the runtime answers the next good event after
//! each bad one; a valid 6 MB event is served.
//!
//! Every value planted in the events carries [`SECRET`] (or is the phone
//! number [`PHONE`]): no error message may contain either. Keys never do, so
//! a message may name them.
//!
//! ```text
//! bad_input/handlers.rs       the handlers under test, written as users write them
//! bad_input/events.rs         building the good and bad events (helpers, no tests)
//! bad_input/event_cases.rs    events a handler cannot take: not JSON, wrong shapes,
//!                             deep nesting, invalid UTF-8, duplicate keys, bad
//!                             strings and numbers; skipping, and the 6 MB event
//! bad_input/response_cases.rs responses Connect would reject, and panics
//! bad_input/runtime.rs        every case again through the real runtime, each
//!                             followed by a good event
//! ```
//!
//! This file holds what a case is, how its result is judged, and the test
//! that runs every case through `invoke`. Peak memory for the 6 MB event is
//! measured by `bad_input_memory` (a test binary of its own, with a
//! counting allocator).

mod event_cases;
mod events;
mod handlers;
mod response_cases;
mod runtime;

use std::collections::BTreeMap;
use std::time::Duration;

use connect_lambda::manifest::{ExternalKey, ResponseValidation, ValueType};
use connect_lambda::{connect_handler, ConnectResponse, InvokeError};
use connect_test_support::runtime_api::{Outcome, RuntimeApi};
use connect_test_support::tutorial_handlers::{tutorial, whole_event};
use serde::Serialize;
use serde_json::{json, Value};

use self::events::*;
use self::handlers::*;

/// Planted in every value of the bad events.
const SECRET: &str = "SECRET";
/// The caller's number in the events.
const PHONE: &str = "+15550100-SECRET";
/// No error message is longer, whatever the event (keys are cut, long paths
/// elided).
const MAX_MESSAGE: usize = 512;

/// The `errorType`s of the cases.
const MALFORMED: &str = "MalformedEvent";
const INVALID: &str = "InvalidEvent";
const RESPONSE: &str = "InvalidResponse";

/// One bad input: which handler, the body, and what the error must be.
struct Case {
    name: &'static str,
    which: Which,
    body: Vec<u8>,
    /// `MalformedEvent`, `InvalidEvent` or `InvalidResponse`.
    error_type: &'static str,
    /// Text the message must contain: the path, the expected type.
    says: Vec<&'static str>,
}

fn case(
    name: &'static str,
    which: Which,
    body: impl Into<Vec<u8>>,
    error_type: &'static str,
    says: &[&'static str],
) -> Case {
    Case {
        name,
        which,
        body: body.into(),
        error_type,
        says: says.to_vec(),
    }
}

/// Every case: the bad events, then the bad responses and panics.
fn cases() -> Vec<Case> {
    let mut cases = event_cases::cases();
    cases.extend(response_cases::cases());
    cases
}

/// The problems with one case's result (empty when it is right).
fn check(case: &Case, error_type: Option<&str>, message: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if error_type != Some(case.error_type) {
        problems.push(format!(
            "errorType {error_type:?}, expected {:?} ({message:?})",
            case.error_type
        ));
    }
    for says in &case.says {
        if !message.contains(says) {
            problems.push(format!("{message:?} does not say {says:?}"));
        }
    }
    if message.len() > MAX_MESSAGE {
        problems.push(format!("a message of {} bytes", message.len()));
    }
    for value in [SECRET, PHONE, "15550100", "Jane Roe", "Acme", "Other"] {
        if message.contains(value) {
            problems.push(format!("{message:?} echoes {value:?}"));
        }
    }
    problems
}

#[tokio::test]
async fn every_bad_input_gets_its_error_type_and_a_value_free_message() {
    let mut failures = Vec::new();
    let cases = cases();
    for case in &cases {
        let problems = match invoke(case.which, &case.body).await {
            Ok(response) => vec![format!("succeeded: {}", String::from_utf8_lossy(&response))],
            Err(error) => check(case, Some(error.error_type()), &error.to_string()),
        };
        failures.extend(
            problems
                .into_iter()
                .map(|problem| format!("{} ({:?}): {problem}", case.name, case.which)),
        );
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn every_handler_answers_its_good_event() {
    for which in ALL {
        let response = invoke(which, &good_event(which))
            .await
            .unwrap_or_else(|error| panic!("{which:?}: {error}"));
        let response: Value = serde_json::from_slice(&response).expect("JSON");
        assert_eq!(response, good_response(which), "{which:?}");
    }
}
