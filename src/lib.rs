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

#[doc = include_str!("docs/connect_handler.md")]
pub use connect_derive::connect_handler;

#[doc = include_str!("docs/connect_response.md")]
pub use connect_derive::ConnectResponse;
pub use connect_types::response::{self, ConnectResponse};

/// What the macros expand to. Not a public API: names here change without
/// notice.
#[doc(hidden)]
pub mod __private {
    pub use crate::handler::{Handler, HandlerFn};
    pub use crate::{Context, Error};
    pub use connect_types::error::{ErrorType, InvokeError};
    pub use connect_types::event::{ContactData, ContactFlowEvent};
    pub use connect_types::extract;
    pub use connect_types::manifest;
    pub use connect_types::response::__private as response;
    pub use connect_types::response::ConnectResponse;
    pub use serde;
    pub use serde_json;
}
