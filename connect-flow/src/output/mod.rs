//! The outputs, one per format, each written from the findings and the
//! resolved [`crate::model::Model`]:
//!
//! - [`human`]: rustc-style diagnostics for a terminal, every string from a
//!   flow passed through [`terminal::escape`];
//! - [`json`]: `{"findings": [...]}` for a pipeline;
//! - [`sarif`]: SARIF 2.1.0 for code-review tools;
//! - [`html`]: one self-contained page drawing each flow.

pub mod html;
pub mod human;
pub mod json;
pub mod sarif;
pub mod terminal;
