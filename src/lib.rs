//! connect-lambda: Amazon Connect Lambda handlers checked at compile time.
#![warn(missing_docs)]

pub use connect_types::manifest::{self, Manifest};
