//! Checks exported Amazon Connect flows against connect-lambda handler
//! manifests, before deployment.
//!
//! A flow reads a Lambda's response as `$.External.<key>`, and passes it
//! parameters in the block's `LambdaInvocationAttributes`. Nothing in Amazon
//! Connect says, before a caller is sent down the Error branch, that
//! `$.External.customerBalanse` will never exist, or that a required
//! `companyName` is not passed. This crate does: it reads the exported flow
//! (the flow language, [`flow`]) once into a resolved [`model`] (blocks
//! named as the designer names them, [`designer`]; branches, the function
//! each Lambda block invokes, and at every block which Lambdas may have run
//! last), matches each Lambda to its manifest ([`matching`]), and reports
//! every mismatch ([`findings`]) for a person, a pipeline, a code-review
//! tool or a browser ([`output`]). Deployment placeholders in
//! `LambdaFunctionARN` are read by [`placeholder`]. The same model gives the
//! contract of each Lambda it invokes, from which [`scaffold`] writes the
//! Rust handlers (or a manifest) the flow expects.
//! The paths a command is given (flow exports, directories,
//! `describe-contact-flow` output, CloudFormation templates) are read into
//! flows by [`input`]. [`simulate`] runs a contact through the flows
//! offline, with the Lambdas as Rust functions, commands or checked mocks,
//! and returns its trace; [`testcase`] reads Amazon Connect's own test cases
//! (its Testing language) and runs them on it, with coverage drawn on the
//! flow. The `connect-flow` binary is [`cli`].
//!
//! ```
//! use connect_flow::{check, Code, Flow, LoadedManifest, Manifests};
//!
//! let manifest = LoadedManifest::from_slice(br#"{
//!   "manifestVersion": 1, "handler": "get_balance", "responseValidation": "STRING_MAP",
//!   "parameters": [{"key": "companyName", "type": "string", "required": true}],
//!   "external": [{"path": "$.External.customerBalance", "key": "customerBalance",
//!                 "type": "string", "required": true, "referenceable": true}]
//! }"#, "get_balance.json").unwrap();
//! let flow = Flow::from_slice(br#"{"Version": "2019-10-30", "StartAction": "Get balance", "Actions": [
//!   {"Identifier": "Get balance", "Type": "InvokeLambdaFunction",
//!    "Parameters": {"LambdaFunctionARN": "arn:aws:lambda:us-east-1:123456789012:function:GetBalance",
//!                   "InvocationTimeLimitSeconds": "8",
//!                   "LambdaInvocationAttributes": {"companyName": "Example Corp"}},
//!    "Transitions": {"NextAction": "Say balance",
//!                    "Errors": [{"ErrorType": "NoMatchingError", "NextAction": "Say balance"}]}},
//!   {"Identifier": "Say balance", "Type": "MessageParticipant",
//!    "Parameters": {"Text": "Your balance is $.External.customerBalanse."}, "Transitions": {}}
//! ]}"#, "main.json").unwrap();
//!
//! let mut manifests = Manifests::new();
//! manifests.add(manifest);
//! let findings = check(&[flow], &manifests).unwrap();
//! let codes: Vec<Code> = findings.iter().map(|f| f.code).collect();
//! assert_eq!(codes, [Code::UnknownKey, Code::AfterLambdaError]);
//! assert_eq!(findings[0].suggestion.as_deref(), Some("customerBalance"));
//! ```
#![warn(missing_docs)]

pub mod arn;
pub mod cli;
pub(crate) mod condition;
pub mod designer;
pub mod error;
pub mod findings;
pub mod flow;
pub mod function;
pub mod input;
pub mod matching;
pub mod model;
pub mod output;
pub mod placeholder;
pub mod references;
pub mod scaffold;
pub mod simulate;
pub mod testcase;

pub use error::InputError;
pub use findings::{check, check_model, Code, Finding, Severity};
pub use flow::Flow;
pub use matching::{LoadedManifest, Manifests};
/// The HTML report, at its former path.
pub use output::html;
