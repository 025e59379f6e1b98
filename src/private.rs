//! What the macros expand to. Not a public API: names here change without
//! notice. Users reach it as `connect_lambda::__private<patch version>`
//! (declared by `build.rs`, named by connect-derive's `private.rs`), so a
//! macro and a runtime of different versions fail on that name.

pub use crate::handler::{Handler, HandlerFn};
pub use crate::manifest_check::generated_test as manifest_test;
pub use crate::{Context, Error};
pub use connect_types::error::{ErrorType, InvokeError};
pub use connect_types::event::{ContactData, ContactFlowEvent};
pub use connect_types::extract;
pub use connect_types::manifest;
pub use connect_types::response::__private as response;
pub use connect_types::response::ConnectResponse;
pub use serde;
pub use serde_json;

/// The handler's future, as is: the bound makes a future that is not
/// `Send` an error on the handler's name (generated code calls this
/// rather than declaring a function per handler).
pub fn require_send<F: core::future::Future + Send>(future: F) -> F {
    future
}
