//! Amazon Connect Lambda handlers, checked at compile time.
//!
//! An Amazon Connect flow calls a Lambda through its "Invoke AWS Lambda
//! function" block. This crate turns a plain function into that Lambda:
//!
//! - [`#[connect_handler]`](macro@connect_handler) extracts the function's
//!   arguments from the event (flow parameters, contact attributes, contact
//!   data), reading only what they need, and wires the function to
//!   `lambda_runtime`. The function stays a function: tests call it directly.
//! - [`#[derive(ConnectResponse)]`](derive@ConnectResponse) checks at compile
//!   time that the response fits the block's response validation (STRING_MAP:
//!   flat string values; JSON: nested allowed) and writes its `Serialize`.
//! - Together they produce a [`Manifest`]: the keys the flow may reference as
//!   `$.External.<key>`, and what the handler reads. The `connect-flow`
//!   checker compares an exported flow with the manifests before deployment.
//!
//! ```
//! use connect_lambda::{connect_handler, ConnectResponse};
//!
//! #[derive(ConnectResponse)]
//! #[connect(rename_all = "camelCase")]
//! struct Balance {
//!     customer_balance: String,
//!     website_url: String,
//! }
//!
//! #[connect_handler(function = "MyFirstConnectLambda")]
//! async fn my_first_connect_lambda(
//!     #[param(rename = "companyName")] company: String,
//!     #[contact("CustomerEndpoint.Address")] phone: String,
//! ) -> Result<Balance, connect_lambda::Error> {
//!     Ok(Balance {
//!         customer_balance: if phone.ends_with('0') { "0.00" } else { "12.50" }.into(),
//!         website_url: format!("https://www.{}.example.com", company.to_lowercase()),
//!     })
//! }
//!
//! // In main: `connect_lambda::run(my_first_connect_lambda::handler()).await`.
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! // In tests: the whole per-invocation path, event bytes in, response out.
//! let event = connect_lambda::ContactFlowEvent::builder()
//!     .parameter("companyName", "GGG")
//!     .customer_phone("+15550100")
//!     .build();
//! let response = my_first_connect_lambda::handler().invoke_event(&event).await.unwrap();
//! assert_eq!(
//!     response,
//!     br#"{"customerBalance":"0.00","websiteUrl":"https://www.ggg.example.com"}"#
//! );
//!
//! // A bad event is a clean error naming the key, never echoing a value.
//! let error = my_first_connect_lambda::handler().invoke(br#"{"Details": {}}"#).await.unwrap_err();
//! assert_eq!(error.error_type(), "InvalidEvent");
//!
//! // What the flow may read, for the connect-flow checker.
//! let manifest = my_first_connect_lambda::manifest();
//! assert_eq!(manifest.external[0].path, "$.External.customerBalance");
//! # }
//! ```
//!
//! [`run`] serves the handler through `lambda_runtime` inside Lambda; outside
//! it, the same binary is a small CLI (`--event FILE`, `--manifest`).
//!
//! # Errors, panics and deadlines
//!
//! A failed invocation reaches Lambda as one of [`ErrorType::ALL`] with a
//! message that holds no value from the event. A handler's panic is
//! answered `HandlerPanic` (the handler's name and the panic's location,
//! never its message, which may hold event values; the log line too, unless
//! [`SHOW_PANIC_MESSAGES`] is `show`), and the next event is served. A
//! handler still running [`DEADLINE_MARGIN`] before the invocation's
//! deadline is answered `Timeout` and cancelled at the `.await` it was
//! waiting on; [`RemainingTime`] reads the time left from the [`Context`].
//!
//! # The runtime: one invocation at a time, on one thread
//!
//! ```no_run
//! # use connect_lambda::{connect_handler, ConnectResponse};
//! # #[derive(ConnectResponse)]
//! # struct Balance { balance: String }
//! # #[connect_handler]
//! # fn my_first_connect_lambda() -> Balance { Balance { balance: "1".into() } }
//! #[tokio::main(flavor = "current_thread")]
//! async fn main() -> Result<(), connect_lambda::Error> {
//!     connect_lambda::run(my_first_connect_lambda::handler()).await
//! }
//! ```
//!
//! Lambda sends a process one event at a time, and CPU time is billed
//! duration (a 128 MB function gets about 1/14 of a vCPU). Measured through
//! a real Runtime API session on loopback (the figures are in
//! BENCHMARKS.md, "Process"), tokio's multi-thread runtime, the one a bare
//! `#[tokio::main]` builds, costs several times the CPU per invocation of a
//! current-thread runtime, for the tutorial example and for a hand-written
//! `lambda_runtime` handler alike: its worker threads park and wake around
//! every event. On a current-thread runtime the tutorial example costs a
//! fraction of the CPU per invocation of the same handler written with
//! `lambda_runtime` + `aws_lambda_events` under `#[tokio::main]`. Use the multi-thread runtime
//! (`#[tokio::main]`) with the `concurrency` feature only, where
//! several invocations share one process.
//!
//! # Cargo features
//!
//! - `concurrency` (off by default): serve up to
//!   `AWS_LAMBDA_MAX_CONCURRENCY` invocations at once, with `lambda_runtime`'s
//!   concurrent mode, for Lambda Managed Instances. Off, as
//!   `lambda_runtime`'s own `concurrency-tokio` is off by default: it adds
//!   code to every binary (BENCHMARKS.md, "Release size"), and standard Lambda serves one invocation per
//!   process anyway. Without it, a variable above 1 gets a warning in the log
//!   that says how to turn it on, and events are served one at a time. With
//!   it, serve on tokio's multi-thread runtime (`#[tokio::main]`) so that
//!   the invocations in flight can use several vCPUs.
//!
//!   ```toml
//!   connect-lambda = { version = "0.1", features = ["concurrency"] }
//!   ```
#![warn(missing_docs)]

#[cfg(feature = "concurrency")]
mod api_wait;
pub mod cli;
mod deadline;
mod handler;
mod handler_panic;
mod manifest_check;
mod manifest_dir;
mod manifest_rules;
mod manifest_text;
mod private;
mod run;

pub use connect_types::error::{ErrorType, InvokeError};
pub use connect_types::event::{self, ContactData, ContactFlowDetails, ContactFlowEvent};
pub use connect_types::manifest::{self, Manifest};
pub use deadline::{RemainingTime, DEADLINE_MARGIN};
pub use handler::{Error, Handler, HandlerFn};
pub use handler_panic::SHOW_PANIC_MESSAGES;
pub use lambda_runtime::Context;
pub use run::run;

#[doc = include_str!("docs/connect_handler.md")]
pub use connect_derive::connect_handler;

#[doc = include_str!("docs/connect_response.md")]
pub use connect_derive::ConnectResponse;
pub use connect_types::response::{self, ConnectResponse};

#[doc = include_str!("docs/connect_value.md")]
pub use connect_derive::ConnectValue;
pub use connect_types::value::ConnectValue;

// `pub mod __private<patch version>`, re-exporting `private`: written by
// build.rs, because a module's name cannot be computed in Rust source.
include!(concat!(env!("OUT_DIR"), "/private.rs"));
