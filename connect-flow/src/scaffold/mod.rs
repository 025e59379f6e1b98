//! `connect-flow scaffold`: the Rust Lambdas an existing flow expects,
//! generated from the flow.
//!
//! A team moving a flow's Node or Python Lambdas to Rust needs what the
//! checker already computes: for each function the flows invoke, the
//! parameters each invoking block passes and the `$.External` keys read
//! after it ([`contracts`]). From that, [`files`] writes a Cargo package
//! with one bin per function: a `#[connect_handler(function = "...")]`
//! with one `#[param(rename = "...")]` per parameter, a
//! `#[derive(ConnectResponse)]` with one field per key in the blocks'
//! validation (a key the flows compare with literals only, in "Check
//! contact attributes" blocks right after the Lambda, typed with a
//! `#[derive(ConnectValue)]` enum of those literals, which the manifest
//! lists as its `values`), a body that returns every key, a test and `main`. The bins'
//! manifests check against the same flows with no error, and
//! [`manifest`] is that manifest without Rust: the starting point of a
//! hand-written one for a Lambda in another language.
//!
//! ```
//! use connect_flow::scaffold::{contracts, manifest};
//! use connect_flow::{model::Model, Flow};
//!
//! let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "Get config", "Actions": [
//!   {"Identifier": "Get config", "Type": "InvokeLambdaFunction",
//!    "Parameters": {"LambdaFunctionARN": "${LambdaGetSurveyConfig.Arn}",
//!                   "InvocationTimeLimitSeconds": "6",
//!                   "LambdaInvocationAttributes": {"surveyId": "$.Attributes.surveyId"}},
//!    "Transitions": {"NextAction": "Intro", "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "Intro"}]}},
//!   {"Identifier": "Intro", "Type": "MessageParticipant",
//!    "Parameters": {"Text": "$.External.introPrompt"}, "Transitions": {}}
//! ]}"#, "survey.json").unwrap();
//!
//! let found = contracts(&Model::new(vec![flow])).unwrap();
//! let survey = &found.lambdas[0];
//! assert_eq!(survey.function, "GetSurveyConfig");
//! assert_eq!(survey.parameters[0].key, "surveyId");
//! assert!(survey.keys.contains_key("introPrompt"));
//!
//! let manifest = manifest(survey);
//! assert_eq!(manifest.handler, "get_survey_config");
//! assert_eq!(manifest.external[0].path, "$.External.introPrompt");
//! ```

mod block_ref;
mod contract;
mod error;
mod manifest;
mod package;
mod rust;

pub use block_ref::BlockRef;
pub use contract::{contracts, Contracts, Key, LambdaContract, Parameter};
pub use error::ScaffoldError;
pub use manifest::manifest;
pub use package::{files, package_name, write, Dependency, File};
pub use rust::{bin_source, handler_name};
