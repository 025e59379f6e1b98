//! Procedural macros of `connect-lambda`. Use them through `connect-lambda`,
//! which re-exports them with the runtime they expand to.

mod handler;
mod internals;
mod private;
mod response;
mod value;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Derives `ConnectResponse` and `serde::Serialize` for a response struct.
///
/// Documented on the re-export, `connect_lambda::ConnectResponse`.
#[proc_macro_derive(ConnectResponse, attributes(connect))]
pub fn derive_connect_response(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    response::derive(&input).into()
}

/// Derives `ConnectValue` for a fieldless enum: its variants' serde strings
/// are the closed set of values a key can hold.
///
/// Documented on the re-export, `connect_lambda::ConnectValue`.
#[proc_macro_derive(ConnectValue, attributes(connect, serde))]
pub fn derive_connect_value(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    value::derive(&input).into()
}

/// `#[connect_handler]`: turns a plain function into an Amazon Connect
/// Lambda handler. Use it through `connect_lambda::connect_handler`, whose
/// documentation describes the argument kinds, options, errors and the
/// `CONNECT_MANIFEST_DIR` export.
#[proc_macro_attribute]
pub fn connect_handler(
    args: proc_macro::TokenStream,
    item: proc_macro::TokenStream,
) -> proc_macro::TokenStream {
    handler::connect_handler(args.into(), item.into()).into()
}
