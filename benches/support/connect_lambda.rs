//! connect-lambda's contenders: the same two handlers as `peer.rs`, written
//! with `#[connect_handler]` and `#[derive(ConnectResponse)]`, invoked
//! through `Handler::invoke` (event bytes in, response bytes out): the
//! whole per-invocation path without Lambda.

use connect_lambda::{connect_handler, ConnectResponse};

use connect_types::extract::{scan, EventPlan};

use super::{work, BoxError, Handler, Runner};

/// The name of connect-lambda's contender.
const CONNECT_LAMBDA: &str = "connect-lambda";

/// The tutorial's response (STRING_MAP).
#[derive(ConnectResponse)]
#[connect(rename_all = "camelCase")]
pub struct Balance {
    customer_balance: String,
    website_url: String,
}

/// The tutorial handler.
#[connect_handler]
pub fn tutorial_handler(
    #[param(rename = "companyName")] company: Option<String>,
    #[contact("CustomerEndpoint.Address")] phone: String,
) -> Balance {
    Balance {
        customer_balance: work::customer_balance(&phone),
        website_url: work::website_url(company.as_deref()),
    }
}

/// The JSON-validation handler's response.
#[derive(ConnectResponse)]
#[connect(json)]
pub struct CallerProfile {
    #[connect(rename = "Caller")]
    caller: Caller,
    #[connect(rename = "Queue")]
    queue: Option<QueueInfo>,
    #[connect(rename = "Flags")]
    flags: Vec<String>,
}

/// `$.External.Caller`.
#[derive(ConnectResponse)]
#[connect(json)]
pub struct Caller {
    #[connect(rename = "Phone")]
    phone: String,
    #[connect(rename = "Channel")]
    channel: Option<String>,
    #[connect(rename = "Company")]
    company: Option<String>,
}

/// `$.External.Queue`.
#[derive(ConnectResponse)]
#[connect(json)]
pub struct QueueInfo {
    #[connect(rename = "Name")]
    name: String,
}

/// The JSON-validation handler.
#[connect_handler]
pub fn caller_profile_handler(
    #[param(rename = "companyName")] company: Option<String>,
    #[contact("CustomerEndpoint.Address")] phone: String,
    #[contact("Channel")] channel: Option<String>,
    #[contact("Queue.Name")] queue: Option<String>,
    #[attribute(rename = "greetingPlayed")] greeting_played: Option<String>,
) -> CallerProfile {
    let flags = work::caller_flags(&phone, greeting_played.as_deref());
    CallerProfile {
        caller: Caller {
            phone,
            channel,
            company,
        },
        queue: queue.map(|name| QueueInfo { name }),
        flags,
    }
}

/// Adds connect-lambda's tutorial handler to `runner`.
pub fn tutorial(runner: &mut impl Runner) {
    let handler = tutorial_handler::handler();
    runner.contender(CONNECT_LAMBDA, async |event: &[u8]| {
        handler.invoke(event).await.map_err(BoxError::from)
    });
}

/// Adds connect-lambda's JSON-validation handler to `runner`.
pub fn caller_profile(runner: &mut impl Runner) {
    let handler = caller_profile_handler::handler();
    runner.contender(CONNECT_LAMBDA, async |event: &[u8]| {
        handler.invoke(event).await.map_err(BoxError::from)
    });
}

/// What `#[connect_handler]` reads for each handler, as the `EventPlan` the
/// generated code scans with (parameters, attributes, contact paths).
pub fn plan(handler: Handler) -> &'static EventPlan {
    static TUTORIAL: EventPlan = EventPlan {
        parameters: &["companyName"],
        attributes: &[],
        contact_paths: &["CustomerEndpoint.Address"],
        contact_data: false,
    };
    static CALLER_PROFILE: EventPlan = EventPlan {
        parameters: &["companyName"],
        attributes: &["greetingPlayed"],
        contact_paths: &["CustomerEndpoint.Address", "Channel", "Queue.Name"],
        contact_data: false,
    };
    match handler {
        Handler::Tutorial => &TUTORIAL,
        Handler::CallerProfile => &CALLER_PROFILE,
    }
}

/// A diagnostic, not a handler: connect-lambda's scan of the event with
/// the handler's plan, then the response bytes copied out as the floor
/// does. Its distance to the floor is the scanner's; its distance to
/// `connect-lambda` is the rest (argument decoding, the handler, the
/// response's serialisation and checks).
pub fn scan_only(event: &[u8], plan: &EventPlan, response: &[u8]) -> Result<Vec<u8>, BoxError> {
    let scanned = scan(event, plan)?;
    std::hint::black_box(&scanned);
    Ok(response.to_vec())
}
