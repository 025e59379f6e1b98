//! `#[derive(ConnectResponse)]`: parse ([`ast`], [`attr`]), check
//! ([`check`]), expand ([`expand`]).

mod ast;
mod attr;
mod check;
mod expand;

use proc_macro2::TokenStream;
use syn::DeriveInput;

use crate::internals::ctxt::Ctxt;

/// The derive's output for `input`: the impls, and a `compile_error!` for
/// every problem found. When the input is not a struct with named fields
/// the impls are placeholders, so that code using the type reports no
/// follow-on errors.
pub fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let attrs = attr::Container::from_ast(&cx, &input.attrs);
    let impls = match ast::Container::from_ast(&cx, input, attrs.clone()) {
        Some(cont) => {
            check::check(&cx, &cont);
            expand::impls(&cont)
        }
        None => expand::fallback(input, &attrs),
    };
    let errors = cx.check().err().map(|error| error.to_compile_error());
    quote::quote! {
        #impls
        #errors
    }
}
