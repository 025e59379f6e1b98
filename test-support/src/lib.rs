//! What connect-lambda's tests, benchmarks and fuzz targets share, as a
//! crate they depend on (as tokio-test and serde_test are) rather than
//! files each pulls in with `#[path]`:
//!
//! - [`runtime_api`]: an in-process Lambda Runtime API on loopback, for
//!   serving handlers through the real `lambda_runtime` client;
//! - [`company_handler`]: a hand-written `HandlerFn` for the runtime's tests;
//! - [`tutorial_handlers`]: the handlers both bad-input suites run, written
//!   with the real macros;
//! - [`fuzz_checks`]: the property each fuzz target checks, also run by the
//!   facade's `fuzz_corpus` and `properties` tests;
//! - [`large_event`]: the benchmarks' large event, committed as
//!   `examples/events/large-contact.json`;
//! - [`process_checks`]: the runner of the tests that re-run themselves as
//!   a child process (`cli_process`, `runtime_safety`): their checks, and
//!   starting and collecting the child;
//! - [`child`]: how every test runs a child process (output read from the
//!   start, a time limit, killed when dropped).
//!
//! `publish = false`: it exists for this workspace (and `fuzz/`) only.

pub mod child;
pub mod company_handler;
pub mod fuzz_checks;
pub mod large_event;
pub mod process_checks;
pub mod runtime_api;
pub mod tutorial_handlers;
