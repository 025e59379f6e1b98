//! The facade's integration tests, one binary (one link instead of one per
//! file). Where each behaviour is tested:
//!
//! ```text
//! handler/arguments.rs     each argument kind extracted from the event, through invoke
//! handler/returns.rs       sync and async handlers, Result returns, #[state]
//! handler/manifest.rs      the manifest #[connect_handler] writes, against the JSON Schema
//! handler/manifest_dir.rs  CONNECT_MANIFEST_DIR: the generated test exports manifests
//! manifest_contract.rs     committed manifests/ kept true, in a scratch crate built by cargo
//! response/string_map.rs   STRING_MAP responses: bytes and key list
//! response/json.rs         JSON responses: nesting, arrays, maps, recursion cut
//! response/checks.rs       run-time response checks: 32 KB, flat strings in hand-written impls
//! bad_input.rs (+ bad_input/)  hostile events and bad responses: error types, value-free messages
//! runtime_e2e.rs           connect_lambda::run against an in-process Runtime API
//! cli.rs                   the local command line (cli::main_with), in-memory streams
//! properties.rs            property tests of the event model and the extraction
//! fuzz_corpus.rs           the kept fuzz corpus replayed through the fuzz checks
//! peer_events.rs           which sample events aws_lambda_events can parse (BENCHMARKS.md)
//! large_event_fixture.rs   examples/events/large-contact.json is what the generator makes
//! support/responses.rs     helper: hand-written responses for the handler tests
//! ```
//!
//! Tests that need a process of their own (`harness = false`) stay beside
//! this folder: `cli_process.rs` (run()'s exit codes and streams),
//! `runtime_safety.rs` (panics, deadlines, oversized input, a refusing
//! Runtime API, as a child process) and `bad_input_memory.rs` (peak memory
//! of a 6 MB event under a counting allocator). The child-process runner
//! they share, the in-process Runtime API, the test handlers, the fuzz
//! checks and the large event are the `connect-test-support` crate.

mod bad_input;
mod cli;
mod fuzz_corpus;
mod handler;
mod large_event_fixture;
mod manifest_contract;
mod peer_events;
mod properties;
mod response;
mod runtime_e2e;

/// What the test modules share; no tests of their own.
mod support {
    /// Responses with hand-written `ConnectResponse` impls, for the handler tests.
    pub mod responses;
}

/// `connect_lambda::run` reads its configuration from the process
/// environment, which every test of this binary shares: the tests that set
/// the Lambda variables and serve through the runtime take turns.
static LAMBDA_ENVIRONMENT: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
