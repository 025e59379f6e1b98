//! Procedural macros of `connect-lambda`. Use them through `connect-lambda`,
//! which re-exports them with the runtime they expand to.

mod ctxt;
mod response;

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
