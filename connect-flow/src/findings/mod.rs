//! Every finding of the checker, with its code, severity, action and field.
//!
//! Each code is declared once, with its severity and one-line doc, in
//! [`codes`]; `connect-flow/README.md` lists them, and a test holds that
//! list to the declaration. The modules, by subject:
//!
//! - [`model`]: a [`Finding`]; [`severity`]: its [`Severity`];
//! - [`driver`]: [`check`], which walks every flow and sorts the findings;
//! - `graph`, `external`, `block`: the rules on the flow's graph, on
//!   `$.External` references, on each Lambda block;
//! - `values`, `carried`: the rules on the values a Lambda's answer can
//!   hold (Compare conditions, literal parameters), and the value sets
//!   contact attributes carry within a flow;
//! - [`keys`]: what a manifest says about a key.
//!
//! Findings come in the order of the flows given, then of the actions in the
//! file, then by field, then in the order of the codes.

mod block;
mod carried;
mod chain;
pub mod codes;
pub mod driver;
mod external;
mod graph;
pub mod keys;
pub mod model;
pub mod severity;
mod values;

pub use codes::Code;
pub use driver::{check, check_model};
pub use model::{fails, Finding};
pub use severity::Severity;
