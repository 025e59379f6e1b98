//! The examples' integration tests, one binary: each example bin on its
//! events, its manifest, the examples' flow checked against the manifests
//! and simulated with the handlers in process, and each bin served by the
//! real `lambda_runtime` client.

mod example_bins;
mod flow_check;
mod flow_simulation;
mod in_process;
mod manifests;
mod responses;
mod runtime_e2e;
mod test_cases;
