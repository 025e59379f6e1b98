//! connect-lambda: Amazon Connect Lambda handlers checked at compile time.
#![warn(missing_docs)]

pub mod cli;
mod handler;
mod run;

pub use connect_types::error::{ErrorType, InvokeError};
pub use connect_types::event::{self, ContactData, ContactFlowDetails, ContactFlowEvent};
pub use connect_types::manifest::{self, Manifest};
pub use handler::{Error, Handler, HandlerFn};
pub use lambda_runtime::Context;
pub use run::run;
