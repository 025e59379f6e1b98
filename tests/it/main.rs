//! The facade's integration tests, one binary (one link instead of one per
//! file): handlers through `invoke` and through the real `lambda_runtime`
//! client, responses, manifests, the local CLI, bad input, properties and
//! the fuzz corpus. Tests that need a process of their own (`harness =
//! false`) stay beside this folder: `cli_process`, `bad_input_memory`.
//!
//! The shared pieces (the in-process Runtime API, the test handlers, the
//! fuzz checks, the large event) are the `connect-test-support` crate.

mod bad_input;
mod cli;
mod fuzz_corpus;
mod handler_arguments;
mod handler_manifest;
mod handler_manifest_dir;
mod handler_returns;
mod large_event_fixture;
mod manifest_contract;
mod peer_events;
mod properties;
mod response_checks;
mod response_json;
mod response_string_map;
mod responses;
mod runtime_e2e;

/// `connect_lambda::run` reads its configuration from the process
/// environment, which every test of this binary shares: the tests that set
/// the Lambda variables and serve through the runtime take turns.
static LAMBDA_ENVIRONMENT: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
