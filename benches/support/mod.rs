//! What `benches/invoke.rs` (criterion timings) and `benches/allocations.rs`
//! (heap allocations per invocation) share: the events, the contenders and
//! the one harness shape every contender runs through.
//!
//! A contender is an async function from event bytes to response bytes,
//! `AsyncFn(&[u8]) -> Result<Vec<u8>, BoxError>`. Synchronous ones (the
//! floor, the aws_lambda_events peers) are wrapped in an `async` closure, so
//! every contender is polled by the same tokio current-thread runtime the
//! same way: the executor around each is identical and the ratios are fair.

pub mod events;
pub mod floor;
pub mod peer;
pub mod work;

pub mod connect_lambda;

/// The error every contender returns (a boxed error, like
/// `lambda_runtime::Error`).
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The name of the floor contender.
pub const FLOOR: &str = "floor";
/// The name of the aws_lambda_events peer with a serde struct response.
pub const PEER: &str = "aws_lambda_events";
/// The name of the aws_lambda_events peer with a `HashMap` response.
pub const PEER_MAP: &str = "aws_lambda_events+HashMap";
/// The name of the diagnostic contender: connect-lambda's scan alone.
pub const SCAN: &str = "scan-only";

/// Something that measures contenders: criterion, the allocation counter,
/// the agreement check.
pub trait Runner {
    /// Measures one contender on the runner's event.
    fn contender<F>(&mut self, name: &'static str, invoke: F)
    where
        F: AsyncFn(&[u8]) -> Result<Vec<u8>, BoxError>;
}

/// The two handlers the benchmarks time: the tutorial's (STRING_MAP) and a
/// JSON-validation one with a nested response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handler {
    /// `companyName` and `CustomerEndpoint.Address` in,
    /// `{"customerBalance", "websiteUrl"}` out.
    Tutorial,
    /// Five values in, `{"Caller": {...}, "Queue": {...}, "Flags": [...]}`
    /// out.
    CallerProfile,
}

/// Both handlers, in report order.
pub const HANDLERS: [Handler; 2] = [Handler::Tutorial, Handler::CallerProfile];

impl Handler {
    /// The handler's name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Handler::Tutorial => "tutorial",
            Handler::CallerProfile => "json-caller-profile",
        }
    }

    /// The reference answer: the aws_lambda_events peer's response to
    /// `event` (the floor writes these same bytes).
    pub fn reference_response(self, event: &[u8]) -> Result<Vec<u8>, BoxError> {
        match self {
            Handler::Tutorial => peer::tutorial(event),
            Handler::CallerProfile => peer::caller_profile(event),
        }
    }

    /// Hands every contender for this handler to `runner`. The floor writes
    /// `floor_response` (the reference response for the runner's event).
    pub fn contenders(self, runner: &mut impl Runner, floor_response: &[u8]) {
        runner.contender(FLOOR, async |event: &[u8]| {
            floor::invoke(event, floor_response)
        });
        let plan = connect_lambda::plan(self);
        runner.contender(SCAN, async |event: &[u8]| {
            connect_lambda::scan_only(event, plan, floor_response)
        });
        match self {
            Handler::Tutorial => {
                runner.contender(PEER, async |event: &[u8]| peer::tutorial(event));
                runner.contender(PEER_MAP, async |event: &[u8]| peer::tutorial_map(event));
                connect_lambda::tutorial(runner);
            }
            Handler::CallerProfile => {
                runner.contender(PEER, async |event: &[u8]| peer::caller_profile(event));
                connect_lambda::caller_profile(runner);
            }
        }
    }
}

/// The runtime every contender runs on: tokio's current-thread runtime, as
/// `lambda_runtime` handlers are polled one event at a time.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread tokio runtime")
}

/// Runs every contender once on one event and checks that each answers the
/// same JSON as the reference (key order aside: the `HashMap` peer's order
/// is random).
pub struct Agreement<'a> {
    rt: &'a tokio::runtime::Runtime,
    event: &'a [u8],
    expected: serde_json::Value,
    /// Contenders that answered something else, with what they answered.
    pub disagreements: Vec<String>,
}

impl<'a> Agreement<'a> {
    /// An agreement check of `event` against the `expected` response bytes.
    pub fn new(rt: &'a tokio::runtime::Runtime, event: &'a [u8], expected: &[u8]) -> Self {
        Agreement {
            rt,
            event,
            expected: serde_json::from_slice(expected).expect("the reference response is JSON"),
            disagreements: Vec::new(),
        }
    }
}

impl Runner for Agreement<'_> {
    fn contender<F>(&mut self, name: &'static str, invoke: F)
    where
        F: AsyncFn(&[u8]) -> Result<Vec<u8>, BoxError>,
    {
        let answer = self.rt.block_on(invoke(self.event));
        let answer = answer.map(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes));
        match answer {
            Ok(Ok(value)) if value == self.expected => {}
            Ok(Ok(value)) => self.disagreements.push(format!(
                "{name} answered {value}, expected {}",
                self.expected
            )),
            Ok(Err(error)) => self
                .disagreements
                .push(format!("{name} answered bytes that are not JSON: {error}")),
            Err(error) => self.disagreements.push(format!("{name} failed: {error}")),
        }
    }
}

/// Checks every contender of every handler on every event, and panics with
/// the list of disagreements if any: a benchmark of handlers that do
/// different work measures nothing.
pub fn check_agreement(rt: &tokio::runtime::Runtime, events: &[events::Event]) {
    let mut problems = Vec::new();
    for event in events {
        for handler in HANDLERS {
            let expected = handler
                .reference_response(&event.bytes)
                .unwrap_or_else(|error| panic!("the peer cannot serve {}: {error}", event.name));
            let mut agreement = Agreement::new(rt, &event.bytes, &expected);
            handler.contenders(&mut agreement, &expected);
            for problem in agreement.disagreements {
                problems.push(format!("{} on {}: {problem}", handler.name(), event.name));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "contenders disagree:\n{}",
        problems.join("\n")
    );
}
