//! What a handler returns and how it is built: sync and async functions,
//! plain and `Result` returns, the handler's own errors, `#[state]`, and
//! the function left callable as written.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use crate::support::responses::{self, Echo};
use connect_lambda::{connect_handler, ContactFlowEvent};
use serde_json::{json, Value};

fn event(parameters: Value) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "Name": "ContactFlowEvent",
        "Details": {
            // /work/shared/events/connect-mock.json's contact.
            "ContactData": {
                "Attributes": {},
                "Channel": "VOICE",
                "ContactId": "4a573372-1f28-4e26-b97b-XXXXXXXXXXX",
                "CustomerEndpoint": {"Address": "+1234567890", "Type": "TELEPHONE_NUMBER"},
                "InitialContactId": "4a573372-1f28-4e26-b97b-XXXXXXXXXXX",
                "InitiationMethod": "INBOUND",
                "InstanceARN": "arn:aws:connect:aws-region:1234567890:instance/c8c0e68d",
                "PreviousContactId": "4a573372-1f28-4e26-b97b-XXXXXXXXXXX",
                "Queue": {"ARN": "arn:aws:connect:eu-west-2:111111111111:queue/q", "Name": "PasswordReset"},
                "SystemEndpoint": {"Address": "+1234567890", "Type": "TELEPHONE_NUMBER"}
            },
            "Parameters": parameters
        }
    }))
    .unwrap()
}

#[connect_handler]
fn sync_plain(#[param] name: String) -> Echo {
    Echo::new(format!("hello {name}"))
}

#[connect_handler]
async fn async_plain(#[param] name: String) -> Echo {
    Echo::new(format!("hello {name}"))
}

#[tokio::test]
async fn sync_and_async_functions_returning_the_response() {
    let body = event(json!({"name": "Jane"}));
    for bytes in [
        sync_plain::handler().invoke(&body).await.unwrap(),
        async_plain::handler().invoke(&body).await.unwrap(),
    ] {
        assert_eq!(responses::json(&bytes), json!({"echo": "hello Jane"}));
    }
}

#[test]
fn the_function_stays_callable_as_written() {
    assert_eq!(sync_plain("Jane".to_owned()), Echo::new("hello Jane"));
}

#[tokio::test]
async fn the_async_function_stays_callable_as_written() {
    assert_eq!(
        async_plain("Jane".to_owned()).await,
        Echo::new("hello Jane")
    );
}

#[derive(Debug)]
struct NoSuchCustomer;

impl std::fmt::Display for NoSuchCustomer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("no such customer")
    }
}

impl std::error::Error for NoSuchCustomer {}

#[connect_handler]
async fn balance(#[param(rename = "customerId")] customer: String) -> Result<Echo, NoSuchCustomer> {
    if customer == "c-1" {
        Ok(Echo::new("42.00"))
    } else {
        Err(NoSuchCustomer)
    }
}

#[tokio::test]
async fn a_handler_error_is_a_handler_error_with_its_display_text() {
    let handler = balance::handler();
    let bytes = handler
        .invoke(&event(json!({"customerId": "c-1"})))
        .await
        .unwrap();
    assert_eq!(responses::json(&bytes), json!({"echo": "42.00"}));
    let error = handler
        .invoke(&event(json!({"customerId": "c-2"})))
        .await
        .unwrap_err();
    assert_eq!(error.error_type(), "HandlerError");
    assert_eq!(error.to_string(), "no such customer");
}

#[connect_handler]
fn doubled(#[param] amount: String) -> Result<Echo, connect_lambda::Error> {
    let amount: u32 = amount.parse()?;
    Ok(Echo::new((amount * 2).to_string()))
}

#[tokio::test]
async fn question_mark_converts_any_std_error() {
    let handler = doubled::handler();
    let bytes = handler
        .invoke(&event(json!({"amount": "21"})))
        .await
        .unwrap();
    assert_eq!(responses::json(&bytes), json!({"echo": "42"}));
    let error = handler
        .invoke(&event(json!({"amount": "lots"})))
        .await
        .unwrap_err();
    assert_eq!(error.error_type(), "HandlerError");
    assert_eq!(error.to_string(), "invalid digit found in string");
}

struct Clients {
    greeting: String,
    calls: AtomicU32,
}

#[connect_handler]
async fn greet(
    #[state] clients: &Clients,
    #[param] name: String,
    #[state] prefix: &Arc<str>,
) -> Echo {
    let calls = clients.calls.fetch_add(1, Ordering::SeqCst) + 1;
    Echo::new(format!("{prefix}{} {name} #{calls}", clients.greeting))
}

#[tokio::test]
async fn state_is_built_once_and_shared_by_every_invocation_and_clone() {
    let clients = Clients {
        greeting: "Hello".to_owned(),
        calls: AtomicU32::new(0),
    };
    let handler = greet::handler(clients, Arc::from("> "));
    let copy = handler.clone();
    let body = event(json!({"name": "Jane"}));
    let first = handler.invoke(&body).await.unwrap();
    let second = copy.invoke(&body).await.unwrap();
    assert_eq!(responses::json(&first), json!({"echo": "> Hello Jane #1"}));
    assert_eq!(responses::json(&second), json!({"echo": "> Hello Jane #2"}));
}

#[tokio::test]
async fn invoke_event_runs_a_built_event() {
    let event: ContactFlowEvent = serde_json::from_slice(&event(json!({"name": "Jane"}))).unwrap();
    let bytes = sync_plain::handler().invoke_event(&event).await.unwrap();
    assert_eq!(responses::json(&bytes), json!({"echo": "hello Jane"}));
}

#[test]
fn handlers_are_clone_send_sync_static() {
    fn shareable<T: Clone + Send + Sync + 'static>(_: &T) {}
    shareable(&sync_plain::handler());
    shareable(&balance::handler());
}
