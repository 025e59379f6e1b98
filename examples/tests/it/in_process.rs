//! The examples' handlers as in-process Lambdas for connect-flow's
//! simulator: no `lambda_runtime`, no process, no Runtime API.
//!
//! connect-flow takes any `Fn(&[u8]) -> Result<Vec<u8>, String>` as a
//! Lambda; [`in_process`] is the adapter from a connect-lambda
//! [`Handler`]: it runs `handler.invoke(event)` to completion on a
//! current-thread Tokio runtime built once per handler (the executor the
//! examples' `main` uses). The benchmark `benches/simulate.rs` shares this
//! file, so both run the same handlers the same way.

use connect_flow::simulate::Simulator;
use connect_flow::Flow;
use connect_lambda::{Handler, HandlerFn};

// The example bins, compiled here as modules: their `main` is unused.
#[allow(dead_code)]
#[path = "../../caller_profile.rs"]
pub mod caller_profile;
#[allow(dead_code)]
#[path = "../../greeting_router.rs"]
pub mod greeting_router;
#[allow(dead_code)]
#[path = "../../my_first_connect_lambda.rs"]
pub mod my_first_connect_lambda;

/// The examples' flow, as exported from the flow designer.
pub const FLOW: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/flows/customer-service.json");

/// `handler` as a Lambda for the simulator: event bytes in, response bytes
/// out, a failed invocation (`InvalidEvent`, `HandlerError`, ...) as the
/// error that sends the flow down its Error branch.
///
/// # Panics
/// When a Tokio runtime cannot be built (the OS refuses an I/O driver).
pub fn in_process<F: HandlerFn>(handler: Handler<F>) -> impl Fn(&[u8]) -> Result<Vec<u8>, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a current-thread Tokio runtime");
    move |event: &[u8]| {
        runtime
            .block_on(handler.invoke(event))
            .map_err(|e| e.to_string())
    }
}

/// An example handler as a boxed Lambda, so the three can sit in one list.
pub type InProcess = Box<dyn Fn(&[u8]) -> Result<Vec<u8>, String>>;

/// The three example handlers, by the function names the examples' flow
/// invokes: what both the simulator's tests and the test cases' runner
/// plug in.
pub fn handlers() -> [(&'static str, InProcess); 3] {
    [
        (
            "GreetingRouter",
            Box::new(in_process(greeting_router::greeting_router::handler(
                greeting_router::Greetings::new(),
            ))),
        ),
        (
            "MyFirstConnectLambda",
            Box::new(in_process(
                my_first_connect_lambda::my_first_connect_lambda::handler(),
            )),
        ),
        (
            "CallerProfile",
            Box::new(in_process(caller_profile::caller_profile::handler())),
        ),
    ]
}

/// The examples' flow with the three example handlers plugged in.
///
/// # Panics
/// When the shipped flow cannot be read.
pub fn simulator() -> Simulator {
    let flow = Flow::load(std::path::Path::new(FLOW)).expect("the examples' flow");
    let mut simulator = Simulator::new([flow]);
    for (function, handler) in handlers() {
        simulator.lambda(function, handler);
    }
    simulator
}
