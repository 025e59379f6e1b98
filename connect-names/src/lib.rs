//! Amazon Connect's names, written once for every crate of connect-lambda.
//!
//! `#[connect_handler]` checks names at compile time, the runtime reads the
//! event by them, and the `connect-flow` checker reads flows with them: all
//! three take their rules from here, so they cannot drift apart.
//!
//! - [`key`]: the key grammar `[A-Za-z0-9_-]+` of response keys
//!   (`$.External.<key>`), parameters and attributes, and the wider grammar
//!   of the keys in Connect's own maps (`connect:Subtype`,
//!   `aws:connect:instanceId`).
//! - [`function_name`]: the Lambda function-name grammar.
//! - [`contact_data`]: the tree of `Details.ContactData` paths, answering
//!   "is this a path" ([`contact_data::is_contact_data_path`]) and "which
//!   path did you mean" ([`contact_data::check_contact_data_path`]).
//! - [`suggest`]: "did you mean", with one threshold policy.
//!
//! ```
//! use connect_names::{contact_data, function_name, key, suggest};
//!
//! assert!(key::is_key("customerBalance"));
//! assert!(function_name::is_function_name("MyFirstConnectLambda"));
//! assert!(contact_data::is_contact_data_path("Tags.aws:connect:instanceId"));
//!
//! let typo = contact_data::check_contact_data_path("SegmentAttributes.connect:Subtype.ValueStrin");
//! assert_eq!(
//!     typo.unwrap_err().suggestion(),
//!     Some("SegmentAttributes.connect:Subtype.ValueString"),
//! );
//! assert_eq!(suggest::did_you_mean("parm", ["param", "attribute"]), Some("param"));
//! ```
//!
//! The crate has no dependencies, so the proc-macro crate can use it without
//! compiling a second copy of anything for the host.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod contact_data;
pub mod function_name;
pub mod key;
pub mod suggest;
