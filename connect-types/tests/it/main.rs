//! connect-types' integration tests, one binary: the event model on the
//! sample events, the extraction (scan, lenient coercion, value-free errors,
//! allocations, mutated events) and the manifest's JSON Schema: `event_*.rs`
//! test the event model, `extract_*.rs` the extraction, `manifest_schema.rs`
//! the schema; `support/` holds helpers, no tests.

mod event_builder;
mod event_enums;
mod event_error_messages;
mod event_errors;
mod event_optional;
mod event_paths;
mod event_robustness;
mod event_roundtrip;
mod event_samples;
mod extract_alloc;
mod extract_errors;
mod extract_lenient;
mod extract_mutations;
mod extract_scan;
mod manifest_schema;

/// What the test modules share; no tests of their own.
mod support {
    /// Where the sample events live, and reading them.
    pub mod sample_events;
}
